"""One spider for every site: discovery from feeds, sitemaps and listings, then extraction of each article.

The spider only crawls. What an article page says is decided by `crawler.extract`; what becomes of the item
(normalization, dates, identity, dedupe, validation, storage) by the pipelines.

Nightly runs are incremental: an article page the crawl state already holds is requested again only when its
feed or sitemap entry shows a modification after the last fetch (or with `recrawl`), and then conditionally
(`If-None-Match` / `If-Modified-Since`). A listing's pagination stops at a page that holds only known articles.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from scrapy import Request, Spider
from scrapy.http import Response, TextResponse
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap
from twisted.python.failure import Failure

from crawler.dates import VN_TZ, parse_date
from crawler.extract import extract_article
from crawler.item import Article, article_from_extraction
from crawler.sites.model import Site
from crawler.state import CrawlState, KnownArticle, open_state
from crawler.urls import canonicalize

logger = logging.getLogger(__name__)

FEED_ITEM_XPATH = "//*[local-name()='item' or local-name()='entry']"


@dataclass(frozen=True, slots=True)
class Candidate:
    """An article URL found by discovery, with what its feed or sitemap entry said of its dates."""

    url: str
    published: str | None = None
    modified: str | None = None


def spider_class_for(site: Site) -> type[SiteSpider]:
    """A spider class named after the site, as Scrapy's loader hands out classes, not instances."""
    return type(f"{site.key.title().replace('_', '')}Spider", (SiteSpider,), {"name": site.key, "site": site})


class SiteSpider(Spider):
    """Crawls one declared site. Arguments: `limit` (at most this many article pages this run)."""

    name = "site"
    site: ClassVar[Site]

    def __init__(
        self, *args: Any, limit: int | str | None = None, recrawl: bool | str = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.article_limit = int(limit) if limit not in (None, "") else None
        self.recrawl = recrawl not in (False, "", "0", "false", "no")
        self._requested: set[str] = set()
        self._state: CrawlState | None = None

    @property
    def state(self) -> CrawlState:
        if self._state is None:
            self._state = open_state(self.settings.get("CRAWLER_STATE"))
        return self._state

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

    async def parse_feed(self, response: Response) -> AsyncIterator[Request]:
        self._count_page("feed")
        if not isinstance(response, TextResponse):
            self._count_error("not_a_feed", response.url)
            return
        candidates = []
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
                candidates.append(Candidate(response.urljoin(link), published, modified))
        requests, _ = await self._article_requests(candidates)
        for request in requests:
            yield request

    async def parse_sitemap(self, response: Response) -> AsyncIterator[Request]:
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
        candidates = []
        for entry in sitemap:
            news = entry.get("news")
            published = news.get("publication_date") if isinstance(news, dict) else None
            candidates.append(Candidate(entry["loc"], published, entry.get("lastmod")))
        requests, _ = await self._article_requests(candidates)
        for request in requests:
            yield request

    async def parse_listing(self, response: Response) -> AsyncIterator[Request]:
        self._count_page("listing")
        if not isinstance(response, TextResponse):
            self._count_error("not_html", response.url)
            return
        family = self.site.family
        links = [href for css in family.listing_links for href in response.css(f"{css}::attr(href)").getall()]
        links += response.css("a::attr(href)").getall()
        requests, all_known = await self._article_requests(
            Candidate(response.urljoin(h.strip())) for h in links
        )
        for request in requests:
            yield request
        page = int(response.meta.get("listing_page", 1))
        if page >= self.site.max_listing_pages or (all_known and not self.recrawl):
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

    async def _article_requests(self, candidates: Iterable[Candidate]) -> tuple[list[Request], bool]:
        """Requests for the new or modified articles among `candidates`, and whether all were known."""
        fresh: dict[str, Candidate] = {}
        for candidate in candidates:
            if self.site.is_article_url(candidate.url):
                fresh.setdefault(canonicalize(candidate.url), candidate)
        known = await self.state.lookup(fresh) if fresh else {}
        requests = []
        for canonical, candidate in fresh.items():
            previous = known.get(canonical)
            if canonical in self._requested:
                continue
            if (
                previous is not None
                and not self.recrawl
                and not _modified_after(candidate.modified, previous)
            ):
                self.crawler.stats.inc_value("crawler/articles/known_skipped")
                continue
            if self.article_limit is not None and len(self._requested) >= self.article_limit:
                self.crawler.stats.inc_value("crawler/articles/over_limit")
                continue
            self._requested.add(canonical)
            requests.append(self._article_request(candidate, previous))
        return requests, bool(fresh) and len(known) == len(fresh) and not requests

    def _article_request(self, candidate: Candidate, previous: KnownArticle | None) -> Request:
        headers = {}
        if previous is not None and previous.etag:
            headers["If-None-Match"] = previous.etag
        if previous is not None and previous.last_modified:
            headers["If-Modified-Since"] = previous.last_modified
        return Request(
            candidate.url,
            callback=self.parse_article,
            errback=self.on_error,
            headers=headers,
            meta={
                "page_kind": "article",
                "feed_published": candidate.published,
                "feed_modified": candidate.modified,
                "handle_httpstatus_list": [304],
            },
        )

    # -- articles ----------------------------------------------------------------------------------------

    async def parse_article(self, response: Response) -> AsyncIterator[Article]:
        self._count_page("article")
        fetched_at = datetime.now(VN_TZ).replace(microsecond=0).isoformat()
        if response.status == 304:
            self.crawler.stats.inc_value("crawler/articles/not_modified")
            await self.state.touch(canonicalize(response.url), fetched_at)
            return
        if not isinstance(response, TextResponse):
            self._count_error("not_html", response.url)
            return
        extraction = extract_article(response.url, response.body, self.site, encoding=response.encoding)
        article = article_from_extraction(
            extraction,
            site=self.site,
            fetched_at=fetched_at,
            feed_published_raw=response.meta.get("feed_published"),
            feed_modified_raw=response.meta.get("feed_modified"),
        )
        article.http_etag = _header(response, b"ETag")
        article.http_last_modified = _header(response, b"Last-Modified")
        yield article

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


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _modified_after(modified_raw: str | None, known: KnownArticle) -> bool:
    """Whether a feed or sitemap modification time is later than the article's last fetch."""
    if not modified_raw:
        return False
    modified = parse_date(modified_raw).value
    return modified is not None and modified > datetime.fromisoformat(known.last_fetched)
