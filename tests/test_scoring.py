"""Spec section 4, checked against figures computed by hand on small examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.evaluation.gold import load_gold
from claimcheck.evaluation.scoring import (
    PRF,
    match_claims,
    normalise_name,
    score_corpus,
    score_document,
    sources_agree,
    token_f1,
    tokens,
)
from claimcheck.schema import Claim, Hedge

SEED_GOLD = Path(__file__).parent / "data" / "seed_gold.jsonl"


def claim(text: str, source: str | None = None, name: str | None = None, **kw: object) -> Claim:
    return Claim(claim=text, source=source, source_name=name if name is not None else source, **kw)


# --- tokens ---------------------------------------------------------------------------------


def test_tokens_fold_case_and_curly_quotes_and_split_on_non_alnum() -> None:
    assert tokens("It’s “One-way” drone, 20,000!") == ["it", "s", "one", "way", "drone", "20", "000"]
    assert tokens("It's") == tokens("It’s")


def test_token_f1_hand_computed() -> None:
    # 2 shared tokens; P = 2/3, R = 2/4 -> F1 = 2 * (2/3 * 1/2) / (2/3 + 1/2) = 4/7
    assert token_f1("a b c", "a b d e") == pytest.approx(4 / 7)
    assert token_f1("a a b", "a b b") == pytest.approx(2 / 3)  # bags: a and b once each in common
    assert token_f1("", "a") == 0.0


# --- matching -------------------------------------------------------------------------------


def test_matching_is_one_to_one_best_first() -> None:
    gold = [claim("the army took the town"), claim("the army took the city")]
    pred = [claim("the army took the city")]
    # the prediction is closer to gold 1 (F1 1.0) than to gold 0 (F1 0.8): it must take gold 1
    assert match_claims(pred, gold) == [(0, 1, 1.0)]


def test_matching_keeps_f1_of_exactly_half_and_drops_below() -> None:
    gold = [claim("a b c d")]
    assert match_claims([claim("a b")], gold) == [(0, 0, pytest.approx(2 / 3))]
    # "a x y z" vs "a b c d": one shared token of four -> F1 0.25, no match
    assert match_claims([claim("a x y z")], gold) == []
    # "a b x y" vs "a b c d": P = R = 1/2 -> F1 exactly 0.5, kept
    assert match_claims([claim("a b x y")], gold) == [(0, 0, 0.5)]


def test_an_exact_half_is_kept_whatever_the_lengths() -> None:
    # 7 shared tokens, 8 and 20 long: F1 = 2 * 7 / 28 = 0.5 exactly (2PR / (P + R) rounds it to 0.4999...)
    pred = " ".join(f"w{i}" for i in range(8))
    gold = " ".join(f"w{i}" for i in range(7)) + " " + " ".join(f"x{i}" for i in range(13))
    assert token_f1(pred, gold) == 0.5
    assert match_claims([claim(pred)], [claim(gold)]) == [(0, 0, 0.5)]


def test_matching_ties_go_to_the_earlier_claims() -> None:
    gold = [claim("same words here"), claim("same words here")]
    pred = [claim("same words here"), claim("same words here")]
    assert match_claims(pred, gold) == [(0, 0, 1.0), (1, 1, 1.0)]


# --- sources --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Mr Austin", ["austin"]),
        ("Defense Secretary Lloyd Austin", ["lloyd", "austin"]),
        ("White House national security council spokesperson Adrienne Watson", ["adrienne", "watson"]),
        ("Adrienne Watson, a White House spokesperson", ["adrienne", "watson"]),
        ("the Pentagon", ["pentagon"]),
        ("Gaza’s health ministry", ["gaza", "health", "ministry"]),
        ("Secretary of State Antony Blinken", ["antony", "blinken"]),
        ("the spokesperson", ["spokesperson"]),
        ("the spokesperson, Adrienne Watson", ["adrienne", "watson"]),
        ("Lieutenant Ann Cole", ["ann", "cole"]),
    ],
)
def test_normalise_name_drops_titles_the_and_possessives(name: str, expected: list[str]) -> None:
    assert normalise_name(name) == expected


def test_misspelt_source_name_disagrees_with_the_real_name() -> None:
    # spec section 5, S7: "Ms Waton" is the misspelling an editor wants flagged
    pred = claim("x", source="Ms Waton", name="Ms Waton")
    gold = claim("x", source="Ms Waton", name="Adrienne Watson")
    assert not sources_agree(pred, gold)


def test_surname_with_title_agrees_with_full_name() -> None:
    # "austin" vs "lloyd austin": P = 1, R = 1/2 -> F1 = 2/3 >= 0.5
    pred = claim("x", source="Mr Austin", name="Mr Austin")
    gold = claim("x", source="Mr Austin", name="Lloyd Austin")
    assert sources_agree(pred, gold)


def test_alias_counts_as_the_same_source() -> None:
    gold = claim("x", source="the ministry", name="Gaza health ministry", source_aliases=["Hamas-run ministry"])
    assert sources_agree(claim("x", source="it", name="Hamas-run ministry"), gold)
    assert not sources_agree(claim("x", source="it", name="Israeli army"), gold)


def test_source_mention_is_used_when_prediction_has_no_name() -> None:
    gold = claim("x", source="the Pentagon", name="Pentagon")
    assert sources_agree(Claim(claim="x", source="the Pentagon"), gold)
    assert not sources_agree(Claim(claim="x", source="Hamas"), gold)


def test_attributed_and_unattributed_never_agree() -> None:
    assert sources_agree(claim("x"), claim("x"))
    assert not sources_agree(claim("x", source="she", name="Ann Lee"), claim("x"))
    assert not sources_agree(claim("x"), claim("x", source="she", name="Ann Lee"))


def test_mention_match_counts_only_in_attributed_scope() -> None:
    gold = claim("x", source="she", name="Ann Lee")
    pred = claim("x", source="she", name="Mary Poe")
    assert not sources_agree(pred, gold)
    assert sources_agree(pred, gold, scope="attributed")


def test_a_name_whole_inside_the_gold_phrase_agrees_in_attributed_scope() -> None:
    """Spec section 3: attribution corpora mark the whole phrase; a name standing whole inside it agrees."""
    gold = Claim(claim="x", source="shelter director Jane Doe speaking at the Springfield town hall meeting")
    jane = claim("x", source="she", name="Jane Doe")
    assert not sources_agree(jane, gold)  # token F1 4/11 alone is too low, and outside attributed scope
    assert sources_agree(jane, gold, scope="attributed")
    assert sources_agree(claim("x", source="Ms. Doe", name="Doe"), gold, scope="attributed")
    assert not sources_agree(claim("x", source="Jane Do", name="Jane Do"), gold, scope="attributed")
    aide = Claim(claim="x", source="Jane Doe's longtime aide at the Springfield town hall office")
    assert not sources_agree(jane, aide, scope="attributed")


def test_one_list_of_titles_for_rules_scorer_and_checks() -> None:
    from claimcheck.backends.rules import lexicon
    from claimcheck.checks import sources as checks
    from claimcheck.evaluation import scoring
    from claimcheck.text import names

    assert scoring.TITLE_WORDS is names.TITLE_WORDS and lexicon.TITLES is names.TITLES
    assert checks.OFFICE_WORDS is names.OFFICE_WORDS and names.TITLE_WORDS <= names.OFFICE_WORDS
    assert {"mr.", "sen.", "mayor"} <= names.TITLES and normalise_name("Sen. Ann Lee") == ["ann", "lee"]


# --- figures --------------------------------------------------------------------------------


def test_prf_micro_counts() -> None:
    s = PRF()
    s.score_set({"a", "b"}, {"b", "c", "d"})
    assert (s.tp, s.fp, s.fn) == (1, 1, 2)
    assert (s.p, s.r, s.f) == (0.5, pytest.approx(1 / 3), 0.4)


def test_small_document_figures_by_hand() -> None:
    gold = [
        claim("the ministry said ten people died in the strike", "officials", "officials", quote="indirect"),
        claim("prices rose by about five percent last year", hedges=[Hedge(cue="about", kind="approximation")]),
        claim("the talks will resume on monday", "Mr Lee", "John Lee", quote="direct"),
        claim("the bridge was closed for repairs"),
    ]
    pred = [
        # matches gold 0 with the right source
        claim("the ministry said ten people died in the strike", "officials", "officials"),
        # matches gold 1 (unattributed) but misses the hedge
        claim("prices rose by about five percent last year"),
        # matches gold 2 with a wrong source, and wrong quote type
        claim("the talks will resume on monday", "Ms Kim", "Ann Kim", quote="indirect"),
        # spurious attributed claim
        claim("nobody knows what happened next", "a witness", "witness"),
    ]
    doc = score_document(gold, pred)
    assert (doc.claim.tp, doc.claim.fp, doc.claim.fn) == (3, 1, 1)
    # attributed: predicted 3, gold 2, correct 1
    assert (doc.attribution.tp, doc.attribution.fp, doc.attribution.fn) == (1, 2, 1)
    # unattributed: predicted 1, gold 2, correct 1
    assert (doc.unattributed.tp, doc.unattributed.fp, doc.unattributed.fn) == (1, 0, 1)
    assert (doc.source.correct, doc.source.total) == (2, 3)
    assert (doc.hedge.tp, doc.hedge.fp, doc.hedge.fn) == (0, 0, 1)
    assert (doc.quote.correct, doc.quote.total) == (2, 3)
    assert [c.claim for c in doc.missed] == ["the bridge was closed for repairs"]
    assert [c.claim for c in doc.spurious] == ["nobody knows what happened next"]
    assert [p.gold.claim for p in doc.wrong_source] == ["the talks will resume on monday"]
    assert len(doc.wrong_hedge) == 1 and len(doc.wrong_quote) == 1

    figures = score_corpus([("d", gold, pred, None)]).figures()
    assert figures["attribution_p"] == pytest.approx(1 / 3)
    assert figures["attribution_r"] == pytest.approx(1 / 2)
    assert figures["attribution_f1"] == pytest.approx(2 / 5)  # 2tp / (2tp + fp + fn) = 2 / 5
    assert figures["claim_f1"] == pytest.approx(6 / 8)
    assert figures["unattributed_f1"] == pytest.approx(2 / 3)
    assert figures["hedge_f1"] == 0.0
    assert figures["source_accuracy"] == pytest.approx(2 / 3)


def test_attributed_scope_ignores_unattributed_predictions_hedges_and_quotes() -> None:
    gold = [claim("the vote was rigged", "he", "Tom Bell", quote="direct")]
    pred = [
        claim("the vote was rigged", "he", "he", quote="indirect", hedges=[Hedge(cue="may", kind="uncertainty")]),
        claim("the weather was cold on tuesday"),  # unattributed: ignored here
    ]
    doc = score_document(gold, pred, scope="attributed")
    assert doc.ignored == 1
    assert (doc.claim.tp, doc.claim.fp, doc.claim.fn) == (1, 0, 0)
    assert (doc.attribution.tp, doc.attribution.fp, doc.attribution.fn) == (1, 0, 0)
    assert len(doc.hedge) == 0 and doc.quote.total == 0
    figures = score_corpus([("d", gold, pred, "attributed")]).figures()
    assert figures["hedge_f1"] is None and figures["quote_accuracy"] is None and figures["unattributed_f1"] is None
    assert figures["attribution_f1"] == 1.0


def test_micro_average_sums_counts_over_documents() -> None:
    a = ("a", [claim("x y z", "Ann", "Ann")], [claim("x y z", "Ann", "Ann")], None)
    b = ("b", [claim("p q r", "Bo", "Bo"), claim("s t u", "Bo", "Bo")], [], None)
    corpus = score_corpus([a, b])
    # tp 1, fn 2 over both documents: R = 1/3 (a macro average would give 1/2)
    assert corpus.figures()["attribution_r"] == pytest.approx(1 / 3)
    assert corpus.counts()["attribution"] == {"tp": 1, "fp": 0, "fn": 2, "documents": 2}


# --- the seed's worked example (spec section 5) ----------------------------------------------


def test_seed_gold_scored_against_itself_is_perfect() -> None:
    doc = load_gold(SEED_GOLD, allow_outside_paths=True)[0]
    figures = score_corpus([(doc.id, doc.claims, doc.claims, doc.scope)]).figures()
    assert figures == dict.fromkeys(figures, 1.0)
    counts = score_corpus([(doc.id, doc.claims, doc.claims, doc.scope)]).counts()
    assert counts["attribution"]["tp"] == 12 and counts["unattributed"]["tp"] == 3


def test_seed_with_ms_waton_as_name_loses_one_attribution() -> None:
    doc = load_gold(SEED_GOLD, allow_outside_paths=True)[0]
    pred = [
        c.model_copy(update={"source_name": "Ms Waton"}) if c.source == "Ms Waton" else c.model_copy()
        for c in doc.claims
    ]
    # and "Mr Austin" as the name for every Austin claim still agrees (token F1 2/3)
    pred = [c.model_copy(update={"source_name": "Mr Austin"}) if c.source == "Mr Austin" else c for c in pred]
    figures = score_corpus([(doc.id, doc.claims, pred, None)]).figures()
    assert figures["attribution_p"] == pytest.approx(11 / 12)
    assert figures["attribution_r"] == pytest.approx(11 / 12)
    assert figures["source_accuracy"] == pytest.approx(14 / 15)
    assert figures["claim_f1"] == 1.0
