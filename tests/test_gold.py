"""Gold loading: spec JSONL read strictly (errors name file and line) and BRAT attribution corpora."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from claimcheck.errors import InputError
from claimcheck.evaluation.gold import load_gold

DATA = Path(__file__).parent / "data"
SHARED = Path(os.environ.get("CLAIMCHECK_SHARED") or Path(__file__).resolve().parents[2] / "shared")
POLNEAR_DEV = SHARED / "benchmarks" / "polnear" / "dev"

TEXT = "Prices rose by about 5%, the ministry said. The bridge is closed."


def good_claim(**overrides: Any) -> dict[str, Any]:
    c: dict[str, Any] = {
        "claim": "Prices rose by about 5%",
        "source": "the ministry",
        "source_name": "ministry",
        "source_type": "government",
        "cue": "said",
        "quote": "indirect",
        "hedges": [{"cue": "about", "kind": "approximation"}],
    }
    c.update(overrides)
    return c


def write_gold(tmp_path: Path, *lines: object) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text(
        "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n", encoding="utf-8"
    )
    return path


def doc(doc_id: str = "d1", **overrides: Any) -> dict[str, Any]:
    d: dict[str, Any] = {"id": doc_id, "text": TEXT, "claims": [good_claim()]}
    d.update(overrides)
    return d


def test_seed_gold_loads_with_path_relative_to_the_gold_file() -> None:
    (d,) = load_gold(DATA / "seed_gold.jsonl", allow_outside_paths=True)  # the seed lives in seeds/
    assert d.id == "seed-000" and d.split == "dev" and d.scope is None
    assert d.text.startswith(" date 2023-12-26")
    assert len(d.claims) == 15
    assert sum(c.source is None for c in d.claims) == 3


def test_valid_lines_load_and_blank_lines_are_skipped(tmp_path: Path) -> None:
    path = write_gold(tmp_path, doc("a", split="test"), "", doc("b", scope="attributed", claims=[]))
    a, b = load_gold(path)
    assert (a.id, a.split, a.claims[0].hedges[0].cue) == ("a", "test", "about")
    assert (b.id, b.scope, b.claims) == ("b", "attributed", [])


BAD_SECOND_LINES: list[tuple[object, str]] = [
    ('{"id": "d2", "text": ', "invalid JSON"),
    (["not", "an", "object"], "expected a JSON object"),
    ({"text": TEXT, "claims": []}, "missing field 'id'"),
    ({"id": "d2", "claims": []}, "exactly one of 'text' or 'path'"),
    ({"id": "d2", "text": TEXT}, "missing field 'claims'"),
    (doc("d2", claims=[{k: v for k, v in good_claim().items() if k != "cue"}]), "missing field(s) cue"),
    (doc("d2", claims=[good_claim(source_type="ministry")]), "unknown source_type 'ministry'"),
    (doc("d2", claims=[good_claim(quote="partial")]), "unknown quote 'partial'"),
    (doc("d2", claims=[good_claim(hedges=[{"cue": "about", "kind": "vague"}])]), "unknown hedge kind 'vague'"),
    (doc("d2", claims=[good_claim(claim="Prices fell")]), "the claim 'Prices fell' is not a span"),
    (doc("d2", claims=[good_claim(source="the army")]), "the source 'the army' is not a span"),
    (doc("d2", claims=[good_claim(cue="stressed")]), "the cue 'stressed' is not a span"),
    (doc("d2", claims=[good_claim(hedges=[{"cue": "nearly", "kind": "approximation"}])]), "hedge cue 'nearly'"),
    (doc("d2", claims=[good_claim(source=None)]), "source_name/source_type set but source is null"),
    (doc("d2", claims=[good_claim(source_name=None)]), "has no source_name"),
    (doc("d2", claims=[good_claim(start=0, end=5)]), "start/end (0:5) do not cover the claim"),
    (doc("d2", scope="partial"), "unknown scope 'partial'"),
    ({"id": "d2", "path": "missing.txt", "claims": []}, "missing.txt: no such file"),
    (doc("d1"), "duplicate id 'd1' (first on line 1)"),
    (doc("d2", text="Prices rose.\u0000"), "NUL bytes"),
    (doc("d2", text="   "), "'text': the text is empty"),
    (doc("d2", claims=[good_claim(source="")]), "the source is an empty string"),
    (doc("d2", claims=[good_claim(cue=" ")]), "the cue is an empty string"),
    (doc("d2", claims=[good_claim(hedges=[{"cue": "", "kind": "approximation"}])]), "hedge cue is an empty string"),
    # "said" is text[-5:-1]: Python slices from the end, but an offset is never negative
    (doc("d2", text=TEXT[:43], claims=[good_claim(cue_start=-5, cue_end=-1)]), "cue_start/cue_end (-5:-1)"),
    (doc("d2", claims=[good_claim(start=0)]), "start and end go together"),
]


@pytest.mark.parametrize(("line", "message"), BAD_SECOND_LINES, ids=[m for _, m in BAD_SECOND_LINES])
def test_bad_gold_line_names_file_and_line(tmp_path: Path, line: object, message: str) -> None:
    path = write_gold(tmp_path, doc("d1"), line)
    with pytest.raises(InputError) as info:
        load_gold(path)
    assert f"{path}:2:" in str(info.value)
    assert message in str(info.value)


def test_gold_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_bytes(json.dumps(doc("d1")).replace("Prices", "Pr\\u00eces").encode("utf-8") + b"\n\xe9\n")
    with pytest.raises(InputError, match=r"gold\.jsonl:2: not valid UTF-8 \(byte 0xe9"):
        load_gold(path)


def test_missing_or_empty_gold_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such gold file"):
        load_gold(tmp_path / "nope.jsonl")
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="no gold documents"):
        load_gold(tmp_path / "empty.jsonl")


# --- BRAT -----------------------------------------------------------------------------------


def test_brat_corpus_loads_attributions_with_sources() -> None:
    (d,) = load_gold(DATA / "brat")
    assert (d.id, d.scope, d.split) == ("bridge", "attributed", "test")
    got = [(c.claim, c.source, c.source_name, c.cue) for c in d.claims]
    assert got == [
        ("the bridge will reopen in May", "The mayor", "The mayor", "said"),
        ("the repairs could take longer", "Officials", "Officials", "warned"),
        ("costs were rising", "Officials", "Officials", "added"),
        # Content fragments (listed out of order) and Content2 joined in text order
        ("that the budget which was approved in 2020 had doubled", "The council report", "The council report", "found"),
    ]
    # the Attribution-no-source relation ("It is believed ...") is left out
    assert all("contractor" not in c.claim for c in d.claims)
    last = d.claims[-1]
    assert d.text[last.start : last.start + 15] == "that the budget"
    assert d.text[: last.end].endswith("had doubled")
    assert d.claims[1].quote == "direct" and d.claims[0].quote == "indirect"


def test_brat_uses_the_first_annotator_in_sorted_order() -> None:
    (d,) = load_gold(DATA / "brat")
    assert len(d.claims) == 4  # bridge_zz99.ann holds only one relation


def copy_brat(tmp_path: Path) -> Path:
    dest = tmp_path / "brat"
    shutil.copytree(DATA / "brat", dest)
    return dest


def test_brat_crlf_text_keeps_its_offsets(tmp_path: Path) -> None:
    """BRAT offsets count the "\r" of a CRLF file: reading must not turn "\r\n" into "\n"."""
    corpus = copy_brat(tmp_path)
    txt = corpus / "text" / "bridge.txt"
    ann = corpus / "attributions" / "bridge_aa01.ann"
    text = txt.read_bytes().decode("utf-8")
    txt.write_bytes(("Headline\r\n\r\n" + text).encode("utf-8"))
    shifted = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("T"):
            role, _, offsets = cols[1].partition(" ")
            moved = ";".join(" ".join(str(int(n) + 12) for n in frag.split()) for frag in offsets.split(";"))
            cols[1] = f"{role} {moved}"
        shifted.append("\t".join(cols))
    ann.write_text("\n".join(shifted) + "\n", encoding="utf-8")
    (d,) = load_gold(corpus)
    assert d.text.startswith("Headline\r\n\r\n")
    original = load_gold(DATA / "brat")[0].claims
    assert [(c.claim, c.start, c.source) for c in d.claims] == [(c.claim, c.start + 12, c.source) for c in original]
    assert all(d.text[c.source_start : c.source_end] == c.source for c in d.claims)


@pytest.mark.parametrize("cut", [False, True])
def test_brat_span_across_a_line_break(tmp_path: Path, cut: bool) -> None:
    """A span's text that crosses a line break runs on over the next .ann lines, or is cut at the break."""
    corpus = copy_brat(tmp_path)
    text = "The mayor said:\n\nThe bridge will reopen in May.\n"
    (corpus / "text" / "bridge.txt").write_text(text, encoding="utf-8")
    content = "\n" if cut else "\n\nThe bridge will reopen in May.\n"
    ann = (
        "T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\n"
        f"T3\tContent 10 47\tsaid:{content}"
        "T4\tAttribution 10 14\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    )
    (corpus / "attributions" / "bridge_aa01.ann").write_text(ann, encoding="utf-8")
    (d,) = load_gold(corpus)
    assert [(c.claim, c.source) for c in d.claims] == [("said:\n\nThe bridge will reopen in May.", "The mayor")]
    # A continuation line that is not the article's text is still an error.
    (corpus / "attributions" / "bridge_aa01.ann").write_text(
        ann.replace("reopen in May.\n", "open.\n"), encoding="utf-8"
    )
    if not cut:
        with pytest.raises(InputError, match="T3 text"):
            load_gold(corpus)


@pytest.mark.parametrize("name", ["text/bridge.txt", "attributions/bridge_aa01.ann", "metadata.tsv"])
def test_brat_file_that_is_not_utf8_is_named(tmp_path: Path, name: str) -> None:
    corpus = copy_brat(tmp_path)
    (corpus / name).write_bytes((corpus / name).read_bytes() + "caf\u00e9".encode("latin-1"))
    with pytest.raises(InputError, match=rf"{re.escape(name)}: not valid UTF-8 \(byte 0xe9"):
        load_gold(corpus)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("T3\tContent 15 44", "T3\tContent 15 99999", r"bridge_aa01\.ann:3: offsets 15 99999 fall outside"),
        ("\tThe mayor", "\tThe major", r"bridge_aa01\.ann:1: T1 text 'The major' differs"),
        ("Source:T1", "Source:T99", r"bridge_aa01\.ann:5: refers to T99"),
        ("T2\tCue 10 14", "T2\tCue ten 14", r"bridge_aa01\.ann:2: bad offsets 'ten 14'"),
        ("E1\tAttribution:T4 ", "E1\tAttribution ", r"bridge_aa01\.ann:5: malformed E line argument"),
    ],
)
def test_brat_annotation_errors_name_file_and_line(tmp_path: Path, old: str, new: str, message: str) -> None:
    corpus = copy_brat(tmp_path)
    ann = corpus / "attributions" / "bridge_aa01.ann"
    content = ann.read_text(encoding="utf-8")
    assert old in content
    ann.write_text(content.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_gold(corpus)


def test_brat_text_without_annotations_and_folder_without_layout(tmp_path: Path) -> None:
    corpus = copy_brat(tmp_path)
    (corpus / "text" / "orphan.txt").write_text("Nothing here.", encoding="utf-8")
    with pytest.raises(InputError, match="no annotation file attributions/orphan_"):
        load_gold(corpus)
    with pytest.raises(InputError, match="not a BRAT corpus"):
        load_gold(tmp_path)


@pytest.mark.skipif(not POLNEAR_DEV.is_dir(), reason="PolNeAR dev split not present (set CLAIMCHECK_SHARED)")
def test_polnear_dev_loads() -> None:
    docs = load_gold(POLNEAR_DEV)
    assert len(docs) == 84
    assert all(d.scope == "attributed" and d.split == "dev" for d in docs)
    claims = [c for d in docs for c in d.claims]
    assert len(claims) > 1500
    assert all(c.source and c.source_name == c.source and c.claim.strip() for c in claims)
    for d in docs:
        for c in d.claims:
            assert d.text[c.source_start : c.source_end].startswith(c.source.split(" ")[0])


# --- hostile gold files: endless, nested, UTF-16, odd line breaks, paths that leave the folder ---


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_an_endless_gold_device_is_refused_on_its_first_line() -> None:
    with pytest.raises(InputError, match=r"^/dev/zero: looks like a binary file \(NUL bytes\)"):
        load_gold("/dev/zero")


def test_an_over_long_gold_line_is_refused_without_reading_on(tmp_path: Path, monkeypatch) -> None:
    import claimcheck.evaluation.gold as gold

    monkeypatch.setattr(gold, "MAX_LINE_BYTES", 1000)
    path = write_gold(tmp_path, doc("d1"), doc("d2", text=TEXT + " x" * 1000))
    with pytest.raises(InputError, match=r"gold\.jsonl:2: the line is over the limit of 1,000 bytes"):
        load_gold(path)


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\u0085"])
def test_json_strings_may_hold_characters_str_splitlines_breaks_on(tmp_path: Path, char: str) -> None:
    text = f"Prices rose by about 5%, the ministry said.{char}The bridge is closed."
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(doc("d1", text=text), ensure_ascii=False) + "\n", encoding="utf-8")
    assert char in path.read_text(encoding="utf-8")  # written raw, not escaped
    (d,) = load_gold(path)
    assert d.text == text


def test_deeply_nested_gold_is_one_line_not_a_recursion_error(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n")
    with pytest.raises(InputError, match=r"gold\.jsonl:1: JSON nested too deeply") as info:
        load_gold(path)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_a_utf16_gold_file_says_how_to_convert(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "gold.jsonl"
    body = json.dumps(doc("d1")) + "\n"
    path.write_bytes(("\ufeff" if encoding == "utf-16-be" else "").encode(encoding) + body.encode(encoding))
    with pytest.raises(InputError, match=r"is UTF-16 \(byte-order mark\), not UTF-8 — convert it first: iconv"):
        load_gold(path)


@pytest.mark.parametrize("where", ["../outside.txt", "/etc/passwd", "./../outside.txt"])
def test_a_gold_path_must_stay_in_the_gold_folder(tmp_path: Path, where: str) -> None:
    (tmp_path / "outside.txt").write_text(TEXT, encoding="utf-8")
    folder = tmp_path / "gold"
    folder.mkdir()
    claim = good_claim() if where != "/etc/passwd" else None
    path = write_gold(folder, doc("d1", text=None, path=where, claims=[claim] if claim else []))
    raw = json.loads(path.read_text())
    del raw["text"]
    path.write_text(json.dumps(raw) + "\n")
    with pytest.raises(InputError, match="outside the gold file's folder") as info:
        load_gold(path)
    assert "--allow-outside-paths" in (info.value.fix or "")
    if where != "/etc/passwd":
        (d,) = load_gold(path, allow_outside_paths=True)
        assert d.text == TEXT and d.path is not None and d.path.resolve() == (tmp_path / "outside.txt").resolve()


def test_a_symlink_inside_the_gold_folder_is_the_owner_s_choice(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(TEXT, encoding="utf-8")
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "text").symlink_to(tmp_path / "corpus")
    path = folder / "gold.jsonl"
    path.write_text(json.dumps({"id": "a", "path": "text/a.txt", "claims": [good_claim()]}) + "\n")
    (d,) = load_gold(path)
    assert d.text == TEXT
