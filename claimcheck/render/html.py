"""A self-contained HTML page that shows an article's sourcing at a glance.

Each claim is highlighted in its source's colour (unattributed claims hatched
grey), source mentions and cues are boxed, hedges underlined, and the findings
sit beside the text. The page makes no network request: its styles and little
script (``static/page.css`` and ``static/page.js``) are inlined, and a
Content-Security-Policy forbids anything else.
"""

from __future__ import annotations

import html
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

from claimcheck.checks import grounded_claims, source_keys
from claimcheck.checks.finding import SEVERITIES, Finding, count_by_severity, format_tally
from claimcheck.checks.roles import ROLE_LABELS, SourceRole, format_roles, rank_roles, roles_by_source
from claimcheck.plurals import plural
from claimcheck.render import CheckReport
from claimcheck.schema import Claim, Extraction
from claimcheck.verification.verify import QuoteCheck, Verification

__all__ = ["render", "render_html"]

#: (background, foreground) pairs: dark text on the light tints keeps contrast above 12:1,
#: and the dark tone (borders, swatches, source boxes) is above 4.5:1 on white.
PALETTE: tuple[tuple[str, str], ...] = (
    ("#dbeafe", "#1e40af"),
    ("#ffedd5", "#9a3412"),
    ("#dcfce7", "#166534"),
    ("#f3e8ff", "#6b21a8"),
    ("#fce7f3", "#9d174d"),
    ("#ccfbf1", "#115e59"),
    ("#fef9c3", "#854d0e"),
    ("#fee2e2", "#991b1b"),
    ("#e0e7ff", "#3730a3"),
    ("#ecfccb", "#3f6212"),
)

# Nesting order when spans start together: claims outside, then checked quotes, finding targets, then marks.
_CLAIM, _QUOTE, _FINDING, _MENTION, _HEDGE = range(5)


@dataclass(eq=False)
class _Span:
    """One element to wrap around ``text[start:end]``; split into fragments where spans cross."""

    start: int
    end: int
    layer: int
    classes: str
    attrs: dict[str, str] = field(default_factory=dict)
    first_attrs: dict[str, str] = field(default_factory=dict)  # only on the first fragment (id, tabindex)

    def key(self) -> tuple[int, int, int]:
        return (self.start, -self.end, self.layer)


def _attrs(attrs: dict[str, str]) -> str:
    return "".join(f' {k}="{html.escape(v, quote=True)}"' for k, v in attrs.items())


def _nest(text: str, spans: Iterable[_Span]) -> str:
    """Markup for ``text`` with every span wrapped, tags properly nested.

    Walks the sorted boundaries; where a span ends inside another that is
    still open, the inner ones are closed and reopened as new fragments, so
    overlapping claims, hedges and mentions never produce crossed tags.
    """
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    bounds = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    by_start: dict[int, list[_Span]] = defaultdict(list)
    for s in spans:
        by_start[s.start].append(s)
    out: list[str] = []
    stack: list[_Span] = []
    opened: set[int] = set()
    active: list[_Span] = []
    for a, b in itertools.pairwise(bounds):
        active = [s for s in active if s.end > a] + by_start.get(a, [])
        live = set(map(id, active))
        keep = 0
        while keep < len(stack) and id(stack[keep]) in live:
            keep += 1
        out.extend("</span>" for _ in stack[keep:])
        del stack[keep:]
        kept = set(map(id, stack))
        for s in sorted((s for s in active if id(s) not in kept), key=_Span.key):
            attrs = dict(s.attrs)
            classes = s.classes
            if id(s) not in opened:
                opened.add(id(s))
                attrs.update(s.first_attrs)
                classes += " first"
            out.append(f'<span class="{classes}"{_attrs(attrs)}>')
            stack.append(s)
        out.append(html.escape(text[a:b], quote=False))
    out.extend("</span>" for _ in stack)
    return "".join(out)


def _display_names(claims: Sequence[Claim], keys: Sequence[str | None]) -> dict[str, str]:
    """The name shown for each source key: its most frequent resolved name."""
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for c, k in zip(claims, keys, strict=True):
        if k is not None:
            names[k][c.source_name or c.source or k] += 1
    return {k: max(cnt.items(), key=lambda kv: (kv[1], len(kv[0])))[0] for k, cnt in names.items()}


def _src_key(colour: dict[str, int], key: str | None) -> str:
    """A per-source token for the legend filter (colours repeat past the palette; this does not)."""
    return "none" if key is None else f"k{list(colour).index(key)}"


def _hedges(c: Claim) -> str:
    return ", ".join(f"{h.cue} ({h.kind})" for h in c.hedges)


def _claim_spans(
    doc: int, claims: list[tuple[int, Claim]], colour: dict[str, int], keys: list[str | None]
) -> list[_Span]:
    spans: list[_Span] = []
    mentions: set[tuple[int, int, str]] = set()
    for (i, c), key in zip(claims, keys, strict=True):
        assert c.start is not None and c.end is not None
        swatch = f"s{colour[key]}" if key is not None else "su"
        cid = f"d{doc}-c{i}"
        data = {
            "data-claim": cid,
            "data-src-key": _src_key(colour, key),
            "data-text": c.claim,
            "data-source": c.source or "",
            "data-name": c.source_name or c.source or "",
            "data-type": c.source_type or "",
            "data-cue": c.cue or "",
            "data-quote": c.quote,
            "data-hedges": _hedges(c),
        }
        label = f"claim by {c.source_name or c.source}" if c.attributed else "unattributed claim"
        spans.append(
            _Span(
                c.start,
                c.end,
                _CLAIM,
                f"claim {swatch}" + ("" if c.attributed else " unattributed"),
                data,
                {"id": cid, "tabindex": "0", "aria-label": f"{label}: {c.claim}"},
            )
        )
        marks = [("src", c.source_start, c.source_end), ("cue", c.cue_start, c.cue_end)]
        for kind, s, e in marks:
            if s is not None and e is not None and (s, e, kind) not in mentions:
                mentions.add((s, e, kind))
                spans.append(_Span(s, e, _MENTION, f"{kind} {swatch}", {"data-for": cid}))
        for h in c.hedges:
            if h.start is not None and h.end is not None and (h.start, h.end, "hedge") not in mentions:
                mentions.add((h.start, h.end, "hedge"))
                spans.append(_Span(h.start, h.end, _HEDGE, f"hedge {h.kind}", {"title": f"hedge: {h.kind}"}))
    return spans


def _finding_spans(doc: int, findings: Sequence[Finding]) -> list[_Span]:
    return [
        _Span(
            f.start,
            f.end,
            _FINDING,
            f"ftarget sev-{f.severity}",
            {"data-finding": f"d{doc}-f{n}", "data-n": str(n)},
            {"id": f"d{doc}-f{n}"},
        )
        for n, f in enumerate(findings, 1)
    ]


#: How each verdict on a quote is marked: a symbol as well as a colour, so colour is never the only signal.
_QUOTE_MARKS = {"verbatim": "✓", "altered": "≠", "spliced": "✂", "not_found": "?"}


def _quote_spans(doc: int, verification: Verification | None) -> list[_Span]:
    """Each checked quotation, marked with its verdict; hovering shows the diff and the source passage."""
    if verification is None:
        return []
    spans = []
    for n, q in enumerate(verification.quotes):
        status = q.status.replace("_", " ")
        data = {
            "data-vq": f"d{doc}-q{n}",
            "data-vstatus": status,
            "data-vdetail": q.detail,
            "data-vflips": "; ".join(q.flips),
            "data-vspeaker": q.speaker_mismatch or "",
            "data-vdiff": _diff_json(q),
            "data-vsource": "\n".join(
                f"{m.source}:{m.line}" + (f" ({m.speaker})" if m.speaker else "") + f": {' '.join(m.text.split())}"
                for m in q.matches
            ),
            "data-mark": _QUOTE_MARKS[q.status],
        }
        label = f"quote {status}" + (f", {q.speaker_mismatch}" if q.speaker_mismatch else "")
        spans.append(_Span(q.start, q.end, _QUOTE, f"vq v-{q.status}", data, {"tabindex": "0", "aria-label": label}))
    return spans


def _diff_json(q: QuoteCheck) -> str:
    """The word diff as JSON ``[op, source words, quote words]`` triples, built into the tooltip as text nodes."""
    import json

    return json.dumps([[d.op, d.source, d.quote] for d in q.diff], ensure_ascii=False) if q.diff else ""


def _legend_item(swatch: str, key: str, name: str, count: int, kind: str | None) -> str:
    meta = plural(count, "claim") + (f" · {kind}" if kind else "")
    return (
        f'<li><button type="button" class="lg {swatch}" data-key="{key}" aria-pressed="false">'
        f'<span class="sw" aria-hidden="true"></span><span class="lg-name">{html.escape(name)}</span>'
        f'<span class="lg-meta">{html.escape(meta)}</span></button></li>'
    )


def _legend(
    doc: int,
    claims: list[Claim],
    keys: list[str | None],
    names: dict[str, str],
    colour: dict[str, int],
    roles: dict[str, SourceRole],
) -> str:
    """Each source with its colour, type, role and claim count (a button that isolates its claims); the roles."""
    counts = Counter(keys)
    types = {k: c.source_type for c, k in zip(claims, keys, strict=True) if k is not None and c.source_type}
    kinds = {
        k: " · ".join(dict.fromkeys(x for x in (types.get(k), ROLE_LABELS[roles[k].role] if k in roles else None) if x))
        for k in colour
    }  # "anonymous" once when the type and the role say the same
    items = [
        _legend_item(f"s{colour[k]}", _src_key(colour, k), names[k], counts[k], kinds[k] or None)
        for k in sorted(colour, key=lambda k: (-counts[k], names[k].lower()))
    ]
    if counts[None]:
        items.append(_legend_item("su", _src_key(colour, None), "Unattributed", counts[None], None))
    key_marks = (
        '<p class="marks-key"><span class="src s0 demo">source</span> mention '
        '<span class="cue s0 demo">cue</span> attribution cue '
        '<span class="hedge demo">hedge</span> hedge '
        '<span class="fdemo">1</span> finding</p>'
    )
    summary = f'<p class="roles">Sources by role: {html.escape(format_roles(rank_roles(roles.values())))}</p>'
    return (
        f'<div class="legend" aria-label="Sources"><h3 id="d{doc}-legend">Sources</h3>'
        f'<ul class="lg-list">{"".join(items) or "<li>No claims</li>"}</ul>{summary}{key_marks}</div>'
    )


def _quote_key() -> str:
    items = "".join(
        f'<span class="vqdemo v-{s}" data-mark="{m}">{s.replace("_", " ")}</span> ' for s, m in _QUOTE_MARKS.items()
    )
    return f'<p class="marks-key">Quotes checked against the sources: {items}— hover a quote for the diff.</p>'


def _findings_column(doc: int, findings: Sequence[Finding]) -> str:
    if not findings:
        return '<aside class="findings" aria-label="Findings"><h3>Findings</h3><p class="none">No findings.</p></aside>'
    counts = count_by_severity(findings)
    summary = " · ".join(f'<span class="sev-{s}">{counts[s]} {s}</span>' for s in reversed(SEVERITIES) if counts[s])
    items = []
    for n, f in enumerate(findings, 1):
        items.append(
            f'<li class="finding sev-{f.severity}" data-rule="{f.rule}" data-severity="{f.severity}">'
            f'<a href="#d{doc}-f{n}" data-target="d{doc}-f{n}">'
            f'<span class="fnum">{n}</span><span class="badge">{f.severity}</span> '
            f'<code class="rule">{html.escape(f.rule)}</code> <span class="loc">{f.line}:{f.column}</span>'
            f'<span class="msg">{html.escape(f.message)}</span>'
            f'<span class="fix">fix: {html.escape(f.fix)}</span></a></li>'
        )
    return (
        f'<aside class="findings" aria-label="Findings"><h3>Findings ({len(findings)})</h3>'
        f'<p class="fsum">{summary}</p><ol class="flist">{"".join(items)}</ol></aside>'
    )


def _claims_table(claims: list[tuple[int, Claim]], names: dict[str, str], keys: list[str | None]) -> str:
    rows = []
    for n, ((_, c), key) in enumerate(zip(claims, keys, strict=True), 1):
        who = "—" if key is None else f"{c.source} → {names[key]} ({c.source_type or '?'})"
        rows.append(
            f"<tr><td>{n}</td><td>{html.escape(c.claim)}</td><td>{html.escape(who)}</td>"
            f"<td>{html.escape(c.cue or '—')}</td><td>{c.quote}</td><td>{html.escape(_hedges(c) or '—')}</td></tr>"
        )
    return (
        f"<details><summary>All {plural(len(claims), 'claim')} as a table</summary>"
        "<table><thead><tr><th>#</th><th>claim</th>"
        "<th>source → name (type)</th><th>cue</th><th>quote</th><th>hedges</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></details>"
    )


def _section(doc: int, ext: Extraction, findings: Sequence[Finding], verification: Verification | None = None) -> str:
    placed = sorted(grounded_claims(ext), key=lambda ic: (ic[1].span[0], -ic[1].span[1]))
    claims = [c for _, c in placed]
    keys = source_keys(claims)
    names = _display_names(claims, keys)
    order = dict.fromkeys(k for k in keys if k is not None)  # claims are in text order: first mention first
    colour = {k: n % len(PALETTE) for n, k in enumerate(order)}
    spans = _claim_spans(doc, placed, colour, keys) + _finding_spans(doc, findings) + _quote_spans(doc, verification)
    attributed = sum(1 for c in claims if c.attributed)
    meta = [f"{plural(len(claims), 'claim')} ({attributed} attributed, {len(claims) - attributed} unattributed)"]
    if ext.backend:
        meta.append(f"backend {ext.backend}" + (f" · {ext.model}" if ext.model else ""))
    missing = len(ext.claims) - len(claims)
    if missing:
        meta.append(f"{plural(missing, 'claim')} not found in the text")
    if ext.dropped:
        meta.append(f"{plural(len(ext.dropped), 'proposed claim')} dropped")
    if verification is not None:
        meta.append(f"{verification.summary()}, against {', '.join(verification.sources)}")
    return (
        f'<section class="doc" id="d{doc}" aria-labelledby="d{doc}-title">'
        f'<header><h2 id="d{doc}-title">{html.escape(ext.id)}</h2>'
        f'<p class="meta">{html.escape(" · ".join(meta))}</p></header>'
        f"{_legend(doc, claims, keys, names, colour, roles_by_source(ext.text, claims, keys))}"
        f"{_quote_key() if verification is not None else ''}"
        f'<div class="cols"><article class="text" lang="en">{_nest(ext.text, spans)}</article>'
        f"{_findings_column(doc, findings)}</div>"
        f"{_claims_table(placed, names, keys)}</section>"
    )


def render_html(
    extractions: Sequence[Extraction],
    findings: Sequence[Sequence[Finding]],
    *,
    title: str = "claimcheck",
    verifications: Sequence[Verification] = (),
) -> str:
    """One self-contained HTML page with a section per document.

    ``findings`` holds one list per extraction, in the same order (the same
    file named twice is two documents with one id, each with its findings
    once); the page shows them and runs no check itself. ``verifications``
    (from :func:`claimcheck.verify`) mark each checked quote.
    """
    verified = {v.doc_id: v for v in verifications}
    lists = [list(fs) for fs in findings]
    pairs = list(zip(extractions, lists, strict=True))
    sections = [
        _section(n, ext, sorted(fs, key=_finding_order), verified.get(ext.id)) for n, (ext, fs) in enumerate(pairs)
    ]
    summary = format_tally(f for fs in lists for f in fs)
    toc = ""
    if len(extractions) > 1:
        links = "".join(
            f'<li><a href="#d{n}">{html.escape(ext.id)}</a> ({plural(len(fs), "finding")})</li>'
            for n, (ext, fs) in enumerate(pairs)
        )
        toc = f'<nav aria-label="Documents"><ol>{links}</ol></nav>'
    body = "".join(sections) or '<p class="none">No documents.</p>'
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
        f"<title>{html.escape(title)}</title><style>\n{_static('page.css')}{_PALETTE_CSS}</style></head><body>"
        f'<header class="top"><h1>{html.escape(title)}</h1>'
        f"<p>{plural(len(extractions), 'document')} · {html.escape(summary)} · "
        "hover or focus a highlighted claim for its details; click a finding to jump to it.</p>"
        f"{toc}</header><main>{body}</main>"
        '<div id="cc-pop" role="tooltip" hidden></div>'
        f"<script>\n{_static('page.js')}</script></body></html>\n"
    )


def render(report: CheckReport) -> str:
    """``--format html``: the page for ``check`` or ``verify``."""
    docs = report.documents
    return render_html(
        [e for e, _ in docs], [fs for _, fs in docs], title=report.title, verifications=report.verifications
    )


def _finding_order(f: Finding) -> tuple[int, str, int]:
    return (f.start, f.rule, f.end)


_PALETTE_CSS = "".join(f".s{n}{{--bg:{bg};--fg:{fg}}}" for n, (bg, fg) in enumerate(PALETTE))


@cache
def _static(name: str) -> str:
    """A file of ``render/static``, read once: the page inlines it, so it works opened from disk, offline."""
    return files("claimcheck.render").joinpath("static").joinpath(name).read_text(encoding="utf-8")
