"""Benchmark crawler.dates.parse_date against dateparser.parse on the same datelines.

Run from the project root:  PYTHONPATH=. python bench/dates.py [--samples 2000] [--repeats 3]

Strings: the readable rows of tests/data/datelines.tsv and rendered samples in every shape the fast path
reads (crawler.dates.samples). dateparser is called as a crawler would call it: ``languages=['vi']``,
``DATE_ORDER`` DMY, its settings built once (one Settings object per fetch time, so relative forms get the
same base as ours). Calls alternate between the two parsers string by string; each repeat times every
string once with each, and the figures are medians over repeats. "parse_date alone" times our parser on
the same strings with no dateparser call in between (dateparser evicts our code and data from the CPU
caches, which the interleaved figure pays for).

"Right" means the value equals the expected one at the expected precision, to the minute at the finest
(dateparser's naive results are read as Vietnam time). Exits 1 if dateparser reads a string right that
parse_date reads wrong.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from crawler.dates import VN_TZ, ParsedDate, parse_date
from crawler.dates.samples import SAMPLE_FETCH_TIME, read_table, samples

TABLE = Path(__file__).resolve().parent.parent / "tests" / "data" / "datelines.tsv"


class Case:
    __slots__ = ("expected", "precision", "relative_to", "source", "text")

    def __init__(
        self, text: str, relative_to: datetime | None, expected: datetime, precision: str, source: str
    ) -> None:
        self.text = text
        self.relative_to = relative_to
        self.expected = expected
        self.precision = precision
        self.source = source


def truncate(value: datetime, precision: str) -> datetime:
    """``value`` in Vietnam time, cut to ``precision`` but no finer than the minute."""
    value = value.replace(tzinfo=VN_TZ) if value.tzinfo is None else value.astimezone(VN_TZ)
    value = value.replace(second=0, microsecond=0)
    if precision == "hour":
        value = value.replace(minute=0)
    elif precision == "day":
        value = value.replace(hour=0, minute=0)
    elif precision == "month":
        value = value.replace(day=1, hour=0, minute=0)
    return value


def right(value: datetime | None, case: Case) -> bool:
    return value is not None and truncate(value, case.precision) == truncate(case.expected, case.precision)


def dateparser_settings() -> Callable[[datetime | None], Any]:
    """A function giving the one Settings object for a fetch time (built on first use)."""
    from dateparser.conf import settings as defaults

    built: dict[datetime | None, Any] = {}

    def for_fetch(relative_to: datetime | None) -> Any:
        if relative_to not in built:
            mod: dict[str, Any] = {"DATE_ORDER": "DMY"}
            if relative_to is not None:
                mod["RELATIVE_BASE"] = relative_to.astimezone(VN_TZ).replace(tzinfo=None)
            built[relative_to] = defaults.replace(mod_settings=mod, **mod)
        return built[relative_to]

    return for_fetch


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=int, default=2000, help="rendered samples to add (default 2000)")
    parser.add_argument("--repeats", type=int, default=3, help="timed passes over all strings (default 3)")
    args = parser.parse_args()

    rows = read_table(TABLE)
    cases = [
        Case(row.text, row.relative_to, row.expected, row.precision_or_reason, f"table line {row.line}")
        for row in rows
        if row.expected is not None
    ]
    cases += [
        Case(text, SAMPLE_FETCH_TIME, expected, precision, "sample")
        for text, expected, precision in samples(args.samples, seed=20210324)
    ]
    refusals = [row for row in rows if row.expected is None]

    import dateparser

    settings_for = dateparser_settings()
    plan = [(case, settings_for(case.relative_to)) for case in cases]
    # Warm both up (dateparser loads its Vietnamese locale on first use; our fallback builds its parser).
    for case, dp_settings in plan[:50]:
        parse_date(case.text, relative_to=case.relative_to)
        dateparser.parse(case.text, languages=["vi"], settings=dp_settings)

    ours_totals: list[float] = []
    theirs_totals: list[float] = []
    fast_totals: list[float] = []
    ours_results: list[ParsedDate] = []
    theirs_results: list[datetime | None] = []
    clock = time.perf_counter
    gc.disable()
    try:
        for repeat in range(args.repeats):
            ours_total = theirs_total = fast_total = 0.0
            ours_results, theirs_results = [], []
            for index, (case, dp_settings) in enumerate(plan):
                text, relative_to = case.text, case.relative_to
                if (index + repeat) % 2:
                    t0 = clock()
                    mine = parse_date(text, relative_to=relative_to)
                    t1 = clock()
                    theirs = dateparser.parse(text, languages=["vi"], settings=dp_settings)
                    t2 = clock()
                    ours_time, theirs_time = t1 - t0, t2 - t1
                else:
                    t0 = clock()
                    theirs = dateparser.parse(text, languages=["vi"], settings=dp_settings)
                    t1 = clock()
                    mine = parse_date(text, relative_to=relative_to)
                    t2 = clock()
                    theirs_time, ours_time = t1 - t0, t2 - t1
                ours_total += ours_time
                theirs_total += theirs_time
                if mine.rule != "dateparser":
                    fast_total += ours_time
                ours_results.append(mine)
                theirs_results.append(theirs)
            ours_totals.append(ours_total)
            theirs_totals.append(theirs_total)
            fast_totals.append(fast_total)
        # parse_date alone, same strings, no dateparser call between two of ours (warm caches).
        alone_totals, table_alone_totals = [], []
        table_cases = [  # the realistic datelines, without the few our fast path hands to dateparser
            case
            for case, result in zip(cases, ours_results, strict=True)
            if case.source != "sample" and result.rule != "dateparser"
        ]
        for _ in range(args.repeats):
            t0 = clock()
            for case in cases:
                parse_date(case.text, relative_to=case.relative_to)
            alone_totals.append(clock() - t0)
            for _ in range(10):  # the table is short: ten passes per repeat
                t0 = clock()
                for case in table_cases:
                    parse_date(case.text, relative_to=case.relative_to)
                table_alone_totals.append(clock() - t0)
    finally:
        gc.enable()

    n = len(cases)
    ours_us = statistics.median(ours_totals) / n * 1e6
    theirs_us = statistics.median(theirs_totals) / n * 1e6
    fast_n = sum(result.rule != "dateparser" for result in ours_results)
    fast_us = statistics.median(fast_totals) / max(fast_n, 1) * 1e6
    ours_right = [right(result.value, case) for result, case in zip(ours_results, cases, strict=True)]
    theirs_right = [right(value, case) for value, case in zip(theirs_results, cases, strict=True)]
    losses = [
        (case, mine, theirs)
        for case, mine, theirs, ok_mine, ok_theirs in zip(
            cases, ours_results, theirs_results, ours_right, theirs_right, strict=True
        )
        if ok_theirs and not ok_mine
    ]
    table_n = sum(case.source != "sample" for case in cases)
    table_ours = sum(ok for ok, case in zip(ours_right, cases, strict=True) if case.source != "sample")
    table_theirs = sum(ok for ok, case in zip(theirs_right, cases, strict=True) if case.source != "sample")
    guessed = sum(
        dateparser.parse(row.text, languages=["vi"], settings=settings_for(row.relative_to)) is not None
        for row in refusals
    )
    ours_refused = sum(parse_date(row.text, relative_to=row.relative_to).value is None for row in refusals)

    alone_us = statistics.median(alone_totals) / n * 1e6
    print(f"strings: {n} ({table_n} readable table rows, {n - table_n} rendered samples)", end="")
    print(f"; {args.repeats} repeats, medians")
    print(f"dateparser.parse:            {theirs_us:8.1f} µs per string")
    print(f"parse_date, interleaved:     {ours_us:8.1f} µs per string  speedup {theirs_us / ours_us:5.1f}x")
    print(f"  without the {n - fast_n} sent to dateparser: {fast_us:.1f} µs per string")
    print(f"parse_date, alone:           {alone_us:8.1f} µs per string  speedup {theirs_us / alone_us:5.1f}x")
    table_alone_us = statistics.median(table_alone_totals) / len(table_cases) * 1e6
    print(f"  table rows read by the fast path ({len(table_cases)}): {table_alone_us:.1f} µs per string")
    print(f"read right, parse_date: {sum(ours_right)}/{n} (table {table_ours}/{table_n})")
    print(f"read right, dateparser: {sum(theirs_right)}/{n} (table {table_theirs}/{table_n})")
    print(f"table rows that must give no value: {len(refusals)}", end="")
    print(f"; parse_date gives none for {ours_refused}, dateparser gives a value for {guessed}")
    print(f"dateparser right, parse_date wrong: {len(losses)}")
    for case, mine, theirs in losses:
        print(f"  {case.source}: {case.text!r} expected {case.expected.isoformat()} ({case.precision}),")
        print(f"      parse_date {mine}, dateparser {theirs}")
    return 1 if losses else 0


if __name__ == "__main__":
    sys.exit(main())
