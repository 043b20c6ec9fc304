"""What the format says about a line of a report: which table's label it is, or a piece of one,
which section's wording, whether a table's labels and figures run together in it.

Made once from :mod:`gialint.formats` (the labels of tables 2–4, the section headings and their
variants) and read by :mod:`gialint.parse.arrange` and :mod:`gialint.parse.linetables`.
"""

from __future__ import annotations

import functools
import re

from gialint.base.precompiled import regex
from gialint.formats import FormatModel, load
from gialint.formats.labels import normalize
from gialint.parse.glued import glued_table
from gialint.parse.outline import CHINESE_NUMERALS, SectionIdentifier

#: what follows the numeral of every heading ``Cues.midline`` finds ("三、"): a line without it
#: holds none, which a search for the character tells many times faster than the pattern
MIDLINE_MARK = "、"
#: the numerals of those headings (the Chinese numerals a heading's number is read from), and
#: the most characters one has ("十二"): what the search from each mark
#: (:func:`gialint.parse.arrange.midline_search_by_marks`) looks for before it; the same search
#: as ``Cues.midline``'s own (tests/parse/test_arrange.py)
MIDLINE_NUMERALS, MIDLINE_NUMERAL_LENGTH = CHINESE_NUMERALS, 2


class Cues:
    """What the format says about lines: which are table labels, which name sections."""

    def __init__(self, model: FormatModel) -> None:
        self.identify = SectionIdentifier(model)
        self._tables = tuple(model.tables.values())
        self._wordings = {normalize(w): spec.index for spec in model.sections for w in (spec.heading, *spec.variants)}
        # every label of every table, for the glued-line search (:func:`glued_table`): (normalised
        # label, table id), longest first
        self.label_texts = tuple(
            sorted(
                {(label, spec.id) for spec in self._tables for label in spec.labels if len(label) >= 4},
                key=lambda item: (-len(item[0]), item),  # longest first, then in a fixed order
            )
        )
        # longest first, then in a fixed order: the same pattern in every process (shipped compiled)
        wordings = sorted(
            {w for spec in model.sections for w in (spec.heading, *spec.variants)}, key=lambda w: (-len(w), w)
        )
        # a numbered heading with a section's wording, where a line or a sentence may start: at
        # the start, or after one of the characters that end a sentence or a figure. The pattern
        # starts with the numeral's first character and looks behind it (``(?<![^…].)``: not
        # after any other character) rather than with the look-behind: a search for a pattern
        # that starts with a character class skips ahead to that character, one that starts
        # with a look-behind tries every position (a quarter of the time of the arranging).
        self.midline = regex(
            rf"(?P<numeral>[{MIDLINE_NUMERALS}](?<![^。；;！!？?\s\u3000\d）)”」].)[{MIDLINE_NUMERALS}]?)"
            rf"[ \t\u3000]*{MIDLINE_MARK}[ \t\u3000]*"
            r"(?P<title>" + "|".join(re.escape(w) for w in wordings) + ")"
        )

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one Cues per process, kept by default_cues
    def tables_of(self, text: str) -> frozenset[str]:
        """The format tables that have ``text`` as one of their labels (exactly, after normalising)."""
        normalized = normalize(text.replace("\n", ""))
        if not normalized:
            return frozenset()
        return frozenset(spec.id for spec in self._tables if spec.lookup(normalized))  # notes stripped there

    @functools.cached_property
    def _parts(self) -> frozenset[str]:
        """Every piece of every label (normalised): what a line wrapped out of a label can hold."""
        return frozenset().union(*self._parts_by_table.values())

    @functools.cached_property
    def _parts_by_table(self) -> dict[str, frozenset[str]]:
        return {
            spec.id: frozenset(
                label[i:j] for label in spec.labels for i in range(len(label)) for j in range(i + 1, len(label) + 1)
            )
            for spec in self._tables
        }

    @functools.cached_property
    def _characters(self) -> dict[str, frozenset[str]]:
        return {spec.id: frozenset("".join(spec.labels)) for spec in self._tables}

    def of_label_characters(self, text: str, tables: frozenset[str]) -> bool:
        """Whether every character of ``text`` is one of the labels of ``tables``: a header whose
        labels stand down the page, read across ("结结其尚 / 果果他未总结 结 其 尚")."""
        chars = set(normalize(text))
        return bool(chars) and bool(tables) and all(chars <= self._characters[t] for t in tables)

    def in_table(self, text: str, tables: frozenset[str]) -> frozenset[str]:
        """The tables ``text`` is a label of; a label of another table that is only a piece of a
        label of ``tables`` ("其他" of "其他结果", wrapped in table 4's header) is that piece."""
        found = self.tables_of(text)
        if found and tables and not found & tables:
            normalized = normalize(text.replace("\n", ""))
            if any(normalized in self._parts_by_table[t] for t in tables):
                return frozenset()
        return found

    def is_label_part(self, text: str) -> bool:
        """Whether ``text`` is a piece of a format label ("（二）部分公开（区分处理的，只计这一情", "业")."""
        normalized = normalize(text.replace("\n", ""))
        return bool(normalized) and normalized in self._parts

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - as above
    def names_row(self, text: str) -> bool:
        """Whether ``text`` is the label of a row (or a group of rows) of a format table."""
        normalized = normalize(text.replace("\n", ""))
        return any(ref.kind in ("row", "group") for spec in self._tables for ref in spec.lookup(normalized))

    @staticmethod
    def names_report(text: str) -> bool:
        """Whether ``text`` names the report (…政府信息公开…报告), as a title does."""
        return "政府信息公开" in text

    def wording_index(self, title: str) -> int | None:
        """The index (1–6) of the section whose heading or a variant ``title`` is."""
        return self._wordings.get(normalize(title))

    def glued_table(self, text: str) -> tuple[str, int] | None:
        """The table whose labels and figures run together in ``text``, and where it starts."""
        return glued_table(self.label_texts, text)


@functools.lru_cache(maxsize=1)
def default_cues() -> Cues:
    return Cues(load())


_BY_MODEL: dict[int, tuple[FormatModel, Cues]] = {}


def cues_for(model: FormatModel) -> Cues:
    """The cues of ``model`` (the default model's are made once)."""
    if model is load():
        return default_cues()
    found = _BY_MODEL.get(id(model))
    if found is None or found[0] is not model:
        found = _BY_MODEL[id(model)] = (model, Cues(model))
    return found[1]
