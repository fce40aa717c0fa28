"""The crawl state in Redis, for workers on several machines: the same `CrawlState` as `SQLiteState`.

Keys under `<namespace>:state:` (namespace `vnc`, or the URL's `?namespace=`):

- `articles`: a hash, canonical URL → the `KnownArticle` as a JSON array (its fields in order). Recording
  keeps the first `first_seen` (a Lua script, so two workers never race on it).
- `store`: the identity of the store the state belongs to (`crawler.state.base.bind_store`), set once.
- `nd:*`: the near-duplicate index (`crawler.state.neardup`'s signatures and LSH bands): `nd:seq` orders
  articles as first seen, `nd:doc` maps an article id to its number, `nd:docs` a number to
  `id \\t cluster \\t signature`, `nd:b:<band>:<first byte>` hashes from the rest of a band's bucket to
  the 4-byte numbers of the articles sharing it. A check-and-add holds `nd:lock`, so two workers
  indexing copies of one story at once still make one cluster.

Like `SQLiteState`, every call runs on one thread of its own (`call`, `run`), never on the reactor.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import astuple
from typing import TypeVar
from urllib.parse import parse_qs, urlsplit, urlunsplit

import redis

from crawler.state.base import DiscoveryPage, KnownArticle, ThreadedState
from crawler.state.neardup import NUM_PERM, ROWS, THRESHOLD, NearMatch, band_keys, similarity, text_signature

T = TypeVar("T")

_LOOKUP_CHUNK = 500
_FIRST_SEEN = 6  # index of first_seen in KnownArticle's fields

# KEYS: articles hash; ARGV: canonical URL, JSON array.  Keeps the stored first_seen.
_RECORD = f"""
local old = redis.call('HGET', KEYS[1], ARGV[1])
local value = ARGV[2]
if old then
  local new = cjson.decode(ARGV[2])
  new[{_FIRST_SEEN + 1}] = cjson.decode(old)[{_FIRST_SEEN + 1}]
  value = cjson.encode(new)
end
redis.call('HSET', KEYS[1], ARGV[1], value)
return 1
"""
# KEYS: articles hash; ARGV: canonical URL, seen at.
_TOUCH = """
local old = redis.call('HGET', KEYS[1], ARGV[1])
if not old then return 0 end
local a = cjson.decode(old)
a[8] = ARGV[2]  -- last_seen
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(a))
return 1
"""
_UNLOCK = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


def split_state_url(url: str) -> tuple[str, str]:
    """(the Redis URL without our `namespace` parameter, the namespace)."""
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    namespace = query.pop("namespace", ["vnc"])[0]
    rest = "&".join(f"{k}={v}" for k, vs in query.items() for v in vs)
    return urlunsplit(parts._replace(query=rest)), namespace


class RedisState(ThreadedState):
    """`CrawlState` in Redis (`redis://host:port/db`, optional `?namespace=NAME`)."""

    def __init__(self, url: str) -> None:
        super().__init__("crawl-state-redis")
        self.url = url
        redis_url, self.namespace = split_state_url(url)
        self.redis = redis.Redis.from_url(redis_url)
        self.articles_key = f"{self.namespace}:state:articles"
        self.store_key = f"{self.namespace}:state:store"
        self.watermarks_key = f"{self.namespace}:state:watermarks"
        self._pages_prefix = f"{self.namespace}:state:pages:"
        self._nd = f"{self.namespace}:state:nd:"
        self._record = self.redis.register_script(_RECORD)
        self._touch = self.redis.register_script(_TOUCH)
        self._unlock = self.redis.register_script(_UNLOCK)
        self.bands = NUM_PERM // ROWS
        self._closed = False
        try:
            self.redis.ping()
        except redis.RedisError as exc:
            raise ValueError(
                f"cannot reach the Redis crawl state at {redis_url} ({exc}); start Redis or fix the URL"
            ) from None

    def lookup_now(self, canonical_urls: list[str]) -> dict[str, KnownArticle]:
        found: dict[str, KnownArticle] = {}
        for start in range(0, len(canonical_urls), _LOOKUP_CHUNK):
            chunk = canonical_urls[start : start + _LOOKUP_CHUNK]
            for url, value in zip(chunk, self.redis.hmget(self.articles_key, chunk), strict=True):
                if value is not None:
                    found[url] = KnownArticle(*json.loads(value))
        return found

    def record_now(self, article: KnownArticle) -> None:
        self._record(keys=[self.articles_key], args=[article.canonical_url, _encode(article)])

    def record_many_now(self, articles: list[KnownArticle]) -> None:
        pipe = self.redis.pipeline(transaction=False)
        for article in articles:
            self._record(
                keys=[self.articles_key], args=[article.canonical_url, _encode(article)], client=pipe
            )
        pipe.execute()

    def touch_now(self, canonical_url: str, seen_at: str) -> None:
        self._touch(keys=[self.articles_key], args=[canonical_url, seen_at])

    def discovery_now(self, site: str) -> tuple[str | None, dict[str, DiscoveryPage]]:
        """A hash per site (URL → the page's record) and one hash of watermarks."""
        watermark = self.redis.hget(self.watermarks_key, site)
        pages = self.redis.hgetall(self._pages_prefix + site)
        return (
            _text(watermark) if watermark is not None else None,
            {_text(url): DiscoveryPage(*json.loads(value)) for url, value in pages.items()},
        )

    def commit_discovery_now(self, site: str, pages: list[DiscoveryPage], watermark: str) -> None:
        pipe = self.redis.pipeline(transaction=True)
        if pages:
            pipe.hset(
                self._pages_prefix + site,
                mapping={p.url: json.dumps(astuple(p), ensure_ascii=False) for p in pages},
            )
        pipe.hset(self.watermarks_key, site, watermark)
        pipe.execute()

    def count(self) -> int:
        return int(self.redis.hlen(self.articles_key))

    def claim_store_now(self, identity: str) -> str | None:
        if self.redis.set(self.store_key, identity, nx=True):
            return None
        return _text(self.redis.get(self.store_key) or b"")

    # -- near duplicates ---------------------------------------------------------------------------------

    def near_duplicate_now(self, article_id: str, text: str) -> NearMatch | None:
        """As `NearDuplicateIndex.check_and_add`, under a lock shared by every worker."""
        sig = text_signature(text)
        token = uuid.uuid4().hex
        lock = self._nd + "lock"
        while not self.redis.set(lock, token, nx=True, px=10_000):
            time.sleep(0.002)
        try:
            return self._check_and_add(article_id, sig)
        finally:
            self._unlock(keys=[lock], args=[token])

    def _band_slot(self, band: int, bucket: bytes) -> tuple[str, bytes]:
        """(hash key, field) of a band's bucket: the bucket's first byte picks one of 256 hashes
        per band (Redis keeps small hashes as compact listpacks), the rest is the field."""
        return f"{self._nd}b:{band}:{bucket[:1].hex()}", bucket[1:]

    def _read_buckets(self, sig: bytes) -> list[tuple[str, bytes, bytes]]:
        """(key, field, packed 4-byte article numbers) of each band of `sig`, in one round trip."""
        slots = [self._band_slot(band, bucket) for band, bucket in band_keys(sig, self.bands, ROWS)]
        pipe = self.redis.pipeline(transaction=False)
        for key, field in slots:
            pipe.hget(key, field)
        return [(key, field, value or b"") for (key, field), value in zip(slots, pipe.execute(), strict=True)]

    def _check_and_add(self, article_id: str, sig: bytes | None) -> NearMatch | None:
        r, nd = self.redis, self._nd
        raw_doc = r.hget(nd + "doc", article_id)
        doc = int(raw_doc) if raw_doc is not None else None
        if doc is not None:
            old = r.hget(nd + "docs", str(doc))  # bytes: the client does not decode
            old_sig = bytes.fromhex(_text(old).split("\t")[2]) if old else b""
            if old_sig:
                mine = doc.to_bytes(4, "big")
                pipe = r.pipeline(transaction=False)
                for key, field, packed in self._read_buckets(old_sig):
                    rest = b"".join(
                        packed[i : i + 4] for i in range(0, len(packed), 4) if packed[i : i + 4] != mine
                    )
                    if rest:
                        pipe.hset(key, field, rest)
                    else:
                        pipe.hdel(key, field)
                pipe.execute()
        buckets = self._read_buckets(sig) if sig is not None else []
        match = None if sig is None else self._earliest_match(sig, doc, buckets)
        cluster = article_id if match is None else match.cluster_id
        if doc is None:
            doc = int(r.incr(nd + "seq"))
            r.hset(nd + "doc", article_id, doc)
        pipe = r.pipeline(transaction=False)
        pipe.hset(nd + "docs", str(doc), f"{article_id}\t{cluster}\t{sig.hex() if sig else ''}")
        for key, field, packed in buckets:
            pipe.hset(key, field, packed + doc.to_bytes(4, "big"))
        pipe.execute()
        return match

    def _earliest_match(
        self, sig: bytes, doc: int | None, buckets: list[tuple[str, bytes, bytes]]
    ) -> NearMatch | None:
        found = {
            int.from_bytes(packed[i : i + 4], "big")
            for _, _, packed in buckets
            for i in range(0, len(packed), 4)
        }
        candidates = sorted(c for c in found if doc is None or c < doc)
        for start in range(0, len(candidates), 32):
            batch = candidates[start : start + 32]
            for value in self.redis.hmget(self._nd + "docs", [str(c) for c in batch]):
                if value is None:
                    continue
                cand_id, cand_cluster, cand_sig = _text(value).split("\t")
                if not cand_sig:
                    continue
                sim = similarity(sig, bytes.fromhex(cand_sig))
                if sim >= THRESHOLD:
                    return NearMatch(cluster_id=cand_cluster, duplicate_of=cand_id, similarity=round(sim, 4))
        return None

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._stop_thread()
        self.redis.close()


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


def _encode(article: KnownArticle) -> str:
    return json.dumps(astuple(article), ensure_ascii=False, separators=(",", ":"))


_OPEN: dict[str, RedisState] = {}
_OPEN_LOCK = threading.Lock()


def open_redis_state(url: str) -> RedisState:
    """The process's one Redis state for this URL (the crawlers of a run share it)."""
    with _OPEN_LOCK:
        state = _OPEN.get(url)
        if state is None or state._closed:
            state = _OPEN[url] = RedisState(url)
        return state


def redact_url(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    user = f"{parts.username}:***@" if parts.username else ":***@"
    return urlunsplit(parts._replace(netloc=user + host))


def is_redis_url(url: str) -> bool:
    return url.startswith(("redis://", "rediss://", "unix://"))
