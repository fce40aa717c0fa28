"""What an undeclared portal's pages tell discovery: pure functions of HTML (or text) and its URL.

- `read_home`: the feeds a page announces (`<link rel=alternate>`, links to `.rss`), its section links (the
  navigation menu, section headings) and every link on the same host;
- `robots_sitemaps`: the `Sitemap:` lines of a robots.txt;
- `page_signals`: whether a fetched page is an article (structured data, a dateline, one `<h1>` over long
  paragraphs) and the dateline it prints;
- `next_page`: a listing's next page (`rel=next`, "Trang sau", `page-3.html`, `?page=3`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from crawler.discovery.urls import is_static_or_utility, looks_like_article_url
from crawler.extract import parse_document
from crawler.extract.datelines import find_printed_dates
from crawler.extract.structured import read_structured
from crawler.text import normalize_text

COMMON_FEEDS = ("/rss", "/rss.xml", "/feed", "/rss/home.rss", "/rss/tin-moi-nhat.rss", "/rss/trang-chu.rss")
"""Feed paths many Vietnamese portals serve, probed when a home page announces none."""
COMMON_SITEMAPS = ("/sitemap.xml", "/sitemap_index.xml", "/sitemaps/news.xml")
"""Sitemap paths probed besides those robots.txt names."""
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json", "text/xml")

_FEED_HREF = re.compile(r"(?:\.rss|/rss\.xml|/atom\.xml|/feed/?|\.rss\?.*)$", re.I)
_FEED_PAGE = re.compile(r"^/(?:rss|feeds?|rss-feed)(?:\.html?|/)?$", re.I)
_NAV = re.compile(r"nav|menu|header|cate|chuyen-?muc|category|section", re.I)
_CHROME = re.compile(r"footer|sidebar|menu", re.I)
_NEXT_TEXTS = frozenset(
    {"trang sau", "sau", "»", "›", "tiếp", "tiếp »", "trang tiếp", "next", "xem thêm", ">"}
)
_PAGE_NUMBER = re.compile(r"(page|trang|p)([-_/=]?)(\d+)", re.I)
_LONG_PARAGRAPH = 60


@dataclass
class HomePage:
    """What a home (or section) page links to."""

    feeds: list[str] = field(default_factory=list)
    feed_pages: list[str] = field(default_factory=list)
    """Pages that list the site's feeds (`/rss/`, `/rss.html`)."""
    sections: list[str] = field(default_factory=list)
    """Section listings, navigation first."""
    links: list[str] = field(default_factory=list)
    """Every link on the page's host, absolute, in page order."""


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


def _classes(el: HtmlElement) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def _in_nav(a: HtmlElement) -> bool:
    for parent in a.iterancestors():
        if parent.tag in ("nav", "header") or _NAV.search(_classes(parent)):
            return True
    return False


def _section_like(url: str) -> bool:
    """A path of one or two plain segments (`/xa-hoi/`, `/kinh-te/nong-nghiep/`), not an article or utility."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if not 1 <= len(segments) <= 2 or parts.query or is_static_or_utility(url):
        return False
    if looks_like_article_url(url):
        return False
    return all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*(?:\.html?)?", s, re.I) for s in segments)


def read_home(html: str | bytes, url: str) -> HomePage:
    """The feeds, sections and same-host links of a page."""
    found = HomePage()
    doc = parse_document(html)
    if doc is None:
        return found
    host = _host(url)
    for link in doc.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower()
        href = (link.get("href") or "").strip()
        if "alternate" in rel and href and any(kind.startswith(t) for t in FEED_TYPES):
            found.feeds.append(urljoin(url, href))
    nav_sections: list[str] = []
    other_sections: list[str] = []
    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
            continue
        absolute = urljoin(url, href).split("#", 1)[0]
        if _host(absolute) != host:
            continue
        path = urlsplit(absolute).path
        if _FEED_HREF.search(path):
            found.feeds.append(absolute)
            continue
        if _FEED_PAGE.match(path):
            found.feed_pages.append(absolute)
            continue
        found.links.append(absolute)
        if _section_like(absolute):
            (nav_sections if _in_nav(a) else other_sections).append(absolute)
    found.feeds = list(dict.fromkeys(found.feeds))
    found.feed_pages = list(dict.fromkeys(found.feed_pages))
    found.sections = list(dict.fromkeys(nav_sections + other_sections))
    found.links = list(dict.fromkeys(found.links))
    return found


def robots_sitemaps(text: str, base_url: str) -> list[str]:
    """The sitemaps a robots.txt names (`Sitemap:` lines, any case), absolute."""
    found = []
    for line in text.splitlines():
        name, _, value = line.partition(":")
        if name.strip().lower() == "sitemap" and value.strip():
            found.append(urljoin(base_url, value.strip()))
    return list(dict.fromkeys(found))


def section_feed_paths(sections: list[str]) -> list[str]:
    """Per-section feeds to probe: `/<section>/index.rss` (family B's) and `/rss/<section>.rss`."""
    out = []
    for url in sections:
        segments = [s for s in urlsplit(url).path.split("/") if s]
        if len(segments) == 1:
            slug = segments[0].split(".")[0]
            out += [f"/{slug}/index.rss", f"/rss/{slug}.rss"]
    return out


# --- article pages -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PageSignals:
    """What a fetched page says of itself."""

    structured_article: bool
    """JSON-LD `NewsArticle` (or kin), `og:type=article` or `article:published_time`."""
    h1: bool
    long_paragraphs: int
    """The most paragraphs of 60+ characters (mostly not link text) side by side under one element."""
    dateline: str | None
    """The publication time as the page prints it, where one is found near the headline."""
    published: str | None
    """What structured data declares as the publication time."""

    @property
    def is_article(self) -> bool:
        if self.structured_article:
            return self.h1 or self.long_paragraphs >= 2
        return self.h1 and (self.long_paragraphs >= 3 or (self.long_paragraphs >= 2 and bool(self.dateline)))


def _long_paragraph_run(doc: HtmlElement) -> int:
    counts: Counter[str] = Counter()
    tree = doc.getroottree()
    for p in doc.iter("p"):
        text = normalize_text(p.text_content())
        if len(text) < _LONG_PARAGRAPH:
            continue
        linked = sum(len(normalize_text(a.text_content())) for a in p.iter("a"))
        if linked > 0.3 * len(text) or any(
            a.tag in ("footer", "aside", "nav", "header") or _CHROME.search(_classes(a))
            for a in p.iterancestors()
        ):
            continue
        parent = p.getparent()
        if parent is not None:
            counts[tree.getpath(parent)] += 1
    return max(counts.values(), default=0)


def find_dateline(doc: HtmlElement) -> str | None:
    """The dateline printed by the page's headline (extraction's printed-dateline finder, best first)."""
    found = find_printed_dates(doc)
    return found[0].text if found else None


def page_signals(html: str | bytes | HtmlElement, url: str) -> PageSignals:
    """Whether the page is an article, from its structured data, headline, paragraphs and dateline."""
    doc = html if isinstance(html, HtmlElement) else parse_document(html)
    if doc is None:
        return PageSignals(False, False, 0, None, None)
    data = read_structured(doc, url)
    og_article = any(
        (m.get("property") or m.get("name") or "").lower() == "og:type"
        and (m.get("content") or "").strip().lower() == "article"
        for m in doc.iter("meta")
    )
    published_meta = any(
        (m.get("property") or m.get("name") or "").lower() == "article:published_time"
        for m in doc.iter("meta")
    )
    h1 = any(normalize_text(h.text_content()) for h in doc.iter("h1"))
    return PageSignals(
        structured_article=data.found_article or og_article or published_meta,
        h1=h1,
        long_paragraphs=_long_paragraph_run(doc),
        dateline=find_dateline(doc),
        published=data.published,
    )


# --- listings ------------------------------------------------------------------------------------------------


def next_page(html: str | bytes, url: str, page: int) -> str | None:
    """The link to a listing's page `page + 1`: `rel=next`, a "Trang sau"/"»" link, or a link whose page
    number (`page-3.html`, `?page=3`, `/trang-3.htm`) is the next one."""
    doc = parse_document(html)
    if doc is None:
        return None
    host = _host(url)
    candidates: list[str] = []
    numbered: list[str] = []
    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:")):
            continue
        absolute = urljoin(url, href)
        if _host(absolute) != host or absolute == url:
            continue
        rel = (a.get("rel") or "").lower().split()
        text = normalize_text(a.text_content()).lower()
        if "next" in rel or text in _NEXT_TEXTS or re.search(r"\bnext\b", _classes(a), re.I):
            candidates.append(absolute)
        target = urlsplit(absolute)
        numbers = _PAGE_NUMBER.findall(target.path + "?" + target.query)
        if numbers and int(numbers[-1][2]) == page + 1:
            numbered.append(absolute)
    for link in candidates:
        if link in numbered or not numbered:
            return link
    return numbered[0] if numbered else (candidates[0] if candidates else None)


__all__ = [
    "COMMON_FEEDS",
    "COMMON_SITEMAPS",
    "HomePage",
    "PageSignals",
    "find_dateline",
    "next_page",
    "page_signals",
    "read_home",
    "robots_sitemaps",
    "section_feed_paths",
]
