"""Show an eval: a terminal summary (rich) and a self-contained HTML report.

The HTML page loads nothing from the network (inline CSS, no scripts) so it
can be attached to a CI run or mailed; every piece of text is escaped, and a
Content-Security-Policy forbids scripts and requests should any slip through.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from rich.console import Console
from rich.markup import escape as _markup
from rich.table import Table

from claimcheck.evaluation.layouts import LayoutScore
from claimcheck.evaluation.run import ERROR_KINDS, DocResult, EvalRun, error_examples
from claimcheck.evaluation.scoring import FIGURES, Pair
from claimcheck.plurals import plural
from claimcheck.render.terminal import one_line, safe_text

__all__ = ["CSP", "figure_rows", "print_breakdown", "print_layouts", "print_summary", "render_report"]

#: Figure name -> the counter family behind it ("attribution_f1" -> "attribution", "quote_accuracy" -> "quote").
_FAMILY = {name: name.rsplit("_", 1)[0] for name in FIGURES}


def _fmt(v: float | None) -> str:
    return "n/a" if v is None else f"{v:.3f}"


def _count_text(counts: dict[str, int]) -> str:
    if "tp" in counts:
        return f"tp {counts['tp']}  fp {counts['fp']}  fn {counts['fn']}"
    return f"{counts['correct']}/{counts['total']}"


def figure_rows(run: EvalRun) -> list[tuple[str, str, str, int]]:
    """``(figure, value, raw counts, documents)`` for every figure, in print order."""
    figures = run.figures()
    counts = run.corpus.counts()
    rows = []
    for name in FIGURES:
        c = counts[_FAMILY[name]]
        rows.append((name, _fmt(figures[name]), _count_text(c), c["documents"]))
    return rows


def print_summary(run: EvalRun, console: Console) -> None:
    """Every figure with its counts and document numbers, then the run's metadata and failures."""
    model = f" {run.model}" if run.model else ""
    table = Table(
        title=safe_text(
            f"claimcheck eval — {run.backend}{model} on {run.gold_path}" + (f" ({run.split})" if run.split else "")
        )
    )
    table.add_column("figure")
    table.add_column("value", justify="right")
    table.add_column("counts", justify="right")
    table.add_column("docs", justify="right")
    for name, value, counts, docs in figure_rows(run):
        style = "bold" if name.startswith("attribution") else None
        table.add_row(name, value, counts, str(docs), style=style)
    console.print(table)
    u = run.usage
    failed = len(run.failures)
    console.print(
        f"{plural(len(run.results), 'document')}, {failed} failed"
        + (" (scored as no predictions)" if failed else "")
        + f", {run.wall_time:.1f}s"
        + (f", {u.total_tokens:,} tokens" if u.total_tokens else "")
        + (f", prompt {run.prompt_version}" if run.prompt_version else "")
    )
    for r in run.failures:
        console.print(f"[red]failed[/] {_markup(one_line(r.gold.id))}: {_markup(one_line(str(r.error)))}")


def print_breakdown(run: EvalRun, console: Console, limit: int = 3) -> None:
    """``--by-field``: how many errors of each kind, with a few examples each."""
    for kind, label in ERROR_KINDS.items():
        total, examples = error_examples(run, kind, limit)
        console.print(f"[bold]{label}[/]: {total}")
        for doc_id, text in examples:
            console.print(f"  {_markup(one_line(doc_id))}: {_markup(one_line(text))}", soft_wrap=True)


def print_layouts(scores: Sequence[LayoutScore], run: EvalRun, console: Console) -> None:
    """``--layouts``: attribution figures per layout, and how far each is from the original (the first)."""
    base = scores[0].f1
    table = Table(title=f"attribution by layout — {run.gold_path}" + (f" ({run.split})" if run.split else ""))
    for col in ("layout", "P", "R", "F1", "Δ F1", "claims"):
        table.add_column(col, justify="left" if col == "layout" else "right")
    for s in scores:
        table.add_row(
            s.layout, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", f"{s.f1 - base:+.3f}", str(s.claims)
        )
    console.print(table)


# --- HTML -----------------------------------------------------------------------------------


#: The page needs nothing but its inline styles: no script, no request, no frame, no form may run.
CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#222;max-width:1400px}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:4px 8px;vertical-align:top}
th{background:#f4f4f4;text-align:left}.num{text-align:right;font-variant-numeric:tabular-nums}
.pairs{width:100%;table-layout:fixed}.miss{background:#fde2e2}.alarm{background:#fff1d6}
.src.bad,.bad{color:#b00020;font-weight:600}.meta{color:#666}.src{color:#035}.tag{font-size:.85em;color:#555}
.failed{background:#fde2e2;padding:.5em}pre{white-space:pre-wrap;background:#fafafa;padding:.5em}
"""


def _claim_cell(c: Any | None, *, flags: dict[str, bool] | None = None) -> str:
    if c is None:
        return "<td class=meta>—</td>"
    flags = flags or {}
    src = c.source_name or c.source
    src_class = "src bad" if flags.get("source") else "src"
    src_html = f"{escape(c.source)} → {escape(src or '')}" if c.source else "<i>unattributed</i>"
    src_html = f"<span class='{src_class}'>{src_html}</span>"
    hedges = ", ".join(f"{escape(h.cue)} ({escape(h.kind)})" for h in c.hedges) or "no hedges"
    quote = escape(c.quote)
    if flags.get("hedge"):
        hedges = f"<span class=bad>{hedges}</span>"
    if flags.get("quote"):
        quote = f"<span class=bad>{quote}</span>"
    cue = escape(c.cue) if c.cue else "—"
    return f"<td>{escape(c.claim)}<div class=tag>{src_html} · cue {cue} · {quote} · {hedges}</div></td>"


def _pair_row(p: Pair) -> str:
    flags = {"source": not p.source_ok, "hedge": p.hedge_ok is False, "quote": p.quote_ok is False}
    return f"<tr>{_claim_cell(p.gold, flags=flags)}{_claim_cell(p.pred, flags=flags)}<td class=num>{p.f1:.2f}</td></tr>"


def _doc_section(r: DocResult) -> str:
    s = r.score
    head = (
        f"<h2 id='{escape(r.gold.id, quote=True)}'>{escape(r.gold.id)}</h2>"
        f"<p class=meta>{len(r.gold.claims)} gold, {len(r.predicted)} predicted, {len(s.pairs)} matched, "
        f"{len(s.missed)} missed, {plural(len(s.spurious), 'false alarm')}"
        + (f", {s.ignored} unattributed predictions ignored (scope: attributed)" if s.ignored else "")
        + "</p>"
    )
    if r.error is not None:
        head += f"<p class=failed>extraction failed: {escape(str(r.error))}</p>"
    # rows follow the gold claims' order; false alarms come last
    order = {id(c): k for k, c in enumerate(r.gold.claims)}
    keyed = [(order.get(id(p.gold), -1), _pair_row(p)) for p in s.pairs]
    keyed += [
        (order.get(id(g), -1), f"<tr class=miss>{_claim_cell(g)}<td class=meta>missed</td><td></td></tr>")
        for g in s.missed
    ]
    rows = [row for _, row in sorted(keyed, key=lambda kr: kr[0])]
    rows += [f"<tr class=alarm><td class=meta>false alarm</td>{_claim_cell(p)}<td></td></tr>" for p in s.spurious]
    table = (
        "<table class=pairs><colgroup><col style='width:47%'><col style='width:47%'><col></colgroup>"
        "<tr><th>gold</th><th>predicted</th><th>F1</th></tr>" + "".join(rows) + "</table>"
    )
    text = f"<details><summary>text</summary><pre>{escape(r.gold.text)}</pre></details>"
    return head + table + text


def render_report(run: EvalRun) -> str:
    """The whole eval as one HTML page: figures, then every document's gold and predicted claims side by side."""
    title = f"claimcheck eval — {run.backend} on {run.gold_path}"
    meta = ", ".join(f"{k}: {v}" for k, v in run.meta().items() if v is not None)
    fig_rows = "".join(
        f"<tr><td>{escape(n)}</td><td class=num>{escape(v)}</td>"
        f"<td class=num>{escape(c)}</td><td class=num>{d}</td></tr>"
        for n, v, c, d in figure_rows(run)
    )
    failures = "".join(f"<li>{escape(r.gold.id)}: {escape(str(r.error))}</li>" for r in run.failures)
    index = "".join(
        f"<li><a href='#{escape(r.gold.id, quote=True)}'>{escape(r.gold.id)}</a> "
        f"<span class=meta>{len(r.score.missed)} missed, {plural(len(r.score.spurious), 'false alarm')}</span></li>"
        for r in run.results
    )
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        f"<meta http-equiv='Content-Security-Policy' content=\"{CSP}\">"
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{escape(title)}</h1><p class=meta>{escape(meta)}; wall time {run.wall_time:.1f}s; "
        f"tokens {run.usage.total_tokens}</p>"
        "<table><tr><th>figure</th><th>value</th><th>counts</th><th>docs</th></tr>"
        + fig_rows
        + "</table>"
        + (f"<h2>Failed documents</h2><ul>{failures}</ul>" if failures else "")
        + f"<h2>Documents</h2><ul>{index}</ul>"
        + "".join(_doc_section(r) for r in run.results)
        + "</body></html>\n"
    )
