"""Sitemaps read as a stream (crawler/discovery/sitemaps.py), and the spider's queue bounded by the page budget."""

from __future__ import annotations

import asyncio
import gzip
from collections.abc import Iterator
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.http import XmlResponse
from scrapy.utils.test import get_crawler

from crawler.discovery.sitemaps import (
    MAX_ENTRIES,
    SitemapEntry,
    SitemapError,
    SitemapTooLarge,
    read_sitemap,
)
from crawler.sites import get_site
from replica.faults import gzip_bomb
from spiders.site_spider import SiteSpider, spider_class_for

NEWS = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <!-- a comment -->
  <url>
    <loc> https://baodongthap.vn/tin-mot-a1001.html </loc>
    <lastmod>2026-10-14T11:54:00+07:00</lastmod>
    <news:news>
      <news:publication><news:name>Báo Đồng Tháp</news:name><news:language>vi</news:language></news:publication>
      <news:publication_date>2026-10-14T08:00:00+07:00</news:publication_date>
      <news:title>Tin một</news:title>
    </news:news>
  </url>
  <url><loc>https://baodongthap.vn/tin-hai-a1002.html</loc></url>
  <url><lastmod>2026-10-14</lastmod></url>
</urlset>
""".encode()


def _urlset(count: int, start: int = 0) -> bytes:
    entries = b"".join(
        b"<url><loc>https://baodongthap.vn/tin-so-a%07d.html</loc></url>\n" % n
        for n in range(start, start + count)
    )
    return b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + entries + b"</urlset>\n"


def _index(children: int) -> bytes:
    entries = b"".join(
        b"<sitemap><loc>https://baodongthap.vn/sitemaps/s-%d.xml</loc></sitemap>" % n for n in range(children)
    )
    return (
        b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' + entries + b"</sitemapindex>"
    )


# --------------------------------------------------------------------------------------------- the reader


def test_a_news_sitemap_gives_each_entry_with_its_dates() -> None:
    sitemap = read_sitemap(NEWS)
    assert sitemap.kind == "urlset"
    assert list(sitemap) == [
        SitemapEntry(
            "https://baodongthap.vn/tin-mot-a1001.html",
            "2026-10-14T11:54:00+07:00",
            "2026-10-14T08:00:00+07:00",
            is_news=True,
        ),
        SitemapEntry("https://baodongthap.vn/tin-hai-a1002.html"),
    ]
    assert not sitemap.capped


def test_an_index_gives_its_children_and_gzip_reads_alike() -> None:
    sitemap = read_sitemap(gzip.compress(_index(3)))
    assert sitemap.kind == "sitemapindex"
    assert [e.loc for e in sitemap] == [f"https://baodongthap.vn/sitemaps/s-{n}.xml" for n in range(3)]
    assert [e.loc for e in read_sitemap(gzip.compress(NEWS))] == [e.loc for e in read_sitemap(NEWS)]


def test_a_truncated_gzip_sitemap_keeps_what_it_read() -> None:
    whole = gzip.compress(_urlset(2000))
    entries = list(read_sitemap(whole[: len(whole) // 2]))
    assert 0 < len(entries) < 2000
    assert entries[0].loc == "https://baodongthap.vn/tin-so-a0000000.html"


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"   ",
        b"not xml at all",
        b"<html><body><p>404</p></body></html>",
        b"\x1f\x8b\x08junk",
        b"<rss></rss>",
    ],
)
def test_what_is_not_a_sitemap_is_refused(body: bytes) -> None:
    with pytest.raises(SitemapError) as refused:
        read_sitemap(body)
    assert refused.value.kind == "bad_sitemap"


def test_a_gzip_bomb_stops_inflating_at_the_size_limit() -> None:
    with pytest.raises(SitemapTooLarge) as refused:
        list(read_sitemap(gzip_bomb(256 * 1024 * 1024), max_size=1024 * 1024))
    assert refused.value.kind == "too_large"
    wrapped = gzip.compress(b"<urlset>" + b" " * (4 * 1024 * 1024) + b"</urlset>")
    sitemap = read_sitemap(wrapped, max_size=1024 * 1024)  # a sitemap's start, then the bomb
    with pytest.raises(SitemapTooLarge):
        list(sitemap)


def test_entities_are_not_expanded() -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        b"<urlset><url><loc>&c;</loc></url><url><loc>https://baodongthap.vn/x-a123.html</loc></url></urlset>"
    )
    assert [e.loc for e in read_sitemap(laughs)] == ["https://baodongthap.vn/x-a123.html"]


def test_at_most_the_cap_of_urls_is_read() -> None:
    sitemap = read_sitemap(_urlset(MAX_ENTRIES + 10))
    assert sum(1 for _ in sitemap) == MAX_ENTRIES
    assert sitemap.capped and sitemap.read == MAX_ENTRIES
    exact = read_sitemap(_urlset(5), max_entries=5)
    assert len(list(exact)) == 5 and not exact.capped


def test_the_tree_is_not_kept_as_entries_are_read() -> None:
    sitemap = read_sitemap(_urlset(20_000))
    iterator = iter(sitemap)
    for _ in range(10_000):
        next(iterator)
    held = list(sitemap._root)
    assert len(held) < 1000  # what the parser read ahead (one chunk of the body), not the 10,000 before


# --------------------------------------------------------------------------------------------- the spider


def _spider(tmp_path: Path, **settings: object) -> SiteSpider:
    base = spider_class_for(get_site("baodongthap"))
    cls = type(base.__name__, (base,), {"custom_settings": {**(base.custom_settings or {}), **settings}})
    crawler = get_crawler(cls, {"CRAWLER_STATE": str(tmp_path / "state.sqlite")})
    crawler.spider = crawler._create_spider()
    spider = crawler.spider
    assert isinstance(spider, SiteSpider)
    return spider


def _drain(spider: SiteSpider, response: XmlResponse) -> list[Request]:
    async def collect() -> list[Request]:
        return [r async for r in spider.parse_sitemap(response)]

    return asyncio.run(collect())


def _response(url: str, body: bytes, **meta: object) -> XmlResponse:
    return XmlResponse(url, body=body, request=Request(url, meta=dict(meta)))


@pytest.fixture
def spider(tmp_path: Path) -> Iterator[SiteSpider]:
    made = _spider(tmp_path, CLOSESPIDER_PAGECOUNT=1000)
    yield made
    made.crawl_state.close()


def test_a_sitemap_never_queues_more_than_the_page_budget(spider: SiteSpider) -> None:
    requests = _drain(spider, _response("https://baodongthap.vn/sitemaps/big.xml", _urlset(20_000)))
    # 1000 pages, a tenth kept in reserve, one sitemap page fetched: 899 article requests at most.
    assert len(requests) == 899
    assert all(r.meta["page_kind"] == "article" for r in requests)
    stats = spider.crawler.stats
    assert stats is not None and stats.get_value("crawler/discovery/sitemap_budget_stop") == 1
    more = _drain(spider, _response("https://baodongthap.vn/sitemaps/more.xml", _urlset(100, start=50_000)))
    assert more == []  # the budget counts what was queued, not only what was fetched


def test_an_index_follows_at_most_the_budget_of_children(spider: SiteSpider) -> None:
    requests = _drain(spider, _response("https://baodongthap.vn/sitemap.xml", _index(5000)))
    assert len(requests) == 899
    assert {r.meta["page_kind"] for r in requests} == {"sitemap"}


def test_news_entries_keep_their_dates_and_junk_is_counted(spider: SiteSpider) -> None:
    (first, second) = _drain(spider, _response("https://baodongthap.vn/sitemaps/news.xml", NEWS))
    assert first.meta["feed_published"] == "2026-10-14T08:00:00+07:00"
    assert first.meta["feed_modified"] == "2026-10-14T11:54:00+07:00"
    assert second.meta["feed_published"] is None
    assert _drain(spider, _response("https://baodongthap.vn/sitemaps/x.xml", b"<html></html>")) == []
    bomb = _response("https://baodongthap.vn/sitemaps/x.xml.gz", gzip_bomb(64 * 1024 * 1024))
    assert _drain(spider, bomb) == []
    stats = spider.crawler.stats
    assert stats is not None
    assert stats.get_value("crawler/errors/bad_sitemap") == 1
    assert stats.get_value("crawler/errors/too_large") == 1


def test_without_a_page_budget_the_cap_of_urls_bounds_a_sitemap(tmp_path: Path) -> None:
    spider = _spider(tmp_path, CLOSESPIDER_PAGECOUNT=0)
    try:
        requests = _drain(
            spider, _response("https://baodongthap.vn/sitemaps/big.xml", _urlset(MAX_ENTRIES + 5))
        )
        assert len(requests) == MAX_ENTRIES
        stats = spider.crawler.stats
        assert stats is not None and stats.get_value("crawler/discovery/sitemap_capped") == 1
    finally:
        spider.crawl_state.close()
