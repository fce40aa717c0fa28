"""The downloader components for faults and hostile input, one by one, without a network."""

from __future__ import annotations

import asyncio
import unicodedata
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import DownloadTimeoutError, IgnoreRequest
from scrapy.http import HtmlResponse, Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.test import get_crawler

from crawler.middlewares.charset import CharsetMiddleware, choose_encoding
from crawler.middlewares.content import ContentTypeMiddleware, NotHtml
from crawler.middlewares.errors import classify
from crawler.middlewares.redirects import (
    RedirectBlocked,
    RedirectGuardMiddleware,
    RedirectLoopMiddleware,
    check_target,
    parse_ip,
)
from crawler.middlewares.retry import BackoffRetryMiddleware, backoff, parse_retry_after
from crawler.resume import DoneDupeFilter, ResumableScheduler, finish_job_dir
from crawler.sites import get_site
from crawler.store.layout import BadKeyError, article_key, reject_key, run_key, version_key
from replica.faults import to_cp1258

TITLE = "Đồng Tháp: Người dân phấn khởi đón mùa lũ về, ước tính sản lượng đạt kỷ lục"
PAGE = (
    '<!DOCTYPE html><html lang="vi"><head>{meta}<title>{title}</title></head>'
    "<body><h1>{title}</h1><p>Ông Nguyễn Văn Đức cho biết năm nay nước về sớm hơn.</p></body></html>"
)


def _crawler(**settings: object) -> Crawler:
    crawler = get_crawler(Spider, settings)
    crawler.spider = crawler._create_spider("t")
    return crawler


def _spider(crawler: Crawler) -> Spider:
    assert crawler.spider is not None
    return crawler.spider


# --------------------------------------------------------------------------------------------- retries


def test_retry_after_reads_seconds_and_http_dates() -> None:
    now = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after(b" 120 ") == 120.0
    assert parse_retry_after(format_datetime(now + timedelta(seconds=30), usegmt=True), now=now) == 30.0
    assert parse_retry_after(format_datetime(now - timedelta(seconds=30), usegmt=True), now=now) == 0.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_backoff_doubles_with_jitter_and_stops_at_the_cap() -> None:
    for attempt in range(8):
        ceiling = min(10.0, 0.5 * 2**attempt)
        for _ in range(20):
            assert ceiling / 2 <= backoff(attempt, 0.5, 10.0) <= ceiling


def test_retry_waits_what_retry_after_says_and_gives_up_beyond_the_maximum() -> None:
    crawler = _crawler(CRAWLER_RETRY_AFTER_MAX=60.0)
    middleware = BackoffRetryMiddleware.from_crawler(crawler)
    request = Request("https://baoapbac.vn/xa-hoi/")
    asked = Response(request.url, status=429, headers={"Retry-After": "3"}, request=request)
    assert middleware.delay_for(request, asked) == 3.0
    too_far = Response(request.url, status=429, headers={"Retry-After": "3600"}, request=request)
    assert middleware.delay_for(request, too_far) is None
    assert asyncio.run(middleware.process_response(request, too_far)) is too_far
    assert crawler.stats.get_value("retry/retry_after_too_long") == 2


def test_a_retryable_answer_becomes_a_retry_and_then_gives_up() -> None:
    crawler = _crawler(RETRY_TIMES=2, CRAWLER_RETRY_BACKOFF_BASE=0.0)
    middleware = BackoffRetryMiddleware.from_crawler(crawler)
    request = Request("https://baoapbac.vn/xa-hoi/")
    for attempt in (1, 2):
        answer = Response(request.url, status=503, request=request)
        retried = asyncio.run(middleware.process_response(request, answer))
        assert isinstance(retried, Request) and retried.meta["retry_times"] == attempt
        request = retried
    last = Response(request.url, status=503, request=request)
    assert asyncio.run(middleware.process_response(request, last)) is last
    ok = Response(request.url, status=200, request=request)
    assert asyncio.run(middleware.process_response(request, ok)) is ok


# --------------------------------------------------------------------------------------------- redirects


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/x",
        "http://127.1/",
        "http://2130706433/",
        "http://0x7f.0.0.1/",
        "http://0177.0.0.1/",
        "http://[::1]/",
        "http://[::ffff:10.0.0.1]/",
        "http://0.0.0.0/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.1.2.3/",
        "http://192.168.0.1/",
        "http://172.16.5.4/",
        "http://100.64.0.1/",
        "http://localhost:9000/",
        "http://printer.local/",
        "http://metadata.google.internal/",
    ],
)
def test_redirects_to_private_or_local_addresses_are_refused(url: str) -> None:
    problem = check_target(url, ("baoapbac.vn",))
    assert problem is not None and problem[0] == "redirect_private", problem


def test_redirects_stay_on_the_site() -> None:
    domains = ("baoapbac.vn",)
    assert check_target("https://www.baoapbac.vn/xa-hoi/", domains) is None
    assert check_target("http://baoapbac.vn/a", domains) is None
    assert check_target("https://baodongthap.vn/a", domains) == (
        "redirect_offsite",
        "baodongthap.vn is not one of the site's domains (baoapbac.vn)",
    )
    assert check_target("https://baoapbac.vn.evil.com/", domains)[0] == "redirect_offsite"  # type: ignore[index]
    assert check_target("https://8.8.8.8/", domains)[0] == "redirect_offsite"  # type: ignore[index]
    assert check_target("file:///etc/passwd", domains)[0] == "redirect_scheme"  # type: ignore[index]
    assert parse_ip("baoapbac.vn") is None and str(parse_ip("127.1")) == "127.0.0.1"


def test_the_guard_raises_before_anything_is_sent_and_counts_it() -> None:
    crawler = _crawler(CRAWLER_REPLICA_URL="http://127.0.0.1:1")
    _spider(crawler).site = get_site("baoapbac")  # type: ignore[attr-defined]  # what SiteSpider carries
    guard = RedirectGuardMiddleware.from_crawler(crawler)
    first = Request("https://baoapbac.vn/x", meta={})
    assert asyncio.run(guard.process_request(first)) is None  # not a redirect
    onsite = Request("https://www.baoapbac.vn/y", meta={"redirect_urls": [first.url]})
    assert asyncio.run(guard.process_request(onsite)) is None  # the replica serves it: no DNS
    private = Request("http://127.0.0.1:22/", meta={"redirect_urls": [first.url]})
    with pytest.raises(RedirectBlocked) as caught:
        asyncio.run(guard.process_request(private))
    assert classify(caught.value) == "redirect_private"
    assert crawler.stats.get_value("crawler/redirects_blocked/redirect_private") == 1


def test_a_redirect_back_into_its_chain_is_a_loop() -> None:
    loop = RedirectLoopMiddleware()
    request = Request("https://baoapbac.vn/a?loop=1", meta={"redirect_urls": ["https://baoapbac.vn/a"]})
    back = Response(request.url, status=302, headers={"Location": "/a"}, request=request)
    with pytest.raises(RedirectBlocked) as caught:
        loop.process_response(request, back)
    assert caught.value.kind == "redirect_loop"
    onward = Response(request.url, status=302, headers={"Location": "/b"}, request=request)
    assert loop.process_response(request, onward) is onward


# --------------------------------------------------------------------------------------------- charset


def test_encoding_follows_the_bytes_where_header_and_meta_disagree() -> None:
    meta_1258 = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
    body_1258 = to_cp1258(PAGE.format(meta=meta_1258, title=TITLE))
    assert choose_encoding(body_1258, "utf-8", "windows-1258") == "cp1258"
    assert choose_encoding(body_1258, None, None) == "cp1258"
    assert choose_encoding(body_1258, "iso-8859-1", None) == "cp1258"
    body_utf8 = PAGE.format(meta='<meta charset="utf-8">', title=TITLE).encode("utf-8")
    assert choose_encoding(body_utf8, "iso-8859-1", "utf-8") == "utf-8"
    assert choose_encoding(body_utf8, "windows-1258", "windows-1258") == "utf-8"
    assert choose_encoding(b"<html><body>plain</body></html>", "iso-8859-1", None) == "iso8859-1"
    assert choose_encoding(b"\xef\xbb\xbf<html></html>", "windows-1258", None) == "utf-8"


def test_the_charset_middleware_makes_the_text_vietnamese_again() -> None:
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
    body = to_cp1258(PAGE.format(meta=meta, title=TITLE))
    crawler = _crawler()
    middleware = CharsetMiddleware.from_crawler(crawler)
    request = Request("https://baodongthap.vn/a-a1.html")
    response = HtmlResponse(
        request.url, body=body, headers={"Content-Type": "text/html; charset=utf-8"}, request=request
    )
    assert TITLE not in unicodedata.normalize("NFC", response.text)  # what Scrapy alone would read
    fixed = middleware.process_response(request, response)
    assert TITLE in unicodedata.normalize("NFC", fixed.text)
    assert crawler.stats.get_value("crawler/charset/utf-8->cp1258") == 1


def test_articles_that_are_not_html_are_refused_feeds_are_not_checked() -> None:
    middleware = ContentTypeMiddleware()
    article = Request("https://baodongthap.vn/a-a1.html", meta={"page_kind": "article"})
    pdf = Response(article.url, headers={"Content-Type": "application/pdf"}, request=article)
    with pytest.raises(NotHtml):
        middleware.process_response(article, pdf)
    html = Response(article.url, headers={"Content-Type": "text/html; charset=utf-8"}, request=article)
    assert middleware.process_response(article, html) is html
    feed = Request("https://baodongthap.vn/rss/home.rss", meta={"page_kind": "feed"})
    rss = Response(feed.url, headers={"Content-Type": "application/rss+xml"}, request=feed)
    assert middleware.process_response(feed, rss) is rss


# --------------------------------------------------------------------------------------------- errors


def test_failures_are_named_by_cause() -> None:
    request = Request("https://baoapbac.vn/x")
    assert classify(HttpError(Response(request.url, status=503, request=request), "x")) == "http_503"
    assert classify(HttpError(Response(request.url, status=301, request=request), "x")) == "redirect_loop"
    assert classify(DownloadTimeoutError("slow")) == "timeout"
    assert classify(IgnoreRequest("Forbidden by robots.txt")) == "robots"
    assert classify(IgnoreRequest("... exceeded DOWNLOAD_MAXSIZE (1 B) during decompression.")) == "too_large"
    assert classify(NotHtml("pdf")) == "not_html"
    assert classify(ValueError("?")) == "ValueError"


# --------------------------------------------------------------------------------------------- keys


@pytest.mark.parametrize(
    ("site", "article_id"),
    [
        ("../etc", "baoapbac-1"),
        ("baoapbac", "baoapbac-../../x"),
        ("baoapbac", "baoapbac-1/2"),
        ("baoapbac", "baoapbac-1\n"),
        ("baoapbac", "baoapbac-ảnh"),
        ("baoapbac", "baodongthap-1"),
        ("BaoApBac", "BaoApBac-1"),
        ("baoapbac", "baoapbac-" + "1" * 65),
    ],
)
def test_keys_are_built_only_from_valid_site_keys_and_ids(site: str, article_id: str) -> None:
    with pytest.raises(BadKeyError):
        article_key(site, "2026-11-25T02:00:00+07:00", article_id)


def test_valid_keys_and_the_other_key_kinds() -> None:
    key = article_key("baoapbac", "2021-03-24T15:35:00+07:00", "baoapbac-1050912")
    assert key == "articles/baoapbac/2021/03/24/baoapbac-1050912.json"
    assert version_key(key, 3) == "articles/baoapbac/2021/03/24/baoapbac-1050912.v3.json"
    with pytest.raises(BadKeyError):
        version_key("articles/baoapbac/../../etc/passwd.json", 2)
    with pytest.raises(BadKeyError):
        version_key(key, 0)
    with pytest.raises(BadKeyError):
        reject_key("baoapbac", "2026-11-25T02:00:00+07:00", "../x")
    with pytest.raises(BadKeyError):
        run_key("../../x")
    with pytest.raises(BadKeyError):
        article_key("baoapbac", "not a date", "baoapbac-1")


# --------------------------------------------------------------------------------------------- limits, jobdir


def test_each_site_spider_carries_its_limits_as_settings() -> None:
    from spiders.site_spider import spider_class_for

    site = get_site("baoapbac")
    settings = spider_class_for(site).custom_settings or {}
    assert settings["DOWNLOAD_MAXSIZE"] == site.limits.max_bytes
    assert settings["DEPTH_LIMIT"] == site.limits.depth
    assert settings["CLOSESPIDER_PAGECOUNT"] == site.limits.pages
    assert settings["CLOSESPIDER_TIMEOUT"] == site.limits.seconds


def test_a_queue_left_by_a_killed_crawl_is_discarded_a_clean_one_kept(tmp_path: Path) -> None:
    crawler = _crawler(JOBDIR=str(tmp_path), SCHEDULER_PRIORITY_QUEUE="scrapy.pqueues.ScrapyPriorityQueue")
    (tmp_path / "running").write_text("running\n")  # the last process died
    (tmp_path / "requests.queue").mkdir()
    (tmp_path / "requests.queue" / "active.json").write_text('{"stale": true}')
    scheduler = ResumableScheduler.from_crawler(crawler)
    scheduler.open(_spider(crawler))
    assert not (tmp_path / "requests.queue" / "active.json").exists()
    assert crawler.stats.get_value("crawler/resume/unclean") == 1
    assert (tmp_path / "running").read_text().strip() == "running"
    scheduler.close("shutdown")
    assert (tmp_path / "running").read_text().strip() == "closed"
    finish_job_dir(tmp_path, "shutdown")
    assert tmp_path.exists()
    finish_job_dir(tmp_path, "finished")
    assert not tmp_path.exists()


def test_only_finished_article_requests_are_remembered_across_processes(tmp_path: Path) -> None:
    crawler = _crawler(JOBDIR=str(tmp_path))
    done = DoneDupeFilter.from_crawler(crawler)
    article = Request("https://baoapbac.vn/a-1/", meta={"page_kind": "article"})
    pending = Request("https://baoapbac.vn/a-2/", meta={"page_kind": "article"})
    assert not done.request_seen(article) and not done.request_seen(pending)
    response = HtmlResponse(article.url, body=b"<html></html>", request=article)
    done._item_done(item={}, response=response)
    done.close("killed")
    again = DoneDupeFilter.from_crawler(_crawler(JOBDIR=str(tmp_path)))
    assert again.request_seen(article)  # its item went through: not fetched again
    assert not again.request_seen(pending)  # scheduled, never finished: fetched again


def test_callback_and_pipeline_exceptions_are_counted_with_their_url() -> None:
    from twisted.python.failure import Failure

    from crawler.middlewares.errors import FailureCountMiddleware

    crawler = _crawler()
    middleware = FailureCountMiddleware.from_crawler(crawler)
    request = Request("https://baoapbac.vn/a-1/")
    response = HtmlResponse(request.url, body=b"<html></html>", request=request)
    middleware.process_spider_exception(response, KeyError("title"))
    middleware.process_spider_exception(response, HttpError(response, "404"))  # the errback's
    try:
        raise OSError("disk full")
    except OSError:
        failure = Failure()  # type: ignore[no-untyped-call]  # twisted's Failure.__init__ is not annotated
        middleware.item_error(item={}, response=response, failure=failure)
    stats = crawler.stats.get_stats()
    assert stats["crawler/errors/callback_KeyError"] == 1
    assert stats["crawler/errors/pipeline_OSError"] == 1
    assert stats["crawler/errors"] == 2
