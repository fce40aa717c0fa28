"""Live progress of a crawl on a terminal: a status line refreshed about once a second, and a line for each
site as it finishes, printed above it.

    [ 12/66 sites] 1,204 pages · 310 articles · 2 errors · 45 not modified · 0:42

Nothing is written unless the stream is a terminal (`isatty()`): a crawl whose stdout goes to a file or a
pipe prints only its summary. The status line is drawn as `\\r` + line + clear-to-end (`\\x1b[K`) and is
cleared before each log record a terminal handler writes, so that stderr's lines do not land in its middle.

`Progress` reads the numbers from each site's Scrapy stats (the names of `crawler.runner.COUNTERS`);
`watch` hooks a crawler's `spider_closed` signal, `start` drives the refresh with a `LoopingCall` on the
reactor. `render` and `site_line` are pure, for the tests.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TextIO

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from twisted.internet.task import LoopingCall

CLEAR_LINE = "\x1b[K"
"""ANSI: erase from the cursor to the end of the line."""

INTERVAL = 1.0
"""Seconds between two refreshes of the status line."""

STATS = {
    "pages": "downloader/response_count",
    "articles": "crawler/articles/written",
    "errors": "crawler/errors",
    "not_modified": "crawler/not_modified",
}
"""The Scrapy stats each figure is read from (as in `crawler.runner.COUNTERS`)."""


class Stats(Protocol):
    """What `Progress` reads of a Scrapy stats collector."""

    def get_value(self, key: str, default: Any = None) -> Any: ...


@dataclass(frozen=True)
class Counts:
    """The figures of one site, or of the run."""

    pages: int = 0
    articles: int = 0
    errors: int = 0
    not_modified: int = 0

    @classmethod
    def of(cls, stats: Stats | None) -> Counts:
        if stats is None:
            return cls()
        return cls(**{name: int(stats.get_value(stat, 0) or 0) for name, stat in STATS.items()})

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.pages + other.pages,
            self.articles + other.articles,
            self.errors + other.errors,
            self.not_modified + other.not_modified,
        )


def is_terminal(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError, OSError):  # a closed stream, or no stream at all
        return False


def elapsed(seconds: float) -> str:
    """`0:42`, `12:05`, `1:02:03`."""
    minutes, secs = divmod(max(int(seconds), 0), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


class Progress:
    """The live progress of one crawl of `total` sites, written to `stream` when it is a terminal (None, or a
    stream that is no terminal: nothing is written and nothing is hooked). `clock`: monotonic seconds."""

    def __init__(
        self, stream: TextIO | None, total: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.stream = stream
        self.total = total
        self.clock = clock
        self.enabled = is_terminal(stream)
        self.started = clock()
        self._stats: dict[str, Callable[[], Stats | None]] = {}
        self._began: dict[str, float] = {}
        self._finished: dict[str, Counts] = {}
        self._loop: LoopingCall | None = None
        self._handlers: list[logging.Handler] = []
        self._shown = False  # the status line is on the terminal
        self._separator = " · " if _can_encode(stream, "·") else " | "

    # -- what the crawl tells it ----------------------------------------------------------------------------

    def running(self, key: str, stats: Callable[[], Stats | None]) -> None:
        """A site whose crawl starts now; `stats` gives its stats collector (None while it has none)."""
        self._stats[key] = stats
        self._began[key] = self.clock()

    def site_finished(
        self, key: str, reason: str | None, counts: Counts | None = None, seconds: float | None = None
    ) -> None:
        """Print the line of a site that finished (its counts read from its stats unless given), above the
        status line, and redraw the status line."""
        if counts is None:
            counts = Counts.of(self._stats[key]()) if key in self._stats else Counts()
        if seconds is None:
            seconds = self.clock() - self._began.get(key, self.started)
        self._finished[key] = counts
        self._write("\r" + CLEAR_LINE + self.site_line(key, reason, counts, seconds) + "\n")
        self._shown = False
        self.refresh()

    # -- what it shows ----------------------------------------------------------------------------------------

    @property
    def done(self) -> int:
        return len(self._finished)

    def counts(self) -> Counts:
        """The run's figures so far: finished sites as they ended, the others as they are now."""
        total = Counts()
        for counts in self._finished.values():
            total += counts
        for key, stats in self._stats.items():
            if key not in self._finished:
                total += Counts.of(stats())
        return total

    def render(self, counts: Counts | None = None) -> str:
        """The status line (without control characters)."""
        counts = self.counts() if counts is None else counts
        width = len(str(self.total))
        parts = [
            _count(counts.pages, "page"),
            _count(counts.articles, "article"),
            _count(counts.errors, "error"),
            f"{counts.not_modified:,} not modified",
            elapsed(self.clock() - self.started),
        ]
        return f"[{self.done:>{width}}/{self.total} sites] " + self._separator.join(parts)

    def site_line(self, key: str, reason: str | None, counts: Counts, seconds: float) -> str:
        """The line of a finished site: key, finish reason, pages, articles written, errors, seconds."""
        width = max((len(k) for k in (*self._stats, key)), default=len(key))
        parts = [
            _count(counts.pages, "page"),
            _count(counts.articles, "article"),
            _count(counts.errors, "error"),
            f"{seconds:,.1f} s",
        ]
        return f"{key:<{width}}  {reason or 'unknown':<10} " + self._separator.join(parts)

    def refresh(self) -> None:
        """Draw the status line over the current one."""
        if not self.enabled:
            return
        line = self.render()
        columns = _columns(self.stream)
        if columns:  # a line longer than the terminal wraps, and `\r` would only go back to its last row
            line = line[: columns - 1]
        self._write("\r" + line + CLEAR_LINE)
        self._shown = self.enabled

    def clear(self) -> None:
        """Erase the status line, if it is shown."""
        if self._shown:
            self._write("\r" + CLEAR_LINE)
            self._shown = False

    # -- Scrapy and the reactor ---------------------------------------------------------------------------

    def watch(self, key: str, crawler: Crawler) -> None:
        """Follow a site's crawler (before `CrawlerProcess.crawl`): its stats, and its `spider_closed`."""
        if not self.enabled:
            return
        from scrapy import signals

        self.running(key, lambda: _stats_of(crawler))

        def closed(reason: str) -> None:
            self.site_finished(key, reason)

        crawler.signals.connect(closed, signal=signals.spider_closed, weak=False)

    def start(self) -> None:
        """Refresh the status line every `INTERVAL` seconds on the reactor (installed by then: after the
        crawlers were given to the process) until `stop`; clear it before each log record that a handler
        writes to a terminal."""
        if not self.enabled or self._loop is not None or not self._stats:
            return
        from twisted.internet.task import LoopingCall

        self._loop = LoopingCall(self.refresh)
        self._loop.start(INTERVAL, now=True).addErrback(self._failed)
        for handler in logging.getLogger().handlers:
            if is_terminal(getattr(handler, "stream", None)):
                handler.addFilter(self._before_log)
                self._handlers.append(handler)

    def stop(self) -> None:
        """Stop refreshing and erase the status line (before the summary table). Safe to call twice."""
        loop, self._loop = self._loop, None
        if loop is not None and loop.running:
            loop.stop()
        for handler in self._handlers:
            handler.removeFilter(self._before_log)
        self._handlers.clear()
        self.clear()

    def _before_log(self, record: logging.LogRecord) -> bool:
        self.clear()
        return True

    def _failed(self, failure: Any) -> None:
        logging.getLogger(__name__).warning("live progress stopped: %s", failure.getErrorMessage())
        self.enabled = False

    def _write(self, text: str) -> None:
        if not self.enabled or self.stream is None:
            return
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # the terminal went away: the crawl goes on without progress
            self.enabled = False


def _stats_of(crawler: Crawler) -> Stats | None:
    try:
        return crawler.stats
    except RuntimeError:  # Scrapy sets it when the crawl starts
        return None


def _can_encode(stream: TextIO | None, text: str) -> bool:
    try:
        text.encode(getattr(stream, "encoding", None) or "utf-8")
    except (LookupError, UnicodeEncodeError):
        return False
    return True


def _columns(stream: TextIO | None) -> int:
    """The terminal's width (0: unknown)."""
    try:
        return os.get_terminal_size(stream.fileno()).columns if stream is not None else 0
    except (AttributeError, ValueError, OSError):  # io.UnsupportedOperation is an OSError and a ValueError
        return 0
