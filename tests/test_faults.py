"""Faults the replica injects, and crawls through them: nothing lost, nothing twice, nothing bad, memory bounded.

The fast subset of `bench/faults.py`, through the harness they share (`replica.fault_matrix`): the fault kinds
one by one without a socket, the ones that need the socket over HTTP, one crawl through several faults at once,
and one crawl killed with SIGKILL and resumed.
"""

from __future__ import annotations

import gzip
import http.client
import io
import json
import signal
import socket
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_pipelines import make_article, run_all

from crawler.extract import extract_article
from crawler.item import Rejected
from crawler.middlewares.charset import choose_encoding, header_charset, meta_charset
from crawler.sites import get_site
from crawler.steps.validation import validate_article
from crawler.text import normalize_paragraphs, normalize_text
from pipelines.storage import key_and_body
from replica import Replica, ReplicaArticle, ReplicaServer
from replica.fault_matrix import FAST, Context, Trap, build, crawl, verify
from replica.faults import FaultyPage, gzip_bomb

SITE = "baodongthap"


@pytest.fixture
def replica() -> Replica:
    return build((SITE, "baoapbac"))


def _first(replica: Replica, site: str = SITE) -> ReplicaArticle:
    return replica.articles(site)[0]


# --------------------------------------------------------------------------------------------- the plan


def test_faults_need_a_known_kind_and_one_scope(replica: Replica) -> None:
    with pytest.raises(ValueError, match="unknown fault kind"):
        replica.faults.add("gremlins", site=SITE)
    with pytest.raises(ValueError, match="exactly one"):
        replica.faults.add("reset")
    with pytest.raises(ValueError, match="charset mode"):
        replica.faults.add("charset", site=SITE, mode="ebcdic")


def test_a_burst_fails_each_url_its_first_times_on_that_site_only(replica: Replica) -> None:
    a, b = replica.articles(SITE)[:2]
    other = _first(replica, "baoapbac")
    replica.faults.add("status", site=SITE, per_url=2, status=502)
    assert [replica.get(a.url).status for _ in range(3)] == [502, 502, 200]
    assert [replica.get(b.url).status for _ in range(3)] == [502, 502, 200]
    assert replica.get(other.url).status == 200
    replica.faults.clear()
    replica.faults.add("retry_after", url=a.url, times=1, seconds=7)
    limited = replica.get(a.url)
    assert limited.status == 429 and dict(limited.headers)["Retry-After"] == "7"
    assert replica.get(a.url).status == 200 and replica.get(b.url).status == 200


def test_a_prefix_scopes_a_fault_to_a_section(replica: Replica) -> None:
    replica.faults.add("status", site="baoapbac", prefix="/xa-hoi/", status=500)
    statuses = {a.path.split("/")[1]: replica.get(a.url).status for a in replica.articles("baoapbac")}
    assert statuses["xa-hoi"] == 500 and statuses["kinh-te"] == 200


def _extracted(page_body: bytes, content_type: str, article: ReplicaArticle) -> tuple[str, list[str]]:
    """Title and paragraphs as the crawler reads them: encoding chosen, extracted, normalized."""
    encoding = choose_encoding(page_body, header_charset(content_type), meta_charset(page_body))
    extraction = extract_article(article.url, page_body, get_site(SITE), encoding=encoding)
    return normalize_text(extraction.title or ""), normalize_paragraphs(extraction.body_text or "").split(
        "\n\n"
    )


@pytest.mark.parametrize(
    ("kind", "options"),
    [
        ("charset", {"mode": "declared"}),
        ("charset", {"mode": "missing"}),
        ("charset", {"mode": "header-utf8"}),
        ("charset", {"mode": "header-latin1"}),
        ("nfd", {}),
        ("roots", {}),
        ("malformed", {}),
    ],
)
def test_odd_pages_still_read_as_what_the_portal_published(
    replica: Replica, kind: str, options: dict[str, Any]
) -> None:
    article = _first(replica)
    clean = replica.get(article.url)
    replica.faults.add(kind, site=SITE, **options)
    page = replica.get(article.url)
    assert (page.body, page.content_type) != (clean.body, clean.content_type)
    title, paragraphs = _extracted(page.body, page.content_type, article)
    assert title == article.title
    assert paragraphs == list(article.served_paragraphs())


def test_windows_1258_pages_say_what_each_mode_says(replica: Replica) -> None:
    article = _first(replica)
    replica.faults.add("charset", url=article.url, mode="header-utf8", times=1)
    page = replica.get(article.url)
    assert page.content_type == "text/html; charset=utf-8" and b"charset=windows-1258" in page.body
    with pytest.raises(UnicodeDecodeError):
        page.body.decode("utf-8")
    decoded = unicodedata.normalize("NFC", page.body.decode("cp1258"))
    assert article.title in decoded
    replica.faults.add("charset", url=article.url, mode="missing", times=1)
    page = replica.get(article.url)
    assert page.content_type == "text/html" and b"charset" not in page.body.lower()


def test_robots_traps_and_non_html(replica: Replica) -> None:
    replica.faults.add("robots", site="baoapbac", prefix="/robots.txt", disallow="/xa-hoi/,/kinh-te/")
    robots = replica.get("https://baoapbac.vn/robots.txt").text
    assert "Disallow: /xa-hoi/\n" in robots and "Disallow: /kinh-te/\n" in robots
    replica.faults.add("calendar_trap", site=SITE)
    day = replica.get("https://baodongthap.vn/lich/2026-11-25/").text
    assert 'rel="next" href="/lich/2026-11-24/"' in day
    assert 'href="/lich/' in replica.get("https://baodongthap.vn/thoi-su/").text
    replica.faults.clear()
    replica.faults.add("pagination_trap", site=SITE, prefix="/thoi-su/")
    assert "?trap_page=2" in replica.get("https://baodongthap.vn/thoi-su/").text
    assert "?trap_page=1000" in replica.get("https://baodongthap.vn/thoi-su/?trap_page=999").text
    replica.faults.add("content_type", url=_first(replica).url)
    assert replica.get(_first(replica).url).content_type == "application/pdf"


def test_a_bomb_is_small_and_inflates_past_any_limit() -> None:
    bomb = gzip_bomb(256 * 1024 * 1024)
    assert len(bomb) < 512 * 1024
    with gzip.GzipFile(fileobj=io.BytesIO(bomb)) as inflating:
        assert len(inflating.read(32 * 1024 * 1024)) == 32 * 1024 * 1024


def test_socket_faults_are_left_to_the_server(replica: Replica) -> None:
    article = _first(replica)
    for kind in ("reset", "timeout", "truncated", "huge", "slow"):
        replica.faults.clear()
        replica.faults.add(kind, url=article.url)
        assert isinstance(replica.get(article.url), FaultyPage), kind


# --------------------------------------------------------------------------------------------- over HTTP


@pytest.fixture
def server(replica: Replica) -> Iterator[ReplicaServer]:
    with ReplicaServer(replica) as running:
        yield running


def _get(server: ReplicaServer, url: str, timeout: float = 5.0) -> tuple[http.client.HTTPResponse, Any]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=timeout)
    target = server.url_for(url).removeprefix(server.base_url)
    connection.request("GET", target)
    return connection.getresponse(), connection


def test_resets_truncation_timeouts_and_huge_pages_on_the_wire(server: ReplicaServer) -> None:
    article = _first(server.replica)
    server.replica.faults.add("reset", url=article.url, times=1)
    with pytest.raises((ConnectionResetError, http.client.RemoteDisconnected)):
        _get(server, article.url)
    server.replica.faults.add("truncated", url=article.url, times=1, keep=0.3)
    response, _ = _get(server, article.url)
    with pytest.raises(http.client.IncompleteRead):
        response.read()
    server.replica.faults.add("timeout", url=article.url, times=1, delay=1.0)
    with pytest.raises((TimeoutError, socket.timeout)):
        _get(server, article.url, timeout=0.3)
    server.replica.faults.add("huge", url=article.url, times=1)
    response, connection = _get(server, article.url)
    assert response.getheader("Content-Length") == str(50 * 1024 * 1024)
    assert response.read(4096).startswith(b"<!DOCTYPE html>")
    connection.close()
    response, _ = _get(server, article.url)
    assert response.status == 200 and response.read() == server.replica.get(article.url).body


# --------------------------------------------------------------------------------------------- crawls


def test_a_crawl_through_many_faults_loses_nothing_and_stays_bounded(tmp_path: Path) -> None:
    replica = build((SITE,))
    trap = Trap()
    ctx = Context(replica, trap)
    replica.faults.add("status", site=SITE, per_url=1, status=503)
    for target in trap.private_targets()[:3]:
        ctx.add_hostile(SITE, "Chuyển hướng nội bộ", kind="redirect", location=target)
    ctx.add_hostile(SITE, "Bom nén", kind="bomb", size=512 * 1024 * 1024)
    ctx.add_hostile(SITE, "Trang lớn", kind="huge", chunked=True)
    ctx.add_hostile(SITE, "Tệp PDF", kind="content_type")
    ctx.add_hostile(SITE, "Vòng lặp", kind="redirect_loop")
    replica.faults.add("charset", site=SITE, mode="header-utf8")
    hostile = {a.url for a in ctx.hostile}
    expected = [a for a in replica.articles(SITE) if a.url not in hostile]
    with ReplicaServer(replica) as server:
        done = crawl(tmp_path, (SITE,), server.base_url, FAST, None)
    assert done.returncode == 0, done.stderr[-2000:]
    outcome = verify(tmp_path / "store", expected, ctx.hostile)
    assert (outcome.lost, outcome.duplicated, outcome.malformed) == (0, 0, 0), outcome.problems
    assert outcome.written == len(expected) == 11
    assert trap.hits == []
    errors = done.stats["sites"][SITE]["errors_by_class"]
    assert errors == {"redirect_private": 3, "too_large": 2, "not_html": 1, "redirect_loop": 1}
    assert done.rss_mb < 400  # a 512 MiB bomb and a 50 MB page: neither is held
    assert not (tmp_path / "store" / "rejects").exists()


def test_a_crawl_killed_with_sigkill_resumes_to_every_article_once(tmp_path: Path) -> None:
    sites = (SITE, "baoapbac")
    replica = build(sites)
    for site in sites:  # slow enough that the crawl is still running at the kill, even on a fast machine
        replica.faults.add("slow", site=site, delay=1.2)
    expected = [a for k in sites for a in replica.articles(k)]
    with ReplicaServer(replica) as server:
        slow = {**FAST, "CONCURRENT_REQUESTS_PER_DOMAIN": 2}
        # killed 2 s after its job directories appear, however long a loaded machine takes to start it
        first = crawl(tmp_path, sites, server.base_url, slow, 2.0, once_exists="spool/*/jobs/*")
        assert first.returncode == -signal.SIGKILL, "the crawl finished before the kill: slow it down"
        jobs = list(tmp_path.glob("spool/*/jobs/*"))
        assert jobs, "no job directory to resume from"
        second = crawl(tmp_path, sites, server.base_url, slow, None)
    assert second.returncode == 0, second.stderr[-2000:]
    outcome = verify(tmp_path / "store", expected, [])
    assert (outcome.lost, outcome.duplicated, outcome.malformed) == (0, 0, 0), outcome.problems
    assert not list(tmp_path.glob("spool/*/jobs/*")), "a finished crawl leaves no job directory"


# --------------------------------------------------------------------------------------------- output safety


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("title", "Tiêu đề có ký tự điều khiển\x01 ở giữa", "schema: title"),
        ("title", "Tiêu đề " * 200, "schema: title"),
        ("lead", "Sapo\x9b có C1", "schema: lead"),
        ("authors", ["Nguyễn Văn " * 30], "schema: authors"),
    ],
)
def test_bad_or_oversized_fields_go_to_rejects_with_the_article_and_why(
    field: str, value: object, reason: str
) -> None:

    article = make_article()
    result = run_all(article)
    assert not isinstance(result, Rejected)
    result.__setattr__(field, value)
    refused = validate_article(result)
    assert isinstance(refused, Rejected) and refused.reason.startswith(reason), refused
    key, body = key_and_body(refused)
    assert key.startswith("rejects/baoapbac/") and ".." not in key
    document = json.loads(body)
    assert document["reason"] == refused.reason and document["stage"] == "validation"
    assert document["article"][field] == value


# --------------------------------------------------------------------------------------------- bounded input


def test_floods_and_tag_pages_are_generated_as_they_are_sent(replica: Replica) -> None:
    from replica.faults import flood_url

    replica.faults.add("sitemap_flood", site=SITE, children=3, urls=10_000)
    index = replica.get("https://baodongthap.vn/sitemap.xml").body.decode()
    assert "https://baodongthap.vn/sitemaps/flood-2.xml" in index
    flood = replica.get("https://baodongthap.vn/sitemaps/flood-1.xml")
    assert isinstance(flood, FaultyPage) and flood.stream is not None and flood.body == b""
    body = b"".join(flood.stream())
    assert len(body) == flood.length and body.count(b"<loc>") == 10_000
    assert flood_url("baodongthap.vn", 1, 9_999).encode() in body
    assert get_site(SITE).is_article_url(flood_url("baodongthap.vn", 1, 9_999))  # article-shaped: queued
    replica.faults.add("tiny_tags", url=_first(replica, "baoapbac").url, size=1024 * 1024)
    tags = replica.get(_first(replica, "baoapbac").url)
    assert isinstance(tags, FaultyPage) and tags.stream is not None
    page = b"".join(tags.stream())
    assert len(page) == tags.length == 1024 * 1024 and page.count(b"<") > 200_000


def test_a_page_of_too_many_tags_is_refused_before_its_tree_is_built() -> None:
    from crawler.extract import MAX_TAGS, PageTooLarge, parse_document

    fine = parse_document(b"<html><body>" + b"<b>x</b>" * (MAX_TAGS // 2 - 10) + b"</body></html>")
    assert fine is not None
    with pytest.raises(PageTooLarge) as refused:
        parse_document(b"<html><body>" + b"<b>x</b>" * (MAX_TAGS // 2 + 1) + b"</body></html>")
    assert refused.value.kind == "too_large"
    with pytest.raises(PageTooLarge):
        extract_article("https://baodongthap.vn/x-a123.html", "<i>" * (MAX_TAGS + 1), get_site(SITE))


def test_a_bomb_or_a_refused_page_is_counted_too_large() -> None:
    from scrapy.http import HtmlResponse
    from scrapy.utils._compression import _DecompressionMaxSizeExceeded
    from scrapy.utils.test import get_crawler

    from crawler.extract import PageTooLarge
    from crawler.middlewares.errors import FailureCountMiddleware, classify

    assert classify(_DecompressionMaxSizeExceeded(2**30, 2**24)) == "too_large"
    assert classify(PageTooLarge("many tags")) == "too_large"
    crawler = get_crawler()
    middleware = FailureCountMiddleware(crawler)
    response = HtmlResponse("https://baodongthap.vn/sitemap.xml.gz", body=b"")
    middleware.process_spider_exception(response, _DecompressionMaxSizeExceeded(2**30, 2**24))
    middleware.process_spider_exception(response, PageTooLarge("many tags"))
    middleware.process_spider_exception(response, KeyError("x"))
    stats = crawler.stats
    assert stats is not None
    assert stats.get_value("crawler/errors/too_large") == 2
    assert stats.get_value("crawler/errors/callback_KeyError") == 1
