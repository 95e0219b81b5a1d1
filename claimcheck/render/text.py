"""``--format text``: linter lines for people, ``file:line:col: severity rule message``, for ``check`` and ``verify``.

Every line goes through :func:`~.terminal.one_line`: article and source text
are shown on the terminal, never obeyed by it.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimcheck.checks.finding import Finding, format_tally
from claimcheck.checks.roles import format_roles, source_roles
from claimcheck.plurals import plural
from claimcheck.render import CheckReport
from claimcheck.render.terminal import one_line
from claimcheck.schema import Extraction
from claimcheck.verification.verify import QuoteCheck, Verification

__all__ = ["check_text", "lint_line", "render", "verify_text"]


def lint_line(file: str, line: int, column: int, severity: str, rule: str, message: str) -> str:
    """One finding as linters print it, ``file:line:col: severity rule message`` (the JUnit listing too)."""
    return f"{file}:{line}:{column}: {severity} {rule} {message}"


def check_text(per_doc: Sequence[tuple[Extraction, Sequence[Finding]]]) -> str:
    """Each finding with its fix indented below, each story's sources by role, and the tally."""
    findings = [f for _, fs in per_doc for f in fs]
    lines: list[str] = []
    for f in findings:
        lines.append(one_line(lint_line(f.doc_id, f.line, f.column, f.severity, f.rule, f.message)))
        lines.append(f"    fix: {one_line(f.fix)}")
    lines += [one_line(f"{ext.id}: sources by role: {format_roles(source_roles(ext))}") for ext, _ in per_doc]
    lines.append(f"{plural(len(per_doc), 'file')} checked: {format_tally(findings)}")
    return "\n".join(lines)


def render(report: CheckReport) -> str:
    return check_text(report.documents) + "\n"


def _quote_lines(doc_id: str, q: QuoteCheck) -> list[str]:
    rule = f"quote-{q.status.replace('_', '-')}"
    lines = [lint_line(doc_id, q.line, q.column, q.severity or "ok", rule, q.message())]
    if any(d.op != "equal" for d in q.diff):
        lines.append(f"    diff: {q.diff_text}")
    for m in q.matches:
        speaker = f" ({m.speaker})" if m.speaker else ""
        lines.append(f"    source: {m.source}:{m.line}{speaker}: “{' '.join(m.text.split())}”")
    return lines


def verify_text(verifications: Sequence[Verification]) -> str:
    """Every quotation with its verdict, the diff and source passage beneath, and a summary per story."""
    out: list[str] = []
    for v in verifications:
        for q in v.quotes:
            out.extend(_quote_lines(v.doc_id, q))
        out.append(f"{v.doc_id}: {v.summary()} (against {len(v.sources)} source(s), {v.source_words:,} words)")
    return "\n".join(one_line(line) for line in out)  # article and source text never steer the terminal
