"""Datelines in every shape the fast path reads, rendered from a datetime: for the property tests and the
benchmark, and a readable list of what `parse_date` promises to read exactly.

A `Shape` holds indexes into the tables below; `render` writes a Vietnam-time datetime in that shape and
returns the text with the value and precision `parse_date` must give back. `read_table` reads the
hand-written dateline table (replica/data/datelines.tsv).
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from crawler.dates.parser import VN_TZ

WEEKDAY_NAMES: tuple[tuple[str, ...], ...] = (
    ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"),
    ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"),
    ("Thứ 2", "Thứ 3", "Thứ 4", "Thứ 5", "Thứ 6", "Thứ 7", "Chủ nhật"),
    ("T2", "T3", "T4", "T5", "T6", "T7", "CN"),
    ("T.Hai", "T.Ba", "T.Tư", "T.Năm", "T.Sáu", "T.Bảy", "CN"),
    ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
)
MONTH_WORDS = ("Một", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười", "Mười Một", "Mười Hai")
EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAY_SEPARATORS = (", ", " ", " - ", ",")
LABELS = (
    "",
    "Cập nhật: ",
    "Cập nhật lúc ",
    "Cập nhật ngày: ",
    "Đăng lúc ",
    "Đăng lúc: ",
    "Đăng ngày ",
    "Ngày đăng: ",
    "Ngày: ",
    "Xuất bản: ",
    "Thời gian: ",
    "Posted ",
    "Ngày đăng: ",
    "Xuất bản ngày ",
    "Cập nhật lần cuối: ",
    "Posted on ",
)
# Between the date and the time.
SEPARATORS = (", ", " - ", " | ", " ", "\n.\n", " – ", ",", " lúc ", "\n", " • ", ", lúc ")
SPACES = (" ", "\u00a0", "  ", " \t", "\u202f")
# (zone text, printed in UTC rather than Vietnam time)
ZONES = (
    ("", False),
    (" (GMT+7)", False),
    (" GMT+7", False),
    (" GMT+07:00", False),
    (" UTC+7", False),
    (" (giờ Hà Nội)", False),
    (" GMT", True),
    (" (UTC)", True),
    (" (GMT +7)", False),
    (" UTC +07:00", False),
    (" (UTC+7)", False),
    (" ICT", False),
    (" GMT+0", True),
)
DATE_FORMS = 14
TIME_FORMS = 12  # and -1: no time
CASES = 3  # as written, lower, upper

DATA = Path(__file__).resolve().parent / "data"
TABLE = DATA / "datelines.tsv"
"""The hand-written dateline table: input, relative-to time, expected value, precision or reason."""
REAL_TABLE = DATA / "datelines_real_shapes.tsv"
"""Datelines in the shapes real portals print them (docs/real-pages.md)."""


@dataclass(frozen=True, slots=True)
class Shape:
    weekday: int  # -1 none, else an index into WEEKDAY_NAMES
    weekday_separator: int
    label: int
    date_form: int
    two_digit_year: bool  # used where the year is 2000 or later and the form is numeric day-first
    time_form: int  # -1: a date alone
    time_first: bool
    separator: int
    zone: int
    space: int
    case: int
    nfd: bool
    zero_width: bool


def _date_text(form: int, d: int, m: int, year: int, two_digit: bool) -> str:
    y = f"{year % 100:02d}" if two_digit and year >= 2000 and form in (0, 1, 2, 3, 6) else str(year)
    return (
        f"{d:02d}/{m:02d}/{y}",
        f"{d}/{m}/{y}",
        f"{d:02d}-{m:02d}-{y}",
        f"{d:02d}.{m:02d}.{y}",
        f"ngày {d} tháng {m} năm {year}",
        f"{d} Tháng {m}, {year}",
        f"ngày {d:02d}/{m:02d}/{y}",
        f"{year}/{m:02d}/{d:02d}",
        f"{d} tháng {MONTH_WORDS[m - 1]} năm {year}",
        f"Tháng {MONTH_WORDS[m - 1]} {d}, {year}",
        f"{d} Th{m:02d} {year}",
        f"{d} thg {m}, {year}",
        f"{d}.{m}.{year}",
        f"{EN_MONTHS[m - 1]} {d}, {year}",
    )[form]


def _time_text(form: int, h: int, mi: int, s: int) -> str:
    h12 = h % 12 or 12
    return (
        f"{h:02d}:{mi:02d}",
        f"{h}:{mi:02d}",
        f"{h:02d}h{mi:02d}",
        f"{h} giờ {mi} phút",
        f"{h:02d}g{mi:02d}",
        f"{h12:02d}:{mi:02d} {'SA' if h < 12 else 'CH'}",
        f"{h12}:{mi:02d} {'AM' if h < 12 else 'PM'}",
        f"{h:02d}:{mi:02d}:{s:02d}",
        f"{h:02d}h{mi:02d} ngày",
        f"{h12}:{mi:02d}:{s:02d} {'AM' if h < 12 else 'PM'}",
        f"{h:02d}h{mi:02d}'",
        f"{h:02d}:{mi:02d}:{s:02d} {'SA' if h < 12 else 'CH'}",
    )[form]


def render(value: datetime, shape: Shape, weekday_shift: int = 0) -> tuple[str, datetime, str]:
    """(text, expected value, expected precision) for a Vietnam-time ``value`` written in ``shape``.

    ``weekday_shift`` names another day than the date's (for the weekday-contradiction tests).
    """
    value = value.astimezone(VN_TZ)
    zone, in_utc = ZONES[shape.zone] if shape.time_form >= 0 else ("", False)
    printed = value.astimezone(UTC) if in_utc else value
    date = _date_text(shape.date_form, printed.day, printed.month, printed.year, shape.two_digit_year)
    if shape.time_form < 0:
        body = date
        expected, precision = value.replace(hour=0, minute=0, second=0, microsecond=0), "day"
    else:
        time = _time_text(shape.time_form, printed.hour, printed.minute, printed.second)
        separator = SEPARATORS[shape.separator]
        if shape.time_form == 8 and not shape.time_first:
            time = time.removesuffix(" ngày")  # "15h35 ngày" reads only before the date
        body = f"{time}{separator}{date}" if shape.time_first else f"{date}{separator}{time}"
        body += zone
        if shape.time_form in (7, 9, 11):
            expected, precision = value.replace(microsecond=0), "second"
        else:
            expected, precision = value.replace(second=0, microsecond=0), "minute"
    weekday = ""
    if shape.weekday >= 0:
        weekday = (
            WEEKDAY_NAMES[shape.weekday][(printed.weekday() + weekday_shift) % 7]
            + WEEKDAY_SEPARATORS[shape.weekday_separator]
        )
    text = LABELS[shape.label] + weekday + body
    text = text.replace(" ", SPACES[shape.space])
    if shape.case == 1:
        text = text.lower()
    elif shape.case == 2:
        text = text.upper()
    text = unicodedata.normalize("NFD" if shape.nfd else "NFC", text)
    if shape.zero_width:
        text = "\u200b" + text.replace(",", ",\u200b", 1) + "\ufeff"
    return text, expected, precision


def random_shape(rng: random.Random) -> Shape:
    return Shape(
        weekday=rng.randrange(-1, len(WEEKDAY_NAMES)),
        weekday_separator=rng.randrange(len(WEEKDAY_SEPARATORS)),
        label=rng.randrange(len(LABELS)),
        date_form=rng.randrange(DATE_FORMS),
        two_digit_year=rng.random() < 0.3,
        time_form=rng.randrange(-1, TIME_FORMS),
        time_first=rng.random() < 0.4,
        separator=rng.randrange(len(SEPARATORS)),
        zone=rng.randrange(len(ZONES)),
        space=rng.randrange(len(SPACES)),
        case=rng.randrange(CASES),
        nfd=rng.random() < 0.3,
        zero_width=rng.random() < 0.1,
    )


def random_value(rng: random.Random) -> datetime:
    """A Vietnam-time datetime from 1995 to 2030, to the second."""
    start = datetime(1995, 1, 1, tzinfo=VN_TZ).timestamp()
    stop = datetime(2030, 12, 31, 23, 59, 59, tzinfo=VN_TZ).timestamp()
    return datetime.fromtimestamp(rng.randrange(int(start), int(stop)), VN_TZ)


# A fetch time after every value `random_value` gives, so that none is "in the future".
SAMPLE_FETCH_TIME = datetime(2031, 1, 2, tzinfo=VN_TZ)


def samples(count: int, seed: int = 0) -> list[tuple[str, datetime, str]]:
    """``count`` rendered datelines (text, expected value, precision) with random values and shapes."""
    rng = random.Random(seed)
    return [render(random_value(rng), random_shape(rng)) for _ in range(count)]


# --- the dateline table -------------------------------------------------------------------------------

_ESCAPE = re.compile(r"\\(?:(t)|(n)|(\\)|u([0-9a-fA-F]{4}))")


def unescape(text: str) -> str:
    """The table's escapes: \\t, \\n, \\\\ and \\uXXXX."""

    def one(m: re.Match[str]) -> str:
        tab, newline, backslash, code = m.groups()
        if tab:
            return "\t"
        if newline:
            return "\n"
        if backslash:
            return "\\"
        return chr(int(code, 16))

    return _ESCAPE.sub(one, text)


class TableRow(NamedTuple):
    line: int
    text: str
    relative_to: datetime | None
    expected: datetime | None
    precision_or_reason: str  # the precision when a value is expected, else the reason


def read_table(path: Path) -> list[TableRow]:
    """Rows of ``input<TAB>relative_to<TAB>expected<TAB>precision or reason``; # starts a comment."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if not line or line.startswith("#"):
            continue
        text, relative_to, expected, last = line.split("\t")
        rows.append(
            TableRow(
                number,
                unescape(text),
                datetime.fromisoformat(relative_to) if relative_to else None,
                datetime.fromisoformat(expected) if expected else None,
                last,
            )
        )
    return rows
