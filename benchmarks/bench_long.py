"""Long and pathological documents: time and peak memory of the rules backend against a bare spaCy parse.

Usage: python benchmarks/bench_long.py [--chars 1000000] [--probes] [--skip-bare]

A document of about ``--chars`` characters is built from our own texts (the
gold set's documents, blank lines between them, in a fixed order). Each
measurement runs in a fresh child process so its peak RSS is its own: a bare
``nlp(text)`` of the whole document with the same pipeline, and the rules
backend's ``extract``. Prints wall seconds, words/s, the ratio of the rules to
the bare parse, and peak RSS. ``--probes`` adds the pathological inputs of the
reliability issue: 20,000 "(" in a row, 20,000 '"' in a row, and the document
as one 1.9M-character line (rules only: a bare parse of them is what is slow).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def corpus(chars: int) -> str:
    """Our gold texts, blank lines between them, repeated in order to about ``chars`` characters."""
    texts = []
    for line in (ROOT / "evals" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            texts.append(json.loads(line)["text"].strip())
    out: list[str] = []
    total = 0
    while total < chars:
        for t in texts:
            out.append(t)
            total += len(t) + 2
            if total >= chars:
                break
    return "\n\n".join(out)[:chars]


def make(kind: str, chars: int) -> str:
    if kind == "doc":
        return corpus(chars)
    if kind == "parens":
        return "The mayor said the plan was late. " + "(" * 20_000 + " Officials said it was fine."
    if kind == "quotes":
        return "The mayor said the plan was late. " + '"' * 20_000 + " Officials said it was fine."
    if kind == "one-line":
        return " ".join(corpus(chars).split())
    raise SystemExit(f"unknown kind {kind}")


def child(what: str, kind: str, chars: int) -> None:
    """Run one measurement and print it as JSON (in a fresh process, for its own peak RSS)."""
    from claimcheck.backends.rules import RulesBackend

    text = make(kind, chars)
    backend = RulesBackend()
    nlp = backend.nlp
    nlp("Warm up the pipeline once.")
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    n = len(nlp(text)) if what == "bare" else len(backend.extract(text).claims)
    wall = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"wall": wall, "rss_mib": rss / 1024, "start_rss_mib": base_rss / 1024, "n": n,
                      "chars": len(text), "words": len(text.split())}))  # fmt: skip


def measure(what: str, kind: str, chars: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", what, kind, str(chars)], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=1_000_000)
    ap.add_argument("--probes", action="store_true", help="also the pathological inputs (rules only)")
    ap.add_argument("--line-chars", type=int, default=1_900_000, help="length of the one-line probe")
    ap.add_argument("--skip-bare", action="store_true", help="rules only (no bare parse of the long document)")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]))
        return
    rules = measure("rules", "doc", args.chars)
    print(f"document: {rules['chars']:,} characters, {rules['words']:,} words of our own text")
    line = f"rules: {rules['wall']:.1f}s, {rules['words'] / rules['wall']:,.0f} words/s, {rules['n']:,} claims"
    print(f"{line}, peak RSS {rules['rss_mib']:,.0f} MiB (pipeline loaded: {rules['start_rss_mib']:,.0f} MiB)")
    if not args.skip_bare:
        bare = measure("bare", "doc", args.chars)
        print(
            f"bare parse: {bare['wall']:.1f}s, {bare['words'] / bare['wall']:,.0f} words/s, "
            f"peak RSS {bare['rss_mib']:,.0f} MiB"
        )
        print(f"rules ÷ bare parse (time): {rules['wall'] / bare['wall']:.2f}x")
    if args.probes:
        for kind in ("parens", "quotes", "one-line"):
            r = measure("rules", kind, args.line_chars)
            print(f"probe {kind}: {r['chars']:,} characters, rules {r['wall']:.1f}s, peak RSS {r['rss_mib']:,.0f} MiB")


if __name__ == "__main__":
    main()
