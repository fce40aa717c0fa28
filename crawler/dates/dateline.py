"""The any-order reading of a normalized dateline: the definition of what the fast path reads.

The components (weekday, date, clock time, UTC offset, name of UTC+7, relative form) in any order, each
at most once, between separators and labels. `crawler.dates.common` reads a subset of it, the same way
(tests check it).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from crawler.dates.clock import _clock, _gmt_offset, _offset
from crawler.dates.grammar import (
    _EN_MONTH,
    _MONTH_WORD,
    _SKIP,
    _TIMED,
    _UNITS,
    _VI_MONTH,
    _WEEKDAY,
    Group,
    _days_ago,
    _en_month,
    _vi_month,
    _weekday,
)
from crawler.dates.numeric import _numeric_date
from crawler.dates.relative import _relative_form
from crawler.dates.values import (
    _UNREADABLE,
    IMPOSSIBLE,
    VN_OFFSET,
    VN_TZ,
    ParsedDate,
    _build,
    _in_last_year,
)

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
    raise ImportError("crawler.dates.dateline: _GROUPS no longer matches the groups of _DATELINE")
# The groups of the date alternatives (a to dword), a slice of m.groups()
_DATE_GROUPS = slice(_GROUPS.index("a"), _GROUPS.index("dword") + 1)


def _read_dateline(s: str, ref: datetime, dayfirst: bool) -> ParsedDate | None:
    """A dateline's components read as one date; None when the string has words we do not know.

    A string made only of known components that do not make one date (two dates, a time alone, a
    relative form with a date) is unreadable here, and is not handed to the fallback: it could only guess.
    """
    m = _DATELINE.fullmatch(s)
    if m is None:
        return _UNREADABLE if _KNOWN.fullmatch(s) is not None else None
    groups = m.groups()
    (
        wd, dt, _a, _ds, _b, _c, _vd, _vm, _vy, _wm, _wdd, _wy, mo_m, mo_y,
        _ed, _em, _ey, _fm, _fd, _fy, _dword,
        _tm, h, tc_m, tc_s, th_m, _tv, tv_m, tv_s, ap, off, z,
        zn, z_sign, z_h, z_m, zv, rl, rel_n, rel_u, rel_n2, rel_u2, _now,
    ) = groups  # fmt: skip

    if rl is not None:
        if wd is not None or dt is not None or h is not None or zn is not None or zv is not None:
            return _UNREADABLE
        return _relative_form(rel_n, rel_u, rel_n2, rel_u2, ref)
    if dt is None:
        return _UNREADABLE  # a time alone, a weekday alone, labels alone: not a date
    if mo_m is not None:  # tháng 3/2021: a month
        if h is not None or wd is not None:
            return _UNREADABLE
        return _build(int(mo_y), int(mo_m), 1, 0, 0, 0, VN_OFFSET, None, "month", "month", ref)
    date = _dateline_date(groups[_DATE_GROUPS], dayfirst, ap, tc_m, ref)
    if date is None:
        return None
    year, month, day, kind = date
    weekday = None if wd is None else _weekday(wd)
    if year == 0:  # no year: only beside a clock time or a weekday, in the year that is not ahead
        if h is None and weekday is None:
            return _UNREADABLE
        kind = "dm"
        year = ref.astimezone(VN_TZ).year
    # A calendar date is a day in Vietnam; a zone without a clock time says nothing more.
    hour, minute, second, precision, offset, rule = 0, 0, 0, "day", VN_OFFSET, kind
    if h is not None:
        rule = _TIMED[kind]
        clock = _clock(h, tc_m, tc_s, th_m, tv_m, tv_s, ap)
        if clock is None:
            return ParsedDate(None, None, rule, IMPOSSIBLE)
        zone = _dateline_offset(off, z, zn, z_sign, z_h, z_m, zv)
        if not isinstance(zone, int):
            return zone
        hour, minute, second, precision = clock
        offset = zone
    if kind == "dm":
        return _in_last_year(year, month, day, hour, minute, second, offset, weekday, precision, rule, ref)
    return _build(year, month, day, hour, minute, second, offset, weekday, precision, rule, ref)


def _dateline_date(
    parts: tuple[Group, ...], dayfirst: bool, ap: Group, minute: Group, ref: datetime
) -> tuple[int, int, int, str] | None:
    """Year (0 when none is printed), month, day and rule of the date a _DATELINE match printed (one of
    its alternatives, not the month alone); None for lengths that make no date."""
    a, ds, b, c, vd, vm, vy, wm, wd_, wy, _mo_m, _mo_y, ed, em, ey, fm, fd, fy, dword = parts
    if a is not None:  # a numeric date
        return _numeric_date(a, ds, b, c, ap, minute, dayfirst, ref)
    if vd is not None:
        return 0 if vy is None else int(vy), _vi_month(vm), int(vd), "words"
    if ed is not None:
        return 0 if ey is None else int(ey), _en_month(em), int(ed), "words"
    if fm is not None:
        return 0 if fy is None else int(fy), _en_month(fm), int(fd), "words"
    if wm is not None:
        return int(wy), _vi_month(wm), int(wd_), "words"
    # hôm nay, hôm qua, hôm kia
    when = ref.astimezone(VN_TZ).date() - timedelta(days=_days_ago(dword))
    return when.year, when.month, when.day, "relative"


def _dateline_offset(
    off: Group, z: Group, zn: Group, z_sign: Group, z_h: Group, z_m: Group, zv: Group
) -> int | ParsedDate | None:
    """Minutes east of UTC printed beside a clock time (``+07:00`` after it, ``GMT+7``), Vietnam's when
    none is; or what to return: unreadable for two offsets or a name of UTC+7 beside another offset,
    None for minutes past 59."""
    if off is not None or z is not None:
        if zn is not None:
            return _UNREADABLE  # two offsets
        offset = _offset(off or "z")
    elif zn is not None:
        offset = _gmt_offset(z_sign, z_h, z_m)  # GMT, UTC, GMT+7
    else:
        return VN_OFFSET
    if offset is None:
        return None
    if zv is not None and offset != VN_OFFSET:
        return _UNREADABLE  # a name of UTC+7 beside another offset
    return offset
