"""One model of a document's text, computed once and read by every part of claimcheck.

The rules backend, grounding, chunking and the checks all need the same
facts about a text: where its lines and paragraphs are, its rough sentences,
which characters are quoted, which lines are metadata or boilerplate, and a
copy fit for the parser. Computing them in one place keeps the parts in
agreement whatever the layout (see :mod:`claimcheck.text.layout`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache

from claimcheck.text.boilerplate import (
    byline_names,
    dateline_end,
    is_boilerplate,
    is_caps_heading,
    is_headline,
    is_metadata,
    is_title_case_heading,
    is_title_sentence,
)
from claimcheck.text.layout import BULLET, Line, find_paragraphs, split_lines
from claimcheck.text.quotes import INVISIBLE_MARKS, quote_mask, quote_runs, run_at

__all__ = ["MAX_RUN", "Speaker", "TextModel", "text_model"]

#: Longest stretch without a space the parser is given: spaCy's tokenizer is quadratic on long
#: punctuation runs ("((((…"), so a longer run gets a space every ``MAX_RUN`` characters in the parse copy.
MAX_RUN = 64
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
_PUNCT_RUN = re.compile(rf"[^\w\s]{{{MAX_RUN + 1},}}")
#: A spaced ellipsis (". . ."), which the parser reads as three sentence ends; folded to "..." and spaces.
_SPACED_ELLIPSIS = re.compile(r"\.(?: \.){2,}")
#: Spaces and line ends the parser should see as a plain space or newline (one character for one).
_PARSE_FOLD = str.maketrans(
    {c: " " for c in "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
     "\u202f\u205f\u3000" + INVISIBLE_MARKS}
    | {c: "\n" for c in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}
)  # fmt: skip
_SENT_BREAK = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|(?<=[.!?][\"”’])\s+")
_ABBREV = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Sgt|Lt|Capt|Rep|Sen|Gov|No|Jr|Sr|U\.S|U\.K|vs|e\.g|i\.e)\.$")
#: A transcript's speaker label opening a line: "MS. PARK:", "Dana Ruiz:", "SEN. OKAFOR (D-OH):", "Q:", "A:".
_SPEAKER = re.compile(r"((?:[A-Z][\w.'’-]*)(?:[ \t]+[A-Z][\w.'’-]*){0,3}(?:[ \t]*\([^)\n]{1,30}\))?):[ \t]+(?=\S)")
_TOP_TITLES = 3  # title and subtitle lines above the body, at most
#: Section headings of archive copy: an abstract, then the full text.
_ARCHIVE_HEADS = {"ABSTRACT": "abstract", "FULL TEXT": "full"}


@dataclass(frozen=True)
class Speaker:
    """A transcript label and the text it introduces: ``label`` is the source of ``[start, end)``."""

    label: tuple[int, int]
    start: int
    end: int


def _rough_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    s = start
    for m in _SENT_BREAK.finditer(text, start, end):
        if _ABBREV.search(text, max(s, m.start() - 6), m.start()):
            continue
        if m.start() > s:
            spans.append((s, m.start()))
        s = m.end()
    if end > s:
        spans.append((s, end))
    return spans


class TextModel:
    """Lines, paragraphs, sentences, quotation runs, skipped lines and a parse copy of one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: list[Line] = split_lines(text)
        self.line_starts = [ln.start for ln in self.lines]
        self.paragraphs: list[tuple[int, int]] = find_paragraphs(text, self.lines)
        self.para_starts = [s for s, _ in self.paragraphs]

    # --- positions -------------------------------------------------------------------------

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset (any line terminator counts once)."""
        k = max(0, bisect_right(self.line_starts, offset) - 1)
        return k + 1, offset - self.line_starts[k] + 1

    def paragraph_of(self, pos: int) -> int:
        """Index of the paragraph holding (or last starting before) ``pos``; -1 before the first."""
        return bisect_right(self.para_starts, pos) - 1

    def paragraphs_to(self, pos: int) -> int:
        """How many paragraphs start at or before ``pos``."""
        return bisect_right(self.para_starts, pos)

    # --- sentences -------------------------------------------------------------------------

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Rough sentence spans, never across a paragraph: enough for the checks and chunking, no parser needed."""
        out: list[tuple[int, int]] = []
        for s, e in self.paragraphs:
            out.extend(_rough_sentences(self.text, s, e))
        return out

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_at(self, pos: int) -> tuple[int, int]:
        if not self.sentences:
            return 0, len(self.text)
        return self.sentences[max(0, bisect_right(self._sentence_starts, pos) - 1)]

    # --- quotations ------------------------------------------------------------------------

    @cached_property
    def mask(self) -> bytes:
        """1 for each quoted character; a paragraph's end closes an open quote (see :mod:`.quotes`)."""
        return bytes(quote_mask(self.text, [e for _, e in self.paragraphs]))

    @cached_property
    def runs(self) -> list[tuple[int, int]]:
        """Maximal runs of quoted characters."""
        return quote_runs(self.mask)

    @cached_property
    def _run_starts(self) -> list[int]:
        return [s for s, _ in self.runs]

    def run_at(self, pos: int) -> tuple[int, int] | None:
        """The quotation run holding ``pos``, if any."""
        return run_at(self.runs, self._run_starts, pos)

    # --- what is not body text -------------------------------------------------------------

    @cached_property
    def authors(self) -> frozenset[str]:
        """Surnames the byline lines name."""
        return byline_names(self.text)

    @cached_property
    def skipped(self) -> list[tuple[int, int]]:
        """Paragraphs that make no claim: metadata headers, bylines, datelines alone, credits and prompts
        of at most two sentences, headings in capitals or in title case, the title lines above the body (a
        subtitle may be a short sentence with a full stop, as archive copy sets it) and an archive abstract."""
        text = self.text
        out: list[tuple[int, int]] = []
        titles = 0
        body = False
        abstract = self._abstract
        last_title: str | None = None  # the last heading or title line above the body
        for k, (s, e) in enumerate(self.paragraphs):
            para = text[s:e]
            heading = (is_caps_heading(para) or is_title_case_heading(para)) and self._mixed_case
            drop = (
                abstract[0] <= k <= abstract[1]
                or is_metadata(para)
                or heading
                or dateline_end(para) >= len(para)
                or (is_boilerplate(para) and len(_rough_sentences(text, s, e)) <= 2)
            )
            if not drop and not body and titles < _TOP_TITLES and len(self.paragraphs) > 1:
                # A subtitle with a full stop follows a title its semicolon continues ("… criticism; ⏎ Investment,
                # official says, helped economy."); a first line alone with a full stop may be a lede.
                sentence = last_title is not None and last_title.rstrip().endswith(";") and is_title_sentence(para)
                if is_headline(para) or sentence:
                    titles += 1
                    drop = heading = True
            if heading:
                last_title = para
            if drop:
                out.append((s, e))
            else:
                body = True
        return out

    @cached_property
    def _mixed_case(self) -> bool:
        """More lower-case letters than capitals: only in such a text does a heading stand out by its case. Counted
        on first use, which most texts (with no line that looks like a heading) never make."""
        return sum(map(str.islower, self.text)) > sum(map(str.isupper, self.text))

    @cached_property
    def _abstract(self) -> tuple[int, int]:
        """The paragraphs from an "ABSTRACT." heading to the "FULL TEXT." heading after it, as archive copy
        sets a summary the body then repeats (spec section 1: a headline repeated in the body is no claim);
        ``(0, -1)`` when there is none."""
        text = self.text
        heads = [
            _ARCHIVE_HEADS.get(text[s:e].strip().rstrip(".:").upper()) if e - s <= 16 else None  # short lines only
            for s, e in self.paragraphs
        ]
        if "abstract" in heads and "full" in heads[heads.index("abstract") :]:
            first = heads.index("abstract")
            return first, heads.index("full", first)
        return 0, -1

    @cached_property
    def _skipped_starts(self) -> list[int]:
        return [s for s, _ in self.skipped]

    def is_skipped(self, pos: int) -> bool:
        """Whether ``pos`` lies in a paragraph of :attr:`skipped`."""
        k = bisect_right(self._skipped_starts, pos) - 1
        return k >= 0 and self.skipped[k][0] <= pos < self.skipped[k][1]

    @cached_property
    def speakers(self) -> list[Speaker]:
        """Transcript turns ("NAME: text", "Q:"/"A:"), when at least two paragraphs open with a label."""
        found: list[Speaker] = []
        for s, e in self.paragraphs:
            m = _SPEAKER.match(self.text, s, e)
            if m is not None and not is_metadata(m.group()):
                found.append(Speaker(m.span(1), m.end(), e))
        return found if len(found) >= 2 else []

    @cached_property
    def _speaker_starts(self) -> list[int]:
        return [t.label[0] for t in self.speakers]

    def speaker_at(self, pos: int) -> Speaker | None:
        """The transcript turn holding ``pos``, if any."""
        k = bisect_right(self._speaker_starts, pos) - 1
        return self.speakers[k] if k >= 0 and pos < self.speakers[k].end else None

    # --- the parser's copy ------------------------------------------------------------------

    @cached_property
    def parse_text(self) -> str:
        """The text as the parser should read it, character for character (offsets are the text's).

        Soft line breaks (hard wrapping) become spaces, every paragraph break a
        newline, tabs and Unicode spaces a space, list markers a space, and a run
        of more than :data:`MAX_RUN` non-space characters gets a space every
        :data:`MAX_RUN` (a run of punctuation is spaces past its first
        :data:`MAX_RUN`); only paragraph breaks are newlines, so the parser's
        sentence starts can follow the paragraphs.
        """
        chars = list(self.text.translate(_PARSE_FOLD))
        starts = set(self.para_starts)
        for a, b in zip(self.lines, self.lines[1:], strict=False):
            for i in range(a.end, b.start):
                chars[i] = " "
            if a.blank or b.blank or b.lstart in starts:
                chars[b.start - 1] = "\n"
        for ln in self.lines:
            m = BULLET.match(self.text, ln.start, ln.end)
            if m is not None:
                for i in range(m.start(), m.end()):
                    chars[i] = " "
        for m in _LONG_RUN.finditer(self.text):
            for i in range(m.start() + MAX_RUN, m.end(), MAX_RUN):
                chars[i] = " "
        for m in _PUNCT_RUN.finditer(self.text):  # "((((…" says nothing past its start: one space token
            for i in range(m.start() + MAX_RUN, m.end()):
                chars[i] = " "
        if ". . ." in self.text:  # "We will fix the road . . . this year": one ellipsis inside the sentence
            for m in _SPACED_ELLIPSIS.finditer(self.text):
                chars[m.start() : m.end()] = "..." + " " * (m.end() - m.start() - 3)
        return "".join(chars)

    # --- folded look-ups (grounding) --------------------------------------------------------

    @cached_property
    def collapsed(self) -> tuple[str, list[int]]:
        """The folded, whitespace-collapsed text and the index map back into the text (see grounding)."""
        from claimcheck.grounding import collapse

        return collapse(self.text)

    def back(self, s: int, e: int) -> tuple[int, int]:
        """A span of :attr:`collapsed` as a span of the text."""
        index = self.collapsed[1]
        return index[s], index[e - 1] + 1


@lru_cache(maxsize=16)
def text_model(text: str) -> TextModel:
    """The model of ``text``, shared by every part that reads the same text."""
    return TextModel(text)
