"""The content checks (GIA5xx, GIA6xx) alone: their CPU time a report, and a loop whose
instructions valgrind counts (docs/performance.md, issue 17).

    python bench/content_checks.py [--reports 30] [--repeat 3]
    PYTHONHASHSEED=0 valgrind --tool=callgrind --collect-atstart=no \\
        --toggle-collect=sys_call_tracing python bench/content_checks.py --reports 30 --repeat 3

It writes the benchmark's corpus (bench/corpus.py, 1,000 reports) to a temporary directory,
parses every fifth text report up to ``--reports``, and runs the thirteen content checks on a
fresh copy of each document (what they derive — the passages, the narrative, the sections'
texts — is made again) ``--repeat`` times, with the cyclic collector off. The loop runs inside
``sys.call_tracing``, which nothing else calls: with ``--toggle-collect=sys_call_tracing``
valgrind counts only the checks, and its "Collected" total divided by reports × repeat is the
instructions a report. A run of the checks minus a run without them moves by half a million
instructions a report with where the collector runs and what the user's cache holds; this
does not. Run it from outside the repository, so that the installed (compiled) gialint runs.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from pathlib import Path

from attrs import evolve
from corpus import write_corpus

from gialint.analyze.document import Document, parse_document
from gialint.analyze.options import DEFAULT_OPTIONS
from gialint.lint.registry import all_rules
from gialint.read import file_bytes, read_bytes
from gialint.read.source import normalize_newlines

CONTENT = ("GIA5", "GIA6")


def documents(count: int) -> list[Document]:
    """Every fifth text report of the benchmark's corpus, up to ``count``, parsed."""
    with tempfile.TemporaryDirectory() as directory:
        write_corpus(Path(directory), 1000)
        files = sorted(Path(directory).rglob("*.txt"))[::5][:count]
        return [parse_document(normalize_newlines(read_bytes(file_bytes(f), f.name).text)) for f in files]


def content_checks(docs: list[Document], repeat: int) -> float:
    """CPU milliseconds a report of the content checks, each run on a fresh copy of its document."""
    rules = [rule(DEFAULT_OPTIONS, frozenset()) for rule in all_rules() if rule.code.startswith(CONTENT)]
    for rule in rules:  # what a process does once (the settings compiled), outside the count
        list(rule.check(evolve(docs[0])))

    def loop() -> None:
        for _ in range(repeat):
            for doc in docs:
                fresh = evolve(doc)
                for rule in rules:
                    list(rule.check(fresh))

    gc.collect()
    gc.disable()
    try:
        start = time.thread_time()
        sys.call_tracing(loop, ())
        return (time.thread_time() - start) * 1000 / repeat / len(docs)
    finally:
        gc.enable()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    docs = documents(args.reports)
    print(f"the content checks: {content_checks(docs, args.repeat):.3f} ms of CPU time a report ({len(docs)} reports)")


if __name__ == "__main__":
    main()
