"""Bounds on one HTTP reply from an LLM endpoint: its size and its total time.

The HTTP client's own timeout is per read, so a server that drips a byte a
second never times out, and it buffers the whole body, so a 2 GB reply takes
gigabytes. These clients (the SDK's own defaults plus two event hooks) cut a
reply off at ``max_bytes`` and at ``timeout`` seconds after the request was
sent, whatever the server does. The request itself is not touched.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx2
import openai

__all__ = ["MAX_REPLY_BYTES", "ReplyTooLarge", "bounded_async_client", "bounded_client"]

#: A 4,096-token completion is well under 100 kB; 8 MiB leaves room for any honest reply.
MAX_REPLY_BYTES = 8 << 20

_STARTED = "claimcheck_started"


class ReplyTooLarge(Exception):
    """The endpoint sent more than the reply limit: not worth a retry."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the reply is over the limit of {limit:,} bytes")
        self.limit = limit


class _Bounds:
    """Counts a reply's bytes and watches its deadline as the body streams in."""

    def __init__(self, request: httpx2.Request, timeout: float, max_bytes: int) -> None:
        started = request.extensions.get(_STARTED, time.monotonic())
        self.deadline = started + timeout
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.request = request
        self.seen = 0

    def check(self, chunk: bytes) -> bytes:
        self.seen += len(chunk)
        if self.seen > self.max_bytes:
            raise ReplyTooLarge(self.max_bytes)
        if time.monotonic() > self.deadline:
            raise httpx2.ReadTimeout(f"no complete reply within {self.timeout:g}s", request=self.request)
        return chunk

    def check_length(self, response: httpx2.Response) -> None:
        length = response.headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            raise ReplyTooLarge(self.max_bytes)


class _SyncBounded(httpx2.SyncByteStream):
    def __init__(self, inner: Any, bounds: _Bounds) -> None:
        self._inner, self._bounds = inner, bounds

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._inner:
            yield self._bounds.check(chunk)

    def close(self) -> None:
        self._inner.close()


class _AsyncBounded(httpx2.AsyncByteStream):
    def __init__(self, inner: Any, bounds: _Bounds) -> None:
        self._inner, self._bounds = inner, bounds

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._inner:
            yield self._bounds.check(chunk)

    async def aclose(self) -> None:
        await self._inner.aclose()


def _mark_start(request: httpx2.Request) -> None:
    request.extensions[_STARTED] = time.monotonic()


def bounded_client(timeout: float, max_bytes: int = MAX_REPLY_BYTES) -> httpx2.Client:
    """The openai SDK's default sync client, with every reply bounded in size and total time."""

    def bound(response: httpx2.Response) -> None:
        bounds = _Bounds(response.request, timeout, max_bytes)
        bounds.check_length(response)
        response.stream = _SyncBounded(response.stream, bounds)

    return openai.DefaultHttpxClient(event_hooks={"request": [_mark_start], "response": [bound]})


def bounded_async_client(timeout: float, max_bytes: int = MAX_REPLY_BYTES) -> httpx2.AsyncClient:
    """:func:`bounded_client` for ``AsyncOpenAI``."""

    async def start(request: httpx2.Request) -> None:
        _mark_start(request)

    async def bound(response: httpx2.Response) -> None:
        bounds = _Bounds(response.request, timeout, max_bytes)
        bounds.check_length(response)
        response.stream = _AsyncBounded(response.stream, bounds)

    return openai.DefaultAsyncHttpxClient(event_hooks={"request": [start], "response": [bound]})
