"""Where documents come from: article files, folders, standard input, and JSONL/CSV/Parquet corpora.

An archive is read lazily, one record at a time, so memory stays flat whatever
its size. A bad record is yielded as that record's :class:`InputError` (with
its id) instead of stopping the read: one empty text in a million-row corpus
must not sink the other rows. HTML files are articles too: their main text is
extracted with trafilatura, and that text is what the offsets refer to.
"""

from __future__ import annotations

import csv
import fnmatch
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimcheck.errors import ClaimcheckError, ConfigError, InputError
from claimcheck.inputs import MAX_BYTES, MAX_CHARS, check_text, decode_utf8, read_capped, read_text_file, text_or_error

__all__ = [
    "ARCHIVES_EXTRA",
    "CORPUS_SUFFIXES",
    "HTML_SUFFIXES",
    "Corpus",
    "Item",
    "Unique",
    "html_article_text",
    "need_pyarrow",
]

#: One document as read: its id and its text, or the error that stands in the text's place.
Item = tuple[str, "str | ClaimcheckError"]

JSONL_SUFFIXES = (".jsonl", ".ndjson")
CORPUS_SUFFIXES = (*JSONL_SUFFIXES, ".csv", ".parquet")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
#: What a folder is searched for when no --glob is given.
DEFAULT_PATTERNS = ("*.txt", "*.text", *(f"*{s}" for s in HTML_SUFFIXES), *(f"*{s}" for s in CORPUS_SUFFIXES))
#: The pip extra that brings pyarrow (Parquet) and Dask distributed.
ARCHIVES_EXTRA = "pip install 'claimcheck[archives]' (or: pip install pyarrow)"
_PARQUET_BATCH = 256


def need_pyarrow(what: str) -> Any:
    """``pyarrow.parquet``, or a :class:`ConfigError` saying how to install it."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError(f"{what} needs pyarrow, which is not installed", fix=ARCHIVES_EXTRA) from None
    return pq


def html_article_text(data: bytes, name: str) -> str:
    """The article's main text as trafilatura finds it (boilerplate, menus, comments and tables left out).

    trafilatura detects the page's encoding itself; a page with no main text is
    an :class:`InputError` for that page alone.
    """
    import trafilatura

    text = trafilatura.extract(
        data,
        output_format="txt",
        include_comments=False,  # readers' comments are not the story
        include_tables=False,  # tables are data, not attributed prose
        include_images=False,
        include_links=False,
        with_metadata=False,
        deduplicate=False,
    )
    if not text or not text.strip():
        raise InputError(f"{name}: no article text found in the HTML", fix="check that the page holds an article")
    return check_text(text, name=name)


@dataclass(frozen=True)
class Corpus:
    """The documents named on a command line, read lazily in a fixed order.

    ``inputs`` are article files (text or HTML), folders (searched recursively
    for ``glob``, or for every suffix we read), corpora (``.jsonl``/``.ndjson``,
    ``.csv``, ``.parquet``; one document per record, ``id_field`` and
    ``text_field`` naming the columns) and ``-`` for one article on standard input.

    Every text it yields has passed :func:`~claimcheck.inputs.check_text`: it
    is where the CLI's input is validated, once, so the CLI hands the texts on
    to :func:`~claimcheck.api.extract_validated` and
    :func:`~claimcheck.streaming.iter_indexed`, which do not check again.
    """

    inputs: Sequence[str]
    glob: str | None = None
    id_field: str = "id"
    text_field: str = "text"

    def __iter__(self) -> Iterator[Item]:
        for name in self.inputs:
            yield from self._input(name)

    # -- what a name stands for ----------------------------------------------------

    def files(self) -> Iterator[str]:
        """Every file the inputs name, folders expanded (sorted, hidden entries skipped)."""
        for name in self.inputs:
            path = Path(name)
            if name != "-" and path.is_dir():
                yield from self._folder(path)
            else:
                yield name

    def _folder(self, folder: Path) -> Iterator[str]:
        patterns = (self.glob,) if self.glob else DEFAULT_PATTERNS
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for n in sorted(names):
                if n.startswith("."):
                    continue
                rel = os.path.relpath(os.path.join(root, n), folder)
                if any(fnmatch.fnmatch(n, p) or fnmatch.fnmatch(rel, p) for p in patterns):
                    yield os.path.join(root, n)

    def _input(self, name: str) -> Iterator[Item]:
        path = Path(name)
        if name != "-" and path.is_dir():
            found = False
            for file in self._folder(path):
                found = True
                yield from self._file(file)
            if not found:
                what = f"matching {self.glob!r}" if self.glob else "with a suffix claimcheck reads"
                yield name, InputError(f"{name}: no files {what} in this folder", fix="check the path or --glob")
            return
        yield from self._file(name)

    def _file(self, name: str) -> Iterator[Item]:
        suffix = Path(name).suffix.lower()
        try:
            if name == "-":
                yield name, read_text_file("-")
            elif not Path(name).exists():
                yield name, InputError(f"{name}: no such file", fix="check the path")
            elif suffix in JSONL_SUFFIXES:
                yield from self._jsonl(name)
            elif suffix == ".csv":
                yield from self._csv(name)
            elif suffix == ".parquet":
                yield from self._parquet(name)
            elif suffix in HTML_SUFFIXES:
                yield name, html_article_text(read_capped(name, what="HTML page"), name)
            else:
                yield name, read_text_file(name)
        except ClaimcheckError as exc:
            yield name, exc

    # -- corpora -------------------------------------------------------------------

    def _record(self, where: str, record: object) -> Item:
        """One record's id and text, or an error naming the record and the field."""
        if not isinstance(record, dict):
            kind = type(record).__name__
            return where, InputError(f"{where}: a record must be an object, got {kind}", fix="one object per line")
        doc_id = record.get(self.id_field)
        if doc_id is None or (isinstance(doc_id, str) and not doc_id.strip()):
            fix = f"give every record an {self.id_field!r}, or name the id column with --id-field"
            return where, InputError(f"{where}: the record has no {self.id_field!r}", fix=fix)
        doc_id = str(doc_id)
        text = record.get(self.text_field)
        if text is None:
            fix = f"give the record a {self.text_field!r}, or name the text column with --text-field"
            return doc_id, InputError(f"{doc_id}: the record has no {self.text_field!r}", fix=fix)
        if not isinstance(text, str):
            kind = type(text).__name__
            return doc_id, InputError(f"{doc_id}: {self.text_field!r} is a {kind}, not text", fix="store it as text")
        if not text.strip():
            return doc_id, InputError(f"{doc_id}: the text is empty", fix="drop the record or fill its text")
        return doc_id, text_or_error(text, name=doc_id)

    def _jsonl(self, name: str) -> Iterator[Item]:
        try:
            fh = open(name, "rb")  # noqa: SIM115 - closed below, after the generator is done
        except OSError as exc:
            raise InputError(f"{name}: cannot read ({exc.strerror})", fix="check the file's permissions") from None
        with fh:
            number = 0
            while True:
                line = fh.readline(MAX_BYTES + 1)
                if not line:
                    return
                number += 1
                where = f"{name}:{number}"
                if len(line) > MAX_BYTES and not line.endswith(b"\n"):
                    while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                        pass  # skip the rest of an over-long line without holding it
                    yield where, InputError(f"{where}: the line is over {MAX_BYTES:,} bytes", fix="split the record")
                    continue
                if not line.strip():
                    continue
                try:
                    record = json.loads(decode_utf8(line, where, strip_bom=number == 1))
                except ClaimcheckError as exc:
                    yield where, exc
                    continue
                except (ValueError, RecursionError) as exc:
                    msg = exc.msg if isinstance(exc, json.JSONDecodeError) else type(exc).__name__
                    yield where, InputError(f"{where}: not valid JSON ({msg})", fix="one JSON object per line")
                    continue
                yield self._record(where, record)

    def _csv(self, name: str) -> Iterator[Item]:
        csv.field_size_limit(MAX_CHARS)
        try:
            fh = open(name, encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise InputError(f"{name}: cannot read ({exc.strerror})", fix="check the file's permissions") from None
        with fh:
            reader = csv.DictReader(fh)
            try:
                header = reader.fieldnames or []
                self._check_columns(name, header)
                for record in reader:
                    yield self._record(f"{name}:{reader.line_num}", record)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name}: not valid UTF-8 (byte 0x{exc.object[exc.start]:02x})",
                    fix="convert it first, e.g. iconv -f latin1 -t utf-8",
                ) from None
            except csv.Error as exc:
                raise InputError(f"{name}:{reader.line_num}: not valid CSV ({exc})", fix="check its quoting") from None

    def _parquet(self, name: str) -> Iterator[Item]:
        pq = need_pyarrow("reading Parquet")
        try:
            pf = pq.ParquetFile(name)
        except Exception as exc:  # pyarrow raises its own ArrowInvalid/OSError kinds
            raise InputError(f"{name}: not a readable Parquet file ({exc})", fix="check the file") from None
        self._check_columns(name, pf.schema_arrow.names)
        row = 0
        for batch in pf.iter_batches(batch_size=_PARQUET_BATCH, columns=[self.id_field, self.text_field]):
            for record in batch.to_pylist():
                row += 1
                yield self._record(f"{name}:row {row}", record)

    def _check_columns(self, name: str, columns: Sequence[str]) -> None:
        for field, flag in ((self.id_field, "--id-field"), (self.text_field, "--text-field")):
            if field not in columns:
                have = ", ".join(columns) or "none"
                raise InputError(f"{name}: no column {field!r} (columns: {have})", fix=f"name the column with {flag}")

    # -- counting, for progress ----------------------------------------------------

    def estimate(self) -> int | None:
        """How many documents there are, when that is cheap to know (None for CSV, whose rows can span lines)."""
        total = 0
        for name in self.files():
            suffix = Path(name).suffix.lower()
            try:
                if suffix in JSONL_SUFFIXES:
                    total += _count_lines(name)
                elif suffix == ".parquet":
                    total += need_pyarrow("reading Parquet").ParquetFile(name).metadata.num_rows
                elif suffix == ".csv":
                    return None
                else:
                    total += 1
            except (OSError, ClaimcheckError, ValueError):
                total += 1  # its error is one item
            except Exception:  # a broken Parquet footer: its error is one item
                total += 1
        return total


class Unique:
    """Items minus the ids already done; a second record with a used id is an error, since resuming goes by id."""

    def __init__(self, items: Iterable[Item], done: set[str]) -> None:
        self.items = items
        self.done = set(done)
        self.skipped = 0

    def __iter__(self) -> Iterator[Item]:
        seen = set(self.done)
        for doc_id, text in self.items:
            if doc_id in self.done:
                self.done.discard(doc_id)  # a later record with this id is a duplicate
                self.skipped += 1
                continue
            if doc_id in seen and not isinstance(text, ClaimcheckError):
                fix = "give every document its own id"
                yield doc_id, InputError(f"{doc_id}: a second document with this id", fix=fix)
                continue
            seen.add(doc_id)
            yield doc_id, text


def _count_lines(name: str) -> int:
    """Lines, counted in 1 MiB blocks without decoding (blank lines count too: it is an estimate)."""
    count, last = 0, b"\n"
    with open(name, "rb") as fh:
        while block := fh.read(1 << 20):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")
