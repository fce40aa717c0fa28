"""One spider for every site: discovery from feeds, sitemaps and listings, then extraction of each article.

The spider only crawls. What an article page says is decided by `crawler.extract`; what becomes of the item
(normalization, dates, identity, dedupe, validation, storage) by the pipelines.

Nightly runs are incremental: an article page the crawl state already holds is requested again only when its
feed or sitemap entry shows a modification after the last fetch (or with `recrawl`), and then conditionally
(`If-None-Match` / `If-Modified-Since`). A listing's pagination stops at a page that holds only known articles.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, Self

from scrapy import Request, Spider, signals
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from crawler.dates import VN_TZ
from crawler.discovery.nightly import (
    child_verdict,
    conditional_headers,
    covers_since,
    edited_since,
    fresh_sources,
    moment,
)
from crawler.discovery.sitemaps import MAX_CHILDREN, MAX_ENTRIES, Sitemap, SitemapError, read_sitemap
from crawler.extract import extract_article
from crawler.item import EXTRACTION_STAGE, Article, Rejected, article_from_extraction, extraction_failure
from crawler.middlewares.errors import classify
from crawler.sites.model import Site
from crawler.state import CrawlState, DiscoveryPage, KnownArticle, open_state
from crawler.urls import canonicalize
from spiders.candidates import Candidate, Queued

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

GENERIC_FAMILY = "generic"

logger = logging.getLogger(__name__)

FEED_ITEM_XPATH = "//*[local-name()='item' or local-name()='entry']"


def spider_class_for(site: Site) -> type[SiteSpider]:
    """A spider class named after the site, as Scrapy's loader hands out classes, not instances. A site of
    the generic family (an ad-hoc one, `crawler.sites.generic_site`) gets the generic-discovery spider."""
    from spiders.generic_spider import GenericSiteSpider  # here: it imports this module

    base = GenericSiteSpider if site.family.key == GENERIC_FAMILY else SiteSpider
    attributes = {"name": site.key, "site": site, "custom_settings": site.limits.scrapy_settings()}
    return type(f"{site.key.title().replace('_', '')}Spider", (base,), attributes)


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
        self._now = datetime.now(VN_TZ).replace(microsecond=0)
        self._started_at = self._now.isoformat()
        self._watermark: datetime | None = None
        self._pages_known: dict[str, DiscoveryPage] = {}
        self._pages_read: dict[str, DiscoveryPage] = {}
        self._discovery_loaded = False
        self._widened = False
        self._incomplete: str | None = None
        """Why this run's discovery must not be kept (an article that failed, a fresh source that failed)."""

    @property
    def crawl_state(self) -> CrawlState:
        """The crawl state (`crawler.state`), opened on first use. Not `state`: Scrapy's SpiderState
        extension sets `spider.state` to its own dict when JOBDIR is set."""
        if self._state is None:
            self._state = open_state(self.settings.get("CRAWLER_STATE"))
        return self._state

    # -- discovery ---------------------------------------------------------------------------------------

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._on_closed, signal=signals.spider_closed)
        return spider

    async def start(self) -> AsyncIterator[Request]:
        """A nightly run asks the fresh sources first (`crawler.discovery.nightly`); a first run, a recrawl or
        a run that finds a gap reads every entry point."""
        watermark, self._pages_known = await self.crawl_state.discovery(self.site.key)
        self._watermark = moment(watermark)
        self._discovery_loaded = True
        fresh = (
            [] if self._everything else fresh_sources(self.site.entry_points(), self._pages_known, self._now)
        )
        if not fresh:
            for request in self._entry_requests():
                yield request
            return
        for kind, url in fresh:
            callback = self.parse_feed if kind == "feed" else self.parse_sitemap
            page_kind = "feed" if kind == "feed" else "sitemap"
            yield self._discovery_request(url, callback, page_kind, fresh=True)

    @property
    def _everything(self) -> bool:
        """Every entry point and every child sitemap this run: a first run (no watermark) or a recrawl."""
        return self.recrawl or self._watermark is None

    def _entry_requests(self) -> Iterator[Request]:
        """Every entry point (once a run), conditionally where the state holds the page."""
        if self._widened:
            return
        self._widened = True
        callbacks = {"feed": self.parse_feed, "sitemap": self.parse_sitemap, "listing": self.parse_listing}
        for kind, url in self.site.entry_points():
            yield self._discovery_request(url, callbacks[kind], kind, listing_page=1)

    def _discovery_request(self, url: str, callback: Any, kind: str, **meta: Any) -> Request:
        known = None if self.recrawl else self._pages_known.get(url)
        return Request(
            url,
            callback=callback,
            errback=self.on_error,
            headers=conditional_headers(known),
            meta={"page_kind": kind, "handle_httpstatus_list": [304], **meta},
        )

    def _not_modified(self, response: Response) -> bool:
        """A 304 for a discovery page: counted by kind, and the page's record carried forward as read now."""
        if response.status != 304:
            return False
        kind = str(response.meta.get("page_kind", "page"))
        self.crawler.stats.inc_value("crawler/not_modified")
        self.crawler.stats.inc_value(f"crawler/not_modified/{kind}")
        known = self._pages_known.get(response.url)
        if known is not None:
            self._pages_read[known.url] = replace(known, read_at=self._started_at)
        return True

    def _read_whole(self, response: Response, kind: str) -> None:
        """Remember a discovery page read whole this run (kept in the state when the run completes)."""
        self._pages_read[response.url] = DiscoveryPage(
            url=response.url,
            site=self.site.key,
            kind=kind,
            read_at=self._started_at,
            etag=_header(response, b"ETag"),
            last_modified=_header(response, b"Last-Modified"),
            lastmod=response.meta.get("lastmod"),  # what the index said of it, when an index led here
        )

    def _fresh_read(self, response: Response, covered: bool) -> Iterator[Request]:
        """After a fresh source is read: when it does not reach back to the last run (`covered` False), every
        entry point is read. A fresh source that answered 304 never gets here: nothing changed."""
        if not response.meta.get("fresh"):
            return
        if covered:
            self.crawler.stats.inc_value("crawler/discovery/fresh_covered")
            return
        self.crawler.stats.inc_value("crawler/discovery/fresh_gap")
        logger.info(
            "%s: %s does not reach back to the last run; reading every entry point",
            self.site.key,
            response.url,
        )
        yield from self._entry_requests()

    async def parse_feed(self, response: Response) -> AsyncIterator[Request]:
        if self._not_modified(response):
            return
        self._count_page("feed")
        if not isinstance(response, TextResponse):
            self._count_error("not_a_feed", response.url)
            for request in self._fresh_read(response, covered=False):
                yield request
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
                candidates.append(Candidate(response.urljoin(link), published, modified, "feed"))
        queued = await self._article_requests(candidates)
        for request in queued.requests:
            yield request
        self._read_whole(response, "feed")
        covered = covers_since((c.published for c in candidates), queued.any_known, self._watermark)
        for request in self._fresh_read(response, covered):
            yield request

    async def parse_sitemap(self, response: Response) -> AsyncIterator[Request]:
        """A sitemap index's children or a urlset's articles, read as a stream (`crawler.discovery.sitemaps`):
        at most `MAX_CHILDREN` children and `MAX_ENTRIES` URLs, and never past the page budget."""
        if self._not_modified(response):
            return
        self._count_page("sitemap")
        try:
            sitemap = read_sitemap(response.body, max_size=self.settings.getint("DOWNLOAD_MAXSIZE"))
            if sitemap.kind == "sitemapindex":
                for request in await self._sitemap_children(sitemap, response):
                    yield request
                return
            batch: list[Candidate] = []
            dates: list[str | None] = []
            any_known = is_news = False
            for entry in sitemap:
                source = "news" if entry.is_news else "sitemap"
                is_news = is_news or entry.is_news
                batch.append(Candidate(entry.loc, entry.news_published, entry.lastmod, source))
                dates.append(entry.news_published or entry.lastmod)
                if len(batch) < self.SITEMAP_BATCH:
                    continue
                queued = await self._article_requests(batch)
                any_known = any_known or queued.any_known
                for request in queued.requests:
                    yield request
                batch = []
                if self._budget_left() == 0:  # the rest of the sitemap could not be queued this run
                    self.crawler.stats.inc_value("crawler/discovery/sitemap_budget_stop")
                    return
            queued = await self._article_requests(batch)
            for request in queued.requests:
                yield request
            if sitemap.capped:
                self._count_capped(response.url, MAX_ENTRIES, "URLs")
            else:
                self._read_whole(response, "news" if is_news else "sitemap")
            covered = covers_since(dates, any_known or queued.any_known, self._watermark)
            for request in self._fresh_read(response, covered):
                yield request
        except SitemapError as error:
            self._count_error(error.kind, response.url)  # junk, HTML, a gzip bomb: bad_sitemap, too_large
            for request in self._fresh_read(response, covered=False):
                yield request

    SITEMAP_BATCH = 500
    """Sitemap entries judged (state lookup, budget) together; memory holds one batch, not the sitemap."""

    async def _sitemap_children(self, sitemap: Sitemap, response: Response) -> list[Request]:
        """The child sitemaps of an index to read this run (`child_verdict`: on a nightly run only those whose
        `<lastmod>` moved): at most `MAX_CHILDREN`, and no more than the page budget left."""
        out: list[Request] = []
        budget = self._budget_left()
        for entry in sitemap:
            if len(out) >= MAX_CHILDREN or (budget is not None and len(out) >= budget):
                self._count_capped(response.url, len(out), "child sitemaps")
                return out
            url = response.urljoin(entry.loc)
            known = self._pages_known.get(url)
            verdict = child_verdict(entry.lastmod, known, self._watermark, everything=self._everything)
            if verdict != "read":
                self.crawler.stats.inc_value(f"crawler/discovery/sitemap_{verdict}")
                continue
            out.append(self._discovery_request(url, self.parse_sitemap, "sitemap", lastmod=entry.lastmod))
        if sitemap.capped:
            self._count_capped(response.url, len(out), "child sitemaps")
        else:
            self._read_whole(response, "sitemapindex")
        return out

    def _count_capped(self, url: str, count: int, what: str) -> None:
        self.crawler.stats.inc_value("crawler/discovery/sitemap_capped")
        logger.info("%s: read the first %d %s of %s, no more", self.site.key, count, what, url)

    PAGE_RESERVE = 0.1
    """The share of the page budget kept for what is not an article request queued by discovery: retries,
    redirects and discovery pages still to come."""

    def _budget_left(self) -> int | None:
        """Article requests that may still be queued this run (None: no page budget): the page budget
        (`CLOSESPIDER_PAGECOUNT`, the site's `limits.pages`) less its reserve, the discovery pages fetched and
        the article requests queued so far, whether fetched yet or not."""
        pages = self.settings.getint("CLOSESPIDER_PAGECOUNT")
        if pages <= 0:
            return None
        stats = self.crawler.stats
        discovery = sum(int(stats.get_value(f"crawler/pages/{k}", 0)) for k in ("feed", "sitemap", "listing"))
        usable = pages - int(pages * self.PAGE_RESERVE)
        return max(0, usable - discovery - len(self._requested))

    async def parse_listing(self, response: Response) -> AsyncIterator[Request]:
        if self._not_modified(response):  # the listing is as it was: so are the pages after it
            return
        self._count_page("listing")
        if not isinstance(response, TextResponse):
            self._count_error("not_html", response.url)
            return
        family = self.site.family
        links = [href for css in family.listing_links for href in response.css(f"{css}::attr(href)").getall()]
        links += response.css("a::attr(href)").getall()
        queued = await self._article_requests(
            Candidate(response.urljoin(h.strip()), source="listing") for h in links
        )
        for request in queued.requests:
            yield request
        self._read_whole(response, "listing")
        page = int(response.meta.get("listing_page", 1))
        if page >= self.site.max_listing_pages or (queued.all_known and not self.recrawl):
            return
        for css in family.next_page:
            next_href = response.css(f"{css}::attr(href)").get()
            if next_href:
                yield self._discovery_request(
                    response.urljoin(next_href), self.parse_listing, "listing", listing_page=page + 1
                )
                return

    async def _article_requests(self, candidates: Iterable[Candidate]) -> Queued:
        """Requests for the new or modified articles among `candidates`, and whether all or any were known.
        What is queued stops at the page budget left (`_budget_left`); the rest is counted `over_budget`."""
        fresh: dict[str, Candidate] = {}
        for candidate in candidates:
            if self._accepts(candidate):
                fresh.setdefault(canonicalize(candidate.url), candidate)
        known = await self.crawl_state.lookup(fresh) if fresh else {}
        requests = []
        budget = self._budget_left()
        for canonical, candidate in fresh.items():
            previous = known.get(canonical)
            if canonical in self._requested:
                continue
            if previous is not None and not self.recrawl and not edited_since(candidate.modified, previous):
                self.crawler.stats.inc_value("crawler/articles/known_skipped")
                continue
            if self.article_limit is not None and len(self._requested) >= self.article_limit:
                self.crawler.stats.inc_value("crawler/articles/over_limit")
                continue
            if budget is not None and budget <= 0:
                self.crawler.stats.inc_value("crawler/articles/over_budget")
                continue
            if budget is not None:
                budget -= 1
            self._requested.add(canonical)
            requests.append(self._article_request(candidate, previous))
        return Queued(requests, bool(fresh) and len(known) == len(fresh) and not requests, bool(known))

    def _accepts(self, candidate: Candidate) -> bool:
        """Whether a discovered URL is one of the site's articles (declared sites: by its URL pattern)."""
        return self.site.is_article_url(candidate.url)

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

    async def parse_article(self, response: Response) -> AsyncIterator[Article | Rejected]:
        self._count_page("article")
        fetched_at = datetime.now(VN_TZ).replace(microsecond=0).isoformat()
        if response.status == 304:
            self.crawler.stats.inc_value("crawler/articles/not_modified")
            await self.crawl_state.touch(canonicalize(response.url), fetched_at)
            return
        if not isinstance(response, TextResponse):
            self._count_error("not_html", response.url)
            return
        try:
            article = self._article(response, fetched_at)
        except Exception as error:  # no page is lost silently: a reject, filed with why
            self.crawler.stats.inc_value(f"crawler/rejects/{EXTRACTION_STAGE}")
            logger.debug("%s: extracting %s raised", self.site.key, response.url, exc_info=True)
            yield extraction_failure(response.url, self.site, fetched_at, error)
            return
        if article is None:
            return
        article.http_etag = _header(response, b"ETag")
        article.http_last_modified = _header(response, b"Last-Modified")
        yield article

    def _article(self, response: TextResponse, fetched_at: str) -> Article | None:
        """The raw Article of an article page (None: the page turned out not to be one)."""
        return self._extracted(
            response, fetched_at, response.meta.get("feed_published"), response.meta.get("feed_modified")
        )

    def _extracted(
        self, response: TextResponse, fetched_at: str, published: str | None, modified: str | None
    ) -> Article:
        """The page extracted (relative datelines read against the fetch time), with its feed entry's dates."""
        extraction = extract_article(
            response.url,
            response.body,
            self.site,
            encoding=response.encoding,
            relative_to=datetime.fromisoformat(fetched_at),
        )
        return article_from_extraction(
            extraction,
            site=self.site,
            fetched_at=fetched_at,
            feed_published_raw=published,
            feed_modified_raw=modified,
        )

    # -- bookkeeping -------------------------------------------------------------------------------------

    def on_error(self, failure: Failure) -> Iterator[Request]:
        request = getattr(failure, "request", None)
        url = request.url if request is not None else "?"
        kind = classify(failure)
        self._count_error(kind, url)
        if _transient(kind):  # a page that may answer next time: the next night must ask for it again
            self._incomplete = f"{kind} on {url}"
        if request is not None and request.meta.get("fresh"):  # a fresh source failed: read everything else
            yield from self._entry_requests()

    async def _on_closed(self, spider: Spider, reason: str) -> None:
        """Keep what this run read of the discovery pages, and its watermark, when its discovery completed:
        the run finished, nothing was left over the budget or limit, and no page failed that may answer next
        time. Otherwise the next night reads them again."""
        if not self._discovery_loaded:
            return
        stats = self.crawler.stats
        cut = sum(
            int(stats.get_value(f"crawler/{name}", 0))
            for name in ("articles/over_limit", "articles/over_budget", "discovery/sitemap_budget_stop")
        )
        why = self._incomplete or (f"finish reason {reason}" if reason != "finished" else None)
        why = why or (f"{cut} pages left over the budget or limit" if cut else None)
        if why:
            logger.info("%s: discovery not kept for the next night (%s)", self.site.key, why)
            stats.set_value("crawler/discovery/kept", 0)
            return
        stats.set_value("crawler/discovery/kept", 1)
        pages = list(self._pages_read.values())
        await self.crawl_state.commit_discovery(self.site.key, pages, self._started_at)

    def _count_page(self, kind: str) -> None:
        self.crawler.stats.inc_value(f"crawler/pages/{kind}")

    def _count_error(self, kind: str, url: str) -> None:
        self.crawler.stats.inc_value("crawler/errors")
        self.crawler.stats.inc_value(f"crawler/errors/{kind}")
        logger.warning("%s: %s on %s", self.site.key, kind, url)


TRANSIENT_ERRORS = frozenset(
    {"timeout", "connection_lost", "connection_refused", "dns", "truncated", "http_408", "http_429"}
)


def _transient(kind: str) -> bool:
    """A failure that may not happen next time (a 5xx, a timeout), unlike a 404 or a robots.txt refusal."""
    return kind in TRANSIENT_ERRORS or kind.startswith("http_5")


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
