"""Storage: articles to `articles/…`, refused items to `rejects/…`, off the reactor thread.

Every object written is journaled for the run (`CRAWLER_RUN_ID`, set by `crawler.runner.run_crawl`) in the
spool folder, so that the run's feed segment and manifest can be committed after the crawl (by `run_crawl`,
outside the reactor; by `crawler flush` or the next run after a crash). When the store cannot be written
(after botocore's retries), the item goes to the durable local spool instead, the run goes on, and the
store is not tried again for `CRAWLER_STORE_RETRY_AFTER` seconds; the crawl state records an article only
once its object is in the store (a spooled one when it is flushed).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import NotConfigured

from crawler.feed.commit import commit_run
from crawler.feed.encoding import encode, now_iso
from crawler.feed.log import object_entry
from crawler.item import Article, Rejected
from crawler.runs import new_run_id
from crawler.spool import WorkDir, default_spool, run_batch
from crawler.state import KnownArticle, StateBackend, open_state
from crawler.store import ObjectStore, StoreError, open_store
from crawler.store.layout import article_key, reject_key, version_key
from pipelines._base import CrawlerPipeline

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


def key_and_body(item: Article | Rejected) -> tuple[str, bytes]:
    """Where an item goes in the store and what is written there."""
    key, body, _document = _key_body_document(item)
    return key, body


def _key_body_document(item: Article | Rejected) -> tuple[str, bytes, dict[str, Any]]:
    document = item.to_json()
    if isinstance(item, Article):
        assert item.published_at is not None  # validation guarantees it
        first = item.first_version_key or article_key(item.site, item.published_at, item.id)
        return version_key(first, item.version), encode(document), document
    reject_id = hashlib.sha256(item.article.url.encode("utf-8")).hexdigest()[:20]
    return reject_key(item.article.site, item.article.fetched_at, reject_id), encode(document), document


def _store_failures() -> tuple[type[BaseException], ...]:
    """What a failed write raises: StoreError from our backends, OSError, and botocore's own errors should
    any get past the S3 backend."""
    failures: list[type[BaseException]] = [StoreError, OSError]
    try:
        from botocore.exceptions import BotoCoreError, ClientError
    except ImportError:  # pragma: no cover - boto3 is a dependency
        return tuple(failures)
    return (*failures, BotoCoreError, ClientError)


STORE_FAILURES = _store_failures()


class Outage:
    """The store is down: after a failed write, items go straight to the spool for `retry_after` seconds,
    then the next write tries the store again. One per store and process, shared by the run's crawlers."""

    def __init__(self) -> None:
        self._until = 0.0
        self._lock = threading.Lock()
        self.last_error: str | None = None

    def is_down(self) -> bool:
        return time.monotonic() < self._until

    def mark_down(self, error: BaseException, retry_after: float) -> None:
        with self._lock:
            first = not self.is_down()
            self._until = time.monotonic() + retry_after
            self.last_error = str(error)
        if first:
            logger.error("store write failed, spooling items for %.0f s: %s", retry_after, error)


@cache
def _outage(store_url: str) -> Outage:
    return Outage()


@cache
def _writer_pool(threads: int) -> ThreadPoolExecutor:
    """One bounded pool of store writers per process, shared by the crawlers of a run (not the reactor's)."""
    return ThreadPoolExecutor(max_workers=threads, thread_name_prefix="store-writer")


def known_from(article: Article, key: str) -> KnownArticle:
    """What the crawl state keeps of an article just stored at `key`."""
    first_key = article.first_version_key or key
    return KnownArticle(
        canonical_url=article.canonical_url,
        id=article.id,
        site=article.site,
        content_hash=article.content_hash,
        version=article.version,
        object_key=first_key,
        first_seen=article.fetched_at,  # the state keeps the first record's
        last_seen=article.fetched_at,
        last_fetched=article.fetched_at,
        etag=article.http_etag,
        last_modified=article.http_last_modified,
    )


class StoragePipeline(CrawlerPipeline):
    """Writes through the `CRAWLER_STORE` store (a `file://` folder by default)."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        settings = crawler.settings
        url = settings.get("CRAWLER_STORE")
        if not url:
            raise NotConfigured("CRAWLER_STORE is not set")
        self.store: ObjectStore = open_store(url, s3_endpoint=settings.get("CRAWLER_S3_ENDPOINT"))
        self._writers = _writer_pool(settings.getint("CRAWLER_STORE_THREADS", 16))
        self.state: StateBackend = open_state(settings.get("CRAWLER_STATE"))
        # Without a run id from run_crawl (`scrapy crawl KEY`), this crawler is its own run and commits it
        # when it closes.
        self.standalone = not settings.get("CRAWLER_RUN_ID")
        self.run_id = new_run_id() if self.standalone else str(settings.get("CRAWLER_RUN_ID"))
        spool = settings.get("CRAWLER_SPOOL") or default_spool(settings.get("CRAWLER_STATE"))
        self.workdir = WorkDir(spool, self.store.url)
        self.batch = run_batch(self.workdir, self.run_id)
        self.outage = _outage(self.store.url)
        self.retry_after = settings.getfloat("CRAWLER_STORE_RETRY_AFTER", 30.0)

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article | Rejected):
            return item
        key, body, document = _key_body_document(item)
        known = known_from(item, key) if isinstance(item, Article) else None
        entry = object_entry(item, key, body, document, known)
        stored = await asyncio.wrap_future(self._writers.submit(self._write, key, body, entry))
        if not stored:
            self.count("spooled")
            logger.debug("store unavailable: %s spooled to %s", key, self.workdir.items)
            if isinstance(item, Rejected):
                self.count("articles/rejected")
            return item
        if known is not None:
            await self.state.record(known)
            self.count("articles/written")
        else:
            assert isinstance(item, Rejected)
            self.count("articles/rejected")
            logger.warning("rejected %s (%s): %s -> %s", item.article.url, item.stage, item.reason, key)
        return item

    def _write(self, key: str, body: bytes, entry: dict[str, Any]) -> bool:
        """On a writer thread: the object into the store and the run's journal (True), or into the spool."""
        if not self.outage.is_down():
            try:
                self.store.put(key, body)
            except STORE_FAILURES as exc:
                self.outage.mark_down(exc, self.retry_after)
            else:
                self.batch.append(entry)
                return True
        self.workdir.spool(key, body, entry, self.run_id)
        return False

    async def close_spider(self) -> None:
        if self.standalone:
            await asyncio.wrap_future(self._writers.submit(self._commit_standalone))

    def _commit_standalone(self) -> None:
        stats = self.stats.get_stats()
        meta = {
            "run_id": self.run_id,
            "kind": "crawl",
            "started_at": str(stats.get("start_time", "")),
            "finished_at": now_iso(),
            "spooled": int(stats.get("crawler/spooled", 0)),
            "stats": {k: v if isinstance(v, int | float | str) else str(v) for k, v in stats.items()},
        }
        try:
            commit_run(self.store, self.workdir, self.run_id, meta)
        except StoreError as exc:
            logger.error(
                "run %s: feed segment and manifest pending (%s): `crawler flush` commits them",
                self.run_id,
                exc,
            )
