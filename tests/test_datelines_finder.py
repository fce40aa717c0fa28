"""crawler.extract.datelines: printed datelines found in small Vietnamese pages of our own text."""

from __future__ import annotations

import time
import unicodedata
from datetime import datetime

import lxml.html
import pytest
from lxml.html import HtmlElement

from crawler.dates import VN_TZ, ParsedDate, parse_date
from crawler.dates import parser as parser_module
from crawler.extract import datelines as datelines_module
from crawler.extract import parse_document
from crawler.extract.datelines import PrintedDate, find_printed_dates, find_title

FETCH = datetime(2026, 3, 9, 12, 0, tzinfo=VN_TZ)

BODY = (
    "<p>Sau nhiều tháng thi công, cây cầu bắc qua nhánh sông chính đã hợp long, rút ngắn quãng đường từ xã ra"
    " trung tâm huyện còn chưa đầy mười phút đi xe máy cho hàng nghìn hộ dân hai bên bờ.</p>"
    "<p>Thứ Sáu, 06/03/2026 - 14:00 là giờ các kỹ sư chọn để nối nhịp giữa, theo lời ban quản lý dự án, vì khi"
    " đó nước ròng và gió nhẹ, thuận lợi cho cần cẩu nổi làm việc suốt buổi chiều.</p>"
    "<p>Ngày 05/03/2026 lúc 09:00, đoàn nghiệm thu kiểm tra lần cuối mặt cầu, hệ thống đèn và lan can.</p>"
)
RELATED = (
    '<div class="box-related"><h3>Tin liên quan</h3><ul>'
    '<li><a href="/a-1.html">Khởi công đường ven sông</a> <span class="time">04/03/2026 10:15</span></li>'
    '<li><a href="/a-2.html">Chợ nổi vào mùa</a> <span class="time">03/03/2026 16:40</span></li>'
    "</ul></div>"
)
MOST_READ = (
    '<div class="sidebar"><div class="most-read"><h3>Đọc nhiều</h3>'
    '<div class="item"><a href="/b-1.html">Giá lúa tăng</a><div class="date">Thứ Hai, 02/03/2026 - 07:30</div></div>'
    '<div class="item"><a href="/b-2.html">Mưa trái mùa</a><div class="date">01/03/2026 18:05</div></div>'
    "</div></div>"
)
TOP_BAR = (
    '<div class="top-bar"><span class="today">Thứ Hai, 09/03/2026</span><a href="/lien-he">Liên hệ</a></div>'
)
FOOTER = "<footer><p>Bản quyền thuộc về tòa soạn. Cập nhật lần cuối 01/01/2026 00:00</p></footer>"


def page(header: str, *, title: str = "Cây cầu mới nối đôi bờ sông Tiền đã hợp long") -> HtmlElement:
    """A page with a top bar, a menu, the article (header, body, related box), a sidebar and a footer."""
    html = (
        f'<html><body>{TOP_BAR}<nav><a href="/">Trang chủ</a> <a href="/xa-hoi">Xã hội</a></nav>'
        f'<div class="container"><div class="col-main"><div class="detail">'
        f'<div class="breadcrumb"><a href="/xa-hoi">Xã hội</a></div>'
        f"<h1>{title}</h1>{header}"
        f'<div class="detail-sapo">Người dân hai xã ven sông sắp có đường đi mới sau hai năm chờ đợi.</div>'
        f'<div class="detail-content">{BODY}</div>{RELATED}</div></div>'
        f'<div class="col-right">{MOST_READ}</div></div>{FOOTER}</body></html>'
    )
    doc = parse_document(html)
    assert doc is not None
    return doc


def found(doc: HtmlElement) -> list[PrintedDate]:
    return find_printed_dates(doc, relative_to=FETCH)


def values(dates: list[PrintedDate]) -> list[str | None]:
    return [d.parsed.isoformat() for d in dates]


# Dates the page prints outside the article header: none may ever be reported.
NOT_DATELINES = {
    "2026-03-06T14:00:00+07:00",  # body
    "2026-03-05T09:00:00+07:00",  # body
    "2026-03-04T10:15:00+07:00",  # related
    "2026-03-03T16:40:00+07:00",  # related
    "2026-03-02T07:30:00+07:00",  # most read
    "2026-03-01T18:05:00+07:00",  # most read
    "2026-01-01T00:00:00+07:00",  # footer
}


def assert_only_the_header(dates: list[PrintedDate]) -> None:
    assert not NOT_DATELINES & set(values(dates)), values(dates)


# --- the shapes from the issue --------------------------------------------------------------------------


def test_span_post_time_after_an_author() -> None:
    doc = page(
        '<div class="detail-meta"><span class="author">Nguyễn Văn A</span>'
        '<span class="post-time">- 07/03/2026 08:47</span></div>'
    )
    dates = found(doc)
    first = dates[0]
    assert (first.text, first.parsed.isoformat()) == ("07/03/2026 08:47", "2026-03-07T08:47:00+07:00")
    assert (first.where, first.in_header, first.kind) == ("class", True, "published")  # post-time: posted
    assert first.element.get("class") == "post-time"
    assert first.parsed.precision == "minute"
    assert_only_the_header(dates)


def test_span_pubdate_with_the_date_first() -> None:
    doc = page('<div class="info"><span class="pubdate">08/01/2026 - 18:21</span><span>Kinh tế</span></div>')
    first = found(doc)[0]
    assert (first.text, first.parsed.isoformat()) == ("08/01/2026 - 18:21", "2026-01-08T18:21:00+07:00")
    assert (first.where, first.kind, first.element.get("class")) == ("class", "published", "pubdate")
    assert_only_the_header(found(doc))


def test_weekday_dateline_in_a_div_without_class_beside_the_h1() -> None:
    doc = page("<div>Thứ bảy, 07/03/2026 - 08:07 | Chính trị</div>")
    dates = found(doc)
    assert [(d.text, d.where, d.in_header) for d in dates] == [
        ("Thứ bảy, 07/03/2026 - 08:07", "near-title", True)
    ]
    assert dates[0].parsed.isoformat() == "2026-03-07T08:07:00+07:00"
    assert dates[0].element.tag == "div"


def test_author_and_time_line_without_class() -> None:
    doc = page("<p>Nguyễn Văn A - 07/03/2026 08:47</p>")
    assert [(d.text, d.where) for d in found(doc)] == [("07/03/2026 08:47", "near-title")]


def test_dateline_above_the_title() -> None:
    html = (
        '<html><body><nav><a href="/">Trang chủ</a></nav><div class="detail">'
        "<div><span>Thời sự</span> <span>Thứ Tư, 24/03/2021, 15:35 (GMT+7)</span></div>"
        "<h1>Hội nghị tổng kết công tác xây dựng Đảng năm 2020</h1>"
        f"<div>{BODY}</div></div></body></html>"
    )
    doc = lxml.html.document_fromstring(html)
    dates = find_printed_dates(doc, relative_to=FETCH)
    assert [(d.text, d.where, d.in_header) for d in dates] == [
        ("Thứ Tư, 24/03/2021, 15:35 (GMT+7)", "near-title", True)
    ]
    assert dates[0].parsed.isoformat() == "2021-03-24T15:35:00+07:00"
    assert dates[0].element.tag == "span"


def test_time_element_text_without_datetime_attribute() -> None:
    doc = page('<div class="byline"><time>07/03/2026 08:47</time></div>')
    first = found(doc)[0]
    assert (first.text, first.where, first.in_header, first.element.tag) == (
        "07/03/2026 08:47",
        "time",
        True,
        "time",
    )


def test_time_element_is_read_by_its_text_not_its_attribute() -> None:
    doc = page('<time datetime="2026-03-07">Thứ bảy, 07/03/2026 - 08:07</time>')
    assert values(found(doc)) == ["2026-03-07T08:07:00+07:00"]


# --- what is not a dateline ---------------------------------------------------------------------------


def test_related_box_sidebar_body_footer_and_masthead_dates_are_ignored() -> None:
    doc = page('<span class="post-time">07/03/2026 08:47</span>')
    dates = found(doc)
    assert values(dates) == ["2026-03-07T08:47:00+07:00"]
    # the boxes hold dates the finder would read if they were not excluded
    bare = parse_document(f"<html><body><h1>Tiêu đề đủ dài của bài</h1>{RELATED}{MOST_READ}</body></html>")
    assert bare is not None
    assert find_printed_dates(bare, relative_to=FETCH) == []


def test_a_page_without_a_dateline_gives_nothing() -> None:
    assert found(page("")) == []


def test_sidebar_most_read_list_by_tag_and_by_class() -> None:
    sidebar = (
        '<aside><ul><li><a href="/c">Tin A</a> <span class="date">02/03/2026 07:30</span></li></ul></aside>'
        '<div class="box-news most-read"><div class="date">01/03/2026 18:05</div></div>'
    )
    html = f'<html><body><div class="detail"><h1>Một tiêu đề khá dài</h1><span class="date">07/03/2026 08:47</span></div>{sidebar}</body></html>'
    doc = parse_document(html)
    assert doc is not None
    assert values(find_printed_dates(doc, relative_to=FETCH)) == ["2026-03-07T08:47:00+07:00"]


def test_a_date_in_a_body_sentence_next_to_the_title_is_not_a_dateline() -> None:
    doc = page("<p>Ngày 07/03/2026 lúc 08:00, đoàn công tác của tỉnh đã đến thăm công trình.</p>")
    assert found(doc) == []


def test_a_box_named_like_a_sidebar_that_holds_the_title_is_the_article() -> None:
    html = (
        '<html><body><div class="box-news-detail"><h1>Tiêu đề bài viết khá dài</h1>'
        '<span class="time">07/03/2026 08:47</span></div></body></html>'
    )
    doc = parse_document(html)
    assert doc is not None
    dates = find_printed_dates(doc, relative_to=FETCH)
    assert [(d.text, d.in_header) for d in dates] == [("07/03/2026 08:47", True)]


# --- text forms -----------------------------------------------------------------------------------------


def test_nfd_page() -> None:
    html = unicodedata.normalize(
        "NFD",
        "<html><body><div><h1>Bà con vùng lũ chuẩn bị vụ lúa mới</h1>"
        "<div>Cập nhật lúc: Thứ bảy, 07/03/2026 - 08:07</div></div></body></html>",
    )
    assert not unicodedata.is_normalized("NFC", html)
    doc = parse_document(html)
    assert doc is not None
    dates = find_printed_dates(doc, relative_to=FETCH)
    assert [(d.text, d.kind) for d in dates] == [("Thứ bảy, 07/03/2026 - 08:07", "modified")]
    assert unicodedata.is_normalized("NFC", dates[0].text)


def test_nbsp_spacing() -> None:
    doc = page('<div class="meta">Thứ&nbsp;bảy,&nbsp;07/03/2026&nbsp;-&nbsp;08:07</div>')
    first = found(doc)[0]
    assert (first.text, first.parsed.isoformat()) == (
        "Thứ bảy, 07/03/2026 - 08:07",
        "2026-03-07T08:07:00+07:00",
    )


def test_15h35_and_gmt() -> None:
    doc = page('<div class="date">Thứ Tư, 24/03/2021, 15h35 (GMT+7)</div>')
    assert [(d.text, d.parsed.isoformat()) for d in found(doc)] == [
        ("Thứ Tư, 24/03/2021, 15h35 (GMT+7)", "2021-03-24T15:35:00+07:00")
    ]


def test_sa_ch_markers() -> None:
    doc = page("<div>Đăng lúc 03:35 CH, 24/03/2021</div><div>Cập nhật lúc 09:10 SA, 25/03/2021</div>")
    dates = found(doc)
    assert [(d.parsed.isoformat(), d.kind) for d in dates] == [
        ("2021-03-24T15:35:00+07:00", "published"),
        ("2021-03-25T09:10:00+07:00", "modified"),
    ]


# --- labels and order -----------------------------------------------------------------------------------


def test_labels_in_one_line_published_first() -> None:
    doc = page('<div class="meta">Cập nhật: 15:35, 24/03/2021 (GMT+7) | Đăng lúc: 08:10, 24/03/2021</div>')
    dates = found(doc)
    assert [(d.text, d.kind) for d in dates] == [
        ("08:10, 24/03/2021", "published"),
        ("15:35, 24/03/2021 (GMT+7)", "modified"),
    ]


def test_label_in_the_previous_element() -> None:
    doc = page(
        '<div class="meta"><span class="lbl">Ngày đăng:</span> <span class="date">07/03/2026 08:47</span>'
        ' <span class="lbl">Cập nhật:</span> <span class="date">07/03/2026 10:05</span></div>'
    )
    assert [(d.parsed.isoformat(), d.kind, d.element.get("class")) for d in found(doc)] == [
        ("2026-03-07T08:47:00+07:00", "published", "date"),
        ("2026-03-07T10:05:00+07:00", "modified", "date"),
    ]


def test_kind_from_itemprop_when_unlabelled() -> None:
    doc = page(
        '<span itemprop="dateModified">07/03/2026 10:05</span> <span itemprop="datePublished">07/03/2026 08:47</span>'
    )
    assert [d.kind for d in found(doc)] == ["published", "modified"]


def test_order_header_first_then_clock_time_then_published() -> None:
    html = (
        '<html><body><div class="detail"><h1>Một tiêu đề bài viết khá dài</h1>'
        '<div class="date-updated">Cập nhật: 08/03/2026 09:00</div>'
        '<div class="date-day">07/03/2026</div>'
        '<div class="date-posted">Đăng: 07/03/2026 08:47</div>'
        f"<div>{BODY}{BODY}</div>"
        '<div class="article-end"><span class="time">06/03/2026 22:00</span></div>'
        "</div></body></html>"
    )
    doc = parse_document(html)
    assert doc is not None
    dates = find_printed_dates(doc, relative_to=FETCH)
    assert [(d.parsed.isoformat(), d.kind, d.in_header) for d in dates] == [
        ("2026-03-07T08:47:00+07:00", "published", True),
        ("2026-03-08T09:00:00+07:00", "modified", True),
        ("2026-03-07T00:00:00+07:00", "unknown", True),
        ("2026-03-06T22:00:00+07:00", "unknown", False),
    ]


def test_nested_date_names_report_one_dateline_held_by_the_innermost_element() -> None:
    doc = page(
        '<div class="article__meta"><span class="author">Trần Thị B</span>'
        '<span class="detail-time">Thứ bảy, 07/03/2026 - 08:07</span></div>'
    )
    dates = found(doc)
    assert [(d.text, d.element.get("class")) for d in dates] == [
        ("Thứ bảy, 07/03/2026 - 08:07", "detail-time")
    ]


def test_relative_form_in_a_time_element() -> None:
    doc = page("<time>3 giờ trước</time>")
    assert [(d.text, d.parsed.isoformat(), d.parsed.precision) for d in found(doc)] == [
        ("3 giờ trước", "2026-03-09T09:00:00+07:00", "hour")
    ]


def test_without_a_title_dates_are_found_but_none_is_in_the_header() -> None:
    html = '<html><body><div class="post"><span class="post-time">07/03/2026 08:47</span></div></body></html>'
    doc = parse_document(html)
    assert doc is not None
    dates = find_printed_dates(doc, relative_to=FETCH)
    assert [(d.text, d.in_header) for d in dates] == [("07/03/2026 08:47", False)]


def test_the_title_given_is_used() -> None:
    html = (
        '<html><body><h1><a href="/"><img src="/logo.png" alt="Báo Tỉnh"></a></h1>'
        '<div class="a"><h2 class="t">Tiêu đề</h2><div>07/03/2026 08:47</div></div></body></html>'
    )
    doc = parse_document(html)
    assert doc is not None
    assert find_title(doc) is None  # the logo's h1 has no text
    assert find_printed_dates(doc, relative_to=FETCH) == []  # no title, no class: nothing
    h2 = next(doc.iter("h2"))
    assert values(find_printed_dates(doc, title=h2, relative_to=FETCH)) == ["2026-03-07T08:47:00+07:00"]


def test_find_title_skips_a_logo_h1() -> None:
    html = "<html><body><h1><a href='/'>Báo</a></h1><div><h1>Cây cầu mới nối đôi bờ sông</h1></div></body></html>"
    doc = parse_document(html)
    assert doc is not None
    title = find_title(doc)
    assert title is not None and title.text_content() == "Cây cầu mới nối đôi bờ sông"


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("post-time", True),
        ("pubdate", True),
        ("ngay-dang", True),
        ("detail-time", True),
        ("article__meta", True),
        ("datePublished", True),
        ("publishDate", True),
        ("post-update", True),
        ("item date", True),
        ("template", False),
        ("timeline", False),
        ("metadata-box", False),
        ("sometimes", False),
        ("runtime-x", False),
    ],
)
def test_attribute_names_are_read_as_words(value: str, names: bool) -> None:
    el = lxml.html.fragment_fromstring(f'<span class="{value}">x</span>')
    assert datelines_module._names_a_date(el) is names


# --- cost -----------------------------------------------------------------------------------------------


def test_each_distinct_text_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def counting(text: str | None, *, relative_to: datetime | None = None) -> ParsedDate:
        calls.append(str(text))
        return parse_date(text, relative_to=relative_to)

    monkeypatch.setattr("crawler.extract.datelines.parse_date", counting)
    doc = page(
        '<div class="meta"><time>07/03/2026 08:47</time></div><div class="date">07/03/2026 08:47</div>'
        "<div>07/03/2026 08:47</div>"
    )
    assert values(find_printed_dates(doc, relative_to=FETCH))[0] == "2026-03-07T08:47:00+07:00"
    assert calls.count("07/03/2026 08:47") == 1


def test_work_is_bounded_on_a_page_of_many_dated_elements() -> None:
    items = "".join(f'<div class="time">{d % 28 + 1:02d}/02/2026 10:{d % 60:02d}</div>' for d in range(3000))
    doc = parse_document(f"<html><body><h1>Một tiêu đề bài viết khá dài</h1>{items}</body></html>")
    assert doc is not None
    start = time.perf_counter()
    dates = find_printed_dates(doc, relative_to=FETCH)
    elapsed = time.perf_counter() - start
    assert len(dates) <= datelines_module._MAX_READ + datelines_module._WINDOW_ELEMENTS
    assert elapsed < 0.5, elapsed


def test_parser_module_is_the_one_the_finder_calls() -> None:
    # the finder's dates are parse_date's readings, with their rule and precision
    doc = page('<span class="post-time">07/03/2026 08:47</span>')
    assert found(doc)[0].parsed == parser_module.parse_date("07/03/2026 08:47", relative_to=FETCH)
