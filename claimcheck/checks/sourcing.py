"""The sourcing family: whether the story says who its claims come from, and whether it heard enough people.

Two checks follow newsroom stylebooks (paraphrased):

- AP Stylebook and Reuters: make clear who is speaking; a quote that runs on,
  or resumes after other material, is attributed again (attribution-too-far).
- BBC Editorial Guidelines, impartiality: reflect a range of views and the
  people a story is about, not only those in authority or one side of an
  argument (one-sided-sources).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from claimcheck.checks.document import Document, Hit, abridge, source_span
from claimcheck.checks.registry import register
from claimcheck.checks.roles import ranked_roles
from claimcheck.name_match import normalise_name

__all__ = ["REACH", "attribution_too_far", "one_sided_sources", "single_source", "unattributed_claim"]

#: A claim may sit this many paragraphs after its source was last named ("a paragraph or two").
REACH = 2


@register(
    "unattributed-claim",
    "warning",
    summary="a factual claim with no source",
    doc="a factual claim with no source (warning when it carries a figure or a quote, else info)",
    flagged="The bridge will close for six months.",
    clean="The bridge will close for six months, the city council said.",
)
def unattributed_claim(doc: Document) -> Iterator[Hit]:
    """A reader should be able to tell who says so; a figure or a quotation with no one behind it is worse."""
    for i, c, figures in doc.unattributed:
        start, end = c.span
        quoted = doc.quoted(start, end)
        carries = [w for w, on in (("a figure", bool(figures)), ("a quotation", quoted)) if on]
        what = f" with {' and '.join(carries)}" if carries else ""
        yield Hit(
            start,
            end,
            "warning" if carries else "info",
            f"unattributed claim{what}: “{abridge(c.claim)}”",
            "say who says so (“…, according to X”), or cut it if it cannot be sourced",
            i,
        )


@register(
    "single-source",
    "warning",
    summary="every attributed claim rests on one source",
    doc="a story whose attributed claims all rest on one source (info with two claims, warning from three)",
    flagged="Mayor Ann Lee said the bridge would close in May. Lee said the repairs would take a year.",
    clean="Mayor Ann Lee said the bridge would close in May. Tom Park, the city engineer, said the repairs would "
    "take a year.",
)
def single_source(doc: Document) -> Iterator[Hit]:
    """A story that rests on one person rests on their word alone: an editor asks who else confirms it."""
    attributed = [(i, c) for i, c in doc.claims if c.attributed]
    sources = {k for (_, c), k in zip(doc.claims, doc.keys, strict=True) if c.attributed}
    if len(attributed) < 2 or len(sources) != 1:
        return
    i, first = attributed[0]
    span = source_span(first) or first.span
    who = first.source_name or first.source
    yield Hit(
        *span,
        "warning" if len(attributed) >= 3 else "info",
        f"all {len(attributed)} attributed claims rest on one source ({who})",
        "add an independent source, or say that others could not confirm it",
        i,
    )


# --- attribution-too-far ---------------------------------------------------------------------


def _last_named(text: str, name: str, before: int) -> int | None:
    """Where ``name`` (any of its name words, capitalised) last appears before ``before``."""
    words = [w for w in normalise_name(name) if len(w) > 2]
    if not words:
        return None
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w.capitalize()) for w in words) + r")\b")
    last = None
    for m in pattern.finditer(text, 0, before):
        last = m.start()
    return last


@register(
    "attribution-too-far",
    "warning",
    summary="a claim whose source was last named paragraphs earlier",
    doc="a claim whose source was last named more than two paragraphs earlier"
    ' (a carry-over quote, or "he" for someone named long before)',
    flagged="Mayor Ann Lee opened the bridge on Monday.\n\nThe work took two years.\n\nIt cost $4m.\n\n"
    "Traffic was light.\n\nShe said the road would be busier by spring.",
    clean="Mayor Ann Lee opened the bridge on Monday.\n\nThe work took two years.\n\nIt cost $4m.\n\n"
    "Traffic was light.\n\nLee said the road would be busier by spring.",
)
def attribution_too_far(doc: Document) -> Iterator[Hit]:
    """A claim whose source was last named more than :data:`REACH` paragraphs earlier (AP, Reuters)."""
    model = doc.model
    reminded: set[tuple[int, int]] = set()  # one reminder per stale mention is enough
    labels = {sp.label for sp in model.speakers}  # a transcript's turn is its label's, however long
    for i, c in doc.claims:
        span = source_span(c)
        if span is None or c.start is None or c.end is None or not c.attributed or span in labels:
            continue
        who = c.source_name or c.source
        gap = model.paragraph_of(c.start) - model.paragraph_of(span[0])
        if gap > REACH and span not in reminded:
            reminded.add(span)
            yield Hit(
                c.start,
                c.end,
                "warning",
                f"claim credited to {who}, who was last named {gap} paragraphs earlier",
                f"name the speaker again here (“…, {_short(who or '')} said”)",
                i,
            )
            continue
        mention = (c.source or "").strip()
        third_person = _THIRD_PERSON.fullmatch(mention) is not None and not doc.model.mask[span[0]]
        if gap >= 0 and third_person and c.source_name and span not in reminded:
            last = _last_named(doc.text, c.source_name, span[0])
            if last is None:
                continue
            back = model.paragraph_of(span[0]) - model.paragraph_of(last)
            if back > REACH:
                reminded.add(span)
                yield Hit(
                    *span,
                    "warning",
                    f"“{mention}” stands for {c.source_name}, last named {back} paragraphs earlier",
                    f"use the name again (“{_short(c.source_name)} said”)",
                    i,
                )


#: Pronouns that stand for someone named earlier ("I" and "we" are the speaker's own, inside a quote or a transcript).
_THIRD_PERSON = re.compile(r"(?i:he|she|they|him|her|them)")


def _short(name: str) -> str:
    words = normalise_name(name)
    return words[-1].capitalize() if words else name


# --- one-sided-sources -----------------------------------------------------------------------


@register(
    "one-sided-sources",
    "warning",
    summary="only officials, or only one side, quoted",
    doc="only officials quoted, or every politician quoted from one party",
    flagged="Mayor Ann Lee said the bridge would close in May. The transport ministry said the repairs were urgent.",
    clean="Mayor Ann Lee said the bridge would close in May. Maria Gomez, a commuter who lives in Kingston, said "
    "the closure would cost her an hour a day.",
)
def one_sided_sources(doc: Document) -> Iterator[Hit]:
    """Only officials quoted, or every politician quoted from one party (BBC impartiality)."""
    roles = ranked_roles(doc.text, [c for _, c in doc.claims], doc.keys)
    first = next(((i, c) for i, c in doc.claims if c.attributed), None)
    if first is None or len(roles) < 2:
        return
    i, c = first
    span = source_span(c) or c.span
    if all(r.role == "official" for r in roles):
        yield Hit(
            *span,
            "warning" if len(roles) >= 3 else "info",
            f"every source is an official ({len(roles)}: {', '.join(r.name for r in roles)})",
            "hear from the people affected, or an independent expert",
            i,
        )
    parties = [r for r in roles if r.party]
    if len(parties) >= 2 and len({r.party for r in parties}) == 1:
        party = parties[0].party
        yield Hit(
            *span,
            "warning" if len(parties) >= 3 else "info",
            f"every politician quoted is {party} ({', '.join(r.name for r in parties)}): the other side is not heard",
            "ask the other side for a response, or say that they were asked and declined",
            i,
        )
