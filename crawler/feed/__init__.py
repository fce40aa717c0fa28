"""The feed: what downstream readers consume from the store, each article version exactly once.

- `feed/<sequence>.json`: the append-only feed log, one segment per run (crawler/feed/log.py);
- `feeds/<site>.json`, `feeds/all.json`: JSON Feed 1.1 of the latest articles (crawler/feed/jsonfeed.py);
- `runs/<run id>.json`: each run's manifest, written last (crawler/feed/manifest.py);
- `FeedReader`: the consumer's API over the log, with a resumable cursor (crawler/feed/reader.py).

docs/feed.md describes the layout for readers in any language.
"""

from crawler.feed.log import FeedError
from crawler.feed.reader import BadCursorError, Cursor, FeedEntry, FeedReader

__all__ = ["BadCursorError", "Cursor", "FeedEntry", "FeedError", "FeedReader"]
