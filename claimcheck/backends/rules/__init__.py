"""Offline, deterministic claim extraction from a spaCy parse (the default backend without an LLM).

The package is split by concept: ``lexicon`` (word lists and the rules'
version), ``model`` (loading the pipeline), ``attribution`` (relations from
the parse), ``sources`` (resolving and typing sources), ``hedges``,
``parse`` (parsing in pieces), ``claims`` (assembling a document's claims) and
``backend`` (the :class:`RulesBackend` itself).
"""

from __future__ import annotations

from claimcheck.backends.rules.backend import RulesBackend

__all__ = ["RulesBackend"]
