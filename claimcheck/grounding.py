"""Tie every span a backend proposes to real characters of the input.

A claim is only worth showing an editor if it is in the article. This module
finds each proposed span in the text, tolerating the differences models and
people introduce (curly vs straight quotes, runs of whitespace, letter case,
a dropped or added trailing punctuation mark) and, above a stated threshold,
small copying slips (fuzzy alignment). What cannot be found raises
:class:`GroundingError`, which the LLM backend turns into a re-ask.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

from claimcheck.name_match import tokens
from claimcheck.schema import Claim, Hedge, QuoteType
from claimcheck.text import text_model
from claimcheck.text.names import TITLE_PHRASES, TITLE_WORDS
from claimcheck.text.quotes import INVISIBLE_MARKS

__all__ = [
    "FUZZY_THRESHOLD",
    "GroundingError",
    "Span",
    "collapse",
    "fold",
    "ground_claim",
    "locate",
    "quote_mask",
    "quote_type",
    "trim_span",
    "ungrounded_name_words",
]

#: Minimum rapidfuzz alignment score (0-100) for a fuzzy match to count, and
#: the shortest span fuzzy matching is tried on: below that a near match is
#: as likely a different phrase as a copying slip.
FUZZY_THRESHOLD = 92.0
FUZZY_MIN_CHARS = 24

_FOLD = str.maketrans(
    {
        "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
        "–": "-", "—": "-", "‐": "-", "‑": "-",
        "\u00a0": " ",
    }
)  # fmt: skip
_TRIM_END = set(".,;:!?\"'”’»)]… \t\r\n")
_TRIM_START = set("\"'“‘«”([ \t\r\n" + INVISIBLE_MARKS)


class GroundingError(ValueError):
    """A proposed span is not in the text. Its message is written for the model's re-ask."""


@dataclass(frozen=True)
class Span:
    """Where a span was found, and how sure we are of it."""

    start: int
    end: int
    method: Literal["exact", "folded", "trimmed", "fuzzy"]
    score: float = 100.0


def fold(s: str) -> str:
    """Fold typography that models and editors change freely (quotes, dashes, nbsp, case).

    The mapping is one character to one character, so offsets survive folding.
    """
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in s.translate(_FOLD))


def collapse(s: str) -> tuple[str, list[int]]:
    """Fold ``s`` and collapse whitespace runs, returning the index map back into ``s``."""
    out: list[str] = []
    index: list[int] = []
    prev_space = False
    for i, ch in enumerate(fold(s)):
        if ch.isspace():
            if prev_space:
                continue
            prev_space = True
            ch = " "
        else:
            prev_space = False
        out.append(ch)
        index.append(i)
    return "".join(out), index


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding whitespace, enclosing quote marks and trailing punctuation (spec: claims carry none)."""
    while end > start and text[end - 1] in _TRIM_END:
        end -= 1
    while start < end and text[start] in _TRIM_START:
        start += 1
    return start, end


Near = int | tuple[int, int] | None
_BOUNDARY = re.compile(r"[.!?][\"”’']?\s|\n")


def _nearest(cands: list[tuple[int, int]], near: Near, text: str, *, outside: bool = False) -> tuple[int, int]:
    """The candidate closest to a point or interval, preferring one in the same sentence.

    A cue or source across a sentence break ("…, the mayor said. “We…”") is
    rarely the one meant, so a boundary between the two counts before distance.
    With ``outside``, candidates inside the interval come last: the "said" in
    "facilities said to be used…, Mr Austin said" is not the cue.
    """
    if near is None:
        return cands[0]
    lo, hi = (near, near) if isinstance(near, int) else near

    def key(c: tuple[int, int]) -> tuple[bool, bool, int, int]:
        inside = outside and c[0] < hi and c[1] > lo
        gap = (c[1], lo) if c[1] <= lo else (hi, c[0]) if c[0] >= hi else (lo, lo)
        return (inside, _BOUNDARY.search(text, gap[0], gap[1]) is not None, max(0, lo - c[1], c[0] - hi), c[0])

    return min(cands, key=key)


def _find_all(needle: str, hay: str) -> list[tuple[int, int]]:
    out = []
    i = hay.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = hay.find(needle, i + 1)
    return out


def locate(span: str, text: str, *, near: Near = None, outside: bool = False, fuzzy: bool = True) -> Span | None:
    """Find ``span`` in ``text``; among repeats, the occurrence nearest ``near`` (an offset or an interval).

    Tries, in order: exact; folded (quotes, dashes, case, whitespace); folded
    with surrounding punctuation trimmed; fuzzy alignment scoring at least
    :data:`FUZZY_THRESHOLD`. With ``outside``, an occurrence inside the ``near``
    interval is taken only when there is no other. Returns ``None`` when nothing qualifies.
    """
    if not span or not span.strip():
        return None
    exact = _find_all(span, text)
    if exact:
        s, e = _nearest(exact, near, text, outside=outside)
        return Span(s, e, "exact")
    doc = text_model(text)
    needle = collapse(span)[0].strip()
    ts, te = trim_span(needle, 0, len(needle))
    trimmed = needle[ts:te]
    methods: tuple[tuple[Literal["folded", "trimmed"], str], ...] = (("folded", needle), ("trimmed", trimmed))
    for method, form in methods:
        hits = [doc.back(*h) for h in _find_all(form, doc.collapsed[0])] if form else []
        if hits:
            s, e = _nearest(hits, near, text, outside=outside)
            return Span(s, e, method)
    if fuzzy and len(trimmed) >= FUZZY_MIN_CHARS:
        al = fuzz.partial_ratio_alignment(trimmed, doc.collapsed[0], score_cutoff=FUZZY_THRESHOLD)
        if al is not None and al.dest_end > al.dest_start:
            s, e = doc.back(al.dest_start, al.dest_end)
            s, e = _snap_to_words(text, s, e)
            return Span(s, e, "fuzzy", al.score)
    return None


_WORD = re.compile(r"\w")


def _snap_to_words(text: str, s: int, e: int) -> tuple[int, int]:
    """Widen a fuzzy alignment so it neither starts nor ends inside a word."""
    while s > 0 and _WORD.match(text[s - 1]) and _WORD.match(text[s]):
        s -= 1
    while e < len(text) and _WORD.match(text[e - 1]) and _WORD.match(text[e]):
        e += 1
    return s, e


def quote_mask(text: str) -> bytearray:
    """1 for every character inside quotation marks, else 0: the text model's mask (:mod:`claimcheck.text.quotes`)."""
    return bytearray(text_model(text).mask)


_QUOTED = re.compile(rb"[^\x00]+")
_ALNUM = re.compile(r"[^\W_]")


def quote_type(text: str, start: int, end: int, mask: bytes | bytearray | None = None) -> QuoteType:
    """Direct, mixed or indirect, judged on the text alone (spec section 2)."""
    mask = mask if mask is not None else text_model(text).mask
    # Whether a letter or digit lies in a quoted stretch, and one outside: stretch by stretch, not character by
    # character (``[^\W_]`` is exactly ``str.isalnum``).
    inside = outside = False
    pos = start
    for run in _QUOTED.finditer(mask, start, end):
        outside = outside or _ALNUM.search(text, pos, run.start()) is not None
        inside = inside or _ALNUM.search(text, run.start(), run.end()) is not None
        pos = run.end()
    outside = outside or _ALNUM.search(text, pos, end) is not None
    if inside and not outside:
        return "direct"
    if inside:
        return "mixed"
    return "indirect"


def _must(span: str, what: str, text: str, near: Near, *, outside: bool = False) -> Span:
    found = locate(span, text, near=near, outside=outside)
    if found is None:
        raise GroundingError(
            f"the {what} {span!r} is not in the article: copy it verbatim from the text, "
            "or leave the claim out if the article does not say it"
        )
    return found


def ground_claim(claim: Claim, text: str, *, near: int | None = None) -> Claim:
    """Return ``claim`` with every span located in ``text`` and rewritten verbatim.

    The claim span is trimmed of enclosing quotes and trailing punctuation;
    the source, cue and hedges are looked for nearest the claim. The quote
    type is recomputed from the text, since the spec defines it on the text.
    Raises :class:`GroundingError` naming the first span that is not there.
    """
    c = _must(claim.claim, "claim", text, near)
    s, e = trim_span(text, c.start, c.end)
    if e <= s:
        raise GroundingError(f"the claim {claim.claim!r} is empty once punctuation is removed")
    update: dict[str, object] = {"claim": text[s:e], "start": s, "end": e, "quote": quote_type(text, s, e)}
    if claim.source:
        src = _must(claim.source, "source", text, (s, e), outside=True)
        update |= {"source": text[src.start : src.end], "source_start": src.start, "source_end": src.end}
    if claim.cue:
        cue = _must(claim.cue, "cue", text, (s, e), outside=True)
        update |= {"cue": text[cue.start : cue.end], "cue_start": cue.start, "cue_end": cue.end}
    hedges = []
    for h in claim.hedges:
        hs = _must(h.cue, "hedge", text, (s, e))
        hedges.append(Hedge(cue=text[hs.start : hs.end], kind=h.kind, start=hs.start, end=hs.end))
    update["hedges"] = hedges
    return claim.model_copy(update=update)


#: Words a resolved name may add that the text need not spell out: titles, articles, joining words.
_NAME_FILLER_WORDS = """the a an of for and at to in on"""
_NAME_FILLERS = frozenset(_NAME_FILLER_WORDS.split())


def ungrounded_name_words(name: str, text: str) -> list[str]:
    """The words of a resolved ``source_name`` that appear nowhere in ``text`` (titles aside).

    A backend may resolve "Mr Austin" to "Lloyd Austin" only when "Lloyd" is
    in the article; a name none of whose words the text holds (an injected
    "Vladimir Putin") is not a resolution but an invention.
    """
    words = [w for w in tokens(name) if w != "s"]  # a possessive's "s" is no word of the name
    for phrase in TITLE_PHRASES:
        for k in range(len(words) - len(phrase), -1, -1):
            if tuple(words[k : k + len(phrase)]) == phrase:
                del words[k : k + len(phrase)]
    present = set(tokens(text))
    return [w for w in words if w not in TITLE_WORDS and w not in _NAME_FILLERS and w not in present]
