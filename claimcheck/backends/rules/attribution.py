"""Attribution relations read off the dependency parse: who said what, with which cue.

Two frames are recognised, each with its position in the sentence free
(before, after or around the content):

- a reporting verb from the lexicon with its subject as source and its
  clausal complement as content ("Mr Austin said …", "…, she said", "…,”
  said Mr Austin"), the cue widened to "said in a statement" / "told
  reporters" when those words follow the verb;
- "according to X", whose content is the clause it modifies.

A reporting verb needs content: a prepositional object ("insisted on paying",
"told of a long night") is part of its frame, so such a use attributes
nothing, and a source mention must name someone (no markup such as a quoted
"<script>" tag the parser took for a subject noun).

The content is the part of the clause that is in no frame, so two frames
on one claim ("X stressed that …, he said in a statement") yield one
relation: the one whose cue comes first, as the spec asks. A frame inside
the content of another speaker's frame ("the spokeswoman said an inspection
found that …") is nested: only the outer relation is kept. A negated frame
("did not say") attributes nothing, and a frame that ends its sentence with a
colon takes the next sentence as its content (see :func:`colon_frame`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimcheck.backends.rules.hedges import is_agentless_frame
from claimcheck.backends.rules.lexicon import (
    AUDIENCE_NOUNS,
    CLAUSE_MARKERS,
    CORE_SPEECH_VERBS,
    REPORTING_VERBS,
    STATEMENT_NOUNS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "FINITE_TAGS",
    "Relation",
    "colon_frame",
    "find_relations",
    "markup_trim",
    "token_chunks",
    "trim_tokens",
    "word_count",
]

_CLAUSAL = frozenset({"ccomp", "parataxis", "xcomp", "advcl", "conj", "csubj"})
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})
FINITE_TAGS = frozenset({"VBD", "VBP", "VBZ", "MD"})
_COMPLEMENT = frozenset({"ccomp", "xcomp"})
_SOURCE_CUT = frozenset({"appos", "relcl", "acl", "punct", "advcl", "parataxis"})
#: Clauses inside a prepositional object of the verb that stay content when they have their own subject.
_PREP_CLAUSES = _CLAUSAL | {"acl", "relcl"}
#: Tags of a clause that may be the non-restrictive scope of a sentence-final "according to".
_SCOPE_TAGS = FINITE_TAGS | {"VBN"}


@dataclass
class Relation:
    """One attribution: source and cue token spans, frame tokens, and the content once found."""

    anchor: int
    cue: tuple[int, int]
    source: tuple[int, int]
    frame: frozenset[int]
    region: tuple[int, int]
    kind: str
    cue_lemma: str
    complement: int | None = None
    content: tuple[int, int] | None = None

    @property
    def first_token(self) -> int:
        return min(self.cue[0], self.source[0])


def word_count(tokens: Iterable[Token]) -> int:
    """How many of ``tokens`` are words or numbers (not punctuation, spaces or symbols)."""
    return sum(1 for t in tokens if t.is_alpha or t.like_num)


def _has_verb(tokens: list[Token]) -> bool:
    return any(t.tag_ in _VERB_TAGS for t in tokens)


def _span_of(tokens: list[Token]) -> tuple[int, int]:
    return min(t.i for t in tokens), max(t.i for t in tokens) + 1


def _mention(head: Token) -> tuple[int, int]:
    """The source noun phrase: the head with its modifiers, cut before appositions and relative clauses."""
    keep = [head]
    for child in head.children:
        if child.dep_ in _SOURCE_CUT:
            continue
        keep.extend(child.subtree)
    s, e = _span_of(keep)
    # Never run across a comma: "Adrienne Watson, a spokeswoman, said" → "Adrienne Watson".
    for t in head.doc[s:e]:
        if t.text == "," and t.i > head.i:
            e = t.i
            break
        if t.text == "," and t.i < head.i:
            s = t.i + 1
    return s, e


def markup_trim(text: str) -> tuple[int, int]:
    """Offsets of ``text`` without markup glued to its ends ('">Sanders' → "Sanders"); empty when all markup."""
    s = text.rfind(">") + 1
    e = text.find("<", s)
    return s, len(text) if e < 0 else e


def _is_markup(tok: Token) -> bool:
    """A tag name quoted in the text ("<script>"): a word glued behind an opening angle bracket."""
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and not prev.whitespace_ and prev.text.endswith(("<", "</"))


def _is_mention(doc: Doc, span: tuple[int, int]) -> bool:
    """A source names someone: a noun, name or pronoun with a letter in it, and no markup inside.

    Markup glued to the ends (an HTML attribute closing on '">Sanders') is cut off when the claim is built.
    """
    tokens = doc[slice(*span)]
    text = tokens.text
    s, e = markup_trim(text)
    if "<" in text[s:e] or ">" in text[s:e] or any(_is_markup(t) for t in tokens):
        return False
    return any(
        t.pos_ in ("NOUN", "PROPN", "PRON") and any(ch.isalpha() for ch in t.text[slice(*markup_trim(t.text))])
        for t in tokens
    )


def _prep_frame(prep: Token) -> set[int]:
    """A prepositional object of the verb ("insisted on paying", "said in a statement") is frame, not content.

    Only a clause with its own subject stays out: the small parser sometimes hangs
    the complement on the statement noun ("said in a statement that the plant would close").
    """
    clause: set[int] = set()
    for t in prep.subtree:
        if t.dep_ in _PREP_CLAUSES and (
            t.tag_ in FINITE_TAGS or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        ):
            clause.update(c.i for c in t.subtree)
    return {t.i for t in prep.subtree} - clause


def _subject(verb: Token) -> Token | None:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ in ("conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        subj = verb.head
    if subj is not None and (subj.lower_ in ("there", "what", "which") or subj.pos_ == "NUM"):
        return None
    return subj


def _cue_end(verb: Token) -> int:
    """Widen "said" to "said in a statement" and "told" to "told reporters" when those words follow it."""
    end = verb.i + 1
    kids = {c.i: c for c in verb.children}
    while end in kids:
        child = kids[end]
        sub = list(child.subtree)
        if child.dep_ == "prt":
            end += 1
        elif child.dep_ == "prep" and any(t.dep_ == "pobj" and t.lemma_.lower() in STATEMENT_NOUNS for t in sub):
            # Up to the statement noun's own phrase: a clause hanging off it ("a statement that …") is content.
            clauses = {t.i for c in sub if c.dep_ in ("acl", "relcl", "ccomp") for t in c.subtree}
            end = max(t.i for t in sub if t.i not in clauses) + 1
        elif child.dep_ in ("dobj", "dative") and child.lower_ in AUDIENCE_NOUNS and len(sub) <= 3:
            end = max(t.i for t in sub) + 1
        else:
            break
    return end


def _verb_relation(verb: Token, sent: Span) -> Relation | None:
    if verb.lemma_.lower() not in REPORTING_VERBS or verb.tag_ not in _VERB_TAGS or verb.tag_ == "MD":
        return None
    if verb.tag_ == "VBG" and verb.dep_ not in ("ROOT", "ccomp", "conj", "parataxis", "advcl"):
        return None
    if is_agentless_frame(verb.doc, verb.i) or any(c.dep_ in ("nsubjpass", "auxpass", "neg") for c in verb.children):
        # Passive frames are hedges; a negated one ("did not say how many") attributes nothing to its subject.
        return None
    subj = _subject(verb)
    if subj is None or not (sent.start <= subj.i < sent.end):
        return None
    src = _mention(subj)
    if not _is_mention(verb.doc, src):
        return None
    # The whole subject, relative clauses included ("Trackline, which owns the line, said"), is frame.
    frame: set[int] = {t.i for t in subj.subtree} | set(range(*src)) | {verb.i}
    complement = None
    for child in verb.children:
        if child.i == subj.i:
            continue
        # A prepositional phrase between the subject and the content is the verb's object ("insisted on
        # paying"); one inside the content ("“… in the way J.F.K. would have,” said X") is a misparse.
        if child.dep_ == "prep" and complement is None and (child.i > verb.i or child.i > subj.i):
            frame |= _prep_frame(child)
            continue
        sub = list(child.subtree)
        if child.dep_ in _CLAUSAL or child.dep_ == "punct" or _has_verb(sub):
            if complement is None and child.dep_ in ("ccomp", "parataxis", "xcomp") and child.i > verb.i:
                complement = child.i
            continue
        if child.dep_ == "mark" or child.dep_ == "cc":
            continue
        frame.update(t.i for t in sub)
    cue = (verb.i, _cue_end(verb))
    frame.update(range(*cue))
    return Relation(
        anchor=verb.i,
        cue=cue,
        source=src,
        frame=frozenset(frame),
        region=(sent.start, sent.end),
        kind="verb",
        cue_lemma=verb.lemma_.lower(),
        complement=complement,
    )


def _according_relation(tok: Token, sent: Span) -> Relation | None:
    """ "according to X" on a token the caller found to be "according"."""
    doc = tok.doc
    if tok.i + 1 >= sent.end or doc[tok.i + 1].lower_ != "to":
        return None
    to = doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        nxt = [t for t in doc[to.i + 1 : sent.end] if t.pos_ in ("NOUN", "PROPN", "PRON")]
        if not nxt:
            return None
        pobj = nxt[0]
        while pobj.head.i > pobj.i and pobj.head.i < sent.end and pobj.head.pos_ in ("NOUN", "PROPN"):
            pobj = pobj.head
    src = _mention(pobj)
    if not _is_mention(doc, src):
        return None
    frame = set(range(tok.i, max(src[1], to.i + 1))) | {t.i for t in pobj.subtree}
    if tok.i > sent.start and doc[tok.i - 1].text == ",":
        frame.add(tok.i - 1)
    return Relation(
        anchor=tok.i,
        cue=(tok.i, to.i + 1),
        source=src,
        frame=frozenset(frame),
        region=_according_region(tok, sent, frame),
        kind="according",
        cue_lemma="according to",
    )


def _according_region(tok: Token, sent: Span, frame: set[int]) -> tuple[int, int]:
    """A sentence-final "according to" scopes over a non-restrictive clause that runs up to it.

    "X happened in Gaza, where 20,000 people have been killed, according to the
    ministry": the ministry vouches for the figure, not for X (low attachment).
    """
    doc = tok.doc
    first = min(frame)
    if first <= sent.start:
        return sent.start, sent.end
    last = doc[first - 1]
    while last.i > sent.start and (last.is_punct or last.is_space):
        last = doc[last.i - 1]
    node = last
    best: tuple[int, int] | None = None
    while node.head.i != node.i and sent.start <= node.head.i < sent.end:
        if node.dep_ in ("relcl", "advcl") and node.tag_ in _SCOPE_TAGS:
            s, e = _span_of(list(node.subtree))
            if e >= first - 1 and s > sent.start + 2 and doc[s - 1].text == "," and node.i < first:
                best = (s, min(e, first))
        node = node.head
    return best or (sent.start, sent.end)


def trim_tokens(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """Drop punctuation, spaces and clause-opening words at either end of a token range."""
    while s < e and (doc[s].is_punct or doc[s].is_space or doc[s].lower_ in CLAUSE_MARKERS or doc[s].dep_ == "cc"):
        s += 1
    while e > s and (
        doc[e - 1].is_punct
        or doc[e - 1].is_space
        or doc[e - 1].dep_ in ("cc", "mark")
        or doc[e - 1].lower_ in CLAUSE_MARKERS
    ):
        e -= 1
    return s, e


def token_chunks(doc: Doc, s: int, e: int, taken: set[int]) -> list[tuple[int, int]]:
    """Maximal runs of tokens in ``[s, e)`` outside ``taken``, trimmed, keeping those with a word."""
    out: list[tuple[int, int]] = []
    i = s
    while i < e:
        if i in taken:
            i += 1
            continue
        j = i
        while j < e and j not in taken:
            j += 1
        cs, ce = trim_tokens(doc, i, j)
        if ce > cs and any(t.is_alpha or t.like_num for t in doc[cs:ce]):
            out.append((cs, ce))
        i = j
    return out


def _gap_is_punct(doc: Doc, a: int, b: int) -> bool:
    return all(t.is_punct or t.is_space or t.dep_ in ("cc", "mark") for t in doc[a:b])


def _choose_content(doc: Doc, rel: Relation, chunks: list[tuple[int, int]]) -> tuple[int, int] | None:
    fs, fe = min(rel.frame), max(rel.frame) + 1
    before = [c for c in chunks if c[1] <= fs and _gap_is_punct(doc, c[1], fs)]
    after = [c for c in chunks if c[0] >= fe and _gap_is_punct(doc, fe, c[0])]
    if rel.complement is not None:
        holding = [c for c in chunks if c[0] <= rel.complement < c[1]]
        if holding:
            return holding[0]
    if rel.kind == "according":
        return before[0] if before else after[0] if after else None
    # A frame after its content needs a comma, quote or colon between them ("…, she said").
    if before and any(t.is_punct for t in doc[before[0][1] : fs]):
        # A frame inside a clause ("The strikes, he said, were necessary") splits it: keep the larger side.
        split = after and not any(t.tag_ in FINITE_TAGS for t in doc[slice(*before[0])])
        if split and any(t.tag_ in FINITE_TAGS for t in doc[slice(*after[0])]):
            return max(before[0], after[0], key=lambda c: word_count(doc[slice(*c)]))
        return before[0]
    if after:
        chunk = after[0]
        verb = doc[rel.anchor]
        if rel.complement is not None or (
            verb.lemma_.lower() in CORE_SPEECH_VERBS and _has_verb(list(doc[slice(*chunk)]))
        ):
            return chunk
    return None


def find_relations(doc: Doc, sent: Span) -> list[Relation]:
    """All attribution relations of one sentence, content found, one per content span."""
    rels: list[Relation] = []
    for tok in sent:
        rel = _according_relation(tok, sent) if tok.lower_ == "according" else _verb_relation(tok, sent)
        if rel is not None:
            rels.append(rel)
    if not rels:
        return []
    # A candidate with no content even when only its own frame (and "according to" frames) is set
    # aside is no attribution ("claimed credit", "warned of war"): drop it before its frame can eat
    # into the content of the others.
    fixed: set[int] = set()
    for rel in rels:
        if rel.kind == "according":
            fixed |= rel.frame
    rels = [r for r in rels if _content(doc, r, fixed | r.frame) is not None]
    rels = [r for r in rels if not any(_nested_in(doc, r, outer) for outer in rels if outer is not r)]
    taken: set[int] = set()
    for rel in rels:
        taken |= rel.frame
    kept: dict[tuple[int, int], Relation] = {}
    for rel in sorted(rels, key=lambda r: r.first_token):
        rel.content = _content(doc, rel, taken)
        if rel.content is None:
            continue
        first = kept.setdefault(rel.content, rel)
        if first is not rel:  # a second cue on the same claim: the first cue wins (spec section 2)
            first.frame = first.frame | rel.frame
    return sorted(kept.values(), key=lambda r: r.content or (0, 0))


def _same_speaker(doc: Doc, a: Relation, b: Relation) -> bool:
    """Two source mentions that may name one speaker: a pronoun, or the same last word."""
    sa, sb = doc[slice(*a.source)], doc[slice(*b.source)]
    if any(len(s) == 1 and s[0].tag_ in ("PRP", "PRP$") for s in (sa, sb)):
        return True
    return sa[-1].lower_ == sb[-1].lower_


def _nested_in(doc: Doc, inner: Relation, outer: Relation) -> bool:
    """``inner`` is reported by ``outer`` ("the spokeswoman said a previous inspection found that …").

    The outer relation's word governs the inner one's through a clause, and the
    sources differ; the spec labels only the outermost relation. With one
    speaker it is two cues on one claim instead, handled by the caller.
    """
    if _same_speaker(doc, inner, outer):
        return False
    head = doc[outer.anchor]
    if outer.kind == "according":
        head = head.head
        if head.i == inner.anchor:
            return True
    # Only through complement clauses: "A, while local media reported B" or "X said A and Y warned B" are side by side.
    node = doc[inner.anchor]
    while node.dep_ in _COMPLEMENT and node.head.i != node.i:
        node = node.head
        if node.i == head.i:
            return True
    return False


def _content(doc: Doc, rel: Relation, taken: set[int]) -> tuple[int, int] | None:
    content = _choose_content(doc, rel, token_chunks(doc, *rel.region, taken))
    if content is None or word_count(doc[slice(*content)]) < 2:
        return None
    return content


def colon_frame(doc: Doc, sent: Span) -> Relation | None:
    """A sentence that is only a frame ending in a colon ("He told the Ledger:"): its content is what follows."""
    words = [t for t in sent if not t.is_space]
    if len(words) < 3 or words[-1].text != ":":
        return None
    for tok in sent:
        rel = _verb_relation(tok, sent) if tok.lower_ != "according" else None
        if rel is None:
            continue
        rest = [t for t in doc[max(rel.frame) + 1 : sent.end] if not (t.is_punct or t.is_space)]
        if not rest:
            return rel
    return None
