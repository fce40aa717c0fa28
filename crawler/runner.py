"""Run one crawl of several sites in this process and sum up what it did."""

from __future__ import annotations

import os
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.utils.project import get_project_settings

from crawler.dates import VN_TZ
from crawler.routing import replica_settings
from crawler.sites import get_site

COUNTERS = {
    "pages_fetched": "downloader/response_count",
    "feed_pages": "crawler/pages/feed",
    "sitemap_pages": "crawler/pages/sitemap",
    "listing_pages": "crawler/pages/listing",
    "article_pages": "crawler/pages/article",
    "articles_written": "crawler/articles/written",
    "articles_new": "crawler/articles/new",
    "articles_updated": "crawler/articles/updated",
    "articles_unchanged": "crawler/articles/unchanged",
    "articles_not_modified": "crawler/articles/not_modified",
    "articles_known_skipped": "crawler/articles/known_skipped",
    "near_duplicates": "crawler/articles/near_duplicate",
    "rejects": "crawler/articles/rejected",
    "duplicates": "crawler/articles/duplicate",
    "errors": "crawler/errors",
}


@dataclass
class RunResult:
    run_id: str
    store: str
    started_at: str
    finished_at: str = ""
    seconds: float = 0.0
    sites: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def totals(self) -> dict[str, int]:
        return {name: sum(int(s.get(name, 0)) for s in self.sites.values()) for name in COUNTERS}

    def to_json(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "store": self.store,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "seconds": round(self.seconds, 3),
            "totals": self.totals,
            "sites": self.sites,
        }


def new_run_id() -> str:
    return datetime.now(VN_TZ).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]


def run_crawl(
    site_keys: list[str],
    *,
    store: str,
    state: str | None = None,
    limit: int | None = None,
    recrawl: bool = False,
    replica_url: str | None = None,
    log_level: str = "INFO",
    extra_settings: dict[str, Any] | None = None,
) -> RunResult:
    """Crawl the sites concurrently in one Scrapy process (the reactor runs once per process)."""
    sites = [get_site(key) for key in site_keys]
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    settings = get_project_settings()
    settings.set("CRAWLER_STORE", store, priority="cmdline")
    settings.set("LOG_LEVEL", log_level, priority="cmdline")
    if state:
        settings.set("CRAWLER_STATE", state, priority="cmdline")
    if replica_url:
        settings.setdict(replica_settings(replica_url), priority="cmdline")
    settings.setdict(extra_settings or {}, priority="cmdline")
    result = RunResult(
        run_id=new_run_id(), store=store, started_at=datetime.now(VN_TZ).isoformat(timespec="seconds")
    )
    settings.set("LOG_INSTALL_ROOT_HANDLER", True, priority="cmdline")
    process = CrawlerProcess(settings)
    crawlers = []
    started = time.monotonic()
    for site in sites:
        crawler = process.create_crawler(site.key)
        crawlers.append((site.key, crawler))
        process.crawl(crawler, limit=limit, recrawl=recrawl)
    process.start()
    result.seconds = time.monotonic() - started
    result.finished_at = datetime.now(VN_TZ).isoformat(timespec="seconds")
    for key, crawler in crawlers:
        stats = crawler.stats.get_stats() if crawler.stats else {}
        site_result: dict[str, Any] = {name: int(stats.get(stat, 0)) for name, stat in COUNTERS.items()}
        site_result["finish_reason"] = stats.get("finish_reason")
        site_result["errors_by_class"] = {
            k.removeprefix("crawler/errors/"): v for k, v in stats.items() if k.startswith("crawler/errors/")
        }
        result.sites[key] = site_result
    return result
