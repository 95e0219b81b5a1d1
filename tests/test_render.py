"""render/: every output format of ``check`` is one module with a ``render(report)``, and the page inlines its files."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest

from claimcheck import check, extract
from claimcheck.checks.finding import Finding
from claimcheck.errors import InputError
from claimcheck.render import CHECK_FORMATS, CheckReport, render_check, verify_report
from claimcheck.render.html import render_html
from claimcheck.schema import Extraction
from claimcheck.verification import QuoteCheck, Verification

TEXT = 'The bridge will reopen on Monday, officials said. "We are on schedule," said Ana Ruiz, the city engineer.'


@pytest.fixture(scope="module")
def report() -> CheckReport:
    ext = extract(TEXT, backend="rules", doc_id="story.txt")
    return CheckReport([(ext, check(ext))], [("gone.txt", InputError("gone.txt: no such file", fix="check it"))])


@pytest.mark.parametrize("fmt", CHECK_FORMATS)
def test_every_format_renders_every_file_and_the_one_that_failed(report: CheckReport, fmt: str) -> None:
    out = render_check(fmt, report)
    assert out.endswith("\n") and "story.txt" in out
    if fmt not in ("text", "html"):  # for people the CLI lists failures on standard error
        assert "gone.txt" in out


def test_json_keeps_the_failed_file_after_those_that_worked(report: CheckReport) -> None:
    files_ = [d["file"] for d in json.loads(render_check("json", report))]
    assert files_ == ["story.txt", "gone.txt"]


def _finding(severity: str) -> Finding:
    fields = {"rule": "r", "severity": severity, "message": "m", "fix": "f", "doc_id": "d"}
    return Finding.model_validate({**fields, "line": 1, "column": 1, "start": 0, "end": 1})


@pytest.mark.parametrize(
    ("severities", "fail_on", "fails"),
    [
        (["info", "warning"], "error", False),
        (["info", "error"], "error", True),
        (["warning"], "warning", True),
        (["info"], "info", True),
        (["error"], "never", False),
        ([], "info", False),
    ],
)
def test_a_report_fails_at_its_threshold(severities: list[str], fail_on: str, fails: bool) -> None:
    story = Extraction(id="d", text="x")
    assert CheckReport([(story, [_finding(s) for s in severities])], fail_on=fail_on).fails() is fails


def test_verify_report_holds_the_quotes_that_do_not_check_out() -> None:
    story = Extraction(id="s.txt", text="“a b c d,” she said. “e f g h,” he said.")
    quotes = [
        QuoteCheck(quote="a b c d", start=1, end=8, line=1, column=2, status="verbatim"),
        QuoteCheck(quote="e f g h", start=22, end=29, line=1, column=23, status="altered", detail="1 word changed"),
    ]
    checked = Verification(doc_id="s.txt", sources=["t.txt"], source_words=9, quotes=quotes)
    report = verify_report([story], [checked], fail_on="warning")
    [(ext, findings)] = report.documents
    assert ext is story and [(f.rule, f.severity, f.start) for f in findings] == [("quote-altered", "warning", 22)]
    assert report.fails() and not verify_report([story], [checked]).fails()  # altered is a warning, not an error
    assert report.verifications == [checked] and report.tool == "claimcheck verify"
    assert report.rules is not None and "quote-not-found" in report.rules


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown output format 'yaml'"):
        render_check("yaml", CheckReport([]))


def test_the_page_inlines_the_packages_css_and_js() -> None:
    static = files("claimcheck.render").joinpath("static")
    page = render_html([extract(TEXT, backend="rules")], [[]])
    for name, tag in (("page.css", "<style>"), ("page.js", "<script>")):
        body = static.joinpath(name).read_text(encoding="utf-8")
        assert f"{tag}\n{body}" in page
