"""Split long documents into overlapping chunks and merge per-chunk claims back.

A model's context and its attention are both limited, so an article longer
than ``max_chars`` is read in pieces. Pieces break on paragraph boundaries
(sentence boundaries inside a giant paragraph, whitespace as a last resort)
and overlap by at least one unit, so a claim that sits at a boundary is read
whole at least once; the merge then keeps one copy of claims found twice.
Pure functions on text and :class:`~claimcheck.schema.Claim`: no model here.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from claimcheck.grounding import fold
from claimcheck.schema import Claim, Hedge
from claimcheck.text import text_model

__all__ = ["Chunk", "merge_claims", "shift_claim", "split_text"]


@dataclass(frozen=True)
class Chunk:
    """A contiguous slice ``text[start:end]`` of the document."""

    start: int
    end: int
    text: str


def _covering(starts: list[int], start: int, end: int) -> list[tuple[int, int]]:
    """Contiguous spans covering ``[start, end)``, cut at each of the sorted ``starts`` inside it."""
    cuts = [start, *starts[bisect_right(starts, start) : bisect_left(starts, end)], end]
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def _hard_split(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """Cut a span with no usable boundary at the last whitespace before ``max_chars`` (or at it)."""
    out = []
    while end - start > max_chars:
        cut = max(text.rfind(" ", start + 1, start + max_chars), text.rfind("\n", start + 1, start + max_chars))
        cut = cut + 1 if cut > start else start + max_chars
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def _units(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Contiguous spans covering ``text``: paragraphs, or sentences of paragraphs over ``max_chars``."""
    model = text_model(text)
    sentence_starts = [s for s, _ in model.sentences]
    units = []
    for s, e in _covering(model.para_starts, 0, len(text)):
        if e - s <= max_chars:
            units.append((s, e))
        else:
            for ss, se in _covering(sentence_starts, s, e):
                units.extend(_hard_split(text, ss, se, max_chars))
    return units


def split_text(text: str, max_chars: int, overlap: int = 0) -> list[Chunk]:
    """Split ``text`` into chunks of at most ``max_chars`` characters, overlapping by about ``overlap``.

    Each chunk after the first starts with the trailing units (paragraphs, or
    sentences of an oversized paragraph) of the previous one: at least one,
    and as many more as fit in ``overlap`` characters. A text that fits is
    returned as one chunk.
    """
    if max_chars <= 0:
        raise ValueError("max_chars must be positive")
    if len(text) <= max_chars:
        return [Chunk(0, len(text), text)]
    units = _units(text, max_chars)
    chunks: list[Chunk] = []
    i = 0
    while i < len(units):
        j = i + 1
        while j < len(units) and units[j][1] - units[i][0] <= max_chars:
            j += 1
        s, e = units[i][0], units[j - 1][1]
        chunks.append(Chunk(s, e, text[s:e]))
        if j == len(units):
            break
        k = j - 1
        while k - 1 > i and units[j - 1][1] - units[k - 1][0] <= overlap:
            k -= 1
        if k <= i:  # a one-unit chunk cannot overlap the next without stalling
            k = j
        while k < j and units[j][1] - units[k][0] > max_chars:
            k += 1
        i = k
    return chunks


def shift_claim(claim: Claim, offset: int) -> Claim:
    """Move a claim grounded in a chunk to document offsets."""

    def move(v: int | None) -> int | None:
        return None if v is None else v + offset

    hedges = [Hedge(cue=h.cue, kind=h.kind, start=move(h.start), end=move(h.end)) for h in claim.hedges]
    return claim.model_copy(
        update={
            "start": move(claim.start),
            "end": move(claim.end),
            "source_start": move(claim.source_start),
            "source_end": move(claim.source_end),
            "cue_start": move(claim.cue_start),
            "cue_end": move(claim.cue_end),
            "hedges": hedges,
        }
    )


def _overlaps(a: tuple[int | None, int | None], b: tuple[int | None, int | None]) -> bool:
    (a_start, a_end), (b_start, b_end) = a, b
    if a_start is None or a_end is None or b_start is None or b_end is None:
        return False
    return a_start < b_end and b_start < a_end


def _same_source(a: Claim, b: Claim) -> bool:
    """Both unattributed, or the same mention, or the same resolved name."""
    if a.source is None or b.source is None:
        return a.source is None and b.source is None
    if _overlaps((a.source_start, a.source_end), (b.source_start, b.source_end)):
        return True
    if fold(a.source) == fold(b.source):
        return True
    return bool(a.source_name and b.source_name and fold(a.source_name) == fold(b.source_name))


def _duplicates(a: Claim, b: Claim) -> bool:
    if a.start is None or b.start is None:
        same_span = fold(a.claim) == fold(b.claim)
    else:
        same_span = _overlaps((a.start, a.end), (b.start, b.end))
    return same_span and _same_source(a, b)


def merge_claims(groups: Iterable[Sequence[Claim]]) -> list[Claim]:
    """Merge claims from overlapping chunks (document offsets), keeping one of each duplicate.

    Two claims are the same when their spans overlap and their sources agree;
    the longer span wins (it is the one read whole), the earlier chunk on a tie.
    The result is in document order.
    """
    kept: list[Claim] = []
    for group in groups:
        for claim in group:
            for n, other in enumerate(kept):
                if _duplicates(claim, other):
                    if _length(claim) > _length(other):
                        kept[n] = claim
                    break
            else:
                kept.append(claim)
    return sorted(kept, key=lambda c: (c.start if c.start is not None else -1, c.end or 0))


def _length(c: Claim) -> int:
    return (c.end - c.start) if c.start is not None and c.end is not None else len(c.claim)
