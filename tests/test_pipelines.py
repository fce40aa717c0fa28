"""The pure steps of the pipelines: text, dates, identity, validation, and where each item is stored."""

from __future__ import annotations

import json
import unicodedata

from crawler.item import Article, Rejected
from crawler.schema import schema_errors
from crawler.sites import get_site
from crawler.steps.dates import assign_dates
from crawler.steps.identity import assign_identity, content_hash
from crawler.steps.normalize import normalize_article
from crawler.steps.validation import validate_article
from pipelines.storage import key_and_body

URL = "https://baoapbac.vn/xa-hoi/202103/doi-moi-phuong-thuc-lanh-dao-1050912/"
BODY = (
    "Theo đánh giá của Đảng ủy khối, năm 2020, công tác tổ chức xây dựng Đảng được thực hiện đúng quy định."
    "\n\n"
    "Trong năm có 99/107 cơ sở đảng đạt hoàn thành tốt nhiệm vụ (đạt 92,52%)."
)


def make_article(**changes: object) -> Article:
    article = Article(
        url=URL,
        site="baoapbac",
        domain="baoapbac.vn",
        province="Đồng Tháp",
        fetched_at="2026-11-25T02:10:00+07:00",
        title="Đổi mới phương thức lãnh đạo, nâng cao năng lực của cơ sở Đảng",
        lead="Đó là một trong những chỉ đạo của đồng chí Thái Ngọc Bảo Trâm.",
        body_text=BODY,
        published_at_raw="Thứ Tư, 24/03/2021, 15:35 (GMT+7)",
        field_sources={"title": "family", "published_at": "family", "body_text": "family"},
    )
    for name, value in changes.items():
        setattr(article, name, value)
    return article


def run_all(article: Article) -> Article | Rejected:
    dated = assign_dates(normalize_article(article))
    if isinstance(dated, Rejected):
        return dated
    return validate_article(assign_identity(dated, get_site(dated.site)))


def test_a_good_article_passes_every_step_and_validates() -> None:
    result = run_all(make_article())
    assert isinstance(result, Article), result
    assert result.published_at == "2021-03-24T15:35:00+07:00"
    assert result.date_source == "dateline"
    assert result.id == "baoapbac-1050912"
    assert result.content_hash.startswith("sha256:")
    assert schema_errors(result.to_json()) == []
    assert "feed_published_raw" not in result.to_json()


def test_text_is_nfc_with_clean_whitespace_and_hash_ignores_the_form() -> None:
    nfd = make_article(
        title=unicodedata.normalize("NFD", "Đổi mới  phương\u00a0thức lãnh đạo "), tags=["Đảng", "Đảng"]
    )
    normalize_article(nfd)
    assert nfd.title == "Đổi mới phương thức lãnh đạo"
    assert unicodedata.is_normalized("NFC", nfd.title)
    assert nfd.tags == ["Đảng"]
    nfc = normalize_article(make_article(title="Đổi mới phương thức lãnh đạo"))
    assert content_hash(nfd) == content_hash(nfc)


def test_structured_date_wins_and_feed_date_is_the_fallback() -> None:
    structured = make_article(
        published_at_raw="2021-03-24T08:35:00Z", field_sources={"published_at": "structured"}
    )
    assert isinstance(r := assign_dates(structured), Article)
    assert (r.published_at, r.date_source) == ("2021-03-24T15:35:00+07:00", "structured")
    fallback = make_article(
        published_at_raw="Đang cập nhật", feed_published_raw="Wed, 24 Mar 2021 08:35:00 GMT"
    )
    assert isinstance(r := assign_dates(fallback), Article)
    assert (r.published_at, r.date_source) == ("2021-03-24T15:35:00+07:00", "feed")
    assert r.date_note and "Đang cập nhật" in r.date_note


def test_the_url_month_is_the_last_resort_and_says_so() -> None:
    article = make_article(published_at_raw=None)
    assert isinstance(r := assign_dates(article), Article)
    assert (r.published_at, r.date_source) == ("2021-03-01T00:00:00+07:00", "url")
    assert r.date_note == "month only, from the URL"


def test_no_date_anywhere_is_a_reject_with_the_reasons() -> None:
    article = make_article(
        url="https://baodongthap.vn/bai-viet-a123456.html", published_at_raw="31/02/2021 10:00"
    )
    result = assign_dates(article)
    assert isinstance(result, Rejected)
    assert result.stage == "dates"
    assert "no publication date" in result.reason and "31/02/2021" in result.reason


def test_schema_failures_are_rejects_that_keep_the_article() -> None:
    result = run_all(make_article(body_text="Quá ngắn."))
    assert isinstance(result, Rejected)
    assert result.stage == "validation"
    assert result.reason.startswith("schema: body_text")
    key, body = key_and_body(result)
    assert key.startswith("rejects/baoapbac/2026/11/25/")
    document = json.loads(body)
    assert document["url"] == URL and document["article"]["body_text"] == "Quá ngắn."


def test_stored_article_key_follows_the_publication_day() -> None:
    result = run_all(make_article())
    assert isinstance(result, Article)
    key, body = key_and_body(result)
    assert key == "articles/baoapbac/2021/03/24/baoapbac-1050912.json"
    assert json.loads(body)["title"].startswith("Đổi mới")
    assert "Đổi mới".encode() in body  # UTF-8, not \\u escapes
