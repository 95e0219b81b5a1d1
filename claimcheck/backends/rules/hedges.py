"""Hedge cues: words that make a claim uncertain or a number approximate (spec section 2).

Matched on the parsed tokens of a claim and its attribution frame, so that
"May" the month is not the modal "may" and "about" hedges only a number.
Agentless passive frames ("facilities said to be used by …") are hedges here
and never sources in the attribution rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from claimcheck.backends.rules.arrays import string_ids, token_arrays
from claimcheck.backends.rules.lexicon import (
    ADVERB_APPROXIMATIONS,
    AGENTLESS_AS_PARTICIPLES,
    AGENTLESS_PARTICIPLES,
    APPROXIMATION_CUES,
    ARTICLES,
    BE_FORMS,
    COMPARATIVES,
    HEDGING_MODALS,
    NEGATIONS,
    NUMBER_WORDS,
    POLL_SAMPLES,
    PREPOSITION_APPROXIMATIONS,
    UNCERTAINTY_CUES,
    UNIT_NOUNS,
)
from claimcheck.schema import Hedge, HedgeKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["find_hedges", "is_agentless_frame"]

_CURRENCY = frozenset("$£€¥")
# Longest cues first, so "an estimated" wins over "estimated" and "at least" over nothing.
_CUES: tuple[tuple[tuple[str, ...], HedgeKind], ...] = tuple(
    sorted(
        [(tuple(c.split()), "uncertainty") for c in UNCERTAINTY_CUES]
        + [(tuple(c.split()), "approximation") for c in APPROXIMATION_CUES],
        key=lambda item: -len(item[0]),
    )
)
#: The cues by first word, longest first within each: a token is tried only against cues it can start.
_CUES_BY_FIRST: dict[str, list[tuple[tuple[str, ...], HedgeKind]]] = {}
for _cue in _CUES:
    _CUES_BY_FIRST.setdefault(_cue[0][0], []).append(_cue)
#: The words a hedge can start on (a cue's first word, or a participle of an agentless frame).
_FIRST_WORDS = frozenset(_CUES_BY_FIRST) | AGENTLESS_PARTICIPLES | AGENTLESS_AS_PARTICIPLES
#: Parts of speech that may stand between "likely" and the sample it names ("likely Democratic primary voters").
_SAMPLE_MODIFIERS = frozenset({"ADJ", "PROPN", "NOUN"})


def _numberish(token: Token) -> bool:
    low = token.lower_
    return token.like_num or token.tag_ == "CD" or low in NUMBER_WORDS or low[:1] in _CURRENCY


def _counts(doc: Doc, i: int, cue: tuple[str, ...]) -> bool:
    """A number starts at ``doc[i]``, after the approximation ``cue``."""
    if doc[i].lower_ not in ARTICLES or cue[0] not in PREPOSITION_APPROXIMATIONS:
        return _numberish(doc[i])
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ in ARTICLES:
        return False
    return _numberish(nxt) or nxt.lemma_.lower() in UNIT_NOUNS


def _names_a_sample(doc: Doc, i: int) -> bool:
    """ "likely" naming the people a poll samples ("likely voters", "likely first-time voters")."""
    for tok in doc[i + 1 : i + 5]:
        if tok.lower_ in POLL_SAMPLES:
            return True
        if tok.pos_ not in _SAMPLE_MODIFIERS:
            return False
    return False


def is_agentless_frame(doc: Doc, i: int) -> bool:
    """A participle followed by "to" and a bare verb ("said to be", "thought to have"), with no "by" agent.

    Read off the token sequence rather than the parse: the small parser often
    misreads "facilities said to be used" as an active "said" with a subject.
    """
    tok = doc[i]
    if tok.lower_ not in AGENTLESS_PARTICIPLES or tok.tag_ not in ("VBN", "VBD") or i + 2 >= len(doc):
        return False
    return (
        doc[i + 1].lower_ == "to"
        and doc[i + 2].tag_ in ("VB", "VBP", "NN")
        and not any(c.dep_ == "agent" for c in tok.children)
    )


def _agentless_as(doc: Doc, i: int) -> tuple[int, int] | None:
    """``seen as`` / ``regarded as``: a passive participle with no agent, then "as" ("is widely seen as the
    favourite"; not "being seen as", a supposition)."""
    tok = doc[i]
    if tok.tag_ != "VBN" or i + 1 >= len(doc) or doc[i + 1].lower_ != "as" or (i > 0 and doc[i - 1].lower_ == "being"):
        return None
    passive = tok if tok.dep_ != "conj" else tok.head
    if any(c.dep_ == "agent" for c in tok.children) or not any(c.dep_ == "auxpass" for c in passive.children):
        return None
    return i, i + 2


def _agentless(doc: Doc, i: int) -> tuple[int, int] | None:
    """``said to be`` / ``is thought to``: a passive participle with no agent, then "to"."""
    if doc[i].lower_ in AGENTLESS_AS_PARTICIPLES:
        return _agentless_as(doc, i)
    if not is_agentless_frame(doc, i):  # which also makes sure doc[i + 2] exists
        return None
    if doc[i + 2].lower_ == "be":
        return i, i + 3
    if i > 0 and doc[i - 1].lower_ in BE_FORMS:
        return i - 1, i + 2
    return i, i + 2


def _not_a_hedge(doc: Doc, i: int, words: tuple[str, ...]) -> bool:
    """A cue word in a sense that does not hedge the claim.

    "less likely to back it" compares odds; "likely voters" names a poll's sample; "could not prove" is a
    past inability, which the claim states as fact ("may not" stays a hedge: it is still uncertain).
    """
    if words[0] in ("likely", "unlikely") and i > 0 and doc[i - 1].lower_ in COMPARATIVES:
        return True
    if words == ("likely",) and _names_a_sample(doc, i):
        return True
    return words == ("could",) and i + 1 < len(doc) and doc[i + 1].lower_ in NEGATIONS


def _match(doc: Doc, i: int) -> tuple[int, int, HedgeKind] | None:
    span = _agentless(doc, i)
    if span is not None:
        return span[0], span[1], "uncertainty"
    for words, kind in _CUES_BY_FIRST.get(doc[i].lower_, ()):
        end = i + len(words)
        if end > len(doc) or any(doc[i + k].lower_ != w for k, w in enumerate(words)):
            continue
        if kind == "approximation":
            if words[0] not in ADVERB_APPROXIMATIONS and (end >= len(doc) or not _counts(doc, end, words)):
                continue
        elif (
            (len(words) == 1 and words[0] in HEDGING_MODALS and doc[i].tag_ != "MD")
            or (words[0] in ("suspected", "alleged") and doc[i].tag_ == "VBD")
            or _not_a_hedge(doc, i, words)
        ):
            continue
        return i, end, kind
    return None


def find_hedges(doc: Doc, tokens: Iterable[int]) -> list[Hedge]:
    """Every hedge cue starting on one of ``tokens`` (indices into ``doc``), in text order, none overlapping."""
    scope = sorted(set(tokens))
    hedges: list[Hedge] = []
    taken = -1
    lowers = token_arrays(doc).lower  # as hashes: no token is built for a word that starts no hedge
    firsts = string_ids(doc, _FIRST_WORDS)
    for i in scope:
        if i < taken or lowers[i] not in firsts:
            continue
        found = _match(doc, i)
        if found is None:
            continue
        s, e, kind = found
        if s < taken:
            continue
        cue = doc[s:e]
        hedges.append(Hedge(cue=cue.text, kind=kind, start=cue.start_char, end=cue.end_char))
        taken = e
    return hedges
