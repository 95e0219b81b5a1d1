"""Parse a document's parser copy in pieces, so time and memory stay linear in its length.

spaCy's working memory grows with the length of the text it is given (3.3 GB
for a 1M-character document at once), so a long text is cut into pieces of
about :data:`PIECE_CHARS` at paragraph starts (sentence starts, then spaces,
inside a giant paragraph), the pieces go through ``nlp.pipe`` with every
other document, and each document's pieces are joined back into one
:class:`~spacy.tokens.Doc` whose text is the parse copy exactly. No sentence
crosses a paragraph, so cutting at paragraph starts changes nothing the rules
read.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from claimcheck.text import TextModel

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["PIECE_CHARS", "parse_many", "pieces"]

#: Longest piece handed to the parser: about a long article, so a batch of pieces costs what a batch of articles does.
PIECE_CHARS = 10_000


def _last_before(starts: list[int], lo: int, hi: int) -> int | None:
    """The largest of the sorted ``starts`` in ``(lo, hi]``, if any."""
    k = bisect_right(starts, hi) - 1
    return starts[k] if k >= 0 and starts[k] > lo else None


def pieces(model: TextModel, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """Contiguous spans covering the parse copy, each at most ``limit`` characters."""
    text = model.parse_text
    n = len(text)
    if n <= limit:
        return [(0, n)]
    sentence_starts = [s for s, _ in model.sentences]
    out: list[tuple[int, int]] = []
    pos = 0
    while n - pos > limit:
        hi = pos + limit
        cut = _last_before(model.para_starts, pos, hi) or _last_before(sentence_starts, pos, hi)
        if cut is None:
            space = max(text.rfind(" ", pos + 1, hi), text.rfind("\n", pos + 1, hi))
            cut = space + 1 if space > pos else hi
        out.append((pos, cut))
        pos = cut
    out.append((pos, n))
    return out


def parse_many(nlp: Language, models: Sequence[TextModel], batch_size: int) -> Iterator[Doc]:
    """One parse per model, in order, of its :attr:`~claimcheck.text.TextModel.parse_text`."""
    from spacy.tokens import Doc

    spans = [pieces(m) for m in models]
    texts = (m.parse_text[s:e] for m, sp in zip(models, spans, strict=True) for s, e in sp)
    parsed = nlp.pipe(texts, batch_size=batch_size)
    for sp in spans:
        parts = [next(parsed) for _ in sp]
        # The stubs lack ``exclude``; the rules read no tensors, so none is concatenated.
        yield parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]
