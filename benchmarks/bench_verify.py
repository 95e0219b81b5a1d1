"""Speed of ``verify``: a 20-quote story against a long transcript (default 50,000 words).

Usage: python benchmarks/bench_verify.py [--words 50000] [--quotes 20] [--repeat 3]

The transcript is built from our own words: sentences of the texts we wrote
for ``evals/gold.jsonl``, each the head of one joined to the tail of another
(so the talk does not repeat itself verbatim), dealt with a fixed seed into
speaker turns (``RUIZ: …``) until it holds ``--words`` words. The story quotes ``--quotes``
of its passages: most verbatim, some with a word changed, a negation dropped,
two passages spliced, and some invented. Prints the time to index the
transcript and to verify the story (best of ``--repeat``), words/s, the ratio
to a bare spaCy parse of the story (what extracting its claims costs at
least), and whether each quote got the verdict its edit calls for.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck.schema import Claim, Extraction  # noqa: E402
from claimcheck.verification import Sources, verify  # noqa: E402
from claimcheck.verification.sources import make_source  # noqa: E402

SPEAKERS = ["RUIZ", "PARK", "OKAFOR", "CHEN", "LINDQVIST"]
INVENTED = [
    "We have never discussed closing the north ferry terminal with anyone on the board",
    "The harbour authority promised us a new pier before the end of the decade",
    "Nobody on this council has ever asked me to delay the audit of the water utility",
]


def sentences() -> list[str]:
    """Sentences of our own gold texts, 8 to 40 words, with no quotation marks of their own."""
    out: list[str] = []
    for line in (ROOT / "evals" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        text = json.loads(line)["text"]
        for s in re.split(r"(?<=[.!?])\s+", text):
            s = " ".join(s.split())
            if 8 <= len(s.split()) <= 40 and not re.search('["“”‘’]', s) and s.endswith("."):
                out.append(s)
    return sorted(set(out))


def transcript(words: int, rng: random.Random) -> str:
    pool = sentences()
    turns: list[str] = []
    total = 0

    def sentence() -> str:
        # the head of one of our sentences and the tail of another: talk that does not repeat itself verbatim
        a, b = rng.choice(pool).split(), rng.choice(pool).split()
        return " ".join(a[: rng.randint(3, len(a) - 2)] + b[rng.randint(2, len(b) - 3) :])

    while total < words:
        said = " ".join(sentence() for _ in range(rng.randint(1, 4)))
        turns.append(f"{rng.choice(SPEAKERS)}: {said}")
        total += len(said.split()) + 1
    return "\n\n".join(turns) + "\n"


def _unique(sentence: str, text: str) -> bool:
    return text.count(sentence) == 1


def story(text: str, n: int, rng: random.Random) -> tuple[str, list[tuple[str, str, str]]]:
    """A story quoting ``n`` passages of the transcript, some edited: (quote, speaker, expected verdict)."""
    turns = [t for t in text.split("\n\n") if t.strip()]
    picks: list[tuple[str, str]] = []
    for t in rng.sample(turns, len(turns)):
        speaker, said = t.split(": ", 1)
        first = re.split(r"(?<=[.!?])\s+", said)[0].rstrip(".")
        if _unique(first, text) and 10 <= len(first.split()) <= 30 and first not in [p for p, _ in picks]:
            picks.append((first, speaker))
        if len(picks) >= n + 2:
            break
    quotes: list[tuple[str, str, str]] = []
    for k, (q, speaker) in enumerate(picks[:n]):
        kind = k % 10
        words = q.split()
        if kind == 1:  # a word changed
            i = max(range(len(words)), key=lambda j: len(words[j]))
            words[i] = "purple"
            quotes.append((" ".join(words), speaker, "altered"))
        elif kind == 3:  # a negation flipped
            quotes.append((" ".join([*words[:2], "not", *words[2:]]), speaker, "altered"))
        elif kind == 5:  # two passages spliced
            other = picks[n + (k // 10) % 2][0].split()
            quotes.append((" ".join(words[: len(words) // 2] + other[len(other) // 2 :]), speaker, "spliced"))
        elif kind == 7:
            quotes.append((INVENTED[k // 10 % len(INVENTED)], speaker, "not_found"))
        else:
            quotes.append((q, speaker, "verbatim"))
    paragraphs = [f"“{q},” {sp.title()} said." for q, sp, _ in quotes]
    return "The council met on Tuesday.\n\n" + "\n\n".join(paragraphs) + "\n", quotes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--words", type=int, default=50_000)
    ap.add_argument("--quotes", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    rng = random.Random(14)
    text = transcript(args.words, rng)
    story_text, quotes = story(text, args.quotes, rng)
    claims = [
        Claim(claim=q, source=sp.title(), source_name=sp.title(), source_type="person", cue="said", quote="direct")
        for q, sp, _ in quotes
    ]
    extraction = Extraction(id="story.txt", text=story_text, claims=claims)
    source = make_source("transcript.txt", text)

    index_best = verify_best = float("inf")
    result = None
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        sources = Sources([source])
        t1 = time.perf_counter()
        result = verify(extraction, sources)
        t2 = time.perf_counter()
        index_best, verify_best = min(index_best, t1 - t0), min(verify_best, t2 - t1)
    assert result is not None

    from claimcheck.backends.rules.model import load_pipeline

    nlp = load_pipeline()
    parse_best = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        nlp(story_text)
        parse_best = min(parse_best, time.perf_counter() - t0)

    got = [q.status for q in result.quotes]
    want = [v for _, _, v in quotes]
    right = sum(g == w for g, w in zip(got, want, strict=False))
    words = len(text.split())
    total = index_best + verify_best
    print(f"machine: {platform.processor() or platform.machine()}, python {platform.python_version()}")
    print(f"transcript: {words:,} words in {text.count(chr(10) * 2) + 1:,} turns; story: {len(quotes)} quotes")
    print(f"index the transcript: {index_best * 1000:.0f} ms ({words / index_best:,.0f} words/s)")
    print(f"verify {len(quotes)} quotes: {verify_best * 1000:.0f} ms")
    print(f"index + verify: {total * 1000:.0f} ms ({words / total:,.0f} transcript words/s); aim < 2000 ms")
    print(f"bare spaCy parse of the story: {parse_best * 1000:.0f} ms; index + verify = {total / parse_best:.1f}x that")
    print(f"verdicts as the edits call for: {right}/{len(quotes)}")
    for (q, _, w), g in zip(quotes, got, strict=False):
        if g != w:
            print(f"  expected {w}, got {g}: {q}")


if __name__ == "__main__":
    main()
