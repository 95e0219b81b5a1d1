"""Re-lay a text in each layout real articles arrive in, with offsets mapped back.

Layout invariance is a gate: the same article must give the same claims
whether it has blank lines between paragraphs, one paragraph a line, hard
wrapping at 72 columns, CRLF or lone CR line ends, tabs and Unicode spaces,
metadata headers and a dateline, bullets, or captions and "Read more:" lines
between paragraphs. Each layout is generated here from the paragraphs of the
:class:`~claimcheck.text.TextModel`; a :class:`Relaid` text maps every offset
of the original to the new text, so gold spans move with it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from claimcheck.text.model import text_model

__all__ = ["LAYOUTS", "Relaid", "relay"]

WRAP_WIDTH = 72
_HEADER = "Headline: Notes From the Day\nDate: 2024-05-06\nPublisher: The Daily Ledger\nBy Jo Park\n\n"
_TITLE = "Notes From the Day\n"
_DATELINE = "SPRINGFIELD (AP) — "
_INSERTS = (
    "Read more: Where the money went",
    "Photo: A view of the river at dusk. (AP Photo/Jo Park)",
    "Related: Council meets on Tuesday",
)
_BULLETS = ("* ", "- ", "• ")
_UNICODE_SPACES = "\u00a0\u2009\u202f\u3000"


@dataclass
class Relaid:
    """A re-laid text and the map of original offsets onto it."""

    text: str = ""
    _orig: list[int] = field(default_factory=list)  # original start of each copied segment
    _new: list[int] = field(default_factory=list)  # its start in the new text

    def add(self, piece: str) -> None:
        """Text with no counterpart in the original (a header, a separator)."""
        self.text += piece

    def copy(self, orig_start: int, piece: str) -> None:
        """``piece`` stands for the original ``[orig_start, orig_start + len(piece))``, character for character."""
        self._orig.append(orig_start)
        self._new.append(len(self.text))
        self.text += piece

    def offset(self, pos: int) -> int:
        """Where original offset ``pos`` lands in the new text."""
        k = max(0, bisect_right(self._orig, pos) - 1)
        return self._new[k] + pos - self._orig[k] if self._orig else pos


def _paragraph_layout(text: str, sep: str, render: Callable[[int, str], str], head: str = "") -> Relaid:
    """The paragraphs of ``text``, each rendered (same length) after an optional prefix, joined by ``sep``."""
    out = Relaid()
    out.add(head)
    for k, (s, e) in enumerate(text_model(text).paragraphs):
        if k:
            out.add(sep)
        out.copy(s, render(k, text[s:e]))
    return out


def _wrap(_k: int, para: str) -> str:
    """Greedy wrapping at :data:`WRAP_WIDTH`: spaces where a line breaks become newlines, lengths kept."""
    chars = list(para)
    line_start = 0
    last_space = -1
    for i, ch in enumerate(chars):
        if ch == " ":
            last_space = i
        if i - line_start >= WRAP_WIDTH and last_space > line_start:
            chars[last_space] = "\n"
            line_start = last_space + 1
    return "".join(chars)


def _spaces(k: int, para: str) -> str:
    """Every third space a Unicode space, in turn no-break, thin, narrow no-break and ideographic."""
    out = []
    n = 0
    for ch in para:
        if ch == " ":
            n += 1
            if n % 3 == 0:
                ch = _UNICODE_SPACES[(n // 3 + k) % len(_UNICODE_SPACES)]
        out.append(ch)
    return "".join(out)


def _line_ends(text: str, end: str) -> Relaid:
    out = Relaid()
    start = 0
    for i, ch in enumerate(text):
        if ch == "\n":
            out.copy(start, text[start:i])
            out.add(end)
            start = i + 1
    out.copy(start, text[start:])
    return out


def _tabs(text: str) -> Relaid:
    out = Relaid()
    for k, (s, e) in enumerate(text_model(text).paragraphs):
        out.add("\n\n\t" if k else "\t")
        out.copy(s, _spaces(k, text[s:e]).replace("\t", " "))
    return out


def _headers(text: str) -> Relaid:
    return _paragraph_layout(text, "\n\n", lambda _k, p: p, head=_HEADER + _TITLE + _DATELINE)


def _bullets(text: str) -> Relaid:
    out = Relaid()
    for k, (s, e) in enumerate(text_model(text).paragraphs):
        out.add(("\n" if k else "") + _BULLETS[k % len(_BULLETS)])
        out.copy(s, text[s:e])
    return out


def _inserts(text: str) -> Relaid:
    out = Relaid()
    for k, (s, e) in enumerate(text_model(text).paragraphs):
        if k:
            out.add("\n" + (_INSERTS[k % len(_INSERTS)] + "\n" if k % 2 == 0 else ""))
        out.copy(s, text[s:e])
    return out


def _same(text: str) -> Relaid:
    out = Relaid()
    out.copy(0, text)
    return out


#: Every layout by name; ``original`` is the text as given.
LAYOUTS: dict[str, Callable[[str], Relaid]] = {
    "original": _same,
    "blank-lines": lambda t: _paragraph_layout(t, "\n\n", lambda _k, p: p),
    "one-per-line": lambda t: _paragraph_layout(t, "\n", lambda _k, p: p),
    "wrapped-72": lambda t: _paragraph_layout(t, "\n\n", _wrap),
    "crlf": lambda t: _line_ends(t, "\r\n"),
    "cr": lambda t: _line_ends(t, "\r"),
    "tabs-unicode-spaces": _tabs,
    "headers-dateline": _headers,
    "bullets": _bullets,
    "captions-links": _inserts,
}


def relay(text: str, layout: str) -> Relaid:
    """``text`` in ``layout`` (a key of :data:`LAYOUTS`)."""
    return LAYOUTS[layout](text)
