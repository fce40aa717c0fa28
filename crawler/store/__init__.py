"""Object stores by URL: `file://PATH` (or a bare path), and `s3://bucket/prefix` over the S3 API."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

from crawler.store.base import ObjectStore, StoreError
from crawler.store.local import LocalStore


class BadStoreURLError(ValueError):
    """A --store value we cannot open."""


_shared: dict[tuple[str, str | None], ObjectStore] = {}
_shared_lock = threading.Lock()


@contextmanager
def shared(store: ObjectStore, url: str, *, s3_endpoint: str | None = None) -> Iterator[ObjectStore]:
    """While the block runs, `open_store(url, s3_endpoint=...)` in this process answers `store`, already open:
    a run (`crawler.runner.run_crawl`) opens its store once, and its storage pipelines write through it."""
    with _shared_lock:
        _shared[(url, s3_endpoint)] = store
    try:
        yield store
    finally:
        with _shared_lock:
            if _shared.get((url, s3_endpoint)) is store:
                del _shared[(url, s3_endpoint)]


def open_store(url: str, *, s3_endpoint: str | None = None) -> ObjectStore:
    """The store a `--store` value names: `file://./data`, `file:///abs/path`, a plain path, or
    `s3://bucket/prefix` (endpoint `s3_endpoint`, else `AWS_ENDPOINT_URL`, else AWS; see `crawler.store.s3`). Inside `shared`, the
    store already open for this URL."""
    with _shared_lock:
        lent = _shared.get((url, s3_endpoint))
    if lent is not None:
        return lent
    parts = urlsplit(url)
    if parts.scheme in ("", "file"):
        raw = unquote(parts.netloc + parts.path) if parts.scheme == "file" else url
        if not raw:
            raise BadStoreURLError(f"--store {url!r} names no folder; use file://./data")
        return LocalStore(Path(raw))
    if parts.scheme == "s3":
        from crawler.store.s3 import S3Store  # boto3 loads only for an s3:// store

        if not parts.netloc:
            raise BadStoreURLError(f"--store {url!r} names no bucket; use s3://bucket/prefix")
        if parts.query or parts.fragment:
            raise BadStoreURLError(f"--store {url!r}: an s3:// URL takes no ?query or #fragment")
        try:
            return S3Store(parts.netloc, unquote(parts.path), endpoint_url=s3_endpoint)
        except ValueError as exc:
            raise BadStoreURLError(f"--store {url!r}: {exc}") from exc
    raise BadStoreURLError(
        f"--store {url!r}: unsupported scheme {parts.scheme!r}; use file://PATH or s3://BUCKET"
    )


def store_identity(store: ObjectStore) -> str:
    """The canonical name of the store, as the crawl state records it: `file:///absolute/path`, or
    `s3://bucket/prefix` (with ` at ENDPOINT` off AWS). Two URLs of one store have one identity."""
    identity = getattr(store, "identity", None)
    return identity if isinstance(identity, str) else store.url


__all__ = [
    "BadStoreURLError",
    "LocalStore",
    "ObjectStore",
    "StoreError",
    "open_store",
    "shared",
    "store_identity",
]
