"""What a long batch says while it works (a progress bar on stderr) and when it ends (one summary line).

The bar shows documents done, words per second and the time left; it is drawn
only on a terminal, so logs and pipes get the summary alone.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from types import TracebackType
from typing import TYPE_CHECKING

from claimcheck.errors import ClaimcheckError
from claimcheck.plurals import plural
from claimcheck.schema import Extraction, Usage

if TYPE_CHECKING:
    from rich.progress import Progress, Task, TaskID
    from rich.text import Text

__all__ = ["BatchProgress", "RunStats"]


@dataclass
class RunStats:
    """Counts for the closing summary, summed as results arrive."""

    documents: int = 0
    claims: int = 0
    errors: int = 0
    words: int = 0
    cached: int = 0
    skipped: int = 0
    reasks: int = 0
    transport_retries: int = 0
    usage: Usage = field(default_factory=Usage)
    started: float = field(default_factory=time.perf_counter)

    def add(self, result: Extraction | ClaimcheckError) -> int:
        """Count one result; returns its words (for the progress bar's rate)."""
        self.documents += 1
        if not isinstance(result, Extraction):
            self.errors += 1
            return 0
        words = len(result.text.split())
        self.words += words
        self.claims += len(result.claims)
        if result.cached:  # its tokens were spent by an earlier run
            self.cached += 1
            return words
        self.reasks += result.reasks
        self.transport_retries += result.transport_retries
        self.usage += result.usage
        return words

    def counts(self) -> dict[str, int]:
        """The counts as plain numbers (what a Dask partition sends back to the client)."""
        u = self.usage
        return {
            "documents": self.documents,
            "claims": self.claims,
            "errors": self.errors,
            "words": self.words,
            "reasks": self.reasks,
            "transport_retries": self.transport_retries,
            "prompt_tokens": u.prompt_tokens,
            "completion_tokens": u.completion_tokens,
            "total_tokens": u.total_tokens,
        }

    def merge(self, counts: dict[str, int]) -> None:
        """Add a partition's :meth:`counts`."""
        for name in ("documents", "claims", "errors", "words", "reasks", "transport_retries"):
            setattr(self, name, getattr(self, name) + counts.get(name, 0))
        self.usage += Usage(
            prompt_tokens=counts.get("prompt_tokens", 0),
            completion_tokens=counts.get("completion_tokens", 0),
            total_tokens=counts.get("total_tokens", 0),
        )

    @property
    def wall(self) -> float:
        return time.perf_counter() - self.started

    def summary(self, *, errors_in: str | None = None) -> str:
        """``1,000 documents, 4,321 claims, 2 errors in 12.3 s (81 docs/s, 40,120 words/s)`` and the LLM's counts."""
        wall = max(self.wall, 1e-9)
        errs = plural(self.errors, "error") + (f" (in {errors_in})" if errors_in and self.errors else "")
        line = (
            f"{plural(self.documents, 'document')}, {plural(self.claims, 'claim')}, {errs} in {self.wall:.1f} s"
            f" ({self.documents / wall:,.1f} docs/s, {self.words / wall:,.0f} words/s)"
        )
        extras = []
        if self.skipped:
            extras.append(f"{self.skipped:,} already done, skipped")
        if self.cached:
            extras.append(f"{self.cached:,} from the cache")
        if self.usage.total_tokens or self.reasks or self.transport_retries:
            u = self.usage
            extras.append(
                f"LLM: {u.total_tokens:,} tokens ({u.prompt_tokens:,} prompt, {u.completion_tokens:,} completion),"
                f" {plural(self.reasks, 're-ask')},"
                f" {plural(self.transport_retries, 'transport retry', 'transport retries')}"
            )
        return "; ".join([line, *extras])


class BatchProgress:
    """A rich progress bar on stderr (documents, words/s, ETA), or nothing when ``enabled`` is false."""

    def __init__(self, total: int | None, *, enabled: bool, label: str = "extract") -> None:
        self._bar: Progress | None = None
        self._task: TaskID | None = None
        if not enabled:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            ProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.text import Text

        class WordsPerSecond(ProgressColumn):
            def render(self, task: Task) -> Text:
                elapsed = task.elapsed or 0.0
                rate = task.fields.get("words", 0) / elapsed if elapsed > 0 else 0.0
                return Text(f"{rate:,.0f} words/s", style="progress.data.speed")

        self._bar = Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("docs"),
            WordsPerSecond(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._task = self._bar.add_task(label, total=total, words=0)
        self._words = 0

    def advance(self, words: int, documents: int = 1) -> None:
        if self._bar is not None and self._task is not None:
            self._words += words
            self._bar.update(self._task, advance=documents, words=self._words)

    def __enter__(self) -> BatchProgress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()
