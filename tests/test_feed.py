"""The feed log, run manifests, JSON Feeds and readers, on `file://` and on a real S3 API (moto's server).

End to end: `crawler demo` into a store, `crawler feed read` prints each article once and a cursor, reading
again from that cursor prints nothing, and after an edit in the replica and another crawl only the new
version; a reader polling during a run sees nothing of it before its segment is committed.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from processes import run_cli

from crawler.dates import VN_TZ
from crawler.feed import Cursor, FeedReader
from crawler.feed.commit import commit_batch, recover_pending
from crawler.feed.jsonfeed import merge_items
from crawler.feed.log import SEGMENT_FIELDS, list_segments, read_segment
from crawler.spool import WorkDir
from crawler.store import LocalStore, ObjectStore, StoreError, open_store
from crawler.store.layout import BadKeyError, json_feed_key, segment_key, segment_sequence
from crawler.urls import canonicalize
from replica import ReplicaServer, build_replica
from replica.s3 import create_bucket, fake_aws_env

# -- JSON Feed 1.1, as https://www.jsonfeed.org/version/1.1/ specifies it ----------------------------------

_URL = {"type": "string", "format": "uri"}
_AUTHOR = {
    "type": "object",
    "properties": {"name": {"type": "string"}, "url": _URL, "avatar": _URL},
    "anyOf": [{"required": ["name"]}, {"required": ["url"]}, {"required": ["avatar"]}],
    "patternProperties": {"^_[A-Za-z]": {}},
    "additionalProperties": False,
}
_ATTACHMENT = {
    "type": "object",
    "required": ["url", "mime_type"],
    "properties": {
        "url": _URL,
        "mime_type": {"type": "string"},
        "title": {"type": "string"},
        "size_in_bytes": {"type": "number"},
        "duration_in_seconds": {"type": "number"},
    },
    "patternProperties": {"^_[A-Za-z]": {}},
    "additionalProperties": False,
}
_ITEM = {
    "type": "object",
    "required": ["id"],
    "anyOf": [{"required": ["content_html"]}, {"required": ["content_text"]}],
    "properties": {
        "id": {"type": "string", "minLength": 1},
        "url": _URL,
        "external_url": _URL,
        "title": {"type": "string"},
        "content_html": {"type": "string"},
        "content_text": {"type": "string"},
        "summary": {"type": "string"},
        "image": _URL,
        "banner_image": _URL,
        "date_published": {"type": "string", "format": "date-time"},
        "date_modified": {"type": "string", "format": "date-time"},
        "author": _AUTHOR,  # deprecated in 1.1, still allowed
        "authors": {"type": "array", "items": _AUTHOR},
        "tags": {"type": "array", "items": {"type": "string"}},
        "language": {"type": "string", "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]+)*$"},
        "attachments": {"type": "array", "items": _ATTACHMENT},
    },
    "patternProperties": {"^_[A-Za-z]": {}},
    "additionalProperties": False,
}
JSON_FEED_1_1 = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["version", "title", "items"],
    "properties": {
        "version": {"const": "https://jsonfeed.org/version/1.1"},
        "title": {"type": "string", "minLength": 1},
        "home_page_url": _URL,
        "feed_url": _URL,
        "description": {"type": "string"},
        "user_comment": {"type": "string"},
        "next_url": _URL,
        "icon": _URL,
        "favicon": _URL,
        "author": _AUTHOR,
        "authors": {"type": "array", "items": _AUTHOR},
        "language": {"type": "string", "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]+)*$"},
        "expired": {"type": "boolean"},
        "hubs": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "url"],
                "properties": {"type": {"type": "string"}, "url": _URL},
            },
        },
        "items": {"type": "array", "items": _ITEM},
    },
    "patternProperties": {"^_[A-Za-z]": {}},
    "additionalProperties": False,
}
FORMATS = FormatChecker()


@FORMATS.checks("uri")
def _is_uri(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme) and bool(parts.netloc or parts.path) and " " not in value


JSON_FEED_VALIDATOR = Draft202012Validator(JSON_FEED_1_1, format_checker=FORMATS)


def json_feed_errors(document: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in JSON_FEED_VALIDATOR.iter_errors(document)
    ]


# -- helpers --------------------------------------------------------------------------------------------


def cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, timeout=timeout)


def feed_read(store: str, *extra: str) -> tuple[list[dict[str, Any]], str]:
    """`crawler feed read`: the articles printed, and the cursor from the last line of stderr."""
    done = cli("feed", "read", "--store", store, *extra)
    assert done.returncode == 0, done.stderr[-3000:]
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("cursor: "), done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()], last.removeprefix("cursor: ")


def stored_versions(store: ObjectStore) -> dict[tuple[str, int], str]:
    """(id, version) of every article object in the store -> its key."""
    found = {}
    for key in store.list("articles/"):
        document = json.loads(store.get(key))
        found[(document["id"], document["version"])] = key
    return found


def versions(articles: list[dict[str, Any]]) -> list[tuple[str, int]]:
    return [(a["id"], a["version"]) for a in articles]


def edit_one(server: ReplicaServer) -> str:
    """Edit one article's last paragraph in the replica (modified now): its canonical URL."""
    edited = server.articles("baodongthap")[2]
    server.edit_article(
        "baodongthap",
        edited.id,
        paragraphs=(
            *edited.paragraphs[:-1],
            edited.paragraphs[-1] + " Chiều cùng ngày, UBND tỉnh đã họp rà soát.",
        ),
        modified=datetime.now(VN_TZ).replace(microsecond=0) + timedelta(minutes=1),
    )
    return canonicalize(edited.url)


def article_entry(site: str, n: int) -> dict[str, Any]:
    key = f"articles/{site}/2026/01/0{n % 9 + 1}/{site}-{n}.json"
    return {
        "key": key,
        "kind": "article",
        "id": f"{site}-{n}",
        "site": site,
        "version": 1,
        "content_hash": f"sha256:{n:064x}",
        "published_at": f"2026-01-0{n % 9 + 1}T08:00:00+07:00",
        "sha256": "0" * 64,
        "bytes": 2,
    }


def write_batch(store: ObjectStore, workdir: WorkDir, batch_id: str, entries: list[dict[str, Any]]) -> None:
    """What the storage pipeline does for a run: each object into the store, then its journal line."""
    batch = workdir.batch(batch_id)
    batch.acquire()
    for entry in entries:
        store.put(entry["key"], json.dumps({"id": entry["id"], "version": entry["version"]}).encode())
        batch.append(entry)
    batch.write_meta({"run_id": batch_id, "kind": "crawl", "started_at": "2026-01-01T00:00:00+07:00"})
    batch.release()


class RecordingStore:
    """A store that notes every key written, in order, and can fail writes of keys with a given prefix."""

    def __init__(self, inner: ObjectStore) -> None:
        self.inner = inner
        self.url = inner.url
        self.writes: list[str] = []
        self.fail_prefix: str | None = None

    def _check(self, key: str) -> None:
        if self.fail_prefix and key.startswith(self.fail_prefix):
            raise StoreError(f"injected failure writing {key}")

    def put(self, key: str, data: bytes, content_type: str = "application/json; charset=utf-8") -> None:
        self._check(key)
        self.inner.put(key, data, content_type)
        self.writes.append(key)

    def put_if_absent(
        self, key: str, data: bytes, content_type: str = "application/json; charset=utf-8"
    ) -> bool:
        self._check(key)
        created = self.inner.put_if_absent(key, data, content_type)
        if created:
            self.writes.append(key)
        return created

    def get(self, key: str) -> bytes:
        return self.inner.get(key)

    def exists(self, key: str) -> bool:
        return self.inner.exists(key)

    def list(self, prefix: str = "") -> Iterator[str]:
        return self.inner.list(prefix)

    def describe(self, key: str) -> str:
        return self.inner.describe(key)

    def check(self) -> None:
        self.inner.check()


# -- the layout and the store's exclusive create -----------------------------------------------------------


def test_segment_keys_sort_as_their_sequence() -> None:
    assert segment_key(42) == "feed/000000000042.json"
    assert segment_sequence("feed/000000000042.json") == 42
    assert segment_sequence("feed/42.json") is None and segment_sequence("runs/x.json") is None
    assert sorted([segment_key(n) for n in (10, 9, 100, 1)]) == [segment_key(n) for n in (1, 9, 10, 100)]
    assert json_feed_key(None) == "feeds/all.json" and json_feed_key("sggp") == "feeds/sggp.json"
    with pytest.raises(BadKeyError):
        segment_key(0)


def test_put_if_absent_on_a_folder_is_exclusive_and_whole(tmp_path: Path) -> None:
    store = LocalStore(tmp_path)
    assert store.put_if_absent("feed/000000000001.json", b'{"a": 1}')
    assert store.put_if_absent("feed/000000000001.json", b'{"a": 1}')  # the same bytes: already ours
    assert not store.put_if_absent("feed/000000000001.json", b'{"b": 2}')
    assert store.get("feed/000000000001.json") == b'{"a": 1}'
    assert [p.name for p in (tmp_path / "feed").iterdir()] == ["000000000001.json"]  # no temporary left

    winners: list[int] = []
    barrier = threading.Barrier(8)

    def race(n: int) -> None:
        barrier.wait()
        if store.put_if_absent("feed/000000000002.json", f'{{"n": {n}}}'.encode()):
            winners.append(n)

    threads = [threading.Thread(target=race, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(winners) == 1
    assert json.loads(store.get("feed/000000000002.json")) == {"n": winners[0]}


def test_concurrent_runs_on_one_folder_get_distinct_sequences(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "store")
    workdirs = [WorkDir(tmp_path / f"spool-{n}", store.url) for n in range(6)]
    for n, workdir in enumerate(workdirs):
        write_batch(store, workdir, f"run-{n}", [article_entry("sggp", n * 10 + i) for i in range(3)])
    barrier = threading.Barrier(len(workdirs))
    sequences: list[int | None] = []

    def commit(workdir: WorkDir) -> None:
        barrier.wait()
        sequences.append(commit_batch(store, workdir.pending_batches()[0], workdir=workdir).sequence)

    threads = [threading.Thread(target=commit, args=(w,)) for w in workdirs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(s for s in sequences if s is not None) == [1, 2, 3, 4, 5, 6]
    read = list(FeedReader(store).entries())
    assert len(read) == 18 and len({e.key for e in read}) == 18
    assert all(not w.pending_batches() for w in workdirs)


# -- commit order and crash recovery -----------------------------------------------------------------------


def test_segment_then_json_feeds_then_manifest_last(tmp_path: Path) -> None:
    store = RecordingStore(LocalStore(tmp_path / "store"))
    workdir = WorkDir(tmp_path / "spool", store.url)
    entries = [article_entry("sggp", 1), article_entry("baoapbac", 2)]
    for entry in entries:
        entry["item"] = {
            "id": entry["id"],
            "url": f"https://example.vn/{entry['id']}",
            "content_text": "Nội dung.",
            "date_published": entry["published_at"],
            "_vn_news": {"site": entry["site"], "version": 1},
        }
    write_batch(store, workdir, "run-a", entries)
    objects = list(store.writes)
    store.writes.clear()

    commit = commit_batch(store, workdir.pending_batches()[0], workdir=workdir)

    assert objects == [e["key"] for e in entries]
    assert store.writes[0] == "feed/000000000001.json"
    assert sorted(store.writes[1:-1]) == ["feeds/all.json", "feeds/baoapbac.json", "feeds/sggp.json"]
    assert store.writes[-1] == "runs/run-a.json" == commit.manifest
    manifest = json.loads(store.get("runs/run-a.json"))
    assert manifest["feed"] == {"sequence": 1, "segment": "feed/000000000001.json", "articles": 2}
    assert [o["key"] for o in manifest["objects"]] == [e["key"] for e in entries]
    assert {"content_hash", "version", "sha256", "kind"} <= set(manifest["objects"][0])
    segment = read_segment(store, 1)
    assert segment is not None and segment["batch"] == "run-a"
    assert all(set(e) == set(SEGMENT_FIELDS) for e in segment["entries"])


def test_a_commit_cut_short_is_finished_once(tmp_path: Path) -> None:
    """The store fails after the segment (before the manifest): recovery finds the segment through the
    batch's marker and writes no second one."""
    store = RecordingStore(LocalStore(tmp_path / "store"))
    workdir = WorkDir(tmp_path / "spool", store.url)
    write_batch(store, workdir, "run-b", [article_entry("sggp", n) for n in range(4)])
    store.fail_prefix = "runs/"
    with pytest.raises(StoreError):
        commit_batch(store, workdir.pending_batches()[0], workdir=workdir)
    assert list_segments(store) == [1]
    assert not store.exists("runs/run-b.json")
    assert len(list(FeedReader(store).entries())) == 4  # the segment is readable: its objects exist

    store.fail_prefix = None
    commits = recover_pending(store, workdir)
    assert [c.sequence for c in commits] == [1]
    assert list_segments(store) == [1]
    assert store.exists("runs/run-b.json") and not workdir.pending_batches()


def test_a_pending_batch_of_a_live_run_is_left_alone(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "store")
    workdir = WorkDir(tmp_path / "spool", store.url)
    write_batch(store, workdir, "run-c", [article_entry("sggp", 1)])
    live = workdir.pending_batches()[0]
    live.acquire()  # the run's process holds its batch
    try:
        other = WorkDir(tmp_path / "spool", store.url)
        if sys.platform != "win32":
            # flock is per open file description: a second handle in this process stands in for another one
            assert recover_pending(store, other) == []
            assert list_segments(store) == []
    finally:
        live.release()
    assert [c.sequence for c in recover_pending(store, workdir)] == [1]


# -- cursors ------------------------------------------------------------------------------------------------


def test_cursors_resume_exactly_with_limits_and_sites(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "store")
    workdir = WorkDir(tmp_path / "spool", store.url)
    n = 0
    for run, size in enumerate((3, 1, 5, 2)):
        entries = []
        for _ in range(size):
            entries.append(article_entry(("sggp", "baoapbac")[n % 2], n))
            n += 1
        write_batch(store, workdir, f"run-{run}", entries)
        commit_batch(store, workdir.pending_batches()[0], workdir=workdir)
    everything = list(FeedReader(store).read())
    assert len(everything) == n
    reader = FeedReader(store)
    assert list(reader.read()) == everything and reader.cursor == "4"
    assert list(reader.read(since=reader.cursor)) == [] and reader.cursor == "4"

    for site in (None, "sggp", "baoapbac"):
        expected = [a for a in everything if site is None or a["id"].startswith(site)]
        for limit in range(1, n + 1):
            reader = FeedReader(store, site=site)
            cursor: str | None = None
            got: list[dict[str, Any]] = []
            for _round in range(n + 2):
                batch = list(reader.read(since=cursor, limit=limit))
                cursor = reader.cursor
                got += batch
                if not batch:
                    break
            assert got == expected, (site, limit)
            assert Cursor.parse(cursor) == Cursor(4), (site, limit, cursor)

    reader = FeedReader(store)
    first = next(reader.read(since="1.1"))
    assert first == everything[1] and reader.cursor == "1.2"
    assert Cursor.parse("3.4") == Cursor(3, 4) and str(Cursor(3)) == "3" and Cursor.parse(None) == Cursor()
    with pytest.raises(ValueError, match="not a feed cursor"):
        Cursor.parse("abc")


# -- JSON Feed ------------------------------------------------------------------------------------------------


def test_json_feed_merge_keeps_the_newest_version_and_the_latest_items() -> None:
    def item(n: int, version: int = 1) -> dict[str, Any]:
        return {
            "id": f"a-{n}",
            "date_published": f"2026-01-{n:02d}T00:00:00+07:00",
            "_vn_news": {"version": version},
        }

    merged = merge_items([item(1), item(2), item(3)], [item(2, 2), item(4)], limit=3)
    assert [i["id"] for i in merged] == ["a-4", "a-3", "a-2"]
    assert merged[2]["_vn_news"]["version"] == 2


def test_the_schema_refuses_what_the_spec_refuses() -> None:
    good = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "T",
        "items": [{"id": "1", "content_text": "x"}],
    }
    assert json_feed_errors(good) == []
    assert json_feed_errors({**good, "version": "https://jsonfeed.org/version/1"})
    assert json_feed_errors({**good, "items": [{"id": "1"}]})  # no content
    assert json_feed_errors(
        {**good, "items": [{"id": "1", "content_text": "x", "date_published": "24/03/2021"}]}
    )
    assert json_feed_errors({**good, "items": [{"id": "1", "content_text": "x", "authors": [{}]}]})
    assert json_feed_errors({**good, "unknown": 1})
    assert json_feed_errors({**good, "_custom": {"ok": True}}) == []


# -- end to end: file:// --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """`crawler demo` into a folder, with a reader polling the store while it runs."""
    base = tmp_path_factory.mktemp("feed")
    store_dir, state = base / "store", base / "state.sqlite"
    store_dir.mkdir()
    store = LocalStore(store_dir)
    # (article objects, segments before the read, articles read so far, segments after the read): a segment
    # can land while a poll reads, so each read is bracketed by two listings
    polls: list[tuple[int, int, int, int]] = []
    read_during: list[dict[str, Any]] = []
    reader = FeedReader(store)
    cursor = "0"
    stop = threading.Event()

    def poll() -> None:
        nonlocal cursor
        while not stop.is_set():
            objects = (
                sum(1 for _ in (store_dir / "articles").rglob("*.json"))
                if (store_dir / "articles").is_dir()
                else 0
            )
            before = len(list_segments(store))
            read_during.extend(reader.read(since=cursor))
            cursor = reader.cursor
            polls.append((objects, before, len(read_during), len(list_segments(store))))
            time.sleep(0.1)

    poller = threading.Thread(target=poll)
    poller.start()
    try:
        done = cli("demo", "--store", store_dir.as_uri(), "--state", str(state))
    finally:
        stop.set()
        poller.join()
    assert done.returncode == 0, done.stderr[-3000:]
    return {"dir": store_dir, "state": state, "store": store, "polls": polls, "read_during": read_during}


def test_demo_then_feed_read_prints_each_article_once_and_a_cursor(demo_store: dict[str, Any]) -> None:
    store: LocalStore = demo_store["store"]
    articles, cursor = feed_read(store.url)
    stored = stored_versions(store)
    assert len(stored) > 100
    assert sorted(versions(articles)) == sorted(stored)
    assert len(set(versions(articles))) == len(articles)
    assert cursor == "1"
    again, same = feed_read(store.url, "--since", cursor)
    assert again == [] and same == cursor

    limited, at = feed_read(store.url, "--limit", "7")
    rest, end = feed_read(store.url, "--since", at)
    assert at == "1.7" and end == "1" and limited + rest == articles
    sggp, _ = feed_read(store.url, "--site", "sggp")
    assert sggp and {a["site"] for a in sggp} == {"sggp"}


def test_the_runs_layout_and_its_manifest_written_last(demo_store: dict[str, Any]) -> None:
    store: LocalStore = demo_store["store"]
    keys = list(store.list())
    assert {k.split("/")[0] for k in keys} == {"articles", "feed", "feeds", "runs"}
    (manifest_key,) = [k for k in keys if k.startswith("runs/")]
    manifest = json.loads(store.get(manifest_key))
    assert manifest["format"] == "vn-news-crawler/run-manifest/1" and manifest["kind"] == "crawl"
    assert manifest["feed"]["segment"] == "feed/000000000001.json"
    assert {o["key"] for o in manifest["objects"]} == {
        k for k in keys if k.startswith(("articles/", "rejects/"))
    }
    assert manifest["stats"]["totals"]["articles_written"] == manifest["counts"]["articles"]
    assert manifest["spooled"] == 0
    mtime = {k: (demo_store["dir"] / k).stat().st_mtime_ns for k in keys}
    segment_time = mtime["feed/000000000001.json"]
    assert all(mtime[o["key"]] <= segment_time for o in manifest["objects"])
    assert all(segment_time <= mtime[k] <= mtime[manifest_key] for k in keys if k.startswith("feeds/"))
    assert max(mtime.values()) == mtime[manifest_key]


def test_a_reader_during_the_run_sees_only_finished_segments(demo_store: dict[str, Any]) -> None:
    polls: list[tuple[int, int, int, int]] = demo_store["polls"]
    assert any(objects > 0 and after == 0 and read == 0 for objects, _, read, after in polls), polls[:50]
    for _objects, before, read, after in polls:
        assert read == 0 or after > 0, "articles were read before their feed segment was committed"
        assert before == 0 or read > 0, "a committed segment was not readable"
    # what it read while polling is the whole run, once (the segment came whole, after every object)
    read_during = demo_store["read_during"]
    assert sorted(versions(read_during)) == sorted(stored_versions(demo_store["store"]))


def test_json_feeds_are_valid_json_feed_1_1(demo_store: dict[str, Any]) -> None:
    store: LocalStore = demo_store["store"]
    feeds = [k for k in store.list("feeds/")]
    assert "feeds/all.json" in feeds and "feeds/sggp.json" in feeds
    for key in feeds:
        document = json.loads(store.get(key))
        assert json_feed_errors(document) == [], key
        assert document["feed_url"] == (demo_store["dir"] / key).as_uri()
        assert 0 < len(document["items"]) <= 100
        for item in document["items"]:
            assert {
                "id",
                "url",
                "title",
                "content_text",
                "date_published",
                "date_modified",
                "authors",
                "tags",
            } <= set(item)
            assert item["language"] == "vi"
        if key != "feeds/all.json":
            assert document["home_page_url"].startswith("https://")
            assert {i["_vn_news"]["site"] for i in document["items"]} == {
                key.split("/")[1].removesuffix(".json")
            }
    everything = json.loads(store.get("feeds/all.json"))["items"]
    assert len(everything) == 100
    dates = [i["date_published"] for i in everything]
    assert dates == sorted(dates, reverse=True)
    assert any("summary" in i for i in everything)


def test_after_an_edit_only_the_new_version_is_read(demo_store: dict[str, Any]) -> None:
    store: LocalStore = demo_store["store"]
    _, cursor = feed_read(store.url)
    with ReplicaServer(build_replica()) as server:
        edited = edit_one(server)
        done = cli(
            "crawl",
            "--all",
            "--replica",
            server.base_url,
            "--store",
            store.url,
            "--state",
            str(demo_store["state"]),
        )
    assert done.returncode == 0, done.stderr[-3000:]
    articles, after = feed_read(store.url, "--since", cursor)
    assert [(a["canonical_url"], a["version"]) for a in articles] == [(edited, 2)]
    assert articles[0]["body_text"].endswith("UBND tỉnh đã họp rà soát.")
    assert after == "2"
    assert feed_read(store.url, "--since", after) == ([], "2")
    feed = json.loads(store.get("feeds/baodongthap.json"))
    (item,) = [i for i in feed["items"] if i["url"] == edited]
    assert item["_vn_news"]["version"] == 2 and json_feed_errors(feed) == []
    assert len([k for k in store.list("runs/")]) == 2


# -- end to end: s3:// on moto's server ----------------------------------------------------------------------


def test_the_same_on_s3(endpoint: str, tmp_path: Path) -> None:
    bucket = f"feed-{uuid.uuid4().hex[:12]}"
    with fake_aws_env():
        create_bucket(endpoint, bucket)
        url = f"s3://{bucket}/tin-tuc"
        state = tmp_path / "state.sqlite"
        done = cli("demo", "--store", url, "--s3-endpoint", endpoint, "--state", str(state))
        assert done.returncode == 0, done.stderr[-3000:]
        store = open_store(url, s3_endpoint=endpoint)
        stored = stored_versions(store)
        assert len(stored) > 100
        assert list_segments(store) == [1]
        assert len(list(store.list("runs/"))) == 1

        articles, cursor = feed_read(url, "--s3-endpoint", endpoint)
        assert sorted(versions(articles)) == sorted(stored) and len(set(versions(articles))) == len(articles)
        assert cursor == "1"
        assert feed_read(url, "--s3-endpoint", endpoint, "--since", cursor) == ([], "1")
        for key in ("feeds/all.json", "feeds/baoapbac.json"):
            assert json_feed_errors(json.loads(store.get(key))) == []

        with ReplicaServer(build_replica()) as server:
            edited = edit_one(server)
            done = cli(
                "crawl",
                "--all",
                "--replica",
                server.base_url,
                "--store",
                url,
                "--s3-endpoint",
                endpoint,
                "--state",
                str(state),
            )
        assert done.returncode == 0, done.stderr[-3000:]
        articles, after = feed_read(url, "--s3-endpoint", endpoint, "--since", cursor)
        assert [(a["canonical_url"], a["version"]) for a in articles] == [(edited, 2)] and after == "2"

        # a run that loses the race for a sequence takes the next one (S3's 412 on If-None-Match)
        store.put(
            segment_key(3),
            b'{"format": "vn-news-crawler/feed-segment/1", "sequence": 3, "batch": "x", "entries": []}',
        )
        workdir = WorkDir(tmp_path / "spool", store.url)
        write_batch(store, workdir, "run-s3", [article_entry("sggp", 7)])
        original = store.list

        def stale_list(prefix: str = "") -> Iterator[str]:  # as if listed before segment 3 was written
            return (k for k in original(prefix) if k != segment_key(3))

        store.list = stale_list  # type: ignore[method-assign]
        commit = commit_batch(store, workdir.pending_batches()[0], workdir=workdir)
        store.list = original  # type: ignore[method-assign]
        assert commit.sequence == 4
        assert [e.key for e in FeedReader(store).entries(since="3")] == [article_entry("sggp", 7)["key"]]
