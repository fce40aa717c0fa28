"""The fast path: exact, hand-written readers for the dateline shapes Vietnamese portals print.

What `parse_date` reads (a table of real-shaped examples is replica/data/datelines_real_shapes.tsv): at most
one weekday (``Thứ Tư``, ``Thứ 4``, ``T4``, ``T.Tư``, ``CN``, ``Wed``), one date, one clock time (``15:35``,
``15:35:20``, ``15h35'``, ``15g35``, ``15 giờ 35 phút``, with SA/CH or AM/PM and an optional UTC offset), one
UTC offset (``GMT+7``, ``(GMT +7)``, ``UTC +07:00``, ``GMT``), one name of UTC+7 (``giờ Hà Nội``, ``ICT``,
``Indochina Time``) and one relative form, between separators and labels (``Cập nhật lúc:``, ``Ngày đăng:``,
``Xuất bản ngày``, ``|``, ``-``, ``(``...). Any other word sends the string to the fallback. Rules, each
with ``-time`` appended when a clock time was read:

- ``dmy`` / ``mdy``: numeric ``24/03/2021``, ``24-3-21``, ``24.3.2021`` (day first unless ``dayfirst`` is
  False); a US-style ``1/28/2026 6:52:01 AM`` (``M/D/YYYY h:mm[:ss]`` with an English AM/PM marker, as
  ASP.NET prints it) whose day-first reading is impossible is read month-first (``is_us_style`` tells the
  shape, for a caller that must choose when both readings are possible);
- ``ymd``: numeric ``2021/03/24``;
- ``words``: a named or spelled month: ``ngày 24 tháng 3 năm 2021``, ``24 tháng Ba, 2021``, ``24 Th03 2021``,
  ``24 thg 3, 2021``, ``Tháng Mười Hai 24, 2021``, ``Mar 24, 2021``, ``24 March 2021``;
- ``dm``: a day and month without a year (``15g35 ngày 24/3``, ``24 tháng 3``), only beside a clock time or
  a weekday: the year is relative_to's year in Vietnam, or the year before when that reading would be in
  the future (more than a day after relative_to); the weekday, if any, is checked, never used to choose;
- ``month``: ``tháng 3/2021``, ``tháng 3 năm 2021`` (month precision);
- ``relative``: ``vừa xong``, ``5 phút trước``, ``hôm qua 15:35``;
- ``iso8601``: the whole string is ISO 8601 / W3C datetime (sitemaps, ``article:published_time``), or its
  SQL form ``2021-03-24 15:35:20`` (naive: Vietnam time);
- ``rfc822``: the whole string is an English RSS ``pubDate``;
- ``dateparser``: the fallback (``crawler.dates.fallback``), for what the fast path does not know; its
  reading is kept only if the year, and at its precision the day, hour and minute, are printed in the text
  (dateparser fills what is missing from the fetch time: a guess).

Every reading passes the same checks, and a failed check gives a value of None with a reason, never a
guess. A value is floored to its precision (``3 ngày trước`` is that day at 00:00).

How, in order (speed is the point: a crawl reads every article's datelines):

1. ``_ISO`` and ``_RFC822`` on the text as printed, behind cheap guards (a digit-dash at [4], ASCII);
2. ``_COMMON`` on the text as printed: the two orders portals use ([labels] [weekday] date [time] [zone],
   [labels] [weekday] time [weekday] date [zone]) with every component above, case-insensitive and
   whitespace-tolerant, so that it needs no normalization;
3. the text normalized (zero-width characters dropped, NFC, whitespace collapsed, casefolded; the Unicode
   steps only for non-ASCII text), and ``_COMMON`` again if that changed it (NFD input);
4. ``_ISO``, ``_RFC822`` and ``_DATELINE`` (the components in any order, each once) on the normalized text:
   this is the definition of what is read; ``_COMMON`` reads a subset of it, the same way (tests check it);
5. the fallback.

Vietnam has kept UTC+07:00 without daylight saving since 1975, and values before 1995 are refused, so a
reading is moved to Vietnam time by plain arithmetic on the offset; the value's tzinfo is `VN_TZ`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from crawler.dates.fallback import read_with_dateparser  # cheap: it imports dateparser only when called

__all__ = [
    "EMPTY", "IMPOSSIBLE", "IN_FUTURE", "TOO_OLD", "UNREADABLE", "VN_TZ", "WEEKDAY_MISMATCH",
    "ParsedDate", "is_us_style", "parse_date",
]  # fmt: skip

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
VN_OFFSET = 420  # minutes east of UTC, since 1975

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
_is_nfc = unicodedata.is_normalized
_nfc = unicodedata.normalize


def _clean_unicode(text: str) -> str | None:
    """``text`` in NFC without zero-width characters; None when it is that already."""
    cleaned = text
    if _ZERO_WIDTH.search(cleaned) is not None:
        cleaned = _ZERO_WIDTH.sub("", cleaned)
    if not _is_nfc("NFC", cleaned):
        cleaned = _nfc("NFC", cleaned)
    return None if cleaned is text else cleaned


def _clean(text: str) -> str:
    """NFC, without zero-width characters, whitespace (NBSP, tabs, newlines) collapsed to one space."""
    if not text.isascii():
        text = _clean_unicode(text) or text
    return " ".join(text.split())


# --- whole-string shapes ------------------------------------------------------------------------------

_ISO = re.compile(  # on the text as printed or normalized: T or t, Z or z; (?:...|) is cheaper than (?:...)?
    r"(\d{4})-(\d{2})(?:-(\d{2})"
    r"(?:[tT ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9}|)|)"
    r" ?(?:([zZ]|[+-]\d{2}(?::?\d{2}|))|)|)|)"
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

_EN_WEEKDAY = (
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?"
    r"|sun(?:day)?"
)
_EN_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)

_RFC822 = re.compile(  # on the text as printed or normalized
    rf"\s*(?:({_EN_WEEKDAY})\.?,?\s*)?"
    rf"(\d{{1,2}})(?:\s+|-)({_EN_MONTH})\.?,?(?:\s+|-)(\d{{4}}|\d{{2}})"
    r"(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?"
    r"(?:\s*([+-]\d{2}:?\d{2}|gmt|utc|ut|z|ict|[ecmp][sd]t)(?![a-z]))?)?\s*",
    re.IGNORECASE,
)

# --- datelines ----------------------------------------------------------------------------------------

# (?![^\W\d_]): not followed by a letter; (?![^\W_]): not followed by a letter or a digit.
_SEP = r"[\s|,.;:()\[\]/\\•·*~_\-–—'’\"“”]*"
_LABEL = (
    r"(?:cập\s?nhật|cập\s?nhập|đăng|tải|ngày|lúc|vào|xuất\s?bản|phát\s?hành|thời\s?gian|lần\s?cuối"
    r"|mùng|mồng|posted|published|updated|last|on|at)(?![^\W\d_])"
)
_SKIP = rf"{_SEP}(?:{_LABEL}{_SEP})*"  # separators and labels
_UNITS = r"giây|phút|giờ|tiếng|ngày|tuần|tháng"
_WEEKDAY = (
    r"thứ\s?(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s?nhật|cn|t\.?[2-7]"
    r"|t\.\s?(?:hai|ba|tư|năm|sáu|bảy|bẩy)|" + _EN_WEEKDAY
)
# Months spelled in Vietnamese (tháng Ba, tháng Mười Hai) or numbered; "tháng Giêng"/"tháng Chạp" are
# left out: they usually name lunar months.
_VI_MONTH = r"\d{1,2}(?!\d)|mười\s?một|mười\s?hai|mười|một|hai|ba|tư|bốn|năm|sáu|bảy|bẩy|tám|chín"
# tháng 3, tháng Ba; the abbreviations only with a number: thg 3 (CLDR), Th03 (moment), Th.3 (datepicker)
_MONTH_WORD = r"(?:tháng|(?:thg|th\.?)(?=\s?\d))\s?"

# The components of a dateline, each one named group (its "slot") with the parts inside.
_COMPONENTS = {
    "wd": rf"(?P<wd>{_WEEKDAY})(?![^\W_])",
    "dt": (
        r"(?P<dt>"
        # 24/03/2021, 24-03-21, 24.03.2021, 2021/03/24, 24/3 (lengths are checked in the code)
        r"(?P<a>\d{1,4})\s?(?P<ds>[/.\-])\s?(?P<b>\d{1,2})(?:\s?(?P=ds)\s?(?P<c>\d{1,4}))?(?!\d)"
        # 24 tháng 3 năm 2021, 24 tháng Ba, 2021, 24 Th03 2021, 24 tháng 3
        rf"|(?P<vd>\d{{1,2}})\s?{_MONTH_WORD}(?P<vm>{_VI_MONTH})"
        r"(?:\s?(?:,|năm|/|-|\.)?\s?(?P<vy>\d{4}))?(?![^\W_])"
        # Tháng Ba 24, 2021 (WordPress), tháng 3 24, 2021, Th3 24, 2021
        rf"|{_MONTH_WORD}(?P<wm>{_VI_MONTH})\s(?P<wd_>\d{{1,2}})\s?,\s?(?P<wy>\d{{4}})(?!\d)"
        # tháng 3/2021, tháng 3 năm 2021 (a month)
        r"|tháng\s?(?P<mo_m>\d{1,2})\s?(?:,|năm|/|-|\.)?\s?(?P<mo_y>\d{4})(?!\d)"
        # 24 Mar 2021, 24-Mar-2021, 24 March, 2021
        rf"|(?P<ed>\d{{1,2}})(?:st|nd|rd|th)?\s?-?\s?(?P<em>{_EN_MONTH})\.?(?:\s?,?\s?-?\s?(?P<ey>\d{{4}}))?(?![^\W_])"
        # Mar 24, 2021, March 24th 2021
        rf"|(?P<fm>{_EN_MONTH})\.?\s?(?P<fd>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?(?:\s?,?\s?(?P<fy>\d{{4}}))?(?![^\W_])"
        r"|(?P<dword>hôm\s?nay|hôm\s?qua|hôm\s?kia|today|yesterday)(?![^\W\d_])"
        r")"
    ),
    "tm": (
        # 15:35[:20], 15h[35]['], 15g35, 15 giờ [35 phút [20 giây]]; then SA/CH/AM/PM and an offset
        r"(?P<tm>(?P<h>\d{1,2})"
        r"(?::(?P<tc_m>\d{2})(?::(?P<tc_s>\d{2})(?:\.\d{1,9})?)?"
        r"|\s?[hg](?P<th_m>\d{2})?(?:(?<=\d)\s?(?:phút|p|'|’)(?![^\W\d_]))?"
        r"|\s?(?P<tv>giờ)(?:\s?(?P<tv_m>\d{1,2})(?:\s?phút|(?!\s?[/.\-]\s?\d))"
        r"(?:\s?(?P<tv_s>\d{1,2})\s?giây)?)?)"
        r"(?:\s?(?P<ap>sa|ch|am|pm|a\.m\.?|p\.m\.?)(?![^\W_]))?"
        r"(?:\s?(?P<off>[+-]\d{2}:?\d{2})(?!\d)|(?P<z>z))?"
        r"(?![^\W_]))"
    ),
    "zn": (
        r"(?P<zn>(?:gmt|utc|ut)(?:\s?(?P<z_sign>[+-])\s?(?P<z_h>\d{1,2})(?::?(?P<z_m>\d{2}))?)?)(?![^\W_])"
    ),
    # Names of UTC+7
    "zv": (
        r"(?P<zv>(?:múi\s?)?giờ\s?(?:hà\s?nội|việt\s?nam|vn|đông\s?dương)|ict|indochina\s?time)(?![^\W_])"
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
    "wd", "dt", "a", "ds", "b", "c", "vd", "vm", "vy", "wm", "wd_", "wy", "mo_m", "mo_y",
    "ed", "em", "ey", "fm", "fd", "fy", "dword",
    "tm", "h", "tc_m", "tc_s", "th_m", "tv", "tv_m", "tv_s", "ap", "off", "z",
    "zn", "z_sign", "z_h", "z_m", "zv", "rl", "rel_n", "rel_u", "rel_n2", "rel_u2", "now",
)  # fmt: skip
_ORDER = tuple(sorted(_DATELINE.groupindex, key=_DATELINE.groupindex.__getitem__))
if len(_GROUPS) != _DATELINE.groups or _ORDER != _GROUPS:
    raise ImportError("crawler.dates.parser: _GROUPS no longer matches the groups of _DATELINE")
_MAX_LENGTH = 200  # longer is not a dateline; and it bounds the regex's work

_WEEKDAYS = {
    "thứhai": 0, "thứ2": 0, "t2": 0, "t.2": 0, "t.hai": 0,
    "thứba": 1, "thứ3": 1, "t3": 1, "t.3": 1, "t.ba": 1,
    "thứtư": 2, "thứ4": 2, "t4": 2, "t.4": 2, "t.tư": 2,
    "thứnăm": 3, "thứ5": 3, "t5": 3, "t.5": 3, "t.năm": 3,
    "thứsáu": 4, "thứ6": 4, "t6": 4, "t.6": 4, "t.sáu": 4,
    "thứbảy": 5, "thứbẩy": 5, "thứ7": 5, "t7": 5, "t.7": 5, "t.bảy": 5, "t.bẩy": 5,
    "chủnhật": 6, "cn": 6,
}  # fmt: skip
_WEEKDAY_SEARCH = re.compile(rf"(?<![^\W_])(?:{_WEEKDAY})(?![^\W_])")
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


# The shift from a UTC offset (minutes) to Vietnam's wall clock; None past ±14:00.
_SHIFTS: dict[int, timedelta] = {}


def _shift(minutes: int) -> timedelta | None:
    shift = _SHIFTS.get(minutes)
    if shift is None:
        if abs(minutes) > 14 * 60:
            return None
        shift = _SHIFTS[minutes] = timedelta(minutes=VN_OFFSET - minutes)
    return shift


# The latest value that is not "in the future" for the last fetch time seen: a page's dates are read
# against the same fetch time, one after the other. One tuple, replaced whole (safe across threads).
_LAST_LIMIT: tuple[datetime | None, datetime] = (None, datetime.max)


def _limit(ref: datetime) -> datetime:
    """``ref + FUTURE_SLACK``, the latest value that is not in the future."""
    global _LAST_LIMIT
    last_ref, limit = _LAST_LIMIT
    if last_ref is not ref:
        limit = ref + FUTURE_SLACK
        _LAST_LIMIT = (ref, limit)
    return limit


def _offset(text: str) -> int | None:
    """Minutes east of UTC for ``z``, ``+07``, ``+0700``, ``-07:00``; None if the minutes are not 0-59."""
    if text in ("z", "Z"):
        return 0
    digits = text[1:].replace(":", "")
    minutes = int(digits[2:] or 0)
    if minutes > 59:
        return None
    total = int(digits[:2]) * 60 + minutes
    return -total if text[0] == "-" else total


# int() of a short digit string, by lookup (three times faster than int())
_INT = (
    {str(i): i for i in range(100)}
    | {f"{i:02d}": i for i in range(10)}
    | {str(i): i for i in range(1990, 2100)}
)

# The offsets structured data prints (every quarter hour to ±14:00, as +07:00, +0700, +07), looked up
# rather than sliced and converted.
_OFFSETS = (
    {"z": 0, "Z": 0}
    | {
        f"{sign}{q // 4:02d}{sep}{q % 4 * 15:02d}": (-1 if sign == "-" else 1) * q * 15
        for sign in "+-"
        for q in range(57)
        for sep in (":", "")
    }
    | {f"{sign}{h:02d}": (-1 if sign == "-" else 1) * h * 60 for sign in "+-" for h in range(15)}
)


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
    """The checks every reading passes, on a value in Vietnam time (tzinfo `VN_TZ`)."""
    if value.year < MIN_YEAR:
        return ParsedDate(None, None, rule, TOO_OLD)
    if value > _limit(ref):
        return ParsedDate(None, None, rule, IN_FUTURE)
    return _read(value, precision, rule)


# Values are made from a cached midnight plus a precomputed delta: datetime(...) parses its arguments
# as keywords, which costs more than the rest of a reading. Adding a timedelta to an aware datetime is
# wall-clock arithmetic, exact in Vietnam's zone (no DST since 1975).
_MIDNIGHTS: dict[int, datetime] = {}
_MINUTES = tuple(timedelta(minutes=i) for i in range(24 * 60))
_SECONDS = tuple(timedelta(seconds=i) for i in range(60))


def _at(year: int, month: int, day: int, hour: int, minute: int, second: int) -> datetime:
    """``datetime(year, month, day, hour, minute, second, tzinfo=VN_TZ)``; ValueError for an impossible date.

    The time must be valid already (hour 0-23, minute and second 0-59).
    """
    key = (year * 100 + month) * 100 + day if month < 100 and day < 100 else -1
    midnight = _MIDNIGHTS.get(key)
    if midnight is None:
        midnight = datetime(year, month, day, 0, 0, 0, 0, VN_TZ)
        if len(_MIDNIGHTS) < 40_000 and key >= 0:  # more than a century of days
            _MIDNIGHTS[key] = midnight
    value = midnight + _MINUTES[hour * 60 + minute]
    return value + _SECONDS[second] if second else value


def _build(
    year: int,
    month: int,
    day: int,
    hour: int,
    minute: int,
    second: int,
    offset: int,
    weekday: int | None,
    precision: str,
    rule: str,
    ref: datetime,
) -> ParsedDate:
    """The value printed in the zone ``offset`` (minutes east of UTC), checked, in Vietnam time."""
    try:
        value = _at(year, month, day, hour, minute, second)
    except ValueError:
        return ParsedDate(None, None, rule, IMPOSSIBLE)
    if weekday is not None and value.weekday() != weekday:  # the weekday of the date as printed
        return ParsedDate(None, None, rule, WEEKDAY_MISMATCH)
    if offset != VN_OFFSET:
        shift = _shift(offset)
        if shift is None:
            return ParsedDate(None, None, rule, IMPOSSIBLE)
        value += shift  # wall-clock arithmetic: tzinfo stays VN_TZ, whose offset is fixed since 1975
    if value.year < MIN_YEAR:
        return ParsedDate(None, None, rule, TOO_OLD)
    if value > _limit(ref):
        return ParsedDate(None, None, rule, IN_FUTURE)
    result: ParsedDate = _new(ParsedDate)
    _set_value(result, value)
    _set_precision(result, precision)
    _set_rule(result, rule)
    _set_reason(result, None)
    return result


def _two_digit_year(yy: int, ref: datetime) -> int:
    """20yy, unless that is after next year: then 19yy (so 24-03-98 is 1998)."""
    year = 2000 + yy
    return year - 100 if year > ref.year + 1 else year


def _read_iso(s: str, ref: datetime) -> ParsedDate | None:
    m = _ISO.fullmatch(s)
    if m is None:
        return None
    y, mo, d, h, mi, sec, z = m.groups()
    num = _INT
    year = num.get(y) or int(y)
    if d is None:
        return _build(year, num[mo], 1, 0, 0, 0, VN_OFFSET, None, "month", "iso8601", ref)
    if h is None:  # a calendar date is a day in Vietnam, whatever the offset
        return _build(year, num[mo], num[d], 0, 0, 0, VN_OFFSET, None, "day", "iso8601", ref)
    offset = VN_OFFSET
    if z is not None:
        found = _OFFSETS.get(z)
        if found is None:
            found = _offset(z)
            if found is None:
                return ParsedDate(None, None, "iso8601", IMPOSSIBLE)
        offset = found
    return _build(
        year, num[mo], num[d], num[h], num[mi], 0 if sec is None else num[sec],
        offset, None, "minute" if sec is None else "second", "iso8601", ref,
    )  # fmt: skip


_RFC_SECOND = (" ", "-", "\t")  # after the day's first or second digit: 4 Mar, 24-Mar


def _read_rfc822(s: str, ref: datetime) -> ParsedDate | None:
    m = _RFC822.fullmatch(s)
    if m is None:
        return None
    wd, d, mon, y, h, mi, sec, z = m.groups()
    year = int(y)
    if len(y) == 2:
        year = _two_digit_year(year, ref)
    weekday = None if wd is None else _EN_WEEKDAYS[wd[:3].lower()]
    month = _EN_MONTHS[mon[:3].lower()]
    if h is None:
        return _build(year, month, int(d), 0, 0, 0, VN_OFFSET, weekday, "day", "rfc822", ref)
    offset = VN_OFFSET
    if z is not None:
        zone = _EN_ZONES.get(z.lower())
        if zone is None:
            zone = _offset(z)
            if zone is None:
                return ParsedDate(None, None, "rfc822", IMPOSSIBLE)
        offset = zone
    return _build(
        year, month, int(d), int(h), int(mi), int(sec or 0),
        offset, weekday, "minute" if sec is None else "second", "rfc822", ref,
    )  # fmt: skip


# --- the common shapes, read first ---------------------------------------------------------------------


# Portals print the parts of a dateline in one of two orders: [labels] [weekday] date [time] [zone], or
# [labels] [weekday] time [weekday] date [zone]: ``Thứ Tư, 24/03/2021, 15:35 (GMT+7)``, ``Cập nhật: 20:45,
# 07/10/2018``, ``Thứ Ba, 22:35, 26/08/2025``, ``15h35 ngày 24/3/2021``, ``hôm qua lúc 15:35``. _COMMON reads
# those (and a relative form alone) straight from the text as printed: it matches case-insensitively
# (letters as [xX] classes, which sre tests faster than IGNORECASE literals), takes any whitespace for a
# space, and has no repeat around a group and no optional group: sre copies the marks of every group at
# each branch inside a repeat (``(?:...)?`` is one), which is where _DATELINE spends its time; an
# alternative with an empty branch, ``(?:...|)``, costs nothing of the kind. It does not know zero-width or
# combining characters, so it fails on NFD text, which _read_normalized hands to it again once normalized.
# Anything else goes to the any-order reading, which reads every string _COMMON reads the same way (tests
# check that on the tables and on every rendered shape).
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


_T_SEP = r"[\s|,.;:()\[\]/\\•·*~_\-–—'’\"“”]*"
_T_LABEL = (
    "(?:" + _ci("cập nhật|cập nhập|đăng|tải|ngày|lúc|vào|xuất bản|phát hành|thời gian|lần cuối|mùng|mồng"
                "|posted|published|updated|last|on|at") + r")(?![^\W\d_])"
)  # fmt: skip
# separators and up to three labels (a repeat would cost what _DATELINE pays); the lookahead on the
# labels' first letters spares sre the alternation before a digit
_T_SKIP = (
    rf"{_T_SEP}(?:(?=[cCđĐtTnNlLvVxXpPmMuUoOaA]){_T_LABEL}{_T_SEP}"
    rf"(?:{_T_LABEL}{_T_SEP}(?:{_T_LABEL}{_T_SEP}|)|)|)"
)
# Weekdays, split on the first letter so that sre skips them in one test
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
_T_WEEKDAY = (
    r"(?:[tT](?:" + _ci("hứ hai|hứ ba|hứ tư|hứ năm|hứ sáu|hứ bảy|hứ bẩy") + r"|" + _ci("hứ ") + r"[2-7]"
    r"|\.?[2-7]|\.\s*"
    + _ci("hai|ba|tư|năm|sáu|bảy|bẩy")
    + r"|"
    + _ci("uesday|ues|ue|hursday|hurs|hur|hu")
    + r")"
    r"|[cC](?:" + _ci("hủ nhật") + r"|[nN])"
    r"|" + _ci("monday|mon|wednesday|wed|friday|fri|saturday|sat|sunday|sun") + r")(?![^\W_])"
)
_T_EN_MONTH = _ci("|".join(sorted(_EN_MONTH_NAMES, key=len, reverse=True)))
_T_UNITS = _ci(_UNITS)
_T_ZONE_NAMES = (
    "múi giờ hà nội|múi giờ việt nam|múi giờ vn|múi giờ đông dương|giờ hà nội|giờ việt nam|giờ vn|giờ đông dương"
    "|ict|indochina time"
)
_T_MONTH_WORD = rf"(?:{_ci('tháng')}|(?:{_ci('thg')}|{_ci('th')}\.?)(?=\s*\d))\s*"
_T_MONTH = r"\d{1,2}(?!\d)|" + _ci("mười một|mười hai|mười|một|hai|ba|tư|bốn|năm|sáu|bảy|bẩy|tám|chín")
# 15:35[:20], 15h[35]['], 15g35, 15 giờ [35 [phút [20 giây]]], then SA/CH/AM/PM
_T_TIME = (
    r"(\d{1,2})(?::(\d{2})(?::(\d{2})(?:\.\d{1,9}|)|)"
    rf"|\s*[hHgG](?:(\d{{2}})(?:\s*(?:{_ci('phút|p')}|'|’)(?![^\W\d_])|)|)"
    rf"|\s*{_ci('giờ')}(?:\s*(\d{{1,2}})(?:\s*{_ci('phút')}|(?!\s*[/.\-]\s*\d))"
    rf"(?:\s*(\d{{1,2}})\s*{_ci('giây')}|)|))"
    rf"(?:\s*({_ci('sa|ch|am|pm')})(?![^\W_])|)(?![^\W_])"
)
_COMMON = re.compile(
    rf"{_T_SKIP}"
    rf"(?:({_T_WEEKDAY}){_T_SKIP}|)"
    rf"(?:(?=\d{{1,2}}\s*[:hHgG]){_T_TIME}{_T_SKIP}(?:({_T_WEEKDAY}){_T_SKIP}|)|)"
    # 24/03/2021, 24-3-21, 24.03.2021, 2021/03/24, 24/3; 24 tháng 3 năm 2021, 24 Th03, 2021; Tháng Ba 24, 2021
    r"(?:(\d{1,4})\s*(?P<ds>[/.\-])\s*(\d{1,2})(?:\s*(?P=ds)\s*(\d{1,4})|)(?!\d)"
    rf"|(\d{{1,2}})\s*{_T_MONTH_WORD}({_T_MONTH})"
    rf"(?:\s*(?:,|{_ci('năm')}|/|-|\.|)\s*(\d{{4}})|)(?![^\W_])"
    rf"|{_T_MONTH_WORD}({_T_MONTH})\s+(\d{{1,2}})\s*,\s*(\d{{4}})(?!\d)"
    # 24 Mar 2021, 24-Mar-2021, 24th March, 2021; Mar 24, 2021, March 24th 2021
    rf"|(\d{{1,2}})(?:{_ci('st|nd|rd|th')}|)\s*-?\s*({_T_EN_MONTH})\.?(?:\s*,?\s*-?\s*(\d{{4}})|)(?![^\W_])"
    rf"|({_T_EN_MONTH})\.?\s*(\d{{1,2}})(?!\d)(?:{_ci('st|nd|rd|th')}|)(?:\s*,?\s*(\d{{4}})|)(?![^\W_])"
    # hôm nay, hôm qua, hôm kia; 5 phút trước, cách đây 2 giờ, vừa xong (alone: checked in _read_common)
    rf"|({_ci('hôm nay|hôm qua|hôm kia|today|yesterday')})(?![^\W\d_])"
    rf"|(?:{_ci('cách đây')}\s*(\d{{1,4}})\s*({_T_UNITS})(?:\s*{_ci('trước')}|)"
    rf"|(\d{{1,4}})\s*({_T_UNITS})\s*{_ci('trước')}|({_ci('vừa xong|vừa mới|vừa đăng|just now')}))(?![^\W\d_]))"
    rf"(?:{_T_SKIP}(?=\d){_T_TIME}|)"
    rf"(?:{_T_SEP}({_ci('gmt|utc|ut')})(?:\s*([+-])\s*(\d{{1,2}})(?::?(\d{{2}})|)|)(?![^\W_])|)"
    rf"(?:{_T_SEP}({_ci(_T_ZONE_NAMES)})(?![^\W_])|)"
    rf"{_T_SEP}"
)
_WEEKDAY_CACHE: dict[str, int] = {}
_MONTH_CACHE: dict[str, int] = {}
_EN_MONTH_CACHE: dict[str, int] = {}
_ALL_WEEKDAYS = _WEEKDAYS | _EN_WEEKDAY_NAMES


def _word(text: str, table: dict[str, int], cache: dict[str, int]) -> int:
    """A weekday or month word as printed (any case and spacing), looked up in ``table``."""
    found = cache.get(text)
    if found is None:
        found = table["".join(text.casefold().split())]
        if len(cache) < 1024:  # the shapes a crawl meets are few; odd spacings are not kept
            cache[text] = found
    return found


def _us_style(day: int, separator: str, ap: str | None, minute: str | None) -> bool:
    """Whether a day-first reading whose month is past 12 is to be read month-first: ``M/D/YYYY h:mm[:ss]``
    with an English AM/PM marker (ASP.NET's en-US ``1/28/2026 6:52:01 AM``), and a first number that can be
    a month. Vietnamese SA/CH never: that is a Vietnamese page, day first."""
    return day <= 12 and separator == "/" and minute is not None and ap is not None and ap[0] in "aApP"


_US_STYLE = re.compile(
    r"(?<!\d)(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/\d{4}(?!\d)[\s,T]*"
    r"\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?\s*[aApP]\.?[mM](?![^\W_])"
)


def is_us_style(text: str) -> bool:
    """Whether ``text`` holds a US-style ``M/D/YYYY h:mm[:ss] AM/PM`` (English marker, first number 1-12).

    `parse_date` reads such a value day first unless that is impossible; when both readings are possible,
    ``parse_date(text, dayfirst=False)`` gives the month-first one, for a caller with another candidate to
    compare (the arbiter).
    """
    return _US_STYLE.search(text) is not None


def _read_common(m: re.Match[str], ref: datetime) -> ParsedDate | None:
    """A reading of a _COMMON match; None (read it the long way) for a part printed twice, a date without
    a year, or a zone beside a name of another."""
    (
        wd, h, tc_m, tc_s, th_m, tv_m, tv_s, ap, wd2, a, ds, b, c, vd, vm, vy, wm, wdd, wy, ed, em, ey, fm, fd, fy,
        dword, rel_n, rel_u, rel_n2, rel_u2, _now,
        h2, tc_m2, tc_s2, th_m2, tv_m2, tv_s2, ap2, zn, z_sign, z_h, z_m, zv,
    ) = m.groups()  # fmt: skip
    if wd2 is not None:
        if wd is not None:
            return None
        wd = wd2
    if h2 is not None:
        if h is not None:
            return None
        h, tc_m, tc_s, th_m, tv_m, tv_s, ap = h2, tc_m2, tc_s2, th_m2, tv_m2, tv_s2, ap2
    num = _INT
    if a is not None:
        if c is None:
            return None
        if len(a) == 4:
            if len(c) > 2:
                return None
            year, month, day, kind, timed = num.get(a) or int(a), num[b], num[c], "ymd", "ymd-time"
        elif len(a) > 2:
            return None
        else:
            day, month, kind, timed = num[a], num[b], "dmy", "dmy-time"
            if len(c) == 4:
                year = num.get(c) or int(c)
                if month > 12 and _us_style(day, ds, ap, tc_m):
                    day, month, kind, timed = month, day, "mdy", "mdy-time"
            elif len(c) == 2:
                year = _two_digit_year(num[c], ref)
            else:
                return None
    elif vd is not None:
        if vy is None:
            return None
        day, year, kind, timed = num[vd], num.get(vy) or int(vy), "words", "words-time"
        month = num[vm] if vm[0].isdigit() else _word(vm, _VI_MONTHS, _MONTH_CACHE)
    elif wm is not None:
        day, year, kind, timed = num[wdd], num.get(wy) or int(wy), "words", "words-time"
        month = num[wm] if wm[0].isdigit() else _word(wm, _VI_MONTHS, _MONTH_CACHE)
    elif ed is not None or fm is not None:
        if ed is not None:
            day, c, month = num[ed], ey, _word(em, _EN_MONTH_NAMES, _EN_MONTH_CACHE)
        else:
            day, c, month = num[fd], fy, _word(fm, _EN_MONTH_NAMES, _EN_MONTH_CACHE)
        if c is None:
            return None
        year, kind, timed = num.get(c) or int(c), "words", "words-time"
    elif dword is not None:  # hôm nay, hôm qua, hôm kia
        when = ref.astimezone(VN_TZ).date() - timedelta(days=_DAY_WORDS["".join(dword.casefold().split())])
        year, month, day, kind, timed = when.year, when.month, when.day, "relative", "relative"
    else:  # 5 phút trước, vừa xong: alone, or the long way (which refuses it)
        if wd is not None or h is not None or zn is not None or zv is not None:
            return None
        if rel_n is not None:
            return _relative(int(rel_n), rel_u.casefold(), ref)
        if rel_n2 is not None:
            return _relative(int(rel_n2), rel_u2.casefold(), ref)
        return _relative(0, "phút", ref)
    offset = VN_OFFSET
    if h is None:
        hour = minute = second = 0
        precision, rule = "day", kind
    else:
        hour = num[h]
        rule = timed
        if tc_m is not None:
            minute, precision = num[tc_m], "minute"
            if tc_s is None:
                second = 0
            else:
                second, precision = num[tc_s], "second"
        elif th_m is not None:
            minute, second, precision = num[th_m], 0, "minute"
        elif tv_m is not None:
            minute, precision = num[tv_m], "minute"
            if tv_s is None:
                second = 0
            else:
                second, precision = num[tv_s], "second"
        else:
            minute, second, precision = 0, 0, "hour"
        if ap is not None and 1 <= hour <= 12:
            # Hours 0 and 13-23 are on the 24-hour clock already (CafeF prints 21:07 PM).
            if ap[0] in "cpCP":
                if hour != 12:
                    hour += 12
            elif hour == 12:
                hour = 0
        if hour > 23 or minute > 59 or second > 59:
            return ParsedDate(None, None, rule, IMPOSSIBLE)
        if zn is not None:  # GMT, UTC+7, GMT-05:00; a zone without a clock time says nothing
            if z_sign is not None:
                if z_m is not None and num[z_m] > 59:
                    return None
                offset = num[z_h] * 60 + (0 if z_m is None else num[z_m])
                if z_sign == "-":
                    offset = -offset
            else:
                offset = 0
            if zv is not None and offset != VN_OFFSET:
                return None
    key = (year * 100 + month) * 100 + day
    midnight = _MIDNIGHTS.get(key)
    if midnight is None:
        try:
            midnight = _at(year, month, day, 0, 0, 0)
        except ValueError:
            return ParsedDate(None, None, rule, IMPOSSIBLE)
    value = midnight + _MINUTES[hour * 60 + minute]
    if second:
        value += _SECONDS[second]
    if wd is not None:
        weekday = _WEEKDAY_CACHE.get(wd)
        if weekday is None:
            weekday = _word(wd, _ALL_WEEKDAYS, _WEEKDAY_CACHE)
        if value.weekday() != weekday:
            return ParsedDate(None, None, rule, WEEKDAY_MISMATCH)
    if offset != VN_OFFSET:
        shift = _shift(offset)
        if shift is None:
            return ParsedDate(None, None, rule, IMPOSSIBLE)
        value += shift
        year = value.year
    if year < MIN_YEAR:
        return ParsedDate(None, None, rule, TOO_OLD)
    if value > _limit(ref):
        return ParsedDate(None, None, rule, IN_FUTURE)
    result: ParsedDate = _new(ParsedDate)
    _set_value(result, value)
    _set_precision(result, precision)
    _set_rule(result, rule)
    _set_reason(result, None)
    return result


def _month_number(word: str) -> int:
    """The month of ``3``, ``03``, ``ba``, ``mười hai``; 0 (impossible) past 99."""
    if word[0].isdigit():
        return int(word)
    return _VI_MONTHS[word.replace(" ", "")]


def _read_dateline(s: str, ref: datetime, dayfirst: bool) -> ParsedDate | None:
    """A dateline's components read as one date; None when the string has words we do not know.

    A string made only of known components that do not make one date (two dates, a time alone, a
    relative form with a date) is unreadable here, and is not handed to the fallback: it could only guess.
    """
    m = _DATELINE.fullmatch(s)
    if m is None:
        return _UNREADABLE if _KNOWN.fullmatch(s) is not None else None
    (
        wd, _dt, a, _ds, b, c, vd, vm, vy, wm, wd_, wy, mo_m, mo_y,
        ed, em, ey, fm, fd, fy, dword,
        _tm, h, tc_m, tc_s, th_m, _tv, tv_m, tv_s, ap, off, z,
        zn, z_sign, z_h, z_m, zv, rl, rel_n, rel_u, rel_n2, rel_u2, _now,
    ) = m.groups()  # fmt: skip

    if rl is not None:
        if wd is not None or _dt is not None or h is not None or zn is not None or zv is not None:
            return _UNREADABLE
        if rel_n is not None:
            return _relative(int(rel_n), rel_u, ref)
        if rel_n2 is not None:
            return _relative(int(rel_n2), rel_u2, ref)
        return _relative(0, "phút", ref)  # vừa xong

    year = 0  # 0: no year printed
    if a is not None:  # a numeric date
        if len(a) == 4:
            if c is None or len(c) > 2:
                return None
            year, month, day, kind = int(a), int(b), int(c), "ymd"
        else:
            if len(a) > 2:
                return None
            day, month = (int(a), int(b)) if dayfirst else (int(b), int(a))
            kind = "dmy" if dayfirst else "mdy"
            if month > 12 and dayfirst and c is not None and len(c) == 4 and _us_style(day, _ds, ap, tc_m):
                day, month, kind = month, day, "mdy"
            if c is not None:
                if len(c) == 4:
                    year = int(c)
                elif len(c) == 2:
                    year = _two_digit_year(int(c), ref)
                else:
                    return None
    elif vd is not None:
        day, month, kind = int(vd), _month_number(vm), "words"
        if vy is not None:
            year = int(vy)
    elif ed is not None:
        day, month, kind = int(ed), _EN_MONTHS[em[:3]], "words"
        if ey is not None:
            year = int(ey)
    elif fm is not None:
        day, month, kind = int(fd), _EN_MONTHS[fm[:3]], "words"
        if fy is not None:
            year = int(fy)
    elif wm is not None:
        day, month, year, kind = int(wd_), _month_number(wm), int(wy), "words"
    elif dword is not None:  # hôm nay, hôm qua, hôm kia
        when = ref.astimezone(VN_TZ).date() - timedelta(days=_DAY_WORDS[dword.replace(" ", "")])
        year, month, day, kind = when.year, when.month, when.day, "relative"
    elif mo_m is not None:
        if h is not None or wd is not None:
            return _UNREADABLE
        return _build(int(mo_y), int(mo_m), 1, 0, 0, 0, VN_OFFSET, None, "month", "month", ref)
    else:
        return _UNREADABLE  # a time alone, a weekday alone, labels alone: not a date

    weekday: int | None = None
    if wd is not None:
        weekday = _WEEKDAYS.get(wd.replace(" ", ""))
        if weekday is None:
            weekday = _EN_WEEKDAYS[wd[:3]]

    if year == 0:  # no year: only beside a clock time or a weekday, in the year that is not ahead
        if h is None and weekday is None:
            return _UNREADABLE
        kind = "dm"
        year = ref.astimezone(VN_TZ).year

    if h is None:
        # A calendar date is a day in Vietnam; a zone without a clock time says nothing more.
        if kind == "dm":
            return _in_last_year(year, month, day, 0, 0, 0, VN_OFFSET, weekday, "day", kind, ref)
        return _build(year, month, day, 0, 0, 0, VN_OFFSET, weekday, "day", kind, ref)

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
        # Hours 0 and 13-23 are on the 24-hour clock already (CafeF prints 21:07 PM); a marker adds nothing.
        if ap[0] in "cp":
            if hour != 12:
                hour += 12
        elif hour == 12:
            hour = 0
    rule = kind if kind == "relative" else kind + "-time"
    if hour > 23 or minute > 59 or second > 59:
        return ParsedDate(None, None, rule, IMPOSSIBLE)

    offset: int | None = VN_OFFSET
    if off is not None or z is not None:
        if zn is not None:
            return _UNREADABLE  # two offsets
        offset = _offset(off or "z")
    elif z_sign is not None:
        if z_m is not None and int(z_m) > 59:
            return None
        offset = int(z_h) * 60 + int(z_m or 0)
        if z_sign == "-":
            offset = -offset
    elif zn is not None:
        offset = 0  # GMT, UTC
    if offset is None:
        return None
    if zv is not None and offset != VN_OFFSET and (zn is not None or off is not None or z is not None):
        return _UNREADABLE  # a name of UTC+7 beside another offset
    if kind == "dm":
        return _in_last_year(year, month, day, hour, minute, second, offset, weekday, precision, rule, ref)
    return _build(year, month, day, hour, minute, second, offset, weekday, precision, rule, ref)


def _in_last_year(
    year: int,
    month: int,
    day: int,
    hour: int,
    minute: int,
    second: int,
    offset: int,
    weekday: int | None,
    precision: str,
    rule: str,
    ref: datetime,
) -> ParsedDate:
    """A date printed without its year: in ``year`` (the fetch's), or the year before if that is ahead."""
    result = _build(year, month, day, hour, minute, second, offset, None, precision, rule, ref)
    if result.reason == IN_FUTURE:
        result = _build(year - 1, month, day, hour, minute, second, offset, None, precision, rule, ref)
    if weekday is not None and result.value is not None:
        result = _build(
            result.value.year, month, day, hour, minute, second, offset, weekday, precision, rule, ref
        )
    return result


def _relative(n: int, unit: str, ref: datetime) -> ParsedDate:
    local = ref.astimezone(VN_TZ)
    precision = _UNIT_PRECISION[unit]
    if unit == "tháng":
        months = local.year * 12 + local.month - 1 - n
        value = datetime(months // 12, months % 12 + 1, 1, tzinfo=VN_TZ)
    else:
        t = local - timedelta(0, n * _UNIT_SECONDS[unit])
        if precision == "minute":
            value = _at(t.year, t.month, t.day, t.hour, t.minute, 0)
        elif precision == "hour":
            value = _at(t.year, t.month, t.day, t.hour, 0, 0)
        elif precision == "day":
            value = _at(t.year, t.month, t.day, 0, 0, 0)
        else:
            value = _at(t.year, t.month, t.day, t.hour, t.minute, t.second)
    return _finish(value, precision, "relative", ref)


_NUMBERS = re.compile(r"\d+")


def _grounded(text: str, value: datetime, precision: str) -> bool:
    """Whether the numbers of dateparser's reading are printed in ``text``: its year (four digits or two),
    and at its precision its day, hour (either clock) and minute.

    The fast path reads every relative form it knows and refuses a date without a year; what reaches the
    fallback and comes back with numbers that are not in the text was filled in from the fetch time
    ("21 tháng 1" read as 21 months ago, a missing year taken from the clock): a guess, refused.
    """
    printed = {int(run) for run in _NUMBERS.findall(text)}
    if value.year not in printed and not (value.year % 100 in printed and _two_digit_year_printed(text)):
        return False
    if precision in ("day", "hour", "minute", "second") and value.day not in printed:
        return False
    if precision in ("hour", "minute", "second") and not printed & {value.hour, value.hour % 12 or 12}:
        return False
    return precision not in ("minute", "second") or value.minute in printed


def _two_digit_year_printed(text: str) -> bool:
    return any(len(run) == 2 for run in _NUMBERS.findall(text))


def _fallback_weekday_check(text: str, value: datetime) -> bool:
    """False when the text names exactly one weekday and the value's (Vietnam) date is not on it."""
    found = set()
    for w in _WEEKDAY_SEARCH.findall(text):
        day = _WEEKDAYS.get(w.replace(" ", ""))
        found.add(_EN_WEEKDAYS[w[:3]] if day is None else day)
    return len(found) != 1 or value.weekday() in found


def parse_date(text: str | None, *, relative_to: datetime | None = None, dayfirst: bool = True) -> ParsedDate:
    """Read a dateline, ``pubDate`` or ISO timestamp; never guess.

    ``relative_to`` is the page's fetch time (tz-aware; naive means Vietnam time; default now). It anchors
    relative forms, the year of a date printed without one, and the "in the future" check (more than a day
    after it). ``dayfirst=False`` reads numeric ``a/b/y`` dates month-first. The value is in
    Asia/Ho_Chi_Minh; a naive time means Vietnam time.
    """
    if relative_to is None:
        ref = datetime.now(VN_TZ)
    elif relative_to.tzinfo is None:
        ref = relative_to.replace(tzinfo=VN_TZ)
    else:
        ref = relative_to
    if text is None:
        return ParsedDate(None, reason=EMPTY)
    if text[4:5] == "-" and text[:4].isdigit():  # structured data: ISO 8601 as printed
        result = _read_iso(text, ref)
        if result is not None:
            return result
    elif text.isascii() and (text[:1].isalpha() or text[1:2] in _RFC_SECOND or text[2:3] in _RFC_SECOND):
        result = _read_rfc822(text, ref)  # feeds: RFC 822 as printed
        if result is not None:
            return result
    if dayfirst and len(text) <= _MAX_LENGTH:
        m = _COMMON.fullmatch(text)
        if m is not None:
            result = _read_common(m, ref)
            if result is not None:
                return result
    return _read_normalized(text, ref, dayfirst)


def _read_normalized(text: str, ref: datetime, dayfirst: bool) -> ParsedDate:
    """`parse_date` on the normalized text: every reader in turn, then the fallback."""
    if text.isascii():
        s = " ".join(text.split()).lower()
    else:
        cleaned = _clean_unicode(text)
        if cleaned is not None:  # NFD or zero-width characters: _COMMON may read it now
            if dayfirst and len(cleaned) <= _MAX_LENGTH:
                m = _COMMON.fullmatch(cleaned)
                if m is not None:
                    result = _read_common(m, ref)
                    if result is not None:
                        return result
            text = cleaned
        s = " ".join(text.split()).casefold()
    if not s:
        return ParsedDate(None, reason=EMPTY)

    # Cheap guards keep the whole-string readers off strings that cannot be theirs.
    first = s[0]
    if first.isdigit():
        if s[4:5] == "-" and s[:4].isdigit():
            result = _read_iso(s, ref)
            if result is not None:
                return result
        elif (s[1:2] in " -" or s[2:3] in " -") and s.isascii():  # 24 Mar 2021, 24-Mar-2021
            result = _read_rfc822(s, ref)
            if result is not None:
                return result
    elif first.isascii() and first.isalpha() and s.isascii():
        result = _read_rfc822(s, ref)
        if result is not None:
            return result
    if len(s) <= _MAX_LENGTH:
        result = _read_dateline(s, ref, dayfirst)
        if result is not None:
            return result

    found = read_with_dateparser(_clean(text), ref)
    if found is None:
        return ParsedDate(None, reason=UNREADABLE)
    value, precision = found
    value = _floor(value.astimezone(VN_TZ), precision)
    if not _grounded(s, value, precision):
        return ParsedDate(None, None, "dateparser", UNREADABLE)
    if not _fallback_weekday_check(s, value):
        return ParsedDate(None, None, "dateparser", WEEKDAY_MISMATCH)
    return _finish(value, precision, "dateparser", ref)
