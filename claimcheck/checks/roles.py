"""Who a story's sources are: which claims rest on the same source, and the role each speaks in.

:func:`source_keys` groups claims by source as the scorer compares names;
:func:`source_roles` sums a story's sources up by role (official, expert,
affected person, organisation, document, anonymous), the view an editor takes
before asking "who else should we have heard from?". The sourcing and quotes
checks read them, and so do the renderers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Literal, get_args

from pydantic import BaseModel

from claimcheck.checks.document import grounded_claims, source_span
from claimcheck.checks.mentions import authors_of_named_work, is_anonymous
from claimcheck.name_match import normalise_name
from claimcheck.schema import Claim, Extraction

__all__ = [
    "ROLES",
    "ROLE_LABELS",
    "Role",
    "SourceRole",
    "format_roles",
    "rank_roles",
    "ranked_roles",
    "roles_by_source",
    "source_keys",
    "source_roles",
]


def _name_key(claim: Claim) -> str:
    """The source's name as the scorer normalises it, so a source groups here as it is scored."""
    name = claim.source_name or claim.source or ""
    return " ".join(normalise_name(name)) or name.lower()


def source_keys(claims: Iterable[Claim]) -> list[str | None]:
    """One key per claim saying which source it rests on (``None`` when unattributed).

    Names are compared without titles, a leading "the" or a possessive, and a
    lone surname joins the full name it ends ("Austin" → "lloyd austin"), so
    claims group by source even when the backend left a mention unresolved.
    """
    keys = [_name_key(c) if c.attributed else None for c in claims]
    fulls = {k for k in keys if k and " " in k}
    return [next((f for f in sorted(fulls) if f.endswith(" " + k)), k) if k else None for k in keys]


# --- the sources by role --------------------------------------------------------------------

Role = Literal["official", "expert", "affected", "organisation", "document", "anonymous", "unknown"]
ROLES: tuple[str, ...] = get_args(Role)
ROLE_LABELS: dict[str, str] = {
    "official": "official",
    "expert": "expert",
    "affected": "affected person",
    "organisation": "organisation",
    "document": "document",
    "anonymous": "anonymous",
    "unknown": "role not stated",
}

_OFFICIAL = re.compile(
    r"\b(?:sen|rep|gov)\.|\b(?:president|prime minister|minister|secretary|senator|representative|"
    r"congress(?:man|woman)|lawmakers?|legislators?|governor|mayor|council(?:lor|man|woman| member)|officials?|"
    r"spokes(?:man|woman|person)|ambassador|police|sheriff|prosecutor|attorney general|judge|chancellor|premier|"
    r"mp|aide|adviser|advisor|candidate|nominee|press secretary|white house|pentagon|department|ministry|agency|"
    r"commissioner)\b"
    r"|\([RD]-[A-Z][\w.]*\)",
    re.IGNORECASE,
)
_EXPERT = re.compile(
    r"\bprof\.|\b(?:professor|researchers?|scientists?|economists?|analysts?|experts?|historians?|scholars?|lecturer|"
    r"fellow|academic|physician|epidemiologist|strategist|pollster|consultant|institute|university|think tank|"
    r"cent(?:er|re) for)\b",
    re.IGNORECASE,
)
_AFFECTED = re.compile(
    r"\b(?:residents?|neighbou?rs?|parents?|mother|father|victims?|survivors?|patients?|workers?|employees?|farmers?|"
    r"students?|owners?|shopkeepers?|commuters?|customers?|voters?|tenants?|passengers?|widow(?:er)?|relatives?|"
    r"lives in|who lost|was injured|whose)\b",
    re.IGNORECASE,
)
_PARTY = re.compile(
    r"\b(?P<d>Democrat(?:ic|s)?)\b|\b(?P<r>Republicans?|GOP)\b|\b(?P<l>Labour)\b|\b(?P<c>Conservatives?|Tory|Tories)\b"
    r"|\((?P<dd>D)-[A-Z][\w.]*\)|\((?P<rr>R)-[A-Z][\w.]*\)"
)
_PARTY_NAMES = {"d": "Democratic", "dd": "Democratic", "r": "Republican", "rr": "Republican"}
_PARTY_NAMES |= {"l": "Labour", "c": "Conservative"}


class SourceRole(BaseModel):
    """One source of a story, the role it speaks in, and how many claims rest on it."""

    name: str
    role: Role
    claims: int
    type: str | None = None
    party: str | None = None


def _descriptions(text: str, claims: Sequence[Claim], name: str) -> str:
    """What the story says of a source: its mentions, a few words before each, an apposition after."""
    spans = [span for c in claims if (span := source_span(c)) is not None]
    at = text.find(name) if name else -1
    if at >= 0:
        spans.append((at, at + len(name)))
    out: list[str] = []
    for s, e in spans:
        before = text[max(0, s - 40) : s]
        before = re.split(r"[!?;“”\"]|(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})\.\s", before)[-1]
        after = text[e : e + 120]
        party = re.match(r"\s*\([^)\n]{1,30}\)", after)  # "Dan Park (R-NY)"
        m = re.match(r"\s*,\s*([^,.;“”\"]{1,100})", after[party.end() :] if party else after)
        out.append(f"{before} {text[s:e]} {party.group(0) if party else ''} {m.group(1) if m else ''}")
    return " | ".join(out)


def _role(claims: Sequence[Claim], described: str, text: str) -> Role:
    kind = Counter(c.source_type for c in claims).most_common(1)[0][0]
    if kind == "anonymous" or all(is_anonymous(c) for c in claims):
        first = source_span(claims[0])
        if not (first and claims[0].source and authors_of_named_work(text, first[0], claims[0].source)):
            return "anonymous"
        return "document"
    if kind in ("document", "media"):
        return "document"
    if kind == "government":
        return "official"
    if kind == "organization":
        return "official" if _PARTY.search(described) and _OFFICIAL.search(described) else "organisation"
    if _OFFICIAL.search(described):
        return "official"
    if _EXPERT.search(described):
        return "expert"
    if _AFFECTED.search(described):
        return "affected"
    return "unknown"


def roles_by_source(
    text: str, claims: Sequence[Claim], keys: Sequence[str | None] | None = None
) -> dict[str, SourceRole]:
    """The role of each source, keyed as :func:`~claimcheck.checks.source_keys` groups claims by source
    (``keys``, one per claim, when the caller has them already)."""
    groups: dict[str, list[Claim]] = {}
    for c, k in zip(claims, source_keys(claims) if keys is None else keys, strict=True):
        if k is not None:
            groups.setdefault(k, []).append(c)
    out: dict[str, SourceRole] = {}
    for key, group in groups.items():
        name = Counter(c.source_name or c.source or "" for c in group).most_common(1)[0][0]
        described = _descriptions(text, group, name)
        party = _PARTY.search(described)
        out[key] = SourceRole(
            name=name,
            role=_role(group, described, text),
            claims=len(group),
            type=Counter(c.source_type for c in group).most_common(1)[0][0],
            party=_PARTY_NAMES[party.lastgroup] if party and party.lastgroup else None,
        )
    return out


def rank_roles(roles: Iterable[SourceRole]) -> list[SourceRole]:
    """Sources in :data:`ROLES` order, most claims first within each role."""
    return sorted(roles, key=lambda r: (ROLES.index(r.role), -r.claims, r.name.lower()))


def ranked_roles(text: str, claims: Sequence[Claim], keys: Sequence[str | None] | None = None) -> list[SourceRole]:
    """The sources by role in :data:`ROLES` order, most claims first within each (``keys`` as for
    :func:`roles_by_source`)."""
    return rank_roles(roles_by_source(text, claims, keys).values())


def source_roles(extraction: Extraction) -> list[SourceRole]:
    """Every source of a story with its role, most claims first within each role."""
    return ranked_roles(extraction.text, [c for _, c in grounded_claims(extraction)])


def format_roles(roles: Sequence[SourceRole]) -> str:
    """ "2 official (Maria Ruiz, Dan Park), 1 expert (Lena Chen); none: affected person, …" """
    if not roles:
        return "no attributed sources"
    by_role: dict[str, list[str]] = {}
    for r in roles:
        by_role.setdefault(r.role, []).append(r.name)
    parts = [f"{len(names)} {ROLE_LABELS[role]} ({', '.join(names)})" for role, names in by_role.items()]
    missing = [ROLE_LABELS[r] for r in ROLES if r not in by_role and r != "unknown"]
    return ", ".join(parts) + (f"; none: {', '.join(missing)}" if missing else "")
