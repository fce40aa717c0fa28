"""A crawl state belongs to one store: a crawl into another store with it stops at start with one line."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from dataclasses import astuple
from pathlib import Path

import pytest
import redis
from processes import run_cli

from crawler.options import demo_state
from crawler.state import KnownArticle, WrongStoreError, bind_store, open_sqlite_state, open_state
from crawler.state.redis_state import RedisState, redact_url
from crawler.store import LocalStore, open_store, store_identity
from crawler.store.s3 import canonical_endpoint
from replica import ReplicaServer, build_replica

SITE = "baoapbac"


def _articles(store: Path) -> list[Path]:
    return sorted((store / "articles").rglob("*.json")) if (store / "articles").is_dir() else []


def _crawl(server: ReplicaServer, store: Path, state: Path) -> subprocess.CompletedProcess[str]:
    return run_cli(
        "crawl",
        SITE,
        "--replica",
        server.base_url,
        "--limit",
        "3",
        "--store",
        store.as_uri(),
        "--state",
        str(state),
        "--log-level",
        "WARNING",
        timeout=300,
    )


def test_a_second_store_with_the_first_stores_state_stops_with_one_line(tmp_path: Path) -> None:
    first, second, state = tmp_path / "a", tmp_path / "b", tmp_path / "state.sqlite"
    with ReplicaServer(build_replica()) as server:
        done = _crawl(server, first, state)
        assert done.returncode == 0, done.stderr[-3000:]
        assert len(_articles(first)) == 3

        refused = _crawl(server, second, state)
        assert refused.returncode == 2
        lines = refused.stderr.strip().splitlines()
        assert lines == [
            f"crawler: error: crawl state {state} belongs to store {first.as_uri()}, not {second.as_uri()}: "
            f"give {second.as_uri()} its own --state (a new path starts empty and writes every article)"
        ]
        assert _articles(second) == []

        again = _crawl(server, first, state)  # the state still serves its own store
        assert again.returncode == 0, again.stderr[-3000:]
        fresh = _crawl(server, second, tmp_path / "b-state.sqlite")
        assert fresh.returncode == 0, fresh.stderr[-3000:]
        assert len(_articles(second)) == 3  # everything, with a state of its own


def test_one_store_by_two_urls_is_one_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    state = open_sqlite_state(tmp_path / "state.sqlite")
    try:
        bind_store(state, store_identity(open_store("file://./data")), "state.sqlite")
        bind_store(state, store_identity(open_store(f"file://{tmp_path}/data/")), "state.sqlite")
        bind_store(state, store_identity(open_store(str(tmp_path / "x" / ".." / "data"))), "state.sqlite")
        with pytest.raises(WrongStoreError, match="--state"):
            bind_store(state, store_identity(open_store("file://./data2")), "state.sqlite")
    finally:
        state.close()


def test_a_state_made_before_states_recorded_their_store_adopts_the_first(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as db:  # the schema of earlier releases: articles only
        db.execute(
            "CREATE TABLE articles (url_key INTEGER PRIMARY KEY, canonical_url TEXT NOT NULL, "
            "id TEXT NOT NULL, site TEXT NOT NULL, content_hash TEXT NOT NULL, version INTEGER NOT NULL, "
            "object_key TEXT NOT NULL, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, "
            "last_fetched TEXT NOT NULL, etag TEXT, last_modified TEXT)"
        )
        db.execute(
            "INSERT INTO articles VALUES (1, 'https://baoapbac.vn/a-1/', 'baoapbac-1', 'baoapbac', 'h', 1, "
            "'articles/baoapbac/2021/03/24/baoapbac-1.json', 't', 't', 't', NULL, NULL)"
        )
    db.close()
    a, b = LocalStore(tmp_path / "a"), LocalStore(tmp_path / "b")
    state = open_sqlite_state(path)
    try:
        assert state.count() == 1
        bind_store(state, store_identity(b), str(path))  # adopted: no error
        bind_store(state, store_identity(b), str(path))
        with pytest.raises(WrongStoreError) as refused:
            bind_store(state, store_identity(a), str(path))
        assert str(refused.value).startswith(f"crawl state {path} belongs to store {b.url}, not {a.url}")
        assert state.count() == 1  # nothing else changed
    finally:
        state.close()


# -- S3 identities and the demo's state ------------------------------------------------------------------


def test_an_s3_identity_is_bucket_prefix_and_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")

    def identity(url: str, endpoint: str | None = None) -> str:
        return store_identity(open_store(url, s3_endpoint=endpoint))

    assert identity("s3://news/vn") == identity("s3://news/vn/") == "s3://news/vn"
    assert identity("s3://news") == "s3://news"
    assert identity("s3://news/vn", "https://s3.eu-west-1.amazonaws.com") == "s3://news/vn"  # still AWS
    assert identity("s3://news/vn", "http://MinIO:9000/") == "s3://news/vn at http://minio:9000"
    assert identity("s3://news/vn", "https://r2.example:443") == "s3://news/vn at https://r2.example"
    assert identity("s3://news/vn", "http://minio:9000") != identity("s3://news/vn", "http://ceph:7480")
    assert identity("s3://news/vn") != identity("s3://news/other")
    assert canonical_endpoint(None) is None and canonical_endpoint("http://[::1]:80") == "http://[::1]"


def test_the_demo_state_is_one_per_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    assert demo_state(LocalStore(tmp_path / "demo")) == str(tmp_path / "demo-state.sqlite")
    one = demo_state(open_store("s3://news/vn", s3_endpoint="http://127.0.0.1:9000"))
    assert one.startswith("./data/demo-state-news-vn-") and one.endswith(".sqlite")
    others = {
        demo_state(open_store("s3://news/vn", s3_endpoint="http://127.0.0.1:9001")),
        demo_state(open_store("s3://other/vn", s3_endpoint="http://127.0.0.1:9000")),
        demo_state(open_store("s3://news/vn2", s3_endpoint="http://127.0.0.1:9000")),
    }
    assert one not in others and len(others) == 3
    assert demo_state(open_store("s3://news/vn/", s3_endpoint="http://127.0.0.1:9000/")) == one


# -- the Redis state -----------------------------------------------------------------------------------------


def test_the_redis_state_belongs_to_one_store_and_an_old_one_adopts(
    redis_server: str, tmp_path: Path
) -> None:
    client = redis.Redis.from_url(redis_server)
    client.flushall()
    a, b = LocalStore(tmp_path / "a"), LocalStore(tmp_path / "b")
    # a state of earlier releases: articles, no store
    article = KnownArticle("https://baoapbac.vn/a-1/", "baoapbac-1", "baoapbac", "h", 1, "k", "t", "t", "t")
    client.hset("old:state:articles", article.canonical_url, json.dumps(astuple(article)))
    old = f"{redis_server}?namespace=old"
    state = open_state(old)
    assert isinstance(state, RedisState) and state.count() == 1
    bind_store(state, store_identity(b), old)
    assert client.get("old:state:store") == b.url.encode()
    with pytest.raises(WrongStoreError) as refused:
        bind_store(state, store_identity(a), old)
    assert str(refused.value) == (
        f"crawl state {old} belongs to store {b.url}, not {a.url}: give {a.url} its own --state "
        "(another Redis database or ?namespace= starts empty and writes every article)"
    )

    fresh = open_state(redis_server)  # namespace vnc: a state of its own
    bind_store(fresh, store_identity(a), redis_server)
    bind_store(fresh, store_identity(a), redis_server)
    with pytest.raises(WrongStoreError, match="--state"):
        bind_store(fresh, store_identity(b), redis_server)
    state.close()
    fresh.close()


def test_a_redis_password_never_reaches_a_message() -> None:
    assert redact_url("redis://:s3cret@host:6379/0") == "redis://:***@host:6379/0"
    assert redact_url("rediss://user:s3cret@host/1?namespace=x") == "rediss://user:***@host/1?namespace=x"
    assert redact_url("redis://host:6379/0") == "redis://host:6379/0"
