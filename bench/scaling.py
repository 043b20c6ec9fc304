"""How gialint's time grows with a report's size: no step may be worse than n log n.

    python bench/scaling.py [--repeat 3]

Times ``gialint.lint_text`` (read from text: parse, match, rules, places) on:

1. a large real report (the longest of tests/fixtures/real/ as gialint reads it) at 1× and at
   10× its size — its body repeated, as a paste gone wrong repeats it;
2. a table of 1,000 and of 10,000 rows (table 3's rows repeated under one header);
3. a run of 2,000 and 20,000 blank lines inside a tab-layout table (the row-break look-ahead);
4. 500 and 5,000 repeated section headings (logical places).

For each pair it prints the times and their ratio: linear growth gives about 10, n log n a
little more; the issue's bound is about 12. ``--no-gc`` turns Python's cyclic garbage collector
off, which shows the algorithms' own growth: with it on, a run holding hundreds of thousands of
objects pays for more collections as it grows. It reports and asserts nothing (speed is not a
pytest assertion); docs/performance.md quotes its output.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import gialint  # noqa: E402
from gialint.read import read_path  # noqa: E402


def _time(text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        gialint.lint_text(text)
        best = min(best, time.perf_counter() - start)
    return best


def _largest_real() -> str:
    texts = []
    for path in sorted((ROOT / "tests" / "fixtures" / "real").iterdir()):
        if path.suffix in (".txt", ".md", ".html", ".pdf", ".docx"):
            try:
                texts.append(read_path(path).text)
            except gialint.ReadError:
                continue
    return max(texts, key=len)


def _cases() -> list[tuple[str, Callable[[int], str], int]]:
    real = _largest_real()
    title, _, body = real.partition("\n")  # the body repeated under the title
    table3 = (ROOT / "tests" / "fixtures" / "base" / "report-2020.txt").read_text(encoding="utf-8")
    rows = [line for line in table3.split("\n") if line.count("\t") >= 6]
    header = table3.split(rows[0])[0]
    return [
        ("a large real report (×1, ×10)", lambda n: title + ("\n" + body) * n, 1),
        (
            "rows of one table (1,000, 10,000)",
            lambda n: header + "\n".join(rows[i % len(rows)] for i in range(n)),
            1000,
        ),
        ("blank lines in a tab table (2,000, 20,000)", lambda n: "\t本年新收\n\t12\n" + "\n" * n + "\t3\n", 2000),
        (
            "repeated headings (500, 5,000)",
            lambda n: "某局2021年政府信息公开工作年度报告\n" + "一、总体情况\n本年度工作正常开展。\n" * n,
            500,
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each case; the fastest is kept")
    parser.add_argument(
        "--no-gc", action="store_true", help="with Python's cyclic garbage collector off: the algorithms' own growth"
    )
    args = parser.parse_args()
    if args.no_gc:
        gc.disable()
    gialint.lint_text(_largest_real())  # imports, the grammar's tables, the format model: not timed
    for name, make, base in _cases():
        small, large = make(base), make(base * 10)
        one, ten = _time(small, args.repeat), _time(large, args.repeat)
        print(
            f"{name}: {len(small):,} → {len(large):,} characters, {one * 1000:.1f} → {ten * 1000:.1f} ms, "
            f"×{ten / one:.1f}"
        )


if __name__ == "__main__":
    main()
