"""Run manifests: `runs/<run id>.json`, written last, once the objects, the feed segment and the JSON Feeds
of the run are in the store. A manifest present means the run is complete in the store."""

from __future__ import annotations

import json
from typing import Any

from crawler.feed.encoding import now_iso
from crawler.store import ObjectStore
from crawler.store.layout import run_key, segment_key

MANIFEST_FORMAT = "vn-news-crawler/run-manifest/1"
OBJECT_FIELDS = ("key", "kind", "id", "site", "version", "content_hash", "sha256", "bytes")


def manifest_document(
    store: ObjectStore,
    batch_id: str,
    meta: dict[str, Any],
    entries: list[dict[str, Any]],
    sequence: int | None,
    feeds: list[str],
) -> dict[str, Any]:
    articles = sum(1 for e in entries if e.get("kind") == "article")
    return {
        "format": MANIFEST_FORMAT,
        "run_id": batch_id,
        "kind": meta.get("kind", "crawl"),
        "store": store.url,
        "started_at": meta.get("started_at"),
        "finished_at": meta.get("finished_at"),
        "committed_at": now_iso(),
        "feed": {
            "sequence": sequence,
            "segment": segment_key(sequence) if sequence is not None else None,
            "articles": articles,
        },
        "json_feeds": feeds,
        "counts": {"objects": len(entries), "articles": articles, "rejects": len(entries) - articles},
        "spooled": int(meta.get("spooled") or 0),
        "objects": [{name: entry.get(name) for name in OBJECT_FIELDS} for entry in entries],
        "stats": meta.get("stats"),
    }


def write_manifest(store: ObjectStore, document: dict[str, Any]) -> str:
    key = run_key(str(document["run_id"]))
    body = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True, default=str).encode("utf-8")
    store.put(key, body + b"\n")
    return key


def read_manifest(store: ObjectStore, run_id: str) -> dict[str, Any]:
    """A run's manifest; KeyError while the run is not complete in the store."""
    document: dict[str, Any] = json.loads(store.get(run_key(run_id)))
    return document
