"""Read a BRAT standoff attribution corpus (PolNeAR, PARC-style Source/Cue/Content relations) as gold.

Its relations are attribution-only labels, so its documents load as
``scope="attributed"`` and the scorer compares only attributed claims
(claims-spec.md section 3).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from claimcheck.errors import InputError
from claimcheck.evaluation.gold import GoldDoc, GoldLine, read_utf8
from claimcheck.grounding import quote_mask, quote_type
from claimcheck.schema import Claim

__all__ = ["load_brat"]

_FRAGMENT = re.compile(r"^(\d+) (\d+)$")
#: The roles of a relation's content fragments: ``Content``, ``Content2``...
_CONTENT_ROLE = re.compile(r"Content\d*")


@dataclass
class _Span:
    role: str
    fragments: list[tuple[int, int]]


def load_brat(folder: str | Path) -> list[GoldDoc]:
    """Attribution relations from a BRAT corpus as ``scope="attributed"`` gold documents.

    Per article ``text/NAME.txt`` the first ``attributions/NAME_*.ann`` in
    sorted order is read (doubly annotated articles keep one annotator). Each
    ``E`` line with a Source gives one claim: the Content fragments (``Content``,
    ``Content2``...) joined with a space, the source mention as both ``source``
    and ``source_name`` (the corpus resolves no names), the cue as written.

    Relations without a Source (``Attribution-no-source``) are left out: with
    no source they are not attributed claims under the spec (agentless
    attribution is a hedge), and unattributed claims are not scored in an
    attribution-only corpus.
    """
    folder = Path(folder)
    text_dir, ann_dir = folder / "text", folder / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(
            f"{folder}: not a BRAT corpus (expected text/ and attributions/ folders)",
            fix="pass a spec JSONL gold file or a folder laid out like PolNeAR",
        )
    splits = _read_splits(folder / "metadata.tsv")
    anns = sorted(ann_dir.glob("*.ann"))
    docs: list[GoldDoc] = []
    for txt in sorted(text_dir.glob("*.txt")):
        name = txt.stem
        mine = [a for a in anns if a.stem.rsplit("_", 1)[0] == name]
        if not mine:
            raise InputError(f"{txt}: no annotation file attributions/{name}_*.ann", fix="add it or remove the text")
        text = read_utf8(txt)
        claims = _read_ann(mine[0], text)
        docs.append(GoldDoc(id=name, text=text, claims=claims, split=splits.get(name), scope="attributed", path=txt))
    if not docs:
        raise InputError(f"{text_dir}: no .txt files", fix="check the corpus folder")
    return docs


def _read_splits(metadata: Path) -> dict[str, str]:
    """Article name -> split, from a PolNeAR-style ``metadata.tsv`` (``compartment`` column), if present."""
    if not metadata.is_file():
        return {}
    rows = csv.DictReader(io.StringIO(read_utf8(metadata), newline=""), delimiter="\t")
    return {r["filename"]: r["compartment"] for r in rows if r.get("filename") and r.get("compartment")}


def _read_ann(path: Path, text: str) -> list[Claim]:
    spans: dict[str, _Span] = {}
    events: list[tuple[int, list[tuple[str, str]]]] = []
    for lineno, line, more in _ann_lines(read_utf8(path)):
        at = GoldLine(path, lineno)
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if line.startswith("T"):
            if len(cols) < 2:
                raise at.fail("malformed T line (want 'Tn<TAB>Role START END[;START END]<TAB>text')")
            role, _, offsets = cols[1].partition(" ")
            frags = _parse_fragments(offsets, at, len(text))
            if len(cols) > 2 and not _same_text(" ".join(text[s:e] for s, e in frags), cols[2], more):
                raise at.fail(f"{cols[0]} text {cols[2]!r} differs from the article at its offsets {offsets}")
            spans[cols[0]] = _Span(role, sorted(frags))
        elif line.startswith("E"):
            if len(cols) < 2:
                raise at.fail("malformed E line (want 'En<TAB>Role:Tk Role:Tk ...')")
            parts = [a.split(":", 1) for a in cols[1].split()]
            if any(len(a) != 2 for a in parts):
                raise at.fail(f"malformed E line argument in {cols[1]!r}")
            events.append((lineno, [(role, ref) for role, ref in parts]))
    mask = quote_mask(text)
    claims: list[Claim] = []
    for lineno, args in events:
        at = GoldLine(path, lineno)
        for _, ref in args:
            if ref not in spans:
                raise at.fail(f"refers to {ref}, which no T line defines")
        roles = {role: spans[ref] for role, ref in args}
        if "Source" not in roles:
            continue  # Attribution-no-source (see load_brat); Discard/Discuss spans are never in a relation
        contents = sorted(
            (frag for role, ref in args if _CONTENT_ROLE.fullmatch(role) for frag in spans[ref].fragments)
        )
        if not contents:
            continue
        cue = roles.get("Cue")
        source = roles["Source"]
        mention = _join(source, text)  # the corpus resolves no names: the mention is the name
        start, end = contents[0][0], contents[-1][1]
        claims.append(
            Claim(
                claim=" ".join(text[s:e] for s, e in contents),
                source=mention,
                source_name=mention,
                source_type=None,
                cue=_join(cue, text) if cue else None,
                quote=quote_type(text, start, end, mask),
                start=start,
                end=end,
                source_start=source.fragments[0][0],
                source_end=source.fragments[-1][1],
                cue_start=cue.fragments[0][0] if cue else None,
                cue_end=cue.fragments[-1][1] if cue else None,
            )
        )
    claims.sort(key=lambda c: (c.start or 0, c.end or 0))
    return claims


_ANN_LINE = re.compile(r"^(?:[TERANM*]\d*\t|#)")


def _ann_lines(content: str) -> list[tuple[int, str, list[str]]]:
    """(line number, line, continuation lines) for each annotation line.

    A span whose text crosses a line break of the article carries that break
    into the ``.ann`` file, so its text runs on over the next lines; a line
    that opens with no annotation id continues the one before it.
    """
    out: list[tuple[int, str, list[str]]] = []
    last: list[str] | None = None  # the continuation lines of the last annotation line
    for lineno, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        if last is not None and not _ANN_LINE.match(line):
            last.append(line)
        else:
            out.append((lineno, line, []))
            last = out[-1][2]
    return out


def _same_text(article: str, written: str, more: list[str]) -> bool:
    """The T line's text agrees with the article at its offsets.

    Where the span crosses a line break, annotation tools write it either on
    several lines or cut at the first break; both agree once line breaks and
    the blank lines between are set aside.
    """
    if article == written:
        return True
    if "\n" not in article and "\r" not in article:
        return False
    lines = [ln for ln in article.splitlines() if ln.strip()]
    return [written, *more] == (lines if more else lines[:1])


def _parse_fragments(offsets: str, at: GoldLine, n: int) -> list[tuple[int, int]]:
    frags: list[tuple[int, int]] = []
    for part in offsets.split(";"):
        m = _FRAGMENT.match(part.strip())
        if not m:
            raise at.fail(f"bad offsets {offsets!r} (want 'START END[;START END]')")
        s, e = int(m.group(1)), int(m.group(2))
        if not 0 <= s <= e <= n:
            raise at.fail(f"offsets {s} {e} fall outside the text ({n} characters)")
        frags.append((s, e))
    return frags


def _join(span: _Span, text: str) -> str:
    return " ".join(text[s:e] for s, e in span.fragments)
