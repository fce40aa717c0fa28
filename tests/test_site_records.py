"""Portals are data: one TOML record per site, validated into a `Site`; a new record is all a new portal needs.

The records in the package are exactly what the writer writes; a bad record fails with one line naming the file,
the site and the field; a record in a folder `CRAWLER_SITES_DIR` names is served by the replica and crawled end
to end by the CLI; a record without a `[replica]` table gets a writing borrowed from its province.
"""

from __future__ import annotations

import json
import logging
import tomllib
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from processes import ROOT, run_cli

from crawler.sites import all_sites, get_site
from crawler.sites.records import (
    REGISTRY_DIR,
    SITES_DIR_ENV,
    SiteRecordError,
    dump_record,
    load_record,
    load_sites,
    site_from_record,
)
from replica import ReplicaServer, build_replica
from replica.corpus import default_corpus
from replica.provinces import WRITING

NEW_RECORD = """\
# Báo Mới Thử (baomoithu.vn): a portal added as one record, nothing else.
key = "baomoithu"
name = "Báo Mới Thử"
domains = ["baomoithu.vn"]
province = "Đồng Tháp"
family = "A"
feeds = ["/rss/home.rss"]
listings = ["/thoi-su/"]
verified = false

[replica]
quirks = ["relative-link"]

[replica.writing]
name = "Đồng Tháp"
unit = "tỉnh"
capital = "phường Cao Lãnh"
new_places = ["phường Cao Lãnh", "phường Sa Đéc", "xã Tháp Mười", "phường Mỹ Tho"]
crops = ["lúa", "xoài Cao Lãnh", "sen Tháp Mười", "quýt hồng Lai Vung"]
river = "sông Tiền"
roads = ["Quốc lộ 30", "cao tốc Cao Lãnh - An Hữu"]
festivals = ["Lễ hội Sen Đồng Tháp"]
relics = ["Khu di tích Gò Tháp", "Khu di tích Xẻo Quýt"]
industrial = ["Khu công nghiệp Sa Đéc"]
hospital = "Bệnh viện Đa khoa Đồng Tháp"
region = "mekong"
reporters = ["MINH TRÍ", "NGỌC HÂN", "THANH TÂM"]
sections = [["thoi-su", "Thời sự", 3], ["kinh-te", "Kinh tế", 1]]
start = 2025-08-04
end = 2026-11-18
first_id = 555000
"""


@pytest.fixture
def registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder of extra records the registry reads (`CRAWLER_SITES_DIR`), for this test only."""
    folder = tmp_path / "sites"
    folder.mkdir()
    monkeypatch.setenv(SITES_DIR_ENV, str(folder))
    all_sites.cache_clear()
    yield folder
    monkeypatch.delenv(SITES_DIR_ENV)
    all_sites.cache_clear()


# --- the records in the package ------------------------------------------------------------------------------


def test_every_portal_is_one_record_and_nothing_else() -> None:
    records = sorted(REGISTRY_DIR.glob("*.toml"))
    assert len(records) == len(all_sites()) == 66
    assert [p.stem for p in records] == list(all_sites())
    assert (
        sorted(p.name for p in REGISTRY_DIR.iterdir() if p.suffix != ".toml" and p.name != "__pycache__")
        == []
    )


@pytest.mark.parametrize("key", sorted(p.stem for p in REGISTRY_DIR.glob("*.toml")))
def test_a_record_is_what_the_writer_writes_and_reads_back_the_same(key: str) -> None:
    path = REGISTRY_DIR / f"{key}.toml"
    text = path.read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text
    site = load_record(path)
    comment = "\n".join(line[2:] for line in text.splitlines() if line.startswith("# "))
    assert dump_record(site, comment) == text
    again = site_from_record(tomllib.loads(dump_record(site)), key=key)
    assert again == site and dict(again.replica) == dict(site.replica)
    assert get_site(key) == site
    assert key in WRITING  # the record's [replica.writing] table is the replica's writing of the site


def test_the_wheel_ships_the_records() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "sites/portals/*.toml" in pyproject["tool"]["setuptools"]["package-data"]["crawler"]


def test_the_crawler_never_reads_the_replica_table() -> None:
    for path in (ROOT / "crawler").rglob("*.py"):
        if path.name != "records.py" and path.parts[-2] != "sites":
            assert ".replica[" not in path.read_text(encoding="utf-8"), path
            assert ".replica.get(" not in path.read_text(encoding="utf-8"), path


# --- bad records ---------------------------------------------------------------------------------------------

GOOD = 'key = "baothu"\nname = "Báo Thử"\ndomains = ["baothu.vn"]\nprovince = "Cần Thơ"\nfamily = "A"\n'


@pytest.mark.parametrize(
    ("text", "field", "problem"),
    [
        (GOOD + "domain = ['baothu.vn']\n", "domain", "unknown field"),
        (
            GOOD.replace('domains = ["baothu.vn"]', 'domains = "baothu.vn"'),
            "domains",
            "expected an array of strings",
        ),
        (GOOD + "active_to = 2025-13-01\n", "active_to", "not valid TOML"),
        (GOOD + 'active_to = "2025-06-30"\n', "active_to", "expected a TOML date"),
        (GOOD + "active_from = 2025-07-01\nactive_to = 2025-06-30\n", "active_from", "after active_to"),
        (GOOD.replace('family = "A"', 'family = "Z"'), "family", "unknown family 'Z'"),
        (GOOD + "article_url = '^/(?P<id>\\d+'\n", "article_url", "not a regular expression"),
        (GOOD.replace('province = "Cần Thơ"\n', ""), "province", "missing"),
        (GOOD.replace('key = "baothu"', 'key = "baokhac"'), "key", "must declare key = 'baothu'"),
        (GOOD + "verified = 'no'\n", "verified", "expected true or false"),
        (GOOD + "max_listing_pages = 2.5\n", "max_listing_pages", "expected an integer"),
        (GOOD + "[selectors]\nheadline = ['h1']\n", "selectors.headline", "unknown field"),
        (GOOD + "[selectors]\ntitle = 'h1'\n", "selectors.title", "expected an array of strings"),
        (GOOD + "[limits]\npages = 0\n", "limits.pages", "must be at least 1"),
        (GOOD + "replica = 3\n", "replica", "expected a table"),
    ],
)
def test_a_bad_record_is_one_line_naming_the_file_the_site_and_the_field(
    tmp_path: Path, text: str, field: str, problem: str
) -> None:
    path = tmp_path / "baothu.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SiteRecordError) as caught:
        load_sites(tmp_path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: site ")
    assert f"field {field!r}: " in message and problem in message, message
    assert caught.value.field == field


def test_a_site_declared_twice_names_both_files(tmp_path: Path) -> None:
    (tmp_path / "baothu.toml").write_text(GOOD, encoding="utf-8")
    again = tmp_path / "more"
    again.mkdir()
    (again / "baothu.toml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(SiteRecordError, match=r"site 'baothu': field 'key': site declared twice \(also in "):
        load_sites(tmp_path, again)


def test_a_bad_record_stops_the_cli_with_its_message(registry: Path) -> None:
    (registry / "baothu.toml").write_text(GOOD.replace('family = "A"', 'family = "Z"'), encoding="utf-8")
    out = run_cli("sites", timeout=120)
    assert out.returncode != 0
    assert f"{registry / 'baothu.toml'}: site 'baothu': field 'family': unknown family 'Z'" in out.stderr


# --- a new portal is one record ------------------------------------------------------------------------------


def test_a_new_record_is_served_by_the_replica_and_crawled_end_to_end(registry: Path, tmp_path: Path) -> None:
    (registry / "baomoithu.toml").write_text(NEW_RECORD, encoding="utf-8")
    site = get_site("baomoithu")
    assert site.family.key == "A" and site.feeds == ("/rss/home.rss",) and not site.verified
    assert WRITING["baomoithu"].first_id == 555000
    listed = run_cli("sites", timeout=120)
    assert listed.returncode == 0 and any(row.startswith("baomoithu ") for row in listed.stdout.splitlines())

    replica = build_replica(undeclared=False)
    articles = replica.articles("baomoithu")
    assert len(articles) == 4 and all(site.is_article_url(a.url) for a in articles)
    assert any("relative-link" in a.quirks for a in articles)
    store = tmp_path / "store"
    with ReplicaServer(replica) as server:
        out = run_cli(
            "crawl",
            "baomoithu",
            "--replica",
            server.base_url,
            "--store",
            store.as_uri(),
            "--state",
            str(tmp_path / "state.sqlite"),
            "--stats-json",
            str(tmp_path / "stats.json"),
            timeout=300,
        )
    assert out.returncode == 0, out.stderr[-3000:]
    stats = json.loads((tmp_path / "stats.json").read_text(encoding="utf-8"))
    assert set(stats["sites"]) == {"baomoithu"}
    assert stats["totals"]["articles_written"] == len(articles)
    written = [json.loads(p.read_text(encoding="utf-8")) for p in (store / "articles").rglob("*.json")]
    assert sorted(a["url"] for a in written) == sorted(a.url for a in articles)
    assert {a["site"] for a in written} == {"baomoithu"}


def test_a_record_without_a_replica_table_borrows_its_provinces_writing(registry: Path) -> None:
    record = GOOD + "active_from = 2025-09-01\n"
    (registry / "baothu.toml").write_text(record, encoding="utf-8")
    writing = WRITING["baothu"]
    borrowed = WRITING["baocantho"]
    assert writing.site == "baothu" and writing.name == borrowed.name and writing.crops == borrowed.crops
    assert writing.start.isoformat() == "2025-09-01" and writing.end == borrowed.end
    corpus = default_corpus([get_site("baothu")])
    assert corpus["baothu"] and all(a.published.date() >= writing.start for a in corpus["baothu"])


def test_a_record_with_nothing_to_borrow_is_served_without_articles_and_says_so(
    registry: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (registry / "baothu.toml").write_text(GOOD.replace("Cần Thơ", "Xứ Sở Thần Tiên"), encoding="utf-8")
    assert "baothu" not in WRITING
    with caplog.at_level(logging.WARNING):
        corpus = default_corpus([get_site("baothu")])
    assert corpus == {"baothu": []}
    assert "site 'baothu': its record has no [replica.writing] table" in caplog.text


def test_reading_the_records_again_gives_the_same_site_objects() -> None:
    """Other caches hold sites from the registry (a province's coverage, a host's sites): a reload of
    unchanged records must not leave them holding objects the registry no longer hands out."""
    before = all_sites()
    all_sites.cache_clear()
    after = all_sites()
    assert after is not before
    assert list(after) == list(before)
    assert all(after[key] is site for key, site in before.items())
