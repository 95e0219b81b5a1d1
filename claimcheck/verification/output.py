"""``claimcheck verify`` output: linter-style lines for people, JSON for tools."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from claimcheck.terminal import one_line
from claimcheck.verification.verify import QuoteCheck, Verification

__all__ = ["format_text", "to_json"]


def _quote_lines(doc_id: str, q: QuoteCheck) -> list[str]:
    rule = f"quote-{q.status.replace('_', '-')}"
    lines = [f"{doc_id}:{q.line}:{q.column}: {q.severity or 'ok'} {rule} {q.message()}"]
    if any(d.op != "equal" for d in q.diff):
        lines.append(f"    diff: {q.diff_text}")
    for m in q.matches:
        speaker = f" ({m.speaker})" if m.speaker else ""
        lines.append(f"    source: {m.source}:{m.line}{speaker}: “{' '.join(m.text.split())}”")
    return lines


def format_text(verifications: Sequence[Verification]) -> str:
    """Every quotation with its verdict, the diff and source passage beneath, and a summary per story."""
    out: list[str] = []
    for v in verifications:
        for q in v.quotes:
            out.extend(_quote_lines(v.doc_id, q))
        out.append(f"{v.doc_id}: {v.summary()} (against {len(v.sources)} source(s), {v.source_words:,} words)")
    return "\n".join(one_line(line) for line in out)  # article and source text never steer the terminal


def to_json(verifications: Sequence[Verification]) -> list[dict[str, Any]]:
    """One object per story: its sources, counts by status and every quotation with its severity."""
    docs: list[dict[str, Any]] = []
    for v in verifications:
        quotes = [{**q.model_dump(mode="json"), "severity": q.severity} for q in v.quotes]
        docs.append(
            {
                "file": v.doc_id,
                "sources": v.sources,
                "source_words": v.source_words,
                "counts": v.counts(),
                "quotes": quotes,
            }
        )
    return docs
