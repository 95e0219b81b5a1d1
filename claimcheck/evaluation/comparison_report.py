"""Show a :class:`~claimcheck.evaluation.comparison.Comparison`: a terminal table and a self-contained HTML page.

The page, like the eval report, loads nothing (a Content-Security-Policy
forbids it): the per-document bar chart is inline SVG, every text escaped.
"""

from __future__ import annotations

from html import escape

from rich.console import Console
from rich.markup import escape as _markup
from rich.table import Table

from claimcheck.evaluation.comparison import BETTER, WORSE, Comparison, DocDelta, FigureChange
from claimcheck.plurals import plural

__all__ = ["print_comparison", "regression_lines", "render_comparison"]

_STYLE = {BETTER: "green", WORSE: "bold red"}


def _fmt(v: float | None, *, sign: bool = False) -> str:
    if v is None:
        return "n/a"
    return f"{v:+.3f}" if sign else f"{v:.3f}"


def _interval(c: FigureChange) -> str:
    return "n/a" if c.low is None or c.high is None else f"[{c.low:+.3f}, {c.high:+.3f}]"


def _counts(c: dict[str, int]) -> str:
    return " ".join(f"{k} {v}" for k, v in c.items())


def _pairing(cmp: Comparison) -> str:
    if cmp.a.documents is None or cmp.b.documents is None:
        which = cmp.a.path if cmp.a.documents is None else cmp.b.path
        return (
            f"{which} holds aggregate figures only: differences without intervals or verdicts, and no gate "
            "(regenerate it with claimcheck eval --write-baseline for a paired comparison)"
        )
    text = f"{cmp.paired} paired documents, {cmp.rounds} bootstrap rounds (seed {cmp.seed}), 95% intervals of B − A"
    if cmp.only_a or cmp.only_b:
        text += f"; left out: {len(cmp.only_a)} only in A, {len(cmp.only_b)} only in B"
    return text


def regression_lines(cmp: Comparison) -> list[str]:
    """One line per gated figure whose whole interval lies below zero (``--fail-on-regression`` fails on them)."""
    return [f"{c.name} {c.a:.3f} → {c.b:.3f}, 95% CI [{c.low:+.3f}, {c.high:+.3f}]" for c in cmp.regressions()]


def print_comparison(cmp: Comparison, console: Console, *, limit: int = 10) -> None:
    """Every figure with A, B, the difference, its interval and verdict; then the documents that moved."""
    table = Table(title=f"claimcheck eval compare — A {cmp.a.path}  B {cmp.b.path}")
    for name, justify in (("figure", "left"), ("A", "right"), ("B", "right"), ("B − A", "right")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    table.add_column("95% CI", justify="right")
    table.add_column("verdict")
    for c in cmp.changes:
        table.add_row(
            c.name + (" *" if c.gated else ""),
            _fmt(c.a),
            _fmt(c.b),
            _fmt(c.diff, sign=True),
            _interval(c),
            c.verdict,
            style=_STYLE.get(c.verdict),
        )
    console.print(table)
    console.print(f"* gated. {_pairing(cmp)}")
    for label, docs in (("better", cmp.better), ("worse", cmp.worse)):
        if not docs:
            continue
        console.print(f"[bold]{plural(len(docs), 'document')} {label}[/] on {cmp.figure}:")
        for d in docs[:limit]:
            console.print(
                f"  {_markup(d.id)}: {_fmt(d.a)} → {_fmt(d.b)} ({d.delta:+.3f}; "
                f"{_counts(d.a_counts)} → {_counts(d.b_counts)})",
                soft_wrap=True,
            )
        if len(docs) > limit:
            console.print(f"  … and {len(docs) - limit} more")


# --- HTML -----------------------------------------------------------------------------------

_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#222;max-width:1100px}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:4px 8px}
th{background:#f4f4f4;text-align:left}.num{text-align:right;font-variant-numeric:tabular-nums}
.better{color:#166534;font-weight:600}.worse{color:#b00020;font-weight:600}.meta{color:#555}
svg text{font:11px system-ui,sans-serif;fill:#333}
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _bar_chart(docs: list[DocDelta], figure: str) -> str:
    """One horizontal bar per document, B − A of its own ``figure``: green right, red left."""
    moved = sorted(docs, key=lambda d: d.delta)
    if not moved:
        return "<p class=meta>No paired documents.</p>"
    row, label_w, half = 16, 150, 260
    height = row * len(moved) + 24
    width = label_w + 2 * half + 60
    zero = label_w + half
    scale = max(max(abs(d.delta) for d in moved), 1e-9)
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' role='img' "
        f"aria-label='per-document change in {escape(figure, quote=True)}'>",
        f"<line x1='{zero}' y1='0' x2='{zero}' y2='{height - 20}' stroke='#888'/>",
        f"<text x='{zero - half}' y='{height - 6}'>−{scale:.2f}</text><text x='{zero - 4}' y='{height - 6}'>0</text>",
        f"<text x='{zero + half - 30}' y='{height - 6}'>+{scale:.2f}</text>",
    ]
    for i, d in enumerate(moved):
        y = i * row + 2
        w = abs(d.delta) / scale * half
        x = zero if d.delta >= 0 else zero - w
        colour = "#16a34a" if d.delta > 0 else "#dc2626"
        parts.append(
            f"<text x='{label_w - 6}' y='{y + 11}' text-anchor='end'>{escape(d.id)}</text>"
            f"<rect x='{x:.1f}' y='{y}' width='{max(w, 0.5 if d.delta else 0):.1f}' height='{row - 4}' fill='{colour}'>"
            f"<title>{escape(d.id)}: {_fmt(d.a)} → {_fmt(d.b)} ({d.delta:+.3f})</title></rect>"
        )
        if d.delta:
            parts.append(f"<text x='{zero + half + 6}' y='{y + 11}'>{d.delta:+.3f}</text>")
    parts.append("</svg>")
    return "".join(parts)


def _doc_rows(docs: list[DocDelta]) -> str:
    return "".join(
        f"<tr><td>{escape(d.id)}</td><td class=num>{_fmt(d.a)}</td><td class=num>{_fmt(d.b)}</td>"
        f"<td class=num>{d.delta:+.3f}</td><td>{escape(_counts(d.a_counts))} → {escape(_counts(d.b_counts))}</td></tr>"
        for d in docs
    )


def render_comparison(cmp: Comparison) -> str:
    """The comparison as one HTML page: figures with intervals and verdicts, then the per-document chart."""
    title = f"claimcheck eval compare — {cmp.a.path} → {cmp.b.path}"
    rows = "".join(
        f"<tr><td>{escape(c.name)}{' *' if c.gated else ''}</td><td class=num>{_fmt(c.a)}</td>"
        f"<td class=num>{_fmt(c.b)}</td><td class=num>{_fmt(c.diff, sign=True)}</td>"
        f"<td class=num>{_interval(c)}</td><td class='{c.verdict.split()[0]}'>{escape(c.verdict)}</td></tr>"
        for c in cmp.changes
    )
    head = "<tr><th>document</th><th>A</th><th>B</th><th>B − A</th><th>counts A → B</th></tr>"
    sections = ""
    if cmp.a.documents is not None and cmp.b.documents is not None:
        sections = (
            f"<h2>Per document: {escape(cmp.figure)}, B − A</h2>{_bar_chart(cmp.documents, cmp.figure)}"
            f"<h2>{plural(len(cmp.worse), 'document')} worse</h2><table>{head}{_doc_rows(cmp.worse)}</table>"
            f"<h2>{plural(len(cmp.better), 'document')} better</h2><table>{head}{_doc_rows(cmp.better)}</table>"
        )
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        f"<meta http-equiv='Content-Security-Policy' content=\"{_CSP}\">"
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{escape(title)}</h1><p class=meta>{escape(_pairing(cmp))}. * gated figure.</p>"
        "<table><tr><th>figure</th><th>A</th><th>B</th><th>B − A</th><th>95% CI</th><th>verdict</th></tr>"
        f"{rows}</table>{sections}</body></html>\n"
    )
