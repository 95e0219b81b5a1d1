"""What the LLM must return, and the grounding check that makes a reply acceptable.

The response model is plain structure (no descriptions: the definitions live in
``prompts/system.md``). Its validator grounds every claim in the text passed as
instructor's validation ``context``; a span that is not in the text fails
validation, so instructor re-asks with the error. When the re-asks run out,
:func:`salvage` re-reads each raw reply claim by claim (the backend keeps the
reply with the most grounded claims), so one bad claim never costs the good ones.
A reply with nothing to re-read (an HTML page, no JSON, no ``claims`` list, no
claim of the right shape) is an :class:`UnreadableReply`, never "no claims".
"""

from __future__ import annotations

import json
import re
from typing import Any

import jiter
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from claimcheck.grounding import GroundingError, ground_claim, ungrounded_name_words
from claimcheck.schema import Claim, DroppedClaim, Hedge, HedgeKind, QuoteType, SourceType

__all__ = ["ArticleClaims", "RawClaim", "RawHedge", "UnreadableReply", "ground_all", "response_model", "salvage"]

_NULLS = {"", "null", "none", "n/a", "unattributed"}


def _no_description(schema: dict[str, Any]) -> None:
    """Keep docstrings (written for developers) out of the schema the model is shown."""
    schema.pop("description", None)


def _lower(v: Any) -> Any:
    return v.strip().lower() if isinstance(v, str) else v


def _none_if_blank(v: Any) -> Any:
    return None if isinstance(v, str) and v.strip().lower() in _NULLS else v


class RawHedge(BaseModel):
    """A hedge cue as the model proposes it."""

    model_config = ConfigDict(extra="ignore", json_schema_extra=_no_description)

    cue: str
    kind: HedgeKind

    _kind = field_validator("kind", mode="before")(_lower)


class RawClaim(BaseModel):
    """One claim as the model proposes it, before grounding (spec section 2 fields, no offsets)."""

    model_config = ConfigDict(extra="ignore", json_schema_extra=_no_description)

    claim: str
    source: str | None = None
    source_name: str | None = None
    source_type: SourceType | None = None
    cue: str | None = None
    quote: QuoteType | None = None
    hedges: list[RawHedge] = Field(default_factory=list)

    _blank = field_validator("source", "source_name", "cue", mode="before")(_none_if_blank)

    @field_validator("source_type", "quote", mode="before")
    @classmethod
    def _value_set(cls, v: Any) -> Any:
        return _none_if_blank(_lower(v))

    @field_validator("hedges", mode="before")
    @classmethod
    def _no_hedges(cls, v: Any) -> Any:
        return [] if v is None else v

    def to_claim(self) -> Claim:
        # A source type or name without a source mention is noise from the model: drop it.
        attributed = self.source is not None
        return Claim(
            claim=self.claim,
            source=self.source,
            source_name=(self.source_name or self.source) if attributed else None,
            source_type=self.source_type if attributed else None,
            cue=self.cue,
            quote=self.quote or "indirect",
            hedges=[Hedge(cue=h.cue, kind=h.kind) for h in self.hedges],
        )


def _key(c: Claim) -> tuple[object, ...]:
    return (c.start, c.end, c.source_start, c.cue_start)


class UnreadableReply(ValueError):
    """A reply that holds no claims list to read: a broken endpoint, not an article without claims."""


def _grounded_name(claim: Claim, text: str) -> Claim:
    """A resolved name whose words are not in the text falls back to the mention (an injected name)."""
    if claim.source_name is None or claim.source_name == claim.source:
        return claim
    if ungrounded_name_words(claim.source_name, text):
        return claim.model_copy(update={"source_name": claim.source})
    return claim


def ground_all(raw: list[RawClaim], text: str) -> tuple[list[Claim], list[tuple[int, DroppedClaim]]]:
    """Ground each proposed claim in ``text``: the grounded ones (deduplicated), and the others by index.

    Spans must be in the text, and so must every word of a resolved source name.
    """
    grounded: list[Claim] = []
    seen: set[tuple[object, ...]] = set()
    failed: list[tuple[int, DroppedClaim]] = []
    for n, rc in enumerate(raw):
        try:
            claim = _grounded_name(ground_claim(rc.to_claim(), text), text)
        except GroundingError as exc:
            failed.append((n, DroppedClaim(claim=rc.claim, reason=str(exc))))
            continue
        if _key(claim) not in seen:
            seen.add(_key(claim))
            grounded.append(claim)
    return grounded, failed


class ArticleClaims(BaseModel):
    """The reply: every claim in the article. Valid only when every span is found in the text."""

    model_config = ConfigDict(extra="ignore", json_schema_extra=_no_description)

    claims: list[RawClaim]

    _grounded: list[Claim] = PrivateAttr(default_factory=list)

    @model_validator(mode="after")
    def _ground(self, info: ValidationInfo) -> ArticleClaims:
        text = (info.context or {}).get("document")
        if not isinstance(text, str):
            return self  # no document to check against: structure only (e.g. schema tests)
        grounded, failed = ground_all(self.claims, text)
        if failed:
            problems = "; ".join(f"claim {n + 1}: {d.reason}" for n, d in failed)
            raise ValueError(
                f"{len(failed)} of {len(self.claims)} claims are not grounded in the article ({problems}). "
                "Return the whole list again with every span copied exactly from the article, "
                "and leave out any claim the article does not state."
            )
        self._grounded = grounded
        return self

    @property
    def grounded(self) -> list[Claim]:
        """The claims with offsets, set by validation against the document."""
        return list(self._grounded)


def response_model(description: str) -> type[ArticleClaims]:
    """:class:`ArticleClaims` described, for the model, by ``description`` (from ``prompts/``).

    instructor names the tool after the class and describes it with the
    schema's description, or else the docstring; both come from the prompt files.
    """

    def describe(schema: dict[str, Any]) -> None:
        schema["description"] = description

    namespace = {
        "__doc__": description,
        "__module__": __name__,
        "model_config": ConfigDict(extra="ignore", json_schema_extra=describe),
    }
    return type("ArticleClaims", (ArticleClaims,), namespace)


_FENCE = re.compile(r"```(?:json)?\s*(.*?)(?:```|$)", re.S)


def _raw_json(completion: Any) -> str:
    """The JSON text of a chat completion: the forced tool call's arguments, else the message content."""
    if isinstance(completion, (str, bytes)):
        kind = "an HTML page" if completion.lstrip()[:1] in ("<", b"<") else "not a chat completion"
        raise UnreadableReply(f"{kind} instead of a chat completion")
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError, TypeError):
        raise UnreadableReply("a chat completion with no choices") from None
    for call in getattr(message, "tool_calls", None) or []:
        args = getattr(getattr(call, "function", None), "arguments", None)
        if isinstance(args, str) and args.strip():
            return args
    content = getattr(message, "content", None)
    if not isinstance(content, str) or not content.strip():
        raise UnreadableReply("an empty message")
    fenced = _FENCE.search(content)
    body = fenced.group(1) if fenced else content
    start = body.find("{")
    if start < 0:
        raise UnreadableReply("a message with no JSON in it")
    return body[start:]


def _claim_text(item: object) -> str:
    claim = item.get("claim") if isinstance(item, dict) else None
    if isinstance(claim, str):
        return claim
    return json.dumps(item, ensure_ascii=False)[:200]


def salvage(completion: Any, text: str) -> tuple[list[Claim], list[DroppedClaim]]:
    """Keep the grounded claims of a reply that failed validation as a whole; drop the rest with reasons.

    Reads the reply leniently (a truncated reply is parsed as far as it goes,
    and its last, possibly cut, claim is dropped), validates each claim on its
    own and grounds it. Raises :class:`UnreadableReply` when there is nothing
    of the expected shape to read.
    """
    raw = _raw_json(completion)
    try:
        data = jiter.from_json(raw.encode(), partial_mode=True)
    except ValueError:
        raise UnreadableReply("a reply that is not JSON") from None
    items = data.get("claims") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise UnreadableReply("JSON without a 'claims' list")
    truncated = getattr(completion.choices[0], "finish_reason", None) == "length"
    dropped: list[DroppedClaim] = []
    if truncated and items:
        dropped.append(DroppedClaim(claim=_claim_text(items[-1]), reason="the reply was cut off at max_tokens"))
        items = items[:-1]
    proposed: list[RawClaim] = []
    for item in items:
        try:
            proposed.append(RawClaim.model_validate(item))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "claim"
            dropped.append(DroppedClaim(claim=_claim_text(item), reason=f"malformed claim: {where}: {first['msg']}"))
    if items and not proposed:
        raise UnreadableReply("a 'claims' list with no claim of the expected shape")
    grounded, failed = ground_all(proposed, text)
    return grounded, dropped + [d for _, d in failed]
