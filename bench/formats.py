"""How long each file format takes: .docx, .html, .pdf against the plain text they were made from.

    python bench/formats.py [--repeat N]

The seed reports are written as .docx, .html and .pdf (gialint.testing.writers); each
file is read and linted in process (median of N runs), and a PDF of five pages or
more is timed from the command line as a user runs it. Then the real PDFs of
tests/fixtures/real are read page by page, side by side with pdfplumber's own character
extraction (when pdfplumber is installed: gialint does not need it). Reports figures;
asserts nothing.
"""

from __future__ import annotations

import argparse
import io
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from core import timed  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from gialint.run.api import lint_bytes, lint_text
    from gialint.testing import writers

    seeds = sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt"))
    print(
        f"# gialint formats benchmark — {platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}, {len(seeds)} seed reports, median of {args.repeat}\n"
    )
    print("| report | pages | .txt ms | .html ms | .docx ms | .pdf ms | .pdf ms/page |")
    print("|---|---|---|---|---|---|---|")
    per_page: list[float] = []
    longest: tuple[int, bytes] = (0, b"")
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        files = {"html": writers.to_html(text), "docx": writers.to_docx(text), "pdf": writers.to_pdf(text)}
        pages = _pages(files["pdf"])
        lint_bytes(files["pdf"], "warm.pdf")  # imports and caches, once
        times = {"txt": timed(lambda: lint_text(text), args.repeat)}
        for kind, data in files.items():
            times[kind] = timed(lambda data=data, kind=kind: lint_bytes(data, f"r.{kind}"), args.repeat)
        per_page.append(times["pdf"] / pages)
        if pages > longest[0]:
            longest = (pages, files["pdf"])
        print(
            f"| {path.stem[:3]} | {pages} | {times['txt']:.1f} | {times['html']:.1f} | {times['docx']:.1f} "
            f"| {times['pdf']:.0f} | {times['pdf'] / pages:.0f} |"
        )
    print(f"\nPDF, median per page: {statistics.median(per_page):.0f} ms")

    # a five-page PDF: seed 000 (four pages) with prose of seed 001 added until it runs to five
    base = seeds[0].read_text(encoding="utf-8")
    prose = [line for line in seeds[1].read_text(encoding="utf-8").splitlines() if len(line) > 80]
    pages, data, added = 0, b"", 0
    while pages < 5 and added <= len(prose):
        data = writers.to_pdf(base + "\n".join(prose[:added]))
        pages = _pages(data)
        added += 1
    in_process = timed(lambda: lint_bytes(data, "r.pdf"), args.repeat)
    print(f"{pages}-page PDF in process: {in_process:.0f} ms")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.pdf"
        path.write_bytes(data)
        samples = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "gialint", "check", str(path)], capture_output=True, check=False)
            samples.append((time.perf_counter() - start) * 1000)
    print(f"`gialint check report.pdf` ({pages} pages), wall, median: {statistics.median(samples):.0f} ms")
    real_pdfs(args.repeat)


def _pages(data: bytes) -> int:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    try:
        return len(pdf)
    finally:
        pdf.close()


def real_pdfs(repeat: int) -> None:
    """Per page: gialint's PDF reader (text and tables) against pdfplumber's character extraction alone.

    Wall time and CPU time of this process (the latter moves less when the machine is busy).
    """
    from gialint.read import read_bytes

    try:
        import pdfplumber
    except ImportError:
        pdfplumber = None
    print("\n| real PDF | pages | gialint reader ms/page (CPU) | pdfplumber `page.chars` ms/page (CPU) |")
    print("|---|---|---|---|")
    for path in sorted((ROOT / "tests" / "fixtures" / "real").glob("*.pdf")):
        data = path.read_bytes()
        pages = _pages(data)
        try:
            read_bytes(data, path.name)
        except Exception:  # an unreadable PDF (exit 2 by design) has no figure to give
            continue
        ours = _both(lambda data=data, name=path.name: read_bytes(data, name), repeat, pages)
        theirs = "—"
        if pdfplumber is not None:

            def chars(data: bytes = data) -> None:
                with pdfplumber.open(io.BytesIO(data)) as pdf:
                    for page in pdf.pages:
                        page.chars  # noqa: B018 — the extraction is the work measured

            theirs = _both(chars, repeat, pages)
        print(f"| {path.name} | {pages} | {ours} | {theirs} |")


def _both(fn: Callable[[], object], repeat: int, pages: int) -> str:
    """Median wall and CPU milliseconds per page, as "wall (cpu)"."""
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - start) * 1000 / pages)
        cpu.append((time.process_time() - start_cpu) * 1000 / pages)
    return f"{statistics.median(wall):.0f} ({statistics.median(cpu):.0f})"


if __name__ == "__main__":
    main()
