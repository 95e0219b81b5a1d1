"""Backends turn a text into an :class:`~claimcheck.schema.Extraction`.

Each backend lives in its own folder and never imports another (what they
share is in :mod:`.base`); this module only names them, lists their declared
options and builds one by name, importing it lazily so that the offline
default does not pay for the LLM stack and vice versa.
"""

from __future__ import annotations

import os
from typing import Any

from claimcheck.backends.base import Backend, Option, run_in_thread, run_many_threaded
from claimcheck.errors import ConfigError

__all__ = [
    "BACKENDS",
    "Backend",
    "Option",
    "backend_options",
    "default_backend_name",
    "get_backend",
    "run_in_thread",
    "run_many_threaded",
]

BACKENDS: tuple[str, ...] = ("rules", "llm")


def default_backend_name(options: dict[str, Any] | None = None) -> str:
    """The LLM backend when an endpoint is configured, else the offline rules backend."""
    options = options or {}
    if options.get("base_url") or os.environ.get("CLAIMCHECK_BASE_URL") or os.environ.get("OPENAI_BASE_URL"):
        return "llm"
    if os.environ.get("CLAIMCHECK_API_KEY") or os.environ.get("OPENAI_API_KEY"):
        return "llm"
    return "rules"


def backend_options() -> dict[str, tuple[Option, ...]]:
    """Each backend's declared options, by backend name (from its light ``settings`` module)."""
    from claimcheck.backends import llm, rules

    return {"rules": rules.OPTIONS, "llm": llm.OPTIONS}


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
