"""Running the checks: every selected check over one extraction, its hits made findings in offset order.

Extraction says *who said what*; the checks turn it into findings an editor can
act on (an unsourced figure, a misspelt source, an agentless "believed to be").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from claimcheck.checks.document import Document, Hit, grounded_claims
from claimcheck.checks.finding import Finding, Severity
from claimcheck.checks.registry import CHECKS, select_checks
from claimcheck.schema import Extraction

__all__ = ["check"]


def _dedupe(hits: Iterable[Hit]) -> list[Hit]:
    kept: list[Hit] = []
    for h in hits:
        if not any(h.start < k.end and k.start < h.end for k in kept):
            kept.append(h)
    return kept


def check(
    extraction: Extraction,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    severities: Mapping[str, Severity] | None = None,
) -> list[Finding]:
    """Findings for one extraction, ordered by offset then check id (:func:`claimcheck.check` also takes a text).

    ``select`` runs only these check ids (default: all of :data:`~claimcheck.checks.CHECKS`) and ``ignore``
    skips some, as ``--select``/``--ignore`` do; an unknown id is refused. ``severities`` gives a check a
    project's own severity for every finding it makes (``[tool.claimcheck.check.severity]``).
    """
    override = dict(severities or {})
    doc = Document(extraction.text, grounded_claims(extraction))
    findings: list[Finding] = []
    for check_id in select_checks(select, ignore):
        chk = CHECKS[check_id]
        hits = sorted(chk.func(doc), key=lambda h: (h.claim is None, h.start, -h.end))
        for h in _dedupe(hits) if chk.dedupe else hits:
            line, col = doc.model.line_col(h.start)
            findings.append(
                Finding(
                    rule=check_id,
                    severity=override.get(check_id, h.severity),
                    message=h.message,
                    fix=h.fix,
                    doc_id=extraction.id,
                    line=line,
                    column=col,
                    start=h.start,
                    end=h.end,
                    claim=h.claim,
                )
            )
    return sorted(findings, key=lambda f: (f.start, f.rule, f.end, f.message))
