"""Memory and warm re-runs at scale: streaming output keeps a run's peak memory flat.

    python bench/memory.py [--files 10000] [--large 100000] [--repeat 3] [--before DIR] [--out FILE.json]
    python bench/memory.py --python VENV/bin/python [--before-python OLD/bin/python] ...

Generates ``--files`` distinct reports (bench/corpus.py) in a temporary directory, and a
``--large`` run made of them again (hard links under other names: the same bytes, so the
result cache answers them). Then, for this source tree — and, side by side, for the source
tree ``--before`` (an older checkout, put first on ``PYTHONPATH``) — it measures what follows.
With ``--python``, it measures the gialint installed for that interpreter instead (a
compiled install, say), and ``--before-python`` another one side by side. Each build is
named with what it is (``compiled with mypyc`` or ``pure Python``). For each:

1. a cold run over the ``--files`` reports, JSON written to a file with ``-o``: the empty
   cache is filled;
2. warm re-runs of the same files with JSON written to a file, by ``-o FILE`` and by
   ``> FILE``, each with and without ``PYTHONUNBUFFERED=1``: the median of ``--repeat``
   runs, the variants taken in turn, each as a share of the cold run;
3. the peak memory (gialint and its workers, sampled from /proc: the sum of their RSS, and of
   their PSS, which counts a page shared by forked processes once) of a warm run over the
   ``--files`` reports and over the ``--large`` run, JSON written to a file, and their ratios:
   the large run twice, first over names the cache has not seen (each file is read and hashed,
   its bytes' entry found), then again, when the cache knows the files by their status as it
   knows the ``--files`` reports'. Each is compared with a ``--files`` run of the same kind: the
   runs over known files with the warm run, the first run over new names with a first run over
   ``--files`` new names (hard links too) — and, as before, with the warm run.

It reports figures and asserts nothing; docs/performance.md quotes them.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from corpus import write_corpus  # noqa: E402
from run import PeakSampler  # noqa: E402

#: How a warm re-run writes its JSON: ``-o FILE``, or standard output redirected to the file.
WAYS = ("-o FILE", "> FILE")


#: The peak PSS (KiB) of each run measured with ``pss``, in turn.
PSS_PEAKS: list[int] = []


def tree_pss_kib(pid: int) -> int:
    """Proportional memory of ``pid`` and its descendants, in KiB: a page the gialint process shares
    with its forked workers counts once in all (the RSS sum counts it in each)."""
    total = 0
    for process in [pid, *descendants(pid)]:
        try:
            found = re.search(r"Pss:\s+(\d+)", Path(f"/proc/{process}/smaps_rollup").read_text())
        except OSError:
            continue
        total += int(found.group(1)) if found else 0
    return total


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parent = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], list(children.get(pid, []))
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


@dataclass(frozen=True)
class Build:
    """A gialint to measure: ``python -m gialint``, with ``path`` first on ``PYTHONPATH`` (a
    source tree) or nothing (the gialint installed for that interpreter)."""

    python: str
    path: Path | None = None

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        if self.path is not None:
            env["PYTHONPATH"] = str(self.path)
        return env

    def description(self) -> str:
        """What the build is: compiled or pure Python, and where it is."""
        asked = "from gialint.compiled import build_description as b; import gialint; print(b(), gialint.__file__)"
        found = subprocess.run(
            [self.python, "-c", asked],
            env=self.environment(),
            cwd=tempfile.gettempdir(),
            capture_output=True,
            text=True,
        )
        return found.stdout.strip() or f"cannot import gialint: {found.stderr.strip().splitlines()[-1:]}"


def check(
    source: Build,
    folders: list[Path],
    out: Path,
    cache: Path,
    way: str = "-o FILE",
    unbuffered: bool = False,
    pss: bool = False,
) -> tuple[float, int]:
    """Wall seconds and peak RSS in KiB (gialint and its workers) of ``gialint check --format json``;
    with ``pss``, the peak PSS too, in :data:`PSS_PEAKS`."""
    env = {**source.environment(), "GIALINT_CACHE_DIR": str(cache)}
    env.pop("PYTHONUNBUFFERED", None)
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    command = [source.python, "-m", "gialint", "check", *map(str, folders), "--format", "json", "-q"]
    with open(out, "wb") as sink:
        if way == "-o FILE":
            command += ["-o", str(out)]
        start = time.perf_counter()
        process = subprocess.Popen(
            command, env=env, cwd=tempfile.gettempdir(), stdout=sink if way == "> FILE" else subprocess.DEVNULL
        )
        sampler = PeakSampler(process.pid, 0.05)
        shared_once = PeakSampler(process.pid, 0.05, tree_pss_kib) if pss else None
        process.wait()
        elapsed = time.perf_counter() - start
        peak = sampler.stop()
        if shared_once is not None:
            PSS_PEAKS.append(shared_once.stop())
    if process.returncode not in (0, 1):
        raise SystemExit(f"gialint check failed ({process.returncode}) with {source}")
    json.loads(out.read_text(encoding="utf-8"))  # the output is one valid document
    return elapsed, peak


def link_large(corpus: Path, large: Path, count: int) -> list[Path]:
    """Folders of ``count`` files in all, hard links to the corpus's files taken round."""
    files = sorted(corpus.rglob("*.*"))
    folders = []
    for index in range(count):
        folder = large / f"{index // 1000:03d}"
        if index % 1000 == 0:
            folder.mkdir(parents=True)
            folders.append(folder)
        original = files[index % len(files)]
        os.link(original, folder / f"{index:06d}-{original.name}")
    return folders


def measure(
    sources: dict[str, Build], folders: list[Path], fresh: list[Path], large: list[Path], base: Path, repeat: int
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, source in sources.items():
        build = source.description()
        print(f"{name}: {build}", flush=True)
        cold, cold_peak = check(source, folders, base / "out.json", base / f"cache-{name}")
        out[name] = {"build": build, "cold_s": cold, "cold_peak_mib": cold_peak / 1024, "warm_s": {}}
        print(f"{name}: cold run {cold:.1f} s, peak {cold_peak / 1024:.0f} MiB", flush=True)
    for way in WAYS:
        for unbuffered in (False, True):
            label = f"{way}{' PYTHONUNBUFFERED=1' if unbuffered else ''}"
            samples: dict[str, list[float]] = {name: [] for name in sources}
            for _ in range(repeat):  # the variants in turn, so that both see the same machine
                for name, source in sources.items():
                    cache = base / f"cache-{name}"
                    samples[name].append(check(source, folders, base / "out.json", cache, way, unbuffered)[0])
            for name in sources:
                warm = statistics.median(samples[name])
                out[name]["warm_s"][label] = {"seconds": warm, "share_of_cold": warm / out[name]["cold_s"]}
                print(f"{name}: warm re-run, JSON {label}: {warm:.2f} s, {warm / out[name]['cold_s']:.1%} of cold")
    for name, source in sources.items():
        cache = base / f"cache-{name}"
        small_peak = check(source, folders, base / "out.json", cache, pss=True)[1]
        # the same number of files under names the cache has not seen (their bytes it has: each
        # file is read and hashed), the measure the large run's first run is compared with
        fresh_peak = check(source, fresh, base / "out.json", cache, pss=True)[1]
        # the large run twice: first over names the cache has not seen, then again, as the runs
        # over the 10,000 are (files known)
        first_seconds, first_peak = check(source, large, base / "out.json", cache, pss=True)
        large_seconds, large_peak = check(source, large, base / "out.json", cache, pss=True)
        small_pss, fresh_pss, first_pss, large_pss = PSS_PEAKS[-4:]
        out[name]["memory"] = {
            "files": sum(len(os.listdir(f)) for f in folders),
            "peak_mib": small_peak / 1024,
            "fresh_peak_mib": fresh_peak / 1024,
            "large_files": sum(len(os.listdir(f)) for f in large),
            "large_first_peak_mib": first_peak / 1024,
            "large_first_s": first_seconds,
            "first_ratio": first_peak / fresh_peak,
            "first_to_known_ratio": first_peak / small_peak,
            "large_peak_mib": large_peak / 1024,
            "large_s": large_seconds,
            "ratio": large_peak / small_peak,
            "pss_mib": small_pss / 1024,
            "fresh_pss_mib": fresh_pss / 1024,
            "large_first_pss_mib": first_pss / 1024,
            "first_pss_ratio": first_pss / fresh_pss,
            "first_to_known_pss_ratio": first_pss / small_pss,
            "large_pss_mib": large_pss / 1024,
            "pss_ratio": large_pss / small_pss,
        }
        print(f"{name}: warm peak memory:", {k: round(v, 2) for k, v in out[name]["memory"].items()}, flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000, help="distinct reports (default 10,000)")
    parser.add_argument("--large", type=int, default=100_000, help="the large run, in files (default 100,000)")
    parser.add_argument("--repeat", type=int, default=3, help="warm re-runs of each variant; the median is kept")
    parser.add_argument("--before", type=Path, help="an older source tree, measured side by side")
    parser.add_argument("--python", help="measure the gialint installed for this interpreter, not this source tree")
    parser.add_argument("--before-python", help="and the one installed for this interpreter, side by side")
    parser.add_argument("--out", type=Path, help="also write the figures as JSON")
    args = parser.parse_args()
    sources = {"this": Build(args.python) if args.python else Build(sys.executable, ROOT)}
    if args.before_python is not None:
        sources = {"before": Build(args.before_python), **sources}
    elif args.before is not None:
        sources = {"before": Build(sys.executable, args.before.resolve()), **sources}
    with tempfile.TemporaryDirectory(prefix="gialint-memory-") as tmp:
        base = Path(tmp)
        started = time.perf_counter()
        write_corpus(base / "corpus", args.files)
        fresh = link_large(base / "corpus", base / "fresh", args.files)
        large = link_large(base / "corpus", base / "large", args.large)
        print(
            f"corpus: {args.files} reports, {args.large} linked, in {time.perf_counter() - started:.1f} s", flush=True
        )
        folders = sorted(p for p in (base / "corpus").iterdir() if p.is_dir())
        results = measure(sources, folders, fresh, large, base, args.repeat)
    if args.out:
        args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
