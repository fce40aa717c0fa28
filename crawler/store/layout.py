"""Every key the service writes, named in one place, the same on every backend.

articles/<site>/<YYYY>/<MM>/<DD>/<id>.json        an article's first version (by its publication day)
articles/<site>/<YYYY>/<MM>/<DD>/<id>.v<N>.json   its version N >= 2, beside the first; never overwritten
rejects/<site>/<YYYY>/<MM>/<DD>/<reject id>.json   a refused article with its reason
feed/<sequence>.json                           a feed log segment: the article versions one run (or flush)
                                               wrote, committed after every object it names exists
feeds/<site>.json, feeds/all.json              JSON Feed 1.1 of the latest articles, written after the segment
runs/<run id>.json                             a run's manifest (objects, hashes, versions, stats), written last

docs/feed.md describes the feed log, the manifests and the cursor a reader keeps.
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


# A feed segment's sequence, zero-padded so that lexicographic order (S3's listing order) is numeric order.
SEQUENCE_DIGITS = 12
FEED_PREFIX = "feed/"
_SEGMENT_KEY = re.compile(rf"^feed/(\d{{{SEQUENCE_DIGITS}}})\.json$")


def segment_key(sequence: int) -> str:
    if not 0 < sequence < 10**SEQUENCE_DIGITS:
        raise BadKeyError(f"feed sequence out of range: {sequence}")
    return check_key(f"{FEED_PREFIX}{sequence:0{SEQUENCE_DIGITS}d}.json")


def segment_sequence(key: str) -> int | None:
    """The sequence of a feed segment key, None for any other key."""
    match = _SEGMENT_KEY.match(key)
    return int(match.group(1)) if match else None


def json_feed_key(site: str | None) -> str:
    """`feeds/<site>.json`, or `feeds/all.json` for every site (None)."""
    return check_key(f"feeds/{site or 'all'}.json")
