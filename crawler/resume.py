"""Resuming a killed crawl: Scrapy's job directory, made safe to resume after SIGKILL, by a scheduler
(`SCHEDULER`) and a duplicate filter (`DUPEFILTER_CLASS`) of our own, and the job directory of each site.

Scrapy's `JOBDIR` keeps the scheduler's queue on disk and the fingerprints of every request ever scheduled.
Both assume a clean stop: the queue's bookkeeping (`active.json`, each queue's `info.json`) is written only
when the spider closes, and a fingerprint is written when a request is *scheduled*, not when it is done.
After a SIGKILL the next process would read a queue whose files no longer match its bookkeeping, and skip
every request that was scheduled but never answered: articles lost.

Here:

- `ResumableScheduler` holds an exclusive lock on `<jobdir>/running` while it lives and writes `closed`
  into it when it closes cleanly. Opening a job directory whose marker does not say `closed` means the last
  process died: its disk queue is discarded (the spider's entry points, re-read every run, rediscover what it
  held) and `crawler/resume/unclean` is counted. A clean stop (SIGTERM, Ctrl-C, a CLOSESPIDER limit) keeps the
  queue, which Scrapy then resumes.
- `DoneDupeFilter` filters duplicates in memory as Scrapy's does, and persists only the fingerprints of
  article requests whose item went all the way through the pipelines (`item_scraped`, `item_dropped`), in
  `<jobdir>/done.fingerprints`. A resumed process does not fetch those again; anything else it may fetch again,
  which the crawl state (written after the store) and content-hashed versions make harmless.

The runner (`crawler/runner.py`) gives each site its own job directory under the store's work dir and deletes
it once the site's crawl finishes, so the next nightly run starts fresh.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Self

from scrapy import signals
from scrapy.core.scheduler import Scheduler
from scrapy.dupefilters import RFPDupeFilter
from scrapy.utils.job import job_dir

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock, the marker alone
    fcntl = None  # type: ignore[assignment]

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from twisted.internet.defer import Deferred

logger = logging.getLogger(__name__)

MARKER = "running"
DONE = "done.fingerprints"


class JobDirBusyError(RuntimeError):
    """Another live process crawls with this job directory."""


class ResumableScheduler(Scheduler):
    """Scrapy's scheduler; a disk queue left by a process that died is discarded instead of misread."""

    _marker: IO[str] | None = None

    def open(self, spider: Spider) -> Deferred[None] | None:
        if self.dqdir:
            jobdir = Path(self.dqdir).parent
            marker = open(jobdir / MARKER, "a+", encoding="utf-8")  # noqa: SIM115 - held while crawling
            if fcntl is not None:
                try:
                    fcntl.flock(marker.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    marker.close()
                    raise JobDirBusyError(f"{jobdir} is in use by another crawl of this site") from None
            marker.seek(0)
            state = marker.read().strip()
            if state and state != "closed":
                shutil.rmtree(self.dqdir, ignore_errors=True)
                Path(self.dqdir).mkdir(parents=True, exist_ok=True)
                if self.stats is not None:
                    self.stats.inc_value("crawler/resume/unclean")
                logger.warning(
                    "%s: the last crawl died; its queue is discarded, discovery starts again", jobdir
                )
            elif state == "closed" and self.stats is not None:
                self.stats.inc_value("crawler/resume/clean")
            _rewrite(marker, "running")
            self._marker = marker
        return super().open(spider)

    def close(self, reason: str) -> Deferred[None] | None:
        result = super().close(reason)
        if self._marker is not None:
            _rewrite(self._marker, "closed")
            self._marker.close()
            self._marker = None
        return result


def _rewrite(handle: IO[str], text: str) -> None:
    handle.seek(0)
    handle.truncate()
    handle.write(text + "\n")
    handle.flush()
    os.fsync(handle.fileno())


class DoneDupeFilter(RFPDupeFilter):
    """In-memory duplicate filtering, plus the article requests finished by earlier processes of this job."""

    def __init__(self, path: str | None = None, debug: bool = False, **kwargs: Any) -> None:
        super().__init__(None, debug, **kwargs)
        self._done: set[bytes] = set()
        self._done_file: IO[str] | None = None
        if path:
            done = Path(path, DONE)
            with contextlib.suppress(FileNotFoundError):
                for line in done.read_text(encoding="utf-8").splitlines():
                    with contextlib.suppress(ValueError):  # a torn last line
                        self._done.add(bytes.fromhex(line.strip()))
            self._done_file = open(done, "a", encoding="utf-8")  # noqa: SIM115 - appended while crawling

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        dupefilter = cls(
            job_dir(crawler.settings),
            crawler.settings.getbool("DUPEFILTER_DEBUG"),
            fingerprinter=crawler.request_fingerprinter,
        )
        if dupefilter._done_file is not None:
            crawler.signals.connect(dupefilter._item_done, signal=signals.item_scraped)
            crawler.signals.connect(dupefilter._item_done, signal=signals.item_dropped)
            if dupefilter._done and crawler.stats is not None:
                crawler.stats.set_value("crawler/resume/done_before", len(dupefilter._done))
        return dupefilter

    def request_seen(self, request: Request) -> bool:
        if self._done and self._fingerprint(request) in self._done:
            return True
        return super().request_seen(request)

    def _item_done(self, item: Any, response: Response | None = None, **kwargs: Any) -> None:
        if self._done_file is None or response is None or response.meta.get("page_kind") != "article":
            return
        self._done_file.write(self._fingerprint(response.request).hex() + "\n")  # type: ignore[arg-type]
        self._done_file.flush()

    def close(self, reason: str) -> None:
        super().close(reason)
        if self._done_file is not None:
            self._done_file.close()
            self._done_file = None


def site_job_dir(work_folder: str | os.PathLike[str], site_key: str) -> Path:
    """`<store work dir>/jobs/<site>`: the site's job directory for a crawl into that store."""
    return Path(work_folder) / "jobs" / site_key


def finish_job_dir(path: str | os.PathLike[str], finish_reason: object) -> None:
    """Delete a site's job directory once its crawl finished (a stopped or killed one is kept to resume)."""
    if finish_reason == "finished":
        shutil.rmtree(path, ignore_errors=True)


__all__ = ["DoneDupeFilter", "JobDirBusyError", "ResumableScheduler", "finish_job_dir", "site_job_dir"]
