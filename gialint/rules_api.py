"""Everything a rule needs, in one place: what rule packages (and gialint's own rules) import.

>>> from gialint.rules_api import Diagnostic, Document, Rule, Severity, Text

The names here are a public contract, kept when gialint's internal layout changes; a rule
that imports only from this module keeps working across such changes. docs/plugins.md
shows a rule package, and docs/architecture.md where each name is defined.

- the rule and its findings: :class:`Rule`, :class:`Diagnostic`, :class:`Severity`,
  :class:`Text`, :class:`Related`, :class:`Span`, and the fix helpers :func:`cell_edit`,
  :func:`fix_of`, :func:`usual_dash` (with :class:`Edit`, :class:`Fix`, :class:`Applicability`);
- what a rule reads: :class:`Document` (the report's tree, its sections, its tables matched
  to the formats, its year), :class:`MatchedTable`, the tree's nodes (:class:`Report`,
  :class:`Section`, :class:`Heading`, :class:`Table`, :class:`Row`, :class:`Cell`,
  :class:`Paragraph` …), the prose with the section each paragraph stands in
  (``doc.passages``: :class:`Passage`), what a cell holds (:class:`CellValue`, :class:`ValueKind`), the
  format model (:class:`FormatModel`, :class:`ColumnSpec` …), the options (:class:`LintOptions`,
  :class:`EmptyCell`), the text helpers :func:`normalize`, :func:`strip_note` and :func:`roman` (a section numeral in English: "六" → "VI");
- what the prose states: a section's text as one string (:func:`section_prose`, :func:`report_prose`:
  :class:`Prose`), the words of content.toml's required-content tables (:func:`required_content`),
  what the report says of its parts (:func:`part_statements`) and of its year (:func:`year_claims`,
  :class:`ClaimKind`), and how it is written (:func:`own_passages`, :func:`enumeration_slips`:
  :class:`Slip`, :func:`doubled_words`: :class:`Doubled`);
- what rules share: :class:`IdentityRule` (a rule per kind of identity of formats.toml) and
  the arithmetic helpers, :func:`classify` (what kind of file this is), and for rules that
  check suppressions, :class:`Unmatched`, :func:`names_any` and :func:`all_rules`;
- last year's report beside this one (GIA601–GIA604, ``doc.previous``): :func:`previous_of`,
  :func:`previous_name`, :func:`table_pair`, :func:`broken_chain` (with :class:`Term`),
  :func:`cell_amount`, :func:`related_cell`,
  :func:`value_rows`, :func:`section_texts`, :func:`text_similarity`, :func:`copied_settings`.
"""

from __future__ import annotations

from gialint.analyze.crossyear import (
    Term,
    broken_chain,
    cell_amount,
    copied_settings,
    previous_name,
    previous_of,
    related_cell,
    section_texts,
    table_pair,
    text_similarity,
    value_rows,
)
from gialint.analyze.document import Document
from gialint.analyze.kind import Kind, Looks, classify
from gialint.analyze.matched import MatchedTable
from gialint.analyze.options import DEFAULT_OPTIONS, EmptyCell, LintOptions
from gialint.analyze.parts import part_statements
from gialint.analyze.prose import Passage
from gialint.analyze.required import required_content
from gialint.analyze.section_text import Prose, report_prose, section_prose
from gialint.analyze.suppress import Unmatched, names_any
from gialint.analyze.writing import Doubled, Slip, doubled_words, enumeration_slips, own_passages
from gialint.analyze.year_claims import ClaimKind, year_claims
from gialint.base.diagnostic import Applicability, Diagnostic, Edit, Fix, Related, Severity, Text
from gialint.base.span import Span
from gialint.formats import ColumnSpec, FormatModel, SectionSpec, TableSpec, Version
from gialint.formats.labels import normalize, roman, strip_note
from gialint.lint.arithmetic import SHARED_MESSAGES, Finding, findings_for, identity_findings, number
from gialint.lint.fixes import cell_edit, fix_of, usual_dash
from gialint.lint.identity_rule import IdentityRule
from gialint.lint.registry import all_rules
from gialint.lint.rule import Rule
from gialint.parse.ast import (
    Cell,
    Heading,
    Layout,
    NumeralStyle,
    Paragraph,
    Report,
    Row,
    Section,
    Subsection,
    Table,
    Title,
)
from gialint.parse.values import CellValue, ValueKind, default_reader, plain_number

__all__ = [
    "DEFAULT_OPTIONS",
    "SHARED_MESSAGES",
    "Applicability",
    "Cell",
    "CellValue",
    "ClaimKind",
    "ColumnSpec",
    "Diagnostic",
    "Document",
    "Doubled",
    "Edit",
    "EmptyCell",
    "Finding",
    "Fix",
    "FormatModel",
    "Heading",
    "IdentityRule",
    "Kind",
    "Layout",
    "LintOptions",
    "Looks",
    "MatchedTable",
    "NumeralStyle",
    "Paragraph",
    "Passage",
    "Prose",
    "Related",
    "Report",
    "Row",
    "Rule",
    "Section",
    "SectionSpec",
    "Severity",
    "Slip",
    "Span",
    "Subsection",
    "Table",
    "TableSpec",
    "Term",
    "Text",
    "Title",
    "Unmatched",
    "ValueKind",
    "Version",
    "all_rules",
    "broken_chain",
    "cell_amount",
    "cell_edit",
    "classify",
    "copied_settings",
    "default_reader",
    "doubled_words",
    "enumeration_slips",
    "findings_for",
    "fix_of",
    "identity_findings",
    "names_any",
    "normalize",
    "number",
    "own_passages",
    "part_statements",
    "plain_number",
    "previous_name",
    "previous_of",
    "related_cell",
    "report_prose",
    "required_content",
    "roman",
    "section_prose",
    "section_texts",
    "strip_note",
    "table_pair",
    "text_similarity",
    "usual_dash",
    "value_rows",
    "year_claims",
]
