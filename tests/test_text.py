"""crawler.text: NFC, whitespace (NBSP, zero-width, tabs) and paragraph joining."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crawler.text import join_paragraphs, normalize_paragraphs, normalize_text

ODD_SPACES = ["\u00a0", "\t", "\u200b", "\ufeff", "\u2009", "\u3000", "\r\n", "  ", "\u200c", "\u00ad"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Đổi mới\u00a0phương  thức\t lãnh đạo ", "Đổi mới phương thức lãnh đạo"),
        ("Hải\u200bPhòng", "HảiPhòng"),
        ("\ufeffTiền Giang", "Tiền Giang"),
        ("dòng một\ndòng hai", "dòng một dòng hai"),
        ("", ""),
        ("\u00a0 \t", ""),
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_normalize_text_drops_pasted_control_characters() -> None:
    # A CMS editor's paste: a NUL, a vertical tab, an escape and a C1 control inside a Vietnamese headline;
    # the schema refuses control characters, so text cleaning must remove them rather than lose the article.
    raw = "Đồng\x00 Tháp\x0b khánh\x1b thành cầu\x9a Cao Lãnh\x85mới"
    assert normalize_text(raw) == "Đồng Tháp khánh thành cầu Cao Lãnh mới"
    assert normalize_paragraphs("Đoạn một\x07.\n\nĐoạn hai\x7f.") == "Đoạn một.\n\nĐoạn hai."


def test_normalize_text_composes_nfd() -> None:
    nfd = unicodedata.normalize("NFD", "Ấp Bắc Đồng Tháp Hoài Thu")
    assert nfd != "Ấp Bắc Đồng Tháp Hoài Thu"
    assert normalize_text(nfd) == "Ấp Bắc Đồng Tháp Hoài Thu"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Một.\n\nHai.", "Một.\n\nHai."),
        ("Một.\n\n\n\n  Hai.  ", "Một.\n\nHai."),
        ("Một\ncâu.\n \nHai.", "Một câu.\n\nHai."),
        ("Một.\r\n\r\nHai.", "Một.\n\nHai."),
        ("\n\nMột.\n\n", "Một."),
        ("Một.\u00a0\n\u00a0\nHai.", "Một.\n\nHai."),
        ("", ""),
    ],
)
def test_normalize_paragraphs(raw: str, expected: str) -> None:
    assert normalize_paragraphs(raw) == expected


def test_join_paragraphs_drops_empty_ones() -> None:
    assert join_paragraphs(["Một.", " ", "\u00a0", "Hai\u00a0ba."]) == "Một.\n\nHai ba."


_PIECES = [*"aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ .,-", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]
vietnamese_text = st.lists(st.sampled_from(_PIECES + ODD_SPACES + ["\n", "\n\n"]), max_size=60).map("".join)


@given(vietnamese_text)
def test_normalize_text_is_idempotent_and_form_blind(s: str) -> None:
    once = normalize_text(s)
    assert normalize_text(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert normalize_text(unicodedata.normalize("NFD", s)) == once
    assert "\n" not in once and "  " not in once and once == once.strip()


@given(vietnamese_text)
def test_normalize_paragraphs_is_idempotent(s: str) -> None:
    once = normalize_paragraphs(s)
    assert normalize_paragraphs(once) == once
    assert normalize_paragraphs(unicodedata.normalize("NFD", s)) == once
    assert "\n\n\n" not in once
    for paragraph in once.split("\n\n") if once else []:
        assert paragraph and paragraph == normalize_text(paragraph)
