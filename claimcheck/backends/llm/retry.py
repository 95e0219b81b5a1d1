"""The LLM backend's retry policy: which failures are retried, re-asked or final, and how long to wait.

Transport failures (the network, timeouts, rate limits, server errors) repeat
the same request after a backoff that honours ``Retry-After``; invalid replies
go back to the model through instructor's re-ask. The two are counted and
capped apart, since they need different cures.
"""

from __future__ import annotations

import email.utils
import json
import random
import time
from typing import Any

import openai
from instructor.core.exceptions import ResponseParsingError
from pydantic import ValidationError
from tenacity import RetryCallState

from claimcheck.backends.llm.http_limits import ReplyTooLarge

__all__ = ["RetryPolicy", "is_invalid_reply", "is_json_error", "is_transient", "retry_after"]


def is_transient(exc: BaseException | None) -> bool:
    """Failures worth the same request again: the network, timeouts, rate limits, server errors."""
    if isinstance(exc, openai.APIConnectionError):  # includes APITimeoutError
        return not isinstance(exc.__cause__, ReplyTooLarge)
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code in (408, 409, 429) or exc.status_code >= 500
    return False


def is_invalid_reply(exc: BaseException | None) -> bool:
    """Failures the model can fix when shown the error: instructor re-asks on these."""
    return isinstance(exc, (ValidationError, json.JSONDecodeError, ResponseParsingError))


def is_json_error(exc: BaseException | None) -> bool:
    return isinstance(exc, json.JSONDecodeError) or isinstance(getattr(exc, "__cause__", None), json.JSONDecodeError)


def retry_after(exc: BaseException) -> float | None:
    """Seconds the server asked us to wait (``retry-after-ms``, ``retry-after`` seconds or HTTP date)."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    ms = headers.get("retry-after-ms")
    if ms:
        try:
            return max(0.0, float(ms) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class RetryPolicy:
    """One request's retry budget: transport failures and invalid replies are counted and capped apart.

    Passed to instructor as its ``max_retries`` (a tenacity ``Retrying``), so an
    invalid reply goes through instructor's re-ask and a transport failure repeats
    the same request after a backoff.
    """

    def __init__(self, max_retries: int, max_reasks: int, backoff: float, max_wait: float) -> None:
        self.max_retries = max_retries
        self.max_reasks = max_reasks
        self.backoff = backoff
        self.max_wait = max_wait
        self.transport_retries = 0
        self.reasks = 0

    def retry(self, state: RetryCallState) -> bool:
        exc = state.outcome.exception() if state.outcome else None
        if is_invalid_reply(exc) and self.reasks < self.max_reasks:
            self.reasks += 1
            return True
        if is_transient(exc) and self.transport_retries < self.max_retries:
            self.transport_retries += 1
            return True
        return False

    def wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if exc is None or not is_transient(exc):
            return 0.0
        asked = retry_after(exc)
        if asked is not None:
            return min(asked, self.max_wait)
        ceiling = min(self.max_wait, self.backoff * 2.0 ** (self.transport_retries - 1))
        return ceiling / 2 + random.uniform(0, ceiling / 2)

    def tenacity(self) -> dict[str, Any]:
        return {"retry": self.retry, "wait": self.wait, "reraise": True}
