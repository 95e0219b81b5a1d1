"""Extractions on disk, so re-running an eval or a command never pays twice for the same answer.

An entry is served only when it is provably the answer to this text from this
backend configuration: it is keyed by the backend's :meth:`fingerprint` and
the text, it stores the text's hash and is checked against it on load, and
every claim's offsets must still cover its spans in this text. Anything else (a corrupt,
edited or foreign entry) is a miss. Entries are written to a private
temporary file in the entry's folder and renamed into place, so a planted
file or a killed run never redirects or poisons a write.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel, ValidationError

from claimcheck.backends import Backend
from claimcheck.redaction import redact
from claimcheck.schema import Claim, DroppedClaim, Extraction

__all__ = ["CACHE_FORMAT", "Cache", "default_cache_dir", "text_hash"]

#: Bumped when an entry's layout changes; older entries are then misses.
CACHE_FORMAT = 2


def default_cache_dir() -> Path:
    """``$CLAIMCHECK_CACHE_DIR``, else the XDG cache folder."""
    env = os.environ.get("CLAIMCHECK_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "claimcheck"


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _fingerprint(backend: Backend) -> str:
    """The backend's own fingerprint; a third-party backend without one is keyed by its declared fields."""
    own = getattr(backend, "fingerprint", None)
    if callable(own):
        return str(own())
    return f"backend={backend.name}; model={backend.model}; prompt={backend.prompt_version}"


class _Entry(BaseModel):
    format: int
    fingerprint: str
    text_sha256: str
    extraction: Extraction


def _spans_hold(claim: Claim, text: str) -> bool:
    spans = [
        (claim.start, claim.end, claim.claim),
        (claim.source_start, claim.source_end, claim.source),
        (claim.cue_start, claim.cue_end, claim.cue),
    ] + [(h.start, h.end, h.cue) for h in claim.hedges]
    for start, end, span in spans:
        if start is None and end is None:
            if span is not None and span not in text:
                return False
        elif start is None or end is None or not 0 <= start <= end <= len(text) or text[start:end] != span:
            return False
    return True


def _scrubbed(extraction: Extraction) -> Extraction:
    """Server text can reach dropped claims' reasons: keep keys out of the entry (the article is left whole)."""
    dropped = [DroppedClaim(claim=redact(d.claim), reason=redact(d.reason)) for d in extraction.dropped]
    return extraction.model_copy(update={"dropped": dropped, "cached": False})


class Cache:
    """Extractions on disk, keyed by the backend's fingerprint and the text.

    ``on_warning`` hears, once, that the folder cannot be written (the run goes
    on uncached); by default it is a :class:`RuntimeWarning`.
    """

    def __init__(self, directory: str | Path | None = None, *, on_warning: Callable[[str], None] | None = None) -> None:
        self.directory = Path(directory) if directory is not None else default_cache_dir()
        self._on_warning = on_warning
        self._warned = False

    def key(self, backend: Backend, text: str) -> str:
        """Same backend configuration on the same text: same answer."""
        parts = [_fingerprint(backend), text]
        return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, backend: Backend, text: str, doc_id: str) -> Extraction | None:
        """The cached extraction of ``text``, or ``None`` when there is none that provably belongs to it."""
        path = self._path(self.key(backend, text))
        try:
            entry = _Entry.model_validate_json(path.read_bytes())
        except (OSError, ValueError, ValidationError, RecursionError):
            return None
        ext = entry.extraction
        if (
            entry.format != CACHE_FORMAT
            or entry.fingerprint != redact(_fingerprint(backend))  # stored redacted
            or entry.text_sha256 != text_hash(text)
            or ext.text != text  # what is served is this input, and every offset holds in it
            or not all(_spans_hold(c, text) for c in ext.claims)
        ):
            return None
        return ext.model_copy(update={"id": doc_id, "cached": True})

    def put(self, backend: Backend, text: str, extraction: Extraction) -> None:
        """Store a good extraction of ``text``; a folder that cannot be written is said once, not fatal."""
        entry = _Entry(
            format=CACHE_FORMAT,
            fingerprint=redact(_fingerprint(backend)),
            text_sha256=text_hash(text),
            extraction=_scrubbed(extraction),
        )
        path = self._path(self.key(backend, text))
        tmp: str | None = None
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            # mkstemp: a fresh name opened with O_CREAT|O_EXCL, mode 0600 (a planted symlink cannot be followed)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.stem[:16]}.", suffix=".tmp", dir=path.parent)
            with os.fdopen(fd, "wb") as fh:
                fh.write(entry.model_dump_json().encode("utf-8", "surrogatepass"))
            os.replace(tmp, path)
            tmp = None
        except OSError as exc:
            self._warn(f"cannot write the cache in {self.directory} ({exc.strerror or exc}); results are not cached")
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)

    def _warn(self, message: str) -> None:
        if self._warned:
            return
        self._warned = True
        if self._on_warning is not None:
            self._on_warning(message)
        else:
            warnings.warn(message, RuntimeWarning, stacklevel=3)
