"""Dedupe: one article once per run, however many URLs and entry points led to it."""

from __future__ import annotations

import logging
from typing import Any

from scrapy.exceptions import DropItem

from crawler.item import Article
from pipelines._base import CrawlerPipeline

logger = logging.getLogger(__name__)


class DuplicateArticle(DropItem):
    """An article this run has already handled (counted, not an error)."""


class DedupePipeline(CrawlerPipeline):
    def open_spider(self) -> None:
        self._seen: dict[str, str] = {}

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        first_url = self._seen.get(item.id)
        if first_url is not None:
            self.count("articles/duplicate")
            raise DuplicateArticle(
                f"{item.id} already handled this run (from {first_url})", log_level="DEBUG"
            )
        self._seen[item.id] = item.url
        return item
