"""Assemble the claims of one parsed document: attributed, carried-over and unattributed.

Order of work: find each sentence's attribution relations; widen a content
that sits in a quote begun or ended in another sentence to the whole quote;
give quoted sentences with no frame of their own to the previous speaker
(carry-over quotes); then every remaining assertive stretch of body text is
one unattributed claim, unless it is the writer's opinion rather than a fact
(an imperative, a "should"/"must" prescription, the writer's own "I …") or an
author bio. Sources are resolved in text order at the end.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypedDict

from claimcheck.backends.rules.arrays import has_subject, run_roots
from claimcheck.backends.rules.attribution import (
    Relation,
    bare_frame,
    colon_frame,
    find_relations,
    has_clause,
    markup_trim,
    quote_frame,
    token_chunks,
    trim_tokens,
    word_count,
)
from claimcheck.backends.rules.hedges import find_hedges
from claimcheck.backends.rules.lexicon import (
    ADVERBIAL_MARKS,
    AUTHOR_ROLES,
    FINITE_TAGS,
    PRESCRIPTIVE_MODALS,
    QUESTION_VERBS,
    QUESTION_WORDS,
    SUBJECT_DEPS,
)
from claimcheck.backends.rules.sources import SourceResolver
from claimcheck.grounding import quote_type, trim_span
from claimcheck.schema import Claim, SourceType
from claimcheck.text import TextModel
from claimcheck.text.boilerplate import dateline_end, is_boilerplate, is_question
from claimcheck.text.model import Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["extract_claims"]

#: What may come before the verb of an imperative: "Just consider …", "Don't sell …", "Please, …".
_IMPERATIVE_LEAD = frozenset({"advmod", "intj", "neg", "aux", "punct", "cc"})
#: Shortest unattributed stretch (in words) that can assert something on its own.
MIN_UNATTRIBUTED_WORDS = 4


@dataclass
class _Draft:
    start: int
    end: int
    relation: Relation | None = None
    source_of: _Draft | None = None  # carry-over: the claim whose speaker continues
    frame: set[int] = field(default_factory=set)


class _Attribution(TypedDict, total=False):
    """The fields of a :class:`Claim` its relation gives it: the resolved source, and the cue of a framed claim."""

    source: str
    source_name: str
    source_type: SourceType
    source_start: int
    source_end: int
    confidence: float
    cue: str
    cue_start: int
    cue_end: int


def _last_alnum(text: str, s: int, e: int) -> int | None:
    return next((i for i in range(e - 1, s - 1, -1) if text[i].isalnum()), None)


class _Document:
    """A parse beside the text model of its text: the token index the rules share.

    Everything about the text (paragraphs, quotes, skipped lines) is the
    :class:`~claimcheck.text.TextModel`'s; claims are cut from the original
    text, which the parse copy matches character for character.
    """

    def __init__(self, doc: Doc, model: TextModel) -> None:
        self.doc = doc
        self.model = model
        self.text = model.text
        self.mask = model.mask
        # A span's text is this slice of the doc's, the parse copy (``Span.text`` joins its tokens at every read).
        self.doc_text = model.parse_text
        self.sents: list[Span] = [s for s in doc.sents if self.doc_text[s.start_char : s.end_char].strip()]
        self.token_starts: list[int] = doc.to_array("IDX").tolist()

    def tokens_in(self, start: int, end: int) -> range:
        """Indices of the tokens that begin in the character range ``[start, end)``."""
        return range(bisect_left(self.token_starts, start), bisect_left(self.token_starts, end))

    def paragraph(self, pos: int) -> int:
        return self.model.paragraph_of(pos)

    def chars(self, s: int, e: int) -> tuple[int, int]:
        """Token range → character range, trimmed of quotes and trailing punctuation."""
        start = self.doc[s].idx
        last = self.doc[e - 1]
        return trim_span(self.text, start, last.idx + len(last.text))

    def in_quote(self, tok: Token) -> bool:
        return bool(self.mask[tok.idx])

    def author_bio(self, sent: Span) -> bool:
        """ "Rosalind Teague is a former chair of …" about the writer a byline names, or "X is a columnist"."""
        root = sent.root
        if root.lemma_ != "be":  # read first: it rules out most sentences before their children are read
            return False
        attr = next((c for c in root.children if c.dep_ == "attr"), None)
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if attr is None or subj is None or subj.pos_ != "PROPN" or self.in_quote(subj):
            return False
        return any(t.lower_ in self.model.authors for t in subj.subtree) or attr.lower_ in AUTHOR_ROLES

    def skipped(self) -> set[int]:
        """Indices of sentences that make no claim: in a skipped line, or boilerplate, a question, an author bio.

        Each test looks at the sentence or its own line only, never at the paragraph around it.
        """
        texts = (self.doc_text[s.start_char : s.end_char] for s in self.sents)
        return {
            k
            for k, (sent, text) in enumerate(zip(self.sents, texts, strict=True))
            if self.model.is_skipped(sent.start_char)
            or is_boilerplate(text)
            or is_question(text)
            or self.author_bio(sent)
        }


def extract_claims(doc: Doc, model: TextModel) -> list[Claim]:
    """Every claim of a parsed document, in text order (see module docstring).

    ``doc`` is the parse of ``model.parse_text``; claims quote ``model.text``.
    """
    d = _Document(doc, model)
    skipped = d.skipped()
    drafts: list[_Draft] = []
    per_sent: dict[int, list[Relation]] = {}
    opened: Relation | None = None  # a frame ending in a colon, waiting for the sentence it introduces
    bare: int | None = None  # the sentence of an opened frame that is a sentence of its own ("Ruiz agreed. “…”")
    for k, sent in enumerate(d.sents):
        if k in skipped:
            opened = None
            continue
        if opened is not None and not word_count(doc, sent.start, sent.end):
            continue  # a lone opening quote the parser split off: the colon's content is still to come
        rels = find_relations(doc, sent, d.mask)
        per_sent[k] = rels
        turn = d.model.speaker_at(sent.start_char)
        said = _turn_relation(d, sent, turn) if turn is not None and not rels else None
        if said is not None:
            assert said.content is not None
            start, end = d.chars(*said.content)
            if end > start:
                drafts.append(_Draft(start, end, said, frame=set(said.frame)))
                per_sent[k] = [said]
            opened = None
            continue
        if opened is not None and not rels and d.paragraph(sent.start_char) - d.paragraph(doc[opened.anchor].idx) <= 1:
            start, end = d.chars(sent.start, sent.end)
            if end > start and (bare is None or _quoted_for(d, k, start, end)):
                drafts.append(_Draft(start, end, opened, frame=set(opened.frame)))
                per_sent[k] = [opened]
                if bare is not None:
                    per_sent[bare] = [opened]
        opened = colon_frame(doc, sent, d.mask) if not rels else None
        if opened is not None:
            per_sent[k] = [opened]
        back = _frame_after_quote(d, k, skipped, per_sent) if not rels and opened is None else None
        if back is not None:
            rel, start, end = back
            drafts.append(_Draft(start, end, rel, frame=set(rel.frame)))
            per_sent[k - 1] = per_sent[k] = [rel]
        bare = None
        if not rels and opened is None and back is None:
            opened = bare_frame(doc, sent, d.mask)
            bare = k if opened is not None else None
        for rel in rels:
            assert rel.content is not None
            for content in (rel.content, rel.second):
                start, end = d.chars(*content) if content is not None else (0, 0)
                if end > start:
                    drafts.append(_Draft(start, end, rel, frame=set(rel.frame)))
    drafts.sort(key=lambda x: x.start)
    drafts = _carry_over(d, drafts, skipped, per_sent)
    drafts += _unattributed(d, drafts, skipped, per_sent)
    drafts.sort(key=lambda x: x.start)
    return _finish(d, drafts)


def _quoted_for(d: _Document, k: int, start: int, end: int) -> bool:
    """Sentence ``k`` (``[start, end)``) is a quotation a frame sentence before it opens, not one a frame after
    it closes ("Ruiz agreed. “…” Lee said.": Lee's)."""
    if quote_type(d.text, start, end, d.mask) != "direct":
        return False
    return k + 1 >= len(d.sents) or quote_frame(d.doc, d.sents[k + 1], d.mask) is None


def _frame_after_quote(
    d: _Document, k: int, skipped: set[int], per_sent: dict[int, list[Relation]]
) -> tuple[Relation, int, int] | None:
    """ "“We will rebuild it!” Park said.": a sentence that is only a frame takes the quoted sentence before it.

    That sentence must be all quotation, in the same paragraph, with no frame of its own; its
    character range is returned with the relation.
    """
    if k == 0 or k - 1 in skipped or per_sent.get(k - 1):
        return None
    sent, prev = d.sents[k], d.sents[k - 1]
    if d.paragraph(prev.start_char) != d.paragraph(sent.start_char):
        return None
    rel = quote_frame(d.doc, sent, d.mask)
    if rel is None:
        return None
    start, end = d.chars(prev.start, prev.end)
    if end <= start or quote_type(d.text, start, end, d.mask) != "direct":
        return None
    return rel, start, end


def _turn_relation(d: _Document, sent: Span, turn: Speaker) -> Relation | None:
    """A transcript turn's sentence with no frame of its own is said by the turn's label ("MS. PARK: …").

    The label is the source; the colon is the frame (no cue word). None when
    the sentence holds nothing past the label, or no clause (a finite verb and
    a subject): a tally, a list or a motto under a heading ("Smith: 1,769.",
    "Iowa: Ann Lee, Bo Park.", "Lee: Win in a walk.") states nothing.
    """
    label = d.tokens_in(*turn.label)
    colon = d.tokens_in(turn.label[1], turn.label[1] + 1)
    body = d.tokens_in(max(turn.start, sent.start_char), sent.end_char)
    if not label or not colon or not body or not has_clause(d.doc[body.start : body.stop]):
        return None
    return Relation(
        anchor=colon.start,
        cue=(colon.start, colon.start),
        source=(label.start, label.stop),
        frame=frozenset([*label, *colon]),
        region=(sent.start, sent.end),
        kind="transcript",
        cue_lemma="",
        content=(body.start, body.stop),
    )


def _carry_over(
    d: _Document, drafts: list[_Draft], skipped: set[int], per_sent: dict[int, list[Relation]]
) -> list[_Draft]:
    """Quoted sentences with no frame belong to the speaker of the quote they are part of (spec section 2).

    A sentence inside a quote that a later sentence attributes ("“A. B,” she
    said") takes that speaker; otherwise one that continues the previous
    attributed claim's quote (the next sentence or paragraph) takes the
    previous speaker. One claim per sentence, cue ``null``.
    """
    out = list(drafts)
    attributed = [x for x in drafts if x.relation is not None]
    starts = [x.start for x in attributed]
    # The draft ending last before each sentence (the first of equal ends), found in one sweep.
    ending = [(x.end, n) for n, x in enumerate(out)]
    heapq.heapify(ending)
    prev: tuple[int, int] | None = None  # (end, index in out)
    for k, sent in enumerate(d.sents):
        if k in skipped or per_sent.get(k):
            continue
        s, e = d.chars(sent.start, sent.end)
        if e <= s or quote_type(d.text, s, e, d.mask) != "direct":
            continue
        if _command(d.doc, sent):
            continue  # "“Don't train your girls to be feminists.”": a command carried over states nothing
        while ending and ending[0][0] <= s:
            item = heapq.heappop(ending)
            if prev is None or item[0] > prev[0]:
                prev = item
        owner = _quote_owner(d, s, e, attributed, starts)
        if owner is None:
            last = out[prev[1]] if prev is not None else None
            if last is None or (last.relation is None and last.source_of is None):
                continue
            if d.paragraph(s) - d.paragraph(last.end) > 1:
                continue
            owner = last.source_of or _quoted_beside(d, last, out) or last
        out.append(_Draft(s, e, source_of=owner))
        heapq.heappush(ending, (e, len(out) - 1))
    out.sort(key=lambda x: x.start)
    return out


def _quoted_beside(d: _Document, last: _Draft, drafts: list[_Draft]) -> _Draft | None:
    """A quotation whose speaker a quoted sentence after ``last`` continues, when ``last`` itself quotes nothing
    and speaks through a relative pronoun.

    "“Both pumps failed,” Okafor said, in a tone which implied that nobody had listened. “We asked in April.”":
    the report ending last before the quote is the tone's, a relative clause of the quotation's sentence; the
    quote goes on with Okafor's quotation (spec section 2, carry-over quotes continue a quote). "Okafor, who said
    B" is Okafor again, named. A second person's report ("…,” the engineer said, but the mayor said it should
    close. “C.”") is the later speaker's, whom the quote goes on with.
    """
    rel = last.relation
    if rel is None or quote_type(d.text, last.start, last.end, d.mask) != "indirect":
        return None
    if rel.said_by is None and not (rel.source[1] - rel.source[0] == 1 and d.doc[rel.source[0]].tag_ in ("WDT", "WP")):
        return None
    sent = d.doc[bisect_right(d.token_starts, last.start) - 1].sent  # the sentence holding the report
    quoted = [
        x
        for x in drafts
        if x.relation is not None
        and x is not last
        and sent.start_char <= x.start
        and x.end <= last.end
        and quote_type(d.text, x.start, x.end, d.mask) == "direct"
    ]
    return max(quoted, key=lambda x: x.end) if quoted else None


def _command(doc: Doc, sent: Span) -> bool:
    """A quoted sentence that only commands: not "Add A to it and you get B", whose second clause asserts."""
    cs, ce = trim_tokens(doc, sent.start, sent.end)
    if ce <= cs:
        return False
    root = _chunk_root(doc, cs, ce)
    asserts = any(c.dep_ == "conj" and has_subject(c) for c in root.children)
    return not asserts and _imperative(doc, cs, root)


def _quote_owner(d: _Document, s: int, e: int, attributed: list[_Draft], starts: list[int]) -> _Draft | None:
    """The attributed claim later in the same quote as ``[s, e)``, if the quote runs on to one.

    ``attributed`` is in text order and ``starts`` holds its starts.
    """
    last = _last_alnum(d.text, s, e)
    run = d.model.run_at(last) if last is not None else None
    if run is None or run[1] <= e:
        return None
    k = bisect_left(starts, max(run[0], e))
    return attributed[k] if k < len(attributed) and starts[k] < run[1] else None


def _unattributed(
    d: _Document, drafts: list[_Draft], skipped: set[int], per_sent: dict[int, list[Relation]]
) -> list[_Draft]:
    """Each stretch of body text outside every claim and frame that asserts something on its own."""
    doc = d.doc
    out: list[_Draft] = []
    ordered = sorted(drafts, key=lambda x: x.start)
    active: list[_Draft] = []  # drafts begun before the sentence ends and not yet ended (one sweep)
    j = 0
    for k, sent in enumerate(d.sents):
        while j < len(ordered) and ordered[j].start < sent.end_char:
            active.append(ordered[j])
            j += 1
        active = [x for x in active if x.end > sent.start_char]
        if k in skipped:
            continue
        taken: set[int] = set()
        for x in active:
            taken.update(d.tokens_in(max(x.start, sent.start_char), min(x.end, sent.end_char)))
            taken.update(x.frame)
        for rel in per_sent.get(k, []):
            taken.update(rel.frame)
        for cs, ce in token_chunks(doc, sent.start, sent.end, taken):
            if word_count(doc, cs, ce) < MIN_UNATTRIBUTED_WORDS or not _asserts(doc[cs:ce]):
                continue
            root = _chunk_root(doc, cs, ce)
            if root.pos_ == "ADP" or _opinion(d, cs, root) or _reported_question(root, cs, ce):
                continue  # an ADP root: only a phrase set before the claim ("Among the parents surveyed, …")
            if _dependent_clause(doc, cs, ce, root) or _asks(doc, ce, sent.end):
                continue
            start, end = d.chars(cs, ce)
            if cs == sent.start:
                start += dateline_end(d.text[start:end])
            if end > start:
                out.append(_Draft(start, end))
    return out


def _dependent_clause(doc: Doc, cs: int, ce: int, root: Token) -> bool:
    """The stretch ``[cs, ce)`` left beside a frame is only a clause of time or reason that hangs outside it
    ("“The vote was fair,” Ortiz said before she left the hall"): it asserts nothing on its own."""
    first = next((t for t in doc[cs:ce] if not (t.is_punct or t.is_space)), None)
    return (
        first is not None
        and first.dep_ == "mark"
        and first.head.i == root.i
        and first.lower_ in ADVERBIAL_MARKS
        and root.dep_ == "advcl"
        and not cs <= root.head.i < ce
    )


def _asks(doc: Doc, ce: int, end: int) -> bool:
    """The stretch ending at token ``ce`` ends on a question mark, inside quotation marks or not ("…, adding: “Who
    else would?”"; ``end``: the sentence's end): a question puts nothing forward, whoever asks it (spec section 1)."""
    return any(t.text == "?" for t in doc[ce : min(ce + 2, end)])


def _chunk_root(doc: Doc, cs: int, ce: int) -> Token:
    """The token of ``[cs, ce)`` whose head lies outside it, preferring a verb."""
    roots = run_roots(doc, cs, ce)
    return next((t for t in roots if t.pos_ in ("VERB", "AUX")), roots[0])


def _opinion(d: _Document, cs: int, root: Token) -> bool:
    """A writer's sentence that prescribes or opines rather than asserts (spec: opinion pieces).

    An imperative ("Consider what the site does"), a prescriptive modal on the
    main verb ("They should listen to it") or the writer's own "I" as subject
    ("I do not doubt that …") makes a stretch of body text no checkable claim. ``root`` is the root of
    the stretch that opens at ``cs``.
    """
    kids = list(root.children)
    if any(c.dep_ == "aux" and c.lower_ in PRESCRIPTIVE_MODALS for c in kids):
        return True
    subj = next((c for c in kids if c.dep_ in SUBJECT_DEPS), None)
    if subj is not None:
        return subj.lower_ == "i" and not d.in_quote(subj)
    return _imperative(d.doc, cs, root)


def _imperative(doc: Doc, cs: int, root: Token) -> bool:
    """The stretch opening at ``cs`` is a command ("Consider what the site does", "Don't sell"): a bare verb at
    the root with no subject, only adverbs, "do" or punctuation before it."""
    if has_subject(root):
        return False
    lead = [t for t in doc[cs : root.i] if not t.is_space]
    return (
        root.tag_ == "VB"
        and root.dep_ == "ROOT"
        and all(t.head.i == root.i and t.dep_ in _IMPERATIVE_LEAD for t in lead)
        and all(c.lemma_ == "do" for c in root.children if c.dep_ == "aux")
    )


def _reported_question(root: Token, cs: int, ce: int) -> bool:
    """A writer's report of a question ("Paul also asked how it is conservative to …", "She was asked whether
    …"), ``root`` the chunk ``[cs, ce)``'s root: like a question itself, it puts forward nothing to check
    (spec section 1)."""
    if root.lemma_.lower() not in QUESTION_VERBS:
        return False
    for child in root.children:
        if child.dep_ in ("ccomp", "advcl", "dobj", "xcomp") and cs <= child.i < ce:
            first = child.left_edge
            if first.lower_ in QUESTION_WORDS and first.i > root.i:
                return True
    return False


def _asserts(tokens: Span) -> bool:
    """Has a finite verb, or a past participle straight after a noun with no auxiliary.

    The second case is the small tagger's usual VBD/VBN confusion ("the fund lost value").
    """
    for t in tokens:
        if t.tag_ in FINITE_TAGS:
            return True
        if (
            t.tag_ == "VBN"
            and t.i > 0
            and t.doc[t.i - 1].pos_ in ("NOUN", "PROPN")  # the word before is read for a participle only
            and not any(c.dep_ in ("aux", "auxpass") for c in t.children)
        ):
            return True
    return False


def _resolve_sources(d: _Document, drafts: list[_Draft]) -> dict[int, _Attribution]:
    """Each relation's source fields by ``id(relation)``, resolved once and in text order (a carried-over quote
    shares its owner's). No resolver is built for a document with no source: its indexes are the work."""
    doc = d.doc
    sources: dict[int, _Attribution] = {}
    relations = sorted({id(x.relation): x.relation for x in drafts if x.relation}.values(), key=lambda r: r.source[0])
    if not relations:
        return sources
    resolver = SourceResolver(doc)
    for relation in relations:
        src = doc[slice(*relation.source)]
        res = resolver.resolve(src, cue_lemma=relation.cue_lemma)
        if relation.said_by is not None:  # "officials, who said …": the mention is "who", its antecedent the name
            src = doc[slice(*relation.said_by)]
        # Spaces and list markers are spaces in the parse copy: trim them there, cut the original.
        seen = d.model.parse_text[src.start_char : src.end_char]
        first = src.start_char + len(seen) - len(seen.lstrip())
        text = d.text[first : src.start_char + len(seen.rstrip())]
        lo, hi = markup_trim(text)
        sources[id(relation)] = {
            "source": text[lo:hi],
            "source_name": res.name[slice(*markup_trim(res.name))],
            "source_type": res.type,
            "source_start": first + lo,
            "source_end": first + hi,
            "confidence": res.confidence,
        }
    return sources


def _finish(d: _Document, drafts: list[_Draft]) -> list[Claim]:
    """The drafts as claims, each with its relation's source (a carried-over quote takes its owner's); a framed
    claim also gets its cue, and its hedges are read in its frame as well as in the claim."""
    doc = d.doc
    sources = _resolve_sources(d, drafts)
    claims: list[Claim] = []
    for x in drafts:
        rel = x.relation or (x.source_of.relation if x.source_of else None)
        scope = set(d.tokens_in(x.start, x.end))
        fields: _Attribution = {}
        if rel is not None:
            fields = sources[id(rel)]
            if x.relation is not None and rel.cue[1] > rel.cue[0]:
                cue = doc[slice(*rel.cue)]
                if len(cue):  # a speaker label ("MS. PARK: …") has no cue
                    fields = fields | {
                        "cue": d.text[cue.start_char : cue.end_char],
                        "cue_start": cue.start_char,
                        "cue_end": cue.end_char,
                    }
                scope |= rel.frame
        claims.append(
            Claim(
                claim=d.text[x.start : x.end],
                start=x.start,
                end=x.end,
                quote=quote_type(d.text, x.start, x.end, d.mask),
                hedges=find_hedges(doc, scope),
                **fields,
            )
        )
    return claims
