"""The eval harness end to end: runs, failures, JSON and HTML output, baselines and gates.

A small in-process backend stands in for real ones so the figures it yields
are known exactly; the rules backend is exercised in test_eval_rules.py.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from claimcheck import cli
from claimcheck.backends import run_many_threaded
from claimcheck.errors import BackendError, ClaimcheckError, ConfigError
from claimcheck.evaluation import (
    baseline_mismatches,
    check_gates,
    evaluate,
    load_baseline,
    parse_fail_under,
    parse_gates,
    write_results,
)
from claimcheck.evaluation.ci import eval_drops, eval_junit
from claimcheck.evaluation.gold import GoldDoc, load_gold
from claimcheck.evaluation.rescoring import load_stored_run, rescore_stored
from claimcheck.evaluation.scoring import HEADLINE_FIGURES
from claimcheck.schema import Claim, Extraction, Usage

DATA = Path(__file__).parent / "data"
SEED_GOLD = DATA / "seed_gold.jsonl"


class GoldEcho:
    """Answers with the gold claims of the matching text, after ``alter`` (a deliberate mistake)."""

    name = "echo"
    model: str | None = "echo-1"
    prompt_version: str | None = "v0"

    def __init__(
        self,
        docs: Sequence[GoldDoc],
        alter: Callable[[list[Claim]], list[Claim]] = lambda cs: cs,
        fail_on: str = "\0",
    ) -> None:
        self.by_text = {d.text: d.claims for d in docs}
        self.alter = alter
        self.fail_on = fail_on

    def extract(self, text: str, *, doc_id: str = "doc") -> Extraction:
        if self.fail_on in text:
            raise BackendError(f"{doc_id}: endpoint went away")
        claims = self.alter([c.model_copy() for c in self.by_text[text]])
        usage = Usage(prompt_tokens=10, completion_tokens=5, total_tokens=15)
        return Extraction(id=doc_id, text=text, claims=claims, backend=self.name, model=self.model, usage=usage)

    async def aextract(self, text: str, *, doc_id: str = "doc") -> Extraction:
        return self.extract(text, doc_id=doc_id)

    def extract_many(
        self, docs: Sequence[tuple[str, str]], *, concurrency: int = 4
    ) -> list[Extraction | ClaimcheckError]:
        return run_many_threaded(self, docs, concurrency)


def drop_sources(claims: list[Claim]) -> list[Claim]:
    """The deliberate regression: every source becomes a wrong one."""
    return [c.model_copy(update={"source_name": "Nobody Known"}) if c.source else c for c in claims]


@pytest.fixture
def two_doc_gold(tmp_path: Path) -> Path:
    """The seed gold plus a small second document, both in the dev split."""
    seed = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    seed["text"] = (DATA / seed.pop("path")).read_text(encoding="utf-8")  # inline: a 'path' must stay beside the gold
    text = "Prices rose by about 5% <last> year, the ministry said."
    other = {
        "id": "prices",
        "text": text,
        "split": "dev",
        "claims": [
            {
                "claim": "Prices rose by about 5% <last> year",
                "source": "the ministry",
                "source_name": "ministry",
                "source_type": "government",
                "cue": "said",
                "quote": "indirect",
                "hedges": [{"cue": "about", "kind": "approximation"}],
            }
        ],
    }
    held_out = {**other, "id": "held-out", "split": "test"}
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in (seed, other, held_out)) + "\n", "utf-8")
    return path


def use_echo(monkeypatch: pytest.MonkeyPatch, gold: Path, **kwargs: Any) -> None:
    """Have the command run a :class:`GoldEcho` of ``gold`` (``kwargs`` as for GoldEcho)."""
    backend = GoldEcho(load_gold(gold), **kwargs)
    monkeypatch.setattr(cli, "_backend_from_args", lambda args: backend)


def run_cli(*argv: str) -> int:
    return cli.main(["eval", "--no-cache", "--no-progress", *argv])


# --- evaluate -------------------------------------------------------------------------------


def test_failed_document_is_counted_and_the_others_are_scored(two_doc_gold: Path) -> None:
    docs = load_gold(two_doc_gold)
    run = evaluate(docs, GoldEcho(docs, fail_on="<last>"), batch_size=1)
    assert [r.gold.id for r in run.failures] == ["prices", "held-out"]
    assert "endpoint went away" in str(run.failures[0].error)
    figures = run.figures()
    # the seed is perfect (12 attributed); the two failed documents count as 2 missed attributions
    assert figures["attribution_p"] == 1.0
    assert figures["attribution_r"] == pytest.approx(12 / 14)
    assert run.usage.total_tokens == 15  # only the document that ran spent tokens


def test_batches_report_progress_in_order(two_doc_gold: Path) -> None:
    docs = load_gold(two_doc_gold)
    seen: list[int] = []
    run = evaluate(docs, GoldEcho(docs), batch_size=2, on_batch=seen.append)
    assert seen == [2, 1]
    assert [r.gold.id for r in run.results] == ["seed-000", "prices", "held-out"]
    assert run.figures()["attribution_f1"] == 1.0


# --- the command ----------------------------------------------------------------------------


def test_eval_writes_results_json_and_report(
    two_doc_gold: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    use_echo(monkeypatch, two_doc_gold, alter=drop_sources, fail_on="<last>")
    out, report = tmp_path / "results.json", tmp_path / "report.html"
    code = run_cli("--gold", str(two_doc_gold), "--split", "dev", "--out", str(out), "--report", str(report))
    assert code == 0
    printed = capsys.readouterr().out
    assert "attribution_f1" in printed and "1 failed" in printed

    data = json.loads(out.read_text(encoding="utf-8"))
    assert (data["backend"], data["model"], data["prompt_version"], data["split"]) == ("echo", "echo-1", "v0", "dev")
    assert data["documents"] == 2  # the test-split document is left out
    assert data["failures"] == [{"id": "prices", "error": "prices: endpoint went away"}]
    assert data["usage"]["total_tokens"] == 15
    assert data["figures"]["attribution_f1"] == 0.0
    assert data["figures"]["unattributed_f1"] == 1.0
    assert data["counts"]["attribution"] == {"tp": 0, "fp": 12, "fn": 13, "documents": 2}
    seed = data["documents_detail"][0]
    assert seed["id"] == "seed-000" and len(seed["predictions"]) == 15
    assert len(seed["wrong_source"]) == 12
    assert seed["wrong_source"][0]["predicted"]["source_name"] == "Nobody Known"
    assert data["documents_detail"][1]["error"] and data["documents_detail"][1]["missed"][0]["claim"].startswith(
        "Prices rose"
    )

    html = report.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert "seed-000" in html and "prices" in html
    assert "Prices rose by about 5% &lt;last&gt; year" in html  # escaped, never raw markup
    assert "<last>" not in html
    assert "Nobody Known" in html and "class=miss" in html
    assert "http://" not in html and "https://" not in html and "<script" not in html


def test_by_field_breaks_errors_down_with_examples(
    two_doc_gold: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def mistakes(claims: list[Claim]) -> list[Claim]:
        kept = drop_sources(claims[1:])  # first claim missed, sources wrong
        return [*kept, Claim(claim="An invented claim about the moon landing")]

    use_echo(monkeypatch, two_doc_gold, alter=mistakes)
    assert run_cli("--gold", str(two_doc_gold), "--by-field") == 0
    out = capsys.readouterr().out
    assert "missed claims: 3" in out and "US military forces carried out" in out
    assert "spurious claims: 3" in out and "An invented claim about the moon landing" in out
    assert "wrong source: 11" in out and "Nobody Known" in out
    assert "wrong hedges: 0" in out and "wrong quote type: 0" in out


def test_baseline_gate_passes_then_fails_on_a_regression(
    two_doc_gold: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    baseline = tmp_path / "baseline.json"
    use_echo(monkeypatch, two_doc_gold)
    assert run_cli("--gold", str(two_doc_gold), "--write-baseline", str(baseline)) == 0
    written = json.loads(baseline.read_text(encoding="utf-8"))
    assert written["figures"]["attribution_f1"] == 1.0
    assert (written["gold"], written["backend"], written["model"]) == (str(two_doc_gold), "echo", "echo-1")
    assert run_cli("--gold", str(two_doc_gold), "--baseline", str(baseline)) == 0
    capsys.readouterr()

    use_echo(monkeypatch, two_doc_gold, alter=drop_sources)
    assert run_cli("--gold", str(two_doc_gold), "--baseline", str(baseline)) == 1
    err = capsys.readouterr().err
    assert "gate failed: attribution_f1 0.000 < baseline 1.000" in err
    assert "source_accuracy" in err
    assert "hedge_f1" not in err and "claim_f1" not in err  # unchanged figures do not fail


def test_tolerance_allows_small_drops() -> None:
    baseline = {"figures": {"attribution_f1": 0.80, "hedge_f1": None}}
    assert check_gates({"attribution_f1": 0.795}, baseline=baseline, tolerance=0.01) == []
    assert check_gates({"attribution_f1": 0.785}, baseline=baseline, tolerance=0.01) == [
        "attribution_f1 0.785 < baseline 0.800 - tolerance 0.01"
    ]
    assert check_gates({"attribution_f1": None}, baseline=baseline) == ["attribution_f1 n/a (baseline 0.800)"]


def test_gate_names_parse_to_figures_or_fail_listing_them() -> None:
    assert parse_gates(["attribution_f1", "claim_p"]) == ("attribution_f1", "claim_p")
    assert parse_gates([]) is None  # none given: the configured or headline figures apply
    with pytest.raises(ConfigError, match="--gate: unknown figure 'f1'") as info:
        parse_gates(["attribution_f1", "f1"])
    assert "attribution_f1" in (info.value.fix or "")


def test_baseline_mismatches_name_what_differs(two_doc_gold: Path) -> None:
    docs = load_gold(two_doc_gold)
    run = evaluate(docs, GoldEcho(docs), gold_path="gold.jsonl", split="dev")
    same = {"gold": "gold.jsonl", "split": "dev", "backend": "echo", "model": "other"}  # a model change is fine
    assert baseline_mismatches(same, run) == []
    other = {**same, "gold": "old.jsonl", "split": None}
    assert baseline_mismatches(other, run) == [
        "baseline gold is 'old.jsonl', this run's is 'gold.jsonl'",
        "baseline split is None, this run's is 'dev'",
    ]


def test_results_written_read_back_and_rescored_with_warnings(two_doc_gold: Path, tmp_path: Path) -> None:
    docs = load_gold(two_doc_gold)
    run = evaluate(docs, GoldEcho(docs, alter=drop_sources), gold_path=str(two_doc_gold))
    out = tmp_path / "results.json"
    write_results(out, run)
    assert json.loads(out.read_text(encoding="utf-8")) == run.to_json()
    assert set(load_stored_run(out).documents) == {d.id for d in docs}
    again, warnings = rescore_stored(out, docs, docs, gold_path=str(two_doc_gold))
    assert again.figures() == run.figures() and warnings == []
    fewer, more = docs[:1], [*docs, GoldDoc(id="new", text="The mayor said so.")]
    _, warnings = rescore_stored(out, fewer, fewer)
    assert warnings == ["2 documents are not in the gold, left out: prices, held-out"]
    rescored, warnings = rescore_stored(out, more, more)
    assert warnings == ["1 document has no stored predictions: new"]
    assert [r.gold.id for r in rescored.failures] == ["new"]


def test_junit_for_an_eval_is_a_case_per_document_and_one_for_the_gates(two_doc_gold: Path, tmp_path: Path) -> None:
    docs = load_gold(two_doc_gold)
    base = evaluate(docs, GoldEcho(docs), gold_path=str(two_doc_gold))
    baseline = tmp_path / "baseline.json"
    write_results(baseline, base)
    run = evaluate(docs, GoldEcho(docs, alter=drop_sources), gold_path=str(two_doc_gold))
    drops = eval_drops(run, str(baseline))
    assert drops is not None and set(drops) == {"seed-000", "prices", "held-out"}  # every source is wrong
    xml = eval_junit(run, drops, ["attribution_f1 0.000 < baseline 1.000 - tolerance 0.01"])
    assert xml.count("<testcase ") == len(docs) + 1 and 'name="claimcheck eval echo"' in xml
    assert xml.count("<failure") == 4 and "regressed against the baseline: attribution_f1 1.000 → 0.000" in xml


def test_fail_under_parsing() -> None:
    assert parse_fail_under(["attribution_f1=0.8", "claim_p = 0.5"]) == {"attribution_f1": 0.8, "claim_p": 0.5}
    for bad, message in [
        ("attribution_f1", "expected FIGURE=VALUE"),
        ("attribution_f1=high", "is not a number"),
        ("attribution_f1=80", "figures lie in 0..1"),
    ]:
        with pytest.raises(ClaimcheckError, match=message):
            parse_fail_under([bad])


def test_fail_under_gates_on_absolute_figures(
    two_doc_gold: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    use_echo(monkeypatch, two_doc_gold, alter=drop_sources)
    gold = str(two_doc_gold)
    assert run_cli("--gold", gold, "--fail-under", "claim_f1=0.9", "--fail-under", "hedge_f1=1") == 0
    assert run_cli("--gold", gold, "--fail-under", "claim_f1=0.9", "--fail-under", "attribution_p=0.5") == 1
    assert "gate failed: attribution_p 0.000 < --fail-under 0.5" in capsys.readouterr().err


def test_unknown_fail_under_figure_is_a_config_error_listing_names(
    two_doc_gold: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def never(args: object) -> object:
        raise AssertionError("the backend must not be built when the flags are wrong")

    monkeypatch.setattr(cli, "_backend_from_args", never)
    assert run_cli("--gold", str(two_doc_gold), "--fail-under", "attribution_f=0.8") == 2
    err = capsys.readouterr().err
    assert "unknown figure 'attribution_f'" in err and "attribution_f1" in err and "quote_accuracy" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not a readable baseline JSON"),
        ('{"figures": 3}', "no 'figures' object"),
        ('{"figures": {"attribution_f1": "high"}}', "is 'high', not a number"),
        ('{"figures": {"accuracy": 0.5}}', "unknown figure 'accuracy'"),
        ('{"figures": {}}', "missing the figures attribution_f1, attribution_p"),
        ('{"figures": {"attribution_f1": NaN}}', "is nan, not a number"),
    ],
)
def test_malformed_baseline_is_an_input_error(
    tmp_path: Path, two_doc_gold: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ClaimcheckError, match=message):
        load_baseline(path)
    assert run_cli("--gold", str(two_doc_gold), "--baseline", str(path)) == 2
    assert message in capsys.readouterr().err


def test_missing_baseline_and_unknown_split_exit_2(
    tmp_path: Path, two_doc_gold: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli("--gold", str(two_doc_gold), "--baseline", str(tmp_path / "none.json")) == 2
    assert "no such baseline file" in capsys.readouterr().err
    assert run_cli("--gold", str(two_doc_gold), "--split", "train") == 2
    assert "splits present: dev, test" in capsys.readouterr().err


def test_bad_gold_file_exits_2_naming_the_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "text": "Hi there.", "claims": []}\n{oops\n', encoding="utf-8")
    assert run_cli("--gold", str(gold)) == 2
    assert f"{gold}:2: invalid JSON" in capsys.readouterr().err


def test_progress_bar_run_scores_every_batch(
    two_doc_gold: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    use_echo(monkeypatch, two_doc_gold)
    out = tmp_path / "results.json"
    assert cli.main(["eval", "--no-cache", "--progress", "--gold", str(two_doc_gold), "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["documents"] == 3 and data["figures"]["claim_f1"] == 1.0


def test_baseline_from_another_gold_warns(
    two_doc_gold: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    use_echo(monkeypatch, two_doc_gold)
    baseline = tmp_path / "baseline.json"
    figures = dict.fromkeys(HEADLINE_FIGURES, 0.5)
    baseline.write_text(json.dumps({"gold": "other.jsonl", "backend": "echo", "figures": figures}), "utf-8")
    assert run_cli("--gold", str(two_doc_gold), "--baseline", str(baseline)) == 0
    assert "warning: baseline gold is 'other.jsonl'" in capsys.readouterr().err


def test_unwritable_output_is_an_input_error(
    two_doc_gold: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    use_echo(monkeypatch, two_doc_gold, fail_on="")  # any extraction would fail: the path must be refused first
    assert run_cli("--gold", str(two_doc_gold), "--report", str(tmp_path / "no" / "such" / "r.html")) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and "endpoint went away" not in err


# --- outputs never overwrite inputs; inputs are bounded; the report page runs nothing ---


@pytest.mark.parametrize("flag", ["--out", "--report", "--write-baseline"])
def test_an_output_that_is_the_gold_is_refused_and_the_gold_kept(
    two_doc_gold: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], flag: str
) -> None:
    before = two_doc_gold.read_bytes()
    use_echo(monkeypatch, two_doc_gold, fail_on="")
    assert run_cli("--gold", str(two_doc_gold), flag, str(two_doc_gold)) == 2
    err = capsys.readouterr().err
    assert f"{flag} {two_doc_gold} is the gold, an input of this run" in err and err.count("\n") == 1
    assert "endpoint went away" not in err  # refused before any extraction
    assert two_doc_gold.read_bytes() == before


def test_outputs_onto_a_baseline_a_document_text_or_each_other_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "gold"
    (folder / "texts").mkdir(parents=True)
    article = folder / "texts" / "a.txt"
    article.write_text("Prices rose by about 5%, the ministry said.", encoding="utf-8")
    gold = folder / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a", "path": "texts/a.txt", "claims": []}) + "\n", encoding="utf-8")
    monkeypatch.setattr(cli, "_backend_from_args", lambda args: GoldEcho(load_gold(gold)))
    assert run_cli("--gold", str(gold), "--write-baseline", str(tmp_path / "b.json")) == 0
    capsys.readouterr()
    cases = [
        (["--baseline", str(tmp_path / "b.json"), "--out", str(tmp_path / "b.json")], "is the baseline"),
        (["--report", str(article)], "is the text of gold document 'a'"),
        (["--out", str(tmp_path / "x.json"), "--report", str(tmp_path / "x.json")], "are the same file"),
    ]
    for argv, message in cases:
        assert run_cli("--gold", str(gold), *argv) == 2, argv
        assert message in capsys.readouterr().err
    assert article.read_text(encoding="utf-8").startswith("Prices rose")


def test_an_output_inside_a_brat_corpus_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = DATA / "brat"
    assert run_cli("--gold", str(corpus), "--backend", "rules", "--out", str(corpus / "text" / "bridge.txt")) == 2
    assert "is inside the gold, an input of this run" in capsys.readouterr().err


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_endless_or_nested_baselines_are_one_line_errors(
    two_doc_gold: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli("--gold", "/dev/zero") == 2
    assert capsys.readouterr().err.startswith("claimcheck: error: /dev/zero: looks like a binary file")
    assert run_cli("--gold", str(two_doc_gold), "--baseline", "/dev/zero") == 2
    assert "/dev/zero: the baseline file is over the limit" in capsys.readouterr().err
    nested = tmp_path / "nested.json"
    nested.write_text('{"figures": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert run_cli("--gold", str(two_doc_gold), "--baseline", str(nested)) == 2
    err = capsys.readouterr().err
    assert "nested too deeply" in err and err.count("\n") == 1


def test_the_report_page_forbids_scripts_and_requests(
    two_doc_gold: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_echo(monkeypatch, two_doc_gold)
    report = tmp_path / "r.html"
    assert run_cli("--gold", str(two_doc_gold), "--report", str(report)) in (0, 1)
    page = report.read_text(encoding="utf-8")
    head = page[: page.index("</head>")]
    assert "http-equiv='Content-Security-Policy'" in head and "default-src 'none'" in head
    assert "script-src" not in head and "<script" not in page
