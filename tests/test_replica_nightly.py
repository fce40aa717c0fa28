"""The replica between nights: validators on feeds, sitemaps, listings and robots.txt, and `Replica.advance`.

A nightly crawl sends conditional requests for every feed, sitemap and listing; the replica must answer 304
exactly where nothing changed. These tests build a replica of a few sites in-process (`Replica.get`), advance
it by a night at a fixed time, and check each page's `ETag`, `Last-Modified` and sitemap `<lastmod>` against
what changed; one test goes through `ReplicaServer` over HTTP for real 304s and the `POST` endpoint.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import re
import unicodedata
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import pytest

from crawler.sites import Site, all_sites
from replica import Page, Replica, ReplicaArticle, ReplicaServer, syndication
from replica.corpus import default_corpus
from replica.model import VN_TZ
from replica.render import PAGE_SIZE
from replica.server import not_modified

NIGHT = datetime(2026, 12, 1, 6, 30, tzinfo=VN_TZ)
"""When the tests' night happens: after every article of the default corpus."""
LIVE = "baodongthap"  # family A, still publishing
SITES = (LIVE, "tuoitre", "baoapbac", "baodongnai", "baodongnai_legacy")
"""A few sites: two live ones, one closed by the 2025 merger, and a host shared by a live site and its
closed archive."""
CLOSED = ("baoapbac", "baodongnai_legacy")
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
ETAG = re.compile(r'^"[0-9a-f]{20}"$')
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)


def small_replica() -> Replica:
    sites = {key: all_sites()[key] for key in SITES}
    return Replica(default_corpus(sites.values()), sites=sites)


@pytest.fixture()
def replica() -> Replica:
    return small_replica()


# --- helpers ------------------------------------------------------------------------------------------------


def header(page: Page, name: str) -> str | None:
    return dict(page.headers).get(name)


def etag(page: Page) -> str:
    value = header(page, "ETag")
    assert value is not None, f"no ETag on a {page.status} {page.content_type} page"
    return value


def last_modified(page: Page) -> datetime:
    value = header(page, "Last-Modified")
    assert value is not None, "no Last-Modified"
    return parsedate_to_datetime(value)


def feed_url(site: Site) -> str:
    return next(url for kind, url in site.entry_points() if kind == "feed")


def listing_url(site: Site) -> str:
    return next(url for kind, url in site.entry_points() if kind == "listing")


def section_listings(replica: Replica, site: Site) -> dict[str, str]:
    """Section slug → the URL of its first listing page."""
    return {slug: site_url(site, f"/{slug}/") for slug, _ in replica._sections(site)}


def site_url(site: Site, path: str) -> str:
    return f"{site.base_url}{path}"


def index_lastmods(page: Page) -> dict[str, datetime]:
    """Path of each sitemap the index lists → its `<lastmod>`."""
    root = ET.fromstring(page.body)
    return {
        urlsplit(row.findtext("sm:loc", "", NS)).path: datetime.fromisoformat(
            row.findtext("sm:lastmod", "", NS)
        )
        for row in root.findall("sm:sitemap", NS)
    }


def listed(replica: Replica, keys: tuple[str, ...], page: Page) -> list[ReplicaArticle]:
    """The articles a feed (`<link>`) or urlset (`<loc>`) lists."""
    root = ET.fromstring(page.body)
    urls = [e.text or "" for e in root.iter() if e.tag in ("link", f"{{{NS['sm']}}}loc")]
    by_url = {a.url: a for key in keys for a in replica.articles(key)}
    return [by_url[u] for u in urls if u in by_url]


def is_vietnamese(text: str) -> bool:
    return bool(VIETNAMESE.search(unicodedata.normalize("NFC", text)))


# --- validators ---------------------------------------------------------------------------------------------


def test_syndication_pages_carry_truthful_validators(replica: Replica) -> None:
    site = replica.site(LIVE)
    pages = {
        "feed": replica.get(feed_url(site)),
        "index": replica.get(site_url(site, syndication.SITEMAP_INDEX)),
        "news": replica.get(site_url(site, syndication.NEWS_SITEMAP)),
        "listing": replica.get(listing_url(site)),
    }
    months = [p for p in index_lastmods(pages["index"]) if p.startswith("/sitemaps/articles-")]
    assert len(months) >= 3
    pages.update({m: replica.get(site_url(site, m)) for m in months})
    newest = max(a.last_modified for a in replica.articles(LIVE))
    for name, page in pages.items():
        assert page.status == 200, name
        assert ETAG.match(etag(page)), name
        assert etag(page) == '"' + hashlib.sha1(page.body).hexdigest()[:20] + '"', name
        # A client holding this page gets a 304 by either validator, and a 200 with anything else.
        assert not_modified(page, etag(page), None).status == 304, name
        assert not_modified(page, f'"x", W/{etag(page)}', None).status == 304, name
        assert not_modified(page, '"0123456789abcdef0123"', None).status == 200, name
        assert not_modified(page, None, header(page, "Last-Modified")).status == 304, name
        assert not_modified(page, None, "Thu, 01 Jan 2015 00:00:00 GMT").status == 200, name
        if name.startswith("/sitemaps/articles-"):
            month_items = listed(replica, (LIVE,), page)
            assert month_items and last_modified(page) == max(a.last_modified for a in month_items)
            assert index_lastmods(pages["index"])[name] == last_modified(page)
    assert last_modified(pages["index"]) == last_modified(pages["news"]) == newest
    assert index_lastmods(pages["index"])[syndication.NEWS_SITEMAP] == newest
    assert last_modified(pages["feed"]) == max(
        a.last_modified for a in listed(replica, (LIVE,), pages["feed"])
    )
    slug = urlsplit(listing_url(site)).path.strip("/")
    shown = [a for a in replica.articles(LIVE) if a.section == slug][::-1][:PAGE_SIZE]
    assert shown and last_modified(pages["listing"]) == max(a.last_modified for a in shown)

    robots = replica.get(site_url(site, "/robots.txt"))
    assert ETAG.match(etag(robots)) and header(robots, "Last-Modified") is None
    assert not_modified(robots, etag(robots), None).status == 304


def test_pages_listing_nothing_carry_an_etag_only() -> None:
    site = all_sites()[LIVE]
    empty = Replica({}, sites={LIVE: site})
    for url in (feed_url(site), site_url(site, syndication.SITEMAP_INDEX), listing_url(site)):
        page = empty.get(url)
        assert page.status == 200 and ETAG.match(etag(page)), url
        assert header(page, "Last-Modified") is None, url


def test_a_removal_changes_the_pages_and_their_last_modified_does_not_go_back(replica: Replica) -> None:
    site = replica.site(LIVE)
    newest = replica.articles(LIVE)[-1]
    month = syndication.monthly_path(syndication.month_key(newest.published))
    urls = [feed_url(site), site_url(site, syndication.SITEMAP_INDEX), site_url(site, month)]
    before = {url: replica.get(url) for url in urls}
    replica.remove_article(LIVE, newest.id)
    for url in urls:
        after = replica.get(url)
        if after.status == 404:  # the month had no other article
            continue
        assert etag(after) != etag(before[url]), url
        assert last_modified(after) >= last_modified(before[url]), url
        # A client that sends only If-Modified-Since must not be told the page is unchanged.
        assert not_modified(after, None, header(before[url], "Last-Modified")).status == 200, url


def test_an_edit_rebuilds_the_pages_and_moves_last_modified_forward(replica: Replica) -> None:
    site = replica.site(LIVE)
    target = replica.articles(LIVE)[-1]
    feed_before = replica.get(feed_url(site))
    edited = replica.edit_article(LIVE, target.id, title=target.title + " (cập nhật)")
    feed_after = replica.get(feed_url(site))
    assert edited.title.encode() in feed_after.body  # the route cache was rebuilt
    assert etag(feed_after) != etag(feed_before)
    assert last_modified(feed_after) == edited.last_modified > last_modified(feed_before)


def test_an_article_edited_into_another_section_leaves_its_old_listing_changed(replica: Replica) -> None:
    site = replica.site(LIVE)
    listings = section_listings(replica, site)
    # The article whose modified time the listing's Last-Modified comes from: its leaving must not lower it.
    a = max(replica.articles(LIVE), key=lambda x: x.last_modified)
    other = next(slug for slug in listings if slug != a.section)
    before = replica.get(listings[a.section])
    assert last_modified(before) == a.last_modified
    replica.edit_article(LIVE, a.id, section=other, modified=NIGHT)
    after = replica.get(listings[a.section])
    assert a.url.encode() not in after.body
    assert etag(after) != etag(before) and last_modified(after) == NIGHT
    assert not_modified(after, None, header(before, "Last-Modified")).status == 200
    assert last_modified(replica.get(listings[other])) == NIGHT


def test_the_news_sitemap_keeps_the_newest_articles_up_to_its_cap(
    replica: Replica, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert syndication.NEWS_SITEMAP_CAP == 1000
    site = replica.site(LIVE)
    everything = replica.get(site_url(site, syndication.NEWS_SITEMAP))
    assert len(listed(replica, (LIVE,), everything)) == len(replica.articles(LIVE))
    monkeypatch.setattr(syndication, "NEWS_SITEMAP_CAP", 3)
    replica.edit_article(LIVE, replica.articles(LIVE)[0].id, modified=NIGHT)  # the oldest: out of the cap
    capped = replica.get(site_url(site, syndication.NEWS_SITEMAP))
    newest_three = replica.articles(LIVE)[-3:][::-1]
    assert listed(replica, (LIVE,), capped) == newest_three
    assert last_modified(capped) == max(a.last_modified for a in newest_three) < NIGHT
    index = replica.get(site_url(site, syndication.SITEMAP_INDEX))
    assert index_lastmods(index)[syndication.NEWS_SITEMAP] == last_modified(capped)


# --- a night ------------------------------------------------------------------------------------------------


def test_advance_changes_exactly_the_pages_that_list_what_changed(replica: Replica) -> None:
    site = replica.site(LIVE)
    index_url = site_url(site, syndication.SITEMAP_INDEX)
    news_url = site_url(site, syndication.NEWS_SITEMAP)
    months_before = index_lastmods(replica.get(index_url))
    before = {url: replica.get(url) for url in (feed_url(site), index_url, news_url)}
    listings = {slug: replica.get(url) for slug, url in section_listings(replica, site).items()}
    month_pages = {m: replica.get(site_url(site, m)) for m in months_before if m.startswith("/sitemaps/art")}

    changes = replica.advance(new=1, edited=1, seed=7, now=NIGHT)

    mine = {kind: article_id for key, article_id, kind in changes if key == LIVE}
    assert set(mine) == {"new", "edited"}
    added, edited = replica.article(LIVE, mine["new"]), replica.article(LIVE, mine["edited"])
    assert added.published == NIGHT and edited.last_modified == NIGHT
    edited_month = syndication.monthly_path(syndication.month_key(edited.published))
    new_month = syndication.monthly_path(syndication.month_key(NIGHT))

    for url, page in before.items():
        after = replica.get(url)
        assert etag(after) != etag(page), url
        assert last_modified(after) == NIGHT > last_modified(page), url
        assert not_modified(after, etag(page), None).status == 200, url
        assert not_modified(after, None, header(page, "Last-Modified")).status == 200, url
    feed = replica.get(feed_url(site))
    assert added.url.encode() in feed.body and edited.url.encode() in feed.body  # both among the newest 50

    edited_page = replica.get(site_url(site, edited_month))
    assert etag(edited_page) != etag(month_pages[edited_month])
    assert last_modified(edited_page) == NIGHT
    assert replica.get(site_url(site, new_month)).status == 200
    for slug, page in listings.items():
        after = replica.get(section_listings(replica, site)[slug])
        if slug == added.section:
            assert etag(after) != etag(page) and last_modified(after) == NIGHT, slug
        elif slug == edited.section:  # it lists the edited article (whose body it does not print)
            assert last_modified(after) == NIGHT, slug
        else:
            assert etag(after) == etag(page) and header(after, "Last-Modified") == header(
                page, "Last-Modified"
            )

    unrelated = [m for m in month_pages if m not in (edited_month, new_month)]
    assert unrelated
    for month in unrelated:
        page = replica.get(site_url(site, month))
        assert etag(page) == etag(month_pages[month]), month
        assert header(page, "Last-Modified") == header(month_pages[month], "Last-Modified"), month
        assert not_modified(page, etag(month_pages[month]), None).status == 304, month
        assert not_modified(page, None, header(month_pages[month], "Last-Modified")).status == 304, month

    months_after = index_lastmods(replica.get(index_url))
    assert months_after[edited_month] == NIGHT
    assert months_after[new_month] == NIGHT
    assert months_after[syndication.NEWS_SITEMAP] == NIGHT
    assert {m: t for m, t in months_after.items() if m in unrelated} == {
        m: months_before[m] for m in unrelated
    }


def test_closed_sites_get_corrections_but_no_new_article(replica: Replica) -> None:
    counts = {key: len(replica.articles(key)) for key in SITES}
    changes = replica.advance(new=2, edited=1, seed=1, now=NIGHT)
    for key in SITES:
        new = [c for c in changes if c[0] == key and c[2] == "new"]
        fixed = [c for c in changes if c[0] == key and c[2] == "edited"]
        assert len(fixed) == 1, key
        if key in CLOSED:
            assert not new, key
            closed_on = replica.site(key).active_to
            assert closed_on is not None and closed_on < NIGHT.date()
            assert len(replica.articles(key)) == counts[key]
            assert all(a.published.date() <= closed_on for a in replica.articles(key))
        else:
            assert len(new) == 2, key
            assert len(replica.articles(key)) == counts[key] + 2


def test_new_articles_are_distinct_vietnamese_stories_of_the_sites_province(replica: Replica) -> None:
    titles_before = {a.title for key in SITES for a in replica.articles(key)}
    newest_before = {key: replica.articles(key)[-1].published for key in SITES}
    changes = replica.advance(new=3, edited=0, seed="distinct", now=NIGHT)
    new = [replica.article(key, article_id) for key, article_id, kind in changes if kind == "new"]
    assert len(new) == 3 * (len(SITES) - len(CLOSED))
    titles = [a.title for a in new]
    assert len(set(titles)) == len(titles) and not set(titles) & titles_before
    for (key, _, _), a in zip((c for c in changes if c[2] == "new"), new, strict=True):
        assert is_vietnamese(a.title) and is_vietnamese(a.lead), a.title
        assert len(a.paragraphs) >= 3 and all(is_vietnamese(p) for p in a.paragraphs)
        assert a.published >= max(NIGHT, newest_before[key])
        assert replica.site(key).is_article_url(a.url)
        page = replica.get(a.url)
        assert page.status == 200 and header(page, "ETag")
        assert a.section in dict(replica._sections(replica.site(key)))  # a section the site has


def test_a_correction_changes_one_paragraph_of_a_recent_article(replica: Replica) -> None:
    recent = {key: [a.id for a in replica.articles(key)[-3:]] for key in SITES}
    old = {key: {a.id: a for a in replica.articles(key)} for key in SITES}
    changes = replica.advance(new=0, edited=1, seed=3, now=NIGHT)
    assert len(changes) == len(SITES) and {kind for _, _, kind in changes} == {"edited"}
    for key, article_id, _ in changes:
        assert article_id in recent[key]
        before, after = old[key][article_id], replica.article(key, article_id)
        assert after.modified == NIGHT and after.published == before.published
        assert (after.title, after.lead, after.url) == (before.title, before.lead, before.url)
        differ = [
            i for i, (p, q) in enumerate(zip(before.paragraphs, after.paragraphs, strict=True)) if p != q
        ]
        assert len(differ) == 1, key
        assert is_vietnamese(after.paragraphs[differ[0]])
        assert differ[0] < len(before.served_paragraphs())  # in the text the page prints


def test_advance_is_deterministic_for_a_seed_and_a_time() -> None:
    def night(seed: int) -> list[tuple[str, str, str, str, tuple[str, ...]]]:
        r = small_replica()
        changes = r.advance(new=1, edited=1, seed=seed, now=NIGHT)
        return [(k, i, kind, r.article(k, i).title, r.article(k, i).paragraphs) for k, i, kind in changes]

    first = night(5)
    assert first == night(5)
    assert [c[3] for c in first if c[2] == "new"] != [c[3] for c in night(6) if c[2] == "new"]


def test_three_nights_answer_304_on_the_second(replica: Replica) -> None:
    """Night 1 fetches everything, night 2 (nothing new) gets 304 everywhere, night 3 sees the changes."""
    site = replica.site(LIVE)
    urls = [
        feed_url(site),
        site_url(site, syndication.SITEMAP_INDEX),
        site_url(site, syndication.NEWS_SITEMAP),
    ]
    urls += [site_url(site, "/robots.txt"), *section_listings(replica, site).values()]
    night1 = {url: replica.get(url) for url in urls}
    assert replica.advance(new=0, edited=0, now=NIGHT) == []
    for url, page in night1.items():
        assert not_modified(replica.get(url), etag(page), None).status == 304, url
        if header(page, "Last-Modified") is not None:  # robots.txt has an ETag only
            assert not_modified(replica.get(url), None, header(page, "Last-Modified")).status == 304, url
    [(_, added_id, _)] = [c for c in replica.advance(new=1, edited=0, now=NIGHT) if c[0] == LIVE]
    changed = {
        feed_url(site),
        *urls[1:3],
        section_listings(replica, site)[replica.article(LIVE, added_id).section],
    }
    for url, page in night1.items():
        status = not_modified(replica.get(url), etag(page), None).status
        assert status == (200 if url in changed else 304), url


# --- the HTTP way in ----------------------------------------------------------------------------------------


def test_post_advance_on_the_index_host_only(replica: Replica) -> None:
    answered = replica.get("/_replica/advance?new=1&edited=0&seed=2", method="POST")
    assert answered.status == 200 and answered.content_type.startswith("application/json")
    changes = [tuple(c) for c in json.loads(answered.body)]
    assert {(key, kind) for key, _, kind in changes} == {(k, "new") for k in SITES if k not in CLOSED}
    assert all(replica.article(key, article_id) for key, article_id, _ in changes)

    for method in ("GET", "HEAD", "PUT"):
        refused = replica.get("/_replica/advance", method=method)
        assert refused.status == 405 and header(refused, "Allow") == "POST", method
    assert replica.get("/_replica/advance?new=lots", method="POST").status == 400
    assert replica.get("/_replica/advance?edited=1000", method="POST").status == 400

    site = replica.site(LIVE)
    feed = feed_url(site)
    posted = replica.get(feed, method="POST")
    assert posted.status == 405 and header(posted, "Allow") == "GET, HEAD"
    assert replica.get(site_url(site, "/no-such-page.html"), method="POST").status == 404
    assert replica.get(f"{site.base_url}/_replica/advance", method="POST").status == 404  # a portal's path
    assert replica.get("/", method="POST").status == 405
    assert replica.get(feed).status == replica.get(feed, method="HEAD").status == 200
    assert replica.get("/").status == 200


@pytest.fixture()
def server() -> Iterator[ReplicaServer]:
    with ReplicaServer(small_replica()) as running:
        yield running


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_real_304s_over_http_and_a_night_posted(server: ReplicaServer) -> None:
    site = server.replica.site(LIVE)
    for url in (server.url_for(feed_url(site)), server.url_for(site_url(site, syndication.SITEMAP_INDEX))):
        status, headers, body = fetch(url)
        assert status == 200 and body and ETAG.match(headers["ETag"]) and headers["Last-Modified"], url
        status, again, body = fetch(url, {"If-None-Match": headers["ETag"]})
        assert (status, body, again["ETag"]) == (304, b"", headers["ETag"]), url
        status, _, body = fetch(url, {"If-Modified-Since": headers["Last-Modified"]})
        assert (status, body) == (304, b""), url
        status, _, _ = fetch(url, {"If-None-Match": '"0000000000aaaaaaaaaa"'})
        assert status == 200, url

    feed = server.url_for(feed_url(site))
    _, old, _ = fetch(feed)
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        connection.request("POST", "/_replica/advance?new=1&edited=1&seed=4", body=b"ignored=1")
        response = connection.getresponse()
        changes = json.loads(response.read())
        assert response.status == 200
        assert {kind for key, _, kind in changes if key == LIVE} == {"new", "edited"}
        # The body was drained: the same connection carries the next request.
        connection.request("POST", f"/{site.domain}{urlsplit(feed_url(site)).path}")
        refused = connection.getresponse()
        refused.read()
        assert refused.status == 405
        connection.request("GET", "/")
        assert connection.getresponse().status == 200
    finally:
        connection.close()
    status, new, _ = fetch(feed, {"If-None-Match": old["ETag"], "If-Modified-Since": old["Last-Modified"]})
    assert status == 200 and new["ETag"] != old["ETag"]
    assert parsedate_to_datetime(new["Last-Modified"]) > parsedate_to_datetime(old["Last-Modified"])
