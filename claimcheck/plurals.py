"""Counted nouns in human output ("1 claim", "4 warnings"): one spelling for the CLI, the page and the report."""

from __future__ import annotations

__all__ = ["plural"]


def plural(n: int, noun: str, many: str | None = None) -> str:
    """``n`` with ``noun``, plural unless ``n`` is 1; ``many`` spells an irregular plural ("info" stays "info")."""
    return f"{n} {noun if n == 1 else many or noun + 's'}"
