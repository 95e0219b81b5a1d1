"""``eval compare``: figures from per-document counts, the paired bootstrap, verdicts, the gate and its report.

The bootstrap is checked against a slow reference that rebuilds each round's
corpus score with :class:`claimcheck.evaluation.scoring.CorpusScore` from the same draws,
so the vectorised sums cannot drift from the scorer. The end-to-end tests run
the real rules backend on our gold, once as committed and once with the
reporting-verb lexicon emptied (as test_eval_rules.py does).
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from claimcheck import cli
from claimcheck.errors import ConfigError
from claimcheck.evaluation.comparison import (
    SAME,
    WORSE,
    RunCounts,
    bootstrap_intervals,
    compare,
    counts_matrix,
    doc_figures,
    figures_from_sums,
    load_run_counts,
    require_document_counts,
)
from claimcheck.evaluation.comparison_report import regression_lines, render_comparison
from claimcheck.evaluation.gold import load_gold
from claimcheck.evaluation.scoring import FIGURES, CorpusScore, DocScore, score_document

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "evals" / "gold.jsonl"
needs_gold = pytest.mark.skipif(not GOLD.is_file(), reason="evals/gold.jsonl not written yet")


def scored_docs(drop_every: int = 0) -> list[DocScore]:
    """Our gold scored against itself, with every ``drop_every``-th claim's source wiped (a known regression)."""
    docs = []
    for d in load_gold(GOLD):
        pred = [
            c.model_copy(update={"source": None, "source_name": None, "source_type": None, "cue": None})
            if drop_every and k % drop_every == 0
            else c
            for k, c in enumerate(d.claims)
        ]
        docs.append(score_document(d.claims, pred, scope=d.scope, doc_id=d.id))
    return docs


def run_counts(docs: list[DocScore], path: str = "x.json") -> RunCounts:
    corpus = CorpusScore(docs=docs)
    return RunCounts(path, "results", {}, corpus.figures(), {d.id: d.counts() for d in docs})


@needs_gold
def test_figures_from_counts_equal_the_scorers() -> None:
    docs = scored_docs(drop_every=3)
    want = CorpusScore(docs=docs).figures()
    got = figures_from_sums(counts_matrix([d.counts() for d in docs]).sum(axis=0, keepdims=True))
    for name in FIGURES:
        value = float(got[name][0])
        assert (math.isnan(value) and want[name] is None) or value == pytest.approx(want[name]), name


def test_empty_families_are_none_in_corpus_figures_and_perfect_per_document() -> None:
    empty = score_document([], [], doc_id="empty")
    figs = figures_from_sums(counts_matrix([empty.counts()]))
    assert all(math.isnan(float(v[0])) for v in figs.values())
    own = doc_figures(empty.counts())
    assert own["attribution_f1"] == 1.0 and own["quote_accuracy"] is None


@needs_gold
def test_bootstrap_matches_a_reference_rebuilt_with_the_scorer() -> None:
    a, b = scored_docs(), scored_docs(drop_every=4)
    rounds, seed = 200, 7
    got = bootstrap_intervals(
        counts_matrix([d.counts() for d in a]), counts_matrix([d.counts() for d in b]), rounds=rounds, seed=seed
    )
    n = len(a)
    weights = np.random.default_rng(seed).multinomial(n, np.full(n, 1.0 / n), size=rounds)
    diffs: dict[str, list[float]] = {name: [] for name in FIGURES}
    for w in weights:
        picked_a = [d for d, k in zip(a, w, strict=True) for _ in range(k)]
        picked_b = [d for d, k in zip(b, w, strict=True) for _ in range(k)]
        fa, fb = CorpusScore(docs=picked_a).figures(), CorpusScore(docs=picked_b).figures()
        for name in FIGURES:
            if fa[name] is not None and fb[name] is not None:
                diffs[name].append(fb[name] - fa[name])  # type: ignore[operator]
    for name in FIGURES:
        low, high = np.percentile(diffs[name], [2.5, 97.5])
        assert got[name] == (pytest.approx(low), pytest.approx(high)), name


@needs_gold
def test_same_run_is_no_change_and_a_regression_is_worse_with_its_documents() -> None:
    base = run_counts(scored_docs())
    same = compare(base, run_counts(scored_docs()))
    assert {c.verdict for c in same.changes if c.a is not None} == {SAME}
    assert all((c.low, c.high) == (0.0, 0.0) for c in same.changes if c.a is not None)
    assert same.regressions() == [] and same.worse == [] and same.better == []

    broken = compare(base, run_counts(scored_docs(drop_every=2)))
    by_name = {c.name: c for c in broken.changes}
    assert by_name["attribution_f1"].verdict == WORSE
    assert by_name["attribution_f1"].high is not None and by_name["attribution_f1"].high < 0
    assert by_name["claim_f1"].verdict == SAME  # claims still match; only their sources are gone
    assert "attribution_f1" in {c.name for c in broken.regressions()}
    assert broken.worse and all(d.delta < 0 for d in broken.worse)
    # reversed, the same change is "better" and is not a regression
    assert compare(run_counts(scored_docs(drop_every=2)), base).regressions() == []


@needs_gold
def test_regression_lines_and_json_text_of_a_comparison() -> None:
    base = run_counts(scored_docs())
    broken = compare(base, run_counts(scored_docs(drop_every=2)))
    lines = regression_lines(broken)
    assert len(lines) == len(broken.regressions()) and lines
    line = next(x for x in lines if x.startswith("attribution_f1 "))
    assert re.fullmatch(r"attribution_f1 1\.000 → 0\.\d{3}, 95% CI \[-0\.\d{3}, -0\.\d{3}\]", line)
    assert regression_lines(compare(base, run_counts(scored_docs()))) == []
    text = broken.to_json_text()
    assert text.endswith("}\n") and json.loads(text) == broken.to_json()


@needs_gold
def test_an_interval_gate_needs_document_counts_on_both_sides() -> None:
    full = run_counts(scored_docs())
    require_document_counts(full, full)
    aggregate = RunCounts("old.json", "baseline", {}, full.figures, None)
    with pytest.raises(ConfigError, match=r"old\.json holds aggregate figures only"):
        require_document_counts(full, aggregate)


@needs_gold
def test_same_seed_same_interval_other_seed_close() -> None:
    a, b = run_counts(scored_docs()), run_counts(scored_docs(drop_every=5))
    one, two = compare(a, b, seed=1), compare(a, b, seed=1)
    assert [(c.low, c.high) for c in one.changes] == [(c.low, c.high) for c in two.changes]
    other = {c.name: c for c in compare(a, b, seed=2).changes}
    for c in one.changes:
        if c.low is not None:
            assert abs(c.low - other[c.name].low) < 0.05  # type: ignore[operator]


@needs_gold
def test_only_shared_documents_are_paired() -> None:
    docs = scored_docs()
    cmp = compare(run_counts(docs), run_counts(docs[:-3]))
    assert cmp.paired == len(docs) - 3 and cmp.only_a == [d.id for d in docs[-3:]] and cmp.only_b == []


@needs_gold
def test_report_is_self_contained_with_a_bar_per_document() -> None:
    cmp = compare(run_counts(scored_docs()), run_counts(scored_docs(drop_every=2)))
    page = render_comparison(cmp)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not re.search(r"(src|href)=['\"]?(https?:|//)", page)
    assert page.count("<rect ") == cmp.paired
    assert "<script" not in page


# --- the command ----------------------------------------------------------------------------


def eval_rules(*argv: str) -> int:
    return cli.main(["eval", "--backend", "rules", "--no-cache", "--no-progress", *argv])


@pytest.fixture(scope="module")
def rule_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Three real rules runs on our gold: twice as committed, once with no reporting verbs."""
    if not GOLD.is_file():
        pytest.skip("evals/gold.jsonl not written yet")
    from claimcheck.backends.rules import attribution

    out = tmp_path_factory.mktemp("runs")
    paths = {k: out / f"{k}.json" for k in ("a", "a2", "broken")}
    assert eval_rules("--gold", str(GOLD), "--out", str(paths["a"]), "--write-baseline", str(out / "base.json")) == 0
    assert eval_rules("--gold", str(GOLD), "--out", str(paths["a2"])) == 0
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(attribution, "REPORTING_VERBS", frozenset())
        eval_rules("--gold", str(GOLD), "--out", str(paths["broken"]))
    paths["base"] = out / "base.json"
    return paths


def compare_cli(*argv: str | Path) -> int:
    """``claimcheck eval compare`` with these arguments; usage errors exit like the real command."""
    try:
        return cli.main(["eval", "compare", *map(str, argv)])
    except SystemExit as exc:
        return int(exc.code or 0)


def compare_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any], str]:
    capsys.readouterr()
    code = cli.main(["eval", "compare", *argv, "--format", "json"])
    captured = capsys.readouterr()
    return code, json.loads(captured.out), captured.err


def test_two_runs_of_the_same_code_are_no_detectable_change(
    rule_runs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = compare_json(capsys, str(rule_runs["a"]), str(rule_runs["a2"]), "--fail-on-regression")
    assert code == 0
    assert {f["verdict"] for f in out["figures"]} == {"no detectable change"}
    assert out["paired_documents"] == len(load_gold(GOLD)) and out["rounds"] == 1000


def test_the_broken_lexicon_is_caught(rule_runs: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = compare_json(capsys, str(rule_runs["a"]), str(rule_runs["broken"]), "--fail-on-regression")
    assert code == 1
    figs = {f["figure"]: f for f in out["figures"]}
    assert figs["attribution_f1"]["verdict"] == "worse" and figs["attribution_f1"]["ci95"][1] < 0
    assert out["documents"]["worse"] and out["documents"]["worse"][0]["delta"] < 0
    assert "regression: attribution_f1" in err
    # gated on a figure the break leaves alone, the same comparison passes
    assert compare_cli(rule_runs["a"], rule_runs["broken"], "--fail-on-regression", "--gate", "hedge_f1") == 0
    # without the flag it reports and exits 0
    assert compare_cli(rule_runs["a"], rule_runs["broken"]) == 0


def test_a_baseline_with_document_counts_compares_paired(
    rule_runs: dict[str, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    base = json.loads(rule_runs["base"].read_text(encoding="utf-8"))
    assert set(base["document_counts"]) == {d.id for d in load_gold(GOLD)}
    assert "text" not in json.dumps(base["document_counts"])
    report = tmp_path / "cmp.html"
    capsys.readouterr()
    assert compare_cli(rule_runs["base"], rule_runs["broken"], "--fail-on-regression", "--report", report) == 1
    assert "attribution_f1" in report.read_text(encoding="utf-8")


def test_an_aggregate_only_baseline_gives_differences_but_cannot_gate(
    rule_runs: dict[str, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    base = json.loads(rule_runs["base"].read_text(encoding="utf-8"))
    del base["document_counts"]
    old = tmp_path / "old-baseline.json"
    old.write_text(json.dumps(base), encoding="utf-8")
    code, out, _ = compare_json(capsys, str(old), str(rule_runs["broken"]))
    assert code == 0
    figs = {f["figure"]: f for f in out["figures"]}
    assert figs["attribution_f1"]["ci95"] is None and figs["attribution_f1"]["verdict"] == "no interval"
    assert figs["attribution_f1"]["diff"] < -0.5
    assert compare_cli(old, rule_runs["broken"], "--fail-on-regression") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "aggregate figures only" in err and "--write-baseline" in err


def test_results_without_counts_and_bad_files_exit_2(
    rule_runs: dict[str, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old = json.loads(rule_runs["a"].read_text(encoding="utf-8"))
    for d in old["documents_detail"]:
        del d["counts"]
    legacy = tmp_path / "legacy.json"
    legacy.write_text(json.dumps(old), encoding="utf-8")
    junk = tmp_path / "junk.json"
    junk.write_text("[1, 2]", encoding="utf-8")
    for bad in (legacy, junk, tmp_path / "missing.json"):
        capsys.readouterr()
        assert compare_cli(rule_runs["a"], bad) == 2
        err = capsys.readouterr().err
        assert err.startswith("claimcheck: error:") and err.count("\n") == 1 and str(bad) in err
    assert load_run_counts(rule_runs["a"]).documents is not None
    assert compare_cli(rule_runs["a"], legacy) == 2
    assert "--from" in capsys.readouterr().err
    assert compare_cli(rule_runs["a"], rule_runs["a2"], "--rounds", "10") == 2
    assert compare_cli(rule_runs["a"], rule_runs["a2"], "--gate", "nope") == 2
