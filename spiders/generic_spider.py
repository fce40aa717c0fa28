"""The spider of a domain nobody declared (a site of the generic family): generic discovery, learned article
URLs. `spiders.site_spider.spider_class_for` gives it to such a site."""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import urlsplit

from scrapy import Request, Spider, signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from crawler.discovery.nightly import conditional_headers, moment
from crawler.discovery.pages import (
    COMMON_FEEDS,
    COMMON_SITEMAPS,
    next_page,
    page_signals,
    read_home,
    robots_sitemaps,
)
from crawler.discovery.urls import (
    Shape,
    is_static_or_utility,
    learn_article_pattern,
    looks_like_article_url,
    path_of,
    url_shape,
)
from crawler.extract import parse_document
from crawler.item import Article
from crawler.urls import canonicalize
from spiders.candidates import Candidate
from spiders.site_spider import SiteSpider

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


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
        """Every entry point, every run (what an undeclared site offers is learned anew); the feeds and
        sitemaps an earlier completed run read are asked for conditionally, and a sitemap index's children
        by their `<lastmod>` (`crawler.discovery.nightly`)."""
        watermark, self._pages_known = await self.crawl_state.discovery(self.site.key)
        self._watermark = moment(watermark)
        self._discovery_loaded = True
        base = self.site.base_url
        yield self._discovery(base + "/", self.parse_home, "listing", probe=False, listing_page=1)
        yield self._discovery(base + "/robots.txt", self.parse_robots, "robots")
        for path in (*COMMON_SITEMAPS, *self.site.sitemaps):
            yield self._discovery(self.site.absolute(path), self.parse_probe, "sitemap")
        for path in (*self.site.feeds, *COMMON_FEEDS):
            yield self._discovery(self.site.absolute(path), self.parse_probe, "feed")
        for path in self.site.listings:
            yield self._discovery(self.site.absolute(path), self.parse_section, "listing", listing_page=1)

    PROBE_STATUSES = (304, 403, 404, 410)
    """What a probe handles itself: a 304 (the page as read before) and the statuses of a path not there."""

    def _discovery(self, url: str, callback: Any, kind: str, *, probe: bool = True, **meta: Any) -> Request:
        known = self._pages_known.get(url) if probe and not self.recrawl else None
        return Request(
            url,
            callback=callback,
            errback=self.on_probe_error if probe else self.on_error,
            priority=self.DISCOVERY_PRIORITY,
            headers=conditional_headers(known),
            meta={
                "page_kind": kind,
                "probe": probe,
                "handle_httpstatus_list": list(self.PROBE_STATUSES) if probe else [],
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
        if self._not_modified(response) or self._missed(response):
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
                    meta={**request.meta, "probe": True, "handle_httpstatus_list": list(self.PROBE_STATUSES)},
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
