"""The real corpus (tests/fixtures/real): every hand-verified defect found at its place, no false error.

Each entry of tests/fixtures/real/expected.json is one test, named by its file. The files
are reports as agencies published them, crawlers saved them, other tools converted them,
and as a browser and an office suite make them from a published page (``generated/``,
made by ``generate.sh``); README.md there says what was verified by hand in each.

The matching is bench/accuracy.py's (:func:`accuracy.score`), so that these tests and the
accuracy figures in docs/accuracy.md count the same things: an expected finding is found
when a diagnostic has one of its codes and a logical place that starts with its place; a
false error is an error-level diagnostic that no expected finding names and that is not in
the entry's ``allowed_errors``.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import FIXTURES

sys.path.append(str(Path(__file__).resolve().parent.parent / "bench"))
import accuracy

REAL = FIXTURES / "real"
ENTRIES = accuracy.load_expectations(REAL / "expected.json", REAL)
TOOLING = {"README.md", "expected.json", "generate.sh"}


@pytest.fixture(scope="module")
def rule_codes() -> frozenset[str]:
    return accuracy.rule_codes_in_process()


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.file for e in ENTRIES])
def test_real_report(entry: accuracy.Entry, rule_codes: frozenset[str]) -> None:
    run = accuracy.lint(REAL / entry.file)
    # An expected finding whose codes name no rule gialint has is not asserted: score() lists it
    # in not_counted. It is asserted by itself once a rule with its code is installed (so
    # sanming-2019's "办结…403件" against 表三's 109 is asserted since GIA501 exists).
    score = accuracy.score(entry, run, rule_codes)
    problems = ([score.failure] if score.failure else []) + [f"missed {m}" for m in score.missed]
    problems += [f"false error {f}" for f in score.false_errors]
    assert not problems, "\n".join(problems)
    if run.unreadable is not None:  # exit 2 with one line for the user, and no findings
        assert "\n" not in run.unreadable.strip() and run.findings == ()
    if entry.not_a_report and run.unreadable is None:
        # a file that is not a report of the format gets one finding saying what it is, nothing else
        assert [f.code for f in run.findings] == [accuracy.NOT_A_REPORT]


def test_every_file_of_the_corpus_has_expectations() -> None:
    files = {str(p.relative_to(REAL)) for p in REAL.rglob("*") if p.is_file()} - TOOLING
    assert files == {e.file for e in ENTRIES}


def test_generated_files_carry_the_findings_of_their_source() -> None:
    # a page or PDF printed, converted or extracted by another tool is the same report: the same
    # hand-verified findings (generated/NAME.TOOL.EXT is made from NAME.html, NAME.pdf or NAME.docx)
    sources = {e.file.split(".")[0]: e for e in ENTRIES if "/" not in e.file}
    generated = [e for e in ENTRIES if e.file.startswith("generated/")]
    assert generated
    for entry in generated:
        source = sources[entry.file.removeprefix("generated/").split(".")[0]]
        assert replace(entry, file=source.file, false=source.false) == source


def test_generated_files_stay_small() -> None:
    # generate.sh picks compact fonts; a re-made PDF that embeds a whole CJK face would bloat the repository
    sizes = {p.name: p.stat().st_size for p in (REAL / "generated").iterdir()}
    assert max(sizes.values()) < 400_000, sizes


def test_the_narrative_findings_are_asserted(rule_codes: frozenset[str]) -> None:
    # the figures the text states against the tables (GIA501) and against its own parts (GIA508)
    for name, code in (("sanming-2019-crawl.txt", "GIA501"), ("pingtan-2020.html", "GIA508")):
        entry = next(e for e in ENTRIES if e.file == name)
        score = accuracy.score(entry, accuracy.lint(REAL / entry.file), rule_codes)
        assert score.not_counted == [] and any(code in found for found in score.found), (name, score)
