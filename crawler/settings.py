"""Scrapy settings of the crawler. The CLI overrides the `CRAWLER_*` ones from its options."""

from __future__ import annotations

from crawler.options import DEFAULT_STATE as _DEFAULT_STATE
from crawler.options import DEFAULT_STORE as _DEFAULT_STORE

BOT_NAME = "vn-news-crawler"
SPIDER_LOADER_CLASS = "crawler.spider_loader.SiteSpiderLoader"
# The spider class of a site, by name as Scrapy names every component: the crawler package never imports
# `spiders/` (tests/test_layers.py); the spider loader and the runner (an ad-hoc site) load it from here.
CRAWLER_SPIDER_CLASS_FOR = "spiders.site_spider.spider_class_for"

# Who we are, and manners: robots.txt, an adaptive per-portal rate, few parallel requests per portal.
USER_AGENT = (
    "vn-news-crawler/0.1 (+https://github.com/vn-news-crawler; archive of Vietnamese provincial news)"
)
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
CONCURRENT_REQUESTS = 32
# Items of one response processed at once: Scrapy starts this many worker tasks for every callback's output
# (the default 100 costs 80,000 asyncio tasks on the demo), and our pipelines do not wait on the network.
CONCURRENT_ITEMS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.5
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
RETRY_TIMES = 3
DEPTH_LIMIT = 4
# Per-site limits (pages, depth, response size, run time) come from each Site's `limits` (its spider class's
# custom settings); the values above are the defaults for spiders without a site.

# Faults and hostile input (docs/faults.md): retries wait (Retry-After, else backoff with jitter), every request
# (redirects too) stays on the site's hosts and off private addresses, HTML encodings are decided from the bytes, and the job directory
# (per site, set by the runner) survives SIGKILL.
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
CRAWLER_RETRY_BACKOFF_BASE = 1.0
CRAWLER_RETRY_BACKOFF_MAX = 60.0
CRAWLER_RETRY_AFTER_MAX = 300.0
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.retry.BackoffRetryMiddleware": 550,
    # Every request: the site's own hosts, public addresses only; before robots.txt is fetched for a host (100).
    "crawler.middlewares.targets.RequestGuardMiddleware": 60,
    "crawler.middlewares.content.ContentTypeMiddleware": 587,
    "crawler.middlewares.charset.CharsetMiddleware": 585,
    "crawler.middlewares.redirects.RedirectLoopMiddleware": 610,
}
SPIDER_MIDDLEWARES = {"crawler.middlewares.errors.FailureCountMiddleware": 50}
SCHEDULER = "crawler.resume.ResumableScheduler"
DUPEFILTER_CLASS = "crawler.resume.DoneDupeFilter"
# What a crawl remembers lives in the crawl state (crawler/state), not in Scrapy's pickled `spider.state`, a
# name our spiders leave alone (theirs is `crawl_state`); the job directory keeps only the queue and fingerprints.
EXTENSIONS = {"scrapy.extensions.spiderstate.SpiderState": None}
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False  # Scrapy's remote-control server: nothing in a crawl should listen on a port

ITEM_PIPELINES = {
    "pipelines.text.TextPipeline": 100,
    "pipelines.dates.DatesPipeline": 200,
    "pipelines.coverage.CoveragePipeline": 250,  # counts only; before dedupe so unchanged articles count too
    "pipelines.identity.IdentityPipeline": 300,
    "pipelines.dedupe.DedupePipeline": 400,
    "pipelines.validation.ValidationPipeline": 500,
    "pipelines.storage.StoragePipeline": 900,
}

# Where articles go: a local folder by default, any store URL `crawler.store.open_store` knows.
CRAWLER_STORE = _DEFAULT_STORE
# The S3 endpoint for an s3:// store (MinIO, Ceph, R2); unset: AWS_ENDPOINT_URL, else AWS itself.
CRAWLER_S3_ENDPOINT = None
# Store writes run on a pool of their own, this size, never on the reactor thread.
CRAWLER_STORE_THREADS = 16

# When set (by `crawler demo`, the tests, or `scrapy crawl KEY -s CRAWLER_REPLICA_URL=http://127.0.0.1:8765`),
# every registered portal host is served by this replica; the handler passes everything else through.
CRAWLER_REPLICA_URL = None
# Hosts the replica also serves that no portal module declares (generic discovery; `crawl --domain` sets it).
CRAWLER_REPLICA_HOSTS: list[str] = []
DOWNLOAD_HANDLERS = {
    "http": "crawler.routing.ReplicaRoutingHandler",
    "https": "crawler.routing.ReplicaRoutingHandler",
}

LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"

# What the crawler knows of every article (hashes, versions, HTTP validators): SQLite by default.
CRAWLER_STATE = _DEFAULT_STATE
