"""Check a story's quotes against the record: verbatim, altered, spliced, or not found.

An editor's first question about a quote is whether the speaker said it, in
those words. Every quotation in the story (each run between quotation marks,
split at an ellipsis, which legitimately joins separate passages) is looked up
in the source documents; the claim it belongs to says whom the story credits,
and a transcript that names its speakers says who actually said it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from os import PathLike
from typing import Literal, get_args

from pydantic import BaseModel, Field

from claimcheck.checks.document import abridge, grounded_claims
from claimcheck.checks.finding import Finding, Severity
from claimcheck.errors import InputError
from claimcheck.grounding import fold
from claimcheck.name_match import normalise_name
from claimcheck.plurals import plural
from claimcheck.schema import Claim, Extraction
from claimcheck.text import text_model
from claimcheck.verification.align import Edit, EditOp, Passage, SourceIndex, diff_text, flips, words
from claimcheck.verification.sources import Source, load_source, make_source

__all__ = [
    "RULE_SUMMARIES",
    "STATUSES",
    "DiffOp",
    "Match",
    "QuoteCheck",
    "Sources",
    "Status",
    "Verification",
    "verify",
]

Status = Literal["verbatim", "altered", "spliced", "not_found"]
STATUSES: tuple[str, ...] = get_args(Status)

_SPACES = re.compile(r"\s+")
_ELLIPSIS = re.compile(r"…|\.\s?\.\s?\.|\[\s*(?:…|\.\.\.)\s*\]")
#: A short quotation in title case outside any attributed claim is a name or a title (“Morning Joe”).
_TITLE_RUN = re.compile(r"[A-Z0-9][\w’'.,:!?&-]*(?:\s+(?:[A-Z0-9][\w’'.,:!?&-]*|a|an|the|of|and|in|on|to|for)){0,5}")


class DiffOp(BaseModel):
    """One step of the word diff from the source passage to the quote."""

    op: EditOp
    source: str = ""
    quote: str = ""


class Match(BaseModel):
    """A passage of a source that (part of) the quote was found in."""

    source: str
    line: int
    start: int
    end: int
    text: str
    speaker: str | None = None


class QuoteCheck(BaseModel):
    """One quotation in the story and what the sources say of it."""

    quote: str
    start: int
    end: int
    line: int
    column: int
    claim: int | None = None
    attributed_to: str | None = None
    status: Status
    detail: str = ""
    matches: list[Match] = Field(default_factory=list)
    diff: list[DiffOp] = Field(default_factory=list)
    flips: list[str] = Field(default_factory=list)
    speaker_mismatch: str | None = None

    @property
    def severity(self) -> Severity | None:
        """None for a verbatim quote by the right speaker; else how much an editor should worry."""
        if self.status in ("spliced", "not_found") or self.flips or self.speaker_mismatch:
            return "error"
        if self.status == "altered":
            return "warning"
        return None

    @property
    def diff_text(self) -> str:
        """The word diff in wdiff's notation (``[-dropped-]``, ``{+added+}``)."""
        return diff_text(_edits(self.diff))

    def message(self) -> str:
        """One line for an editor: the quote, whom it is credited to, and what is wrong with it.

        The verdict itself is the rule id beside it (``quote-altered``), so it is not repeated here.
        """
        text = f"“{abridge(self.quote, 70)}”"
        if self.attributed_to:
            text += f" ({self.attributed_to})"
        if self.status != "verbatim":
            text += f": {self.detail}"
            if self.status == "altered" and self.diff:
                text += f" — {diff_text([e for e in _edits(self.diff) if e.op != 'equal'])}"
        if self.flips:
            text += f" [{'; '.join(self.flips)}]"
        if self.speaker_mismatch:
            text += f"; {self.speaker_mismatch}"
        return text


class Verification(BaseModel):
    """Every quotation of one story checked against the sources."""

    doc_id: str
    sources: list[str]
    source_words: int
    quotes: list[QuoteCheck] = Field(default_factory=list)

    def counts(self) -> dict[str, int]:
        c: Counter[str] = Counter(q.status for q in self.quotes)
        out = {s: c[s] for s in STATUSES}
        out["speaker_mismatch"] = sum(1 for q in self.quotes if q.speaker_mismatch)
        return out

    def summary(self) -> str:
        c = self.counts()
        parts = [f"{c[s]} {s.replace('_', ' ')}" for s in STATUSES]
        extra = f"; {c['speaker_mismatch']} attributed to the wrong speaker" if c["speaker_mismatch"] else ""
        return f"{plural(len(self.quotes), 'quote')}: " + ", ".join(parts) + extra

    def findings(self) -> list[Finding]:
        """The quotes that do not check out as :class:`Finding` records, for linter-style formats."""
        out: list[Finding] = []
        for q in self.quotes:
            sev = q.severity
            if sev is None:
                continue
            rule = "quote-wrong-speaker" if q.status == "verbatim" else f"quote-{q.status.replace('_', '-')}"
            fix = _FIXES[rule]
            out.append(
                Finding(
                    rule=rule,
                    severity=sev,
                    message=q.message(),
                    fix=fix,
                    doc_id=self.doc_id,
                    line=q.line,
                    column=q.column,
                    start=q.start,
                    end=q.end,
                    claim=q.claim,
                )
            )
        return out


#: What each verify finding means, for formats that describe their rules (SARIF).
RULE_SUMMARIES = {
    "quote-altered": "a quote whose words differ from the source's",
    "quote-spliced": "a quote joining separate passages without an ellipsis",
    "quote-not-found": "a quote that is not in any source",
    "quote-wrong-speaker": "a quote the source has someone else saying",
}
_FIXES = {
    "quote-altered": "quote the source's words exactly, or paraphrase without quotation marks",
    "quote-spliced": "mark the join with an ellipsis (…), or quote the passages separately",
    "quote-not-found": "check the quote against your notes or recording; cut it if it cannot be sourced",
    "quote-wrong-speaker": "credit the quote to the person the transcript has saying it",
}


def _edits(diff: Sequence[DiffOp]) -> list[Edit]:
    return [Edit(d.op, tuple(d.source.split()), tuple(d.quote.split())) for d in diff]


# --- the sources -----------------------------------------------------------------------------


class Sources:
    """A set of source documents, indexed once for any number of stories."""

    def __init__(self, sources: Iterable[Source | str | PathLike[str]]) -> None:
        docs: list[Source] = []
        for k, s in enumerate(sources):
            if isinstance(s, Source):
                docs.append(s)
            elif isinstance(s, str):
                docs.append(make_source(f"source-{k + 1}", s))
            else:
                docs.append(load_source(s))
        if not docs:
            raise InputError("no source documents to check the quotes against", fix="pass one or more sources")
        self.documents = docs
        self.index = SourceIndex(docs)


# --- the story's quotations ------------------------------------------------------------------


def _quotations(text: str) -> list[tuple[int, int]]:
    """Spans of the words inside each quotation run of the text model (marks and edge punctuation left out)."""
    runs: list[tuple[int, int]] = []
    for s, e in text_model(text).runs:
        while s < e and not text[s].isalnum():
            s += 1
        while e > s and not (text[e - 1].isalnum() or text[e - 1] in "%’'"):
            e -= 1
        if s < e:
            runs.append((s, e))
    return runs


def _owner(claims: Sequence[tuple[int, Claim]], s: int, e: int) -> tuple[int, Claim] | None:
    """The claim a quotation belongs to: the attributed one it overlaps most, else any it overlaps."""
    best: tuple[int, tuple[int, Claim]] | None = None
    for i, c in claims:
        if c.start is None or c.end is None:
            continue
        overlap = min(e, c.end) - max(s, c.start)
        if overlap <= 0:
            continue
        score = overlap + (10_000 if c.attributed else 0)
        if best is None or score > best[0]:
            best = (score, (i, c))
    return None if best is None else best[1]


def _worth_checking(text: str, s: int, e: int, owner: Claim | None) -> bool:
    """Attributed quotations always; elsewhere a quotation of four words or more that is not a title."""
    if owner is not None and owner.attributed:
        return True
    span = text[s:e]
    n = len(span.split())
    return n >= 4 and not (n <= 6 and _TITLE_RUN.fullmatch(span))


# --- speakers --------------------------------------------------------------------------------


def _same_person(credited: str, speaker: str) -> bool:
    a = {t for t in normalise_name(credited) if len(t) > 1}
    b = {t for t in normalise_name(speaker) if len(t) > 1}
    return bool(a & b)


def _credited(claim: Claim | None) -> str | None:
    """The person the story credits, when the claim names one (pronouns and institutions cannot be checked)."""
    if claim is None or not claim.attributed or claim.source_type not in (None, "person"):
        return None
    name = claim.source_name or claim.source or ""
    return name if re.search(r"\b[A-Z][a-z’'-]+", name) else None


# --- verify ----------------------------------------------------------------------------------


def _check_piece(index: SourceIndex, keys: list[str], credited: str | None) -> list[Passage]:
    """The passages for one ellipsis-free piece, preferring, among exact hits, the credited speaker's."""
    hits = index.exact(keys)
    if len(hits) > 1 and credited:
        for p in hits:
            src = index.sources[index.doc[p]]
            speaker = src.speaker_at(index.starts[p])
            if speaker and _same_person(credited, speaker):
                return [index.exact_passage(keys, p)]
    return index.passages(keys)


def _diff_ops(passages: Sequence[Passage]) -> list[DiffOp]:
    return [DiffOp(op=e.op, source=" ".join(e.source), quote=" ".join(e.quote)) for p in passages for e in p.edits]


def _match_kind(story_words: str, source_words: str) -> str:
    if story_words == source_words:
        return "exact"
    if _SPACES.sub(" ", fold(story_words)).lower() == _SPACES.sub(" ", fold(source_words)).lower():
        return "equal after folding quotes, dashes, case and whitespace"
    return "same words; punctuation differs"


def _check_quote(text: str, s: int, e: int, owner: tuple[int, Claim] | None, sources: Sources) -> QuoteCheck:
    index = sources.index
    claim = owner[1] if owner else None
    credited = _credited(claim)
    pieces: list[tuple[int, int]] = []
    at = s
    for m in _ELLIPSIS.finditer(text, s, e):
        pieces.append((at, m.start()))
        at = m.end()
    pieces.append((at, e))
    found: list[Passage] = []
    missing: list[str] = []
    spliced: list[str] = []
    for ps, pe in pieces:
        keys = [w.key for w in words(text, ps, pe)]
        if not keys:
            continue
        passages = _check_piece(index, keys, credited)
        if not passages:
            missing.append(text[ps:pe].strip())
            continue
        if len(passages) > 1:
            places = ", ".join(
                f"{index.sources[p.source].name}:{index.sources[p.source].line_at(p.start)}" for p in passages
            )
            spliced.append(f"joins {len(passages)} separate passages ({places}) without an ellipsis")
        for p in passages:
            if len(set(p.speakers)) > 1:
                who = ", ".join(sp or "?" for sp in p.speakers)
                spliced.append(f"joins the words of different speakers ({who})")
        found.extend(passages)

    line, col = text_model(text).line_col(s)
    matches = [
        Match(
            source=index.sources[p.source].name,
            line=index.sources[p.source].line_at(p.start),
            start=p.start,
            end=p.end,
            text=index.sources[p.source].text[p.start : p.end],
            speaker=p.speakers[0] if p.speakers else None,
        )
        for p in found
    ]
    all_edits = [ed for p in found for ed in p.edits]
    meaning = flips(all_edits)
    changed = [ed for ed in all_edits if ed.op != "equal"]
    if not found:
        status: Status = "not_found"
        detail = f"not in the {plural(len(sources.documents), 'source')}"
    elif spliced:
        status, detail = "spliced", "; ".join(spliced)
    elif changed or missing:
        status = "altered"
        bits = []
        if changed:
            bits.append(_change_summary(changed))
        if missing:
            bits.append("not in the sources: " + "; ".join(f"“{abridge(m, 40)}”" for m in missing))
        detail = "; ".join(bits)
    else:
        status = "verbatim"
        detail = _match_kind(_squash(text[s:e]), _squash(" ".join(m.text for m in matches)))
    mismatch = None
    if credited and found and status != "not_found":
        others = list(dict.fromkeys(sp for p in found for sp in p.speakers if sp and not _same_person(credited, sp)))
        if others:
            where = matches[0].source
            mismatch = f"attributed to {credited}; {where} has {' and '.join(others)} saying it"
    return QuoteCheck(
        quote=text[s:e],
        start=s,
        end=e,
        line=line,
        column=col,
        claim=owner[0] if owner else None,
        attributed_to=(claim.source_name or claim.source) if claim and claim.attributed else None,
        status=status,
        detail=detail,
        matches=matches,
        diff=_diff_ops(found) if status != "verbatim" else [],
        flips=meaning,
        speaker_mismatch=mismatch,
    )


def _squash(s: str) -> str:
    return " ".join(s.strip(" \t\r\n\"'“”‘’.,;:!?").split())


def _change_summary(changed: Sequence[Edit]) -> str:
    n = {
        op: sum(max(len(e.source), len(e.quote)) for e in changed if e.op == op)
        for op in ("replace", "insert", "delete")
    }
    bits = []
    if n["replace"]:
        bits.append(f"{plural(n['replace'], 'word')} changed")
    if n["insert"]:
        bits.append(f"{n['insert']} added")
    if n["delete"]:
        bits.append(f"{n['delete']} dropped")
    return ", ".join(bits)


def verify(extraction: Extraction, sources: Sources | Iterable[Source | str | PathLike[str]]) -> Verification:
    """Check every quotation in a story's extraction against source documents.

    ``sources`` are :class:`Source` records, texts, or paths to text, Markdown
    or HTML files (or a :class:`Sources` set reused across stories). The
    claims say whom each quotation is credited to; :func:`claimcheck.verify`
    also takes a text, extracted first.
    """
    source_set = sources if isinstance(sources, Sources) else Sources(sources)
    text = extraction.text
    claims = grounded_claims(extraction)
    checks = []
    for s, e in _quotations(text):
        owner = _owner(claims, s, e)
        if _worth_checking(text, s, e, owner[1] if owner else None):
            checks.append(_check_quote(text, s, e, owner, source_set))
    return Verification(
        doc_id=extraction.id,
        sources=[d.name for d in source_set.documents],
        source_words=source_set.index.word_count,
        quotes=checks,
    )
