"""The wording family: hedges with no one behind them, and attribution verbs that take sides."""

from __future__ import annotations

import re
from collections.abc import Iterator

from claimcheck.checks.document import Document, Hit
from claimcheck.checks.finding import Severity
from claimcheck.checks.registry import register
from claimcheck.text.lexicon import AGENTLESS_PARTICIPLES, alternation

__all__ = ["agentless_hedge", "loaded_cue"]

_HEARSAY = f"(?:{alternation(AGENTLESS_PARTICIPLES)})"
_AGENTLESS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        # "is believed to be", "are thought to have"
        rf"\b(?:is|are|was|were|be|been|being)\s+(?:(?:widely|also|generally|now|still)\s+)?"
        rf"(?P<h>{_HEARSAY}\s+to(?:\s+(?:be|have))?)\b",
        # reduced relatives: "attacks believed to be", "facilities said to be" (not "he said to be careful")
        rf"(?<=[a-z] )(?<!\bhe )(?<!\bshe )(?<!\bthey )(?<!\bwe )(?<!\bi )(?<!\byou )(?<!\bit )"
        rf"(?P<h>{_HEARSAY}\s+to\s+(?:be|have))\b",
        # "it is understood that"
        r"\b(?P<h>it\s+(?:is|was|has\s+been|had\s+been)\s+(?:widely\s+)?"
        r"(?:believed|thought|understood|said|reported|claimed|alleged|rumou?red|feared)(?:\s+that)?)\b",
        r"\b(?P<h>reportedly|purportedly|supposedly|rumou?redly)\b",
    )
]


@register(
    "agentless-hedge",
    "warning",
    summary="“believed to be” with no one believing",
    doc='"believed to be", "said to be", "is thought to" with no one doing the believing',
    flagged="The gunman is believed to be a local man.",
    clean="The gunman is a local man, police said.",
    dedupe=True,
)
def agentless_hedge(doc: Document) -> Iterator[Hit]:
    """A passive hedge keeps the claim and hides who makes it; the reader is owed the believer's name."""
    for pattern in _AGENTLESS:
        for m in pattern.finditer(doc.text):
            s, e = m.span("h")
            if doc.model.mask[s]:
                continue  # inside a quotation: the speaker's own hedge, attributed with the quote
            hedge = doc.text[s:e]
            over = doc.claims_over(s, e)
            attributed = [c for _, c in over if c.attributed]
            if attributed:
                who = attributed[0].source_name or attributed[0].source
                yield Hit(
                    s,
                    e,
                    "info",
                    f"hedge “{hedge}” in a claim by {who} names no one who believes it",
                    "check whether the source or someone else holds this belief, and say so",
                    over[0][0],
                )
            else:
                yield Hit(
                    s,
                    e,
                    "warning",
                    f"agentless hedge “{hedge}”: who believes it?",
                    "name who believes or reports it (“…, according to X”), or state it plainly if established",
                    over[0][0] if over else None,
                )


# --- loaded-cue ------------------------------------------------------------------------------

#: lemma → (verb forms, what the verb implies, severity)
_LOADED: dict[str, tuple[str, str, Severity]] = {
    "claim": (r"claim(?:s|ed)?", "casts doubt on what the source says", "warning"),
    "allege": (r"allege[sd]?", "casts doubt on what the source says", "warning"),
    "insist": (r"insist(?:s|ed)?", "suggests the source is holding out against doubt", "warning"),
    "admit": (r"admit(?:s|ted)?", "implies the source owned up to a fault", "warning"),
    "concede": (r"concede[sd]?", "implies the source gave ground reluctantly", "warning"),
    "confess": (r"confess(?:es|ed)?", "implies guilt", "warning"),
    "acknowledge": (r"acknowledge[sd]?", "implies a concession", "warning"),
    "reveal": (r"reveal(?:s|ed)?", "presents the statement as a disclosed truth", "warning"),
    "boast": (r"boast(?:s|ed)?", "implies vanity", "warning"),
    "point_out": (r"point(?:s|ed)?\s+out", "endorses the statement as fact", "warning"),
    "slam": (r"slam(?:s|med)", "is loaded tabloid language", "warning"),
    "blast": (r"blast(?:s|ed)", "is loaded tabloid language", "warning"),
    "note": (r"note[sd]?", "mildly endorses the statement as fact", "info"),
}
_LOADED_VERB = re.compile(
    "|".join(rf"\b(?P<{lemma}>{forms})\b" for lemma, (forms, _, _) in _LOADED.items()), re.IGNORECASE
)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|these|those|this|that|his|her|their|its|our|such|no)\s+$", re.I)
_CLAUSE_BEFORE = re.compile(r"[,”\"]\s*(?:[\w’'.-]+\s+){0,4}$")
_TO_BEFORE = re.compile(r"\bto\s+$")
_THAT_OR_QUOTE_AFTER = re.compile(r"\s+that\b|\s*[,:]?\s*[“\"]")
_CLAUSE_AFTER = re.compile(
    r"\s+(?:it|he|she|they|we|I)\s+(?:had|has|have|was|were|is|are|would|could|did|will|should)\b"
)
_STOP_AFTER = re.compile(r"\s*[.,;]")


def _loaded_hit(m: re.Match[str], offset: int, claim: int | None) -> Hit:
    lemma = m.lastgroup or ""
    _, meaning, severity = _LOADED[lemma]
    verb = m.group(0)
    return Hit(offset + m.start(), offset + m.end(), severity, f"loaded cue “{verb}” {meaning}", "use “said”", claim)


def _used_as_cue(text: str, m: re.Match[str]) -> bool:
    """ "X admitted that", "X insisted: “…”" or "“…,” she admitted." — not "claimed credit" or "the claims"."""
    before = text[max(0, m.start() - 40) : m.start()]
    if _DETERMINER_BEFORE.search(before) or _TO_BEFORE.search(before):
        return False  # a noun ("the claims that"), or an infinitive ("failed to note that")
    after = text[m.end() : m.end() + 8]
    if _THAT_OR_QUOTE_AFTER.match(after):
        return True
    if _CLAUSE_AFTER.match(text[m.end() : m.end() + 24]):
        return True  # a clause without "that": "admitted it had missed"
    return bool(_STOP_AFTER.match(after)) and bool(_CLAUSE_BEFORE.search(before))


@register(
    "loaded-cue",
    "warning",
    summary="an attribution verb that takes sides where “said” would do",
    doc='"claimed", "admitted", "insisted", "revealed" where "said" would do',
    flagged="The minister admitted that the scheme had run over budget.",
    clean="The minister said that the scheme had run over budget.",
    dedupe=True,
)
def loaded_cue(doc: Document) -> Iterator[Hit]:
    """ "Said" is neutral; "admitted" or "claimed" tells the reader what to think of the words that follow."""
    for i, c in doc.claims:
        if c.cue and c.cue_start is not None:
            for m in _LOADED_VERB.finditer(c.cue):
                yield _loaded_hit(m, c.cue_start, i)
    for m in _LOADED_VERB.finditer(doc.text):
        if not doc.model.mask[m.start()] and _used_as_cue(doc.text, m):
            yield _loaded_hit(m, 0, None)
