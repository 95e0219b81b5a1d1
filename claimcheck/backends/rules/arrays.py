"""Token attributes of a parse read once per document as lists of numbers.

``doc[i]`` builds a new token object at every read, and most tokens a rule
looks at only to pass over (no cue word, no hedge, punctuation), so rules
that scan many tokens read these lists and build tokens only for the few
they keep. Strings are read as their hashes (``doc.vocab.strings[word]``).
The small readings of the parse every rules module makes (a run's clause
heads, a verb's own subject) are here too.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

import numpy

from claimcheck.backends.rules.lexicon import SUBJECT_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["TokenArrays", "has_subject", "run_roots", "string_ids", "token_arrays"]


class TokenArrays:
    """Forms, lower-case forms, lemmas and dependency labels (as hashes), heads and a running count of words, per
    token of one parse."""

    def __init__(self, doc: Doc) -> None:
        table = doc.to_array(["LOWER", "LEMMA", "ORTH", "DEP", "IS_ALPHA", "LIKE_NUM", "HEAD"]).reshape(-1, 7).T
        self.lower: list[int] = table[0].tolist()
        self.lemma: list[int] = table[1].tolist()
        #: The forms as written (``token.orth``): the other tokens of a word are found without building any.
        self.orth: list[int] = table[2].tolist()
        #: The dependency labels (``token.dep``): a rule after one kind of clause in a long run reads only those.
        self.dep: list[int] = table[3].tolist()
        # HEAD is the offset to the head, stored unsigned: read as signed and added to each index it is the head's
        # index, as ``token.head.i``. numpy does it for the whole column (these arrays are built for every parse).
        self.head: list[int] = (table[6].view(numpy.int64) + numpy.arange(len(doc))).tolist()
        words = (table[4] != 0) | (table[5] != 0)
        self._words: list[int] = [0, *numpy.cumsum(words, dtype=numpy.int64).tolist()]

    def words(self, start: int, end: int) -> int:
        """How many tokens of ``[start, end)`` are words or numbers (``is_alpha`` or ``like_num``)."""
        return self._words[end] - self._words[start] if end > start else 0


_cache: weakref.WeakKeyDictionary[Doc, TokenArrays] = weakref.WeakKeyDictionary()
#: The parse last asked for and its arrays, both held weakly (the arrays live as long as the parse, in ``_cache``):
#: the rules ask for one document's thousands of times in a row, and a weak reference is cheaper to read.
_last: tuple[weakref.ref[Doc], weakref.ref[TokenArrays]] | None = None


def token_arrays(doc: Doc) -> TokenArrays:
    """The arrays of ``doc``, read on first use and kept as long as the parse lives (it is never changed after)."""
    global _last
    last = _last
    if last is not None and last[0]() is doc:
        arrays = last[1]()
        if arrays is not None:
            return arrays
    arrays = _cache.get(doc)
    if arrays is None:
        arrays = TokenArrays(doc)
        _cache[doc] = arrays
    _last = (weakref.ref(doc), weakref.ref(arrays))
    return arrays


_ids: dict[frozenset[str], frozenset[int]] = {}


def string_ids(doc: Doc, words: frozenset[str]) -> frozenset[int]:
    """The hashes of ``words`` as the arrays hold them, kept per word list (spaCy hashes a string alike in
    every pipeline)."""
    ids = _ids.get(words)
    if ids is None:
        ids = frozenset(int(doc.vocab.strings[w]) for w in words)
        _ids[words] = ids
    return ids


def run_roots(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens of ``[start, end)`` whose head lies outside it or that head their sentence, in order: the run's
    clause heads, found on the head array, so a long run builds no token for the words under them."""
    head = token_arrays(doc).head
    return [doc[i] for i in range(start, end) if not start <= head[i] < end or head[i] == i]


def has_subject(tok: Token) -> bool:
    """``tok`` has a subject of its own (a child labelled as in ``SUBJECT_DEPS``): a clause, not a verb that shares
    another's subject or a participle's phrase."""
    return any(c.dep_ in SUBJECT_DEPS for c in tok.children)
