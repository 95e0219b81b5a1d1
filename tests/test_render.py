"""render/: every output format of ``check`` is one module with a ``render(report)``, and the page inlines its files."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest

from claimcheck import check, extract
from claimcheck.errors import InputError
from claimcheck.render import CHECK_FORMATS, CheckReport, render_check
from claimcheck.render.html import render_html

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


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown output format 'yaml'"):
        render_check("yaml", CheckReport([]))


def test_the_page_inlines_the_packages_css_and_js() -> None:
    static = files("claimcheck.render").joinpath("static")
    page = render_html([extract(TEXT, backend="rules")], [[]])
    for name, tag in (("page.css", "<style>"), ("page.js", "<script>")):
        body = static.joinpath(name).read_text(encoding="utf-8")
        assert f"{tag}\n{body}" in page
