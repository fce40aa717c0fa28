"""strip_metadata: a page without JSON-LD, declaring meta tags, microdata and date attributes; all text kept."""

from __future__ import annotations

import json
import re
import time
import unicodedata
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.cli import main
from crawler.extract import extract_article, parse_document
from crawler.extract.strip import strip_metadata
from crawler.extract.structured import read_structured

URL = "https://baomau.vn/xa-hoi/202103/nong-dan-cho-gao-chuyen-doi-cay-trong-1012345/"
DATELINE = "Thứ Tư, 24/03/2021, 15:35 (GMT+7)"
TITLE = "Nông dân Chợ Gạo chuyển đổi cây trồng trên đất lúa kém hiệu quả"
LEAD = "(BMO) Sau ba vụ lúa thất thu, nhiều hộ ở xã Hòa Định đã chuyển sang trồng bưởi và thanh long."
BODY = (
    "Ông Trần Văn Tư, 56 tuổi, cho biết gia đình ông chuyển 1,2 ha đất lúa sang trồng bưởi da xanh từ năm 2018.",
    "Theo Phòng Nông nghiệp huyện, đến nay toàn huyện đã chuyển đổi hơn 350 ha, lợi nhuận tăng gấp 3 lần.",
    "Ngành nông nghiệp sẽ tiếp tục hỗ trợ giống, kỹ thuật và kết nối đầu ra cho nông dân trong năm 2021.",
)


def _page(body: tuple[str, ...] = BODY, dateline: str = DATELINE) -> str:
    """A provincial portal's article page as such CMSes write it, with every kind of self-description."""
    paragraphs = "\n".join(f"<p>{p}</p>" for p in body)
    return f"""<!DOCTYPE html>
<html lang="vi" prefix="og: https://ogp.me/ns#">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{TITLE} - Báo Mẫu</title>
<meta name="description" content="Nông dân chuyển đổi cây trồng.">
<meta property="og:type" content="article">
<meta property="og:title" content="{TITLE}">
<meta property="og:description" content="Tóm tắt khác với sapo.">
<meta property="og:image" content="https://baomau.vn/uploads/2021/03/24/buoi.jpg">
<meta property="article:published_time" content="2021-03-24T15:35:00+07:00">
<meta property="article:modified_time" content="2021-03-24T16:00:00+07:00">
<meta property="article:section" content="Xã hội">
<meta property="article:tag" content="nông nghiệp">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="{TITLE}">
<meta name="pubdate" content="2021-03-24T15:35:00+07:00">
<meta name="PublishDate" content="24/03/2021 15:35">
<meta name="lastmod" content="2021-03-24">
<meta name="DC.date.issued" content="2021-03-24">
<meta name="dcterms.created" content="2021-03-24">
<meta name="author" content="Báo Mẫu">
<meta http-equiv="last-modified" content="2021-03-24@15:35:00">
<meta itemprop="datePublished" content="2021-03-24T15:35:00+07:00">
<link rel="canonical" href="{URL}">
<script type="application/ld+json">
{{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "{TITLE}",
  "datePublished": "2021-03-24T15:35:00+07:00", "author": {{"@type": "Person", "name": "Hoài Thu"}}}}
</script>
<script type="Application/LD+JSON; charset=utf-8">{{"@type": "BreadcrumbList", "itemListElement": []}}</script>
<script>var pageId = 1012345;</script>
</head>
<body>
<div class="header"><a href="/">Báo Mẫu</a></div>
<article class="detail" itemscope itemtype="https://schema.org/NewsArticle">
  <meta itemprop="dateModified" content="2021-03-24T16:00:00+07:00">
  <div id="current-date"><time datetime="2021-03-24T15:35:00+07:00" pubdate>{dateline}</time></div>
  <h1 class="title" itemprop="headline">{TITLE}</h1>
  <span class="post-time" data-time="1616575000" data-publish-date="2021-03-24">Cập nhật: 15:35, 24/03/2021</span>
  <div class="sapo" itemprop="description">{LEAD}</div>
  <div id="content" itemprop="articleBody">
{paragraphs}
    <figure><img src="/uploads/2021/03/24/buoi.jpg" alt="Vườn bưởi"><figcaption>Vườn bưởi da xanh.</figcaption></figure>
    <p class="author" itemprop="author" itemscope itemtype="https://schema.org/Person">
      <span itemprop="name">HOÀI THU</span></p>
  </div>
  <span property="dc:date" content="2021-03-24">Đăng ngày <meta itemprop="uploadDate" content="2021-03-24">24-3</span>
</article>
<footer>Giấy phép số 01/GP-BTTTT. <ins datetime="2021-03-25">Đính chính</ins></footer>
</body>
</html>
"""


def _visible_text(html: str) -> str:
    """The text a reader sees: every text node outside scripts and styles, whitespace collapsed."""
    doc = lxml.html.document_fromstring(html)
    for element in doc.xpath("//script|//style"):
        element.drop_tree()
    return " ".join(" ".join(doc.itertext()).split())


def test_json_ld_is_removed_and_other_scripts_stay() -> None:
    stripped = strip_metadata(_page())
    assert "ld+json" not in stripped.lower()
    assert "NewsArticle" not in stripped
    assert "BreadcrumbList" not in stripped
    assert "var pageId = 1012345;" in stripped


def test_declaring_meta_tags_are_removed_and_the_rest_stay() -> None:
    doc = lxml.html.document_fromstring(strip_metadata(_page()))
    kept = [(meta.get("charset"), meta.get("name")) for meta in doc.iter("meta")]
    assert kept == [("utf-8", None), (None, "viewport"), (None, "description")]
    assert doc.findtext(".//title") == f"{TITLE} - Báo Mẫu"
    assert doc.xpath("//link[@rel='canonical']/@href") == [URL]


def test_microdata_rdfa_and_date_attributes_are_removed() -> None:
    stripped = strip_metadata(_page())
    for attribute in (
        "itemscope",
        "itemtype",
        "itemprop",
        "datetime",
        "pubdate",
        "data-time",
        "data-publish",
    ):
        assert not re.search(rf"\s{attribute}[-\s=>]", stripped), attribute
    doc = lxml.html.document_fromstring(stripped)
    assert not doc.xpath("//*[@property or @content][not(self::meta)]")
    # The elements themselves and their classes and ids stay.
    assert doc.xpath("//article[@class='detail']")
    assert doc.xpath("//div[@id='current-date']/time/text()") == [DATELINE]
    assert doc.xpath("//span[@class='post-time']/text()") == ["Cập nhật: 15:35, 24/03/2021"]


def test_every_visible_word_survives() -> None:
    page = _page()
    assert _visible_text(strip_metadata(page)) == _visible_text(page)
    assert "Đăng ngày 24-3" in _visible_text(strip_metadata(page))  # the text after a removed <meta>


def test_the_structured_layer_finds_nothing_but_the_address_and_language() -> None:
    doc = parse_document(strip_metadata(_page()))
    assert doc is not None
    data = read_structured(doc, URL)
    assert not data.found_article
    assert data.titles == []
    assert (data.published, data.modified, data.description, data.image) == (None, None, None, None)
    assert (data.authors, data.tags, data.section) == ([], [], None)
    assert data.canonical == URL
    assert data.language == "vi"


def test_extraction_still_reads_what_the_page_prints() -> None:
    result = extract_article(URL, strip_metadata(_page()))
    assert result.title == TITLE
    assert result.body_text is not None
    for paragraph in BODY:
        assert paragraph in result.body_text


def test_nfd_text_survives_as_written() -> None:
    nfd_body = tuple(unicodedata.normalize("NFD", p) for p in BODY)
    nfd_dateline = unicodedata.normalize("NFD", DATELINE)
    stripped = strip_metadata(_page(nfd_body, nfd_dateline).encode("utf-8"))
    for paragraph in (*nfd_body, nfd_dateline):
        assert paragraph in stripped
    assert TITLE in stripped  # and the NFC title beside it


def test_windows_1258_bytes_are_decoded_as_extraction_decodes_them() -> None:
    # Windows-1258 writes tone marks as combining characters after the base letter.
    dateline = "Th\u01b0\u0301 T\u01b0, 24/03/2021, 15:35 (GMT+7)"
    place = "\u0110\u00f4\u0300ng Tha\u0301p"
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
        '<meta property="article:published_time" content="2021-03-24T15:35:00+07:00"></head>'
        f'<body><div class="date">{dateline}</div><p>Tin t\u01b0\u0300 {place}.</p></body></html>'
    )
    stripped = strip_metadata(page.encode("cp1258"))
    assert unicodedata.normalize("NFC", dateline) in unicodedata.normalize("NFC", stripped)
    assert "Đồng Tháp" in unicodedata.normalize("NFC", stripped)
    assert "article:published_time" not in stripped
    assert "charset=windows-1258" in stripped  # the meta charset is not a declaration about the article


def test_several_html_roots_are_merged_not_cut() -> None:
    page = (
        "<html><head><meta property='og:title' content='x'></head><body><p>Phần một của bài.</p></body></html>"
        "<html><body><p>Phần hai của bài.</p><time datetime='2024-11-05'>05/11/2024 07:30</time></body></html>"
    )
    stripped = strip_metadata(page)
    assert "Phần một của bài." in stripped
    assert "Phần hai của bài." in stripped
    assert "05/11/2024 07:30" in stripped
    assert "og:title" not in stripped and "datetime" not in stripped


def test_stripping_twice_changes_nothing() -> None:
    once = strip_metadata(_page())
    assert strip_metadata(once) == once


def test_empty_pages_give_empty_text() -> None:
    assert strip_metadata("") == ""
    assert strip_metadata(b"   \n") == ""


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=400), st.binary(max_size=400)))
def test_never_raises(page: str | bytes) -> None:
    assert isinstance(strip_metadata(page), str)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["<p>", "</p>", "<div>", "</span>", "<meta itemprop='x' content='y'>", "<time datetime=1>"]
        )
        | st.text(alphabet="ăâđêôơưàảãạáằẳẵặắ abc<>/=\"'", max_size=20),
        max_size=30,
    )
)
def test_broken_markup_never_raises(parts: list[str]) -> None:
    doc = parse_document(strip_metadata("".join(parts)))
    assert doc is None or not doc.xpath("//meta[@itemprop] | //*[@itemprop or @datetime]")


def test_a_large_page_is_fast() -> None:
    page = _page(BODY * 2000)  # about 650 KB of article text
    strip_metadata(page)
    began = time.perf_counter()
    stripped = strip_metadata(page)
    seconds = time.perf_counter() - began
    assert stripped.count("<p>") == 3 * 2000
    assert seconds < 1.0, f"{seconds:.3f} s"


def test_crawler_extract_without_metadata(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    saved = tmp_path / "page.html"
    saved.write_text(_page(), encoding="utf-8")

    def field_sources(*flags: str) -> dict[str, str]:
        main(["extract", str(saved), "--url", URL, *flags])
        printed = json.loads(capsys.readouterr().out)
        sources: dict[str, str] = printed.get("article", printed)["field_sources"]  # a reject wraps it
        return sources

    assert field_sources()["title"] == "structured"
    stripped = field_sources("--without-metadata")
    assert stripped["title"] != "structured"
    assert stripped.get("published_at") != "structured"
