"""Distributed mode: one frontier per site in Redis, shared by any number of `crawler worker` processes.

Switched on by `CRAWLER_REDIS_URL` (or `--redis URL`); without it everything runs in one process as before.
`frontier.py` holds the Redis layout and its scripts, `scheduler.py` Scrapy's scheduler on it,
`middlewares.py` lease acknowledgement and the shared per-portal rate limit, `bloom.py` the bounded set of
pages seen, `backfill.py` the archive seeds, `control.py` the frontier seen from outside, `commands.py`
the `worker` and `backfill` commands. docs/distributed.md explains the design.
"""

from __future__ import annotations

from typing import Any

DEFAULT_REDIS_ENV = "CRAWLER_REDIS_URL"


def distributed_settings(
    redis_url: str,
    *,
    base: Any = None,
    namespace: str | None = None,
    concurrency: int | None = None,
    domain_rate: float | None = None,
    lease_seconds: float | None = None,
) -> dict[str, Any]:
    """The Scrapy settings of a worker: the Redis scheduler and the middlewares, merged into the project's
    middleware dicts (`base`: the project settings; default `get_project_settings()`).

    `concurrency`: requests at once per site and worker (each worker's crawler of a site holds no more
    leases than that, plus a small prefetch, so the rest of the frontier stays for other workers)."""
    if base is None:
        from scrapy.utils.project import get_project_settings

        base = get_project_settings()
    downloader = dict(base.getdict("DOWNLOADER_MIDDLEWARES"))
    downloader["crawler.distributed.middlewares.LeaseAckDownloaderMiddleware"] = 1
    downloader["crawler.distributed.middlewares.SharedRateLimitMiddleware"] = 960
    spider = dict(base.getdict("SPIDER_MIDDLEWARES"))
    spider["crawler.distributed.middlewares.LeaseAckSpiderMiddleware"] = 1
    spider["crawler.distributed.middlewares.FrontierStartMiddleware"] = 2
    settings: dict[str, Any] = {
        "CRAWLER_REDIS_URL": redis_url,
        "SCHEDULER": "crawler.distributed.scheduler.RedisScheduler",
        "DOWNLOADER_MIDDLEWARES": downloader,
        "SPIDER_MIDDLEWARES": spider,
    }
    if namespace:
        settings["CRAWLER_REDIS_NAMESPACE"] = namespace
    if concurrency:
        settings["CONCURRENT_REQUESTS"] = concurrency
        settings["CONCURRENT_REQUESTS_PER_DOMAIN"] = concurrency
    if domain_rate:
        settings["CRAWLER_DOMAIN_RATE"] = domain_rate
        settings["CRAWLER_DOMAIN_BURST"] = max(1.0, domain_rate)
    if lease_seconds:
        settings["CRAWLER_REDIS_LEASE_SECONDS"] = lease_seconds
    return settings


def local_backfill_settings(start: str, end: str | None) -> dict[str, Any]:
    """The settings of a backfill in this process (no Redis): `start()` replaced by the archive seeds."""
    from scrapy.utils.project import get_project_settings

    spider = dict(get_project_settings().getdict("SPIDER_MIDDLEWARES"))
    spider["crawler.distributed.middlewares.FrontierStartMiddleware"] = 2
    return {"CRAWLER_BACKFILL": {"from": start, "to": end or ""}, "SPIDER_MIDDLEWARES": spider}
