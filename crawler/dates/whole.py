"""Whole-string shapes: ISO 8601 / W3C datetime (sitemaps, ``article:published_time``) and its SQL form,
and the English RFC 822 ``pubDate`` of feeds."""

from __future__ import annotations

import re
from datetime import datetime

from crawler.dates.clock import _OFFSETS, _offset
from crawler.dates.grammar import _EN_MONTH, _EN_MONTHS, _EN_WEEKDAY, _EN_WEEKDAYS, _EN_ZONES, _INT
from crawler.dates.numeric import _two_digit_year
from crawler.dates.values import IMPOSSIBLE, VN_OFFSET, ParsedDate, _build

_ISO = re.compile(  # on the text as printed or normalized: T or t, Z or z; (?:...|) is cheaper than (?:...)?
    r"(\d{4})-(\d{2})(?:-(\d{2})"
    r"(?:[tT ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9}|)|)"
    r" ?(?:([zZ]|[+-]\d{2}(?::?\d{2}|))|)|)|)"
)

_RFC822 = re.compile(  # on the text as printed or normalized
    rf"\s*(?:({_EN_WEEKDAY})\.?,?\s*)?"
    rf"(\d{{1,2}})(?:\s+|-)({_EN_MONTH})\.?,?(?:\s+|-)(\d{{4}}|\d{{2}})"
    r"(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?"
    r"(?:\s*([+-]\d{2}:?\d{2}|gmt|utc|ut|z|ict|[ecmp][sd]t)(?![a-z]))?)?\s*",
    re.IGNORECASE,
)
_RFC_SECOND = (" ", "-", "\t")  # after the day's first or second digit: 4 Mar, 24-Mar


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
