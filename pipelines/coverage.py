"""Coverage: per field, which extraction layer filled it (or none), counted into the crawl's stats.

For each article that got a date: `crawler/fields/<field>/<layer>` (structured, site, family, generic,
or missing), `crawler/quality/<field>` where the field is covered as the monitors define it (a title, a date
from the page, an author, a body of at least CRAWLER_MIN_BODY_WORDS words, an image), `crawler/fields/items`,
and up to CRAWLER_COVERAGE_SAMPLES URLs per field that fell to the generic layer (or was missing) in
`crawler/fields/samples`. Per field the site's declaration covers, what became of its declared selector
(`Article.declared`): `crawler/declared/<field>/<outcome>` (agreed, missed, overruled), with sample URLs as
`declared/<field>` for a missed or overruled one, and `crawler/declaration_mismatch` where the declared body
lost to another candidate. The monitors (`crawler/monitor/`) read these after the run. Counting only; it
sits after the dates (the date source counts) and before dedupe (unchanged articles count too); rejected
items pass through untouched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from crawler.item import Article
from crawler.monitor.metrics import (
    DECLARATION_MISMATCH_KEY,
    DECLARED_PREFIX,
    ITEMS_KEY,
    SAMPLES_KEY,
    covered,
    declared_wrong,
    field_layers,
)
from pipelines._base import CrawlerPipeline

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


class CoveragePipeline(CrawlerPipeline):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.min_body_words: int = crawler.settings.getint("CRAWLER_MIN_BODY_WORDS", 50)
        self.max_samples: int = crawler.settings.getint("CRAWLER_COVERAGE_SAMPLES", 5)
        self.samples: dict[str, list[str]] = {}

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        self.stats.inc_value(ITEMS_KEY)
        for name, layer in field_layers(item).items():
            self.stats.inc_value(f"crawler/fields/{name}/{layer}")
            if layer == "generic":
                self._sample(name, item.url)
        for name, ok in covered(item, self.min_body_words).items():
            if ok:
                self.stats.inc_value(f"crawler/quality/{name}")
            else:
                self._sample(f"{name}/missing", item.url)
        for name, outcome in item.declared.items():
            self.stats.inc_value(f"{DECLARED_PREFIX}{name}/{outcome}")
            if declared_wrong(outcome):
                self._sample(f"declared/{name}", item.url)
        if item.declared.get("body_text") == "overruled":
            self.stats.inc_value(DECLARATION_MISMATCH_KEY)
        return item

    def _sample(self, key: str, url: str) -> None:
        urls = self.samples.setdefault(key, [])
        if len(urls) < self.max_samples:
            urls.append(url)
            self.stats.set_value(SAMPLES_KEY, {k: list(v) for k, v in self.samples.items()})


__all__ = ["CoveragePipeline"]
