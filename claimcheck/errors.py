"""Errors a user can act on: each carries a one-line message and the fix.

The CLI prints ``claimcheck: error: <message> — <fix>`` and exits 2 for any
of these; anything else escaping is a bug in claimcheck.
"""

from __future__ import annotations

__all__ = ["BackendError", "ClaimcheckError", "ConfigError", "InputError"]


class ClaimcheckError(Exception):
    """Base class: a problem the user can fix, described in one line."""

    def __init__(self, message: str, *, fix: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix

    def __str__(self) -> str:
        return f"{self.message} — {self.fix}" if self.fix else self.message


class InputError(ClaimcheckError):
    """The text, file or gold given to claimcheck is unusable (empty, binary, too large, malformed)."""


class ConfigError(ClaimcheckError):
    """Claimcheck is not set up to do what was asked (no key, no endpoint, unknown backend)."""


class BackendError(ClaimcheckError):
    """A backend failed on a document after its retries (endpoint unreachable, bad responses)."""
