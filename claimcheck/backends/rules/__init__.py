"""Offline, deterministic claim extraction from a spaCy parse (the default backend without an LLM).

The package is split by concept: ``lexicon`` (word lists and the rules'
version), ``model`` (loading the pipeline), ``arrays`` (token attributes
read once per parse, and the parse tests every module shares),
``attribution`` (relations from the parse), ``boundaries`` (where a
content ends), ``sources`` (resolving and typing sources), ``hedges``,
``parse`` (parsing in pieces), ``claims`` (assembling a document's claims),
``settings`` (its options) and ``backend`` (the :class:`RulesBackend` itself,
imported on first use so that reading the options loads no pipeline code).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimcheck.backends.rules.settings import OPTIONS, RulesSettings

if TYPE_CHECKING:
    from claimcheck.backends.rules.backend import RulesBackend

__all__ = ["OPTIONS", "RulesBackend", "RulesSettings"]


def __getattr__(name: str) -> Any:
    if name == "RulesBackend":
        from claimcheck.backends.rules.backend import RulesBackend

        return RulesBackend
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
