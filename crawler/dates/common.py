"""The common shapes, read first, straight from the text as printed.

Portals print the parts of a dateline in one of two orders: [labels] [weekday] date [time] [zone], or
[labels] [weekday] time [weekday] date [zone]: ``Thứ Tư, 24/03/2021, 15:35 (GMT+7)``, ``Cập nhật: 20:45,
07/10/2018``, ``Thứ Ba, 22:35, 26/08/2025``, ``15h35 ngày 24/3/2021``, ``hôm qua lúc 15:35``. _COMMON reads
those (and a relative form alone) straight from the text as printed: it matches case-insensitively
(letters as [xX] classes, which sre tests faster than IGNORECASE literals), takes any whitespace for a
space, and has no repeat around a group and no optional group: sre copies the marks of every group at
each branch inside a repeat (``(?:...)?`` is one), which is where _DATELINE spends its time; an
alternative with an empty branch, ``(?:...|)``, costs nothing of the kind. It does not know zero-width or
combining characters, so it fails on NFD text, which `parse_date` hands to it again once normalized.
Anything else goes to the any-order reading (`crawler.dates.dateline`), which reads every string _COMMON
reads the same way (tests check that on the tables and on every rendered shape).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from crawler.dates.clock import _clock, _gmt_offset
from crawler.dates.grammar import (
    _EN_MONTH_NAMES,
    _INT,
    _LABEL_WORDS,
    _SEP,
    _TIMED,
    _UNITS,
    Group,
    _ci,
    _days_ago,
    _en_month,
    _vi_month,
    _weekday,
)
from crawler.dates.numeric import _numeric_date
from crawler.dates.relative import _relative_form
from crawler.dates.values import IMPOSSIBLE, VN_OFFSET, VN_TZ, ParsedDate, _build

_T_LABEL = "(?:" + _ci(_LABEL_WORDS) + r")(?![^\W\d_])"
# separators and up to three labels (a repeat would cost what _DATELINE pays); the lookahead on the
# labels' first letters spares sre the alternation before a digit
_T_SKIP = (
    rf"{_SEP}(?:(?=[cCđĐtTnNlLvVxXpPmMuUoOaA]){_T_LABEL}{_SEP}"
    rf"(?:{_T_LABEL}{_SEP}(?:{_T_LABEL}{_SEP}|)|)|)"
)
# Weekdays, split on the first letter so that sre skips them in one test
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
    rf"(?:{_SEP}({_ci('gmt|utc|ut')})(?:\s*([+-])\s*(\d{{1,2}})(?::?(\d{{2}})|)|)(?![^\W_])|)"
    rf"(?:{_SEP}({_ci(_T_ZONE_NAMES)})(?![^\W_])|)"
    rf"{_SEP}"
)
# The groups of _COMMON's worded-date alternatives, a slice of m.groups(): vd, vm, vy, ..., fy, dword
_WORDED_GROUPS = slice(13, 26)


def _read_common(m: re.Match[str], ref: datetime) -> ParsedDate | None:
    """A reading of a _COMMON match; None (read it the long way) for a part printed twice, a date without
    a year, or a zone beside a name of another."""
    groups = m.groups()
    (
        wd, h, tc_m, tc_s, th_m, tv_m, tv_s, ap, wd2, a, ds, b, c, _vd, _vm, _vy, _wm, _wdd, _wy,
        _ed, _em, _ey, _fm, _fd, _fy, _dword, rel_n, rel_u, rel_n2, rel_u2, now,
        h2, tc_m2, tc_s2, th_m2, tv_m2, tv_s2, ap2, zn, z_sign, z_h, z_m, zv,
    ) = groups  # fmt: skip
    if wd2 is not None:
        if wd is not None:
            return None
        wd = wd2
    if h2 is not None:
        if h is not None:
            return None
        h, tc_m, tc_s, th_m, tv_m, tv_s, ap = h2, tc_m2, tc_s2, th_m2, tv_m2, tv_s2, ap2
    if a is not None:  # 24/03/2021, 2021/03/24; the most common shape, read without a detour
        date = None if c is None else _numeric_date(a, ds, b, c, ap, tc_m, True, ref)
    elif rel_n is not None or rel_n2 is not None or now is not None:  # 5 phút trước, vừa xong: alone only
        if wd is not None or h is not None or zn is not None or zv is not None:
            return None  # the long way, which refuses it
        return _relative_form(rel_n, rel_u, rel_n2, rel_u2, ref)
    else:
        date = _worded_date(groups[_WORDED_GROUPS], ref)
    if date is None:
        return None
    year, month, day, kind = date
    weekday = None if wd is None else _weekday(wd)
    if h is None:
        return _build(year, month, day, 0, 0, 0, VN_OFFSET, weekday, "day", kind, ref)
    rule = _TIMED[kind]
    clock = _clock(h, tc_m, tc_s, th_m, tv_m, tv_s, ap)
    if clock is None:
        return ParsedDate(None, None, rule, IMPOSSIBLE)
    offset = VN_OFFSET
    if zn is not None:  # GMT, UTC+7, GMT-05:00; a zone without a clock time says nothing
        zone = _gmt_offset(z_sign, z_h, z_m)
        if zone is None or (zv is not None and zone != VN_OFFSET):
            return None
        offset = zone
    hour, minute, second, precision = clock
    return _build(year, month, day, hour, minute, second, offset, weekday, precision, rule, ref)


def _worded_date(parts: tuple[Group, ...], ref: datetime) -> tuple[int, int, int, str] | None:
    """Year, month, day and rule of the worded date a _COMMON match printed (one of its alternatives);
    None for a date without a year."""
    vd, vm, vy, wm, wdd, wy, ed, em, ey, fm, fd, fy, dword = parts
    num = _INT
    if vd is not None:  # 24 tháng 3 năm 2021
        if vy is None:
            return None
        return num.get(vy) or int(vy), _vi_month(vm), num[vd], "words"
    if wm is not None:  # Tháng Ba 24, 2021
        return num.get(wy) or int(wy), _vi_month(wm), num[wdd], "words"
    if ed is not None:  # 24 Mar 2021
        if ey is None:
            return None
        return num.get(ey) or int(ey), _en_month(em), num[ed], "words"
    if fm is not None:  # Mar 24, 2021
        if fy is None:
            return None
        return num.get(fy) or int(fy), _en_month(fm), num[fd], "words"
    # hôm nay, hôm qua, hôm kia
    when = ref.astimezone(VN_TZ).date() - timedelta(days=_days_ago(dword))
    return when.year, when.month, when.day, "relative"
