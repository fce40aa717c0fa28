"""crawler.dates: the dateline table, the ParsedDate fields, NFC/NFD, relative forms, the fallback."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import unicodedata
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crawler.dates import VN_TZ, ParsedDate, is_us_style, parse_date
from crawler.dates import fallback as fallback_module
from crawler.dates import parser as parser_module
from replica.date_samples import REAL_TABLE, TABLE, read_table
from replica.date_samples import TableRow as Row

REF = datetime(2021, 3, 24, 15, 35, tzinfo=VN_TZ)
ROWS = read_table(TABLE)
REAL_ROWS = read_table(REAL_TABLE)


def test_table_is_big_and_well_formed() -> None:
    assert len(ROWS) >= 120
    precisions = {"second", "minute", "hour", "day", "month"}
    reasons = {"empty", "unreadable", "impossible date", "weekday contradicts date"}
    reasons |= {"in the future", "before 1995"}
    for row in ROWS:
        assert row.precision_or_reason in (precisions if row.expected else reasons), row
        if row.expected:
            assert row.expected.utcoffset() == timedelta(hours=7), row
    # The NFD rows really are NFD (an editor that normalizes the file would silently drop the case).
    assert sum(not unicodedata.is_normalized("NFC", row.text) for row in ROWS) >= 6


def test_real_shapes_table_is_big_and_well_formed() -> None:
    assert len(REAL_ROWS) >= 120
    text = REAL_TABLE.read_text(encoding="utf-8")
    for portal in (
        "VnExpress",
        "Dân Trí",
        "Tuổi Trẻ",
        "Thanh Niên",
        "VietnamNet",
        "VOV",
        "Nhân Dân",
        "ZingNews",
    ):
        assert f"# {portal}" in text or f", {portal}" in text, portal
    assert sum(row.expected is None for row in REAL_ROWS) >= 12  # refusals in real shapes
    assert sum(not unicodedata.is_normalized("NFC", row.text) for row in REAL_ROWS) >= 3
    assert len({row.text for row in REAL_ROWS}) >= len(REAL_ROWS) - 2  # repeats only with another fetch time


@pytest.mark.parametrize(
    "row",
    ROWS + REAL_ROWS,
    ids=[f"{'R' if r in REAL_ROWS else ''}L{r.line}:{r.text.strip()[:40]!r}" for r in ROWS + REAL_ROWS],
)
def test_table(row: Row) -> None:
    got = parse_date(row.text, relative_to=row.relative_to)
    if row.expected is None:
        assert got.value is None, got
        assert got.reason == row.precision_or_reason, got
        assert got.precision is None
    else:
        assert got.value == row.expected, got
        assert got.isoformat() == row.expected.isoformat()
        assert got.precision == row.precision_or_reason, got
        assert got.reason is None
        assert got.value is not None and got.value.tzinfo is VN_TZ


def test_real_shapes_are_read_by_the_fast_path() -> None:
    slow = [
        row.text
        for row in REAL_ROWS
        if parse_date(row.text, relative_to=row.relative_to).rule == "dateparser"
    ]
    assert slow == []


@pytest.mark.parametrize("row", ROWS + REAL_ROWS, ids=[f"L{r.line}" for r in ROWS + REAL_ROWS])
def test_the_common_shapes_read_as_the_any_order_grammar_reads_them(row: Row) -> None:
    """_COMMON (the first, fast reader) gives what _read_dateline gives on the normalized text."""
    ref = row.relative_to or datetime(2026, 6, 1, tzinfo=VN_TZ)
    for text in (row.text, parser_module._clean_unicode(row.text)):
        m = None if text is None else parser_module._COMMON.fullmatch(text)
        first = None if m is None else parser_module._read_common(m, ref)
        if text is None or first is None:
            continue
        normalized = " ".join(text.split()).casefold()
        assert first == parser_module._read_dateline(normalized, ref, True), text


# --- ParsedDate ---------------------------------------------------------------------------------------


def test_parsed_date_is_frozen_with_slots() -> None:
    got = parse_date("24/03/2021 15:35", relative_to=REF)
    assert got == ParsedDate(datetime(2021, 3, 24, 15, 35, tzinfo=VN_TZ), "minute", "dmy-time", None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        got.value = None  # type: ignore[misc]
    assert not hasattr(got, "__dict__")
    assert ParsedDate(None, reason="empty").isoformat() is None


@pytest.mark.parametrize(
    ("text", "rule", "precision"),
    [
        ("Thứ Tư, 24/03/2021, 15:35 (GMT+7)", "dmy-time", "minute"),
        ("24/03/2021", "dmy", "day"),
        ("15:35 24/03/2021", "dmy-time", "minute"),
        ("2021/03/24 15:35", "ymd-time", "minute"),
        ("2021/03/24", "ymd", "day"),
        ("ngày 24 tháng 3 năm 2021", "words", "day"),
        ("24 tháng 3 năm 2021 15h35", "words-time", "minute"),
        ("tháng 3/2021", "month", "month"),
        ("2021-03-24T15:35:00+07:00", "iso8601", "second"),
        ("2021-03-24", "iso8601", "day"),
        ("Wed, 24 Mar 2021 08:35:00 GMT", "rfc822", "second"),
        ("5 phút trước", "relative", "minute"),
        ("hôm qua 15:35", "relative", "minute"),
        ("hôm qua", "relative", "day"),
        ("vừa xong", "relative", "minute"),
        ("Tháng 3 24, 2021", "words", "day"),
        ("15g35 ngày 24/3", "dm-time", "minute"),
        ("Tháng ba 24 2021", "dateparser", "day"),
    ],
)
def test_rule_and_precision(text: str, rule: str, precision: str) -> None:
    got = parse_date(text, relative_to=REF)
    assert (got.rule, got.precision, got.reason) == (rule, precision, None), got


@pytest.mark.parametrize(
    ("text", "rule", "reason"),
    [
        ("31/02/2021", "dmy", "impossible date"),
        ("31/02/2021 15:35", "dmy-time", "impossible date"),
        ("24/03/2021 24:00", "dmy-time", "impossible date"),
        ("Thứ Năm, 24/03/2021", "dmy", "weekday contradicts date"),
        ("24/03/1990", "dmy", "before 1995"),
        ("24/03/2030", "dmy", "in the future"),
        ("2021-02-30T10:00:00Z", "iso8601", "impossible date"),
        ("Thu, 24 Mar 2021 08:35:00 GMT", "rfc822", "weekday contradicts date"),
        ("Đang cập nhật", None, "unreadable"),
        ("", None, "empty"),
        (None, None, "empty"),
    ],
)
def test_refusals_name_rule_and_reason(text: str | None, rule: str | None, reason: str) -> None:
    got = parse_date(text, relative_to=REF)
    assert (got.value, got.precision, got.rule, got.reason) == (None, None, rule, reason), got


def test_value_is_in_vietnam_time_whatever_the_zone_read() -> None:
    for text in ("2021-03-24T08:35:00Z", "24/03/2021 08:35 GMT", "Wed, 24 Mar 2021 01:35:00 -0700"):
        got = parse_date(text, relative_to=REF)
        assert got.value == datetime(2021, 3, 24, 15, 35, tzinfo=VN_TZ)
        assert got.value is not None and got.value.tzinfo is VN_TZ
        assert got.value.utcoffset() == timedelta(hours=7)


def test_a_date_without_time_is_midnight_in_vietnam_even_with_a_zone() -> None:
    assert parse_date("24/03/2021 (GMT+7)").isoformat() == "2021-03-24T00:00:00+07:00"
    assert parse_date("2021-03-24").isoformat() == "2021-03-24T00:00:00+07:00"


# --- normalization ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Thứ Tư, 24/03/2021, 15:35 (GMT+7)",
        "Cập nhật: 20:45, 07/10/2018 (GMT+7)",
        "Chủ Nhật, 28/03/2021 - 07:00",
        "15 giờ 35 phút ngày 24/3/2021",
        "ngày 24 tháng 3 năm 2021",
        "Thứ Bảy, 27/03/2021",
        "Thứ Năm, 24/03/2021",
        "hôm qua lúc 15:35",
        "Vừa xong",
    ],
)
def test_nfc_and_nfd_read_the_same(text: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    assert nfc != nfd
    assert parse_date(nfd, relative_to=REF) == parse_date(nfc, relative_to=REF)


def test_casing_spacing_and_invisible_characters_do_not_matter() -> None:
    want = parse_date("Thứ Tư, 24/03/2021, 15:35 (GMT+7)", relative_to=REF)
    assert want.isoformat() == "2021-03-24T15:35:00+07:00"
    for text in (
        "THỨ TƯ, 24/03/2021, 15:35 (GMT+7)",
        "thứ tư,24/03/2021,15:35(gmt+7)",
        "Thứ\u00a0Tư,\u00a024/03/2021,\u202f15:35\u2007(GMT+7)",
        "\ufeffThứ Tư,\u200b 24/03/2021,\u200d 15:35 (GMT+7)\u200b",
        "\tThứ Tư,\n24/03/2021,\r\n15:35\n(GMT+7)\n",
    ):
        assert parse_date(text, relative_to=REF) == want, text


# --- relative forms -----------------------------------------------------------------------------------


def test_relative_forms_use_relative_to() -> None:
    ref = datetime(2021, 3, 24, 15, 35, 42, tzinfo=VN_TZ)
    assert parse_date("vừa xong", relative_to=ref).isoformat() == "2021-03-24T15:35:00+07:00"
    assert parse_date("5 phút trước", relative_to=ref).isoformat() == "2021-03-24T15:30:00+07:00"
    assert parse_date("2 giờ trước", relative_to=ref).isoformat() == "2021-03-24T13:00:00+07:00"
    assert parse_date("3 ngày trước", relative_to=ref).isoformat() == "2021-03-21T00:00:00+07:00"
    assert parse_date("1 tuần trước", relative_to=ref).isoformat() == "2021-03-17T00:00:00+07:00"
    assert parse_date("2 tháng trước", relative_to=ref).isoformat() == "2021-01-01T00:00:00+07:00"
    assert parse_date("3 tháng trước", relative_to=ref).isoformat() == "2020-12-01T00:00:00+07:00"
    assert parse_date("hôm qua lúc 15:35", relative_to=ref).isoformat() == "2021-03-23T15:35:00+07:00"
    assert parse_date("hôm nay 08:10", relative_to=ref).isoformat() == "2021-03-24T08:10:00+07:00"


def test_relative_to_in_another_zone_is_read_in_vietnam() -> None:
    # 17:05 UTC on the 24th is 00:05 on the 25th in Vietnam: "hôm qua" is the 24th.
    ref = datetime(2021, 3, 24, 17, 5, tzinfo=UTC)
    assert parse_date("hôm qua 23:50", relative_to=ref).isoformat() == "2021-03-24T23:50:00+07:00"
    assert parse_date("hôm nay", relative_to=ref).isoformat() == "2021-03-25T00:00:00+07:00"


def test_naive_relative_to_is_vietnam_time() -> None:
    got = parse_date("5 phút trước", relative_to=datetime(2021, 3, 24, 15, 40))
    assert got.isoformat() == "2021-03-24T15:35:00+07:00"


def test_default_relative_to_is_now() -> None:
    before = datetime.now(VN_TZ).replace(second=0, microsecond=0)
    got = parse_date("vừa xong")
    after = datetime.now(VN_TZ)
    assert got.value is not None and before <= got.value <= after
    assert parse_date("24/03/2099").reason == "in the future"


def test_relative_with_a_date_is_not_guessed() -> None:
    # dateparser reads "15 giờ 35 phút ngày 24/3/2021" as 15 hours 35 minutes ago; we read the clock time.
    got = parse_date("15 giờ 35 phút ngày 24/3/2021", relative_to=datetime(2025, 1, 1, tzinfo=VN_TZ))
    assert (got.isoformat(), got.rule) == ("2021-03-24T15:35:00+07:00", "dmy-time")
    assert parse_date("5 phút trước 24/03/2021", relative_to=REF).reason == "unreadable"


# --- the checks ---------------------------------------------------------------------------------------


def test_future_allows_one_day_after_the_fetch() -> None:
    assert parse_date("25/03/2021 15:35", relative_to=REF).value is not None
    assert parse_date("25/03/2021 15:36", relative_to=REF).reason == "in the future"


def test_before_1995() -> None:
    assert parse_date("31/12/1994 23:59").reason == "before 1995"
    assert parse_date("01/01/1995 00:00").isoformat() == "1995-01-01T00:00:00+07:00"
    assert parse_date("24/03/94").reason == "before 1995"


def test_two_digit_years() -> None:
    assert parse_date("24/03/21", relative_to=REF).isoformat() == "2021-03-24T00:00:00+07:00"
    assert parse_date("24/03/22", relative_to=REF).isoformat() is None  # 2022 is ahead of a 2021 fetch
    assert parse_date("24/03/22", relative_to=REF).reason == "in the future"
    assert parse_date("24/03/99", relative_to=REF).isoformat() == "1999-03-24T00:00:00+07:00"


def test_a_date_without_year_is_in_the_fetch_year_or_the_year_before() -> None:
    def read(text: str, ref: datetime) -> tuple[str | None, str | None, str | None]:
        got = parse_date(text, relative_to=ref)
        return got.isoformat(), got.rule, got.reason

    march = datetime(2023, 3, 25, 9, tzinfo=VN_TZ)
    january = datetime(2023, 1, 5, 9, tzinfo=VN_TZ)
    assert read("15g35 ngày 24/3", march) == ("2023-03-24T15:35:00+07:00", "dm-time", None)
    assert read("15g35 ngày 24/3", january) == ("2022-03-24T15:35:00+07:00", "dm-time", None)
    assert read("24 tháng 3, 15:35", january) == ("2022-03-24T15:35:00+07:00", "dm-time", None)
    assert read("Thứ Sáu, 24/3", march) == ("2023-03-24T00:00:00+07:00", "dm", None)
    # a day ahead of the fetch is still this year (the "future" check allows a day)
    assert read("26/3 09:00", march) == ("2023-03-26T09:00:00+07:00", "dm-time", None)
    assert read("26/3 09:01", march) == ("2022-03-26T09:01:00+07:00", "dm-time", None)
    # the weekday is checked against the year chosen, never used to choose one
    assert read("Thứ Sáu, 24/3", january) == (None, "dm", "weekday contradicts date")
    assert read("29/2 10:00", datetime(2023, 6, 1, tzinfo=VN_TZ)) == (None, "dm-time", "impossible date")
    # without a clock time or a weekday, a day and month is not read (a fraction, a score, a page number)
    assert read("24/3", march) == (None, None, "unreadable")
    assert read("Ngày 24/3", march) == (None, None, "unreadable")


def test_dayfirst_false_reads_month_first() -> None:
    got = parse_date("03/24/2021 15:35", relative_to=REF, dayfirst=False)
    assert (got.isoformat(), got.rule) == ("2021-03-24T15:35:00+07:00", "mdy-time")
    assert parse_date("24/03/2021", relative_to=REF, dayfirst=False).reason == "impossible date"
    assert parse_date("03/24/2021", relative_to=REF).reason == "impossible date"


def test_us_style_asp_net_value_is_read_month_first_when_day_first_is_impossible() -> None:
    """ASP.NET (en-US) prints article:published_time as M/D/YYYY h:mm:ss AM/PM, without a zone."""
    ref = datetime(2026, 3, 8, 9, 0, tzinfo=VN_TZ)

    def read(text: str, dayfirst: bool = True) -> tuple[str | None, str | None, str | None]:
        got = parse_date(text, relative_to=ref, dayfirst=dayfirst)
        return got.isoformat(), got.rule, got.reason

    assert read("1/28/2026 6:52:01 AM") == ("2026-01-28T06:52:01+07:00", "mdy-time", None)
    assert parse_date("1/28/2026 6:52:01 AM", relative_to=ref).precision == "second"
    assert read("1/28/2026 6:52:01 PM") == ("2026-01-28T18:52:01+07:00", "mdy-time", None)
    assert read("1/28/2026 12:52:01 AM") == ("2026-01-28T00:52:01+07:00", "mdy-time", None)
    assert read("1/28/2026 12:52:01 PM") == ("2026-01-28T12:52:01+07:00", "mdy-time", None)
    assert read("01/28/2026 06:52 am") == ("2026-01-28T06:52:00+07:00", "mdy-time", None)
    assert read("1/28/2026\u00a06:52:01\u00a0AM") == ("2026-01-28T06:52:01+07:00", "mdy-time", None)
    assert read("Thứ Tư, 1/28/2026 6:52 PM") == ("2026-01-28T18:52:00+07:00", "mdy-time", None)
    assert read("Thứ Năm, 1/28/2026 6:52 PM") == (None, "mdy-time", "weekday contradicts date")
    # the any-order reading (NFD text takes that path) agrees
    nfd = unicodedata.normalize("NFD", "Thứ Tư, 1/28/2026 6:52 PM")
    assert read(nfd) == ("2026-01-28T18:52:00+07:00", "mdy-time", None)
    # Vietnamese SA/CH, no clock time, another separator, a two-digit year: day first, so impossible
    assert read("1/28/2026 6:52:01 SA") == (None, "dmy-time", "impossible date")
    assert read("1/28/2026 6:52 CH") == (None, "dmy-time", "impossible date")
    assert read("1/28/2026") == (None, "dmy", "impossible date")
    assert read("1/28/2026 6:52") == (None, "dmy-time", "impossible date")
    assert read("1-28-2026 6:52 AM") == (None, "dmy-time", "impossible date")
    assert read("1/28/26 6:52 AM") == (None, "dmy-time", "impossible date")
    assert read("13/28/2026 6:52 AM") == (None, "dmy-time", "impossible date")  # neither reading
    # both readings possible: day first stays the default; dayfirst=False gives the month-first one
    assert read("3/7/2026 6:52:01 AM") == (None, "dmy-time", "in the future")
    assert read("3/7/2026 6:52:01 AM", dayfirst=False) == ("2026-03-07T06:52:01+07:00", "mdy-time", None)
    assert read("2/1/2026 12:05:00 AM") == ("2026-01-02T00:05:00+07:00", "dmy-time", None)
    assert read("2/1/2026 12:05:00 AM", dayfirst=False) == ("2026-02-01T00:05:00+07:00", "mdy-time", None)
    assert read("2/1/2026 12:05:00 PM", dayfirst=False) == ("2026-02-01T12:05:00+07:00", "mdy-time", None)
    assert read("2/1/2026 11:59:59 PM", dayfirst=False) == ("2026-02-01T23:59:59+07:00", "mdy-time", None)
    assert read("1/28/2026 6:52:01 AM", dayfirst=False) == ("2026-01-28T06:52:01+07:00", "mdy-time", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1/28/2026 6:52:01 AM", True),
        ("12/31/2025 11:59 PM", True),
        ("3/7/2026 6:52:01 am", True),
        ("Thứ Tư, 1/28/2026 6:52 PM", True),
        ("1/28/2026\u00a06:52\u00a0P.M.", True),
        ("1/28/2026 6:52:01 SA", False),  # Vietnamese marker: a Vietnamese page, day first
        ("1/28/2026 6:52:01", False),
        ("1/28/2026", False),
        ("28/1/2026 6:52 AM", False),  # the first number cannot be a month
        ("1/28/26 6:52 AM", False),
        ("1-28-2026 6:52 AM", False),
        ("2026-01-28T06:52:01", False),
        ("11/28/2026 6:52 AMX", False),
    ],
)
def test_is_us_style(text: str, expected: bool) -> None:
    assert is_us_style(text) is expected


def test_am_pm_markers() -> None:
    def read(text: str) -> str | None:
        return parse_date(text, relative_to=REF).isoformat()

    assert read("24/03/2021 12:30 SA") == "2021-03-24T00:30:00+07:00"
    assert read("24/03/2021 12:30 CH") == "2021-03-24T12:30:00+07:00"
    assert read("24/03/2021 01:30 CH") == "2021-03-24T13:30:00+07:00"
    assert read("24/03/2021 1:30 p.m.") == "2021-03-24T13:30:00+07:00"
    assert read("24/03/2021 15:30 CH") == "2021-03-24T15:30:00+07:00"


# --- the fallback -------------------------------------------------------------------------------------


def test_fallback_reads_what_the_fast_path_does_not() -> None:
    got = parse_date("Tháng ba 24 2021", relative_to=REF)
    assert (got.isoformat(), got.precision, got.rule) == ("2021-03-24T00:00:00+07:00", "day", "dateparser")


def test_fallback_results_pass_the_same_checks() -> None:
    def read(text: str, ref: datetime = REF) -> tuple[str | None, str | None]:
        got = parse_date(text, relative_to=ref)
        return got.rule, got.reason

    assert read("Thứ Năm, Tháng ba 24 2021") == ("dateparser", "weekday contradicts date")
    assert read("Tháng ba 24 2021", datetime(2021, 3, 1, tzinfo=VN_TZ)) == ("dateparser", "in the future")
    assert read("Tháng ba 24 1991") == ("dateparser", "before 1995")


def test_a_fallback_reading_must_be_printed_in_the_text() -> None:
    """dateparser fills what is not printed from the fetch time ("10 tháng" as ten months ago, a year from
    the clock): such a reading is refused, a reading of printed numbers is kept."""
    for text in ("10tháng122024", "6 giây", "Tháng ba 24", "21,21thg"):
        got = parse_date(text, relative_to=REF)
        assert (got.value, got.reason) == (None, "unreadable"), (text, got)
    assert parse_date("2021 tháng 3 24", relative_to=REF).isoformat() == "2021-03-24T00:00:00+07:00"
    grounded = parser_module._grounded
    value = datetime(2021, 3, 24, 15, 35, tzinfo=VN_TZ)
    assert grounded("24 3 2021 3 35 pm", value, "minute")
    assert grounded("24 3 21", value, "day")
    assert not grounded("24 3 2021", value, "minute")
    assert not grounded("25 3 2021", value, "day")
    assert not grounded("24 3", value, "day")


def test_a_dateparser_exception_is_a_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        def get_date_data(self, text: str) -> None:
            raise RuntimeError("boom")

    monkeypatch.setattr(fallback_module, "_parser", lambda base: Broken())
    got = parse_date("Tháng ba 24 2021", relative_to=REF)
    assert (got.value, got.reason) == (None, "unreadable")


def test_fallback_parser_is_built_once_per_fetch_time() -> None:
    fallback_module._parser.cache_clear()
    for _ in range(3):
        parse_date("Tháng ba 24 2021", relative_to=REF)
        parse_date("2021 tháng 3 24", relative_to=REF)
    info = fallback_module._parser.cache_info()
    assert (info.misses, info.hits) == (1, 5)


def test_importing_does_not_import_dateparser() -> None:
    code = "import sys, crawler.dates; assert 'dateparser' not in sys.modules, 'dateparser imported'"
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root, env={"PYTHONPATH": str(root)})
