"""crawler.extract: the seed page, layers and templates, cleanup rules, structured data, decoding."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from crawler.extract import decode_html, extract_article, extract_with_timings, parse_document
from crawler.extract.cleanup import (
    choose_title,
    clean_author_names,
    clean_paragraphs,
    is_lone_punctuation,
    parse_author_line,
    read_body,
    split_source_tag,
    strip_title_suffix,
    vietnamese_title_case,
)
from crawler.extract.structured import StructuredData, load_json_ld, read_structured, salvage_json_ld
from crawler.sites import get_site
from crawler.sites.families import FAMILY_B
from crawler.sites.model import Selectors, Site

FIXTURES = Path(__file__).parent / "fixtures"
SEED_URL = "https://baoapbac.vn/chinh-tri/202103/doi-moi-phuong-thuc-lanh-dao-nang-cao-nang-luc-cua-co-so-dang-1006817/"


def _page(body: str, head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"
    )


def _el(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(html, create_parent="div")


# ------------------------------------------------------------------------------------------- the seed page


def test_seed_page_of_ap_bac() -> None:
    """The page the project started from (shared/seed/baoapbac-2021-03-24.txt), family B's newest template."""
    html = (FIXTURES / "baoapbac" / "seed-2021-03-24.html").read_bytes()
    result = extract_article(SEED_URL, html, get_site("baoapbac"))

    assert result.title == "Đổi mới phương thức lãnh đạo, nâng cao năng lực của cơ sở Đảng"
    assert result.published_raw == "Thứ Tư, 24/03/2021, 15:35 (GMT+7)"
    assert result.source_tag == "ABO"
    assert result.lead is not None and result.lead.startswith("Đó là một trong những chỉ đạo")
    assert result.authors == ["Hoài Thu"]
    assert result.template == "2019-06-01"

    body = result.body_text or ""
    assert body.startswith("Theo đánh giá của Đảng ủy khối, năm 2020")
    assert body.endswith("trong công tác tổ chức xây dựng Đảng trong thời gian qua.")
    assert "HOÀI THU" not in body and "(ABO)" not in body
    assert "\n\n.\n\n" not in body and not body.endswith(".\n\n.")
    captions = [i.caption for i in result.images]
    assert captions == [
        "Đồng chí Thái Ngọc Bảo Trâm, Bí thư Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh Tiền Giang trao "
        "Giấy khen cho các tập thể, cá nhân tại hội nghị.",
        "Lãnh đạo Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh Tiền Giang trao Giấy khen cho các tập thể, "
        "cá nhân tại hội nghị.",
        "Đồng chí Thái Ngọc Bảo Trâm phát biểu tại hội nghị",
    ]
    for caption in captions:
        assert caption and caption not in body
    assert "Lãnh đạo Đảng ủy Khối cơ quan và doanh nghiệp tỉnh" not in body  # alt text
    assert [i.url for i in result.images] == [
        "https://baoapbac.vn/uploads/2021/03/24/dang-uy-khoi-1.jpg",
        "https://baoapbac.vn/uploads/2021/03/24/dang-uy-khoi-2.jpg",  # data-src, not the blank.gif src
        "https://baoapbac.vn/uploads/2021/03/24/dang-uy-khoi-3.jpg",
    ]
    assert result.sources["title"] == "structured"  # og:title minus " - Báo Ấp Bắc", equal to the h1
    assert result.sources["published_raw"] == "family"
    assert result.sources["body_text"] == "family"


def test_seed_page_body_matches_the_seed_text() -> None:
    seed = Path(__file__).resolve().parents[2] / "shared" / "seed" / "baoapbac-2021-03-24.txt"
    if not seed.exists():
        pytest.skip("shared/seed is not beside the work tree")
    lines = [line.strip() for line in seed.read_text(encoding="utf-8").splitlines()]
    html = (FIXTURES / "baoapbac" / "seed-2021-03-24.html").read_bytes()
    body = extract_article(SEED_URL, html, get_site("baoapbac")).body_text or ""
    paragraphs = body.split("\n\n")
    # Every body paragraph is a line of the seed, in the seed's order.
    positions = [lines.index(p) for p in paragraphs]
    assert positions == sorted(positions)
    assert len(paragraphs) == 7


# --------------------------------------------------------------------------------------- layers, templates


def test_older_template_is_chosen_for_a_2018_page() -> None:
    html = (FIXTURES / "baoapbac" / "update-2018-10-07.html").read_bytes()
    result = extract_article("https://baoapbac.vn/kinh-te/201810/x-1001250/", html, get_site("baoapbac"))
    assert result.template == "base"
    assert result.published_raw == "Cập nhật: 20:45, 07/10/2018 (GMT+7)"
    assert result.authors == ["Thanh Hà"]
    assert result.source_tag == "ABO"


def test_site_overrides_count_as_site_layer() -> None:
    site = Site(
        key="testsite",
        name="Báo Thử",
        domains=("baothu.vn",),
        province="Tiền Giang",
        family=FAMILY_B,
        selectors=Selectors(body=("div.noi-dung",), dateline=("p.ngay",)),
    )
    html = _page(
        "<h1 class='post-title'>Tiêu đề bài</h1><p class='ngay'>10:00, 01/02/2024</p>"
        "<div class='post-sapo'>Sapo bài viết.</div>"
        "<div class='noi-dung'><p>Đoạn một của bài.</p><p>Đoạn hai của bài.</p></div>"
    )
    result = extract_article("https://baothu.vn/xa-hoi/202402/tieu-de-1234/", html, site)
    assert result.sources["body_text"] == "site"
    assert result.sources["published_raw"] == "site"
    assert result.sources["title"] == "family"
    assert result.sources["lead"] == "family"
    assert result.body_text == "Đoạn một của bài.\n\nĐoạn hai của bài."
    assert result.declared["body_text"] == "agreed" and result.declared["published_at"] == "agreed"


def test_the_generic_body_is_always_proposed_and_the_agreeing_declared_body_kept() -> None:
    html = (FIXTURES / "tuoitre" / "xe-buyt-dien-2026-07-16.html").read_bytes()
    url = "https://tuoitre.vn/x-100260716200512345.htm"
    family, family_timings = extract_with_timings(url, html, get_site("tuoitre"))
    generic, generic_timings = extract_with_timings(url, html, None)
    assert family_timings.generic > 0 and generic_timings.generic > 0
    assert family.declared["body_text"] == "agreed"
    assert family.sources["body_text"] == "family" and generic.sources["body_text"] == "generic"
    assert generic.template is None
    # Both see the same article text.
    assert generic.body_text is not None and "Sau 6 tháng thí điểm" in generic.body_text
    assert generic.title == family.title


def test_unknown_markup_falls_back_to_generic_with_a_site() -> None:
    html = (FIXTURES / "generic" / "cong-ttdt-huyen-2025-09-12.html").read_bytes()
    result = extract_article("https://baoapbac.vn/xa-hoi/202509/x-1009999/", html, get_site("baoapbac"))
    assert result.sources["body_text"] == "generic"
    assert result.authors == ["Phương Nam"]


def test_empty_and_unparseable_pages() -> None:
    assert extract_article("https://x.vn/a", "").title is None
    assert extract_article("https://x.vn/a", b"   ").body_text is None
    assert parse_document("") is None


# -------------------------------------------------------------------------------------------- decoding


def test_legacy_encoding_is_sniffed_and_composed() -> None:
    data = (FIXTURES / "baoapbac" / "update-2018-10-07.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = decode_html(data)
    assert "Khai m" in text and unicodedata.normalize("NFC", text) != text  # cp1258 writes tone marks apart
    result = extract_article("https://baoapbac.vn/kinh-te/201810/x-1001250/", data, get_site("baoapbac"))
    assert result.title == "Khai mạc Hội chợ Nông nghiệp - Thương mại Tiền Giang năm 2018"


def test_given_encoding_and_mislabelled_utf8() -> None:
    page = _page("<h1>Tiền Giang</h1><div><p>Nội dung bài viết về Tiền Giang đủ dài.</p></div>")
    assert (
        extract_article("https://x.vn/a", page.encode("utf-8"), encoding="iso-8859-1").title == "Tiền Giang"
    )
    utf16 = page.encode("utf-16")
    assert extract_article("https://x.vn/a", utf16).title == "Tiền Giang"


def test_several_html_roots_are_merged() -> None:
    html = (
        "<html><head><title>Chờ</title></head><body><p>Đang tải</p></body></html>"
        "<html lang='vi'><body><h1>Bài thật</h1><div id='x'><p>Nội dung.</p></div></body></html>"
    )
    doc = parse_document(html)
    assert doc is not None
    assert doc.xpath("string(//h1)") == "Bài thật"
    assert len(doc.xpath("//body")) == 1


# --------------------------------------------------------------------------------------------- cleanup


@pytest.mark.parametrize(
    ("text", "tag", "rest"),
    [
        ("(ABO) Đó là một trong những chỉ đạo", "ABO", "Đó là một trong những chỉ đạo"),
        ("(ABO) - Tối 7-10, tại Quảng trường", "ABO", "Tối 7-10, tại Quảng trường"),
        ("(BĐT) Sáng nay", "BĐT", "Sáng nay"),
        ("(HNM) – Chiều 5/3", "HNM", "Chiều 5/3"),
        ("(TTXVN) Ngày 1/6", "TTXVN", "Ngày 1/6"),
        ("ĐTO - Sáng 12/8", "ĐTO", "Sáng 12/8"),
        ("TTO - Từ ngày 1-8", "TTO", "Từ ngày 1-8"),
        ("COVID-19 vẫn diễn biến", None, "COVID-19 vẫn diễn biến"),
        ("HÀ NỘI - Sáng nay", None, "HÀ NỘI - Sáng nay"),
        ("(Ảnh minh họa) Người dân", None, "(Ảnh minh họa) Người dân"),
        ("(ABCDEFGHI) quá dài", None, "(ABCDEFGHI) quá dài"),
        ("(ABO)", None, "(ABO)"),
    ],
)
def test_split_source_tag(text: str, tag: str | None, rest: str) -> None:
    assert split_source_tag(text) == (tag, rest)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("HOÀI THU", ["Hoài Thu"]),
        ("NGỌC ANH - MINH TRÍ", ["Ngọc Anh", "Minh Trí"]),
        ("Bài, ảnh: THANH HÀ", ["Thanh Hà"]),
        ("Bài và ảnh: NGUYỄN VĂN AN và TRẦN THỊ BÌNH", ["Nguyễn Văn An", "Trần Thị Bình"]),
        ("Tin, ảnh: ĐẶNG VĂN ĐỨC", ["Đặng Văn Đức"]),
        ("Ảnh: LÊ HOÀNG, PHAN TRÍ", []),  # a photo credit: no text, no author (tests/test_authors.py)
        ("Bài, ảnh: Thu Hường", ["Thu Hường"]),
        ("PV", []),
        ("Nhóm PV", []),
        ("Theo TTXVN", []),
        ("(Theo Dân trí)", []),
        ("TP", ["TP"]),
        ("HOÀI THU (tổng hợp)", ["Hoài Thu"]),
        ("Dịp này, Ban Thường vụ khen thưởng nhiều tập thể.", None),
        ("Hội chợ diễn ra đến hết ngày 13-10.", None),
        ("Theo kế hoạch", None),
        ("HẾT", None),
        ("Xem thêm:", None),
        ("Tin liên quan", None),
    ],
)
def test_parse_author_line(line: str, authors: list[str] | None) -> None:
    assert parse_author_line(line) == authors


def test_clean_paragraphs_takes_out_the_author_line_and_punctuation() -> None:
    paragraphs = ["(ABO) Sapo.", "Đoạn một.", ".", "…", "Đoạn hai.", "HOÀI THU", ".", "."]
    clean = clean_paragraphs(paragraphs, lead="(ABO) Sapo.")
    assert clean.paragraphs == ["Đoạn một.", "Đoạn hai."]
    assert clean.authors == ["Hoài Thu"]


def test_clean_paragraphs_credit_line_is_no_author() -> None:
    clean = clean_paragraphs(["Đoạn một.", "Đoạn hai.", "Theo TTXVN"])
    assert clean.paragraphs == ["Đoạn một.", "Đoạn hai."]
    assert clean.authors == []


def test_single_paragraph_body_keeps_its_only_line() -> None:
    assert clean_paragraphs(["HOÀI THU"]).paragraphs == ["HOÀI THU"]


@pytest.mark.parametrize("p", [".", "…", "...", "***", " - ", "•"])
def test_lone_punctuation(p: str) -> None:
    assert is_lone_punctuation(p)


@pytest.mark.parametrize("p", ["A.", "1.", "Đ", "(Còn nữa)"])
def test_not_lone_punctuation(p: str) -> None:
    assert not is_lone_punctuation(p)


@pytest.mark.parametrize(
    ("title", "h1", "site_names", "expected"),
    [
        ("Đổi mới phương thức - Báo Ấp Bắc", None, (), "Đổi mới phương thức"),
        (
            "Bị điều tra, đường dây tìm cách tác động | Tuổi Trẻ Online",
            None,
            (),
            "Bị điều tra, đường dây tìm cách tác động",
        ),
        ("Tin A - VnExpress", None, (), "Tin A"),
        ("Chợ đêm mở cửa - Sài Gòn Giải Phóng", None, ("Sài Gòn Giải Phóng",), "Chợ đêm mở cửa"),
        ("Chợ đêm mở cửa - SGGP", "Chợ đêm mở cửa", (), "Chợ đêm mở cửa"),
        ("Hà Nội - Hải Phòng: thêm chuyến tàu", None, (), "Hà Nội - Hải Phòng: thêm chuyến tàu"),
        # The page's h1 plus " - " and more is taken as h1 + suffix: the h1 wins.
        ("Hà Nội - Hải Phòng", "Hà Nội", (), "Hà Nội"),
        ("Mưa lớn | Báo Đồng Nai điện tử", None, (), "Mưa lớn"),
        ("  Tiêu\u00a0đề  ", None, (), "Tiêu đề"),
    ],
)
def test_strip_title_suffix(title: str, h1: str | None, site_names: tuple[str, ...], expected: str) -> None:
    assert strip_title_suffix(title, h1=h1, site_names=site_names) == expected


def test_choose_title_prefers_the_visible_headline() -> None:
    declared = ["Phục hồi điều tra vụ án TNGT", "Phục hồi điều tra vụ tai nạn giao thông | VietNamNet"]
    assert choose_title(declared, h1="Phục hồi điều tra vụ tai nạn giao thông") == (
        "Phục hồi điều tra vụ tai nạn giao thông"
    )
    assert choose_title(declared, h1="Tiêu đề khác hẳn") == "Phục hồi điều tra vụ án TNGT"
    assert choose_title(declared) == "Phục hồi điều tra vụ án TNGT"


def test_related_article_thumbnails_are_not_article_images() -> None:
    body = _el(
        "<p>Đoạn một.</p>"
        "<a href='/anh-lon.jpg'><img src='/anh-nho.jpg'></a>"
        "<article class='insert'><a href='/bai-khac-123.html'><img src='/thumb.jpg'></a>"
        "<div><a href='/bai-khac-123.html'>Bài liên quan</a></div></article>"
    )
    content = read_body(body, "https://x.vn/bai.html")
    assert [i.url for i in content.images] == ["https://x.vn/anh-nho.jpg"]


def test_read_body_captions_alt_and_drops() -> None:
    body = _el(
        "<p>Đoạn một.</p>"
        "<figure><img src='/a.jpg' alt='ALT KHÔNG LẤY'><figcaption>Chú thích A.</figcaption></figure>"
        "<table class='image'><tr><td><img data-original='/b.jpg' src='data:image/gif;base64,R0l'></td></tr>"
        "<tr><td class='image-caption'>Chú thích B.</td></tr></table>"
        "<p><img src='https://cdn.vn/c.jpg'></p><p class='img-caption'>Chú thích C.</p>"
        "<div class='related'>Tin liên quan XYZ</div>"
        "<script>var a = 'KHÔNG';</script><style>p{}</style>"
        "<p>Đoạn<br>hai.</p><ul><li>Ý một</li><li>Ý hai</li></ul><blockquote>Trích dẫn.</blockquote>"
        "<h2>Tiêu đề phụ</h2><p> </p>"
    )
    content = read_body(
        body, "https://baoapbac.vn/x/", drop=("div.related",), captions=("td.image-caption", "p.img-caption")
    )
    assert content.paragraphs == ["Đoạn một.", "Đoạn", "hai.", "Ý một", "Ý hai", "Trích dẫn.", "Tiêu đề phụ"]
    assert [(i.url, i.caption) for i in content.images] == [
        ("https://baoapbac.vn/a.jpg", "Chú thích A."),
        ("https://baoapbac.vn/b.jpg", "Chú thích B."),
        ("https://cdn.vn/c.jpg", "Chú thích C."),
    ]
    # The element itself is left as it was.
    assert "Tin liên quan XYZ" in body.text_content()


def test_clean_author_names_from_structured_data() -> None:
    names = clean_author_names(
        ["ĐAN THUẦN", "Báo Nhân Dân điện tử", "Nguyễn Văn A - Trần Thị B"], exclude=["Báo Nhân Dân điện tử"]
    )
    assert names == ["Đan Thuần", "Nguyễn Văn A", "Trần Thị B"]
    assert clean_author_names(["Theo TTXVN"]) == []


# ---------------------------------------------------------------------------------- Vietnamese names


SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLE = ["Văn", "Thị", "Ngọc", "Minh", "Thanh", "Hoài", "Đức", "Quốc", "Bảo"]
GIVEN = ["Thu", "Anh", "Trí", "Hà", "Tâm", "Hùng", "Đức", "Trâm", "Hường", "Khang", "Ưng", "Ơn", "Ý"]
names = st.builds(
    lambda parts: " ".join(parts),
    st.tuples(st.sampled_from(SURNAMES), st.sampled_from(MIDDLE), st.sampled_from(GIVEN))
    | st.tuples(st.sampled_from(MIDDLE), st.sampled_from(GIVEN)),
)


@given(names)
def test_title_case_of_capitals_restores_the_name(name: str) -> None:
    assert vietnamese_title_case(name.upper()) == name
    assert vietnamese_title_case(unicodedata.normalize("NFD", name.upper())) == name
    assert vietnamese_title_case(vietnamese_title_case(name)) == vietnamese_title_case(name)


@given(
    st.lists(names, min_size=1, max_size=3, unique=True),
    st.sampled_from(["", "Bài, ảnh: ", "Bài: ", "Tin, ảnh: ", "Bài và ảnh: "]),
    st.sampled_from([" - ", ", ", " và ", " – "]),
    st.booleans(),
)
def test_author_lines_in_capitals_and_any_normal_form(
    authors: list[str], prefix: str, separator: str, nfd: bool
) -> None:
    line = prefix + separator.join(a.upper() for a in authors)
    if nfd:
        line = unicodedata.normalize("NFD", line)
    assert parse_author_line(line) == authors


# ----------------------------------------------------------------------------------------- structured


@pytest.mark.parametrize(
    "text",
    [
        '{"@type": "NewsArticle", "headline": "Tiêu đề", }',
        '<!-- {"@type": "NewsArticle", "headline": "Tiêu đề"} -->',
        '{"@type": "NewsArticle", "headline": "Tiêu\nđề"}',
        '{"@type": "Organization", "name": "Báo"}{"@type": "NewsArticle", "headline": "Tiêu đề"}',
        '[{"@type": "NewsArticle", "headline": "Tiêu đề",},];',
    ],
)
def test_load_json_ld_tolerates_broken_json(text: str) -> None:
    values = load_json_ld(text)
    flat = [v for value in values for v in (value if isinstance(value, list) else [value])]
    assert any(isinstance(v, dict) and v.get("@type") == "NewsArticle" for v in flat)


def test_salvage_json_ld_with_raw_quotes() -> None:
    text = (
        '{"@type": "NewsArticle", "headline": "Cầu "vượt sông" mới", '
        '"datePublished": "2025-09-03T07:30:00+07:00", "author": {"@type": "Person", "name": "AN BÌNH"}}'
    )
    assert load_json_ld(text) == []
    found = salvage_json_ld(text)
    assert found is not None
    assert found["headline"] == 'Cầu "vượt sông" mới'
    assert found["datePublished"] == "2025-09-03T07:30:00+07:00"
    assert found["author"] == {"name": "AN BÌNH"}
    assert salvage_json_ld('{"@type": "WebSite", "name": "x" "y"}') is None


def _structured(head: str, body: str = "", url: str = "https://x.vn/bai-viet-1.html") -> StructuredData:
    doc = parse_document(_page(body, head))
    assert doc is not None
    return read_structured(doc, url)


def test_structured_graph_mainentity_and_entities() -> None:
    data = _structured(
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"WebPage","mainEntity":'
        '{"@type":"ReportageNewsArticle","headline":"Th&#237; điểm",'
        '"datePublished":"2025-01-02T03:04:05+07:00",'
        '"author":[{"@type":"Organization","name":"Báo X"},{"@type":"Person","name":"MINH KHANG"}],'
        '"keywords":"xe buýt, sân bay","articleSection":["Thời sự","Giao thông"]}}</script>'
    )
    assert data.title == "Thí điểm"
    assert data.published == "2025-01-02T03:04:05+07:00"
    assert data.authors == ["MINH KHANG"]
    assert data.tags == ["xe buýt", "sân bay"]
    assert data.section == "Thời sự"


def test_structured_meta_time_canonical_language() -> None:
    data = _structured(
        '<meta property="og:title" content="Tiêu đề - Báo X"><meta property="og:locale" content="vi_VN">'
        '<meta property="article:tag" content="a"><meta property="article:tag" content="b, c">'
        '<link rel="canonical" href="https://x.vn/">',
        '<footer><time datetime="2020-01-01">cũ</time></footer>'
        '<header><time datetime="2025-05-05T08:00">mới</time></header>',
    )
    assert data.title == "Tiêu đề - Báo X"
    assert data.tags == ["a", "b", "c"]
    assert data.published == "2025-05-05T08:00"
    assert data.canonical is None  # a home-page canonical on an article
    assert data.language == "vi"


def test_article_page_without_structured_data_uses_h1_and_meta_description() -> None:
    html = _page(
        "<h1>Tiêu đề trang</h1><div class='bai'><p>"
        + " ".join(["Nội dung bài viết dài về nông nghiệp Tiền Giang."] * 12)
        + "</p><p>"
        + " ".join(["Đoạn thứ hai của bài viết về kinh tế địa phương."] * 12)
        + "</p></div>",
        "<title>Tiêu đề trang | Cổng thông tin điện tử tỉnh</title>"
        "<meta name='description' content='Mô tả.'>",
    )
    result = extract_article("https://x.gov.vn/tin/1", html)
    assert result.title == "Tiêu đề trang" and result.sources["title"] == "generic"
    assert result.lead == "Mô tả." and result.sources["lead"] == "generic"
    assert result.body_text is not None and result.body_text.startswith("Nội dung bài viết dài")
