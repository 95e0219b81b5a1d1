"""The LLM backend: any OpenAI-compatible endpoint, structured output through instructor.

Three kinds of failure are kept apart because they need different cures:

* **transport** (connection refused, timeouts, HTTP 408/409/429/5xx) is retried
  with exponential backoff and jitter, honouring ``Retry-After``; counted in
  ``Extraction.transport_retries``. The openai client's own retries are off so
  that every retry is ours and counted.
* **validation** (malformed JSON, wrong fields, a span that is not in the text)
  is re-asked through instructor, with the error shown to the model; counted in
  ``Extraction.reasks``.
* what still fails after ``max_reasks`` is not an error: the grounded claims of
  the best reply are kept and the others land in ``Extraction.dropped`` with
  the reason. A claim is never returned unless its spans are in the text.
* a reply that cannot be read at all (an HTML page, no JSON, no claims list)
  is a :class:`~claimcheck.errors.BackendError`, never an empty extraction.

Every reply is bounded in size and in total time (:mod:`._http_limits`), and
the key and URL credentials are redacted from every message
(:mod:`claimcheck.redaction`).

Token usage is summed over every reply received, re-asks included.
"""

from __future__ import annotations

import asyncio
import email.utils
import ipaddress
import json
import logging
import os
import random
import threading
import time
import weakref
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import instructor
import openai
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException, ResponseParsingError
from instructor.core.hooks import Hooks
from pydantic import ValidationError
from tenacity import AsyncRetrying, RetryCallState, Retrying

from claimcheck.backends import run_many_threaded
from claimcheck.backends._http_limits import MAX_REPLY_BYTES, ReplyTooLarge, bounded_async_client, bounded_client
from claimcheck.backends._llm_response import ArticleClaims, UnreadableReply, response_model, salvage
from claimcheck.chunking import merge_claims, shift_claim, split_text
from claimcheck.errors import BackendError, ClaimcheckError, ConfigError
from claimcheck.inputs import check_text
from claimcheck.prompts import Prompts, load_prompts, short_hash
from claimcheck.ratelimit import Actual, shared_limiter
from claimcheck.redaction import install_log_filter, redact, register_secret
from claimcheck.schema import Claim, DroppedClaim, Extraction, Usage

__all__ = ["DEFAULT_MODE", "DEFAULT_OPENAI_MODEL", "MODES", "LLMBackend", "default_mode"]

# instructor logs every failed attempt at ERROR; without this a library user
# who configured no logging would see them on stderr via logging.lastResort.
logging.getLogger("instructor").addHandler(logging.NullHandler())
# Their debug logs carry URLs and server replies: redact keys and credentials from them.
_CLIENT_LOGGERS = ("openai", "httpx2", "httpcore2", "httpx", "httpcore", "instructor")
install_log_filter(*_CLIENT_LOGGERS)

OPENAI_URL = "https://api.openai.com/v1"
DEFAULT_OPENAI_MODEL = "gpt-4o-mini"
PLACEHOLDER_KEY = "sk-no-key"

#: Instructor modes by the names users type. TOOLS (a forced tool call) is the
#: default everywhere: OpenAI and Azure support it natively and llama-cpp-python's
#: server grammar-constrains it. ``json_schema`` suits vLLM, Ollama and llama.cpp's
#: C++ server but gets HTTP 500 from llama-cpp-python's server; ``json`` works
#: there too but runs into max_tokens more often.
MODES: dict[str, instructor.Mode] = {
    "tools": instructor.Mode.TOOLS,
    "json": instructor.Mode.JSON,
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "md_json": instructor.Mode.MD_JSON,
}
DEFAULT_MODE = "tools"
#: Self-hosted Ollama's default port. Ollama (0.5+) grammar-constrains
#: ``response_format: json_schema`` but does not force a named tool call, so
#: json_schema is its sensible default.
OLLAMA_PORT = 11434


def default_mode(base_url: str) -> str:
    """The instructor mode that works best on this endpoint when none is asked for."""
    return "json_schema" if urlsplit(base_url).port == OLLAMA_PORT else DEFAULT_MODE


_NO_BACKEND = "or use --backend rules"


def _env(*names: str) -> str | None:
    for name in names:
        value = os.environ.get(name, "").strip()
        if value:
            return value
    return None


def _is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _is_openai(url: str) -> bool:
    return (urlsplit(url).hostname or "") == "api.openai.com"


@dataclass
class _ChunkResult:
    claims: list[Claim]
    dropped: list[DroppedClaim]
    usage: Usage
    transport_retries: int
    reasks: int


def _is_transient(exc: BaseException | None) -> bool:
    """Failures worth the same request again: the network, timeouts, rate limits, server errors."""
    if isinstance(exc, openai.APIConnectionError):  # includes APITimeoutError
        return not isinstance(exc.__cause__, ReplyTooLarge)
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code in (408, 409, 429) or exc.status_code >= 500
    return False


def _is_invalid_reply(exc: BaseException | None) -> bool:
    """Failures the model can fix when shown the error: instructor re-asks on these."""
    return isinstance(exc, (ValidationError, json.JSONDecodeError, ResponseParsingError))


def _is_json_error(exc: BaseException | None) -> bool:
    return isinstance(exc, json.JSONDecodeError) or isinstance(getattr(exc, "__cause__", None), json.JSONDecodeError)


def _retry_after(exc: BaseException) -> float | None:
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


class _RetryPolicy:
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
        if _is_invalid_reply(exc) and self.reasks < self.max_reasks:
            self.reasks += 1
            return True
        if _is_transient(exc) and self.transport_retries < self.max_retries:
            self.transport_retries += 1
            return True
        return False

    def wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if exc is None or not _is_transient(exc):
            return 0.0
        asked = _retry_after(exc)
        if asked is not None:
            return min(asked, self.max_wait)
        ceiling = min(self.max_wait, self.backoff * 2.0 ** (self.transport_retries - 1))
        return ceiling / 2 + random.uniform(0, ceiling / 2)

    def tenacity(self) -> dict[str, Any]:
        return {"retry": self.retry, "wait": self.wait, "reraise": True}


@dataclass
class _Replies:
    """Every completion received for one request (through instructor's per-call hooks)."""

    completions: list[Any] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)

    def on_response(self, response: Any) -> None:
        self.completions.append(response)
        u = getattr(response, "usage", None)
        if u is not None:
            self.usage += Usage(
                prompt_tokens=u.prompt_tokens or 0,
                completion_tokens=u.completion_tokens or 0,
                total_tokens=u.total_tokens or 0,
            )

    def hooks(self) -> Hooks:
        hooks = Hooks()
        hooks.on("completion:response", self.on_response)
        return hooks


class LLMBackend:
    """Claims from an OpenAI-compatible chat endpoint, every span grounded in the text.

    Configuration comes from the arguments, else the environment:
    ``CLAIMCHECK_BASE_URL``/``OPENAI_BASE_URL``, ``CLAIMCHECK_MODEL``,
    ``CLAIMCHECK_API_KEY``/``OPENAI_API_KEY``, ``CLAIMCHECK_MODE``. A local
    (loopback) server needs no key. Clients are built once per backend (the
    async one once per event loop, since its connections belong to a loop).
    """

    name = "llm"

    def __init__(
        self,
        *,
        base_url: str | None = None,
        model: str | None = None,
        api_key: str | None = None,
        mode: str | None = None,
        timeout: float = 60.0,
        max_retries: int = 4,
        max_reasks: int = 2,
        chunk_chars: int = 12_000,
        chunk_overlap: int | None = None,
        concurrency: int = 4,
        temperature: float = 0.0,
        max_tokens: int = 4096,
        retry_backoff: float = 1.0,
        retry_max_wait: float = 30.0,
        rpm: float | None = None,
        tpm: float | None = None,
    ) -> None:
        self.base_url = (base_url or _env("CLAIMCHECK_BASE_URL", "OPENAI_BASE_URL") or OPENAI_URL).rstrip("/")
        #: The endpoint as shown in messages and keyed in the cache: never its credentials.
        self.endpoint = redact(self.base_url)
        parts = urlsplit(self.base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigError(
                f"base URL {self.endpoint!r} is not an http(s) URL",
                fix="pass e.g. http://127.0.0.1:8080/v1 (the path up to /v1)",
            )
        model = model or _env("CLAIMCHECK_MODEL") or (DEFAULT_OPENAI_MODEL if _is_openai(self.base_url) else None)
        if not model:
            raise ConfigError(
                f"no model set for {self.endpoint}",
                fix="pass --model NAME or export CLAIMCHECK_MODEL=NAME (the name the server serves)",
            )
        self.model: str | None = model
        key = api_key or _env("CLAIMCHECK_API_KEY", "OPENAI_API_KEY")
        register_secret(key)
        install_log_filter(*_CLIENT_LOGGERS)  # loggers the libraries created since import
        if not key:
            if not _is_loopback(self.base_url):
                raise ConfigError(
                    f"no API key for {self.endpoint}",
                    fix=f"export OPENAI_API_KEY=… (or CLAIMCHECK_API_KEY=…) {_NO_BACKEND}",
                )
            key = PLACEHOLDER_KEY  # local servers ignore the key, the SDK insists on one
        self._api_key = key
        requested = mode or _env("CLAIMCHECK_MODE") or default_mode(self.base_url)
        mode_name = requested.strip().lower().replace("-", "_")
        if mode_name not in MODES:
            raise ConfigError(f"unknown instructor mode {requested!r}", fix=f"use one of: {', '.join(MODES)}")
        self.mode = mode_name
        self._mode = MODES[mode_name]
        # Overlap scales with the chunk (a tenth: 1,200 of the default 12,000), so any chunk size is valid alone.
        if chunk_overlap is None:
            chunk_overlap = chunk_chars // 10
        rules = [
            ("timeout", timeout, timeout > 0, "> 0 seconds"),
            ("max_retries", max_retries, max_retries >= 0, ">= 0"),
            ("max_reasks", max_reasks, max_reasks >= 0, ">= 0"),
            ("chunk_chars", chunk_chars, chunk_chars >= 500, ">= 500"),
            ("chunk_overlap", chunk_overlap, 0 <= chunk_overlap < chunk_chars, ">= 0 and below chunk_chars"),
            ("concurrency", concurrency, concurrency >= 1, ">= 1"),
            ("max_tokens", max_tokens, max_tokens >= 16, ">= 16"),
            ("retry_backoff", retry_backoff, retry_backoff >= 0, ">= 0 seconds"),
            ("retry_max_wait", retry_max_wait, retry_max_wait >= 0, ">= 0 seconds"),
            ("rpm", rpm, rpm is None or rpm > 0, "> 0 requests a minute"),
            ("tpm", tpm, tpm is None or tpm > 0, "> 0 tokens a minute"),
        ]
        for option, value, ok, rule in rules:
            if not ok:
                raise ConfigError(f"LLM option {option}={value!r} is out of range", fix=f"use a value {rule}")
        self.timeout = float(timeout)
        self.max_retries = max_retries
        self.max_reasks = max_reasks
        self.chunk_chars = chunk_chars
        self.chunk_overlap = chunk_overlap
        self.concurrency = concurrency
        self.temperature = temperature
        self.max_tokens = max_tokens
        self.retry_backoff = retry_backoff
        self.retry_max_wait = retry_max_wait
        self.rpm, self.tpm = rpm, tpm
        self._rate = shared_limiter(self.base_url, rpm, tpm)  # every request of this process to this endpoint
        self.prompts: Prompts = load_prompts()
        self._response_model: type[ArticleClaims] = response_model(self.prompts.tool_description)
        schema = json.dumps(self._response_model.model_json_schema(), sort_keys=True)
        self.prompt_version: str | None = short_hash(self.prompts.version, schema, self.mode)
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(concurrency)
        self._sync: instructor.Instructor | None = None
        self._async: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, tuple[Any, asyncio.Semaphore]] = (
            weakref.WeakKeyDictionary()
        )

    def __repr__(self) -> str:
        return f"LLMBackend(base_url={self.endpoint!r}, model={self.model!r}, mode={self.mode!r})"

    def fingerprint(self) -> str:
        """Everything that can change this backend's output on a text, for the cache key.

        The endpoint counts (one model name can be different weights on two
        servers), its credentials do not; timeouts, retries and concurrency
        change whether a run succeeds, not what a successful one returns.
        """
        return "; ".join(
            [
                f"backend={self.name}",
                f"endpoint={self.endpoint}",
                f"model={self.model}",
                f"prompt={self.prompt_version}",
                f"temperature={self.temperature!r}",
                f"max_tokens={self.max_tokens}",
                f"max_reasks={self.max_reasks}",
                f"chunk_chars={self.chunk_chars}",
                f"chunk_overlap={self.chunk_overlap}",
            ]
        )

    # -- clients -----------------------------------------------------------------

    def _client_options(self) -> dict[str, Any]:
        return {"base_url": self.base_url, "api_key": self._api_key, "timeout": self.timeout, "max_retries": 0}

    def _sync_client(self) -> instructor.Instructor:
        with self._lock:
            if self._sync is None:
                http = bounded_client(self.timeout)
                self._sync = instructor.from_openai(
                    openai.OpenAI(**self._client_options(), http_client=http), mode=self._mode
                )
            return self._sync

    def _async_client(self) -> tuple[Any, asyncio.Semaphore]:
        loop = asyncio.get_running_loop()
        with self._lock:
            if loop not in self._async:
                http = bounded_async_client(self.timeout)
                client = instructor.from_openai(
                    openai.AsyncOpenAI(**self._client_options(), http_client=http), mode=self._mode
                )
                self._async[loop] = (client, asyncio.Semaphore(self.concurrency))
            return self._async[loop]

    def close(self) -> None:
        """Release the synchronous client's connections (async ones go with their event loop)."""
        with self._lock:
            if self._sync is not None:
                if self._sync.client is not None:  # typed optional by instructor; from_openai always sets it
                    self._sync.client.close()
                self._sync = None

    # -- one request -------------------------------------------------------------

    def _request(self, chunk: str, replies: _Replies) -> dict[str, Any]:
        return {
            "model": self.model,
            "response_model": self._response_model,
            "messages": self.prompts.messages(),
            # Fills the user message's {{ document }} and reaches the grounding validator.
            "context": {"document": chunk},
            "strict": False,
            "hooks": replies.hooks(),
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
        }

    def _policy(self) -> _RetryPolicy:
        return _RetryPolicy(self.max_retries, self.max_reasks, self.retry_backoff, self.retry_max_wait)

    def _paced(self, chunk: str, policy: _RetryPolicy, replies: _Replies) -> tuple[int, Actual]:
        """The request's token estimate (prompt at ~4 characters a token, plus the completion limit) and its cost."""
        prompt_chars = len(chunk) + sum(len(m["content"]) for m in self.prompts.messages())
        return prompt_chars // 4 + self.max_tokens, lambda: (
            replies.usage.total_tokens,
            len(replies.completions) + policy.transport_retries,
        )

    def _extract_chunk(self, chunk: str) -> _ChunkResult:
        policy, replies = self._policy(), _Replies()
        client = self._sync_client()  # built before the rate limiter's clock starts on this request
        with self._slots, self._rate.request(*self._paced(chunk, policy, replies)):
            try:
                reply = client.create(max_retries=Retrying(**policy.tenacity()), **self._request(chunk, replies))
            except Exception as exc:
                return self._after_failure(exc, chunk, policy, replies)
        return _ChunkResult(reply.grounded, [], replies.usage, policy.transport_retries, policy.reasks)

    async def _aextract_chunk(self, chunk: str) -> _ChunkResult:
        policy, replies = self._policy(), _Replies()
        client, slots = self._async_client()
        async with slots, self._rate.arequest(*self._paced(chunk, policy, replies)):
            try:
                reply = await client.create(
                    max_retries=AsyncRetrying(**policy.tenacity()), **self._request(chunk, replies)
                )
            except Exception as exc:
                return self._after_failure(exc, chunk, policy, replies)
        return _ChunkResult(reply.grounded, [], replies.usage, policy.transport_retries, policy.reasks)

    def _after_failure(self, exc: Exception, chunk: str, policy: _RetryPolicy, replies: _Replies) -> _ChunkResult:
        """Turn a transport failure into a :class:`BackendError`; keep what grounds from invalid replies."""
        cause: BaseException | None = exc
        if isinstance(exc, InstructorRetryException):
            cause = exc.__cause__ or exc
        if isinstance(cause, openai.APIError):
            raise self._backend_error(cause, policy) from None
        if not (isinstance(exc, (InstructorRetryException, IncompleteOutputException)) or _is_invalid_reply(exc)):
            raise exc
        # The reply with the most grounded claims wins; on a tie the earliest, since
        # a later re-ask of a small model is as likely to lose fields as to fix them.
        best: tuple[list[Claim], list[DroppedClaim]] | None = None
        unreadable: list[str] = []
        for completion in replies.completions:
            try:
                claims, dropped = salvage(completion, chunk)
            except UnreadableReply as why:
                unreadable.append(str(why))
                continue
            if best is None or len(claims) > len(best[0]):
                best = (claims, dropped)
        if best is None:  # nothing could be read: an error, never "this article has no claims"
            if not unreadable:  # the SDK could not even parse the body into a completion
                unreadable.append("a body that is not JSON" if _is_json_error(cause) else "no readable reply")
            raise self._unreadable_error(unreadable, policy) from None
        claims, dropped = best
        return _ChunkResult(claims, dropped, replies.usage, policy.transport_retries, policy.reasks)

    def _unreadable_error(self, reasons: Sequence[str], policy: _RetryPolicy) -> BackendError:
        n = policy.reasks + 1
        what = reasons[-1]
        return BackendError(
            redact(f"the LLM endpoint {self.endpoint} sent {what} after {n} attempt{'s' if n > 1 else ''}"),
            fix=f"check that --base-url is an OpenAI-compatible /v1 endpoint and try another --mode, {_NO_BACKEND}",
        )

    def _backend_error(self, exc: openai.APIError, policy: _RetryPolicy) -> ClaimcheckError:
        error = self._describe_failure(exc, policy)
        return type(error)(redact(error.message), fix=redact(error.fix) if error.fix else None)

    def _describe_failure(self, exc: openai.APIError, policy: _RetryPolicy) -> ClaimcheckError:
        url = self.endpoint
        tries = f"after {policy.transport_retries + 1} attempt{'s' if policy.transport_retries else ''}"
        if isinstance(exc.__cause__, ReplyTooLarge):
            return BackendError(
                f"the LLM endpoint {url} sent a reply over the limit of {MAX_REPLY_BYTES >> 20} MiB",
                fix=f"check that --base-url is an OpenAI-compatible endpoint, {_NO_BACKEND}",
            )
        if isinstance(exc, openai.APITimeoutError):
            return BackendError(
                f"the LLM endpoint {url} did not answer within {self.timeout:g}s {tries}",
                fix=f"check the server, raise --timeout, {_NO_BACKEND}",
            )
        if isinstance(exc, openai.APIConnectionError):
            return BackendError(
                f"cannot reach the LLM endpoint {url} {tries}",
                fix=f"start the server or fix --base-url / CLAIMCHECK_BASE_URL, {_NO_BACKEND}",
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
                f"the LLM endpoint {url} has no model {self.model!r} or no chat API there (HTTP 404)",
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
                fix=f"check the server's log; if it rejects this mode try --mode tools or --mode json, {_NO_BACKEND}",
            )
        return BackendError(
            f"the LLM endpoint {url} rejected the request (HTTP {status}: {detail})",
            fix=f"check --model and --mode ({', '.join(MODES)}) against what the server supports",
        )

    # -- documents ---------------------------------------------------------------

    def _assemble(self, doc_id: str, text: str, offsets: Sequence[int], results: Sequence[_ChunkResult]) -> Extraction:
        claims = merge_claims(
            [[shift_claim(c, off) for c in r.claims] for off, r in zip(offsets, results, strict=True)]
        )
        dropped: list[DroppedClaim] = []
        for r in results:
            dropped.extend(d for d in r.dropped if d not in dropped)
        usage = Usage()
        for r in results:
            usage += r.usage
        return Extraction(
            id=doc_id,
            text=text,
            claims=claims,
            backend=self.name,
            model=self.model,
            prompt_version=self.prompt_version,
            usage=usage,
            dropped=dropped,
            transport_retries=sum(r.transport_retries for r in results),
            reasks=sum(r.reasks for r in results),
        )

    def extract(self, text: str, *, doc_id: str = "doc") -> Extraction:
        """Extract the claims of one document (chunks of a long one in parallel threads)."""
        text = check_text(text)
        chunks = split_text(text, self.chunk_chars, self.chunk_overlap)
        if len(chunks) == 1:
            results = [self._extract_chunk(text)]
        else:
            with ThreadPoolExecutor(max_workers=min(self.concurrency, len(chunks))) as pool:
                results = list(pool.map(lambda c: self._extract_chunk(c.text), chunks))
        return self._assemble(doc_id, text, [c.start for c in chunks], results)

    async def aextract(self, text: str, *, doc_id: str = "doc") -> Extraction:
        """Async :meth:`extract`, on ``AsyncOpenAI``; chunks run concurrently up to ``concurrency``."""
        text = check_text(text)
        chunks = split_text(text, self.chunk_chars, self.chunk_overlap)
        results = await asyncio.gather(*(self._aextract_chunk(c.text) for c in chunks))
        return self._assemble(doc_id, text, [c.start for c in chunks], results)

    def extract_many(
        self, docs: Sequence[tuple[str, str]], *, concurrency: int | None = None
    ) -> list[Extraction | ClaimcheckError]:
        """One result per ``(id, text)``, in order; a failed document yields its error, the rest their claims."""
        return run_many_threaded(self, docs, concurrency or self.concurrency)


def _short(message: str, limit: int = 160) -> str:
    line = " ".join(str(message).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
