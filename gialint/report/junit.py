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
from gialint.base.messages import say
from gialint.lint.result import LintResult
from gialint.report import FileError, ReportOptions, shown, visible, where


def as_junit(
    results: Sequence[LintResult], errors: Sequence[FileError], lang: str, fail_on: Severity = Severity.ERROR
) -> ET.Element:
    failures = sum(1 for r in results if any(d.severity >= fail_on for d in r.diagnostics))
    suites = ET.Element("testsuites", name="gialint")
    suite = ET.SubElement(
        suites,
        "testsuite",
        name="gialint",
        tests=str(len(results) + len(errors)),
        failures=str(failures),
        errors=str(len(errors)),
        skipped="0",
    )
    labels = {severity: text.get(lang) for severity, text in msg.SEVERITY.items()}
    for result in results:
        path = visible(shown(result.path))
        case = ET.SubElement(suite, "testcase", classname="gialint", name=path, file=path)
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
    for error in errors:
        name = visible(shown(error.path))
        case = ET.SubElement(suite, "testcase", classname="gialint", name=name, file=name)
        ET.SubElement(case, "error", message=visible(error.message.get(lang)), type="unreadable")
    return suites


def report_junit(
    results: Sequence[LintResult], errors: Sequence[FileError], options: ReportOptions, out: TextIO
) -> None:
    tree = as_junit(results, errors, options.lang, options.fail_on)
    ET.indent(tree)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(tree, encoding="unicode"))
    out.write("\n")
