"""Clock times and UTC offsets, as both dateline readers and the whole-string readers print them."""

from __future__ import annotations

from crawler.dates.grammar import _INT


def _clock(
    h: str,
    tc_m: str | None,
    tc_s: str | None,
    th_m: str | None,
    tv_m: str | None,
    tv_s: str | None,
    ap: str | None,
) -> tuple[int, int, int, str] | None:
    """Hour, minute, second and precision of a clock time read as ``15:35[:20]`` (``tc_``), ``15h35``
    (``th_``) or ``15 giờ 35 phút 20 giây`` (``tv_``), with its SA/CH or AM/PM marker; None past 23:59:59."""
    num = _INT
    hour = num[h]
    if tc_m is not None:
        minute, second, precision = num[tc_m], 0, "minute"
        if tc_s is not None:
            second, precision = num[tc_s], "second"
    elif th_m is not None:
        minute, second, precision = num[th_m], 0, "minute"
    elif tv_m is not None:
        minute, second, precision = num[tv_m], 0, "minute"
        if tv_s is not None:
            second, precision = num[tv_s], "second"
    else:
        minute, second, precision = 0, 0, "hour"
    if ap is not None and 1 <= hour <= 12:
        # Hours 0 and 13-23 are on the 24-hour clock already (CafeF prints 21:07 PM); a marker adds nothing.
        if ap[0] in "cpCP":
            if hour != 12:
                hour += 12
        elif hour == 12:
            hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second, precision


def _gmt_offset(sign: str | None, hours: str | None, minutes: str | None) -> int | None:
    """Minutes east of UTC of ``GMT``, ``UTC+7``, ``GMT -05:00`` (the sign, hours and minutes after the
    name); None if the minutes are not 0-59."""
    if sign is None or hours is None:
        return 0
    num = _INT
    offset = num[hours] * 60
    if minutes is not None:
        if num[minutes] > 59:
            return None
        offset += num[minutes]
    return -offset if sign == "-" else offset


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
