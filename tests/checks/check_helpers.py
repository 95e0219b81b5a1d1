"""Stories and claims for the checks' tests: a claim grounded in a text as any backend hands it over."""

from __future__ import annotations

from claimcheck.checks import Finding
from claimcheck.grounding import ground_claim
from claimcheck.schema import Claim, Extraction, Hedge


def claim(
    text: str,
    span: str,
    source: str | None = None,
    name: str | None = None,
    kind: str | None = None,
    cue: str | None = None,
    hedges: tuple[tuple[str, str], ...] = (),
) -> Claim:
    """A claim grounded in ``text`` (offsets set), as any backend would hand it over."""
    c = Claim(
        claim=span,
        source=source,
        source_name=name,
        source_type=kind if source else None,
        cue=cue,
        hedges=[Hedge(cue=h, kind=k) for h, k in hedges],
    )
    return ground_claim(c, text, near=text.find(span))


def ext(text: str, *claims: Claim, doc_id: str = "story.txt") -> Extraction:
    return Extraction(id=doc_id, text=text, claims=list(claims), backend="test")


def by_rule(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def spans(findings: list[Finding], text: str, rule: str) -> list[str]:
    return [text[f.start : f.end] for f in by_rule(findings, rule)]


FERRY = (
    "The harbour ferry will stop running in March, the port authority said.\n\n"
    "The service has lost money for a decade.\n\n"
    "Four passengers were injured when the ferry struck the pier in 2019.\n\n"
    "Repairs to the pier cost $2.4 million on May 3.\n\n"
    "Crews called the vessel a “floating wreck” last winter."
)


HEDGES = (
    "The fire is believed to be the work of arsonists. Two guards are thought to have fled.\n\n"
    "The owner reportedly left the country. It is understood that the insurer will pay.\n\n"
    "Warehouses said to be owned by the firm were also searched. "
    "The suspect is believed by police to be abroad. "
    "He said to be careful."
)
