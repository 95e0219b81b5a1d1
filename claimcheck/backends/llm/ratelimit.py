"""Client-side request and token rates (``--rpm``, ``--tpm``), shared by every request of a process.

A long batch against a provider's quota should pace itself rather than live
on 429 retries. Two token buckets (requests, tokens) refill continuously and
hold one second's worth, so requests go out evenly instead of in bursts. A
request *reserves* its share before it is sent: the reservation returns how
long to wait, so threads and event loops use the same limiter (one sleeps,
the other awaits). What a request could not know beforehand (its real token
count, the re-asks and retries instructor sent inside one call) is settled
afterwards, and a debt makes the next requests wait.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator

__all__ = ["Actual", "RateLimiter", "shared_limiter"]

#: What a finished request really cost: ``(tokens, requests)``.
Actual = Callable[[], tuple[int, int]]


class _Bucket:
    def __init__(self, per_minute: float) -> None:
        self.rate = per_minute / 60.0
        self.capacity = max(1.0, self.rate)  # one second's worth: an even pace, no minute-long burst
        self.level = self.capacity

    def refill(self, elapsed: float) -> None:
        self.level = min(self.capacity, self.level + elapsed * self.rate)

    def take(self, amount: float) -> float:
        """Take ``amount`` (going into debt if need be); the seconds until the level is back at zero."""
        self.level -= amount
        return 0.0 if self.level >= 0 else -self.level / self.rate


class RateLimiter:
    """At most ``rpm`` requests and ``tpm`` tokens a minute (either may be ``None``: no limit)."""

    def __init__(
        self, rpm: float | None = None, tpm: float | None = None, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        for name, value in (("rpm", rpm), ("tpm", tpm)):
            if value is not None and not value > 0:
                raise ValueError(f"{name} must be above 0, got {value!r}")
        self.rpm, self.tpm = rpm, tpm
        self._requests = _Bucket(rpm) if rpm else None
        self._tokens = _Bucket(tpm) if tpm else None
        self._clock = clock
        self._last = clock()
        self._lock = threading.Lock()
        self.waited = 0.0  # seconds requests were held back, summed

    @property
    def active(self) -> bool:
        return self._requests is not None or self._tokens is not None

    def _refill(self) -> None:
        now = self._clock()
        for bucket in (self._requests, self._tokens):
            if bucket is not None:
                bucket.refill(now - self._last)
        self._last = now

    def reserve(self, tokens: int, requests: int = 1) -> float:
        """Book a request of about ``tokens`` tokens; returns the seconds to wait before sending it."""
        if not self.active:
            return 0.0
        with self._lock:
            self._refill()
            wait = 0.0
            if self._requests is not None:
                wait = max(wait, self._requests.take(requests))
            if self._tokens is not None:
                wait = max(wait, self._tokens.take(tokens))
            self.waited += wait
            return wait

    def settle(self, tokens: int, requests: int = 0) -> None:
        """Correct a reservation by what the request really cost beyond it (negative gives tokens back)."""
        if not self.active:
            return
        with self._lock:
            self._refill()
            if self._requests is not None and requests:
                self._requests.level -= requests
            if self._tokens is not None:
                self._tokens.level = min(self._tokens.capacity, self._tokens.level - tokens)

    @contextlib.contextmanager
    def request(self, estimate: int, actual: Actual) -> Iterator[None]:
        """Around one (instructor) call: wait for its share, then settle what it really took."""
        time.sleep(self.reserve(estimate))
        try:
            yield
        finally:
            self._settle(estimate, actual)

    @contextlib.asynccontextmanager
    async def arequest(self, estimate: int, actual: Actual) -> AsyncIterator[None]:
        """:meth:`request` for an event loop: the wait is awaited, never slept."""
        await asyncio.sleep(self.reserve(estimate))
        try:
            yield
        finally:
            self._settle(estimate, actual)

    def _settle(self, estimate: int, actual: Actual) -> None:
        tokens, requests = actual()  # re-asks and retries beyond the one request reserved; unspent tokens back
        self.settle(tokens - estimate, max(0, requests - 1))


_shared: dict[tuple[str, float | None, float | None], RateLimiter] = {}
_shared_lock = threading.Lock()


def shared_limiter(endpoint: str, rpm: float | None, tpm: float | None) -> RateLimiter:
    """One limiter per endpoint and limits in this process, however many backends or threads use it."""
    key = (endpoint, rpm, tpm)
    with _shared_lock:
        if key not in _shared:
            _shared[key] = RateLimiter(rpm, tpm)
        return _shared[key]
