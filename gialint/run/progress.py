"""The progress bar of a batch run: on a terminal only, never when piped or in CI."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator

#: Seconds between redraws: often enough to look alive, rarely enough to cost nothing.
REDRAW = 0.1


def wanted(enabled: bool = True) -> bool:
    """A bar is drawn when asked for, stderr is a terminal, and no CI system runs us (``CI`` set)."""
    return enabled and sys.stderr.isatty() and not os.environ.get("CI")


@contextlib.contextmanager
def progress(total: int | Callable[[], int], enabled: bool = True) -> Iterator[Callable[[], None]]:
    """A function to call once per file done; draws rich's progress bar on stderr when :func:`wanted`
    and there is more than one file. ``total``: the number of files, or a function that counts
    them, called only when a bar is wanted."""
    count = (total() if callable(total) else total) if wanted(enabled) else 0
    if count <= 1:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    # auto_refresh=False: no drawing thread, so worker processes can still be forked safely
    bar = Progress(
        TextColumn("gialint"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        auto_refresh=False,
        transient=True,
    )
    task = bar.add_task("check", total=count)
    done = 0
    last = 0.0

    def advance() -> None:
        nonlocal done, last
        done += 1
        now = time.monotonic()
        if now - last >= REDRAW or done == count:
            bar.update(task, completed=done)
            bar.refresh()
            last = now

    with bar:
        yield advance
