"""Who said it: resolve each source mention across the document and give it a type.

A mention is resolved in text order against what came before it: pronouns to
the nearest compatible earlier source, short forms ("Mr Austin", "the
ministry") to the full name they abbreviate, and a near-miss spelling ("Ms
Waton") to the known source it almost names. The resolution method is kept,
so a checker can flag a name the article itself got wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from rapidfuzz import fuzz

from claimcheck.backends.rules.lexicon import (
    ANONYMOUS_HEADS,
    DOCUMENT_NOUNS,
    FEMALE_TITLES,
    GOVERNMENT_PHRASES,
    GOVERNMENT_WORDS,
    MALE_TITLES,
    MEDIA_NAMES,
    MEDIA_NOUNS,
    ORGANIZATION_WORDS,
    TITLES,
)
from claimcheck.schema import SourceType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["NEAR_MISS_SCORE", "Resolution", "SourceResolver", "clean_name"]

#: Minimum rapidfuzz ratio for a surname to count as a misspelling of a known one ("Waton"/"Watson" = 91).
NEAR_MISS_SCORE = 80.0

Method = Literal["named", "short-form", "pronoun", "title", "near-miss", "unresolved"]
Gender = Literal["m", "f", "?"]

_PERSON_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
_THING_PRONOUNS = frozenset({"it", "its"})
_PLURAL_PRONOUNS = frozenset({"they", "them"})
_FIRST_PERSON = frozenset({"i", "we", "me", "us", "you"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_HONORIFICS = MALE_TITLES | FEMALE_TITLES | {"dr", "dr.", "prof", "prof."}
_INSTITUTIONAL = frozenset({"government", "organization", "media", "document"})
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


@dataclass
class _Known:
    start: int
    name: str
    type: SourceType
    gender: Gender = "?"
    titles: frozenset[str] = field(default_factory=frozenset)


def _words(tokens: list[Token]) -> list[Token]:
    """Drop determiners, possessive markers and punctuation (keeping inner hyphens)."""
    out = [t for t in tokens if t.lower_ not in _POSSESSIVE and not (t.is_punct and t.text not in "-&.")]
    while out and out[0].lower_ in _DETERMINERS:
        out = out[1:]
    return out


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


def _gender(tokens: list[Token]) -> Gender:
    lows = {t.lower_ for t in tokens}
    if lows & MALE_TITLES:
        return "m"
    if lows & FEMALE_TITLES:
        return "f"
    return "?"


def _person_tokens(span: Span) -> list[Token] | None:
    """The proper-noun name inside a mention, if the mention names a person."""
    people = [t for t in span if t.ent_type_ == "PERSON" and t.tag_ in ("NNP", "NNPS")]
    if not people:
        # An honorific before proper nouns names a person whatever the entity tagger thought ("Mr X" as ORG).
        hon = next((t for t in span if t.lower_ in _HONORIFICS), None)
        after = [t for t in span if hon is not None and t.i > hon.i and t.tag_ == "NNP"]
        return after or None
    root = span.root
    if root.ent_type_ != "PERSON" and root.lower_ not in TITLES:
        return None
    start = people[0].i
    end = people[-1].i
    return [t for t in span.doc[start : end + 1] if t.lower_ not in TITLES or t.i == end]


def _appos_person(head: Token) -> list[Token] | None:
    """ "the trust's director, Graham Ashworth": the person named in apposition to a role."""
    for child in head.children:
        if child.dep_ != "appos" or child.tag_ != "NNP":
            continue
        if child.ent_type_ == "PERSON" or (head.lower_ in TITLES and child.ent_type_ not in ("ORG", "GPE")):
            return [t for t in child.subtree if t.tag_ == "NNP" and t.lower_ not in TITLES]
    return None


class SourceResolver:
    """Resolves mentions of one document; call :meth:`resolve` in text order."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.history: list[_Known] = []
        self.people: list[_Known] = []
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            toks = _words(list(ent))
            name_toks = [t for t in toks if t.lower_ not in TITLES]
            if len(name_toks) < 2:
                continue
            before = doc[max(ent.start - 4, 0) : ent.start]
            titles = frozenset(t.lower_ for t in [*before, *toks] if t.lower_ in TITLES)
            self.people.append(_Known(ent.start_char, _join(name_toks), "person", _gender([*before, *toks]), titles))
        self.orgs: list[_Known] = [
            _Known(e.start_char, clean_name(list(e)), "organization")
            for e in doc.ents
            if e.label_ in ("ORG", "GPE", "NORP", "FAC")
        ]

    # -- public -------------------------------------------------------------------------------

    def resolve(self, span: Span, *, cue_lemma: str = "") -> Resolution:
        """Resolve one source mention (a span of the parsed document)."""
        res, gender = self._resolve(span, cue_lemma)
        known = next((k for k in self.history if k.name == res.name), None)
        if known is not None and known.gender == "?" and gender != "?":
            known.gender = gender
        titles = frozenset(t.lower_ for t in span if t.lower_ in TITLES)
        self.history.append(_Known(span.start_char, res.name, res.type, gender, titles))
        return res

    # -- steps --------------------------------------------------------------------------------

    def _resolve(self, span: Span, cue_lemma: str) -> tuple[Resolution, Gender]:
        words = _words(list(span))
        if len(words) == 1 and words[0].tag_ in ("PRP", "PRP$"):
            return self._pronoun(span, words[0].lower_)
        person = _person_tokens(span) or _appos_person(span.root)
        if person:
            gender = _gender(list(span))
            name_toks = [t for t in person if t.lower_ not in TITLES]
            return self._person(span, _join(name_toks or person), gender)
        name = clean_name(list(span))
        typ = self._type(span, cue_lemma)
        if words and all(t.lower_ in TITLES for t in words):
            found = self._by_title(span, {t.lower_ for t in words})
            if found is not None:
                return Resolution(found.name, "person", "title"), found.gender
            return Resolution(name, "person" if span.root.tag_ in ("NN", "NNP") else typ, "unresolved"), "?"
        if span[0].lower_ == "the" and not any(t.tag_ in ("NNP", "NNPS") for t in words):
            found = self._by_head(span)
            if found is not None:
                return Resolution(found.name, found.type, "short-form"), "?"
        return Resolution(name, typ, "named"), _gender(list(span))

    def _earlier(self, span: Span) -> list[_Known]:
        """Earlier sources, nearest first."""
        return [k for k in reversed(self.history) if k.start < span.start_char]

    def _pronoun(self, span: Span, word: str) -> tuple[Resolution, Gender]:
        earlier = self._earlier(span)
        if word in _PERSON_PRONOUNS:
            want = _PERSON_PRONOUNS[word]
            for k in earlier:
                if k.type == "person" and k.gender in (want, "?"):
                    return Resolution(k.name, "person", "pronoun"), want  # type: ignore[return-value]
            for k in reversed(self.people):
                if k.start < span.start_char and k.gender in (want, "?"):
                    return Resolution(k.name, "person", "pronoun"), want  # type: ignore[return-value]
            return Resolution(span.text, "person", "unresolved"), want  # type: ignore[return-value]
        if word in _THING_PRONOUNS:
            for k in earlier:
                if k.type in _INSTITUTIONAL:
                    return Resolution(k.name, k.type, "pronoun"), "?"
            for k in reversed(self.orgs):
                if k.start < span.start_char:
                    return Resolution(k.name, self._type_of_name(k.name), "pronoun"), "?"
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
        full = [k for k in self.people if len(k.name.split()) > len(parts)]
        # Prefer the nearest full name before the mention, then the first after it.
        ordered = sorted(full, key=lambda k: (k.start > span.start_char, abs(k.start - span.start_char)))
        if len(parts) == 1:
            for k in ordered:
                if k.name.split()[-1].lower() == parts[0].lower() and k.gender in (gender, "?"):
                    return Resolution(k.name, "person", "short-form"), gender if gender != "?" else k.gender
        if any(k.name == name for k in self.people):
            return Resolution(name, "person", "named"), gender
        best: tuple[float, _Known] | None = None
        pool = self.people + [k for k in self.history if k.type == "person"]
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
        cands = [k for k in [*self.people, *self.history] if k.type == "person" and k.titles & titles]
        earlier = [k for k in cands if k.start < span.start_char]
        return max(earlier, key=lambda k: k.start) if earlier else None

    def _by_head(self, span: Span) -> _Known | None:
        """'the ministry' → the nearest earlier source or organisation whose name ends in that noun."""
        head = span.root.lower_
        for k in [*self._earlier(span), *reversed([o for o in self.orgs if o.start < span.start_char])]:
            if k.name.split()[-1].lower() == head and len(k.name.split()) > 1:
                return k
        if head in ORGANIZATION_WORDS:
            for k in self._earlier(span):
                if k.type == "organization":
                    return k
            for ent in reversed(self.doc.ents):
                if ent.label_ == "ORG" and ent.end_char <= span.start_char:
                    return _Known(ent.start_char, clean_name(list(ent)), "organization")
        return None

    # -- types --------------------------------------------------------------------------------

    def _type_of_name(self, name: str) -> SourceType:
        low = name.lower()
        words = set(low.split())
        if low in MEDIA_NAMES:
            return "media"
        if words & GOVERNMENT_WORDS or any(p in low for p in GOVERNMENT_PHRASES):
            return "government"
        return "organization"

    def _type(self, span: Span, cue_lemma: str) -> SourceType:
        root = span.root
        head = root.lower_
        low = " ".join(t.lower_ for t in _words(list(span)))
        words = set(low.split())
        if head in DOCUMENT_NOUNS or root.lemma_.lower() in DOCUMENT_NOUNS:
            return "document"
        if head in ANONYMOUS_HEADS and not any(t.ent_type_ == "PERSON" for t in span):
            return "anonymous"
        if low in MEDIA_NAMES or (head in MEDIA_NOUNS and "news" in words):
            return "media"
        if words & GOVERNMENT_WORDS or any(p in low for p in GOVERNMENT_PHRASES):
            return "government"
        if root.ent_type_ == "GPE":
            return "government"
        if head in MEDIA_NOUNS:
            return "media"
        if root.ent_type_ in ("ORG", "NORP", "FAC") or words & ORGANIZATION_WORDS:
            return "media" if cue_lemma == "report" and root.ent_type_ == "ORG" else "organization"
        if head in TITLES:
            return "person"
        if root.tag_ in ("NNP", "NNPS"):
            return "person"
        return "anonymous"
