"""Object stores by URL: `file://PATH` (or a bare path) today; `s3://bucket/prefix` joins later."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from crawler.store.base import ObjectStore, StoreError
from crawler.store.local import LocalStore


class BadStoreURLError(ValueError):
    """A --store value we cannot open."""


def open_store(url: str) -> ObjectStore:
    """The store a `--store` value names: `file://./data`, `file:///abs/path`, or a plain path."""
    parts = urlsplit(url)
    if parts.scheme in ("", "file"):
        raw = unquote(parts.netloc + parts.path) if parts.scheme == "file" else url
        if not raw:
            raise BadStoreURLError(f"--store {url!r} names no folder; use file://./data")
        return LocalStore(Path(raw))
    raise BadStoreURLError(f"--store {url!r}: unsupported scheme {parts.scheme!r}; use file://PATH")


__all__ = ["BadStoreURLError", "LocalStore", "ObjectStore", "StoreError", "open_store"]
