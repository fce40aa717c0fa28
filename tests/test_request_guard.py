"""Every request stays on the site's own hosts and off private addresses: the check, the guard, and crawls of a
hostile portal that announces loopback and off-site sitemaps and feeds, against a trap server."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from scrapy import Request, Spider
from scrapy.settings import Settings
from scrapy.utils.test import get_crawler
from twisted.internet.error import DNSLookupError

from crawler.middlewares.errors import classify
from crawler.middlewares.targets import (
    RedirectBlocked,
    RequestGuardMiddleware,
    TargetRefused,
    check_answer,
    check_url,
    on_site,
)
from crawler.sites import generic_site, get_site
from replica import ReplicaServer
from replica.fault_matrix import FAST, Context, Trap, build, crawl, verify
from replica.fault_matrix import announce as _announce

SITE = ("baoapbac.vn",)


# --------------------------------------------------------------------------------------------- the check


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/sitemap.xml",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:7f00:1]/",
        "http://2130706433/",
        "http://0x7f000001/",
        "http://0x7f.0.0.1/",
        "http://0177.0.0.1/",
        "http://127.1/",
        "http://[::1]:9000/",
        "http://[fe80::1]/",
        "http://[fc00::5]/",
        "http://[64:ff9b::7f00:1]/",
        "http://[2002:7f00:1::]/",
        "http://0.0.0.0/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.1.2.3/",
        "http://172.16.5.4/",
        "http://192.168.0.1/",
        "http://100.64.0.1/",
        "http://224.0.0.1/",
        "http://240.0.0.1/",
        "http://localhost:9000/",
        "http://LOCALHOST./",
        "http://printer.local/",
        "http://metadata.google.internal/",
    ],
)
def test_private_loopback_link_local_and_reserved_targets_are_refused(url: str) -> None:
    refusal = check_url(url, SITE)
    assert refusal is not None and refusal.error_class() == "private_target", refusal
    assert refusal.error_class(redirected=True) == "redirect_private"
    assert check_url(url, None) == refusal  # whatever the site


def test_only_the_sites_own_hosts_are_on_site() -> None:
    for url in (
        "https://baoapbac.vn/xa-hoi/",
        "http://www.baoapbac.vn/a",
        "https://m.baoapbac.vn/a",
        "https://static.cdn.baoapbac.vn/feed.rss",
        "https://BAOAPBAC.VN./x",
        "data:,",
    ):
        assert check_url(url, SITE) is None, url
    for url in (
        "https://baodongthap.vn/a",
        "https://baoapbac.vn.evil.com/",
        "https://evilbaoapbac.vn/",
        "https://8.8.8.8/",
        "file:///etc/passwd",
        "ftp://baoapbac.vn/x",
        "s3://bucket/key",
    ):
        refusal = check_url(url, SITE)
        assert refusal is not None and refusal.error_class() == "offsite", url
    assert check_url("https://8.8.8.8/", ("8.8.8.8",)) is None
    assert on_site("www.baoapbac.vn", ("www.baoapbac.vn",)) and not on_site("vn", SITE)


def test_a_dns_answer_that_is_not_public_is_refused() -> None:
    assert check_answer("baoapbac.vn", ["203.162.4.190"]) is None
    refusal = check_answer("baoapbac.vn", ["203.162.4.190", "::ffff:10.0.0.7"])
    assert refusal is not None and refusal.error_class() == "private_target"
    assert "resolves to ::ffff:a00:7" in refusal.reason


# --------------------------------------------------------------------------------------------- the guard


def _guard(
    site: Any = None, answers: dict[str, str] | None = None, **settings: Any
) -> tuple[RequestGuardMiddleware, Any, list[str]]:
    crawler = get_crawler(Spider, settings)
    crawler.spider = crawler._create_spider("t")
    if site is not None:
        crawler.spider.site = site  # type: ignore[attr-defined]
    asked: list[str] = []

    async def resolve(host: str) -> str:
        asked.append(host)
        if answers is None or host not in answers:
            raise DNSLookupError(host)
        return answers[host]

    return RequestGuardMiddleware(crawler, resolve), crawler.stats, asked


def _refused(guard: RequestGuardMiddleware, request: Request) -> TargetRefused:
    with pytest.raises(TargetRefused) as caught:
        asyncio.run(guard.process_request(request))
    return caught.value


def _errback(failure: Any) -> None:
    pass


def test_every_request_is_checked_not_only_redirects() -> None:
    guard, stats, _ = _guard(get_site("baoapbac"), CRAWLER_REPLICA_URL="http://127.0.0.1:1")
    child = Request("http://2130706433:8000/sitemap.xml", errback=_errback, meta={"page_kind": "sitemap"})
    refused = _refused(guard, child)
    assert classify(refused) == "private_target" and not isinstance(refused, RedirectBlocked)
    assert stats.get_value("crawler/requests_refused/private_target") == 1
    assert stats.get_value("crawler/errors/private_target") is None  # the errback counts it, not twice
    feed = Request("https://evil.example.com/rss", errback=_errback, meta={"probe": True})
    assert classify(_refused(guard, feed)) == "offsite"
    assert stats.get_value("crawler/errors/offsite") == 1  # a probe's errback counts only a miss
    assert stats.get_value("crawler/errors") is None  # and a missed probe is no error of the crawl
    robots = Request("http://localhost:8000/robots.txt")  # no errback at all
    assert classify(_refused(guard, robots)) == "private_target"
    assert stats.get_value("crawler/errors/private_target") == 1
    assert stats.get_value("crawler/errors") == 1
    assert asyncio.run(guard.process_request(Request("https://www.baoapbac.vn/xa-hoi/"))) is None


def test_redirects_keep_their_classes() -> None:
    guard, stats, _ = _guard(get_site("baoapbac"), CRAWLER_REPLICA_URL="http://127.0.0.1:1")
    chain = {"redirect_urls": ["https://baoapbac.vn/a"]}
    for url, kind in (
        ("http://[::ffff:127.0.0.1]/", "redirect_private"),
        ("https://evil.example.com/", "redirect_offsite"),
        ("file:///etc/passwd", "redirect_scheme"),
    ):
        refused = _refused(guard, Request(url, meta=dict(chain)))
        assert isinstance(refused, RedirectBlocked) and refused.kind == kind
        assert stats.get_value(f"crawler/redirects_blocked/{kind}") == 1


def test_on_site_names_are_resolved_unless_the_replica_serves_them() -> None:
    answers = {"baoapbac.vn": "10.0.0.5", "m.baoapbac.vn": "203.162.4.190"}
    guard, _, asked = _guard(get_site("baoapbac"), answers)
    assert classify(_refused(guard, Request("https://baoapbac.vn/"))) == "private_target"
    assert asyncio.run(guard.process_request(Request("https://m.baoapbac.vn/"))) is None
    assert asyncio.run(guard.process_request(Request("https://cdn.baoapbac.vn/"))) is None  # dns, later
    assert asked == ["baoapbac.vn", "m.baoapbac.vn", "cdn.baoapbac.vn"]
    routed, _, asked = _guard(get_site("baoapbac"), answers, CRAWLER_REPLICA_URL="http://127.0.0.1:1")
    assert asyncio.run(routed.process_request(Request("https://www.baoapbac.vn/"))) is None
    assert asyncio.run(routed.process_request(Request("data:,"))) is None
    assert asked == []


def test_generic_mode_has_its_domain_as_the_site() -> None:
    guard, _, _ = _guard(generic_site("https://www.tintaynguyen.vn/"), {"tintaynguyen.vn": "203.162.4.1"})
    assert asyncio.run(guard.process_request(Request("https://www.tintaynguyen.vn/rss"))) is None
    assert classify(_refused(guard, Request("https://baoapbac.vn/sitemap.xml"))) == "offsite"


def test_the_guard_runs_before_robots_txt_is_fetched() -> None:
    settings = Settings()
    settings.setmodule("crawler.settings")
    ours = settings.getdict("DOWNLOADER_MIDDLEWARES")
    base = settings.getdict("DOWNLOADER_MIDDLEWARES_BASE")
    robots = base["scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware"]
    assert ours["crawler.middlewares.targets.RequestGuardMiddleware"] < robots


# --------------------------------------------------------------------------------------------- crawls


@pytest.mark.parametrize(("key", "generic"), [("baodongthap", False), ("tintaynguyen", True)])
def test_a_hostile_portal_sends_nothing_to_the_trap(tmp_path: Path, key: str, generic: bool) -> None:
    """A declared site's sitemap index, and a generic-mode portal's home page, robots.txt, sitemaps and feeds,
    announce the trap in every loopback spelling and an off-site host: none of it is requested, robots.txt
    included, each is counted, and every article is still stored."""
    replica = build((key,))
    trap = Trap()
    _announce(Context(replica, trap))
    with ReplicaServer(replica) as server:
        if generic:
            domains = (replica.site(key).domain,)
            done = crawl(tmp_path, (), server.base_url, FAST, None, domains=domains)
        else:
            done = crawl(tmp_path, (key,), server.base_url, FAST, None)
    assert done.returncode == 0, done.stderr[-2000:]
    assert trap.hits == []
    (errors,) = [site["errors_by_class"] for site in done.stats["sites"].values()]
    assert errors == {"private_target": 6, "offsite": 1}, errors
    for target in trap.announced_targets():  # each logged once, with its URL
        assert done.stderr.count(target) == 1, (target, done.stderr[-2000:])
    outcome = verify(tmp_path / "store", replica.articles(key), [])
    assert (outcome.lost, outcome.duplicated, outcome.malformed) == (0, 0, 0), outcome.problems
