"""The sources family: how a story names the people it quotes.

Unnamed sources ("officials said"), vague ones ("experts"), a name spelled two
ways, and what the stylebooks ask of an unnamed source. The Associated Press's
rules are quoted from its statement of news values; Reuters is paraphrased:

- AP, anonymous sources: material from anonymous sources may be used only if
  "the material is information and not opinion or speculation, and is vital
  to the report", and "we must explain in the story why the source requested
  anonymity" (anonymity-unexplained, anonymous-opinion).
- Reuters Handbook of Journalism (paraphrased): describe an unnamed source as
  fully as possible — how they know what they say — never as bare "sources"
  (unmodified-source).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from rapidfuzz import fuzz

from claimcheck.checks.document import Document, Hit, abridge, source_span
from claimcheck.checks.mentions import (
    ANON_EXPLAINED,
    ANON_MENTION,
    ANON_TEXT,
    VAGUE_TEXT,
    authors_of_named_work,
    is_anonymous,
    is_vague_mention,
)
from claimcheck.checks.registry import register
from claimcheck.schema import Claim
from claimcheck.text.lexicon import JUDGEMENT_WORDS, alternation
from claimcheck.text.names import OFFICE_WORDS

__all__ = [
    "anonymity_unexplained",
    "anonymous_opinion",
    "anonymous_source",
    "source_name_mismatch",
    "unmodified_source",
    "vague_source",
]


def _claimed_anonymous(doc: Document) -> Iterator[tuple[int, int, int]]:
    """The unnamed sources the claims name ("officials", "a person familiar with …"). Mentions typed
    anonymous that name no unnamed person ("22 percent", "the online retail giant") are left to the
    anonymous-source rule."""
    for i, c in doc.claims:
        span = source_span(c)
        if (
            span is not None
            and c.source
            and ANON_MENTION.search(c.source)
            and not is_vague_mention(c.source)
            and is_anonymous(c)
            and not authors_of_named_work(doc.text, span[0], c.source)
        ):
            yield span[0], span[1], i


def _anonymous_mentions(doc: Document) -> Iterator[tuple[int, int, int | None]]:
    """Every unnamed source: those the claims name, then the phrases the text scan finds."""
    yield from _claimed_anonymous(doc)
    for s, e in doc.spans_of(ANON_TEXT):
        yield s, e, None


def _source_hits(doc: Document, *, vague: bool) -> Iterator[Hit]:
    for i, c in doc.claims:
        span = source_span(c)
        if span is None or not c.source:
            continue
        is_vague = is_vague_mention(c.source)
        if vague and is_vague:
            yield _vague_hit(doc, *span, claim=i)
        elif not vague and not is_vague and is_anonymous(c) and not authors_of_named_work(doc.text, span[0], c.source):
            yield _anon_hit(doc, *span, claim=i)
    if not vague:
        for s, e in doc.spans_of(ANON_TEXT):
            yield _anon_hit(doc, s, e)
        return
    for m in VAGUE_TEXT.finditer(doc.text):
        # "Goldman Sachs economists said" names its group; "Residents said" at a sentence start does not
        prev = re.search(r"(\S+)\s+$", doc.text[max(0, m.start() - 40) : m.start()])
        if prev and prev.group(1)[:1].isupper() and not re.search(r"[.!?”\"]$", prev.group(1)):
            continue
        yield _vague_hit(doc, m.start(), m.end())


def _anon_hit(doc: Document, start: int, end: int, claim: int | None = None) -> Hit:
    s, e = doc.model.sentence_at(start)
    phrase = doc.text[start:end]
    if ANON_EXPLAINED.search(doc.text[s:e]):
        return Hit(
            start,
            end,
            "info",
            f"anonymous source “{abridge(phrase, 50)}” (anonymity explained)",
            "check the reason given for anonymity holds",
            claim,
        )
    return Hit(
        start,
        end,
        "warning",
        f"anonymous source “{abridge(phrase, 50)}”: readers cannot judge who is speaking",
        "name the source, or say why they are not named and how they know",
        claim,
    )


def _vague_hit(doc: Document, start: int, end: int, claim: int | None = None) -> Hit:
    phrase = doc.text[start:end]
    return Hit(
        start,
        end,
        "warning",
        f"vague source “{abridge(phrase, 50)}”: which ones?",
        "name at least one of them, or cut the attribution",
        claim,
    )


@register(
    "anonymous-source",
    "warning",
    summary="an unnamed source (“officials said”)",
    doc='"officials said", "a person familiar with the matter"',
    flagged="Senior officials said the talks had collapsed.",
    clean="Foreign Minister Ana Ortiz said the talks had collapsed.",
    dedupe=True,
)
def anonymous_source(doc: Document) -> Iterator[Hit]:
    """Readers cannot judge a source they cannot see; an unnamed one should be the exception, and explained."""
    return _source_hits(doc, vague=False)


@register(
    "vague-source",
    "warning",
    summary="a vague source (“experts”, “critics”)",
    doc='"experts", "critics": a group with no one in it named',
    flagged="Experts say the dam is unsafe.",
    clean="Lena Chen, a civil engineer at Ohio State University, says the dam is unsafe.",
    dedupe=True,
)
def vague_source(doc: Document) -> Iterator[Hit]:
    """ "Experts say" lends a claim authority without saying whose; name at least one of them."""
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


@register(
    "source-name-mismatch",
    "error",
    summary="a source's name spelled two ways",
    doc='a source spelled two ways ("Adrienne Watson" … "Ms Waton")',
    flagged="Council leader Maria Gonzalez said the budget was balanced. Ms Gonzales said cuts were not needed.",
    clean="Council leader Maria Gonzalez said the budget was balanced. Ms Gonzalez said cuts were not needed.",
)
def source_name_mismatch(doc: Document) -> Iterator[Hit]:
    """A name spelled two ways means one of them is wrong, and a misspelt name is a correction waiting to run."""
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
        span = source_span(c)
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
            yield Hit(
                start,
                end,
                "error",
                f"“{mention}” looks like a misspelling of the source “{' '.join(intended)}”",
                f"use “{fixed}”",
                claim,
            )


# --- anonymity-unexplained, anonymous-opinion ------------------------------------------------

#: A reason for anonymity, not just the fact of it: "because …", "as they were not authorised to …".
_REASON = re.compile(
    r"\bbecause\b|\bsince\b|\bas (?:he|she|they|it|the)\b|\bnot (?:authori[sz]ed|permitted|allowed|cleared) to\b|"
    r"\bto (?:discuss|speak about|talk about|describe)\b|\bfor fear\b|\bfearing\b|\bto protect\b|\bciting\b|"
    r"\bdue to\b|\bso as not to\b",
    re.IGNORECASE,
)


@register(
    "anonymity-unexplained",
    "warning",
    summary="an anonymous source with no reason given",
    doc='an anonymous source with no reason given ("…, who spoke on condition of anonymity because …")',
    flagged="Senior officials said the talks had collapsed.",
    clean="Senior officials, who spoke on condition of anonymity because they were not authorised to discuss "
    "the talks, said they had collapsed.",
    dedupe=True,
)
def anonymity_unexplained(doc: Document) -> Iterator[Hit]:
    """An anonymous source with no reason given for the anonymity (AP)."""
    for s, e, claim in _anonymous_mentions(doc):
        k = doc.model.paragraph_of(s)
        ps, pe = doc.model.paragraphs[k] if k >= 0 else (0, len(doc.text))
        para = doc.text[ps:pe]
        if _REASON.search(para):
            continue
        phrase = abridge(doc.text[s:e], 50)
        fix = (
            "say why they are not named: “…, who spoke on condition of anonymity because they were not "
            "authorised to discuss the talks”"
        )
        if ANON_EXPLAINED.search(para):
            yield Hit(s, e, "info", f"“{phrase}” was granted anonymity, but the story does not say why", fix, claim)
        else:
            yield Hit(s, e, "warning", f"anonymous source “{phrase}” with no reason given for anonymity", fix, claim)


_OPINION_CUES = re.compile(
    r"\b(?:think|thinks|thought|believe|believes|believed|feel|feels|felt|fear|fears|feared|hope|hopes|hoped|"
    r"predict(?:s|ed)?|expect(?:s|ed)?|argue[sd]?|suggest(?:s|ed)?|criticis(?:e|es|ed)|criticiz(?:e|es|ed)|"
    r"prais(?:e|es|ed)|call(?:s|ed)?|describ(?:e|es|ed)|accus(?:e|es|ed)|speculat(?:e|es|ed))\b",
    re.IGNORECASE,
)
_JUDGEMENT = re.compile(rf"\b(?:{alternation(JUDGEMENT_WORDS)})\b", re.IGNORECASE)
_SPECULATION = re.compile(r"\b(?:might|could|may|perhaps|possibly|probably|likely)\b")  # lower case: not "May"


def _opinion(c: Claim) -> str | None:
    """What makes a claim opinion or speculation rather than information, if anything."""
    if c.cue and (m := _OPINION_CUES.search(c.cue)):
        return f"an opinion (“{m.group(0)}”)"
    if m := _JUDGEMENT.search(c.claim):
        return f"a judgement (“{m.group(0)}”)"
    if m := _SPECULATION.search(c.claim):
        return f"speculation (“{m.group(0)}”)"
    return None


@register(
    "anonymous-opinion",
    "warning",
    summary="an anonymous source giving opinion, not information",
    doc="an anonymous source giving opinion, a judgement or speculation rather than information",
    flagged="A senior official said the minister's plan was a disaster.",
    clean="A senior official said the minister's plan had been sent back to the treasury.",
)
def anonymous_opinion(doc: Document) -> Iterator[Hit]:
    """An anonymous source used for opinion or speculation rather than information (AP)."""
    claims = dict(doc.claims)
    for s, e, claim in _claimed_anonymous(doc):
        c = claims[claim]
        what = _opinion(c)
        if what is None or c.start is None or c.end is None:
            continue
        yield Hit(
            c.start,
            c.end,
            "warning",
            f"anonymous source “{abridge(doc.text[s:e], 40)}” gives {what}, not information",
            "use anonymous sources for facts they are placed to know; give opinions only with a name",
            claim,
        )


# --- unmodified-source -----------------------------------------------------------------------

_SOURCE_WORD = re.compile(r"\bsources?\b", re.IGNORECASE)
#: Words before "sources" that the finding takes in ("Two sources", "the other source").
_COUNTING_WORDS = "a an one two three four several some the other many multiple"
_OPEN_BEFORE_WORDS = "to and but said told that"  # "according to sources", "and sources said"
_DETERMINERS = frozenset(f"{_COUNTING_WORDS} these those".split())
_COUNTING_BEFORE = re.compile(rf"\b(?:{alternation(_COUNTING_WORDS.split())})\s+$", re.IGNORECASE)
_OPEN_BEFORE = frozenset(_OPEN_BEFORE_WORDS.split())
_DESCRIBED_AFTER = re.compile(
    r"\s+(?:familiar|close|with|in|at|inside|within|briefed|from|on|for|of|near|involved|knowledgeable|"
    r"who\s+(?!spoke|asked|declined|requested|insisted|would)\w+)\b",
    re.IGNORECASE,
)
_SPEAKS_AFTER = re.compile(
    r"(?:\s*,[^,.]{0,60},)?\s+(?:(?:have|had|also|privately)\s+)?(?:said|say|says|told|tell|added|confirmed|"
    r"suggested|indicated|reported|claimed|insisted|revealed|believe[sd]?|warned|noted|described)\b",
    re.IGNORECASE,
)
_ACCORDING_BEFORE = re.compile(r"\baccording\s+to\s+(?:\w+\s+)?$", re.IGNORECASE)


@register(
    "unmodified-source",
    "warning",
    summary="“a source said”: nothing said of who they are",
    doc='a bare "a source said", "sources say": nothing said of who they are',
    flagged="Sources said the deal was close.",
    clean="Sources close to the negotiations said the deal was close.",
)
def unmodified_source(doc: Document) -> Iterator[Hit]:
    """ "A source said", "sources said": an unnamed source with nothing said of who they are (Reuters)."""
    text = doc.text
    for m in _SOURCE_WORD.finditer(text):
        if doc.model.mask[m.start()]:
            continue  # inside a quotation: the speaker's words
        before = text[max(0, m.start() - 60) : m.start()]
        words = re.findall(r"[\w’'-]+|[^\w\s]", before)
        while words and words[-1].lower() in _DETERMINERS:
            words.pop()
        prev = words[-1] if words else ""
        if prev and (prev[0].isalnum() and prev.lower() not in _OPEN_BEFORE):
            continue  # "Pentagon sources", "senior sources", "news sources": described, or not attribution
        after = text[m.end() : m.end() + 80]
        if _DESCRIBED_AFTER.match(after):
            continue
        if not (_SPEAKS_AFTER.match(after) or _ACCORDING_BEFORE.search(before)):
            continue
        start = m.start()
        det = _COUNTING_BEFORE.search(before)
        if det:
            start -= len(det.group(0))
        yield Hit(
            start,
            m.end(),
            "warning",
            f"“{text[start : m.end()]}” with nothing said of who they are",
            "describe the source as specifically as you can: their position and how they know "
            "(“a transport ministry official who attended the talks”)",
        )
