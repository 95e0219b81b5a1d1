"""A self-contained HTML page that shows an article's sourcing at a glance.

Each claim is highlighted in its source's colour (unattributed claims hatched
grey), source mentions and cues are boxed, hedges underlined, and the findings
sit beside the text. The page makes no network request: styles and the little
script are inline, and a Content-Security-Policy forbids anything else.
"""

from __future__ import annotations

import html
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from claimcheck.checks import (
    SEVERITIES,
    Finding,
    check,
    count_by_severity,
    format_tally,
    grounded_claims,
    source_keys,
)
from claimcheck.plurals import plural
from claimcheck.schema import Claim, Extraction
from claimcheck.standards import ROLE_LABELS, ROLES, SourceRole, format_roles, roles_by_source
from claimcheck.verification.verify import QuoteCheck, Verification

__all__ = ["render_html"]

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
    by_role = sorted(roles.values(), key=lambda r: (ROLES.index(r.role), -r.claims, r.name.lower()))
    summary = f'<p class="roles">Sources by role: {html.escape(format_roles(by_role))}</p>'
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
        f"{_legend(doc, claims, keys, names, colour, roles_by_source(ext.text, claims))}"
        f"{_quote_key() if verification is not None else ''}"
        f'<div class="cols"><article class="text" lang="en">{_nest(ext.text, spans)}</article>'
        f"{_findings_column(doc, findings)}</div>"
        f"{_claims_table(placed, names, keys)}</section>"
    )


def render_html(
    extractions: Sequence[Extraction],
    findings: Sequence[Finding] | None = None,
    *,
    title: str = "claimcheck",
    verifications: Sequence[Verification] = (),
    per_document: Sequence[Sequence[Finding]] | None = None,
) -> str:
    """One self-contained HTML page with a section per document.

    ``findings`` are matched to documents by ``doc_id``; ``per_document`` gives
    each document its own list instead (the same file named twice is two
    documents with one id, each with its findings once). With neither, the
    checks are run here, so ``claimcheck extract --format html`` shows them too.
    ``verifications`` (from :func:`claimcheck.verify`) mark each checked quote.
    """
    verified = {v.doc_id: v for v in verifications}
    if per_document is not None:
        lists = [list(fs) for fs in per_document]
    elif findings is not None:
        by_doc: dict[str, list[Finding]] = defaultdict(list)
        for f in findings:
            by_doc[f.doc_id].append(f)
        lists = [by_doc.get(ext.id, []) for ext in extractions]
    else:
        lists = [check(ext) for ext in extractions]
    pairs = list(zip(extractions, lists, strict=True))
    sections = [
        _section(n, ext, sorted(fs, key=_finding_order), verified.get(ext.id)) for n, (ext, fs) in enumerate(pairs)
    ]
    summary = format_tally(f for fs in lists for f in fs)
    toc = ""
    if len(extractions) > 1:
        links = "".join(
            f'<li><a href="#d{n}">{html.escape(ext.id)}</a> ({len(fs)} findings)</li>'
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
        f"<title>{html.escape(title)}</title><style>{_CSS}{_PALETTE_CSS}</style></head><body>"
        f'<header class="top"><h1>{html.escape(title)}</h1>'
        f"<p>{plural(len(extractions), 'document')} · {html.escape(summary)} · "
        "hover or focus a highlighted claim for its details; click a finding to jump to it.</p>"
        f"{toc}</header><main>{body}</main>"
        '<div id="cc-pop" role="tooltip" hidden></div>'
        f"<script>{_JS}</script></body></html>\n"
    )


def _finding_order(f: Finding) -> tuple[int, str, int]:
    return (f.start, f.rule, f.end)


_CSS = """
:root{--ink:#1a1a1a;--muted:#4b5563;--line:#d1d5db;--paper:#fff;--err:#b91c1c;--warn:#92400e;--info:#1e40af;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:var(--ink);background:#f6f7f9}
body{margin:0}
.top{padding:16px 28px;background:#111827;color:#f9fafb}
.top h1{margin:0 0 4px;font-size:20px;letter-spacing:.02em}
.top p{margin:0;color:#d1d5db;font-size:14px}
.top nav a{color:#bfdbfe}
main{padding:20px 28px;max-width:1500px}
.doc{background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:18px 22px;margin-bottom:28px}
.doc h2{margin:0;font-size:18px;word-break:break-all}
.meta{margin:4px 0 0;color:var(--muted);font-size:13px}
.legend{margin:14px 0 8px}
.legend h3{font-size:13px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:0 0 6px}
.lg-list{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:6px}
.lg{display:flex;align-items:center;gap:6px;border:1px solid var(--line);background:#fff;border-radius:16px;
padding:3px 10px 3px 6px;font:inherit;font-size:13px;color:var(--ink);cursor:pointer}
.lg[aria-pressed=true]{border-color:var(--fg);box-shadow:0 0 0 2px var(--fg)}
.lg .sw{width:14px;height:14px;border-radius:3px;background:var(--bg);border:2px solid var(--fg)}
.lg.su .sw{background:repeating-linear-gradient(135deg,#e5e7eb 0 3px,#c9ced6 3px 6px);border-color:#4b5563}
.lg-name{font-weight:600}.lg-meta{color:var(--muted)}
.roles{font-size:13px;margin:8px 0 0}
.marks-key{font-size:13px;color:var(--muted);margin:8px 0 0}
.marks-key .demo{color:var(--ink);margin-left:10px}
.fdemo{display:inline-block;margin-left:10px;background:var(--warn);color:#fff;border-radius:8px;padding:0 5px;
font-size:11px;font-weight:700}
.cols{display:grid;grid-template-columns:minmax(0,1fr) minmax(280px,380px);gap:24px;align-items:start;margin-top:12px}
@media (max-width:900px){.cols{grid-template-columns:1fr}}
.text{white-space:pre-wrap;font-family:Georgia,"Times New Roman",serif;font-size:17px;line-height:1.9;
overflow-wrap:anywhere}
.su{--bg:#eceff3;--fg:#4b5563}
.claim{background:var(--bg);box-shadow:inset 0 -2px 0 var(--fg);border-radius:2px;cursor:help;padding:1px 0}
.claim.unattributed{background:repeating-linear-gradient(135deg,#eef0f3 0 5px,#dfe3e8 5px 10px)}
.claim .claim{box-shadow:inset 0 -4px 0 var(--fg)}
.claim:focus{outline:3px solid #111827;outline-offset:1px}
.claim.hl{box-shadow:inset 0 -3px 0 var(--fg),0 0 0 2px var(--fg)}
.doc.filtering .claim:not(.on){background:none;box-shadow:none;opacity:.45}
.src{font-weight:700;border:2px solid var(--fg);border-radius:4px;padding:0 2px;background:#fff}
.cue{font-style:italic;border-bottom:2px dashed var(--fg);color:var(--fg)}
.marks-key .src,.marks-key .cue{font-size:13px}
.hedge{text-decoration:underline wavy #c2410c 1.5px;text-underline-offset:4px}
.vq{border-bottom:3px solid var(--vq);cursor:help}
.vq.first::after{content:attr(data-mark);font:700 12px system-ui,sans-serif;color:#fff;background:var(--vq);
border-radius:7px;padding:0 4px;margin-left:2px;vertical-align:super}
.vq:focus{outline:3px solid var(--vq);outline-offset:1px}
.v-verbatim{--vq:#15803d}.v-altered{--vq:#b45309;border-bottom-style:dashed}
.v-spliced{--vq:#b91c1c;border-bottom-style:double;border-bottom-width:4px}
.v-not_found{--vq:#b91c1c;border-bottom-style:dotted;background:#fee2e2}
.vqdemo{border-bottom:3px solid var(--vq);margin-left:6px}.vqdemo::after{content:attr(data-mark);margin-left:3px;
font:700 12px system-ui,sans-serif;color:#fff;background:var(--vq);border-radius:7px;padding:0 4px}
#cc-pop del{background:#7f1d1d;color:#fee2e2}#cc-pop ins{background:#14532d;color:#dcfce7;text-decoration:none}
.ftarget.first::before{content:attr(data-n);display:inline-block;font:700 11px/1.5 system-ui,sans-serif;color:#fff;
background:var(--sev);border-radius:8px;padding:0 5px;margin-right:2px;vertical-align:super}
.sev-error{--sev:var(--err)}.sev-warning{--sev:var(--warn)}.sev-info{--sev:var(--info)}
.ftarget.flash{animation:flash 1.6s ease-out}
@keyframes flash{0%,40%{background:#fde047;box-shadow:0 0 0 4px #fde047}100%{}}
.findings{position:sticky;top:12px;max-height:calc(100vh - 24px);overflow:auto;border-left:3px solid var(--line);
padding-left:16px}
.findings h3{margin:0 0 4px;font-size:15px}
.fsum{margin:0 0 8px;font-size:13px}.fsum span{color:var(--sev);font-weight:600}
.flist{list-style:none;margin:0;padding:0}
.finding a{display:block;color:inherit;text-decoration:none;border:1px solid var(--line);
border-left:5px solid var(--sev);border-radius:6px;padding:7px 9px;margin-bottom:8px;font-size:13.5px;
line-height:1.4;background:#fff}
.finding a:hover,.finding a:focus{background:#f3f4f6;outline:2px solid var(--sev)}
.fnum{display:inline-block;min-width:18px;text-align:center;background:var(--sev);color:#fff;border-radius:8px;font-weight:700;
font-size:11px;margin-right:5px}
.badge{font-weight:700;color:var(--sev);text-transform:uppercase;font-size:11px;letter-spacing:.04em}
.rule{font-size:12px;background:#f3f4f6;border-radius:3px;padding:0 3px}
.loc{color:var(--muted);font-size:12px;float:right}
.msg{display:block;margin-top:3px}
.fix{display:block;color:var(--muted);margin-top:2px;font-style:italic}
.none{color:var(--muted)}
details{margin-top:16px;font-size:14px}
table{border-collapse:collapse;width:100%;margin-top:8px}
th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
#cc-pop{position:absolute;z-index:10;max-width:420px;background:#111827;color:#f9fafb;border-radius:8px;
padding:10px 12px;font-size:13px;line-height:1.45;box-shadow:0 8px 24px rgba(0,0,0,.25)}
#cc-pop .t{font-weight:700;margin-bottom:4px;font-size:14px}
#cc-pop dl{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:0}
#cc-pop dt{color:#9ca3af}#cc-pop dd{margin:0}
"""

_PALETTE_CSS = "".join(f".s{n}{{--bg:{bg};--fg:{fg}}}" for n, (bg, fg) in enumerate(PALETTE))

_JS = """
(() => {
  const pop = document.getElementById('cc-pop');
  const FIELDS = [['text', 'claim'], ['source', 'source'], ['name', 'resolves to'], ['type', 'type'],
                  ['cue', 'cue'], ['quote', 'quote'], ['hedges', 'hedges']];
  const QUOTE_FIELDS = [['vdetail', 'check'], ['vflips', 'meaning'], ['vspeaker', 'speaker'],
                        ['vdiff', 'diff'], ['vsource', 'source']];
  let current = null;
  const HOVER = '.vq, .claim';
  const fragments = (el) => el.dataset.vq
    ? document.querySelectorAll('.vq[data-vq="' + el.dataset.vq + '"]')
    : document.querySelectorAll('.claim[data-claim="' + el.dataset.claim + '"]');
  function diffNodes(json) {
    const out = document.createElement('span');
    for (const [op, src, quote] of JSON.parse(json)) {
      if (op === 'equal') { out.append(quote + ' '); continue; }
      if (src) { const del = document.createElement('del'); del.textContent = src; out.append(del, ' '); }
      if (quote) { const ins = document.createElement('ins'); ins.textContent = quote; out.append(ins, ' '); }
    }
    return out;
  }
  function show(el) {
    if (current === el) return;
    hide();
    current = el;
    const d = el.dataset;
    const title = document.createElement('div');
    title.className = 't';
    const isQuote = Boolean(d.vq);
    title.textContent = isQuote ? 'Quote: ' + d.vstatus : (d.name ? 'Source: ' + d.name : 'Unattributed claim');
    const dl = document.createElement('dl');
    for (const [key, label] of (isQuote ? QUOTE_FIELDS : FIELDS)) {
      if (!d[key]) continue;
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      if (key === 'vdiff') dd.append(diffNodes(d[key])); else dd.textContent = d[key];
      if (key === 'vsource') dd.style.whiteSpace = 'pre-wrap';
      dl.append(dt, dd);
    }
    pop.replaceChildren(title, dl);
    pop.hidden = false;
    const r = el.getBoundingClientRect();
    const right = window.scrollX + document.documentElement.clientWidth - pop.offsetWidth - 8;
    const left = Math.min(window.scrollX + r.left, right);
    pop.style.left = Math.max(8, left) + 'px';
    pop.style.top = (window.scrollY + r.bottom + 6) + 'px';
    el.setAttribute('aria-describedby', 'cc-pop');
    fragments(el).forEach((f) => f.classList.add('hl'));
  }
  function hide() {
    if (!current) return;
    fragments(current).forEach((f) => f.classList.remove('hl'));
    current.removeAttribute('aria-describedby');
    current = null;
    pop.hidden = true;
  }
  document.addEventListener('mouseover', (e) => {
    const el = e.target.closest && e.target.closest(HOVER);
    if (el) show(el); else if (!pop.contains(e.target)) hide();
  });
  document.addEventListener('focusin', (e) => {
    const el = e.target.closest && e.target.closest(HOVER);
    if (el) show(el); else hide();
  });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') hide(); });
  document.querySelectorAll('.finding a').forEach((a) => a.addEventListener('click', (e) => {
    const target = document.getElementById(a.dataset.target);
    if (!target) return;
    e.preventDefault();
    target.scrollIntoView({behavior: 'smooth', block: 'center'});
    document.querySelectorAll('[data-finding="' + a.dataset.target + '"]').forEach((f) => {
      f.classList.remove('flash'); void f.offsetWidth; f.classList.add('flash');
    });
    const claim = target.closest('.claim');
    if (claim && claim.tabIndex === 0) claim.focus({preventScroll: true});
    history.replaceState(null, '', '#' + a.dataset.target);
  }));
  document.querySelectorAll('.lg').forEach((btn) => btn.addEventListener('click', () => {
    const doc = btn.closest('.doc');
    const on = btn.getAttribute('aria-pressed') !== 'true';
    doc.querySelectorAll('.lg').forEach((b) => b.setAttribute('aria-pressed', 'false'));
    doc.querySelectorAll('.claim.on').forEach((c) => c.classList.remove('on'));
    doc.classList.toggle('filtering', on);
    if (on) {
      btn.setAttribute('aria-pressed', 'true');
      doc.querySelectorAll('.claim[data-src-key="' + btn.dataset.key + '"]').forEach((c) => c.classList.add('on'));
    }
  }));
  document.documentElement.dataset.ready = String(document.querySelectorAll('.claim.first').length);
})();
"""
