"""The LLM backend: any OpenAI-compatible endpoint, structured output through instructor.

One module per concept: ``settings`` (options and their ranges, light enough
for the CLI to read without the LLM stack), ``backend`` (:class:`LLMBackend`),
``retry`` (which failures are retried or re-asked), ``failures`` (their
messages), ``response`` (the reply's model and salvage), ``prompts`` (the
templates under the repo's ``prompts/``), ``chunking`` (long texts),
``http_limits`` (reply size and time bounds) and ``ratelimit`` (``--rpm``,
``--tpm``). :class:`LLMBackend` is imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimcheck.backends.llm.settings import (
    DEFAULT_MODE,
    DEFAULT_OPENAI_MODEL,
    MODE_NAMES,
    OPTIONS,
    PLACEHOLDER_KEY,
    LLMSettings,
    default_mode,
)

if TYPE_CHECKING:
    from claimcheck.backends.llm.backend import LLMBackend

__all__ = [
    "DEFAULT_MODE",
    "DEFAULT_OPENAI_MODEL",
    "MODE_NAMES",
    "OPTIONS",
    "PLACEHOLDER_KEY",
    "LLMBackend",
    "LLMSettings",
    "default_mode",
]


def __getattr__(name: str) -> Any:
    if name == "LLMBackend":
        from claimcheck.backends.llm.backend import LLMBackend

        return LLMBackend
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
