"""Identity (`crawler.steps.identity`): the canonical URL, the stable id and the content hash of an article,
and its provinces."""

from __future__ import annotations

from typing import Any

from crawler.item import Article
from crawler.sites.model import Site
from crawler.steps.identity import article_site, assign_identity
from pipelines._base import CrawlerPipeline


class IdentityPipeline(CrawlerPipeline):
    def process_item(self, item: Any) -> Any:
        if isinstance(item, Article):
            crawling = getattr(self.crawler.spider, "site", None)  # a site spider's declaration, if any
            assign_identity(item, article_site(item, crawling if isinstance(crawling, Site) else None))
        return item
