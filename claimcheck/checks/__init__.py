"""Editorial checks: the problems a standards editor would flag in a story before it runs.

Laid out on ruff's model: :mod:`~claimcheck.checks.finding` holds what a check
returns (read by the view, the renderers and the CLI without the engine);
:mod:`~claimcheck.checks.document` the document view the checks read;
:mod:`~claimcheck.checks.registry` the :data:`CHECKS` every check registers in;
:mod:`~claimcheck.checks.engine` runs them. The checks themselves live in one
module per family, imported here so the registry is whole whichever module is
imported first.
"""

from claimcheck.checks import sourcing, sources, quotes, wording, figures  # noqa: F401, I001  (registers, in order)
from claimcheck.checks.document import grounded_claims
from claimcheck.checks.engine import check
from claimcheck.checks.finding import (
    SEVERITIES,
    Finding,
    Severity,
    count_by_severity,
    format_tally,
    severity_at_least,
)
from claimcheck.checks.registry import CHECKS, Check, select_checks
from claimcheck.checks.roles import source_keys

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
