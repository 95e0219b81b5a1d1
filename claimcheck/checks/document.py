"""The document as the checks read it, and what a check returns for it.

Every check reads only the text and the claims' fields and offsets, through
:class:`Document`, so the findings do not depend on which backend produced the
:class:`~claimcheck.schema.Extraction`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from claimcheck.checks.finding import Severity
from claimcheck.checks.numbers import Figure, figures_in
from claimcheck.grounding import GroundingError, ground_claim, quote_type
from claimcheck.schema import Claim, Extraction
from claimcheck.text import TextModel, text_model

__all__ = ["Document", "Hit", "abridge", "grounded_claims", "source_span"]


@dataclass
class Hit:
    """What a check finds: a span, how grave it is, what is wrong and the fix; the engine makes it a Finding."""

    start: int
    end: int
    severity: Severity
    message: str
    fix: str
    claim: int | None = None


@dataclass
class Document:
    """The grounded claims of a document beside its text model (``model``: lines, sentences, paragraphs, quotes)."""

    text: str
    claims: list[tuple[int, Claim]]  # (index in Extraction.claims, claim with offsets)
    _scans: dict[re.Pattern[str], list[tuple[int, int]]] = field(default_factory=dict, init=False, compare=False)

    @cached_property
    def model(self) -> TextModel:
        return text_model(self.text)

    @cached_property
    def unattributed(self) -> list[tuple[int, Claim, list[Figure]]]:
        """The claims no one is credited with and the figures each carries, found once for the two checks
        that read them (unattributed-claim and figure-without-source)."""
        return [(i, c, figures_in(self.text, *c.span)) for i, c in self.claims if not c.attributed]

    @cached_property
    def keys(self) -> list[str | None]:
        """Which source each claim rests on (:func:`~claimcheck.checks.roles.source_keys`), one key per claim
        in :attr:`claims` order: several checks group claims by source, and the keys are worked out once."""
        from claimcheck.checks.roles import source_keys  # roles reads this module

        return source_keys(c for _, c in self.claims)

    def spans_of(self, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
        """Where ``pattern`` matches the text: scanned once per document, however many checks ask."""
        if pattern not in self._scans:
            self._scans[pattern] = [m.span() for m in pattern.finditer(self.text)]
        return self._scans[pattern]

    def claims_over(self, start: int, end: int) -> list[tuple[int, Claim]]:
        """Claims whose span overlaps ``[start, end)``."""
        return [
            (i, c)
            for i, c in self.claims
            if c.start is not None and c.end is not None and c.start < end and start < c.end
        ]

    def quoted(self, start: int, end: int) -> bool:
        return quote_type(self.text, start, end, self.model.mask) != "indirect"


def abridge(s: str, n: int = 60) -> str:
    """A passage cut to ``n`` characters on one line, for a finding's message."""
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def grounded_claims(extraction: Extraction) -> list[tuple[int, Claim]]:
    """``(index, claim)`` for every claim with offsets, grounding those that carry none (gold lines,
    hand-made extractions); claims that are not in the text are left out."""
    claims: list[tuple[int, Claim]] = []
    for i, c in enumerate(extraction.claims):
        if c.start is None or c.end is None:
            try:
                c = ground_claim(c, extraction.text)
            except GroundingError:
                continue
        claims.append((i, c))
    return claims


def source_span(claim: Claim) -> tuple[int, int] | None:
    """Where the claim's source is mentioned, when the extraction says."""
    if claim.source_start is not None and claim.source_end is not None:
        return claim.source_start, claim.source_end
    return None
