"""The embedded crawl state: one SQLite file in WAL mode, reached through a single thread of its own.

Every query runs on that thread (SQLite connections belong to one thread, and a commit's fsync must not
block Scrapy's reactor); the async methods hand the work over and await it.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from dataclasses import astuple, fields
from pathlib import Path
from typing import TypeVar

from crawler.state.base import DiscoveryPage, KnownArticle, StateBackend, ThreadedState
from crawler.state.neardup import NearDuplicateIndex, NearMatch

T = TypeVar("T")

_COLUMNS = tuple(f.name for f in fields(KnownArticle))
_PAGE_COLUMNS = tuple(f.name for f in fields(DiscoveryPage))
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS articles (
    url_key INTEGER PRIMARY KEY,  -- 64 bits of the canonical URL's hash: a dense integer b-tree to search
    canonical_url TEXT NOT NULL,
    id TEXT NOT NULL,
    site TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    version INTEGER NOT NULL,
    object_key TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    last_fetched TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT
);
CREATE INDEX IF NOT EXISTS articles_by_id ON articles (id);
CREATE TABLE IF NOT EXISTS discovery_pages (  -- feeds, sitemaps and listings read on completed runs
    url TEXT NOT NULL,
    site TEXT NOT NULL,  -- sites sharing a host (a paper and its archive) each keep their own record
    kind TEXT NOT NULL,
    read_at TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    lastmod TEXT,
    PRIMARY KEY (site, url)
);
CREATE TABLE IF NOT EXISTS site_watermarks (  -- per site: the start of its last run that completed discovery
    site TEXT PRIMARY KEY,
    watermark TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS state_meta (  -- 'store': the identity of the store the state belongs to
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
-- columns: {", ".join(_COLUMNS)}
"""
_LOOKUP_CHUNK = 500
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM articles"
_SELECT_ONE = f"{_SELECT} WHERE url_key = ?"
_INSERT = (
    f"INSERT INTO articles (url_key, {', '.join(_COLUMNS)}) VALUES (?{',?' * len(_COLUMNS)}) "
    "ON CONFLICT (url_key) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS if c != "first_seen")
)
"""Insert or update; an article's `first_seen` is kept from its first record."""


def url_key(canonical_url: str) -> int:
    """A signed 64-bit integer from the URL's BLAKE2b hash: SQLite's rowid for the article."""
    digest = hashlib.blake2b(canonical_url.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


class SQLiteState(ThreadedState):
    """`CrawlState` on a SQLite file (created with its folder if missing)."""

    def __init__(self, path: Path) -> None:
        super().__init__("crawl-state")
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._near: NearDuplicateIndex | None = None
        self.call(self._open)

    def _open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA busy_timeout=10000")
        db.execute("PRAGMA cache_size=-65536")  # 64 MiB of page cache: the hot part of a large state
        db.execute("PRAGMA mmap_size=268435456")
        db.executescript(_SCHEMA)
        self._db = db

    @property
    def db(self) -> sqlite3.Connection:
        """The connection; only for code already running on the state's thread (see `call`)."""
        if self._db is None:
            raise RuntimeError(f"crawl state {self.path} is closed")
        return self._db

    # -- the same, on the calling thread (the state's own thread, or tests and tools through `call`) -----

    def lookup_now(self, canonical_urls: list[str]) -> dict[str, KnownArticle]:
        found: dict[str, KnownArticle] = {}
        wanted = set(canonical_urls)
        for start in range(0, len(canonical_urls), _LOOKUP_CHUNK):
            keys = [url_key(url) for url in canonical_urls[start : start + _LOOKUP_CHUNK]]
            sql = (
                _SELECT_ONE if len(keys) == 1 else f"{_SELECT} WHERE url_key IN ({','.join('?' * len(keys))})"
            )
            for row in self.db.execute(sql, keys):
                if row[0] in wanted:  # a 64-bit hash collision is all but impossible; never trust one
                    found[row[0]] = KnownArticle(*row)
        return found

    def record_now(self, article: KnownArticle) -> None:
        self.db.execute(_INSERT, (url_key(article.canonical_url), *astuple(article)))

    def record_many_now(self, articles: list[KnownArticle]) -> None:
        """Many records in one transaction (imports, backfills, benchmarks)."""
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany(_INSERT, ((url_key(a.canonical_url), *astuple(a)) for a in articles))

    def touch_now(self, canonical_url: str, seen_at: str) -> None:
        self.db.execute(
            "UPDATE articles SET last_seen = ? WHERE url_key = ? AND canonical_url = ?",
            (seen_at, url_key(canonical_url), canonical_url),
        )

    def near_duplicate_now(self, article_id: str, text: str) -> NearMatch | None:
        if self._near is None:
            self._near = NearDuplicateIndex(self.db)
        return self._near.check_and_add(article_id, text)

    def discovery_now(self, site: str) -> tuple[str | None, dict[str, DiscoveryPage]]:
        row = self.db.execute("SELECT watermark FROM site_watermarks WHERE site = ?", (site,)).fetchone()
        rows = self.db.execute(
            f"SELECT {', '.join(_PAGE_COLUMNS)} FROM discovery_pages WHERE site = ?", (site,)
        ).fetchall()
        return (str(row[0]) if row else None), {r[0]: DiscoveryPage(*r) for r in rows}

    def commit_discovery_now(self, site: str, pages: list[DiscoveryPage], watermark: str) -> None:
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany(
                f"INSERT OR REPLACE INTO discovery_pages ({', '.join(_PAGE_COLUMNS)}) "
                f"VALUES ({','.join('?' * len(_PAGE_COLUMNS))})",
                (astuple(page) for page in pages),
            )
            self.db.execute(
                "INSERT OR REPLACE INTO site_watermarks (site, watermark) VALUES (?, ?)", (site, watermark)
            )

    def claim_store_now(self, identity: str) -> str | None:
        cursor = self.db.execute(
            "INSERT INTO state_meta (key, value) VALUES ('store', ?) ON CONFLICT (key) DO NOTHING",
            (identity,),
        )
        if cursor.rowcount == 1:
            return None
        row = self.db.execute("SELECT value FROM state_meta WHERE key = 'store'").fetchone()
        return str(row[0])

    def count(self) -> int:
        row = self.call(lambda: self.db.execute("SELECT count(*) FROM articles").fetchone())
        return int(row[0])

    def close(self) -> None:
        def _close() -> None:
            if self._db is not None:
                self._db.close()
                self._db = None

        self.call(_close)
        self._stop_thread()


_OPEN: dict[Path, SQLiteState] = {}
_OPEN_LOCK = threading.Lock()


def open_state(path: str | Path) -> StateBackend:
    """The process's one state for this file, or for a `redis://` URL (distributed mode): the crawlers of
    one run share it (and its thread)."""
    from crawler.state.redis_state import is_redis_url, open_redis_state

    if isinstance(path, str) and is_redis_url(path):
        return open_redis_state(path)
    return open_sqlite_state(path)


def open_sqlite_state(path: str | Path) -> SQLiteState:
    """The process's one SQLite state for this file."""
    resolved = Path(path).expanduser().resolve()
    with _OPEN_LOCK:
        state = _OPEN.get(resolved)
        if state is None or state._db is None:
            state = _OPEN[resolved] = SQLiteState(resolved)
        return state
