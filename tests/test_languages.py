"""Chinese throughout, English throughout: every line gialint prints — findings, notes and
errors on stderr, `gialint rules` and `gialint rule`, --statistics, the concise and GitHub formats,
the job summary, --help and usage errors — is in the run's language. English keeps Chinese only where a reader needs it to find
the place in the report: in brackets, in quotes, in backticks, or in the report's own text."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from pathlib import Path

import pytest

from conftest import BASE, SEEDS, seed
from gialint.cli import main
from gialint.lint.registry import all_rules

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
ASIDES = re.compile(r"\([^()]*\)|（[^（）]*）|“[^”]*”|\"[^\"]*\"|'[^']*'|`[^`]*`")
#: Words that are the same in both languages: paths, rule codes and names, options and their
#: metavariables and choices (`--fail-on {error,warning,info}`, `-o FILE`), the program.
NEUTRAL = re.compile(
    r"\S*[/\\.]\S*|GIA\d+|--?[\w-]+|\bgialint\b|\b[a-z]+(?:-[a-z]+)+\b|file=\S*|title=\S*|\b[A-Z]{2,}\b|\{[^{}]*\}"
)


def english_only(line: str) -> bool:
    return not CJK.search(ASIDES.sub("", line))


def english_words(line: str) -> list[str]:
    """The English words of a line, leaving out what is the same in either language."""
    names = {r.name for r in all_rules()}
    cleaned = NEUTRAL.sub(" ", line)
    return [w for w in re.findall(r"[A-Za-z]{3,}", cleaned) if w not in names]


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Reports to check, with everything that makes gialint say something besides its findings."""
    from reportlab.pdfgen import canvas

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(BASE / "defects-2021.txt", reports / "defects.txt")
    shutil.copy(seed("000"), reports / "seed.txt")
    (reports / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    (reports / "notes.md").write_text("# Meeting notes\n\nNothing to do with reports.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    scan = io.BytesIO()
    page = canvas.Canvas(scan)
    page.rect(10, 10, 100, 100)  # a page with a drawing and no text: a scan
    page.showPage()
    page.save()
    (tmp_path / "scan.pdf").write_bytes(scan.getvalue())
    (tmp_path / "bad.toml").write_text('selct = ["GIA301"]\n', encoding="utf-8")
    (tmp_path / "fix").mkdir()
    shutil.copy(seed("000"), tmp_path / "fix" / "r.txt")
    return tmp_path


RUNS = [
    ["check", "reports", "empty.txt", "scan.pdf", "--no-color"],
    ["check", "reports", "--format", "concise", "--show-source"],
    ["check", "reports", "--statistics"],
    ["check", "reports", "empty.txt", "--format", "github"],
    ["check", "reports", "--config", "bad.toml"],
    ["check", "reports", "--select", "GIA3O1"],
    ["check", "reports", "--baseline", "missing.json"],
    ["check", "reports", "--baseline", "known.json", "--update-baseline"],
    ["check", "reports", "--baseline", "known.json"],
    ["check", "fix/r.txt", "--fix", "--no-color"],
    ["check", "reports", "--format", "xlsx"],
    ["rules"],
    ["check", "--help"],
    ["check", "reports", "--selct", "GIA3"],  # a usage error: argparse's own words
    ["check", "reports", "--format", "sarf"],
    ["rules", "--lang"],
    ["--version"],
]
#: What a run in Chinese prints besides: a rule's page (in English, docs/rules.md, which quotes
#: the report's Chinese freely).
RUNS_ZH = [["rule", "GIA303"], ["rule", "GIA501"]]


def lines_of(
    workspace: Path, lang: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> list[str]:
    """Every line the runs print, stdout and stderr, and the GitHub job summary."""
    summary = workspace / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.setenv("COLUMNS", "1000")  # a table's rows are not wrapped in the middle of a bracket
    printed: list[str] = []
    for args in RUNS + ([] if lang else RUNS_ZH):
        with contextlib.suppress(SystemExit):  # --help, usage errors
            main([*args, *lang, *(["-j", "1"] if args[0] == "check" else [])])
        out, err = capsys.readouterr()
        printed += err.splitlines() + out.splitlines()
    shutil.copy(seed("000"), workspace / "fix" / "r.txt")  # the next language fixes it again
    printed += summary.read_text(encoding="utf-8").splitlines()
    summary.unlink()
    return [line for line in printed if line.strip()]


def said(lines: list[str]) -> list[str]:
    """The lines that are gialint's words: not the report's own (a code frame, a related cell)."""
    return [line for line in lines if "│" not in line and not line.startswith("   = ")]


def test_chinese_throughout(
    workspace: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = lines_of(workspace, [], capsys, monkeypatch)
    english = [line for line in said(lines) if not CJK.search(line) and english_words(line)]
    assert english == []
    notes = [line for line in lines if line.startswith("gialint: ")]
    assert len(notes) >= 10 and all(CJK.search(line) for line in notes)
    assert any("文字识别" in line for line in notes)  # the OCR advice for a scanned PDF
    assert any("跳过" in line and "old.doc" in line for line in notes)
    assert any("已修复" in line for line in notes)
    assert any(line.startswith("共 ") and "个问题" in line for line in lines)  # --statistics
    assert any(" GIA" in line and " 错误 " in line for line in lines)  # concise severities
    assert any(line.startswith("用法：gialint check") for line in lines)  # --help and usage errors
    assert any("无法识别的参数：--selct" in line and "；是否要写 --select？" in line for line in lines)
    assert any(line == "### 作用" for line in lines)  # gialint rule


def test_english_throughout(
    workspace: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = lines_of(workspace, ["--lang", "en"], capsys, monkeypatch)
    chinese = [line for line in said(lines) if not english_only(line)]
    assert chinese == []
    notes = [line for line in lines if line.startswith("gialint: ")]
    assert len(notes) >= 10
    assert any("run OCR on it first" in line for line in notes)
    assert any(line.startswith("Total: ") for line in lines)  # --statistics
    assert any(line == "| Rule | Name | Findings |" for line in lines)  # the job summary
    assert any(re.match(r"Code +Name +Severity +Summary", line) for line in lines)  # gialint rules
    assert any(line.startswith("usage: gialint check") for line in lines)  # --help and usage errors
    assert any("unrecognized arguments: --selct" in line and "; did you mean --select?" in line for line in lines)
    # plurals agree with their counts
    for line in lines:
        for count, word in re.findall(r"\b(\d+) (findings?|files?|problems?)\b", line):
            assert (int(count) == 1) == (not word.endswith("s")), line


def test_rule_messages_in_english_name_the_format_in_english() -> None:
    """总计 is "Total", 一 + 二 "I + II": Chinese only in brackets or quotes, where a reader looks for it."""
    for rule in all_rules():
        texts = [rule.summary, *rule.messages.values()]
        assert all(english_only(text.en) for text in texts), rule.code


def test_findings_on_real_reports_read_as_english() -> None:
    """What rules fill into their messages (a section's numeral, a figure with its unit, a table's
    name) keeps English English too, on every report of the fixtures."""
    import gialint

    reports = sorted((BASE.parent / "real").glob("*.*")) + sorted(BASE.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    results = [
        r for r in gialint.lint_paths([str(p) for p in reports if p.suffix != ".json"]) if hasattr(r, "diagnostics")
    ]
    messages = [d.message.en for r in results for d in r.diagnostics]
    assert len(messages) > 100
    assert [m for m in messages if not english_only(m)] == []
