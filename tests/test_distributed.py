"""Distributed mode on a real redis-server: the frontier's scripts, the Bloom filter, the Redis crawl state,
and worker processes backfilling a slow replica (no URL fetched twice, one worker SIGKILLed without loss)."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import redis
from test_state import URL, known  # the same sample article as the SQLite state's tests

from crawler.distributed.backfill import Seed, archive_seeds, nightly_seeds
from crawler.distributed.bloom import BloomSpec, LocalBloom
from crawler.distributed.control import Frontier
from crawler.distributed.frontier import ACK, LEASE, PUSH, SiteKeys, decode_request, encode_request
from crawler.sites import get_site
from crawler.state import open_state
from crawler.state.redis_state import RedisState
from replica import ReplicaServer
from replica.loadtest import fetch_counts, make_replica

ROOT = Path(__file__).resolve().parents[1]
SITE = "baoapbac"


@pytest.fixture
def redis_url(redis_server: str) -> str:
    """The module's redis-server (tests/conftest.py), emptied for this test."""
    redis.Redis.from_url(redis_server).flushall()
    return redis_server


# -- the Bloom filter ----------------------------------------------------------------------------------------


def test_bloom_size_and_measured_false_positive_rate() -> None:
    spec = BloomSpec.for_capacity(20_000, 0.01)
    bloom = LocalBloom(spec)
    for n in range(20_000):
        assert bloom.add(f"in-{n}".encode()) or n > 0
    assert all(f"in-{n}".encode() in bloom for n in range(0, 20_000, 97))  # never a false negative
    false_positives = sum(f"out-{n}".encode() in bloom for n in range(20_000))
    assert 0.004 < false_positives / 20_000 < 0.02  # the 1% it was sized for, measured
    assert BloomSpec.for_capacity(10_000_000, 1e-4).size_bytes < 24 * 1024 * 1024


def test_the_redis_bloom_sets_the_same_bits_as_the_local_one(redis_url: str) -> None:
    client = redis.Redis.from_url(redis_url)
    spec = BloomSpec.for_capacity(1000, 0.01)
    local = LocalBloom(spec)
    push = client.register_script(
        "for i = 1, #ARGV do redis.call('SETBIT', KEYS[1], ARGV[i], 1) end return 1"
    )
    for n in range(200):
        fp = f"page-{n}".encode()
        local.add(fp)
        push(keys=["b"], args=spec.positions(fp))
    assert client.get("b") == bytes(local.array).rstrip(b"\0")


# -- the frontier's scripts -------------------------------------------------------------------------------


def test_a_full_bloom_filter_drops_pages_but_never_an_unseen_article(redis_url: str) -> None:
    client = redis.Redis.from_url(redis_url)
    keys = SiteKeys.of("t", SITE)
    tiny = BloomSpec(capacity=1, error_rate=0.5, bits=64, hashes=2)
    client.set(keys.bloom, b"\xff" * 8)  # every bit set: the filter answers "seen" for any page
    push = client.register_script(PUSH)
    push_keys = keys.push_keys("t:state:articles")

    def page(url: str) -> int:
        return int(push(keys=push_keys, args=["{}", 0, "p", "", *tiny.positions(url.encode())]))

    def article(url: str) -> int:
        return int(push(keys=push_keys, args=["{}", 0, "a", url]))

    assert not page("https://baoapbac.vn/kinh-te/")  # a false positive: an unseen page is dropped
    assert all(article(f"https://baoapbac.vn/a-{n}/") for n in range(50))  # every unseen article is queued
    assert not article("https://baoapbac.vn/a-7/")  # an article already queued is not
    client.hset("t:state:articles", "https://baoapbac.vn/stored/", "[]")
    assert not article("https://baoapbac.vn/stored/")  # nor one the crawl state holds
    assert int(push(keys=push_keys, args=["{}", 0, "c", "https://baoapbac.vn/stored/"]))  # unless conditional


def test_an_expired_lease_goes_back_to_the_queue_and_an_acked_one_does_not(redis_url: str) -> None:
    client = redis.Redis.from_url(redis_url)
    keys = SiteKeys.of("t", SITE)
    push, lease, ack = (client.register_script(s) for s in (PUSH, LEASE, ACK))
    for n in range(3):
        push(keys=keys.push_keys("t:state:articles"), args=[f'{{"n":{n}}}', 0, "f", ""])
    first = lease(keys=keys.lease_keys(), args=[2, 0.2, 100])  # a worker takes two, then dies
    assert [json.loads(first[i + 1])["n"] for i in range(0, len(first), 2)] == [0, 1]
    ack(keys=keys.ack_keys("t:state:articles"), args=[first[0], ""])  # it had finished the first
    time.sleep(0.3)
    second = lease(keys=keys.lease_keys(), args=[5, 30, 100])  # another worker: the lost one comes first
    assert [json.loads(second[i + 1])["n"] for i in range(0, len(second), 2)] == [1, 2]
    assert client.hget(keys.stats, "requeued") == b"1"


def test_requests_round_trip_through_json() -> None:
    from scrapy import Request

    from spiders.site_spider import spider_class_for

    spider = spider_class_for(get_site(SITE))()
    request = Request(
        URL,
        callback=spider.parse_article,
        errback=spider.on_error,
        headers={"If-None-Match": '"abc"'},
        meta={"page_kind": "article", "feed_published": None, "handle_httpstatus_list": [304], "x": object()},
        priority=3,
    )
    back = decode_request(encode_request(request), spider)
    assert (back.url, back.callback, back.errback, back.priority) == (
        URL,
        spider.parse_article,
        spider.on_error,
        3,
    )
    assert back.headers.get("If-None-Match") == b'"abc"'
    assert back.meta == {"page_kind": "article", "feed_published": None, "handle_httpstatus_list": [304]}


def test_archive_seeds_are_the_months_of_the_range_and_the_listings() -> None:
    from datetime import date

    seeds = archive_seeds(get_site(SITE), date(2024, 11, 5), date(2025, 2, 1))
    sitemaps = [s.url for s in seeds if s.callback == "parse_sitemap"]
    assert sitemaps == [
        f"https://baoapbac.vn/sitemaps/articles-{m}.xml" for m in ("2024-11", "2024-12", "2025-01", "2025-02")
    ]
    listings = [u for kind, u in get_site("baodongthap").entry_points() if kind == "listing"]
    assert (
        listings
        and [
            s.url
            for s in archive_seeds(get_site("baodongthap"), date(2025, 3, 1))
            if s.callback == "parse_listing"
        ]
        == listings
    )
    assert isinstance(seeds[0], Seed)


def test_the_shared_token_bucket_spaces_requests_of_all_workers(redis_url: str) -> None:
    from crawler.distributed.middlewares import TOKEN_BUCKET

    client = redis.Redis.from_url(redis_url)
    take = client.register_script(TOKEN_BUCKET)
    waits = [float(take(keys=["t:rate:baoapbac.vn"], args=[10, 2])) for _ in range(6)]  # 10/s, burst 2
    assert waits[:2] == [0.0, 0.0]
    assert [round(w, 1) for w in waits[2:]] == [0.1, 0.2, 0.3, 0.4]  # each waits its turn after the burst
    assert float(take(keys=["t:rate:other.vn"], args=[10, 2])) == 0.0  # another portal: its own bucket


# -- the Redis crawl state ---------------------------------------------------------------------------------


def test_the_redis_state_keeps_first_seen_touches_and_clusters(redis_url: str) -> None:
    state = open_state(redis_url)
    assert isinstance(state, RedisState)
    asyncio.run(state.record(known()))
    asyncio.run(state.record(known(version=2, seen="2026-11-25T02:00:00+07:00")))
    found = asyncio.run(state.lookup([URL, "https://baoapbac.vn/khong-co/"]))
    assert list(found) == [URL] and found[URL].version == 2
    assert found[URL].first_seen == "2026-11-24T02:00:00+07:00"
    asyncio.run(state.touch(URL, "2026-11-26T02:00:00+07:00"))
    assert state.call(state.lookup_now, [URL])[URL].last_seen == "2026-11-26T02:00:00+07:00"
    text = " ".join(f"câu số {n} nói về mùa lúa ở Tiền Giang năm nay" for n in range(20))
    assert asyncio.run(state.near_duplicate("a-1", text)) is None
    match = asyncio.run(state.near_duplicate("b-1", text + " Thêm một câu."))
    assert match is not None and (match.cluster_id, match.duplicate_of) == ("a-1", "a-1")
    assert asyncio.run(state.near_duplicate("c-1", "Một bài khác hẳn " * 50)) is None
    assert state.count() == 1


# -- workers against the replica ---------------------------------------------------------------------------


def _worker(
    redis_url: str, store: Path, replica: str, spool: Path, stats: Path, lease: float
) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "crawler.cli",
        "worker",
        "--redis",
        redis_url,
        "--store",
        f"file://{store}",
    ]
    command += ["--replica", replica, "--spool", str(spool), "--stats-json", str(stats), "--concurrency", "4"]
    command += ["--lease-seconds", str(lease), "--log-level", "ERROR"]
    return subprocess.Popen(command, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.fixture
def processes() -> Iterator[list[subprocess.Popen[bytes]]]:
    """Worker processes a test starts; any still running at its end (a failed test) are killed."""
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait()


def _stored_ids(store: Path) -> list[str]:
    return sorted(p.name.removesuffix(".json") for p in (store / "articles" / SITE).rglob("*.json"))


def _backfill(redis_url: str, articles: int, latency: float) -> tuple[ReplicaServer, Frontier]:
    from datetime import date

    replica = make_replica([SITE], extra_articles=articles, latency=latency, per_host=16)
    server = ReplicaServer(replica).start()
    frontier = Frontier(redis_url)
    frontier.open(SITE)
    # The archive's months and the nightly entry points: feeds and the sitemap index list the same articles
    # again, so workers discover many articles twice, on different workers at once.
    seeds = archive_seeds(get_site(SITE), date(2024, 1, 1), date(2024, 12, 31)) + nightly_seeds(
        get_site(SITE)
    )
    assert frontier.seed(SITE, seeds)
    frontier.seal(SITE)
    return server, frontier


def test_two_workers_backfill_every_article_once_and_no_url_twice(
    redis_url: str, tmp_path: Path, processes: list[subprocess.Popen[bytes]]
) -> None:
    # 0.6 s a page keeps the crawl going ~12 s with one worker: longer than a second worker takes to start on
    # a loaded machine, so the late one always finds work left (at 0.3 s it could arrive after the end).
    server, frontier = _backfill(redis_url, articles=40, latency=0.6)
    with server:

        def start(n: int) -> subprocess.Popen[bytes]:
            store, spool, stats = tmp_path / "store", tmp_path / "spool", tmp_path / f"w{n}.json"
            processes.append(_worker(redis_url, store, server.base_url, spool, stats, 10))
            return processes[-1]

        first = start(0)
        deadline = time.monotonic() + 30
        while frontier.progress(SITE).done < 5 and time.monotonic() < deadline:
            time.sleep(0.05)
        late = start(1)  # joins a crawl under way
        assert [first.wait(timeout=60), late.wait(timeout=60)] == [0, 0]
        counts = fetch_counts(server.replica)
        expected = sorted(f"{SITE}-{a.id}" for a in server.articles(SITE) if a.published.year == 2024)
    assert frontier.progress(SITE).finished
    twice = {url: n for url, n in counts.items() if n > 1}
    assert twice == {}, f"fetched more than once: {twice}"
    ids = _stored_ids(tmp_path / "store")
    assert len(ids) == len(set(ids))
    assert set(expected) <= set(ids), f"missing: {set(expected) - set(ids)}"
    shares = [json.loads((tmp_path / f"w{n}.json").read_text())["totals"]["pages_fetched"] for n in range(2)]
    assert shares[1] >= 10, f"the worker that joined late took no share: {shares}"


def test_a_worker_killed_mid_run_loses_nothing(
    redis_url: str, tmp_path: Path, processes: list[subprocess.Popen[bytes]]
) -> None:
    server, frontier = _backfill(redis_url, articles=40, latency=0.25)
    with server:
        spool = tmp_path / "spool"
        doomed = _worker(redis_url, tmp_path / "store", server.base_url, spool, tmp_path / "a.json", 2)
        survivor = _worker(redis_url, tmp_path / "store", server.base_url, spool, tmp_path / "b.json", 2)
        processes += [doomed, survivor]
        deadline = time.monotonic() + 40
        while frontier.progress(SITE).done < 25 and time.monotonic() < deadline:
            time.sleep(0.05)
        in_flight = frontier.progress(SITE).in_flight
        doomed.send_signal(signal.SIGKILL)
        doomed.wait()
        assert survivor.wait(timeout=60) == 0
        expected = sorted(f"{SITE}-{a.id}" for a in server.articles(SITE) if a.published.year == 2024)
    progress = frontier.progress(SITE)
    assert progress.finished
    assert in_flight > 0 and progress.counters.get("requeued", 0) > 0  # the kill did leave work in flight
    ids = _stored_ids(tmp_path / "store")
    assert set(expected) <= set(ids), f"lost: {set(expected) - set(ids)}"
    assert len(ids) == len(set(ids))


def test_crawler_backfill_seeds_starts_workers_and_writes_its_run_record(
    redis_url: str, tmp_path: Path
) -> None:
    replica = make_replica([SITE], extra_articles=12)
    flaky = next(a for a in replica.articles(SITE) if a.published.year == 2024)
    replica.inject_fault(flaky.url, 503, times=1)  # retried by a worker: must still be stored, once
    with ReplicaServer(replica) as server:
        command = [sys.executable, "-m", "crawler.cli", "backfill", SITE, "--from", "2024-01-01"]
        command += ["--to", "2024-12-31", "--redis", redis_url, "--store", f"file://{tmp_path / 'store'}"]
        command += ["--replica", server.base_url, "--workers", "2", "--spool", str(tmp_path / "spool")]
        command += ["--stats-json", str(tmp_path / "record.json")]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, timeout=60, check=False)
        expected = {f"{SITE}-{a.id}" for a in server.articles(SITE) if a.published.year == 2024}
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    record = json.loads((tmp_path / "record.json").read_text())
    assert record["finished"] and record["seeded"] == 12 and record["worker_exit_codes"] == [0, 0]
    assert record["counters"]["done"] == record["counters"]["pushed"] >= 12 + len(expected)
    assert expected <= set(_stored_ids(tmp_path / "store"))
    assert fetch_counts(replica)[("baoapbac.vn", urlsplit(flaky.url).path)] == 2  # the 503, then the page
