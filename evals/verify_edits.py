"""Quote verification on real articles whose quotes we edit, checked against the unedited article.

Usage: python evals/verify_edits.py [--articles 10] [--show]

Reads the real-gold articles from ../shared/benchmarks/real-gold (or
$CLAIMCHECK_SHARED/benchmarks/real-gold) in place and never writes them
anywhere: the edits are made here, in memory, at run time. In each of the
``--articles`` articles with the most quotations of six words or more, one
quotation gets two words changed, one a negation flipped (a "not" added
after the first auxiliary, or an existing negation removed), one is spliced
to the second half of another passage, and a quotation we invented is added
as a new paragraph. The edited story is extracted with the rules backend and
verified against the unedited article. Prints, per article and in total,
how many edits were found and classified as the edit calls for (changed
words → altered, negation → altered with a negation flip, splice → spliced,
invented → not found) and how many untouched quotations were flagged
(anything but verbatim). Exits 0 without running when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck.api import extract  # noqa: E402
from claimcheck.verification import QuoteCheck, Sources, verify  # noqa: E402
from claimcheck.verification.sources import make_source  # noqa: E402
from claimcheck.verification.verify import _quotations  # noqa: E402

SHARED = Path(os.environ.get("CLAIMCHECK_SHARED") or ROOT.parent / "shared")
REAL = SHARED / "benchmarks" / "real-gold"

#: Quotations we wrote; one is added to each article, credited to a person we made up.
INVENTED = [
    ("We have never discussed closing the north ferry terminal with anyone on the board", "Dana Whitfield"),
    ("The harbour authority promised us a new pier before the end of the decade", "Tomas Lindqvist"),
    ("Nobody on this committee has ever asked me to delay the audit of the water utility", "Grace Okafor"),
]
_REPLACEMENTS = "purple harbour ferry lantern"
_AUXILIARIES = re.compile(r"\b(?:is|are|was|were|will|would|can|could|should|has|have|had|do|does|did|must)\b", re.I)
_NEGATION = re.compile(r"\s+(?:not|never)\b|n't\b", re.I)


@dataclass
class Edit:
    kind: str  # changed, negation, spliced, invented
    start: int  # in the original text (start == end for an insertion)
    end: int
    new: str
    want: str  # the verdict the edit calls for


def _change_words(quote: str) -> str:
    words = quote.split()
    order = sorted(range(len(words)), key=lambda i: -len(re.sub(r"\W", "", words[i])))
    for i, new in zip(order[:2], _REPLACEMENTS.split(), strict=False):
        trail = re.search(r"\W*$", words[i])
        words[i] = new + (trail.group(0) if trail else "")
    return " ".join(words)


def _flip_negation(quote: str) -> str | None:
    if _NEGATION.search(quote):
        return _NEGATION.sub("", quote, count=1)
    m = _AUXILIARIES.search(quote)
    return None if m is None else quote[: m.end()] + " not" + quote[m.end() :]


def plan(text: str) -> list[Edit]:
    """The edits for one article, on distinct quotations of six words or more."""
    quotes = [(s, e) for s, e in _quotations(text) if len(text[s:e].split()) >= 6 and "…" not in text[s:e]]
    edits: list[Edit] = []
    used: set[int] = set()

    def take(pred: Callable[[str], bool] | None = None) -> tuple[int, int] | None:
        for k, (s, e) in enumerate(quotes):
            if k not in used and (pred is None or pred(text[s:e])):
                used.add(k)
                return s, e
        return None

    if (q := take()) is not None:
        edits.append(Edit("changed", *q, _change_words(text[q[0] : q[1]]), "altered"))
    if (q := take(lambda t: _flip_negation(t) is not None)) is not None:
        edits.append(Edit("negation", *q, _flip_negation(text[q[0] : q[1]]) or "", "altered"))
    if len(quotes) - len(used) >= 2:
        first = take()
        assert first is not None
        k = max(set(range(len(quotes))) - used, key=lambda k: abs(quotes[k][0] - first[0]))
        a = text[first[0] : first[1]].split()
        b = text[quotes[k][0] : quotes[k][1]].split()
        edits.append(Edit("spliced", *first, " ".join(a[: len(a) // 2] + b[len(b) // 2 :]), "spliced"))
    # the invented quotation: a paragraph of its own after the first paragraph that quotes someone
    sep = "\n\n" if "\n\n" in text else "\n"
    first_quote = quotes[0][1] if quotes else 0
    at = text.find(sep, first_quote)
    at = len(text) if at < 0 else at
    invented, who = INVENTED[len(text) % len(INVENTED)]
    edits.append(Edit("invented", at, at, f"{sep}“{invented},” said {who}, a harbour commissioner.", "not_found"))
    return edits


def apply(text: str, edits: list[Edit]) -> tuple[str, list[tuple[Edit, int, int]]]:
    """The edited text, and where each edit's new words are in it."""
    out: list[str] = []
    placed: list[tuple[Edit, int, int]] = []
    at = 0
    length = 0
    for ed in sorted(edits, key=lambda e: e.start):
        out.append(text[at : ed.start])
        length += ed.start - at
        placed.append((ed, length, length + len(ed.new)))
        out.append(ed.new)
        length += len(ed.new)
        at = ed.end
    out.append(text[at:])
    return "".join(out), placed


def right(q: QuoteCheck, ed: Edit) -> bool:
    if q.status != ed.want:
        return False
    return ed.kind != "negation" or any(f.startswith("negation") for f in q.flips)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=10)
    ap.add_argument("--show", action="store_true", help="print each misjudged quote")
    args = ap.parse_args(argv)
    gold = REAL / "gold.jsonl"
    if not gold.exists():
        print(f"skipped: {gold} not found (the real-gold benchmark lives in ../shared)")
        return 0
    docs = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            text = (REAL / obj["path"]).read_text(encoding="utf-8")
            long = [q for q in _quotations(text) if len(text[q[0] : q[1]].split()) >= 6]
            docs.append((len(long), obj["id"], text))
    docs = sorted(docs, key=lambda d: (-d[0], d[1]))[: args.articles]

    found = {k: [0, 0] for k in ("changed", "negation", "spliced", "invented")}
    untouched = flagged = 0
    for _, doc_id, original in docs:
        edits = plan(original)
        edited, placed = apply(original, edits)
        result = verify(extract(edited, backend="rules", doc_id=doc_id), Sources([make_source("original", original)]))
        edited_spans = [(s, e) for _, s, e in placed]
        row = []
        for ed, s, e in placed:
            checks = [q for q in result.quotes if q.start < e and s < q.end]
            ok = bool(checks) and right(checks[0], ed)
            found[ed.kind][0] += ok
            found[ed.kind][1] += 1
            row.append(f"{ed.kind} {'ok' if ok else 'MISSED'}")
            if args.show and not ok:
                print(f"  {doc_id}: {ed.kind}: {checks[0].status if checks else 'not checked'} {checks[:1]}")
        others = [q for q in result.quotes if not any(q.start < e and s < q.end for s, e in edited_spans)]
        bad = [q for q in others if q.status != "verbatim" or q.speaker_mismatch]
        untouched += len(others)
        flagged += len(bad)
        if args.show:
            for q in bad:
                print(f"  {doc_id}: untouched quote flagged: {q.status} {q.message()}")
        print(f"{doc_id}: {', '.join(row)}; {len(others)} untouched quotes, {len(bad)} flagged")
    total = sum(v[0] for v in found.values()), sum(v[1] for v in found.values())
    print("edits found and classified: " + ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in found.items()))
    print(f"all edits: {total[0]}/{total[1]}; untouched quotes flagged: {flagged}/{untouched}")
    return 0 if total[0] == total[1] and flagged == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
