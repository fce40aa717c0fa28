"""The shared frontier of one site in Redis: a priority queue, leases for requests in flight, seen requests.

Keys, under `<namespace>:<site>:` (namespace `vnc` by default):

| key | type | what |
|---|---|---|
| `queue` | sorted set | request ids by (priority, arrival): `ZPOPMIN` takes the next |
| `data` | hash | request id → the request as JSON (`encode_request`) |
| `inflight` | sorted set | leased request ids by deadline (Redis server time): a worker's lease |
| `bloom` | string | the Bloom filter of feed, sitemap and listing pages seen (`bloom.py`) |
| `articles` | set | canonical URLs of article pages queued or in flight (exact: never a false positive) |
| `unstored` | set | article URLs fetched this run that the crawl state does not hold (404, rejected) |
| `seq`, `sealed`, `stats` | string, string, hash | id counter; set once seeding is complete; counters |

A lease is taken with its request (`LEASE`) and must be acknowledged (`ACK`) once the response is fully
handled: callback run, child requests pushed, items through the pipelines. Until then the worker renews it
(`RENEW`). A lease past its deadline (the worker died) goes back to the front of the queue at the next
`LEASE` of any worker. A site's crawl is finished when it is sealed, its queue is empty and nothing is in
flight: no worker holds work that could still add to it.

Article pages are deduplicated exactly (`articles`, then `unstored` or the crawl state once fetched); only
feeds, sitemaps and listings go through the Bloom filter, so a false positive can skip a listing page that a
sitemap or feed covers too, never an unseen article.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from scrapy import Request, Spider

from crawler.distributed.bloom import CHECK_AND_SET, BloomSpec

LEASE_META = "_frontier_lease"
"""Request meta key of a leased request: (site, lease id)."""
DEFAULT_NAMESPACE = "vnc"
DEFAULT_LEASE_SECONDS = 30.0
DEFAULT_BLOOM_CAPACITY = 2_000_000
DEFAULT_BLOOM_ERROR = 1e-4
RUN_TTL = 7 * 24 * 3600
"""Seconds a finished frontier's keys are kept (for `crawler frontier` reports) before Redis drops them."""

# KEYS: queue, data, bloom, articles, unstored, seq, stats, state-articles hash (or a dummy)
# ARGV: payload, priority, kind, canonical URL or '', bloom positions...  Kinds: 'a' an article the spider
# believes unknown (dropped if queued, in flight, fetched this run, or in the crawl state), 'c' a conditional
# re-fetch of a known article (dropped if queued, in flight or fetched), 'p' another page (Bloom), 'f' forced.
PUSH = """
local kind = ARGV[3]
if kind == 'a' or kind == 'c' then
  if redis.call('SISMEMBER', KEYS[4], ARGV[4]) == 1 or redis.call('SISMEMBER', KEYS[5], ARGV[4]) == 1
     or (kind == 'a' and redis.call('HEXISTS', KEYS[8], ARGV[4]) == 1) then
    redis.call('HINCRBY', KEYS[7], 'duplicate_articles', 1)
    return 0
  end
  redis.call('SADD', KEYS[4], ARGV[4])
elseif kind == 'p' then
  local new = 0
  for i = 5, #ARGV do
    if redis.call('SETBIT', KEYS[3], ARGV[i], 1) == 0 then new = 1 end
  end
  if new == 0 then
    redis.call('HINCRBY', KEYS[7], 'duplicate_pages', 1)
    return 0
  end
end
local seq = redis.call('INCR', KEYS[6])
redis.call('HSET', KEYS[2], seq, ARGV[1])
redis.call('ZADD', KEYS[1], -tonumber(ARGV[2]) * 1e12 + seq, seq)
redis.call('HINCRBY', KEYS[7], 'pushed', 1)
return seq
"""

# KEYS: queue, data, inflight, stats; ARGV: how many, lease seconds, requeue batch
# Returns [id, payload, id, payload, ...]. Expired leases go back to the front of the queue first.
LEASE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1e6
local expired = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now, 'LIMIT', 0, tonumber(ARGV[3]))
for _, id in ipairs(expired) do
  redis.call('ZREM', KEYS[3], id)
  redis.call('ZADD', KEYS[1], -1e15 + tonumber(id), id)
  redis.call('HINCRBY', KEYS[4], 'requeued', 1)
end
local out = {}
local popped = redis.call('ZPOPMIN', KEYS[1], tonumber(ARGV[1]))
for i = 1, #popped, 2 do
  local id = popped[i]
  local payload = redis.call('HGET', KEYS[2], id)
  if payload then
    redis.call('ZADD', KEYS[3], now + tonumber(ARGV[2]), id)
    out[#out + 1] = id
    out[#out + 1] = payload
  end
end
return out
"""

# KEYS: inflight, data, articles, unstored, stats, state-articles hash; ARGV: id, canonical URL or ''
ACK = """
redis.call('ZREM', KEYS[1], ARGV[1])
if redis.call('HDEL', KEYS[2], ARGV[1]) == 1 then redis.call('HINCRBY', KEYS[5], 'done', 1) end
if ARGV[2] ~= '' then
  redis.call('SREM', KEYS[3], ARGV[2])
  if redis.call('HEXISTS', KEYS[6], ARGV[2]) == 0 then redis.call('SADD', KEYS[4], ARGV[2]) end
end
return 1
"""

# KEYS: inflight; ARGV: lease seconds, ids...  Renews the leases still held (XX: never resurrects one).
RENEW = """
local t = redis.call('TIME')
local deadline = tonumber(t[1]) + tonumber(t[2]) / 1e6 + tonumber(ARGV[1])
local n = 0
for i = 2, #ARGV do
  n = n + redis.call('ZADD', KEYS[1], 'XX', 'CH', deadline, ARGV[i])
end
return n
"""


_KEY_NAMES = ("queue", "data", "inflight", "bloom", "articles", "unstored", "seq", "sealed", "stats")


@dataclass(frozen=True, slots=True)
class SiteKeys:
    """The Redis keys of one site's frontier."""

    queue: str
    data: str
    inflight: str
    bloom: str
    articles: str
    unstored: str
    seq: str
    sealed: str
    stats: str

    @classmethod
    def of(cls, namespace: str, site: str) -> SiteKeys:
        return cls(*(f"{namespace}:{site}:{name}" for name in _KEY_NAMES))

    def all(self) -> list[str]:
        return [getattr(self, name) for name in _KEY_NAMES]

    def push_keys(self, state_hash: str) -> list[str]:
        return [
            self.queue,
            self.data,
            self.bloom,
            self.articles,
            self.unstored,
            self.seq,
            self.stats,
            state_hash,
        ]

    def lease_keys(self) -> list[str]:
        return [self.queue, self.data, self.inflight, self.stats]

    def ack_keys(self, state_hash: str) -> list[str]:
        return [self.inflight, self.data, self.articles, self.unstored, self.stats, state_hash]


def sites_key(namespace: str) -> str:
    """The set of site keys that have a frontier."""
    return f"{namespace}:sites"


# -- requests as JSON --------------------------------------------------------------------------------------


def _json_safe(meta: dict[str, Any]) -> dict[str, Any]:
    safe = {}
    for key, value in meta.items():
        if key == LEASE_META or key.startswith("download_") or key in ("_slot", "depth_limit"):
            continue
        try:
            json.dumps(value)
        except (TypeError, ValueError):
            continue
        safe[key] = value
    return safe


def encode_request(request: Request) -> str:
    """A request as JSON: URL, method, headers, body, callback and errback by name, JSON-safe meta."""
    callback = request.callback
    errback = request.errback
    document = {
        "url": request.url,
        "method": request.method,
        "headers": {
            k.decode("latin-1"): [v.decode("latin-1") for v in vs] for k, vs in request.headers.items()
        },
        "body": base64.b64encode(request.body).decode("ascii") if request.body else "",
        "callback": getattr(callback, "__name__", None) if callback is not None else None,
        "errback": getattr(errback, "__name__", None) if errback is not None else None,
        "meta": _json_safe(request.meta),
        "priority": request.priority,
        "dont_filter": request.dont_filter,
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def request_document(
    url: str, callback: str, meta: dict[str, Any], *, priority: int = 0, errback: str | None = "on_error"
) -> str:
    """The JSON of a GET request built without Scrapy (seeders)."""
    return json.dumps(
        {
            "url": url,
            "method": "GET",
            "headers": {},
            "body": "",
            "callback": callback,
            "errback": errback,
            "meta": meta,
            "priority": priority,
            "dont_filter": False,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def decode_request(payload: str | bytes, spider: Spider) -> Request:
    """The request back, its callback and errback looked up on `spider` by name."""
    doc = json.loads(payload)
    callback = getattr(spider, doc["callback"]) if doc.get("callback") else None
    errback = getattr(spider, doc["errback"]) if doc.get("errback") else None
    return Request(
        doc["url"],
        method=doc.get("method", "GET"),
        headers=doc.get("headers") or None,
        body=base64.b64decode(doc["body"]) if doc.get("body") else None,
        callback=callback,
        errback=errback,
        meta=doc.get("meta") or {},
        priority=int(doc.get("priority", 0)),
        dont_filter=bool(doc.get("dont_filter", False)),
    )


def push_args(
    payload: str, priority: int, kind: str, canonical: str, bloom: BloomSpec, fingerprint: bytes
) -> list[str | int]:
    """ARGV of `PUSH`: kind 'a' (article, exact by canonical URL), 'p' (page, Bloom) or 'f' (forced)."""
    positions: Iterable[int] = bloom.positions(fingerprint) if kind == "p" else ()
    return [payload, priority, kind, canonical, *positions]


__all__ = [
    "ACK",
    "CHECK_AND_SET",
    "DEFAULT_NAMESPACE",
    "LEASE",
    "LEASE_META",
    "PUSH",
    "RELEASE",
    "RENEW",
    "SiteKeys",
    "decode_request",
    "encode_request",
    "push_args",
    "request_document",
    "sites_key",
]

# KEYS: inflight, queue; ARGV: ids.  Gives leases back at once (a worker shutting down cleanly).
RELEASE = """
for i = 1, #ARGV do
  if redis.call('ZREM', KEYS[1], ARGV[i]) == 1 then
    redis.call('ZADD', KEYS[2], -1e15 + tonumber(ARGV[i]), ARGV[i])
  end
end
return 1
"""
