"""The rules backend's settings: a pydantic model whose ``Field`` constraints say what is valid.

Light on purpose (no spaCy), so the CLI can build ``--workers`` from
:data:`OPTIONS` without loading the pipeline.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from claimcheck.backends.base import Option, options_of

__all__ = ["OPTIONS", "RulesSettings"]


class RulesSettings(BaseModel):
    """Every rules backend option; a ``description`` is the help of its command-line flag."""

    # strict: a worker count of True or 2.5 is a mistake to report, not a value to coerce
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    workers: int = Field(1, ge=1, description="processes for the rules backend (default 1)")
    batch_size: int = Field(32, ge=1)
    spacy_model: str | None = None


#: The options the command line offers for this backend.
OPTIONS: tuple[Option, ...] = options_of(RulesSettings, "workers")
