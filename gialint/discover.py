"""Which files a run checks: the files named, and the report files under the directories named."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence

from gialint.readers import EXTENSIONS


def iter_files(paths: Sequence[str], excluded: Callable[[str, bool], bool] = lambda p, d: False) -> Iterator[str]:
    """Files to check: each named file, and every report file under each named directory (sorted).

    Hidden directories, Office lock files ("~$报告.docx") and what ``excluded`` says are passed over
    (it is given each path, and whether that is a directory).
    """
    for path in paths:
        if os.path.isdir(path):
            found: list[str] = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not excluded(os.path.join(root, d), True))
                prefix = os.path.join(root, "")
                for name in files:
                    if name.lower().endswith(EXTENSIONS) and not name.startswith("~$"):
                        file = prefix + name
                        if not excluded(file, False):
                            found.append(file)
            yield from sorted(found)
        else:
            yield path
