"""How two names are compared: tokens, a name without its titles, a name standing inside a phrase.

The scorer matches sources with these (spec section 4), the checks and quote
verification tell people apart with them, and grounding splits words the same
way. The titles come from :mod:`claimcheck.text.names`, the one list of them.
"""

from __future__ import annotations

import re

from claimcheck.text.names import TITLE_PHRASES, TITLE_WORDS

__all__ = ["name_within", "normalise_name", "tokens"]

_QUOTE_FOLD = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'})
_NON_WORD = re.compile(r"[^\w]+|_+")
_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?=\s|$)")
_WORD = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[str]:
    """Lower-case and split on anything not a letter or digit (quote marks, curly or straight, included)."""
    return [t for t in _NON_WORD.split(text.lower()) if t]


_LEADING_FILLERS = frozenset({"the", "a", "an", "of", "for", "at", "to"})


def _drop_phrases(toks: list[str]) -> list[str | None]:
    """Replace multi-word title phrases by ``None`` markers (a title position)."""
    out: list[str | None] = []
    i = 0
    while i < len(toks):
        for phrase in TITLE_PHRASES:
            if tuple(toks[i : i + len(phrase)]) == phrase:
                out.append(None)
                i += len(phrase)
                break
        else:
            out.append(toks[i])
            i += 1
    return out


def normalise_name(name: str) -> list[str]:
    """Tokens of a source name without titles, honorifics, a leading "the" or a possessive "'s".

    A title followed by a name ("Defense Secretary Lloyd Austin", "White House
    spokesperson Adrienne Watson") keeps only what follows the last title;
    otherwise title words are removed. A name that is nothing but titles
    ("the spokesperson") keeps its words, so it can still match itself. Before a
    comma, an appositive ("Adrienne Watson, a White House spokesperson") is cut.
    """
    folded = _POSSESSIVE.sub("", name.lower().translate(_QUOTE_FOLD))
    if "," in folded:  # "Adrienne Watson, a White House spokesperson": the name comes before the apposition
        parts = [tokens(part) for part in folded.split(",")]
        named = (" ".join(t) for t in parts if any(w not in TITLE_WORDS and w not in _LEADING_FILLERS for w in t))
        folded = next(named, folded)
    toks = tokens(folded)
    marked = [None if t in TITLE_WORDS else t for t in _drop_phrases(toks)]
    last_title = max((i for i, t in enumerate(marked) if t is None), default=-1)
    after = [t for t in marked[last_title + 1 :] if t is not None]
    kept = after if after else [t for t in marked if t is not None]
    while kept and kept[0] in _LEADING_FILLERS:
        kept = kept[1:]
    if kept:
        return kept
    return toks[1:] if len(toks) > 1 and toks[0] == "the" else toks


def name_within(name: str, phrase: str) -> bool:
    """Spec section 3: ``name`` stands whole inside ``phrase``, not as a possessive ("Jane Doe's aide").

    Attribution corpora mark the whole source phrase ("Jane Doe, the city's
    mayor"), so a name that is a run of its words, on word boundaries, agrees.
    """
    want = tokens(name)
    if not want:
        return False
    text = phrase.translate(_QUOTE_FOLD)
    words = [(m.group().lower(), m.end()) for m in _WORD.finditer(text)]
    n = len(want)
    for k in range(len(words) - n + 1):
        if [w for w, _ in words[k : k + n]] == want and not _POSSESSIVE.match(text, words[k + n - 1][1]):
            return True
    return False
