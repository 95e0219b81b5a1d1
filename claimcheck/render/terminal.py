"""Text from an article, a file name or a model, made safe to show on a terminal.

Such text is data. Printed as rich markup, ``[/]`` crashes a table and
``[link=…]`` makes a link; sent raw, ``ESC[2J`` clears the screen, ``ESC]0;``
retitles the window, a bare CR overwrites the line and a bidi override
reorders it. Here every control character is *shown* as a visible escape
(``\\x1b``, ``\\u202e``), never sent, and rich gets :class:`~rich.text.Text`
objects, which it never parses for markup or emoji codes.
"""

from __future__ import annotations

from rich.text import Text

__all__ = ["one_line", "printable", "safe_text"]

#: Bidirectional controls (Trojan Source) and the Unicode line breaks a terminal may act on.
_FORMAT_CONTROLS = [0x061C, 0x200E, 0x200F, 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]


def _escape(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_TABLE = {c: _escape(c) for c in [*range(0x20), 0x7F, *range(0x80, 0xA0), *_FORMAT_CONTROLS] if c not in (9, 10)}
_ONE_LINE = _TABLE | {9: " ", 10: " "}


def printable(text: str) -> str:
    """``text`` with every control character but tab and newline shown as an escape."""
    return text.translate(_TABLE)


def one_line(text: str) -> str:
    """:func:`printable`, and on one line (a CRLF or LF becomes a space): for linter-style output."""
    return text.replace("\r\n", "\n").translate(_ONE_LINE)


def safe_text(text: str, style: str = "") -> Text:
    """A rich ``Text`` of :func:`printable` ``text``: shown as written, never read as markup."""
    return Text(printable(text), style=style)
