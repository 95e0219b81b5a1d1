"""Checks on what users hand us, so bad input fails with a sentence, not a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

from claimcheck.errors import InputError

__all__ = ["MAX_BYTES", "MAX_CHARS", "check_text", "decode_utf8", "read_text_file"]

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


def read_text_file(path: str | Path) -> str:
    """Read one article from a path (``-`` is standard input) as UTF-8, validated."""
    name = str(path)
    if name == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{name}: no such file", fix="check the path")
        if p.is_dir():
            raise InputError(f"{name}: is a directory", fix="pass the article files inside it")
        try:
            # capped, not read_bytes(): a device or pipe (/dev/zero, <(yes)) reports size 0 and never ends
            with p.open("rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        except OSError as exc:
            raise InputError(f"{name}: cannot read ({exc.strerror})", fix="check the file's permissions") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: the file is over the limit of {MAX_BYTES:,} bytes", fix="split it into articles")
    if b"\x00" in data:
        raise InputError(f"{name}: looks like a binary file (NUL bytes)", fix="pass a plain-text UTF-8 article")
    return check_text(decode_utf8(data, name, strip_bom=True), name=name)


def decode_utf8(data: bytes, name: str, *, strip_bom: bool = False) -> str:
    """Bytes as UTF-8 text, newlines untouched; bad bytes are an :class:`InputError` saying where.

    ``strip_bom`` drops a leading byte-order mark (articles); offset-bearing
    corpora keep it, since their offsets count it.
    """
    try:
        return data.decode("utf-8-sig" if strip_bom else "utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
            fix="convert it first, e.g. iconv -f latin1 -t utf-8",
        ) from None
