"""The fallback reader: dateparser, for what the fast path does not know.

Imported only when needed (dateparser takes a while to import and to load its Vietnamese locale).
``dateparser.parse(text, languages=..., settings=...)`` builds a new settings object and a new
``DateDataParser`` on every call; this module builds them once per relative base (the fetch time) and
calls ``DateDataParser.get_date_data``, which is what ``dateparser.parse`` calls, with the same settings.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

_VN = "Asia/Ho_Chi_Minh"
_VN_TZ = ZoneInfo(_VN)

LANGUAGES = ["vi"]
SETTINGS: dict[str, Any] = {
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": True,
    "TIMEZONE": _VN,
    "TO_TIMEZONE": _VN,
    "REQUIRE_PARTS": ["day", "month", "year"],
}

# dateparser's period (the granularity it read) -> our precision; coarser periods are refused.
_PERIODS = {"time": "minute", "day": "day", "week": "day", "month": "month"}


@lru_cache(maxsize=64)
def _parser(relative_base: datetime) -> Any:
    from dateparser.date import DateDataParser  # here: importing dateparser is slow

    return DateDataParser(languages=LANGUAGES, settings={**SETTINGS, "RELATIVE_BASE": relative_base})


def read_with_dateparser(text: str, relative_to: datetime) -> tuple[datetime, str] | None:
    """dateparser's reading of ``text`` (tz-aware) with its precision, or None.

    None also when dateparser raises (a bug of its on an odd string must not stop a crawl) or reads only
    a year or a quarter.
    """
    base = relative_to.astimezone(_VN_TZ).replace(tzinfo=None)
    try:
        data = _parser(base).get_date_data(text)
    except Exception:  # any failure of the fallback is "unreadable", never a crash
        return None
    value = data.date_obj
    if not isinstance(value, datetime):
        return None
    parts = getattr(data, "parts", ()) or ()
    precision = "minute" if "time" in parts else _PERIODS.get(str(data.period))
    if precision is None:
        return None
    if precision == "minute" and value.second:
        precision = "second"
    if value.tzinfo is None:
        value = value.replace(tzinfo=_VN_TZ)
    return value, precision
