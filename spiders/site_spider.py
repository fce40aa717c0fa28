"""One spider for every site: discovery from feeds, sitemaps and listings, then extraction of each article.

The spider only crawls. What an article page says is decided by `crawler.extract`; what becomes of the item
(normalization, dates, identity, dedupe, validation, storage) by the pipelines.

Nightly runs are incremental: an article page the crawl state already holds is requested again only when its
feed or sitemap entry shows a modification after the last fetch (or with `recrawl`), and then conditionally
(`If-None-Match` / `If-Modified-Since`). A listing's pagination stops at a page that holds only known articles.
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, Self
from urllib.parse import urlsplit

from scrapy import Request, Spider, signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from crawler.dates import VN_TZ, parse_date
from crawler.discovery.nightly import child_verdict, conditional_headers, covers_since, fresh_sources, moment
from crawler.discovery.pages import (
    COMMON_FEEDS,
    COMMON_SITEMAPS,
    next_page,
    page_signals,
    read_home,
    robots_sitemaps,
)
from crawler.discovery.sitemaps import MAX_CHILDREN, MAX_ENTRIES, Sitemap, SitemapError, read_sitemap
from crawler.discovery.urls import (
    Shape,
    is_static_or_utility,
    learn_article_pattern,
    looks_like_article_url,
    path_of,
    url_shape,
)
from crawler.extract import extract_article, parse_document
from crawler.item import EXTRACTION_STAGE, Article, Rejected, article_from_extraction, extraction_failure
from crawler.middlewares.errors import classify
from crawler.sites.model import Site
from crawler.state import CrawlState, DiscoveryPage, KnownArticle, open_state
from crawler.urls import canonicalize

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

GENERIC_FAMILY = "generic"

logger = logging.getLogger(__name__)

FEED_ITEM_XPATH = "//*[local-name()='item' or local-name()='entry']"


@dataclass(frozen=True, slots=True)
class Candidate:
    """An article URL found by discovery, with what its feed or sitemap entry said of its dates."""

    url: str
    published: str | None = None
    modified: str | None = None
    source: str = ""
    """Where discovery found it: `feed`, `news` (a news sitemap), `sitemap`, `listing` or `pending`."""


@dataclass(frozen=True, slots=True)
class Queued:
    """What discovery made of a batch of candidates."""

    requests: list[Request]
    all_known: bool
    """Every candidate was known and none is requested (a listing's pagination stops there)."""
    any_known: bool
    """The state knew at least one (a fresh source that lists one reaches back to the last run)."""


def spider_class_for(site: Site) -> type[SiteSpider]:
    """A spider class named after the site, as Scrapy's loader hands out classes, not instances. A site of
    the generic family (an ad-hoc one, `crawler.sites.generic_site`) gets the generic-discovery spider."""
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
        self._fresh_pending = 0
        self._widened = False
        self._incomplete: str | None = None
        """Why this run's discovery must not be kept (an article that failed, a fresh source that failed)."""

    @property
    def state(self) -> CrawlState:
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
        watermark, self._pages_known = await self.state.discovery(self.site.key)
        self._watermark = moment(watermark)
        self._discovery_loaded = True
        fresh = (
            [] if self._everything else fresh_sources(self.site.entry_points(), self._pages_known, self._now)
        )
        if not fresh:
            for request in self._entry_requests():
                yield request
            return
        self._fresh_pending = len(fresh)
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

    def _read_whole(self, response: Response, kind: str, lastmod: str | None = None) -> None:
        """Remember a discovery page read whole this run (kept in the state when the run completes)."""
        self._pages_read[response.url] = DiscoveryPage(
            url=response.url,
            site=self.site.key,
            kind=kind,
            read_at=self._started_at,
            etag=_header(response, b"ETag"),
            last_modified=_header(response, b"Last-Modified"),
            lastmod=lastmod if lastmod is not None else response.meta.get("lastmod"),
        )

    def _fresh_read(self, response: Response, covered: bool) -> Iterator[Request]:
        """After a fresh source is read (or answered 304, `covered`): when it does not reach back to the last
        run, every entry point is read."""
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
        known = await self.state.lookup(fresh) if fresh else {}
        requests = []
        budget = self._budget_left()
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
            await self.state.touch(canonicalize(response.url), fetched_at)
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
        await self.state.commit_discovery(self.site.key, pages, self._started_at)

    def _count_page(self, kind: str) -> None:
        self.crawler.stats.inc_value(f"crawler/pages/{kind}")

    def _count_error(self, kind: str, url: str) -> None:
        self.crawler.stats.inc_value("crawler/errors")
        self.crawler.stats.inc_value(f"crawler/errors/{kind}")
        logger.warning("%s: %s on %s", self.site.key, kind, url)


class GenericSiteSpider(SiteSpider):
    """Crawls a domain nobody declared: discovery finds its entry points and learns its article URLs.

    It starts from the home page (announced feeds, section links in the navigation, the links themselves),
    robots.txt (`Sitemap:` lines) and the common feed and sitemap paths (probes: a miss is counted, not an
    error). Feed and news-sitemap entries are taken as articles; other links when their URL looks like one
    (`crawler.discovery.urls`) or matches the pattern learned from the article pages confirmed so far; the
    rest wait, and are judged again by the learned pattern when the crawl is otherwise done (when it takes
    none of them, two links of each common URL shape are fetched to learn from). Every fetched page must
    show itself an article (`page_signals`) before it becomes an item. Extraction has structured
    data and the generic layer only; the publication time comes from structured data, else the feed or
    sitemap entry, else the dateline printed near the headline. Discovery pages go before article pages, so
    feed and sitemap dates are known when an article is read.
    """

    DISCOVERY_PRIORITY = 10
    RELEARN_EVERY = 10

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._hints: dict[str, Candidate] = {}
        self._pending: dict[str, Candidate] = {}
        self._articles_seen: list[str] = []
        self._not_articles: list[str] = []
        self._pattern: re.Pattern[str] | None = None
        self._learned_at = 0
        self._sections: list[str] = []
        self._section_forms: set[str] = set()
        self._tried_shapes: set[Shape] = set()
        self._hosts: set[str] = set(self.site.domains)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._on_idle, signal=signals.spider_idle)
        return spider

    @property
    def learned_pattern(self) -> str | None:
        """The article URL pattern learned so far (a regular expression over the path)."""
        return self._pattern.pattern if self._pattern else None

    # -- entry points ------------------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[Request]:
        base = self.site.base_url
        yield self._discovery(base + "/", self.parse_home, "listing", probe=False, listing_page=1)
        yield self._discovery(base + "/robots.txt", self.parse_robots, "robots")
        for path in (*COMMON_SITEMAPS, *self.site.sitemaps):
            yield self._discovery(self.site.absolute(path), self.parse_probe, "sitemap")
        for path in (*self.site.feeds, *COMMON_FEEDS):
            yield self._discovery(self.site.absolute(path), self.parse_probe, "feed")
        for path in self.site.listings:
            yield self._discovery(self.site.absolute(path), self.parse_section, "listing", listing_page=1)

    def _discovery(self, url: str, callback: Any, kind: str, *, probe: bool = True, **meta: Any) -> Request:
        return Request(
            url,
            callback=callback,
            errback=self.on_probe_error if probe else self.on_error,
            priority=self.DISCOVERY_PRIORITY,
            meta={
                "page_kind": kind,
                "probe": probe,
                "handle_httpstatus_list": [403, 404, 410] if probe else [],
                **meta,
            },
        )

    def on_probe_error(self, failure: Failure) -> None:
        """A probed path that is not there (or fails) is a miss, not an error of the crawl."""
        self.crawler.stats.inc_value("crawler/discovery/probe_miss")

    def _missed(self, response: Response) -> bool:
        if response.status == 200:
            return False
        self.crawler.stats.inc_value("crawler/discovery/probe_miss")
        return True

    async def parse_robots(self, response: Response) -> AsyncIterator[Request]:
        if self._missed(response) or not isinstance(response, TextResponse):
            return
        for url in robots_sitemaps(response.text, self.site.base_url):
            if self._same_host(url):
                yield self._discovery(url, self.parse_probe, "sitemap")

    async def parse_probe(self, response: Response) -> AsyncIterator[Request]:
        """A feed or sitemap probe (or an announced one): what it is shows in its first bytes."""
        if self._missed(response):
            return
        head = response.body[:2] == b"\x1f\x8b" or b"<urlset" in response.body[:2048]
        head = head or b"<sitemapindex" in response.body[:2048]
        if head:
            async for request in self.parse_sitemap(response):
                yield request
            return
        start = response.body[:2048].lower()
        if b"<rss" in start or b"<feed" in start or b"<rdf" in start:
            self.crawler.stats.inc_value("crawler/discovery/feeds_found")
            form = response.meta.get("section_form")
            if form and form not in self._section_forms:
                self._section_forms.add(form)
                for request in self._section_feed_requests(form, self._sections):
                    yield request
            async for request in self.parse_feed(response):
                yield request
            return
        if isinstance(response, TextResponse) and b"<html" in start:
            for url in read_home(response.body, response.url).feeds:  # a page listing the site's feeds
                yield self._discovery(url, self.parse_probe, "feed")

    async def parse_sitemap(self, response: Response) -> AsyncIterator[Request]:
        async for request in super().parse_sitemap(response):
            if request.meta.get("page_kind") == "sitemap":
                request = request.replace(
                    callback=self.parse_probe,
                    errback=self.on_probe_error,
                    priority=self.DISCOVERY_PRIORITY,
                    meta={**request.meta, "probe": True, "handle_httpstatus_list": [403, 404, 410]},
                )
            yield request

    # -- home and section pages --------------------------------------------------------------------------

    async def parse_home(self, response: Response) -> AsyncIterator[Request]:
        self._count_page("listing")
        if not isinstance(response, TextResponse):
            self._count_error("not_html", response.url)
            return
        landed = _bare_host(response.url)
        if landed not in self._hosts:  # the home page redirects to the site's new domain: follow it there
            logger.info("%s: the home page moved to %s; crawling that host too", self.site.key, landed)
            self._hosts.add(landed)
        home = read_home(response.body, response.url)
        for url in home.feeds:
            yield self._discovery(url, self.parse_probe, "feed")
        for url in home.feed_pages:
            yield self._discovery(url, self.parse_probe, "feed")
        self._sections = [u for u in home.sections if self._same_host(u)][: self.MAX_SECTIONS]
        for url in self._sections:
            yield self._discovery(url, self.parse_section, "listing", probe=False, listing_page=1)
        for form in ("/{slug}/index.rss", "/rss/{slug}.rss"):
            for request in self._section_feed_requests(form, self._sections[:2], probing=True):
                yield request
        queued = await self._article_requests(Candidate(u, source="listing") for u in home.links)
        for request in queued.requests:
            yield request

    MAX_SECTIONS = 40

    def _section_feed_requests(self, form: str, sections: list[str], probing: bool = False) -> list[Request]:
        """Per-section feeds of one form: two probed first, then (when one answers) every section's."""
        out = []
        for url in sections:
            segments = [s for s in urlsplit(url).path.split("/") if s]
            if len(segments) != 1:
                continue
            path = form.format(slug=segments[0].split(".")[0])
            meta: dict[str, Any] = {"section_form": form} if probing else {}
            out.append(self._discovery(self.site.absolute(path), self.parse_probe, "feed", **meta))
        return out

    async def parse_section(self, response: Response) -> AsyncIterator[Request]:
        self._count_page("listing")
        if not isinstance(response, TextResponse):
            self._count_error("not_html", response.url)
            return
        home = read_home(response.body, response.url)
        queued = await self._article_requests(Candidate(u, source="listing") for u in home.links)
        for request in queued.requests:
            yield request
        page = int(response.meta.get("listing_page", 1))
        if page >= self.site.max_listing_pages or (queued.all_known and not self.recrawl):
            return
        following = next_page(response.body, response.url, page)
        if following and self._same_host(following):
            yield self._discovery(
                following, self.parse_section, "listing", probe=False, listing_page=page + 1
            )

    # -- which URLs are articles -------------------------------------------------------------------------

    def _same_host(self, url: str) -> bool:
        return _bare_host(url) in self._hosts

    def _accepts(self, candidate: Candidate) -> bool:
        url = candidate.url
        if not self._same_host(url) or is_static_or_utility(url) or urlsplit(url).path in ("", "/"):
            return False
        canonical = canonicalize(url)
        known = self._hints.get(canonical)
        if known is not None or len(self._hints) < self.MAX_REMEMBERED:
            self._hints[canonical] = Candidate(
                url,
                candidate.published or (known.published if known else None),
                candidate.modified or (known.modified if known else None),
                candidate.source,
            )
        if canonical in self._requested:
            return True
        if candidate.source in ("feed", "news", "pending"):
            return True
        if self._pattern is not None and self._pattern.search(path_of(url)):
            return True
        if looks_like_article_url(url):
            return True
        if len(self._pending) < self.MAX_REMEMBERED:
            self._pending.setdefault(canonical, candidate)
        return False

    MAX_REMEMBERED = 20_000
    """Entries kept of the hints (feed and sitemap dates) and of the links set aside, each: a sitemap of
    millions of URLs must not grow them without bound (a request carries its own entry's dates anyway)."""

    def _learn(self) -> None:
        count = len(self._articles_seen)
        if count - self._learned_at < (1 if count <= self.RELEARN_EVERY else self.RELEARN_EVERY):
            return
        self._learned_at = count
        pattern = learn_article_pattern(self._articles_seen, self._not_articles)
        self._pattern = re.compile(pattern) if pattern else None

    def _on_idle(self, spider: Spider) -> None:
        """When nothing is left to fetch, the links set aside are judged again by the learned pattern; when it
        takes none, two links of each common URL shape not tried yet are fetched, so that the pattern can
        learn from what they turn out to be (a site with no feed, no sitemap and id-less article URLs)."""
        if not self._pending:
            return
        self._learned_at = -self.RELEARN_EVERY
        self._learn()
        pattern = self._pattern
        chosen = [c for c in self._pending.values() if pattern is not None and pattern.search(path_of(c.url))]
        if chosen:
            self.crawler.stats.inc_value("crawler/discovery/pattern_matches", len(chosen))
        else:
            chosen = self._shape_samples()
            self.crawler.stats.inc_value("crawler/discovery/shape_samples", len(chosen))
        if not chosen:
            self._pending.clear()
            return
        for candidate in chosen:
            self._pending.pop(canonicalize(candidate.url), None)
        request = Request(
            "data:,",
            callback=self.parse_chosen,
            dont_filter=True,
            meta={
                "candidates": [Candidate(c.url, c.published, c.modified, "pending") for c in chosen],
                "page_kind": "pending",
            },
        )
        assert self.crawler.engine is not None
        self.crawler.engine.crawl(request)
        raise DontCloseSpider

    SHAPE_SAMPLES = 2
    """Links fetched per untried URL shape (of three links or more) when the learned pattern takes none."""

    def _shape_samples(self) -> list[Candidate]:
        groups: dict[Shape, list[Candidate]] = {}
        for candidate in self._pending.values():
            shape = url_shape(candidate.url)
            if shape.segments and shape not in self._tried_shapes:
                groups.setdefault(shape, []).append(candidate)
        chosen: list[Candidate] = []
        for shape, members in sorted(groups.items(), key=lambda kv: len(kv[1]), reverse=True)[:3]:
            if len(members) >= 3:
                self._tried_shapes.add(shape)
                chosen += members[: self.SHAPE_SAMPLES]
        return chosen

    async def parse_chosen(self, response: Response) -> AsyncIterator[Request]:
        queued = await self._article_requests(response.meta["candidates"])
        for request in queued.requests:
            yield request

    # -- articles ----------------------------------------------------------------------------------------

    def _article(self, response: TextResponse, fetched_at: str) -> Article | None:
        document = parse_document(response.body, response.encoding)
        signals_ = page_signals(document, response.url) if document is not None else None
        canonical = canonicalize(response.url)
        if signals_ is None or not signals_.is_article:
            self.crawler.stats.inc_value("crawler/discovery/not_article")
            self._not_articles.append(canonical)
            return None
        self._articles_seen.append(canonical)
        self._learn()
        hint = self._hints.get(canonical)
        published = (hint.published if hint else None) or response.meta.get("feed_published")
        modified = (hint.modified if hint else None) or response.meta.get("feed_modified")
        return self._extracted(response, fetched_at, published, modified)


def _bare_host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


TRANSIENT_ERRORS = frozenset(
    {"timeout", "connection_lost", "connection_refused", "dns", "truncated", "http_408", "http_429"}
)


def _transient(kind: str) -> bool:
    """A failure that may not happen next time (a 5xx, a timeout), unlike a 404 or a robots.txt refusal."""
    return kind in TRANSIENT_ERRORS or kind.startswith("http_5")


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _modified_after(modified_raw: str | None, known: KnownArticle) -> bool:
    """Whether a feed or sitemap modification time is later than the article's last fetch."""
    if not modified_raw:
        return False
    modified = parse_date(modified_raw).value
    return modified is not None and modified > datetime.fromisoformat(known.last_fetched)
