"""A finding and the tally of findings: what the checks return, apart from the engine that finds them.

The view, the renderers, the CI reports and the CLI read findings; they import
this module so that none of them needs the checks themselves.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel

from claimcheck.plurals import plural

__all__ = ["SEVERITIES", "Finding", "Severity", "count_by_severity", "format_tally", "severity_at_least"]

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")  # ascending


def severity_at_least(severity: str, threshold: str) -> bool:
    """Whether ``severity`` reaches ``threshold`` (``never`` is never reached)."""
    if threshold not in SEVERITIES:
        return False
    return SEVERITIES.index(severity) >= SEVERITIES.index(threshold)


class Finding(BaseModel):
    """One problem at one place in one document, with the fix an editor would suggest.

    ``line`` and ``column`` are 1-based; ``start``/``end`` are character offsets
    (end exclusive). ``claim`` is the index in ``Extraction.claims`` of the claim
    the finding is about, when there is one.
    """

    rule: str
    severity: Severity
    message: str
    fix: str
    doc_id: str
    line: int
    column: int
    start: int
    end: int
    claim: int | None = None


def count_by_severity(findings: Iterable[Finding]) -> Counter[str]:
    """How many findings of each severity, for summaries."""
    return Counter(f.severity for f in findings)


def format_tally(findings: Iterable[Finding]) -> str:
    """Counts like "2 errors, 1 warning", most severe first, or "no findings": one wording for CLI and page."""
    counts = count_by_severity(findings)
    many = {"info": "info"}  # a mass noun: "3 info"
    return ", ".join(plural(counts[s], s, many.get(s)) for s in reversed(SEVERITIES) if counts[s]) or "no findings"
