"""`province` is the province a paper served on the publication day; `province_now` is today's.

Báo Ấp Bắc served Tiền Giang until the merger of 1 July 2025 (its masthead ran to 31 July, in Đồng Tháp);
Báo Đồng Tháp carried on, later under baoapbac-shaped URLs; Quảng Ninh did not change.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from crawler.feed.jsonfeed import EXTENSION, feed_item
from crawler.item import Article
from crawler.schema import schema_errors
from crawler.sites import all_sites, generic_site, get_site
from crawler.sites.provinces import FORMER_PROVINCES, MERGER_DAY, province_on
from crawler.steps import process_page
from crawler.steps.identity import assign_identity, publication_day

FIXTURES = Path(__file__).parent / "fixtures"
BODY = (
    "Sáng 14-10, nông dân xã Mỹ Đức Tây thu hoạch lúa Thu Đông với năng suất bình quân 6 tấn/ha.\n\n"
    "Giá lúa tươi được thương lái thu mua tại ruộng ở mức cao, người trồng lúa có lãi khá."
)


def article(site: str, url: str, published_at: str | None, **changes: Any) -> Article:
    """An article as the dates stage leaves it, its province still the site's."""
    registered = get_site(site)
    built = Article(
        url=url,
        site=site,
        domain=registered.domain,
        province=registered.province,
        fetched_at="2026-11-25T02:10:00+07:00",
        title="Nông dân thu hoạch lúa Thu Đông được giá",
        lead="Nông dân phấn khởi vì lúa được mùa, được giá.",
        body_text=BODY,
        authors=["P.Y"],
        published_at=published_at,
        date_source="dateline" if published_at else None,
        field_sources={"title": "family", "body_text": "family"},
    )
    for name, value in changes.items():
        setattr(built, name, value)
    return built


# --- the rule --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("site", "day", "then"),
    [
        ("baoapbac", date(2021, 3, 24), "Tiền Giang"),
        ("baoapbac", date(2025, 6, 30), "Tiền Giang"),
        ("baoapbac", MERGER_DAY, "Đồng Tháp"),  # its last month: the masthead ran on, the province had gone
        ("baoapbac", date(2025, 7, 31), "Đồng Tháp"),
        ("baodongthap", date(2021, 3, 24), "Đồng Tháp"),
        ("baodongthap", date(2025, 10, 14), "Đồng Tháp"),
        ("baoquangninh", date(2019, 5, 2), "Quảng Ninh"),
        ("baoquangninh", date(2026, 5, 2), "Quảng Ninh"),
        ("huengaynay", date(2024, 12, 31), "Thừa Thiên Huế"),  # Huế: a centrally run city since 1 Jan 2025
        ("huengaynay", date(2025, 1, 1), "Huế"),
        ("baolongan", date(2024, 11, 5), "Long An"),
        ("baolongan", date(2025, 7, 1), "Tây Ninh"),
    ],
)
def test_province_on_the_day(site: str, day: date, then: str) -> None:
    assert province_on(get_site(site), day) == then


def test_an_unknown_day_gives_todays_province() -> None:
    assert province_on(get_site("baoapbac"), None) == "Đồng Tháp"
    assert province_on(generic_site("https://example-news.vn/a-1.html"), date(2021, 1, 1)) == "unknown"


def test_every_archive_served_its_old_province_until_the_merger() -> None:
    archives = {f.paper: f for f in FORMER_PROVINCES if f.paper is not None}
    for key, former in archives.items():
        site = all_sites()[key]
        assert province_on(site, date(2025, 6, 30)) == former.name, key
        assert province_on(site, MERGER_DAY) == former.now == site.province, key


@pytest.mark.parametrize(
    ("published_at", "day"),
    [
        ("2025-06-30T23:59:00+07:00", date(2025, 6, 30)),
        ("2025-06-30T17:30:00+00:00", date(2025, 7, 1)),  # 00:30 on 1 July in Vietnam
        ("2025-06-30T12:00:00", date(2025, 6, 30)),
        ("not a date", None),
        (None, None),
    ],
)
def test_the_publication_day_is_vietnams(published_at: str | None, day: date | None) -> None:
    assert publication_day(published_at) == day


# --- articles --------------------------------------------------------------------------------------------


def test_a_2021_ap_bac_article_is_from_tien_giang_now_dong_thap() -> None:
    url = "https://baoapbac.vn/chinh-tri/202103/doi-moi-phuong-thuc-lanh-dao-1006817/"
    done = assign_identity(article("baoapbac", url, "2021-03-24T15:35:00+07:00"), get_site("baoapbac"))
    assert (done.province, done.province_now) == ("Tiền Giang", "Đồng Tháp")
    document = done.to_json()
    assert (document["province"], document["province_now"]) == ("Tiền Giang", "Đồng Tháp")
    assert schema_errors(document) == []


def test_the_seed_page_end_to_end() -> None:
    page = FIXTURES / "baoapbac" / "seed-2021-03-24.html"
    url = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))["url"]
    result = process_page(url, page.read_bytes())
    assert isinstance(result, Article), result
    assert result.published_at is not None and result.published_at.startswith("2021-03-24")
    assert (result.province, result.province_now) == ("Tiền Giang", "Đồng Tháp")


def test_a_post_merger_ap_bac_shaped_article_under_baodongthap() -> None:
    url = "https://baodongthap.vn/ban-doc/202510/nong-dan-thu-hoach-lua-thu-dong-1050912/"
    done = assign_identity(article("baodongthap", url, "2025-10-14T09:12:00+07:00"), get_site("baodongthap"))
    assert (done.province, done.province_now) == ("Đồng Tháp", "Đồng Tháp")
    assert schema_errors(done.to_json()) == []


def test_an_unchanged_province() -> None:
    url = "https://baoquangninh.vn/nong-dan-thu-hoach-lua-3312345.html"
    for published in ("2019-05-02T08:00:00+07:00", "2026-05-02T08:00:00+07:00"):
        done = assign_identity(article("baoquangninh", url, published), get_site("baoquangninh"))
        assert (done.province, done.province_now) == ("Quảng Ninh", "Quảng Ninh")


def test_an_undated_article_keeps_todays_province() -> None:
    url = "https://baoapbac.vn/xa-hoi/202103/tin-1006818/"
    done = assign_identity(article("baoapbac", url, None), get_site("baoapbac"))
    assert (done.province, done.province_now) == ("Đồng Tháp", "Đồng Tháp")


def test_assigning_twice_changes_nothing() -> None:
    url = "https://baoapbac.vn/chinh-tri/202103/doi-moi-phuong-thuc-lanh-dao-1006817/"
    site = get_site("baoapbac")
    once = assign_identity(article("baoapbac", url, "2021-03-24T15:35:00+07:00"), site).to_json()
    twice = assign_identity(
        assign_identity(article("baoapbac", url, "2021-03-24T15:35:00+07:00"), site), site
    )
    assert twice.to_json() == once


def test_an_article_built_without_province_now_has_its_province() -> None:
    built = Article(url="https://baohatinh.vn/a-post1.html", site="baohatinh", domain="baohatinh.vn",
                    province="Hà Tĩnh", fetched_at="2026-11-25T02:10:00+07:00")  # fmt: skip
    assert built.province_now == "Hà Tĩnh"


# --- schema and feed -------------------------------------------------------------------------------------


def _stored(**changes: Any) -> dict[str, Any]:
    url = "https://baoapbac.vn/chinh-tri/202103/doi-moi-phuong-thuc-lanh-dao-1006817/"
    document = assign_identity(
        article("baoapbac", url, "2021-03-24T15:35:00+07:00"), get_site("baoapbac")
    ).to_json()
    document.update(changes)
    return document


def test_the_schema_takes_objects_stored_before_province_now() -> None:
    old = _stored(province="Đồng Tháp")
    del old["province_now"]
    assert schema_errors(old) == []


def test_the_schema_checks_province_now() -> None:
    assert schema_errors(_stored()) == []
    assert any(e.startswith("province_now:") for e in schema_errors(_stored(province_now="")))
    assert any(e.startswith("province_now:") for e in schema_errors(_stored(province_now=None)))


def test_json_feed_items_carry_both_provinces() -> None:
    key = "articles/baoapbac/2021/03/24/baoapbac-1006817.json"
    document = _stored(id="baoapbac-1006817", content_hash="sha256:" + "0" * 64)
    extension = feed_item(document, key)[EXTENSION]
    assert (extension["province"], extension["province_now"]) == ("Tiền Giang", "Đồng Tháp")
    old = dict(document, province="Đồng Tháp")
    del old["province_now"]
    extension = feed_item(old, key)[EXTENSION]
    assert (extension["province"], extension["province_now"]) == ("Đồng Tháp", "Đồng Tháp")
