"""word_tokens and token_f1: Vietnamese syllables and numbers, compared as bags."""

from __future__ import annotations

import unicodedata
from random import Random

from hypothesis import given
from hypothesis import strategies as st

from crawler.extract.tokens import token_f1, word_tokens

_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxy" + "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
_PUNCTUATION = " ,.;:!?…–—-()\"'“”/%\n\u00a0"

syllables = st.text(alphabet=_LETTERS + _LETTERS.upper(), min_size=1, max_size=7)
numbers = st.integers(min_value=0, max_value=10**7).map(str)
words = st.lists(syllables | numbers, max_size=40)
separators = st.text(alphabet=_PUNCTUATION, min_size=1, max_size=3)
texts = st.text(max_size=300)


def _join(parts: list[str], glue: str = " ") -> str:
    return glue.join(parts)


# ------------------------------------------------------------------------------------------------ examples


def test_vietnamese_sentence() -> None:
    text = "(BMO) Sáng 24-3, Đảng ủy khối kết nạp 171 đảng viên mới; đạt 92,52% – tổng số 5.663 người…"
    assert word_tokens(text) == [
        "bmo", "sáng", "24", "3", "đảng", "ủy", "khối", "kết", "nạp", "171", "đảng",
        "viên", "mới", "đạt", "92,52", "tổng", "số", "5.663", "người",
    ]  # fmt: skip


def test_capitals_and_nfd_read_as_the_same_syllables() -> None:
    assert word_tokens("HOÀI THU") == word_tokens(unicodedata.normalize("NFD", "Hoài Thu")) == ["hoài", "thu"]


def test_numbers_keep_their_separators_but_not_trailing_punctuation() -> None:
    assert word_tokens("năm 2021. Giá 1.200.000 đồng, 3,5 ha, 15:35") == [
        "năm", "2021", "giá", "1.200.000", "đồng", "3,5", "ha", "15", "35",
    ]  # fmt: skip


def test_underscores_and_symbols_separate() -> None:
    assert word_tokens("a_b © c+d #e") == ["a", "b", "c", "d", "e"]


def test_empty_and_punctuation_only() -> None:
    assert word_tokens("") == []
    assert word_tokens(" …–— ,.;! ") == []


def test_f1_values() -> None:
    assert token_f1("", "") == 1.0
    assert token_f1("...", "—") == 1.0  # no token on either side
    assert token_f1("Hà Nội", "") == 0.0
    assert token_f1("", "Hà Nội") == 0.0
    assert token_f1("Hà Nội", "Hà Nội hôm nay") == 2 * 2 / (2 + 4)
    assert token_f1("mưa mưa mưa", "mưa") == 2 * 1 / (3 + 1)  # a bag: repeats count


# ------------------------------------------------------------------------------------------------ properties


@given(texts, texts)
def test_symmetric(a: str, b: str) -> None:
    assert token_f1(a, b) == token_f1(b, a)


@given(texts)
def test_identity_is_one(a: str) -> None:
    assert token_f1(a, a) == 1.0


@given(texts, texts)
def test_between_zero_and_one(a: str, b: str) -> None:
    assert 0.0 <= token_f1(a, b) <= 1.0


@given(texts)
def test_nfd_equals_nfc(a: str) -> None:
    nfc, nfd = unicodedata.normalize("NFC", a), unicodedata.normalize("NFD", a)
    assert word_tokens(nfd) == word_tokens(nfc)
    assert token_f1(nfd, nfc) == 1.0


@given(texts)
def test_tokens_are_nfc_casefolded_and_unpunctuated(a: str) -> None:
    for token in word_tokens(a):
        assert token
        assert unicodedata.is_normalized("NFC", token)
        assert token == unicodedata.normalize("NFC", token.casefold())
        bare = token.replace(".", "").replace(",", "") if token[0].isdigit() else token
        assert bare and not any(unicodedata.category(c)[0] in "PZSC" for c in bare)


@given(words)
def test_vietnamese_words_survive_whole(parts: list[str]) -> None:
    assert word_tokens(_join(parts)) == [p.casefold() for p in parts]


@given(words)
def test_case_does_not_matter(parts: list[str]) -> None:
    text = _join(parts)
    assert word_tokens(text.upper()) == word_tokens(text.lower()) == word_tokens(text)


@given(words, st.data())
def test_punctuation_between_words_does_not_matter(parts: list[str], data: st.DataObject) -> None:
    glued = "".join(f"{p}{data.draw(separators)}" for p in parts)
    # A separator between two numbers may be read as a decimal mark (`3,5`); keep those apart by a space.
    glued_safe = "".join(f"{p} {data.draw(separators)} " for p in parts)
    assert token_f1(glued_safe, _join(parts)) == 1.0
    assert len(word_tokens(glued)) <= len(parts)


@given(words, st.randoms(use_true_random=False))
def test_word_order_does_not_matter(parts: list[str], random: Random) -> None:
    shuffled = list(parts)
    random.shuffle(shuffled)
    assert token_f1(_join(shuffled), _join(parts)) == 1.0


@given(words, words)
def test_disjoint_texts_score_zero(a: list[str], b: list[str]) -> None:
    left = {w.casefold() for w in a}
    b = [w for w in b if w.casefold() not in left]
    if a or b:
        assert token_f1(_join(a), _join(b)) == 0.0


@given(words, words)
def test_more_of_the_expected_text_never_scores_lower(found: list[str], missed: list[str]) -> None:
    expected = _join(found + missed)
    assert token_f1(_join(found + missed[:1]), expected) >= token_f1(_join(found), expected)
