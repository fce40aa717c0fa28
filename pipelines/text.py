"""Text normalization (`crawler.steps.normalize`): every string of the article in NFC with clean whitespace."""

from __future__ import annotations

from typing import Any

from crawler.item import Article
from crawler.steps.normalize import normalize_article
from pipelines._base import CrawlerPipeline


class TextPipeline(CrawlerPipeline):
    def process_item(self, item: Any) -> Any:
        if isinstance(item, Article):
            normalize_article(item)
        return item
