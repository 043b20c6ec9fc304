"""How long the review page (``gialint check --format html``) takes to open in headless Chromium.

    python bench/review_page.py [FILE...]   (default: the real reports of tests/fixtures/real with findings)

Each file's page is written with gialint, then opened in the system's Chromium through
Playwright, six times in one browser; the figures are the medians of the last five: the load
event (``performance`` navigation timing) and the wall time until the page is painted after
it. Then one page of all the files. Reports figures; asserts nothing.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "fixtures" / "real"
DEFAULT = ("pingtan-2020.html", "hongze-2023.pdf", "blank-template-2021.docx", "shanghai-office-2025-from-pdf.md")


def write_page(files: list[Path], out: Path) -> None:
    command = [sys.executable, "-m", "gialint", "check", *map(str, files), "--format", "html", "-o", str(out)]
    subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)


def main() -> None:
    from playwright.sync_api import sync_playwright

    files = [Path(a) for a in sys.argv[1:]] or [REAL / name for name in DEFAULT]
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        sys.exit("no chromium on PATH")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable)
        pages = [([f], Path(tmp) / f"{f.name}.html") for f in files] + [(files, Path(tmp) / "all.html")]
        for sources, out in pages:
            write_page(sources, out)
            loads, walls = [], []
            for _ in range(6):
                tab = browser.new_page()
                start = time.perf_counter()
                tab.goto(out.as_uri(), wait_until="load")
                tab.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
                walls.append(time.perf_counter() - start)
                loads.append(tab.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd"))
                tab.close()
            name = out.name if len(sources) == 1 else f"all {len(sources)} files"
            print(
                f"{name:45} {out.stat().st_size / 1024:7.0f} KB  load {statistics.median(loads[1:]):5.0f} ms"
                f"  painted {1000 * statistics.median(walls[1:]):5.0f} ms"
            )
        browser.close()


if __name__ == "__main__":
    main()
