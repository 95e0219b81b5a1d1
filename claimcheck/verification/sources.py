"""The documents a story's quotes are checked against: transcripts, press releases, earlier stories.

Each source becomes plain text an editor can be pointed into (line numbers of
the file itself for text and Markdown, of the extracted main text for HTML),
plus the speaker turns when it is a transcript that names its speakers
(``RUIZ: …``), so a quote can be checked against who actually said it.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from os import PathLike
from pathlib import Path
from typing import Literal

from claimcheck.errors import InputError
from claimcheck.inputs import check_text, read_text_file
from claimcheck.text import text_model

__all__ = ["Source", "SourceFormat", "Turn", "load_source", "make_source", "sniff_format"]

SourceFormat = Literal["text", "markdown", "html"]

_HTML_EXT = {".html", ".htm", ".xhtml"}
_MD_EXT = {".md", ".markdown", ".mdown", ".mkd"}


@dataclass(frozen=True)
class Turn:
    """One speaker's turn in a transcript: the label as written and the span of what they said."""

    speaker: str
    start: int
    end: int


@dataclass
class Source:
    """A source document as text, with its speaker turns (empty unless it is a transcript)."""

    name: str
    text: str
    format: SourceFormat = "text"
    turns: list[Turn] = field(default_factory=list)
    #: spans of the speaker labels themselves, which are not words anyone said
    labels: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        self._turn_starts = [t.start for t in self.turns]

    def line_at(self, offset: int) -> int:
        """1-based line of ``offset``."""
        return bisect.bisect_right(self._line_starts, offset)

    def turn_at(self, offset: int) -> int | None:
        """Index of the speaker turn holding ``offset``, if the source has turns."""
        i = bisect.bisect_right(self._turn_starts, offset) - 1
        if i >= 0 and offset < self.turns[i].end:
            return i
        return None

    def speaker_at(self, offset: int) -> str | None:
        """Who is speaking at ``offset``; ``None`` outside turns and in ``Q:``/``A:`` turns."""
        i = self.turn_at(offset)
        return (self.turns[i].speaker or None) if i is not None else None


def sniff_format(name: str, text: str) -> SourceFormat:
    """The format a file is in: by its extension, else HTML when it starts like a page."""
    suffix = Path(name).suffix.lower()
    if suffix in _HTML_EXT:
        return "html"
    if suffix in _MD_EXT:
        return "markdown"
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text):
        return "html"
    return "text"


def load_source(path: str | PathLike[str], *, format: SourceFormat | None = None) -> Source:
    """Read a source file (UTF-8 text, Markdown or HTML); bad files raise :class:`InputError`."""
    name = str(path)
    raw = read_text_file(Path(path))  # validated as it is read
    return _source(name, raw, format or sniff_format(name, raw))


def make_source(name: str, raw: str, *, format: SourceFormat = "text") -> Source:
    """A :class:`Source` from a document's contents in ``format``."""
    return _source(name, check_text(raw, name=name), format)


def _source(name: str, raw: str, format: SourceFormat) -> Source:
    """A :class:`Source` from contents already validated (:func:`~claimcheck.inputs.check_text`)."""
    if format == "html":
        text = html_main_text(raw)
        if not text.strip():
            raise InputError(f"{name}: no text found in the HTML", fix="pass the page's text or Markdown instead")
    elif format == "markdown":
        text = blank_markdown(raw)
    else:
        text = raw
    turns, labels = speaker_turns(text)
    return Source(name, text, format, turns, labels)


# --- HTML and Markdown -----------------------------------------------------------------------


_BLOCK_TAGS = "p div br li h1 h2 h3 h4 h5 h6 tr blockquote section article header footer"


class _TextOnly(HTMLParser):
    """Every text node, block elements on lines of their own: the fallback when no main text is found."""

    _BLOCKS = frozenset(_BLOCK_TAGS.split())

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "noscript"):
            self._skip += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "noscript"):
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_main_text(page: str) -> str:
    """A page's main text (trafilatura: no menus, footers or comments); all its text when none is found."""
    import trafilatura

    text = trafilatura.extract(page, favor_recall=True, include_comments=False, include_tables=True)
    if text and text.strip():
        return str(text)
    parser = _TextOnly()
    parser.feed(page)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return html.unescape("\n".join(line for line in lines if line))


_MD_MARKUP = [
    re.compile(r"!?\[(?=[^\]\n]*\]\([^)\n]*\))"),  # "[" opening a link or image
    re.compile(r"\]\([^)\n]*\)"),  # "](url)"
    re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*\S+.*$", re.M),  # reference definitions
    re.compile(r"^\s{0,3}(?:#{1,6}|>+|[-*+]|\d+[.)])(?=\s)", re.M),  # headings, block quotes, list bullets
    re.compile(r"(?<![\w*])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*])"),  # emphasis
    re.compile(r"`+"),
    re.compile(r"<[^>\n]+>"),  # inline HTML
]


def blank_markdown(md: str) -> str:
    """Markdown with its markup blanked out by spaces, so offsets and line numbers stay the file's own."""
    chars = list(md)
    for pattern in _MD_MARKUP:
        for m in pattern.finditer(md):
            for i in range(m.start(), m.end()):
                if chars[i] != "\n":
                    chars[i] = " "
    return "".join(chars)


# --- speaker turns ---------------------------------------------------------------------------

#: Labels that are not speakers: the interviewer's and interviewee's turns of a Q&A.
_UNNAMED = frozenset(["q", "a", "question", "answer"])


def speaker_turns(text: str) -> tuple[list[Turn], list[tuple[int, int]]]:
    """Speaker turns of a transcript, from the labels the text model finds (``NAME:`` opening paragraphs).

    A turn runs to the next label, so a speaker's answer over several
    paragraphs stays theirs; ``Q:``/``A:`` turns have no named speaker, so an
    interviewer's words are never credited to the previous speaker. A text
    with no named label has no turns.
    """
    labels = text_model(text).speakers
    names = [text[sp.label[0] : sp.label[1]].strip() for sp in labels]
    if not any(n.lower().rstrip(".") not in _UNNAMED for n in names):
        return [], []
    turns = [
        Turn("" if name.lower().rstrip(".") in _UNNAMED else name, sp.start, nxt.label[0] if nxt else len(text))
        for sp, name, nxt in zip(labels, names, [*labels[1:], None], strict=True)
    ]
    return turns, [(sp.label[0], sp.start) for sp in labels]
