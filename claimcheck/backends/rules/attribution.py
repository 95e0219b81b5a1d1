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
colon takes the next sentence as its content (see :func:`colon_frame`), as a
sentence that is only a frame does the quotation after it ("Ruiz agreed. “…”",
:func:`bare_frame`). A quotation the frame splits ("“A,” she said, “and B.”")
gives both sides when each is a clause of its own.
"""

from __future__ import annotations

import weakref
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from claimcheck.backends.rules.arrays import has_subject, run_roots, string_ids, token_arrays
from claimcheck.backends.rules.boundaries import cut_content, frame_sides, interposed_span, shares_frame
from claimcheck.backends.rules.hedges import is_agentless_frame
from claimcheck.backends.rules.lexicon import (
    ACCUSING_VERBS,
    ADDRESSEE_VERBS,
    ADVERBIAL_MARKS,
    AS_NAMING_VERBS,
    ASKING_WORDS,
    AT_VERBS,
    AUDIENCE_NOUNS,
    BACK_VERBS,
    BELIEF_ADJECTIVES,
    CAUSATIVE_VERBS,
    CLAIM_NOUNS,
    CLAUSE_MARKERS,
    CLAUSE_ONLY_VERBS,
    COLON_LEAD_NOUNS,
    COMPARATIVES,
    COMPARED_READINESS_ADJECTIVES,
    CONDITIONAL_MARKS,
    CONTRAST_CONJUNCTIONS,
    CONTRAST_MARKS,
    CORE_SPEECH_VERBS,
    DEED_VERBS,
    DEFINITE_DETERMINERS,
    DOCUMENT_NOUNS,
    DOCUMENT_VERB_FORMS,
    FINDING_VERBS,
    FINITE_TAGS,
    GROUP_QUANTIFIERS,
    ISSUING_VERBS,
    LIFE_STAGES,
    MEANS_PREPOSITIONS,
    NAMING_VERBS,
    NEGATIVE_SUBJECTS,
    NOMINAL_SUBJECT_DEPS,
    NON_SPEAKER_LABELS,
    NON_SPEECH_PARTICLES,
    OCCASION_PARTICIPLES,
    PARTICIPLE_PREPOSITIONS,
    POLL_NOUNS,
    QUESTION_VERBS,
    QUESTION_WORDS,
    QUOTE_VERBS,
    REFLEXIVE_PRONOUNS,
    REPORT_CONTINUATIONS,
    REPORTING_VERBS,
    SAID_THING_OBJECTS,
    SPEAKER_PRONOUNS,
    SPEAKING_MANNER_ADJECTIVES,
    STANCE_ADJECTIVES,
    STANCE_NOUNS,
    STANCE_VERBS,
    STATEMENT_NOUNS,
    SUBJECT_DEPS,
    SUBJECT_PRONOUNS,
    SUPPOSING_MODALS,
    THAT_CLAUSE_NOUNS,
    TITLES,
    VIEW_NOUNS,
)
from claimcheck.text.boilerplate import dateline_end

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "TOKEN_FRAMES",
    "Relation",
    "bare_frame",
    "colon_frame",
    "conjuncts",
    "find_relations",
    "has_clause",
    "markup_trim",
    "quote_frame",
    "token_chunks",
    "trim_tokens",
    "word_count",
]

_CLAUSAL = frozenset({"ccomp", "parataxis", "xcomp", "advcl", "conj", "csubj"})
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})
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
    #: The other side of a quotation the frame splits ("“A,” she said, “and B.”"): said too, a claim of its own.
    second: tuple[int, int] | None = None
    #: The relative pronoun that is the mention when the source is its antecedent ("officials, who said …"): set
    #: by the frame or, for a cue in the antecedent's relative clause, by :func:`_candidates`.
    said_by: tuple[int, int] | None = None

    @property
    def first_token(self) -> int:
        return min(self.cue[0], self.source[0])


def word_count(doc: Doc, start: int, end: int) -> int:
    """How many of the tokens ``[start, end)`` are words or numbers (not punctuation, spaces or symbols)."""
    return token_arrays(doc).words(start, end)


def _has_verb(tokens: list[Token]) -> bool:
    return any(t.tag_ in _VERB_TAGS for t in tokens)


def _has_clause_verb(tokens: list[Token]) -> bool:
    """A verb outside any relative clause with a relative word ("revenue of $640,000, short of the $700,000 that its
    owners expected" holds none): a noun phrase with such a verb may be a misparsed complement clause. A "that" the
    parser marks as a subordinator opens no relative clause ("said after a meeting that she had doubts")."""
    relative: set[int] = set()
    for t in tokens:
        if t.dep_ == "relcl" and any(
            (c.tag_ in ("WDT", "WP") or c.lower_ == "that") and c.dep_ != "mark" for c in t.children
        ):
            relative.update(c.i for c in t.subtree)
    return any(t.tag_ in _VERB_TAGS and t.i not in relative for t in tokens)


def _span_of(tokens: list[Token]) -> tuple[int, int]:
    return min(t.i for t in tokens), max(t.i for t in tokens) + 1


def conjuncts(head: Token) -> list[Token]:
    """The heads of a coordinated mention ("Sens. A, B and C"), ``[head]`` when it is not one.

    The small parser hangs the middle names of a list on the first as appositions, so a list is
    a chain of appositions and conjuncts with at least one real conjunct in it.
    """
    chain = [head]
    k = 0
    while k < len(chain):
        chain += [
            c
            for c in chain[k].children
            if c.dep_ in ("conj", "appos") and c.pos_ in ("PROPN", "NOUN") and not c.is_punct  # "(Vt.)": "." as PROPN
        ]
        k += 1
    if not any(t.dep_ == "conj" for t in chain[1:]):
        return [head]
    if any(t.dep_ == "appos" and t.pos_ != "PROPN" for t in chain):
        return [head]  # "Jo Park, the mayor and a lawyer": a description, not a list of speakers
    return sorted(chain, key=lambda t: t.i)


def _mention(head: Token) -> tuple[int, int]:
    """The source noun phrase: the head with its modifiers, cut before appositions and relative clauses.

    A list of speakers ("Sens. A, B and C said") stays whole.
    """
    heads = conjuncts(head)
    if len(heads) > 1:
        clauses = ("relcl", "acl")
        keep = [t for h in heads for t in h.subtree if t.dep_ not in clauses and t.head.dep_ not in clauses]
        return _span_of([t for t in keep if heads[0].i <= t.i <= heads[-1].i or t.head in heads])
    keep = [head]
    for child in head.children:
        if child.dep_ in _SOURCE_CUT or (child.dep_ == "prep" and child.i > head.i and _tells_when(child)):
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


def _owner_mention(owner: Token) -> tuple[int, int]:
    """The mention of whoever holds a claim or a view, without a possessive "'s" ("Rubio's answer", "in Park's
    view": the source is "Rubio", "Park")."""
    s, e = _mention(owner)
    return (s, e - 1) if e - s > 1 and owner.doc[e - 1].tag_ == "POS" else (s, e)


def _tells_when(prep: Token) -> bool:
    """ "Trump at the time said", "the mayor on Monday said": the phrase dates the saying, it names no one."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and (obj.ent_type_ in ("DATE", "TIME") or obj.lemma_.lower() in ("time", "moment"))


def markup_trim(text: str) -> tuple[int, int]:
    """Offsets of ``text`` without markup glued to its ends ('">Sanders' → "Sanders"); empty when all markup."""
    s = text.rfind(">") + 1
    e = text.find("<", s)
    return s, len(text) if e < 0 else e


def _is_markup(tok: Token) -> bool:
    """A tag name quoted in the text ("<script>"): a word glued behind an opening angle bracket."""
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and not prev.whitespace_ and prev.text.endswith(("<", "</"))


def _speaker(verb: Token, sent: Span) -> tuple[Token, tuple[int, int]] | None:
    """The subject that speaks for ``verb`` and its mention, when the subject is in the sentence and its
    mention can be a source; the one test every verb frame makes before it builds a relation."""
    subj = _subject(verb, sent)
    if subj is None or not (sent.start <= subj.i < sent.end) or _fact_pronoun(subj, sent):
        return None
    src = _mention(subj)
    src = (max(src[0], _quote_cut(subj) + 1), src[1])
    return (subj, src) if _is_mention(verb.doc, src) else None


def _quote_cut(subj: Token) -> int:
    """The last closing quotation mark inside the subject's phrase before the subject itself, or -1: the parser hung
    the quotation's last words on the speaker after it ("“… is hunky-dory,” Jo Park, an adviser, said"), which are
    what was said, not who said it."""
    doc = subj.doc
    for k in range(subj.i - 1, max(subj.left_edge.i, 1) - 1, -1):
        # Punctuation closes the quotation ("…,” Park said); a quoted name in the phrase ("the “Avatar” star") has none.
        if doc[k].tag_ == "''" and doc[k].text in _CLOSING_QUOTES and doc[k - 1].text in (",", ".", "?", "!", "…"):
            return k
    return -1


def _fact_pronoun(subj: Token, sent: Span) -> bool:
    """A bare "this" or "that" opening the sentence as its subject: the fact before it that the writer reasons from
    ("That shows the crossings cannot pay", "That worried them, by hinting …"), never someone who speaks. A
    relative "that" (WDT) is not one, nor a "that" the parser took out of a parenthesis ("Aides (that is, Lee's)")."""
    if subj.lower_ not in ("this", "that") or subj.tag_ != "DT" or subj.n_lefts or subj.n_rights:
        return False
    first = next((t for t in sent if not (t.is_space or t.is_punct)), None)
    return first is not None and first.i == subj.i


def _subject_frame(subj: Token) -> set[int]:
    """The subject's tokens, less what a relative clause of its reports ("Park, who said the plan was
    vetted, said …", "Critics, who accused the firm of fraud, said …"): that clause is a frame of its own, and what
    it reports is its content, not frame."""
    cut = _quote_cut(subj)
    frame = {t.i for t in subj.subtree if t.i > cut}
    for clause in subj.subtree:
        if clause.dep_ == "relcl" and (charged := _accused_span(clause)) is not None:
            frame -= set(range(*charged))  # "Critics, who accused the firm of fraud, said …": what they charged
            continue
        if clause.dep_ != "relcl" or clause.lemma_.lower() not in REPORTING_VERBS:
            continue
        for comp in clause.children:
            if comp.dep_ == "ccomp" and comp.i > clause.i:
                frame -= {t.i for t in comp.subtree}
    return frame


def _is_mention(doc: Doc, span: tuple[int, int]) -> bool:
    """A source names someone: a noun, name or pronoun with a letter in it, and no markup inside.

    Markup glued to the ends (an HTML attribute closing on '">Sanders') is cut off when the claim is built.
    """
    tokens = doc[slice(*span)]
    text = tokens.text
    s, e = markup_trim(text)
    if "<" in text[s:e] or ">" in text[s:e] or any(_is_markup(t) for t in tokens):
        return False
    if any(_counts_people(t) for t in tokens if t.pos_ == "NUM" or t.text == "%"):
        return True  # "Six in 10 say …", "42% say …"
    if tokens.root.lower_ in GROUP_QUANTIFIERS:
        return True  # "Most said …", "many say …": a group of people
    return any(
        t.pos_ in ("NOUN", "PROPN", "PRON") and any(ch.isalpha() for ch in t.text[slice(*markup_trim(t.text))])
        for t in tokens
    )


def _own_clause(head: Token) -> bool:
    """``head`` heads a clause of its own, not a phrase: its verb is finite or it has a subject."""
    return head.tag_ in FINITE_TAGS or any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in head.children)


def _prep_frame(prep: Token) -> set[int]:
    """A prepositional object of the verb ("insisted on paying", "said in a statement") is frame, not content.

    Only a clause of its own (:func:`_own_clause`) stays out: the small parser sometimes hangs
    the complement on the statement noun ("said in a statement that the plant would close").
    """
    clause: set[int] = set()
    for t in prep.subtree:
        if t.dep_ in _PREP_CLAUSES and _own_clause(t):
            clause.update(c.i for c in t.subtree)
    return {t.i for t in prep.subtree} - clause


def _caused_speaker(verb: Token, gov: Token) -> Token | None:
    """The object of a causative governor who speaks for its infinitive ("This led experts to warn …")."""
    if gov.lemma_.lower() not in CAUSATIVE_VERBS or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ):
        return None
    return next((c for c in gov.children if c.dep_ == "dobj" and c.i < verb.i), None)


def _governor(verb: Token) -> Token | None:
    """The verb whose subject speaks for ``verb`` when it has none of its own.

    "She tried to argue that …" (an infinitive under another verb) and "He issued a
    statement saying …" (a participle on the statement the subject put out).
    """
    head = verb.head
    if _aside_participle(verb):
        # "X said A “…,” adding …": the participle is the speaker's, wherever in A the parser hung it.
        for _ in range(4):
            if (head.lemma_.lower() in REPORTING_VERBS and head.pos_ == "VERB") or head.head.i == head.i:
                break
            head = head.head
        return head if head.i != verb.i else None
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
        # "Lee denied the claim that a deal was near, explaining …": a participle after a noun's clause goes
        # with the clause that holds the noun.
        while head.dep_ in ("acl", "relcl") and head.head.head.pos_ in ("VERB", "AUX") and head.head.dep_ == "dobj":
            head = head.head.head
    if verb.dep_ in ("conj", "advcl", "xcomp") and head.pos_ in ("VERB", "AUX") and head.i != verb.i:
        return _reporter_of(verb, head) or head
    if _manner_adjective(verb):
        return head.head  # "Park is right to note …", "was quick to point out …": the copula's subject speaks
    if (
        verb.dep_ == "ccomp"
        and verb.tag_ in FINITE_TAGS
        and head.lemma_.lower() in REPORTING_VERBS
        and head.i < verb.i
        and verb.doc[verb.i - 1].dep_ == "cc"
        and verb.doc[verb.i - 1].lower_ in ("but", "and")
    ):
        return head  # "said A but added …": the parser read the second verb as a clause of the first
    if verb.dep_ == "dep" and verb.tag_ in FINITE_TAGS and head.pos_ == "VERB" and head.i < verb.i:
        return head  # "Ortiz offered him a job, then says …": a second verb of the subject the parser left unlabelled
    if verb.dep_ == "acl" and head.lemma_.lower() in STATEMENT_NOUNS and head.dep_ == "dobj":
        return head.head
    if verb.dep_ == "pcomp" and head.lower_ in PARTICIPLE_PREPOSITIONS and head.head.pos_ in ("VERB", "AUX"):
        return head.head  # "After saying …, the man left": the participle's speaker is the main verb's subject
    return None


def _manner_adjective(verb: Token) -> bool:
    """``verb`` is the infinitive of a predicate adjective of how its subject spoke ("is right to note that",
    "was quick to point out that"), which says the subject did say it.

    In a main clause only: in "argued that Ruiz was wrong to claim …" the judgement is the outer speaker's content.
    """
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.dep_ == "acomp"
        and (head.lemma_.lower() in SPEAKING_MANNER_ADJECTIVES or _compared_readiness(head, verb))
        and head.head.pos_ in ("VERB", "AUX")
        and head.head.dep_ in ("ROOT", "conj")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and not any(c.dep_ == "neg" for c in (*head.children, *head.head.children))  # "was not quick to say"
    )


def _compared_readiness(adj: Token, verb: Token) -> bool:
    """ "more likely", "less apt": a poll's comparison of how readily a group says a thing, which the group did say
    ("Older voters were more likely to say the bridge should wait"); not a bare "likely" (a forecast), and only
    before a clause (not "more likely to rate the council as fair", a view of someone, not a statement)."""
    return (
        adj.lemma_.lower() in COMPARED_READINESS_ADJECTIVES
        and any(c.dep_ == "advmod" and c.lower_ in COMPARATIVES for c in adj.children)
        and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)
    )


def _extraposed(verb: Token) -> bool:
    """ "It is important to note that …", "it's fair to say …": an infinitive of saying after "it is" and an
    adjective is the writer's own remark; the "it" stands for the infinitive, no one who says it."""
    if verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    if head.dep_ in ("acomp", "attr") and head.i < verb.i:
        adj: Token | None = head  # "it would be wrong to accuse …": the parser hangs the infinitive on the adjective
        head = head.head
    else:
        adj = next((c for c in head.children if c.dep_ in ("acomp", "attr") and c.i < verb.i), None)
    return (
        adj is not None
        and head.lemma_.lower() == "be"
        and adj.lemma_.lower() not in SPEAKING_MANNER_ADJECTIVES
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in head.children)
    )


def _supposed(verb: Token) -> bool:
    """A verb of saying that the text only supposes, so no one is reported to say anything: one that opens a
    condition ("If you say the mayor lied, …", "unless critics accuse him of …"; not a past one granted, see
    :func:`_conceded`), one after "it is" and an adjective (:func:`_extraposed`), or one whose subject denies anyone
    did it ("nobody said …", "no one would accuse …", "few people would accuse …")."""
    kids = list(verb.children)
    mark = next((c for c in kids if c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS), None)
    if mark is not None and not _conceded(verb, mark):
        return True
    if _extraposed(verb):
        return True
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    quantifiers = {subj.lower_} | {c.lower_ for c in subj.children if c.dep_ in ("det", "amod") and c.i < subj.i}
    if quantifiers & NEGATIVE_SUBJECTS:
        return True
    return "few" in quantifiers and any(c.dep_ == "aux" and c.lower_ in SUPPOSING_MODALS for c in kids)


def _conceded(verb: Token, mark: Token) -> bool:
    """ "If Cole said the road was safe, she did not repeat it": a past "if" whose main clause is no supposition
    ("would", "could") grants that the saying happened."""
    return (
        mark.lower_ == "if"
        and verb.tag_ == "VBD"
        and not any(c.dep_ == "aux" and c.lower_ in SUPPOSING_MODALS for c in verb.head.children)
    )


def _accuser_of(verb: Token) -> Token | None:
    """The reporting verb whose speaker accuses in "Ruiz said the count was wrong and accused the clerk of …": the
    parser hangs the accusation on the content (at any depth of it), but after "and" or "but", with no subject of
    its own and in the frame's tense (:func:`shares_frame`), it is the speaker's second act, not the content's."""
    if verb.dep_ != "conj" or verb.lemma_.lower() not in ACCUSING_VERBS:
        return None
    head = verb.head
    if not any(c.dep_ == "cc" and c.lower_ in ("and", "but") and c.i < verb.i for c in head.children):
        return None
    node = head
    for _ in range(4):
        if node.dep_ not in ("ccomp", "conj", "xcomp") or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ == "VERB" and node.lemma_.lower() in REPORTING_VERBS:
            return node if node.i < head.i and shares_frame(verb, node) else None
    return None


def _reporter_of(verb: Token, head: Token) -> Token | None:
    """The reporting verb whose content ``head`` is, when ``verb`` is that speaker's next act which the parser
    hung inside the content: a participle set off by a comma or "while" ("insisted it was premature while adding …",
    "said her father would do the same, saying …") or a verb after "but" ("said it was too early but added …",
    and "… and added …")."""
    clause = head
    for _ in range(3):  # "said A and would do B, saying …", "said it was fair to back B, adding …": up the content
        if clause.dep_ not in ("conj", "xcomp"):
            break
        clause = clause.head
    outer = clause.head
    if (
        clause.dep_ != "ccomp"
        or outer.pos_ != "VERB"
        or outer.lemma_.lower() not in REPORTING_VERBS
        or outer.i > head.i  # "A, adding B, an official said": the participle is part of what was said
        or head.lemma_.lower() in REPORTING_VERBS  # hung on a frame of its own ("…,” Lee added, saying …")
    ):
        return None
    if verb.dep_ == "advcl":
        inner = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if inner is not None and inner.pos_ == "PROPN" and verb.lemma_.lower() not in REPORT_CONTINUATIONS:
            return None  # "said Trump had praised the city, calling it …": the person named in the content may do it
        edge = verb.left_edge.i
        opener = verb.doc[edge]  # "…, adding", "… while adding", "… before saying"
        aside = (
            verb.tag_ == "VBG" and edge > 0 and (verb.doc[edge - 1].text == "," or opener.lower_ in ("while", "before"))
        )
        return outer if aside and not has_subject(verb) else None
    if verb.dep_ == "conj" and clause is head:
        # "and added" too: adding is the speaker's act, never what the content's subject did.
        words = CONTRAST_CONJUNCTIONS | ({"and"} if verb.lemma_.lower() == "add" else set())
        return outer if any(c.dep_ == "cc" and c.lower_ in words and c.i < verb.i for c in head.children) else None
    return None


def _subject(verb: Token, sent: Span) -> Token | None:
    """The verb's subject, else that of the verb it is coordinated with or hangs on (``sent``: the verb's sentence).

    Up a chain of coordinated verbs and participles: in "They reversed themselves,
    rushed everyone in and said …" and "He ducked, pointing to his record and saying …"
    the speaker is the subject of the first verb.
    """
    # Of two subjects ("“The people who … ,” Tester told"), the parser's misread one is inside the quote, further off.
    subj = min((c for c in verb.children if c.dep_ == "nsubj"), key=lambda c: abs(c.i - verb.i), default=None)
    if subj is not None and subj.i < verb.i and verb.doc[verb.i - 1].text in _DASHES:
        # "Park, head of a group - which has endorsed Ruiz - said …": the subject the parser found inside the dashed
        # relative clause is the aside's; the one before the aside speaks (not "A candidate -- Jo Lee, who … --").
        near = subj
        subj = next(
            (
                c
                for c in verb.children
                if c.dep_ == "nsubj" and c.i < near.i and any(t.tag_ in ("WDT", "WP") for t in verb.doc[c.i : near.i])
            ),
            near,
        )
    if subj is None:
        subj = _participle_subject(verb) or _reduced_relative_speaker(verb)
    if subj is None or subj.i < verb.i:
        subj = _inverted_subject(verb, subj) or subj
    if subj is not None and subj.i < verb.i and _quote_closes(subj, verb) is not None:
        # "“Good plan, this one,” Park, the mayor, said": the parser's subject is in the quotation; the speaker is
        # the name between the closing quote and the verb, which it hung on that subject.
        subj = _name_after_quote(verb) or subj
    node = verb
    for _ in range(4):
        gov = _governor(node) if subj is None else None
        if gov is None:
            break
        subj = _caused_speaker(node, gov) if node.dep_ == "xcomp" else None
        if subj is not None:
            break
        subj = next((c for c in gov.children if c.dep_ == "nsubj"), None)
        if subj is None and has_subject(gov):
            break  # the governor has a subject of another kind: not the speaker
        node = gov
    if subj is not None and verb.dep_ == "parataxis" and subj.i < verb.i - 2:
        subj = _listed_speaker(verb, subj) or subj
    if subj is None and node is verb and verb.tag_ in FINITE_TAGS and verb.i > 0:
        # "In an interview with hosts A and B, the candidate stated that …": the small parser hangs the
        # subject on the list before it as an apposition; the noun right before the verb is the speaker.
        prev = verb.doc[verb.i - 1]
        if prev.text == "," and verb.i > 1:  # "Among fans, nearly two-thirds, 63 percent, say …"
            prev = verb.doc[verb.i - 2]
            if prev.pos_ == "NUM" and prev.dep_ == "appos" and prev.head.pos_ == "PROPN":
                prev = prev.head  # "As part of his plea, Marco Lazar, 44, said …": the age is the name's
        if prev.pos_ in ("NOUN", "PROPN") and prev.dep_ in ("appos", "conj") and prev.head.i < prev.i:
            subj = prev
    # "“…,” added a party official": the small parser reads the speaker right after an inverted verb as its
    # object (not "told Fox News", whose object is the audience).
    if (
        subj is None
        and node is verb
        and verb.i > 0
        and verb.doc[verb.i - 1].is_quote
        and verb.lemma_.lower() not in ADDRESSEE_VERBS
        and any(c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children)
    ):
        subj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if subj is None and node is verb and verb.tag_ in FINITE_TAGS:
        subj = _name_after_quote(verb)
    if subj is None and node is verb:
        # "About 4 in 10 say …": the small parser hangs a poll's share on the verb as a number modifier.
        subj = next((c for c in verb.children if c.pos_ == "NUM" and c.i < verb.i and _counts_people(c)), None)
    if subj is not None and any(c.dep_ == "conj" for c in subj.children):
        # "hosts A and B, the candidate, stated": a list is no apposition of a singular noun; that noun speaks.
        last = next((c for c in subj.children if c.dep_ == "appos" and c.i == verb.i - 1), None)
        if last is not None and last.tag_ in ("NN", "NNP"):
            subj = last
    if subj is not None:
        subj = _past_dateline(subj, verb, sent)
    if subj is not None and subj.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        subj = verb.head
        # "Ana Ruiz, a nurse, who said …": the relative clause hangs on the apposition; the speaker is the name.
        if subj.dep_ == "appos" and subj.head.tag_ in ("NNP", "NNPS"):
            subj = subj.head
    if subj is not None and (
        subj.lower_ in ("there", "what", "which") or (subj.pos_ == "NUM" and not _counts_people(subj))
    ):
        return None
    return subj


def _occasion_participle(tok: Token) -> bool:
    """ "“…,” she said, speaking to reporters": a participle of the occasion (:data:`OCCASION_PARTICIPLES`) that a
    comma sets after the frame's verb, with no subject, auxiliary or clause of its own (not "Lee was speaking …")."""
    return (
        tok.tag_ == "VBG"
        and tok.lemma_.lower() in OCCASION_PARTICIPLES
        and tok.i > 0
        and tok.doc[tok.i - 1].text == ","
        and not any(c.dep_ in ("ccomp", "parataxis", "aux", "nsubj") for c in tok.children)
    )


def _phrase_infinitive(verb: Token, comp: Token) -> bool:
    """ "said on condition of anonymity to discuss the talks": an infinitive straight after a prepositional phrase of
    the verb goes with that phrase (the parser hangs it on the verb); it states no intent of the speaker's."""
    if comp.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in comp.children):
        return False
    return any(c.dep_ == "prep" and c.right_edge.i + 1 == comp.left_edge.i for c in verb.children if c.i < comp.i)


def _date_after_verb(verb: Token, complement: int | None) -> set[int]:
    """ "Officials said Monday the road would reopen": the day straight after the verb, which the parser hung on the
    complement's verb, says when they spoke; it is frame, not part of what was said."""
    doc = verb.doc
    k = verb.i + 1
    if complement is None or k >= len(doc) or doc[k].ent_type_ not in ("DATE", "TIME") or doc[k].head.i != complement:
        return set()
    end = k
    while end < len(doc) and doc[end].ent_type_ in ("DATE", "TIME") and doc[end].ent_iob_ != "O":
        end += 1
    # The complement's own subject follows the day, so the day opens no clause of its own.
    subject_next = any(c.dep_ in NOMINAL_SUBJECT_DEPS and c.left_edge.i == end for c in doc[complement].children)
    return set(range(k, end)) if subject_next else set()


def _reduced_relative_speaker(verb: Token) -> Token | None:
    """ "Several outlets reported on Wednesday the mayor had held …": the parser read the finite verb as a participle
    on its subject ("outlets reported" as "outlets that were reported"), and gave the clause after it two subjects;
    the noun the participle hangs on speaks."""
    noun = verb.head
    if verb.tag_ != "VBN" or verb.dep_ != "acl" or noun.dep_ != "nsubj" or noun.i != verb.i - 1:
        return None
    clause = noun.head
    second = any(c.dep_ == "nsubj" and verb.i < c.i < clause.i for c in clause.children)
    return noun if second and not any(c.dep_ == "agent" for c in verb.children) else None


def _participle_subject(verb: Token) -> Token | None:
    """ "Large majorities of voters in six states going to the polls said …": the parser read the participle phrase
    on a long subject as the verb's clausal subject, and the noun as the participle's subject; that noun speaks."""
    csubj = next((c for c in verb.children if c.dep_ == "csubj" and c.tag_ == "VBG" and c.i < verb.i), None)
    if csubj is None:
        return None
    return next(
        (c for c in csubj.children if c.dep_ == "nsubj" and c.i < csubj.i and c.pos_ in ("NOUN", "PROPN")), None
    )


def _name_after_quote(verb: Token) -> Token | None:
    """ "“We were late,” Castillo, 47, told the Ledger": the parser hung the speaker between the closing quote and the
    verb on the quote's own verb; the one noun phrase there is the speaker."""
    doc = verb.doc
    start = verb.i - 1
    # Far enough back for a name with an office ("Jo Park, head of the Harbour Trust, tells …").
    while start > max(verb.i - 16, 0) and doc[start].tag_ != "''":
        start -= 1
    if doc[start].tag_ != "''" or start + 1 >= verb.i:
        return None
    heads = [t for t in doc[start + 1 : verb.i] if not t.is_punct and not start < t.head.i < verb.i]
    if len(heads) != 1 or heads[0].pos_ not in ("PROPN", "NOUN", "PRON") or heads[0].head.i > verb.i:
        return None
    return heads[0]


#: Dashes that set an aside off inside a sentence.
_DASHES = frozenset({"-", "--", "—", "–"})
#: Closing quotation marks as the tokenizer splits them off (archive copy's two apostrophes as one token).
_CLOSING_QUOTES = frozenset({"”", '"', "''"})
#: Marks a frame set into its content follows ("The plant, said Ruiz, will close", "“The risk,” said X, “is …”").
_INSERT_OPENERS = _CLOSING_QUOTES | {","}


def _token_before(doc: Doc, i: int, passed: Callable[[Token], bool]) -> Token | None:
    """The last token before token ``i`` that ``passed`` does not pass over (None at the document's start): where a
    frame looks for the quotation that closes before it, past the commas, colons or spaces between."""
    k = i - 1
    while k >= 0 and passed(doc[k]):
        k -= 1
    return doc[k] if k >= 0 else None


def _inverted_subject(verb: Token, parsed: Token | None) -> Token | None:
    """The speaker after the verb of a frame set into its content: "The plant, said Ruiz, will close in May",
    "Part of the problem, say experts like Jo Park, is the ground itself", "“The risk,” said Jo Leamer, “is …”".

    The verb follows a comma or closing quote, and a noun phrase after it runs to a comma or an opening
    quote; the parser takes the content's subject for the verb's (``parsed``) or hangs the speaker on the
    content. Not an audience ("told reporters, …"), a date ("said Monday, …") or the verb's object, and not
    after a subject with a comma-set phrase of its own ("The mayor, who spoke first, said Ruiz, the clerk, had
    lied": there the noun after the verb opens what was said).
    """
    doc = verb.doc
    i = verb.i
    if verb.tag_ not in FINITE_TAGS or i == 0 or doc[i - 1].text not in _INSERT_OPENERS:
        return None
    if parsed is not None and any(t.text == "," for t in parsed.subtree if t.i < i - 1):
        return None
    end = i + 1
    while end < len(doc) and end - i <= 8 and not (doc[end].is_punct or doc[end].tag_ in _VERB_TAGS):
        end += 1
    if end == i + 1 or end >= len(doc) or end - i > 8 or doc[end].text not in (",", "“", '"'):
        return None
    heads = [t for t in doc[i + 1 : end] if not i < t.head.i < end]
    if len(heads) != 1:
        return None
    head = heads[0]
    if (
        head.pos_ not in ("NOUN", "PROPN", "PRON")
        or head.ent_type_ in ("DATE", "TIME")
        or head.lower_ in AUDIENCE_NOUNS
    ):
        return None
    if head.head.i == i and head.dep_ in ("dobj", "dative", "npadvmod"):
        return None
    return head


def _listed_speaker(verb: Token, subj: Token) -> Token | None:
    """ "The contrast with Lee, Park and others said, would be clear": the parser hangs the speakers of an
    interposed frame on the noun before them as a conjunct or apposition, and takes that noun's phrase for
    the subject; the speakers are the names after the last comma before the verb."""
    doc = verb.doc
    comma = next((k for k in range(verb.i - 1, subj.i, -1) if doc[k].text == ","), None)
    if comma is None or comma + 1 >= verb.i:
        return None
    first = doc[comma + 1]
    phrase = doc[comma + 1 : verb.i]
    if (
        first.dep_ not in ("conj", "appos")
        or first.head.i > comma
        or not all(t.pos_ in ("PROPN", "NOUN", "DET", "CCONJ", "ADJ") for t in phrase)
    ):
        return None
    return first


def _past_dateline(subj: Token, verb: Token, sent: Span) -> Token:
    """ "CLEVELAND, July 19 (UPI) — Ann Ruiz told …": the parser's subject in a dateline is a place; the
    speaker is the subject after it (the one the verb or its governor has, or the place's apposition)."""
    if subj.tag_ != "NNP":  # a dateline is a proper noun or two at the start (the tag is read before the sentence)
        return subj
    if not sent.start <= subj.i < sent.end:
        sent = subj.sent  # a governor's subject in another sentence (``Token.sent`` searches the parse for it)
    if subj.i - sent.start > 6:
        return subj
    cut = sent.start_char + dateline_end(sent.text)
    if subj.idx >= cut or cut == sent.start_char:
        return subj
    for node in (verb, subj, *verb.ancestors):
        later = next((c for c in node.children if c.dep_ in ("nsubj", "appos") and c.idx >= cut), None)
        if later is not None and later.i < verb.i:
            return later
    return subj


def _numeric(tok: Token) -> bool:
    """A number, or a noun counted by one ("four voters")."""
    return tok.pos_ == "NUM" or any(c.dep_ == "nummod" for c in tok.children)


def _counts_people(num: Token) -> bool:
    """A number that is a poll's share of a group: "Six in 10 say …", "42% say …", "two-thirds of voters said …"."""
    kids = list(num.children)
    if any(c.lower_ == "in" and (c.dep_ == "quantmod" or any(_numeric(g) for g in c.children)) for c in kids):
        return True  # "4 in 10", "one in five", "one in four voters"
    if any(c.dep_ == "relcl" and any(g.lower_ == "who" for g in c.children) for c in kids):
        return True  # "the 12 who were there"
    if num.text == "%":
        return any(c.pos_ == "NUM" for c in kids)
    # "two-thirds of voters": the share's "of" hangs on the number or on its fraction word.
    return any(t.lower_ == "of" and t.dep_ == "prep" for c in kids for t in (c, *c.children))


def _no_proposition(verb: Token) -> bool:
    """The verb's complement states nothing: an indirect question ("questioned how …") or an
    infinitive of intent or agreement ("agreed to pay", "vowed to stay"); or the verb reports none: a
    non-speech particle verb ("may show up"), "found themselves targeted", or an object that is the thing
    said (:func:`_says_a_thing`)."""
    kids = list(verb.children)
    if any(c.dep_ == "prt" and c.lower_ in NON_SPEECH_PARTICLES for c in kids):
        return True
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if verb.lemma_.lower() == "find" and after is not None and after.lower_ in REFLEXIVE_PRONOUNS:
        return True  # "the candidates found themselves targeted": a state they are in, nothing they think
    comp = next((c for c in kids if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i), None)
    if comp is not None and _phrase_infinitive(verb, comp):
        comp = None  # "said on condition of anonymity to discuss …": the infinitive is the phrase's
    if comp is None:
        return _says_a_thing(verb, kids)
    # The first word after the verb: a relative pronoun before it ("rules, which he said had harmed …") is the
    # complement's subject, no question word. "asked if the plan would work" asks; "said if he were president,
    # taxes would rise" states a condition: there "if" opens a clause inside the complement, not the complement.
    first = comp.left_edge  # the complement's first token (spaCy keeps it for every token: no subtree walk)
    if verb.dep_ == "relcl" and first.i < verb.i:
        first = min((t for t in comp.subtree if t.i > verb.i), key=lambda t: t.i)
    if first.lower_ in QUESTION_WORDS and (first.head.i == comp.i or (first.dep_ == "mark" and first.lower_ != "if")):
        return True
    return comp.dep_ == "xcomp" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in comp.children)


def _says_a_thing(verb: Token, kids: list[Token]) -> bool:
    """The verb's object is what was said ("an hour after she said them", "their faces said a lot"), and no clause
    of the verb reports anything: a clause beside the frame is none of its content. Not "as she put it", whose
    "it" is the clause the "as" frame modifies."""
    if verb.lemma_.lower() not in REPORTING_VERBS or any(c.dep_ == "mark" and c.lower_ == "as" for c in kids):
        return False
    if verb.lemma_.lower() in ADDRESSEE_VERBS:
        return False  # "the adviser told them": the object is who heard it
    return any(
        c.i > verb.i
        and c.dep_ in ("dobj", "npadvmod")
        and c.lower_ in SAID_THING_OBJECTS
        # "said it: …" opens what follows; "announcing it would open …": "it" is the subject of the clause
        and not (c.i + 1 < len(c.doc) and (c.doc[c.i + 1].text == ":" or c.doc[c.i + 1].tag_ in FINITE_TAGS))
        for c in kids
    ) and not any(c.dep_ in ("ccomp", "xcomp", "parataxis", "csubj") for c in kids)


def _asked_about(verb: Token) -> bool:
    """The frame is what a question or request asks about ("Asked if she believed A, …", "pressed him on why he
    had said A", "asked the crew to confirm A"): nobody put A forward (spec section 1: a question is no claim)."""
    if verb.dep_ == "xcomp":
        return verb.head.lemma_.lower() in QUESTION_VERBS
    first = verb.left_edge
    if verb.dep_ not in ("ccomp", "pcomp", "advcl") or first.lower_ not in ASKING_WORDS:
        return False
    if any(t.is_punct for t in verb.doc[first.i : verb.i]):
        return False  # "When asked why, Park responded: …": the question ends at the comma; the answer is said
    head = verb.head.head if verb.head.dep_ == "prep" else verb.head
    return head.lemma_.lower() in QUESTION_VERBS or head.lemma_.lower() == "press"


def _imperative_aside(verb: Token) -> bool:
    """ "A long-shot candidate (think Jo Park in 2010) can win": a bare verb opening a bracket bids the reader
    think of an example; nobody reports anything (the parser takes the example for a subject)."""
    return verb.i > 0 and verb.doc[verb.i - 1].text in ("(", "[") and verb.lower_ == verb.lemma_.lower()


def _concessive_that_said(verb: Token, subj: Token) -> bool:
    """ "That said, the crossing has never been safer": "that said" opening a sentence concedes the point
    before; the demonstrative is no speaker. (:func:`trim_tokens` drops the two words from the writer's claim.)"""
    doc = verb.doc
    return (
        subj.lower_ == "that"
        and subj.tag_ == "DT"
        and subj.i == verb.i - 1
        and verb.i + 1 < len(doc)
        and doc[verb.i + 1].text == ","
        and all(t.is_punct or t.dep_ == "cc" for t in doc[verb.sent.start : subj.i])
    )


def _cue_end(verb: Token) -> int:
    """Widen "said" to "said in a statement", "told" to "told reporters" and "shot" to "shot back" when those
    words follow it."""
    end = verb.i + 1
    kids = {c.i: c for c in verb.children}
    while end in kids:
        child = kids[end]
        sub = list(child.subtree)
        if child.dep_ == "prt" or (child.lower_ == "back" and _shot_back(verb)):
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


def _beside_quote(doc: Doc, frame: set[int]) -> bool:
    """The frame closes a quotation ("“…,” she continued") or opens one ("shouted, “Cruz!”")."""
    before = _token_before(doc, min(frame), lambda t: t.text in (",", ":"))
    j = max(frame) + 1
    while j < len(doc) and doc[j].text in (",", ":"):
        j += 1
    return (before is not None and before.text in _CLOSING_QUOTES) or (j < len(doc) and doc[j].text in ("“", '"', "''"))


def _stray_complement(verb: Token) -> Token | None:
    """The verb of "announcing it would buy …" when the parser took "it" for the participle's object and hung
    "would buy" on the main clause: a subject pronoun object straight before a modal or finite verb."""
    doc = verb.doc
    if verb.i + 2 >= len(doc):
        return None
    obj, nxt = doc[verb.i + 1], doc[verb.i + 2]
    if obj.dep_ != "dobj" or obj.head.i != verb.i or obj.lower_ not in SUBJECT_PRONOUNS:
        return None
    if nxt.tag_ not in FINITE_TAGS:
        return None
    clause = nxt.head if nxt.dep_ in ("aux", "auxpass") else nxt
    return clause if clause.i > obj.i and clause.head.i < verb.i else None


def _shot_back(verb: Token) -> bool:
    """ "Park shot back that …": a verb of retort is speech only with its particle "back" (the cue takes it)."""
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    return verb.lemma_.lower() in BACK_VERBS and nxt is not None and nxt.lower_ == "back" and nxt.head.i == verb.i


def _put_it(verb: Token) -> Token | None:
    """The "it" of "as X put it" (a way of saying: "Obama, as one aide put it, was furious")."""
    if verb.lemma_.lower() != "put" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "it"), None)


def _quoted_lead(verb: Token) -> set[int]:
    """The verb's children that lie in a quotation closed before it ("“Not a chance,” she said", "“To a
    point,” he said"): a short answer the parser hung on the verb as a negation, a phrase or a noun is what
    was said, not part of the frame."""
    doc = verb.doc
    out: set[int] = set()
    for child in verb.children:
        if child.i >= verb.i or child.dep_ in ("punct", "ccomp", "parataxis"):
            continue
        close = _quote_closes(child, verb)
        # Opened right before the phrase and closed by a comma, as a quote that runs into its frame is: "“Thanks,
        # Sarah!!!” wrote X" and "“Too soon?” he asked" are a greeting and a question, "“My dear Jo,” he says" an
        # address, "As for his “plan,” Jo said …" no quotation of the phrase.
        first = child.left_edge.i
        if (
            close is not None
            and first > 0
            and doc[first - 1].tag_ == "``"
            and child.pos_ != "PROPN"
            and doc[close - 1].text == ","
            and not any(doc[k].text in "?!" for k in range(child.i, close))
        ):
            out.add(child.i)
    return out


def _set_off_before(other: Token, subj: Token, verb: Token) -> bool:
    """``other`` ends right before a comma that opens the speaker's frame set into a clause ("Voters, Lee
    suggested, …"), and the frame's verb is followed by a comma of its own."""
    doc = subj.doc
    edge = other.right_edge.i
    return (
        edge + 2 == subj.left_edge.i
        and doc[edge + 1].text == ","
        and verb.i + 1 < len(doc)
        and doc[verb.i + 1].text == ","
    )


def _quotation_before(subj: Token, verb: Token) -> int:
    """Where the quotation ends that closes right before the speaker of a frame after it ("“A,” Lee notes"), when
    it holds a clause and asks nothing; 0 otherwise. A short answer ("“To a point,” he said") is
    :func:`_quoted_lead`'s."""
    doc = verb.doc
    mark = _token_before(doc, max(subj.left_edge.i, _quote_cut(subj) + 1), lambda t: t.text == ",")
    k = mark.i if mark is not None else 0
    if not 0 < k < subj.i < verb.i or doc[k].tag_ != "''" or doc[k - 1].text == "?":
        return 0
    # Its part in this sentence: from the opening mark, or the sentence start when it opened in an earlier one.
    start, first = k - 1, subj.sent.start  # ``Token.sent`` searches the parse: read once
    while start > first and not doc[start].is_quote:
        start -= 1
    return k if has_clause(doc[start:k]) else 0


def _quotation_opened_after(verb: Token) -> int | None:
    """The opening quotation mark a comma or colon sets right after ``verb`` ("said, “…", "wrote: “…"), or None:
    such a quotation is the verb's content, whatever of it the parser hung on the verb."""
    doc = verb.doc
    k = verb.i + 1
    if k + 1 < len(doc) and doc[k].text in (",", ":") and _opening_quote(doc[k + 1]):
        return k + 1
    return None


def _closing_quote(doc: Doc, opening: int, end: int) -> int:
    """The mark that closes the quotation opening at token ``opening``, before ``end``; else ``end``. A curly “
    closes with its own ” (nested pairs counted), a straight or doubled mark with the same mark again; an
    apostrophe ("pressure’s", ‘scare quotes’) closes nothing."""
    mark = doc[opening].text
    depth = 0
    for k in range(opening + 1, end):
        text = doc[k].text
        if mark == "“" and text == "“":
            depth += 1
            continue
        # a curly quotation the writer closed with a straight mark ("“Ladies and gentlemen," who …) closes too
        closes = text == "”" or (text == '"' and doc[k].tag_ == "''") if mark == "“" else text == mark
        if closes:
            if depth == 0:
                return k
            depth -= 1
    return end


def _quotation_ends_report(doc: Doc, close: int, end: int) -> bool:
    """The writer's own words follow the quotation that closes at ``close``: a comma closes it ("“We’ll see,” when
    asked …", "“Lee,” the host joked") or punctuation follows it ("” - at which point …"). Words straight after the
    mark go on with what was said ("“I have not heard that concern” from officials")."""
    if close >= end - 1:
        return False
    return doc[close - 1].text == "," or doc[close + 1].text in (",", ";") or doc[close + 1].text in _DASHES


def _quote_closes(child: Token, verb: Token) -> int | None:
    """The closing quotation mark between ``child`` (before ``verb``) and the verb, if there is one."""
    doc = verb.doc
    return next((k for k in range(child.i + 1, verb.i) if doc[k].tag_ == "''"), None)


def _finding_phrase(verb: Token) -> bool:
    """The object of "shows" / "finds" is a finding of its own: a name with what is found of it ("Ruiz with a
    healthy lead", "Park leading 44 to 37") or a figure ("71 percent support"). A summary noun ("only a modest
    regional difference", "differences between them") is the writer's reading, no claim of the document's."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return False
    return obj.pos_ == "PROPN" or any(
        t.like_num and t.ent_type_ not in ("DATE", "TIME") for t in verb.subtree if t.i > verb.i
    )


def _verb_relation(verb: Token, sent: Span) -> Relation | None:
    if verb.tag_ not in _VERB_TAGS or verb.tag_ == "MD":
        return None
    lemma = verb.lemma_.lower()
    put_it = _put_it(verb) if lemma not in REPORTING_VERBS else None
    if put_it is None and lemma not in REPORTING_VERBS and lemma not in QUOTE_VERBS and not _shot_back(verb):
        return None
    if lemma in CLAUSE_ONLY_VERBS and not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return None
    statement_acl = verb.dep_ in ("acl", "pcomp") and _governor(verb) is not None
    if verb.tag_ == "VBG" and verb.dep_ not in ("ROOT", "ccomp", "conj", "parataxis", "advcl") and not statement_acl:
        return None
    quoted = _quoted_lead(verb)
    kids = [c for c in verb.children if c.i not in quoted]
    if is_agentless_frame(verb.doc, verb.i) or any(c.dep_ in ("nsubjpass", "auxpass", "neg") for c in kids):
        # Passive frames are hedges; a negated one ("did not say how many") attributes nothing to its subject.
        return None
    if _no_proposition(verb) or _asked_about(verb) or _imperative_aside(verb) or _supposed(verb):
        return None
    speaker = _speaker(verb, sent)
    if speaker is None or _concessive_that_said(verb, speaker[0]):
        return None
    subj, src = speaker
    # The whole subject, relative clauses included ("Trackline, which owns the line, said"), is frame;
    # when the verb is itself in the subject's relative clause ("…, a nurse, who said …") only up to it.
    inside = {t.i for t in verb.subtree} if verb.dep_ == "relcl" else set()
    frame: set[int] = (_subject_frame(subj) - inside) | set(range(*src)) | {verb.i}
    if _aside_participle(verb):
        frame = {verb.i}  # "A has “B,” claiming …": the speaker, found in A, stays A's
    relative = next((c for c in verb.children if c.tag_ in ("WP", "WDT") and c.dep_ == "nsubj"), None)
    if relative is not None and subj.i != relative.i and subj.dep_ == "nsubj" and subj.head.i == verb.i:
        relative = None  # "the museum, which she argued needs …": "she" speaks; "which" is the content's subject
    if relative is not None:
        frame.add(relative.i)
    gov = _governor(verb) if subj.head.i != verb.i and (verb.dep_ == "xcomp" or statement_acl) else None
    if gov is not None:
        # "tried to argue", "issued a statement saying": the governing verb and its object are frame too.
        frame |= {gov.i} | {c.i for c in gov.children if c.dep_ in ("aux", "neg", "advmod") and c.i < verb.i}
        if subj.head.i == gov.i and subj.dep_ == "dobj":  # "The delay led critics to say …": all frame
            frame |= {t.i for c in gov.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
        if statement_acl:
            frame |= {t.i for t in verb.head.subtree if t.i < verb.i}
    means = verb.dep_ == "pcomp" and verb.head.lower_ in MEANS_PREPOSITIONS and gov is not None
    stray: Token | None = None
    if means:
        if lemma in DEED_VERBS:
            return None  # "provided cover by ensuring every dollar would be returned": a deed, not a report
        # "The council closed its session by announcing …": what the subject did is the writer's own claim; only
        # "by announcing" is frame (the subject still speaks), and what is announced ends with the participle.
        frame = {verb.head.i, verb.i}
        stray = _stray_complement(verb)
    if verb.dep_ == "xcomp":
        frame |= {c.i for c in verb.children if c.dep_ == "aux"}
        if gov is not None and _manner_adjective(verb):
            frame |= {t.i for t in verb.head.subtree if t.i < verb.i}  # "was all too quick to": frame
    # "A county poll showed Ruiz with a healthy lead": a document's finding may be a noun phrase, with all after it.
    finding = lemma in FINDING_VERBS and _is_document(subj) and _finding_phrase(verb)
    complement = None
    quoted_before = _quotation_before(subj, verb)
    quoted_after = _quotation_opened_after(verb)
    closes_at = _closing_quote(verb.doc, quoted_after, sent.end) if quoted_after is not None else sent.end
    for child in kids:
        if child.i < quoted_before:
            continue  # in the quotation that closes before the speaker: what was said, wherever the parser hung it
        if child.i > verb.i and (_occasion_participle(child) or _phrase_infinitive(verb, child)):
            frame.update(t.i for t in child.subtree)  # "said, speaking on condition of anonymity …": frame
            continue
        if child.dep_ == "csubj" and subj.head.i == child.i:
            frame.update(t.i for t in child.subtree)  # the participle phrase on the speaker (see _participle_subject)
            continue
        if child.i > verb.i and subj.head.i == child.i and child.tag_ == "VBG":
            # "“…,” said Rob Lane, half joking": the parser hung the speaker on the manner phrase after him
            frame.update(t.i for t in child.subtree)
            continue
        if quoted_after is not None and quoted_after < child.i < closes_at:
            # "Park said, “Our city's a mess, and …”": the parser took the quotation's noun phrase for the verb's
            # object; all of it is what was said, none of it frame
            complement = complement if complement is not None else child.i
            continue
        if stray is not None and child.i == verb.i + 1:
            complement = stray.i
            continue  # "by announcing it would …": the object is the subject of the clause the parser hung elsewhere
        if finding and child.i > verb.i and (complement is not None or child.dep_ == "dobj"):
            complement = complement or child.i
            continue
        if child.i == subj.i or (
            child.dep_ == "nsubj" and child.i < verb.i < subj.i and not _quote_closes(child, verb)
        ):
            continue  # a second subject before the verb is the content's, misread ("The plant, said Ruiz, will …")
        if child.dep_ == "nsubj" and child.i < subj.i < verb.i and _set_off_before(child, subj, verb):
            continue  # "Parents, Ortiz suggested, need not fret": the clause's subject, before a frame set into it
        # A prepositional phrase between the subject and the content is the verb's object ("insisted on
        # paying"); one inside the content ("“… in the way J.F.K. would have,” said X") is a misparse.
        if child.dep_ == "prep" and complement is None and (child.i > verb.i or child.i > subj.i):
            frame |= _prep_frame(child)
            continue
        clausal = child.dep_ in _CLAUSAL or child.dep_ == "punct"
        sub = [] if clausal else list(child.subtree)  # a clause's subtree (often the whole content) is never read
        if clausal or _has_verb(sub):
            if complement is None and child.dep_ in ("ccomp", "parataxis", "xcomp") and child.i > verb.i:
                complement = child.i
            continue
        if child.dep_ == "mark" or child.dep_ == "cc":
            continue
        frame.update(t.i for t in sub)
    cue = (verb.i, put_it.i + 1 if put_it is not None else _cue_end(verb))
    frame.update(range(*cue))
    if lemma in QUOTE_VERBS and not _beside_quote(verb.doc, frame):
        return None  # "continued", "shouted": speech only beside the quotation they introduce
    # "As the filings show, …" / "As Park admits: …": the clause the "as" frame modifies is its content.
    as_mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    as_frame = as_mark is not None
    if as_mark is not None:
        if _comparison(as_mark, sent) or subj.head.i != verb.i:
            # "as much rain as many had feared": a measure, not what they said; "as expected", "as mentioned
            # above": no subject of its own says it (the one found is the main clause's)
            return None
        if verb.lemma_.lower() not in ADDRESSEE_VERBS and _object_of_its_own(verb):
            return None  # "…, as she described their losses": "as" of time, the verb has its own object
        frame |= {c.i for c in verb.children if c.dep_ == "mark"}
    region = (sent.start, sent.end)
    frame |= _date_after_verb(verb, complement)
    if quoted_after is not None and quoted_after + 1 < closes_at and (complement is None or complement > closes_at):
        # the parser hung the quotation elsewhere ("…, Park said: “…,” the Ledger reported"): it is still the content
        complement = quoted_after + 1
    if quoted_after is not None and _quotation_ends_report(verb.doc, closes_at, sent.end):
        # "When a fan shouted, “Lee,” the host joked …": what the verb reports ends where its quotation closes
        region = (sent.start, closes_at + 1)
    if means:
        region = (verb.i, (stray if stray is not None else verb).right_edge.i + 1)
    clause = _relative_clause(verb)
    if clause is not None and not any(
        t.text == ":" or t.tag_ == "``" for t in verb.doc[verb.right_edge.i + 1 : sent.end]
    ):
        # "The changes, which officials said will start soon, will not apply to all": what a relative clause
        # reports ends with the clause (not before the quotation a colon opens: "…, where he said: “…”"), and
        # one with no clause of its own reports nothing ("the writer who wrote “Salt Harbour,” has been …").
        region = (max(sent.start, clause.left_edge.i), min(sent.end, clause.right_edge.i + 1))
    return Relation(
        anchor=verb.i,
        cue=cue,
        source=src,
        frame=frozenset(frame),
        region=region,
        kind="as" if as_frame else "verb",
        cue_lemma=verb.lemma_.lower(),
        complement=complement,
        said_by=(relative.i, relative.i + 1) if relative is not None and verb.dep_ == "relcl" else None,
    )


def _as_reported_relation(verb: Token, sent: Span) -> Relation | None:
    """ "As reported by the Ledger, A" / "A, as first reported by the Ledger on Tuesday": a reduced passive "as"
    clause of a reporting verb names its source in the "by" phrase; the clause it modifies is what was reported.

    Only with that agent: an agentless "as reported" or "as expected" says nothing of who reports it. The clause
    opens the sentence or is set off by a comma: "a mission as declared by the minister" describes the mission.
    """
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in REPORTING_VERBS:
        return None
    kids = list(verb.children)
    mark = next((c for c in kids if c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i), None)
    agent = next((c for c in kids if c.dep_ == "agent" and c.i > verb.i), None)
    if mark is None or agent is None or any(c.dep_ in (*SUBJECT_DEPS, "auxpass", "aux", "neg") for c in kids):
        return None
    if mark.i > sent.start and verb.doc[mark.i - 1].text not in (",", "—", "–", "("):
        return None
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
    if pobj is None or _comparison(mark, sent):
        return None
    src = _mention(pobj)
    if not _is_mention(verb.doc, src):
        return None
    return Relation(
        anchor=verb.i,
        cue=(verb.i, verb.i + 1),
        source=src,
        frame=frozenset(t.i for t in verb.subtree),
        region=(sent.start, sent.end),
        kind="as",
        cue_lemma=verb.lemma_.lower(),
    )


def _relative_clause(verb: Token) -> Token | None:
    """The relative clause ``verb`` heads, or the one it is coordinated into with no subject of its own
    ("Park, who read the report but would say nothing about it, …")."""
    if verb.dep_ == "relcl":
        return verb
    if verb.dep_ == "conj" and verb.head.dep_ == "relcl" and not has_subject(verb):
        return verb.head
    return None


def _comparison(mark: Token, sent: Span) -> bool:
    """The "as" of "as much … as", "as soon as": the clause it opens compares, it reports nothing.

    Its clause hangs on a noun or adjective ("stimulus", "much"), or an "as" of degree comes shortly before.
    """
    if mark.head.head.pos_ not in ("VERB", "AUX"):
        return True
    doc = mark.doc
    return any(doc[j].lower_ == "as" and doc[j].dep_ == "advmod" for j in range(max(sent.start, mark.i - 8), mark.i))


def _naming_relation(verb: Token, sent: Span) -> Relation | None:
    """ "Paul called the plan “a giveaway”", "…, calling it a betrayal", "described the plan as a giveaway".

    The object with what the source calls it is a small clause: the content. "Called for an inquiry",
    "called the meeting" and the passive "was called a hero" name nothing.
    """
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in NAMING_VERBS | AS_NAMING_VERBS | AT_VERBS:
        return None
    if verb.tag_ == "VBG" and verb.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "xcomp"):
        return None
    kids = list(verb.children)
    obj = next((c for c in kids if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or any(c.dep_ in ("nsubjpass", "auxpass", "neg") for c in kids):
        return None
    if lemma in NAMING_VERBS:
        pred = max((c for c in kids if c.dep_ == "oprd" and c.i > obj.i), key=lambda c: c.i, default=None)
        # The small parser often hangs a quoted name on the object: "calling the plan “a giveaway”".
        pred = pred or next((c for c in obj.children if c.dep_ == "appos" and c.i > obj.i), None)
        if obj.lower_ in REFLEXIVE_PRONOUNS and pred is not None and pred.tag_ in ("NNP", "NNPS"):
            return None  # "a group that calls itself Harbour Watch": the name it goes by, not a claim
    elif lemma in AT_VERBS:
        # "The poll puts her approval at 49 percent": a measure, so a number in what follows "at".
        prep = next((c for c in (*kids, *obj.children) if c.dep_ == "prep" and c.lower_ == "at" and c.i > obj.i), None)
        pred = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if pred is not None and not any(t.like_num for t in pred.subtree):
            return None
    else:
        # "as" hangs on the verb or on the object ("saw the vote as a test"); what follows it is a noun
        # ("as a giveaway"), a clause ("as a highway going …") or an adjective ("as “absurd”").
        prep = next((c for c in (*kids, *obj.children) if c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i), None)
        pred = next((c for c in prep.children if not c.is_punct), None) if prep is not None else None
        if pred is not None and _role_noun(pred):
            return None  # "dismissed him as coach", "saw the film as a child": a capacity, not a depiction
    speaker = _speaker(verb, sent) if pred is not None else None
    if pred is None or speaker is None:
        return None
    subj, src = speaker
    return _object_relation(verb, {t.i for t in subj.subtree}, src, _object_span(obj, pred), obj.i)


def _object_span(obj: Token, what: Token) -> tuple[int, int]:
    """The tokens from the object to the end of what is said of it ("the plan “a giveaway”", "the mayor of lying")."""
    return obj.left_edge.i, max(what.right_edge.i, obj.right_edge.i) + 1


def _object_relation(
    verb: Token, subject: set[int], src: tuple[int, int], span: tuple[int, int], complement: int
) -> Relation:
    """A verb frame whose content is its object with what the source says of it (``span``, see
    :func:`_object_span`): the speaker's ``subject`` tokens, the mention, the verb and its auxiliaries and adverbs
    before it are frame."""
    frame = subject | set(range(*src)) | {verb.i}
    frame |= {c.i for c in verb.children if c.dep_ in ("aux", "advmod") and c.i < verb.i}
    return Relation(
        anchor=verb.i,
        cue=(verb.i, verb.i + 1),
        source=src,
        frame=frozenset(frame - set(range(*span))),
        region=span,
        kind="verb",
        cue_lemma=verb.lemma_.lower(),
        complement=complement,
    )


def _accusing_relation(verb: Token, sent: Span) -> Relation | None:
    """ "The senator accused the governor of hiding the figures", "…, accusing him of fraud": what the source charges
    its object with is the content, the object with "of" and its gerund or noun (as the object with what it is
    called is for "called"); see :func:`_accused_span`."""
    charged = _accused_span(verb)
    if charged is None:
        return None
    # "Ruiz said A and accused B of C": the speaker of the report the accusation goes on from.
    speaker = _speaker(_accuser_of(verb) or verb, sent)
    if speaker is None:
        return None
    subj, src = speaker
    # The subject less what its own relative clause reports ("The panel, which said A, also accused …").
    return _object_relation(verb, _subject_frame(subj), src, charged, charged[0])


def _accused_span(verb: Token) -> tuple[int, int] | None:
    """The tokens of what an active accusing verb charges its object with: the object, "of" and its complement.

    Not the passive "is accused of fraud" (by someone or no one), the adjective of "the accused man" or a negated
    "did not accuse"; nor a clause whose relative word is in the charge ("whom Park accuses of lying", "the tricks
    that Park accused him of using"): what is charged is the noun outside the clause.
    """
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ACCUSING_VERBS:
        return None
    kids = list(verb.children)
    if verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in kids):
        return None  # "the man accused of fraud": a reduced passive
    if verb.tag_ == "VBG" and verb.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "xcomp", "pcomp"):
        return None
    if any(c.dep_ in ("nsubjpass", "auxpass", "neg", "agent") for c in kids) or _supposed(verb):
        return None
    obj = next((c for c in kids if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or obj.tag_ in ("WP", "WDT") or any(c.dep_ == "dobj" and c.i < verb.i for c in kids):
        return None
    charge = next((c for c in _of_phrases(verb, obj) if _charges(c)), None)
    if charge is None:
        return None
    # The charge's gap is the relative word before the verb: "the tricks that Park accused him of using".
    if any(t.tag_ in ("WP", "WDT") and t.i < verb.i for t in charge.subtree):
        return None
    return _object_span(obj, charge)


def _of_phrases(verb: Token, obj: Token) -> list[Token]:
    """The "of" phrases after the object that may hold the charge, in text order: on the verb, or in the object's own
    noun phrase (the parser hangs "of lying" on the object, on its conjunct, or on a noun inside it: "accused the owner
    of the mill of lying"), not in a clause of it ("the man who ran the office of …")."""

    def in_phrase(tok: Token) -> bool:
        while tok.i != obj.i:
            if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
                return False
            tok = tok.head
        return True

    found = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > obj.i]
    found += [t for t in obj.subtree if t.dep_ == "prep" and t.lower_ == "of" and t.i > obj.i and in_phrase(t.head)]
    return sorted(found, key=lambda t: t.i)


def _charges(prep: Token) -> bool:
    """An "of" phrase that says what someone is accused of: a gerund clause ("of hiding the figures", "of being paid
    off") or a noun ("of fraud"), not "of that". On a common noun, a name or a definite noun is what that noun is of
    ("the mayor of Lund", "the owner of the mill"), no charge."""
    what = next((c for c in prep.children if c.dep_ in ("pcomp", "pobj")), None)
    if what is None:
        return False
    if what.dep_ == "pcomp":
        return what.pos_ in ("VERB", "AUX")
    if what.pos_ not in ("NOUN", "PROPN"):
        return False
    return prep.head.pos_ in ("VERB", "PRON", "PROPN") or not _definite(what)


def _definite(noun: Token) -> bool:
    """A name, or a noun with "the", a demonstrative or a possessive: one thing the text picks out, not a kind."""
    return noun.pos_ == "PROPN" or any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS) for c in noun.children
    )


def _role_noun(pred: Token) -> bool:
    """ "as coach", "as a child": a bare singular noun (an office) or a stage of life says in what
    capacity, not what the object is called."""
    if pred.tag_ not in ("NN", "NNP"):
        return False
    return pred.lemma_.lower() in LIFE_STAGES or not any(c.dep_ in ("det", "poss", "amod") for c in pred.children)


def _noun_phrase_before(doc: Doc, end: int, start: int) -> tuple[int, int] | None:
    """The noun phrase that ends just before ``end`` ("the county records", "the clerk's office"), no further back
    than ``start``."""
    s = end
    while s > start and (
        (doc[s - 1].pos_ in ("NOUN", "PROPN", "ADJ", "DET", "NUM", "PRON") and doc[s - 1].tag_ != "WDT")
        or (doc[s - 1].tag_ == "POS" and s - 1 > start)
    ):
        s -= 1
        if doc[s].pos_ == "PRON" and doc[s].tag_ != "PRP$":
            break
    return (s, end) if s < end else None


def _is_document(noun: Token) -> bool:
    return noun.pos_ in ("NOUN", "PROPN") and bool({noun.lower_, noun.lemma_.lower()} & DOCUMENT_NOUNS)


#: Dependencies of a noun's place, which a show-type verb the parser misread as a noun takes.
_NOMINAL_DEPS = frozenset({"pobj", "dobj", "nsubj", "appos", "compound", "attr"})


def _document_relation(tok: Token, sent: Span) -> Relation | None:
    """ "Turnout rose 4 percent, county records show" / "as the filings show, …": a document shows.

    The small tagger reads "show" after a plural noun as a noun, so the frame is matched by form:
    a show-type verb straight after a document noun ("records", "polls", "filings"), or one whose
    subject the parser still found ("audit files from the vendor show that …").
    """
    doc = tok.doc
    # A verb tag with a noun's place in the parse ("As Tuesday's results show, …" read as "As [results show]") is
    # the same misreading.
    read_as_noun = tok.tag_ not in _VERB_TAGS or (
        tok.dep_ in _NOMINAL_DEPS and not any(c.dep_ == "nsubj" for c in tok.children)
    )
    if not read_as_noun or tok.lower_ not in DOCUMENT_VERB_FORMS or tok.i <= sent.start:
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    src: tuple[int, int] | None
    if subj is not None:
        noun, src = subj, _mention(subj)
        if src[1] - src[0] > 1 and doc[src[1] - 1].pos_ == "ADP":
            src = (src[0], src[1] - 1)  # "files from Kestrel Data show": the parser took the name for part of "show"
    else:
        noun, found = doc[tok.i - 1], _noun_phrase_before(doc, tok.i, sent.start)
        if found is not None and found[0] > sent.start + 1 and doc[found[0] - 1].lower_ in ("from", "of", "by"):
            # "Audit files from the vendor show …": the document is the noun before the preposition, past a
            # participle before "by" ("records compiled by the clerk show …").
            before = found[0] - 1
            if doc[before].lower_ == "by" and before - 1 > sent.start and doc[before - 1].tag_ == "VBN":
                before -= 1
            owner = _noun_phrase_before(doc, before, sent.start)
            if owner is not None and _is_document(doc[owner[1] - 1]):
                noun, found = doc[owner[1] - 1], (owner[0], found[1])
        src = found
    if src is None or not _is_document(noun) or not _is_mention(doc, src):
        return None
    frame = set(range(src[0], tok.i + 1)) | ({t.i for t in subj.subtree} if subj is not None else set())
    if src[0] > sent.start and doc[src[0] - 1].lower_ == "as":
        frame.add(src[0] - 1)
    comp = next((c for c in tok.children if c.dep_ in ("ccomp", "acl", "relcl") and c.i > tok.i), None)
    return Relation(
        anchor=tok.i,
        cue=(tok.i, tok.i + 1),
        source=src,
        frame=frozenset(frame),
        region=(sent.start, sent.end),
        kind="as",
        cue_lemma=tok.lower_,
        complement=comp.i if comp is not None else None,
    )


def _that_clause(head: Token) -> Token | None:
    """A finite clause opened by "that" hanging on ``head`` ("a claim that …", "was that …")."""
    for c in head.children:
        that = any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        if c.dep_ in ("ccomp", "acl", "relcl", "attr") and c.i > head.i and that and c.tag_ in _VERB_TAGS:
            return c
    return None


def _clause_region(clause: Token) -> tuple[int, int]:
    return _span_of(list(clause.subtree))


def _belief_relation(adj: Token, sent: Span) -> Relation | None:
    """ "Officials are confident that …": a belief adjective on a copula, its subject the believer."""
    verb = adj.head
    if adj.dep_ != "acomp" or adj.lower_ not in BELIEF_ADJECTIVES or verb.pos_ not in ("AUX", "VERB"):
        return None
    if any(c.dep_ == "advmod" and c.lower_ in ("so", "too") for c in adj.children):
        return None  # "so worried that … that they …": a clause of result, not what they believe
    clause = _that_clause(adj) or _that_clause(verb)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if clause is None or subj is None or any(c.dep_ == "neg" for c in verb.children):
        return None
    src = _mention(subj)
    if not _is_mention(adj.doc, src):
        return None
    frame = {t.i for t in subj.subtree} | {verb.i, adj.i} | {c.i for c in verb.children if c.dep_ in ("aux", "advmod")}
    return Relation(
        anchor=adj.i,
        cue=(min(verb.i, adj.i), adj.i + 1),
        source=src,
        frame=frozenset(frame),
        region=_clause_region(clause),
        kind="verb",
        cue_lemma=adj.lower_,
        complement=clause.i,
    )


def _stance_relation(word: Token, sent: Span) -> Relation | None:
    """ "He expressed concern that …", "she voiced the fear that …", "they raised the point that …".

    A light verb with a stance noun as its object: the verb's subject holds the "that" clause.
    "Rejected the claim that …" is no stance of the subject: its verb is no light verb. "make"
    ("made it clear that", "made the case that") is :func:`_light_verb_relation`'s.
    """
    verb = word.head
    if verb.lemma_.lower() not in STANCE_VERBS or verb.pos_ != "VERB" or verb.i > word.i:
        return None
    if word.pos_ != "NOUN" or word.dep_ != "dobj" or word.lemma_.lower() not in CLAIM_NOUNS | STANCE_NOUNS:
        return None
    clause = _that_clause(word) or _that_clause(verb)
    kids = list(verb.children)
    if clause is None or any(c.dep_ in ("neg", "nsubjpass") for c in kids):
        return None
    speaker = _speaker(verb, sent)
    if speaker is None:
        return None
    subj, src = speaker
    region = _clause_region(clause)
    frame = {t.i for t in subj.subtree} | set(range(verb.i, word.i + 1))
    frame |= {c.i for c in kids if c.dep_ in ("aux", "advmod") and c.i < verb.i}
    frame |= {c.i for c in word.children if c.dep_ in ("det", "amod", "nsubj") and c.i < word.i}
    return Relation(
        anchor=word.i,
        cue=(verb.i, word.i + 1),
        source=src,
        frame=frozenset(i for i in frame if not region[0] <= i < region[1]),
        region=region,
        kind="verb",
        cue_lemma=verb.lemma_.lower(),
        complement=clause.i,
    )


#: Dependencies by which the parser hangs a "that" clause on a light-verb frame, wherever it puts it.
_CLAUSE_HEADS = frozenset({"ccomp", "advcl", "acl", "relcl", "csubj", "parataxis"})


def _light_verb_relation(verb: Token, sent: Span) -> Relation | None:
    """ "Officials made clear they intend to …", "made it clear that …", "will make the case that …".

    "make" with a stating predicate ("clear", "plain", "known") or a claim or stance noun as its object
    ("case", "point", "claim", "promise") is a statement verb; its content
    is the first clause after the cue word within the verb's phrase, wherever the parser hung it.
    """
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "make":
        return None
    if any(c.dep_ in ("neg", "auxpass", "nsubjpass") for c in verb.children):
        return None  # "did not make clear"; "as was made clear": passive, nobody of its own makes it clear
    word = next(
        (
            t
            for t in verb.subtree
            if verb.i < t.i <= verb.i + 3
            and (
                t.lower_ == "clear"  # "made clear", "made it clear", wherever the parser hangs it
                or (t.lower_ in STANCE_ADJECTIVES and t.head.i == verb.i)
                or (t.dep_ == "dobj" and t.head.i == verb.i and t.lemma_.lower() in CLAIM_NOUNS | STANCE_NOUNS)
            )
        ),
        None,
    )
    if word is None:
        return None
    clause = next(
        (
            t
            for t in verb.subtree
            if t.i > word.i
            and t.dep_ in _CLAUSE_HEADS
            and not any(c.dep_ == "mark" and c.lower_ != "that" for c in t.children)  # "…, while X said"
            and _own_clause(t)
        ),
        None,
    )
    speaker = _speaker(verb, sent) if clause is not None else None
    if clause is None or speaker is None:
        return None
    src = speaker[1]
    region = _clause_region(clause)
    if region[0] <= word.i:
        return None
    frame = {t.i for t in verb.subtree if not region[0] <= t.i < region[1]} | set(range(*src))
    return Relation(
        anchor=verb.i,
        cue=(verb.i, word.i + 1),
        source=src,
        frame=frozenset(frame),
        region=region,
        kind="verb",
        cue_lemma="make " + word.lower_,
        complement=clause.i,
    )


def _noun_relation(noun: Token, sent: Span) -> Relation | None:
    """ "his claim that …", "complaints from the ministry that …", "Rubio's answer was that …".

    The possessor, or the object of "by"/"from"/"of", is the source; the "that" clause is the content.
    """
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in CLAIM_NOUNS:
        return None
    doc = noun.doc
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ not in ("its", "their")), None)
    frame = {noun.i}
    if owner is None:
        prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")), None)
        owner = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if prep is not None:
            frame.add(prep.i)
    if owner is None:
        return None
    clause = _that_clause(noun)
    if clause is None and noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        clause = _that_clause(noun.head)
        frame.add(noun.head.i)
    if clause is None:
        return None
    src = _owner_mention(owner)
    if not _is_mention(doc, src):
        return None
    frame |= {t.i for t in owner.subtree if t.i not in set(range(*_clause_region(clause)))}
    frame |= {c.i for c in noun.children if c.dep_ in ("det", "amod", "compound")}
    return Relation(
        anchor=noun.i,
        cue=(noun.i, noun.i + 1),
        source=src,
        frame=frozenset(frame),
        region=_clause_region(clause),
        kind="verb",
        cue_lemma=noun.lemma_.lower(),
        complement=clause.i,
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
    ministry": the ministry vouches for the figure, not for X (low attachment). A contrast
    ("A rose, while B fell, according to X") weighs two findings of one source, so X reports both.
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
        # Not a clause whose subject is its relative pronoun ("…, compared with Lee, who had 40, according to
        # X"): it says nothing without the sentence it hangs on.
        if (
            node.dep_ in ("relcl", "advcl")
            and node.tag_ in _SCOPE_TAGS
            and not any(c.dep_ in NOMINAL_SUBJECT_DEPS and c.tag_ in ("WP", "WDT") for c in node.children)
            and not _contrast_clause(node)
        ):
            s, e = _span_of(list(node.subtree))
            if e >= first - 1 and s > sent.start + 2 and doc[s - 1].text == "," and node.i < first:
                best = (s, min(e, first))
        node = node.head
    return best or (sent.start, sent.end)


def _contrast_clause(clause: Token) -> bool:
    """A clause a contrast mark opens ("…, while B", "although B"): set beside the clause it hangs on, not inside."""
    return any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in clause.children)


def _opens_phrase(tok: Token) -> bool:
    """A clause word that begins a phrase, not a clause: "That plan", "As of Monday", "So far"."""
    return tok.dep_ in ("det", "prep") or (tok.lower_ == "so" and tok.head.pos_ in ("ADV", "ADJ"))


def trim_tokens(doc: Doc, s: int, e: int, content: bool = False) -> tuple[int, int]:
    """Drop punctuation, spaces and clause-opening words at either end of a token range.

    A clause word at the end stays when it hangs on a word before it, as an argument does ("should be
    angry about that"); one that opens the clause after the range ("the district, where") goes. In a
    relation's ``content`` a demonstrative "that" opening it stays ("“That’s fine,” she said"), and so does the
    subordinator of a clause set before the content's main clause (:func:`_opens_fronted_clause`); the writer's
    own stretches drop both, so a short opinion ("That is worth defending") stays under the claim length.
    """
    first = s
    # One token object per step (``doc[i]`` builds a new one at every read).
    while s < e and (
        (t := doc[s]).is_punct
        or t.is_space
        or (
            t.lower_ in CLAUSE_MARKERS
            and not (content and (_demonstrative(t) or _opens_fronted_clause(t, e) or _opens_quotation(doc, s)))
            and not _opens_phrase(t)
        )
        or t.dep_ == "cc"
    ):
        s += 1
    if s > first and s + 2 < e and doc[s].lower_ == "said" and doc[s + 1].text == "," and doc[s - 1].lower_ == "that":
        # "That said, …": the concession opens no claim (:func:`_concessive_that_said` keeps it from being a frame).
        return trim_tokens(doc, s + 2, e, content)
    while e > s and (
        (t := doc[e - 1]).is_punct
        or t.is_space
        or t.dep_ in ("cc", "mark")
        or (t.lower_ in CLAUSE_MARKERS and not s <= t.head.i < e - 1)
    ):
        e -= 1
    return s, e


def _opens_quotation(doc: Doc, i: int) -> bool:
    """Token ``i`` is the first word inside a quotation ("“As far as I know, …”", "“Who else would?”"): the quoted
    speaker's own word, not a clause marker of the writer's sentence. A subordinator still goes: "…,” she said,
    “because …” goes on with the clause the frame split."""
    return i > 0 and _opening_quote(doc[i - 1]) and doc[i].dep_ != "mark"


def _opens_fronted_clause(tok: Token, end: int) -> bool:
    """ "said that, because the audit found no fault, the council was right": the subordinator of a clause set
    before the content's main clause (which ends before ``end``) is part of what was said."""
    clause = tok.head
    return (
        tok.dep_ == "mark"
        and tok.lower_ != "that"  # the complement's own "that", wherever the parser hung it
        and clause.dep_ == "advcl"
        and clause.i < clause.head.i < end
        and has_subject(clause)  # not "stated, while testifying, that …"
    )


def _demonstrative(tok: Token) -> bool:
    """ "That" as a pronoun or determiner ("“That’s fine,” she said", "said that rule helps nobody"): a word of
    the content, not the conjunction that opens it."""
    return tok.lower_ == "that" and tok.tag_ == "DT" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "det")


def token_chunks(doc: Doc, s: int, e: int, taken: set[int], content: bool = False) -> list[tuple[int, int]]:
    """Maximal runs of tokens in ``[s, e)`` outside ``taken``, trimmed, keeping those with a word.

    ``content``: the runs are a relation's content, which a demonstrative "that" or a fronted clause's subordinator
    may open (see :func:`trim_tokens`).
    """
    out: list[tuple[int, int]] = []
    i = s
    while i < e:
        if i in taken:
            i += 1
            continue
        j = i
        while j < e and j not in taken:
            j += 1
        cs, ce = trim_tokens(doc, i, j, content)
        if ce > cs and word_count(doc, cs, ce):
            out.append((cs, ce))
        i = j
    return out


def _region_chunks(doc: Doc, rel: Relation, taken: set[int]) -> list[tuple[int, int]]:
    """The chunks of ``rel``'s region outside ``taken``: where its content is chosen from, trimmed as a content is."""
    return token_chunks(doc, *rel.region, taken, content=True)


def _gap_is_punct(doc: Doc, a: int, b: int) -> bool:
    if a >= b:
        return True  # no gap: the frame touches the chunk (and no span is built)
    return all(t.is_punct or t.is_space or t.dep_ in ("cc", "mark") for t in doc[a:b])


def _colon_opens(doc: Doc, chunk: tuple[int, int], fs: int) -> bool:
    """A colon between an unquoted stretch and the frame after it (in a quotation that opens the stretch, a
    colon is the speaker's own: "“Note to the board: not on my watch,” she posted")."""
    s, e = chunk
    return any(t.text == ":" for t in doc[e:fs]) and not (s > 0 and doc[s - 1].is_quote)


def _split_clause(doc: Doc, before: tuple[int, int], after: tuple[int, int]) -> bool:
    """A frame between a clause's subject (no finite verb) and its predicate (one): the two sides are one clause."""
    return not any(t.tag_ in FINITE_TAGS for t in doc[slice(*before)]) and any(
        t.tag_ in FINITE_TAGS for t in doc[slice(*after)]
    )


#: Heads of a clause or phrase that modifies a verb rather than being what it reports.
_MODIFIER_DEPS = frozenset({"prep", "npadvmod", "advmod", "agent"})
#: Links by which a frame verb hangs on a clause it is no complement of ("…, when she told …", "…, but he maintained").
_DEPENDENT_DEPS = frozenset({"relcl", "advcl", "acl", "conj", "xcomp", "pcomp", "prep", "pobj"})
_QUOTE_MARKS = _CLOSING_QUOTES | {"“", "’"}


def _object_of_its_own(verb: Token) -> bool:
    """The verb has a direct object that is not an addressee ("maintains a commanding lead", not "told CNN")."""
    return any(
        c.dep_ == "dobj"
        and (c.pos_ in ("NOUN", "NUM") or c.lower_ in REFLEXIVE_PRONOUNS)
        and c.lower_ not in AUDIENCE_NOUNS
        and c.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE")
        for c in verb.children
    )


def _not_reported_before(doc: Doc, verb: Token, chunk: tuple[int, int], fs: int) -> bool:
    """The unquoted stretch before a verb frame is no content of it: the frame's verb hangs on that clause
    ("A, when she told …", "A, but he maintained …"), the stretch only modifies the verb ("Asked whether …, he
    said", "In a speech, she mentioned …", "Though A, Park maintains …"), or the verb has an object of its own
    ("Though A, Park maintains a lead")."""
    cs, ce = chunk
    if any(t.text in _QUOTE_MARKS for t in (*doc[max(cs - 1, 0) : cs + 1], *doc[ce : verb.i])):
        return False  # a quotation before the frame is what was said
    # A coordinated frame needs its "and"/"but": without one, a conj link is the parser's misread of "…, X said".
    joined = any(t.dep_ == "cc" for t in doc[ce:fs])
    node = verb
    for _ in range(4):  # up the verb's own clause links: relative, adverbial or coordinated clause of the stretch
        if node.dep_ not in _DEPENDENT_DEPS or node.head.i == node.i or (node.dep_ == "conj" and not joined):
            break
        node = node.head
        if cs <= node.i < ce:
            return True
    if verb.lemma_.lower() not in ADDRESSEE_VERBS and _object_of_its_own(verb):
        return True
    # The verb's own clause: it and the verbs it is coordinated with or an infinitive of ("moved to emphasize").
    clause = {verb.i}
    node = verb
    while node.dep_ in ("conj", "xcomp") and node.head.i != node.i and node.head.i >= ce:
        node = node.head
        clause.add(node.i)
    roots = run_roots(doc, cs, ce)
    return all(
        r.head.i in clause
        and (
            r.dep_ in _MODIFIER_DEPS
            or (
                r.dep_ == "advcl"
                and ((r.tag_ in ("VBN", "VBG") and r.i == cs) or any(c.dep_ == "mark" for c in r.children))
                and not _holds_a_main_clause(r)
            )
        )
        for r in roots
    )


def _lead_in_then_quote(doc: Doc, chunk: tuple[int, int], fe: int) -> bool:
    """ "Of the budget, he said, “It is a little much”", "Emphasizing the risk, she said, “…”": a quotation opens
    right after the frame, so the unquoted phrase before it (a preposition's, an adverb's, a participle's or a
    clause of time) only leads in to the quote the parser hung it on; it is no part of what was said."""
    cs, ce = chunk
    gap = doc[fe : min(fe + 3, len(doc))]
    opens = next((t for t in gap if _opening_quote(t)), None)
    if opens is None or any(not t.is_punct for t in doc[fe : opens.i]):
        return False
    if any(t.text in _QUOTE_MARKS or t.tag_ in ("``", "''") for t in doc[max(cs - 1, 0) : ce]):
        return False  # a quotation before the frame too: a split quote, both sides said
    return all(
        r.dep_ in ("prep", "advmod", "npadvmod")
        or (
            r.dep_ == "advcl"
            and (
                (r.i == cs and r.tag_ in ("VBG", "VBN"))
                or any(c.dep_ == "mark" and c.lower_ in ADVERBIAL_MARKS for c in r.children)
            )
        )
        for r in run_roots(doc, cs, ce)
        if not r.is_punct
    )


def has_clause(tokens: Span) -> bool:
    """A finite verb and a subject among ``tokens``: what follows a speaker's label states something."""
    return any(t.tag_ in FINITE_TAGS for t in tokens) and any(t.dep_ in SUBJECT_DEPS for t in tokens)


def _holds_a_main_clause(clause: Token) -> bool:
    """A clause with another subject's clause hung on it after it: the parser's misread of "As A, B, she said"
    (B, the content, under A)."""
    return any(
        t.i > clause.i
        and t.dep_ in ("advcl", "conj", "parataxis")
        and has_subject(t)
        and not any(c.dep_ == "mark" for c in t.children)  # "Asked if he was ever bullied": the question's clause
        for t in clause.subtree
    )


def _adverbial_after(verb: Token, chunk: tuple[int, int]) -> bool:
    """ "…, she said as she left the hall", "…, he told reporters when asked": the stretch after the verb is its
    clause of time or manner (a subordinator opens it), not what was said."""
    # The verb's own children, not every token of the stretch: the clause must hang on the verb.
    return any(
        chunk[0] <= t.i < chunk[1]
        and t.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in ADVERBIAL_MARKS for c in t.children)
        for t in verb.children
    )


def _quote_then_tail(doc: Doc, rel: Relation, before: tuple[int, int], after: tuple[int, int], fs: int) -> bool:
    """ "“…,” she said on NBC's Meet the Press", "“…,” he said answering a parent": a quotation closes right
    before the frame, so what follows the verb with no subject of its own is a misread title or a circumstance,
    not a second content."""
    gap = doc[before[1] : fs]
    opened = before[0] > 0 and (doc[before[0] - 1].text in _QUOTE_MARKS or _quote_still_open(doc, before[0]))
    if (
        after[0] < fs
        or not opened
        or not any(t.text in _CLOSING_QUOTES for t in gap)
        or any(t.dep_ == "cc" for t in gap)
    ):
        return False
    first, lead = doc[after[0]], doc[after[0] - 1]
    if "that" in (first.lower_, lead.lower_) or any(
        t.i != rel.anchor and t.lemma_.lower() in REPORTING_VERBS for t in (first, lead)
    ):
        return False  # "…,” she said, adding (that) …": a second report
    if lead.text in _QUOTE_MARKS:
        # A second quotation after a comma or colon is more of what was said; one straight after a word is a
        # title ("on the radio show “It's Your Call”").
        return after[0] >= 2 and doc[after[0] - 2].text not in (",", ":")
    # The speaker is no subject of the tail: "“…,” said Lee, who heads the group Save the Harbour" (the parser
    # made "Lee … Save the Harbour" a clause).
    return rel.complement is None or not any(
        c.dep_ in SUBJECT_DEPS and c.i not in rel.frame for c in doc[rel.complement].children
    )


#: How far back a quotation that a sentence closes may have opened (a quoted paragraph of several sentences).
_QUOTE_REACH = 150


def _quote_still_open(doc: Doc, i: int) -> bool:
    """A quotation opened before token ``i`` and has not closed by it: the stretch from ``i`` is its last sentence
    ("“A. B,” she said")."""
    reach = max(i - _QUOTE_REACH, 0)
    mark = _token_before(doc, i, lambda t: t.i >= reach and t.tag_ not in ("``", "''") and t.text not in ("“", "”"))
    return mark is not None and mark.i >= reach and _opening_quote(mark)


def _choose_content(doc: Doc, rel: Relation, chunks: list[tuple[int, int]]) -> tuple[int, int] | None:
    fs, fe = min(rel.frame), max(rel.frame) + 1
    # The chunk on each side of the frame that only punctuation (or a conjunction) separates from it. A colon
    # before the frame opens what follows it, so the clause before the colon is none of the frame's ("The row
    # became the issue: the mayor struggled to respond to the criticism").
    before = next(
        (c for c in chunks if c[1] <= fs and _gap_is_punct(doc, c[1], fs) and not _colon_opens(doc, c, fs)), None
    )
    # A frame set into its content joins both sides whatever the first side does alone ("If it rains, they
    # say, the road floods"); see :func:`interposed_span`.
    interposed = before is not None
    if before and rel.kind == "verb" and _not_reported_before(doc, doc[rel.anchor], before, fs):
        before = None
    if before and rel.kind == "verb" and _aside_participle(doc[rel.anchor]):
        before, interposed = None, False  # "…,” adding, “B”": what the speaker said before is the first report's
    if before and rel.kind == "verb" and _lead_in_then_quote(doc, before, fe):
        before, interposed = None, False
    after = next((c for c in chunks if c[0] >= fe and _gap_is_punct(doc, fe, c[0])), None)
    if after and rel.kind == "verb" and _adverbial_after(doc[rel.anchor], after):
        after = None
    if rel.complement is not None:
        holding = next((c for c in chunks if c[0] <= rel.complement < c[1]), None)
        if holding and not (before and _quote_then_tail(doc, rel, before, holding, fs)):
            # "The plant, said Ruiz, will close": the subject before a frame set into the clause belongs to it.
            joined = interposed_span(doc, rel.anchor, rel.frame, chunks) if interposed else None
            return joined if joined is not None and joined[1] == holding[1] else holding
    if rel.kind == "label":
        return after
    verb = doc[rel.anchor]
    if rel.kind == "verb" and verb.tag_ == "VBG" and not has_subject(verb):
        # "X was blunt, claiming that …": a participle's content follows it; what precedes is X's act
        before, interposed = None, False
    joined = interposed_span(doc, rel.anchor, rel.frame, chunks) if interposed else None
    if joined is not None:
        return joined
    if rel.kind == "according" and before and after and any(t.text in (":", ";") for t in doc[before[1] : fs]):
        before = None  # "The trend is plain: according to surveys, B": the frame opens the clause after the colon
    if rel.kind in ("according", "as"):
        if before and after and _split_clause(doc, before, after):
            # "Other worries, according to the survey, include …": the frame splits one clause.
            return max(before, after, key=lambda c: word_count(doc, *c))
        return before or after
    # A frame after its content needs a comma, quote or colon between them ("…, she said"), which the parser
    # may hang on the speaker ("“…,” Castillo, 47, told …").
    lead = next((i for i in range(fs, fe) if not doc[i].is_punct), fs)
    if before and any(t.is_punct for t in doc[before[1] : lead]):
        # A frame inside a clause ("The strikes, he said, were necessary") splits it: keep the larger side.
        # Not after a conjunction: "“Follow me,” the guide said, and the children trailed behind" goes on in the
        # writer's voice.
        if after and _split_clause(doc, before, after) and not any(t.dep_ == "cc" for t in doc[fe : after[0]]):
            return max(before, after, key=lambda c: word_count(doc, *c))
        return before
    if after:
        tokens = list(doc[slice(*after)])
        if rel.complement is not None:
            return after
        # "stressed these fears, and he voiced them again", "wrote under a pen name, but it did him no good": a
        # clause coordinated with the frame is no content.
        has_object = any(c.dep_ == "dobj" for c in verb.children)
        coordinated = any(t.dep_ == "cc" and t.head.i == verb.i for t in doc[fe : after[0] + 1])
        if (has_object or coordinated) and any(t.dep_ == "conj" and t.head.i == verb.i for t in tokens):
            return None
        if verb.lemma_.lower() in CORE_SPEECH_VERBS and _has_clause_verb(tokens):
            return after
        opens = any(t.text == ":" for t in doc[fe : after[0]]) or _comma_opens_quote(doc, fe, after)
        if opens and _has_clause_verb(tokens):
            # "… could only quip: “…”", "Ruiz tweeted, “…”": a colon, or a comma and an opening quotation mark,
            # after the frame opens what was said
            return after
        if _that_clause_opens(doc, verb, after):
            return after  # "argued after the vote that the count was wrong": the parser hung it on the phrase
    return None


def _comma_opens_quote(doc: Doc, fe: int, chunk: tuple[int, int]) -> bool:
    """Only a comma and an opening quotation mark lie between the frame's end ``fe`` and ``chunk``, which opens
    the quotation ("Ruiz tweeted, “The fee is too high.”"). The parser often hangs such a frame on the quoted
    clause's verb, so the verb has no complement of its own; the comma and the quote say what the verb reports."""
    gap = [t for t in doc[fe : chunk[0] + 1] if not t.is_space]
    return len(gap) >= 2 and gap[0].text == "," and _opening_quote(gap[1])


def _opening_quote(tok: Token) -> bool:
    """An opening quotation mark: tagged as one, or a curly “ the small tagger read as something else."""
    return tok.tag_ == "``" or tok.text == "“"


def _that_clause_opens(doc: Doc, verb: Token, chunk: tuple[int, int]) -> bool:
    """The stretch after a frame is a clause that a subordinating "that" opens, with its own subject, which the
    parser hung on the object of the verb's own phrase ("said after a meeting that …"); not the clause of a
    noun that takes one ("the fact that …", "the claim that …") nor one further off."""
    that = doc[chunk[0] - 1] if chunk[0] > 0 else None
    if that is None or that.lower_ != "that" or that.dep_ != "mark":
        return False
    head = that.head
    noun = head.head
    return (
        chunk[0] <= head.i < chunk[1]
        and head.dep_ in ("relcl", "acl", "ccomp")
        and has_subject(head)
        and noun.dep_ == "pobj"
        and noun.head.head.i == verb.i
        and noun.lemma_.lower() not in CLAIM_NOUNS | STANCE_NOUNS | THAT_CLAUSE_NOUNS
    )


#: Every word a frame below can be anchored on, by lemma and by form: only these tokens are tried against the
#: frame functions (see :func:`_cue_tokens`). A new frame function adds the words it opens with here.
_CUE_LEMMAS = (
    REPORTING_VERBS
    | NAMING_VERBS
    | ACCUSING_VERBS
    | AS_NAMING_VERBS
    | AT_VERBS
    | QUOTE_VERBS
    | BACK_VERBS
    | ISSUING_VERBS
    | CLAIM_NOUNS
    | STANCE_NOUNS
    | {"make", "put"}
)
_CUE_FORMS = DOCUMENT_VERB_FORMS | BELIEF_ADJECTIVES | {"according"}
_cue_cache: weakref.WeakKeyDictionary[Doc, list[int]] = weakref.WeakKeyDictionary()
#: Whether a lemma (by hash) lower-cases into :data:`_CUE_LEMMAS`, kept across parses (spaCy hashes a string alike
#: in every pipeline), so a document decodes only the lemmas no document before it had; it stops growing at the cap.
_cue_lemma: dict[int, bool] = {}
_CUE_LEMMA_CACHE = 200_000


def _cue_tokens(doc: Doc) -> list[int]:
    """Indices of the tokens whose lemma is in :data:`_CUE_LEMMAS` or form in :data:`_CUE_FORMS`, once per parse.

    Read off the token arrays: no token object is built for the other words.
    """
    cues = _cue_cache.get(doc)
    if cues is None:
        arrays, strings = token_arrays(doc), doc.vocab.strings
        lemmas: set[int] = set()
        for h in set(arrays.lemma):
            cue = _cue_lemma.get(h)
            if cue is None:
                cue = str(strings[h]).lower() in _CUE_LEMMAS
                if len(_cue_lemma) < _CUE_LEMMA_CACHE:
                    _cue_lemma[h] = cue
            if cue:
                lemmas.add(h)
        forms = string_ids(doc, _CUE_FORMS)
        cues = [
            i
            for i, (lemma, low) in enumerate(zip(arrays.lemma, arrays.lower, strict=True))
            if lemma in lemmas or low in forms
        ]
        _cue_cache[doc] = cues
    return cues


def _candidates(doc: Doc, sent: Span) -> list[Relation]:
    """Every frame of the sentence, before contents are shared out."""
    rels: list[Relation] = []
    label = _label_relation(doc, sent)
    if label is not None:
        rels.append(label)
    cues = _cue_tokens(doc)
    for i in cues[bisect_left(cues, sent.start) : bisect_left(cues, sent.end)]:
        tok = doc[i]
        if tok.lower_ == "according":
            rel = _according_relation(tok, sent)
        else:
            rel = next((r for frame in TOKEN_FRAMES if (r := frame(tok, sent)) is not None), None)
        if rel is not None:
            rels.append(rel)
    if not rels:
        rel = _in_frame_relation(doc, sent) or _colon_lead_relation(doc, sent)
        if rel is not None:
            rels.append(rel)
    for rel in rels:
        if rel.said_by is None:
            rel.said_by = _relative_speaker(doc, rel)
    return rels


def _relative_speaker(doc: Doc, rel: Relation) -> tuple[int, int] | None:
    """ "Ruiz, who called the plan “a giveaway”", "Park, who endorsed Lee and said …": the relative
    pronoun of the clause holding the cue is the mention for this claim (as the frame's own "who said" is)."""
    anchor = doc[rel.anchor]
    for clause in (c for c in doc[slice(*rel.source)].root.children if c.dep_ == "relcl"):
        if clause.i != anchor.i and clause not in anchor.ancestors:
            continue
        pronoun = next((c for c in clause.children if c.dep_ in NOMINAL_SUBJECT_DEPS and c.tag_ in ("WP", "WDT")), None)
        if pronoun is not None:
            return pronoun.i, pronoun.i + 1
    return None


def _names_someone(tok: Token) -> bool:
    """A name, even where the tagger read it as a common noun ("Trump predicts …" opening a sentence):
    the same capitalised word is a name somewhere else in the text."""
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or (tok.tag_ in ("NNP", "NNPS") and not tok.is_sent_start):
        return True
    # A capital opening a sentence says nothing: the word must be a name where it does not open one.
    if not tok.is_title:
        return False
    doc = tok.doc
    same = (doc[i] for i, form in enumerate(token_arrays(doc).orth) if form == tok.orth)  # tokens of that word only
    return any(not t.is_sent_start and (t.tag_ in ("NNP", "NNPS") or t.ent_type_) for t in same)


def _misread_verb_relation(tok: Token, sent: Span) -> Relation | None:
    """ "Trump predicts that …", "Park claims he is owed …": a reporting verb the small tagger read as a noun.

    Matched by form: a reporting verb's bare or "-s" form tagged as a noun, straight after a name,
    pronoun or group word, and straight before "that" + a subject, or before a subject pronoun. The
    rest of the sentence is the content.
    """
    doc = tok.doc
    lemma = tok.lemma_.lower()
    if tok.tag_ not in ("NN", "NNS") or tok.lower_ not in (lemma, lemma + "s", lemma + "es"):
        return None
    if lemma not in REPORTING_VERBS or lemma in DOCUMENT_VERB_FORMS or tok.i <= sent.start or tok.i + 2 >= sent.end:
        return None  # "Netflix shows", "the Gallup findings": after a name, a document verb's form is a noun
    prev, nxt = doc[tok.i - 1], doc[tok.i + 1]
    if not (_names_someone(prev) or prev.lower_ in SUBJECT_PRONOUNS or prev.lower_ in GROUP_QUANTIFIERS):
        return None
    start = tok.i + 1
    if nxt.lower_ == "that" and doc[tok.i + 2].tag_ not in _VERB_TAGS:
        start += 1  # "that" + a subject opens a complement ("that" + a verb would be a relative clause)
    elif nxt.lower_ not in SUBJECT_PRONOUNS:
        return None
    src = _noun_phrase_before(doc, tok.i, sent.start)
    if src is None or doc[src[0]].pos_ == "DET" or not _is_mention(doc, src):
        return None  # "the Trump claims that …": a compound noun, not a subject and its verb
    return Relation(
        anchor=tok.i,
        cue=(tok.i, tok.i + 1),
        source=src,
        frame=frozenset(range(src[0], start)),
        region=(start, sent.end),
        kind="label",
        cue_lemma=lemma,
    )


def _in_frame_relation(doc: Doc, sent: Span) -> Relation | None:
    """ "In Park's view, the deal was a mistake", "In a county poll last month, Park led by 10 points".

    A sentence that opens with "in" + a view noun with its holder, or + a poll or survey, then a
    comma: the rest of the sentence is what the holder thinks or the poll found. Only for a sentence
    with no other frame, so "In a statement, the mayor said …" stays the mayor's.
    """
    lead = next((t for t in sent if not (t.is_space or t.is_punct or t.dep_ == "cc")), None)
    if lead is None or lead.lower_ != "in" or lead.dep_ != "prep":
        return None
    pobj = next((c for c in lead.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    end = max(t.i for t in lead.subtree) + 1
    if end >= sent.end or doc[end].text != ",":
        return None
    lemma = pobj.lemma_.lower()
    if lemma in VIEW_NOUNS:
        owner = next((c for c in pobj.children if c.dep_ == "poss"), None)
        if owner is None or owner.lower_ in ("my", "our"):
            return None  # the writer's own view is opinion, not a report
        src = _owner_mention(owner)
    elif lemma in POLL_NOUNS:
        src = (min(t.i for t in pobj.subtree if t.i <= pobj.i), pobj.i + 1)
    else:
        return None
    if not _is_mention(doc, src):
        return None
    return Relation(
        anchor=lead.i,
        cue=(lead.i, lead.i + 1),
        source=src,
        frame=frozenset(range(lead.i, end + 1)),
        region=(end + 1, sent.end),
        kind="label",
        cue_lemma="in",
    )


def _colon_lead_relation(doc: Doc, sent: Span) -> Relation | None:
    """ "Lopez gave a blunt answer: “The count is fair.”", "She kept to her usual message: “…”".

    A person's clause the writer ends with a colon that opens a quotation, naming something said (an answer, a
    message: :data:`COLON_LEAD_NOUNS`) with no verb of speech: the quotation is what the
    subject said, and that noun is the cue. The subject must be a person or group (a name, "he", "she", "they"),
    not a thing ("The list is long: “…”"); a sign read aloud, a headline seen or a slogan painted is quoted, not
    said ("He read the sign: “No entry.”"). Only for a sentence with no other frame.
    """
    colon = next((t for t in sent if t.text == ":" and t.i > sent.start), None)
    if colon is None:
        return None
    nxt = next((t for t in doc[colon.i + 1 : colon.i + 3] if not t.is_space), None)
    if nxt is None or not _opening_quote(nxt):
        return None
    lead = doc[sent.start : colon.i]
    if any(t.is_quote for t in lead):
        return None  # a quotation in the lead: the colon is the speaker's, or the frame is another's
    # The lead's own verb: the sentence's root, or hung by the parser on the quoted clause, outside the lead.
    heads = [t for t in lead if t.head.i == t.i or not sent.start <= t.head.i < colon.i]
    verb = next((t for t in heads if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or any(c.dep_ == "neg" for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None:
        return None
    # A proper noun the tagger gave no entity type to is a name here too ("Lopez gave …" opening a text).
    name = subj.tag_ in ("NNP", "NNPS") and subj.ent_type_ in ("", "PERSON", "ORG", "NORP")
    if not (subj.lower_ in SPEAKER_PRONOUNS or name):
        return None
    # What was said: the verb's object, or the object of its preposition ("returned to her message").
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    objects += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    said = next((o for o in objects if o.lemma_.lower() in COLON_LEAD_NOUNS), None)
    src = _mention(subj)
    if said is None or not _is_mention(doc, src):
        return None
    return Relation(
        anchor=verb.i,
        cue=(said.i, said.i + 1),
        source=src,
        frame=frozenset(range(sent.start, colon.i + 1)),
        region=(colon.i + 1, sent.end),
        kind="label",
        cue_lemma=said.lemma_.lower(),
    )


def in_closed_quote(doc: Doc, quoted: bytes | bytearray, i: int) -> bool:
    """Token ``i`` lies inside a quotation that closes: a stray or unclosed mark (markup, a typo) quotes nothing."""
    pos = doc[i].idx
    if not quoted[pos]:
        return False
    end = pos
    while end < len(quoted) and quoted[end]:
        end += 1
    if end >= len(quoted):
        return False
    mark = _char_at(doc, i, end)
    # Archive copy writes a double quote as two apostrophes (''…''), which the mask reads as one mark.
    return mark in '”"»' or (mark == "'" and _char_at(doc, i, end + 1) == "'")


def _char_at(doc: Doc, i: int, pos: int) -> str:
    """The character at offset ``pos`` (at or after token ``i``), read from the tokens, not ``doc.text``."""
    for tok in doc[i:]:
        if pos < tok.idx + len(tok.text_with_ws):
            return tok.text_with_ws[pos - tok.idx]
    return ""


def find_relations(doc: Doc, sent: Span, quoted: bytes | bytearray | None = None) -> list[Relation]:
    """All attribution relations of one sentence, content found, one per content span.

    ``quoted`` is the document's quote mask: a frame inside quotation marks is part of
    what the quoted speaker said ("“He thinks it will fail,” she said" is hers), never a frame
    of the writer's.
    """
    rels = _candidates(doc, sent)
    if quoted is not None:
        rels = [r for r in rels if not in_closed_quote(doc, quoted, r.anchor)]
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
    if quoted is not None:
        contents = list(kept)
        for rel in kept.values():
            other = _split_quotation(doc, rel, _region_chunks(doc, rel, taken), quoted)
            if other is not None and not any(c[0] < other[1] and other[0] < c[1] for c in contents):
                rel.second = other
    return sorted(kept.values(), key=lambda r: r.content or (0, 0))


def _split_quotation(
    doc: Doc, rel: Relation, chunks: list[tuple[int, int]], quoted: bytes | bytearray
) -> tuple[int, int] | None:
    """The side of a quotation split by its frame that is not ``rel``'s content: "“A,” she said, “and B.”".

    The quotation closes right before the frame and opens again right after its comma, and each side is a clause
    of its own (a finite verb; the first with its subject): both are what the speaker said. A side that is no
    clause alone ("“The plan,” she said, “will work.”") is one span with the other (:func:`interposed_span`).
    """
    if rel.kind != "verb" or rel.content is None:
        return None
    sides = frame_sides(doc, rel.frame, chunks)
    if sides is None:
        return None
    before, after, lead, rest = sides
    fs = lead.end
    if quoted[doc[fs].idx] or not any(t.text in _CLOSING_QUOTES for t in lead):
        return None
    if not any(t.is_quote for t in rest[1:]):
        return None
    if not all(t.is_punct or t.is_space or t.dep_ in ("cc", "mark") for t in rest):
        return None
    if not all(quoted[doc[i].idx] for i in (before[0], before[1] - 1, after[0])):
        return None
    if not has_clause(doc[slice(*before)]) or not any(t.tag_ in FINITE_TAGS for t in doc[slice(*after)]):
        return None
    content = rel.content
    if content[0] < before[1] and before[0] < content[1]:
        return None if content[1] > fs else after
    return before if after[0] < content[1] and content[0] < after[1] else None


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
    speaker it is two cues on one claim instead, handled by the caller, unless
    the inner frame lies wholly inside the outer one's complement ("Police have
    said he said …", "She said she left because she thought …"): then it is
    what the outer source reported, whoever speaks.
    """
    if (
        inner.anchor < outer.first_token
        and outer.complement is not None
        and outer.complement > outer.anchor
        and any(t.text in _CLAUSE_BREAKS and t.head.i == outer.anchor for t in doc[inner.anchor : outer.first_token])
    ):
        # "Most say A; 26 percent say B": a semicolon or dash sets a second report with its own content beside the
        # first (not a frame after it: "Residents say A — officials said").
        return False
    if inner.kind == "according" and _closing_according(doc, inner, outer):
        return False  # the closing "according to X" reports the whole sentence, frame and all
    if outer.kind == "according" and _closing_according(doc, outer, inner):
        return True
    if _inside_complement(doc, inner, outer) or _relative_inside(doc, inner, outer):
        return True
    if _same_speaker(doc, inner, outer):
        return False
    head = doc[outer.anchor]
    if outer.kind == "according":
        head = head.head
        if head.i == inner.anchor:
            return True
    # Only through complement clauses: "A, while local media reported B" or "X said A and Y warned B" are side by
    # side. A verb coordinated inside the complement with no subject of its own still nests: "an aide said
    # the governor misspoke and meant to say …".
    node = doc[inner.anchor]
    while node.dep_ in _COMPLEMENT or (node.dep_ == "conj" and node.head.i != head.i and not has_subject(node)):
        if node.head.i == node.i:
            return False
        edge = node.dep_
        node = node.head
        if node.i == head.i:
            return edge in _COMPLEMENT
    return False


def _closing_according(doc: Doc, acc: Relation, other: Relation) -> bool:
    """``acc`` is a sentence-final ", according to X" whose scope holds ``other``'s whole frame: "Ruiz said she
    would close the bridge, according to press reports" is what the reports say Ruiz said (the outermost
    relation, spec section 2), wherever the parser hung "according" (often on the reported clause's verb).

    A frame after a comma that closes the sentence (not a bracket: "(…, according to X)" is an aside); a scope cut
    down to a non-restrictive clause ("A, which stood at 263, according to X") holds only that clause. An "as"
    frame ("As Ruiz noted, A, according to X") is a second source set beside the first, not reported by it.
    """
    fs = min(acc.frame)
    if doc[fs].text != "," or max(acc.frame) < max(other.frame):
        return False
    sent = doc[acc.anchor].sent
    if any(not (t.is_punct or t.is_space) or t.is_bracket for t in doc[max(acc.frame) + 1 : sent.end]):
        return False
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in doc[other.anchor].children):
        return False
    return acc.region[0] <= min(other.frame) and max(other.frame) < acc.region[1]


#: Marks between two clauses of a sentence that set them side by side ("A said B; C said D", "… — C said D").
_CLAUSE_BREAKS = frozenset({";", "—", "–", "--"})


def _relative_inside(doc: Doc, inner: Relation, outer: Relation) -> bool:
    """``inner`` is a relative clause on a noun of the clause ``outer`` reports ("Candidates who think A are
    wrong, she said"), whoever speaks; one on the outer frame's own subject ("Ruiz, who said A, said B") is not."""
    verb = doc[inner.anchor]
    if verb.dep_ != "relcl" or outer.kind != "verb":
        return False
    node = verb.head.head
    if node.i == outer.anchor:
        return False
    while node.i != outer.anchor:
        if node.head.i == node.i or node.dep_ not in _COMPLEMENT:
            return False
        node = node.head
    return True


def _aside_participle(verb: Token) -> bool:
    """A participle with no subject of its own set off after a closing quotation ("…,” claiming that …")."""
    edge = verb.left_edge.i
    doc = verb.doc
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and edge > 1
        and doc[edge - 1].tag_ == "''"
        and doc[edge - 2].text == ","
        and not has_subject(verb)
    )


def _inside_complement(doc: Doc, inner: Relation, outer: Relation) -> bool:
    """``inner``'s frame sits inside the clause ``outer`` reports, reached through subordinate clauses only.

    A coordinated or contrasted clause ("X said A, and Y said B", "A said B, while C said D")
    and a relative clause ("B, compared to 40 percent who said D") stand side by side, not inside.
    """
    if outer.kind != "verb" or outer.complement is None or outer.complement < outer.anchor:
        return False
    node = doc[inner.anchor]
    if _aside_participle(node):
        return False  # "…,” claiming that …": the speaker's next act, not part of what was said
    while node.i != outer.complement:
        # Through a predicate adjective too: "said he was confident that A" is what the outer source reported.
        if node.head.i == node.i or node.dep_ not in ("ccomp", "xcomp", "advcl", "acomp"):
            return False
        if node.dep_ == "advcl" and _contrast_clause(node):
            return False
        node = node.head
    s, e = _span_of(list(doc[outer.complement].subtree))
    return all(s <= i < e for i in inner.frame)


def _content(doc: Doc, rel: Relation, taken: set[int]) -> tuple[int, int] | None:
    content = _choose_content(doc, rel, _region_chunks(doc, rel, taken))
    if content is not None:
        content = cut_content(doc, rel.anchor, *content)
    if content is None or word_count(doc, *content) < 2:
        return None
    return content


def colon_frame(doc: Doc, sent: Span, quoted: bytes | bytearray | None = None) -> Relation | None:
    """A sentence that is only a frame ending in a colon ("He told the Ledger:", "MS. PARK:"): content follows."""
    last = list(islice((t for t in reversed(sent) if not t.is_space), 2))  # read from the end: most sentences fail
    if len(last) < 2 or last[0].text != ":":
        return None
    for rel in _candidates(doc, sent):
        if rel.kind == "according" or (quoted is not None and in_closed_quote(doc, quoted, rel.anchor)):
            continue
        rest = [t for t in doc[max(rel.frame) + 1 : sent.end] if not (t.is_punct or t.is_space)]
        if not rest:
            return rel
    return None


def bare_frame(doc: Doc, sent: Span, quoted: bytes | bytearray) -> Relation | None:
    """A sentence that is only a speaker and a verb of speech ("Ruiz agreed.", "The mayor explained."), right
    before a quotation opens: the quotation is what was said (the caller's to take, when it is all quoted)."""
    end = sent.end
    while end < len(doc) and doc[end].is_space:
        end += 1
    if end + 1 >= len(doc) or doc[end].tag_ != "``" or not quoted[doc[end + 1].idx]:
        return None  # read first: most sentences are followed by no quotation, and their words are not built
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if not 2 <= len(words) <= 8:
        return None
    last = next(t for t in reversed(sent) if not t.is_space)
    if quoted[words[0].idx] or last.text != ".":
        return None
    for rel in _candidates(doc, sent):
        if rel.kind == "verb" and rel.cue_lemma in REPORTING_VERBS and all(t.i in rel.frame for t in words):
            return rel
    return None


def quote_frame(doc: Doc, sent: Span, quoted: bytes | bytearray) -> Relation | None:
    """A sentence that is only a frame, right after a quotation closes ("“We will win!” she said.").

    The parser ends a sentence at a quote's closing "!", "?" or "." when a capital follows, so the
    frame stands alone; its content is the quoted sentence before it (the caller's to take).
    """
    first = next((t for t in sent if not t.is_space), None)
    if first is None or first.i == 0 or quoted[first.idx]:
        return None
    prev = _token_before(doc, first.i, lambda t: t.is_space)
    if prev is None or prev.text not in _CLOSING_QUOTES or prev.idx == 0 or not quoted[prev.idx - 1]:
        return None  # the marks are outside the mask: the character before a closing one is inside
    words = [t for t in sent if not (t.is_punct or t.is_space)]  # built past the tests above, which most fail
    if not words or len(words) > 12:
        return None
    for rel in _candidates(doc, sent):
        if rel.kind == "verb" and all(t.i in rel.frame or _in_adverbial_clause(doc[rel.anchor], t) for t in words):
            return rel
    return None


def _in_adverbial_clause(verb: Token, tok: Token) -> bool:
    """``tok`` is in the verb's clause of time, manner or cause after it (:data:`ADVERBIAL_MARKS`: "Ruiz said as
    she left", "…, he said while visiting")."""
    clause = tok
    while clause.head.i != verb.i and clause.head.i != clause.i:
        clause = clause.head
    return (
        clause.head.i == verb.i
        and clause.dep_ == "advcl"
        and clause.i > verb.i
        and any(c.dep_ == "mark" and c.lower_ in ADVERBIAL_MARKS for c in clause.children)
    )


def _colon_after(doc: Doc, i: int, end: int) -> int | None:
    """The colon right after token ``i`` (spaces and closing quotes aside), if there is one before ``end``."""
    j = i + 1
    while j < end and (doc[j].is_space or doc[j].text in "”’\"'"):
        j += 1
    return j if j < end and doc[j].text == ":" else None


def _issuing_relation(verb: Token, sent: Span) -> Relation | None:
    """ "Park released this statement: …": a statement put out, its words after the colon."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ISSUING_VERBS:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in STATEMENT_NOUNS), None)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if obj is None or subj is None:
        return None
    colon = _colon_after(sent.doc, obj.i, sent.end)
    src = _mention(subj)
    if colon is None or not _is_mention(verb.doc, src):
        return None
    frame = {t.i for t in subj.subtree} | set(range(verb.i, colon + 1))
    return Relation(
        anchor=verb.i,
        cue=(verb.i, obj.i + 1),
        source=src,
        frame=frozenset(frame),
        region=(colon + 1, sent.end),
        kind="label",
        cue_lemma=verb.lemma_.lower(),
    )


def _line_start(doc: Doc, i: int) -> bool:
    """Token ``i`` opens a line: only spaces or tabs lie between it and the previous line break.

    Read off the tokens before it (``doc.text`` would rebuild the whole text at every call).
    """
    for j in range(i - 1, -1, -1):
        tok = doc[j]
        gap = (tok.text_with_ws if tok.is_space else tok.whitespace_).rstrip(" \t\u00a0")
        if gap:
            return gap[-1] in "\n\r"
        if not tok.is_space:
            return False
    return True


_COLON = frozenset({":"})


def _label_relation(doc: Doc, sent: Span) -> Relation | None:
    """A speaker label with no verb at the start of a line: "Jo Park, Daily Ledger: “…”", "MS. PARK: …".

    The label is a name (a person the tagger found, an all-capitals transcript name, or
    a title before a name), optionally followed by a comma and an affiliation; the
    source is the name, the content what follows the colon, and there is no cue.
    """
    # The label's colon lies in the sentence's first ten tokens: look there before walking back to the line start.
    lower, colons = token_arrays(doc).lower, string_ids(doc, _COLON)
    colon = next((i for i in range(sent.start, min(sent.end, sent.start + 10)) if lower[i] in colons), None)
    if colon is None:
        return None
    start = sent.start
    while start > max(sent.start - 4, 0) and not _line_start(doc, start):
        start -= 1  # "MS. PARK:": the parser may end a sentence after the title's full stop
    if colon >= start + 10 or colon == start or not _line_start(doc, start):
        return None
    label = [t for t in doc[start:colon] if not t.is_space]
    words = [t for t in label if t.is_alpha]
    if not words or any(t.tag_ in _VERB_TAGS for t in label) or any(t.lower_ in NON_SPEAKER_LABELS for t in words):
        return None
    if not all(t.tag_ in ("NNP", "NNPS") or t.lower_ in TITLES or t.text in ",." for t in label):
        return None
    upper = [t for t in words if t.text.isupper() and len(t.text) > 1]
    titled = any(t.lower_ in TITLES for t in words[:-1])
    if not (any(t.ent_type_ == "PERSON" for t in words) or upper or titled):
        return None
    end = next((t.i for t in label if t.text == ","), colon)
    src = (start, end)
    if not _is_mention(doc, src):
        return None
    if word_count(doc, colon + 1, sent.end) and not has_clause(doc[colon + 1 : sent.end]):
        return None  # "Lee: Win in a walk.", "Lee: 1,769.": a motto or a tally under a name states nothing
    return Relation(
        anchor=colon,
        cue=(colon, colon),
        source=src,
        frame=frozenset(range(sent.start, colon + 1)),
        region=(colon + 1, sent.end),
        kind="label",
        cue_lemma="",
    )


#: The frames anchored on one token, tried in this order (the first that matches wins); "according to" aside.
TOKEN_FRAMES: tuple[Callable[[Token, Span], Relation | None], ...] = (
    _naming_relation,
    _accusing_relation,
    _verb_relation,
    _as_reported_relation,
    _issuing_relation,
    _document_relation,
    _belief_relation,
    _stance_relation,
    _light_verb_relation,
    _noun_relation,
    _misread_verb_relation,
)
