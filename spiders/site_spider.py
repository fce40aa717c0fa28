"""One spider for every site: discovery from feeds, sitemaps and listings, then extraction of each article.

The spider only crawls. What an article page says is decided by `crawler.extract`; what becomes of the item
(normalization, dates, identity, dedupe, validation, storage) by the pipelines.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from typing import Any, ClassVar

from scrapy import Request, Spider
from scrapy.http import Response, TextResponse
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap
from twisted.python.failure import Failure

from crawler.dates import VN_TZ
from crawler.extract import extract_article
from crawler.item import Article, article_from_extraction
from crawler.sites.model import Site
from crawler.urls import canonicalize

logger = logging.getLogger(__name__)

FEED_ITEM_XPATH = "//*[local-name()='item' or local-name()='entry']"


def spider_class_for(site: Site) -> type[SiteSpider]:
    """A spider class named after the site, as Scrapy's loader hands out classes, not instances."""
    return type(f"{site.key.title().replace('_', '')}Spider", (SiteSpider,), {"name": site.key, "site": site})


class SiteSpider(Spider):
    """Crawls one declared site. Arguments: `limit` (at most this many article pages this run)."""

    name = "site"
    site: ClassVar[Site]

    def __init__(self, *args: Any, limit: int | str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.article_limit = int(limit) if limit not in (None, "") else None
        self._requested: set[str] = set()

    # -- discovery ---------------------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[Request]:
        callbacks = {"feed": self.parse_feed, "sitemap": self.parse_sitemap, "listing": self.parse_listing}
        for kind, url in self.site.entry_points():
            yield Request(
                url,
                callback=callbacks[kind],
                errback=self.on_error,
                meta={"page_kind": kind, "listing_page": 1},
            )

    def parse_feed(self, response: Response) -> Iterator[Request]:
        self._count_page("feed")
        if not isinstance(response, TextResponse):
            self._count_error("not_a_feed", response.url)
            return
        for entry in response.xpath(FEED_ITEM_XPATH):
            link = (
                entry.xpath("./*[local-name()='link']/text()").get()
                or entry.xpath("./*[local-name()='link']/@href").get()
                or ""
            ).strip()
            published = entry.xpath(
                "./*[local-name()='pubDate' or local-name()='published' or local-name()='date']/text()"
            ).get()
            modified = entry.xpath("./*[local-name()='updated']/text()").get()
            if link:
                yield from self._article_request(response.urljoin(link), published, modified)

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        self._count_page("sitemap")
        body = response.body
        if body[:2] == b"\x1f\x8b":
            body = gunzip(body, max_size=self.settings.getint("DOWNLOAD_MAXSIZE") or 0)
        try:
            sitemap = Sitemap(body)
        except Exception:  # lxml raises several types on junk; the page is counted and skipped
            self._count_error("bad_sitemap", response.url)
            return
        if sitemap.type == "sitemapindex":
            for entry in sitemap:
                yield response.follow(
                    entry["loc"],
                    callback=self.parse_sitemap,
                    errback=self.on_error,
                    meta={"page_kind": "sitemap"},
                )
            return
        for entry in sitemap:
            news = entry.get("news")
            published = news.get("publication_date") if isinstance(news, dict) else None
            yield from self._article_request(entry["loc"], published, entry.get("lastmod"))

    def parse_listing(self, response: Response) -> Iterator[Request]:
        self._count_page("listing")
        if not isinstance(response, TextResponse):
            self._count_error("not_html", response.url)
            return
        family = self.site.family
        links = [href for css in family.listing_links for href in response.css(f"{css}::attr(href)").getall()]
        links += response.css("a::attr(href)").getall()
        for href in links:
            url = response.urljoin(href.strip())
            if self.site.is_article_url(url):
                yield from self._article_request(url, None, None)
        page = int(response.meta.get("listing_page", 1))
        if page >= self.site.max_listing_pages:
            return
        for css in family.next_page:
            next_href = response.css(f"{css}::attr(href)").get()
            if next_href:
                yield response.follow(
                    next_href,
                    callback=self.parse_listing,
                    errback=self.on_error,
                    meta={"page_kind": "listing", "listing_page": page + 1},
                )
                return

    def _article_request(self, url: str, published: str | None, modified: str | None) -> Iterator[Request]:
        if not self.site.is_article_url(url):
            return
        canonical = canonicalize(url)
        if canonical in self._requested:
            return
        if self.article_limit is not None and len(self._requested) >= self.article_limit:
            self.crawler.stats.inc_value("crawler/articles/over_limit")
            return
        self._requested.add(canonical)
        yield Request(
            url,
            callback=self.parse_article,
            errback=self.on_error,
            meta={"page_kind": "article", "feed_published": published, "feed_modified": modified},
        )

    # -- articles ----------------------------------------------------------------------------------------

    def parse_article(self, response: Response) -> Iterator[Article]:
        self._count_page("article")
        if not isinstance(response, TextResponse):
            self._count_error("not_html", response.url)
            return
        fetched_at = datetime.now(VN_TZ).replace(microsecond=0).isoformat()
        extraction = extract_article(response.url, response.body, self.site, encoding=response.encoding)
        yield article_from_extraction(
            extraction,
            site=self.site,
            fetched_at=fetched_at,
            feed_published_raw=response.meta.get("feed_published"),
            feed_modified_raw=response.meta.get("feed_modified"),
        )

    # -- bookkeeping -------------------------------------------------------------------------------------

    def on_error(self, failure: Failure) -> None:
        request = getattr(failure, "request", None)
        url = request.url if request is not None else "?"
        self._count_error(type(failure.value).__name__, url)

    def _count_page(self, kind: str) -> None:
        self.crawler.stats.inc_value(f"crawler/pages/{kind}")

    def _count_error(self, kind: str, url: str) -> None:
        self.crawler.stats.inc_value("crawler/errors")
        self.crawler.stats.inc_value(f"crawler/errors/{kind}")
        logger.warning("%s: %s on %s", self.site.key, kind, url)
