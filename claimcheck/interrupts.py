"""Ctrl-C and SIGTERM stop an archive run between documents, never inside one.

A ``KeyboardInterrupt`` raised wherever the signal lands can land inside a
library that is calling back into Python, which may turn it into another error
(pydantic-core reports it as a ``PydanticSerializationError`` when it comes
during a serializer's callback) or swallow it (in a weakref callback): the run
then ends in a traceback, or does not stop. So while a run defers signals, a
signal only records that a stop was asked, and the stop is raised where the run
holds nothing half done: where it waits for input or for results
(:func:`interruptible`). A second signal stops at once.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterator
from types import FrameType

__all__ = ["deferred_interrupts", "interruptible"]

_NOTICE = b"claimcheck: stopping after the documents in hand (press Ctrl-C again to stop now)\n"


class _State:
    """What the handler reads: it runs in the main thread, between two bytecodes of whatever runs there."""

    def __init__(self) -> None:
        self.deferring = False  # True while a run defers signals and is not at an interruptible wait
        self.asked = False  # a signal came that has not been raised yet


_state = _State()


def _handler(signum: int, frame: FrameType | None) -> None:
    if _state.deferring and not _state.asked:
        _state.asked = True
        os.write(2, _NOTICE)  # not print(): the signal may have come in the middle of a write to sys.stderr
        return
    _state.asked = False
    raise KeyboardInterrupt


@contextlib.contextmanager
def deferred_interrupts() -> Iterator[None]:
    """Within: Ctrl-C and SIGTERM ask the run to stop; :func:`interruptible` raises it as ``KeyboardInterrupt``.

    An ignored SIGINT stays ignored (a background job's), and outside the main
    thread signals are left to whoever owns them.
    """
    wanted = [signal.SIGTERM]
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
        wanted.append(signal.SIGINT)
    try:
        previous = {sig: signal.signal(sig, _handler) for sig in wanted}
    except ValueError:  # not the main thread
        yield
        return
    _state.deferring, _state.asked = True, False
    try:
        yield
    finally:
        _state.deferring, _state.asked = False, False
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextlib.contextmanager
def interruptible(*, stop_if_asked: bool = False) -> Iterator[None]:
    """A wait that holds nothing half done: a signal raises here at once (``stop_if_asked``: one already come too).

    A no-op unless a run defers signals. Give ``stop_if_asked`` only where every
    finished document has been handed on (before taking the next input); a wait
    for results returns first, so what finished is not lost.
    """
    if not _state.deferring:
        yield
        return
    if stop_if_asked and _state.asked:
        _state.asked = False
        raise KeyboardInterrupt
    _state.deferring = False
    try:
        yield
    finally:
        _state.deferring = True
