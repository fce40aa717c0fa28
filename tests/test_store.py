"""The file:// store and the key layout."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crawler.store import BadStoreURLError, LocalStore, open_store
from crawler.store.layout import BadKeyError, article_key, reject_key


def test_open_store_accepts_relative_and_absolute_file_urls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert isinstance(open_store("file://./data"), LocalStore)
    assert open_store("file://./data").describe("a.json") == str(tmp_path / "data" / "a.json")
    assert open_store(f"file://{tmp_path}/x").describe("a.json") == str(tmp_path / "x" / "a.json")
    with pytest.raises(BadStoreURLError, match="unsupported scheme"):
        open_store("ftp://host/x")


def test_put_get_list_round_trip(tmp_path: Path) -> None:
    store = LocalStore(tmp_path)
    key = article_key("baoapbac", "2021-03-24T15:35:00+07:00", "baoapbac-1050912")
    assert key == "articles/baoapbac/2021/03/24/baoapbac-1050912.json"
    store.put(key, '{"title": "Đổi mới"}'.encode())
    store.put(reject_key("baoapbac", "2026-11-25T02:00:00+07:00", "abc"), b"{}")
    assert store.get(key).decode() == '{"title": "Đổi mới"}'
    assert store.exists(key)
    assert list(store.list("articles/")) == [key]
    assert len(list(store.list())) == 2
    assert not any(p.name.startswith(".tmp-") for p in tmp_path.rglob("*"))
    with pytest.raises(KeyError):
        store.get("articles/none.json")


@pytest.mark.parametrize(
    "key", ["../etc/passwd", "articles/../../x.json", "/abs.json", "a//b.json", "a/.hidden", ""]
)
def test_keys_that_could_escape_are_refused(tmp_path: Path, key: str) -> None:
    with pytest.raises(BadKeyError):
        LocalStore(tmp_path).put(key, b"x")


def test_objects_are_staged_apart_and_a_killed_writers_litter_is_swept(tmp_path: Path) -> None:
    store = LocalStore(tmp_path)
    key = "articles/baoapbac/2021/03/24/baoapbac-1050912.json"
    store.put(key, '{"title": "Đổi mới phương thức lãnh đạo"}'.encode())
    assert store.put_if_absent("feed/000000000001.json", b"{}")
    # nothing but the objects beside them: temporary files live in the staging folder, which list() skips
    assert sorted(p.name for p in (tmp_path / "articles/baoapbac/2021/03/24").iterdir()) == [
        "baoapbac-1050912.json"
    ]
    assert list(store.list()) == [
        "articles/baoapbac/2021/03/24/baoapbac-1050912.json",
        "feed/000000000001.json",
    ]
    assert list(store.staging.iterdir()) == []

    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    host = store._temp_prefix().split("-")[1]
    litter = {
        "dead writer here": store.staging / f".tmp-{host}-{int(dead.stdout)}-abc",
        "live writer here": store.staging / f".tmp-{host}-{os.getpid()}-def",
        "fresh, other host": store.staging / ".tmp-worker2-17-ghi",
        "old, other host": store.staging / ".tmp-worker2-18-jkl",
    }
    for path in litter.values():
        path.write_bytes('{"title": "Đổi mới'.encode())  # a write cut short
    day_and_a_bit = time.time() - 25 * 3600
    os.utime(litter["old, other host"], (day_and_a_bit, day_and_a_bit))

    assert store.sweep() == 2
    assert sorted(p.name for p in store.staging.iterdir()) == sorted(
        [litter["live writer here"].name, litter["fresh, other host"].name]
    )
    assert store.get(key) == '{"title": "Đổi mới phương thức lãnh đạo"}'.encode()
