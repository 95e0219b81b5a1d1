"""Backends turn a text into an :class:`~claimcheck.schema.Extraction`.

Each backend lives in its own module and never imports another; this module
only names them and builds one by name, importing it lazily so that the
offline default does not pay for the LLM stack and vice versa.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Protocol, runtime_checkable

from claimcheck.errors import ClaimcheckError, ConfigError
from claimcheck.schema import Extraction

__all__ = ["BACKENDS", "Backend", "default_backend_name", "get_backend", "run_in_thread", "run_many_threaded"]

BACKENDS: tuple[str, ...] = ("rules", "llm")


@runtime_checkable
class Backend(Protocol):
    """What every backend offers; :meth:`fingerprint` keys the cache."""

    name: str
    prompt_version: str | None

    @property
    def model(self) -> str | None: ...  # read-only, so a backend may compute it (rules: the loaded pipeline)

    def fingerprint(self) -> str:
        """Every setting that can change the output on a given text (never a secret): the cache key."""
        ...

    def extract(self, text: str, *, doc_id: str = "doc") -> Extraction: ...

    async def aextract(self, text: str, *, doc_id: str = "doc") -> Extraction: ...

    def extract_many(
        self, docs: Sequence[tuple[str, str]], *, concurrency: int | None = None
    ) -> list[Extraction | ClaimcheckError]: ...


def default_backend_name(options: dict[str, Any] | None = None) -> str:
    """The LLM backend when an endpoint is configured, else the offline rules backend."""
    options = options or {}
    if options.get("base_url") or os.environ.get("CLAIMCHECK_BASE_URL") or os.environ.get("OPENAI_BASE_URL"):
        return "llm"
    if os.environ.get("CLAIMCHECK_API_KEY") or os.environ.get("OPENAI_API_KEY"):
        return "llm"
    return "rules"


def get_backend(name: str | None = None, **options: Any) -> Backend:
    """Build a backend by name (``None`` picks the default for this environment)."""
    name = name or default_backend_name(options)
    if name == "rules":
        from claimcheck.backends.rules import RulesBackend

        return RulesBackend(**options)
    if name == "llm":
        from claimcheck.backends.llm import LLMBackend

        return LLMBackend(**options)
    raise ConfigError(f"unknown backend {name!r}", fix=f"use one of: {', '.join(BACKENDS)}")


def run_many_threaded(
    backend: Backend, docs: Sequence[tuple[str, str]], concurrency: int
) -> list[Extraction | ClaimcheckError]:
    """Run ``backend.extract`` over documents in threads, one result or error per document, in order."""

    def one(doc: tuple[str, str]) -> Extraction | ClaimcheckError:
        doc_id, text = doc
        try:
            return backend.extract(text, doc_id=doc_id)
        except ClaimcheckError as exc:
            return exc

    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        return list(pool.map(one, docs))


async def run_in_thread(backend: Backend, text: str, doc_id: str) -> Extraction:
    """Async wrapper for CPU-bound backends, so an event loop is never blocked."""
    return await asyncio.to_thread(backend.extract, text, doc_id=doc_id)
