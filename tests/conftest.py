from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, settings

if TYPE_CHECKING:
    from gialint.base.diagnostic import Diagnostic

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


# ---------------------------------------------------------------- helpers shared by test modules
# (tests/ is on the import path as conftest's folder; the test modules are not a package)


def write_pair(tmp_path: Path, year: int = 2020, seed: int = 1, agency: str = "某某市某某局") -> tuple[Path, Path]:
    """Two consecutive years' reports of one agency, this year's carried-over figure wrong by one."""
    import random

    from gialint.testing import consistent_values, next_year_values, render

    rng = random.Random(seed)
    last = consistent_values(year, rng)
    this = next_year_values(year, last, rng)
    this[("t3", "carried_in", "natural")] += 1  # one carried-over figure wrong
    this[("t3", "carried_in", "total")] += 1
    a, b = tmp_path / f"a-{year}.txt", tmp_path / f"b-{year + 1}.txt"
    a.write_text(render(year, last, agency=agency).text, encoding="utf-8")
    b.write_text(render(year + 1, this, agency=agency).text, encoding="utf-8")
    return a, b


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """``gialint ARGS`` in process: its exit code and standard output."""
    from gialint.cli import main

    code = main(args)
    return code, capsys.readouterr().out


#: Reports in a corpus of make_corpus: more than batch.MIN_FOR_WORKERS, so -j 2 really starts workers.
CORPUS_COUNT = 40


def make_corpus(directory: Path, count: int = CORPUS_COUNT) -> list[Path]:
    """Reports of both formats in every layout; every third has a total that does not add up."""
    import random

    from gialint.testing import LAYOUTS, consistent_values, render

    rng = random.Random(7)
    paths = []
    for index in range(count):
        year = 2020 if index % 2 else 2022
        values: dict[tuple[str, str, str], int | str] = dict(consistent_values(year, rng))
        if index % 3 == 0:
            values[("t3", "new", "total")] = int(values[("t3", "new", "total")]) + 1
        layout = LAYOUTS[index % len(LAYOUTS)]
        path = directory / f"sub{index % 3}" / f"r{index:03d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(year, values, layout).text, encoding="utf-8")
        paths.append(path)
    return sorted(paths)


def full_finding(place: tuple[str, ...] = ("table3", "总计", "申请人数")) -> Diagnostic:
    """A finding with every field set, none to its default: what a test that a finding is copied
    or pickled whole (every field, each in its place) starts from."""
    from gialint.base.diagnostic import Applicability, Diagnostic, Edit, Fix, Related, Severity, Text
    from gialint.base.location import DocxCell, PdfPosition
    from gialint.base.span import Span

    return Diagnostic(
        "GIA403",
        "nonstandard-number",
        Severity.WARNING,
        Span(3, 2, 3, 5),
        Text("数字", "number"),
        expected="12",
        found="１２",
        related=(Related(Span(4, 1, 4, 2), "合计", DocxCell(1, 2, 3)),),
        location=PdfPosition(2, 7, (1.0, 2.0, 3.0, 4.0)),
        fix=Fix((Edit(Span(3, 2, 3, 5), "12"),), Applicability.UNSAFE),
        place=place,
    )
