"""The command line's commands and options, in the run's language.

In: the arguments. Out: an ``argparse`` parser whose help, usage and errors speak the language
of ``--lang`` (Chinese without it). gialint's own help texts are in the catalogue
(``OPTION_HELP``, ``OPTION_GROUPS``); argparse's own lines ("usage:", "options", its errors)
are translated through the gettext ids argparse already marks them with (``ARGPARSE``), which
:func:`speaking` hands to argparse while a parser is built and used. The language is read from
the arguments before they are parsed, so it cannot come from the configuration, which is read
after them.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NoReturn

from gialint.base import catalogue as msg
from gialint.base.diagnostic import LANGUAGES, Severity
from gialint.base.messages import say
from gialint.read import EXTENSIONS
from gialint.report import REPORTERS, TABULAR_FORMATS

SEVERITIES = tuple(s.label for s in reversed(Severity))


def language(argv: Sequence[str]) -> str:
    """The language the options speak: the last ``--lang`` among the arguments (``--lang en`` or
    ``--lang=en``, before a ``--``), else Chinese."""
    chosen = "zh"
    for i, word in enumerate(argv):
        if word == "--":
            break
        value = argv[i + 1] if word == "--lang" and i + 1 < len(argv) else word.partition("--lang=")[2]
        if value in LANGUAGES:
            chosen = value
    return chosen


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """argparse's own lines in ``lang`` while the block runs: its module's ``_`` and ``ngettext``
    (gettext's, imported by argparse) look the ids up in ``ARGPARSE``, then are put back. The
    English there is argparse's own; an id missing from the catalogue (a newer Python's) stays
    English."""
    if not hasattr(argparse, "_"):  # an argparse that does not translate this way: its English
        yield
        return

    def gettext(message: str) -> str:
        text = msg.ARGPARSE.get(message)
        return text.get(lang) if text else message

    def ngettext(singular: str, plural: str, n: int) -> str:
        text = msg.ARGPARSE.get(singular)
        return text.get(lang) if text else (singular if n == 1 else plural)

    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = gettext, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


@functools.cache
def pieces() -> re.Pattern[str]:
    """What a help line may be broken between: runs of other characters, single wide (Chinese)
    characters, spaces — with the punctuation that may not end a line or begin one kept on.
    Compiled when help is first written (5 ms: a run that writes none does without it)."""
    return re.compile(
        r"[（《“]*(?:[^\s\u2e80-\uffef“”]+|[\u2e80-\uffef])[，。；：、）》”]*"  # a word or a character, with its marks
        r"|[（《“]+[，。；：、）》”]*|[，。；：、）》”]+"  # marks with nothing to hold on to
        r"|\s+"
    )


class _Formatter(argparse.HelpFormatter):
    """argparse's help, measured by the columns text takes on screen (a Chinese character takes
    two) and broken between Chinese characters as well as at spaces."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        from rich.cells import cell_len

        lines, line, used = [], "", 0
        for piece in pieces().findall(" ".join(text.split())):
            size = cell_len(piece)
            if used + size > width and line.strip():
                lines.append(line.rstrip())
                line, used = "", 0
            if line or not piece.isspace():
                line, used = line + piece, used + size
        return [*lines, line.rstrip()] if line.strip() else lines

    def _format_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None) -> str:
        """The usage, its lines lined up under the first whatever the width of "usage: " in the language."""
        from rich.cells import cell_len

        prefix = getattr(argparse, "_", str)("usage: ") if prefix is None else prefix
        width = cell_len(prefix)
        formatted: str = super()._format_usage(usage, actions, groups, " " * width)
        return prefix + formatted[width:]


class _Parser(argparse.ArgumentParser):
    """argparse, in a language, with the closest command or option suggested for a mistyped one."""

    def __init__(self, *args: Any, lang: str = "zh", **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        self.lang = lang

    def error(self, message: str) -> NoReturn:
        import difflib

        def template(msgid: str) -> re.Pattern[str]:
            """argparse's message ``msgid``, as it is written in the language of the run."""
            written = getattr(argparse, "_", str)(msgid)
            return re.compile(re.sub(r"%(\\\(\w+\\\))?[sr]", lambda _: "(.*?)", re.escape(written)), re.DOTALL)

        unknown = template("unrecognized arguments: %s").fullmatch(message)
        choice = template("argument %(argument_name)s: %(message)s").fullmatch(message)
        choice = choice and template("invalid choice: %(value)r (choose from %(choices)s)").fullmatch(choice[2])
        close: list[str] = []
        if unknown:
            parsers = [self] + [
                sub
                for action in self._actions
                if isinstance(action, argparse._SubParsersAction)
                for sub in action.choices.values()
            ]
            options = sorted({o for parser in parsers for action in parser._actions for o in action.option_strings})
            for word in unknown[1].split():
                close = difflib.get_close_matches(word.split("=")[0], options, n=1) if word.startswith("-") else []
                if close:
                    break
        elif choice:
            choices = [c.strip(" '") for c in choice[2].split(",")]
            close = difflib.get_close_matches(choice[1].strip("'"), choices, n=1)
        hint = say(msg.DID_YOU_MEAN, close=close[0]).get(self.lang) if close else ""
        super().error(message + hint)


class _Version(argparse.Action):
    """``--version``: gialint's version, and whether its parsing and matching are compiled."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from gialint._version import __version__
        from gialint.compiled import build_text

        print(say(msg.CLI_VERSION, version=__version__, build=build_text()).get(getattr(parser, "lang", "zh")))
        parser.exit()


def parser(lang: str) -> argparse.ArgumentParser:
    """gialint's commands and options, their help in ``lang``; build and use it inside :func:`speaking`."""

    def h(key: str) -> str:
        return say(msg.OPTION_HELP[key], extensions="/".join(EXTENSIONS)).get(lang)

    def group(parser: argparse.ArgumentParser, title: str) -> argparse._ArgumentGroup:
        return parser.add_argument_group(msg.OPTION_GROUPS[title].get(lang))

    def positive(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = 0
        if value < 1:
            raise argparse.ArgumentTypeError(say(msg.CLI_POSITIVE, text=text).get(lang))
        return value

    def speed(parser: argparse.ArgumentParser) -> None:
        """-j, --no-cache and --cache-dir, for the commands that read many files."""
        speed = group(parser, "speed")
        speed.add_argument("-j", "--jobs", type=positive, metavar="N", help=h("--jobs"))
        speed.add_argument("--no-cache", action="store_true", help=h("--no-cache"))
        speed.add_argument("--cache-dir", metavar="DIR", help=h("--cache-dir"))

    top = _Parser(prog="gialint", description=h("gialint"), lang=lang)
    top.add_argument("--version", action=_Version, help=h("--version"))
    top.add_argument("--lang", choices=LANGUAGES, default=None, help=h("--lang"))
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    command: Callable[..., argparse.ArgumentParser] = commands.add_parser

    # --lang after the command too; not there, it leaves the one before the command alone
    language_ = _Parser(add_help=False, lang=lang)
    language_.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=h("--lang"))
    config = _Parser(add_help=False, lang=lang)
    where = config.add_mutually_exclusive_group()
    where.add_argument("--config", metavar="FILE", help=h("--config"))
    where.add_argument("--isolated", action="store_true", help=h("--isolated"))

    check = command("check", parents=[language_, config], help=h("check"), lang=lang)
    check.add_argument("paths", nargs="*", metavar="PATH", help=h("check PATH"))
    check.add_argument("--stdin-filename", metavar="NAME", help=h("check --stdin-filename"))
    check.add_argument("--previous", metavar="FILE", help=h("--previous"))
    output = group(check, "output")
    output.add_argument("--format", choices=tuple(REPORTERS), default=None, help=h("check --format"))
    output.add_argument("--output-file", "-o", metavar="FILE", help=h("check --output-file"))
    output.add_argument("--quiet", "-q", action="store_true", help=h("check --quiet"))
    output.add_argument("--statistics", action="store_true", help=h("--statistics"))
    output.add_argument("--show-source", action="store_true", help=h("--show-source"))
    color = output.add_mutually_exclusive_group()
    color.add_argument("--color", dest="color", action="store_true", default=None, help=h("--color"))
    color.add_argument("--no-color", dest="color", action="store_false", help=h("--no-color"))
    rules = group(check, "rule selection")
    rules.add_argument("--select", action="append", metavar="RULES", help=h("--select"))
    rules.add_argument("--extend-select", action="append", metavar="RULES", help=h("--extend-select"))
    rules.add_argument("--ignore", action="append", metavar="RULES", help=h("--ignore"))
    rules.add_argument("--force-exclude", action="store_true", help=h("--force-exclude"))
    status = group(check, "exit status")
    status.add_argument("--fail-on", choices=SEVERITIES, default=None, help=h("--fail-on"))
    status.add_argument("--exit-zero", action="store_true", help=h("--exit-zero"))
    fixes = group(check, "fixes")
    fixes.add_argument("--fix", action="store_true", help=h("--fix"))
    fixes.add_argument("--diff", action="store_true", help=h("--diff"))
    fixes.add_argument("--unsafe-fixes", action="store_true", help=h("--unsafe-fixes"))
    known = group(check, "baseline")
    known.add_argument("--baseline", metavar="FILE", help=h("--baseline"))
    known.add_argument("--update-baseline", action="store_true", help=h("--update-baseline"))
    speed(check)

    extract = command("extract", parents=[language_, config], help=h("extract"), lang=lang)
    extract.add_argument("paths", nargs="+", metavar="PATH", help=h("extract PATH"))
    extract.add_argument("--format", choices=TABULAR_FORMATS, help=h("extract --format"))
    extract.add_argument("--output-file", "-o", metavar="FILE", help=h("extract --output-file"))
    extract.add_argument("--quiet", "-q", action="store_true", help=h("extract --quiet"))
    speed(extract)

    parse = command("parse", parents=[language_], help=h("parse"), lang=lang)
    parse.add_argument("paths", nargs="+", metavar="FILE", help=h("parse FILE"))
    parse.add_argument("--stdin-filename", metavar="NAME", help=h("parse --stdin-filename"))
    parse.add_argument("--format", choices=("json", "text"), default="json", help=h("parse --format"))

    listing = command("rules", parents=[language_], help=h("rules"), lang=lang)
    listing.add_argument("--format", choices=("table", "json", "markdown"), default="table", help=h("rules --format"))

    one = command("rule", parents=[language_], help=h("rule"), lang=lang)
    one.add_argument("rule", metavar="CODE", help=h("rule CODE"))

    show = command("config", parents=[language_, config], help=h("config"), lang=lang)
    show.add_argument("path", nargs="?", default=".", metavar="PATH", help=h("config PATH"))
    show.add_argument("--format", choices=("toml", "json", "markdown"), default="toml", help=h("config --format"))
    show.add_argument("--schema", action="store_true", help=h("--schema"))
    return top


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """The arguments parsed, help and errors in the language of their ``--lang``."""
    lang = language(argv)
    with speaking(lang):
        return parser(lang).parse_args(argv)
