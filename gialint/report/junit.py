"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure DevOps).

One ``<testcase>`` per report file: it fails, with one ``<failure>`` listing every finding
(``path:line:col: CODE message``), when a finding is at or above ``--fail-on`` (as the exit
code does); otherwise it passes, its findings, if any, in ``<system-out>``; it is an
``<error>`` when the file could not be read.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO
from xml.etree import ElementTree as ET

from gialint.base import catalogue as msg
from gialint.base.diagnostic import Severity
from gialint.base.messages import say, severity_labels
from gialint.lint.result import LintResult
from gialint.report import FileError, ReportOptions, shown, visible, where
from gialint.report.stream import Spool, Writer, write_all


def as_junit(
    results: Sequence[LintResult], errors: Sequence[FileError], lang: str, fail_on: Severity = Severity.ERROR
) -> ET.Element:
    failures = sum(1 for r in results if any(d.severity >= fail_on for d in r.diagnostics))
    suites, suite = _suites(len(results) + len(errors), failures, len(errors))
    for result in results:
        suite.append(_case(result, lang, fail_on))
    for error in errors:
        suite.append(_error_case(error, lang))
    return suites


def _suites(tests: int, failures: int, errors: int) -> tuple[ET.Element, ET.Element]:
    suites = ET.Element("testsuites", name="gialint")
    suite = ET.SubElement(
        suites,
        "testsuite",
        name="gialint",
        tests=str(tests),
        failures=str(failures),
        errors=str(errors),
        skipped="0",
    )
    return suites, suite


def _case(result: LintResult, lang: str, fail_on: Severity) -> ET.Element:
    path = visible(shown(result.path))
    case = ET.Element("testcase", classname="gialint", name=path, file=path)
    labels = severity_labels(lang)
    lines = [
        visible(f"{where(path, d, lang)}: {d.code} {labels[d.severity]} {d.message.get(lang)}")
        for d in result.diagnostics
    ]
    if any(d.severity >= fail_on for d in result.diagnostics):
        codes = sorted({d.code for d in result.diagnostics})
        summary = say(msg.JUNIT_FAILURE, count=len(result.diagnostics), codes=", ".join(codes)).get(lang)
        failure = ET.SubElement(case, "failure", message=summary, type="lint")
        failure.text = "\n".join(lines)
    elif lines:  # below --fail-on: the case passes, as the exit code does, and says what it saw
        ET.SubElement(case, "system-out").text = "\n".join(lines)
    return case


def _error_case(error: FileError, lang: str) -> ET.Element:
    name = visible(shown(error.path))
    case = ET.Element("testcase", classname="gialint", name=name, file=name)
    ET.SubElement(case, "error", message=visible(error.message.get(lang)), type="unreadable")
    return case


#: Where a case stands in the document: the indentation ``ET.indent`` gives it.
_CASE_LEVEL = 2
_CASE_PAD = "\n" + "  " * _CASE_LEVEL


def _case_text(case: ET.Element) -> str:
    ET.indent(case, level=_CASE_LEVEL)
    return _CASE_PAD + ET.tostring(case, encoding="unicode")


class JunitWriter(Writer):
    """The cases as they come, spooled: the suite's counts, which come first, are known at the end."""

    def __init__(self, options: ReportOptions, out: TextIO) -> None:
        super().__init__(options, out)
        self.cases = Spool()
        self.error_cases = Spool()

    def chunk(self, result: LintResult) -> str:
        self.cases.write(_case_text(_case(result, self.options.lang, self.options.fail_on)))
        return ""

    def unreadable(self, error: FileError) -> None:
        self.error_cases.write(_case_text(_error_case(error, self.options.lang)))

    def finish(self) -> None:
        tally, out = self.tally, self.out
        suites, suite = _suites(tally.files, tally.failing, tally.unreadable)
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        if not tally.files:
            ET.indent(suites)
            out.write(ET.tostring(suites, encoding="unicode") + "\n")
            return
        ET.SubElement(suite, "cases")
        ET.indent(suites)
        head, _, tail = ET.tostring(suites, encoding="unicode").partition(_CASE_PAD + "<cases />")
        out.write(head)
        self.cases.copy_to(out)
        self.error_cases.copy_to(out)
        out.write(tail + "\n")


def report_junit(
    results: Sequence[LintResult], errors: Sequence[FileError], options: ReportOptions, out: TextIO
) -> None:
    write_all(JunitWriter(options, out), results, errors)
