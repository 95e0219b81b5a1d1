"""Typed records for claims and extractions, shaped exactly as claims-spec.md section 2-3.

Every backend returns these objects, the scorer reads them and the CLI prints
them, so the field names and value sets here are the contract in code.
"""

from __future__ import annotations

import json
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from claimcheck.errors import InputError

SourceType = Literal["person", "government", "organization", "media", "document", "anonymous"]
QuoteType = Literal["direct", "indirect", "mixed"]
HedgeKind = Literal["uncertainty", "approximation"]

SOURCE_TYPES: tuple[str, ...] = get_args(SourceType)
QUOTE_TYPES: tuple[str, ...] = get_args(QuoteType)
HEDGE_KINDS: tuple[str, ...] = get_args(HedgeKind)

__all__ = [
    "HEDGE_KINDS",
    "QUOTE_TYPES",
    "SOURCE_TYPES",
    "Claim",
    "DroppedClaim",
    "Extraction",
    "Hedge",
    "HedgeKind",
    "QuoteType",
    "SourceType",
    "Usage",
]


class Hedge(BaseModel):
    """A hedge cue, verbatim, with its kind and (when grounded) its offsets."""

    model_config = ConfigDict(extra="ignore")

    cue: str
    kind: HedgeKind
    start: int | None = None
    end: int | None = None


class Claim(BaseModel):
    """One claim: its content span, who said it, how, and with what hedging.

    Offsets are character offsets into the document text (end exclusive);
    they are ``None`` only on gold lines or predictions that did not carry them.
    """

    model_config = ConfigDict(extra="ignore")

    claim: str
    source: str | None = None
    source_name: str | None = None
    source_type: SourceType | None = None
    cue: str | None = None
    quote: QuoteType = "indirect"
    hedges: list[Hedge] = Field(default_factory=list)
    start: int | None = None
    end: int | None = None
    source_start: int | None = None
    source_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    confidence: float | None = None
    source_aliases: list[str] = Field(default_factory=list, exclude_if=lambda v: not v)

    @property
    def attributed(self) -> bool:
        """A claim is attributed when it names a source (spec section 1)."""
        return self.source is not None

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)`` of a grounded claim, typed ``int``: code that runs after grounding reads this."""
        if self.start is None or self.end is None:
            raise ValueError(f"claim {self.claim[:40]!r} has no offsets: ground it first")
        return self.start, self.end


class Usage(BaseModel):
    """Tokens spent on one document, summed over every attempt (retries included)."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            total_tokens=self.total_tokens + other.total_tokens,
        )


class DroppedClaim(BaseModel):
    """A claim a backend proposed but that could not be grounded in the text.

    Kept so callers can see what was discarded and why, never mixed with claims.
    """

    claim: str
    reason: str


class Extraction(BaseModel):
    """The result for one document: a spec JSONL line plus run metadata."""

    model_config = ConfigDict(extra="ignore")

    id: str
    text: str
    claims: list[Claim] = Field(default_factory=list)
    backend: str = ""
    model: str | None = None
    prompt_version: str | None = None
    usage: Usage = Field(default_factory=Usage)
    dropped: list[DroppedClaim] = Field(default_factory=list)
    transport_retries: int = 0
    reasks: int = 0
    cached: bool = False

    @property
    def attributed(self) -> list[Claim]:
        return [c for c in self.claims if c.attributed]

    @property
    def unattributed(self) -> list[Claim]:
        return [c for c in self.claims if not c.attributed]

    def to_jsonl(self) -> str:
        """One JSON line per spec section 3 (UTF-8, no ASCII escaping)."""
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False)

    @classmethod
    def from_jsonl(cls, line: str) -> Extraction:
        """Parse one spec line; a malformed line is an :class:`InputError`, not a traceback."""
        try:
            return cls.model_validate_json(line)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "line"
            raise InputError(
                f"not a claimcheck JSONL line: {where}: {first['msg']}",
                fix="each line must be a JSON object with 'id', 'text' and 'claims' (see claims-spec.md)",
            ) from None
