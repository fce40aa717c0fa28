"""Run one crawl of several sites in this process and sum up what it did.

Around the crawl: before it, what earlier runs left (items spooled while the store was down, runs whose feed
segment was not committed) is flushed; after it, outside the reactor, the run's feed segment, JSON Feeds and
(last) manifest are committed from the journal the storage pipeline kept (crawler/feed/commit.py).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TextIO

from scrapy.crawler import CrawlerProcess
from scrapy.utils.project import get_project_settings

from crawler.dates import VN_TZ
from crawler.feed.commit import commit_run, flush_spool
from crawler.monitor.metrics import monitor_stats
from crawler.progress import Progress
from crawler.resume import finish_job_dir, site_job_dir
from crawler.routing import replica_settings
from crawler.runs import new_run_id
from crawler.sites import Site, all_sites, get_site
from crawler.spider_loader import spider_class_for
from crawler.spool import WorkDir, default_spool
from crawler.state import bind_store, open_state
from crawler.store import ObjectStore, StoreError, open_store, shared, store_identity
from crawler.store.local import LocalStore

logger = logging.getLogger(__name__)

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
    "spooled": "crawler/spooled",
    "requests": "downloader/request_count",
    "not_modified": "crawler/not_modified",
    "not_modified_feed": "crawler/not_modified/feed",
    "not_modified_sitemap": "crawler/not_modified/sitemap",
    "not_modified_listing": "crawler/not_modified/listing",
    "not_modified_article": "crawler/not_modified/article",
    "sitemaps_unchanged": "crawler/discovery/sitemap_unchanged",
}


@dataclass
class RunResult:
    run_id: str
    store: str
    started_at: str
    finished_at: str = ""
    seconds: float = 0.0
    sites: dict[str, dict[str, Any]] = field(default_factory=dict)
    spool: str = ""
    """The spool folder of this store (items the store refused, runs not yet committed)."""
    flushed: int = 0
    """Items spooled by earlier runs, uploaded before this crawl."""
    feed_segment: int | None = None
    """The sequence of this run's feed segment (None: no article written, or not committed yet)."""
    manifest: str | None = None
    """The key of this run's manifest, once committed."""
    pending: str | None = None
    """Why the run's feed segment and manifest are not in the store yet (`crawler flush` commits them)."""

    @property
    def spooled(self) -> int:
        return self.totals["spooled"]

    @property
    def notes(self) -> list[str]:
        """Lines for the run's summary beyond the table."""
        lines = []
        if self.flushed:
            lines.append(f"flushed: {self.flushed} items spooled by earlier runs are now in the store")
        if self.feed_segment is not None:
            lines.append(f"feed segment {self.feed_segment}, manifest {self.manifest}")
        if self.spooled:
            lines.append(
                f"spooled: {self.spooled} items the store refused are in {self.spool}; "
                "`crawler flush` (or the next run) uploads them"
            )
        if self.pending:
            lines.append(
                f"pending: the feed segment and manifest of this run ({self.pending}); `crawler flush`"
            )
        return lines

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
            "spooled": self.spooled,
            "flushed": self.flushed,
            "feed_segment": self.feed_segment,
            "manifest": self.manifest,
            "pending": self.pending,
        }


def run_crawl(
    site_keys: Sequence[str | Site],
    *,
    store: str,
    state: str | None = None,
    limit: int | None = None,
    recrawl: bool = False,
    replica_url: str | None = None,
    log_level: str = "INFO",
    extra_settings: dict[str, Any] | None = None,
    spool: str | None = None,
    progress: TextIO | None = None,
) -> RunResult:
    """Crawl the sites concurrently in one Scrapy process (the reactor runs once per process), then commit
    the run's feed segment, JSON Feeds and manifest. `spool`: the spool folder (default: `spool/` beside
    the crawl state, so `./data/spool`). `progress`: a terminal to show the crawl's live progress on
    (crawler/progress.py; nothing is written to a stream that is no terminal)."""
    sites = [key if isinstance(key, Site) else get_site(key) for key in site_keys]
    ad_hoc = [site for site in sites if all_sites().get(site.key) is not site]  # `crawl --domain`: generic
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    settings = get_project_settings()
    settings.set("CRAWLER_STORE", store, priority="cmdline")
    settings.set("LOG_LEVEL", log_level, priority="cmdline")
    if state:
        settings.set("CRAWLER_STATE", state, priority="cmdline")
    if replica_url:
        settings.setdict(
            replica_settings(replica_url, extra_hosts=[d for s in ad_hoc for d in s.domains]),
            priority="cmdline",
        )
    settings.setdict(extra_settings or {}, priority="cmdline")
    result = RunResult(
        run_id=new_run_id(), store=store, started_at=datetime.now(VN_TZ).isoformat(timespec="seconds")
    )
    settings.set("CRAWLER_RUN_ID", result.run_id, priority="cmdline")
    spool_root = spool or settings.get("CRAWLER_SPOOL") or str(default_spool(settings.get("CRAWLER_STATE")))
    settings.set("CRAWLER_SPOOL", spool_root, priority="cmdline")
    s3_endpoint = settings.get("CRAWLER_S3_ENDPOINT")
    object_store = open_store(store, s3_endpoint=s3_endpoint)
    if isinstance(object_store, LocalStore) and (swept := object_store.sweep()):
        logger.info("removed %d temporary files that killed runs left in %s", swept, object_store.staging)
    workdir = WorkDir(spool_root, object_store.url)
    result.spool = str(workdir.items)
    state_db = open_state(settings.get("CRAWLER_STATE"))
    # A state belongs to one store: with another, its known articles would be skipped and never written there.
    bind_store(state_db, store_identity(object_store), settings.get("CRAWLER_STATE"))
    flushed = flush_spool(object_store, workdir, state_db)
    result.flushed = flushed.flushed
    if flushed.error:
        logger.warning("the spool of earlier runs could not be flushed yet: %s", flushed.error)
    settings.set("LOG_INSTALL_ROOT_HANDLER", True, priority="cmdline")
    process = CrawlerProcess(settings)
    crawlers = []
    started = time.monotonic()
    live = Progress(progress, len(sites))
    class_for = spider_class_for(settings)
    for site in sites:
        crawler = process.create_crawler(class_for(site) if site in ad_hoc else site.key)
        crawlers.append((site.key, crawler))
        # A job directory per site (crawler/resume.py): a killed crawl resumes from it.
        crawler.settings.set("JOBDIR", str(site_job_dir(workdir.folder, site.key)), priority="cmdline")
        live.watch(site.key, crawler)
        process.crawl(crawler, limit=limit, recrawl=recrawl)
    live.start()
    try:
        with shared(object_store, store, s3_endpoint=s3_endpoint):  # the storage pipelines write through it
            process.start()
    finally:
        live.stop()  # the status line is gone before the summary
    result.seconds = time.monotonic() - started
    result.finished_at = datetime.now(VN_TZ).isoformat(timespec="seconds")
    for key, crawler in crawlers:
        stats = crawler.stats.get_stats() if crawler.stats else {}
        site_result: dict[str, Any] = {name: int(stats.get(stat, 0)) for name, stat in COUNTERS.items()}
        site_result["finish_reason"] = stats.get("finish_reason")
        site_result["errors_by_class"] = {
            k.removeprefix("crawler/errors/"): v for k, v in stats.items() if k.startswith("crawler/errors/")
        }
        site_result["monitor"] = monitor_stats(stats)  # per-field layers and coverage, for the monitors
        result.sites[key] = site_result
    _commit_run(result, object_store, workdir)
    for key, crawler in crawlers:
        finish_job_dir(crawler.settings["JOBDIR"], result.sites[key]["finish_reason"])
    for line in result.notes:
        logger.log(logging.WARNING if result.spooled or result.pending else logging.INFO, "%s", line)
    return result


def _commit_run(result: RunResult, store: ObjectStore, workdir: WorkDir) -> None:
    """The run's feed segment, then its JSON Feeds, then its manifest (`crawler.feed.commit.commit_run`); if
    the store refuses, the batch stays pending for `crawler flush`."""
    meta = {
        "run_id": result.run_id,
        "kind": "crawl",
        "started_at": result.started_at,
        "finished_at": result.finished_at,
        "spooled": result.spooled,
        "stats": result.to_json(),
    }
    try:
        commit = commit_run(store, workdir, result.run_id, meta)
    except StoreError as exc:
        result.pending = str(exc)
    else:
        result.feed_segment = commit.sequence
        result.manifest = commit.manifest
