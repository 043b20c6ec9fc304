"""Last year's report in a run: reports of one agency for consecutive years, paired.

A run lints every file on its own first (with the cache, in worker processes). Then each
report whose agency — as its title or page title names it — has exactly one report in the
run for the year before is linted again with that report as ``previous``, for GIA601–GIA604.
``gialint check --previous FILE`` names last year's report instead, for every file checked.

A paired result is cached under its own key, which adds last year's file key (its bytes,
settings and gialint's build) and its path (which the findings name) to the file's: a changed
or renamed report of last year is a miss.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

from attrs import evolve

from gialint.config.settings import Settings
from gialint.lint.result import FileError, LintResult
from gialint.read import file_bytes
from gialint.read.source import ReadError
from gialint.run.cache import Entry, ResultCache, entry_of, file_key, result_of

#: Where an agency must have been found for its reports to be paired: a title names one
#: agency, whereas a page's publishing body may publish for many.
PAIRED_SOURCES = ("title", "page-title")

Key = tuple[str, int]  # (agency, year)


def pair_key(result: LintResult) -> Key | None:
    """The (agency, year) a result is paired by, None when it cannot be paired."""
    if result.agency is None or result.year is None or result.agency_source not in PAIRED_SOURCES:
        return None
    return result.agency, result.year


def pairs(keys: Iterable[tuple[int, Key]]) -> Iterator[tuple[int, int]]:
    """``(later, earlier)`` indices: each report and the one report of its agency for the year
    before (none where there are two for that year: which is last year's would be a guess)."""
    by_key: dict[Key, list[int]] = {}
    for index, key in keys:
        by_key.setdefault(key, []).append(index)
    for (agency, year), later in sorted(by_key.items()):
        earlier = by_key.get((agency, year - 1), [])
        if len(earlier) == 1:
            yield from ((index, earlier[0]) for index in later)


def paired_key(key: bytes, previous_key: bytes, previous_path: str) -> bytes:
    """The cache key of a report linted with last year's (see the module's docstring)."""
    digest = hashlib.sha256(key)
    digest.update(previous_key)
    digest.update(previous_path.encode("utf-8", "surrogatepass"))
    return digest.digest()


def lint_with_previous(
    item: tuple[str, Settings],
    previous: tuple[str, Settings],
    cache: ResultCache | None,
    keep_text: bool,
) -> LintResult | FileError:
    """Lint the file of ``item`` (path, settings) with the report of ``previous`` as last year's."""
    from gialint.run.api import lint_bytes  # not before a file needs linting

    path, settings = item
    previous_path, previous_settings = previous
    try:
        data = file_bytes(path, settings.limits)
        key = b""
        if cache is not None:
            before = file_key(file_bytes(previous_path, previous_settings.limits), previous_settings, previous_path)
            key = paired_key(file_key(data, settings, path), before, previous_path)
            entry = cache.get_many([key]).get(key)
            if isinstance(entry, Entry):
                return result_of(path, data, entry, keep_text, settings.limits)
        result = lint_bytes(data, path, settings=settings, previous=previous_path)
    except ReadError as error:
        return FileError(path, error.text)
    except Exception as error:  # a file that trips a bug must not stop the run
        return FileError.internal(path, error)
    if cache is not None:
        cache.put(key, entry_of(result))
    return evolve(result, document=None, text=result.text if keep_text else "")
