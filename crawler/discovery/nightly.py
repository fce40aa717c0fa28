"""What a nightly run asks a portal for: the decisions behind "a quiet night costs two requests per portal".

A site's first run (no watermark), a backfill and `--recrawl` read every entry point and every child sitemap.
After a run whose discovery completed, the state holds each discovery page it read (validators, kind, the
`<lastmod>` its index gave) and the site's watermark (that run's start). A nightly run then:

1. asks only the site's *fresh sources*, conditionally: its Google News sitemaps when an earlier run found
   one, else its feeds (plus the sitemap index, when it was last read `SWEEP_DAYS` or more ago, to catch
   edits of older articles);
2. stops there when a fresh source answers 304, or when what it lists reaches back to what is already known
   (`covers_since`): the source then holds everything published since the last run;
3. otherwise (a gap: more news than the source holds) reads every entry point, and of a sitemap index only
   the children whose `<lastmod>` moved since they were read (`child_verdict`); an archive month never read
   and older than the watermark is left to a backfill.

Every request for a page the state holds carries `If-None-Match` / `If-Modified-Since`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Final, Literal

from crawler.dates import parse_date
from crawler.state import DiscoveryPage, KnownArticle

SWEEP_DAYS: Final = 7
"""A nightly run also asks for the sitemap index (conditionally) when it was last read this many days ago or
more: edits of articles older than the feed or news sitemap show there."""

FRESH_KINDS: Final = ("news", "feed")
"""Kinds of discovery page that list a portal's newest articles, best first."""

Verdict = Literal["read", "unchanged", "archived"]


def moment(raw: str | None) -> datetime | None:
    """A timestamp as feeds, sitemaps and the state write them (ISO 8601, RFC 822), or None."""
    if not raw:
        return None
    try:
        return datetime.fromisoformat(raw)
    except ValueError:
        return parse_date(raw).value


def conditional_headers(page: DiscoveryPage | None) -> dict[str, str]:
    """`If-None-Match` / `If-Modified-Since` from what the state holds of a page (none when it holds none)."""
    headers: dict[str, str] = {}
    if page is not None and page.etag:
        headers["If-None-Match"] = page.etag
    if page is not None and page.last_modified:
        headers["If-Modified-Since"] = page.last_modified
    return headers


def fresh_sources(
    entry_points: Iterable[tuple[str, str]], known: Mapping[str, DiscoveryPage], now: datetime
) -> list[tuple[str, str]]:
    """(kind, URL) of what a nightly run asks for first: the news sitemaps the state knows, else the declared
    feeds; plus each sitemap index due for its weekly sweep. Empty: the site has no fresh source, and a
    nightly run reads every entry point."""
    pages = sorted(known.values(), key=lambda p: p.url)
    news = [("news", p.url) for p in pages if p.kind == "news"]
    feeds = [("feed", url) for kind, url in entry_points if kind == "feed"]
    fresh = news or feeds
    if not fresh:
        return []
    due = now - timedelta(days=SWEEP_DAYS)
    for page in pages:
        read_at = moment(page.read_at)
        if page.kind == "sitemapindex" and (read_at is None or read_at <= due):
            fresh.append(("sitemapindex", page.url))
    return fresh


def child_verdict(
    lastmod: str | None, known: DiscoveryPage | None, watermark: datetime | None, *, everything: bool
) -> Verdict:
    """Whether a child of a sitemap index is read this run.

    `read`: a first run, a backfill or a recrawl (`everything`), a child whose `<lastmod>` moved since it was
    read, or one that gives none; `unchanged`: its `<lastmod>` is the one it had when read; `archived`: never
    read and last modified before the watermark (an archive month: a backfill reads it).
    """
    if everything or watermark is None:
        return "read"
    modified = moment(lastmod)
    if modified is None:
        return "read"
    if known is None:
        return "archived" if modified <= watermark else "read"
    seen = moment(known.lastmod) or moment(known.read_at)
    return "unchanged" if seen is not None and modified <= seen else "read"


def covers_since(dates: Iterable[str | None], any_known: bool, watermark: datetime | None) -> bool:
    """Whether a fresh source reaches back to the last completed run: it lists an article the state knows, or
    an entry published (or modified) at or before the watermark. Then nothing published since can be missing
    from it."""
    if any_known:
        return True
    if watermark is None:
        return False
    return any(d is not None and d <= watermark for d in map(moment, dates))


def edited_since(entry_modified: str | None, known: KnownArticle) -> bool:
    """Whether a feed or sitemap entry's modification time says a known article changed since it was fetched.

    The entry's time is the portal's clock; the fetch time is ours. The page's own `Last-Modified` as fetched
    is the portal's clock too, so the earlier of the two is the threshold: a clock of ours running ahead of
    the portal's cannot hide an edit, and a false alarm costs one conditional request answered 304.
    """
    modified = moment(entry_modified)
    if modified is None:
        return False
    fetched = datetime.fromisoformat(known.last_fetched)
    served = moment(known.last_modified)
    threshold = min(fetched, served) if served is not None else fetched
    return modified > threshold


__all__ = [
    "FRESH_KINDS",
    "SWEEP_DAYS",
    "Verdict",
    "child_verdict",
    "conditional_headers",
    "covers_since",
    "edited_since",
    "fresh_sources",
    "moment",
]
