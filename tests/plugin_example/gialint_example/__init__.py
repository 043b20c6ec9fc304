"""An example third-party gialint rule package (see docs/plugins.md)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gialint.rules_api import Diagnostic, Document, Rule, Severity, Span, Text

PHONE = re.compile(r"(?:电话|联系方式)[^。\n]{0,12}?\d{3,4}[-－—]?\d{7,8}")


class ContactPhone(Rule):
    """
    ## What it does
    Checks that the report gives a telephone number (电话 / 联系方式 followed by the
    number) where readers can ask about it. A local convention, not the national format.

    ## Why it matters
    Some provinces ask agencies to close their report with a contact for questions;
    a report without one leaves readers nowhere to turn.

    ## Example
    A report ending "如对本报告有疑问，请与本机关办公室联系。" with no number gets
    `EXA101 报告未提供咨询电话`.
    """

    code = "EXA101"
    name = "contact-phone"
    summary = Text(zh="报告未提供咨询电话", en="The report gives no telephone number for questions")
    rationale = "A provincial convention (example plugin)."
    severity = Severity.INFO
    messages = {"default": Text(zh="报告未提供咨询电话", en="The report gives no telephone number for questions")}

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        texts = [doc.report.title.text] if doc.report.title else []
        for section in doc.report.sections:
            texts.extend(getattr(block, "text", "") for block in section.blocks)
        if not any(PHONE.search(text) for text in texts):
            title = doc.report.title
            yield self.diagnostic(title.span if title else Span(1, 1, 1, 1))


RULES = [ContactPhone]
