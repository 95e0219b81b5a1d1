"""The library entry points: one text, one text asynchronously, or many at once.

Backends are built once and reused; results can be cached on disk so that
re-running an eval or a CLI command does not pay for the same extraction twice.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from claimcheck.backends import Backend, get_backend
from claimcheck.errors import ClaimcheckError, ConfigError
from claimcheck.inputs import check_text
from claimcheck.schema import Extraction

__all__ = ["Cache", "aextract", "default_cache_dir", "extract", "extract_many", "resolve_backend"]


def default_cache_dir() -> Path:
    """``$CLAIMCHECK_CACHE_DIR``, else the XDG cache folder."""
    env = os.environ.get("CLAIMCHECK_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "claimcheck"


class Cache:
    """Extractions on disk, keyed by backend, model, prompt version and text hash.

    One JSON file per entry, written atomically; a corrupt entry is treated as
    a miss, so a killed run never poisons the next one.
    """

    def __init__(self, directory: str | Path | None = None) -> None:
        self.directory = Path(directory) if directory is not None else default_cache_dir()

    def key(self, backend: Backend, text: str) -> str:
        """Same backend, model, endpoint and prompt on the same text: same answer.

        The endpoint counts because one model name ("llama3") can be different
        weights on two servers.
        """
        endpoint = getattr(backend, "base_url", None) or ""
        parts = [backend.name, backend.model or "", endpoint, backend.prompt_version or "", text]
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, backend: Backend, text: str, doc_id: str) -> Extraction | None:
        path = self._path(self.key(backend, text))
        try:
            ext = Extraction.model_validate_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return ext.model_copy(update={"id": doc_id, "cached": True})

    def put(self, backend: Backend, text: str, extraction: Extraction) -> None:
        path = self._path(self.key(backend, text))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(extraction.model_dump_json(), encoding="utf-8")
            tmp.replace(path)
        except OSError:
            pass  # a cache that cannot be written is only a slower run


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
    store = _cache_of(cache)
    results: list[Extraction | ClaimcheckError] = [ClaimcheckError("not run")] * len(docs)  # every slot is filled
    todo: list[int] = []
    for i, (doc_id, text) in enumerate(docs):
        try:
            check_text(text, name=doc_id)
        except ClaimcheckError as exc:
            results[i] = exc
            continue
        if store is not None and (hit := store.get(be, text, doc_id)) is not None:
            results[i] = hit
        else:
            todo.append(i)
    fresh: Sequence[Extraction | ClaimcheckError] = (
        be.extract_many([docs[i] for i in todo], concurrency=concurrency) if todo else []
    )
    for i, res in zip(todo, fresh, strict=True):
        results[i] = res
        if store is not None and isinstance(res, Extraction):
            store.put(be, docs[i][1], res)
    return results
