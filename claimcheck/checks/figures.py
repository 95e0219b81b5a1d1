"""The figures family: the counts readers quote on (casualties, money, votes) and whether anyone vouches for them."""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks.document import Document, Hit
from claimcheck.checks.registry import register

__all__ = ["figure_without_source"]


@register(
    "figure-without-source",
    "warning",
    summary="casualties, money or votes with no source",
    doc='casualties, money or votes with no source (a tally of record, "voted 7-2", is not one)',
    flagged="At least 40 people were killed in the flooding.",
    clean="At least 40 people were killed in the flooding, the regional fire service said.",
)
def figure_without_source(doc: Document) -> Iterator[Hit]:
    """A count of the dead, of money or of votes is the figure readers quote on; whoever counted it is named."""
    for i, _, figures in doc.unattributed:
        for f in figures:
            if f.kind == "number":
                continue
            figure = doc.text[f.start : f.end]
            yield Hit(
                f.start,
                f.end,
                "warning",
                f"{f.kind} figure “{figure}” has no source",
                "attribute the figure to whoever counted it (“…, according to X”)",
                i,
            )
