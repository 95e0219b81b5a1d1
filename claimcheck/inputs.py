"""Checks on what users hand us, so bad input fails with a sentence, not a traceback."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from claimcheck.errors import InputError

__all__ = [
    "MAX_BYTES",
    "MAX_CHARS",
    "check_text",
    "convert_hint",
    "decode_utf8",
    "read_capped",
    "read_json_file",
    "read_text_file",
    "refuse_outputs_that_are_inputs",
    "text_or_error",
    "utf16_bom",
]

#: Hard limit on one document. Longer texts are chunked by the LLM backend up
#: to this size; past it the input is almost certainly not a news article.
MAX_CHARS = 2_000_000
#: The most bytes read from one file: ``MAX_CHARS`` characters of up to four UTF-8 bytes each.
MAX_BYTES = MAX_CHARS * 4


def check_text(text: object, *, name: str = "text") -> str:
    """Return ``text`` if it is a usable document, else raise :class:`InputError` naming the problem."""
    if not isinstance(text, str):
        raise InputError(f"{name}: expected a str, got {type(text).__name__}", fix="pass the article as a string")
    if not text.strip():
        raise InputError(f"{name}: the text is empty", fix="pass an article with some text in it")
    if "\x00" in text:
        raise InputError(f"{name}: the text contains NUL bytes (binary data?)", fix="pass plain UTF-8 text")
    if len(text) > MAX_CHARS:
        raise InputError(
            f"{name}: the text is {len(text):,} characters, over the limit of {MAX_CHARS:,}",
            fix="split the file into articles",
        )
    return text


def text_or_error(text: object, *, name: str = "text") -> str | InputError:
    """:func:`check_text` for a batch: the text, or its :class:`InputError` in its place, so the batch goes on."""
    try:
        return check_text(text, name=name)
    except InputError as exc:
        return exc


def read_capped(path: str | Path, *, limit: int = MAX_BYTES, what: str = "file") -> bytes:
    """The bytes of ``path`` (``-``: standard input), refusing more than ``limit``.

    Never ``read_bytes()``: a device or pipe (``/dev/zero``, ``<(yes)``) reports
    size 0 and never ends, so at most ``limit + 1`` bytes are ever read.
    """
    name = str(path)
    if name == "-":
        data = sys.stdin.buffer.read(limit + 1)
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{name}: no such {what}", fix="check the path")
        if p.is_dir():
            raise InputError(f"{name}: is a directory", fix=f"pass the {what} inside it")
        try:
            with p.open("rb") as fh:
                data = fh.read(limit + 1)
        except OSError as exc:
            raise InputError(f"{name}: cannot read ({exc.strerror})", fix="check the file's permissions") from None
    if len(data) > limit:
        raise InputError(f"{name}: the {what} is over the limit of {limit:,} bytes", fix="split it into smaller files")
    return data


def read_text_file(path: str | Path) -> str:
    """Read one article from a path (``-`` is standard input) as UTF-8 (or UTF-16 with a BOM), validated."""
    name = str(path)
    data = read_capped(path, what="file")
    text = decode_utf8(data, name, strip_bom=True)
    if "\x00" in text:
        raise InputError(f"{name}: looks like a binary file (NUL bytes)", fix=_NUL_FIX)
    return check_text(text, name=name)


def read_json_file(path: str | Path, *, what: str, fix: str) -> Any:
    """A whole JSON file (a baseline, a results file), as bounded as an article; every problem one line."""
    name, kind = str(path), what.removesuffix(" file")
    try:
        text = decode_utf8(read_capped(path, what=what), name, strip_bom=True)
        return json.loads(text)
    except InputError as exc:
        raise InputError(exc.message, fix=fix) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: not a readable {kind} JSON ({exc.msg} at line {exc.lineno})", fix=fix) from None
    except RecursionError:
        raise InputError(f"{name}: not a readable {kind} JSON (nested too deeply)", fix=fix) from None


_NUL_FIX = "pass a plain-text UTF-8 article (UTF-16 without a byte-order mark: iconv -f UTF-16LE -t UTF-8)"
_BOMS = (("utf-32", (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")), ("utf-16", (b"\xff\xfe", b"\xfe\xff")))


def utf16_bom(data: bytes) -> str | None:
    """``"utf-16"`` or ``"utf-32"`` when ``data`` opens with that encoding's byte-order mark."""
    for encoding, marks in _BOMS:
        if data.startswith(marks):
            return encoding
    return None


def convert_hint(name: str, encoding: str) -> str:
    return f"convert it first: iconv -f {encoding.upper()} -t UTF-8 {name} > {Path(name).stem}.utf8{Path(name).suffix}"


def decode_utf8(data: bytes, name: str, *, strip_bom: bool = False) -> str:
    """Bytes as UTF-8 text, newlines untouched; bad bytes are an :class:`InputError` saying where.

    ``strip_bom`` drops a leading byte-order mark (articles), and reads a file
    that opens with a UTF-16 or UTF-32 one in that encoding. Offset-bearing
    corpora keep a UTF-8 mark, since their offsets count it, and are told how
    to convert a UTF-16 file.
    """
    encoding = utf16_bom(data)
    if encoding is not None:
        if not strip_bom:
            raise InputError(
                f"{name}: is {encoding.upper()} (byte-order mark), not UTF-8", fix=convert_hint(name, encoding)
            )
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{name}: not valid {encoding.upper()} (at byte {exc.start})", fix=convert_hint(name, encoding)
            ) from None
    if b"\x00" in data:
        raise InputError(f"{name}: looks like a binary file (NUL bytes)", fix=_NUL_FIX)
    try:
        return data.decode("utf-8-sig" if strip_bom else "utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
            fix="convert it first, e.g. iconv -f latin1 -t utf-8",
        ) from None


def _same(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False


def refuse_outputs_that_are_inputs(outputs: dict[str, str | Path], inputs: dict[Path, str]) -> None:
    """Refuse to write over a file the run reads (or twice to one file), before anything runs.

    ``outputs`` maps a flag (``--out``) to its path; ``inputs`` maps each input
    path to what it is ("the gold file"). A folder among the inputs protects
    everything inside it.
    """
    seen: dict[Path, str] = {}
    for flag, out in outputs.items():
        target = Path(out).resolve()
        for src, what in inputs.items():
            source = src.resolve()
            if target == source or _same(target, source) or (source.is_dir() and target.is_relative_to(source)):
                where = what if target == source or _same(target, source) else f"inside {what}"
                raise InputError(f"{flag} {out} is {where}, an input of this run", fix="write the output elsewhere")
        if target in seen:
            raise InputError(
                f"{seen[target]} and {flag} are the same file ({out})", fix="give each output its own path"
            )
        seen[target] = flag
