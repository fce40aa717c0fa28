"""The replica portals: what they serve, in each family's markup, over a real local HTTP server.

Everything is fetched with urllib through the rewrite form the crawler uses (`<base_url>/<host><path>`) unless
a test is about another way in. Pages are read with the selectors of the family's newest template (the 2018 Ấp
Bắc page with the original one), as extraction reads them.
"""

from __future__ import annotations

import http.client
import itertools
import json
import re
import subprocess
import sys
import unicodedata
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime
from functools import cache
from urllib.parse import urljoin, urlsplit

import pytest
from parsel import Selector

from crawler.sites import Site, all_sites, site_for_url
from crawler.sites.model import Selectors
from crawler.state.neardup import jaccard, shingles, syllables
from replica import Replica, ReplicaArticle, ReplicaServer, build_replica
from replica.corpus import SEED_PARAGRAPHS, SEED_URL, default_corpus
from replica.model import VN_TZ
from replica.provinces import WRITING

SITES = sorted(all_sites())
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
RFC822 = r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0700$"
WEEKDAY = r"(?:Thứ (?:Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật)"
DATELINES = {  # the printed form of each family, and how to read the date back out of it
    "A": rf"^{WEEKDAY}, (?P<d>\d{{2}})/(?P<m>\d{{2}})/(?P<y>\d{{4}}) - (?P<H>\d{{2}}):(?P<M>\d{{2}})$",
    "B": rf"^{WEEKDAY}, (?P<d>\d{{2}})/(?P<m>\d{{2}})/(?P<y>\d{{4}}), (?P<H>\d{{2}}):(?P<M>\d{{2}})"
    r" \(GMT\+7\)$",
    "B2018": r"^Cập nhật: (?P<H>\d{2}):(?P<M>\d{2}), (?P<d>\d{2})/(?P<m>\d{2})/(?P<y>\d{4}) \(GMT\+7\)$",
    "C": r"^(?P<d>\d{2})/(?P<m>\d{2})/(?P<y>\d{4}) (?P<H>\d{2}):(?P<M>\d{2})$",
    "D": r"^(?P<d>\d{2})/(?P<m>\d{2})/(?P<y>\d{4}) (?P<H>\d{2}):(?P<M>\d{2}) GMT\+7$",
    "E": rf"^{WEEKDAY}, (?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}}) - (?P<H>\d{{2}}):(?P<M>\d{{2}})$",
    "F": r"^Cập nhật: (?P<H>\d{2}):(?P<M>\d{2}) (?P<d>\d{2})/(?P<m>\d{2})/(?P<y>\d{4})$",
    "G": r"^(?P<H>\d{2}):(?P<M>\d{2}), (?P<d>\d{2})/(?P<m>\d{2})/(?P<y>\d{4})$",
}


# --- helpers ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fetched:
    status: int
    content_type: str
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def fetch(server: ReplicaServer, url: str) -> Fetched:
    """GET a portal URL through the replica's rewrite form."""
    try:
        with urllib.request.urlopen(server.url_for(url), timeout=10) as response:
            return Fetched(response.status, response.headers["Content-Type"], response.read())
    except urllib.error.HTTPError as error:
        return Fetched(error.code, error.headers["Content-Type"], error.read())


def clean(text: str) -> str:
    """NFC, no-break spaces as spaces, runs of whitespace as one space."""
    return " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").split())


def first_match(sel: Selector, candidates: tuple[str, ...]) -> Selector | None:
    for css in candidates:
        found = sel.css(css)
        if found:
            return found[0]
    return None


def all_text(sel: Selector, candidates: tuple[str, ...]) -> str:
    """The text of every node the first matching selector finds (several `.name` bylines, say)."""
    for css in candidates:
        found = sel.css(css)
        if found:
            return clean(" ".join(t for node in found for t in node.css("::text").getall()))
    return ""


def text_of(node: Selector | None) -> str:
    return clean(" ".join(node.css("::text").getall())) if node is not None else ""


def selectors_for(site: Site, article: ReplicaArticle) -> Selectors:
    templates = site.templates_newest_first()
    return (templates[-1] if article.template == "2018" else templates[0]).selectors


def listing_hrefs(site: Site, sel: Selector) -> list[str]:
    """The hrefs of the links any of the family's listing selectors finds: each element once, in order."""
    return [str(h) for h in sel.css(", ".join(site.family.listing_links)).xpath("@href").getall()]


def next_href(site: Site, sel: Selector) -> str | None:
    for css in site.family.next_page:
        href = sel.css(f"{css}::attr(href)").get()
        if href:
            return str(href)
    return None


def canonical(url: str) -> str:
    return url.removesuffix("index.htm")


# --- fixtures -----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def replica() -> Replica:
    return build_replica()


@pytest.fixture(scope="module")
def server(replica: Replica) -> Iterator[ReplicaServer]:
    with ReplicaServer(replica) as running:
        yield running


@pytest.fixture()
def fresh() -> Iterator[ReplicaServer]:
    """A server of its own, for tests that change what is served."""
    with ReplicaServer(build_replica()) as running:
        yield running


@cache
def _discovered(base_url: str, site_key: str) -> dict[str, set[str]]:
    """Every link a crawler of `site_key` finds from its entry points: kind → absolute portal URLs."""
    server = _SERVERS[base_url]
    site = all_sites()[site_key]
    found: dict[str, set[str]] = {"feed": set(), "sitemap": set(), "listing": set()}
    for kind, url in site.entry_points():
        if kind == "feed":
            root = ET.fromstring(fetch(server, url).body)
            found["feed"] |= {item.findtext("link") or "" for item in root.iter("item")}
        elif kind == "sitemap":
            found["sitemap"] |= _sitemap_urls(server, url)
        else:
            page_url: str | None = url
            for _ in range(site.max_listing_pages):
                if page_url is None:
                    break
                sel = Selector(text=fetch(server, page_url).text)
                found["listing"] |= {urljoin(page_url, h) for h in listing_hrefs(site, sel)}
                nxt = next_href(site, sel)
                page_url = urljoin(page_url, nxt) if nxt else None
    return found


def _sitemap_urls(server: ReplicaServer, url: str) -> set[str]:
    root = ET.fromstring(fetch(server, url).body)
    if root.tag == f"{{{NS['sm']}}}sitemapindex":
        out: set[str] = set()
        for loc in root.findall("sm:sitemap/sm:loc", NS):
            out |= _sitemap_urls(server, loc.text or "")
        return out
    return {loc.text or "" for loc in root.findall("sm:url/sm:loc", NS)}


_SERVERS: dict[str, ReplicaServer] = {}


Discover = Callable[[str], dict[str, set[str]]]


@pytest.fixture(scope="module")
def discovered(server: ReplicaServer) -> Iterator[Discover]:
    _SERVERS[server.base_url] = server

    def get(site_key: str) -> dict[str, set[str]]:
        return _discovered(server.base_url, site_key)

    yield get
    _SERVERS.pop(server.base_url, None)


# --- the corpus ---------------------------------------------------------------------------------------------


def test_corpus_covers_every_site_in_its_family_shape(replica: Replica) -> None:
    titles: set[str] = set()
    bodies: set[str] = set()
    total = 0
    for key, site in replica.sites.items():
        articles = replica.articles(key)
        plan = WRITING.get(key)  # 2-3 articles on the registry-wide sites
        planned = sum(count for _, _, count in plan.sections) if plan else 0
        assert len(articles) >= max(2, planned), key
        assert len({a.id for a in articles}) == len(articles), key
        for a in articles:
            total += 1
            assert site.is_article_url(a.url), a.url
            own_id = "(?P<id>" in site.article_re.pattern  # a few CMSs print no id in the URL
            assert site.article_id(a.url) == (a.id if own_id else None), a.url
            assert site_for_url(a.url) is (site if key in all_sites() else None), a.url  # or undeclared
            assert 3 <= len(a.paragraphs) <= 8, a.url
            assert 1 <= len(a.images) <= 3, a.url
            assert a.authors, a.url
            assert a.published.utcoffset() == timedelta(hours=7), a.url
            assert site.active_from is None or a.published.date() >= site.active_from, a.url
            assert site.active_to is None or a.published.date() <= site.active_to, a.url
            assert a.published < datetime.now(VN_TZ), a.url
            assert a.title not in titles, a.title
            titles.add(a.title)
            body = " ".join(a.paragraphs)
            assert body not in bodies, a.url
            bodies.add(body)
    assert total >= 2 * len(SITES) and total >= sum(len(v) for v in default_corpus().values())
    assert all(a.published.date() >= date(2025, 7, 1) for a in replica.articles("baodongnai"))
    assert all(a.published.date() < date(2025, 7, 1) for a in replica.articles("baodongnai_legacy"))


def test_corpus_carries_the_expected_variety(replica: Replica) -> None:
    everything = [a for key in replica.sites for a in replica.articles(key)]
    assert any(a.modified for a in everything) and any(a.modified is None for a in everything)
    assert any(a.lead.startswith("(ABO) ") for a in everything)
    assert any(a.lead.startswith("(BĐT) - ") for a in everything)
    assert any(a.lead.startswith("(HNM) - ") for a in everything)
    assert any(im.alt is not None and im.alt != im.caption for a in everything for im in a.images)
    lines = [a.author_line for a in everything if a.author_line]
    assert lines and any(line.startswith("Bài, ảnh: ") for line in lines)
    assert any(a.author_line is None for a in replica.articles("baocantho"))  # family A: some bylines
    quirks = {q for a in everything for q in a.quirks}
    assert quirks == {
        "nfd",
        "dateline-nbsp",
        "dateline-spacing",
        "index-htm-link",
        "relative-link",
        "listed-twice",
        "js-paragraph",
    }


def test_corpus_is_deterministic() -> None:
    first, second = default_corpus(), default_corpus()
    assert {k: [(a.url, a.title, a.paragraphs) for a in v] for k, v in first.items()} == {
        k: [(a.url, a.title, a.paragraphs) for a in v] for k, v in second.items()
    }


def test_distinct_articles_share_little_text(replica: Replica) -> None:
    """Stories of one kind (every province's HĐND session, harvest, landslide…) are written independently:
    their bodies share stock phrases, not text. Measured on the default corpus: a maximum pairwise Jaccard
    similarity of 0.123 over the detector's 6-syllable shingles (0.159 over 4-syllable ones), down from 0.807
    (0.849) when the writers filled one template per story kind; the near-duplicate threshold is far above."""
    everything = [a for key in replica.sites for a in replica.articles(key)]
    sets = [shingles(syllables("\n\n".join(a.served_paragraphs()))) for a in everything]
    worst, pair = 0.0, ("", "")
    for i, j in itertools.combinations(range(len(everything)), 2):
        similarity = jaccard(sets[i], sets[j])
        if similarity > worst:
            worst, pair = similarity, (everything[i].url, everything[j].url)
    assert worst < 0.25, f"max pairwise Jaccard {worst:.3f}: {pair}"


def test_the_seed_article_is_served_as_baoapbac_printed_it(server: ReplicaServer) -> None:
    page = fetch(server, SEED_URL)
    assert page.status == 200
    sel = Selector(text=page.text)
    assert text_of(sel.css("#current-date")[0]) == "Thứ Tư, 24/03/2021, 15:35 (GMT+7)"
    title = "Đổi mới phương thức lãnh đạo, nâng cao năng lực của cơ sở Đảng"
    assert text_of(sel.css("h1.post-title")[0]) == title
    lead = text_of(sel.css("div.post-sapo")[0])
    assert lead.startswith("(ABO) Đó là một trong những chỉ đạo") and lead.endswith("vào sáng 24-3.")
    body = sel.css("div#content")[0]
    paragraphs = [clean(" ".join(p.css("::text").getall())) for p in body.css(":scope > p")]
    assert paragraphs[-4:] == ["HOÀI THU", ".", ".", "."]
    assert paragraphs[:-4] == list(SEED_PARAGRAPHS)
    captions = [text_of(c) for c in body.css("td.image-caption")]
    alts = body.css("img::attr(alt)").getall()
    assert captions[2] == "Đồng chí Thái Ngọc Bảo Trâm phát biểu tại hội nghị"
    assert alts == [
        "Đồng chí Thái Ngọc Bảo Trâm",
        "Lãnh đạo Đảng ủy Khối cơ quan và doanh nghiệp tỉnh",
        "đồng chí Thái Ngọc Bảo Trâm,",
    ]
    assert len(captions) == 3 and all(c != a for c, a in zip(captions, alts, strict=True))


def test_the_2018_apbac_page_uses_the_original_template(server: ReplicaServer) -> None:
    (old,) = [a for a in server.articles("baoapbac") if a.template == "2018"]
    sel = Selector(text=fetch(server, old.url).text)
    assert text_of(sel.css("div.date-update")[0]) == "Cập nhật: 20:45, 07/10/2018 (GMT+7)"
    assert sel.css("div#content-detail") and not sel.css("div#content") and not sel.css("#current-date")
    assert text_of(sel.css("h1.title-detail")[0]) == old.title


# --- entry points and discovery -----------------------------------------------------------------------------


@pytest.mark.parametrize("key", SITES)
def test_every_entry_point_answers_with_its_content_type(server: ReplicaServer, key: str) -> None:
    expected = {
        "feed": "application/rss+xml; charset=utf-8",
        "sitemap": "application/xml; charset=utf-8",
        "listing": "text/html; charset=utf-8",
    }
    points = all_sites()[key].entry_points()
    assert points
    for kind, url in points:
        page = fetch(server, url)
        assert (page.status, page.content_type) == (200, expected[kind]), url
        if kind != "listing":
            ET.fromstring(page.body)  # well-formed XML


@pytest.mark.parametrize("key", SITES)
def test_every_discovered_link_is_an_article_that_answers(
    server: ReplicaServer, discovered: Discover, key: str
) -> None:
    site = all_sites()[key]
    found = discovered(key)
    links = found["feed"] | found["sitemap"] | found["listing"]
    articles: set[str] = set()
    for url in links:
        if site.is_article_url(url):
            articles.add(url)
        elif site.family.key == "C" and re.search(r"-event\d+\.html$", url):
            assert fetch(server, url).status == 200, url  # a topic page: served, and not an article
        else:  # on a shared host, another site's article (the sitemap covers the whole host)
            other = site_for_url(url)
            assert other is not None and other is not site and other.is_article_url(url), url
    for url in articles:
        page = fetch(server, url)
        assert (page.status, page.content_type) == (200, "text/html; charset=utf-8"), url
    # Through its entry points a crawler reaches every article of the site.
    assert {canonical(u) for u in articles} == {a.url for a in server.articles(key)}
    assert found["feed"] or found["listing"]


def test_the_shared_host_tells_its_two_sites_apart(server: ReplicaServer, discovered: Discover) -> None:
    live, legacy = all_sites()["baodongnai"], all_sites()["baodongnai_legacy"]
    for a in server.articles("baodongnai"):
        assert live.is_article_url(a.url) and not legacy.is_article_url(a.url)
    for a in server.articles("baodongnai_legacy"):
        assert legacy.is_article_url(a.url) and not live.is_article_url(a.url)
    home = Selector(text=fetch(server, "https://baodongnai.com.vn/").text)
    assert home.css("h3.card__title a")  # the live platform's home page
    legacy_feed = discovered("baodongnai_legacy")["feed"]
    assert legacy_feed and all(legacy.is_article_url(u) for u in legacy_feed)
    assert discovered("baodongnai")["sitemap"] == discovered("baodongnai_legacy")["sitemap"]


@pytest.mark.parametrize("key", [k for k in SITES if all_sites()[k].listings])
def test_listings_paginate_four_at_a_time(server: ReplicaServer, key: str) -> None:
    site = all_sites()[key]
    for _, url in (p for p in site.entry_points() if p[0] == "listing"):
        section = urlsplit(url).path.strip("/")
        expected = {a.url for a in server.articles(key) if a.section == section}
        seen: set[str] = set()
        pages = 0
        page_url: str | None = url
        while page_url:
            pages += 1
            sel = Selector(text=fetch(server, page_url).text)
            hrefs = [urljoin(page_url, h) for h in listing_hrefs(site, sel)]
            articles = [canonical(h) for h in hrefs if site.is_article_url(h)]
            assert 1 <= len(set(articles)) <= 4, page_url
            seen |= set(articles)
            nxt = next_href(site, sel)
            page_url = urljoin(page_url, nxt) if nxt else None
        assert pages >= 2, url
        assert seen == expected, url


# --- article markup -----------------------------------------------------------------------------------------


def _article_cases() -> list[tuple[str, str]]:
    corpus = default_corpus()
    return [(key, a.id) for key in SITES for a in corpus[key]]


@pytest.mark.parametrize(("key", "article_id"), _article_cases())
def test_article_markup_matches_the_family_selectors(
    server: ReplicaServer, key: str, article_id: str
) -> None:
    site = all_sites()[key]
    a = server.article(key, article_id)
    page = fetch(server, a.url)
    assert (page.status, page.content_type) == (200, "text/html; charset=utf-8")
    sel = Selector(text=page.text)
    s = selectors_for(site, a)

    assert text_of(first_match(sel, s.title)) == a.title
    assert text_of(first_match(sel, s.lead)) == a.lead
    body = first_match(sel, s.body)
    assert body is not None
    body_text = text_of(body)
    for paragraph in a.served_paragraphs():
        assert clean(paragraph) in body_text
    if "js-paragraph" in a.quirks:
        assert clean(a.paragraphs[-1]) not in clean(page.text)
    captions = [text_of(c) for css in s.captions for c in body.css(css)]
    assert sorted(captions) == sorted(clean(im.caption) for im in a.images)

    printed = text_of(first_match(sel, s.dateline))
    form = "B2018" if a.template == "2018" else site.family.key
    match = re.match(DATELINES[form], printed)
    assert match, (printed, form)
    parts = {k: int(v) for k, v in match.groupdict().items()}
    assert datetime(parts["y"], parts["m"], parts["d"], parts["H"], parts["M"], tzinfo=VN_TZ) == a.published

    if s.section:
        assert text_of(first_match(sel, s.section)) == a.section_name
    assert [clean(t) for t in sel.css(f"{s.tags[0]}::text").getall()] == [clean(t) for t in a.tags]
    if a.author_line:
        assert clean(a.author_line) in body_text
    else:
        byline = all_text(sel, s.authors)
        assert all(clean(name) in byline for name in a.authors), byline


@pytest.mark.parametrize("key", SITES)
def test_structured_data_follows_the_family(server: ReplicaServer, key: str) -> None:
    family = all_sites()[key].family.key
    for a in server.articles(key):
        sel = Selector(text=fetch(server, a.url).text)
        og = sel.css('meta[property="og:title"]::attr(content)').get()
        published = sel.css('meta[property="article:published_time"]::attr(content)').get()
        ld = [json.loads(x) for x in sel.css('script[type="application/ld+json"]::text').getall()]
        news = [x for x in ld if x.get("@type") == "NewsArticle"]
        if family in "DEG":
            assert clean(og or "") == a.title and published == a.published.isoformat()
            assert len(news) == 1 and news[0]["datePublished"] == a.published.isoformat()
            assert news[0]["dateModified"] == a.last_modified.isoformat()
            assert clean(news[0]["headline"]) == a.title
        elif family in "AC":
            assert clean(og or "") == a.title and published is None and not news
        else:
            assert og is None and published is None and not news


# --- oddities -----------------------------------------------------------------------------------------------


def test_nfd_articles_are_served_decomposed(server: ReplicaServer) -> None:
    nfd = [a for key in SITES for a in server.articles(key) if a.nfd]
    assert len(nfd) >= 3
    for a in nfd:
        text = fetch(server, a.url).text
        assert unicodedata.is_normalized("NFD", text) and not unicodedata.is_normalized("NFC", text), a.url
        assert unicodedata.normalize("NFD", a.title) in text
    plain = server.articles("baoapbac")[0]
    assert unicodedata.is_normalized("NFC", fetch(server, plain.url).text)


def test_datelines_with_odd_spacing(server: ReplicaServer) -> None:
    for quirk, raw in (("dateline-nbsp", "&nbsp;"), ("dateline-spacing", "  ")):
        marked = [(k, a) for k in SITES for a in server.articles(k) if quirk in a.quirks]
        assert marked, quirk
        for key, a in marked:
            sel = Selector(text=fetch(server, a.url).text)
            node = first_match(sel, selectors_for(all_sites()[key], a).dateline)
            assert node is not None and raw in (node.get() if raw == "  " else fetch(server, a.url).text)


def _listing_page_with(server: ReplicaServer, site: Site, a: ReplicaArticle) -> tuple[str, Selector]:
    url: str | None = site.absolute(f"/{a.section}/")
    while url:
        sel = Selector(text=fetch(server, url).text)
        if any(canonical(urljoin(url, h)) == a.url for h in listing_hrefs(site, sel)):
            return url, sel
        nxt = next_href(site, sel)
        url = urljoin(url, nxt) if nxt else None
    raise AssertionError(f"{a.url} is on no page of its listing")


@pytest.mark.parametrize("quirk", ["index-htm-link", "relative-link", "listed-twice"])
def test_listing_oddities(server: ReplicaServer, quirk: str) -> None:
    marked = [(k, a) for k in SITES for a in server.articles(k) if quirk in a.quirks]
    assert marked
    for key, a in marked:
        site = all_sites()[key]
        url, sel = _listing_page_with(server, site, a)
        hrefs = [h for h in listing_hrefs(site, sel) if canonical(urljoin(url, h)) == a.url]
        if quirk == "index-htm-link":
            assert [urljoin(url, h) for h in hrefs] == [a.url + "index.htm"]
            variant = fetch(server, a.url + "index.htm")
            assert variant.status == 200 and site.is_article_url(a.url + "index.htm")
            assert Selector(text=variant.text).css('link[rel="canonical"]::attr(href)').get() == a.url
        elif quirk == "relative-link":
            assert hrefs and not hrefs[0].startswith(("/", "http")), hrefs
        else:
            assert len(hrefs) == 2


def test_family_c_listings_link_a_topic_page_that_is_no_article(server: ReplicaServer) -> None:
    for key in ("baohaiphong", "baonghean", "hanoimoi"):
        site = all_sites()[key]
        listing = next(u for kind, u in site.entry_points() if kind == "listing")
        hrefs = listing_hrefs(site, Selector(text=fetch(server, listing).text))
        events = [h for h in hrefs if re.search(r"-event\d+\.html$", h)]
        assert len(events) == 1 and not site.is_article_url(urljoin(listing, events[0]))
        topic = fetch(server, urljoin(listing, events[0]))
        assert topic.status == 200 and listing_hrefs(site, Selector(text=topic.text))


# --- syndication --------------------------------------------------------------------------------------------


def test_feeds_are_rss_2_with_english_pubdates(server: ReplicaServer) -> None:
    by_url = {a.url: a for key in SITES for a in server.articles(key)}
    for key in SITES:
        for kind, url in all_sites()[key].entry_points():
            if kind != "feed":
                continue
            root = ET.fromstring(fetch(server, url).body)
            assert root.tag == "rss" and root.get("version") == "2.0"
            items = root.findall("channel/item")
            assert items, url
            for item in items:
                a = by_url[item.findtext("link") or ""]
                raw = item.findtext("pubDate") or ""
                assert re.match(RFC822, raw), raw
                assert parsedate_to_datetime(raw) == a.published
                assert clean(item.findtext("title") or "") == a.title
                assert clean(a.lead) in clean(item.findtext("description") or "")


def test_sitemaps_index_monthly_urlsets_and_news(server: ReplicaServer) -> None:
    index = ET.fromstring(fetch(server, "https://baoapbac.vn/sitemap.xml").body)
    locs = [e.text or "" for e in index.findall("sm:sitemap/sm:loc", NS)]
    assert "https://baoapbac.vn/sitemaps/news.xml" in locs
    assert "https://baoapbac.vn/sitemaps/articles-2021-03.xml" in locs
    month = ET.fromstring(fetch(server, "https://baoapbac.vn/sitemaps/articles-2021-03.xml").body)
    assert [e.text for e in month.findall("sm:url/sm:loc", NS)] == [SEED_URL]
    assert month.findtext("sm:url/sm:lastmod", namespaces=NS) == "2021-03-24T15:35:00+07:00"
    news = ET.fromstring(fetch(server, "https://sggp.org.vn/sitemaps/news.xml").body)
    urls = news.findall("sm:url", NS)
    assert len(urls) == len(server.articles("sggp"))
    for url in urls:
        a = next(x for x in server.articles("sggp") if x.url == url.findtext("sm:loc", namespaces=NS))
        stamp = url.findtext("news:news/news:publication_date", namespaces=NS)
        assert stamp == a.published.isoformat()
        assert url.findtext("sm:lastmod", namespaces=NS) == a.last_modified.isoformat()


def test_robots_names_the_sitemaps(server: ReplicaServer) -> None:
    page = fetch(server, "https://sggp.org.vn/robots.txt")
    assert (page.status, page.content_type) == (200, "text/plain; charset=utf-8")
    assert "Disallow: /admin/" in page.text.splitlines()
    assert "Sitemap: https://sggp.org.vn/sitemaps/news.xml" in page.text.splitlines()
    assert "Sitemap: https://sggp.org.vn/sitemap.xml" in page.text.splitlines()


# --- a mutable replica --------------------------------------------------------------------------------------


def test_add_article_publishes_it_everywhere(fresh: ReplicaServer) -> None:
    article = fresh.new_article(
        "baocantho",
        title="Cần Thơ khánh thành cầu Trần Hoàng Na mới",
        section="thoi-su",
        lead="Sáng nay, cây cầu mới nối hai bờ rạch Cái Khế chính thức thông xe.",
        paragraphs=["Đoạn một về cây cầu.", "Đoạn hai về người dân.", "Đoạn ba về kế hoạch."],
        published=datetime(2026, 11, 24, 9, 30, tzinfo=VN_TZ),
        images=[("Cầu mới thông xe.", None)],
        authors=("Minh Trí",),
    )
    assert all_sites()["baocantho"].is_article_url(article.url)
    assert fetch(fresh, article.url).status == 404
    fresh.add_article("baocantho", article)
    page = fetch(fresh, article.url)
    assert page.status == 200 and "Cần Thơ khánh thành cầu Trần Hoàng Na mới" in page.text
    feed = fetch(fresh, "https://baocantho.com.vn/rss/home.rss").text
    assert article.url in feed
    listing = fetch(fresh, "https://baocantho.com.vn/thoi-su/").text
    assert article.path in listing
    assert article.url in fetch(fresh, "https://baocantho.com.vn/sitemaps/articles-2026-11.xml").text
    assert article in fresh.articles("baocantho")
    with pytest.raises(ValueError, match="already has"):
        fresh.add_article("baocantho", article)
    with pytest.raises(ValueError, match="not an article URL"):
        fresh.add_article("baohatinh", article)


def test_edit_article_changes_the_page_and_its_lastmod(fresh: ReplicaServer) -> None:
    a = fresh.articles("sggp")[0]
    month = f"https://sggp.org.vn/sitemaps/articles-{a.published:%Y-%m}.xml"
    before = fetch(fresh, month).text
    edited = fresh.edit_article("sggp", a.id, title=a.title + " (cập nhật)")
    assert edited.modified is not None and edited.modified > a.last_modified
    sel = Selector(text=fetch(fresh, a.url).text)
    assert text_of(sel.css("h1.article__title")[0]) == a.title + " (cập nhật)"
    modified = sel.css('meta[property="article:modified_time"]::attr(content)').get()
    assert modified == edited.modified.isoformat()
    after = fetch(fresh, month).text
    assert before != after and f"<lastmod>{edited.modified.isoformat()}</lastmod>" in after
    assert (a.title + " (cập nhật)") in fetch(fresh, "https://sggp.org.vn/rss/home.rss").text
    chosen = datetime(2030, 1, 1, tzinfo=VN_TZ)
    assert fresh.edit_article("sggp", a.id, modified=chosen).modified == chosen
    with pytest.raises(ValueError, match="id cannot change"):
        fresh.edit_article("sggp", a.id, id="1")


def test_remove_article_takes_it_down(fresh: ReplicaServer) -> None:
    a = fresh.articles("tuoitre")[-1]
    fresh.remove_article("tuoitre", a.id)
    assert fetch(fresh, a.url).status == 404
    assert a.url not in fetch(fresh, "https://tuoitre.vn/rss/thoi-su.rss").text


def test_injected_faults_answer_then_clear(fresh: ReplicaServer) -> None:
    fresh.inject_fault("https://baoapbac.vn/xa-hoi/index.rss", status=503, times=2)
    codes = [fetch(fresh, "https://baoapbac.vn/xa-hoi/index.rss").status for _ in range(3)]
    assert codes == [503, 503, 200]


# --- the HTTP layer -----------------------------------------------------------------------------------------


def test_unknown_paths_and_hosts_are_404(server: ReplicaServer) -> None:
    for url in (
        "https://baoapbac.vn/khong-co-trang-nay/",
        "https://baoapbac.vn/xa-hoi/?page=99",
        "https://example.com/",
    ):
        page = fetch(server, url)
        assert (page.status, page.content_type) == (404, "text/html; charset=utf-8"), url
        assert "404" in page.text


def test_the_bare_server_lists_the_sites(server: ReplicaServer) -> None:
    with urllib.request.urlopen(server.base_url + "/", timeout=10) as response:
        text = response.read().decode()
    for key, site in all_sites().items():
        assert f'href="/{site.domain}/"' in text and key in text


def test_host_header_and_absolute_targets_also_reach_a_portal(server: ReplicaServer) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.request("GET", "/xa-hoi/index.rss", headers={"Host": "www.baoapbac.vn"})
    response = conn.getresponse()
    assert response.status == 200
    assert response.getheader("Content-Type") == "application/rss+xml; charset=utf-8"
    response.read()
    conn.request("GET", "http://tuoitre.vn/robots.txt")
    response = conn.getresponse()
    assert response.status == 200 and b"Sitemap: https://tuoitre.vn/sitemap.xml" in response.read()
    conn.request("HEAD", "/baoapbac.vn/robots.txt")
    response = conn.getresponse()
    assert response.status == 200 and int(response.getheader("Content-Length") or 0) > 0
    assert response.read() == b""
    conn.close()


def test_request_log_is_thread_safe_and_clearable(fresh: ReplicaServer) -> None:
    fresh.clear_log()
    urls = [a.url for a in fresh.articles("baonghean")] * 5
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(lambda u: fetch(fresh, u).status, urls))
    assert statuses == [200] * len(urls)
    log = fresh.request_log
    assert len(log) == len(urls)
    assert {entry for entry in log} == {("GET", "baonghean.vn", a.path) for a in fresh.articles("baonghean")}
    fresh.clear_log()
    assert fresh.request_log == []


def test_pages_render_without_a_socket() -> None:
    replica = build_replica()
    page = replica.get(SEED_URL)
    assert page.status == 200 and "HOÀI THU" in page.text
    assert replica.get("/baoapbac.vn/xa-hoi/index.rss").content_type.startswith("application/rss+xml")
    assert replica.request_log[-1] == ("GET", "baoapbac.vn", "/xa-hoi/index.rss")


def test_server_start_stop_and_context_manager() -> None:
    server = ReplicaServer(Replica({}))
    with pytest.raises(RuntimeError, match="not running"):
        _ = server.base_url
    server.start()
    try:
        assert re.match(r"^http://127\.0\.0\.1:\d+$", server.base_url)
        assert fetch(server, "https://baoapbac.vn/robots.txt").status == 200
        assert fetch(server, "https://baoapbac.vn/").status == 200  # a site with no articles still has a home
    finally:
        server.stop()


def test_command_line_serves_until_stopped() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "replica", "--port", "0"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        base = re.search(r"(http://127\.0\.0\.1:\d+)", first)
        assert base, first
        with urllib.request.urlopen(base.group(1) + "/baoapbac.vn/robots.txt", timeout=10) as response:
            assert response.status == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)
