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

_SEGMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\Z")
# What goes into a key, each checked before the key is built (ASCII only: `\Z`, no trailing newline).
SITE_KEY = re.compile(r"^[a-z][a-z0-9_]{1,40}\Z")
ARTICLE_ID = re.compile(r"^[a-z][a-z0-9_]{1,40}-[A-Za-z0-9]{1,64}\Z")
REJECT_ID = re.compile(r"^[0-9a-z]{1,64}\Z")
RUN_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,100}\Z")
_FIRST_VERSION = re.compile(
    r"^articles/[a-z][a-z0-9_]{1,40}/\d{4}/\d{2}/\d{2}/[a-z][a-z0-9_]{1,40}-[A-Za-z0-9]{1,64}\.json\Z"
)
MAX_KEY = 512


class BadKeyError(ValueError):
    """A key that could escape the store or is not one we write."""


def check_key(key: str) -> str:
    """The key itself if every segment is a plain ASCII name (no `..`, no empty or hidden segment, no
    control or odd character) and the whole is at most `MAX_KEY` characters."""
    parts = key.split("/")
    if len(key) > MAX_KEY or any(not _SEGMENT.match(p) or ".." in p for p in parts):
        raise BadKeyError(f"invalid object key {key!r}")
    return key


def _checked(value: str, pattern: re.Pattern[str], what: str) -> str:
    if not isinstance(value, str) or not pattern.match(value):
        raise BadKeyError(f"invalid {what} {value!r} for an object key (must match {pattern.pattern})")
    return value


def _date_path(iso_time: str) -> str:
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})T", iso_time) if isinstance(iso_time, str) else None
    if not match:
        raise BadKeyError(f"not an ISO 8601 time: {iso_time!r}")
    return "/".join(match.groups())


def article_key(site: str, published_at: str, article_id: str) -> str:
    _checked(site, SITE_KEY, "site key")
    _checked(article_id, ARTICLE_ID, "article id")
    if not article_id.startswith(f"{site}-"):
        raise BadKeyError(f"article id {article_id!r} does not belong to site {site!r}")
    return check_key(f"articles/{site}/{_date_path(published_at)}/{article_id}.json")


def version_key(first_version_key: str, version: int) -> str:
    """The key of version `version` of the article whose first version is at `first_version_key`."""
    _checked(first_version_key, _FIRST_VERSION, "first version key")
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version < 100_000:
        raise BadKeyError(f"invalid version {version!r}")
    if version == 1:
        return check_key(first_version_key)
    return check_key(first_version_key.removesuffix(".json") + f".v{version}.json")


def reject_key(site: str, fetched_at: str, reject_id: str) -> str:
    _checked(site, SITE_KEY, "site key")
    _checked(reject_id, REJECT_ID, "reject id")
    return check_key(f"rejects/{site}/{_date_path(fetched_at)}/{reject_id}.json")


def run_key(run_id: str) -> str:
    return check_key(f"runs/{_checked(run_id, RUN_ID, 'run id')}.json")


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
    if site is not None:
        _checked(site, SITE_KEY, "site key")
    return check_key(f"feeds/{site or 'all'}.json")
