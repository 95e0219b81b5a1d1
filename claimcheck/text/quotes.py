"""Quotation runs: which characters of a text stand inside quotation marks.

The spec judges a claim's quote type on the text alone, and several parts
(grounding, the rules, the checks) ask the same question of one document, so
the mask is computed once in the :class:`~claimcheck.text.model.TextModel`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

__all__ = ["CLOSING", "INVISIBLE_MARKS", "OPENING", "quote_mask", "quote_runs", "run_at"]

OPENING = frozenset("“«„")
CLOSING = frozenset("”»")
_RUN = re.compile(rb"\x01+")
_MARK = re.compile("[" + "".join(sorted(OPENING | CLOSING)) + "\"']")
#: Zero-width, direction and joiner marks: no text, so a quote mark after one still opens a word (the text
#: model hands them to the parser as spaces).
INVISIBLE_MARKS = "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"


def quote_mask(text: str, ends: Iterable[int] = ()) -> bytearray:
    """1 for every character inside quotation marks, else 0.

    Curly quotes open and close explicitly; straight double quotes toggle, and
    so do two apostrophes (``''``, how archive copy writes a double quote). A
    closing mark that opens a word after a space (``”We …``, a common typo) opens.
    A paragraph end in ``ends`` closes an unclosed quote, which is how news
    copy runs a quote over several paragraphs (each opens again, only the last
    closes).
    """
    n = len(text)
    mask = bytearray(n)
    stops = set(ends)
    # Only quote marks and paragraph ends change the state: the characters between them take it as a slice.
    events = sorted({m.start() for m in _MARK.finditer(text)} | {i for i in stops if 0 <= i < n})
    inside = False
    pos = 0  # the first character not yet given its mask value
    for i in events:
        if inside:
            mask[pos:i] = b"\x01" * (i - pos)
        pos = i + 1
        if i in stops:
            inside = False
        ch = text[i]
        if ch in OPENING:
            inside = True
        elif ch in CLOSING:
            inside = _opens_word(text, i)
        elif ch == '"':
            inside = not inside
        elif ch == "'" and i + 1 < n and text[i + 1] == "'" and (i == 0 or text[i - 1] != "'"):
            inside = not inside  # the first of a run of apostrophes stands for the double quote
        elif ch == "'" and i > 0 and text[i - 1] == "'":
            continue
        elif inside:
            mask[i] = 1
    if inside:
        mask[pos:n] = b"\x01" * (n - pos)
    return mask


def _opens_word(text: str, i: int) -> bool:
    """The mark at ``i`` stands where a quote opens: after a line start or space, before a letter or digit."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in INVISIBLE_MARKS) and after.isalnum()


def quote_runs(mask: bytes | bytearray) -> list[tuple[int, int]]:
    """Maximal runs of quoted characters in a mask."""
    return [m.span() for m in _RUN.finditer(mask)]


def run_at(runs: list[tuple[int, int]], starts: list[int], pos: int) -> tuple[int, int] | None:
    """The run holding ``pos`` (``starts`` are the runs' starts), if any."""
    k = bisect_right(starts, pos) - 1
    if k >= 0 and runs[k][0] <= pos < runs[k][1]:
        return runs[k]
    return None
