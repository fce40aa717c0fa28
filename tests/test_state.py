"""The SQLite crawl state: lookups by canonical URL, records that keep history, one state per file."""

from __future__ import annotations

import asyncio
from pathlib import Path

from crawler.state import KnownArticle, SQLiteState, open_state

URL = "https://baoapbac.vn/xa-hoi/202103/doi-moi-phuong-thuc-lanh-dao-1050912/"


def known(version: int = 1, seen: str = "2026-11-24T02:00:00+07:00", url: str = URL) -> KnownArticle:
    return KnownArticle(
        canonical_url=url,
        id="baoapbac-1050912",
        site="baoapbac",
        content_hash=f"sha256:{version:064x}",
        version=version,
        object_key="articles/baoapbac/2021/03/24/baoapbac-1050912.json",
        first_seen=seen,
        last_seen=seen,
        last_fetched=seen,
        etag='"abc"',
        last_modified="Wed, 24 Mar 2021 08:35:00 GMT",
    )


def test_record_then_lookup_round_trips_and_keeps_first_seen(tmp_path: Path) -> None:
    state = SQLiteState(tmp_path / "s" / "state.sqlite")
    asyncio.run(state.record(known()))
    asyncio.run(state.record(known(version=2, seen="2026-11-25T02:00:00+07:00")))
    found = asyncio.run(state.lookup([URL, "https://baoapbac.vn/khong-co/"]))
    assert list(found) == [URL]
    assert found[URL].version == 2
    assert found[URL].first_seen == "2026-11-24T02:00:00+07:00"
    assert found[URL].last_fetched == "2026-11-25T02:00:00+07:00"
    asyncio.run(state.touch(URL, "2026-11-26T02:00:00+07:00"))
    assert state.call(state.lookup_now, [URL])[URL].last_seen == "2026-11-26T02:00:00+07:00"
    assert state.count() == 1
    state.close()


def test_state_is_durable_and_shared_per_file(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    first = open_state(path)
    assert open_state(str(path)) is first
    first.call(
        first.record_many_now, [known(url=f"https://sggp.org.vn/bai-{n}-post{n}.html") for n in range(1200)]
    )
    first.close()
    again = open_state(path)
    assert again is not first and isinstance(again, SQLiteState)
    urls = [f"https://sggp.org.vn/bai-{n}-post{n}.html" for n in range(0, 1300, 7)]
    assert len(again.call(again.lookup_now, urls)) == len([n for n in range(0, 1300, 7) if n < 1200])
    assert (tmp_path / "state.sqlite-wal").exists() or again.call(
        lambda: again.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    )
    again.close()
