"""Rendering: what claimcheck shows, one module per output format.

``text``, ``json``, ``html``, ``junit``, ``github`` and ``sarif`` each turn a
:class:`CheckReport` (``check``'s or ``verify``'s findings) into the text that
goes to standard output, through a ``render(report)`` function: a new output
format is one module. ``table`` is ``extract``'s terminal table, ``terminal``
makes article text safe to print, ``html`` is the self-contained page (its
styles and script in ``static/``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import import_module

from claimcheck.checks.finding import Finding, severity_at_least
from claimcheck.errors import ClaimcheckError
from claimcheck.schema import Extraction
from claimcheck.verification.verify import RULE_SUMMARIES, Verification

__all__ = ["CHECK_FORMATS", "CheckReport", "render_check", "verify_report"]

#: The output formats of ``check`` (and ``verify``), each the module of that name here.
CHECK_FORMATS: tuple[str, ...] = ("text", "json", "html", "junit", "github", "sarif")


@dataclass
class CheckReport:
    """What every format reads: each story with its findings, the files that failed, and how the run is judged."""

    documents: Sequence[tuple[Extraction, Sequence[Finding]]]
    failed: Sequence[tuple[str, ClaimcheckError]] = ()
    #: The severity from which a finding fails the run (``--fail-on``).
    fail_on: str = "error"
    #: Rule id -> summary for every rule that ran (SARIF lists them all); empty means the checks' own rules.
    rules: Mapping[str, str] | None = None
    #: The run's name where a CI report names it (the JUnit suite), and the HTML page's title.
    tool: str = "claimcheck check"
    title: str = "claimcheck"
    #: ``verify``'s checked quotes, which the HTML page marks.
    verifications: Sequence[Verification] = ()

    def findings(self) -> list[Finding]:
        return [f for _, fs in self.documents for f in fs]

    def fails(self) -> bool:
        """Whether a finding is at ``fail_on`` or above: the run exits 1 (``never`` never fails)."""
        return any(severity_at_least(f.severity, self.fail_on) for f in self.findings())


def verify_report(
    extractions: Sequence[Extraction],
    verifications: Sequence[Verification],
    failed: Sequence[tuple[str, ClaimcheckError]] = (),
    fail_on: str = "error",
) -> CheckReport:
    """``verify``'s report: each story with the quotes that do not check out as findings, and its checked quotes."""
    documents = [(ext, v.findings()) for ext, v in zip(extractions, verifications, strict=True)]
    return CheckReport(
        documents, failed, fail_on, RULE_SUMMARIES, "claimcheck verify", "claimcheck verify", verifications
    )


def render_check(fmt: str, report: CheckReport) -> str:
    """``report`` in format ``fmt`` (one of :data:`CHECK_FORMATS`), exactly as standard output gets it."""
    if fmt not in CHECK_FORMATS:
        raise ValueError(f"unknown output format {fmt!r}")
    text: str = import_module(f"claimcheck.render.{fmt}").render(report)
    return text
