"""Quote verification on stories and transcripts written for these tests.

Each verdict (verbatim, altered, spliced, not found, wrong speaker) is
asserted on a sentence where an editor would give it, with the source laid
out the ways sources arrive: plain text, CRLF, hard-wrapped, Markdown, HTML.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

import claimcheck
from claimcheck.cli import main
from claimcheck.errors import InputError
from claimcheck.grounding import ground_claim
from claimcheck.schema import Claim, Extraction
from claimcheck.verification import QuoteCheck, Source, Sources, load_source, verify
from claimcheck.verification.sources import blank_markdown, make_source, speaker_turns

TRANSCRIPT = """CITY COUNCIL BUDGET HEARING, MARCH 3

RUIZ: Good evening. We will not raise the bridge fees this year, and I want to be clear about that. \
The reserve fund is healthy and the repairs are paid for.

PARK: I disagree with the mayor on one point. The reserve fund is down to four million dollars, \
and that is not enough to cover a bad winter.

RUIZ: Councillor Park knows the numbers as well as I do. We have spent eleven months on this budget \
and every line has been checked twice.

PARK: Then the public deserves to see the line for the ferry subsidy, which nobody has explained to me.
"""


def story(quote: str, speaker: str = "Ruiz", name: str = "Maria Ruiz") -> Extraction:
    """A one-paragraph story crediting ``quote`` to ``speaker`` (resolved to ``name``), grounded."""
    text = f"Mayor Maria Ruiz spoke at the hearing.\n\n“{quote},” {speaker} said."
    c = Claim(claim=quote, source=speaker, source_name=name, source_type="person", cue="said", quote="direct")
    return Extraction(id="story.txt", text=text, claims=[ground_claim(c, text, near=text.find(quote))])


def check_one(quote: str, *sources: Source | str, **kw: str) -> QuoteCheck:
    result = verify(story(quote, **kw), list(sources) or [make_source("hearing.txt", TRANSCRIPT)])
    assert len(result.quotes) == 1, result.quotes
    return result.quotes[0]


def test_verbatim_quote_points_at_its_passage_and_speaker() -> None:
    q = check_one("We will not raise the bridge fees this year")
    assert q.status == "verbatim" and q.severity is None
    assert q.matches[0].source == "hearing.txt" and q.matches[0].line == 3 and q.matches[0].speaker == "RUIZ"
    assert q.matches[0].text == "We will not raise the bridge fees this year"
    assert q.speaker_mismatch is None and q.attributed_to == "Maria Ruiz"


def test_folding_quotes_dashes_case_and_whitespace_is_still_verbatim() -> None:
    source = make_source("s.txt", "ANNE: It's the  REPAIRS--not the fees -- that worry me.\nBEN: Fine.\n")
    q = check_one("it’s the repairs — not the fees — that worry me", source)
    assert q.status == "verbatim", q


@pytest.mark.parametrize(
    ("quote", "flip"),
    [
        ("We will raise the bridge fees this year", "negation dropped"),
        ("The reserve fund is not healthy and the repairs are paid for", "negation added"),
        ("We have spent twelve months on this budget", "number changed: eleven → twelve"),
    ],
)
def test_a_change_that_flips_the_meaning_is_an_error(quote: str, flip: str) -> None:
    q = check_one(quote)
    assert q.status == "altered" and q.severity == "error"
    assert any(f.startswith(flip) for f in q.flips), q.flips


def test_changed_words_are_a_word_diff() -> None:
    q = check_one("We will not lift the bridge fees this year")
    assert q.status == "altered" and q.severity == "warning" and not q.flips
    assert q.diff_text == "we will not [-raise-] {+lift+} the bridge fees this year"
    assert "1 word changed" in q.detail


def test_dropped_and_added_words_are_altered_not_spliced() -> None:
    q = check_one("The reserve fund is healthy and the repairs are all paid for")
    assert q.status == "altered" and "1 added" in q.detail
    q = check_one("The reserve fund is healthy and repairs are paid for")
    assert q.status == "altered" and "1 dropped" in q.detail


def test_passages_joined_without_an_ellipsis_are_spliced() -> None:
    q = check_one("We will not raise the bridge fees this year and every line has been checked twice")
    assert q.status == "spliced" and q.severity == "error"
    assert [m.line for m in q.matches] == [3, 7]


def test_an_ellipsis_joins_passages_legitimately() -> None:
    for mark in ("…", "...", ". . ."):
        q = check_one(f"We will not raise the bridge fees this year {mark} every line has been checked twice")
        assert q.status == "verbatim", (mark, q)
        assert len(q.matches) == 2


def test_an_invented_quote_is_not_found() -> None:
    q = check_one("We have never discussed closing the north ferry terminal")
    assert q.status == "not_found" and q.matches == [] and q.severity == "error"


def test_quote_credited_to_the_wrong_speaker() -> None:
    q = check_one("The reserve fund is down to four million dollars")
    assert q.status == "verbatim"
    assert q.speaker_mismatch == "attributed to Maria Ruiz; hearing.txt has PARK saying it"
    assert q.severity == "error"
    assert (
        check_one("The reserve fund is down to four million dollars", speaker="Park", name="Dan Park").speaker_mismatch
        is None
    )


def test_same_words_said_twice_prefer_the_credited_speaker() -> None:
    source = make_source("t.txt", "ANNE: We are ready to vote.\nBEN: We are ready to vote.\nANNE: Good.\n")
    q = check_one("We are ready to vote", source, speaker="Ben", name="Ben Okafor")
    assert q.status == "verbatim" and q.matches[0].speaker == "BEN" and q.speaker_mismatch is None


def test_short_quotes_must_match_exactly() -> None:
    assert check_one("bridge fees").status == "verbatim"
    assert check_one("bridge tolls").status == "not_found"


def test_crlf_and_hard_wrapped_sources_match() -> None:
    wrapped = TRANSCRIPT.replace(" and I want", "\nand I want").replace(". The reserve", ".\nThe reserve")
    for text in (TRANSCRIPT.replace("\n", "\r\n"), wrapped):
        q = check_one("The reserve fund is healthy and the repairs are paid for", make_source("t.txt", text))
        assert q.status == "verbatim" and q.matches[0].speaker == "RUIZ"


def test_markdown_source_keeps_its_line_numbers() -> None:
    md = (
        "# Hearing\n\n**RUIZ:** We will *not* raise the [bridge fees](https://example.invalid/fees) this year."
        "\n\n**PARK:** No.\n"
    )
    blanked = blank_markdown(md)
    assert len(blanked) == len(md) and "https" not in blanked and "*" not in blanked
    q = check_one("We will not raise the bridge fees this year", make_source("h.md", md, format="markdown"))
    assert q.status == "verbatim" and q.matches[0].line == 3 and q.matches[0].speaker == "RUIZ"


def test_html_source_is_read_for_its_main_text(tmp_path: Path) -> None:
    page = tmp_path / "release.html"
    page.write_text(
        "<html><head><title>Release</title><style>p{}</style></head><body><nav>Home | News | Contact</nav>"
        "<article><h1>City holds bridge fees</h1><p>RUIZ: We will not raise the bridge fees this year, and we "
        "mean it.</p><p>PARK: The reserve fund is down to four million dollars.</p></article>"
        "<footer>Copyright City Hall</footer></body></html>",
        encoding="utf-8",
    )
    src = load_source(page)
    assert src.format == "html" and "Contact" not in src.text
    q = check_one("We will not raise the bridge fees this year", src)
    assert q.status == "verbatim" and q.matches[0].speaker == "RUIZ"


def test_speaker_turns_run_to_the_next_label_and_q_and_a_name_no_one() -> None:
    assert speaker_turns("Note: this is an article.\nIt has no speakers.") == ([], [])
    assert speaker_turns("Q: Will you run?\nA: No.\n") == ([], [])
    text = "Q: Will you run?\n\nSEN. DANA OKAFOR (D-OH): Not this year.\n\nI have a job to do.\n\nQ: Why not?\n"
    turns, labels = speaker_turns(text)
    assert [t.speaker for t in turns] == ["", "SEN. DANA OKAFOR (D-OH)", ""]
    assert " ".join(text[turns[1].start : turns[1].end].split()) == "Not this year. I have a job to do."
    assert len(labels) == 3
    source = make_source("t.txt", text)
    assert source.speaker_at(text.index("job")) == "SEN. DANA OKAFOR (D-OH)"
    assert source.speaker_at(text.index("Why")) is None


def test_speaker_labels_are_not_words_of_the_quote() -> None:
    q = check_one("that is not enough to cover a bad winter RUIZ Councillor Park")
    assert q.status != "verbatim"


def test_unquoted_claims_and_titles_are_not_checked() -> None:
    text = "Ruiz said fees would stay. She appeared on “Morning Joe” and praised the “very fine people” there."
    c = Claim(claim="fees would stay", source="Ruiz", source_name="Maria Ruiz", source_type="person", cue="said")
    result = verify(Extraction(id="s", text=text, claims=[ground_claim(c, text)]), [TRANSCRIPT])
    assert result.quotes == []


def test_counts_and_findings() -> None:
    text = (
        "“We will not raise the bridge fees this year,” Ruiz said.\n\n"
        "“We will raise the bridge fees this year,” she said.\n\n"
        "“We have never discussed closing the north ferry terminal,” Park said."
    )
    claims = [
        Claim(claim=q, source=s, source_name=n, source_type="person", cue="said", quote="direct")
        for q, s, n in [
            ("We will not raise the bridge fees this year", "Ruiz", "Maria Ruiz"),
            ("We will raise the bridge fees this year", "she", "Maria Ruiz"),
            ("We have never discussed closing the north ferry terminal", "Park", "Dan Park"),
        ]
    ]
    result = verify(Extraction(id="s.txt", text=text, claims=claims), Sources([TRANSCRIPT]))
    assert [q.status for q in result.quotes] == ["verbatim", "altered", "not_found"]
    assert result.counts() == {"verbatim": 1, "altered": 1, "spliced": 0, "not_found": 1, "speaker_mismatch": 0}
    findings = result.findings()
    assert [(f.rule, f.severity, f.line) for f in findings] == [
        ("quote-altered", "error", 3),
        ("quote-not-found", "error", 5),
    ]
    assert result.sources == ["source-1"]


def test_no_sources_is_an_input_error() -> None:
    with pytest.raises(InputError):
        Sources([])


def test_library_export() -> None:
    assert "verify" in claimcheck.__all__ and claimcheck.verify is claimcheck.api.verify


def test_library_verify_extracts_a_text_first() -> None:
    text = "Mayor Maria Ruiz spoke at the hearing.\n\n“We will raise the bridge fees this year,” Ruiz said."
    sources = Sources([make_source("hearing.txt", TRANSCRIPT)])
    result = claimcheck.verify(text, sources, backend="rules", doc_id="story.txt")
    assert result.doc_id == "story.txt"
    assert [(q.status, q.attributed_to) for q in result.quotes] == [("altered", "Maria Ruiz")]
    assert result == verify(claimcheck.extract(text, backend="rules", doc_id="story.txt"), sources)


def test_library_verify_refuses_backend_options_with_an_extraction() -> None:
    with pytest.raises(TypeError, match="verifying a text"):
        claimcheck.verify(story("We will not raise the bridge fees this year"), [TRANSCRIPT], backend="rules")


# --- the command ---------------------------------------------------------------------------


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    s = tmp_path / "story.txt"
    s.write_text(
        "Mayor Maria Ruiz said on Tuesday that fees would not rise.\n\n"
        "“We will not raise the bridge fees this year,” Ruiz said.\n\n"
        "“The reserve fund is down to six million dollars,” Councillor Dan Park said.\n",
        encoding="utf-8",
    )
    t = tmp_path / "hearing.txt"
    t.write_text(TRANSCRIPT, encoding="utf-8")
    return s, t


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_text(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    s, t = files
    code, out, _ = run(capsys, "verify", str(s), "--against", str(t), "--no-cache")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"{s}:3:2: ok quote-verbatim “We will not raise the bridge fees this year”")
    assert any(f"{s}:5:2: error quote-altered" in line and "number changed: four → six" in line for line in lines)
    assert "    diff: the reserve fund is down to [-four-] {+six+} million dollars" in lines
    assert lines[-1].startswith(f"{s}: 2 quotes: 1 verbatim, 1 altered, 0 spliced, 0 not found")
    assert run(capsys, "verify", str(s), "--against", str(t), "--no-cache", "--fail-on", "never")[0] == 0


def test_cli_json(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    s, t = files
    _, out, _ = run(capsys, "verify", str(s), "--against", str(t), "--no-cache", "--format", "json")
    doc = json.loads(out)[0]
    assert doc["counts"]["altered"] == 1 and doc["sources"] == [str(t)]
    altered = doc["quotes"][1]
    assert altered["status"] == "altered" and altered["severity"] == "error"
    assert {"op": "replace", "source": "four", "quote": "six"} in altered["diff"]


def test_cli_html_marks_quotes_with_the_diff(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    s, t = files
    _, out, _ = run(capsys, "verify", str(s), "--against", str(t), "--no-cache", "--format", "html")
    assert "default-src 'none'" in out
    assert 'class="vq v-verbatim first"' in out and 'class="vq v-altered first"' in out
    assert 'data-vdiff="[[&quot;equal&quot;' in out and "quote-altered" in out


def test_cli_missing_source_is_one_line_exit_2(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    s, t = files
    code, out, err = run(capsys, "verify", str(s), "--against", str(t), str(t.parent / "nope.txt"), "--no-cache")
    assert code == 2 and out == ""
    assert err.strip().splitlines() == [f"claimcheck: error: {t.parent / 'nope.txt'}: no such file — check the path"]


@pytest.mark.parametrize("fmt", ["junit", "github", "sarif"])
def test_cli_ci_formats(fmt: str, files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    s, t = files
    code, out, _ = run(capsys, "verify", str(s), "--against", str(t), "--no-cache", "--format", fmt)
    assert code == 1 and "quote-altered" in out
    if fmt == "sarif":
        log = json.loads(out)
        (result,) = log["runs"][0]["results"]
        assert result["ruleId"] == "quote-altered"
    if fmt == "junit":
        assert "claimcheck verify" in out and "<failure" in out


EDITS = Path(__file__).resolve().parents[1] / "evals" / "verify_edits.py"


def test_every_edit_of_real_articles_is_found_and_no_verbatim_quote_flagged(capsys: pytest.CaptureFixture[str]) -> None:
    """evals/verify_edits.py on ../shared's real articles (skipped without them): edits made in memory only."""
    spec = importlib.util.spec_from_file_location("verify_edits", EDITS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["verify_edits"] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    if not (module.REAL / "gold.jsonl").exists():
        pytest.skip("real-gold benchmark not present (set CLAIMCHECK_SHARED)")
    code = module.main(["--articles", "10"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "untouched quotes flagged: 0/" in out
