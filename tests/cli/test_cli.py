"""The command line: output formats, exit codes, and bad input without tracebacks."""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BASE, SEEDS, seed
from gialint.cli import main
from gialint.read import EXTENSIONS


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_check_full_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["check", str(seed("002")), "--no-color"], capsys)
    assert code == 0  # warnings only; --fail-on defaults to error
    assert f"{seed('002')}:366:1: GIA103 警告 部分标题缺少序号" in out
    assert "366 │ 政府信息公开行政复议、行政诉讼情况" in out
    assert "共检查 1 个文件，发现 3 个问题（错误 0，警告 3，提示 0）。" in out
    assert err == ""


def test_caret_marks_the_cell_in_display_columns(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["check", str(seed("000")), "--select", "GIA402", "--no-color"], capsys)
    lines = out.splitlines()
    source = lines.index("48 │         24大项")  # the tab is shown as four spaces
    assert lines[source + 1] == "   │         ^^^^^^"  # 24大项: two digits and two wide characters


def test_check_english(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["check", str(seed("004")), "--lang", "en", "--no-color"], capsys)
    assert "GIA103 warning The section should be numbered “一、”, not “1、” (section-numbering)" in out
    assert "GIA506 warning The report says it has 5 parts; the format has 6 (part-count)" in out
    assert "Found 3 problems (0 errors, 3 warnings, 0 info) in 1 file." in out


def test_check_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", str(SEEDS), "--format", "json"], capsys)
    data = json.loads(out)
    assert data["version"] == 1 and data["files"] == 5 and data["errors"] == []
    first = data["diagnostics"][0]
    assert set(first) >= {"path", "line", "column", "end_line", "end_column", "code", "name", "severity", "message"}
    paths = [d["path"] for d in data["diagnostics"]]
    assert paths == sorted(paths)  # stable order: files sorted, findings by position
    label = next(d for d in data["diagnostics"] if d["code"] == "GIA203")
    assert (label["line"], label["expected"], label["found"]) == (205, "1.属于国家秘密", "1.属于国家机密")
    assert code == 0


def test_arithmetic_finding_in_json_carries_expected_found_and_addends(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report = tmp_path / "r.txt"
    text = (BASE / "report-2020.txt").read_text(encoding="utf-8").replace("\t186\n", "\t187\n")
    report.write_text(text, encoding="utf-8")
    code, out, _ = run(["check", str(report), "--format", "json", "--select", "GIA301"], capsys)
    (finding,) = json.loads(out)["diagnostics"]
    assert (finding["line"], finding["expected"], finding["found"]) == (30, "186", "187")
    assert [r["line"] for r in finding["related"]] == [30] * 6 + [31, 51, 52]
    assert code == 1


def test_concise_and_fail_on(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", str(seed("002")), "--format", "concise", "--fail-on", "warning"], capsys)
    assert code == 1
    assert out.splitlines()[0] == f"{seed('002')}:75:2: GIA403 警告 数字“－2”写法不规范（非标准负号），应写作-2"


def test_select_and_ignore(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        ["check", str(seed("001")), "--format", "concise", "--select", "GIA4", "--ignore", "unit-in-cell"], capsys
    )
    assert {line.split()[1] for line in out.splitlines()} == {"GIA403"}
    code, _, err = run(["check", str(seed("001")), "--select", "GIA999"], capsys)
    assert code == 2 and "不匹配任何规则" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (bytes(range(256)) * 4, "not a text file"),
        (b"%PDF-1.4 binary", "this is a PDF file"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, message: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    shutil.copy(seed("003"), good)
    code, out, err = run(["check", str(bad), str(good), "--format", "json", "--lang", "en"], capsys)
    assert code == 2
    assert err == f"gialint: {bad}: {message}" + err.split(message, 1)[1]
    assert len(err.strip().splitlines()) == 1
    data = json.loads(out)
    assert data["files"] == 2 and data["errors"][0]["path"] == str(bad)


def test_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(["check", str(tmp_path / "nope.txt")], capsys)
    assert code == 2 and err.strip() == f"gialint: {tmp_path / 'nope.txt'}: 文件不存在"
    code, _, err = run(["check", str(tmp_path / "nope.txt"), "--lang", "en"], capsys)
    assert code == 2 and err.strip() == f"gialint: {tmp_path / 'nope.txt'}: no such file"


def test_usage_error_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["check", "--no-such-option", "x.txt"])
    assert exit_.value.code == 2


def test_no_paths_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["check", "--lang", "en"], capsys)
    assert code == 2 and "give report files or directories" in err


def test_parse_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["parse", str(seed("001"))], capsys)
    data = json.loads(out)
    assert code == 0
    assert data["year"] == {"value": 2020, "source": "body", "line": 2, "column": 1, "end_line": 2, "end_column": 6}
    assert data["encoding"] == "utf-8" and data["title"] is None
    assert [s["number"] for s in data["sections"]] == [1, 2, 3, 4, 5, 6]
    t2 = data["tables"][0]
    assert (t2["table"], t2["version"]) == ("t2", "2019")
    licensing = next(r for r in t2["rows"] if r["key"] == "art20_5.licensing")
    delta = next(c for c in licensing["cells"] if c["key"] == "delta")
    assert (delta["text"], delta["value"], delta["unit"], delta["line"], delta["column"]) == (
        "增318件",
        318,
        "件",
        50,
        1,
    )
    other_docs = next(r for r in t2["rows"] if r["key"] == "art20_1.other_docs")
    assert all(c["missing"] for c in other_docs["cells"])  # the optional 湖北 row is absent


def test_rules_listing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules", "--format", "json"], capsys)
    rules = json.loads(out)
    rule_files = Path(__file__).resolve().parents[2].glob("rules/gia[0-9][0-9][0-9]_*.py")
    assert code == 0 and len(rules) == len(list(rule_files))  # one rule per file of rules/, each listed
    assert rules[0] == {
        "code": "GIA101",
        "name": "missing-section",
        "severity": "error",
        "summary": "缺少格式规定的六个部分之一",
        "versions": ["2019", "2021"],
        "fixable": False,
        "rationale": rules[0]["rationale"],
    }
    _, table, _ = run(["rules"], capsys)
    assert "GIA406" in table and "amount-unit" in table


def test_python_dash_m_and_console_script(tmp_path: Path) -> None:
    # from a neutral directory: in a checkout's root, `python -m` would import the source tree
    module = subprocess.run(
        [sys.executable, "-m", "gialint", "check", str(BASE / "report-2021.txt")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert module.returncode == 0 and "发现 0 个问题" in module.stdout
    script = shutil.which("gialint", path=str(Path(sys.executable).parent))
    assert script is not None
    broken = subprocess.run(
        [script, "check", str(SEEDS / "nonexistent.txt")], capture_output=True, text=True, cwd=tmp_path
    )
    assert broken.returncode == 2 and "Traceback" not in broken.stderr


def test_the_command_exits_at_once_with_all_its_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # the command leaves without the interpreter's tear-down (cli.run): nothing may be lost
    args = ["check", str(SEEDS), str(BASE), "--format", "json", "--no-cache"]
    code, out, _ = run(args, capsys)
    command = subprocess.run([sys.executable, "-m", "gialint", *args], capture_output=True, text=True, cwd=tmp_path)
    assert (command.returncode, command.stdout) == (code, out) and code == 1
    assert len(json.loads(command.stdout)["diagnostics"]) > 10
    written = tmp_path / "out.json"
    command = subprocess.run([sys.executable, "-m", "gialint", *args, "-o", str(written)], cwd=tmp_path)
    assert command.returncode == code and written.read_text(encoding="utf-8") == out


def test_a_reader_that_stops_reading_ends_the_run_with_141_and_no_traceback(tmp_path: Path) -> None:
    # `gialint check … | head`: more output than a pipe holds, and a reader that leaves early.
    # The check did not finish, so it is not a success: under `set -o pipefail` a CI job fails,
    # with 128 + SIGPIPE as `yes | head` gives.
    for index in range(40):
        shutil.copy(BASE / "defects-2021.txt", tmp_path / f"r{index:02d}.txt")
    command = [sys.executable, "-m", "gialint", "check", str(tmp_path), "--no-cache", "-j", "1"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline()
    process.stdout.close()
    assert process.wait(timeout=60) == 141
    assert process.stderr.read() == b""


def test_a_pipe_into_head_fails_under_pipefail(tmp_path: Path) -> None:
    for index in range(40):
        shutil.copy(BASE / "defects-2021.txt", tmp_path / f"r{index:02d}.txt")
    script = (
        f"set -o pipefail; {shlex.quote(sys.executable)} -m gialint check {shlex.quote(str(tmp_path))} "
        "--no-cache -j 1 --format concise | head -1"
    )
    done = subprocess.run(["bash", "-c", script], capture_output=True, cwd=tmp_path, timeout=120)
    assert done.returncode != 0 and done.stdout.count(b"\n") == 1 and b"Traceback" not in done.stderr


def test_empty_directory_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(["check", str(tmp_path), "--format", "concise", "--lang", "en"], capsys)
    assert code == 0 and out == ""
    assert err.strip() == f"gialint: no report files ({', '.join(EXTENSIONS)}) under {tmp_path}"
    assert ".docx" in EXTENSIONS and ".pdf" in EXTENSIONS and ".html" in EXTENSIONS
    code, _, err = run(["check", str(tmp_path), "--select", "GIA999"], capsys)
    assert code == 2 and "'GIA999' 不匹配任何规则" in err


def test_the_command_and_the_library_run_from_the_repository_root() -> None:
    """Where the README leaves a user: `python -m gialint` and the README's Python example, run in
    the checkout, import the source tree (the working directory comes first on sys.path)."""
    root = Path(__file__).resolve().parents[2]
    command = subprocess.run(
        [sys.executable, "-m", "gialint", "check", "examples/example-2021.txt", "--no-cache"],
        capture_output=True,
        cwd=root,
        timeout=120,
    )
    assert command.returncode == 1 and b"GIA301" in command.stdout and command.stderr == b""
    example = "import gialint; r = gialint.lint_path('examples/hangzhou-2020.txt'); print(r.document.year.year)"
    library = subprocess.run([sys.executable, "-c", example], capture_output=True, cwd=root, timeout=120)
    assert library.returncode == 0 and library.stdout.strip() == b"2020", library.stderr[-300:]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["check", "examples/example-2021.txt", "--unsafe-fixes"], "--unsafe-fixes 须与 --fix 或 --diff 同用"),
        (["check", "examples/example-2021.txt", "--statistics", "--format", "sarif"], "--statistics 输出表格"),
        (["check", "examples/example-2021.txt", "--statistics", "--format", "junit", "--lang", "en"], "not junit"),
        (["config", "--format", "markdown"], "--format markdown 用于 --schema"),
    ],
)
def test_an_option_that_would_be_ignored_is_refused_in_one_line(
    args: list[str], says: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parents[2])
    code, out, err = run(args, capsys)
    assert code == 2 and out == "" and says in err and err.count("\n") == 1


def test_a_directory_run_names_the_files_it_cannot_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(BASE / "report-2021.txt", folder / "r.txt")
    for name in ("old.doc", "draft.wps", "data.xls", "scan.ofd"):
        (folder / name).write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    (folder / "notes.pdf.bak").write_bytes(b"x")  # nothing gialint knows of: not named
    code, _, err = run(["check", str(folder)], capsys)
    assert code == 0
    line = next(line for line in err.splitlines() if "无法检查" in line)
    assert line.startswith("gialint: 跳过 4 个无法检查的文件") and "另存为 .docx" in line
    named = [name for name in ("data.xls", "draft.wps", "old.doc", "scan.ofd") if name in line]
    assert (
        named == ["data.xls", "draft.wps", "old.doc"] and line.endswith("等") and "notes" not in line
    )  # the first three
    code, _, err = run(["check", str(folder), "--lang", "en"], capsys)
    assert "skipped 4 files gialint cannot check (save .doc and .wps as .docx" in err


def test_rule_explains_one_rule_by_code_or_name(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rule", "GIA303"], capsys)
    assert code == 0 and out.startswith("## GIA303 balance")
    assert all(f"### {part}" in out for part in ("作用", "意义", "示例", "消息"))
    assert run(["rule", "balance"], capsys)[1] == out
    code, out, _ = run(["rule", "--lang", "en", "GIA303"], capsys)
    assert code == 0 and out.startswith("## GIA303 balance")
    assert all(f"### {part}" in out for part in ("What it does", "Why it matters", "Example", "Messages"))
    assert run(["--lang", "en", "rule", "balance"], capsys)[1] == out
    assert out in (Path(__file__).resolve().parents[2] / "docs" / "rules.md").read_text(
        encoding="utf-8"
    )  # in English, as in the docs


@pytest.mark.parametrize(("wanted", "hint"), [("GIA3O3", "是否要写 GIA303？"), ("balanse", "是否要写 balance？")])
def test_a_mistyped_rule_gets_a_suggestion(wanted: str, hint: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["rule", wanted], capsys)
    assert code == 2 and err.strip() == f"gialint: 没有规则 {wanted}；{hint}"


def test_the_summary_counts_what_fix_can_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (BASE / "report-2020.txt").read_text(encoding="utf-8").replace("\t186", "\t１８６", 1)
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    _, out, _ = run(["check", str(tmp_path / "r.txt"), "--no-color"], capsys)
    assert out.rstrip().endswith("其中 1 个可用 --fix 自动修复。")
    _, out, _ = run(["check", str(tmp_path / "r.txt"), "--no-color", "--lang", "en"], capsys)
    assert out.rstrip().endswith("1 fixable with --fix.")
    run(["check", str(tmp_path / "r.txt"), "--fix"], capsys)
    _, out, _ = run(["check", str(tmp_path / "r.txt"), "--no-color"], capsys)
    assert "可用 --fix" not in out


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["chek", "r.txt"], "是否要写 check？"),
        (["check", "--selct", "GIA3", "r.txt"], "是否要写 --select？"),
        (["check", "--format", "sarf", "r.txt"], "是否要写 sarif？"),
        (["--lang", "en", "chek", "r.txt"], "did you mean check?"),
        (["check", "--lang", "en", "--selct", "GIA3", "r.txt"], "did you mean --select?"),
        (["check", "--format", "sarf", "r.txt", "--lang=en"], "did you mean sarif?"),
    ],
)
def test_a_mistyped_command_or_option_gets_a_suggestion(
    args: list[str], hint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(args)
    assert exit_.value.code == 2 and capsys.readouterr().err.rstrip().endswith(hint)


def test_a_mistyped_rule_selector_gets_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["check", str(BASE / "report-2021.txt"), "--select", "GIA3O1", "--lang", "en"], capsys)
    assert code == 2 and err.strip() == "gialint: 'GIA3O1' matches no rule; did you mean GIA301?"
    code, _, err = run(["check", str(BASE / "report-2021.txt"), "--select", "GIA3O1"], capsys)
    assert code == 2 and err.strip() == "gialint: 'GIA3O1' 不匹配任何规则；是否要写 GIA301？"


def test_parse_takes_several_files_and_standard_input(tmp_path: Path) -> None:
    first, second = BASE / "report-2020.txt", BASE / "report-2021.txt"
    several = subprocess.run(
        [sys.executable, "-m", "gialint", "parse", str(first), str(second)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    parsed = json.loads(several.stdout)
    assert several.returncode == 0 and [p["path"] for p in parsed] == [str(first), str(second)]
    assert [p["year"]["value"] for p in parsed] == [2020, 2021]
    piped = subprocess.run(
        [sys.executable, "-m", "gialint", "parse", "-", "--stdin-filename", "r.txt"],
        input=first.read_text(encoding="utf-8"),
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert piped.returncode == 0 and json.loads(piped.stdout)["year"]["value"] == 2020
    missing = subprocess.run(
        [sys.executable, "-m", "gialint", "parse", str(first), "missing.txt"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert missing.returncode == 2 and missing.stderr.strip() == "gialint: missing.txt: 文件不存在"
    assert [p["path"] for p in json.loads(missing.stdout)] == [str(first)]  # the readable one is still given
