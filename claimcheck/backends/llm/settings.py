"""The LLM backend's settings: one pydantic model whose ``Field`` constraints say what is valid.

Light on purpose (pydantic only, no openai or instructor), so the CLI can
build its flags from :data:`OPTIONS` without loading the LLM stack.
Endpoint, model, key and mode may come from the environment; the backend
resolves those, since what is missing there needs its own fix.
"""

from __future__ import annotations

import ipaddress
import os
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, model_validator

from claimcheck.backends.base import Option, options_of
from claimcheck.errors import ConfigError

__all__ = [
    "DEFAULT_MODE",
    "DEFAULT_OPENAI_MODEL",
    "MODE_NAMES",
    "NO_BACKEND",
    "OPENAI_URL",
    "OPTIONS",
    "PLACEHOLDER_KEY",
    "LLMSettings",
    "default_mode",
    "env",
    "is_loopback",
    "is_openai",
]

OPENAI_URL = "https://api.openai.com/v1"
DEFAULT_OPENAI_MODEL = "gpt-4o-mini"
PLACEHOLDER_KEY = "sk-no-key"
NO_BACKEND = "or use --backend rules"

#: Instructor modes by the names users type. ``tools`` (a forced tool call) is the
#: default everywhere: OpenAI and Azure support it natively and llama-cpp-python's
#: server grammar-constrains it. ``json_schema`` suits vLLM, Ollama and llama.cpp's
#: C++ server but gets HTTP 500 from llama-cpp-python's server; ``json`` works
#: there too but runs into max_tokens more often.
MODE_NAMES: tuple[str, ...] = ("tools", "json", "json_schema", "md_json")
DEFAULT_MODE = "tools"
#: Self-hosted Ollama's default port. Ollama (0.5+) grammar-constrains
#: ``response_format: json_schema`` but does not force a named tool call, so
#: json_schema is its sensible default.
OLLAMA_PORT = 11434


class LLMSettings(BaseModel):
    """Every LLM backend option; a ``description`` is the help of its command-line flag."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    base_url: str | None = Field(
        None,
        description="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1 (implies --backend llm; default: env "
        "CLAIMCHECK_BASE_URL or OPENAI_BASE_URL)",
    )
    model: str | None = Field(None, description="LLM model name (llm backend; default: env CLAIMCHECK_MODEL)")
    api_key: str | None = Field(None, repr=False)
    mode: str | None = Field(
        None, description="instructor mode for the llm backend: tools (default), json, json_schema, md_json"
    )
    timeout: float = Field(
        60.0,
        gt=0,
        description="seconds per LLM request (default 60; raise it for slow local servers)",
        json_schema_extra={"unit": "seconds"},
    )
    max_retries: int = Field(4, ge=0)
    max_reasks: int = Field(2, ge=0, description="re-asks when the model's spans are not in the text (default 2)")
    chunk_chars: int = Field(
        12_000, ge=500, description="longer texts are split into chunks of this size (default 12000)"
    )
    #: Scales with the chunk (a tenth: 1,200 of the default 12,000) when not given, so any chunk size is valid alone.
    chunk_overlap: int | None = None
    concurrency: int = Field(4, ge=1, description="documents in flight at once (default 4)")
    temperature: float = 0.0
    max_tokens: int = Field(4096, ge=16, description="completion token limit per LLM request (default 4096)")
    retry_backoff: float = Field(1.0, ge=0, json_schema_extra={"unit": "seconds"})
    retry_max_wait: float = Field(30.0, ge=0, json_schema_extra={"unit": "seconds"})
    rpm: float | None = Field(None, gt=0, description="LLM requests a minute, at most")
    tpm: float | None = Field(None, gt=0, description="LLM tokens a minute, at most")

    @property
    def overlap(self) -> int:
        """The chunk overlap in use: ``chunk_overlap``, else a tenth of ``chunk_chars``."""
        return self.chunk_chars // 10 if self.chunk_overlap is None else self.chunk_overlap

    @model_validator(mode="after")
    def _overlap_below_chunk(self) -> LLMSettings:
        if not 0 <= self.overlap < self.chunk_chars:
            raise ConfigError(
                f"LLM option chunk_overlap={self.chunk_overlap!r} is out of range",
                fix="use a value >= 0 and below chunk_chars",
            )
        return self


#: The options the command line offers for this backend, in ``--help`` order.
OPTIONS: tuple[Option, ...] = options_of(
    LLMSettings,
    "model",
    "base_url",
    "mode",
    "timeout",
    "max_tokens",
    "max_reasks",
    "chunk_chars",
    "rpm",
    "tpm",
    "concurrency",
    shared=("concurrency",),
)


def default_mode(base_url: str) -> str:
    """The instructor mode that works best on this endpoint when none is asked for."""
    return "json_schema" if urlsplit(base_url).port == OLLAMA_PORT else DEFAULT_MODE


def env(*names: str) -> str | None:
    """The first of these environment variables that is set and not blank."""
    for name in names:
        value = os.environ.get(name, "").strip()
        if value:
            return value
    return None


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_openai(url: str) -> bool:
    return (urlsplit(url).hostname or "") == "api.openai.com"
