"""Extraction on a Dask ``distributed`` cluster: partitions of documents, one backend per worker, part files.

The client reads the corpus and hands it out in partitions, a bounded number
at a time. Each worker builds its backend once (a :class:`BackendPlugin`:
the spaCy pipeline or the LLM client lives as long as the worker) and writes
each partition's results itself, as ``part-NNNNN.jsonl`` (spec lines, as the
local engine writes them) beside ``part-NNNNN.errors.jsonl`` and, with a
table, ``TABLE/part-NNNNN.parquet`` or ``.csv``; only counts come back to the
client. A part file is written through a temporary file and renamed, so a
worker that dies mid-partition leaves nothing behind: the scheduler runs the
partition again elsewhere and the rerun writes the same file once. A resumed
run skips the ids already in part files, so a killed client loses only the
partitions in flight. Workers must see ``out_dir`` at the same path (a shared
filesystem on a real cluster).
"""

# distributed's Client, LocalCluster and as_completed carry no annotations
# mypy: disable-error-code="no-untyped-call"
from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker

from claimcheck.backends import Backend, get_backend
from claimcheck.corpus import Item, Unique
from claimcheck.errors import BackendError, ClaimcheckError, ConfigError
from claimcheck.inputs import text_or_error
from claimcheck.progress import RunStats
from claimcheck.schema import Extraction
from claimcheck.sinks import (
    TABLE_COLUMNS,
    TABLE_SUFFIXES,
    archive_line,
    claim_rows,
    done_ids,
    error_record,
    parquet_schema,
    write_atomic,
)

__all__ = ["PLUGIN_NAME", "BackendPlugin", "extract_partition", "run_on_dask"]

PLUGIN_NAME = "claimcheck-backend"
_PART = re.compile(r"^part-(\d{5,})\.jsonl$")


class BackendPlugin(WorkerPlugin):
    """Builds the backend once per worker process (and again on a worker that replaces a dead one).

    Its name carries the backend's name and options, and it is idempotent, so
    a second run with the same backend on a long-lived cluster reuses the
    loaded pipeline while a run with other options gets its own.
    """

    idempotent = True

    def __init__(self, backend: str, options: dict[str, Any]) -> None:
        self.backend_name = backend
        self.options = dict(options)
        self.backend: Backend | None = None
        digest = hashlib.sha256(json.dumps([backend, self.options], sort_keys=True, default=str).encode()).hexdigest()
        self.name = f"{PLUGIN_NAME}-{digest[:12]}"

    def build(self) -> Backend:
        backend = get_backend(self.backend_name, **self.options)
        _ = getattr(backend, "nlp", None)  # the rules backend loads its pipeline now, not in the first task
        return backend

    def setup(self, worker: Any) -> None:
        self.backend = self.build()


def _worker_backend(plugin_name: str) -> Backend:
    plugin = get_worker().plugins.get(plugin_name)
    if not isinstance(plugin, BackendPlugin):
        raise ConfigError("this Dask worker has no claimcheck backend", fix="run through claimcheck's dask engine")
    if plugin.backend is None:
        plugin.backend = plugin.build()
    return plugin.backend


def part_name(number: int) -> str:
    return f"part-{number:05d}"


def _table_bytes(rows: list[dict[str, object]], kind: str) -> bytes:
    if kind == ".parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        sink = pa.BufferOutputStream()
        pq.write_table(pa.Table.from_pylist(rows, schema=parquet_schema()), sink)
        return bytes(sink.getvalue().to_pybytes())
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=[name for name, _ in TABLE_COLUMNS])
    writer.writeheader()
    writer.writerows(rows)
    return text.getvalue().encode("utf-8")


def extract_partition(
    plugin_name: str,
    number: int,
    docs: list[tuple[str, str]],
    failed: list[dict[str, Any]],
    out_dir: str,
    table_dir: str | None = None,
) -> dict[str, int]:
    """Runs on a worker: extract one partition and write its part files; returns only its counts."""
    results = _worker_backend(plugin_name).extract_many(docs) if docs else []
    stats = RunStats()
    lines: list[str] = []
    errors = list(failed)
    rows: list[dict[str, object]] = []
    for (doc_id, _), result in zip(docs, results, strict=True):
        stats.add(result)
        if isinstance(result, Extraction):
            lines.append(archive_line(result))
            rows.extend(claim_rows(result))
        else:
            errors.append(error_record(doc_id, result))
    stats.documents += len(failed)
    stats.errors += len(failed)
    name = part_name(number)
    if table_dir is not None:
        kind = Path(table_dir).suffix.lower()
        write_atomic(Path(table_dir) / f"{name}{kind}", _table_bytes(rows, kind))
    if errors:
        write_atomic(Path(out_dir) / f"{name}.errors.jsonl", "".join(_json_line(e) for e in errors).encode())
    # Written last: a partition is done when its JSONL part exists.
    write_atomic(Path(out_dir) / f"{name}.jsonl", "".join(line + "\n" for line in lines).encode("utf-8"))
    return stats.counts()


def _json_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


def _parts(out: Path) -> dict[int, Path]:
    return {int(m.group(1)): p for p in out.iterdir() if (m := _PART.match(p.name))}


def _prepare(out: Path, table_dir: Path | None, resume: bool) -> tuple[set[str], int]:
    """The ids already done and the next part number; leftovers of unfinished partitions are removed."""
    out.mkdir(parents=True, exist_ok=True)
    if table_dir is not None:
        table_dir.mkdir(parents=True, exist_ok=True)
    parts = _parts(out)
    if parts and not resume:
        raise ConfigError(
            f"{out} already holds part files", fix="add --resume to finish that run, or pick another --out"
        )
    done: set[str] = set()
    for path in parts.values():
        done |= done_ids(path)
    finished = {part_name(n) for n in parts}
    folders = [out] if table_dir is None else [out, table_dir]
    for folder in folders:
        for p in folder.iterdir():
            stem = p.name.split(".", 1)[0]
            leftover = p.name.startswith(".part-") and p.name.endswith(".tmp")
            # Errors are retried on a resume; a table part without its JSONL part is from an unfinished partition.
            if leftover or p.name.endswith(".errors.jsonl") or (folder is table_dir and stem not in finished):
                p.unlink()
    return done, max(parts, default=-1) + 1


@contextlib.contextmanager
def _connect(client: Client | None, scheduler: str | None, n_workers: int | None) -> Iterator[Client]:
    if client is not None:
        yield client
        return
    if scheduler:
        with Client(scheduler) as remote:
            yield remote
        return
    # processes, one thread each: the parse holds the GIL; loopback only, no dashboard
    with (
        LocalCluster(
            n_workers=n_workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as local,
    ):
        yield local


def _partitions(items: Iterable[Item], size: int) -> Iterator[tuple[list[tuple[str, str]], list[dict[str, Any]]]]:
    docs: list[tuple[str, str]] = []
    failed: list[dict[str, Any]] = []
    for doc_id, item in items:
        text = _valid(doc_id, item)
        if isinstance(text, ClaimcheckError):
            failed.append(error_record(doc_id, text))
        else:
            docs.append((doc_id, text))
        if len(docs) + len(failed) >= size:
            yield docs, failed
            docs, failed = [], []
    if docs or failed:
        yield docs, failed


def _valid(doc_id: str, text: str | ClaimcheckError) -> str | ClaimcheckError:
    """The text, or why it cannot be extracted (checked here, at the edge: the backend trusts it)."""
    return text if isinstance(text, ClaimcheckError) else text_or_error(text, name=doc_id)


def run_on_dask(
    docs: Iterable[Item],
    out_dir: str | Path,
    *,
    backend: str = "rules",
    options: dict[str, Any] | None = None,
    client: Client | None = None,
    scheduler: str | None = None,
    n_workers: int | None = None,
    partition_size: int = 200,
    table: str | Path | None = None,
    resume: bool = False,
    on_partition: Callable[[dict[str, int]], None] | None = None,
) -> RunStats:
    """Extract ``docs`` (``(id, text)`` pairs) on a Dask cluster into part files under ``out_dir``.

    The cluster is ``client``, else the scheduler at ``scheduler``
    (``tcp://host:8786``), else a ``LocalCluster`` of ``n_workers`` processes
    on this machine. ``table`` (``claims.parquet`` or ``claims.csv``) is a
    folder of claims-table parts, one per partition. ``resume`` skips the ids
    already written. Returns the summed counts; ``on_partition`` sees each
    partition's counts as it finishes.
    """
    if isinstance(partition_size, bool) or not isinstance(partition_size, int) or partition_size < 1:
        raise ConfigError(f"partition size must be 1 or more, got {partition_size!r}", fix="e.g. 200")
    out = Path(out_dir).resolve()
    table_dir = Path(table).resolve() if table is not None else None
    if table_dir is not None and table_dir.suffix.lower() not in TABLE_SUFFIXES:
        raise ConfigError(f"{table}: a claims table is .csv or .parquet", fix="e.g. --table claims.parquet")
    done, number = _prepare(out, table_dir, resume)
    unique = Unique(docs, done)
    stats = RunStats()
    with _connect(client, scheduler, n_workers) as c:
        plugin = BackendPlugin(backend, options or {})
        c.register_plugin(plugin, name=plugin.name)
        window = 2 * max(1, sum(c.nthreads().values()))
        running = as_completed()
        tag = uuid.uuid4().hex[:8]

        def finish(future: Any) -> None:
            try:
                counts = future.result()
            except ClaimcheckError:
                raise
            except Exception as exc:  # KilledWorker after repeated deaths, a worker's bug
                raise BackendError(
                    f"a Dask partition failed ({type(exc).__name__}: {exc})",
                    fix="check the workers' logs; run again with --resume to keep what is done",
                ) from exc
            stats.merge(counts)
            if on_partition is not None:
                on_partition(counts)

        for part_docs, failed in _partitions(unique, partition_size):
            future = c.submit(
                extract_partition,
                plugin.name,
                number,
                part_docs,
                failed,
                str(out),
                str(table_dir) if table_dir is not None else None,
                key=f"claimcheck-{part_name(number)}-{tag}",
                pure=False,
            )
            running.add(future)
            number += 1
            while running.count() >= window:
                finish(next(running))
        for future in running:
            finish(future)
    stats.skipped = unique.skipped
    return stats
