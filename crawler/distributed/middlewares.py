"""The middlewares of distributed mode: who seeds, when a lease is acknowledged, and politeness across workers.

- `FrontierStartMiddleware` (spider): in distributed mode a worker does not run the spider's `start()`; the
  frontier is seeded by `crawler backfill` or `crawler worker --seed`. With `CRAWLER_BACKFILL` set (a local
  backfill), it replaces `start()` with the archive's entry points.
- `LeaseAckSpiderMiddleware` and `LeaseAckDownloaderMiddleware`: a leased request is acknowledged when its
  callback's output is exhausted (child requests already queued before the acknowledgement) and every item
  it yielded has left the pipelines (`item_scraped`, `item_dropped` or `item_error`); or when its download
  fails for good (the errback of `SiteSpider` yields nothing).
- `SharedRateLimitMiddleware` (downloader): a token bucket per portal host in Redis, so N workers together
  keep to `CRAWLER_DOMAIN_RATE` requests a second on a portal.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import redis.asyncio as aioredis
from scrapy import Request, signals
from scrapy.exceptions import NotConfigured
from twisted.python.failure import Failure

from crawler.distributed.frontier import LEASE_META
from crawler.distributed.scheduler import scheduler_of

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)


class FrontierStartMiddleware:
    """Workers do not seed; a local backfill seeds the archive instead of the nightly entry points."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.backfill: dict[str, str] | None = crawler.settings.getdict("CRAWLER_BACKFILL") or None
        self.worker = bool(crawler.settings.get("CRAWLER_REDIS_URL"))
        if not self.backfill and not self.worker:
            raise NotConfigured

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FrontierStartMiddleware:
        return cls(crawler)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        if self.worker:
            return
        from crawler.distributed.backfill import archive_seeds

        spider = self.crawler.spider
        assert spider is not None and self.backfill is not None
        to = self.backfill.get("to")
        for seed in archive_seeds(
            spider.site,  # type: ignore[attr-defined]
            date.fromisoformat(self.backfill["from"]),
            date.fromisoformat(to) if to else None,
        ):
            yield Request(
                seed.url,
                callback=getattr(spider, seed.callback),
                errback=getattr(spider, "on_error", None),
                meta=dict(seed.meta),
            )
        if False:  # pragma: no cover - makes this an async generator that never reads `start`
            yield start


class LeaseAckSpiderMiddleware:
    """Acknowledges a leased request once its callback's output and items are all handled."""

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.get("CRAWLER_REDIS_URL"):
            raise NotConfigured
        self.crawler = crawler
        self._items: dict[str, int] = {}
        self._done: set[str] = set()
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(self._item_left, signal=signal)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LeaseAckSpiderMiddleware:
        return cls(crawler)

    def process_spider_output(self, response: Response, result: Iterable[Any]) -> Iterable[Any]:
        lease = _lease(response)
        try:
            for output in result:
                self._count(lease, output)
                yield output
        finally:
            self._output_done(lease)

    async def process_spider_output_async(
        self, response: Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        lease = _lease(response)
        try:
            async for output in result:
                self._count(lease, output)
                yield output
        finally:
            self._output_done(lease)

    def process_spider_exception(self, response: Response, exception: BaseException) -> None:
        self._output_done(_lease(response))

    def _count(self, lease: str | None, output: Any) -> None:
        if lease is not None and not isinstance(output, Request):
            self._items[lease] = self._items.get(lease, 0) + 1

    def _output_done(self, lease: str | None) -> None:
        if lease is None:
            return
        self._done.add(lease)
        self._maybe_ack(lease)

    def _item_left(self, response: Response | Failure | None = None, **_: Any) -> None:
        lease = _lease(response)
        if lease is None or lease not in self._items:
            return
        self._items[lease] -= 1
        self._maybe_ack(lease)

    def _maybe_ack(self, lease: str) -> None:
        if lease in self._done and self._items.get(lease, 0) <= 0:
            self._done.discard(lease)
            self._items.pop(lease, None)
            scheduler = scheduler_of(self.crawler)
            if scheduler is not None:
                scheduler.ack(lease)


class LeaseAckDownloaderMiddleware:
    """Acknowledges a leased request whose download failed for good (after retries, robots.txt, offsite).

    Placed first (lowest order), its `process_exception` runs last: when the retry middleware re-queues a
    request instead, this one is not reached and the retry's push acknowledges the old lease.
    """

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.get("CRAWLER_REDIS_URL"):
            raise NotConfigured
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LeaseAckDownloaderMiddleware:
        return cls(crawler)

    def process_exception(self, request: Request, exception: BaseException) -> None:
        lease = request.meta.get(LEASE_META)
        scheduler = scheduler_of(self.crawler)
        if lease is not None and scheduler is not None:
            scheduler.ack(str(lease))


# KEYS: the host's bucket; ARGV: rate (tokens a second), burst. Takes one token, going into debt if need be
# (a reservation); returns the seconds to wait before using it, as a string (Lua numbers become integers).
TOKEN_BUCKET = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1e6
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local b = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(b[1]) or burst
local ts = tonumber(b[2]) or now
tokens = math.min(burst, tokens + (now - ts) * rate) - 1
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('EXPIRE', KEYS[1], 3600)
if tokens >= 0 then return '0' end
return tostring(-tokens / rate)
"""


class SharedRateLimitMiddleware:
    """At most `CRAWLER_DOMAIN_RATE` requests a second per portal host over every worker (burst
    `CRAWLER_DOMAIN_BURST`), kept in Redis; Scrapy's per-worker delays and concurrency still apply."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.url = settings.get("CRAWLER_REDIS_URL")
        self.rate = settings.getfloat("CRAWLER_DOMAIN_RATE", 0.0)
        if not self.url or self.rate <= 0:
            raise NotConfigured
        self.burst = max(1.0, settings.getfloat("CRAWLER_DOMAIN_BURST", 1.0))
        self.namespace = settings.get("CRAWLER_REDIS_NAMESPACE") or "vnc"
        self.stats = crawler.stats
        self._redis: aioredis.Redis | None = None
        self._script: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SharedRateLimitMiddleware:
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        if self._redis is None:
            self._redis = aioredis.Redis.from_url(self.url)
            self._script = self._redis.register_script(TOKEN_BUCKET)
        host = (urlsplit(request.url).hostname or "").removeprefix("www.")
        wait = float(await self._script(keys=[f"{self.namespace}:rate:{host}"], args=[self.rate, self.burst]))
        if wait > 0:
            self.stats.inc_value("frontier/rate_limited")
            await asyncio.sleep(wait)


def _lease(response: Response | Failure | None) -> str | None:
    if response is None or isinstance(response, Failure):
        return None
    try:
        lease = response.meta.get(LEASE_META)
    except AttributeError:  # a response with no request
        return None
    return str(lease) if lease is not None else None
