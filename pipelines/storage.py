"""Storage: articles to `articles/…`, refused items to `rejects/…`, off the reactor thread."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import NotConfigured

from crawler.item import Article, Rejected
from crawler.state import KnownArticle, SQLiteState, open_state
from crawler.store import ObjectStore, open_store
from crawler.store.layout import article_key, reject_key, version_key
from pipelines._base import CrawlerPipeline

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


def encode(document: dict[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8") + b"\n"


def key_and_body(item: Article | Rejected) -> tuple[str, bytes]:
    """Where an item goes in the store and what is written there."""
    if isinstance(item, Article):
        assert item.published_at is not None  # validation guarantees it
        first = item.first_version_key or article_key(item.site, item.published_at, item.id)
        return version_key(first, item.version), encode(item.to_json())
    reject_id = hashlib.sha256(item.article.url.encode("utf-8")).hexdigest()[:20]
    return reject_key(item.article.site, item.article.fetched_at, reject_id), encode(item.to_json())


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
        url = crawler.settings.get("CRAWLER_STORE")
        if not url:
            raise NotConfigured("CRAWLER_STORE is not set")
        self.store: ObjectStore = open_store(url, s3_endpoint=crawler.settings.get("CRAWLER_S3_ENDPOINT"))
        self._writers = _writer_pool(crawler.settings.getint("CRAWLER_STORE_THREADS", 16))
        self.state: SQLiteState = open_state(crawler.settings.get("CRAWLER_STATE"))

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article | Rejected):
            return item
        key, body = key_and_body(item)
        await asyncio.wrap_future(self._writers.submit(self.store.put, key, body))
        if isinstance(item, Article):
            await self.state.record(known_from(item, key))
            self.count("articles/written")
        else:
            self.count("articles/rejected")
            logger.warning("rejected %s (%s): %s -> %s", item.article.url, item.stage, item.reason, key)
        return item
