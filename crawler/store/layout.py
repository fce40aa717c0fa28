"""Every key the service writes, named in one place, the same on every backend.

articles/<site>/<YYYY>/<MM>/<DD>/<id>.json        an article's first version (by its publication day)
articles/<site>/<YYYY>/<MM>/<DD>/<id>.v<N>.json   its version N >= 2, beside the first; never overwritten
rejects/<site>/<YYYY>/<MM>/<DD>/<reject id>.json   a refused article with its reason
runs/<run id>.json                             a run's summary, written last
"""

from __future__ import annotations

import re

_SEGMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")


class BadKeyError(ValueError):
    """A key that could escape the store or is not one we write."""


def check_key(key: str) -> str:
    """The key itself if every segment is a plain name (no `..`, no empty or hidden segment)."""
    parts = key.split("/")
    if not parts or any(not _SEGMENT.match(p) or p.startswith("..") for p in parts):
        raise BadKeyError(f"invalid object key {key!r}")
    return key


def _date_path(iso_time: str) -> str:
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})T", iso_time)
    if not match:
        raise BadKeyError(f"not an ISO 8601 time: {iso_time!r}")
    return "/".join(match.groups())


def article_key(site: str, published_at: str, article_id: str) -> str:
    return check_key(f"articles/{site}/{_date_path(published_at)}/{article_id}.json")


def version_key(first_version_key: str, version: int) -> str:
    """The key of version `version` of the article whose first version is at `first_version_key`."""
    if version == 1:
        return check_key(first_version_key)
    return check_key(first_version_key.removesuffix(".json") + f".v{version}.json")


def reject_key(site: str, fetched_at: str, reject_id: str) -> str:
    return check_key(f"rejects/{site}/{_date_path(fetched_at)}/{reject_id}.json")


def run_key(run_id: str) -> str:
    return check_key(f"runs/{run_id}.json")
