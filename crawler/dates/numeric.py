"""Numeric dates: ``24/03/2021``, ``24-3-21``, ``24.3.2021``, ``2021/03/24``, ``24/3``, and the US-style
``1/28/2026 6:52:01 AM`` that ASP.NET prints."""

from __future__ import annotations

import re
from datetime import datetime

from crawler.dates.grammar import _INT


def _two_digit_year(yy: int, ref: datetime) -> int:
    """20yy, unless that is after next year: then 19yy (so 24-03-98 is 1998)."""
    year = 2000 + yy
    return year - 100 if year > ref.year + 1 else year


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


def _numeric_date(
    a: str,
    separator: str,
    b: str,
    c: str | None,
    ap: str | None,
    minute: str | None,
    dayfirst: bool,
    ref: datetime,
) -> tuple[int, int, int, str] | None:
    """Year (0 when none is printed), month, day and rule of the numbers ``a``, ``b``, ``c`` printed
    ``a/b/c``; None for lengths that make no date. ``ap`` and ``minute`` are the clock time's, if any: a
    US-style value is read month-first when its day-first reading is impossible."""
    num = _INT
    if len(a) == 4:
        if c is None or len(c) > 2:
            return None
        return num.get(a) or int(a), num[b], num[c], "ymd"
    if len(a) > 2:
        return None
    if dayfirst:
        day, month, kind = num[a], num[b], "dmy"
        if month > 12 and c is not None and len(c) == 4 and _us_style(day, separator, ap, minute):
            day, month, kind = month, day, "mdy"
    else:
        day, month, kind = num[b], num[a], "mdy"
    if c is None:
        return 0, month, day, kind
    if len(c) == 4:
        return num.get(c) or int(c), month, day, kind
    if len(c) == 2:
        return _two_digit_year(num[c], ref), month, day, kind
    return None
