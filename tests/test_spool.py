"""Outage safety: items the store refuses go to a durable local spool; `crawler flush` (or the next run)
uploads them in order, and every article lands in the store once and in the feed once.

End to end against moto's S3 server behind a gate that starts failing (503, as an overloaded or stopped
server answers through a load balancer) after some article uploads, in the middle of a real crawl.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from processes import run_cli

from crawler.feed import FeedReader
from crawler.feed.commit import flush_spool
from crawler.feed.log import list_segments
from crawler.sites import all_sites
from crawler.spool import WorkDir, default_spool
from crawler.state import KnownArticle, SQLiteState
from crawler.store import LocalStore, ObjectStore, open_store
from crawler.urls import canonicalize
from replica import ReplicaServer, build_replica
from replica.s3 import LatencyProxy, _ProxyHandler, create_bucket, fake_aws_env, s3_server

ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, timeout=timeout)


def spool_article(workdir: WorkDir, n: int) -> dict[str, Any]:
    """What the storage pipeline spools for an article the store refused."""
    key = f"articles/sggp/2026/01/02/sggp-{n}.json"
    document = {"id": f"sggp-{n}", "version": 1, "site": "sggp", "title": f"Bài {n}"}
    known = KnownArticle(
        canonical_url=f"https://www.sggp.org.vn/bai-{n}.html",
        id=f"sggp-{n}",
        site="sggp",
        content_hash=f"sha256:{n:064x}",
        version=1,
        object_key=key,
        first_seen="2026-01-02T08:00:00+07:00",
        last_seen="2026-01-02T08:00:00+07:00",
        last_fetched="2026-01-02T08:00:00+07:00",
    )
    entry = {
        "key": key,
        "kind": "article",
        "id": document["id"],
        "site": "sggp",
        "version": 1,
        "content_hash": known.content_hash,
        "published_at": "2026-01-02T08:00:00+07:00",
        "known": asdict(known),
    }
    workdir.spool(key, json.dumps(document, ensure_ascii=False).encode(), entry, "run-x")
    return entry


def feed_keys(store: ObjectStore) -> list[str]:
    return [entry.key for entry in FeedReader(store).entries()]


# -- the spool on its own ------------------------------------------------------------------------------------


def test_spooled_items_are_whole_files_in_spooling_order(tmp_path: Path) -> None:
    workdir = WorkDir(tmp_path / "spool", "file:///srv/news")
    for n in range(30):
        spool_article(workdir, n)
    files = workdir.spooled()
    assert len(files) == 30 and files == sorted(files)
    records = [WorkDir.read(p) for p in files]
    assert [r["key"] if r is not None else None for r in records] == [
        f"articles/sggp/2026/01/02/sggp-{n}.json" for n in range(30)
    ]
    assert not list(workdir.items.glob(".tmp-*"))
    assert (workdir.folder / "store.url").read_text().strip() == "file:///srv/news"
    assert WorkDir(tmp_path / "spool", "file:///srv/other").count() == 0  # one folder per store
    assert default_spool("./data/state.sqlite") == Path("data/spool")


def test_flush_uploads_in_order_records_the_state_and_feeds_each_once(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "store")
    workdir = WorkDir(tmp_path / "spool", store.url)
    entries = [spool_article(workdir, n) for n in range(12)]
    state = SQLiteState(tmp_path / "state.sqlite")
    try:
        result = flush_spool(store, workdir, state, workers=4)
        assert result.error is None and result.flushed == 12 and result.remaining == 0
        assert feed_keys(store) == [e["key"] for e in entries]
        assert (
            len(state.call(state.lookup_now, [f"https://www.sggp.org.vn/bai-{n}.html" for n in range(12)]))
            == 12
        )
        manifest = json.loads(store.get(result.commit.manifest))  # type: ignore[union-attr]
        assert manifest["kind"] == "flush" and manifest["counts"]["articles"] == 12

        again = flush_spool(store, workdir, state)
        assert again.flushed == 0 and again.commit is None and list_segments(store) == [1]
    finally:
        state.close()


def test_a_flush_that_crashes_midway_is_finished_without_duplicates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash after the 5th item is journaled but before its spool file is deleted (later uploads may
    already be done too): the next flush commits what the first journaled, then uploads the rest."""
    store = LocalStore(tmp_path / "store")
    workdir = WorkDir(tmp_path / "spool", store.url)
    entries = [spool_article(workdir, n) for n in range(10)]
    calls = []
    real_unspool = WorkDir.unspool

    def crash_on_fifth(self: WorkDir, name: str) -> None:
        calls.append(name)
        if len(calls) == 5:
            raise SystemExit("power cut")
        real_unspool(self, name)

    monkeypatch.setattr(WorkDir, "unspool", crash_on_fifth)
    with pytest.raises(SystemExit):
        flush_spool(store, workdir, workers=3)
    monkeypatch.setattr(WorkDir, "unspool", real_unspool)
    assert list_segments(store) == [] and len(workdir.pending_batches()) == 1 and workdir.count() == 6

    result = flush_spool(store, workdir)
    assert [c.articles for c in result.recovered] == [5] and result.flushed == 5
    assert feed_keys(store) == [e["key"] for e in entries]
    assert len(list(store.list("articles/"))) == 10
    assert workdir.count() == 0 and not workdir.pending_batches()
    assert len(list(store.list("runs/"))) == 2


def test_the_next_run_flushes_before_it_crawls(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "store")
    state = tmp_path / "state.sqlite"
    workdir = WorkDir(default_spool(state), store.url)
    entries = [spool_article(workdir, n) for n in range(3)]
    code = (
        "import json, sys; from crawler.runner import run_crawl; "
        f"r = run_crawl([], store={store.url!r}, state={str(state)!r}, log_level='WARNING'); "
        "print(json.dumps(r.to_json()))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["flushed"] == 3 and result["spooled"] == 0
    assert feed_keys(store) == [e["key"] for e in entries]
    assert workdir.count() == 0
    assert store.exists(f"runs/{result['run_id']}.json")  # the (empty) run still has its manifest


# -- end to end: the S3 server fails in the middle of a crawl ---------------------------------------------


class Gate:
    """Between the crawler and the S3 server: forwards until `fail_after` article uploads went through, then
    answers every request 503 until `down` is set back to False."""

    def __init__(self, fail_after: int) -> None:
        self.fail_after = fail_after
        self.article_puts = 0
        self.refused = 0
        self.down = False
        self.lock = threading.Lock()


class _GateHandler(_ProxyHandler):
    def _gated(self) -> None:
        gate: Gate = self.server.gate  # type: ignore[attr-defined]
        if gate.down:
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            with gate.lock:
                gate.refused += 1
            self.send_response(503, "Service Unavailable")
            body = b"<Error><Code>ServiceUnavailable</Code><Message>test outage</Message></Error>"
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        counted = self.command == "PUT" and "/articles/" in self.path
        self._forward()
        if counted:
            with gate.lock:
                gate.article_puts += 1
                if gate.article_puts >= gate.fail_after:
                    gate.down = True

    do_GET = do_HEAD = do_PUT = do_POST = do_DELETE = _gated


@pytest.fixture
def gated_s3() -> Iterator[tuple[str, str, Gate]]:
    """(moto's endpoint, the gate's endpoint, the gate)."""
    with fake_aws_env(), s3_server() as endpoint:
        gate = Gate(fail_after=40)
        proxy = LatencyProxy(endpoint, delay_ms=0)
        proxy._server.RequestHandlerClass = _GateHandler
        proxy._server.gate = gate  # type: ignore[attr-defined]
        proxy.start()
        try:
            yield endpoint, proxy.url, gate
        finally:
            proxy.stop()


def test_s3_outage_mid_run_then_flush_every_article_once(
    gated_s3: tuple[str, str, Gate], tmp_path: Path
) -> None:
    endpoint, gated, gate = gated_s3
    bucket = f"outage-{uuid.uuid4().hex[:10]}"
    create_bucket(endpoint, bucket)
    url = f"s3://{bucket}/tin-tuc"
    state = tmp_path / "state.sqlite"
    stats = tmp_path / "stats.json"
    replica = build_replica()
    with ReplicaServer(replica) as server:
        expected = {canonicalize(a.url) for key in all_sites() for a in replica.articles(key)}
        crawl = ["crawl", "--all", "--replica", server.base_url, "--store", url, "--s3-endpoint", gated]
        done = cli(*crawl, "--state", str(state), "--stats-json", str(stats))
        assert done.returncode == 0, done.stderr[-3000:]
        assert gate.down and gate.refused > 0

        store = open_store(url, s3_endpoint=endpoint)
        run = json.loads(stats.read_text(encoding="utf-8"))
        spooled = run["spooled"]
        assert spooled > 0 and run["totals"]["spooled"] == spooled
        assert f"spooled: {spooled} items" in done.stderr
        written_before = len(list(store.list("articles/")))
        assert written_before == run["totals"]["articles_written"] >= gate.fail_after
        assert run["pending"] and run["manifest"] is None  # the store was down at the end too
        assert list(store.list("feed/")) == [] and list(store.list("runs/")) == []
        workdir = WorkDir(default_spool(state), store.url)
        assert workdir.count() == spooled and len(workdir.pending_batches()) == 1

        gate.fail_after = 10**9
        gate.down = False  # the server is back
        flushed = cli("flush", "--store", url, "--s3-endpoint", gated, "--state", str(state))
        assert flushed.returncode == 0, flushed.stderr[-3000:] + flushed.stdout
        assert f"flushed {spooled} spooled items" in flushed.stdout

        keys = list(store.list("articles/"))
        documents = [json.loads(store.get(k)) for k in keys]
        assert len(keys) == written_before + spooled == run["totals"]["articles_new"]
        assert len({d["canonical_url"] for d in documents}) == len(keys)
        assert {d["canonical_url"] for d in documents} == expected
        read = list(FeedReader(store).read())
        assert sorted(a["canonical_url"] for a in read) == sorted(d["canonical_url"] for d in documents)
        assert len(list_segments(store)) == 2 and len(list(store.list("runs/"))) == 2
        assert workdir.count() == 0 and not workdir.pending_batches()
        cursor = FeedReader(store)
        list(cursor.read())

        again = cli("flush", "--store", url, "--s3-endpoint", gated, "--state", str(state))
        assert again.returncode == 0 and "nothing to flush" in again.stdout
        assert len(list_segments(store)) == 2

        # the crawl state knows the flushed articles: the next run writes nothing again
        done = cli(*crawl, "--state", str(state), "--stats-json", str(stats))
        assert done.returncode == 0, done.stderr[-3000:]
        assert json.loads(stats.read_text(encoding="utf-8"))["totals"]["articles_written"] == 0
        assert list(cursor.read(since=cursor.cursor)) == []
        assert len(list(store.list("articles/"))) == len(keys)
