"""What a failed LLM request tells the user: one line naming the problem, and its fix.

Every message names the endpoint without its credentials and goes through
:func:`~claimcheck.redaction.redact`, since a server's reply may echo a key.
"""

from __future__ import annotations

from collections.abc import Sequence

import openai

from claimcheck.backends.llm.http_limits import MAX_REPLY_BYTES, ReplyTooLarge
from claimcheck.backends.llm.settings import MODE_NAMES, NO_BACKEND
from claimcheck.errors import BackendError, ClaimcheckError, ConfigError
from claimcheck.plurals import plural
from claimcheck.redaction import redact

__all__ = ["request_error", "unreadable_error"]


def unreadable_error(reasons: Sequence[str], attempts: int, endpoint: str) -> BackendError:
    """No reply could be read at all: an error, never "this article has no claims"."""
    what = reasons[-1]
    return BackendError(
        redact(f"the LLM endpoint {endpoint} sent {what} after {plural(attempts, 'attempt')}"),
        fix=f"check that --base-url is an OpenAI-compatible /v1 endpoint and try another --mode, {NO_BACKEND}",
    )


def request_error(
    exc: openai.APIError, transport_retries: int, *, endpoint: str, model: str | None, timeout: float
) -> ClaimcheckError:
    """The SDK's error after the last retry, as one redacted line with its fix."""
    error = _describe(exc, transport_retries, endpoint=endpoint, model=model, timeout=timeout)
    return type(error)(redact(error.message), fix=redact(error.fix) if error.fix else None)


def _describe(
    exc: openai.APIError, transport_retries: int, *, endpoint: str, model: str | None, timeout: float
) -> ClaimcheckError:
    url = endpoint
    tries = f"after {plural(transport_retries + 1, 'attempt')}"
    if isinstance(exc.__cause__, ReplyTooLarge):
        return BackendError(
            f"the LLM endpoint {url} sent a reply over the limit of {MAX_REPLY_BYTES >> 20} MiB",
            fix=f"check that --base-url is an OpenAI-compatible endpoint, {NO_BACKEND}",
        )
    if isinstance(exc, openai.APITimeoutError):
        return BackendError(
            f"the LLM endpoint {url} did not answer within {timeout:g}s {tries}",
            fix=f"check the server, raise --timeout, {NO_BACKEND}",
        )
    if isinstance(exc, openai.APIConnectionError):
        return BackendError(
            f"cannot reach the LLM endpoint {url} {tries}",
            fix=f"start the server or fix --base-url / CLAIMCHECK_BASE_URL, {NO_BACKEND}",
        )
    status = getattr(exc, "status_code", None)
    detail = _short(getattr(exc, "message", "") or str(exc))
    if status in (401, 403):
        return ConfigError(
            f"the LLM endpoint {url} refused the API key (HTTP {status})",
            fix="check CLAIMCHECK_API_KEY / OPENAI_API_KEY",
        )
    if status == 404:
        return ConfigError(
            f"the LLM endpoint {url} has no model {model!r} or no chat API there (HTTP 404)",
            fix="set --model / CLAIMCHECK_MODEL to a served model; the base URL usually ends in /v1",
        )
    if status == 429:
        return BackendError(
            f"the LLM endpoint {url} kept rate-limiting (HTTP 429) {tries}",
            fix="lower --concurrency or try again later",
        )
    if status is not None and status >= 500:
        return BackendError(
            f"the LLM endpoint {url} kept failing (HTTP {status}: {detail}) {tries}",
            fix=f"check the server's log; if it rejects this mode try --mode tools or --mode json, {NO_BACKEND}",
        )
    return BackendError(
        f"the LLM endpoint {url} rejected the request (HTTP {status}: {detail})",
        fix=f"check --model and --mode ({', '.join(MODE_NAMES)}) against what the server supports",
    )


def _short(message: str, limit: int = 160) -> str:
    line = " ".join(str(message).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
