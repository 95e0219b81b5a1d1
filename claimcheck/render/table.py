"""``extract``'s terminal table: one table per document, a row per claim.

Article text goes in as :func:`~.terminal.safe_text`: never markup, never a
control sequence.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimcheck.plurals import plural
from claimcheck.render.terminal import safe_text
from claimcheck.schema import Extraction

__all__ = ["print_claims"]


def print_claims(extractions: Sequence[Extraction], console: Console) -> None:
    for ext in extractions:
        table = Table(
            title=safe_text(f"{ext.id} — {plural(len(ext.claims), 'claim')} ({ext.backend})"),
            show_lines=True,
            expand=True,
        )
        table.add_column("#", justify="right", style="dim", no_wrap=True)
        table.add_column("claim", ratio=5)
        table.add_column("source → name", ratio=2, overflow="fold")
        table.add_column("cue", ratio=1, min_width=9, overflow="fold")
        table.add_column("quote", no_wrap=True)
        table.add_column("hedges", ratio=1, min_width=12, overflow="fold")
        for i, c in enumerate(ext.claims, 1):
            source = Text("—")
            if c.source is not None:
                source = Text.assemble(
                    safe_text(f"{c.source} → "), safe_text(c.source_name or c.source, "bold"), f" ({c.source_type})"
                )
            hedges = ", ".join(f"{h.cue} ({h.kind[:6]}.)" for h in c.hedges)
            cells = (c.claim, c.cue or "—", c.quote, hedges or "—")
            claim, cue, quote, hedge_cell = (safe_text(cell) for cell in cells)
            table.add_row(str(i), claim, source, cue, quote, hedge_cell)
        console.print(table)
        if ext.dropped:
            console.print(f"[yellow]{plural(len(ext.dropped), 'proposed claim')} dropped: not found in the text[/]")
