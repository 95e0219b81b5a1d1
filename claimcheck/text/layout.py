"""Lines and paragraphs, whatever the layout a text arrives in.

Real text comes with blank lines between paragraphs, one paragraph a line
(web copy, CMS exports, wire feeds), hard-wrapped at about 72 columns (a
line break inside a sentence is not a paragraph), with CRLF or lone CR line
ends, tabs and Unicode spaces. A paragraph is decided here once, from the
lines alone, and every part of claimcheck reads that decision.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

__all__ = ["BULLET", "LINE_BREAK", "Line", "find_paragraphs", "split_lines"]

#: Every line terminator Python's ``str.splitlines`` knows, CRLF as one.
LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
#: A list item's marker at the start of a line: "* ", "- ", "• " and their kin.
BULLET = re.compile(r"[ \t\u00a0]*[*\-•·‣▪◦–—][ \t\u00a0]+(?=\S)")
#: A line that ends a sentence: final punctuation, perhaps inside closing quotes or brackets.
_ENDS_SENTENCE = re.compile(r"[.!?…:][\"'”’»)\]]*$")
#: Widest line that can still be hard wrapping; wider lines are one paragraph each.
WRAP_MAX = 100
_FIRST_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Line:
    """One line: ``text[start:end]`` without its terminator; ``lstart``/``lend`` trim surrounding spaces."""

    start: int
    end: int
    lstart: int
    lend: int

    @property
    def blank(self) -> bool:
        return self.lend <= self.lstart


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` with its offsets (the terminators are not part of a line)."""
    out: list[Line] = []
    start = 0
    for m in LINE_BREAK.finditer(text):
        out.append(_line(text, start, m.start()))
        start = m.end()
    out.append(_line(text, start, len(text)))
    return out


def _line(text: str, start: int, end: int) -> Line:
    ls, le = start, end
    while ls < le and text[ls].isspace():
        ls += 1
    while le > ls and text[le - 1].isspace():
        le -= 1
    return Line(start, end, ls, le)


def _wrapped(text: str, lines: list[Line]) -> int:
    """The wrap width when the text is hard wrapped, else 0.

    Hard wrapping shows as lines no wider than :data:`WRAP_MAX` of which at
    least a third end inside a sentence with the next line going on in lower
    case; one-paragraph-a-line text and header blocks almost never do.
    """
    joined = [(a, b) for a, b in itertools.pairwise(lines) if not a.blank and not b.blank]
    width = max((ln.lend - ln.start for ln in lines if not ln.blank), default=0)
    if not joined or width > WRAP_MAX:
        return 0
    runs_on = sum(
        1 for a, b in joined if text[b.lstart].islower() and not _ENDS_SENTENCE.search(text, a.lstart, a.lend)
    )
    return width if runs_on * 3 >= len(joined) else 0


def _continues(text: str, prev: Line, line: Line, width: int) -> bool:
    """Whether ``line`` goes on the paragraph of ``prev`` (the break between them is soft)."""
    if BULLET.match(text, line.start, line.end) or line.lstart - line.start > prev.lstart - prev.start:
        return False  # a list item, or an indented first line
    ends = _ENDS_SENTENCE.search(text, prev.lstart, prev.lend) is not None
    if not width:
        # One paragraph a line; only a sentence cut in two ("… the\ncity said") runs on.
        return not ends and text[line.lstart].islower()
    word = _FIRST_WORD.match(text, line.lstart)
    room = width - (prev.lend - prev.start) - 1
    # Greedy wrapping moves a word down only when it does not fit on the line above.
    return word is not None and len(word.group()) > room


def find_paragraphs(text: str, lines: list[Line]) -> list[tuple[int, int]]:
    """Paragraph spans (first to last non-space character), in order.

    A blank line always ends a paragraph; so does a line break in text laid
    out one paragraph a line. In hard-wrapped text a break is a paragraph
    break only where the next line's first word would have fitted on the line
    above, or where the next line is a list item or indented.
    """
    width = _wrapped(text, lines)
    out: list[tuple[int, int]] = []
    prev: Line | None = None
    for line in lines:
        if line.blank:
            prev = None
            continue
        if prev is not None and out and _continues(text, prev, line, width):
            out[-1] = (out[-1][0], line.lend)
        else:
            out.append((line.lstart, line.lend))
        prev = line
    return out
