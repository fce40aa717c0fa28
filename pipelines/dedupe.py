"""Dedupe and versions: each article once per run, unchanged articles not written again, edits as versions.

Per canonical URL the crawl state holds the content hash of the last stored version. The same hash again
writes nothing; a different one becomes version N+1 with `previous_hash`. Near-duplicates across sites (wire
copy, moved stories, a merged paper's legacy domain) are not dropped: they get the `cluster_id` of the first
article of their story and `duplicate_of`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import DropItem

from crawler.item import Article
from crawler.state import StateBackend, open_state
from pipelines._base import CrawlerPipeline

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class DuplicateArticle(DropItem):
    """An article this run has already handled (counted, not an error)."""


class UnchangedArticle(DropItem):
    """An article whose content the store already holds (counted, not an error)."""


class DedupePipeline(CrawlerPipeline):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.state: StateBackend = open_state(crawler.settings.get("CRAWLER_STATE"))
        self._seen: dict[str, str] = {}

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        first_url = self._seen.get(item.id)
        if first_url is not None:
            self.count("articles/duplicate")
            raise DuplicateArticle(
                f"{item.id} already handled this run (from {first_url})", log_level="DEBUG"
            )
        self._seen[item.id] = item.url
        known = (await self.state.lookup([item.canonical_url])).get(item.canonical_url)
        if known is not None and known.content_hash == item.content_hash:
            await self.state.touch(item.canonical_url, item.fetched_at)
            self.count("articles/unchanged")
            raise UnchangedArticle(f"{item.id} unchanged since version {known.version}", log_level="DEBUG")
        if known is not None:
            item.version = known.version + 1
            item.previous_hash = known.content_hash
            item.first_version_key = known.object_key
            self.count("articles/updated")
        else:
            self.count("articles/new")
        # Lead and body together: the text the near-duplicate threshold was measured on.
        text = "\n\n".join(part for part in (item.lead, item.body_text) if part)
        match = await self.state.near_duplicate(item.id, text)
        item.cluster_id = match.cluster_id if match else item.id
        item.duplicate_of = match.duplicate_of if match else None
        if match:
            self.count("articles/near_duplicate")
        return item
