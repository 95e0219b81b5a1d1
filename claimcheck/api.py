"""The library entry points: one text, one text asynchronously, or many at once.

Backends are built once and reused; results can be cached on disk so that
re-running an eval or a CLI command does not pay for the same extraction twice.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Mapping, Sequence
from os import PathLike
from pathlib import Path
from typing import Any

from claimcheck.backends import Backend, get_backend
from claimcheck.cache import Cache, default_cache_dir
from claimcheck.checks import Finding, Severity
from claimcheck.checks import check as run_checks
from claimcheck.errors import ClaimcheckError, ConfigError, InputError
from claimcheck.inputs import check_text, text_or_error
from claimcheck.schema import Extraction
from claimcheck.verification import Source, Sources, Verification
from claimcheck.verification import verify as verify_quotes

__all__ = [
    "Cache",
    "aextract",
    "check",
    "default_cache_dir",
    "extract",
    "extract_many",
    "extract_validated",
    "extraction_of",
    "resolve_backend",
    "verify",
]


def resolve_backend(backend: Backend | str | None, options: dict[str, Any]) -> Backend:
    """Accept a ready backend, a backend name, or ``None`` for the environment's default."""
    if backend is not None and not isinstance(backend, str):
        if options:
            raise TypeError("options cannot be combined with a backend instance")
        return backend
    return get_backend(backend, **options)


def _cache_of(cache: Cache | str | Path | bool | None) -> Cache | None:
    if cache is None or cache is False:
        return None
    if cache is True:
        return Cache()
    if isinstance(cache, Cache):
        return cache
    return Cache(cache)


def extract(
    text: str,
    *,
    backend: Backend | str | None = None,
    doc_id: str = "doc",
    cache: Cache | str | Path | bool | None = None,
    **options: Any,
) -> Extraction:
    """Extract every claim in ``text`` with its source, cue, quote type and hedges.

    ``backend`` is ``"rules"`` (offline, the default with no endpoint
    configured), ``"llm"``, or a backend instance; other keyword options go to
    the backend (``base_url``, ``model``, ``mode``, ``workers``...). ``cache``
    is off by default in the library: pass ``True`` or a folder to turn it on.
    """
    check_text(text)
    be = resolve_backend(backend, options)
    store = _cache_of(cache)
    if store is not None and (hit := store.get(be, text, doc_id)) is not None:
        return hit
    result = be.extract(text, doc_id=doc_id)
    if store is not None:
        store.put(be, text, result)
    return result


def extraction_of(
    extraction_or_text: Extraction | str,
    *,
    backend: Backend | str | None,
    doc_id: str,
    options: dict[str, Any],
    task: str,
) -> Extraction:
    """An :class:`Extraction` as given, or extracted from a text (``check`` and ``verify`` take either).

    Backend options make sense only for a text; with an Extraction they are a
    mistake worth saying (``task`` names the caller: "checking", "verifying").
    """
    if isinstance(extraction_or_text, Extraction):
        if backend is not None or options:
            raise TypeError(f"backend options apply only when {task} a text, not an Extraction")
        return extraction_or_text
    return extract(extraction_or_text, backend=backend, doc_id=doc_id, **options)


def check(
    extraction_or_text: Extraction | str,
    *,
    backend: Backend | str | None = None,
    doc_id: str = "doc",
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    severities: Mapping[str, Severity] | None = None,
    **options: Any,
) -> list[Finding]:
    """Findings for one document, ordered by offset then rule: :func:`extract` (for a text), then the checks.

    Pass an :class:`Extraction` from any backend, or a text, which is extracted
    first with ``backend`` and ``options`` (as :func:`extract`). ``select``
    runs only these check ids (default: all of :data:`claimcheck.checks.CHECKS`)
    and ``ignore`` skips some, as ``--select``/``--ignore`` do; ``severities``
    sets a check's severity, as ``[tool.claimcheck.check.severity]`` does.
    """
    extraction = extraction_of(extraction_or_text, backend=backend, doc_id=doc_id, options=options, task="checking")
    return run_checks(extraction, select=select, ignore=ignore, severities=severities)


def verify(
    extraction_or_text: Extraction | str,
    sources: Sources | Iterable[Source | str | PathLike[str]],
    *,
    backend: Backend | str | None = None,
    doc_id: str = "doc",
    **options: Any,
) -> Verification:
    """Every quotation in a story checked against source documents: :func:`extract` (for a text), then verify.

    Pass an :class:`Extraction` from any backend, or a text, which is extracted
    first with ``backend`` and ``options`` (as :func:`extract`). ``sources``
    are as :func:`claimcheck.verification.verify` takes them (texts, paths,
    :class:`~claimcheck.verification.Source` records, or a ready ``Sources``).
    """
    extraction = extraction_of(extraction_or_text, backend=backend, doc_id=doc_id, options=options, task="verifying")
    return verify_quotes(extraction, sources)


async def aextract(
    text: str,
    *,
    backend: Backend | str | None = None,
    doc_id: str = "doc",
    cache: Cache | str | Path | bool | None = None,
    **options: Any,
) -> Extraction:
    """Async :func:`extract` for web back ends: never blocks the event loop."""
    check_text(text)
    be = resolve_backend(backend, options)
    store = _cache_of(cache)
    if store is not None and (hit := await asyncio.to_thread(store.get, be, text, doc_id)) is not None:
        return hit
    result = await be.aextract(text, doc_id=doc_id)
    if store is not None:
        await asyncio.to_thread(store.put, be, text, result)
    return result


def _as_docs(texts: Iterable[str | tuple[str, str]]) -> list[tuple[str, str]]:
    docs: list[tuple[str, str]] = []
    for i, item in enumerate(texts):
        if isinstance(item, tuple):
            docs.append((str(item[0]), item[1]))
        else:
            docs.append((f"doc-{i}", item))
    return docs


def extract_many(
    texts: Iterable[str] | Iterable[tuple[str, str]],
    *,
    backend: Backend | str | None = None,
    concurrency: int = 4,
    cache: Cache | str | Path | bool | None = None,
    **options: Any,
) -> list[Extraction | ClaimcheckError]:
    """Extract from many documents concurrently; one result or error per document, in input order.

    ``texts`` holds strings (ids ``doc-0``, ``doc-1``...) or ``(id, text)``
    pairs. A document that fails yields its :class:`ClaimcheckError` in its
    place; the others are kept.
    """
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise ConfigError(f"concurrency must be a whole number of 1 or more, got {concurrency!r}", fix="e.g. 4")
    docs = _as_docs(texts)
    be = resolve_backend(backend, options)
    results: list[Extraction | ClaimcheckError] = [ClaimcheckError("not run")] * len(docs)  # every slot is filled
    valid: list[int] = []
    for i, (doc_id, text) in enumerate(docs):
        checked = text_or_error(text, name=doc_id)
        if isinstance(checked, InputError):
            results[i] = checked
        else:
            valid.append(i)
    done = extract_validated([docs[i] for i in valid], backend=be, concurrency=concurrency, cache=_cache_of(cache))
    for i, res in zip(valid, done, strict=True):
        results[i] = res
    return results


def extract_validated(
    docs: Sequence[tuple[str, str]], *, backend: Backend, concurrency: int = 4, cache: Cache | None = None
) -> list[Extraction | ClaimcheckError]:
    """:func:`extract_many` for ``(id, text)`` documents whose texts were validated where they were read.

    :class:`claimcheck.corpus.Corpus` (the CLI's reader) checks every text it
    yields with :func:`claimcheck.inputs.check_text`; checking again here
    would be the second time, so this does not.
    """
    results: list[Extraction | ClaimcheckError] = [ClaimcheckError("not run")] * len(docs)  # every slot is filled
    todo: list[int] = []
    for i, (doc_id, text) in enumerate(docs):
        if cache is not None and (hit := cache.get(backend, text, doc_id)) is not None:
            results[i] = hit
        else:
            todo.append(i)
    fresh: Sequence[Extraction | ClaimcheckError] = (
        backend.extract_many([docs[i] for i in todo], concurrency=concurrency) if todo else []
    )
    for i, res in zip(todo, fresh, strict=True):
        results[i] = res
        if cache is not None and isinstance(res, Extraction):
            cache.put(backend, docs[i][1], res)
    return results
