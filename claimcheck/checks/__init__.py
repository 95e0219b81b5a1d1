"""Editorial checks: the problems a standards editor would flag in a story before it runs.

:mod:`claimcheck.checks.finding` holds what a check returns (read by the view,
the renderers and the CLI without the engine); the checks and their registry
live beside it.
"""

from claimcheck.checks.engine import CHECKS, Check, check, grounded_claims, select_checks, source_keys
from claimcheck.checks.finding import (
    SEVERITIES,
    Finding,
    Severity,
    count_by_severity,
    format_tally,
    severity_at_least,
)

__all__ = [
    "CHECKS",
    "SEVERITIES",
    "Check",
    "Finding",
    "Severity",
    "check",
    "count_by_severity",
    "format_tally",
    "grounded_claims",
    "select_checks",
    "severity_at_least",
    "source_keys",
]
