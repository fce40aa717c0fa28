"""`crawler sites --suggest DOMAIN`: read a portal's home page, robots.txt, feeds, sitemaps and a few article
pages, and draft the record (TOML) a person reviews before adding it to `crawler/sites/portals/`.

The draft names a CMS family when the site's article URLs match the family's pattern and the family's
selectors find the title, body, lead and dateline on the sample pages; the article URL pattern learned from
the articles found; the feeds and sitemaps that answered; and the sections of the navigation as listings.

Pages are fetched one after another through `crawler.fetch` (`fetch_url`), not through Scrapy: a suggestion
is a dozen requests made while a person waits, outside any crawl, so a reactor, a spider and the pipelines
would add start-up and nothing else. That client keeps the crawl's manners and limits (its User-Agent,
robots.txt, no private target, redirects only on the domain, a size cap, a timeout); article pages robots.txt
disallows are also left out here, which holds for a replica too.
"""

from __future__ import annotations

import re
import sys
import urllib.robotparser
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

from crawler.discovery.pages import (
    COMMON_FEEDS,
    COMMON_SITEMAPS,
    page_signals,
    read_home,
    robots_sitemaps,
    section_feed_paths,
)
from crawler.discovery.urls import (
    is_static_or_utility,
    learn_article_pattern,
    looks_like_article_url,
    path_of,
)
from crawler.extract import parse_document
from crawler.extract.selectors import read_selectors
from crawler.fetch import Fetcher, FetchError, PrivateTarget
from crawler.settings import USER_AGENT
from crawler.sites.families import FAMILIES
from crawler.sites.families.generic import FAMILY_GENERIC
from crawler.sites.model import Family, Site
from crawler.sites.records import toml_value

Fetch = Callable[[str], tuple[int, bytes] | None]
"""GET one URL: (status, body), or None when it cannot be reached."""

SAMPLE_PAGES = 6
_PROVINCE = re.compile(
    r"(?:tỉnh|thành phố|Tỉnh ủy|Đảng bộ tỉnh)\s+((?:[A-ZĐ][a-zà-ỹđ]+)(?:\s+[A-ZĐ][a-zà-ỹđ]+){0,2})"
)


_FETCHER: Fetcher | None = None


def fetch_url(url: str) -> tuple[int, bytes] | None:
    """One GET through `crawler.fetch` (its robots.txt kept for the process); None when there is no answer,
    said in one line on stderr. A domain that is itself a private address raises `PrivateTarget`: nothing
    of it may be read."""
    global _FETCHER
    if _FETCHER is None:
        _FETCHER = Fetcher()
    try:
        page = _FETCHER.get(url)
    except PrivateTarget as exc:
        if exc.redirected:
            print(f"crawler: note: {exc}", file=sys.stderr)
            return None
        raise
    except FetchError as exc:
        print(f"crawler: note: {exc}", file=sys.stderr)
        return None
    return page.status, page.body if page.ok else b""


def replica_fetch(replica_url: str, fetch: Fetch | None = None) -> Fetch:
    """A fetch that asks a running replica (`crawler replica`) instead of the portal (the operator's own, on
    loopback: no target check; robots.txt is read from the replica by `suggest` itself)."""
    if fetch is None:
        fetcher = Fetcher(robots=False, check_targets=False)

        def direct(url: str) -> tuple[int, bytes] | None:
            try:
                page = fetcher.get(url)
            except FetchError as exc:
                print(f"crawler: note: {exc}", file=sys.stderr)
                return None
            return page.status, page.body if page.ok else b""

        fetch = direct
    asked = fetch

    def through(url: str) -> tuple[int, bytes] | None:
        parts = urlsplit(url)
        query = f"?{parts.query}" if parts.query else ""
        return asked(f"{replica_url.rstrip('/')}/{parts.hostname}{parts.path or '/'}{query}")

    return through


@dataclass
class FamilyScore:
    family: str
    url_share: float
    """Share of the article URLs the family's pattern matches."""
    selector_share: float
    """Share of (title, body, lead, dateline) the family's selectors found, over the sample pages."""

    @property
    def score(self) -> float:
        """The markup counts twice: a site on a family's CMS with URLs of its own overrides the pattern."""
        return (self.url_share + 2 * self.selector_share) / 3


@dataclass
class Suggestion:
    """What was learned of a domain, and the draft declaration it makes."""

    domain: str
    name: str | None = None
    province: str | None = None
    feeds: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    listings: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    """Article URLs from feeds, news sitemaps and links (the pattern is learned from them)."""
    confirmed: list[str] = field(default_factory=list)
    """The sample pages that showed themselves articles."""
    article_url: str | None = None
    families: list[FamilyScore] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def family(self) -> str | None:
        """The guessed family's key: the best-scoring one whose selectors find at least 3 of the 4 fields on
        the sample pages; None (the generic family) otherwise."""
        best = max(self.families, key=lambda f: f.score, default=None)
        return best.family if best is not None and best.selector_share >= 0.75 else None

    @property
    def key(self) -> str:
        first = self.domain.split(".")[0]
        key = re.sub(r"[^a-z0-9_]+", "_", first.lower()).strip("_")
        return key if key[:1].isalpha() else f"d_{key}"


def _is_feed(body: bytes) -> bool:
    start = body[:2048].lower()
    return b"<rss" in start or b"<feed" in start or b"<rdf" in start


def _is_sitemap(body: bytes) -> bool:
    start = body[:2048]
    return b"<urlset" in start or b"<sitemapindex" in start


def _locs(body: bytes, tag: bytes) -> list[str]:
    return [
        m.decode("utf-8", "replace").strip()
        for m in re.findall(rb"<" + tag + rb">\s*(.*?)\s*</" + tag + rb">", body, re.S)
    ]


def _feed_links(body: bytes) -> list[str]:
    """The item links of an RSS or Atom feed (not the channel's own link)."""
    links: list[str] = []
    for item in re.findall(rb"<item\b.*?</item>", body, re.S):
        links += _locs(item, b"link")
    for entry in re.findall(rb"<entry\b.*?</entry>", body, re.S):
        links += [m.decode("utf-8", "replace") for m in re.findall(rb'<link[^>]+href="([^"]+)"', entry)]
    cleaned = (re.sub(r"^<!\[CDATA\[|\]\]>$", "", u).replace("&amp;", "&").strip() for u in links)
    return [u for u in cleaned if u.startswith("http")]


def _family_scores(articles: list[str], pages: list[bytes]) -> list[FamilyScore]:
    scores = []
    docs = [d for d in (parse_document(p) for p in pages) if d is not None]
    for key, family in FAMILIES.items():
        url_share = sum(bool(family.article_re.search(path_of(u))) for u in articles) / max(len(articles), 1)
        probe = Site(key="probe", name="probe", domains=("probe.vn",), province="?", family=family)
        found = [read_selectors(doc, probe) for doc in docs]
        matched = sum(r.fields_matched for r in found if r is not None)
        scores.append(FamilyScore(key, url_share, matched / (4 * len(docs)) if docs else 0.0))
    return sorted(scores, key=lambda f: f.score, reverse=True)


def suggest(domain: str, fetch: Fetch = fetch_url, *, samples: int = SAMPLE_PAGES) -> Suggestion:
    """Read the domain's entry points and some article pages; learn what a declaration needs."""
    base = f"https://{domain}"
    found = Suggestion(domain)
    host = domain.removeprefix("www.")

    def same_host(url: str) -> bool:
        return (urlsplit(url).hostname or "").lower().removeprefix("www.") == host

    home_answer = fetch(base + "/")
    if home_answer is None or home_answer[0] != 200:
        found.notes.append(
            f"the home page {base}/ did not answer 200 ({home_answer[0] if home_answer else 'no answer'})"
        )
        home_body = b""
    else:
        home_body = home_answer[1]
    home = read_home(home_body, base + "/")
    doc = parse_document(home_body) if home_body else None
    if doc is not None:
        site_name = next(
            (m.get("content") for m in doc.iter("meta") if (m.get("property") or "") == "og:site_name"), None
        )
        title = next((t.text_content().strip() for t in doc.iter("title")), None)
        found.name = site_name or (title.split(" - ")[0].split(" | ")[0] if title else None)
        provinces = Counter(_PROVINCE.findall(doc.text_content()))
        found.province = provinces.most_common(1)[0][0] if provinces else None
    found.listings = [u for u in home.sections if same_host(u)][:12]

    robots_answer = fetch(base + "/robots.txt")
    robots_text = (
        robots_answer[1].decode("utf-8", "replace") if robots_answer and robots_answer[0] == 200 else ""
    )
    rules = urllib.robotparser.RobotFileParser()
    rules.parse(robots_text.splitlines())

    feed_urls = list(home.feeds)
    for page in home.feed_pages:
        answer = fetch(page)
        if answer and answer[0] == 200:
            feed_urls += read_home(answer[1], page).feeds
    feed_urls += [base + p for p in COMMON_FEEDS]
    feed_urls += [base + p for p in section_feed_paths(found.listings[:2])]
    feed_items: list[str] = []
    for url in dict.fromkeys(u for u in feed_urls if same_host(u)):
        answer = fetch(url)
        if answer and answer[0] == 200 and _is_feed(answer[1]):
            found.feeds.append(url)
            feed_items += [u for u in _feed_links(answer[1]) if same_host(u) and u.rstrip("/") != base]
    sitemap_urls = robots_sitemaps(robots_text, base) or [base + p for p in COMMON_SITEMAPS]
    sitemap_items: list[str] = []
    queue = list(dict.fromkeys(u for u in sitemap_urls if same_host(u)))
    for url in queue[:12]:
        answer = fetch(url)
        if not answer or answer[0] != 200 or not _is_sitemap(answer[1]):
            continue
        if url in sitemap_urls:
            found.sitemaps.append(url)
        if b"<sitemapindex" in answer[1][:2048]:
            queue += [u for u in _locs(answer[1], b"loc")[:4] if same_host(u) and u not in queue]
        else:
            sitemap_items += [u for u in _locs(answer[1], b"loc") if same_host(u)][:200]

    trusted = [u for u in dict.fromkeys(feed_items + sitemap_items) if not is_static_or_utility(u)]
    from_links = [u for u in home.links if looks_like_article_url(u)]
    candidates = list(dict.fromkeys(trusted + from_links))
    pages: list[bytes] = []
    for url in candidates:
        if len(pages) >= samples:
            break
        if robots_text and not rules.can_fetch(USER_AGENT, url):
            continue
        answer = fetch(url)
        if answer and answer[0] == 200 and page_signals(answer[1], url).is_article:
            found.confirmed.append(url)
            pages.append(answer[1])
    found.articles = [u for u in candidates if u in trusted or u in found.confirmed] or found.confirmed
    found.article_url = learn_article_pattern(found.articles)
    found.families = _family_scores(found.articles, pages)
    if not found.feeds:
        found.notes.append("no feed answered: the home page announces none and no common path serves one")
    if not found.confirmed:
        found.notes.append("no sample page showed itself an article: the pattern is a guess from URLs alone")
    return found


def _path(url: str, domain: str) -> str:
    parts = urlsplit(url)
    if (parts.hostname or "").removeprefix("www.") != domain:
        return url
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def draft_record(s: Suggestion, today: date | None = None) -> str:
    """The text of a portal record (TOML, as `crawler/sites/portals/<key>.toml` holds it) declaring the site as
    suggested, with what to review marked; `crawler.sites.records` reads it as it is."""
    family_key = s.family
    family: Family | None = FAMILIES.get(family_key) if family_key else None
    covered = family is not None and all(family.article_re.search(path_of(u)) for u in s.articles)
    scores = ", ".join(
        f"{f.family} {f.score:.2f} (URLs {f.url_share:.0%}, selectors {f.selector_share:.0%})"
        for f in s.families[:3]
    )
    when = (today or date.today()).isoformat()
    header = [
        f"{s.name or s.domain}: a DRAFT by `crawler sites --suggest {s.domain}` ({when}); review it, then save it",
        f"as crawler/sites/portals/{s.key}.toml (or in a folder CRAWLER_SITES_DIR names).",
        f"Read: {len(s.feeds)} feeds, {len(s.sitemaps)} sitemaps, {len(s.articles)} article URLs, "
        f"{len(s.confirmed)} sample pages confirmed as articles.",
        f"Family scores: {scores or 'none'}.",
        *(line for note in s.notes for line in note.splitlines()),
    ]
    lines = [f"# {line}".rstrip() for line in header]
    lines += [
        f"key = {toml_value(s.key)}",
        f"name = {toml_value(s.name or s.domain)}",
        f"domains = {toml_value([s.domain])}",
        f"province = {toml_value(s.province or '?')}  # REVIEW: the province (and former_province) it covers",
        f"family = {toml_value(family.key if family else FAMILY_GENERIC.key)}",
    ]
    if s.feeds:
        lines.append(f"feeds = {toml_value([_path(u, s.domain) for u in s.feeds])}")
    if s.sitemaps:
        lines.append(f"sitemaps = {toml_value([_path(u, s.domain) for u in s.sitemaps])}")
    if s.listings:
        lines.append(f"listings = {toml_value([_path(u, s.domain) for u in s.listings[:6]])}")
    if s.article_url and not covered:
        lines.append(f"article_url = {toml_value(s.article_url)}  # REVIEW: learned from the article URLs")
    elif s.article_url:
        lines.append(
            f"# the family's article pattern covers every article URL found; learned: {toml_value(s.article_url)}"
        )
    lines += ["verified = false", ""]
    return "\n".join(lines)


draft_module = draft_record
"""The former name of `draft_record` (drafts were Python modules before portals became records)."""


__all__ = [
    "FamilyScore",
    "Suggestion",
    "draft_module",
    "draft_record",
    "fetch_url",
    "replica_fetch",
    "suggest",
]
