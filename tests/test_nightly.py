"""A quiet night costs two requests per portal: conditional discovery that follows `<lastmod>`.

The rules of `crawler.discovery.nightly` one by one, the discovery pages the crawl state keeps (SQLite and
Redis), and three nights of real crawls against the replica: nothing new, then news and an edit, then a gap
wider than the feed, each checked against what the replica was asked.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from crawler.dates import VN_TZ
from crawler.discovery.nightly import (
    SWEEP_DAYS,
    child_verdict,
    conditional_headers,
    covers_since,
    edited_since,
    fresh_sources,
)
from crawler.state import DiscoveryPage, KnownArticle, open_state
from crawler.state.redis_state import RedisState
from replica import Replica, ReplicaServer, build_replica
from replica.compare import latest_versions

ROOT = Path(__file__).resolve().parents[1]
WATERMARK = datetime(2026, 11, 30, 2, 0, tzinfo=VN_TZ)
"""Last night's run began at 02:00 Vietnam time."""


def page(url: str, kind: str, read_at: str = "2026-11-30T02:00:00+07:00", **rest: Any) -> DiscoveryPage:
    return DiscoveryPage(url=url, site="baodongthap", kind=kind, read_at=read_at, **rest)


# -- the rules ---------------------------------------------------------------------------------------------


def test_a_child_sitemap_is_read_when_its_lastmod_moved_and_skipped_when_not() -> None:
    known = page(
        "https://baodongthap.vn/sitemaps/articles-2026-11.xml", "sitemap", lastmod="2026-11-29T21:10:00+07:00"
    )
    assert child_verdict("2026-11-29T21:10:00+07:00", known, WATERMARK, everything=False) == "unchanged"
    assert child_verdict("2026-11-30T08:15:00+07:00", known, WATERMARK, everything=False) == "read"
    # the same instant written in UTC is no change
    assert child_verdict("2026-11-29T14:10:00Z", known, WATERMARK, everything=False) == "unchanged"
    # no lastmod to judge by: read (conditionally)
    assert child_verdict(None, known, WATERMARK, everything=False) == "read"


def test_an_archive_month_never_read_waits_for_a_backfill_but_a_first_run_or_recrawl_reads_it() -> None:
    old_month = "2019-04-30T17:45:00+07:00"
    assert child_verdict(old_month, None, WATERMARK, everything=False) == "archived"
    assert child_verdict(old_month, None, None, everything=False) == "read"  # a first run: no watermark
    assert child_verdict(old_month, None, WATERMARK, everything=True) == "read"  # --recrawl
    # a month nobody read that changed after the watermark is news
    assert child_verdict("2026-11-30T06:00:00+07:00", None, WATERMARK, everything=False) == "read"


def test_a_child_read_before_lastmods_were_recorded_is_judged_by_when_it_was_read() -> None:
    known = page("https://baodongthap.vn/sitemaps/articles-2026-10.xml", "sitemap")
    assert child_verdict("2026-10-31T23:00:00+07:00", known, WATERMARK, everything=False) == "unchanged"
    assert child_verdict("2026-11-30T03:00:00+07:00", known, WATERMARK, everything=False) == "read"


def test_a_fresh_source_covers_the_night_when_it_reaches_back_to_what_is_known() -> None:
    rss_dates = ["Mon, 30 Nov 2026 21:05:00 +0700", "Mon, 30 Nov 2026 09:40:00 +0700"]
    assert not covers_since(rss_dates, any_known=False, watermark=WATERMARK)  # all newer: a gap
    assert covers_since([*rss_dates, "Sun, 29 Nov 2026 18:00:00 +0700"], any_known=False, watermark=WATERMARK)
    assert covers_since(rss_dates, any_known=True, watermark=WATERMARK)
    assert covers_since(["2026-11-29T23:59:00+07:00"], any_known=False, watermark=WATERMARK)
    assert not covers_since([None, "không rõ"], any_known=False, watermark=WATERMARK)
    assert not covers_since(rss_dates, any_known=False, watermark=None)


def test_fresh_sources_prefer_a_known_news_sitemap_and_sweep_the_index_weekly() -> None:
    entry_points = [
        ("feed", "https://baodongthap.vn/rss/home.rss"),
        ("sitemap", "https://baodongthap.vn/sitemap.xml"),
    ]
    now = WATERMARK + timedelta(days=1)
    index = page("https://baodongthap.vn/sitemap.xml", "sitemapindex")
    news = page("https://baodongthap.vn/sitemaps/news.xml", "news")
    assert fresh_sources(entry_points, {}, now) == [("feed", "https://baodongthap.vn/rss/home.rss")]
    assert fresh_sources(entry_points, {p.url: p for p in (index, news)}, now) == [("news", news.url)]
    later = WATERMARK + timedelta(days=SWEEP_DAYS)
    assert fresh_sources(entry_points, {p.url: p for p in (index, news)}, later) == [
        ("news", news.url),
        ("sitemapindex", index.url),
    ]
    # a site with neither a feed nor a known news sitemap has no fresh source: every entry point is read
    assert (
        fresh_sources([("listing", "https://baodongthap.vn/thoi-su/")], {p.url: p for p in (index,)}, now)
        == []
    )


def known(last_fetched: str, last_modified: str | None) -> KnownArticle:
    return KnownArticle(
        "https://baodongthap.vn/thoi-su/x-a1.html",
        "baodongthap-a1",
        "baodongthap",
        "h",
        1,
        "k",
        last_fetched,
        last_fetched,
        last_fetched,
        etag='"e"',
        last_modified=last_modified,
    )


def test_an_edit_shows_by_the_portals_clock_even_when_ours_runs_ahead() -> None:
    # fetched at 10:00:30 by our clock; the page said Last-Modified 10:00:00 Vietnam time (03:00 GMT)
    article = known("2026-12-01T10:00:30+07:00", "Tue, 01 Dec 2026 03:00:00 GMT")
    assert edited_since("2026-12-01T10:00:10+07:00", article)  # after the page as served: an edit
    assert not edited_since("2026-12-01T09:59:00+07:00", article)
    assert not edited_since("2026-12-01T03:00:00Z", article)  # the very version fetched
    # without a Last-Modified, our fetch time is all there is
    assert not edited_since("2026-12-01T10:00:10+07:00", known("2026-12-01T10:00:30+07:00", None))
    assert edited_since("Tue, 01 Dec 2026 10:05:00 +0700", known("2026-12-01T10:00:30+07:00", None))
    assert not edited_since(None, article) and not edited_since("hôm qua lúc nào đó", article)


def test_conditional_headers_come_from_what_the_state_holds() -> None:
    held = page(
        "https://baodongthap.vn/rss/home.rss",
        "feed",
        etag='"a1b2"',
        last_modified="Mon, 30 Nov 2026 14:05:00 GMT",
    )
    assert conditional_headers(held) == {
        "If-None-Match": '"a1b2"',
        "If-Modified-Since": "Mon, 30 Nov 2026 14:05:00 GMT",
    }
    assert conditional_headers(page(held.url, "feed")) == {}
    assert conditional_headers(None) == {}


# -- the state keeps discovery pages ---------------------------------------------------------------------------


def _round_trip(state: Any) -> None:
    pages = [
        page("https://baodongthap.vn/sitemap.xml", "sitemapindex", etag='"ix"'),
        page(
            "https://baodongthap.vn/sitemaps/articles-2026-11.xml",
            "sitemap",
            lastmod="2026-11-29T21:10:00+07:00",
        ),
    ]
    assert state.call(state.discovery_now, "baodongthap") == (None, {})
    state.call(state.commit_discovery_now, "baodongthap", pages, "2026-11-30T02:00:00+07:00")
    moved = page(pages[0].url, "sitemapindex", read_at="2026-12-01T02:00:00+07:00", etag='"iy"')
    state.call(state.commit_discovery_now, "baodongthap", [moved], "2026-12-01T02:00:00+07:00")
    watermark, known = state.call(state.discovery_now, "baodongthap")
    assert watermark == "2026-12-01T02:00:00+07:00"
    assert known == {moved.url: moved, pages[1].url: pages[1]}
    assert state.call(state.discovery_now, "baoapbac") == (None, {})
    # two sites on one host (a paper and its archive) each keep their own record of a page
    archive = DiscoveryPage(moved.url, "baodongnai_legacy", "sitemapindex", moved.read_at, etag='"other"')
    state.call(state.commit_discovery_now, "baodongnai_legacy", [archive], moved.read_at)
    assert state.call(state.discovery_now, "baodongnai_legacy")[1] == {moved.url: archive}
    assert state.call(state.discovery_now, "baodongthap")[1][moved.url] == moved


def test_the_sqlite_state_keeps_discovery_pages_and_the_watermark(tmp_path: Path) -> None:
    _round_trip(open_state(str(tmp_path / "state.sqlite")))


def test_the_redis_state_keeps_discovery_pages_and_the_watermark(redis_server: str) -> None:
    state = open_state(f"{redis_server}?namespace=nightly")
    assert isinstance(state, RedisState)
    _round_trip(state)


# -- three nights against the replica ----------------------------------------------------------------------------

SITES = ("baodongthap", "sggp", "baolongan")
"""Family A with a sitemap index, family E declaring its news sitemap, and a paper closed by the merger."""


def crawl(server: ReplicaServer, folder: Path, *extra: str, name: str = "night") -> dict[str, Any]:
    stats = folder / f"{name}.json"
    command = [sys.executable, "-m", "crawler.cli", "crawl", *SITES, "--replica", server.base_url]
    command += ["--store", (folder / "store").as_uri(), "--state", str(folder / "state.sqlite")]
    command += ["--stats-json", str(stats), "--no-progress", *extra]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(stats.read_text(encoding="utf-8"))
    return result


def requests_by_host(replica: Replica) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for _method, host, path in replica.request_log:
        out.setdefault(host, []).append(path)
    return out


@pytest.fixture(scope="module")
def nights(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    replica = build_replica(undeclared=False)
    folder = tmp_path_factory.mktemp("nights")
    out: dict[str, Any] = {"replica": replica, "folder": folder}
    with ReplicaServer(replica) as server:
        out["night1"] = crawl(server, folder, name="night1")
        replica.clear_log()
        out["night2"] = crawl(server, folder, name="night2")
        out["night2_log"] = requests_by_host(replica)
        now = datetime.now(VN_TZ).replace(microsecond=0) + timedelta(seconds=2)
        out["changes"] = [c for c in replica.advance(1, 1, seed="nightly-test", now=now) if c[0] in SITES]
        replica.clear_log()
        out["night3"] = crawl(server, folder, name="night3")
        out["night3_log"] = requests_by_host(replica)
        fresh = folder / "fresh"
        fresh.mkdir()
        out["fresh"] = crawl(server, fresh, name="fresh")
    return out


def test_a_quiet_night_asks_each_portal_for_robots_txt_and_one_conditional_page(
    nights: dict[str, Any],
) -> None:
    for host, paths in nights["night2_log"].items():
        assert len(paths) <= 2, (host, paths)
        assert paths.count("/robots.txt") == 1, (host, paths)
    night = nights["night2"]
    for key in SITES:
        site = night["sites"][key]
        assert site["requests"] <= 2, (key, site)
        assert site["not_modified_sitemap"] == 1, (key, site)  # the news sitemap answered 304 ...
        assert site["sitemap_pages"] == 0 and site["article_pages"] == 0, (
            key,
            site,
        )  # ... and was not parsed
    assert night["totals"]["articles_written"] == 0


def test_a_night_with_news_fetches_the_new_and_the_edited_article_and_nothing_else(
    nights: dict[str, Any],
) -> None:
    changes = nights["changes"]
    assert {kind for _, _, kind in changes} == {"new", "edited"}
    assert not any(key == "baolongan" and kind == "new" for key, _, kind in changes)  # closed in 2025
    night = nights["night3"]
    for key in SITES:
        expected = sum(1 for site, _, _ in changes if site == key)
        site = night["sites"][key]
        assert site["requests"] <= 2 + expected, (key, site)
        assert site["articles_written"] == expected, (key, site)
    for host, paths in nights["night3_log"].items():
        assert not any("articles-" in path for path in paths), (host, paths)  # no monthly sitemap read


def test_after_three_nights_nothing_a_fresh_full_crawl_finds_is_missing(nights: dict[str, Any]) -> None:
    folder: Path = nights["folder"]
    nightly = latest_versions(folder / "store")
    full = latest_versions(folder / "fresh" / "store")
    assert len(full) >= 20
    assert {k: v for k, v in full.items() if nightly.get(k) != v} == {}
    edited = [f"{key}-{article_id}" for key, article_id, kind in nights["changes"] if kind == "edited"]
    for path in (folder / "store" / "articles").rglob("*.json"):
        article = json.loads(path.read_text(encoding="utf-8"))
        if article["id"] in edited and article["version"] > 1:
            edited.remove(article["id"])
    assert edited == []  # every edit became a second version


def test_a_gap_wider_than_the_feed_reads_only_the_sitemaps_whose_lastmod_moved(tmp_path: Path) -> None:
    """A portal without a news sitemap (forgotten from the state) publishes more than its feed holds: the
    feed shows a gap, so the index is read, and of its children only the months that changed."""
    replica = build_replica(undeclared=False)
    with ReplicaServer(replica) as server:
        crawl(server, tmp_path, name="night1")
        with sqlite3.connect(tmp_path / "state.sqlite") as db:
            db.execute("DELETE FROM discovery_pages WHERE kind = 'news'")
            months = [
                row[0]
                for row in db.execute(
                    "SELECT url FROM discovery_pages WHERE site = 'baodongthap' AND url LIKE '%articles-%'"
                )
            ]
        assert len(months) >= 3
        now = datetime.now(VN_TZ).replace(microsecond=0) + timedelta(seconds=2)
        added = [c for c in replica.advance(55, 0, seed="gap", now=now) if c[0] == "baodongthap"]
        assert len(added) == 55
        replica.clear_log()
        night = crawl(server, tmp_path, name="night2")
        asked = requests_by_host(replica)["baodongthap.vn"]
    site = night["sites"]["baodongthap"]
    assert site["articles_written"] == 55
    assert site["sitemaps_unchanged"] >= len(months) - 1
    month_paths = [p for p in asked if "articles-" in p]
    assert month_paths == [f"/sitemaps/articles-{now:%Y-%m}.xml"], month_paths


def test_a_domain_nobody_declared_is_asked_for_its_feeds_and_sitemaps_conditionally(tmp_path: Path) -> None:
    """Generic mode reads every entry point every night (what an undeclared site offers is learned anew),
    but a feed or sitemap read before answers 304 and is not parsed again, and unchanged months are skipped."""
    replica = build_replica()
    domain = "tintaynguyen.vn"

    def night(name: str) -> dict[str, Any]:
        stats = tmp_path / f"{name}.json"
        command = [
            sys.executable,
            "-m",
            "crawler.cli",
            "crawl",
            "--domain",
            domain,
            "--replica",
            server.base_url,
        ]
        command += ["--store", (tmp_path / "store").as_uri(), "--state", str(tmp_path / "state.sqlite")]
        command += ["--stats-json", str(stats), "--no-progress"]
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)
        assert done.returncode == 0, done.stderr[-3000:]
        result: dict[str, Any] = json.loads(stats.read_text(encoding="utf-8"))["totals"]
        return result

    with ReplicaServer(replica) as server:
        first = night("night1")
        replica.clear_log()
        second = night("night2")
        asked = requests_by_host(replica).get(domain, [])
    assert first["articles_written"] > 0 and first["not_modified"] == 0
    assert second["articles_written"] == 0 and second["article_pages"] == 0
    assert second["not_modified_sitemap"] >= 1 and second["not_modified_feed"] >= 1, second
    assert second["sitemap_pages"] == 0, second  # nothing that answered 304 was parsed
    assert not any("articles-" in path for path in asked), asked  # no month sitemap asked again
    assert second["requests"] < first["requests"]
