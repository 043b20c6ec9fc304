"""``gialint extract`` against ``gialint check`` on the same text reports: the issue's bound is 1.5×.

    python bench/extract.py [--count 2000] [--jobs N] [--repeat 3] [--format csv]

Writes a corpus of ``--count`` reports (bench/corpus.py) to a temporary directory, then times,
as the command line runs them in a fresh process each, without the cache (a cold run, the
work itself) and then with a warm cache (the second run of a researcher):

- ``gialint check DIR --format concise -o /dev/null``
- ``gialint extract DIR --format FORMAT -o OUT``

The two commands take turns (check, extract, check, extract …), so that a change in the load of
a shared machine falls on both. For each it prints the best wall time of ``--repeat`` runs and
the best CPU time (user and system, of gialint and its worker processes: what the work costs,
whatever else the machine runs), and the ratios; it asserts nothing (speed is not a pytest
assertion); docs/performance.md quotes its output.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from corpus import write_corpus  # noqa: E402


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``command`` (its worker processes included)."""
    cpu, start = _cpu(), time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start, _cpu() - cpu


def _take_turns(commands: list[list[str]], repeat: int, env: dict[str, str]) -> list[tuple[float, float]]:
    """The best wall and the best CPU time of each command, run in turn ``repeat`` times."""
    best = [(float("inf"), float("inf"))] * len(commands)
    for _ in range(repeat):
        for index, command in enumerate(commands):
            wall, cpu = _timed(command, env)
            best[index] = (min(best[index][0], wall), min(best[index][1], cpu))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--format", default="csv", choices=("csv", "jsonl", "xlsx", "parquet"))
    args = parser.parse_args()
    gialint = [sys.executable, "-m", "gialint"]
    with tempfile.TemporaryDirectory() as work:
        corpus = Path(work) / "corpus"
        write_corpus(corpus, args.count)
        out = str(Path(work) / f"cells.{args.format}")
        env = {**os.environ, "GIALINT_CACHE_DIR": str(Path(work) / "cache")}
        jobs = ["-j", str(args.jobs), "-q"]
        check = [*gialint, "check", str(corpus), "--format", "concise", "-o", os.devnull, *jobs]
        extract = [*gialint, "extract", str(corpus), "--format", args.format, "-o", out, *jobs]
        print(f"{args.count} text reports, {args.jobs} jobs, best of {args.repeat}; extract writes {args.format}")
        for label, cache in (("no cache", ["--no-cache"]), ("warm cache", [])):
            if cache == []:  # fill the cache once for each command
                _take_turns([check, extract], 1, env)
            (wall, cpu), (wall_x, cpu_x) = _take_turns([check + cache, extract + cache], args.repeat, env)
            print(
                f"{label:>10}: wall  check {wall:6.2f} s  extract {wall_x:6.2f} s  extract/check {wall_x / wall:4.2f}\n"
                f"{'':>10}  CPU   check {cpu:6.2f} s  extract {cpu_x:6.2f} s  extract/check {cpu_x / cpu:4.2f}"
            )


if __name__ == "__main__":
    main()
