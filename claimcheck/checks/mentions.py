"""What a source mention is: unnamed ("officials said"), vague ("experts"), or the authors of a named work.

The sources family flags these mentions; the quotes family and the roles read
them too, so the patterns live here, apart from any one check.
"""

from __future__ import annotations

import re

from claimcheck.schema import Claim
from claimcheck.text.lexicon import SPEECH_VERB_FORMS, UNNAMED_SOURCE_HEADS, VAGUE_GROUP_NOUNS, alternation

__all__ = [
    "ANON_EXPLAINED",
    "ANON_MENTION",
    "ANON_TEXT",
    "SPEECH",
    "VAGUE_TEXT",
    "authors_of_named_work",
    "is_anonymous",
    "is_vague_mention",
]

#: Speech and belief verbs after a source ("officials said", "experts believe"), matched as whole words.
SPEECH = f"(?i:{alternation(SPEECH_VERB_FORMS)})"
_ANON_HEAD = f"(?i:{alternation(UNNAMED_SOURCE_HEADS)})"
_ANON_MOD = (
    r"(?:(?i:a|an|one|two|three|several|some|other|many|the|senior|junior|top|former|current|local|western|"
    r"unnamed|anonymous|government|military|administration|intelligence|security|defen[cs]e|police|party|"
    r"diplomatic|health)\s+|[A-Z][\w.’'-]*\s+){0,4}"
)
ANON_TEXT = re.compile(
    rf"\b(?i:according\s+to)\s+(?:[\w’'-]+\s+){{0,4}}?{_ANON_HEAD}\b"
    rf"|\b{_ANON_MOD}{_ANON_HEAD}(?:\s+(?:at|in|from|with)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,3}})?"
    rf"\s+(?:(?:have|had|has|also|privately|later)\s+)?{SPEECH}\b"
    r"|\b(?i:(?:(?:a|an|one|two|three|several|some)\s+)?(?:person|people|sources?|officials?|individuals?|someone)"
    r"\s+(?:familiar\s+with|close\s+to|with\s+(?:direct\s+)?knowledge\s+of|briefed\s+on)\s+(?:the\s+)?[\w’'-]+)",
)
ANON_MENTION = re.compile(
    rf"\b{_ANON_HEAD}\b|\b(?:person|people|someone)\s+(?:familiar|close|with knowledge|briefed)", re.IGNORECASE
)
ANON_EXPLAINED = re.compile(
    r"condition of anonymity|not authori[sz]ed to|(?:declined|asked|requested) not to be (?:named|identified)|"
    r"requested anonymity|spoke anonymously|insisted on anonymity",
    re.IGNORECASE,
)
_VAGUE_HEAD = f"(?:{alternation(VAGUE_GROUP_NOUNS)}" r"|(?<!\d )(?:(?:some|many|most)\s+)?people|some|many|others)"
VAGUE_TEXT = re.compile(
    rf"\baccording\s+to\s+(?:(?:some|many|other|leading|independent)\s+)?{_VAGUE_HEAD}\b"
    rf"|(?<![\w’'-])(?:(?:some|many|other|leading|independent)\s+)?{_VAGUE_HEAD}\s+"
    rf"(?:(?:have|had|also|now)\s+)?{SPEECH}\b"
    r"|\bit\s+(?:has\s+been|is|was)\s+(?:widely\s+)?(?:argued|suggested)\s+that\b",  # "it is said": agentless
    re.IGNORECASE,
)
_VAGUE_MENTION = re.compile(
    rf"^(?:(?:some|many|other|leading|independent|the|most|several)\s+)*(?:[a-z-]+\s+)?{_VAGUE_HEAD}$",
    re.IGNORECASE,
)


def is_vague_mention(mention: str) -> bool:
    """ "experts", "many critics": a group with no one in it named."""
    return bool(_VAGUE_MENTION.match(mention.strip())) and not re.search(r"\b[A-Z][a-z]", mention.strip()[1:])


_PRONOUN = re.compile(r"(?i:he|she|they|it|we|i|you|him|her|them|us)")
_PROPER_NAME = re.compile(r"(?:[A-Z][\w’'.-]*)(?:\s+(?:[A-Z][\w’'.-]*|de|la|van|von|der|bin|al|da))*")


def is_anonymous(claim: Claim) -> bool:
    """Whether the claim's source is an unnamed person ("officials", "a source"), not a name or a pronoun."""
    mention = claim.source or ""
    if _PRONOUN.fullmatch(mention.strip()):
        return False  # a pronoun is a back-reference the backend could not resolve, not an unnamed source
    if claim.source_type == "anonymous":
        # trust the backend unless the mention reads as a name ("Sanders", "Adrienne Watson")
        return bool(ANON_MENTION.search(mention)) or not _PROPER_NAME.fullmatch(mention.strip())
    if not ANON_MENTION.search(mention):
        return False
    # "the official" resolved by the backend to a named person is a back-reference, not anonymity
    name = claim.source_name or ""
    return not name or name == mention or bool(ANON_MENTION.search(name))


#: "the authors", "the study's researchers": the people behind a work the story names, not unnamed sources.
_WORK_ROLE = re.compile(
    r"(?:the|its|their)\s+(?:(?:study|report|paper|survey|review|poll|analysis)(?:’s|'s)\s+)?"
    r"(?:authors?|co-?authors|researchers?|scientists?|investigators?|writers?|team|pollsters?|analysts?)",
    re.IGNORECASE,
)
_WORK = re.compile(
    r"\b(?:study|studies|report|paper|survey|review|poll|analysis|research|audit|inquiry|investigation|book|"
    r"article|trial)\b",
    re.IGNORECASE,
)


def authors_of_named_work(text: str, start: int, mention: str) -> bool:
    """ "The authors said" after "A study published in The Lancet": identified by the work, not anonymous."""
    return bool(_WORK_ROLE.fullmatch(mention.strip())) and bool(_WORK.search(text[max(0, start - 1500) : start]))
