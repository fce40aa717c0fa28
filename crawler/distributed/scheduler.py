"""Scrapy's scheduler on the shared Redis frontier, without a blocking call on the reactor.

Scrapy asks a scheduler synchronously (`enqueue_request`, `next_request`); Redis answers over the network.
So this scheduler keeps two small local buffers and talks to Redis from asyncio tasks on the reactor's loop
(redis-py's asyncio client):

- an **outbox** of operations, executed in order by one writer task: pushes of new requests (deduplicated in
  Redis, see `frontier.py`), then acknowledgements. Because a response's child requests are queued before its
  acknowledgement, a request leaves the frontier only after what it discovered is in it.
- an **inbox** of leased requests, refilled a few at a time (`CRAWLER_REDIS_PREFETCH`), so a worker holds
  little more than it is downloading and a worker joining late finds work.

A lease is renewed while the worker holds it and acknowledged (`ack`) by the middlewares in
`crawler.distributed.middlewares` once the response is fully handled. When the engine finds the spider idle,
the scheduler keeps it open (`DontCloseSpider`) until the site's frontier is sealed, empty and has nothing in
flight on any worker; then the crawl of this site ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import weakref
from collections import deque
from typing import TYPE_CHECKING, Any

import redis.asyncio as aioredis
from scrapy import Request, Spider, signals
from scrapy.core.scheduler import BaseScheduler
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy.utils.defer import deferred_from_coro

from crawler.distributed.bloom import BloomSpec
from crawler.distributed.frontier import (
    ACK,
    DEFAULT_BLOOM_CAPACITY,
    DEFAULT_BLOOM_ERROR,
    DEFAULT_LEASE_SECONDS,
    DEFAULT_NAMESPACE,
    LEASE,
    LEASE_META,
    PUSH,
    RELEASE,
    RENEW,
    RUN_TTL,
    SiteKeys,
    decode_request,
    encode_request,
    push_args,
    sites_key,
)
from crawler.urls import canonicalize

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from twisted.internet.defer import Deferred

logger = logging.getLogger(__name__)

_SCHEDULERS: weakref.WeakKeyDictionary[Crawler, RedisScheduler] = weakref.WeakKeyDictionary()


def scheduler_of(crawler: Crawler) -> RedisScheduler | None:
    """The Redis scheduler of this crawler, if it runs one."""
    return _SCHEDULERS.get(crawler)


def state_hash_key(namespace: str) -> str:
    """The hash of the Redis crawl state (`crawler.state.redis_state`), which acknowledgements consult."""
    return f"{namespace}:state:articles"


class RedisScheduler(BaseScheduler):
    """The frontier of `spider.name` in Redis (`CRAWLER_REDIS_URL`), shared by every worker."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        url = settings.get("CRAWLER_REDIS_URL")
        if not url:
            raise NotConfigured("CRAWLER_REDIS_URL is not set: the Redis scheduler needs it")
        self.crawler = crawler
        self.url: str = url
        self.namespace: str = settings.get("CRAWLER_REDIS_NAMESPACE") or DEFAULT_NAMESPACE
        self.lease_seconds = settings.getfloat("CRAWLER_REDIS_LEASE_SECONDS", DEFAULT_LEASE_SECONDS)
        self.prefetch = max(1, settings.getint("CRAWLER_REDIS_PREFETCH", 1))
        self.poll_seconds = settings.getfloat("CRAWLER_REDIS_POLL_SECONDS", 0.25)
        self.bloom = BloomSpec.for_capacity(
            settings.getint("CRAWLER_BLOOM_CAPACITY", DEFAULT_BLOOM_CAPACITY),
            settings.getfloat("CRAWLER_BLOOM_ERROR", DEFAULT_BLOOM_ERROR),
        )
        self.stats = crawler.stats
        self._redis: aioredis.Redis | None = None
        self._scripts: dict[str, Any] = {}
        self._keys: SiteKeys | None = None
        self._spider: Spider | None = None
        self._recrawl = False
        self._inbox: deque[tuple[str, bytes]] = deque()
        self._ops: deque[tuple[str, list[str], list[Any]]] = deque()
        self._ops_ready = asyncio.Event()
        self._pending_ops = 0
        self._held: dict[str, str] = {}
        """Lease id → canonical URL for an article ('' for other pages), for the leases this worker holds."""
        self._refilling = False
        self._remote_work = True
        self._checking = False
        self._finished = False
        self._tasks: list[asyncio.Task[None]] = []
        self.state_hash = state_hash_key(self.namespace)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisScheduler:
        scheduler = cls(crawler)
        _SCHEDULERS[crawler] = scheduler
        return scheduler

    @property
    def keys(self) -> SiteKeys:
        if self._keys is None:
            raise RuntimeError("the Redis scheduler is not open")
        return self._keys

    @property
    def redis(self) -> aioredis.Redis:
        if self._redis is None:
            raise RuntimeError("the Redis scheduler is not open")
        return self._redis

    # -- life cycle --------------------------------------------------------------------------------------

    def open(self, spider: Spider) -> Deferred[None]:
        return deferred_from_coro(self._open(spider))

    async def _open(self, spider: Spider) -> None:
        self._spider = spider
        self._recrawl = bool(getattr(spider, "recrawl", False))
        self._redis = aioredis.Redis.from_url(self.url)
        for name, source in (
            ("push", PUSH),
            ("lease", LEASE),
            ("ack", ACK),
            ("renew", RENEW),
            ("release", RELEASE),
        ):
            self._scripts[name] = self._redis.register_script(source)
        self._keys = SiteKeys.of(self.namespace, spider.name)
        await self._redis.sadd(sites_key(self.namespace), spider.name)
        self.crawler.signals.connect(self._on_idle, signal=signals.spider_idle)
        loop = asyncio.get_running_loop()
        self._tasks = [loop.create_task(self._writer()), loop.create_task(self._heartbeat())]
        logger.info("%s: frontier %s in Redis at %s", spider.name, self.keys.queue, _safe_url(self.url))

    def close(self, reason: str) -> Deferred[None]:
        return deferred_from_coro(self._close(reason))

    async def _close(self, reason: str) -> None:
        await self._drain()
        held = list(self._held) + [lease for lease, _ in self._inbox]
        if held:  # shutting down early: what we hold goes back to the queue now, not when the lease expires
            await self._scripts["release"](keys=[self.keys.inflight, self.keys.queue], args=held)
        self._held.clear()
        self._inbox.clear()
        if self._finished:
            pipe = self.redis.pipeline(transaction=False)
            for key in self.keys.all():
                pipe.expire(key, RUN_TTL)
            await pipe.execute()
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await self.redis.aclose()

    # -- what Scrapy asks --------------------------------------------------------------------------------

    def has_pending_requests(self) -> bool:
        return bool(self._inbox) or self._pending_ops > 0 or self._refilling or self._remote_work

    def enqueue_request(self, request: Request) -> bool:
        lease = request.meta.pop(LEASE_META, None)  # a retry or redirect of a leased request
        kind, canonical = self._kind(request)
        if lease is not None and request.dont_filter:
            # A retry: its URL is still in flight under the old lease, so it must not count as seen.
            kind = "f"
        fingerprint = self.crawler.request_fingerprinter.fingerprint(request)
        args = push_args(encode_request(request), request.priority, kind, canonical, self.bloom, fingerprint)
        self._op("push", self.keys.push_keys(self.state_hash), args)
        if lease is not None:
            # After the push, so the frontier never loses the request in between; the article stays marked
            # as queued until the new request is acknowledged.
            self.ack(str(lease), keep_article=True)
        return True

    def next_request(self) -> Request | None:
        if self._remote_work and len(self._inbox) <= self.prefetch // 2:
            self._refill_soon()
        if not self._inbox:
            return None
        lease, payload = self._inbox.popleft()
        assert self._spider is not None
        request = decode_request(payload, self._spider)
        request.meta[LEASE_META] = lease
        self._held[lease] = self._article_key(request)
        self.stats.inc_value("frontier/leased")
        return request

    def __len__(self) -> int:
        return len(self._inbox)

    # -- acknowledgements (called by the middlewares) ----------------------------------------------------

    def ack(self, lease: str, *, keep_article: bool = False) -> None:
        """The leased request is fully handled: it leaves the frontier (after the pushes queued before)."""
        canonical = self._held.pop(lease, None)
        if canonical is None:
            return
        self._op("ack", self.keys.ack_keys(self.state_hash), [lease, "" if keep_article else canonical])
        self.stats.inc_value("frontier/acked")

    def holds(self, lease: str) -> bool:
        return lease in self._held

    # -- internals ---------------------------------------------------------------------------------------

    def _kind(self, request: Request) -> tuple[str, str]:
        """'a' article (exact, and not if the state holds it), 'c' conditional article (exact), 'p' page
        (Bloom), 'f' forced (`dont_filter`)."""
        if request.meta.get("page_kind") == "article":
            conditional = (
                self._recrawl
                or b"If-None-Match" in request.headers
                or b"If-Modified-Since" in request.headers
            )
            return ("c" if conditional else "a"), canonicalize(request.url)
        if request.dont_filter:
            return "f", ""
        return "p", ""

    @staticmethod
    def _article_key(request: Request) -> str:
        return canonicalize(request.url) if request.meta.get("page_kind") == "article" else ""

    def _op(self, name: str, keys: list[str], args: list[Any]) -> None:
        self._pending_ops += 1
        self._ops.append((name, keys, args))
        self._ops_ready.set()

    async def _writer(self) -> None:
        """Runs the outbox in order, in batches of one pipeline round trip."""
        while True:
            if not self._ops:
                self._ops_ready.clear()
                await self._ops_ready.wait()
                continue
            batch = [self._ops.popleft() for _ in range(min(500, len(self._ops)))]
            try:
                pipe = self.redis.pipeline(transaction=False)
                for name, keys, args in batch:
                    await self._scripts[name](keys=keys, args=args, client=pipe)
                results = await pipe.execute()
            except Exception:
                logger.exception("frontier write failed; retrying in 1 s")
                self._ops.extendleft(reversed(batch))  # keep the order: the batch goes back in front
                await asyncio.sleep(1.0)
                continue
            pushed = sum(1 for (name, _, _), r in zip(batch, results, strict=True) if name == "push" and r)
            dropped = sum(
                1 for (name, _, _), r in zip(batch, results, strict=True) if name == "push" and not r
            )
            if pushed:
                self.stats.inc_value("frontier/pushed", pushed)
                self._remote_work = True
            if dropped:
                self.stats.inc_value("frontier/duplicates", dropped)
            self._pending_ops -= len(batch)
            if pushed:
                self._refill_soon()
            self._wake()

    async def _drain(self) -> None:
        while self._pending_ops > 0:
            await asyncio.sleep(0.01)

    async def _heartbeat(self) -> None:
        """Renews the leases this worker holds, three times per lease period."""
        while True:
            await asyncio.sleep(self.lease_seconds / 3)
            held = list(self._held) + [lease for lease, _ in self._inbox]
            if held:
                try:
                    await self._scripts["renew"](keys=[self.keys.inflight], args=[self.lease_seconds, *held])
                except Exception:
                    logger.exception("could not renew %d leases", len(held))

    def _refill_soon(self) -> None:
        if self._refilling or self._redis is None:
            return
        self._refilling = True
        asyncio.get_running_loop().create_task(self._refill())

    async def _refill(self) -> None:
        try:
            want = self.prefetch - len(self._inbox)
            if want <= 0:
                return
            result = await self._scripts["lease"](
                keys=self.keys.lease_keys(), args=[want, self.lease_seconds, 100]
            )
            for i in range(0, len(result), 2):
                self._inbox.append((result[i].decode(), result[i + 1]))
            self._remote_work = bool(result)
        except Exception:
            logger.exception("could not lease from the frontier")
        finally:
            self._refilling = False
            self._wake()

    def _wake(self) -> None:
        """Ask the engine to pull requests now rather than at its next 5-second heartbeat."""
        engine = self.crawler.engine
        slot = getattr(engine, "_slot", None) if engine is not None else None
        if slot is not None:
            slot.nextcall.schedule()

    def _on_idle(self, spider: Spider) -> None:
        if self._finished:
            return
        if self._held:  # the engine is idle, so nothing holds these any more (an unusual path): release them
            logger.warning(
                "%s: %d leases not acknowledged at idle; acknowledging", spider.name, len(self._held)
            )
            for lease in list(self._held):
                self.ack(lease)
        if not self._checking:
            self._checking = True
            asyncio.get_running_loop().create_task(self._check_done())
        raise DontCloseSpider

    async def _check_done(self) -> None:
        """Finished when sealed, empty and nothing in flight anywhere; else lease more, or wait a little."""
        try:
            await self._drain()
            pipe = self.redis.pipeline(transaction=False)
            pipe.zcard(self.keys.queue)
            pipe.zcard(self.keys.inflight)
            pipe.exists(self.keys.sealed)
            queued, inflight, sealed = await pipe.execute()
            if queued:
                self._remote_work = True
                await self._refill()
            elif sealed and not inflight and not self._inbox and not self._held:
                self._finished = True
                self._remote_work = False
            else:
                self._remote_work = False
                await asyncio.sleep(self.poll_seconds)  # in flight elsewhere (or still seeding): wait
                if inflight:
                    await self._refill()  # an expired lease is requeued by any lease call
        except Exception:
            logger.exception("could not read the frontier's status")
            await asyncio.sleep(self.poll_seconds)
        finally:
            self._checking = False
            self._wake()


def _safe_url(url: str) -> str:
    """The URL without a password, for logs."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.password:
        return url.replace(f":{parts.password}@", ":***@")
    return url
