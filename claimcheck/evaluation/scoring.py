"""Score predicted claims against gold claims, exactly as claims-spec.md section 4 says.

Modelled on spaCy's ``Scorer``: per document, true/false positives and
negatives are counted into small :class:`PRF` records that add up over the
corpus (micro-averaging). The scorer knows nothing of backends: it reads any
objects with the ``Claim`` fields, so gold files, predictions read back from
JSONL and live extractions are scored the same way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from claimcheck.name_match import name_within, normalise_name, tokens
from claimcheck.text.names import TITLE_PHRASES, TITLE_WORDS

__all__ = [
    "ATTRIBUTED_SCOPE",
    "FAMILIES",
    "FIGURES",
    "HEADLINE_FIGURES",
    "MATCH_THRESHOLD",
    "PRF",
    "TITLE_PHRASES",
    "TITLE_WORDS",
    "Accuracy",
    "ClaimLike",
    "CorpusScore",
    "DocScore",
    "Pair",
    "match_claims",
    "normalise_cue",
    "normalise_name",
    "score_corpus",
    "score_document",
    "sources_agree",
    "token_f1",
    "tokens",
]

#: A (predicted, gold) pair counts as the same claim from this token F1 up.
MATCH_THRESHOLD = 0.5

#: Every figure of a corpus score, in the order they are printed.
FIGURES: tuple[str, ...] = (
    "attribution_p",
    "attribution_r",
    "attribution_f1",
    "claim_p",
    "claim_r",
    "claim_f1",
    "unattributed_p",
    "unattributed_r",
    "unattributed_f1",
    "source_accuracy",
    "hedge_p",
    "hedge_r",
    "hedge_f1",
    "quote_accuracy",
)

#: The figures a regression gate watches (spec section 4's headline and its companions).
HEADLINE_FIGURES: tuple[str, ...] = (
    "attribution_f1",
    "attribution_p",
    "attribution_r",
    "unattributed_f1",
    "source_accuracy",
    "hedge_f1",
    "quote_accuracy",
    "claim_f1",
)

#: The counter families behind the figures: ``DocScore`` attributes, ``PRF`` or ``Accuracy`` each.
FAMILIES: tuple[str, ...] = ("attribution", "claim", "unattributed", "source", "hedge", "quote")

#: The gold ``scope`` of attribution-only corpora (spec section 3).
ATTRIBUTED_SCOPE = "attributed"


class _HedgeLike(Protocol):
    cue: str


class ClaimLike(Protocol):
    """What the scorer reads of a claim: the ``Claim`` fields (gold may add ``source_aliases``)."""

    # Read-only members, so a record with narrower types (``quote`` a Literal, a list of hedges) fits.
    @property
    def claim(self) -> str: ...
    @property
    def source(self) -> str | None: ...
    @property
    def source_name(self) -> str | None: ...
    @property
    def quote(self) -> str: ...
    @property
    def hedges(self) -> Sequence[_HedgeLike]: ...


# --- tokens and names -----------------------------------------------------------------------


def token_f1(a: Sequence[str] | str, b: Sequence[str] | str) -> float:
    """Token-level F1 (bag of tokens, as in SQuAD); strings are tokenised first.

    Computed as ``2 * common / (len(a) + len(b))``, which equals ``2PR / (P + R)``
    but is exact at the 0.5 threshold: the P/R form rounds some exact halves
    (7 common tokens of 8 and 20) to 0.4999…, which would drop a valid match.
    """
    ta = tokens(a) if isinstance(a, str) else a
    tb = tokens(b) if isinstance(b, str) else b
    return _bag_f1(Counter(ta), Counter(tb))


def _bag_f1(a: Counter[str], b: Counter[str]) -> float:
    """:func:`token_f1` on bags of tokens already counted."""
    if not a or not b:
        return 0.0
    return 2 * (a & b).total() / (a.total() + b.total())


def _name_of(claim: ClaimLike) -> str | None:
    return claim.source_name or claim.source


def _names_agree(pred_name: str, gold_name: str) -> bool:
    return token_f1(normalise_name(pred_name), normalise_name(gold_name)) >= MATCH_THRESHOLD


def sources_agree(pred: ClaimLike, gold: ClaimLike, *, scope: str | None = None) -> bool:
    """Spec 4.3: both unattributed, or both attributed with agreeing normalised names.

    The predicted ``source_name`` (else its ``source``) agrees with the gold
    ``source_name`` at token F1 >= 0.5 after normalisation, or when it equals a
    gold ``source_aliases`` entry. In ``scope="attributed"`` documents the
    predicted mention may also match the gold mention, or the predicted name or
    mention stand whole inside the gold source phrase (spec section 3).
    """
    if pred.source is None or gold.source is None:
        return pred.source is None and gold.source is None
    pred_name = _name_of(pred)
    gold_name = _name_of(gold)
    assert pred_name is not None and gold_name is not None  # source is set, so a name is
    aliases = [a for a in getattr(gold, "source_aliases", None) or [] if a]
    if any(normalise_name(pred_name) == normalise_name(a) for a in aliases):
        return True
    if _names_agree(pred_name, gold_name):
        return True
    if scope != ATTRIBUTED_SCOPE:
        return False
    return (
        _names_agree(pred.source, gold.source)
        or name_within(pred_name, gold.source)
        or name_within(pred.source, gold.source)
    )


def normalise_cue(cue: str) -> str:
    """A hedge cue as compared: its tokens joined by single spaces."""
    return " ".join(tokens(cue))


# --- counting -------------------------------------------------------------------------------


@dataclass
class PRF:
    """Precision, recall and F1 from true/false positive and false negative counts (cf. spaCy's PRFScore)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: PRF) -> PRF:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def __len__(self) -> int:
        return self.tp + self.fp + self.fn

    def score_set(self, cand: set[str], gold: set[str]) -> None:
        self.tp += len(cand & gold)
        self.fp += len(cand - gold)
        self.fn += len(gold - cand)

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if len(self) else 0.0

    def counts(self) -> dict[str, int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Accuracy:
    """Share of ``total`` items that were ``correct``."""

    correct: int = 0
    total: int = 0

    def __iadd__(self, other: Accuracy) -> Accuracy:
        self.correct += other.correct
        self.total += other.total
        return self

    def add(self, ok: bool) -> None:
        self.correct += int(ok)
        self.total += 1

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def counts(self) -> dict[str, int]:
        return {"correct": self.correct, "total": self.total}


# --- matching -------------------------------------------------------------------------------


def match_claims(pred: Sequence[ClaimLike], gold: Sequence[ClaimLike]) -> list[tuple[int, int, float]]:
    """Spec 4.2: one-to-one (pred index, gold index, F1) pairs, best F1 first, F1 >= 0.5.

    Ties go to the earlier predicted claim, then the earlier gold claim, so
    the result never depends on hashing or sort stability.
    """
    gold_bags = [Counter(tokens(g.claim)) for g in gold]
    cands: list[tuple[float, int, int]] = []
    for i, p in enumerate(pred):
        bag = Counter(tokens(p.claim))
        for j, gold_bag in enumerate(gold_bags):
            f1 = _bag_f1(bag, gold_bag)
            if f1 >= MATCH_THRESHOLD:
                cands.append((-f1, i, j))
    cands.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for neg_f1, i, j in cands:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j, -neg_f1))
    return pairs


@dataclass
class Pair:
    """A matched (predicted, gold) claim pair and what agreed; ``None`` where not scored (attributed scope)."""

    pred: ClaimLike
    gold: ClaimLike
    f1: float
    source_ok: bool
    hedge_ok: bool | None
    quote_ok: bool | None


@dataclass
class DocScore:
    """One document's counts and the evidence behind them (for ``--by-field`` and the report)."""

    id: str
    scope: str | None
    pairs: list[Pair] = field(default_factory=list)
    missed: list[ClaimLike] = field(default_factory=list)
    spurious: list[ClaimLike] = field(default_factory=list)
    ignored: int = 0
    claim: PRF = field(default_factory=PRF)
    attribution: PRF = field(default_factory=PRF)
    unattributed: PRF = field(default_factory=PRF)
    source: Accuracy = field(default_factory=Accuracy)
    hedge: PRF = field(default_factory=PRF)
    quote: Accuracy = field(default_factory=Accuracy)

    def counts(self) -> dict[str, dict[str, int]]:
        """This document's raw counts by family: what a paired comparison resamples (no text)."""
        return {family: getattr(self, family).counts() for family in FAMILIES}

    @property
    def wrong_source(self) -> list[Pair]:
        return [p for p in self.pairs if not p.source_ok]

    @property
    def wrong_hedge(self) -> list[Pair]:
        return [p for p in self.pairs if p.hedge_ok is False]

    @property
    def wrong_quote(self) -> list[Pair]:
        return [p for p in self.pairs if p.quote_ok is False]


def score_document(
    gold: Sequence[ClaimLike], pred: Sequence[ClaimLike], *, scope: str | None = None, doc_id: str = ""
) -> DocScore:
    """Score one document's predicted claims against its gold claims (spec section 4)."""
    attributed_only = scope == ATTRIBUTED_SCOPE
    doc = DocScore(id=doc_id, scope=scope)
    if attributed_only:
        doc.ignored = sum(1 for c in pred if c.source is None)
        pred = [c for c in pred if c.source is not None]
        gold = [c for c in gold if c.source is not None]
    pairs = match_claims(pred, gold)
    matched_p = {i for i, _, _ in pairs}
    matched_g = {j for _, j, _ in pairs}
    doc.missed = [g for j, g in enumerate(gold) if j not in matched_g]
    doc.spurious = [p for i, p in enumerate(pred) if i not in matched_p]

    doc.claim = PRF(tp=len(pairs), fp=len(pred) - len(pairs), fn=len(gold) - len(pairs))
    attr_correct = unattr_correct = 0
    for i, j, f1 in pairs:
        p, g = pred[i], gold[j]
        source_ok = sources_agree(p, g, scope=scope)
        doc.source.add(source_ok)
        if source_ok and p.source is not None:
            attr_correct += 1
        elif source_ok:
            unattr_correct += 1
        hedge_ok = quote_ok = None
        if not attributed_only:
            cand = {normalise_cue(h.cue) for h in p.hedges}
            want = {normalise_cue(h.cue) for h in g.hedges}
            doc.hedge.score_set(cand, want)
            hedge_ok = cand == want
            quote_ok = p.quote == g.quote
            doc.quote.add(quote_ok)
        doc.pairs.append(Pair(pred=p, gold=g, f1=f1, source_ok=source_ok, hedge_ok=hedge_ok, quote_ok=quote_ok))

    n_pred_attr = sum(1 for c in pred if c.source is not None)
    n_gold_attr = sum(1 for c in gold if c.source is not None)
    doc.attribution = PRF(tp=attr_correct, fp=n_pred_attr - attr_correct, fn=n_gold_attr - attr_correct)
    doc.unattributed = PRF(
        tp=unattr_correct,
        fp=len(pred) - n_pred_attr - unattr_correct,
        fn=len(gold) - n_gold_attr - unattr_correct,
    )
    return doc


@dataclass
class CorpusScore:
    """Micro-averaged figures over documents, with the counts and document numbers behind each."""

    docs: list[DocScore] = field(default_factory=list)

    def add(self, doc: DocScore) -> None:
        self.docs.append(doc)

    def parts(self) -> dict[str, PRF | Accuracy]:
        """The counters summed over documents, by figure family."""
        totals: dict[str, PRF | Accuracy] = {
            family: Accuracy() if family in ("source", "quote") else PRF() for family in FAMILIES
        }
        for d in self.docs:
            for family, total in totals.items():
                total += getattr(d, family)
        return totals

    def figures(self) -> dict[str, float | None]:
        """Every figure in :data:`FIGURES`; ``None`` where nothing was there to score."""
        out: dict[str, float | None] = {}
        for family, part in self.parts().items():
            if isinstance(part, PRF):
                empty = len(part) == 0
                for suffix, value in (("p", part.p), ("r", part.r), ("f1", part.f)):
                    out[f"{family}_{suffix}"] = None if empty else value
            else:
                key = f"{family}_accuracy"
                out[key] = None if part.total == 0 else part.value
        return {k: out[k] for k in FIGURES}

    def counts(self) -> dict[str, dict[str, int]]:
        """Raw counts behind each figure family, plus how many documents fed it."""
        full_scope = sum(1 for d in self.docs if d.scope != ATTRIBUTED_SCOPE)
        docs_for = {
            "attribution": len(self.docs),
            "claim": len(self.docs),
            "source": len(self.docs),
            "unattributed": full_scope,
            "hedge": full_scope,
            "quote": full_scope,
        }
        return {family: {**part.counts(), "documents": docs_for[family]} for family, part in self.parts().items()}


def score_corpus(docs: Iterable[tuple[str, Sequence[ClaimLike], Sequence[ClaimLike], str | None]]) -> CorpusScore:
    """Score ``(doc id, gold claims, predicted claims, scope)`` tuples into one :class:`CorpusScore`."""
    corpus = CorpusScore()
    for doc_id, gold, pred, scope in docs:
        corpus.add(score_document(gold, pred, scope=scope, doc_id=doc_id))
    return corpus
