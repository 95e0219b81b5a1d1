"""JUnit XML, the report format every CI system reads (Jenkins, GitLab, Azure, CircleCI, GitHub test reporters).

One ``<testsuites>`` with one ``<testsuite>`` of test cases, each passing,
failing (``<failure>``), broken (``<error>``) or skipped. Characters XML 1.0
cannot carry (control characters in an article) are dropped, not escaped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.checks.finding import Finding, format_tally, severity_at_least
from claimcheck.errors import ClaimcheckError
from claimcheck.render import CheckReport
from claimcheck.render.text import lint_line

__all__ = ["Case", "check_cases", "junit_xml", "render"]

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


@dataclass
class Case:
    """One test case; set at most one of ``failure``, ``error`` and ``skipped`` (their messages)."""

    name: str
    classname: str
    failure: str | None = None
    error: str | None = None
    skipped: str | None = None
    details: str = ""  # the body of the failure/error, or system-out for a passing case
    file: str | None = None
    line: int | None = None
    time: float = 0.0


def junit_xml(suite: str, cases: Sequence[Case], *, time: float = 0.0) -> str:
    """The cases as one JUnit XML document (UTF-8, with its declaration)."""
    root = ET.Element("testsuites", name=_clean(suite))
    counts = {
        "tests": len(cases),
        "failures": sum(c.failure is not None for c in cases),
        "errors": sum(c.error is not None for c in cases),
        "skipped": sum(c.skipped is not None for c in cases),
    }
    for key, value in counts.items():
        root.set(key, str(value))
    root.set("time", f"{time:.3f}")
    ts = ET.SubElement(root, "testsuite", {"name": _clean(suite), **{k: str(v) for k, v in counts.items()}})
    ts.set("time", f"{time:.3f}")
    for c in cases:
        tc = ET.SubElement(ts, "testcase", name=_clean(c.name), classname=_clean(c.classname), time=f"{c.time:.3f}")
        if c.file:
            tc.set("file", _clean(c.file))
        if c.line is not None:
            tc.set("line", str(c.line))
        for tag, message in (("failure", c.failure), ("error", c.error), ("skipped", c.skipped)):
            if message is not None:
                el = ET.SubElement(tc, tag, message=_clean(message), type=tag)
                el.text = _clean(c.details) or None
                break
        else:
            if c.details:
                ET.SubElement(tc, "system-out").text = _clean(c.details)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def check_cases(
    checked: Sequence[tuple[str, Sequence[Finding]]], bad: Sequence[tuple[str, ClaimcheckError]], fail_on: str
) -> list[Case]:
    """One case per file: failing when a finding reaches ``fail_on``, an error when the file could not be checked."""
    cases: list[Case] = []
    for path, findings in checked:
        listing = "\n".join(lint_line(path, f.line, f.column, f.severity, f.rule, f.message) for f in findings)
        case = Case(path, "claimcheck.check", file=path, details=listing)
        failing = [f for f in findings if severity_at_least(f.severity, fail_on)]
        if failing:
            case.failure = f"{format_tally(findings)} (fails on {fail_on})"
        cases.append(case)
    cases += [Case(path, "claimcheck.check", error=str(exc), file=path) for path, exc in bad]
    return cases


def render(report: CheckReport) -> str:
    """``--format junit``: a test case per file."""
    cases = check_cases([(e.id, fs) for e, fs in report.documents], report.failed, report.fail_on)
    return junit_xml(report.tool, cases).rstrip() + "\n"
