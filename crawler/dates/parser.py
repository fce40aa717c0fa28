"""The fast path: exact, hand-written readers for the dateline shapes Vietnamese portals print.

`parse_date` tries, in order, on the text normalized (NFC, zero-width characters dropped, whitespace
collapsed, casefolded):

* ``iso8601``: the whole string is ISO 8601 / W3C datetime (sitemaps, ``article:published_time``);
* ``rfc822``: the whole string is an English RSS ``pubDate``;
* a dateline: components in any order between separators and labels (``Cập nhật:``, ``Đăng lúc``,
  ``|``, ``-``, ``(``...), read by one regular expression: at most one weekday, one date, one time (with
  an optional SA/CH or AM/PM marker and UTC offset), one zone (``GMT+7``, ``giờ Hà Nội``) and one
  relative form. Any other word sends the string to the fallback. Rules: ``dmy`` / ``mdy`` (numeric,
  by ``dayfirst``), ``ymd``, ``words`` (``ngày 24 tháng 3 năm 2021``), ``month`` (``tháng 3/2021``),
  each with ``-time`` appended when a clock time was read; ``relative`` for ``vừa xong``,
  ``5 phút trước``, ``hôm qua 15:35``;
* the fallback, dateparser (``crawler.dates.fallback``), rule ``dateparser``.

Every reading passes the same checks, and a failed check gives a value of None with a reason, never a
guess. A value is floored to its precision (``3 ngày trước`` is that day at 00:00).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from crawler.dates.fallback import read_with_dateparser  # cheap: it imports dateparser only when called

__all__ = [
    "EMPTY", "IMPOSSIBLE", "IN_FUTURE", "TOO_OLD", "UNREADABLE", "VN_TZ", "WEEKDAY_MISMATCH",
    "ParsedDate", "parse_date",
]  # fmt: skip

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

MIN_YEAR = 1995
FUTURE_SLACK = timedelta(days=1)

EMPTY = "empty"
UNREADABLE = "unreadable"
IMPOSSIBLE = "impossible date"
WEEKDAY_MISMATCH = "weekday contradicts date"
IN_FUTURE = "in the future"
TOO_OLD = "before 1995"


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """What `parse_date` read: a value with its precision and rule, or None with the reason.

    ``rule`` is also set on a refusal when a rule recognized the shape but a check refused it.
    """

    value: datetime | None
    precision: str | None = None
    rule: str | None = None
    reason: str | None = None

    def isoformat(self) -> str | None:
        return None if self.value is None else self.value.isoformat()


# --- normalization ------------------------------------------------------------------------------------

# Zero-width and formatting characters that appear inside copied datelines; dropped before reading.
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")


def _clean(text: str) -> str:
    """NFC, without zero-width characters, whitespace (NBSP, tabs, newlines) collapsed to one space."""
    if not text.isascii():
        if _ZERO_WIDTH.search(text) is not None:
            text = _ZERO_WIDTH.sub("", text)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


# --- whole-string shapes ------------------------------------------------------------------------------

_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<mo>\d{2})(?:-(?P<d>\d{2})"
    r"(?:[t ](?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,]\d{1,9})?)?"
    r"\s?(?P<z>z|[+-]\d{2}(?::?\d{2})?)?)?)?"
)

_EN_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_EN_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_EN_ZONES = {
    "gmt": 0, "ut": 0, "utc": 0, "z": 0, "ict": 420,
    "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
}  # fmt: skip

_RFC822 = re.compile(
    r"(?:(?P<wd>mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)\.?,?\s*)?"
    r"(?P<d>\d{1,2})[\s\-](?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
    r"|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?[\s\-]"
    r"(?P<y>\d{4}|\d{2})"
    r"(?:,?\s+(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?"
    r"(?:\s*(?P<z>[+-]\d{2}:?\d{2}|gmt|utc|ut|z|ict|[ecmp][sd]t)(?![a-z]))?)?"
)

# --- datelines ----------------------------------------------------------------------------------------

# (?![^\W\d_]): not followed by a letter; (?![^\W_]): not followed by a letter or a digit.
_SEP = r"[\s|,.;:()\[\]/\\•·*~_\-–—]*"
_LABEL = (
    r"(?:cập\s?nhật|cập\s?nhập|đăng|tải|ngày|lúc|vào|xuất\s?bản|thời\s?gian"
    r"|posted|published|updated|on|at)(?![^\W\d_])"
)
_SKIP = rf"{_SEP}(?:{_LABEL}{_SEP})*"  # separators and labels
_UNITS = r"giây|phút|giờ|tiếng|ngày|tuần|tháng"
_WEEKDAY = r"thứ\s?(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s?nhật|cn|t[2-7]"

# The five components of a dateline, each one named group (its "slot") with the parts inside.
_COMPONENTS = {
    "wd": rf"(?P<wd>{_WEEKDAY})(?![^\W_])",
    "dt": (
        r"(?P<dt>"
        # 24/03/2021, 24-03-21, 24.03.2021, 2021/03/24: the lengths are checked in the code
        r"(?P<a>\d{1,4})\s?(?P<ds>[/.\-])\s?(?P<b>\d{1,2})\s?(?P=ds)\s?(?P<c>\d{1,4})(?!\d)"
        # 24 tháng 3 năm 2021, 24 tháng 3, 2021
        r"|(?P<dw_d>\d{1,2})\s?tháng\s?(?P<dw_m>\d{1,2})\s?(?:,|năm|/|-|\.)?\s?(?P<dw_y>\d{4})(?!\d)"
        # tháng 3/2021, tháng 3 năm 2021
        r"|tháng\s?(?P<mo_m>\d{1,2})\s?(?:,|năm|/|-|\.)?\s?(?P<mo_y>\d{4})(?!\d)"
        r"|(?P<dword>hôm\s?nay|hôm\s?qua|hôm\s?kia|today|yesterday)(?![^\W\d_])"
        r")"
    ),
    "tm": (
        # 15:35[:20], 15h[35], 15g35, 15 giờ [35 phút [20 giây]]; then SA/CH/AM/PM and an offset
        r"(?P<tm>(?P<h>\d{1,2})"
        r"(?::(?P<tc_m>\d{2})(?::(?P<tc_s>\d{2})(?:\.\d{3,9})?)?"
        r"|\s?[hg](?P<th_m>\d{2})?(?:(?<=\d)\s?(?:phút|p)(?![^\W\d_]))?"
        r"|\s?(?P<tv>giờ)(?:\s?(?P<tv_m>\d{1,2})(?:\s?phút|(?!\s?[/.\-]\s?\d))"
        r"(?:\s?(?P<tv_s>\d{1,2})\s?giây)?)?)"
        r"(?:\s?(?P<ap>sa|ch|am|pm|a\.m\.?|p\.m\.?)(?![^\W_]))?"
        r"(?:\s?(?P<off>[+-]\d{2}:?\d{2})(?!\d)|(?P<z>z))?"
        r"(?![^\W_]))"
    ),
    "zn": (
        r"(?P<zn>(?:gmt|utc|ut)(?:\s?(?P<z_sign>[+-])\s?(?P<z_h>\d{1,2})(?::?(?P<z_m>\d{2}))?)?"
        r"|(?:múi\s?)?giờ\s?(?:hà\s?nội|việt\s?nam|vn)|ict)(?![^\W_])"
    ),
    "rl": (
        # 5 phút trước, cách đây 2 giờ, vừa xong
        r"(?P<rl>(?:cách\s?đây\s?(?P<rel_n>\d{1,4})\s?(?P<rel_u>" + _UNITS + r")(?:\s?trước)?"
        r"|(?P<rel_n2>\d{1,4})\s?(?P<rel_u2>" + _UNITS + r")\s?trước"
        r"|(?P<now>vừa\s?xong|vừa\s?mới|vừa\s?đăng|just\s?now))(?![^\W\d_]))"
    ),
}


def _dateline_pattern() -> re.Pattern[str]:
    """Components in any order between separators and labels, each slot at most once.

    ``(?(N)(?!)|...)`` refuses a slot whose group N has matched already. Python accepts a forward
    reference to a group only by number, so the numbers are read from a first compilation.
    """
    body = "".join(f"|(?(@{slot}@)(?!)|{pattern})" for slot, pattern in _COMPONENTS.items())
    template = rf"(?:{_SKIP}(?:{body[1:]}))*{_SKIP}"
    numbers = re.compile(re.sub("@[a-z]+@", "1", template)).groupindex
    return re.compile(re.sub("@([a-z]+)@", lambda m: str(numbers[m.group(1)]), template))


# One fullmatch reads a dateline; when it fails, _KNOWN (the same components, repeats allowed) tells a
# string of known parts that do not make one date (two dates, say) from one with words we do not know.
_DATELINE = _dateline_pattern()
_KNOWN = re.compile(rf"(?:{_SKIP}(?:{'|'.join(_COMPONENTS.values())}))*{_SKIP}")
# Every group of _DATELINE in order, as _read_dateline unpacks m.groups() (faster than m.group(*names)).
_GROUPS = (
    "wd", "dt", "a", "ds", "b", "c", "dw_d", "dw_m", "dw_y", "mo_m", "mo_y", "dword",
    "tm", "h", "tc_m", "tc_s", "th_m", "tv", "tv_m", "tv_s", "ap", "off", "z",
    "zn", "z_sign", "z_h", "z_m", "rl", "rel_n", "rel_u", "rel_n2", "rel_u2", "now",
)  # fmt: skip
_ORDER = tuple(sorted(_DATELINE.groupindex, key=_DATELINE.groupindex.__getitem__))
if len(_GROUPS) != _DATELINE.groups or _ORDER != _GROUPS:
    raise ImportError("crawler.dates.parser: _GROUPS no longer matches the groups of _DATELINE")
_MAX_LENGTH = 200  # longer is not a dateline; and it bounds the regex's work

_WEEKDAYS = {
    "thứhai": 0, "thứ2": 0, "t2": 0,
    "thứba": 1, "thứ3": 1, "t3": 1,
    "thứtư": 2, "thứ4": 2, "t4": 2,
    "thứnăm": 3, "thứ5": 3, "t5": 3,
    "thứsáu": 4, "thứ6": 4, "t6": 4,
    "thứbảy": 5, "thứbẩy": 5, "thứ7": 5, "t7": 5,
    "chủnhật": 6, "cn": 6,
}  # fmt: skip
_WEEKDAY_SEARCH = re.compile(rf"(?<![^\W_])(?:{_WEEKDAY})(?![^\W_])")

_UNIT_PRECISION = {
    "giây": "second", "phút": "minute", "giờ": "hour", "tiếng": "hour",
    "ngày": "day", "tuần": "day", "tháng": "month",
}  # fmt: skip
_UNIT_SECONDS = {"giây": 1, "phút": 60, "giờ": 3600, "tiếng": 3600, "ngày": 86400, "tuần": 7 * 86400}
_DAY_WORDS = {"hômnay": 0, "today": 0, "hômqua": 1, "yesterday": 1, "hômkia": 2}

_UNREADABLE = ParsedDate(None, reason=UNREADABLE)

# A ParsedDate with a value, made without the frozen dataclass's __init__ (four object.__setattr__ calls,
# a tenth of the fast path's time): the same object, set through its slots.
_new = object.__new__
_set_value, _set_precision, _set_rule, _set_reason = (
    ParsedDate.__dict__[name].__set__ for name in ("value", "precision", "rule", "reason")
)


def _read(value: datetime, precision: str, rule: str) -> ParsedDate:
    result: ParsedDate = _new(ParsedDate)
    _set_value(result, value)
    _set_precision(result, precision)
    _set_rule(result, rule)
    _set_reason(result, None)
    return result


_FIXED_ZONES: dict[int, tzinfo] = {420: VN_TZ}


def _zone(minutes: int) -> tzinfo | None:
    """The zone of a UTC offset in minutes; None past ±14:00."""
    tz = _FIXED_ZONES.get(minutes)
    if tz is None:
        if abs(minutes) > 14 * 60:
            return None
        tz = _FIXED_ZONES[minutes] = timezone(timedelta(minutes=minutes))
    return tz


def _offset(text: str) -> int | None:
    """Minutes east of UTC for ``z``, ``+07``, ``+0700``, ``-07:00``; None if the minutes are not 0-59."""
    if text == "z":
        return 0
    digits = text[1:].replace(":", "")
    minutes = int(digits[2:] or 0)
    if minutes > 59:
        return None
    total = int(digits[:2]) * 60 + minutes
    return -total if text[0] == "-" else total


def _floor(value: datetime, precision: str) -> datetime:
    if precision == "second":
        return value.replace(microsecond=0)
    if precision == "minute":
        return value.replace(second=0, microsecond=0)
    if precision == "hour":
        return value.replace(minute=0, second=0, microsecond=0)
    if precision == "day":
        return value.replace(hour=0, minute=0, second=0, microsecond=0)
    return value.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def _finish(value: datetime, precision: str, rule: str, ref: datetime) -> ParsedDate:
    """The checks every reading passes, on a tz-aware value."""
    if value.tzinfo is not VN_TZ:
        value = value.astimezone(VN_TZ)
    if value.year < MIN_YEAR:
        return ParsedDate(None, None, rule, TOO_OLD)
    if value > ref + FUTURE_SLACK:
        return ParsedDate(None, None, rule, IN_FUTURE)
    return _read(value, precision, rule)


def _build(
    year: int,
    month: int,
    day: int,
    hour: int,
    minute: int,
    second: int,
    tz: tzinfo,
    weekday: int | None,
    precision: str,
    rule: str,
    ref: datetime,
) -> ParsedDate:
    try:
        value = datetime(year, month, day, hour, minute, second, 0, tz)  # positional tz: faster
    except ValueError:
        return ParsedDate(None, None, rule, IMPOSSIBLE)
    if weekday is not None and value.weekday() != weekday:
        return ParsedDate(None, None, rule, WEEKDAY_MISMATCH)
    return _finish(value, precision, rule, ref)


def _two_digit_year(yy: int, ref: datetime) -> int:
    """20yy, unless that is after next year: then 19yy (so 24-03-98 is 1998)."""
    year = 2000 + yy
    return year - 100 if year > ref.year + 1 else year


def _read_iso(s: str, ref: datetime) -> ParsedDate | None:
    m = _ISO.fullmatch(s)
    if m is None:
        return None
    y, mo, d, h, mi, sec, z = m.group("y", "mo", "d", "h", "mi", "s", "z")
    tz: tzinfo = VN_TZ
    if z is not None:
        off = _offset(z)
        found = None if off is None else _zone(off)
        if found is None:
            return ParsedDate(None, None, "iso8601", IMPOSSIBLE)
        tz = found
    if d is None:
        precision = "month"
    elif h is None:
        precision = "day"
    else:
        precision = "minute" if sec is None else "second"
    if h is None:
        tz = VN_TZ  # a calendar date is a day in Vietnam, whatever the offset
    return _build(
        int(y), int(mo), int(d or 1), int(h or 0), int(mi or 0), int(sec or 0),
        tz, None, precision, "iso8601", ref,
    )  # fmt: skip


def _read_rfc822(s: str, ref: datetime) -> ParsedDate | None:
    m = _RFC822.fullmatch(s)
    if m is None:
        return None
    wd, d, mon, y, h, mi, sec, z = m.group("wd", "d", "mon", "y", "h", "mi", "s", "z")
    year = int(y)
    if len(y) == 2:
        year = _two_digit_year(year, ref)
    tz: tzinfo = VN_TZ
    if z is not None:
        off = _EN_ZONES.get(z)
        if off is None:
            off = _offset(z)
        found = None if off is None else _zone(off)
        if found is None:
            return ParsedDate(None, None, "rfc822", IMPOSSIBLE)
        tz = found
    precision = "day" if h is None else "minute" if sec is None else "second"
    return _build(
        year, _EN_MONTHS[mon[:3]], int(d), int(h or 0), int(mi or 0), int(sec or 0),
        tz if h is not None else VN_TZ, None if wd is None else _EN_WEEKDAYS[wd[:3]],
        precision, "rfc822", ref,
    )  # fmt: skip


def _read_dateline(s: str, ref: datetime, dayfirst: bool) -> ParsedDate | None:
    """A dateline's components read as one date; None when the string has words we do not know.

    A string made only of known components that do not make one date (two dates, a time alone, a
    relative form with a date) is unreadable here, and is not handed to the fallback: it could only guess.
    """
    m = _DATELINE.fullmatch(s)
    if m is None:
        return _UNREADABLE if _KNOWN.fullmatch(s) is not None else None
    (
        wd, _dt, a, _ds, b, c, dw_d, dw_m, dw_y, mo_m, mo_y, dword,
        _tm, h, tc_m, tc_s, th_m, _tv, tv_m, tv_s, ap, off, z,
        zn, z_sign, z_h, z_m, rl, rel_n, rel_u, rel_n2, rel_u2, _now,
    ) = m.groups()  # fmt: skip

    if rl is not None:
        if wd is not None or a is not None or dw_d is not None or mo_m is not None or dword is not None:
            return _UNREADABLE
        if h is not None or zn is not None:
            return _UNREADABLE
        if rel_n is not None:
            return _relative(int(rel_n), rel_u, ref)
        if rel_n2 is not None:
            return _relative(int(rel_n2), rel_u2, ref)
        return _relative(0, "phút", ref)  # vừa xong

    weekday = None if wd is None else _WEEKDAYS[wd.replace(" ", "")]
    if a is not None:  # a numeric date
        if len(a) == 4:
            if len(c) > 2:
                return None
            year, month, day, kind = int(a), int(b), int(c), "ymd"
        else:
            if len(a) > 2 or len(c) == 1 or len(c) == 3:
                return None
            day, month = (int(a), int(b)) if dayfirst else (int(b), int(a))
            year = int(c) if len(c) == 4 else _two_digit_year(int(c), ref)
            kind = "dmy" if dayfirst else "mdy"
    elif dw_d is not None:
        day, month, year, kind = int(dw_d), int(dw_m), int(dw_y), "words"
    elif dword is not None:  # hôm nay, hôm qua, hôm kia
        when = ref.astimezone(VN_TZ).date() - timedelta(days=_DAY_WORDS[dword.replace(" ", "")])
        year, month, day, kind = when.year, when.month, when.day, "relative"
    elif mo_m is not None:
        if h is not None or weekday is not None:
            return _UNREADABLE
        return _build(int(mo_y), int(mo_m), 1, 0, 0, 0, VN_TZ, None, "month", "month", ref)
    else:
        return _UNREADABLE  # a time alone, a weekday alone, labels alone: not a date

    if h is None:
        # A calendar date is a day in Vietnam; a zone without a clock time says nothing more.
        return _build(year, month, day, 0, 0, 0, VN_TZ, weekday, "day", kind, ref)

    hour, minute, second, precision = int(h), 0, 0, "hour"
    if tc_m is not None:
        minute, precision = int(tc_m), "minute"
        if tc_s is not None:
            second, precision = int(tc_s), "second"
    elif th_m is not None:
        minute, precision = int(th_m), "minute"
    elif tv_m is not None:
        minute, precision = int(tv_m), "minute"
        if tv_s is not None:
            second, precision = int(tv_s), "second"
    if ap is not None and 1 <= hour <= 12:
        # Hours 0 and 13-23 are on the 24-hour clock already; a marker adds nothing to them.
        if ap[0] in "cp":
            if hour != 12:
                hour += 12
        elif hour == 12:
            hour = 0
    rule = kind if kind == "relative" else kind + "-time"
    if hour > 23 or minute > 59 or second > 59:
        return ParsedDate(None, None, rule, IMPOSSIBLE)

    tz: tzinfo | None = VN_TZ
    if off is not None or z is not None:
        if zn is not None:
            return _UNREADABLE  # two zones
        offset = _offset(off or "z")
        tz = None if offset is None else _zone(offset)
    elif z_sign is not None:
        offset = int(z_h) * 60 + int(z_m or 0)
        tz = _zone(-offset if z_sign == "-" else offset)
    elif zn is not None and zn.startswith(("gmt", "ut")):
        tz = _zone(0)
    if tz is None:
        return None
    return _build(year, month, day, hour, minute, second, tz, weekday, precision, rule, ref)


def _relative(n: int, unit: str, ref: datetime) -> ParsedDate:
    local = ref.astimezone(VN_TZ)
    precision = _UNIT_PRECISION[unit]
    if unit == "tháng":
        months = local.year * 12 + local.month - 1 - n
        value = datetime(months // 12, months % 12 + 1, 1, tzinfo=VN_TZ)
    else:
        value = _floor(local - timedelta(seconds=n * _UNIT_SECONDS[unit]), precision)
    return _finish(value, precision, "relative", ref)


def _fallback_weekday_check(text: str, value: datetime) -> bool:
    """False when the text names exactly one weekday and the value's (Vietnam) date is not on it."""
    found = {_WEEKDAYS[w.replace(" ", "")] for w in _WEEKDAY_SEARCH.findall(text)}
    return len(found) != 1 or value.weekday() in found


def parse_date(text: str | None, *, relative_to: datetime | None = None, dayfirst: bool = True) -> ParsedDate:
    """Read a dateline, ``pubDate`` or ISO timestamp; never guess.

    ``relative_to`` is the page's fetch time (tz-aware; naive means Vietnam time; default now). It anchors
    relative forms and the "in the future" check (more than a day after it). ``dayfirst=False`` reads
    numeric ``a/b/y`` dates month-first. The value is in Asia/Ho_Chi_Minh; a naive time means Vietnam time.
    """
    if relative_to is None:
        ref = datetime.now(VN_TZ)
    elif relative_to.tzinfo is None:
        ref = relative_to.replace(tzinfo=VN_TZ)
    else:
        ref = relative_to
    if text is None:
        return ParsedDate(None, reason=EMPTY)
    cleaned = _clean(text)
    if not cleaned:
        return ParsedDate(None, reason=EMPTY)
    s = cleaned.casefold()

    # Cheap guards keep the whole-string readers off strings that cannot be theirs.
    if s[4:5] == "-" and s[:4].isdigit():
        result = _read_iso(s, ref)
        if result is not None:
            return result
    if s.isascii() and (s[0].isalpha() or s[1:2] in (" ", "-") or s[2:3] in (" ", "-")):
        result = _read_rfc822(s, ref)
        if result is not None:
            return result
    if len(s) <= _MAX_LENGTH:
        result = _read_dateline(s, ref, dayfirst)
        if result is not None:
            return result

    found = read_with_dateparser(cleaned, ref)
    if found is None:
        return ParsedDate(None, reason=UNREADABLE)
    value, precision = found
    value = _floor(value.astimezone(VN_TZ), precision)
    if not _fallback_weekday_check(s, value):
        return ParsedDate(None, None, "dateparser", WEEKDAY_MISMATCH)
    return _finish(value, precision, "dateparser", ref)
