"""What every pipeline shares: built from the crawler, and Rejected items pass through untouched."""

from __future__ import annotations

from typing import TYPE_CHECKING, Self

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector


class CrawlerPipeline:
    """Base for pipelines that need the crawler's settings and stats."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats: StatsCollector = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def count(self, key: str, by: int = 1) -> None:
        self.stats.inc_value(f"crawler/{key}", by)
