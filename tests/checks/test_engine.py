"""The engine and the registry: findings and their positions, selection, every check registered, and
`claimcheck check` on the command line."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from check_helpers import HEDGES, by_rule, claim, ext, spans

import claimcheck
from claimcheck.checks import CHECKS, Finding, check, severity_at_least
from claimcheck.cli import main
from claimcheck.errors import ConfigError
from claimcheck.schema import Claim, Extraction

NEW_RULES = [
    "attribution-too-far",
    "anonymity-unexplained",
    "anonymous-opinion",
    "unmodified-source",
    "attribution-inside-quote",
    "one-sided-sources",
]


def test_the_rules_are_registered_and_documented() -> None:
    for rule in NEW_RULES:
        assert rule in CHECKS and CHECKS[rule].summary and CHECKS[rule].func.__doc__


def test_findings_are_ordered_by_offset_then_rule_with_1_based_positions() -> None:
    text = "Line one is plain.\nOfficials said “the cost” was reportedly high."
    found = check(ext(text, claim(text, "Line one is plain")))
    assert [(f.start, f.rule) for f in found] == sorted((f.start, f.rule) for f in found)
    for f in found:
        line = text.splitlines()[f.line - 1]
        assert line[f.column - 1 :].startswith(text[f.start : f.end])
    assert [f.rule for f in found][:3] == ["unattributed-claim", "anonymity-unexplained", "anonymous-source"]
    assert found == check(ext(text, claim(text, "Line one is plain")))


def test_line_and_column_count_characters_through_crlf_and_emoji() -> None:
    text = "Line one 😀 is plain.\r\n🚀🚀 Officials said the cost was high."
    (found,) = by_rule(check(ext(text)), "anonymous-source")
    assert (found.line, found.column) == (2, 4)  # two rockets and a space before it; the "\r" ends line 1
    assert text[found.start : found.end].startswith("Officials said")


def test_crlf_text_gets_the_findings_of_its_lf_twin() -> None:
    """Paragraphs (and so quotations running over them) are found in CRLF copy too."""
    lf = (
        "“The first paragraph of the statement opens here.\n\n"
        "“And the second closes it,” she said.\n\n"
        "The council has “no idea what it is doing.\n\n"
        "Officials said the plan was late."
    )
    crlf = lf.replace("\n", "\r\n")

    def where(text: str) -> list[tuple[str, int, int, str]]:
        return [(f.rule, f.line, f.column, text[f.start : f.end]) for f in check(ext(text))]

    assert where(crlf) == where(lf)
    assert ("unbalanced-quotes", 5, 17, "“") in where(lf)


def test_a_finding_round_trips_through_json() -> None:
    found = check(ext(HEDGES))
    assert found
    again = [Finding.model_validate(d) for d in json.loads(json.dumps([f.model_dump(mode="json") for f in found]))]
    assert again == found and found[0].doc_id == "story.txt"


def test_claims_without_offsets_are_grounded_before_checking() -> None:
    text = "Four people were injured in the crash."
    story = ext(text, Claim(claim="Four people were injured in the crash"))
    assert spans(check(story), text, "figure-without-source") == ["Four"]


class _OneClaimPerSentence:
    """A tiny backend for the entry point: each sentence an unattributed claim."""

    name, model, prompt_version = "sentences", None, None

    def extract(self, text: str, *, doc_id: str = "doc") -> Extraction:
        claims = [claim(text, s.strip()) for s in text.split(".") if s.strip()]
        return Extraction(id=doc_id, text=text, claims=claims, backend=self.name)


def test_check_on_a_text_extracts_it_first() -> None:
    text = "Nine people were killed. The road is closed."
    found = claimcheck.check(text, backend=_OneClaimPerSentence(), doc_id="crash.txt")
    assert found == check(_OneClaimPerSentence().extract(text, doc_id="crash.txt"))
    assert [f.rule for f in found] == ["figure-without-source", "unattributed-claim", "unattributed-claim"]


def test_rules_can_be_selected_and_unknown_ones_are_refused() -> None:
    found = check(ext(HEDGES), select=["agentless-hedge"])
    assert found and {f.rule for f in found} == {"agentless-hedge"}
    with pytest.raises(ConfigError, match="unknown rule"):
        check(ext(HEDGES), select=["no-such-rule"])
    with pytest.raises(TypeError):
        claimcheck.check(ext(HEDGES), backend="rules")


def test_every_rule_has_an_id_and_a_summary() -> None:
    assert len(CHECKS) >= 10 and all(r.id == k and r.summary for k, r in CHECKS.items())


@pytest.mark.parametrize(
    ("severity", "threshold", "expected"),
    [("error", "warning", True), ("info", "warning", False), ("warning", "warning", True), ("error", "never", False)],
)
def test_severity_thresholds(severity: str, threshold: str, expected: bool) -> None:
    assert severity_at_least(severity, threshold) is expected


class _SentencesBackend(_OneClaimPerSentence):
    def extract_many(self, docs: list[tuple[str, str]], *, concurrency: int = 4) -> list[Extraction]:
        return [self.extract(text, doc_id=doc_id) for doc_id, text in docs]


Runner = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Runner:
    """Run ``claimcheck check`` on files written to tmp_path, with a one-claim-per-sentence backend."""
    import claimcheck.cli

    monkeypatch.setattr(claimcheck.cli, "_backend_from_args", lambda args: _SentencesBackend())
    monkeypatch.chdir(tmp_path)

    def run(files: dict[str, str], *flags: str) -> tuple[int, str, str]:
        for name, text in files.items():
            Path(name).write_text(text, encoding="utf-8")
        code = claimcheck.cli.main(["check", *files, "--no-cache", *flags])
        out, err = capsys.readouterr()
        return code, out, err

    return run


CRASH = "Nine people were killed. The road is closed."


TYPO = "The mayor called it “a disgrace. The vote is on Monday."


def test_check_prints_linter_lines_with_the_fix_below(cli: Runner) -> None:
    code, out, _ = cli({"crash.txt": CRASH})
    lines = out.splitlines()
    assert lines[0] == "crash.txt:1:1: warning figure-without-source casualties figure “Nine” has no source"
    assert lines[1].startswith("    fix: attribute the figure")
    assert re.fullmatch(r"crash\.txt:1:1: warning unattributed-claim .*", lines[2])
    assert lines[-1] == "1 file checked: 2 warnings, 1 info"
    assert code == 0  # --fail-on defaults to error


@pytest.mark.parametrize(("flag", "code"), [("warning", 1), ("info", 1), ("error", 0), ("never", 0)])
def test_fail_on_sets_the_exit_code(cli: Runner, flag: str, code: int) -> None:
    assert cli({"crash.txt": CRASH}, "--fail-on", flag)[0] == code


def test_an_error_finding_fails_by_default_and_never_disables_it(cli: Runner) -> None:
    assert cli({"typo.txt": TYPO})[0] == 1
    assert cli({"typo.txt": TYPO}, "--fail-on", "never")[0] == 0


def test_json_lists_findings_per_file_and_reports_bad_files(cli: Runner) -> None:
    code, out, err = cli({"crash.txt": CRASH, "empty.txt": "  \n"}, "--format", "json")
    data = json.loads(out)
    assert [d["file"] for d in data] == ["crash.txt", "empty.txt"]
    assert [f["rule"] for f in data[0]["findings"]] == [
        "figure-without-source",
        "unattributed-claim",
        "unattributed-claim",
    ]
    assert data[0]["findings"][0] | {"line": 1, "column": 1, "start": 0, "end": 4} == data[0]["findings"][0]
    assert "empty" in data[1]["error"] and "empty.txt" in err
    assert code == 2  # a bad file is an error even though the good one was checked


def test_html_is_one_page_for_all_files(cli: Runner) -> None:
    code, out, _ = cli({"crash.txt": CRASH, "typo.txt": TYPO}, "--format", "html")
    assert out.startswith("<!DOCTYPE html>") and out.count('<section class="doc"') == 2
    assert "figure-without-source" in out and "unbalanced-quotes" in out and code == 1


def test_html_keeps_the_good_file_when_another_is_bad(cli: Runner) -> None:
    code, out, err = cli({"crash.txt": CRASH, "latin.txt": ""}, "--format", "html")
    assert out.count('<section class="doc"') == 1 and "crash.txt" in out and "latin.txt" not in out
    assert err.count("\n") == 1 and err.startswith("claimcheck: error: latin.txt: the text is empty")
    assert code == 2


SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_09239b063185ae26.txt"


def test_the_seed_gets_the_findings_an_editor_wants() -> None:
    """Spec section 5: the misspelt source, the agentless hedge, the speakerless quote, the unsourced claims."""
    text = SEED.read_text(encoding="utf-8")
    found = claimcheck.check(text, backend="rules", doc_id="seed")
    got = {(f.rule, text[f.start : f.end]) for f in found}
    assert ("source-name-mismatch", "Ms Waton") in got
    assert any(f.rule == "source-name-mismatch" and "Adrienne Watson" in f.message for f in found)
    assert ("agentless-hedge", "believed to be") in got
    assert ("quote-without-source", "“one-way attack drone”") in got
    unattributed = {text[f.start : f.start + 20] for f in found if f.rule == "unattributed-claim"}
    assert {"The attacks were in ", "The Biden administra"} <= unattributed


def test_cli_select_and_ignore_rules(tmp_path, capsys) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "At least 40 people died in the fire. Officials said the cause was “unclear”.\n", encoding="utf-8"
    )
    assert main(["check", str(article), "--no-cache", "--fail-on", "never", "--format", "json"]) == 0
    every = {f["rule"] for doc in json.loads(capsys.readouterr().out) for f in doc["findings"]}
    assert {"unattributed-claim", "anonymous-source"} <= every

    argv = ["check", str(article), "--no-cache", "--fail-on", "never", "--format", "json"]
    assert main([*argv, "--ignore", "unattributed-claim"]) == 0
    left = {f["rule"] for doc in json.loads(capsys.readouterr().out) for f in doc["findings"]}
    assert left == every - {"unattributed-claim"}

    assert main([*argv, "--select", "anonymous-source"]) == 0
    only = {f["rule"] for doc in json.loads(capsys.readouterr().out) for f in doc["findings"]}
    assert only == {"anonymous-source"}

    assert main([*argv, "--select", "no-such-rule"]) == 2
    assert "unknown rule 'no-such-rule'" in capsys.readouterr().err


def test_check_takes_select_and_ignore_as_the_cli_flags_do() -> None:
    every = {f.rule for f in claimcheck.check(CRASH, backend="rules")}
    assert "figure-without-source" in every and len(every) > 1
    kept = {f.rule for f in claimcheck.check(CRASH, backend="rules", ignore=["figure-without-source"])}
    assert kept == every - {"figure-without-source"}
    assert {f.rule for f in check(ext(CRASH), select=["unattributed-claim"])} <= {"unattributed-claim"}
    with pytest.raises(ConfigError, match="unknown rule 'no-such-check'"):
        check(ext(CRASH), ignore=["no-such-check"])


def test_a_project_severity_applies_to_every_finding_of_that_check_only() -> None:
    plain = claimcheck.check(CRASH, backend="rules")
    figures = [f for f in plain if f.rule == "figure-without-source"]
    assert figures and any(f.severity != "error" for f in figures)
    raised = claimcheck.check(CRASH, backend="rules", severities={"figure-without-source": "error"})
    assert [f.severity for f in raised if f.rule == "figure-without-source"] == ["error"] * len(figures)
    others = [f for f in raised if f.rule != "figure-without-source"]
    assert others == [f for f in plain if f.rule != "figure-without-source"]
