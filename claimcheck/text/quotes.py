"""Quotation runs: which characters of a text stand inside quotation marks.

The spec judges a claim's quote type on the text alone, and several parts
(grounding, the rules, the checks) ask the same question of one document, so
the mask is computed once in the :class:`~claimcheck.text.model.TextModel`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

__all__ = ["CLOSING", "OPENING", "quote_mask", "quote_runs", "run_at"]

OPENING = frozenset("“«„")
CLOSING = frozenset("”»")
_RUN = re.compile(rb"\x01+")


def quote_mask(text: str, ends: Iterable[int] = ()) -> bytearray:
    """1 for every character inside quotation marks, else 0.

    Curly quotes open and close explicitly; straight double quotes toggle. A
    paragraph end in ``ends`` closes an unclosed quote, which is how news
    copy runs a quote over several paragraphs (each opens again, only the last
    closes).
    """
    mask = bytearray(len(text))
    stops = set(ends)
    inside = False
    for i, ch in enumerate(text):
        if i in stops:
            inside = False
        if ch in OPENING:
            inside = True
        elif ch in CLOSING:
            inside = False
        elif ch == '"':
            inside = not inside
        elif inside:
            mask[i] = 1
    return mask


def quote_runs(mask: bytes | bytearray) -> list[tuple[int, int]]:
    """Maximal runs of quoted characters in a mask."""
    return [m.span() for m in _RUN.finditer(mask)]


def run_at(runs: list[tuple[int, int]], starts: list[int], pos: int) -> tuple[int, int] | None:
    """The run holding ``pos`` (``starts`` are the runs' starts), if any."""
    k = bisect_right(starts, pos) - 1
    if k >= 0 and runs[k][0] <= pos < runs[k][1]:
        return runs[k]
    return None
