"""The regression gate on the real rules backend: it passes as committed and catches a broken rule.

The break is done in-process: emptying the reporting-verb lexicon the
attribution finder reads leaves only "according to" attributions, which
must drop the attribution figures below the baseline.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck import cli

ROOT = Path(__file__).resolve().parents[1]
GOLD = "evals/gold.jsonl"  # relative, as the baseline records it and CI runs it from the repo root
BASELINE = "evals/baseline-rules.json"
SEED_GOLD = Path(__file__).parent / "data" / "seed_gold.jsonl"

needs_committed = pytest.mark.skipif(
    not ((ROOT / GOLD).is_file() and (ROOT / BASELINE).is_file()),
    reason="evals/ gold or rules baseline not written yet",
)


@pytest.fixture
def in_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def break_reporting_verbs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The deliberately broken rule: no verb counts as a reporting verb any more."""
    from claimcheck.backends.rules import attribution

    assert "say" in attribution.REPORTING_VERBS  # the rule being broken exists
    monkeypatch.setattr(attribution, "REPORTING_VERBS", frozenset())


def eval_rules(*argv: str) -> int:
    return cli.main(["eval", "--backend", "rules", "--no-cache", "--no-progress", *argv])


@needs_committed
def test_rules_pass_the_committed_baseline(in_repo_root: None, capsys: pytest.CaptureFixture[str]) -> None:
    baseline = json.loads(Path(BASELINE).read_text(encoding="utf-8"))
    assert (baseline["backend"], baseline["gold"], baseline["split"]) == ("rules", GOLD, None)
    assert eval_rules("--gold", GOLD, "--baseline", BASELINE) == 0
    assert "warning" not in capsys.readouterr().err


@needs_committed
def test_broken_rule_fails_the_committed_baseline(
    in_repo_root: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    break_reporting_verbs(monkeypatch)
    assert eval_rules("--gold", GOLD, "--baseline", BASELINE) == 1
    assert "gate failed: attribution_f1" in capsys.readouterr().err


def test_broken_rule_fails_a_baseline_written_on_the_seed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    baseline = tmp_path / "baseline.json"
    assert eval_rules("--gold", str(SEED_GOLD), "--allow-outside-paths", "--write-baseline", str(baseline)) == 0
    before = json.loads(baseline.read_text(encoding="utf-8"))["figures"]
    # 7 of the seed's 12 attributions hang on a reporting verb, the other 5 on "according to"
    assert before["attribution_r"] > 0.5
    capsys.readouterr()

    break_reporting_verbs(monkeypatch)
    assert eval_rules("--gold", str(SEED_GOLD), "--allow-outside-paths", "--baseline", str(baseline)) == 1
    err = capsys.readouterr().err
    assert "gate failed: attribution_r" in err and "gate failed: attribution_f1" in err
