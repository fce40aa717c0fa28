"""The arbiter's rules, one by one, on candidates as real pages print them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import lxml.html
import pytest

from crawler.dates import VN_TZ
from crawler.extract.arbiter import (
    BodyCandidate,
    choose_body,
    choose_date,
    declared_outcome,
    drop_header_blocks,
)
from crawler.extract.model import DateCandidate
from crawler.item import Article
from crawler.sites import get_site
from crawler.steps import process_page

FETCHED = datetime(2026, 3, 10, 9, 0, tzinfo=VN_TZ)


def structured(raw: str, origin: str = "json-ld datePublished", kind: str = "published") -> DateCandidate:
    return DateCandidate(raw, kind, "structured", origin)  # type: ignore[arg-type]


def printed(raw: str, *, header: bool = True, layer: str = "generic") -> DateCandidate:
    return DateCandidate(raw, "published", layer, "printed span.post-time", printed=True, in_header=header)  # type: ignore[arg-type]


def feed(raw: str) -> DateCandidate:
    return DateCandidate(raw, "published", "feed", "feed")


def chosen(*candidates: DateCandidate, relative_to: datetime = FETCHED) -> tuple[str | None, str | None]:
    choice = choose_date(candidates, "published", relative_to=relative_to)
    return (
        choice.value.isoformat() if choice.value else None,
        choice.candidate.source if choice.candidate else None,
    )


def test_a_day_only_structured_date_never_hides_the_printed_minute() -> None:
    assert chosen(structured("2026-01-08"), printed("08/01/2026 - 18:21")) == (
        "2026-01-08T18:21:00+07:00",
        "dateline",
    )


def test_a_structured_midnight_counts_as_a_day() -> None:
    assert chosen(structured("2026-01-08T00:00:00+07:00"), printed("08/01/2026 - 18:21"))[0] == (
        "2026-01-08T18:21:00+07:00"
    )


@pytest.mark.parametrize("bad", ["N/A", "1616575000", "0000-00-00 00:00:00", "", "2021-02-30T10:00:00+07:00"])
def test_an_unusable_structured_date_never_blocks_the_printed_one(bad: str) -> None:
    choice = choose_date(
        [structured(bad), printed("Thứ Tư, 24/03/2021, 15:35 (GMT+7)")],
        "published",
        relative_to=FETCHED,
    )
    assert choice.value is not None and choice.value.isoformat() == "2021-03-24T15:35:00+07:00"
    assert choice.candidate is not None and choice.candidate.source == "dateline"


def test_the_same_minute_with_seconds_keeps_the_seconds() -> None:
    assert chosen(structured("2021-03-24T15:35:20+07:00"), printed("24/03/2021 15:35")) == (
        "2021-03-24T15:35:20+07:00",
        "structured",
    )


def test_another_minute_of_the_same_day_loses_to_the_printed_minute_with_a_note() -> None:
    choice = choose_date(
        [structured("2021-03-24T08:35:00+07:00"), printed("24/03/2021 15:35")],
        "published",
        relative_to=FETCHED,
    )
    assert choice.value is not None and choice.value.isoformat() == "2021-03-24T15:35:00+07:00"
    assert any("differs" in note for note in choice.notes)


def test_a_disagreement_of_more_than_a_day_goes_to_the_printed_header_dateline_and_the_note() -> None:
    choice = choose_date(
        [structured("2021-03-01T00:00:00+07:00"), printed("Thứ Tư, 24/03/2021, 15:35 (GMT+7)")],
        "published",
        relative_to=FETCHED,
    )
    assert choice.value is not None and choice.value.isoformat() == "2021-03-24T15:35:00+07:00"
    assert any("disagrees" in note and "printed dateline wins" in note for note in choice.notes)


def test_a_us_style_aspnet_value_reads_month_first() -> None:
    origin = "meta article:published_time"
    assert chosen(structured("1/28/2026 6:52:01 AM", origin)) == ("2026-01-28T06:52:01+07:00", "structured")
    assert chosen(structured("1/28/2026 6:52:01 PM", origin))[0] == "2026-01-28T18:52:01+07:00"


def test_an_ambiguous_us_style_value_takes_the_reading_another_candidate_agrees_with() -> None:
    # 3/7/2026 is 7 March month-first, 3 July day-first; the printed dateline says 7 March.
    origin = "meta article:published_time"
    assert chosen(structured("3/7/2026 8:47:10 AM", origin), printed("07/03/2026 08:47"))[0] == (
        "2026-03-07T08:47:10+07:00"
    )


def test_without_a_printed_dateline_a_feed_minute_refines_a_day_only_structured_date() -> None:
    assert chosen(structured("2026-03-07"), feed("Sat, 07 Mar 2026 01:47:00 GMT")) == (
        "2026-03-07T08:47:00+07:00",
        "feed",
    )


def test_a_printed_dateline_outside_the_header_does_not_overrule_structured_data() -> None:
    assert chosen(structured("2026-03-07T08:47:00+07:00"), printed("02/01/2026 10:00", header=False)) == (
        "2026-03-07T08:47:00+07:00",
        "structured",
    )


def test_a_future_date_is_refused_and_the_next_candidate_wins() -> None:
    choice = choose_date(
        [structured("2031-01-01T10:00:00+07:00"), feed("Fri, 06 Mar 2026 03:00:00 GMT")],
        "published",
        relative_to=FETCHED,
    )
    assert choice.value is not None and choice.value.isoformat() == "2026-03-06T10:00:00+07:00"
    assert any("future" in note for note in choice.notes)


def test_nothing_readable_gives_no_date_and_says_why() -> None:
    choice = choose_date([structured("N/A"), printed("Đang cập nhật")], "published", relative_to=FETCHED)
    assert choice.value is None and choice.candidate is None
    assert len(choice.notes) == 2


def test_a_header_that_prints_only_an_update_time_dates_the_publication() -> None:
    update = DateCandidate("Cập nhật: 11:40 07/06/2023", "modified", "generic", "printed class", True, True)
    choice = choose_date([update], "published", relative_to=FETCHED)
    assert choice.value is not None and choice.value.isoformat() == "2023-06-07T11:40:00+07:00"
    assert choice.notes == ["the page prints only an update time, read as the publication time"]


def test_modified_candidates_never_date_the_publication() -> None:
    modified = structured("2026-03-08T10:00:00+07:00", "json-ld dateModified", kind="modified")
    assert choose_date([modified], "published", relative_to=FETCHED).value is None


# -------------------------------------------------------------------------------------------------- body

_STORY = [
    "Sáng 7-3, UBND xã Mỹ Hiệp tổ chức lễ khánh thành cây cầu bê tông bắc qua kênh Ba Răng, thay cho cây cầu "
    "khỉ mà bà con hai ấp đã đi lại suốt hơn hai mươi năm.",
    "Cây cầu dài 36 mét, rộng 3,5 mét, được xây dựng trong bốn tháng với tổng kinh phí hơn 2,1 tỉ đồng, "
    "trong đó người dân đóng góp ngày công và hiến gần 200 mét vuông đất.",
    "Ông Trần Văn Hưng, 67 tuổi, ở ấp Mỹ Thạnh cho biết từ nay các cháu đi học không còn phải lội bùn "
    "vào mùa nước nổi.",
]
_OTHER = ["Xem thêm: Giá lúa tăng nhẹ", "Tin cùng chuyên mục: Hội thi tiếng hát", "Đọc nhiều nhất"]


def _page(body_html: str) -> tuple[lxml.html.HtmlElement, lxml.html.HtmlElement]:
    doc = lxml.html.document_fromstring(
        f"<html><body><h1>Khánh thành cầu kênh Ba Răng</h1>\n{body_html}</body></html>"
    )
    return doc, doc.find(".//h1")


def test_bodies_that_agree_keep_the_declared_one() -> None:
    doc, h1 = _page("<div id='c'>" + "".join(f"<p>{p}</p>" for p in _STORY) + "</div>")
    declared = BodyCandidate(list(_STORY), "family", doc.get_element_by_id("c"))
    generic = BodyCandidate(_STORY[:2], "generic", doc.get_element_by_id("c"))
    choice = choose_body(declared, generic, h1=h1)
    assert choice.body is declared and choice.declared == "agreed"
    assert choice.overlap is not None and choice.overlap > 0.5


def test_a_declared_body_holding_a_link_box_loses_to_the_generic_story() -> None:
    doc, h1 = _page(
        "<div class='related'>" + "".join(f"<a href='/x{i}'>{t}</a>" for i, t in enumerate(_OTHER)) + "</div>"
        "<div id='story'>" + "".join(f"<p>{p}</p>" for p in _STORY) + "</div>"
    )
    related = doc.find_class("related")[0]
    declared = BodyCandidate(list(_OTHER), "family", related)
    generic = BodyCandidate(list(_STORY), "generic", doc.get_element_by_id("story"))
    choice = choose_body(declared, generic, h1=h1)
    assert choice.body is generic and choice.declared == "overruled"


def test_a_short_declared_body_is_not_overruled_by_menus_and_related_titles() -> None:
    doc, h1 = _page(
        "<ul class='menu'><li>Trang chủ</li><li>Thời sự</li></ul>"
        "<div id='c'><p>Xem chi tiết.</p></div>"
        "<div class='tin'>"
        + "".join(f"<p><a href='/x{i}'>{t}</a></p>" for i, t in enumerate(_STORY))
        + "</div>"
    )
    declared = BodyCandidate(["Xem chi tiết."], "family", doc.get_element_by_id("c"))
    generic = BodyCandidate(["Trang chủ", "Thời sự", "Xem chi tiết.", *_STORY], "generic", None)
    links = frozenset(p.casefold() for p in _STORY)
    choice = choose_body(declared, generic, h1=h1, links=links)
    assert choice.body is declared and choice.declared == "agreed"
    # Without knowing those lines are links, the related titles would pass for prose and win.
    assert choose_body(declared, generic, h1=h1).body is generic


def test_a_missing_declared_body_falls_to_the_generic_one() -> None:
    generic = BodyCandidate(list(_STORY), "generic")
    choice = choose_body(BodyCandidate([], "family"), generic, h1=None)
    assert choice.body is generic and choice.declared == "missed"


def test_header_blocks_at_the_head_of_the_body_are_not_body() -> None:
    paragraphs = [
        "Thời sự",
        "Khánh thành cầu kênh Ba Răng",
        "Nguyễn Thị Mai - Thứ bảy, 07/03/2026 - 08:07",
        "Cây cầu mới nối hai ấp.",
        *_STORY,
    ]
    kept = drop_header_blocks(
        paragraphs,
        lead=None,
        repeats=("Khánh thành cầu kênh Ba Răng", "Cây cầu mới nối hai ấp.", "Thời sự"),
        datelines=["Thứ bảy, 07/03/2026 - 08:07"],
    )
    assert kept == _STORY


def test_everything_before_the_repeated_lead_is_header() -> None:
    paragraphs = [
        "Nghệ An:",
        "Khánh thành cầu",
        "- Giọng Nam miền Bắc",
        "(ABO) - Cây cầu mới nối hai ấp.",
        *_STORY,
    ]
    kept = drop_header_blocks(paragraphs, lead="Cây cầu mới nối hai ấp.", repeats=(), datelines=())
    assert kept == _STORY


def test_a_lead_repeated_deep_in_the_story_is_not_a_header() -> None:
    paragraphs = [*_STORY, *_STORY, *_STORY, "Cây cầu mới nối hai ấp.", *_STORY]
    assert (
        drop_header_blocks(paragraphs, lead="Cây cầu mới nối hai ấp.", repeats=(), datelines=()) == paragraphs
    )


def test_a_story_paragraph_mentioning_a_date_stays() -> None:
    long_with_date = _STORY[0] + " Công trình khởi công ngày 07/03/2026 - 08:07 theo lịch của huyện."
    kept = drop_header_blocks(
        [long_with_date, *_STORY[1:]], lead=None, repeats=(), datelines=["07/03/2026 - 08:07"]
    )
    assert kept[0] == long_with_date


def test_declared_outcomes() -> None:
    assert declared_outcome(None, "Khánh thành cầu") == "missed"
    assert declared_outcome("Khánh thành cầu", "khánh thành cầu") == "agreed"
    assert declared_outcome("Giá lúa tăng", "Khánh thành cầu") == "overruled"
    assert declared_outcome(["Mai", "Lan"], ["lan", "mai"]) == "agreed"


# ------------------------------------------------------------------------------------- the seed's page

_SEED = Path(__file__).parent / "fixtures" / "baoapbac" / "seed-2021-03-24.html"
_SEED_URL = "https://baoapbac.vn/chinh-tri/202103/doi-moi-phuong-thuc-lanh-dao-nang-cao-nang-luc-cua-co-so-dang-1006817/"


@pytest.mark.parametrize("bad", ['"N/A"', "1616575000", '"2021-03-01"', '"24/03/2031 15:35"'])
def test_on_the_seeds_page_a_bad_json_ld_date_loses_to_the_printed_1535(bad: str) -> None:
    script = f'<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": {bad}}}</script>'
    html = _SEED.read_text(encoding="utf-8").replace("</head>", script + "</head>", 1)
    article = process_page(
        _SEED_URL, html, get_site("baoapbac"), fetched_at=datetime(2021, 3, 25, tzinfo=VN_TZ)
    )
    assert isinstance(article, Article), article
    assert article.published_at == "2021-03-24T15:35:00+07:00"
    assert article.published_at_raw == "Thứ Tư, 24/03/2021, 15:35 (GMT+7)"
    assert article.date_source == "dateline"
    assert article.field_sources["published_at"] == "family"
    assert article.date_note and "json-ld datePublished" in article.date_note
