"""Instructions, counted: what gialint does per report and at start, in figures that do not move
with the machine's load.

    python bench/instructions.py [--files 200] [--sample 50] [--python PY] [--before-python PY] [--out FILE.json]

On a shared machine the time of a report moves by 5 to 10 % from run to run, more than most
changes to the code gain; the count of instructions a process runs does not. valgrind's
cachegrind (without its cache simulation) counts them, at some fifty times the run's time.
This script counts, for the installed gialint of ``--python`` (this Python by default), and of
``--before-python`` beside it when given:

1. per text report, in process, steadily: a process that parses the sample of the benchmark's
   corpus (bench/corpus.py) three times against one that does it once, the difference divided
   by twice the sample — what one more report costs once the process has started, compiled its
   patterns and filled its memos; the same for the whole of ``gialint.lint_path`` (read, parse,
   match, rules, the collector) and for bench/run.py's floor (the bytes, decoded as UTF-8, one
   pass of a regular expression: ``plain_floor``), and the ratio of the whole to the floor;
   and, as the part no rule can change, the read, parse and match alone (``gialint.parse_text``
   of the file's text) and its ratio to the floor;
2. start-up: ``python -c pass``; ``gialint check one.txt --no-cache`` (after one such run, so
   that the plugin list is kept); the same as a first run (an empty cache directory); and the
   run answered by the result cache; and the ratio of each to ``python -c pass``;
3. the floors under that start: a process that only imports what such a check imports — the
   modules of the standard library among them, then every module (gialint's, attrs, rich…) —
   and one that only imports attrs: a check costs at least the import of what it imports,
   whatever its code does once imported.

``PYTHONHASHSEED=0`` makes the counts the same from run to run. Times stay the measure of speed
(bench/run.py); this is the measure of a change. It reports and asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from corpus import write_corpus  # noqa: E402

#: How valgrind is run: the instructions only, no output file.
VALGRIND = ("--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null")
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")

#: A process that runs one stage over the files it is given, ``rounds`` times.
_STEADY = f"""
import sys
from pathlib import Path
import gialint
from gialint.parse.driver import parse_report
from gialint.read import file_bytes, read_bytes
from gialint.read.source import normalize_newlines
stage, rounds, files = sys.argv[1], int(sys.argv[2]), [Path(p) for p in sys.argv[3:]]
texts = [normalize_newlines(read_bytes(file_bytes(p), p.name).text) for p in files]
sys.path.insert(0, {str(ROOT / "bench")!r})
from run import plain_floor  # the floor bench/run.py times
for _ in range(rounds):
    for path, text in zip(files, texts):
        if stage == "parse":
            parse_report(text)
        elif stage == "read_parse_match":
            gialint.parse_text(read_bytes(file_bytes(path), path.name).text)
        elif stage == "floor":
            plain_floor(path)
        else:
            gialint.lint_path(path)
"""

#: The stages counted per report.
STAGES = ("parse", "read_parse_match", "lint_path", "floor")

#: A process that imports the modules ``names``, in order (some names, such as rich's data
#: modules, are not identifiers, so not ``import a, b``).
_IMPORT = "from importlib import import_module\nfor name in {names!r}:\n    import_module(name)"

#: A process that runs ``gialint check`` on the file it is given, then prints the modules it
#: imported, in the order they were imported, and which of them are the standard library's.
_IMPORTED = """
import json, sys
before = set(sys.modules)
from gialint.cli import main
try:
    main(["check", "--no-cache", "--quiet", sys.argv[1]])
finally:
    names = [n for n in sys.modules if n not in before and not n.startswith("__")]
    std = [n for n in names if n.split(".")[0] in sys.stdlib_module_names]
    print(json.dumps({"all": names, "std": std}), file=sys.__stdout__)
"""


def count(valgrind: str, command: list[str], cwd: Path, env: dict[str, str], ok: tuple[int, ...] = (0, 1)) -> int:
    """The instructions ``command`` runs, as valgrind counts them; ``ok``: its exit codes that are
    not a failure (``gialint check`` exits 1 when it finds something)."""
    done = subprocess.run([valgrind, *VALGRIND, *command], cwd=cwd, env=env, capture_output=True, text=True)
    found = _REFS.search(done.stderr)
    if done.returncode not in ok or found is None:
        raise SystemExit(f"cannot count {' '.join(command)}: {done.stderr.strip()[-500:]}")
    return int(found.group(1).replace(",", ""))


def per_report(valgrind: str, python: str, sample: list[Path], cwd: Path, env: dict[str, str]) -> dict[str, float]:
    """Instructions per report of each of :data:`STAGES`, once the process runs steadily."""
    figures = {}
    for stage in STAGES:
        once, thrice = (
            count(valgrind, [python, "-c", _STEADY, stage, str(rounds), *map(str, sample)], cwd, env)
            for rounds in (1, 3)
        )
        figures[stage] = (thrice - once) / (2 * len(sample))
    figures["lint_path/floor"] = figures["lint_path"] / figures["floor"]
    figures["read_parse_match/floor"] = figures["read_parse_match"] / figures["floor"]
    return figures


def imported(python: str, report: Path, cwd: Path, env: dict[str, str]) -> dict[str, list[str]]:
    """The modules ``gialint check --no-cache report`` imports: ``all`` of them, and ``std``,
    the standard library's, each in the order imported."""
    done = subprocess.run([python, "-c", _IMPORTED, str(report)], cwd=cwd, env=env, capture_output=True, text=True)
    try:
        found: dict[str, list[str]] = json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        raise SystemExit(f"cannot list what a check imports: {done.stderr.strip()[-500:]}") from None
    return found


def start_up(valgrind: str, python: str, report: Path, cwd: Path, env: dict[str, str]) -> dict[str, Any]:
    """Instructions of each start-up command, and ``name/pass``: its ratio to ``python -c pass``."""
    check = [python, "-m", "gialint", "check", str(report)]
    with tempfile.TemporaryDirectory(prefix="gialint-first-") as first, tempfile.TemporaryDirectory() as kept:
        kept_env = {**env, "GIALINT_CACHE_DIR": kept}
        subprocess.run([*check, "--no-cache"], cwd=cwd, env=kept_env, capture_output=True)  # keeps the plugin list
        subprocess.run(check, cwd=cwd, env=kept_env, capture_output=True)  # and the result
        modules = imported(python, report, cwd, kept_env)
        figures = {
            "python -c pass": count(valgrind, [python, "-c", "pass"], cwd, env),
            **{
                name: count(valgrind, [python, "-c", _IMPORT.format(names=names)], cwd, env, ok=(0,))
                for name, names in (
                    ("import its standard library", modules["std"]),
                    ("import all it imports", modules["all"]),
                    ("import attrs", ["attrs"]),
                )
            },
            "check --no-cache": count(valgrind, [*check, "--no-cache"], cwd, kept_env),
            "check --no-cache, first run": count(
                valgrind, [*check, "--no-cache"], cwd, {**env, "GIALINT_CACHE_DIR": first}
            ),
            "check, result cached": count(valgrind, check, cwd, kept_env),
        }
    base = figures["python -c pass"]
    ratios = {f"{name}/pass": value / base for name, value in figures.items() if name != "python -c pass"}
    return {**figures, **ratios, "modules": {kind: len(names) for kind, names in modules.items()}}


def build_of(python: str, cwd: Path) -> str:
    done = subprocess.run(
        [python, "-c", "from gialint.compiled import build_description as b; print(b())"],
        cwd=cwd,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip() or f"no gialint: {done.stderr.strip()[-200:]}"


def measure(valgrind: str, python: str, sample: list[Path], cwd: Path, env: dict[str, str]) -> dict[str, Any]:
    return {
        "python": python,
        "build": build_of(python, cwd),
        "per_report": per_report(valgrind, python, sample, cwd, env),
        "start_up": start_up(valgrind, python, sample[0], cwd, env),
    }


def table(builds: dict[str, dict[str, Any]]) -> list[str]:
    """The figures as lines of text: a column for each build measured."""
    names = list(builds)
    lines = ["build: " + "; ".join(f"{name}: {b['build']} ({b['python']})" for name, b in builds.items())]
    lines.append("per text report, in process (M instructions):  " + "  ".join(f"{n:>10}" for n in names))
    for stage in STAGES:
        lines.append(f"  {stage:<44}" + "  ".join(f"{b['per_report'][stage] / 1e6:>10.2f}" for b in builds.values()))
    for ratio in ("read_parse_match/floor", "lint_path/floor"):
        lines.append(
            f"  {ratio.replace('/', ' / '):<44}"
            + "  ".join(f"{b['per_report'][ratio]:>9.1f}x" for b in builds.values())
        )
    lines.append("start-up (M instructions, × python -c pass):")
    for command in builds[names[0]]["start_up"]:
        if command.endswith("/pass") or command == "modules":
            continue
        cells = []
        for b in builds.values():
            ratio = b["start_up"].get(f"{command}/pass")
            cells.append(f"{b['start_up'][command] / 1e6:>8.1f}" + (f" ({ratio:4.1f}x)" if ratio else "        "))
        lines.append(f"  {command:<44}" + "  ".join(cells))
    lines.append(
        "  (modules a check imports, the standard library's of all: "
        + "; ".join(
            f"{n}: {b['start_up']['modules']['std']} of {b['start_up']['modules']['all']}" for n, b in builds.items()
        )
        + ")"
    )
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200, help="reports in the corpus (default 200)")
    parser.add_argument("--sample", type=int, default=50, help="reports counted in process (default 50)")
    parser.add_argument(
        "--python", default=sys.executable, help="the Python of the gialint counted (default: this one)"
    )
    parser.add_argument("--before-python", help="the Python of a gialint to count beside it")
    parser.add_argument("--valgrind", default="valgrind", help="the valgrind to count with")
    parser.add_argument("--out", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="gialint-instructions-") as tmp:
        base = Path(tmp)
        files = write_corpus(base / "corpus", args.files)
        step = max(1, len(files) // args.sample)
        sample = files[::step][: args.sample]
        # the same environment for every count; run from here, where no source tree shadows the install
        env = {**os.environ, "PYTHONHASHSEED": "0", "GIALINT_CACHE_DIR": str(base / "cache")}
        builds = {}
        if args.before_python:
            builds["before"] = measure(args.valgrind, args.before_python, sample, base, env)
        builds["after" if args.before_python else "this"] = measure(args.valgrind, args.python, sample, base, env)
    print("\n".join(table(builds)))
    if args.out:
        args.out.write_text(json.dumps({"sample": len(sample), "builds": builds}, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
