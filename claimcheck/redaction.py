"""Keep secrets out of everything claimcheck prints, logs or stores.

An endpoint may echo the API key back in an error body, and a base URL may
carry ``user:password@``. Keys claimcheck is given are registered here, and
:func:`redact` blanks them, URL credentials, bearer tokens and key-shaped
strings from any text before it reaches a terminal, a log record or a file.
"""

from __future__ import annotations

import logging
import os
import re
import threading

__all__ = ["MASK", "RedactingFilter", "install_log_filter", "redact", "register_secret"]

MASK = "***"
#: Shorter values are too likely to be ordinary words to blank everywhere.
_MIN_SECRET = 8
_SECRET_ENV = ("CLAIMCHECK_API_KEY", "OPENAI_API_KEY")

_URL_CREDENTIALS = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@]+@")
_BEARER = re.compile(r"(?i)\b(bearer|authorization:\s*basic)(\s+)[A-Za-z0-9._~+/=-]{8,}")
_KEY_SHAPED = re.compile(r"\b(?:sk|rk|pk)-[A-Za-z0-9_-]{12,}")

_secrets: set[str] = set()
_lock = threading.Lock()


def register_secret(value: str | None) -> None:
    """Blank ``value`` wherever it appears from now on (an API key given as an argument)."""
    if value and len(value) >= _MIN_SECRET:
        with _lock:
            _secrets.add(value)


def _known() -> list[str]:
    for name in _SECRET_ENV:
        register_secret(os.environ.get(name, "").strip() or None)
    with _lock:
        return sorted(_secrets, key=len, reverse=True)


def redact(text: str) -> str:
    """``text`` with known keys, URL credentials, bearer tokens and key-shaped strings replaced by ``***``."""
    for secret in _known():
        text = text.replace(secret, MASK)
    text = _URL_CREDENTIALS.sub(rf"\1{MASK}@", text)
    text = _BEARER.sub(rf"\1\2{MASK}", text)
    return _KEY_SHAPED.sub(MASK, text)


class RedactingFilter(logging.Filter):
    """Rewrites each record's message through :func:`redact` before any handler sees it."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:  # a traceback's messages hold URLs too
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


_FILTER = RedactingFilter()


def install_log_filter(*prefixes: str) -> None:
    """Attach the filter to the loggers under ``prefixes`` (a logger's filters only see its own records)."""
    names = set(prefixes) | {
        name for name in logging.root.manager.loggerDict if any(name.startswith(f"{p}.") for p in prefixes)
    }
    for name in names:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
