"""Editorial checks: the problems a standards editor would flag in a story before it runs.

Extraction says *who said what*; these checks turn it into findings an editor can
act on (an unsourced figure, a misspelt source, an agentless "believed to be").
Every check reads only the text and the claims' fields and offsets, so the
findings do not depend on which backend produced the :class:`Extraction`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Literal

from rapidfuzz import fuzz

from claimcheck.checks.finding import Finding, Severity
from claimcheck.errors import ConfigError
from claimcheck.grounding import GroundingError, ground_claim, quote_type
from claimcheck.name_match import normalise_name
from claimcheck.schema import Claim, Extraction
from claimcheck.text import TextModel, text_model
from claimcheck.text.names import OFFICE_WORDS

__all__ = ["CHECKS", "Check", "check", "grounded_claims", "select_checks", "source_keys"]

# --- shared view of one document -------------------------------------------------------------


@dataclass
class _Hit:
    start: int
    end: int
    severity: Severity
    message: str
    fix: str
    claim: int | None = None


@dataclass
class _Doc:
    """The grounded claims of a document beside its text model (lines, sentences, paragraphs, quotes)."""

    text: str
    claims: list[tuple[int, Claim]]  # (index in Extraction.claims, claim with offsets)

    @cached_property
    def model(self) -> TextModel:
        return text_model(self.text)

    @property
    def mask(self) -> bytes:
        return self.model.mask

    @property
    def sentences(self) -> list[tuple[int, int]]:
        return self.model.sentences

    @property
    def paragraphs(self) -> list[tuple[int, int]]:
        return self.model.paragraphs

    @cached_property
    def unattributed(self) -> list[tuple[int, Claim, list[_Figure]]]:
        """Unattributed claims with the figures each carries (two checks read them)."""
        return [(i, c, _figures(self.text, *c.span)) for i, c in self.claims if not c.attributed]

    def sentence_at(self, pos: int) -> tuple[int, int]:
        return self.model.sentence_at(pos)

    def paragraphs_to(self, pos: int) -> int:
        """How many paragraphs start at or before ``pos``."""
        return self.model.paragraphs_to(pos)

    def claims_over(self, start: int, end: int) -> list[tuple[int, Claim]]:
        """Claims whose span overlaps ``[start, end)``."""
        return [
            (i, c)
            for i, c in self.claims
            if c.start is not None and c.end is not None and c.start < end and start < c.end
        ]

    def quoted(self, start: int, end: int) -> bool:
        return quote_type(self.text, start, end, self.mask) != "indirect"


def _abridge(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def grounded_claims(extraction: Extraction) -> list[tuple[int, Claim]]:
    """``(index, claim)`` for every claim with offsets, grounding those that carry none (gold lines,
    hand-made extractions); claims that are not in the text are left out."""
    claims: list[tuple[int, Claim]] = []
    for i, c in enumerate(extraction.claims):
        if c.start is None or c.end is None:
            try:
                c = ground_claim(c, extraction.text)
            except GroundingError:
                continue
        claims.append((i, c))
    return claims


def _source_span(claim: Claim) -> tuple[int, int] | None:
    if claim.source_start is not None and claim.source_end is not None:
        return claim.source_start, claim.source_end
    return None


# --- unattributed-claim, figure-without-source ----------------------------------------------

_NUM_WORDS = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    "eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|dozens?|"
    "millions?|billions?|trillions?|scores"
)
_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_FIGURE = re.compile(
    r"(?:(?:at least|more than|less than|fewer than|nearly|almost|about|around|over|under|up to|an estimated|some)"
    r"\s+)?"
    rf"(?:[$£€¥]\s?\d[\d,.]*(?:\s?(?:million|billion|trillion|bn|m|k)\b)?"
    rf"|(?<![\w.,-])\d[\d,.]*(?:\s?(?:%|per\s?cent|percent)|\s(?:million|billion|trillion)\b)?"
    rf"|(?<![\w-])(?:{_NUM_WORDS})(?![\w-]))",
    re.IGNORECASE,
)
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTHS})[a-z]*\.?\s+$")
_CASUALTY = re.compile(
    r"\b(?:killed|kill(?:s|ing)?|dead|died|deaths?|death toll|injur(?:ed|ies|ing)|wounded|hurt|casualt(?:y|ies)|"
    r"fatalit(?:y|ies)|missing|victims?|bodies|lost their lives|displaced|arrested|hostages?)\b",
    re.IGNORECASE,
)
_MONEY_WORD = re.compile(
    r"\b(?:dollars?|pounds?|euros?|yuan|yen|rupees?|roubles?|francs?|USD|GBP|EUR)\b|[$£€¥]", re.IGNORECASE
)
_VOTES = re.compile(r"\b(?:votes?|voted|voters|ballots?|seats|turnout|electorate|majority)\b", re.IGNORECASE)
_DIGITS = re.compile(r"\d[\d,.]*")
_SCALED = re.compile(r"[$£€¥%]|cent|million|billion|trillion|\bbn\b", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"\s*(?:{_MONTHS})")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_CURRENCY = re.compile(r"[$£€¥]")
#: "voted 7-2", "won 52–48", "by 5 to 4": a tally of record, not a count someone must vouch for.
_TALLY_AFTER = re.compile(r"\s?[-–—]\s?\d|\s+to\s+\d")
_TALLY_BEFORE = re.compile(r"\d\s?[-–—]\s?$|\d\s+to\s+$")
#: "the two", "those three": a number word after a definite determiner points back at people already named.
_BACK_REFERENCE = re.compile(r"\b(?:the|these|those|both|all|its|their)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class _Figure:
    start: int
    end: int
    kind: Literal["casualties", "money", "votes", "number"]


def _figures(text: str, start: int, end: int) -> list[_Figure]:
    """Numbers in ``text[start:end]`` with what they count, dates and years left out."""
    out: list[_Figure] = []
    span = text[start:end]
    for m in _FIGURE.finditer(span):
        s, e = start + m.start(), start + m.end()
        core = m.group(0)
        digits = _DIGITS.search(core)
        if not digits and _BACK_REFERENCE.search(text[max(0, s - 8) : s]):
            continue  # "the two met on Tuesday": not a figure
        tally = bool(digits) and bool(
            _TALLY_AFTER.match(text[e : e + 6]) or _TALLY_BEFORE.search(text[max(0, s - 6) : s])
        )
        if digits and not _SCALED.search(core):
            value = digits.group(0).rstrip(".,")
            if _DATE_BEFORE.search(text[max(0, s - 12) : s]) or _MONTH_AFTER.match(text[e : e + 6]):
                continue  # "October 7", "7 October"
            if _YEAR.fullmatch(value):
                continue  # a year
        near = text[max(start, s - 60) : min(end, e + 60)]
        after = text[e : min(end, e + 25)]
        if _CURRENCY.search(core) or _MONEY_WORD.match(after.strip()) or _MONEY_WORD.search(after[:12]):
            kind: Literal["casualties", "money", "votes", "number"] = "money"
        elif _CASUALTY.search(near):
            kind = "casualties"
        elif _VOTES.search(near) and not tally:
            kind = "votes"
        else:
            kind = "number"
        out.append(_Figure(s, e, kind))
    return out


def _check_unattributed_claim(doc: _Doc) -> Iterator[_Hit]:
    for i, c, figures in doc.unattributed:
        start, end = c.span
        quoted = doc.quoted(start, end)
        carries = [w for w, on in (("a figure", bool(figures)), ("a quotation", quoted)) if on]
        what = f" with {' and '.join(carries)}" if carries else ""
        yield _Hit(
            start,
            end,
            "warning" if carries else "info",
            f"unattributed claim{what}: “{_abridge(c.claim)}”",
            "say who says so (“…, according to X”), or cut it if it cannot be sourced",
            i,
        )


def _check_figure_without_source(doc: _Doc) -> Iterator[_Hit]:
    for i, _, figures in doc.unattributed:
        for f in figures:
            if f.kind == "number":
                continue
            figure = doc.text[f.start : f.end]
            yield _Hit(
                f.start,
                f.end,
                "warning",
                f"{f.kind} figure “{figure}” has no source",
                "attribute the figure to whoever counted it (“…, according to X”)",
                i,
            )


# --- anonymous-source, vague-source ----------------------------------------------------------

_SPEECH = (
    r"(?i:said|say|says|told|tell|added|stated|claimed|claim|claims|suggested|confirmed|confirm|revealed|indicated|"
    r"warned|warn|warns|believe|believed|believes|argued|argue|argues|noted|note|fear|feared|fears|think|thinks|"
    r"thought|insisted|insist|predicted|predict|estimated|estimate|expect|expected|contend|contended|point(?:ed)? out)"
)
_ANON_HEAD = r"(?i:officials?|sources?|insiders?|aides?|diplomats?|officers?)"
_ANON_MOD = (
    r"(?:(?i:a|an|one|two|three|several|some|other|many|the|senior|junior|top|former|current|local|western|"
    r"unnamed|anonymous|government|military|administration|intelligence|security|defen[cs]e|police|party|"
    r"diplomatic|health)\s+|[A-Z][\w.’'-]*\s+){0,4}"
)
_ANON_TEXT = re.compile(
    rf"\b(?i:according\s+to)\s+(?:[\w’'-]+\s+){{0,4}}?{_ANON_HEAD}\b"
    rf"|\b{_ANON_MOD}{_ANON_HEAD}(?:\s+(?:at|in|from|with)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,3}})?"
    rf"\s+(?:(?:have|had|has|also|privately|later)\s+)?{_SPEECH}\b"
    r"|\b(?i:(?:(?:a|an|one|two|three|several|some)\s+)?(?:person|people|sources?|officials?|individuals?|someone)"
    r"\s+(?:familiar\s+with|close\s+to|with\s+(?:direct\s+)?knowledge\s+of|briefed\s+on)\s+(?:the\s+)?[\w’'-]+)",
)
_ANON_MENTION = re.compile(
    rf"\b{_ANON_HEAD}\b|\b(?:person|people|someone)\s+(?:familiar|close|with knowledge|briefed)", re.IGNORECASE
)
_ANON_EXPLAINED = re.compile(
    r"condition of anonymity|not authori[sz]ed to|(?:declined|asked|requested) not to be (?:named|identified)|"
    r"requested anonymity|spoke anonymously|insisted on anonymity",
    re.IGNORECASE,
)
_VAGUE_HEAD = (
    r"(?:experts?|critics|analysts|observers|commentators|pundits|scientists|economists|campaigners|"
    r"sceptics|skeptics|residents|locals|(?<!\d )(?:(?:some|many|most)\s+)?people|some|many|others)"
)
_VAGUE_TEXT = re.compile(
    rf"\baccording\s+to\s+(?:(?:some|many|other|leading|independent)\s+)?{_VAGUE_HEAD}\b"
    rf"|(?<![\w’'-])(?:(?:some|many|other|leading|independent)\s+)?{_VAGUE_HEAD}\s+"
    rf"(?:(?:have|had|also|now)\s+)?{_SPEECH}\b"
    r"|\bit\s+(?:has\s+been|is|was)\s+(?:widely\s+)?(?:argued|suggested)\s+that\b",  # "it is said": agentless
    re.IGNORECASE,
)
_VAGUE_MENTION = re.compile(
    rf"^(?:(?:some|many|other|leading|independent|the|most|several)\s+)*(?:[a-z-]+\s+)?{_VAGUE_HEAD}$",
    re.IGNORECASE,
)


def _is_vague_mention(mention: str) -> bool:
    return bool(_VAGUE_MENTION.match(mention.strip())) and not re.search(r"\b[A-Z][a-z]", mention.strip()[1:])


_PRONOUN = re.compile(r"(?i:he|she|they|it|we|i|you|him|her|them|us)")
_PROPER_NAME = re.compile(r"(?:[A-Z][\w’'.-]*)(?:\s+(?:[A-Z][\w’'.-]*|de|la|van|von|der|bin|al|da))*")


def _is_anonymous(claim: Claim) -> bool:
    mention = claim.source or ""
    if _PRONOUN.fullmatch(mention.strip()):
        return False  # a pronoun is a back-reference the backend could not resolve, not an unnamed source
    if claim.source_type == "anonymous":
        # trust the backend unless the mention reads as a name ("Sanders", "Adrienne Watson")
        return bool(_ANON_MENTION.search(mention)) or not _PROPER_NAME.fullmatch(mention.strip())
    if not _ANON_MENTION.search(mention):
        return False
    # "the official" resolved by the backend to a named person is a back-reference, not anonymity
    name = claim.source_name or ""
    return not name or name == mention or bool(_ANON_MENTION.search(name))


#: "the authors", "the study's researchers": the people behind a work the story names, not unnamed sources.
_WORK_ROLE = re.compile(
    r"(?:the|its|their)\s+(?:(?:study|report|paper|survey|review|poll|analysis)(?:’s|'s)\s+)?"
    r"(?:authors?|co-?authors|researchers?|scientists?|investigators?|writers?|team|pollsters?|analysts?)",
    re.IGNORECASE,
)
_WORK = re.compile(
    r"\b(?:study|studies|report|paper|survey|review|poll|analysis|research|audit|inquiry|investigation|book|"
    r"article|trial)\b",
    re.IGNORECASE,
)


def _authors_of_named_work(text: str, start: int, mention: str) -> bool:
    """ "The authors said" after "A study published in The Lancet": identified by the work, not anonymous."""
    return bool(_WORK_ROLE.fullmatch(mention.strip())) and bool(_WORK.search(text[max(0, start - 1500) : start]))


def _source_hits(doc: _Doc, *, vague: bool) -> Iterator[_Hit]:
    for i, c in doc.claims:
        span = _source_span(c)
        if span is None or not c.source:
            continue
        is_vague = _is_vague_mention(c.source)
        if vague and is_vague:
            yield _vague_hit(doc, *span, claim=i)
        elif (
            not vague and not is_vague and _is_anonymous(c) and not _authors_of_named_work(doc.text, span[0], c.source)
        ):
            yield _anon_hit(doc, *span, claim=i)
    if not vague:
        for m in _ANON_TEXT.finditer(doc.text):
            yield _anon_hit(doc, m.start(), m.end())
        return
    for m in _VAGUE_TEXT.finditer(doc.text):
        # "Goldman Sachs economists said" names its group; "Residents said" at a sentence start does not
        prev = re.search(r"(\S+)\s+$", doc.text[max(0, m.start() - 40) : m.start()])
        if prev and prev.group(1)[:1].isupper() and not re.search(r"[.!?”\"]$", prev.group(1)):
            continue
        yield _vague_hit(doc, m.start(), m.end())


def _anon_hit(doc: _Doc, start: int, end: int, claim: int | None = None) -> _Hit:
    s, e = doc.sentence_at(start)
    phrase = doc.text[start:end]
    if _ANON_EXPLAINED.search(doc.text[s:e]):
        return _Hit(
            start,
            end,
            "info",
            f"anonymous source “{_abridge(phrase, 50)}” (anonymity explained)",
            "check the reason given for anonymity holds",
            claim,
        )
    return _Hit(
        start,
        end,
        "warning",
        f"anonymous source “{_abridge(phrase, 50)}”: readers cannot judge who is speaking",
        "name the source, or say why they are not named and how they know",
        claim,
    )


def _vague_hit(doc: _Doc, start: int, end: int, claim: int | None = None) -> _Hit:
    phrase = doc.text[start:end]
    return _Hit(
        start,
        end,
        "warning",
        f"vague source “{_abridge(phrase, 50)}”: which ones?",
        "name at least one of them, or cut the attribution",
        claim,
    )


def _check_anonymous_source(doc: _Doc) -> Iterator[_Hit]:
    return _source_hits(doc, vague=False)


def _check_vague_source(doc: _Doc) -> Iterator[_Hit]:
    return _source_hits(doc, vague=True)


# --- source-name-mismatch --------------------------------------------------------------------


_CAP_RUN = re.compile(r"[A-Z][\w’'-]*\.?(?:\s+[A-Z][\w’'-]*\.?)*")
_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?")
_NAME_BAND = (75.0, 96.0)
_MIN_NAME = 4


def _person_name(mention: str) -> list[str]:
    """The name tokens of a mention: its last capitalised run, titles dropped ("Ms Waton" → ["Waton"])."""
    runs = _CAP_RUN.findall(mention)
    if not runs:
        return []
    tokens = [t.rstrip(".").removesuffix("’s").removesuffix("'s") for t in runs[-1].split()]
    while tokens and tokens[0].lower() in OFFICE_WORDS:
        tokens.pop(0)
    return tokens


def _check_source_name_mismatch(doc: _Doc) -> Iterator[_Hit]:
    # Known full names: two or more name tokens from the source mentions and resolved names of person sources.
    full: dict[str, list[str]] = {}
    for _, c in doc.claims:
        if not c.attributed or c.source_type not in (None, "person"):
            continue
        for s in (c.source_name, c.source):
            tokens = _person_name(s or "")
            if len(tokens) >= 2:
                full.setdefault(tokens[-1].lower(), tokens)
    if not full:
        return
    name_tokens = {t.lower() for tokens in full.values() for t in tokens}

    @cache
    def counts(word: str) -> int:
        return len(re.findall(rf"\b{re.escape(word)}\b", doc.text))

    mentions: list[tuple[int, int, int | None]] = []
    for i, c in doc.claims:
        span = _source_span(c)
        if span is not None:
            mentions.append((*span, i))
    mentions += [(m.start(), m.end(), None) for m in _TITLED.finditer(doc.text)]
    seen: set[tuple[int, int]] = set()
    for start, end, claim in sorted(mentions, key=lambda m: (m[0], m[1])):
        mention = doc.text[start:end]
        for token in _person_name(mention):
            low = token.lower()
            if len(low) < _MIN_NAME or (start, end) in seen:
                continue
            best: tuple[float, str] | None = None
            for surname in full:
                score = fuzz.ratio(low, surname)
                if _NAME_BAND[0] <= score <= _NAME_BAND[1] and (best is None or score > best[0]):
                    best = (score, surname)
            if best is None:
                continue
            intended = full[best[1]]
            if low in name_tokens:
                # both spellings are full names in the story: the rarer one is the slip
                other = full.get(low)
                if other is None or other[:-1] != intended[:-1] or counts(token) > counts(intended[-1]):
                    continue
                if counts(token) == counts(intended[-1]) and doc.text.find(token) < doc.text.find(intended[-1]):
                    continue
            seen.add((start, end))
            fixed = mention.replace(token, intended[-1])
            yield _Hit(
                start,
                end,
                "error",
                f"“{mention}” looks like a misspelling of the source “{' '.join(intended)}”",
                f"use “{fixed}”",
                claim,
            )


# --- quote-without-source, unbalanced-quotes -------------------------------------------------

_CUE_WORDS = re.compile(
    rf"\b{_SPEECH}\b|\baccording to\b|\b(?:wrote|writes|writing|asked|asks|replied|continued|explained|announced|"
    r"declared|tweeted|posted|read|reads|tells|telling|saying|adding|(?<!so-)call(?:s|ed|ing)?|describ(?:e|es|ed|ing)|"
    r"dubb(?:ed|ing)|label+(?:ed|ing)|brand(?:ed|ing)|blast(?:s|ed)|slamm?(?:s|ed)|prais(?:ed|ing)|accus(?:ed|ing)|"
    r"dismiss(?:es|ed|ing)?|urg(?:ed|ing)|vow(?:ed|ing)|promis(?:es|ed|ing)|quot(?:ed|ing)|titled|entitled|headlined|"
    r"statements?|interviews?|speech|predictions?|remarks|comments?|tweets?|letter|announcement|adds|per|"
    r"report(?:s|ed|ing)?|transcript|as follows)\b",
    re.IGNORECASE,
)
#: A short quoted run in title case is a name, a nickname or a title ("Bobby", “Morning Joe”), not a quotation.
_TITLE_CASE = re.compile(
    r"[“«„\"]?[A-Z0-9][\w’'.,:!?&-]*(?:\s+(?:[A-Z0-9][\w’'.,:!?&-]*|a|an|the|of|with|for|and|in|on|to|at|by|from)){0,6}"
    r"[”»\"]?"
)


def _quote_runs(doc: _Doc) -> list[tuple[int, int]]:
    """Spans of quoted passages, marks included, from the text model's quotation runs."""
    text, n = doc.text, len(doc.text)
    runs: list[tuple[int, int]] = []
    for i, j in doc.model.runs:
        if any(ch.isalnum() for ch in text[i:j]):
            s = i - 1 if i > 0 and text[i - 1] in '“«„"' else i
            e = j + 1 if j < n and text[j] in '”»"' else j
            runs.append((s, e))
    return runs


def _check_quote_without_source(doc: _Doc) -> Iterator[_Hit]:
    spoken: list[tuple[int, int]] = []  # quotes with a speaker, for carry-over paragraphs
    for s, e in _quote_runs(doc):
        if _TITLE_CASE.fullmatch(doc.text[s:e]):
            continue
        over = doc.claims_over(s + 1, e - 1)
        ss, se = doc.sentence_at(s)[0], doc.sentence_at(e - 1)[1]  # a quotation can hold several sentences
        outside = doc.text[ss:s] + " " + doc.text[e:se]
        if any(c.attributed for _, c in over) or _CUE_WORDS.search(outside):
            spoken.append((s, e))  # attributed, or a speaker in the sentence the backend did not pair with it
            continue
        if _introduced(doc, s):
            spoken.append((s, e))
            continue
        opens_sentence = not doc.text[ss:s].strip()
        prev = [p for p in spoken if p[1] <= s]
        if opens_sentence and prev and _near_previous(doc, prev[-1], s) and not outside.strip(" .,;:!?"):
            spoken.append((s, e))  # a carry-over quote: continues the previous speaker
            continue
        claim = over[0][0] if over else None
        yield _Hit(
            s,
            e,
            "warning",
            f"quoted words with no speaker: {_abridge(doc.text[s:e], 60)}",
            "say who is being quoted, or drop the quotation marks",
            claim,
        )


def _introduced(doc: _Doc, start: int) -> bool:
    """A block quotation: it opens a paragraph and the previous one introduces it ("The Times reports:")."""
    n = doc.paragraphs_to(start)
    if n < 2 or doc.text[doc.paragraphs[n - 1][0] : start].strip():
        return False
    ps, pe = doc.paragraphs[n - 2]
    intro = doc.text[ps:pe].rstrip()
    return intro.endswith(":") and bool(_CUE_WORDS.search(intro[-200:]))


def _near_previous(doc: _Doc, prev: tuple[int, int], start: int) -> bool:
    """The previous attributed quote ends in the same or the preceding paragraph."""
    here = doc.paragraphs_to(start) - 1
    if here < 0:
        return False
    return any(ps <= prev[0] < pe for ps, pe in doc.paragraphs[max(0, here - 1) : here + 1])


_OPEN, _CLOSE = "“«„", "”»"


def _check_unbalanced_quotes(doc: _Doc) -> Iterator[_Hit]:
    """Double quotation marks of every style, paragraph by paragraph.

    News convention runs a quotation over paragraphs by leaving each one open
    and reopening the next; only a quotation that is never closed is an error.
    One curly quotation may nest in a straight one (scraped copy mixes styles),
    and a straight mark closes a curly one. A quotation that closes in the next
    paragraph without being reopened there is a lesser (style) problem.
    """
    paras = doc.paragraphs
    pending: int | None = None  # left open at the end of the previous paragraph, the next one not reopening
    for k, (ps, pe) in enumerate(paras):
        stack: list[tuple[int, bool]] = []  # (offset, straight?)
        for i in range(ps, pe):
            ch = doc.text[i]
            straight = ch == '"'
            if (ch in _OPEN and not (stack and not stack[-1][1])) or (straight and not stack):
                if pending is not None:
                    yield _unclosed(pending, "a new quotation opens before it closes")
                    pending = None
                stack.append((i, straight))
            elif ch in _OPEN:  # a curly mark inside an open curly quotation
                yield _unclosed(stack[-1][0], "a new quotation opens before it closes")
                stack[-1] = (i, False)
            elif ch in _CLOSE and not stack and _opens_word(doc.text, i):
                yield _Hit(i, i + 1, "error", "a closing mark opens this quotation", "use an opening mark (“)")
                stack.append((i, False))  # typed the wrong way round: pair it like an opening mark
            elif ch in _CLOSE or straight:
                if stack:
                    stack.pop()
                elif pending is not None:
                    yield _Hit(
                        pending,
                        pending + 1,
                        "warning",
                        "quotation runs into the next paragraph without reopening it",
                        "open each continuing paragraph with a quotation mark, or close it before the break",
                    )
                    pending = None
                else:
                    yield _Hit(
                        i,
                        i + 1,
                        "error",
                        "closing quotation mark with no opening one",
                        "add the opening mark where the quotation starts, or delete this one",
                    )
        if pending is not None:
            yield _unclosed(pending, "no closing mark, and the next paragraph does not continue the quotation")
            pending = None
        for at, _ in stack[1:]:
            yield _unclosed(at, "an inner quotation is still open at the end of the paragraph")
        if stack:
            nxt = doc.text[paras[k + 1][0]] if k + 1 < len(paras) else ""
            if not nxt:
                yield _unclosed(stack[0][0], "no closing mark before the end of the text")
            elif nxt not in _OPEN and nxt != '"':
                pending = stack[0][0]


def _opens_word(text: str, i: int) -> bool:
    return (i == 0 or text[i - 1].isspace()) and i + 1 < len(text) and text[i + 1].isalnum()


def _unclosed(at: int, why: str) -> _Hit:
    return _Hit(at, at + 1, "error", f"quotation mark never closed: {why}", "close the quotation where it ends")


# --- agentless-hedge -------------------------------------------------------------------------

_HEARSAY = r"(?:believed|said|thought|understood|reported|rumou?red|alleged|suspected)"
_AGENTLESS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        # "is believed to be", "are thought to have"
        rf"\b(?:is|are|was|were|be|been|being)\s+(?:(?:widely|also|generally|now|still)\s+)?"
        rf"(?P<h>{_HEARSAY}\s+to(?:\s+(?:be|have))?)\b",
        # reduced relatives: "attacks believed to be", "facilities said to be" (not "he said to be careful")
        rf"(?<=[a-z] )(?<!\bhe )(?<!\bshe )(?<!\bthey )(?<!\bwe )(?<!\bi )(?<!\byou )(?<!\bit )"
        rf"(?P<h>{_HEARSAY}\s+to\s+(?:be|have))\b",
        # "it is understood that"
        r"\b(?P<h>it\s+(?:is|was|has\s+been|had\s+been)\s+(?:widely\s+)?"
        r"(?:believed|thought|understood|said|reported|claimed|alleged|rumou?red|feared)(?:\s+that)?)\b",
        r"\b(?P<h>reportedly|purportedly|supposedly|rumou?redly)\b",
    )
]


def _check_agentless_hedge(doc: _Doc) -> Iterator[_Hit]:
    for pattern in _AGENTLESS:
        for m in pattern.finditer(doc.text):
            s, e = m.span("h")
            if doc.mask[s]:
                continue  # inside a quotation: the speaker's own hedge, attributed with the quote
            hedge = doc.text[s:e]
            over = doc.claims_over(s, e)
            attributed = [c for _, c in over if c.attributed]
            if attributed:
                who = attributed[0].source_name or attributed[0].source
                yield _Hit(
                    s,
                    e,
                    "info",
                    f"hedge “{hedge}” in a claim by {who} names no one who believes it",
                    "check whether the source or someone else holds this belief, and say so",
                    over[0][0],
                )
            else:
                yield _Hit(
                    s,
                    e,
                    "warning",
                    f"agentless hedge “{hedge}”: who believes it?",
                    "name who believes or reports it (“…, according to X”), or state it plainly if established",
                    over[0][0] if over else None,
                )


# --- loaded-cue ------------------------------------------------------------------------------

#: lemma → (verb forms, what the verb implies, severity)
_LOADED: dict[str, tuple[str, str, Severity]] = {
    "claim": (r"claim(?:s|ed)?", "casts doubt on what the source says", "warning"),
    "allege": (r"allege[sd]?", "casts doubt on what the source says", "warning"),
    "insist": (r"insist(?:s|ed)?", "suggests the source is holding out against doubt", "warning"),
    "admit": (r"admit(?:s|ted)?", "implies the source owned up to a fault", "warning"),
    "concede": (r"concede[sd]?", "implies the source gave ground reluctantly", "warning"),
    "confess": (r"confess(?:es|ed)?", "implies guilt", "warning"),
    "acknowledge": (r"acknowledge[sd]?", "implies a concession", "warning"),
    "reveal": (r"reveal(?:s|ed)?", "presents the statement as a disclosed truth", "warning"),
    "boast": (r"boast(?:s|ed)?", "implies vanity", "warning"),
    "point_out": (r"point(?:s|ed)?\s+out", "endorses the statement as fact", "warning"),
    "slam": (r"slam(?:s|med)", "is loaded tabloid language", "warning"),
    "blast": (r"blast(?:s|ed)", "is loaded tabloid language", "warning"),
    "note": (r"note[sd]?", "mildly endorses the statement as fact", "info"),
}
_LOADED_VERB = re.compile(
    "|".join(rf"\b(?P<{lemma}>{forms})\b" for lemma, (forms, _, _) in _LOADED.items()), re.IGNORECASE
)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|these|those|this|that|his|her|their|its|our|such|no)\s+$", re.I)
_CLAUSE_BEFORE = re.compile(r"[,”\"]\s*(?:[\w’'.-]+\s+){0,4}$")
_TO_BEFORE = re.compile(r"\bto\s+$")
_THAT_OR_QUOTE_AFTER = re.compile(r"\s+that\b|\s*[,:]?\s*[“\"]")
_CLAUSE_AFTER = re.compile(
    r"\s+(?:it|he|she|they|we|I)\s+(?:had|has|have|was|were|is|are|would|could|did|will|should)\b"
)
_STOP_AFTER = re.compile(r"\s*[.,;]")


def _loaded_hit(m: re.Match[str], offset: int, claim: int | None) -> _Hit:
    lemma = m.lastgroup or ""
    _, meaning, severity = _LOADED[lemma]
    verb = m.group(0)
    return _Hit(offset + m.start(), offset + m.end(), severity, f"loaded cue “{verb}” {meaning}", "use “said”", claim)


def _used_as_cue(text: str, m: re.Match[str]) -> bool:
    """ "X admitted that", "X insisted: “…”" or "“…,” she admitted." — not "claimed credit" or "the claims"."""
    before = text[max(0, m.start() - 40) : m.start()]
    if _DETERMINER_BEFORE.search(before) or _TO_BEFORE.search(before):
        return False  # a noun ("the claims that"), or an infinitive ("failed to note that")
    after = text[m.end() : m.end() + 8]
    if _THAT_OR_QUOTE_AFTER.match(after):
        return True
    if _CLAUSE_AFTER.match(text[m.end() : m.end() + 24]):
        return True  # a clause without "that": "admitted it had missed"
    return bool(_STOP_AFTER.match(after)) and bool(_CLAUSE_BEFORE.search(before))


def _check_loaded_cue(doc: _Doc) -> Iterator[_Hit]:
    for i, c in doc.claims:
        if c.cue and c.cue_start is not None:
            for m in _LOADED_VERB.finditer(c.cue):
                yield _loaded_hit(m, c.cue_start, i)
    for m in _LOADED_VERB.finditer(doc.text):
        if not doc.mask[m.start()] and _used_as_cue(doc.text, m):
            yield _loaded_hit(m, 0, None)


# --- single-source ---------------------------------------------------------------------------


def _name_key(claim: Claim) -> str:
    """The source's name as the scorer normalises it, so a source groups here as it is scored."""
    name = claim.source_name or claim.source or ""
    return " ".join(normalise_name(name)) or name.lower()


def source_keys(claims: Iterable[Claim]) -> list[str | None]:
    """One key per claim saying which source it rests on (``None`` when unattributed).

    Names are compared without titles, a leading "the" or a possessive, and a
    lone surname joins the full name it ends ("Austin" → "lloyd austin"), so
    claims group by source even when the backend left a mention unresolved.
    """
    keys = [_name_key(c) if c.attributed else None for c in claims]
    fulls = {k for k in keys if k and " " in k}
    return [next((f for f in sorted(fulls) if f.endswith(" " + k)), k) if k else None for k in keys]


def _check_single_source(doc: _Doc) -> Iterator[_Hit]:
    attributed = [(i, c) for i, c in doc.claims if c.attributed]
    if len(attributed) < 2 or len(set(source_keys(c for _, c in attributed))) != 1:
        return
    i, first = attributed[0]
    span = _source_span(first) or first.span
    who = first.source_name or first.source
    yield _Hit(
        *span,
        "warning" if len(attributed) >= 3 else "info",
        f"all {len(attributed)} attributed claims rest on one source ({who})",
        "add an independent source, or say that others could not confirm it",
        i,
    )


# --- registry and entry point ----------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    """One editorial check, on ruff's model: an id, a default severity, a summary, its documentation and the
    function that finds it. ``claimcheck rules`` and the README's table are printed from these fields."""

    id: str
    severity: Severity  # the usual severity; a finding may be milder or graver as its message says
    summary: str
    doc: str
    func: Callable[[_Doc], Iterable[_Hit]]
    dedupe: bool = False  # text scans and claim fields can find the same span twice


CHECKS: dict[str, Check] = {
    c.id: c
    for c in (
        Check(
            "unattributed-claim",
            "warning",
            "a factual claim with no source",
            "a factual claim with no source (warning when it carries a figure or a quote, else info)",
            _check_unattributed_claim,
        ),
        Check(
            "anonymous-source",
            "warning",
            "an unnamed source (“officials said”)",
            '"officials said", "a person familiar with the matter"',
            _check_anonymous_source,
            dedupe=True,
        ),
        Check(
            "vague-source",
            "warning",
            "a vague source (“experts”, “critics”)",
            '"experts", "critics": a group with no one in it named',
            _check_vague_source,
            dedupe=True,
        ),
        Check(
            "source-name-mismatch",
            "error",
            "a source's name spelled two ways",
            'a source spelled two ways ("Adrienne Watson" … "Ms Waton")',
            _check_source_name_mismatch,
        ),
        Check(
            "quote-without-source",
            "warning",
            "quoted words with no speaker",
            "quoted words with no speaker in reach (scare quotes too)",
            _check_quote_without_source,
        ),
        Check(
            "unbalanced-quotes",
            "error",
            "a quotation mark never closed or never opened",
            "an unclosed quotation mark, or a closing one with no opening one",
            _check_unbalanced_quotes,
        ),
        Check(
            "agentless-hedge",
            "warning",
            "“believed to be” with no one believing",
            '"believed to be", "said to be", "is thought to" with no one doing the believing',
            _check_agentless_hedge,
            dedupe=True,
        ),
        Check(
            "loaded-cue",
            "warning",
            "an attribution verb that takes sides where “said” would do",
            '"claimed", "admitted", "insisted", "revealed" where "said" would do',
            _check_loaded_cue,
            dedupe=True,
        ),
        Check(
            "single-source",
            "warning",
            "every attributed claim rests on one source",
            "a story whose attributed claims all rest on one source (info with two claims, warning from three)",
            _check_single_source,
        ),
        Check(
            "figure-without-source",
            "warning",
            "casualties, money or votes with no source",
            'casualties, money or votes with no source (a tally of record, "voted 7-2", is not one)',
            _check_figure_without_source,
        ),
    )
}


def _dedupe(hits: Iterable[_Hit]) -> list[_Hit]:
    kept: list[_Hit] = []
    for h in hits:
        if not any(h.start < k.end and k.start < h.end for k in kept):
            kept.append(h)
    return kept


def select_checks(select: Iterable[str] | None = None, ignore: Iterable[str] = ()) -> list[str]:
    """The check ids to run: ``select`` (default all of :data:`CHECKS`) less ``ignore``; unknown ids are refused."""
    chosen = list(CHECKS) if select is None else list(select)
    ignored = set(ignore)
    for name in [*chosen, *ignored]:
        if name not in CHECKS:
            raise ConfigError(f"unknown rule {name!r}", fix=f"use some of: {', '.join(CHECKS)}")
    return [r for r in chosen if r not in ignored]


def check(extraction: Extraction, *, rules: Iterable[str] | None = None) -> list[Finding]:
    """Findings for one extraction, ordered by offset then rule (:func:`claimcheck.check` also takes a text).

    ``rules`` restricts the run to some check ids (default: all of :data:`CHECKS`).
    """
    selected = select_checks(rules)
    doc = _Doc(extraction.text, grounded_claims(extraction))
    findings: list[Finding] = []
    for rule_id in selected:
        chk = CHECKS[rule_id]
        hits = sorted(chk.func(doc), key=lambda h: (h.claim is None, h.start, -h.end))
        for h in _dedupe(hits) if chk.dedupe else hits:
            line, col = doc.model.line_col(h.start)
            findings.append(
                Finding(
                    rule=rule_id,
                    severity=h.severity,
                    message=h.message,
                    fix=h.fix,
                    doc_id=extraction.id,
                    line=line,
                    column=col,
                    start=h.start,
                    end=h.end,
                    claim=h.claim,
                )
            )
    return sorted(findings, key=lambda f: (f.start, f.rule, f.end, f.message))


# The checks from newsroom stylebooks live in their own module and add themselves to CHECKS; importing it
# here, last, keeps one registry whichever module is imported first.
import claimcheck.checks.standards  # noqa: E402, F401
