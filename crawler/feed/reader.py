"""Reading the feed log: every article version exactly once, in feed order, resumable from a cursor.

    from crawler.feed import FeedReader

    reader = FeedReader("s3://news-bucket/vn", s3_endpoint="http://minio:9000")
    for article in reader.read(since=saved_cursor):   # saved_cursor: None the first time
        handle(article)                                # the article JSON, as the store holds it
        saved_cursor = reader.cursor                   # exact after every article

A cursor is `<sequence>` (every segment up to and including it read) or `<sequence>.<offset>` (the first
`offset` entries of that segment read); `0` is the start. Readers list `feed/` and never `articles/`, so
nothing of a run whose segment is not committed is seen.
"""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from crawler.feed.log import FeedError, list_segments, read_segment
from crawler.store import ObjectStore, open_store

_CURSOR = re.compile(r"^(\d{1,12})(?:\.(\d{1,9}))?$")


class BadCursorError(ValueError):
    """A --since value that is not a cursor."""


@dataclass(frozen=True, order=True)
class Cursor:
    """A position in the feed log: after `offset` entries of segment `sequence` (None: after all of it)."""

    sequence: int = 0
    offset: int | None = None

    @classmethod
    def parse(cls, text: str | Cursor | None) -> Cursor:
        if isinstance(text, Cursor):
            return text
        if text is None or not str(text).strip():
            return cls()
        match = _CURSOR.match(str(text).strip())
        if not match:
            raise BadCursorError(f"not a feed cursor: {text!r} (expected SEQUENCE or SEQUENCE.OFFSET)")
        offset = match.group(2)
        return cls(int(match.group(1)), int(offset) if offset is not None else None)

    def __str__(self) -> str:
        return str(self.sequence) if self.offset is None else f"{self.sequence}.{self.offset}"


@dataclass(frozen=True)
class FeedEntry:
    """One article version in the log, and the cursor just after it."""

    sequence: int
    offset: int
    key: str
    id: str
    site: str
    version: int
    content_hash: str
    published_at: str | None
    cursor: Cursor


class FeedReader:
    """Reads a store's feed log. `site`: only that site's articles (the cursor still moves past the others,
    so keep the same filter with the same cursor). `prefetch`: objects fetched ahead, in parallel."""

    def __init__(
        self,
        store: ObjectStore | str,
        *,
        site: str | None = None,
        s3_endpoint: str | None = None,
        prefetch: int = 16,
    ) -> None:
        self.store = open_store(store, s3_endpoint=s3_endpoint) if isinstance(store, str) else store
        self.site = site
        self.prefetch = max(1, prefetch)
        self._cursor = Cursor()

    @property
    def cursor(self) -> str:
        """Where the next read starts: after the last article handed out (or the end of the log read)."""
        return str(self._cursor)

    def entries(self, since: str | Cursor | None = None, limit: int | None = None) -> Iterator[FeedEntry]:
        """The log's entries after `since` (matching `site`), without reading the articles."""
        end = [Cursor.parse(since)]
        self._cursor = end[0]
        for entry in self._scan(end, limit):
            self._cursor = entry.cursor
            yield entry
        self._cursor = end[0]

    def read(self, since: str | Cursor | None = None, limit: int | None = None) -> Iterator[dict[str, Any]]:
        """The articles after `since`, in feed order; `reader.cursor` is exact after each one."""
        end = [Cursor.parse(since)]
        self._cursor = end[0]
        scan = self._scan(end, limit)
        with ThreadPoolExecutor(max_workers=self.prefetch, thread_name_prefix="feed-read") as pool:
            ahead: deque[tuple[FeedEntry, Future[bytes]]] = deque()
            try:
                while True:
                    while len(ahead) < self.prefetch:
                        entry = next(scan, None)
                        if entry is None:
                            break
                        ahead.append((entry, pool.submit(self.store.get, entry.key)))
                    if not ahead:
                        self._cursor = end[0]
                        return
                    entry, future = ahead.popleft()
                    try:
                        article: dict[str, Any] = json.loads(future.result())
                    except KeyError:
                        raise FeedError(
                            f"feed segment {entry.sequence} names {entry.key}, which is not in the store"
                        ) from None
                    self._cursor = entry.cursor
                    yield article
            finally:
                for _entry, later in ahead:
                    later.cancel()

    def _scan(self, end: list[Cursor], limit: int | None) -> Iterator[FeedEntry]:
        """Entries after `end[0]`; `end[0]` follows the scan: after the last entry handed out, or after the
        last segment read when the log is exhausted (past entries of other sites)."""
        start = end[0]
        if limit is not None and limit <= 0:
            return
        handed = 0
        for sequence in list_segments(self.store):
            if sequence < start.sequence or (sequence == start.sequence and start.offset is None):
                continue
            segment = read_segment(self.store, sequence)
            if segment is None:
                return  # not whole yet (or gone): nothing after it is read before it
            rows = segment["entries"]
            first = (start.offset or 0) if sequence == start.sequence else 0
            if first > len(rows):
                raise FeedError(f"cursor {start} is past the end of segment {sequence} ({len(rows)} entries)")
            for offset in range(first, len(rows)):
                row = rows[offset]
                after = Cursor(sequence) if offset + 1 == len(rows) else Cursor(sequence, offset + 1)
                if self.site is not None and row.get("site") != self.site:
                    end[0] = after
                    continue
                end[0] = after
                yield FeedEntry(
                    sequence=sequence,
                    offset=offset,
                    key=str(row["key"]),
                    id=str(row["id"]),
                    site=str(row["site"]),
                    version=int(row["version"]),
                    content_hash=str(row["content_hash"]),
                    published_at=row.get("published_at"),
                    cursor=after,
                )
                handed += 1
                if limit is not None and handed >= limit:
                    return
            end[0] = Cursor(sequence)
