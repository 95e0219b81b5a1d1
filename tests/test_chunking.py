"""Splitting long documents into overlapping chunks, and merging claims found twice."""

from __future__ import annotations

import itertools
import re

import pytest

from claimcheck.backends.llm.chunking import Chunk, merge_claims, shift_claim, split_text
from claimcheck.grounding import ground_claim
from claimcheck.schema import Claim, Hedge


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def _check_cover(text: str, chunks: list[Chunk], max_chars: int) -> None:
    assert chunks[0].start == 0 and chunks[-1].end == len(text)
    for a, b in itertools.pairwise(chunks):
        assert b.start > a.start and b.end > a.end  # progress
        assert b.start <= a.end  # no gap
    for c in chunks:
        assert c.text == text[c.start : c.end] and len(c.text) <= max_chars


def test_short_text_is_one_chunk() -> None:
    assert split_text("One paragraph.", 100, 10) == [Chunk(0, 14, "One paragraph.")]


def test_paragraph_chunks_overlap_by_at_least_one_paragraph() -> None:
    text = "\n\n".join(f"Paragraph {k} says something checkable about item {k}." for k in range(30))
    chunks = split_text(text, 400, 0)
    assert len(chunks) > 3
    _check_cover(text, chunks, 400)
    paragraphs = _paragraph_spans(text)
    starts = {s for s, _ in paragraphs}
    for a, b in itertools.pairwise(chunks):
        assert b.start in starts  # chunks start on a paragraph
        overlap = [p for p in paragraphs if b.start <= p[0] and p[1] <= a.end]
        assert overlap, "consecutive chunks share at least one whole paragraph"
    # every paragraph is read whole by some chunk, so no claim is only ever seen cut
    for s, e in paragraphs:
        assert any(c.start <= s and e <= c.end for c in chunks)


def test_overlap_grows_to_the_requested_size() -> None:
    text = "\n\n".join(f"Short paragraph number {k:02d}." for k in range(60))
    narrow = split_text(text, 500, 0)
    wide = split_text(text, 500, 200)
    shared = [a.end - b.start for a, b in itertools.pairwise(wide)]
    assert min(shared) >= 150 and len(wide) > len(narrow)


def test_giant_paragraph_splits_on_sentences() -> None:
    sentences = [f"Sentence {k} reports that figure {k} rose." for k in range(80)]
    text = "Intro paragraph.\n\n" + " ".join(sentences) + "\n\nOutro paragraph."
    chunks = split_text(text, 300, 60)
    _check_cover(text, chunks, 300)
    sentence_starts = {m.start() for m in re.finditer(r"Sentence \d+", text)} | {0, text.index("Outro")}
    assert all(c.start in sentence_starts for c in chunks)
    for m in re.finditer(r"Sentence \d+[^.]*\.", text):
        assert any(c.start <= m.start() and m.end() <= c.end for c in chunks)


def test_text_without_boundaries_is_cut_hard() -> None:
    text = "x" * 2500
    chunks = split_text(text, 1000, 100)
    _check_cover(text, chunks, 1000)
    assert [len(c.text) for c in chunks] == [1000, 1000, 500]


def test_paragraph_as_long_as_a_chunk_still_progresses() -> None:
    text = "\n\n".join(["a" * 390, "b" * 390, "c" * 10, "d" * 395])
    chunks = split_text(text, 400, 100)
    _check_cover(text, chunks, 400)


def test_invalid_size() -> None:
    with pytest.raises(ValueError):
        split_text("text", 0)


TEXT = "Intro. The plant will close in May, the company said. It may cut about 300 jobs, union leaders said."


def _grounded(claim: str, source: str | None = None, cue: str | None = None, text: str = TEXT) -> Claim:
    return ground_claim(Claim(claim=claim, source=source, source_name=source, cue=cue), text)


def test_shift_claim_moves_every_offset() -> None:
    chunk_start = TEXT.index("It may")
    chunk = TEXT[chunk_start:]
    c = ground_claim(
        Claim(
            claim="It may cut about 300 jobs",
            source="union leaders",
            cue="said",
            hedges=[Hedge(cue="may", kind="uncertainty"), Hedge(cue="about", kind="approximation")],
        ),
        chunk,
    )
    moved = shift_claim(c, chunk_start)
    assert TEXT[moved.start : moved.end] == moved.claim
    assert TEXT[moved.source_start : moved.source_end] == "union leaders"
    assert TEXT[moved.cue_start : moved.cue_end] == "said"
    assert [TEXT[h.start : h.end] for h in moved.hedges] == ["may", "about"]


def test_merge_keeps_one_of_overlapping_claims_with_the_same_source() -> None:
    whole = _grounded("The plant will close in May", "the company", "said")
    cut = _grounded("will close in May", "the company", "said")
    other = _grounded("It may cut about 300 jobs", "union leaders", "said")
    merged = merge_claims([[cut, other], [whole, other]])
    assert [c.claim for c in merged] == ["The plant will close in May", "It may cut about 300 jobs"]


def test_merge_keeps_overlapping_claims_with_different_sources() -> None:
    attributed = _grounded("The plant will close in May", "the company", "said")
    unattributed = _grounded("The plant will close in May")
    assert len(merge_claims([[attributed], [unattributed]])) == 2


def test_merge_orders_by_position() -> None:
    late = _grounded("It may cut about 300 jobs", "union leaders")
    early = _grounded("The plant will close in May", "the company")
    assert [c.claim for c in merge_claims([[late], [early]])] == [early.claim, late.claim]
