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

Where each part lives, in this package: `grammar` (the regex pieces and word tables both grammars share),
`values` (`ParsedDate`, making and checking a value), `clock` (clock times, UTC offsets), `numeric` (numeric
dates, US style), `relative` (relative forms), `whole` (ISO 8601, RFC 822), `common` (``_COMMON``, step 2),
`dateline` (``_DATELINE``, step 4), `fallback` (dateparser); this module normalizes and runs them in order.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

from crawler.dates.common import _COMMON, _read_common
from crawler.dates.dateline import _read_dateline
from crawler.dates.fallback import read_with_dateparser  # cheap: it imports dateparser only when called
from crawler.dates.grammar import _EN_WEEKDAYS, _MAX_LENGTH, _WEEKDAY, _WEEKDAYS
from crawler.dates.numeric import is_us_style
from crawler.dates.values import (
    EMPTY,
    IMPOSSIBLE,
    IN_FUTURE,
    TOO_OLD,
    UNREADABLE,
    VN_TZ,
    WEEKDAY_MISMATCH,
    ParsedDate,
    _finish,
    _floor,
)
from crawler.dates.whole import _RFC_SECOND, _read_iso, _read_rfc822

__all__ = [  # with the readers the tests compare: _COMMON, _read_common, _read_dateline
    "EMPTY", "IMPOSSIBLE", "IN_FUTURE", "TOO_OLD", "UNREADABLE", "VN_TZ", "WEEKDAY_MISMATCH",
    "_COMMON", "ParsedDate", "_read_common", "_read_dateline", "is_us_style", "parse_date",
]  # fmt: skip


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


# --- the entry ----------------------------------------------------------------------------------------


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
                result = None if m is None else _read_common(m, ref)
                if result is not None:
                    return result
            text = cleaned
        s = " ".join(text.split()).casefold()
    if not s:
        return ParsedDate(None, reason=EMPTY)
    result = _read_whole(s, ref)
    if result is None and len(s) <= _MAX_LENGTH:
        result = _read_dateline(s, ref, dayfirst)
    return _read_with_fallback(text, s, ref) if result is None else result


def _read_whole(s: str, ref: datetime) -> ParsedDate | None:
    """ISO 8601 or RFC 822 on the normalized text ``s``, behind cheap guards that keep them off strings
    that cannot be theirs."""
    first = s[0]
    if first.isdigit():
        if s[4:5] == "-" and s[:4].isdigit():
            return _read_iso(s, ref)
        if (s[1:2] in " -" or s[2:3] in " -") and s.isascii():  # 24 Mar 2021, 24-Mar-2021
            return _read_rfc822(s, ref)
    elif first.isascii() and first.isalpha() and s.isascii():
        return _read_rfc822(s, ref)
    return None


# --- the fallback -------------------------------------------------------------------------------------


def _read_with_fallback(text: str, s: str, ref: datetime) -> ParsedDate:
    """dateparser's reading of ``text`` (``s`` normalized), kept only if its numbers are printed."""
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


_NUMBERS = re.compile(r"\d+")
_WEEKDAY_SEARCH = re.compile(rf"(?<![^\W_])(?:{_WEEKDAY})(?![^\W_])")


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
