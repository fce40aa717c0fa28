"""Crawl state: what the crawler already knows of each article, so nightly runs fetch and write only news.

`CrawlState` is the interface; `SQLiteState` the embedded default, `RedisState` (a `redis://` URL) the
state workers on several machines share. `open_state` gives the one instance a
process shares for a path. A state belongs to one store (`bind_store`, checked before each crawl).
"""

from crawler.state.base import (
    CrawlState,
    DiscoveryPage,
    KnownArticle,
    StateBackend,
    WrongStoreError,
    bind_store,
)
from crawler.state.neardup import NearDuplicateIndex, NearMatch
from crawler.state.sqlite import SQLiteState, open_sqlite_state, open_state

__all__ = [
    "CrawlState",
    "DiscoveryPage",
    "KnownArticle",
    "NearDuplicateIndex",
    "NearMatch",
    "SQLiteState",
    "StateBackend",
    "WrongStoreError",
    "bind_store",
    "open_sqlite_state",
    "open_state",
]
