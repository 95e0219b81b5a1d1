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

from claimcheck.checks.finding import Finding
from claimcheck.errors import ClaimcheckError
from claimcheck.schema import Extraction
from claimcheck.verification.verify import Verification

__all__ = ["CHECK_FORMATS", "CheckReport", "render_check"]

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


def render_check(fmt: str, report: CheckReport) -> str:
    """``report`` in format ``fmt`` (one of :data:`CHECK_FORMATS`), exactly as standard output gets it."""
    if fmt not in CHECK_FORMATS:
        raise ValueError(f"unknown output format {fmt!r}")
    text: str = import_module(f"claimcheck.render.{fmt}").render(report)
    return text
