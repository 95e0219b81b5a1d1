"""Editorial checks on short stories written for these tests: each rule fires where an editor would, and only there."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

import claimcheck
from claimcheck.checks import CHECKS, Finding, check, severity_at_least, source_keys
from claimcheck.errors import ConfigError
from claimcheck.grounding import ground_claim
from claimcheck.schema import Claim, Extraction, Hedge


def claim(
    text: str,
    span: str,
    source: str | None = None,
    name: str | None = None,
    kind: str | None = None,
    cue: str | None = None,
    hedges: tuple[tuple[str, str], ...] = (),
) -> Claim:
    """A claim grounded in ``text`` (offsets set), as any backend would hand it over."""
    c = Claim(
        claim=span,
        source=source,
        source_name=name,
        source_type=kind if source else None,
        cue=cue,
        hedges=[Hedge(cue=h, kind=k) for h, k in hedges],
    )
    return ground_claim(c, text, near=text.find(span))


def ext(text: str, *claims: Claim, doc_id: str = "story.txt") -> Extraction:
    return Extraction(id=doc_id, text=text, claims=list(claims), backend="test")


def by_rule(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def spans(findings: list[Finding], text: str, rule: str) -> list[str]:
    return [text[f.start : f.end] for f in by_rule(findings, rule)]


# --- unattributed-claim and figure-without-source --------------------------------------------

FERRY = (
    "The harbour ferry will stop running in March, the port authority said.\n\n"
    "The service has lost money for a decade.\n\n"
    "Four passengers were injured when the ferry struck the pier in 2019.\n\n"
    "Repairs to the pier cost $2.4 million on May 3.\n\n"
    "Crews called the vessel a “floating wreck” last winter."
)


def test_unattributed_claims_are_info_unless_they_carry_a_figure_or_a_quote() -> None:
    story = ext(
        FERRY,
        claim(FERRY, "The harbour ferry will stop running in March", "the port authority", "port authority",
              "government", "said"),
        claim(FERRY, "The service has lost money for a decade"),
        claim(FERRY, "Four passengers were injured when the ferry struck the pier in 2019"),
        claim(FERRY, "Crews called the vessel a “floating wreck” last winter"),
    )  # fmt: skip
    found = by_rule(check(story), "unattributed-claim")
    assert [(FERRY[f.start : f.start + 12], f.severity) for f in found] == [
        ("The service ", "info"),
        ("Four passeng", "warning"),
        ("Crews called", "warning"),
    ]
    assert "figure" in found[1].message and "quotation" in found[2].message
    assert all(f.claim is not None and story.claims[f.claim].source is None for f in found)


def test_figures_of_casualties_and_money_need_a_source_but_dates_and_years_do_not() -> None:
    story = ext(
        FERRY,
        claim(FERRY, "Four passengers were injured when the ferry struck the pier in 2019"),
        claim(FERRY, "Repairs to the pier cost $2.4 million on May 3"),
    )
    found = by_rule(check(story), "figure-without-source")
    assert [(FERRY[f.start : f.end], f.severity) for f in found] == [("Four", "warning"), ("$2.4 million", "warning")]
    assert "casualties" in found[0].message and "money" in found[1].message


def test_votes_and_approximations_are_figures_too() -> None:
    text = "The motion passed by more than 300 votes. Nearly 40 people died in the floods."
    story = ext(text, claim(text, "The motion passed by more than 300 votes"),
                claim(text, "Nearly 40 people died in the floods"))  # fmt: skip
    assert spans(check(story), text, "figure-without-source") == ["more than 300", "Nearly 40"]


def test_a_sourced_figure_is_not_flagged() -> None:
    text = "At least 12 people were killed, according to the fire brigade."
    story = ext(text, claim(text, "At least 12 people were killed", "the fire brigade", "fire brigade", "government",
                            "according to"))  # fmt: skip
    found = check(story)
    assert not by_rule(found, "figure-without-source") and not by_rule(found, "unattributed-claim")


# --- anonymous-source and vague-source --------------------------------------------------------

SOURCES = (
    "Officials said the dam would be inspected on Friday. "
    "A person familiar with the inspection described the cracks as deep. "
    "According to two senior engineering sources, the spillway is blocked. "
    "Experts say the reservoir is too full. Some argue the inspection comes too late. "
    "Goldman Sachs economists said insurance costs would rise. "
    "Mayor Ruth Okafor said the town was ready."
)


def test_anonymous_sources_are_flagged_from_the_text() -> None:
    found = check(ext(SOURCES))
    assert spans(found, SOURCES, "anonymous-source") == [
        "Officials said",
        "A person familiar with the inspection",
        "According to two senior engineering sources",
    ]
    assert {f.severity for f in by_rule(found, "anonymous-source")} == {"warning"}


def test_vague_sources_are_flagged_but_a_named_group_is_not() -> None:
    found = check(ext(SOURCES))
    assert spans(found, SOURCES, "vague-source") == ["Experts say", "Some argue"]


def test_anonymous_source_from_the_extraction_whatever_the_wording() -> None:
    text = "The bridge will close for a month, a council insider told the Gazette."
    story = ext(text, claim(text, "The bridge will close for a month", "a council insider", None, "anonymous",
                            "told"))  # fmt: skip
    found = by_rule(check(story), "anonymous-source")
    assert len(found) == 1 and text[found[0].start : found[0].end] == "a council insider"
    assert found[0].claim == 0


def test_anonymity_that_is_explained_is_only_info() -> None:
    text = "Officials said the plant would close, speaking on condition of anonymity because talks are ongoing."
    found = by_rule(check(ext(text)), "anonymous-source")
    assert [f.severity for f in found] == ["info"]


def test_an_unresolved_pronoun_is_not_an_anonymous_source() -> None:
    text = "The bridge will close for a month, they said."
    story = ext(text, claim(text, "The bridge will close for a month", "they", "they", "anonymous", "said"))
    assert not by_rule(check(story), "anonymous-source")


def test_a_name_typed_anonymous_by_a_backend_is_not_flagged() -> None:
    text = "The toll will rise next year, Okafor said. The fares will rise too, a council insider said."
    story = ext(
        text,
        claim(text, "The toll will rise next year", "Okafor", "Okafor", "anonymous", "said"),
        claim(text, "The fares will rise too", "a council insider", None, "anonymous", "said"),
    )
    assert spans(check(story), text, "anonymous-source") == ["a council insider"]


def test_named_sources_are_neither_anonymous_nor_vague() -> None:
    text = "Mayor Ruth Okafor said the town was ready. The harbour master told reporters the tide was low."
    found = check(ext(text))
    assert not by_rule(found, "anonymous-source") and not by_rule(found, "vague-source")


# --- source-name-mismatch ---------------------------------------------------------------------

COUNCIL = (
    "The budget will be cut by a tenth, according to council treasurer Miriam Halvorsen.\n\n"
    "Libraries will close on Sundays, Ms Halverson said. Mr Okafor said he would vote against it."
)


@pytest.mark.parametrize("resolved", [None, "Ms Halverson", "Halverson", "Miriam Halvorsen"])
def test_a_misspelt_source_is_reported_with_the_intended_name(resolved: str | None) -> None:
    story = ext(
        COUNCIL,
        claim(COUNCIL, "The budget will be cut by a tenth", "council treasurer Miriam Halvorsen", "Miriam Halvorsen",
              "person", "according to"),
        claim(COUNCIL, "Libraries will close on Sundays", "Ms Halverson", resolved, "person", "said"),
        claim(COUNCIL, "he would vote against it", "Mr Okafor", "Okafor", "person", "said"),
    )  # fmt: skip
    found = by_rule(check(story), "source-name-mismatch")
    assert len(found) == 1
    f = found[0]
    assert COUNCIL[f.start : f.end] == "Ms Halverson" and f.severity == "error"
    assert "Miriam Halvorsen" in f.message and f.fix == "use “Ms Halvorsen”"
    assert (f.line, f.column) == (3, COUNCIL.splitlines()[2].index("Ms Halverson") + 1)


def test_the_misspelling_is_found_in_the_text_even_when_no_claim_carries_it() -> None:
    story = ext(
        COUNCIL,
        claim(COUNCIL, "The budget will be cut by a tenth", "council treasurer Miriam Halvorsen", "Miriam Halvorsen",
              "person", "according to"),
    )  # fmt: skip
    assert spans(check(story), COUNCIL, "source-name-mismatch") == ["Ms Halverson"]


def test_two_people_with_similar_names_are_not_a_misspelling() -> None:
    text = "Rents rose, said landlord Anna Berg. Rents fell, said tenant Jonas Borg. Ms Berg and Mr Borg met."
    story = ext(
        text,
        claim(text, "Rents rose", "landlord Anna Berg", "Anna Berg", "person", "said"),
        claim(text, "Rents fell", "tenant Jonas Borg", "Jonas Borg", "person", "said"),
    )
    assert not by_rule(check(story), "source-name-mismatch")


def test_one_full_name_spelt_two_ways_flags_the_later_one() -> None:
    text = "Taxes will rise, said Paula Lindqvist. Spending will fall, said Paula Lindquist."
    story = ext(
        text,
        claim(text, "Taxes will rise", "Paula Lindqvist", "Paula Lindqvist", "person", "said"),
        claim(text, "Spending will fall", "Paula Lindquist", "Paula Lindquist", "person", "said"),
    )
    found = by_rule(check(story), "source-name-mismatch")
    assert [text[f.start : f.end] for f in found] == ["Paula Lindquist"]


# --- quote-without-source and unbalanced-quotes -----------------------------------------------

QUOTES = (
    "The mayor said the plan was “bold but affordable”.\n\n"
    "The so-called “consultation” lasted a week.\n\n"
    "“We will not back down,” said Tom Reyes. “Not this year.”\n\n"
    "Residents want “answers,” one neighbour told us."
)


def test_scare_quotes_in_the_writers_voice_have_no_speaker() -> None:
    story = ext(
        QUOTES,
        claim(QUOTES, "the plan was “bold but affordable”", "The mayor", "mayor", "person", "said"),
        claim(QUOTES, "The so-called “consultation” lasted a week"),
        claim(QUOTES, "We will not back down", "Tom Reyes", "Tom Reyes", "person", "said"),
    )
    found = by_rule(check(story), "quote-without-source")
    # "Not this year." continues Tom Reyes's quote; "answers" has a cue in its sentence
    assert [QUOTES[f.start : f.end] for f in found] == ["“consultation”"]
    assert found[0].claim == 1 and found[0].severity == "warning"


def test_quotes_with_no_claim_and_no_cue_are_flagged() -> None:
    text = "The minister’s “reset” of the policy began in May."
    assert spans(check(ext(text)), text, "quote-without-source") == ["“reset”"]


def test_a_speaker_in_the_sentence_counts_even_if_the_backend_left_the_claim_unattributed() -> None:
    text = (
        "The senator called the bank’s conduct “shameful” on Tuesday. "
        "“Pay it back. All of it,” the senator told the chief executive. "
        "The bank sold “premium” accounts to students, and Robert “Bud” Ellis ran the “Morning Money” show."
    )
    story = ext(text, claim(text, "The senator called the bank’s conduct “shameful” on Tuesday"))
    assert spans(check(story), text, "quote-without-source") == ["“premium”"]


def test_a_block_quotation_introduced_by_a_cue_and_a_colon_has_a_speaker() -> None:
    text = "The Harbour Gazette reported:\n\n“Only 24 of the 90 berths were let this summer.”\n\nThe quay was “quiet”."
    assert spans(check(ext(text)), text, "quote-without-source") == ["“quiet”"]


def test_a_quote_running_over_paragraphs_is_balanced() -> None:
    text = (
        "“The first paragraph of the statement opens here.\n\n"
        "“The second continues it.\n\n"
        "“And the third closes it,” she said.\n\n"
        "Nothing else is quoted."
    )
    assert not by_rule(check(ext(text)), "unbalanced-quotes")


@pytest.mark.parametrize(
    ("text", "mark", "severity", "says"),
    [
        ("He called it “a mistake.\n\nThe vote is on Monday.", "“", "error", "never closed"),
        ("The report called it “a disgrace.", "“", "error", "end of the text"),
        ("The vote is on Monday. The result” will be close.", "”", "error", "no opening"),
        ('She said "no comment.\n\nThe vote is on Monday.', '"', "error", "never closed"),
        ("He called it “a mistake.\n\nThe vote” is on Monday.", "“", "warning", "without reopening"),
        ("She said “a new “era” begins.", "“", "error", "opens before it closes"),
        ("She said ”a new era” begins.", "”", "error", "closing mark opens"),
    ],
)
def test_unclosed_and_stray_quotation_marks(text: str, mark: str, severity: str, says: str) -> None:
    found = by_rule(check(ext(text)), "unbalanced-quotes")
    assert [(text[f.start : f.end], f.severity) for f in found] == [(mark, severity)]
    assert says in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        'The mayor said it would take "more hours” before details emerge.',
        '"HOST: The show is called “Harbour Lights.” It airs on Sunday.\n\n"GUEST: I have seen it."',
    ],
)
def test_mixed_and_nested_quote_styles_pair_up(text: str) -> None:
    assert not by_rule(check(ext(text)), "unbalanced-quotes")


# --- agentless-hedge --------------------------------------------------------------------------

HEDGES = (
    "The fire is believed to be the work of arsonists. Two guards are thought to have fled.\n\n"
    "The owner reportedly left the country. It is understood that the insurer will pay.\n\n"
    "Warehouses said to be owned by the firm were also searched. "
    "The suspect is believed by police to be abroad. "
    "He said to be careful."
)


def test_agentless_hedges_in_the_writers_voice() -> None:
    found = by_rule(check(ext(HEDGES)), "agentless-hedge")
    assert [HEDGES[f.start : f.end] for f in found] == [
        "believed to be",
        "thought to have",
        "reportedly",
        "It is understood that",
        "said to be",
    ]
    assert {f.severity for f in found} == {"warning"}


def test_a_hedge_inside_a_sources_claim_is_only_info_and_one_inside_a_quote_is_theirs() -> None:
    text = "The fire is believed to be arson, the chief said. “It is thought to be arson,” she said."
    story = ext(
        text,
        claim(text, "The fire is believed to be arson", "the chief", "chief", "person", "said",
              (("believed to be", "uncertainty"),)),
    )  # fmt: skip
    found = by_rule(check(story), "agentless-hedge")
    assert [(text[f.start : f.end], f.severity, f.claim) for f in found] == [("believed to be", "info", 0)]


# --- loaded-cue -------------------------------------------------------------------------------

LOADED = (
    "The contractor admitted that the pier was unsafe. “We followed every rule,” the engineer insisted. "
    "The rebels claimed credit for the blast. The mayor said the work would resume. "
    "He pointed out that costs had doubled. Two workers were admitted to hospital. "
    "The claims that he made were false. The audit failed to note that the pier had moved."
)


def test_loaded_cues_are_flagged_and_said_is_the_fix() -> None:
    found = by_rule(check(ext(LOADED)), "loaded-cue")
    assert [LOADED[f.start : f.end] for f in found] == ["admitted", "insisted", "pointed out"]
    assert {f.fix for f in found} == {"use “said”"} and {f.severity for f in found} == {"warning"}


def test_a_loaded_cue_from_the_extraction() -> None:
    text = "The school will close, the head teacher conceded on Tuesday."
    story = ext(text, claim(text, "The school will close", "the head teacher", "head teacher", "person", "conceded"))
    found = by_rule(check(story), "loaded-cue")
    assert len(found) == 1 and text[found[0].start : found[0].end] == "conceded" and found[0].claim == 0


# --- single-source ----------------------------------------------------------------------------

ONE_SOURCE = (
    "The mine will reopen, said chief executive Lena Voss. Ms Voss said 200 jobs would return. "
    "She added that the site was safe. Safety checks ended last week."
)


def test_a_story_resting_on_one_source_is_flagged_once() -> None:
    story = ext(
        ONE_SOURCE,
        claim(ONE_SOURCE, "The mine will reopen", "chief executive Lena Voss", "Lena Voss", "person", "said"),
        claim(ONE_SOURCE, "200 jobs would return", "Ms Voss", "Voss", "person", "said"),
        claim(ONE_SOURCE, "the site was safe", "She", "Lena Voss", "person", "added"),
        claim(ONE_SOURCE, "Safety checks ended last week"),
    )
    found = by_rule(check(story), "single-source")
    assert len(found) == 1 and found[0].severity == "warning" and "3 attributed claims" in found[0].message
    assert ONE_SOURCE[found[0].start : found[0].end] == "chief executive Lena Voss"


def test_two_sources_are_not_single_sourced() -> None:
    story = ext(
        ONE_SOURCE,
        claim(ONE_SOURCE, "The mine will reopen", "chief executive Lena Voss", "Lena Voss", "person", "said"),
        claim(ONE_SOURCE, "200 jobs would return", "Ms Voss", "Lena Voss", "person", "said"),
        claim(ONE_SOURCE, "the site was safe", "She", "Mining Safety Board", "government", "added"),
    )
    assert not by_rule(check(story), "single-source")


def test_source_keys_join_a_surname_to_its_full_name() -> None:
    keys = source_keys([Claim(claim="a", source="Ms Voss"), Claim(claim="b", source="x", source_name="Dr Lena Voss"),
                        Claim(claim="c", source="the Board’s"), Claim(claim="d")])  # fmt: skip
    assert keys == ["lena voss", "lena voss", "board", None]


# --- the finding records and the entry point --------------------------------------------------


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


# --- the command line -------------------------------------------------------------------------


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


# --- the seed, end to end with the offline backend ----------------------------------------------

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_09239b063185ae26.txt"


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
    from claimcheck.cli import main

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


# --- false alarms found on real articles -----------------------------------------------------


def test_a_vote_tally_is_not_a_votes_figure_without_a_source() -> None:
    text = (
        "The county board voted 7-2 on Monday to close the landfill.\n\n"
        "The measure passed 52–48 in the senate and 5 to 4 in committee.\n\n"
        "About 12,000 ballots were never counted."
    )
    story = ext(
        text,
        claim(text, "The county board voted 7-2 on Monday to close the landfill"),
        claim(text, "The measure passed 52–48 in the senate and 5 to 4 in committee"),
        claim(text, "About 12,000 ballots were never counted"),
    )
    assert spans(check(story), text, "figure-without-source") == ["About 12,000"]


def test_the_two_is_a_back_reference_not_a_figure() -> None:
    text = "Senator Ana Ruiz met Governor Tom Park in Albany. The two discussed the budget.\n\nTwo people were killed."
    story = ext(
        text,
        claim(text, "Senator Ana Ruiz met Governor Tom Park in Albany"),
        claim(text, "The two discussed the budget"),
        claim(text, "Two people were killed"),
    )
    found = check(story)
    assert spans(found, text, "figure-without-source") == ["Two"]
    two = [f for f in by_rule(found, "unattributed-claim") if text[f.start :].startswith("The two")]
    assert two[0].severity == "info" and "figure" not in two[0].message


def test_the_authors_of_a_named_study_are_not_anonymous() -> None:
    text = (
        "A study published in The Lancet on Monday found that sleep loss raises blood pressure. "
        "The authors said the effect was strongest in older adults."
    )
    story = ext(
        text,
        claim(text, "sleep loss raises blood pressure", "A study", "study", "document", "found"),
        claim(text, "the effect was strongest in older adults", "The authors", "The authors", "anonymous", "said"),
    )
    assert by_rule(check(story), "anonymous-source") == []
    bare = "The authors said the effect was strongest in older adults."
    alone = ext(bare, claim(bare, "the effect was strongest in older adults", "The authors", None, "anonymous", "said"))
    assert spans(check(alone), bare, "anonymous-source") == ["The authors"]
