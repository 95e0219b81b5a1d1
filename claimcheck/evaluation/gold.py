"""Read gold labels: spec JSONL files (claims-spec.md section 3), or a BRAT corpus folder via :mod:`.brat`.

Gold is read strictly, because a silently wrong label skews every figure
computed from it: each problem is an :class:`InputError` naming the file and
line. BRAT standoff corpora laid out as ``text/`` + ``attributions/`` (PolNeAR,
PARC-style Source/Cue/Content relations) load as ``scope="attributed"``
documents, so the same harness scores them.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from claimcheck.errors import InputError
from claimcheck.inputs import MAX_BYTES, check_text, convert_hint, decode_utf8, read_capped, read_text_file, utf16_bom
from claimcheck.schema import HEDGE_KINDS, QUOTE_TYPES, SOURCE_TYPES, Claim

__all__ = ["REQUIRED_CLAIM_FIELDS", "SCOPES", "GoldDoc", "GoldLine", "load_gold", "load_gold_jsonl", "read_utf8"]

#: Every gold claim spells these out, ``null`` included, so a forgotten field is caught, not defaulted.
REQUIRED_CLAIM_FIELDS: tuple[str, ...] = ("claim", "source", "source_name", "source_type", "cue", "quote", "hedges")
SCOPES: tuple[str, ...] = ("all", "attributed")
_OFFSET_FIELDS = (("start", "end", "claim"), ("source_start", "source_end", "source"), ("cue_start", "cue_end", "cue"))


@dataclass
class GoldDoc:
    """One gold document: its text, its claims, and which split and scope it belongs to."""

    id: str
    text: str
    claims: list[Claim] = field(default_factory=list)
    split: str | None = None
    scope: str | None = None
    #: The file the text was read from, when it was not inline (so outputs can refuse to overwrite it).
    path: Path | None = None


#: One gold line holds a whole article JSON-escaped (up to 6 bytes a character) and its labels.
MAX_LINE_BYTES = 4 * MAX_BYTES


def load_gold(path: str | Path, *, allow_outside_paths: bool = False) -> list[GoldDoc]:
    """Gold from a spec JSONL file, or from a BRAT corpus folder (``text/`` + ``attributions/``).

    A JSONL line's ``path`` must stay inside the gold file's folder unless
    ``allow_outside_paths``: a gold file from elsewhere must not read (and show
    in a report) ``../../etc/passwd``.
    """
    p = Path(path)
    if not p.exists():
        raise InputError(
            f"{p}: no such gold file or folder", fix="pass --gold evals/gold.jsonl or a BRAT corpus folder"
        )
    if p.is_dir():
        from claimcheck.evaluation.brat import load_brat  # brat reads GoldDoc from here

        return load_brat(p)
    return load_gold_jsonl(p, allow_outside_paths=allow_outside_paths)


def read_utf8(path: Path) -> str:
    """A gold or corpus file as UTF-8, newlines untouched, no bigger than an article.

    Not ``Path.read_text``: its newline translation turns ``\\r\\n`` into ``\\n``
    and shifts every BRAT offset after the first line of a CRLF file.
    """
    return decode_utf8(read_capped(path), str(path))


def _json_line(raw: bytes, at: GoldLine) -> Any:
    """One JSONL line parsed; split on ``\\n`` only, so U+2028 or U+0085 inside a string is just a character."""
    if b"\x00" in raw:
        raise at.fail("looks like binary data (NUL bytes)", fix="pass a UTF-8 JSONL gold file")
    line = decode_utf8(raw, at.where)
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise at.fail(f"invalid JSON ({exc.msg} at column {exc.colno})", fix="one JSON object per line") from None
    except RecursionError:
        raise at.fail("JSON nested too deeply to be a gold document", fix="one flat JSON object per line") from None


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """Numbered raw lines, read one at a time and each capped (``/dev/zero`` fails on line 1, not at 24 GB)."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})", fix="check the path and its permissions") from None
    with fh:
        lineno = 0
        while True:
            try:
                raw = fh.readline(MAX_LINE_BYTES + 1)
            except OSError as exc:
                raise InputError(f"{path}: cannot read ({exc.strerror})", fix="check the file") from None
            if not raw:
                return
            lineno += 1
            if lineno == 1:
                encoding = utf16_bom(raw)
                if encoding is not None:
                    raise InputError(
                        f"{path}: is {encoding.upper()} (byte-order mark), not UTF-8",
                        fix=convert_hint(str(path), encoding),
                    )
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if len(raw) > MAX_LINE_BYTES:
                if b"\x00" in raw:
                    raise InputError(
                        f"{path}: looks like a binary file (NUL bytes)", fix="pass a UTF-8 JSONL gold file"
                    )
                raise InputError(
                    f"{path}:{lineno}: the line is over the limit of {MAX_LINE_BYTES:,} bytes",
                    fix="one document a line, each article under the article limit",
                )
            yield lineno, raw.rstrip(b"\r\n")


# --- spec JSONL -----------------------------------------------------------------------------


class GoldLine:
    """Raises errors that name the file and line being read."""

    def __init__(self, path: Path, lineno: int) -> None:
        self.where = f"{path}:{lineno}"

    def fail(self, message: str, fix: str | None = None) -> InputError:
        return InputError(f"{self.where}: {message}", fix=fix)


def load_gold_jsonl(path: str | Path, *, allow_outside_paths: bool = False) -> list[GoldDoc]:
    """Read a spec JSONL gold file strictly, a line at a time; every problem names its line."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: is a directory", fix="pass a JSONL gold file, or a BRAT corpus folder")
    docs: list[GoldDoc] = []
    seen: dict[str, int] = {}
    for lineno, line in _lines(path):
        if not line.strip():
            continue
        at = GoldLine(path, lineno)
        obj = _json_line(line, at)
        doc = _parse_doc(obj, at, path.parent, allow_outside_paths)
        if doc.id in seen:
            raise at.fail(
                f"duplicate id {doc.id!r} (first on line {seen[doc.id]})", fix="give every document its own id"
            )
        seen[doc.id] = lineno
        docs.append(doc)
    if not docs:
        raise InputError(f"{path}: no gold documents", fix="one JSON object per line (claims-spec.md section 3)")
    return docs


def _inside(base: Path, relative: str) -> bool:
    """Whether ``base / relative`` names a file in ``base``'s tree, by the path as written.

    Judged on the path, not on where symlinks lead: a link inside the gold's
    folder was put there by whoever owns the folder.
    """
    target = os.path.normpath(os.path.join(os.path.abspath(base), relative))
    return Path(target).is_relative_to(os.path.abspath(base))


def _parse_doc(obj: Any, at: GoldLine, base: Path, allow_outside_paths: bool = False) -> GoldDoc:
    if not isinstance(obj, dict):
        raise at.fail(f"expected a JSON object, got {type(obj).__name__}")
    doc_id = obj.get("id")
    if not isinstance(doc_id, str) or not doc_id:
        raise at.fail("missing field 'id' (a non-empty string)")
    if ("text" in obj) == ("path" in obj):
        raise at.fail(f"document {doc_id!r}: give exactly one of 'text' or 'path'")
    source: Path | None = None
    if "text" in obj:
        try:  # the same checks as an article file: a string, not empty, no NUL bytes, not huge
            text = check_text(obj["text"], name="'text'")
        except InputError as exc:
            raise at.fail(f"document {doc_id!r}: {exc.message}", fix=exc.fix) from None
    else:
        if not isinstance(obj["path"], str):
            raise at.fail(f"document {doc_id!r}: 'path' must be a string")
        if not allow_outside_paths and not _inside(base, obj["path"]):
            raise at.fail(
                f"document {doc_id!r}: 'path' {obj['path']!r} is outside the gold file's folder {base}",
                fix="keep the texts beside the gold file, or pass --allow-outside-paths if you trust this gold file",
            )
        source = base / obj["path"]
        try:
            text = read_text_file(source)
        except InputError as exc:
            raise at.fail(f"document {doc_id!r}: {exc.message}", fix=exc.fix) from None
    split = obj.get("split")
    if split is not None and not isinstance(split, str):
        raise at.fail(f'document {doc_id!r}: \'split\' must be a string such as "dev" or "test"')
    scope = obj.get("scope")
    if scope is not None and scope not in SCOPES:
        raise at.fail(f"document {doc_id!r}: unknown scope {scope!r}", fix=f"use one of: {', '.join(SCOPES)}")
    claims_raw = obj.get("claims")
    if not isinstance(claims_raw, list):
        raise at.fail(f"document {doc_id!r}: missing field 'claims' (a list, possibly empty)")
    claims = [_parse_claim(c, at, f"document {doc_id!r} claim {k}", text, scope) for k, c in enumerate(claims_raw, 1)]
    return GoldDoc(id=doc_id, text=text, claims=claims, split=split, scope=scope, path=source)


def _parse_claim(obj: Any, at: GoldLine, what: str, text: str, scope: str | None) -> Claim:
    if not isinstance(obj, dict):
        raise at.fail(f"{what}: expected a JSON object")
    missing = [f for f in REQUIRED_CLAIM_FIELDS if f not in obj]
    if missing:
        raise at.fail(f"{what}: missing field(s) {', '.join(missing)}", fix="spell every field out, null included")
    if obj["source_type"] is not None and obj["source_type"] not in SOURCE_TYPES:
        raise at.fail(
            f"{what}: unknown source_type {obj['source_type']!r}", fix=f"use one of: {', '.join(SOURCE_TYPES)} or null"
        )
    if obj["quote"] not in QUOTE_TYPES:
        raise at.fail(f"{what}: unknown quote {obj['quote']!r}", fix=f"use one of: {', '.join(QUOTE_TYPES)}")
    if not isinstance(obj["hedges"], list):
        raise at.fail(f"{what}: 'hedges' must be a list")
    for h in obj["hedges"]:
        if not isinstance(h, dict) or "cue" not in h or "kind" not in h:
            raise at.fail(f'{what}: each hedge is {{"cue": ..., "kind": ...}}')
        if h["kind"] not in HEDGE_KINDS:
            raise at.fail(f"{what}: unknown hedge kind {h['kind']!r}", fix=f"use one of: {', '.join(HEDGE_KINDS)}")
    try:
        claim = Claim.model_validate(obj)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise at.fail(f"{what}: {loc}: {first['msg']}") from None
    if not claim.claim.strip():
        raise at.fail(f"{what}: 'claim' is empty")
    if claim.source is None and (claim.source_name is not None or claim.source_type is not None):
        raise at.fail(f"{what}: source_name/source_type set but source is null", fix="unattributed claims have neither")
    if claim.source is not None and not claim.source_name:
        raise at.fail(f"{what}: source {claim.source!r} has no source_name", fix="resolve who the source is")
    if claim.source is not None and claim.source_type is None and scope != "attributed":
        raise at.fail(f"{what}: source {claim.source!r} has no source_type")
    spans = [("claim", claim.claim), ("source", claim.source), ("cue", claim.cue)]
    spans += [("hedge cue", h.cue) for h in claim.hedges]
    for name, span in spans:
        if span is not None and not span.strip():  # "" is in every text, so the check below would pass it
            raise at.fail(f"{what}: the {name} is an empty string", fix="use null for none, or copy the span")
        if span is not None and span not in text:
            raise at.fail(
                f"{what}: the {name} {span!r} is not a span of the text", fix="copy it verbatim from the text"
            )
    for start_f, end_f, span_f in _OFFSET_FIELDS:
        start, end, span = getattr(claim, start_f), getattr(claim, end_f), getattr(claim, span_f)
        if (start is None) != (end is None):
            raise at.fail(f"{what}: {start_f} and {end_f} go together", fix="give both offsets or neither")
        # bounds first: a negative offset slices from the end, so text[start:end] alone could still match
        if start is not None and end is not None and not (0 <= start <= end <= len(text) and text[start:end] == span):
            raise at.fail(f"{what}: {start_f}/{end_f} ({start}:{end}) do not cover the {span_f} {span!r}")
    return claim
