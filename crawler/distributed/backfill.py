"""What a backfill of a site's archive starts from: its sitemaps month by month, and its listings.

Every registered CMS family publishes one sitemap per month (`/sitemaps/articles-YYYY-MM.xml`, listed in the
sitemap index), so a date range becomes the months it covers, each one request that yields that month's
article URLs. Listings are seeded at page 1 and paginate as in a nightly crawl. No family in the registry
declares a numeric article-id range that could be walked without the slug, so there are no id seeds.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from crawler.sites.model import Site

MONTHLY_SITEMAP = "/sitemaps/articles-{year:04d}-{month:02d}.xml"
"""The monthly urlset of every registered family (a family that differs would name its own here)."""
MONTHLY_SITEMAPS: dict[str, str] = {}
"""Family key → its monthly sitemap pattern, where it differs from `MONTHLY_SITEMAP`."""


@dataclass(frozen=True, slots=True)
class Seed:
    """One request to start from: the URL, the spider's callback by name, and its meta."""

    url: str
    callback: str
    meta: dict[str, Any] = field(default_factory=dict)


def months(start: date, end: date) -> Iterator[tuple[int, int]]:
    """(year, month) from `start`'s month to `end`'s, inclusive, oldest first."""
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def archive_seeds(site: Site, start: date, end: date | None = None) -> list[Seed]:
    """The seeds of a backfill of `site` from `start` to `end` (default: today, or the site's last day)."""
    last = end or date.today()
    if site.active_to is not None and site.active_to < last:
        last = site.active_to
    pattern = MONTHLY_SITEMAPS.get(site.family.key, MONTHLY_SITEMAP)
    seeds = [
        Seed(site.absolute(pattern.format(year=y, month=m)), "parse_sitemap", {"page_kind": "sitemap"})
        for y, m in months(start, last)
    ]
    seeds += [
        Seed(url, "parse_listing", {"page_kind": "listing", "listing_page": 1})
        for kind, url in site.entry_points()
        if kind == "listing"
    ]
    return seeds


def nightly_seeds(site: Site) -> list[Seed]:
    """The nightly crawl's entry points, as `SiteSpider.start()` yields them."""
    callbacks = {"feed": "parse_feed", "sitemap": "parse_sitemap", "listing": "parse_listing"}
    return [
        Seed(url, callbacks[kind], {"page_kind": kind, "listing_page": 1})
        for kind, url in site.entry_points()
    ]
