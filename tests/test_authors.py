"""Author names as Vietnamese papers print them: capitals, initials, role labels and photo credits.

The bylines below are shaped like the closing lines of provincial papers (`HOÀI THU`, `Tin, ảnh: P.Y`,
`Bài và ảnh: THANH HÀ`, `Bài: X - Ảnh: Y`), in NFC and NFD, with non-breaking spaces.
"""

from __future__ import annotations

import unicodedata

import pytest

from crawler.extract.cleanup import (
    clean_author_names,
    clean_paragraphs,
    parse_author_line,
    split_author_names,
    vietnamese_title_case,
)

NBSP = "\u00a0"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("THANH HÀ", "Thanh Hà"),
        ("ĐẶNG VĂN ĐỨC", "Đặng Văn Đức"),
        ("P.Y", "P.Y"),
        ("T.H", "T.H"),
        ("N.V.A", "N.V.A"),
        ("N.V.ANH", "N.V.Anh"),
        ("Q.NGUYỄN", "Q.Nguyễn"),
        ("H'HEN NIÊ", "H'Hen Niê"),
        ("TRẦN P.Y", "Trần P.Y"),
        ("ƯNG Ý", "Ưng Ý"),
    ],
)
def test_title_case_keeps_initials(printed: str, name: str) -> None:
    assert vietnamese_title_case(printed) == name
    assert vietnamese_title_case(nfd(printed)) == name
    assert vietnamese_title_case(name) == name


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Tin, ảnh: P.Y", ["P.Y"]),
        (f"Tin, ảnh:{NBSP}P.Y", ["P.Y"]),
        ("Tin - ảnh: P.Y.", ["P.Y"]),
        ("Bài, ảnh: Q.NGUYỄN", ["Q.Nguyễn"]),
        ("Bài, ảnh: Q.Nguyễn", ["Q.Nguyễn"]),
        ("Ngọc Anh - P.Y", ["Ngọc Anh", "P.Y"]),
        ("NGỌC ANH - P.Y", ["Ngọc Anh", "P.Y"]),
        ("T.H - N.V.A", ["T.H", "N.V.A"]),
        ("Bài và ảnh: THANH HÀ", ["Thanh Hà"]),
        ("Bài, ảnh: HỮU CHÁNH (CTV)", ["Hữu Chánh"]),
        ("Tin, ảnh: Thanh Hà.", ["Thanh Hà"]),  # a labelled line may end with a full stop
        ("Thực hiện: NGỌC TRÂM - LÊ DUY", ["Ngọc Trâm", "Lê Duy"]),
        # Writers and photographers credited apart: the writer is the author.
        ("Bài: HOÀNG ANH - Ảnh: THANH TÙNG", ["Hoàng Anh"]),
        ("Bài: Hoàng Anh; ảnh: Thanh Tùng", ["Hoàng Anh"]),
        ("HOÀI THU - Ảnh: MINH TRÍ", ["Hoài Thu"]),
        # A photo or video credit alone is no text, and names no author.
        ("Ảnh: THANH HÀ", []),
        ("Ảnh: P.Y", []),
        ("Video: HỮU CHÍ", []),
        ("Ảnh: Internet", []),
        # Agencies and compilation marks are credits.
        ("MINH ĐỨC/TTXVN", ["Minh Đức"]),
        ("MINH ĐỨC (TTXVN)", ["Minh Đức"]),
        ("TTXVN", []),
        ("(ST)", []),
        ("(TH)", []),
        # Not author lines.
        ("Thông tin: Hội nghị tổng kết", None),
        ("Bài, ảnh:", None),
        ("Ảnh minh họa", None),
        ("Xã đạt chuẩn nông thôn mới.", None),
    ],
)
def test_author_lines(line: str, authors: list[str] | None) -> None:
    assert parse_author_line(line) == authors
    assert parse_author_line(nfd(line)) == authors


def test_bylines_from_structured_data_and_selectors_keep_initials() -> None:
    assert split_author_names("Tin, ảnh: P.Y") == ["P.Y"]
    assert clean_author_names(["P.Y", "THANH HÀ - P.Y", nfd("Q.NGUYỄN")]) == ["P.Y", "Thanh Hà", "Q.Nguyễn"]
    assert clean_author_names(["Bài: HOÀNG ANH - Ảnh: THANH TÙNG"]) == ["Hoàng Anh"]


BODY = [
    "(ABO) Sáng 24-3, Ban Thường vụ Huyện ủy Cái Bè tổ chức hội nghị sơ kết công tác xây dựng Đảng.",
    "Trong năm có 99/107 cơ sở đảng đạt hoàn thành tốt nhiệm vụ (đạt 92,52%).",
    "Hội nghị cũng đề ra phương hướng, nhiệm vụ trọng tâm trong thời gian tới.",
]


@pytest.mark.parametrize(
    ("closing", "authors"),
    [
        (["Tin, ảnh: P.Y"], ["P.Y"]),
        ([f"Tin, ảnh:{NBSP}P.Y"], ["P.Y"]),
        ([nfd("Bài, ảnh: ĐẶNG VĂN ĐỨC")], ["Đặng Văn Đức"]),
        (["Bài và ảnh: NGỌC ANH - P.Y"], ["Ngọc Anh", "P.Y"]),
        (["Bài: HOÀNG ANH - Ảnh: THANH TÙNG"], ["Hoàng Anh"]),
        # Writer and photographer on two lines, in either order.
        (["Bài: HOÀNG ANH", "Ảnh: THANH TÙNG"], ["Hoàng Anh"]),
        (["HOÀI THU", "Ảnh: THANH TÙNG"], ["Hoài Thu"]),
        # A photo credit alone leaves the body, naming nobody.
        (["Ảnh: THANH TÙNG"], []),
    ],
)
def test_a_closing_author_line_leaves_the_body(closing: list[str], authors: list[str]) -> None:
    clean = clean_paragraphs([*BODY, *closing])
    assert clean.paragraphs == [unicodedata.normalize("NFC", p) for p in BODY]
    assert clean.authors == authors


def test_a_closing_sentence_stays_in_the_body() -> None:
    clean = clean_paragraphs([*BODY, "Ảnh minh họa"])
    assert clean.paragraphs[-1] == "Ảnh minh họa"
    assert clean.authors is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Theo Phạm Trường", ["Phạm Trường"]),
        ("Theo Nguyễn Hoài", ["Nguyễn Hoài"]),
        ("Theo Lao Động", []),
        ("Theo Tuổi Trẻ", []),
        ("Theo TTXVN", []),
        ("Tâm HằngTTXVN", ["Tâm Hằng"]),
    ],
)
def test_a_byline_credit_names_a_person_only_when_a_family_name_opens_it(
    raw: str, expected: list[str]
) -> None:
    assert clean_author_names([raw]) == expected
