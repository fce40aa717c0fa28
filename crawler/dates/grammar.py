"""The pieces both dateline grammars are made of: separators, labels, the words of weekdays, months and
units as regular expressions, and the tables that turn a matched word into a number.

`crawler.dates.dateline` matches the normalized text (lowercase, single spaces); `crawler.dates.common`
matches the text as printed, so it spells the same words case-insensitively with `_ci`.
"""

from __future__ import annotations

from typing import Any

Group = str | Any
"""A group of a match, as typeshed types it: a string, or None when the group did not take part."""

# (?![^\W\d_]): not followed by a letter; (?![^\W_]): not followed by a letter or a digit.
_SEP = r"[\s|,.;:()\[\]/\\•·*~_\-–—'’\"“”]*"
# Labels printed around a dateline, a space where a label may have one.
_LABEL_WORDS = (
    "cập nhật|cập nhập|đăng|tải|ngày|lúc|vào|xuất bản|phát hành|thời gian|lần cuối|mùng|mồng"
    "|posted|published|updated|last|on|at"
)
_LABEL = "(?:" + _LABEL_WORDS.replace(" ", r"\s?") + r")(?![^\W\d_])"
_SKIP = rf"{_SEP}(?:{_LABEL}{_SEP})*"  # separators and labels
_UNITS = r"giây|phút|giờ|tiếng|ngày|tuần|tháng"
# The rule of a date read with a clock time, by the rule of the date alone
_TIMED = {kind: f"{kind}-time" for kind in ("dmy", "mdy", "ymd", "words", "dm")} | {"relative": "relative"}
_MAX_LENGTH = 200  # longer is not a dateline; and it bounds the regex's work

_EN_WEEKDAY = (
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?"
    r"|sun(?:day)?"
)
_EN_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAY = (
    r"thứ\s?(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s?nhật|cn|t\.?[2-7]"
    r"|t\.\s?(?:hai|ba|tư|năm|sáu|bảy|bẩy)|" + _EN_WEEKDAY
)
# Months spelled in Vietnamese (tháng Ba, tháng Mười Hai) or numbered; "tháng Giêng"/"tháng Chạp" are
# left out: they usually name lunar months.
_VI_MONTH = r"\d{1,2}(?!\d)|mười\s?một|mười\s?hai|mười|một|hai|ba|tư|bốn|năm|sáu|bảy|bẩy|tám|chín"
# tháng 3, tháng Ba; the abbreviations only with a number: thg 3 (CLDR), Th03 (moment), Th.3 (datepicker)
_MONTH_WORD = r"(?:tháng|(?:thg|th\.?)(?=\s?\d))\s?"


def _ci(words: str) -> str:
    """An alternation of plain words as a case-insensitive group: letters as [xX], a space as \\s*."""
    out = []
    for ch in words:
        if ch == " ":
            out.append(r"\s*")
        elif ch == ".":
            out.append(r"\.")
        elif ch.isalpha() and ch.lower() != ch.upper():
            out.append(f"[{ch.lower()}{ch.upper()}]")
        else:
            out.append(ch)
    return "(?:" + "".join(out) + ")"


# --- words to numbers ---------------------------------------------------------------------------------

_EN_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_EN_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_EN_ZONES = {
    "gmt": 0, "ut": 0, "utc": 0, "z": 0, "ict": 420,
    "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
}  # fmt: skip
_EN_WEEKDAY_NAMES = {
    name: day
    for day, names in enumerate(
        (("monday", "mon"), ("tuesday", "tues", "tue"), ("wednesday", "wed"), ("thursday", "thurs", "thur", "thu"),
         ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun"))
    )
    for name in names
}  # fmt: skip
_EN_MONTH_NAMES = {
    name: month
    for month, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")),
        start=1,
    )
    for name in names
}  # fmt: skip
_WEEKDAYS = {
    "thứhai": 0, "thứ2": 0, "t2": 0, "t.2": 0, "t.hai": 0,
    "thứba": 1, "thứ3": 1, "t3": 1, "t.3": 1, "t.ba": 1,
    "thứtư": 2, "thứ4": 2, "t4": 2, "t.4": 2, "t.tư": 2,
    "thứnăm": 3, "thứ5": 3, "t5": 3, "t.5": 3, "t.năm": 3,
    "thứsáu": 4, "thứ6": 4, "t6": 4, "t.6": 4, "t.sáu": 4,
    "thứbảy": 5, "thứbẩy": 5, "thứ7": 5, "t7": 5, "t.7": 5, "t.bảy": 5, "t.bẩy": 5,
    "chủnhật": 6, "cn": 6,
}  # fmt: skip
_ALL_WEEKDAYS = _WEEKDAYS | _EN_WEEKDAY_NAMES
_VI_MONTHS = {
    "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7,
    "tám": 8, "chín": 9, "mười": 10, "mườimột": 11, "mườihai": 12,
}  # fmt: skip
_UNIT_PRECISION = {
    "giây": "second", "phút": "minute", "giờ": "hour", "tiếng": "hour",
    "ngày": "day", "tuần": "day", "tháng": "month",
}  # fmt: skip
_UNIT_SECONDS = {"giây": 1, "phút": 60, "giờ": 3600, "tiếng": 3600, "ngày": 86400, "tuần": 7 * 86400}
_DAY_WORDS = {"hômnay": 0, "today": 0, "hômqua": 1, "yesterday": 1, "hômkia": 2}

# int() of a short digit string, by lookup (three times faster than int())
_INT = (
    {str(i): i for i in range(100)}
    | {f"{i:02d}": i for i in range(10)}
    | {str(i): i for i in range(1990, 2100)}
)

_WEEKDAY_CACHE: dict[str, int] = {}
_MONTH_CACHE: dict[str, int] = {}
_EN_MONTH_CACHE: dict[str, int] = {}
_DAY_WORD_CACHE: dict[str, int] = {}


def _word(text: str, table: dict[str, int], cache: dict[str, int]) -> int:
    """A weekday or month word as printed (any case and spacing), looked up in ``table``."""
    found = cache.get(text)
    if found is None:
        found = table["".join(text.casefold().split())]
        if len(cache) < 1024:  # the shapes a crawl meets are few; odd spacings are not kept
            cache[text] = found
    return found


def _weekday(word: str) -> int:
    """The weekday (Monday 0) of ``Thứ Tư``, ``T4``, ``CN``, ``Wed``, as printed or normalized."""
    found = _WEEKDAY_CACHE.get(word)
    return _word(word, _ALL_WEEKDAYS, _WEEKDAY_CACHE) if found is None else found


def _vi_month(word: str) -> int:
    """The month of ``3``, ``03``, ``Ba``, ``mười hai``."""
    return _INT[word] if word[0].isdigit() else _word(word, _VI_MONTHS, _MONTH_CACHE)


def _en_month(word: str) -> int:
    """The month of ``Mar``, ``March``, ``sept``."""
    return _word(word, _EN_MONTH_NAMES, _EN_MONTH_CACHE)


def _days_ago(word: str) -> int:
    """How many days before the fetch ``hôm nay``, ``hôm qua``, ``hôm kia``, ``yesterday`` are."""
    return _word(word, _DAY_WORDS, _DAY_WORD_CACHE)
