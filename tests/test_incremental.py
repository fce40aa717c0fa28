"""Nightly crawls fetch only what is new or edited, write each article once, and keep edits as versions."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from crawler.dates import VN_TZ
from crawler.sites import all_sites
from replica import Replica, ReplicaServer, build_replica

ROOT = Path(__file__).resolve().parents[1]


def crawl(server: ReplicaServer, store: Path, state: Path, *extra: str) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    stats = store.parent / "stats.json"
    command = [sys.executable, "-m", "crawler.cli", "crawl", "--all", "--replica", server.base_url]
    command += ["--store", store.as_uri(), "--state", str(state), "--stats-json", str(stats), *extra]
    done = subprocess.run(
        command, capture_output=True, text=True, cwd=ROOT, env=env, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    totals: dict[str, Any] = json.loads(stats.read_text(encoding="utf-8"))["totals"]
    return totals


def article_paths(replica: Replica) -> dict[tuple[str, str], str]:
    """(host, path) of every article page (and its `index.htm` twin) -> the article's URL."""
    paths = {}
    for key in all_sites():
        for article in replica.articles(key):
            host = article.url.split("/")[2]
            path = "/" + article.url.split("/", 3)[3]
            paths[(host, path)] = article.url
            paths[(host, path + "index.htm")] = article.url
    return paths


def article_requests(replica: Replica) -> set[str]:
    pages = article_paths(replica)
    return {pages[(host, path)] for _m, host, path in replica.request_log if (host, path) in pages}


def objects(store: Path) -> set[str]:
    return {p.relative_to(store).as_posix() for p in (store / "articles").rglob("*.json")}


@pytest.fixture(scope="module")
def three_crawls(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    replica = build_replica()
    store = tmp_path_factory.mktemp("incremental") / "store"
    state = store.parent / "state.sqlite"
    runs: dict[str, Any] = {}
    with ReplicaServer(replica) as server:
        runs["first"] = crawl(server, store, state)
        runs["first_objects"] = objects(store)
        replica.clear_log()
        runs["second"] = crawl(server, store, state)
        runs["second_sites"] = json.loads((store.parent / "stats.json").read_text(encoding="utf-8"))["sites"]
        runs["second_requests"] = article_requests(replica)
        runs["second_objects"] = objects(store)

        edited = replica.articles("baodongthap")[2]
        paragraphs = (
            *edited.paragraphs[:-1],
            edited.paragraphs[-1] + " Chiều cùng ngày, UBND tỉnh đã họp rà soát.",
        )
        later = datetime.now(VN_TZ).replace(microsecond=0) + timedelta(minutes=1)
        replica.edit_article("baodongthap", edited.id, paragraphs=paragraphs, modified=later)
        added = []
        for site_key, title in (
            ("baoapbac", "Nông dân Cái Bè thu hoạch sầu riêng trái vụ được giá"),
            ("sggp", "TP Hồ Chí Minh thông xe nút giao An Phú sau 18 tháng thi công"),
        ):
            article = replica.new_article(
                site_key,
                title=title,
                lead="Sáng nay, hàng trăm người dân địa phương có mặt để theo dõi sự kiện được chờ đợi từ lâu.",
                paragraphs=[
                    "Theo ban quản lý dự án, công trình hoàn thành sớm hơn kế hoạch hai tháng nhờ thi công "
                    "xuyên lễ, tết và huy động thêm nhân lực vào các hạng mục chính.",
                    "Lãnh đạo địa phương cho biết sẽ tiếp tục theo dõi, đánh giá hiệu quả sau ba tháng vận hành "
                    "và báo cáo kết quả lên cấp trên.",
                ],
                published=datetime.now(VN_TZ).replace(second=0, microsecond=0) - timedelta(minutes=30),
            )
            added.append(replica.add_article(site_key, article).url)
        replica.clear_log()
        runs["third"] = crawl(server, store, state)
        runs["third_requests"] = article_requests(replica)
        runs["third_objects"] = objects(store)
    runs["edited"] = edited.url
    runs["added"] = added
    runs["store"] = store
    return runs


def test_first_crawl_writes_every_article(three_crawls: dict[str, Any]) -> None:
    total = sum(len(build_replica().articles(key)) for key in all_sites())
    assert three_crawls["first"]["articles_new"] == total
    assert len(three_crawls["first_objects"]) == total


def test_second_crawl_requests_no_article_page_and_writes_nothing(three_crawls: dict[str, Any]) -> None:
    assert three_crawls["second_requests"] == set()
    assert three_crawls["second"]["article_pages"] == 0
    assert three_crawls["second"]["articles_written"] == 0
    assert three_crawls["second_objects"] == three_crawls["first_objects"]
    # every portal is still asked whether anything changed, and answers 304 (tests/test_nightly.py)
    assert three_crawls["second"]["not_modified"] >= len(all_sites())
    costly = {k: s for k, s in three_crawls["second_sites"].items() if s["requests"] > 2}
    assert three_crawls["second"]["requests"] <= 2 * len(all_sites()), {
        k: (s["requests"], s["finish_reason"], s["errors_by_class"]) for k, s in costly.items()
    }


def test_third_crawl_fetches_only_the_edit_and_the_additions(three_crawls: dict[str, Any]) -> None:
    assert three_crawls["third_requests"] == {three_crawls["edited"], *three_crawls["added"]}
    third = three_crawls["third"]
    assert (third["articles_new"], third["articles_updated"], third["articles_written"]) == (2, 1, 3)
    written = three_crawls["third_objects"] - three_crawls["second_objects"]
    assert len(written) == 3
    versions = [key for key in written if key.endswith(".v2.json")]
    assert len(versions) == 1 and versions[0].startswith("articles/baodongthap/")


def test_a_new_version_points_at_the_one_it_replaces(three_crawls: dict[str, Any]) -> None:
    store: Path = three_crawls["store"]
    v2_key = next(k for k in three_crawls["third_objects"] if k.endswith(".v2.json"))
    v1 = json.loads((store / v2_key.replace(".v2.json", ".json")).read_text(encoding="utf-8"))
    v2 = json.loads((store / v2_key).read_text(encoding="utf-8"))
    assert (v1["version"], v2["version"]) == (1, 2)
    assert v2["previous_hash"] == v1["content_hash"] != v2["content_hash"]
    assert v2["id"] == v1["id"]
    assert v2["body_text"].endswith("UBND tỉnh đã họp rà soát.")
