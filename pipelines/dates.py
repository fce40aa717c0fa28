"""Dates (`crawler.steps.dates`): `published_at` and `modified_at` chosen among every candidate; an article
nothing dates goes to the rejects area."""

from __future__ import annotations

from typing import Any

from crawler.item import Article, Rejected
from crawler.steps.dates import assign_dates
from pipelines._base import CrawlerPipeline


class DatesPipeline(CrawlerPipeline):
    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        result = assign_dates(item)
        if isinstance(result, Rejected):
            self.count("rejects/dates")
        else:
            self.count(f"dates/{result.date_source}")
        return result
