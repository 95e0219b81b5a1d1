"""The HTML view: well-formed nesting over overlapping spans, escaping, colours per source, findings linked."""

from __future__ import annotations

import re
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from claimcheck.checks import check
from claimcheck.grounding import ground_claim
from claimcheck.render.html import PALETTE, _nest, _Span, render_html
from claimcheck.schema import Claim, Extraction, Hedge

VOID = {"meta", "br", "hr", "img", "input", "link"}


class Tree(HTMLParser):
    """Checks that every tag closes in order, and collects each element's attributes and text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str], list[str]]] = []
        self.elements: list[tuple[str, dict[str, str], list[str]]] = []
        self.errors: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = (tag, {k: v or "" for k, v in attrs}, [])
        self.elements.append(el)
        self.in_script = tag in ("script", "style")
        if tag not in VOID:
            self.stack.append(el)

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self.in_script:
            for _, _, text in self.stack:
                text.append(data)

    def find(self, cls: str) -> list[tuple[dict[str, str], str]]:
        """Elements with class ``cls``, leaving out the legend's samples."""
        return [
            (a, "".join(t)) for _, a, t in self.elements if cls in (c := a.get("class", "").split()) and "demo" not in c
        ]


def parse(markup: str) -> Tree:
    tree = Tree()
    tree.feed(markup)
    tree.close()
    assert not tree.errors, tree.errors[:3]
    return tree


TEXT = (
    "The dam is believed to be leaking, the engineer said, and repairs will cost <£5m> & more.\n\n"
    "“Nobody is in danger,” said Mayor Ruth Okafor. Water rose by 3 metres overnight."
)


def _claim(span: str, source: str | None = None, name: str | None = None, cue: str | None = None, **kw: Any) -> Claim:
    c = Claim(claim=span, source=source, source_name=name, source_type="person" if source else None, cue=cue, **kw)
    return ground_claim(c, TEXT, near=TEXT.find(span))


def story(doc_id: str = "dam.txt") -> Extraction:
    claims = [
        _claim(
            "The dam is believed to be leaking",
            "the engineer",
            "the engineer",
            "said",
            hedges=[Hedge(cue="believed to be", kind="uncertainty")],
        ),
        # nested in the first sentence: an overlapping unattributed claim crossing the hedge and the cue
        _claim("leaking, the engineer said, and repairs will cost <£5m> & more"),
        _claim("Nobody is in danger", "Mayor Ruth Okafor", "Ruth Okafor", "said"),
        _claim("Water rose by 3 metres overnight"),
    ]
    return Extraction(id=doc_id, text=TEXT, claims=claims, backend="test")


def test_crossing_spans_nest_properly_and_keep_the_text() -> None:
    text = "abcdefghij"
    spans = [_Span(0, 6, 0, "a"), _Span(3, 9, 0, "b"), _Span(4, 5, 3, "c"), _Span(2, 8, 1, "d")]
    tree = parse(_nest(text, spans))
    got = defaultdict(str)
    for attrs, content in tree.find("a") + tree.find("b") + tree.find("c") + tree.find("d"):
        got[attrs["class"].split()[0]] += content
    assert dict(got) == {"a": "abcdef", "b": "defghi", "c": "e", "d": "cdefgh"}
    assert re.sub(r"<[^>]+>", "", _nest(text, spans)) == text
    # only the first fragment of each span is marked first
    assert [a["class"] for a, _ in tree.find("first")].count("b first") == 1


def test_every_claim_is_highlighted_with_its_fields() -> None:
    ext = story()
    tree = parse(render_html([ext], [[]]))
    for i, c in enumerate(ext.claims):
        frags = [(a, t) for a, t in tree.find("claim") if a["data-claim"] == f"d0-c{i}"]
        assert "".join(t for _, t in frags) == c.claim
        first = [a for a, _ in frags if "first" in a["class"].split()]
        assert len(first) == 1 and first[0]["tabindex"] == "0" and first[0]["id"] == f"d0-c{i}"
        assert {a["data-name"] for a, _ in frags} == {c.source_name or ""}
        assert {a["data-cue"] for a, _ in frags} == {c.cue or ""}
    hedges = tree.find("hedge")
    assert [t for _, t in hedges] == ["believed to be"]
    assert sorted(t for _, t in tree.find("src")) == ["Mayor Ruth Okafor", "the engineer"]
    assert sorted(t for _, t in tree.find("cue")) == ["said", "said"]


def test_sources_get_their_own_colour_and_unattributed_claims_the_hatch() -> None:
    tree = parse(render_html([story()], [[]]))
    colour = {}
    for attrs, _ in tree.find("claim"):
        cls = attrs["class"].split()
        colour.setdefault(attrs["data-claim"], {c for c in cls if re.fullmatch(r"s\d+|su", c)})
    assert colour["d0-c0"] != colour["d0-c2"]
    assert colour["d0-c1"] == colour["d0-c3"] == {"su"}
    legend = {t for _, t in tree.find("lg")}
    assert any("Ruth Okafor" in t and "1 claim" in t for t in legend)
    assert any("Unattributed" in t and "2 claims" in t for t in legend)


def test_everything_is_escaped() -> None:
    text = 'Prices rose <script>alert("x")</script> & fell, said Jo "Ace" O’Neil.'
    c = ground_claim(Claim(claim="Prices rose <script>alert(\"x\")</script> & fell", source='Jo "Ace" O’Neil',
                           source_name='Jo "Ace" O’Neil', source_type="person", cue="said"), text)  # fmt: skip
    page = render_html([Extraction(id="<b>evil</b>.txt", text=text, claims=[c])], [[]])
    assert "<script>alert" not in page and "<b>evil" not in page
    tree = parse(page)
    (attrs, content), *_ = tree.find("claim")
    assert attrs["data-name"] == 'Jo "Ace" O’Neil' and content == c.claim


def test_the_page_is_self_contained() -> None:
    page = render_html([story()], [[]])
    assert not re.search(r"https?://|<link|@import|url\(|\bsrc=", page)
    assert "default-src 'none'" in page
    assert page.count("<script>") == 1 and page.count("<style>") == 1


def test_findings_sit_beside_the_text_and_link_to_their_spans() -> None:
    ext = story()
    findings = check(ext)
    assert findings
    tree = parse(render_html([ext], [findings]))
    items = tree.find("finding")
    assert len(items) == len(findings)
    ids = {a["id"] for _, a, _ in tree.elements if "id" in a}
    links = [a["href"] for tag, a, _ in tree.elements if tag == "a" and a.get("data-target")]
    assert len(links) == len(findings) and all(h[1:] in ids for h in links)
    for n, f in enumerate(findings, 1):
        target = "".join(t for a, t in tree.find("ftarget") if a["data-finding"] == f"d0-f{n}")
        assert target == TEXT[f.start : f.end]
    assert [a["data-rule"] for a, _ in items] == [f.rule for f in findings]


def test_the_page_shows_the_findings_it_is_given_and_with_none_the_column_says_so() -> None:
    ext = story()
    assert check(ext)  # the page runs no check of its own: none given, none shown
    tree = parse(render_html([ext], [[]]))
    assert not tree.find("finding") and any("No findings" in t for _, t in tree.find("none"))


def test_several_documents_make_one_page_with_unique_ids() -> None:
    docs = [story("one.txt"), story("two.txt")]
    page = render_html(docs, [check(d) for d in docs])
    tree = parse(page)
    sections = [a for tag, a, _ in tree.elements if tag == "section"]
    assert [s["id"] for s in sections] == ["d0", "d1"]
    ids = [a["id"] for _, a, _ in tree.elements if "id" in a]
    assert len(ids) == len(set(ids))
    assert 'href="#d1"' in page
    assert {a["data-claim"][:2] for a, _ in tree.find("claim")} == {"d0", "d1"}


def test_claims_without_offsets_are_placed_and_missing_ones_counted() -> None:
    ext = Extraction(id="x", text=TEXT, claims=[Claim(claim="Nobody is in danger"), Claim(claim="Pigs can fly")])
    tree = parse(render_html([ext], [[]]))
    assert [t for _, t in tree.find("claim")] == ["Nobody is in danger"]
    assert any("1 claim not found" in t for _, t in tree.find("meta"))


def test_past_the_palette_colours_repeat_but_each_source_keeps_its_own_legend_key() -> None:
    names = [f"Speaker{chr(65 + n)} Quill" for n in range(12)]
    text = " ".join(f"Rates will change {n}, said {name}." for n, name in enumerate(names))
    claims = [
        ground_claim(
            Claim(claim=f"Rates will change {n}", source=name, source_name=name, source_type="person", cue="said"),
            text,
        )
        for n, name in enumerate(names)
    ]
    tree = parse(render_html([Extraction(id="x", text=text, claims=claims)], [[]]))
    buttons = [a for a, _ in tree.find("lg")]
    assert len(buttons) == 12 and len({b["data-key"] for b in buttons}) == 12
    assert len({b["class"] for b in buttons}) == len(PALETTE)
    claim_keys = {a["data-src-key"] for a, _ in tree.find("claim")}
    assert claim_keys == {b["data-key"] for b in buttons}


def test_extract_format_html_renders_the_page_with_findings(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import claimcheck.cli

    class Fixed:
        name, model, prompt_version = "fixed", None, None

        def extract_many(self, docs: list[tuple[str, str]], *, concurrency: int = 4) -> list[Extraction]:
            return [story(doc_id) for doc_id, _ in docs]

    monkeypatch.setattr(claimcheck.cli, "_backend_from_args", lambda args: Fixed())
    path = tmp_path / "dam.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert claimcheck.cli.main(["extract", str(path), "--format", "html", "--no-cache"]) == 0
    tree = parse(capsys.readouterr().out)
    assert len({a["data-claim"] for a, _ in tree.find("claim")}) == len(story().claims)
    assert len(tree.find("finding")) == len(check(story()))
