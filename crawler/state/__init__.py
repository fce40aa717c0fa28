"""Crawl state: what the crawler already knows of each article, so nightly runs fetch and write only news.

`CrawlState` is the interface; `SQLiteState` the embedded default, `RedisState` (a `redis://` URL) the
state workers on several machines share. `open_state` gives the one instance a
process shares for a path.
"""

from crawler.state.base import CrawlState, KnownArticle, StateBackend
from crawler.state.neardup import NearDuplicateIndex, NearMatch
from crawler.state.sqlite import SQLiteState, open_sqlite_state, open_state

__all__ = [
    "CrawlState",
    "KnownArticle",
    "NearDuplicateIndex",
    "NearMatch",
    "SQLiteState",
    "StateBackend",
    "open_sqlite_state",
    "open_state",
]
