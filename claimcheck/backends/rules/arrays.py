"""Token attributes of a parse read once per document as lists of numbers.

``doc[i]`` builds a new token object at every read, and most tokens a rule
looks at only to pass over (no cue word, no hedge, punctuation), so rules
that scan many tokens read these lists and build tokens only for the few
they keep. Strings are read as their hashes (``doc.vocab.strings[word]``).
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["TokenArrays", "string_ids", "token_arrays"]


class TokenArrays:
    """Lower-case forms and lemmas (as hashes), heads and a running count of words, per token of one parse."""

    def __init__(self, doc: Doc) -> None:
        attrs: list[int | str] = ["LOWER", "LEMMA", "IS_ALPHA", "LIKE_NUM", "HEAD"]
        cols: list[list[int]] = doc.to_array(attrs).T.tolist() if len(doc) else [[] for _ in attrs]
        self.lower: list[int] = cols[0]
        self.lemma: list[int] = cols[1]
        # HEAD is the offset to the head, read back as unsigned 64-bit: the head's index, as ``token.head.i``.
        self.head: list[int] = [i + (r - (1 << 64) if r >= 1 << 63 else r) for i, r in enumerate(cols[4])]
        counts = [0]
        for alpha, num in zip(cols[2], cols[3], strict=True):
            counts.append(counts[-1] + (1 if alpha or num else 0))
        self._words = counts

    def words(self, start: int, end: int) -> int:
        """How many tokens of ``[start, end)`` are words or numbers (``is_alpha`` or ``like_num``)."""
        return self._words[end] - self._words[start] if end > start else 0


_cache: weakref.WeakKeyDictionary[Doc, TokenArrays] = weakref.WeakKeyDictionary()


def token_arrays(doc: Doc) -> TokenArrays:
    """The arrays of ``doc``, read on first use and kept as long as the parse lives (it is never changed after)."""
    arrays = _cache.get(doc)
    if arrays is None:
        arrays = TokenArrays(doc)
        _cache[doc] = arrays
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
