"""The file:// store and the key layout."""

from __future__ import annotations

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
