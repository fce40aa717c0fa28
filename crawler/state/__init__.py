"""Crawl state: what the crawler already knows of each article, so nightly runs fetch and write only news.

`CrawlState` is the interface; `SQLiteState` the embedded default. `open_state` gives the one instance a
process shares for a path.
"""

from crawler.state.base import CrawlState, KnownArticle
from crawler.state.neardup import NearDuplicateIndex, NearMatch
from crawler.state.sqlite import SQLiteState, open_state

__all__ = ["CrawlState", "KnownArticle", "NearDuplicateIndex", "NearMatch", "SQLiteState", "open_state"]
