"""What a reading gives (`ParsedDate`) and how every reader makes one: the value in Vietnam time, the
checks it passes (a possible date, the weekday printed, not before 1995, not in the future), the reasons
for a refusal.

Vietnam has kept UTC+07:00 without daylight saving since 1975, and values before 1995 are refused, so a
reading is moved to Vietnam time by plain arithmetic on the offset; the value's tzinfo is `VN_TZ`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

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
    key = (year * 100 + month) * 100 + day if month < 100 and day < 100 else -1
    midnight = _MIDNIGHTS.get(key)  # _at, inlined for a day seen already
    if midnight is None:
        try:
            value = _at(year, month, day, hour, minute, second)
        except ValueError:
            return ParsedDate(None, None, rule, IMPOSSIBLE)
    else:
        value = midnight + _MINUTES[hour * 60 + minute]
        if second:
            value += _SECONDS[second]
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
