"""Relative forms: ``5 phút trước``, ``cách đây 2 giờ``, ``vừa xong``, read against the fetch time."""

from __future__ import annotations

from datetime import datetime, timedelta

from crawler.dates.grammar import _UNIT_PRECISION, _UNIT_SECONDS, Group
from crawler.dates.values import VN_TZ, ParsedDate, _at, _finish


def _relative(n: int, unit: str, ref: datetime) -> ParsedDate:
    """``n`` ``unit`` before ``ref``, floored to the unit (``3 ngày trước`` is that day at 00:00)."""
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


def _relative_form(rel_n: Group, rel_u: Group, rel_n2: Group, rel_u2: Group, ref: datetime) -> ParsedDate:
    """``cách đây 2 giờ`` (``rel_``), ``5 phút trước`` (``rel_n2``, ``rel_u2``) or ``vừa xong``."""
    if rel_n is not None:
        return _relative(int(rel_n), rel_u.casefold(), ref)
    if rel_n2 is not None:
        return _relative(int(rel_n2), rel_u2.casefold(), ref)
    return _relative(0, "phút", ref)
