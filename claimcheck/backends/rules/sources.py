"""Who said it: resolve each source mention across the document and give it a type.

A mention is resolved in text order against what came before it: pronouns to
the nearest compatible earlier source, short forms ("Mr Austin", "the
ministry") to the full name they abbreviate, and a near-miss spelling ("Ms
Waton") to the known source it almost names. A role with a name in
apposition is that name; a spokesperson speaks for their body; a document
is named with its owner ("the Trust report"); "the board" takes the fuller
earlier phrase it stands for ("the county's education board"). The resolution method is kept,
so a checker can flag a name the article itself got wrong.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Literal

from rapidfuzz import fuzz

from claimcheck.backends.rules.arrays import string_ids, token_arrays
from claimcheck.backends.rules.attribution import conjuncts
from claimcheck.backends.rules.lexicon import (
    ACRONYM_SKIPPED_WORDS,
    ANONYMOUS_HEADS,
    CLAIM_NOUNS,
    DETERMINERS,
    DOCUMENT_MAKING_VERBS,
    DOCUMENT_NOUNS,
    FEMALE_TITLES,
    GOVERNMENT_HEADS,
    GOVERNMENT_PHRASES,
    GOVERNMENT_WORDS,
    INTERLOCUTOR_PREPOSITIONS,
    MALE_TITLES,
    MEDIA_NAMES,
    MEDIA_NOUNS,
    NOMINAL_SUBJECT_DEPS,
    ORGANIZATION_HEADS,
    ORGANIZATION_WORDS,
    OWNER_PREPOSITIONS,
    SHARE_HEADS,
    SPOKESPERSON_NOUNS,
    STANCE_NOUNS,
    STATEMENT_NOUNS,
    SUBJECT_DEPS,
    TITLES,
    VIEW_NOUNS,
)
from claimcheck.schema import SourceType
from claimcheck.text.names import (
    FEMALE_GIVEN_NAMES,
    HONORIFICS,
    MALE_GIVEN_NAMES,
    PUBLIC_OFFICES,
    ROLE_NOUNS,
    TITLE_EXPANSIONS,
    TITLE_QUALIFIERS,
    TITLE_WORDS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["NEAR_MISS_SCORE", "Resolution", "SourceResolver", "clean_name"]

#: Minimum rapidfuzz ratio for a surname to count as a misspelling of a known one ("Waton"/"Watson" = 91).
NEAR_MISS_SCORE = 80.0

Method = Literal["named", "short-form", "pronoun", "title", "near-miss", "unresolved"]
Gender = Literal["m", "f", "?"]

#: Pronouns of a singular person: an unnamed "senior nurse" can be their antecedent, "officials" cannot.
_PERSON_PRONOUNS: dict[str, Gender] = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_THING_PRONOUNS = frozenset({"it", "its"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
_FIRST_PERSON = frozenset({"i", "we", "me", "us", "you", "my", "our", "your"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_INSTITUTIONAL = frozenset({"government", "organization", "media", "document"})
#: Entity labels of a body a source may name or abbreviate ("the IOA"): organisations, places, groups, facilities.
_ORGANIZATION_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC"})
#: Dependents before a head that belong to the phrase naming someone ("Iowa Gov. Jane Holt", "her rivals").
_NAMING_DEPS = frozenset({"compound", "det", "amod", "nmod", "poss", "flat", "nummod"})
#: Nouns of what someone says or thinks: their possessor is the one saying it ("Lund's claim that he …").
_SAYING_NOUNS = CLAIM_NOUNS | STATEMENT_NOUNS | VIEW_NOUNS | STANCE_NOUNS
#: Where a pronoun's antecedent may sit on a noun: a clause's subject, or the possessor of a saying noun.
_SUBJECT_OR_POSSESSOR = NOMINAL_SUBJECT_DEPS | {"poss"}
_OWNER_CUT = frozenset({"appos", "relcl", "acl", "punct", "advcl", "prep"})
#: Tags of a plural noun: its phrase is a group ("officials"), no antecedent of a singular person's pronoun.
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
#: Confidence reported with each resolution method: how sure the rules are of ``source_name``.
CONFIDENCE: dict[str, float] = {
    "named": 0.9,
    "short-form": 0.85,
    "title": 0.7,
    "pronoun": 0.75,
    "near-miss": 0.6,
    "unresolved": 0.5,
}


@dataclass(frozen=True)
class Resolution:
    """A mention's resolved name and type, and how the name was found."""

    name: str
    type: SourceType
    method: Method

    @property
    def confidence(self) -> float:
        return CONFIDENCE[self.method]


#: How many earlier sources, people or entities a mention looks back over: antecedents are near, and a
#: bound keeps resolution linear in a long document's length (an article holds far fewer).
LOOKBACK = 400


def _nearest_before(items: list[_Known], starts: list[int], pos: int) -> list[_Known]:
    """The last :data:`LOOKBACK` of ``items`` (in text order, ``starts`` their starts) before ``pos``, nearest first."""
    k = bisect_left(starts, pos)
    return items[max(0, k - LOOKBACK) : k][::-1]


@dataclass
class _Known:
    start: int
    name: str
    type: SourceType
    gender: Gender = "?"
    titles: frozenset[str] = field(default_factory=frozenset)
    plural: bool = False
    head: str = ""
    main: bool = False  # named as the subject of a sentence's main clause: the centre of attention


def _nearness(pos: int) -> Callable[[_Known], tuple[bool, int]]:
    """Sort key of the people a short form at ``pos`` may name: the nearest before it first, then the first after."""
    return lambda k: (k.start > pos, abs(k.start - pos))


#: How far back (in characters) a share looks for the group a poll asked ("among likely voters").
_GROUP_REACH = 2000
#: Entity types of proper nouns that place a role rather than name a person ("the Florida senator").
_PLACE_ENTS = frozenset({"GPE", "NORP", "LOC", ""})
#: Title words that qualify a role rather than name one ("former", "acting") or only say Mr or Ms.
_NOT_ROLES = TITLE_QUALIFIERS | {w.rstrip(".") for w in HONORIFICS}


def _role(tok: Token) -> str | None:
    """The title or role a word names, abbreviations spelled out ("Sen." → senator, "hosts" → host)."""
    low = tok.lower_.rstrip(".")
    low = TITLE_EXPANSIONS.get(low, low)
    lemma = tok.lemma_.lower()
    for word in (low, lemma):
        if word in TITLE_WORDS or word in ROLE_NOUNS:
            return word
    return None


def _roles(tokens: list[Token]) -> frozenset[str]:
    """Every title and role the words name."""
    return frozenset(r for r in map(_role, tokens) if r is not None)


def _words(tokens: list[Token]) -> list[Token]:
    """Drop determiners, possessive markers and punctuation (keeping inner hyphens)."""
    out = [t for t in tokens if t.lower_ not in _POSSESSIVE and not (t.is_punct and t.text not in "-&.")]
    while out and out[0].lower_ in DETERMINERS:
        out = out[1:]
    return out


def _untitled(tokens: list[Token]) -> list[Token]:
    """A person entity's name words without its titles ("Sen. Ada Quist" → Ada Quist)."""
    return [t for t in _words(tokens) if t.lower_ not in TITLES]


def _join(tokens: list[Token]) -> str:
    """Join tokens as the text has them, minus dropped tokens (a gap becomes one space)."""
    parts: list[str] = []
    for k, t in enumerate(tokens):
        parts.append(t.text)
        if k + 1 < len(tokens):
            nxt = tokens[k + 1]
            parts.append(t.whitespace_ if nxt.i == t.i + 1 else " ")
    return "".join(parts).strip()


def clean_name(tokens: list[Token]) -> str:
    """A mention as a name: no leading "the", no possessive, and for people no titles before the name."""
    words = _words(tokens)
    last_title = max((k for k, t in enumerate(words) if t.lower_ in TITLES), default=-1)
    if 0 <= last_title < len(words) - 1 and all(t.tag_ in ("NNP", "NNPS") for t in words[last_title + 1 :]):
        words = words[last_title + 1 :]
    return _join(words) or _join(tokens)


def _is_government(words: set[str], low: str) -> bool:
    """A phrase (its words, and the whole lower-cased) naming an arm of government."""
    if words & {"office", "offices"} and words & PUBLIC_OFFICES:
        return True  # "the mayor's office said": an official's office, not an anonymous source
    return bool(words & GOVERNMENT_WORDS) or any(p in low for p in GOVERNMENT_PHRASES)


def _type_of_name(name: str) -> SourceType:
    """The type of a resolved name, read off the name alone."""
    low = name.lower()
    if low in MEDIA_NAMES:
        return "media"
    if _is_government(set(low.split()), low):
        return "government"
    return "organization"


def _is_subject(tok: Token) -> bool:
    """The subject of a clause, or a name in apposition to one ("Elsworth's mayor, Renata Holm, declared")."""
    while tok.dep_ in ("compound", "flat"):
        tok = tok.head
    if tok.dep_ == "appos":
        tok = tok.head
    return tok.dep_ in NOMINAL_SUBJECT_DEPS


def _main_subject(tok: Token) -> bool:
    """The subject of a sentence's main clause: the centre of attention a later "he" or "she" picks up."""
    verb = tok.head
    return _is_subject(tok) and (verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"))


def _is_share(root: Token) -> bool:
    """A share of a group, not a group: "7 percent", "nearly four in 10", "a majority"."""
    return root.lower_ in SHARE_HEADS or (root.like_num and root.pos_ == "NUM")


def _group_name(head: Token, span: Span | None = None) -> str:
    """A group as named without its number: "Nearly eight in 10 Democratic voters" → "Democratic voters".

    Postmodifiers that narrow the group stay ("people in the poll"); within
    ``span`` when given.
    """
    drop: set[int] = set()
    for c in head.children:
        # The number and its adverbs ("Nearly eight in 10"), an adverb after ("… voters overall"), a comma.
        if c.dep_ in ("det", "predet", "nummod", "quantmod", "advmod") or c.is_punct:
            drop.update(t.i for t in c.subtree)
    lo, hi = (span.start, span.end) if span is not None else (0, len(head.doc))
    keep = [t for t in head.subtree if t.i not in drop and lo <= t.i < hi]
    return _join(keep if head.lower_ in DETERMINERS else _words(keep))  # "those who voted" keeps "those"


def _share_group(share: Token) -> Token | None:
    """The group a share is of: "percent of people in the poll" → people; "four in 10 voters" → voters."""
    if share.dep_ in ("nummod", "quantmod") and share.head.tag_ in _PLURAL_TAGS:
        return None if share.head.lemma_.lower() in SHARE_HEADS else share.head  # "two-thirds" is a share too
    for c in share.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


#: Pronouns that give their antecedent's gender.
_GENDERED: dict[str, Gender] = _PERSON_PRONOUNS | {"himself": "m", "hers": "f", "herself": "f"}


def _own_pronoun(subject: Token) -> Gender:
    """The gender of the first he/she pronoun in the subject's own clause, before any other person is named."""
    tok = subject
    while tok.dep_ in ("compound", "flat", "appos"):
        tok = tok.head
    verb = tok.head
    for t in verb.subtree:
        if t.i <= subject.i:
            continue
        if (t.ent_type_ == "PERSON" or t.dep_ in NOMINAL_SUBJECT_DEPS) and t.lower_ not in _GENDERED:
            return "?"  # someone else comes first: the pronoun may be theirs
        if t.lower_ in _GENDERED:
            return _GENDERED[t.lower_]
    return "?"


def _appos_roles(root: Token) -> list[Token]:
    """The role nouns set beside a name: "Peter Vance, the party's candidate" / "the host, Ann Lee"."""
    out = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        out.append(root.head)
    return out


def _gender(tokens: list[Token]) -> Gender:
    lows = {t.lower_ for t in tokens}
    if lows & MALE_TITLES:
        return "m"
    if lows & FEMALE_TITLES:
        return "f"
    return "?"


def _name_gender(name: str) -> Gender:
    """The sex a full name's given name tells ("Erin Holt" → f); a lone word is a surname and tells nothing."""
    parts = name.split()
    if len(parts) < 2:
        return "?"
    given = parts[0].lower()
    return "m" if given in MALE_GIVEN_NAMES else "f" if given in FEMALE_GIVEN_NAMES else "?"


def _person_tokens(span: Span) -> list[Token] | None:
    """The proper-noun name inside a mention, if the mention names a person."""
    # A possessor is not the speaker: "Marr's barrister" is not Marr.
    possessor = {t.i for c in span.root.children if c.dep_ == "poss" for t in c.subtree}
    # A capitalised word of a person's name counts whatever its tag ("O’Brannigan" is often read as a noun).
    people = [
        t
        for t in span
        if t.ent_type_ == "PERSON" and (t.tag_ in ("NNP", "NNPS") or t.text[:1].isupper()) and t.i not in possessor
    ]
    if not people:
        # An honorific before proper nouns names a person whatever the entity tagger thought ("Mr X" as ORG).
        hon = next((t for t in span if t.lower_ in HONORIFICS and t.i not in possessor), None)
        after = [t for t in span if hon is not None and t.i > hon.i and t.tag_ == "NNP" and t.i not in possessor]
        return after or None
    root = span.root
    if root.ent_type_ != "PERSON" and root.lower_ not in TITLES:
        return None
    start = people[0].i
    end = people[-1].i
    if root.ent_type_ == "PERSON":
        # "Former Quist Senior Adviser Ruth Whitcombe": the name is the root's own entity, not a person
        # named in the role before it.
        own = root.i
        while own > start and root.doc[own].ent_iob_ == "I":
            own -= 1
        start = own
    return [t for t in span.doc[start : end + 1] if t.lower_ not in TITLES or t.i == end]


def _appos_name(head: Token) -> tuple[list[Token], bool] | None:
    """ "the trust's director, Graham Ashworth" / "the depot's operator, Castellan Logistics": the name in apposition.

    A role noun naming no one itself gives way to the proper name beside it;
    returns the name's tokens and whether it names a person.
    """
    if head.tag_ in ("NNP", "NNPS"):
        return None
    for child in head.children:
        if child.dep_ != "appos" or child.tag_ not in ("NNP", "NNPS"):
            continue
        keep = [child]
        for c in child.children:
            if c.dep_ in ("compound", "amod", "nmod", "flat") or (
                c.dep_ == "prep" and any(t.tag_ in ("NNP", "NNPS") for t in c.subtree)
            ):
                keep.extend(c.subtree)
        toks = sorted(keep, key=lambda t: t.i)
        person = (
            child.ent_type_ == "PERSON"
            or head.lemma_.lower() in TITLES
            or head.lower_ in TITLES
            or any(t.lower_ in TITLES for t in toks)
            or child.ent_type_ not in ("ORG", "GPE", "NORP", "FAC")
        )
        if person:
            toks = [t for t in toks if t.tag_ in ("NNP", "NNPS") and t.lower_ not in TITLES]
        if toks:
            return toks, person
    # "One pastor backing Mr. Lund, Dan Whitby of …, said": the parser hangs the head's name on the last name
    # in its modifier, but a person's name set beside another person's name names the head.
    for t in head.subtree:
        if t.dep_ == "appos" and t.ent_type_ == "PERSON" and t.head.i > head.i and t.head.ent_type_ == "PERSON":
            toks = sorted([t, *(c for c in t.children if c.dep_ in ("compound", "flat"))], key=lambda x: x.i)
            if all(x.tag_ in ("NNP", "NNPS") for x in toks):
                return toks, True
    return None


def _object_phrase(prep: Token) -> Span | None:
    """The object of a preposition with what narrows it ("by the Trust", not a clause set off after it)."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    sub = [pobj] + [t for c in pobj.children if c.dep_ not in _OWNER_CUT for t in c.subtree]
    return prep.doc[min(t.i for t in sub) : max(t.i for t in sub) + 1]


def _owner_span(head: Token) -> Span | None:
    """Who a document or spokesperson belongs to: "its records", "the trust's figures", "a report by the Trust"."""
    doc = head.doc
    for child in head.children:
        if child.dep_ == "poss":
            sub = [t for t in child.subtree if t.lower_ not in _POSSESSIVE]
            return doc[min(t.i for t in sub) : max(t.i for t in sub) + 1] if sub else None
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in OWNER_PREPOSITIONS:
            found = _object_phrase(child)
            if found is not None:
                return found
    for child in head.children:
        # "the survey, conducted by the Institute"
        if child.dep_ == "acl" and child.lemma_.lower() in DOCUMENT_MAKING_VERBS:
            for agent in (c for c in child.children if c.dep_ == "agent"):
                found = _object_phrase(agent)
                poss = next((c for c in found.root.children if c.dep_ == "poss"), None) if found else None
                if poss is not None and poss.pos_ != "PRON":  # "by the hospital's own audit team": the hospital
                    sub = [t for t in poss.subtree if t.lower_ not in _POSSESSIVE]
                    return doc[sub[0].i : sub[-1].i + 1]
                if found is not None:
                    return found
    verb = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else None
    if verb is not None and verb.pos_ == "VERB":
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None:  # "The union said in a statement": the statement is the union's
            mods = _modifiers(subj)
            return doc[mods[0].i : mods[-1].i + 1]
    return None


def _clause_subject(tok: Token) -> Token | None:
    """The noun subject of the clause a mention sits in: what "its" in "according to its own papers" points to."""
    node = tok
    while node.head.i != node.i:
        node = node.head
        subj = next((c for c in node.children if c.dep_ in NOMINAL_SUBJECT_DEPS), None)
        if subj is None or subj.pos_ == "PRON":  # "… than it earned": the pronoun's own antecedent is further up
            continue
        # An antecedent comes first: in "according to its records, the club …" "its" is not the club.
        ok = subj.pos_ in ("NOUN", "PROPN") and subj.ent_type_ != "PERSON" and subj.i < tok.i
        return subj if ok else None
    return None


def _path(tok: Token, top: Token) -> list[Token]:
    """``tok`` and its heads up to (not including) ``top``."""
    out: list[Token] = []
    while tok.i != top.i and tok.head.i != tok.i:
        out.append(tok)
        tok = tok.head
    return out


def _interlocutors(span: Span) -> frozenset[str]:
    """The names (lower-case words) of whom a subject's clause has it speak with, before it ("In an interview
    with Ann Lee, the candidate said", "Speaking to Ann Lee, he said"): the one spoken with is not the speaker."""
    root = span.root
    doc = span.doc
    if root.dep_ in NOMINAL_SUBJECT_DEPS:
        verb = root.head
    elif root.dep_ == "appos" and span.end < len(doc) and doc[span.end].pos_ == "VERB":
        verb = doc[span.end]  # "with hosts A and B, the candidate stated": the parser set the subject beside B
        if any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in verb.children):
            return frozenset()
    else:
        return frozenset()
    names: set[str] = set()
    for t in doc[verb.left_edge.i : span.start]:
        if t.dep_ == "pobj" and t.head.lower_ in INTERLOCUTOR_PREPOSITIONS:
            names.update(
                w.lower_ for w in doc[t.left_edge.i : min(t.right_edge.i + 1, span.start)] if w.pos_ == "PROPN"
            )
    return frozenset(names)


def _outside(k: _Known, names: frozenset[str]) -> bool:
    """Whether a known person is none of ``names`` (by surname)."""
    return not names or k.name.split()[-1].lower() not in names


def _initials(name: str) -> str:
    """The acronym a name makes: first letters of its capitalised words ("Indian Olympic Association" → "IOA")."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in ACRONYM_SKIPPED_WORDS]
    return "".join(w[0] for w in words if w[:1].isupper()) if len(words) > 1 else ""


def _relative_antecedent(rel: Token) -> Token | None:
    """The noun a relative pronoun stands for, through coordinated verbs ("Park, who endorsed Lee and said
    he …"), and a name rather than the description set beside it ("Ana Ruiz, a nurse, who said …")."""
    verb = rel.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    noun = verb.head
    if noun.dep_ == "appos" and noun.head.tag_ in ("NNP", "NNPS"):
        noun = noun.head
    return noun


def _mention_start(head: Token) -> int:
    """Where the noun phrase a head ends begins: its determiner, possessor and the words that narrow it."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in _NAMING_DEPS:
            start = min(start, child.left_edge.i)
    return start


def _modifiers(head: Token) -> list[Token]:
    """The head noun with the words in front of it that narrow it ("internal audit", "education board")."""
    keep = [head]
    for child in head.children:
        if child.i < head.i and (
            child.dep_ in ("compound", "amod", "nmod") or (child.dep_ == "poss" and child.pos_ != "PRON")
        ):
            keep.extend(child.subtree)
    return [t for t in sorted(keep, key=lambda t: t.i) if not t.is_punct or t.text == "-"]


_APPOS = frozenset({"appos"})


def _above_apposition(doc: Doc) -> list[int]:
    """Indices of the clause subjects with an apposition in their subtree, in order: only there can
    :func:`_appos_name` find a name, so no other subject is built as a token (read on the head array)."""
    arrays = token_arrays(doc)
    head, dep = arrays.head, arrays.dep
    appos, subjects = string_ids(doc, _APPOS), string_ids(doc, NOMINAL_SUBJECT_DEPS)
    above: set[int] = set()
    for i in (i for i, d in enumerate(dep) if d in appos):
        while i not in above:  # up to the root, or to a token whose ancestors are in already
            above.add(i)
            if head[i] == i:
                break
            i = head[i]
    return sorted(i for i in above if dep[i] in subjects)


class SourceResolver:
    """Resolves mentions of one document; call :meth:`resolve` in text order."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.history: list[_Known] = []
        self.people: list[_Known] = []
        self.subjects: list[_Known] = []  # people named as the subject of a clause: pronoun antecedents
        self._depth = 0
        self.ents = doc.ents  # built anew at every read of ``doc.ents``: once for all the indexes below
        titles_at: dict[int, frozenset[str]] = {}  # a person's titles by their name's root token
        for ent in self.ents:
            if ent.label_ != "PERSON":
                continue
            toks = _words(list(ent))
            name_toks = _untitled(toks)
            if len(name_toks) < 2:
                continue
            before = doc[max(ent.start - 4, 0) : ent.start]
            titles = _roles([*before, *toks, *_appos_roles(ent.root)])
            if ent.root.dep_ == "conj":  # "Sens. Ada Quist and Bram Tolle": the second shares the first's title
                titles |= titles_at.get(ent.root.head.i, frozenset())
            titles_at[ent.root.i] = titles
            main = _main_subject(ent.root)
            name = _join(name_toks)
            gender = _gender([*before, *toks])
            if gender == "?":
                gender = _name_gender(name)
            known = _Known(ent.start_char, name, "person", gender, titles, main=main)
            self.people.append(known)
            if _is_subject(ent.root):
                self.subjects.append(self.people[-1])
        for tok in map(doc.__getitem__, _above_apposition(doc)):
            appos = _appos_name(tok)
            if appos is not None and appos[1] and not any(t.ent_type_ == "PERSON" for t in appos[0]):
                toks = appos[0]
                self.subjects.append(_Known(toks[0].idx, _join(toks), "person", _gender(list(tok.subtree))))
        # Indexes built once, so no mention rescans the document (see LOOKBACK).
        self._people_starts = [k.start for k in self.people]
        self._people_names = {k.name for k in self.people}
        self._by_surname: dict[str, list[_Known]] = {}
        self._by_given: dict[str, list[_Known]] = {}
        self._by_title_word: dict[str, list[_Known]] = {}
        for k in self.people:
            if len(k.name.split()) > 1:
                self._by_surname.setdefault(k.name.split()[-1].lower(), []).append(k)
                self._by_given.setdefault(k.name.split()[0].lower(), []).append(k)
            for title in k.titles:
                self._by_title_word.setdefault(title, []).append(k)
        # "Brandt, who is a nurse …, faulted …": a surname alone is an antecedent too, as the full name.
        for ent in self.ents:
            if ent.label_ != "PERSON" or len(_words(list(ent))) != 1 or not _main_subject(ent.root):
                continue
            full = self._by_surname.get(ent.root.lower_)
            if full:
                near = min(full, key=_nearness(ent.start_char))
                self.subjects.append(_Known(ent.start_char, near.name, "person", near.gender, near.titles, main=True))
        self.subjects.sort(key=lambda k: k.start)
        self._subject_starts = [k.start for k in self.subjects]
        # Where each known person is mentioned, by full name or surname: who a role noun last pointed to.
        self._mentions: dict[str, list[int]] = {}
        for ent in self.ents:
            if ent.label_ != "PERSON":
                continue
            parts = _untitled(list(ent))
            if len(parts) > 1:
                self._mentions.setdefault(_join(parts), []).append(ent.start_char)
            elif parts:
                for k in self._by_surname.get(parts[0].lower_, [])[:1]:
                    self._mentions.setdefault(k.name, []).append(ent.start_char)
        self._first_known: dict[str, _Known] = {}
        self._org_ents = [e for e in self.ents if e.label_ == "ORG"]
        self._org_ends = [e.end_char for e in self._org_ents]

    # Indexes built on first use: most documents' mentions never ask for them.

    @cached_property
    def orgs(self) -> list[_Known]:
        """The organisations the entity tagger names."""
        return [
            _Known(e.start_char, clean_name(list(e)), "organization")
            for e in self.ents
            if e.label_ in _ORGANIZATION_LABELS and not any(t.lower_ in TITLES for t in e)
        ]

    @cached_property
    def _org_starts(self) -> list[int]:
        return [k.start for k in self.orgs]

    @cached_property
    def _genders(self) -> dict[str, Gender]:
        """ "Rosa Diaz said she …", "Brandt faulted … his clinic": a named subject's own pronoun gives their gender.

        A name seen with both is left unknown. Only a pronoun or an unknown gender asks.
        """
        seen: dict[str, set[Gender]] = {}
        for ent in self.ents:
            if ent.label_ != "PERSON" or not _is_subject(ent.root):
                continue
            parts = _untitled(list(ent))
            if len(parts) > 1:
                name = _join(parts)
            elif parts and parts[0].lower_ in self._by_surname:
                full = self._by_surname[parts[0].lower_]
                name = min(full, key=lambda k: abs(k.start - ent.start_char)).name
            else:
                continue
            gender = _own_pronoun(ent.root)
            if gender != "?":
                seen.setdefault(name, set()).add(gender)
        return {name: next(iter(g)) for name, g in seen.items() if len(g) == 1}

    @cached_property
    def _acronyms(self) -> dict[str, str]:
        """Initials → the organisation's name they abbreviate."""
        acronyms: dict[str, str] = {}
        for e in self.ents:
            if e.label_ in _ORGANIZATION_LABELS:
                name = clean_name(list(e))
                acronyms.setdefault(_initials(name), name)
        return acronyms

    @cached_property
    def _nouns(self) -> dict[str, list[int]]:
        """Noun token indices by lemma, in order; every document noun also under ``" document"``."""
        nouns: dict[str, list[int]] = {}
        noun = self.doc.vocab.strings["NOUN"]  # the tag's symbol: tags read as numbers build no tokens
        pos = self.doc.to_array("POS").tolist()
        for i in (i for i, p in enumerate(pos) if p == noun):
            its = self.doc[i].lemma_.lower()
            nouns.setdefault(its, []).append(i)
            if its in DOCUMENT_NOUNS:
                nouns.setdefault(" document", []).append(i)
        return nouns

    @cached_property
    def _groups(self) -> list[tuple[int, str]]:
        """The groups a poll reports on ("among likely voters", "64 percent of Democrats") and where, in text order."""
        groups: list[tuple[int, str]] = []
        for tok in self.doc:
            if tok.dep_ == "pobj" and tok.head.lower_ == "among" and tok.tag_ in _PLURAL_TAGS:
                group: Token | None = tok
            elif _is_share(tok):
                group = _share_group(tok)
            else:
                continue
            if group is not None and group.tag_ in _PLURAL_TAGS:
                groups.append((tok.idx, _join(_words(_modifiers(group)))))
        return groups

    # -- public -------------------------------------------------------------------------------

    def resolve(self, span: Span, *, cue_lemma: str = "") -> Resolution:
        """Resolve one source mention (a span of the parsed document)."""
        res, gender = self._coordinated(span, cue_lemma) or self._resolve(span, cue_lemma)
        known = self._first_known.get(res.name)
        if known is not None and known.gender == "?" and gender != "?":
            known.gender = gender
        titles = _roles([t for t in span if t.lower_ in TITLES])
        plural = span.root.tag_ in _PLURAL_TAGS or span.root.lower_ in _PLURAL_PRONOUNS
        main = _main_subject(span.root)
        self.history.append(_Known(span.start_char, res.name, res.type, gender, titles, plural, span.root.lower_, main))
        self._first_known.setdefault(res.name, self.history[-1])
        return res

    # -- steps --------------------------------------------------------------------------------

    def _coordinated(self, span: Span, cue_lemma: str) -> tuple[Resolution, Gender] | None:
        """ "Mr. Park and other leaders" → "Park Min-jun and other leaders": each conjunct resolved, the list kept."""
        heads = [h for h in conjuncts(span.root) if span.start <= h.i < span.end]
        if len(heads) < 2:
            return None
        doc = span.doc
        names: list[Resolution] = []
        for h in heads:
            # The conjunct without the other conjuncts, or a clause, hanging on it ("groups who say …").
            part = [
                t for t in h.subtree if not any(a.dep_ in ("conj", "appos", "cc", "relcl", "acl") for a in _path(t, h))
            ]
            part = [t for t in part if not t.is_punct and not t.is_space]
            if part:
                names.append(self._resolve(doc[part[0].i : part[-1].i + 1], cue_lemma)[0])
        if len(names) < 2:
            return None
        cc = next((t.text for t in span if t.dep_ == "cc"), "and")
        joined = ", ".join(r.name for r in names[:-1]) + f" {cc} " + names[-1].name
        kind = names[0].type if len({r.type for r in names}) == 1 else "person"
        return Resolution(joined, kind, "named"), "?"

    def _resolve(self, span: Span, cue_lemma: str) -> tuple[Resolution, Gender]:
        words = _words(list(span))
        if len(words) == 1 and words[0].tag_ in ("PRP", "PRP$"):
            return self._pronoun(span, words[0].lower_)
        if len(words) == 1 and words[0].tag_ in ("WP", "WDT") and self._depth < 2:
            antecedent = _relative_antecedent(words[0])
            if antecedent is not None:
                return self._resolve_deeper(self.doc[_mention_start(antecedent) : antecedent.i + 1], cue_lemma)
        person = _person_tokens(span)
        if not person and len(words) == 1 and words[0].tag_ == "NNP" and words[0].lower_ in self._by_surname:
            person = words  # a known person's surname, whatever the entity tagger made of it ("Marsh said")
        if person:
            gender = _gender(list(span))
            name_toks = [t for t in person if t.lower_ not in TITLES]
            return self._person(span, _join(name_toks or person), gender)
        appos = _appos_name(span.root)
        if appos is not None:
            toks, is_person = appos
            if is_person:
                return self._person(span, _join(toks), _gender(list(span)))
            return Resolution(_join(toks), _type_of_name(_join(toks)), "named"), "?"
        if _is_share(span.root) and not any(t.ent_type_ == "PERSON" for t in span):
            group = self._group(span)
            if group is not None:
                return group, "?"
        name = clean_name(list(span))
        typ = self._type(span, cue_lemma)
        if (
            typ == "anonymous"
            and span.root.tag_ == "NNS"
            and any(c.dep_ in ("nummod", "quantmod") for c in span.root.children)
        ):
            name = _group_name(span.root, span) or name
        expanded = self._acronym(words)
        if expanded is not None:
            return Resolution(expanded, typ if typ != "person" else _type_of_name(expanded), "short-form"), "?"
        role = self._by_role(span, words)
        if role is not None:
            return Resolution(role.name, "person", "title"), role.gender
        if self._depth < 2 and not any(t.tag_ in ("NNP", "NNPS") for t in words if t.i <= span.root.i):
            owned = self._owned(span, typ)
            if owned is not None:
                return owned, "?"
        if words and all(t.lower_ in TITLES for t in words):
            found = self._by_title(span, set(_roles(words)))
            if found is not None:
                return Resolution(found.name, "person", "title"), found.gender
            return Resolution(name, "person" if span.root.tag_ in ("NN", "NNP") else typ, "unresolved"), "?"
        if span[0].lower_ in ("the", "this") and not any(t.tag_ in ("NNP", "NNPS") for t in words):
            # "the poll" is the nearest document before it ("The survey, conducted by …"), whatever its noun.
            phrase = self._by_phrase(span) if typ == "document" else None
            found = self._by_head(span) if phrase is None else None
            if found is not None:
                return Resolution(found.name, found.type, "short-form"), "?"
            phrase = phrase or self._by_phrase(span)
            if phrase is not None:
                return Resolution(phrase, typ, "short-form"), "?"
        return Resolution(name, typ, "named"), _gender(list(span))

    def _group(self, span: Span) -> Resolution | None:
        """ "74 percent said" → the group the share is of: its own ("of those polled"), the sentence's
        ("Among Trump voters, …"), or the nearest one before it the poll reported on ("among likely voters")."""
        own = _share_group(span.root)
        if own is not None:
            return Resolution(_group_name(own), "anonymous", "named")
        sent = span.sent
        for tok in reversed(self.doc[sent.start : span.start]):
            if tok.dep_ == "prep" and (tok.lower_ == "among" or (tok.lower_ == "for" and tok.i == sent.start)):
                pobj = next((c for c in tok.children if c.dep_ == "pobj" and c.tag_ in _PLURAL_TAGS), None)
                if pobj is not None and pobj.ent_type_ != "DATE":
                    return Resolution(_join(_words(_modifiers(pobj))), "anonymous", "short-form")
        k = bisect_left(self._groups, (span.start_char, ""))
        if k and span.start_char - self._groups[k - 1][0] <= _GROUP_REACH:
            return Resolution(self._groups[k - 1][1], "anonymous", "short-form")
        return None

    def _resolve_deeper(self, span: Span, cue_lemma: str = "") -> tuple[Resolution, Gender]:
        """Resolve a mention that the one being resolved leads to (a relative pronoun's noun, an owner, a pronoun's
        antecedent) one level deeper: ``_depth`` stops a chain of them."""
        self._depth += 1
        try:
            return self._resolve(span, cue_lemma)
        finally:
            self._depth -= 1

    def _owned(self, span: Span, typ: SourceType) -> Resolution | None:
        """A spokesperson speaks for their body; a document is named with its owner ("Trust report")."""
        root = span.root
        spokes = root.lower_ in SPOKESPERSON_NOUNS
        if not spokes and typ != "document":
            return None
        owner = _owner_span(root)
        if owner is None and spokes:
            mods = [t for t in span if t.i < root.i and t.dep_ in ("compound", "nmod") and t.lower_ not in TITLES]
            owner = span.doc[mods[0].i : mods[-1].i + 1] if mods else None
        if owner is not None and len(owner) == 1 and owner[0].lower_ in ("its", "their"):
            subj = _clause_subject(root)
            if subj is not None:
                mods = _modifiers(subj)
                owner = span.doc[mods[0].i : mods[-1].i + 1]
        if owner is None:
            return self._unnamed_spokesperson(span) if spokes else None
        res = self._resolve_deeper(owner)[0]
        if spokes:
            kind = res.type if res.type in _INSTITUTIONAL else _type_of_name(res.name)
            return Resolution(res.name, kind, "short-form")
        return Resolution(f"{res.name} {_join(_modifiers(root))}", "document", "short-form")

    def _unnamed_spokesperson(self, span: Span) -> Resolution | None:
        """ "the spokeswoman" is the one met before; "a spokesman" speaks for the body quoted just before."""
        head = span.root.lower_
        earlier = self._earlier(span)
        for k in earlier:
            if k.head == head:
                return Resolution(k.name, k.type, "short-form")
        for k in earlier:
            if k.type in ("government", "organization"):
                return Resolution(k.name, k.type, "short-form")
        return None

    def _by_phrase(self, span: Span) -> str | None:
        """'the report' / 'the board' → the nearest earlier noun phrase in the text that says more about it.

        "a report by the Northern Poverty Trust" names "the report" later on; so does
        "an internal audit seen by this newspaper", with another document noun.
        """
        root = span.root
        lemma = root.lemma_.lower()
        document = lemma in DOCUMENT_NOUNS or root.lower_ in DOCUMENT_NOUNS
        for i in self._nouns_before(span.start, lemma, document):
            tok = self.doc[i]
            its = tok.lemma_.lower()
            mods = _modifiers(tok)
            owner = _owner_span(tok) if its in DOCUMENT_NOUNS else None
            if owner is None and len(mods) < 2:
                continue
            name = _join(_words(mods))
            if owner is not None and self._depth < 2:
                name = f"{self._resolve_deeper(owner)[0].name} {name}"
            return name
        return None

    def _nouns_before(self, end: int, lemma: str, document: bool) -> list[int]:
        """Nouns before token ``end`` with ``lemma`` (any document noun, if ``document``), nearest first."""
        found = self._nouns.get(" document" if document else lemma, [])
        if document and lemma not in DOCUMENT_NOUNS:  # the mention's own lemma counts too ("the audit")
            found = sorted({*found, *self._nouns.get(lemma, [])})
        k = bisect_left(found, end)
        return found[max(0, k - LOOKBACK) : k][::-1]

    def _earlier(self, span: Span) -> list[_Known]:
        """Earlier sources, nearest first (the last :data:`LOOKBACK`)."""
        return [k for k in reversed(self.history[-LOOKBACK:]) if k.start < span.start_char]

    def _gender_of(self, k: _Known) -> Gender:
        """A person's gender, from their mention or, failing that, from what the text says of them elsewhere."""
        return k.gender if k.gender != "?" else self._genders.get(k.name, "?")

    def _governing(self, pron: Token, word: str) -> tuple[Resolution, Gender] | None:
        """ "Trump said he would …", "Lee backed a law that would close what she said were …": the subject
        of a clause the pronoun sits inside, before it and compatible, is its antecedent (so is the subject of
        a first conjunct: "Lund called it an attack, but he also noted …"), however many people the clause
        names in between.
        """
        if self._depth >= 2:
            return None
        want = _PERSON_PRONOUNS.get(word)
        plural = word in _PLURAL_PRONOUNS
        node = pron
        while node.head.i != node.i:
            child, node = node, node.head
            # A clause's subject, or a possessor naming the one whose words these are ("Lund's claim that he …").
            deps = NOMINAL_SUBJECT_DEPS if node.pos_ in ("VERB", "AUX") else _SUBJECT_OR_POSSESSOR
            subj = next((c for c in node.children if c.dep_ in deps and c.i != child.i), None)
            if subj is None or subj.i >= pron.i:
                continue
            if subj.dep_ == "poss" and (subj.pos_ != "PROPN" or node.lemma_.lower() not in _SAYING_NOUNS):
                continue
            if subj.tag_ in ("WDT", "WP") and node.dep_ == "relcl":
                subj = node.head  # "Reid, who said he …": the relative pronoun's noun
            if subj.pos_ == "PRON":
                continue  # "he said he …" (the same one: its antecedent is higher still), "for her to be …"
            group = subj.tag_ in _PLURAL_TAGS or any(c.dep_ == "conj" for c in subj.children)
            if want is not None and (group or subj.pos_ not in ("PROPN", "NOUN")):
                continue
            if plural and not group:
                continue
            res, gender = self._resolve_deeper(self.doc[_mention_start(subj) : subj.i + 1])
            if want is not None:
                if res.type != "person":
                    continue
                known = self._first_known.get(res.name)
                gender = gender if gender != "?" else known.gender if known is not None else "?"
                if gender == "?":
                    gender = self._genders.get(res.name, _name_gender(res.name))
                if gender not in (want, "?"):
                    continue
                return Resolution(res.name, "person", "pronoun"), want
            return Resolution(res.name, res.type, "pronoun"), "?"
        return None

    def _pronoun(self, span: Span, word: str) -> tuple[Resolution, Gender]:
        earlier = self._earlier(span)
        if word in _PERSON_PRONOUNS or word in _PLURAL_PRONOUNS:
            bound = self._governing(span.root, word)
            if bound is not None:
                return bound
        if word in _PERSON_PRONOUNS:
            want = _PERSON_PRONOUNS[word]
            # The nearest earlier person, whether a source or a person named as the subject of a clause.
            pool = [k for k in earlier if k.type == "person" or (k.type == "anonymous" and not k.plural)]
            pool += _nearest_before(self.subjects, self._subject_starts, span.start_char)
            pool.sort(key=lambda k: -k.start)
            spoken_to = _interlocutors(span)
            for k in (k for k in pool if _outside(k, spoken_to)):
                if self._gender_of(k) in (want, "?"):
                    return Resolution(k.name, "person", "pronoun"), want
            for k in _nearest_before(self.people, self._people_starts, span.start_char):
                if self._gender_of(k) in (want, "?") and _outside(k, spoken_to):
                    return Resolution(k.name, "person", "pronoun"), want
            return Resolution(span.text, "person", "unresolved"), want
        if word in _THING_PRONOUNS:
            for k in earlier:
                if k.type in _INSTITUTIONAL:
                    return Resolution(k.name, k.type, "pronoun"), "?"
            for k in _nearest_before(self.orgs, self._org_starts, span.start_char)[:1]:
                return Resolution(k.name, _type_of_name(k.name), "pronoun"), "?"
            return Resolution(span.text, "organization", "unresolved"), "?"
        if word in _PLURAL_PRONOUNS:
            for k in earlier:
                if k.type != "person":
                    return Resolution(k.name, k.type, "pronoun"), "?"
            return Resolution(span.text, "anonymous", "unresolved"), "?"
        if word in _FIRST_PERSON and earlier:
            k = earlier[0]
            return Resolution(k.name, k.type, "pronoun"), k.gender
        return Resolution(span.text, "person", "unresolved"), "?"

    def _person(self, span: Span, name: str, gender: Gender) -> tuple[Resolution, Gender]:
        parts = name.split()
        if len(parts) == 1:
            full = self._by_surname.get(parts[0].lower(), [])
            for k in sorted(full, key=_nearness(span.start_char)):
                if k.gender in (gender, "?"):
                    return Resolution(k.name, "person", "short-form"), gender if gender != "?" else k.gender
            # "Mr. Park" for "Park Min-jun": with an honorific, a family name written first is the short form too.
            if any(t.lower_ in HONORIFICS for t in span):
                given = self._by_given.get(parts[0].lower(), [])
                for k in sorted(given, key=_nearness(span.start_char)):
                    if k.gender in (gender, "?"):
                        return Resolution(k.name, "person", "short-form"), gender if gender != "?" else k.gender
        if gender == "?":
            gender = _name_gender(name)
        if name in self._people_names:
            return Resolution(name, "person", "named"), gender
        best: tuple[float, _Known] | None = None
        at = bisect_left(self._people_starts, span.start_char)
        near = self.people[max(0, at - LOOKBACK) : at + LOOKBACK]
        pool = near + [k for k in self.history[-LOOKBACK:] if k.type == "person"]
        for k in pool:
            if k.name == name:
                continue
            their = k.name.split()
            if len(parts) == 1:
                score = fuzz.ratio(parts[0].lower(), their[-1].lower())
            else:
                score = fuzz.ratio(name.lower(), k.name.lower())
            if score >= NEAR_MISS_SCORE and len(parts[-1]) >= 4 and (best is None or score > best[0]):
                best = (score, k)
        if best is not None:
            k = best[1]
            return Resolution(k.name, "person", "near-miss"), gender if gender != "?" else k.gender
        return Resolution(name, "person", "named"), gender

    def _by_title(self, span: Span, titles: set[str]) -> _Known | None:
        """'the president' → the nearest earlier person introduced with that title."""
        recent = [*_nearest_before(self.people, self._people_starts, span.start_char), *self._earlier(span)]
        earlier = [k for k in recent if k.type == "person" and k.titles & titles]
        return max(earlier, key=lambda k: k.start) if earlier else None

    def _acronym(self, words: list[Token]) -> str | None:
        """ "the IOA" / "DNC" → the name it abbreviates, wherever in the text that name is spelled out."""
        if len(words) != 1:
            return None
        letters = words[0].text.replace(".", "")
        if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
            return None
        found = self._acronyms.get(letters)
        if found is None:  # a source spelled out earlier that the tagger gave no entity label
            found = next((k.name for k in reversed(self.history[-LOOKBACK:]) if _initials(k.name) == letters), None)
        return found

    def _by_role(self, span: Span, words: list[Token]) -> _Known | None:
        """ "the city attorney", "the Florida senator", "the nominee" → the person the text means by it.

        First the person the text introduces with that title or role ("City
        Attorney Ana Ruiz", "Sens. A and B", "hosts C and D"), the one named most
        recently; failing that, for a role no one was introduced with, the
        nearest earlier person at the centre of a sentence whose own titles do
        not contradict it.
        """
        root = span.root
        if root.tag_ != "NN" or span[0].lower_ not in ("the", "this", "that") or root.lower_ in SPOKESPERSON_NOUNS:
            return None
        role = _role(root)
        if role is None or role in _NOT_ROLES or any(t.ent_type_ == "PERSON" for t in span):
            return None
        # Proper nouns may place the role ("the Florida senator", "the Democratic nominee"), not name its owner.
        if any(t.tag_ in ("NNP", "NNPS") and (t.i > root.i or t.ent_type_ not in _PLACE_ENTS) for t in words):
            return None
        spoken_to = _interlocutors(span)
        cands = [k for k in self._by_title_word.get(role, []) if _outside(k, spoken_to)]
        before = [k for k in cands if k.start < span.start_char]
        if before:
            return max(before, key=lambda k: self._last_mention(k, span.start_char))
        if cands:
            return min(cands, key=lambda k: k.start)
        return self._central_person(span, role)

    def _last_mention(self, k: _Known, pos: int) -> int:
        """Where the text last named ``k`` before ``pos`` (its introduction if nowhere since)."""
        starts = self._mentions.get(k.name, [])
        n = bisect_left(starts, pos)
        return starts[n - 1] if n else k.start

    def _central_person(self, span: Span, role: str) -> _Known | None:
        """The nearest earlier person named as a main subject (or quoted as one) that ``role`` can describe."""
        want = _gender(list(span))
        subjects = [k for k in _nearest_before(self.subjects, self._subject_starts, span.start_char) if k.main]
        pool = [*subjects, *(k for k in self._earlier(span) if k.type == "person" and k.main)]
        office = role in TITLE_WORDS
        spoken_to = _interlocutors(span)
        for k in sorted((k for k in pool if _outside(k, spoken_to)), key=lambda k: -k.start):
            if want != "?" and self._gender_of(k) not in (want, "?"):
                continue
            if office and role not in k.titles and k.titles - _NOT_ROLES:
                continue  # "the senator" is not the person introduced as governor
            if len(k.name.split()) < 2 and k.name not in self._people_names:
                continue  # a bare word with no full name behind it ("He", an unresolved surname)
            return k
        return None

    def _by_head(self, span: Span) -> _Known | None:
        """'the ministry' → the nearest earlier source or organisation whose name ends in that noun."""
        head = span.root.lower_
        earlier = self._earlier(span)
        for k in [*earlier, *_nearest_before(self.orgs, self._org_starts, span.start_char)]:
            parts = k.name.split()
            if parts[-1].lower() == head and len(parts) > 1:
                return k
        if head in ORGANIZATION_WORDS:
            for k in earlier:
                # by its name, not its tag: the tagger reads many company names as places
                if k.type in ("organization", "government") and _type_of_name(k.name) == "organization":
                    return k
            n = bisect_right(self._org_ends, span.start_char)
            if n:
                ent = self._org_ents[n - 1]
                return _Known(ent.start_char, clean_name(list(ent)), "organization")
        return None

    # -- types --------------------------------------------------------------------------------

    def _type(self, span: Span, cue_lemma: str) -> SourceType:
        root = span.root
        head = root.lower_
        tokens = _words(list(span))
        low = " ".join(t.lower_ for t in tokens)
        # "a senior nurse at the hospital" is a person: only the head and its left modifiers type a phrase.
        words = {t.lower_ for t in tokens if t.i <= root.i}
        if head in DOCUMENT_NOUNS or root.lemma_.lower() in DOCUMENT_NOUNS:
            return "document"
        if head in ANONYMOUS_HEADS and not any(t.ent_type_ == "PERSON" for t in span):
            return "anonymous"
        # A description of an institution is typed by its common-noun head ("the utility", "the regulator");
        # a name with such a head ("Islamic State") is typed as a name below.
        if root.tag_ in ("NN", "NNS") and head in GOVERNMENT_HEADS:
            return "government"
        if root.tag_ in ("NN", "NNS") and head in ORGANIZATION_HEADS:
            return "organization"
        if low in MEDIA_NAMES or (head in MEDIA_NOUNS and "news" in words):
            return "media"
        if _is_government(words, low):
            return "government"
        if root.ent_type_ == "GPE":
            return "government"
        if head in MEDIA_NOUNS:
            return "media"
        if root.ent_type_ in ("ORG", "NORP", "FAC") or words & ORGANIZATION_WORDS:
            return "media" if cue_lemma == "report" and root.ent_type_ == "ORG" else "organization"
        if head in TITLES:
            return "person"
        if root.tag_ in ("NNP", "NNPS") and any(
            c.dep_ == "relcl" and any(g.lower_ == "which" and g.dep_ in SUBJECT_DEPS for g in c.children)
            for c in root.children
        ):
            return "organization"  # "Castlegate Construction, which holds the contract, said": a thing, not a person
        if root.tag_ in ("NNP", "NNPS"):
            # A name the tagger knows nothing of that "reported" something is an outlet ("Harbor Watch first
            # reported"); a person is named with a given name the tagger knows, or a title.
            untagged = len(tokens) > 1 and not any(t.ent_type_ for t in tokens)
            return "media" if cue_lemma == "report" and untagged else "person"
        return "anonymous"
