"""Reading Vietnamese datelines: an exact hand-written fast path, dateparser as the fallback.

    >>> parse_date("Thứ Tư, 24/03/2021, 15:35 (GMT+7)").isoformat()
    '2021-03-24T15:35:00+07:00'

Importing this package is cheap: dateparser is imported only when the fast path cannot read a string.
"""

from crawler.dates.parser import VN_TZ, ParsedDate, is_us_style, parse_date

__all__ = ["VN_TZ", "ParsedDate", "is_us_style", "parse_date"]
