"""The one list of titles and honorifics: what says what a person is, not who.

The rules strip these from a resolved ``source_name``, the scorer drops them
before comparing names (spec section 4), and the checks skip them when they
read a person's name out of a mention. One list keeps the three in step: a
title the rules strip but the scorer keeps would count against a correct name.
:func:`normalise_name` is that comparison, shared by the scorer, the checks
and quote verification.
"""

from __future__ import annotations

import re

__all__ = [
    "FEMALE_TITLES",
    "MALE_TITLES",
    "OFFICE_WORDS",
    "TITLES",
    "TITLE_PHRASES",
    "TITLE_WORDS",
    "name_within",
    "normalise_name",
    "tokens",
]

_TITLE_WORDS = """
    mr mrs ms miss mx dr prof professor sir dame lord lady madam monsieur herr
    president vice secretary minister spokesperson spokesman spokeswoman spokespeople spokesmen spokeswomen
    senator sen rep representative congressman congresswoman gov governor mayor chancellor premier
    general gen col colonel major maj capt captain lt lieutenant sgt sergeant admiral adm commander cmdr brig
    chief chairman chairwoman chairperson chair ceo cfo coo founder director ambassador envoy commissioner
    judge justice attorney prosecutor sheriff inspector superintendent officer detective constable
    king queen prince princess pope rev reverend rabbi imam father sheikh ayatollah cardinal bishop
    deputy acting former interim undersecretary official aide adviser advisor counsel
    speaker leader head barrister lawyer solicitor councillor councilman councilwoman
"""
#: Title words, lower-case and without a final dot ("Mr." is looked up as "mr").
TITLE_WORDS: frozenset[str] = frozenset(_TITLE_WORDS.split())
#: The same with their abbreviated spellings ("mr.", "sen."), for looking up a token's lower-case text as it is.
TITLES: frozenset[str] = TITLE_WORDS | frozenset(f"{w}." for w in TITLE_WORDS) | frozenset({"vice-president"})

_MALE = "mr sir lord king prince father spokesman congressman chairman"
_FEMALE = "mrs ms miss dame lady queen princess spokeswoman congresswoman chairwoman"
MALE_TITLES: frozenset[str] = frozenset(_MALE.split()) | frozenset({"mr."})
FEMALE_TITLES: frozenset[str] = frozenset(_FEMALE.split()) | frozenset({"mrs.", "ms."})

_TITLE_PHRASES = """
    secretary of state, secretary of defense, secretary of defence, secretary of the treasury,
    secretary general, secretary-general, defense secretary, defence secretary, foreign secretary,
    home secretary, press secretary, foreign minister, defence minister, defense minister, prime minister,
    health minister, finance minister, interior minister, attorney general, national security adviser,
    national security advisor, supreme leader, chief executive, chief of staff, house speaker, speaker of the house
"""
#: Multi-word titles whose parts are not all titles on their own ("Defense Secretary", "Prime Minister").
TITLE_PHRASES: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.split()) for p in (p.strip() for p in _TITLE_PHRASES.split(",")) if p
)

#: Office words that open a capitalised run before a person's name ("Defense Secretary Lloyd Austin"):
#: the titles plus the words of multi-word offices.
_OFFICE_EXTRA = "prime defense defence foreign home health state national security council white house"
OFFICE_WORDS: frozenset[str] = TITLE_WORDS | frozenset(_OFFICE_EXTRA.split())


# --- tokens and names: how a name is compared ----------------------------------------------

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
    words = [(m.group().lower(), m.end()) for m in _WORD.finditer(phrase.translate(_QUOTE_FOLD))]
    text = phrase.translate(_QUOTE_FOLD)
    n = len(want)
    for k in range(len(words) - n + 1):
        if [w for w, _ in words[k : k + n]] == want and not _POSSESSIVE.match(text, words[k + n - 1][1]):
            return True
    return False
