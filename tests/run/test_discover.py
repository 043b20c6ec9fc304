"""Finding a run's files: in the order of their paths, as the run asks for them."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gialint.cli import main
from gialint.config import Resolver
from gialint.run.discover import iter_found

# names that sort around '/' and '.' ('-' < '.' < '/' < '0'), and one beyond ASCII
NAMES = st.text("ab-_.0报", min_size=1, max_size=4).filter(lambda n: not n.startswith((".", "~$")))

Tree = dict[str, Any]  # a name: None for a file, a Tree for a directory
TREES: st.SearchStrategy[Tree] = st.recursive(
    st.dictionaries(NAMES, st.none(), max_size=4),
    lambda children: st.dictionaries(NAMES, st.none() | children, max_size=4),
    max_leaves=12,
)


def _make(directory: Path, tree: Tree) -> list[str]:
    """The tree's files written under ``directory`` (a file's name gets ".txt"), their paths."""
    paths = []
    for name, below in tree.items():
        if below is None:
            path = directory / f"{name}.txt"
            path.write_text("x", encoding="utf-8")
            paths.append(str(path))
        else:
            (directory / name).mkdir()
            paths += _make(directory / name, below)
    return paths


@settings(max_examples=60, deadline=None)
@given(tree=TREES)
def test_files_come_in_the_order_of_their_paths(tree: Tree) -> None:
    root = Path(tempfile.mkdtemp())
    try:
        (root / "reports").mkdir()
        written = _make(root / "reports", tree)
        found = list(iter_found([str(root / "reports")]))
        assert found == [(path, True) for path in sorted(written)]
    finally:
        shutil.rmtree(root)


def test_files_are_found_as_the_run_asks_for_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for folder in range(10):
        (tmp_path / f"{folder:02d}").mkdir()
        for index in range(3):
            (tmp_path / f"{folder:02d}" / f"{index}.txt").write_text("x", encoding="utf-8")
    listed: list[str] = []
    real = os.scandir

    def scandir(path: str) -> Any:
        listed.append(os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = iter_found([str(tmp_path)])
    assert next(found) == (str(tmp_path / "00" / "0.txt"), True)
    assert listed == [str(tmp_path), str(tmp_path / "00")]  # the other nine folders are not listed yet
    assert len(list(found)) == 29 and len(listed) == 11


def test_the_resolver_keeps_settings_by_directory_not_by_file(tmp_path: Path) -> None:
    for folder in range(3):
        (tmp_path / str(folder)).mkdir()
        for index in range(50):
            (tmp_path / str(folder) / f"{index}.txt").write_text("x", encoding="utf-8")
    resolver = Resolver(isolated=False)
    found = list(iter_found([str(tmp_path)], lambda p, d: resolver.for_path(p, d).is_excluded(p)))
    assert len(found) == 150
    assert len({id(resolver.for_path(path, False)) for path, _ in found}) == 1
    kept = sum(len(table) for name, table in vars(resolver).items() if isinstance(table, dict))
    assert kept < 20  # the directories' entries and the configuration's, none for each of 150 files


def test_a_run_says_the_files_it_passed_over_in_one_note_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for index in range(5):
        (tmp_path / f"old{index}.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "README.md").write_text("说明\n", encoding="utf-8")
    code = main(["check", str(tmp_path), "--lang", "en", "--no-cache"])
    lines = capsys.readouterr().err.splitlines()
    assert code == 0 and len(lines) == 2, lines
    assert "5" in lines[0] and "old0.doc" in lines[0] and "old4.doc" not in lines[0]  # counted, the first named
    assert "README.md" in lines[1]
