"""Where a content ends when the parse runs it on past its own clause.

The content of a relation is the run of tokens its frame leaves; the small
parser often hangs the next clause of the sentence inside that run. Each
rule here names a construction whose content stops earlier than the run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.backends.rules.lexicon import FINITE_TAGS, SUBJECT_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["cut_content"]

#: Subordinators of a clause that leads into the sentence's main clause ("If she said …, …").
_SUBORDINATORS = frozenset(
    """if when whenever while whereas although though because since once unless until after before""".split()
)
#: How many tokens after a comma a new clause's subject may sit ("…, then he …", "…, in fact, she …").
_SUBJECT_REACH = 4


def _subordinator(tok: Token) -> bool:
    """ "if", "while", … opening the clause; "when" is often parsed as an adverb of it."""
    if tok.dep_ == "mark":
        return tok.lower_ in _SUBORDINATORS
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


def _shares_frame(conj: Token, cue: Token) -> bool:
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
        and not any(c.dep_ in SUBJECT_DEPS for c in conj.children)
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
    heads = [t for t in doc[s:e] if not s <= t.head.i < e or t.head.i == t.i]
    head = next((t for t in heads if t.pos_ in ("VERB", "AUX")), None)
    if head is None or _tense(head) in (None, cue_tense):
        return None
    for conj in head.children:
        if conj.dep_ != "conj" or not s < conj.i < e:
            continue
        if _shares_frame(conj, cue):
            return conj.left_edge.i
    return None


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
        c.left_edge.i for c in verb.children if c.dep_ == "conj" and s < c.left_edge.i < e and _shares_frame(c, verb)
    ]
    if coordinated:
        own = min([*coordinated, own or e])
    if own is not None:
        e = own
        while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space or doc[e - 1].dep_ == "cc"):
            e -= 1
    # Only a clause that leads into its main clause: in "She had a line when she said, “…, I know …”" the
    # main clause came first and the rest of the sentence is the quote.
    if verb.sent.root.i < anchor or not any(_subordinator(c) and c.i < anchor for c in verb.children):
        return s, e
    if verb.dep_ != "ROOT":  # the clause is parsed as subordinate: the content ends with its subtree
        e = min(e, verb.right_edge.i + 1)
    for i in range(s + 1, e):
        if doc[i].text == "," and _opens_clause(doc, i, e):
            return s, i
    return s, e
