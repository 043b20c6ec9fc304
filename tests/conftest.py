from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"
BASE = FIXTURES / "base"

# The tests (and the gialint processes they start) keep parse tables and cached results in a
# directory of their own, never in the user's ~/.cache/gialint.
os.environ["GIALINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="gialint-test-cache-")

settings.register_profile("default", deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", deadline=None, max_examples=1000, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def seed(prefix: str) -> Path:
    """The seed report whose file name starts with ``prefix`` ("000" … "004")."""
    return next(SEEDS.glob(f"{prefix}_*.txt"))


REPORTS = sorted(SEEDS.glob("*.txt")) + sorted(BASE.glob("*.txt"))
_written: dict[tuple[str, str], bytes] = {}


def written(path: Path, kind: str) -> bytes:
    """The report at ``path`` written as ``kind`` (docx, html, html-gb2312, pdf, md), made once per run."""
    from gialint.testing import writers

    key = (str(path), kind)
    if key not in _written:
        text = path.read_text(encoding="utf-8")
        makers = {
            "docx": writers.to_docx,
            "html": writers.to_html,
            "html-gb2312": lambda t: writers.to_html(t, encoding="gb2312"),
            "pdf": writers.to_pdf,
            "md": lambda t: writers.to_markdown(t).encode("utf-8"),
        }
        _written[key] = makers[kind](text)
    return _written[key]


@contextlib.contextmanager
def raises_en(kind: type[Exception], match: str) -> Iterator[Any]:
    """``pytest.raises(kind, match=…)`` for gialint's errors, which carry both languages:
    ``match`` is searched in the English (``str(error)`` is the Chinese)."""
    with pytest.raises(kind) as caught:
        yield caught
    english = caught.value.get("en")  # type: ignore[attr-defined]
    assert re.search(match, english), english
