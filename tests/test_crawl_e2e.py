"""A whole crawl of the replica over HTTP, in a real `crawler crawl` process, into a temporary store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from crawler.dates import VN_TZ
from crawler.schema import schema_errors
from crawler.sites import all_sites
from crawler.urls import canonicalize
from replica import ReplicaArticle, ReplicaServer, build_replica

ROOT = Path(__file__).resolve().parents[1]
SEED_URL = (
    "https://baoapbac.vn/xa-hoi/202103/doi-moi-phuong-thuc-lanh-dao-nang-cao-nang-luc-cua-co-so-dang-1050912/"
)


@dataclass
class CrawlRun:
    store: Path
    stats: dict[str, Any]
    articles: dict[str, dict[str, Any]]
    """Stored articles by canonical URL."""
    rejects: list[dict[str, Any]]
    expected: list[ReplicaArticle]
    broken: ReplicaArticle
    requests: list[tuple[str, str, str]]


def _crawl(replica_url: str, store: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "crawler.cli", "crawl", "--all", "--replica", replica_url]
    command += ["--store", store.as_uri(), "--stats-json", str(store / "stats.json")]
    command += ["--state", str(store.parent / f"{store.name}-state.sqlite"), *extra]
    return subprocess.run(
        command, capture_output=True, text=True, cwd=ROOT, env=env, timeout=300, check=False
    )


@pytest.fixture(scope="module")
def crawl_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CrawlRun]:
    replica = build_replica()
    broken = replica.new_article(
        "baodongthap",
        title="Thông báo ngắn về lịch cắt điện",
        lead="",
        paragraphs=["Xem chi tiết."],
        published=datetime(2026, 11, 20, 9, 0, tzinfo=VN_TZ),
    )
    replica.add_article("baodongthap", broken)
    expected = [
        a for key in all_sites() for a in replica.articles(key) if a is not broken and a.url != broken.url
    ]
    store = tmp_path_factory.mktemp("store")
    with ReplicaServer(replica) as server:
        done = _crawl(server.base_url, store)
        requests = list(replica.request_log)
    assert done.returncode == 0, done.stderr[-3000:]
    articles = {}
    for path in (store / "articles").rglob("*.json"):
        document = json.loads(path.read_text(encoding="utf-8"))
        articles[document["canonical_url"]] = document
    rejects = [json.loads(p.read_text(encoding="utf-8")) for p in (store / "rejects").rglob("*.json")]
    stats = json.loads((store / "stats.json").read_text(encoding="utf-8"))
    yield CrawlRun(store, stats, articles, rejects, expected, broken, requests)


def test_every_replica_article_is_stored_once(crawl_run: CrawlRun) -> None:
    expected_urls = {canonicalize(a.url) for a in crawl_run.expected}
    assert set(crawl_run.articles) == expected_urls
    assert len(list((crawl_run.store / "articles").rglob("*.json"))) == len(expected_urls)
    ids = [a["id"] for a in crawl_run.articles.values()]
    assert len(ids) == len(set(ids))


def test_every_stored_article_is_schema_valid_in_vietnam_time(crawl_run: CrawlRun) -> None:
    for document in crawl_run.articles.values():
        assert schema_errors(document) == [], document["url"]
        assert document["published_at"].endswith("+07:00")
        assert document["date_source"] in ("structured", "dateline")


def test_fields_match_what_the_portal_published(crawl_run: CrawlRun) -> None:
    for article in crawl_run.expected:
        document = crawl_run.articles[canonicalize(article.url)]
        assert document["title"] == article.title, article.url
        assert document["published_at"] == article.published.isoformat(), article.url
        assert document["body_text"].split("\n\n") == list(article.served_paragraphs()), article.url
        assert len(document["images"]) == len(article.images), article.url
        assert len(document["authors"]) == len(article.authors), article.url
        if article.source_tag:
            assert document["source_tag"] == article.source_tag.strip("()"), article.url


def test_the_seed_article_comes_out_right(crawl_run: CrawlRun) -> None:
    seed = crawl_run.articles[SEED_URL]
    assert seed["published_at"] == "2021-03-24T15:35:00+07:00"
    assert seed["source_tag"] == "ABO"
    assert seed["authors"] == ["Hoài Thu"]
    assert seed["lead"].startswith("Đó là một trong những chỉ đạo")
    assert "HOÀI THU" not in seed["body_text"]
    assert all(image["caption"] not in seed["body_text"] for image in seed["images"] if image["caption"])
    # Ấp Bắc served Tiền Giang in 2021; the land is part of Đồng Tháp since the 2025 merger.
    assert (
        seed["province"] == "Tiền Giang"
        and seed["province_now"] == "Đồng Tháp"
        and seed["site"] == "baoapbac"
    )


def test_an_invalid_article_goes_to_rejects_with_its_reason(crawl_run: CrawlRun) -> None:
    assert [r["url"] for r in crawl_run.rejects] == [crawl_run.broken.url]
    reject = crawl_run.rejects[0]
    assert reject["stage"] == "validation"
    assert reject["reason"].startswith("schema: body_text")
    assert reject["article"]["title"] == "Thông báo ngắn về lịch cắt điện"


def test_stats_count_pages_by_kind_and_outcomes(crawl_run: CrawlRun) -> None:
    totals = crawl_run.stats["totals"]
    assert totals["articles_written"] == len(crawl_run.expected)
    assert totals["rejects"] == 1
    assert totals["errors"] == 0
    assert totals["article_pages"] >= len(crawl_run.expected) + 1
    assert totals["feed_pages"] > 0 and totals["sitemap_pages"] > 0 and totals["listing_pages"] > 0
    assert set(crawl_run.stats["sites"]) == set(all_sites())
    assert crawl_run.stats["seconds"] > 0


def test_robots_txt_is_read_and_obeyed(crawl_run: CrawlRun) -> None:
    hosts_with_robots = {host for _method, host, path in crawl_run.requests if path == "/robots.txt"}
    assert hosts_with_robots == {site.domain for site in all_sites().values()}
    assert not any(path.startswith("/admin/") for _method, _host, path in crawl_run.requests)


def test_demo_writes_valid_articles_offline(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "crawler.cli", "demo", "--store", tmp_path.as_uri(), "--limit", "3"]
    done = subprocess.run(
        command, capture_output=True, text=True, cwd=ROOT, env=env, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert str(tmp_path / "articles") in done.stdout
    documents = [json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "articles").rglob("*.json")]
    assert len(documents) >= 20
    for document in documents:
        assert schema_errors(document) == []
        assert document["published_at"].endswith("+07:00") and document["date_source"]
