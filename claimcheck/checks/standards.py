"""Checks from newsroom standards: what the stylebooks ask of attribution, beyond sourcing basics.

Each check below is one unit (a function over the checks' document view,
registered in :data:`claimcheck.checks.CHECKS`) and names the guideline it
follows. The Associated Press's rules on anonymous sources are quoted from
its statement of news values; the others are paraphrased, and say so:

- AP, anonymous sources: material from anonymous sources may be used only if
  "the material is information and not opinion or speculation, and is vital
  to the report", and "we must explain in the story why the source requested
  anonymity".
- Reuters Handbook of Journalism (paraphrased): describe an unnamed source as
  fully as possible — how they know what they say — never as bare "sources".
- AP Stylebook and Reuters (paraphrased): make clear who is speaking; a quote
  that runs on, or resumes after other material, is attributed again.
- BBC Editorial Guidelines, accuracy (paraphrased): be clear how we know what
  we report; a second-hand account is presented as one.
- BBC Editorial Guidelines, impartiality (paraphrased): reflect a range of
  views and the people a story is about, not only those in authority or one
  side of an argument.

:func:`source_roles` sums a story's sources up by role (official, expert,
affected person, organisation, document, anonymous), the view an editor takes
before asking "who else should we have heard from?".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Literal, get_args

from pydantic import BaseModel

from claimcheck.checks.engine import (
    _ANON_EXPLAINED,
    _ANON_MENTION,
    _ANON_TEXT,
    CHECKS,
    Check,
    _abridge,
    _authors_of_named_work,
    _Doc,
    _Hit,
    _is_anonymous,
    _is_vague_mention,
    _source_span,
    grounded_claims,
    source_keys,
)
from claimcheck.name_match import normalise_name
from claimcheck.schema import Claim, Extraction

__all__ = ["ROLES", "ROLE_LABELS", "Role", "SourceRole", "format_roles", "roles_by_source", "source_roles"]

#: A claim may sit this many paragraphs after its source was last named ("a paragraph or two").
REACH = 2


# --- attribution-too-far ---------------------------------------------------------------------


def _last_named(text: str, name: str, before: int) -> int | None:
    """Where ``name`` (any of its name words, capitalised) last appears before ``before``."""
    words = [w for w in normalise_name(name) if len(w) > 2]
    if not words:
        return None
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w.capitalize()) for w in words) + r")\b")
    last = None
    for m in pattern.finditer(text, 0, before):
        last = m.start()
    return last


def _check_attribution_too_far(doc: _Doc) -> Iterator[_Hit]:
    """A claim whose source was last named more than :data:`REACH` paragraphs earlier (AP, Reuters)."""
    model = doc.model
    reminded: set[tuple[int, int]] = set()  # one reminder per stale mention is enough
    labels = {sp.label for sp in model.speakers}  # a transcript's turn is its label's, however long
    for i, c in doc.claims:
        span = _source_span(c)
        if span is None or c.start is None or c.end is None or not c.attributed or span in labels:
            continue
        who = c.source_name or c.source
        gap = model.paragraph_of(c.start) - model.paragraph_of(span[0])
        if gap > REACH and span not in reminded:
            reminded.add(span)
            yield _Hit(
                c.start,
                c.end,
                "warning",
                f"claim credited to {who}, who was last named {gap} paragraphs earlier",
                f"name the speaker again here (“…, {_short(who or '')} said”)",
                i,
            )
            continue
        mention = (c.source or "").strip()
        third_person = _THIRD_PERSON.fullmatch(mention) is not None and not doc.mask[span[0]]
        if gap >= 0 and third_person and c.source_name and span not in reminded:
            last = _last_named(doc.text, c.source_name, span[0])
            if last is None:
                continue
            back = model.paragraph_of(span[0]) - model.paragraph_of(last)
            if back > REACH:
                reminded.add(span)
                yield _Hit(
                    *span,
                    "warning",
                    f"“{mention}” stands for {c.source_name}, last named {back} paragraphs earlier",
                    f"use the name again (“{_short(c.source_name)} said”)",
                    i,
                )


#: Pronouns that stand for someone named earlier ("I" and "we" are the speaker's own, inside a quote or a transcript).
_THIRD_PERSON = re.compile(r"(?i:he|she|they|him|her|them)")


def _short(name: str) -> str:
    words = normalise_name(name)
    return words[-1].capitalize() if words else name


# --- anonymity-unexplained, anonymous-opinion ------------------------------------------------

#: A reason for anonymity, not just the fact of it: "because …", "as they were not authorised to …".
_REASON = re.compile(
    r"\bbecause\b|\bsince\b|\bas (?:he|she|they|it|the)\b|\bnot (?:authori[sz]ed|permitted|allowed|cleared) to\b|"
    r"\bto (?:discuss|speak about|talk about|describe)\b|\bfor fear\b|\bfearing\b|\bto protect\b|\bciting\b|"
    r"\bdue to\b|\bso as not to\b",
    re.IGNORECASE,
)


def _anonymous_mentions(doc: _Doc) -> Iterator[tuple[int, int, int | None]]:
    """Every unnamed source: those the claims name ("officials", "a person familiar with …"), then the
    phrases the text scan finds. Mentions typed anonymous that name no unnamed person ("22 percent",
    "the online retail giant") are left to the anonymous-source rule."""
    for i, c in doc.claims:
        span = _source_span(c)
        if (
            span is not None
            and c.source
            and _ANON_MENTION.search(c.source)
            and not _is_vague_mention(c.source)
            and _is_anonymous(c)
            and not _authors_of_named_work(doc.text, span[0], c.source)
        ):
            yield span[0], span[1], i
    for m in _ANON_TEXT.finditer(doc.text):
        yield m.start(), m.end(), None


def _check_anonymity_unexplained(doc: _Doc) -> Iterator[_Hit]:
    """An anonymous source with no reason given for the anonymity (AP)."""
    for s, e, claim in _anonymous_mentions(doc):
        k = doc.model.paragraph_of(s)
        ps, pe = doc.paragraphs[k] if k >= 0 else (0, len(doc.text))
        para = doc.text[ps:pe]
        if _REASON.search(para):
            continue
        phrase = _abridge(doc.text[s:e], 50)
        fix = (
            "say why they are not named: “…, who spoke on condition of anonymity because they were not "
            "authorised to discuss the talks”"
        )
        if _ANON_EXPLAINED.search(para):
            yield _Hit(s, e, "info", f"“{phrase}” was granted anonymity, but the story does not say why", fix, claim)
        else:
            yield _Hit(s, e, "warning", f"anonymous source “{phrase}” with no reason given for anonymity", fix, claim)


_OPINION_CUES = re.compile(
    r"\b(?:think|thinks|thought|believe|believes|believed|feel|feels|felt|fear|fears|feared|hope|hopes|hoped|"
    r"predict(?:s|ed)?|expect(?:s|ed)?|argue[sd]?|suggest(?:s|ed)?|criticis(?:e|es|ed)|criticiz(?:e|es|ed)|"
    r"prais(?:e|es|ed)|call(?:s|ed)?|describ(?:e|es|ed)|accus(?:e|es|ed)|speculat(?:e|es|ed))\b",
    re.IGNORECASE,
)
_JUDGEMENT_WORDS = """
    mistake blunder disaster disastrous catastrophe catastrophic incompetent inept foolish stupid reckless naive
    brilliant excellent terrible awful appalling shameful disgraceful outrageous ridiculous absurd embarrassing
    dishonest corrupt liar lying unfit failure misguided arrogant cowardly courageous heroic pathetic weak
    worst best genius idiot idiotic clueless hopeless useless wonderful fantastic
"""
_JUDGEMENT = re.compile(r"\b(?:" + "|".join(_JUDGEMENT_WORDS.split()) + r")\b", re.IGNORECASE)
_SPECULATION = re.compile(r"\b(?:might|could|may|perhaps|possibly|probably|likely)\b")  # lower case: not "May"


def _opinion(c: Claim) -> str | None:
    """What makes a claim opinion or speculation rather than information, if anything."""
    if c.cue and (m := _OPINION_CUES.search(c.cue)):
        return f"an opinion (“{m.group(0)}”)"
    if m := _JUDGEMENT.search(c.claim):
        return f"a judgement (“{m.group(0)}”)"
    if m := _SPECULATION.search(c.claim):
        return f"speculation (“{m.group(0)}”)"
    return None


def _check_anonymous_opinion(doc: _Doc) -> Iterator[_Hit]:
    """An anonymous source used for opinion or speculation rather than information (AP)."""
    claims = dict(doc.claims)
    for s, e, claim in _anonymous_mentions(doc):
        if claim is None:
            continue
        c = claims[claim]
        what = _opinion(c)
        if what is None or c.start is None or c.end is None:
            continue
        yield _Hit(
            c.start,
            c.end,
            "warning",
            f"anonymous source “{_abridge(doc.text[s:e], 40)}” gives {what}, not information",
            "use anonymous sources for facts they are placed to know; give opinions only with a name",
            claim,
        )


# --- unmodified-source -----------------------------------------------------------------------

_SOURCE_WORD = re.compile(r"\bsources?\b", re.IGNORECASE)
_DETERMINER_WORDS = "a an one two three four several some the other many multiple these those"
_OPEN_BEFORE_WORDS = "to and but said told that"  # "according to sources", "and sources said"
_DETERMINERS = frozenset(_DETERMINER_WORDS.split())
_OPEN_BEFORE = frozenset(_OPEN_BEFORE_WORDS.split())
_DESCRIBED_AFTER = re.compile(
    r"\s+(?:familiar|close|with|in|at|inside|within|briefed|from|on|for|of|near|involved|knowledgeable|"
    r"who\s+(?!spoke|asked|declined|requested|insisted|would)\w+)\b",
    re.IGNORECASE,
)
_SPEAKS_AFTER = re.compile(
    r"(?:\s*,[^,.]{0,60},)?\s+(?:(?:have|had|also|privately)\s+)?(?:said|say|says|told|tell|added|confirmed|"
    r"suggested|indicated|reported|claimed|insisted|revealed|believe[sd]?|warned|noted|described)\b",
    re.IGNORECASE,
)
_ACCORDING_BEFORE = re.compile(r"\baccording\s+to\s+(?:\w+\s+)?$", re.IGNORECASE)


def _check_unmodified_source(doc: _Doc) -> Iterator[_Hit]:
    """ "A source said", "sources said": an unnamed source with nothing said of who they are (Reuters)."""
    text = doc.text
    for m in _SOURCE_WORD.finditer(text):
        if doc.mask[m.start()]:
            continue  # inside a quotation: the speaker's words
        before = text[max(0, m.start() - 60) : m.start()]
        words = re.findall(r"[\w’'-]+|[^\w\s]", before)
        while words and words[-1].lower() in _DETERMINERS:
            words.pop()
        prev = words[-1] if words else ""
        if prev and (prev[0].isalnum() and prev.lower() not in _OPEN_BEFORE):
            continue  # "Pentagon sources", "senior sources", "news sources": described, or not attribution
        after = text[m.end() : m.end() + 80]
        if _DESCRIBED_AFTER.match(after):
            continue
        if not (_SPEAKS_AFTER.match(after) or _ACCORDING_BEFORE.search(before)):
            continue
        start = m.start()
        det = re.search(r"\b(?:a|an|one|two|three|four|several|some|the|other|many|multiple)\s+$", before, re.I)
        if det:
            start -= len(det.group(0))
        yield _Hit(
            start,
            m.end(),
            "warning",
            f"“{text[start : m.end()]}” with nothing said of who they are",
            "describe the source as specifically as you can: their position and how they know "
            "(“a transport ministry official who attended the talks”)",
        )


# --- attribution-inside-quote ----------------------------------------------------------------

_NESTED_OPEN = re.compile(
    r"\b(?:said|says|say|told|tells|asked|replied|wrote|warned|added|insisted)\b[^‘'“\"]{0,30}?[,:]?\s*(?:‘|'(?=[A-Z]))"
)


_NESTED_CLOSE = re.compile(r"’(?![a-z])|'(?![a-z])")  # a closing single quote, not an apostrophe ("don’t")
_NAMED = re.compile(r"\b[A-Z][a-z’'-]+")


def _run_owner(doc: _Doc, run: tuple[int, int], keys: dict[int, str | None]) -> tuple[int, Claim] | None:
    """The attributed claim a quotation run belongs to: one overlapping it whose source stands outside it."""
    s, e = run
    for i, c in doc.claims:
        span = _source_span(c)
        if (
            c.attributed
            and span is not None
            and c.start is not None
            and c.end is not None
            and c.start < e
            and s < c.end
            and not (s <= span[0] < e)
            and keys.get(i)
        ):
            return i, c
    return None


def _check_attribution_inside_quote(doc: _Doc) -> Iterator[_Hit]:
    """A quote whose attribution sits inside another speaker's quotation: a second-hand account (BBC)."""
    keys = dict(zip((i for i, _ in doc.claims), source_keys(c for _, c in doc.claims), strict=True))
    model = doc.model
    for i, c in doc.claims:
        at = c.cue_start if c.cue_start is not None else (c.source_start if c.source_start is not None else None)
        if at is None or not c.attributed or not doc.mask[at]:
            continue
        run = model.run_at(at)
        owner = _run_owner(doc, run, keys) if run else None
        mention = c.source or ""
        if (
            owner is None
            or keys.get(owner[0]) == keys.get(i)
            or not _NAMED.search(mention)
            or _is_vague_mention(mention)
        ):
            continue  # "people say" inside a quote is the speaker's own talk, not a quote of someone else
        span = _source_span(c) or (at, at + 1)
        teller = owner[1].source_name or owner[1].source
        who = c.source_name or c.source
        yield _Hit(
            *span,
            "warning",
            f"words credited to {who} come from inside {teller}'s quotation: {teller}'s account, not {who}'s",
            f"confirm the words with {who}, or present them as {teller}'s account",
            i,
        )
    for s, e in model.runs:
        owner = _run_owner(doc, (s, e), keys)
        if owner is None:
            continue
        for m in _NESTED_OPEN.finditer(doc.text, s, e):
            inner = m.end()
            close = _NESTED_CLOSE.search(doc.text, inner, e)
            end = close.end() if close else e
            if doc.claims_over(inner, end) and any(
                c.attributed and keys.get(j) != keys.get(owner[0]) for j, c in doc.claims_over(inner, end)
            ):
                continue  # the claim-level pass above has it
            teller = owner[1].source_name or owner[1].source
            yield _Hit(
                inner - 1,
                end,
                "warning",
                f"a quotation inside {teller}'s quotation: {teller}'s account of what someone else said",
                "confirm the words with the person quoted, or present them as the speaker's account",
                owner[0],
            )


# --- one-sided-sources and the sources by role -----------------------------------------------

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
    spans = [span for c in claims if (span := _source_span(c)) is not None]
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
    if kind == "anonymous" or all(_is_anonymous(c) for c in claims):
        first = _source_span(claims[0])
        if not (first and claims[0].source and _authors_of_named_work(text, first[0], claims[0].source)):
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


def roles_by_source(text: str, claims: Sequence[Claim]) -> dict[str, SourceRole]:
    """The role of each source, keyed as :func:`~claimcheck.checks.source_keys` groups claims by source."""
    attributed = [c for c in claims if c.attributed]
    groups: dict[str, list[Claim]] = {}
    for c, k in zip(attributed, source_keys(attributed), strict=True):
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


def _roles_of(text: str, claims: Sequence[Claim]) -> list[SourceRole]:
    roles = roles_by_source(text, claims).values()
    return sorted(roles, key=lambda r: (ROLES.index(r.role), -r.claims, r.name.lower()))


def source_roles(extraction: Extraction) -> list[SourceRole]:
    """Every source of a story with its role, most claims first within each role."""
    return _roles_of(extraction.text, [c for _, c in grounded_claims(extraction)])


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


def _check_one_sided_sources(doc: _Doc) -> Iterator[_Hit]:
    """Only officials quoted, or every politician quoted from one party (BBC impartiality)."""
    roles = _roles_of(doc.text, [c for _, c in doc.claims])
    first = next(((i, c) for i, c in doc.claims if c.attributed), None)
    if first is None or len(roles) < 2:
        return
    i, c = first
    span = _source_span(c) or c.span
    if all(r.role == "official" for r in roles):
        yield _Hit(
            *span,
            "warning" if len(roles) >= 3 else "info",
            f"every source is an official ({len(roles)}: {', '.join(r.name for r in roles)})",
            "hear from the people affected, or an independent expert",
            i,
        )
    parties = [r for r in roles if r.party]
    if len(parties) >= 2 and len({r.party for r in parties}) == 1:
        party = parties[0].party
        yield _Hit(
            *span,
            "warning" if len(parties) >= 3 else "info",
            f"every politician quoted is {party} ({', '.join(r.name for r in parties)}): the other side is not heard",
            "ask the other side for a response, or say that they were asked and declined",
            i,
        )


for _check in (
    Check(
        "attribution-too-far",
        "warning",
        "a claim whose source was last named paragraphs earlier",
        "a claim whose source was last named more than two paragraphs earlier"
        ' (a carry-over quote, or "he" for someone named long before)',
        _check_attribution_too_far,
    ),
    Check(
        "anonymity-unexplained",
        "warning",
        "an anonymous source with no reason given",
        'an anonymous source with no reason given ("…, who spoke on condition of anonymity because …")',
        _check_anonymity_unexplained,
        dedupe=True,
    ),
    Check(
        "anonymous-opinion",
        "warning",
        "an anonymous source giving opinion, not information",
        "an anonymous source giving opinion, a judgement or speculation rather than information",
        _check_anonymous_opinion,
    ),
    Check(
        "unmodified-source",
        "warning",
        "“a source said”: nothing said of who they are",
        'a bare "a source said", "sources say": nothing said of who they are',
        _check_unmodified_source,
    ),
    Check(
        "attribution-inside-quote",
        "warning",
        "a quote attributed inside another speaker's quote",
        "a quote attributed inside another speaker's quotation: a second-hand account",
        _check_attribution_inside_quote,
    ),
    Check(
        "one-sided-sources",
        "warning",
        "only officials, or only one side, quoted",
        "only officials quoted, or every politician quoted from one party",
        _check_one_sided_sources,
    ),
):
    CHECKS[_check.id] = _check
