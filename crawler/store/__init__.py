"""Object stores by URL: `file://PATH` (or a bare path), and `s3://bucket/prefix` over the S3 API."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from crawler.store.base import ObjectStore, StoreError
from crawler.store.local import LocalStore


class BadStoreURLError(ValueError):
    """A --store value we cannot open."""


def open_store(url: str, *, s3_endpoint: str | None = None) -> ObjectStore:
    """The store a `--store` value names: `file://./data`, `file:///abs/path`, a plain path, or
    `s3://bucket/prefix` (endpoint `s3_endpoint`, else `AWS_ENDPOINT_URL`, else AWS; see `crawler.store.s3`)."""
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


__all__ = ["BadStoreURLError", "LocalStore", "ObjectStore", "StoreError", "open_store", "store_identity"]
