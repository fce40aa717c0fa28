"""The crawl state interface: per canonical URL, what was stored last and how to revisit it cheaply."""

from __future__ import annotations

import asyncio
import logging
import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from crawler.state.neardup import NearMatch

T = TypeVar("T")

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class KnownArticle:
    """What the state holds of one article (by canonical URL)."""

    canonical_url: str
    id: str
    site: str
    content_hash: str
    version: int
    object_key: str
    """The store key of version 1; later versions sit beside it (`<id>.v<N>.json`)."""
    first_seen: str
    last_seen: str
    last_fetched: str
    """When the page was last downloaded (ISO, Vietnam time); a feed `lastmod` after it means an edit."""
    etag: str | None = None
    last_modified: str | None = None
    """The page's HTTP `Last-Modified` header as sent, for `If-Modified-Since`."""


@dataclass(frozen=True, slots=True)
class DiscoveryPage:
    """What the state holds of one discovery page (a feed, a sitemap or a listing page) read whole on a
    completed run: its validators, to ask for it again conditionally, and when it was read."""

    url: str
    site: str
    kind: str
    """What the page turned out to be: `feed`, `news` (a Google News sitemap), `sitemapindex`, `sitemap`
    (a urlset) or `listing`."""
    read_at: str
    """When it was last read whole (ISO, Vietnam time): the start of that run."""
    etag: str | None = None
    last_modified: str | None = None
    lastmod: str | None = None
    """The `<lastmod>` its sitemap index gave it when it was read."""


class CrawlState(Protocol):
    """Asynchronous so that no backend blocks Scrapy's reactor thread; each call is one round trip."""

    async def lookup(self, canonical_urls: Iterable[str]) -> dict[str, KnownArticle]:
        """The known articles among these URLs."""

    async def record(self, article: KnownArticle) -> None:
        """Store or replace what is known of one article (after its object is in the store)."""

    async def touch(self, canonical_url: str, seen_at: str) -> None:
        """The article was seen again unchanged (a 304 or the same hash) at `seen_at`."""

    async def near_duplicate(self, article_id: str, text: str) -> NearMatch | None:
        """Index this article's text; the earlier article it near-duplicates, if any."""

    async def discovery(self, site: str) -> tuple[str | None, dict[str, DiscoveryPage]]:
        """The site's watermark (the start of its last run whose discovery completed; None: never) and the
        discovery pages that run and earlier ones read, by URL."""

    async def commit_discovery(self, site: str, pages: list[DiscoveryPage], watermark: str) -> None:
        """A run of `site` completed its discovery: keep what it read of these pages, and its watermark."""

    def close(self) -> None: ...


class StateBackend(CrawlState, Protocol):
    """What `open_state` gives (SQLite or Redis): the interface, plus synchronous calls for code outside the
    reactor (the feed commit, tools), run on the state's own thread through `call`."""

    def call(self, fn: Callable[..., T], *args: object) -> T: ...

    def record_now(self, article: KnownArticle) -> None: ...

    def record_many_now(self, articles: list[KnownArticle]) -> None: ...

    def count(self) -> int: ...

    def claim_store_now(self, identity: str) -> str | None: ...


class WrongStoreError(ValueError):
    """The crawl state belongs to another store: crawling with it would skip what this store lacks."""


def bind_store(state: StateBackend, identity: str, location: str | os.PathLike[str]) -> None:
    """Check, before a crawl, that the state at `location` (the `--state` value) belongs to the store
    `identity` (`crawler.store.store_identity`).

    A state records the store it was first used with; one that records none (made before states recorded
    their store) adopts this one. With another store it refuses: its known articles would be skipped, and the
    new store would silently lack them. Raises `WrongStoreError`, one line naming `--state`.
    """
    from crawler.state.redis_state import is_redis_url, redact_url

    redis = is_redis_url(str(location))
    state_name = redact_url(str(location)) if redis else str(location)
    recorded = state.call(state.claim_store_now, identity)
    if recorded is None:
        logger.info("crawl state %s now belongs to store %s", state_name, identity)
    elif recorded != identity:
        fresh = "another Redis database or ?namespace=" if redis else "a new path"
        raise WrongStoreError(
            f"crawl state {state_name} belongs to store {recorded}, not {identity}: give {identity} its own "
            f"--state ({fresh} starts empty and writes every article)"
        )


class ThreadedState(ABC):
    """A backend whose calls are synchronous (`*_now`) and run on one thread of its own.

    The asynchronous `CrawlState` methods hand the synchronous ones to that thread, so the reactor never waits
    on SQLite or Redis; `call` does the same for code outside the reactor. One thread also means one
    connection and no interleaving of a backend's own multi-step writes.
    """

    def __init__(self, thread_name: str) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=thread_name)

    def call(self, fn: Callable[..., T], *args: object) -> T:
        """Run `fn(*args)` on the state's thread and wait for it (for code outside the reactor)."""
        return self._executor.submit(fn, *args).result()

    async def run(self, fn: Callable[..., T], *args: object) -> T:
        """Run `fn(*args)` on the state's thread without blocking the event loop."""
        return await asyncio.wrap_future(self._executor.submit(fn, *args))

    def _stop_thread(self) -> None:
        self._executor.shutdown(wait=True)

    # -- CrawlState, asynchronously ------------------------------------------------------------------------

    async def lookup(self, canonical_urls: Iterable[str]) -> dict[str, KnownArticle]:
        return await self.run(self.lookup_now, list(canonical_urls))

    async def record(self, article: KnownArticle) -> None:
        await self.run(self.record_now, article)

    async def touch(self, canonical_url: str, seen_at: str) -> None:
        await self.run(self.touch_now, canonical_url, seen_at)

    async def near_duplicate(self, article_id: str, text: str) -> NearMatch | None:
        """The earlier article this text near-duplicates (then this one joins its cluster), or None."""
        return await self.run(self.near_duplicate_now, article_id, text)

    async def discovery(self, site: str) -> tuple[str | None, dict[str, DiscoveryPage]]:
        return await self.run(self.discovery_now, site)

    async def commit_discovery(self, site: str, pages: list[DiscoveryPage], watermark: str) -> None:
        await self.run(self.commit_discovery_now, site, pages, watermark)

    # -- the same, synchronously, on the state's thread ----------------------------------------------------

    @abstractmethod
    def lookup_now(self, canonical_urls: list[str]) -> dict[str, KnownArticle]: ...

    @abstractmethod
    def record_now(self, article: KnownArticle) -> None: ...

    @abstractmethod
    def record_many_now(self, articles: list[KnownArticle]) -> None: ...

    @abstractmethod
    def touch_now(self, canonical_url: str, seen_at: str) -> None: ...

    @abstractmethod
    def near_duplicate_now(self, article_id: str, text: str) -> NearMatch | None: ...

    @abstractmethod
    def discovery_now(self, site: str) -> tuple[str | None, dict[str, DiscoveryPage]]: ...

    @abstractmethod
    def commit_discovery_now(self, site: str, pages: list[DiscoveryPage], watermark: str) -> None: ...

    @abstractmethod
    def count(self) -> int: ...

    @abstractmethod
    def claim_store_now(self, identity: str) -> str | None:
        """Record `identity` as the state's store if it records none (atomically, against other processes):
        None when it was recorded now, else the store recorded before (perhaps `identity` itself)."""

    @abstractmethod
    def close(self) -> None: ...
