"""Where a content ends when the parse runs it on past its own clause, and where it spans a frame set into it.

The content of a relation is the run of tokens its frame leaves; the small
parser often hangs the next clause of the sentence inside that run. Each
rule of :func:`cut_content` names a construction whose content stops earlier
than the run; :func:`interposed_span` joins the two sides of a frame set into
its content ("The closures, he said, were needed"), which :func:`frame_sides`
reads for the split quotation too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.backends.rules.arrays import has_subject, run_roots, string_ids, token_arrays
from claimcheck.backends.rules.lexicon import (
    CITING_VERBS,
    CLAUSE_MARKERS,
    FINITE_TAGS,
    LEADING_SUBORDINATORS,
    SPEECH_ACTS,
    SUBJECT_DEPS,
    WRITERS_LINKS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["cut_content", "frame_sides", "interposed_span", "shares_frame"]

#: How many tokens after a comma a new clause's subject may sit ("…, then he …", "…, in fact, she …").
_SUBJECT_REACH = 4


def _subordinator(tok: Token) -> bool:
    """ "if", "while", … opening the clause; "when" is often parsed as an adverb of it."""
    if tok.dep_ == "mark":
        return tok.lower_ in LEADING_SUBORDINATORS
    return tok.dep_ == "advmod" and tok.lower_ in ("when", "whenever")


def _finite(verb: Token) -> bool:
    return verb.tag_ in FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in verb.children
    )


def _opens_clause(doc: Doc, comma: int, end: int) -> bool:
    """A main clause begins after the comma: a subject soon after it, of a finite verb after it."""
    for k in range(comma + 1, min(end, comma + 1 + _SUBJECT_REACH)):
        tok = doc[k]
        if tok.dep_ in ("nsubj", "nsubjpass", "expl") and tok.tag_ not in ("WDT", "WP"):
            verb = tok.head
            return verb.i > k and verb.dep_ != "relcl" and _finite(verb)
        if tok.dep_ in ("cc", "mark") or tok.tag_ in ("WDT", "WP", "WRB"):
            return False
    return False


_TENSE = {"VBD": "past", "VBZ": "present", "VBP": "present", "MD": "modal"}


def _tense(verb: Token) -> str | None:
    """Past, present or modal, read off the verb or its first finite auxiliary; None for a non-finite verb."""
    if verb.tag_ in _TENSE:
        return _TENSE[verb.tag_]
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i and c.tag_ in _TENSE]
    return _TENSE[aux[0].tag_] if aux else None


def shares_frame(conj: Token, cue: Token) -> bool:
    """A coordinated verb in the cue's tense with no subject of its own: the speaker's second act.

    Not a past perfect ("said the trust accepts none of it and had opened beds"), nor "be" ("said it
    was working on a plan and was confident …"): those are the tense and the verb reported speech
    shifts into.
    """
    return (
        conj.pos_ in ("VERB", "AUX")
        and conj.lemma_ != "be"
        and not any(c.dep_ == "aux" and c.lower_ == "had" for c in conj.children)
        and _tense(conj) == _tense(cue)
        and not has_subject(conj)
    )


def _writers_clause(doc: Doc, conj: Token, cue: Token) -> bool:
    """A clause with its own subject set off by a comma or dash, coordinated with the frame's verb, not with
    what was said, and in the frame's tense: "She said the pier was safe, and the council closed it" goes on
    in the writer's voice; in "He concluded that it is safe, but the risks remain" the present is the
    speaker's."""
    if _tense(conj) != _tense(cue):
        return False
    edge = conj.left_edge.i
    if edge > 0 and doc[edge - 1].dep_ == "cc":
        edge -= 1
    return (
        edge > 0
        and doc[edge].dep_ == "cc"
        and doc[edge - 1].text in (",", "—", "–", "-", "--")
        and has_subject(conj)
        and not any(t.is_quote for t in conj.subtree)  # "…, but “the offers were …”": still the speaker's words
    )


def _speakers_own_verb(doc: Doc, cue: Token, s: int, e: int) -> int | None:
    """Where a verb of the speaker's own, coordinated into the content by the parse, begins.

    "He said he would offer a prayer but did not endorse anyone": "did not
    endorse" has no subject and the tense of "said", not of "would offer", so
    it goes with the frame, not with what was said.
    """
    cue_tense = _tense(cue)
    if cue_tense is None or cue_tense == "modal":
        return None
    heads = run_roots(doc, s, e)
    head = next((t for t in heads if t.pos_ in ("VERB", "AUX")), None)
    if head is None or _tense(head) in (None, cue_tense):
        return None
    for conj in head.children:
        if conj.dep_ != "conj" or not s < conj.i < e:
            continue
        if shares_frame(conj, cue):
            return conj.left_edge.i
    return None


def _participle_series(doc: Doc, cue: Token, s: int, e: int) -> int | None:
    """Where the speaker's next participle, which the parse coordinated into the content, begins.

    "…, telling reporters the road would reopen and questioning whether …": like the frame's own
    participle, "questioning" (an act of speech) has no subject and goes with the speaker, not with what
    was said ("saying the crews were tired and needing rest" is all what was said).
    """
    if cue.tag_ != "VBG":
        return None
    for head in run_roots(doc, s, e):
        for conj in head.children:
            if (
                conj.dep_ == "conj"
                and conj.tag_ == "VBG"
                and conj.lemma_.lower() in SPEECH_ACTS
                and head.tag_ != "VBG"
                and s < conj.left_edge.i < e
                and not has_subject(conj)
            ):
                return conj.left_edge.i
    return None


def _quote_then_writer(doc: Doc, s: int, e: int) -> int | None:
    """Where a quotation that opens the content closes, when the writer's own clause follows it.

    "Okafor said: “I admitted leaving early was wrong,” but in fact he had stayed": after the comma and closing mark a
    conjunction opens a clause with its own subject outside the quotation.
    """
    if s == 0 or doc[s - 1].tag_ != "``":
        return None
    close = next((k for k in range(s, e) if doc[k].tag_ == "''"), None)
    if close is None or close + 2 >= e or "," not in (doc[close - 1].text, doc[close + 1].text):
        return None
    k = close + 1
    while k < e and doc[k].is_punct:
        k += 1
    if k >= e or doc[k].dep_ != "cc":
        return None
    later = doc[k + 1 : e]
    return close if any(t.dep_ in SUBJECT_DEPS and not s <= t.head.i < close for t in later) else None


_ADVCL = frozenset({"advcl"})


def _speakers_aside(doc: Doc, cue: Token, s: int, e: int) -> int | None:
    """Where a clause set off by a comma after the content, and no part of it, begins.

    "The mayor said the road would reopen, citing a report": the participle is what the mayor did, not
    what she said; "…, while the council said it would stay shut" (its own subject, in the frame's tense)
    sets the writer's contrast beside it. The small parser hangs both on the content's verb.
    """
    dep, advcl = token_arrays(doc).dep, string_ids(doc, _ADVCL)
    for t in (doc[i] for i in range(s + 1, e) if dep[i] in advcl):  # a token is built for an adverbial clause only
        if not s <= t.head.i < e:
            continue
        edge = t.left_edge.i
        # The comma may sit inside the quotation the content closes with ("…,” citing a report").
        quote_closes = edge > s + 1 and doc[edge - 1].tag_ == "''" and doc[edge - 2].text == ","
        if edge <= s or (doc[edge - 1].text != "," and not quote_closes):
            continue
        if (
            t.tag_ == "VBG"
            and t.lemma_.lower() in (SPEECH_ACTS if quote_closes else CITING_VERBS)
            and not has_subject(t)
        ):
            return edge - 1 if quote_closes else edge
        contrast = any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in t.children)
        if contrast and _tense(t) == _tense(cue) and has_subject(t):
            return edge
    return None


_ASIDE_DEPS = frozenset({"appos", "npadvmod", "dep"})


def _continues(tok: Token, b0: int, b1: int) -> bool:
    """``tok``, after an interposed frame, goes on with the clause ``[b0, b1)`` before it.

    A clause may hang anywhere in it ("…, because …"); a noun phrase only on the word the first side stops
    at ("It was, he said, a failure"), not as a phrase the writer sets beside it ("X oppose the cuts, a poll
    finds, a debate due this week"), which a small parse may hang on the verb as its object.
    """
    if not b0 <= tok.head.i < b1 or tok.dep_ in _ASIDE_DEPS:
        return False
    return tok.pos_ in ("VERB", "AUX") or tok.head.i == b1 - 1


def _subject_and_predicate(doc: Doc, frame: frozenset[int], before: tuple[int, int], after: tuple[int, int]) -> bool:
    """A noun phrase with no verb before the frame and a predicate with no subject but the speaker after it
    ("The plant, said Ruiz, will close"): the parser gave the frame the clause's subject."""
    if any(t.pos_ in ("VERB", "AUX") for t in doc[slice(*before)]):
        return False
    roots = [t for t in doc[slice(*after)] if not after[0] <= t.head.i < after[1]]
    return bool(roots) and all(
        t.pos_ in ("VERB", "AUX")
        and _finite(t)
        and not any(c.dep_ in SUBJECT_DEPS and c.i not in frame for c in t.children)
        for t in roots
    )


def frame_sides(
    doc: Doc, frame: frozenset[int], chunks: list[tuple[int, int]]
) -> tuple[tuple[int, int], tuple[int, int], Span, Span] | None:
    """The chunks on either side of a frame set into a sentence ("A, she said, B"; "“A,” she said, “B”"), and the
    punctuation between each and the frame: only punctuation before it, a comma right after it. ``None`` when a
    side is missing or a word of no part of the frame lies among its words. Both an interposed frame
    (:func:`interposed_span`) and a quotation split by its frame read the sides so."""
    words = [i for i in frame if not doc[i].is_punct]
    if not words:
        return None
    fs, fe = min(words), max(words) + 1
    before = next((c for c in reversed(chunks) if c[1] <= fs), None)
    after = next((c for c in chunks if c[0] >= fe), None)
    if before is None or after is None or any(i not in frame and not doc[i].is_punct for i in range(fs, fe)):
        return None
    lead, rest = doc[before[1] : fs], doc[fe : after[0]]
    if not all(t.is_punct or t.is_space for t in lead) or not len(rest) or rest[0].text != ",":
        return None
    return before, after, lead, rest


def interposed_span(
    doc: Doc, anchor: int, frame: frozenset[int], chunks: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """Both sides of a frame set off by commas inside its content, as one span ("The closures, he said, were
    needed"; "If it rains, they say, the road floods"; "It is an investment, they say, that pays").

    Only where the parse hangs one side on the other (a subject on its verb, a leading clause on the main
    one): in "The road is shut, she said, and crews are at work" the writer goes on. The span keeps the
    frame inside it, as a claim is one verbatim stretch of text and neither side alone says it.
    """
    sides = frame_sides(doc, frame, chunks)
    if sides is None:
        return None
    before, after, lead, rest = sides
    if not any(t.text == "," for t in lead):
        return None
    for t in rest[1:]:
        if t.lower_ in WRITERS_LINKS or not (t.is_punct or t.is_space or t.lower_ in CLAUSE_MARKERS):
            return None
    (b0, b1), (a0, a1) = before, after
    while b0 > 0 and doc[b0 - 1].dep_ == "mark" and b0 <= doc[b0 - 1].head.i < b1:
        b0 -= 1  # the leading clause's subordinator, which a chunk's trim drops ("While sales rose, …")
    if any(a0 <= t.head.i < a1 for t in doc[b0:b1]) or any(_continues(t, b0, b1) for t in doc[a0:a1]):
        return b0, a1
    if _subject_and_predicate(doc, frame, before, after):
        return b0, a1
    # "If she wins, Lee said, taxes will fall": the leading clause hangs on the frame, the frame on the main one.
    verb = doc[anchor]
    if verb.head.i == verb.i:
        return None
    if b0 <= verb.head.i < b1:
        other = doc[a0:a1]
    elif a0 <= verb.head.i < a1:
        other = doc[b0:b1]
    else:
        return None
    return (b0, a1) if any(t.head.i == anchor for t in other) else None


def cut_content(doc: Doc, anchor: int, s: int, e: int) -> tuple[int, int]:
    """``[s, e)`` cut where the construction of the frame at ``anchor`` ends its content.

    A frame in a leading subordinate clause ("If Cole said the road was safe,
    she did not repeat it") reports up to that clause's end: the main clause
    after its comma is the writer's. A verb coordinated with the frame's own
    ("… but did not endorse anyone") is no part of what was said.
    """
    verb = doc[anchor]
    if s <= anchor:
        return s, e
    own = _speakers_own_verb(doc, verb, s, e) if verb.pos_ in ("VERB", "AUX") else None
    # "Ryan insists the party must change, and has championed cuts": a verb coordinated with the frame's own,
    # in its tense and with no subject of its own (a clause with one may be what was said, misparsed).
    coordinated = [
        c.left_edge.i
        for c in verb.children
        if c.dep_ == "conj" and s < c.left_edge.i < e and (shares_frame(c, verb) or _writers_clause(doc, c, verb))
    ]
    if coordinated:
        own = min([*coordinated, own or e])
    series = _participle_series(doc, verb, s, own or e)
    if series is not None:
        own = series
    closed = _quote_then_writer(doc, s, own or e)
    if closed is not None:
        own = closed
    aside = _speakers_aside(doc, verb, s, own or e)
    if aside is not None:
        own = aside
    if own is not None:
        e = own
        while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space or doc[e - 1].dep_ == "cc"):
            e -= 1
    # Only a clause that leads into its main clause: in "She had a line when she said, “…, I know …”" the
    # main clause came first and the rest of the sentence is the quote. (The verb's children are read before its
    # sentence's root, which walks the sentence.)
    if not any(_subordinator(c) and c.i < anchor for c in verb.children) or verb.sent.root.i < anchor:
        return s, e
    if verb.dep_ != "ROOT":  # the clause is parsed as subordinate: the content ends with its subtree
        e = min(e, verb.right_edge.i + 1)
    for i in range(s + 1, e):
        if doc[i].text == "," and _opens_clause(doc, i, e):
            return s, i
    return s, e
