"""gialint's built-in rules, one per module, published under the ``gialint.rules`` entry point.

Adding a rule: write ``rules/giaNNN_name.py`` with one :class:`gialint.rule.Rule`
subclass, list it below, add ``tests/rules/GIANNN.yml``, and regenerate docs/rules.md
(``gialint rules --format markdown > docs/rules.md``).
"""

from gialint.rules.gia101_missing_section import MissingSection
from gialint.rules.gia102_section_order import SectionOrder
from gialint.rules.gia103_section_numbering import SectionNumbering
from gialint.rules.gia104_heading_wording import HeadingWording
from gialint.rules.gia105_title import Title
from gialint.rules.gia106_missing_table import MissingTable
from gialint.rules.gia201_template_version import TemplateVersion
from gialint.rules.gia202_mixed_template import MixedTemplate
from gialint.rules.gia203_label_mismatch import LabelMismatch
from gialint.rules.gia204_table_shape import TableShape
from gialint.rules.gia205_unknown_year import UnknownYear
from gialint.rules.gia301_row_total import RowTotal
from gialint.rules.gia302_outcome_total import OutcomeTotal
from gialint.rules.gia303_balance import Balance
from gialint.rules.gia304_review_litigation_total import ReviewLitigationTotal
from gialint.rules.gia305_implausible_value import ImplausibleValue
from gialint.rules.gia401_dash_zero_mix import DashZeroMix
from gialint.rules.gia402_unit_in_cell import UnitInCell
from gialint.rules.gia403_nonstandard_number import NonstandardNumber
from gialint.rules.gia404_non_numeric_cell import NonNumericCell
from gialint.rules.gia405_blank_cell import BlankCell
from gialint.rules.gia406_amount_unit import AmountUnit

BUILTIN_RULES = [
    MissingSection,
    SectionOrder,
    SectionNumbering,
    HeadingWording,
    Title,
    MissingTable,
    TemplateVersion,
    MixedTemplate,
    LabelMismatch,
    TableShape,
    UnknownYear,
    RowTotal,
    OutcomeTotal,
    Balance,
    ReviewLitigationTotal,
    ImplausibleValue,
    DashZeroMix,
    UnitInCell,
    NonstandardNumber,
    NonNumericCell,
    BlankCell,
    AmountUnit,
]

__all__ = ["BUILTIN_RULES"]
