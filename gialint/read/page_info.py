"""What a web page states about its report's publication: the date (发布时间) and the body (发布机构).

Government sites state them in the page's ``<meta>`` tags (``PubDate``, ``ContentSource``,
``SiteName``, as the national site specification names them) and in an info line near
the article ("来源：某某市人民政府　时间：2021-03-05 08:58"). Only what the page states is
taken: a date that is a date, after a label that says it is the publication date; a
publishing body after a label that says so, or a source (来源) that names a government
body rather than a newspaper or a website.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any

from attrs import frozen

from gialint.base.precompiled import regex
from gialint.read.medium import SOURCE, is_medium

PUBLISHED = "发布时间"
PUBLISHER = "发布机构"
FIELDS = (PUBLISHED, PUBLISHER)

#: ``<meta name=…>`` (compared in lower case) and the field each states, in order of preference
_META = (("pubdate", PUBLISHED), ("publishdate", PUBLISHED), ("contentsource", PUBLISHER), ("sitename", PUBLISHER))

_CJK = "\u3400-\u9fff"
_WORD = regex(rf"[{_CJK}]")
_DATE = regex(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}(?:\s*日)?(?:[ \t\xa0]*\d{1,2}:\d{2}(?::\d{2})?)?")
_NAME = regex(rf"[{_CJK}（）()、A-Za-z0-9]{{2,40}}")


@frozen
class _Vocabulary:
    fields: dict[str, str]  # word -> field
    rank: dict[str, int]  # word -> preference (lower first): formats.toml's order
    body_endings: tuple[str, ...]  # how the name of a government body ends (formats.toml)
    label: re.Pattern[str]  # a word, its colon and the space after
    next_label: re.Pattern[str]  # the next label, even glued to a value ("来源：某某县人民政府时间：…")


@functools.lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    from gialint.formats import load

    declared = load().page_meta
    words: dict[str, str] = {}
    for field, key in ((PUBLISHED, "published"), (PUBLISHER, "publisher")):
        for word in declared.get(key, ()):
            words.setdefault(word, field)
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return _Vocabulary(
        words,
        {word: rank for rank, word in enumerate(words)},
        tuple(declared.get("body_endings", ())),
        regex(rf"({alternatives})[ \t\u3000\xa0]*[：:][ \t\u3000\xa0\n]*"),
        regex(rf"(?:{alternatives})[ \t\u3000\xa0]*[：:]"),
    )


@frozen
class Stated:
    """One statement of the page: a field, its value, and the element (and the offset in its piece) it came from."""

    field: str
    value: str
    element: Any
    label: str  # the words before it on the page ("时间："), or the meta tag's name


def from_meta(document: Any) -> list[Stated]:
    """The fields the page's ``<meta name=… content=…>`` tags state (first tag per name)."""
    found: dict[str, tuple[str, Any, str]] = {}
    for meta in document.iter("meta"):
        name = str(meta.get("name") or "").strip().lower()
        content = " ".join(str(meta.get("content") or "").split())
        if name and content and name not in found:
            found[name] = (content, meta, str(meta.get("name")))
    out: list[Stated] = []
    for name, field in _META:
        if name in found and not any(s.field == field for s in out):
            content, element, label = found[name]
            value = _value(field, content, word=SOURCE)  # a meta tag's body is a source: named or not stated
            if value:
                out.append(Stated(field, value, element, label))
    return out


def from_text(pieces: Sequence[tuple[str, Any]]) -> list[Stated]:
    """The fields an info line states; ``pieces``: the page's text nodes near the article and their elements.

    The pieces are read as one text, so a label and its value in two ``<span>``\\ s are one statement.
    """
    text = ""
    owners: list[tuple[int, Any]] = []  # (offset where a piece starts, its element)
    for piece, element in pieces:
        owners.append((len(text), element))
        text += piece + " "
    words = _vocabulary()
    found: dict[str, tuple[int, Stated]] = {}  # field -> (rank of its word, statement)
    value_end = -1  # where the last value taken ends: a label may follow it with no space
    for match in words.label.finditer(text):
        glued = match.start() > 0 and _WORD.match(text[match.start() - 1]) is not None
        if glued and match.start() != value_end:
            continue  # a longer word ending in a label's characters (更新时间)
        word = match.group(1)
        field = words.fields[word]
        value = _value(field, text[match.end() :], word=word, anchored=True)
        if value:
            value_end = match.end() + len(value)
            rank = words.rank[word]
            if field not in found or rank < found[field][0]:  # 发布日期 before 成文日期, wherever they stand
                found[field] = (rank, Stated(field, value, _owner(owners, match.end()), match.group(0).strip()))
    return [found[field][1] for field in FIELDS if field in found]


def choose(*sources: Iterable[Stated]) -> list[Stated]:
    """One statement per field, from the first source that has it, in the order of :data:`FIELDS`."""
    chosen: dict[str, Stated] = {}
    for source in sources:
        for stated in source:
            chosen.setdefault(stated.field, stated)
    return [chosen[field] for field in FIELDS if field in chosen]


def _value(field: str, text: str, word: str, anchored: bool = False) -> str:
    pattern = _DATE if field == PUBLISHED else _NAME
    following = _vocabulary().next_label.search(text)
    if following is not None:
        text = text[: following.start()]
    found = pattern.match(text) if anchored else pattern.search(text)
    if found is None:
        return ""
    value = found.group().strip()
    if field == PUBLISHER and is_medium(word, value, _vocabulary().body_endings):
        return ""  # a source that is a medium or a website, not a publishing body
    return value


def _owner(owners: list[tuple[int, Any]], offset: int) -> Any:
    element = owners[0][1]
    for start, candidate in owners:
        if start > offset:
            break
        element = candidate
    return element
