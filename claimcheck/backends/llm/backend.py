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

Every reply is bounded in size and in total time (:mod:`.http_limits`), and
the key and URL credentials are redacted from every message
(:mod:`claimcheck.redaction`).

Token usage is summed over every reply received, re-asks included.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import weakref
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import instructor
import openai
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from instructor.core.hooks import Hooks
from tenacity import AsyncRetrying, Retrying

from claimcheck.backends.base import run_many_threaded, settings_from
from claimcheck.backends.llm.chunking import merge_claims, shift_claim, split_text
from claimcheck.backends.llm.failures import request_error, unreadable_error
from claimcheck.backends.llm.http_limits import bounded_async_client, bounded_client
from claimcheck.backends.llm.prompts import Prompts, load_prompts, short_hash
from claimcheck.backends.llm.ratelimit import Actual, shared_limiter
from claimcheck.backends.llm.response import ArticleClaims, UnreadableReply, response_model, salvage
from claimcheck.backends.llm.retry import RetryPolicy, is_invalid_reply, is_json_error
from claimcheck.backends.llm.settings import (
    DEFAULT_OPENAI_MODEL,
    MODE_NAMES,
    NO_BACKEND,
    OPENAI_URL,
    PLACEHOLDER_KEY,
    LLMSettings,
    default_mode,
    env,
    is_loopback,
    is_openai,
)
from claimcheck.errors import ClaimcheckError, ConfigError
from claimcheck.redaction import install_log_filter, redact, register_secret
from claimcheck.schema import Claim, DroppedClaim, Extraction, Usage

__all__ = ["MODES", "LLMBackend"]

# instructor logs every failed attempt at ERROR; without this a library user
# who configured no logging would see them on stderr via logging.lastResort.
logging.getLogger("instructor").addHandler(logging.NullHandler())
# Their debug logs carry URLs and server replies: redact keys and credentials from them.
_CLIENT_LOGGERS = ("openai", "httpx2", "httpcore2", "httpx", "httpcore", "instructor")
install_log_filter(*_CLIENT_LOGGERS)

#: Instructor's mode for each of :data:`~.settings.MODE_NAMES`.
MODES: dict[str, instructor.Mode] = {
    "tools": instructor.Mode.TOOLS,
    "json": instructor.Mode.JSON,
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "md_json": instructor.Mode.MD_JSON,
}
assert tuple(MODES) == MODE_NAMES


@dataclass
class _ChunkResult:
    claims: list[Claim]
    dropped: list[DroppedClaim]
    usage: Usage
    transport_retries: int
    reasks: int


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

    def __init__(self, **options: Any) -> None:
        """Options as in :class:`~.settings.LLMSettings`; an unknown or out-of-range one is a :class:`ConfigError`."""
        self.settings = cfg = settings_from(LLMSettings, "LLM", options)
        self.base_url = (cfg.base_url or env("CLAIMCHECK_BASE_URL", "OPENAI_BASE_URL") or OPENAI_URL).rstrip("/")
        #: The endpoint as shown in messages and keyed in the cache: never its credentials.
        self.endpoint = redact(self.base_url)
        parts = urlsplit(self.base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigError(
                f"base URL {self.endpoint!r} is not an http(s) URL",
                fix="pass e.g. http://127.0.0.1:8080/v1 (the path up to /v1)",
            )
        model = cfg.model or env("CLAIMCHECK_MODEL") or (DEFAULT_OPENAI_MODEL if is_openai(self.base_url) else None)
        if not model:
            raise ConfigError(
                f"no model set for {self.endpoint}",
                fix="pass --model NAME or export CLAIMCHECK_MODEL=NAME (the name the server serves)",
            )
        self.model: str | None = model
        key = cfg.api_key or env("CLAIMCHECK_API_KEY", "OPENAI_API_KEY")
        register_secret(key)
        install_log_filter(*_CLIENT_LOGGERS)  # loggers the libraries created since import
        if not key:
            if not is_loopback(self.base_url):
                raise ConfigError(
                    f"no API key for {self.endpoint}",
                    fix=f"export OPENAI_API_KEY=… (or CLAIMCHECK_API_KEY=…) {NO_BACKEND}",
                )
            key = PLACEHOLDER_KEY  # local servers ignore the key, the SDK insists on one
        self._api_key = key
        requested = cfg.mode or env("CLAIMCHECK_MODE") or default_mode(self.base_url)
        mode_name = requested.strip().lower().replace("-", "_")
        if mode_name not in MODES:
            raise ConfigError(f"unknown instructor mode {requested!r}", fix=f"use one of: {', '.join(MODES)}")
        self.mode = mode_name
        self._mode = MODES[mode_name]
        self.timeout = cfg.timeout
        self.max_retries = cfg.max_retries
        self.max_reasks = cfg.max_reasks
        self.chunk_chars = cfg.chunk_chars
        self.chunk_overlap = cfg.overlap
        self.concurrency = concurrency = cfg.concurrency
        self.temperature = cfg.temperature
        self.max_tokens = cfg.max_tokens
        self.retry_backoff = cfg.retry_backoff
        self.retry_max_wait = cfg.retry_max_wait
        self.rpm, self.tpm = rpm, tpm = cfg.rpm, cfg.tpm
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

    def _policy(self) -> RetryPolicy:
        return RetryPolicy(self.max_retries, self.max_reasks, self.retry_backoff, self.retry_max_wait)

    def _paced(self, chunk: str, policy: RetryPolicy, replies: _Replies) -> tuple[int, Actual]:
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

    def _after_failure(self, exc: Exception, chunk: str, policy: RetryPolicy, replies: _Replies) -> _ChunkResult:
        """Turn a transport failure into a :class:`BackendError`; keep what grounds from invalid replies."""
        cause: BaseException | None = exc
        if isinstance(exc, InstructorRetryException):
            cause = exc.__cause__ or exc
        if isinstance(cause, openai.APIError):
            raise request_error(
                cause, policy.transport_retries, endpoint=self.endpoint, model=self.model, timeout=self.timeout
            ) from None
        if not (isinstance(exc, (InstructorRetryException, IncompleteOutputException)) or is_invalid_reply(exc)):
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
                unreadable.append("a body that is not JSON" if is_json_error(cause) else "no readable reply")
            raise unreadable_error(unreadable, policy.reasks + 1, self.endpoint) from None
        claims, dropped = best
        return _ChunkResult(claims, dropped, replies.usage, policy.transport_retries, policy.reasks)

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
        chunks = split_text(text, self.chunk_chars, self.chunk_overlap)
        if len(chunks) == 1:
            results = [self._extract_chunk(text)]
        else:
            with ThreadPoolExecutor(max_workers=min(self.concurrency, len(chunks))) as pool:
                results = list(pool.map(lambda c: self._extract_chunk(c.text), chunks))
        return self._assemble(doc_id, text, [c.start for c in chunks], results)

    async def aextract(self, text: str, *, doc_id: str = "doc") -> Extraction:
        """Async :meth:`extract`, on ``AsyncOpenAI``; chunks run concurrently up to ``concurrency``."""
        chunks = split_text(text, self.chunk_chars, self.chunk_overlap)
        results = await asyncio.gather(*(self._aextract_chunk(c.text) for c in chunks))
        return self._assemble(doc_id, text, [c.start for c in chunks], results)

    def extract_many(
        self, docs: Sequence[tuple[str, str]], *, concurrency: int | None = None
    ) -> list[Extraction | ClaimcheckError]:
        """One result per ``(id, text)``, in order; a failed document yields its error, the rest their claims."""
        return run_many_threaded(self, docs, concurrency or self.concurrency)
