"""Property tests for crawler.dates: any value written in any supported shape reads back exactly."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.dates import VN_TZ, parse_date
from crawler.dates import parser as P
from replica import date_samples as S

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FETCH = S.SAMPLE_FETCH_TIME

values = st.datetimes(min_value=datetime(1995, 1, 1, 0, 0), max_value=datetime(2030, 12, 31, 23, 59, 59)).map(
    lambda d: d.replace(microsecond=0, tzinfo=VN_TZ)
)

shapes = st.builds(
    S.Shape,
    weekday=st.integers(-1, len(S.WEEKDAY_NAMES) - 1),
    weekday_separator=st.integers(0, len(S.WEEKDAY_SEPARATORS) - 1),
    label=st.integers(0, len(S.LABELS) - 1),
    date_form=st.integers(0, S.DATE_FORMS - 1),
    two_digit_year=st.booleans(),
    time_form=st.integers(-1, S.TIME_FORMS - 1),
    time_first=st.booleans(),
    separator=st.integers(0, len(S.SEPARATORS) - 1),
    zone=st.integers(0, len(S.ZONES) - 1),
    space=st.integers(0, len(S.SPACES) - 1),
    case=st.integers(0, S.CASES - 1),
    nfd=st.booleans(),
    zero_width=st.booleans(),
)

offsets = st.integers(-48, 56).map(lambda quarter: quarter * 15)


@FAST
@given(values, shapes)
def test_every_dateline_shape_reads_back(value: datetime, shape: S.Shape) -> None:
    text, expected, precision = S.render(value, shape)
    got = parse_date(text, relative_to=FETCH)
    assert got.reason is None, (text, got)
    assert got.value == expected, (text, got)
    assert got.precision == precision, (text, got)
    assert got.value is not None and got.value.tzinfo is VN_TZ
    assert got.rule is not None and got.rule != "dateparser", (text, got)


@FAST
@given(values, shapes, st.integers(-1, 6))
def test_the_fast_reader_agrees_with_the_any_order_grammar(
    value: datetime, shape: S.Shape, shift: int
) -> None:
    """Whatever _COMMON reads (straight, or once normalized) _read_dateline reads the same, refusals too."""
    text, _, _ = S.render(value, shape, weekday_shift=max(shift, 0))
    for candidate in (text, P._clean_unicode(text)):
        if candidate is None:
            continue
        m = P._COMMON.fullmatch(candidate)
        first = None if m is None else P._read_common(m, FETCH)
        if first is not None:
            assert first == P._read_dateline(" ".join(candidate.split()).casefold(), FETCH, True), candidate


@FAST
@given(values, shapes, st.integers(0, len(S.WEEKDAY_NAMES) - 1), st.integers(1, 6))
def test_a_wrong_weekday_is_refused(value: datetime, shape: S.Shape, form: int, shift: int) -> None:
    shape = dataclasses.replace(shape, weekday=form)
    text, _, _ = S.render(value, shape, weekday_shift=shift)
    got = parse_date(text, relative_to=FETCH)
    assert (got.value, got.reason) == (None, "weekday contradicts date"), (text, got)


@FAST
@given(values, offsets, st.booleans(), st.booleans(), st.sampled_from(["T", " "]))
def test_iso8601_with_any_offset(value: datetime, offset: int, seconds: bool, colon: bool, t: str) -> None:
    zone = timezone(timedelta(minutes=offset))
    there = value.astimezone(zone)
    text = there.strftime(f"%Y-%m-%d{t}%H:%M" + (":%S" if seconds else ""))
    sign = "-" if offset < 0 else "+"
    hh, mm = divmod(abs(offset), 60)
    text += "Z" if offset == 0 and colon else f"{sign}{hh:02d}{':' if colon else ''}{mm:02d}"
    got = parse_date(text, relative_to=FETCH)
    want = value if seconds else value.replace(second=0)
    assert (got.value, got.precision, got.rule) == (want, "second" if seconds else "minute", "iso8601"), text


@FAST
@given(values)
def test_iso8601_dates_and_naive_times_are_vietnam_time(value: datetime) -> None:
    got = parse_date(value.strftime("%Y-%m-%d"), relative_to=FETCH)
    assert (got.value, got.precision) == (value.replace(hour=0, minute=0, second=0), "day")
    got = parse_date(value.strftime("%Y-%m-%dT%H:%M:%S"), relative_to=FETCH)
    assert (got.value, got.precision) == (value, "second")


@FAST
@given(values, st.booleans(), st.booleans())
def test_us_style_month_first(value: datetime, seconds: bool, pad: bool) -> None:
    """M/D/YYYY h:mm[:ss] AM/PM: month first with dayfirst=False; by default too when day first is impossible."""
    hour12 = value.hour % 12 or 12
    marker = "AM" if value.hour < 12 else "PM"
    date = f"{value.month:02d}/{value.day:02d}" if pad else f"{value.month}/{value.day}"
    clock = f"{hour12}:{value.minute:02d}" + (f":{value.second:02d}" if seconds else "")
    text = f"{date}/{value.year} {clock} {marker}"
    want = value if seconds else value.replace(second=0)
    precision = "second" if seconds else "minute"
    assert P.is_us_style(text)
    got = parse_date(text, relative_to=FETCH, dayfirst=False)
    assert (got.value, got.precision, got.rule) == (want, precision, "mdy-time"), text
    got = parse_date(text, relative_to=FETCH)
    if value.day > 12:
        assert (got.value, got.precision, got.rule) == (want, precision, "mdy-time"), text
    elif value.day != value.month:
        assert got.rule == "dmy-time" and got.value != want, text


_EN_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@FAST
@given(values, st.sampled_from(["GMT", "+0000", "+0700", "-0500", "UT", "Z"]), st.booleans())
def test_rss_pubdate(value: datetime, zone_text: str, weekday: bool) -> None:
    minutes = {"GMT": 0, "+0000": 0, "+0700": 420, "-0500": -300, "UT": 0, "Z": 0}[zone_text]
    there = value.astimezone(timezone(timedelta(minutes=minutes)))
    text = (
        (f"{_EN_DAYS[there.weekday()]}, " if weekday else "")
        + f"{there.day:02d} {_EN_MONTHS[there.month - 1]} {there.year} "
        + f"{there.hour:02d}:{there.minute:02d}:{there.second:02d} {zone_text}"
    )
    got = parse_date(text, relative_to=FETCH)
    assert (got.value, got.precision, got.rule) == (value, "second", "rfc822"), text


@FAST
@given(
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2030, 12, 31)).map(
        lambda d: d.replace(tzinfo=VN_TZ)
    ),
    st.integers(0, 9999),
    st.sampled_from(["phút", "giờ", "tiếng", "ngày", "tuần"]),
    st.sampled_from(["{n} {u} trước", "{n}\u00a0{u} trước", "Cập nhật {n} {u} trước", "cách đây {n} {u}"]),
)
def test_relative_forms(fetch: datetime, n: int, unit: str, pattern: str) -> None:
    got = parse_date(pattern.format(n=n, u=unit), relative_to=fetch)
    step = {"phút": 60, "giờ": 3600, "tiếng": 3600, "ngày": 86400, "tuần": 7 * 86400}[unit]
    back = fetch - timedelta(seconds=n * step)
    if unit == "phút":
        want, precision = back.replace(second=0, microsecond=0), "minute"
    elif unit in ("giờ", "tiếng"):
        want, precision = back.replace(minute=0, second=0, microsecond=0), "hour"
    else:
        want, precision = back.replace(hour=0, minute=0, second=0, microsecond=0), "day"
    if want.year < 1995:
        assert got.reason == "before 1995"
    else:
        assert (got.value, got.precision, got.rule) == (want, precision, "relative")


@FAST
@given(
    st.datetimes(min_value=datetime(2000, 1, 2), max_value=datetime(2030, 12, 31)).map(
        lambda d: d.replace(tzinfo=VN_TZ)
    ),
    st.integers(0, 23),
    st.integers(0, 59),
    st.sampled_from(["hôm qua {t}", "hôm qua lúc {t}", "{t} hôm qua", "Hôm nay {t}", "hôm nay, {t}"]),
)
def test_yesterday_and_today(fetch: datetime, h: int, mi: int, pattern: str) -> None:
    got = parse_date(pattern.format(t=f"{h:02d}:{mi:02d}"), relative_to=fetch)
    day = fetch.date() - timedelta(days=1 if "qua" in pattern else 0)
    want = datetime(day.year, day.month, day.day, h, mi, tzinfo=VN_TZ)
    assert (got.value, got.precision, got.rule) == (want, "minute", "relative")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40) | st.from_regex(r"[0-9/:. ,\-hgTtCcNn]{0,30}", fullmatch=True))
def test_never_crashes_and_never_both(text: str) -> None:
    got = parse_date(text, relative_to=FETCH)
    assert (got.value is None) != (got.reason is None), got
    assert (got.value is None) == (got.precision is None), got
    if got.value is not None:
        assert got.value.tzinfo is VN_TZ
        assert datetime(1995, 1, 1, tzinfo=VN_TZ) <= got.value <= FETCH + timedelta(days=1)
