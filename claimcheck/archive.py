"""``claimcheck extract`` over an archive: a corpus in, each result streamed out, resumable and interruptible.

With ``--out`` every finished document is on disk at once (a whole JSONL
line), its errors in their own JSONL and its claims in an optional flat table;
``--resume`` skips the ids already written, so a run killed by any signal
finishes where it stopped and ends with the same set of lines as a run that
never stopped. Ctrl-C or SIGTERM stops cleanly after the documents in hand
(:mod:`claimcheck.interrupts`): it says how many are done and exits 130.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from claimcheck.api import Cache
from claimcheck.backends import Backend
from claimcheck.corpus import ARCHIVES_EXTRA, Corpus, Item, Unique
from claimcheck.errors import ClaimcheckError, ConfigError
from claimcheck.inputs import refuse_outputs_that_are_inputs
from claimcheck.interrupts import deferred_interrupts, interruptible
from claimcheck.plurals import plural
from claimcheck.progress import BatchProgress, RunStats
from claimcheck.schema import Extraction
from claimcheck.sinks import (
    ClaimsTable,
    JsonlSink,
    archive_line,
    done_ids,
    error_record,
    iter_extractions,
    open_table,
)
from claimcheck.streaming import iter_indexed

__all__ = [
    "EXIT_INTERRUPTED",
    "add_archive_options",
    "add_input_options",
    "corpus_from_args",
    "read_corpus",
    "run_extract",
]

EXIT_INTERRUPTED = 130
Show = Callable[[list[Extraction]], None]
Report = Callable[[Sequence[tuple[str, ClaimcheckError]]], None]


def add_input_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("inputs (files, folders, - for stdin, .jsonl/.csv/.parquet corpora, .html pages)")
    g.add_argument("--glob", help="files to take from folders, e.g. '*.txt' (default: every suffix claimcheck reads)")
    g.add_argument("--id-field", default="id", help="a corpus's id column (default id)")
    g.add_argument("--text-field", default="text", help="a corpus's text column (default text)")


def add_archive_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("archives")
    g.add_argument("--out", help="write each result here as soon as it is done (spec JSONL; a folder with dask)")
    g.add_argument("--errors", help="failed documents' id, error and fix as JSONL (default OUT.errors.jsonl)")
    g.add_argument("--table", help="also a flat claims table, one row per claim: FILE.csv or FILE.parquet")
    g.add_argument("--resume", action="store_true", help="skip the documents already in --out, append the rest")
    g.add_argument("--quiet", action="store_true", help="no progress bar and no closing summary")
    g.add_argument("--engine", choices=["local", "dask"], default="local", help="where to run (default local)")
    g.add_argument("--scheduler", help="a Dask scheduler address, e.g. tcp://HOST:8786 (default: a local cluster)")
    g.add_argument("--partition-size", type=int, default=200, help="documents per Dask partition (default 200)")


def corpus_from_args(args: argparse.Namespace) -> Corpus:
    """The inputs as named on the command line (commands without the input options read plain paths)."""
    return Corpus(
        args.files,
        glob=getattr(args, "glob", None),
        id_field=getattr(args, "id_field", "id"),
        text_field=getattr(args, "text_field", "text"),
    )


def read_corpus(args: argparse.Namespace) -> tuple[list[tuple[str, str]], list[tuple[str, ClaimcheckError]]]:
    """Every document of the inputs in memory (for ``check``, which reads a handful of stories); bad ones apart."""
    docs: list[tuple[str, str]] = []
    bad: list[tuple[str, ClaimcheckError]] = []
    for doc_id, text in corpus_from_args(args):
        if isinstance(text, ClaimcheckError):
            bad.append((doc_id, text))
        else:
            docs.append((doc_id, text))
    return docs, bad


def errors_path_for(out: str | Path) -> Path:
    """``results.jsonl`` → ``results.errors.jsonl``."""
    p = Path(out)
    return p.with_name(f"{p.stem if p.suffix else p.name}.errors.jsonl")


class _Outputs:
    """The ``--out`` JSONL, its errors file and the optional table, opened together and closed together."""

    def __init__(self, args: argparse.Namespace, corpus: Corpus) -> None:
        self.out = Path(args.out)
        self.errors_path = Path(args.errors) if args.errors else errors_path_for(self.out)
        table_path = Path(args.table) if args.table else None
        named = {"--out": self.out, "--errors": self.errors_path, "--table": table_path}
        inputs = {Path(n): f"the input {n}" for n in corpus.inputs if n != "-"}
        refuse_outputs_that_are_inputs({flag: p for flag, p in named.items() if p is not None}, inputs)
        if not args.resume and self.out.exists() and self.out.stat().st_size > 0:
            raise ConfigError(
                f"{self.out} already holds results",
                fix="add --resume to finish that run, or remove the file (or pick another --out)",
            )
        self.done = done_ids(self.out) if args.resume else set()
        self.table: ClaimsTable | None = None
        self.sink = JsonlSink(self.out, append=args.resume)
        # Errors are retried on a resume, so the errors file starts afresh and ends as a one-shot run's would.
        self.errors = JsonlSink(self.errors_path, append=False)
        if table_path is not None:
            self.table = open_table(table_path)
            if args.resume:  # the table is rebuilt from what is done, then grows with the rest
                for ext in iter_extractions(self.out):
                    self.table.add(ext)

    def write(self, doc_id: str, result: Extraction | ClaimcheckError) -> None:
        if isinstance(result, Extraction):
            self.sink.write(archive_line(result))
            if self.table is not None:
                self.table.add(result)
        else:
            self.errors.write_record(error_record(doc_id, result))

    def close(self) -> None:
        self.sink.close()
        self.errors.close()
        if self.table is not None:
            self.table.close()


BackendSpec = tuple[str, dict[str, Any]]


def _closing(args: argparse.Namespace, stats: RunStats, errors_in: Path | None) -> None:
    """Where the failures are, then the summary (always with --out; otherwise on a terminal only)."""
    if errors_in is not None and stats.errors:
        print(f"claimcheck: {plural(stats.errors, 'document')} failed: see {errors_in}", file=sys.stderr)
    if not args.quiet and (args.out or sys.stderr.isatty()):
        print(f"claimcheck: {stats.summary(errors_in=str(errors_in) if errors_in else None)}", file=sys.stderr)


def _interrupted(stats: RunStats, out: Path | None) -> int:
    failed = f", {stats.errors} of them failed" if stats.errors else ""
    where = f"in {out}; run again with --resume to do the rest" if out else "their results are cached"
    done = plural(stats.documents, "document")
    print(f"claimcheck: interrupted: {done} finished{failed} ({where})", file=sys.stderr)
    return EXIT_INTERRUPTED


def run_extract(
    args: argparse.Namespace,
    spec: BackendSpec,
    make_backend: Callable[[], Backend],
    cache: Cache | None,
    show: Show,
    report: Report,
) -> int:
    """The ``extract`` command: returns 0, 2 when any document failed, 130 when interrupted.

    ``spec`` (the backend's name and options) is what Dask workers build their
    backend from; ``make_backend`` builds it here.
    """
    if args.resume and not args.out:
        raise ConfigError("--resume needs --out", fix="pass the --out file of the run to finish")
    if (args.errors or args.table) and not args.out:
        raise ConfigError("--errors and --table go with --out", fix="add --out results.jsonl")
    if args.engine == "dask":
        return _run_dask(args, spec)
    if args.scheduler:
        raise ConfigError("--scheduler goes with --engine dask", fix="add --engine dask")
    backend = make_backend()
    corpus = corpus_from_args(args)
    outputs = _Outputs(args, corpus) if args.out else None
    stats = RunStats()
    interactive = sys.stderr.isatty() and not args.quiet
    good: list[Extraction] = []
    bad: list[tuple[str, ClaimcheckError]] = []
    stream_stdout = outputs is None and args.format == "jsonl"
    items: Iterable[Item] = corpus
    if outputs is not None:
        items = unique = Unique(corpus, outputs.done)
    total = corpus.estimate() if interactive else None
    if total is not None and outputs is not None:
        total = max(0, total - len(outputs.done))
    try:
        with deferred_interrupts(), BatchProgress(total, enabled=interactive) as bar:
            # the corpus validated every text it read: iter_indexed does not check them again
            results = iter_indexed(items, backend, concurrency=args.concurrency, cache=cache, ordered=outputs is None)
            for _, doc_id, result in results:
                bar.advance(stats.add(result))
                if outputs is not None:
                    outputs.write(doc_id, result)
                elif isinstance(result, Extraction):
                    if stream_stdout:
                        print(result.to_jsonl(), flush=True)
                    else:
                        good.append(result)
                else:
                    bad.append((doc_id, result))
    except KeyboardInterrupt:
        return _interrupted(stats, outputs.out if outputs else None)
    finally:
        if outputs is not None:
            outputs.close()
    if outputs is None:
        if not stream_stdout:
            show(good)
        report(bad)
    else:
        stats.skipped = unique.skipped
    _closing(args, stats, outputs.errors_path if outputs else None)
    return 2 if stats.errors else 0


def _run_dask(args: argparse.Namespace, spec: BackendSpec) -> int:
    """``--engine dask``: part files in the ``--out`` folder, written by the workers."""
    try:
        from claimcheck.engines.dask import run_on_dask
    except ImportError:
        raise ConfigError("--engine dask needs Dask distributed, which is not installed", fix=ARCHIVES_EXTRA) from None
    if not args.out:
        raise ConfigError("--engine dask writes part files", fix="add --out FOLDER")
    if args.errors:
        raise ConfigError("with --engine dask errors go beside the parts", fix="drop --errors")
    name, options = spec[0], dict(spec[1])
    n_workers = options.pop("workers", None) if name == "rules" else None
    if n_workers is not None and args.scheduler:
        raise ConfigError("--workers sizes the local cluster", fix="size a --scheduler's cluster where it runs")
    if args.partition_size < 1:
        raise ConfigError("--partition-size must be 1 or more", fix="e.g. 200")
    corpus = corpus_from_args(args)
    interactive = sys.stderr.isatty() and not args.quiet
    stats = RunStats()
    total = corpus.estimate() if interactive else None
    try:
        # The documents are done on the cluster and this process only waits for them: a signal may stop it at once.
        with deferred_interrupts(), interruptible(), BatchProgress(total, enabled=interactive) as bar:

            def partition_done(counts: dict[str, int]) -> None:
                stats.merge(counts)
                bar.advance(counts["words"], counts["documents"])

            done = run_on_dask(
                corpus,
                args.out,
                backend=name,
                options=options,
                scheduler=args.scheduler,
                n_workers=n_workers,
                partition_size=args.partition_size,
                table=args.table,
                resume=args.resume,
                on_partition=partition_done,
            )
    except KeyboardInterrupt:
        return _interrupted(stats, Path(args.out))
    done.started = stats.started
    _closing(args, done, Path(args.out))
    return 2 if done.errors else 0
