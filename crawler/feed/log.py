"""The feed log: `feed/<sequence>.json` segments, each naming the article versions one run (or flush) wrote.

A segment is committed only after every object it names is in the store, at the next free sequence, with an
exclusive create (`put_if_absent`: a hard link on `file://`, `If-None-Match: *` on S3); a run that loses the
race for a number takes the next one. Segments are never rewritten, so a cursor (sequence, offset) is exact.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from crawler.feed.encoding import encode, now_iso
from crawler.feed.jsonfeed import feed_item
from crawler.store import ObjectStore
from crawler.store.layout import FEED_PREFIX, segment_key, segment_sequence

if TYPE_CHECKING:
    from crawler.item import Article, Rejected
    from crawler.spool import Batch
    from crawler.state import KnownArticle

SEGMENT_FORMAT = "vn-news-crawler/feed-segment/1"
SEGMENT_FIELDS = ("key", "id", "site", "version", "content_hash", "published_at")
"""What a segment says of each article version; the article itself is the object at `key`."""


class FeedError(RuntimeError):
    """The feed log is not what readers expect (a segment or object missing or malformed)."""


def object_entry(
    item: Article | Rejected,
    key: str,
    body: bytes,
    document: dict[str, Any],
    known: KnownArticle | None = None,
) -> dict[str, Any]:
    """The journal entry of one object about to be written: what the segment, the JSON Feeds and the
    manifest need of it, and (for an article) what the crawl state records once it is in the store."""
    from crawler.item import Article

    entry: dict[str, Any] = {
        "key": key,
        "sha256": hashlib.sha256(body).hexdigest(),
        "bytes": len(body),
    }
    if isinstance(item, Article):
        entry.update(
            kind="article",
            id=item.id,
            site=item.site,
            version=item.version,
            content_hash=item.content_hash,
            published_at=item.published_at,
            item=feed_item(document, key),
        )
        if known is not None:
            entry["known"] = asdict(known)
    else:
        entry.update(
            kind="reject",
            id=key.rsplit("/", 1)[-1].removesuffix(".json"),
            site=item.article.site,
            version=None,
            content_hash=item.article.content_hash or None,
            published_at=item.article.published_at,
        )
    return entry


def list_segments(store: ObjectStore) -> list[int]:
    """Every committed segment's sequence, ascending."""
    found = (segment_sequence(key) for key in store.list(FEED_PREFIX))
    return sorted(seq for seq in found if seq is not None)


def read_segment(store: ObjectStore, sequence: int) -> dict[str, Any] | None:
    """A segment, or None if there is none at `sequence` or it is not whole yet (a `file://` store without
    hard links writes in place)."""
    try:
        raw = store.get(segment_key(sequence))
    except KeyError:
        return None
    try:
        document: dict[str, Any] = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None
    if document.get("format") != SEGMENT_FORMAT or not isinstance(document.get("entries"), list):
        raise FeedError(f"{store.describe(segment_key(sequence))} is not a feed segment")
    return document


def segment_document(
    sequence: int, batch_id: str, kind: str, entries: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "format": SEGMENT_FORMAT,
        "sequence": sequence,
        "batch": batch_id,
        "kind": kind,
        "committed_at": now_iso(),
        "count": len(entries),
        "entries": [{name: entry.get(name) for name in SEGMENT_FIELDS} for entry in entries],
    }


def commit_segment(store: ObjectStore, batch: Batch, kind: str, entries: list[dict[str, Any]]) -> int:
    """Commit the batch's segment (its article entries, every object already in the store) and return its
    sequence. Idempotent per batch: after a crash, the sequence noted in the batch's marker is checked first,
    so a batch never gets two segments."""
    noted = batch.marker()
    if noted is not None:
        existing = read_segment(store, noted)
        if existing is not None and existing.get("batch") == batch.id:
            return noted
    committed = list_segments(store)
    sequence = (committed[-1] if committed else 0) + 1
    while True:
        body = encode(segment_document(sequence, batch.id, kind, entries))
        batch.set_marker(sequence)  # durable before the attempt: a crash after a success finds it here
        if store.put_if_absent(segment_key(sequence), body):
            return sequence
        sequence += 1  # another run took this number first
