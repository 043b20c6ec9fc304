"""gialint's built-in rules, one per module, published under the ``gialint.rules`` entry point.

Adding a rule: write ``rules/giaNNN_name.py`` with one :class:`gialint.rules_api.Rule`
subclass, list it below, add ``tests/rules/GIANNN.yml``, and regenerate docs/rules.md
(``gialint rules --format markdown > docs/rules.md``).
"""

from .gia101_missing_section import MissingSection
from .gia102_section_order import SectionOrder
from .gia103_section_numbering import SectionNumbering
from .gia104_heading_wording import HeadingWording
from .gia105_title import Title
from .gia106_missing_table import MissingTable
from .gia201_template_version import TemplateVersion
from .gia202_mixed_template import MixedTemplate
from .gia203_label_mismatch import LabelMismatch
from .gia204_table_shape import TableShape
from .gia205_unknown_year import UnknownYear
from .gia206_not_a_report import NotAReport
from .gia207_unreadable_table import UnreadableTable
from .gia301_row_total import RowTotal
from .gia302_outcome_total import OutcomeTotal
from .gia303_balance import Balance
from .gia304_review_litigation_total import ReviewLitigationTotal
from .gia305_implausible_value import ImplausibleValue
from .gia401_dash_zero_mix import DashZeroMix
from .gia402_unit_in_cell import UnitInCell
from .gia403_nonstandard_number import NonstandardNumber
from .gia404_non_numeric_cell import NonNumericCell
from .gia405_blank_cell import BlankCell
from .gia406_amount_unit import AmountUnit
from .gia901_unused_suppression import UnusedSuppression

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
    NotAReport,
    UnreadableTable,
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
    UnusedSuppression,
]

__all__ = ["BUILTIN_RULES"]
