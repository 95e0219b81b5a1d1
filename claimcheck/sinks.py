"""Where an archive run's results go: spec JSONL, an errors JSONL, and a flat claims table (CSV or Parquet).

Every JSONL line is written whole, with one ``write`` of the encoded line to
a file opened for appending, and nothing is buffered in the process: a run
killed at any moment (SIGKILL included) leaves every finished document on disk
and at most one torn last line, which :func:`done_ids` cuts off before a
resumed run appends to the file. Memory does not grow with the corpus.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from claimcheck.errors import ClaimcheckError, InputError
from claimcheck.schema import Extraction

__all__ = [
    "TABLE_COLUMNS",
    "TABLE_SUFFIXES",
    "ClaimsTable",
    "JsonlSink",
    "archive_line",
    "claim_rows",
    "done_ids",
    "error_record",
    "iter_extractions",
    "open_table",
    "parquet_schema",
    "write_atomic",
]

#: The flat claims table: the document id, the claim's place in it, then every claim field.
#: ``json`` columns hold a list as JSON text, so CSV and Parquet share one schema.
TABLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "str"),
    ("n", "int"),
    ("claim", "str"),
    ("start", "int"),
    ("end", "int"),
    ("source", "str"),
    ("source_start", "int"),
    ("source_end", "int"),
    ("source_name", "str"),
    ("source_type", "str"),
    ("cue", "str"),
    ("cue_start", "int"),
    ("cue_end", "int"),
    ("quote", "str"),
    ("hedges", "json"),
    ("confidence", "float"),
    ("source_aliases", "json"),
)
TABLE_SUFFIXES = (".csv", ".parquet")
#: Rows buffered before a Parquet row group is written: bounded memory, readable groups.
_ROW_GROUP = 2_000


def write_failure(path: str | Path, exc: OSError) -> ClaimcheckError:
    """One line for a write that failed: a full disk, a read-only folder, a vanished mount."""
    if exc.errno == errno.ENOSPC:
        return ClaimcheckError(f"{path}: the disk is full", fix="free some space, then run again with --resume")
    reason = exc.strerror or str(exc)
    return ClaimcheckError(f"{path}: cannot write ({reason})", fix="check the path and its permissions")


class JsonlSink:
    """An append-only JSONL file written one whole line per call, never buffered in the process."""

    def __init__(self, path: str | Path, *, append: bool) -> None:
        self.path = Path(path)
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | (0 if append else os.O_TRUNC)
        try:
            self._fd: int | None = os.open(self.path, flags, 0o644)
        except OSError as exc:
            raise write_failure(self.path, exc) from None
        self.lines = 0

    def write(self, line: str) -> None:
        data = (line.rstrip("\n") + "\n").encode("utf-8")
        if self._fd is None:
            raise ClaimcheckError(f"{self.path}: written after it was closed", fix="report this to claimcheck")
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(self._fd, view) :]
        except OSError as exc:
            raise write_failure(self.path, exc) from None
        self.lines += 1

    def write_record(self, record: dict[str, Any]) -> None:
        self.write(json.dumps(record, ensure_ascii=False))

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> JsonlSink:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def archive_line(ext: Extraction) -> str:
    """A spec JSONL line without the run-local ``cached`` flag, so a resumed run writes what a one-shot run does."""
    return json.dumps(ext.model_dump(mode="json", exclude={"cached"}), ensure_ascii=False)


def error_record(doc_id: str, exc: ClaimcheckError) -> dict[str, Any]:
    """An errors-file line: the document's id, what went wrong, and what to do about it."""
    message = exc.message if hasattr(exc, "message") else str(exc)
    return {"id": doc_id, "error": message, "fix": getattr(exc, "fix", None)}


# --- resuming ---------------------------------------------------------------------------------

_ID_PREFIX = '{"id": '
_decoder = json.JSONDecoder()


def _line_id(line: str) -> str | None:
    """The id of a line we wrote (``{"id": …`` comes first), read without parsing the rest of the line."""
    if line.startswith(_ID_PREFIX):
        try:
            value, _ = _decoder.raw_decode(line, len(_ID_PREFIX))
        except ValueError:
            return None
        return value if isinstance(value, str) else None
    try:
        obj = json.loads(line)
    except ValueError:
        return None
    value = obj.get("id") if isinstance(obj, dict) else None
    return value if isinstance(value, str) else None


def done_ids(path: str | Path) -> set[str]:
    """The ids already in ``path``; a torn last line (a killed run) is cut off the file first.

    Only the id at the head of each line is decoded, so checking 10,000 done
    documents costs a fraction of a second. A malformed line anywhere else is
    an :class:`InputError`: that file is not one claimcheck wrote.
    """
    p = Path(path)
    if not p.exists():
        return set()
    ids: set[str] = set()
    good_end = 0
    with p.open("rb") as fh:
        for number, raw in enumerate(fh, 1):
            if not raw.endswith(b"\n"):
                break  # the torn tail of a killed run: that document is done again
            line = raw.decode("utf-8", "replace").strip()
            if line:
                doc_id = _line_id(line)
                if doc_id is None:
                    raise InputError(
                        f"{p}:{number}: not a claimcheck JSONL line", fix="point --out at claimcheck's own output"
                    )
                ids.add(doc_id)
            good_end += len(raw)
    if good_end < p.stat().st_size:
        with p.open("r+b") as fh:
            fh.truncate(good_end)
    return ids


def iter_extractions(path: str | Path) -> Iterator[Extraction]:
    """Every extraction in a spec JSONL file, one at a time."""
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield Extraction.from_jsonl(line)


# --- the claims table -------------------------------------------------------------------------


def _cell(value: object, kind: str) -> object:
    if kind == "json":
        return json.dumps(value or [], ensure_ascii=False)
    return value


def claim_rows(ext: Extraction) -> list[dict[str, object]]:
    """One flat row per claim: the document id, the claim's index, every field, lists as JSON text."""
    rows: list[dict[str, object]] = []
    for n, claim in enumerate(ext.claims):
        fields = claim.model_dump(mode="json")
        values: dict[str, object] = {"id": ext.id, "n": n, **fields}
        rows.append({name: _cell(values.get(name), kind) for name, kind in TABLE_COLUMNS})
    return rows


def parquet_schema() -> Any:
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "json": pa.string()}
    return pa.schema([(name, types[kind]) for name, kind in TABLE_COLUMNS])


class ClaimsTable:
    """The claims of every document as one flat table, CSV or Parquet by the file's suffix.

    CSV rows are written and flushed per document; Parquet rows are written a
    row group at a time. The file is complete once :meth:`close` has run.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.kind = self.path.suffix.lower()
        self.rows = 0
        self._buffer: list[dict[str, object]] = []
        try:
            if self.kind == ".parquet":
                from claimcheck.corpus import need_pyarrow

                pq = need_pyarrow("a Parquet claims table")
                self._writer: Any = pq.ParquetWriter(str(self.path), parquet_schema())
            else:
                self._fh = self.path.open("w", encoding="utf-8", newline="")
                self._writer = csv.DictWriter(self._fh, fieldnames=[name for name, _ in TABLE_COLUMNS])
                self._writer.writeheader()
        except OSError as exc:
            raise write_failure(self.path, exc) from None

    def add(self, ext: Extraction) -> None:
        rows = claim_rows(ext)
        self.rows += len(rows)
        try:
            if self.kind == ".parquet":
                self._buffer.extend(rows)
                if len(self._buffer) >= _ROW_GROUP:
                    self._flush()
            else:
                self._writer.writerows(rows)
                self._fh.flush()
        except OSError as exc:
            raise write_failure(self.path, exc) from None

    def _flush(self) -> None:
        import pyarrow as pa

        if self._buffer:
            self._writer.write_table(pa.Table.from_pylist(self._buffer, schema=parquet_schema()))
            self._buffer = []

    def close(self) -> None:
        try:
            if self.kind == ".parquet":
                self._flush()
                self._writer.close()
            else:
                self._fh.close()
        except OSError as exc:
            raise write_failure(self.path, exc) from None


def open_table(path: str | Path) -> ClaimsTable:
    """A :class:`ClaimsTable`, or an :class:`InputError` for a suffix it cannot write."""
    if Path(path).suffix.lower() not in TABLE_SUFFIXES:
        raise InputError(f"{path}: a claims table is .csv or .parquet", fix="e.g. --table claims.parquet")
    return ClaimsTable(path)


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, so readers see all or nothing."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
