"""What the pairing keeps for a run whose reports are all of different agencies.

    python bench/pairing_memory.py [--reports 100000]

A run of hard links to the same reports (bench/memory.py) names a few agencies again and
again; a country's year names each agency once. This feeds ``--reports`` results, each of
an agency of its own and all waiting (their year before could come later), through
:func:`gialint.run.pairing.in_order` as ``gialint check`` does, and reports the most memory
Python allocated meanwhile (tracemalloc), per report. It reports, it asserts nothing.
"""

from __future__ import annotations

import argparse
import tracemalloc
from collections.abc import Iterator

from gialint.config.settings import DEFAULT_SETTINGS
from gialint.lint.result import LintResult
from gialint.run.pairing import in_order


def results(count: int) -> Iterator[tuple[int, LintResult]]:
    for index in range(count):
        path = f"/data/reports/{index % 31:02d}/{index % 2900:04d}/{index:06d}-某某县某某局2021年报告.txt"
        agency = f"某某省某某市某某县第{index}局"
        yield index, LintResult(path, (), None, "", agency=agency, agency_source="title", year=2021)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100_000)
    count = parser.parse_args().reports
    tracemalloc.start()
    given = sum(1 for _ in in_order(results(count), lambda path: DEFAULT_SETTINGS, None, None, False))
    peak = tracemalloc.get_traced_memory()[1]
    print(f"{given:,} reports of as many agencies: peak {peak / 2**20:.1f} MiB, {peak / count:.0f} bytes a report")


if __name__ == "__main__":
    main()
