"""Storage: articles to `articles/…`, refused items to `rejects/…`, off the reactor thread."""

from __future__ import annotations

import hashlib
import json
import logging
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from crawler.item import Article, Rejected
from crawler.store import ObjectStore, open_store
from crawler.store.layout import article_key, reject_key
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
        return article_key(item.site, item.published_at, item.id), encode(item.to_json())
    reject_id = hashlib.sha256(item.article.url.encode("utf-8")).hexdigest()[:20]
    return reject_key(item.article.site, item.article.fetched_at, reject_id), encode(item.to_json())


class StoragePipeline(CrawlerPipeline):
    """Writes through the `CRAWLER_STORE` store (a `file://` folder by default)."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        url = crawler.settings.get("CRAWLER_STORE")
        if not url:
            raise NotConfigured("CRAWLER_STORE is not set")
        self.store: ObjectStore = open_store(url)

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article | Rejected):
            return item
        key, body = key_and_body(item)
        await maybe_deferred_to_future(deferToThread(self.store.put, key, body))
        if isinstance(item, Article):
            self.count("articles/written")
        else:
            self.count("articles/rejected")
            logger.warning("rejected %s (%s): %s -> %s", item.article.url, item.stage, item.reason, key)
        return item
