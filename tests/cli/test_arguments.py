"""The options in the run's language: help, usage and usage errors in Chinese by default and
in English with ``--lang en`` — argparse's own lines included."""

from __future__ import annotations

import argparse
import ast
import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from rich.cells import cell_len

from gialint.base import catalogue as msg
from gialint.cli import arguments, main

CJK = re.compile(r"[\u3400-\u9fff]")
#: Words of argparse's English that must not reach a Chinese run.
ENGLISH = re.compile(
    r"usage:|options:|positional arguments|error:|invalid choice|invalid \w+ value|the following arguments|"
    r"expected (one|at)|show this|not allowed|unrecognized|argument -"
)
COMMANDS = ("check", "extract", "parse", "rules", "rule", "config")
PERCENT = re.compile(r"%(?:\(\w+\))?[sr]")
#: What a Chinese line may hold in English: the choices of an option, a value quoted.
CHOICES = re.compile(r"\{[^{}]*\}|'[^']*'")


def english_in(text: str) -> re.Match[str] | None:
    """argparse's English in ``text``, outside choices and quoted values."""
    return ENGLISH.search(CHOICES.sub("", text))


def argparse_messages() -> set[str]:
    """Every message argparse translates, read from the running Python's argparse.py: the
    literal first argument of each ``_()`` and ``ngettext()`` call (the gettext ids)."""
    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("_", "ngettext")
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    } | {"subcommands"}  # the default title argparse passes to _() through a variable


def test_every_line_argparse_translates_has_chinese_with_the_same_placeholders() -> None:
    found = argparse_messages()
    assert "unrecognized arguments: %s" in found and "usage: " in found
    assert found - set(msg.ARGPARSE) == set(), "argparse says these in English in a Chinese run"
    for msgid, text in msg.ARGPARSE.items():
        assert text.en == msgid
        assert sorted(PERCENT.findall(text.zh)) == sorted(PERCENT.findall(msgid)), msgid
        assert text.zh.endswith("\n") == msgid.endswith("\n"), msgid


def _help(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exited:
        main(args)
    assert exited.value.code == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)])
def test_help_is_chinese_by_default(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    out = _help([*command, "--help"], capsys)
    assert out.startswith("用法：gialint")
    assert "选项:" in out or "选项：" in out
    assert "显示此帮助信息并退出" in out
    assert not english_in(out), english_in(out)


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)])
def test_help_is_english_with_lang_en(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    out = _help(["--lang", "en", *command, "--help"], capsys)
    assert out.startswith("usage: gialint")
    assert "show this help message and exit" in out
    # Chinese only in a bracket: the name of the report in the description
    assert not CJK.search(re.sub(r"\([^()]*\)", "", out))
    assert out == _help([*command, "--lang=en", "--help"] if command else ["--lang=en", "--help"], capsys)


def test_every_option_has_help_in_both_languages() -> None:
    for lang in ("zh", "en"):
        with arguments.speaking(lang):
            top = arguments.parser(lang)
        subs = next(a for a in top._actions if isinstance(a, argparse._SubParsersAction)).choices
        for parser in (top, *subs.values()):
            for action in parser._actions:
                if isinstance(action, argparse._SubParsersAction):
                    continue
                assert action.help, (parser.prog, action.option_strings or action.dest)
                assert bool(CJK.search(action.help)) == (lang == "zh") or action.dest == "help", action.help


def test_the_help_texts_used_are_the_help_texts_in_the_catalogue() -> None:
    source = Path(arguments.__file__).read_text(encoding="utf-8")
    assert set(re.findall(r'\bh\("([^"]+)"\)', source)) == set(msg.OPTION_HELP)
    assert set(re.findall(r'\bgroup\(\w+, "([^"]+)"\)', source)) == set(msg.OPTION_GROUPS)


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (["check", "--selct", "x"], "无法识别的参数：--selct；是否要写 --select？", "unrecognized arguments: --selct"),
        (["check", "--format", "xml", "x"], "参数 --format：无效的选择：", "argument --format: invalid choice"),
        (["extract"], "缺少以下必需的参数：PATH", "the following arguments are required: PATH"),
        (["check", "--color", "--no-color", "x"], "参数 --no-color：不能与参数 --color 同用", "not allowed with"),
        (["check", "-j", "0", "x"], "参数 -j/--jobs：需要 1 或更大的整数，实为 '0'", "expected a whole number"),
        (["check", "--config"], "参数 --config：需要一个值", "argument --config: expected one argument"),
        (["frobnicate"], "参数 COMMAND：无效的选择：'frobnicate'", "argument COMMAND: invalid choice"),
        ([], "缺少以下必需的参数：COMMAND", "the following arguments are required: COMMAND"),
    ],
)
def test_usage_errors_speak_the_language_of_the_run(
    args: list[str], zh: str, en: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(args)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("用法：gialint") and "：错误：" in err and zh in err
    assert not english_in(err), english_in(err)
    with pytest.raises(SystemExit) as exited:
        main(["--lang", "en", *args] if args[:1] != ["check"] else [*args[:1], "--lang", "en", *args[1:]])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: gialint") and ": error: " in err and en in err
    assert not CJK.search(err)


def test_argparse_is_left_as_it_was(capsys: pytest.CaptureFixture[str]) -> None:
    """The translation lasts while gialint parses its arguments, even when that ends in an exit."""
    before = argparse._  # type: ignore[attr-defined]
    with pytest.raises(SystemExit):
        main(["check", "--nonsense"])
    capsys.readouterr()
    assert argparse._ is before  # type: ignore[attr-defined]
    assert argparse.ArgumentParser(prog="other").format_usage() == "usage: other [-h]\n"


@pytest.mark.parametrize(
    ("argv", "lang"),
    [
        ([], "zh"),
        (["check", "x"], "zh"),
        (["--lang", "en", "check"], "en"),
        (["check", "--lang=en"], "en"),
        (["--lang", "en", "check", "--lang", "zh"], "zh"),  # the last one, as argparse takes it
        (["check", "--lang", "fr"], "zh"),  # not a language: argparse says so, in Chinese
        (["check", "--", "--lang", "en"], "zh"),  # after --: a file named --lang
        (["check", "--lang"], "zh"),
    ],
)
def test_the_language_is_read_from_the_arguments_before_they_are_parsed(argv: list[str], lang: str) -> None:
    assert arguments.language(argv) == lang


def test_lang_before_or_after_the_command_is_the_same() -> None:
    from gialint.cli.arguments import parse_arguments

    assert parse_arguments(["--lang", "en", "rules"]).lang == "en"
    assert parse_arguments(["rules", "--lang", "en"]).lang == "en"
    assert parse_arguments(["rules"]).lang is None  # the configuration's, or Chinese


def test_chinese_usage_lines_up_under_its_first_line(capsys: pytest.CaptureFixture[str]) -> None:
    out = _help(["check", "--help"], capsys)
    usage = out.split("\n\n")[0].splitlines()
    assert len(usage) > 2
    indent = cell_len("用法：gialint check ")
    assert all(line[:indent].isspace() and not line[indent].isspace() for line in usage[1:])


TEXT = st.lists(
    st.sampled_from(["报", "告", "，", "。", "（", "）", "GIA601", "--fix", " ", "a", "report.docx", "、", "“", "”"]),
    max_size=60,
).map("".join)


@given(TEXT, st.integers(min_value=4, max_value=50))
@example("report.docx“报", 4)  # an opening quote after a word is the next character's, not the word's
@example("“”报报报报", 4)
def test_help_lines_fit_their_width_and_lose_nothing(text: str, width: int) -> None:
    lines = arguments._Formatter("gialint")._split_lines(text, width)
    assert "".join("".join(lines).split()) == "".join(text.split())
    for line in lines:
        pieces = arguments.pieces().findall(line)
        assert cell_len(line) <= width or len([p for p in pieces if not p.isspace()]) == 1
    if not any(c.isspace() for c in text):  # a break between characters never puts punctuation astray
        assert not any(line.startswith(("，", "。", "）", "、", "”")) for line in lines[1:])
        assert not any(line.endswith(("（", "“")) for line in lines[:-1])
