"""The frontier from outside a crawl: seed it, seal it, read its progress, reset it (commands, tests, bench)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import redis
from scrapy import Request
from scrapy.utils.request import fingerprint

from crawler.distributed.backfill import Seed
from crawler.distributed.bloom import BloomSpec
from crawler.distributed.frontier import (
    DEFAULT_BLOOM_CAPACITY,
    DEFAULT_BLOOM_ERROR,
    DEFAULT_NAMESPACE,
    PUSH,
    SiteKeys,
    push_args,
    request_document,
    sites_key,
)
from crawler.distributed.scheduler import state_hash_key


@dataclass
class SiteProgress:
    """Where one site's frontier stands."""

    site: str
    queued: int
    in_flight: int
    sealed: bool
    counters: dict[str, int] = field(default_factory=dict)

    @property
    def finished(self) -> bool:
        return self.sealed and not self.queued and not self.in_flight

    @property
    def done(self) -> int:
        return self.counters.get("done", 0)

    @property
    def total(self) -> int:
        """Requests ever queued (done + still to do)."""
        return self.counters.get("pushed", 0)


class Frontier:
    """A synchronous handle on the frontiers under one namespace of one Redis server."""

    def __init__(
        self,
        url: str,
        namespace: str = DEFAULT_NAMESPACE,
        bloom: BloomSpec | None = None,
    ) -> None:
        self.url = url
        self.namespace = namespace
        self.redis = redis.Redis.from_url(url)
        self.bloom = bloom or BloomSpec.for_capacity(DEFAULT_BLOOM_CAPACITY, DEFAULT_BLOOM_ERROR)
        self._push = self.redis.register_script(PUSH)

    def check(self) -> None:
        """Raise `ValueError` naming the fix when Redis cannot be reached."""
        try:
            self.redis.ping()
        except redis.RedisError as exc:
            raise ValueError(
                f"cannot reach Redis at {self.url} ({exc}); start it (`redis-server --port 6379`) or fix --redis"
            ) from None

    def keys(self, site: str) -> SiteKeys:
        return SiteKeys.of(self.namespace, site)

    def sites(self) -> list[str]:
        return sorted(m.decode() for m in self.redis.smembers(sites_key(self.namespace)))  # type: ignore[union-attr]

    def open(self, site: str) -> bool:
        """Make the site's frontier ready for seeding: a finished one is cleared first (a new run), an
        unfinished one is joined. True if it was cleared or new."""
        progress = self.progress(site)
        fresh = progress.finished or not progress.total
        if fresh:
            self.redis.delete(*self.keys(site).all())
        else:
            self.redis.delete(self.keys(site).sealed)
        self.redis.sadd(sites_key(self.namespace), site)
        return fresh

    def seed(self, site: str, seeds: Iterable[Seed], *, priority: int = 0) -> int:
        """Push the seeds (deduplicated like any page); the number actually queued."""
        keys = self.keys(site).push_keys(state_hash_key(self.namespace))
        pipe = self.redis.pipeline(transaction=False)
        for seed in seeds:
            payload = request_document(seed.url, seed.callback, seed.meta, priority=priority)
            fp = fingerprint(Request(seed.url))
            self._push(keys=keys, args=push_args(payload, priority, "p", "", self.bloom, fp), client=pipe)
        return sum(1 for r in pipe.execute() if r)

    def seal(self, site: str) -> None:
        """Seeding is complete: once empty and idle, the site's crawl is finished."""
        self.redis.set(self.keys(site).sealed, "1")

    def progress(self, site: str) -> SiteProgress:
        keys = self.keys(site)
        pipe = self.redis.pipeline(transaction=False)
        pipe.zcard(keys.queue)
        pipe.zcard(keys.inflight)
        pipe.exists(keys.sealed)
        pipe.hgetall(keys.stats)
        queued, inflight, sealed, stats = pipe.execute()
        counters = {k.decode(): int(v) for k, v in stats.items()}
        return SiteProgress(site, int(queued), int(inflight), bool(sealed), counters)

    def reset(self, site: str | None = None) -> None:
        """Delete a site's frontier (or every frontier of the namespace)."""
        for key in [site] if site else self.sites():
            self.redis.delete(*self.keys(key).all())
            self.redis.srem(sites_key(self.namespace), key)

    def close(self) -> None:
        self.redis.close()
