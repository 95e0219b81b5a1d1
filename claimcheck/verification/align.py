"""Find a quote's words in a set of source documents, and say how they differ.

Quotes and sources are compared as words (case, quotes, dashes, whitespace and
punctuation folded), so "We’ll — maybe" matches "we'll, maybe". A quote is
located through the word pairs it shares with the sources (an index built
once per source set), the matches are grouped by their offset into the source
(a contiguous passage keeps one offset, give or take a few added or dropped
words), and each passage is diffed word by word with rapidfuzz. A quote whose
words fall into passages far apart was spliced. This stays linear in the
sources' length: a 50,000-word transcript is indexed once and each quote costs
a few dictionary look-ups.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, cast

from rapidfuzz.distance import Levenshtein

from claimcheck.verification.sources import Source

__all__ = ["GAP", "MIN_WORDS", "Edit", "Passage", "SourceIndex", "Word", "diff_text", "flips", "word_key", "words"]

_WORD = re.compile(r"[^\W_]+(?:[’'.,\-][^\W_]+)*")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‛": "'"})
_DOTS = re.compile(r"(?<!\d)\.|\.(?!\d)")

#: Offsets of one passage drift by at most this many words (words added or dropped);
#: a quote whose words sit further apart than that joins separate passages.
GAP = 5
#: The fewest words a passage (or one side of a splice) may have; shorter quotes must match exactly.
MIN_WORDS = 3
#: Word pairs more frequent than this in the sources are too common to place a quote by.
_COMMON = 64
#: Single words this rare are placed by on their own (for quotes with most pairs changed).
_RARE = 3


@dataclass(frozen=True)
class Word:
    """One word: its comparison key and where it is in its text."""

    key: str
    start: int
    end: int


def word_key(w: str) -> str:
    w = w.lower().translate(_APOSTROPHES)
    return w if any(ch.isdigit() for ch in w) else _DOTS.sub("", w)


def words(text: str, start: int = 0, end: int | None = None, skip: Sequence[tuple[int, int]] = ()) -> list[Word]:
    """The words of ``text[start:end]`` with offsets into ``text``, leaving out the ``skip`` spans."""
    out: list[Word] = []
    k = 0
    for m in _WORD.finditer(text, start, len(text) if end is None else end):
        while k < len(skip) and skip[k][1] <= m.start():
            k += 1
        if k < len(skip) and skip[k][0] <= m.start() < skip[k][1]:
            continue
        out.append(Word(word_key(m.group(0)), m.start(), m.end()))
    return out


EditOp = Literal["equal", "replace", "insert", "delete"]


@dataclass(frozen=True)
class Edit:
    """One step of a word diff from the source to the quote."""

    op: EditOp  # insert: words the quote adds; delete: words it drops
    source: tuple[str, ...]
    quote: tuple[str, ...]


@dataclass(frozen=True)
class Passage:
    """Where some of a quote's words are in the sources, and the diff from there to the quote."""

    source: int  # index into the index's sources
    start: int  # character offsets in that source's text
    end: int
    quote_start: int  # which of the quote's words it accounts for
    quote_end: int
    edits: tuple[Edit, ...]
    speakers: tuple[str | None, ...]  # the speaker at each turn the passage covers (one unless it crosses turns)

    @property
    def equal_words(self) -> int:
        return sum(len(e.quote) for e in self.edits if e.op == "equal")


class SourceIndex:
    """Every word of every source, with the word-pair and rare-word look-ups quotes are placed by."""

    def __init__(self, sources: Sequence[Source]) -> None:
        self.sources = list(sources)
        self.keys: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.doc: list[int] = []
        self.turn: list[int] = []
        self.doc_bounds: list[tuple[int, int]] = []
        for d, src in enumerate(self.sources):
            first = len(self.keys)
            for w in words(src.text, skip=src.labels):
                self.keys.append(w.key)
                self.starts.append(w.start)
                self.ends.append(w.end)
                self.doc.append(d)
                t = src.turn_at(w.start)
                self.turn.append(-1 if t is None else t)
            self.doc_bounds.append((first, len(self.keys)))
        self.pairs: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.at: dict[str, list[int]] = defaultdict(list)
        for p, key in enumerate(self.keys):
            self.at[key].append(p)
            if p + 1 < len(self.keys) and self.doc[p + 1] == self.doc[p]:
                self.pairs[(key, self.keys[p + 1])].append(p)

    @property
    def word_count(self) -> int:
        return len(self.keys)

    # --- exact ------------------------------------------------------------------------------

    def exact(self, q: Sequence[str]) -> list[int]:
        """Every word position where the whole of ``q`` occurs, within one source."""
        if not q:
            return []
        first = self.at.get(q[0], []) if len(q) == 1 else self.pairs.get((q[0], q[1]), [])
        n = len(q)
        return [p for p in first if self.keys[p : p + n] == list(q) and self.doc[p + n - 1] == self.doc[p]]

    # --- approximate ------------------------------------------------------------------------

    def _seeds(self, q: Sequence[str], a: int, b: int) -> list[tuple[int, int, int]]:
        """(quote word, source word, width) for the shared word pairs and rare words of ``q[a:b]``."""
        seeds: list[tuple[int, int, int]] = []
        for i in range(a, b - 1):
            found = self.pairs.get((q[i], q[i + 1]))
            if found and len(found) <= _COMMON:
                seeds.extend((i, p, 2) for p in found)
        for i in range(a, b):
            found = self.at.get(q[i])
            if found and len(found) <= _RARE and len(q[i]) > 3:
                seeds.extend((i, p, 1) for p in found)
        return seeds

    def _cluster(self, seeds: list[tuple[int, int, int]]) -> tuple[int, int, int, int, int] | None:
        """The best group of seeds on one offset (± :data:`GAP`): (covered words, qa, qb, sa, sb)."""
        votes = Counter(p - i for i, p, _ in seeds)
        best: tuple[int, int, int, int, int] | None = None
        for d, _ in votes.most_common(8):
            home = next(self.doc[p] for i, p, _ in seeds if p - i == d)
            chain: list[tuple[int, int, int]] = []
            for i, p, w in sorted(s for s in seeds if abs(s[1] - s[0] - d) <= GAP and self.doc[s[1]] == home):
                if chain and p < chain[-1][1]:
                    continue  # keep the chain in source order
                chain.append((i, p, w))
            covered = {i + k for i, _, w in chain for k in range(w)}
            qa, qb = min(covered), max(covered) + 1
            sa, sb = chain[0][1], max(p + w for _, p, w in chain)
            cand = (len(covered), qa, qb, sa, sb)
            if best is None or cand[0] > best[0]:
                best = cand
        return best

    def exact_passage(self, q: Sequence[str], at: int) -> Passage:
        """The passage of ``q`` found whole at word ``at`` (one of :meth:`exact`'s hits)."""
        return self._passage(q, 0, len(q), at, at + len(q))

    def passages(self, q: Sequence[str]) -> list[Passage]:
        """Where the words of ``q`` are: one passage for a contiguous quote, several for a spliced one."""
        n = len(q)
        if n == 0:
            return []
        hits = self.exact(q)
        if hits:
            return [self.exact_passage(q, hits[0])]
        if n < MIN_WORDS:
            return []
        found: list[tuple[int, int, int, int]] = []
        todo = [(0, n)]
        while todo:
            a, b = todo.pop()
            if b - a < MIN_WORDS:
                continue
            seeds = self._seeds(q, a, b)
            cluster = self._cluster(seeds) if seeds else None
            if cluster is None:
                continue
            covered, qa, qb, sa, sb = cluster
            if covered < min(MIN_WORDS, b - a) or covered * 2 < qb - qa:
                continue
            found.append((qa, qb, sa, sb))
            todo += [(a, qa), (qb, b)]
        if not found:
            return []
        found = self._merge_near(sorted(found))
        out: list[Passage] = []
        for k, (qa, qb, sa, sb) in enumerate(found):
            # words no passage accounts for go with their neighbour: leading ones to the first, the rest to the left
            lo = 0 if k == 0 else qa
            hi = found[k + 1][0] if k + 1 < len(found) else n
            out.append(self._passage(q, lo, hi, sa - (qa - lo), sb + (hi - qb), core=(sa, sb)))
        good = [
            p
            for p in out
            if p.equal_words >= min(MIN_WORDS, p.quote_end - p.quote_start)
            and p.equal_words * 2 >= p.quote_end - p.quote_start
        ]
        return good

    def _merge_near(self, found: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
        """Join passages of one speaker's turn within a few words of each other: words reordered, not spliced."""
        merged = True
        while merged and len(found) > 1:
            merged = False
            for x in range(len(found)):
                for y in range(x + 1, len(found)):
                    a, b = found[x], found[y]
                    near = max(a[2], b[2]) - min(a[3], b[3]) <= 2 * GAP
                    same = self.doc[a[2]] == self.doc[b[2]] and self.turn[a[2]] == self.turn[b[2]]
                    if near and same:
                        found[x] = (min(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), max(a[3], b[3]))
                        del found[y]
                        merged = True
                        break
                if merged:
                    break
        return sorted(found)

    def _passage(
        self, q: Sequence[str], qa: int, qb: int, sa: int, sb: int, core: tuple[int, int] | None = None
    ) -> Passage:
        """The diff of ``q[qa:qb]`` against source words ``sa:sb``, loose ends trimmed.

        Words added around the ``core`` the quote was placed by stay within its
        source and its speaker's turn.
        """
        ca, cb = core or (sa, sb)
        lo, hi = self.doc_bounds[self.doc[min(max(ca, 0), len(self.keys) - 1)]]
        sa, sb = max(sa, lo), min(sb, hi)
        while sa < ca and self.turn[sa] != self.turn[ca]:
            sa += 1
        while sb > cb and self.turn[sb - 1] != self.turn[cb - 1]:
            sb -= 1
        ops = Levenshtein.opcodes(self.keys[sa:sb], list(q[qa:qb]))
        head, tail = max(0, ca - sa), max(0, sb - cb)  # only words added around the core are loose ends
        if len(ops) and ops[0].tag == "delete":
            sa += min(ops[0].src_end, head)
        if len(ops) and ops[-1].tag == "delete" and sb - sa > 0:
            sb -= min(ops[-1].src_end - ops[-1].src_start, tail)
        ops = Levenshtein.opcodes(self.keys[sa:sb], list(q[qa:qb]))
        edits = tuple(
            Edit(
                cast(EditOp, o.tag),
                tuple(self.keys[sa + o.src_start : sa + o.src_end]),
                tuple(q[qa + o.dest_start : qa + o.dest_end]),
            )
            for o in ops
        )
        src = self.sources[self.doc[sa]] if sb > sa else self.sources[self.doc[lo]]
        start = self.starts[sa] if sb > sa else 0
        end = self.ends[sb - 1] if sb > sa else 0
        turns = list(dict.fromkeys(self.turn[sa:sb]))
        speakers = tuple((src.turns[t].speaker or None) if t >= 0 else None for t in turns)
        return Passage(self.doc[sa] if sb > sa else self.doc[lo], start, end, qa, qb, edits, speakers)


# --- what a change does to the meaning -------------------------------------------------------

_NEGATOR_WORDS = "not no never cannot nobody none nothing neither nor nowhere without"
_NUMBER_WORD_LIST = """
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million
    billion trillion dozen half
"""
_NEGATORS = frozenset(_NEGATOR_WORDS.split())
_NUMBER_WORDS = frozenset(_NUMBER_WORD_LIST.split())


def _negations(ws: Sequence[str]) -> list[str]:
    return [w for w in ws if w in _NEGATORS or w.endswith("n't")]


def _numbers(ws: Sequence[str]) -> list[str]:
    return [w for w in ws if w in _NUMBER_WORDS or any(ch.isdigit() for ch in w)]


def flips(edits: Sequence[Edit]) -> list[str]:
    """What the changes do to the meaning: a negation added or dropped, a number changed.

    Counted over all the changes together, so a negation that only moved
    (words reordered) is not a flip.
    """
    changed = [e for e in edits if e.op != "equal"]
    source = [w for e in changed for w in e.source]
    quote = [w for e in changed for w in e.quote]
    out: list[str] = []
    neg_s, neg_q = _negations(source), _negations(quote)
    if len(neg_q) > len(neg_s):
        out.append(f"negation added: “{' '.join(neg_q)}”")
    elif len(neg_q) < len(neg_s):
        out.append(f"negation dropped: “{' '.join(neg_s)}”")
    num_s, num_q = Counter(_numbers(source)), Counter(_numbers(quote))
    if num_s != num_q:
        was = " ".join((num_s - num_q).elements()) or "none"
        now = " ".join((num_q - num_s).elements()) or "none"
        out.append(f"number changed: {was} → {now}")
    return out


def diff_text(edits: Sequence[Edit]) -> str:
    """A word diff in wdiff's notation: ``[-dropped-]`` ``{+added+}``."""
    parts: list[str] = []
    for e in edits:
        if e.op == "equal":
            parts.append(" ".join(e.quote))
            continue
        if e.source:
            parts.append(f"[-{' '.join(e.source)}-]")
        if e.quote:
            parts.append(f"{{+{' '.join(e.quote)}+}}")
    return " ".join(parts)
