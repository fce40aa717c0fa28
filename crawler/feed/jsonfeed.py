"""JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): `feeds/<site>.json` and `feeds/all.json`.

Each holds the latest `FEED_ITEMS` articles (newest publication first), rewritten after every committed run
from the items the run wrote merged into what the feed held. An item's `id` is the article's id, the same
for every version (the spec: "if an item is ever updated, the id should be unchanged"); a newer version
replaces the older one. The feeds are a convenience view for feed readers: the feed log (`feed/`) is what a
consumer that must see every version exactly once reads.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from crawler.feed.encoding import encode, now_iso
from crawler.sites import UnknownSiteError, get_site
from crawler.sites.provinces import MERGER_DAY
from crawler.store import ObjectStore
from crawler.store.layout import json_feed_key

logger = logging.getLogger(__name__)

VERSION = "https://jsonfeed.org/version/1.1"
CONTENT_TYPE = "application/feed+json; charset=utf-8"
FEED_ITEMS = 100
EXTENSION = "_vn_news"
"""Our custom object on each item (the spec: custom names start with an underscore; readers ignore them)."""


def feed_item(document: dict[str, Any], key: str) -> dict[str, Any]:
    """The JSON Feed item of one stored article version (`document` as the store holds it)."""
    site = _site_info(str(document.get("site", "")))
    modified = document.get("modified_at") or (
        document.get("fetched_at") if int(document.get("version") or 1) > 1 else None
    )
    authors = [{"name": name} for name in document.get("authors") or [] if name]
    item: dict[str, Any] = {
        "id": document["id"],
        "url": document.get("canonical_url") or document["url"],
        "title": document.get("title") or "",
        "content_text": document.get("body_text") or "",
        "date_published": document["published_at"],
        "date_modified": modified or document["published_at"],
        # The outlet stands for the author where the page names none.
        "authors": authors or [{"name": site["name"], "url": site["home_page_url"]}],
        "tags": [tag for tag in document.get("tags") or [] if tag],
        "language": document.get("language") or "vi",
        EXTENSION: {
            "key": key,
            "site": document.get("site"),
            "province": document.get("province"),
            # Objects stored before `province_now` existed carried today's province in `province`.
            "province_now": document.get("province_now") or site["province"] or document.get("province"),
            "version": int(document.get("version") or 1),
            "content_hash": document.get("content_hash"),
            "cluster_id": document.get("cluster_id"),
            "duplicate_of": document.get("duplicate_of"),
        },
    }
    if document.get("lead"):
        item["summary"] = document["lead"]
    images = [image.get("url") for image in document.get("images") or [] if image.get("url")]
    if images:
        item["image"] = images[0]
    return item


def _site_info(key: str) -> dict[str, str]:
    try:
        site = get_site(key)
    except UnknownSiteError:
        return {"name": key or "vn-news-crawler", "home_page_url": "", "province": "", "served": ""}
    served = site.province
    if site.former_province and site.former_province != site.province:
        served = f"{site.former_province} (part of {site.province} since {MERGER_DAY.isoformat()})"
    return {
        "name": site.name,
        "home_page_url": site.base_url + "/",
        "province": site.province,
        "served": served,
    }


def feed_url(store: ObjectStore, key: str, base_url: str | None = None) -> str:
    """Where the feed lives: under `base_url` (or `$CRAWLER_FEED_BASE_URL`) when the store is published over
    HTTP, e.g. `https://news.example.org/vn` for `feeds/all.json` at `https://news.example.org/vn/feeds/all.json`;
    else the store's own URL of the object (`file:///…`, `s3://…`)."""
    base_url = base_url or os.environ.get("CRAWLER_FEED_BASE_URL")
    if base_url:
        return base_url.rstrip("/") + "/" + key
    where = store.describe(key)
    return where if "://" in where else Path(where).as_uri()


def feed_document(
    store: ObjectStore, site: str | None, items: list[dict[str, Any]], base_url: str | None = None
) -> dict[str, Any]:
    key = json_feed_key(site)
    document: dict[str, Any] = {"version": VERSION}
    if site is None:
        document["title"] = "Vietnam's provincial news portals (vn-news-crawler)"
        document["description"] = "The latest articles of every crawled portal."
    else:
        info = _site_info(site)
        document["title"] = f"{info['name']} (vn-news-crawler)"
        if info["home_page_url"]:
            document["home_page_url"] = info["home_page_url"]
            document["authors"] = [{"name": info["name"], "url": info["home_page_url"]}]
        document["description"] = f"The latest articles of {info['name']}" + (
            f", {info['served']}." if info["served"] else "."
        )
    document["feed_url"] = feed_url(store, key, base_url)
    document["language"] = "vi"
    document["user_comment"] = (
        f"Written by vn-news-crawler at {now_iso()}: the latest {FEED_ITEMS} articles. To read every "
        "article version exactly once, read the feed log (feed/) instead; see docs/feed.md."
    )
    document["items"] = items
    return document


def _version(item: dict[str, Any]) -> int:
    extension = item.get(EXTENSION)
    return int(extension.get("version") or 0) if isinstance(extension, dict) else 0


def merge_items(
    old: Iterable[dict[str, Any]], new: Iterable[dict[str, Any]], limit: int = FEED_ITEMS
) -> list[dict[str, Any]]:
    """One item per id (its highest version), newest publication first, at most `limit`."""
    by_id: dict[str, dict[str, Any]] = {}
    for item in (*old, *new):
        if not isinstance(item, dict) or not item.get("id"):
            continue
        held = by_id.get(item["id"])
        if held is None or _version(item) >= _version(held):
            by_id[item["id"]] = item
    ordered = sorted(by_id.values(), key=lambda i: (str(i.get("date_published", "")), i["id"]), reverse=True)
    return ordered[:limit]


def _held_items(store: ObjectStore, key: str) -> list[dict[str, Any]]:
    try:
        document = json.loads(store.get(key))
    except KeyError:
        return []
    except (json.JSONDecodeError, UnicodeDecodeError):
        logger.warning("%s is not JSON: rewritten from this run's items", store.describe(key))
        return []
    items = document.get("items") if isinstance(document, dict) else None
    return items if isinstance(items, list) else []


def update_feeds(
    store: ObjectStore,
    items: list[dict[str, Any]],
    *,
    limit: int = FEED_ITEMS,
    base_url: str | None = None,
) -> list[str]:
    """Merge `items` into the feed of each of their sites and into `feeds/all.json`; the keys written."""
    by_site: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        key = str(item.get(EXTENSION, {}).get("site") or "")
        if key:
            by_site.setdefault(key, []).append(item)
    written = []
    sites: list[str | None] = [*sorted(by_site), None]
    for site in sites:
        new = by_site[site] if site is not None else items
        key = json_feed_key(site)
        merged = merge_items(_held_items(store, key), new, limit)
        store.put(key, encode(feed_document(store, site, merged, base_url)), content_type=CONTENT_TYPE)
        written.append(key)
    return written
