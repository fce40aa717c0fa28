"""The declarations a portal is made of: selectors, CMS families and sites.

Everything here is frozen data. A CMS family holds what several papers share (URL shapes, discovery paths,
selectors by template version); a site names its family and overrides only what differs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date
from functools import cached_property
from types import MappingProxyType
from typing import Any

KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]{1,40}$")


@dataclass(frozen=True, slots=True)
class Selectors:
    """CSS selectors for each article field; each field lists alternatives tried in order.

    `body` selects the container whose paragraphs are the article text; `drop` lists elements removed from
    the body before reading it (related links, ads, share bars); `captions` selects caption elements inside
    the body, which go to `images` rather than the text.
    """

    title: tuple[str, ...] = ()
    lead: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    dateline: tuple[str, ...] = ()
    modified: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    section: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()

    def over(self, base: Selectors) -> Selectors:
        """These selectors first, then `base`'s, field by field (a site's overrides over its family)."""
        merged = {
            f.name: tuple(dict.fromkeys(getattr(self, f.name) + getattr(base, f.name))) for f in fields(self)
        }
        return Selectors(**merged)

    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))


@dataclass(frozen=True, slots=True)
class Template:
    """One version of a family's page markup, from the date it went live (None: since the beginning)."""

    since: date | None
    selectors: Selectors


@dataclass(frozen=True)
class Family:
    """A CMS family: the rules several papers share.

    `article_url` is a regular expression matched against a URL's path (with its query, if any); a named
    group `id` captures the article's own id where the CMS has one. `listing_links` are CSS selectors for
    article links on listing pages, `next_page` for the pagination link.
    """

    key: str
    name: str
    article_url: str
    templates: tuple[Template, ...]
    listing_links: tuple[str, ...] = ("a[href]",)
    next_page: tuple[str, ...] = ("a[rel=next]",)
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    notes: str = ""

    @cached_property
    def article_re(self) -> re.Pattern[str]:
        return re.compile(self.article_url)

    def templates_newest_first(self) -> tuple[Template, ...]:
        return tuple(sorted(self.templates, key=lambda t: t.since or date.min, reverse=True))


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds of one crawl of a site, as Scrapy settings (applied per site by its spider class)."""

    pages: int = 5000
    """Responses at most (CLOSESPIDER_PAGECOUNT)."""
    depth: int = 4
    """Links followed from an entry point at most (DEPTH_LIMIT)."""
    max_bytes: int = 16 * 1024 * 1024
    """A response's size at most, after decompression too (DOWNLOAD_MAXSIZE); larger ones are dropped."""
    warn_bytes: int = 4 * 1024 * 1024
    """A response's size worth a warning (DOWNLOAD_WARNSIZE)."""
    seconds: int = 3600
    """The crawl's run time at most (CLOSESPIDER_TIMEOUT); a stopped crawl resumes next run."""

    def scrapy_settings(self) -> dict[str, int]:
        return {
            "CLOSESPIDER_PAGECOUNT": self.pages,
            "DEPTH_LIMIT": self.depth,
            "DOWNLOAD_MAXSIZE": self.max_bytes,
            "DOWNLOAD_WARNSIZE": min(self.warn_bytes, self.max_bytes),
            "CLOSESPIDER_TIMEOUT": self.seconds,
        }


@dataclass(frozen=True)
class Site:
    """One portal on one domain for the dates it published there.

    `feeds`, `sitemaps` and `listings` are paths on the site's first domain (or absolute URLs). `article_url`
    overrides the family's pattern; `selectors` are tried before the family's. `verified` is False where the
    domain or family was not confirmed against a real page. `replica` is the record's `[replica]` table, kept
    as opaque data for the local replica (what it needs to serve the site); the crawler never reads it, and
    it takes no part in comparing sites.
    """

    key: str
    name: str
    domains: tuple[str, ...]
    province: str
    family: Family
    active_from: date | None = None
    active_to: date | None = None
    successor: str | None = None
    former_province: str | None = None
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    listings: tuple[str, ...] = ()
    article_url: str | None = None
    selectors: Selectors = field(default_factory=Selectors)
    verified: bool = True
    max_listing_pages: int = 5
    limits: Limits = field(default_factory=Limits)
    notes: str = ""
    replica: Mapping[str, Any] = field(
        default_factory=lambda: MappingProxyType({}), compare=False, repr=False
    )

    def __post_init__(self) -> None:
        if not KEY_PATTERN.match(self.key):
            raise ValueError(f"site key {self.key!r} must match {KEY_PATTERN.pattern}")
        if not self.domains:
            raise ValueError(f"site {self.key!r} declares no domain")
        if self.active_from and self.active_to and self.active_from > self.active_to:
            raise ValueError(f"site {self.key!r}: active_from is after active_to")

    @property
    def domain(self) -> str:
        return self.domains[0]

    @property
    def base_url(self) -> str:
        return f"https://{self.domain}"

    @cached_property
    def article_re(self) -> re.Pattern[str]:
        return re.compile(self.article_url) if self.article_url else self.family.article_re

    def absolute(self, path_or_url: str) -> str:
        if "://" in path_or_url:
            return path_or_url
        return self.base_url + (path_or_url if path_or_url.startswith("/") else "/" + path_or_url)

    def entry_points(self) -> tuple[tuple[str, str], ...]:
        """(kind, absolute URL) for every discovery entry point: feeds, sitemaps, listings."""
        feeds = self.feeds or self.family.feeds
        sitemaps = self.sitemaps or self.family.sitemaps
        return (
            tuple(("feed", self.absolute(p)) for p in feeds)
            + tuple(("sitemap", self.absolute(p)) for p in sitemaps)
            + tuple(("listing", self.absolute(p)) for p in self.listings)
        )

    def templates_newest_first(self) -> tuple[Template, ...]:
        """The family's templates with this site's overrides laid over each."""
        if self.selectors.is_empty():
            return self.family.templates_newest_first()
        return tuple(
            replace(t, selectors=self.selectors.over(t.selectors))
            for t in self.family.templates_newest_first()
        )

    def is_article_url(self, url: str) -> bool:
        from urllib.parse import urlsplit

        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if host not in self.domains and host.removeprefix("www.") not in self.domains:
            return False
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        return self.article_re.search(target) is not None

    def article_id(self, url: str) -> str | None:
        """The article's own id from its URL, where the family's pattern captures one."""
        from urllib.parse import urlsplit

        parts = urlsplit(url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        match = self.article_re.search(target)
        if match and "id" in match.groupdict() and match.group("id"):
            return match.group("id")
        return None

    @property
    def active_label(self) -> str:
        start = self.active_from.isoformat() if self.active_from else "…"
        end = self.active_to.isoformat() if self.active_to else "now"
        return f"{start} – {end}"
