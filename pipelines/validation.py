"""Validation (`crawler.steps.validation`): every article against the published JSON Schema; a failing one
goes to the rejects area."""

from __future__ import annotations

from typing import Any

from crawler.item import Article, Rejected
from crawler.steps.validation import validate_article
from pipelines._base import CrawlerPipeline


class ValidationPipeline(CrawlerPipeline):
    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        result = validate_article(item)
        if isinstance(result, Rejected):
            self.count("rejects/validation")
        return result
