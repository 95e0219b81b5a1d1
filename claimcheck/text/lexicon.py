"""The word lists the rules backend and the editorial checks share, so a cue added here reaches both.

Neither imports the other: the rules re-export these from
:mod:`claimcheck.backends.rules.lexicon` (whose cache digest hashes this file
with the rest of ``text/``), the checks read them here. Where the two match
different extents of a list, the narrower one is a named part of the wider
(``UNNAMED_SOURCE_HEADS`` of ``ANONYMOUS_HEADS``; ``NUMBER_NAMES`` and
``NUMBER_SCALES`` in both ``NUMBER_WORDS`` and ``COUNT_WORDS``), so an addition to
the shared part is matched by both.
Every list is lower-case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "AGENTLESS_PARTICIPLES",
    "ANONYMOUS_HEADS",
    "COUNT_WORDS",
    "JUDGEMENT_WORDS",
    "NUMBER_NAMES",
    "NUMBER_SCALES",
    "NUMBER_WORDS",
    "SPEECH_VERB_FORMS",
    "UNNAMED_SOURCE_HEADS",
    "VAGUE_GROUP_NOUNS",
    "alternation",
]


def alternation(words: Iterable[str]) -> str:
    """The words as a regular-expression alternation (no group), longest first so a plural wins over its
    singular, as ``officials?`` would."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


# --- hedges ----------------------------------------------------------------------------------

#: Participles that, passive and agentless before "to", hedge instead of naming a source ("is believed to be",
#: "facilities said to be used by …": spec section 2): the rules read the frame from the parse, the checks'
#: agentless-hedge scans the text for it.
AGENTLESS_PARTICIPLES: frozenset[str] = frozenset(
    """said believed thought reported alleged understood rumoured rumored suspected claimed presumed
    estimated""".split()
)

# --- unnamed and vague sources ---------------------------------------------------------------

#: Heads of source phrases for unnamed officials and insiders ("officials said", "sources say"): the checks'
#: anonymous-source scans the text for these.
UNNAMED_SOURCE_HEADS: frozenset[str] = frozenset(
    """official officials source sources aide aides insider insiders diplomat diplomats officer officers""".split()
)
#: Heads of source phrases that leave the speaker unnamed, as the rules type a source "anonymous".
ANONYMOUS_HEADS: frozenset[str] = UNNAMED_SOURCE_HEADS | frozenset(
    """person people someone anyone analyst analysts expert experts witness witnesses resident residents
    observer observers critic critics supporter supporters member members staffer staffers""".split()
)
#: Forms of speech and belief verbs that follow an unnamed or vague source ("officials said", "experts
#: believe"), for the checks' text scans; the rules read the lemmas of these and more from the parse
#: (``REPORTING_VERBS``), so the two are not one list.
SPEECH_VERB_FORMS: frozenset[str] = frozenset(
    """said say says told tell added stated claimed claim claims suggested confirmed confirm revealed indicated
    warned warn warns believe believed believes argued argue argues noted note fear feared fears think thinks
    thought insisted insist predicted predict estimated estimate expect expected contend contended""".split()
) | frozenset(("point out", "pointed out"))
#: Groups a story cites with no one in them named ("experts say", "critics argue"): the checks' vague-source.
VAGUE_GROUP_NOUNS: frozenset[str] = frozenset(
    """expert experts critics analysts observers commentators pundits scientists economists campaigners
    sceptics skeptics residents locals""".split()
)

#: Words of judgement that make a claim opinion rather than information (the checks' anonymous-opinion).
JUDGEMENT_WORDS: frozenset[str] = frozenset(
    """mistake blunder disaster disastrous catastrophe catastrophic incompetent inept foolish stupid reckless naive
    brilliant excellent terrible awful appalling shameful disgraceful outrageous ridiculous absurd embarrassing
    dishonest corrupt liar lying unfit failure misguided arrogant cowardly courageous heroic pathetic weak
    worst best genius idiot idiotic clueless hopeless useless wonderful fantastic""".split()
)

# --- numbers written out ---------------------------------------------------------------------

#: Number names both parts read.
NUMBER_NAMES: frozenset[str] = frozenset(
    """two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty
    seventy eighty ninety""".split()
)
#: Scale words both parts read ("hundreds of", "2 million").
NUMBER_SCALES: frozenset[str] = frozenset(
    """hundred hundreds thousand thousands million millions billion billions trillion dozen dozens""".split()
)
#: Words that count as numbers after an approximation cue (the rules' hedges: "about a dozen", "nearly half").
NUMBER_WORDS: frozenset[str] = NUMBER_NAMES | NUMBER_SCALES | frozenset("""a an one half third quarter score""".split())
#: A figure written out in words (the checks' figures: "two", "thousands", "scores"); "one" and "a" are not counts.
COUNT_WORDS: frozenset[str] = (
    NUMBER_NAMES
    | NUMBER_SCALES
    | frozenset("""thirteen fourteen sixteen seventeen eighteen nineteen trillions scores""".split())
)
