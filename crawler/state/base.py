"""The crawl state interface: per canonical URL, what was stored last and how to revisit it cheaply."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from crawler.state.neardup import NearMatch

T = TypeVar("T")


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

    def close(self) -> None: ...


class StateBackend(CrawlState, Protocol):
    """What `open_state` gives (SQLite or Redis): the interface, plus synchronous calls for code outside the
    reactor (the feed commit, tools), run on the state's own thread through `call`."""

    def call(self, fn: Callable[..., T], *args: object) -> T: ...

    def record_now(self, article: KnownArticle) -> None: ...

    def record_many_now(self, articles: list[KnownArticle]) -> None: ...

    def count(self) -> int: ...
