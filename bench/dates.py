"""Benchmark crawler.dates.parse_date against dateparser.parse on the same datelines, in one run.

Run from the project root:  PYTHONPATH=. python bench/dates.py [--samples 2000] [--repeats 3] [--block 200]

Strings, in two sets reported apart:

* table: the rows of replica/data/datelines.tsv and replica/data/datelines_real_shapes.tsv that have a value
  (real shapes, written for the tests);
* samples: datelines rendered in every shape the fast path reads (replica.date_samples), random values.

dateparser is called as a crawler would call it: ``languages=['vi']``, ``DATE_ORDER`` DMY, its settings
built once per fetch time (so relative forms get the same base as ours).

The headline timing runs the parsers in alternating blocks: the strings are cut into blocks of ``--block``
strings; each block is timed with one parser, then with the other (which goes first alternates from block
to block and from repeat to repeat). A block is long enough for each parser to run with its own code and
data in the CPU caches, as in a crawl that reads many datelines in a row; what a block costs includes the
misses of its first strings after the other parser ran. Per-string times are the medians over repeats.
Two more figures, labelled as such: "string by string", where each of our calls comes right after a
dateparser call on the same string (every call starts with caches full of dateparser: the worst case for
us), and "alone", our parser over all strings with no dateparser call in the run's timed part.

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
from typing import Any

from crawler.dates import VN_TZ, ParsedDate, parse_date
from replica.date_samples import REAL_TABLE, SAMPLE_FETCH_TIME, TABLE, read_table, samples

TABLES = (TABLE, REAL_TABLE)


class Case:
    __slots__ = ("dp_settings", "expected", "precision", "relative_to", "source", "text")

    def __init__(
        self, text: str, relative_to: datetime | None, expected: datetime, precision: str, source: str
    ) -> None:
        self.text = text
        self.relative_to = relative_to
        self.expected = expected
        self.precision = precision
        self.source = source
        self.dp_settings: Any = None


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


def blocks_of(cases: list[Case], size: int) -> list[list[Case]]:
    return [cases[i : i + size] for i in range(0, len(cases), size)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=int, default=2000, help="rendered samples (default 2000)")
    parser.add_argument("--repeats", type=int, default=3, help="timed passes over all strings (default 3)")
    parser.add_argument("--block", type=int, default=200, help="strings per alternating block (default 200)")
    args = parser.parse_args()

    rows = [row for table in TABLES for row in read_table(table)]
    table_cases = [
        Case(row.text, row.relative_to, row.expected, row.precision_or_reason, f"{row.line}: {row.text!r}")
        for row in rows
        if row.expected is not None
    ]
    sample_cases = [
        Case(text, SAMPLE_FETCH_TIME, expected, precision, "sample")
        for text, expected, precision in samples(args.samples, seed=20210324)
    ]
    cases = table_cases + sample_cases
    # The table's rows our fast path reads, without the few it hands to dateparser (which cost ours what
    # they cost dateparser): reported apart, so that the fallback's share is visible.
    table_fast = [
        c for c in table_cases if parse_date(c.text, relative_to=c.relative_to).rule != "dateparser"
    ]
    sets = {"table": table_cases, "table, fast": table_fast, "samples": sample_cases}
    refusals = [row for row in rows if row.expected is None]

    import dateparser

    dp_parse = dateparser.parse
    settings_for = dateparser_settings()
    for case in cases:
        case.dp_settings = settings_for(case.relative_to)

    def ours_block(block: list[Case]) -> float:
        t0 = clock()
        for case in block:
            parse_date(case.text, relative_to=case.relative_to)
        return clock() - t0

    def theirs_block(block: list[Case]) -> float:
        t0 = clock()
        for case in block:
            dp_parse(case.text, languages=["vi"], settings=case.dp_settings)
        return clock() - t0

    clock = time.perf_counter
    # Warm up both (dateparser loads its Vietnamese locale on first use; our fallback builds its parser).
    ours_block(cases)
    theirs_block(cases[:: max(1, len(cases) // 100)])

    # name -> parser -> one total per repeat
    totals: dict[str, dict[str, list[float]]] = {name: {"ours": [], "theirs": []} for name in sets}
    stringwise: dict[str, list[float]] = {name: [] for name in sets}
    alone: dict[str, list[float]] = {name: [] for name in sets}
    gc.disable()
    try:
        for repeat in range(args.repeats):
            for name, set_cases in sets.items():
                ours_total = theirs_total = 0.0
                for index, block in enumerate(blocks_of(set_cases, args.block)):
                    if (index + repeat) % 2:
                        theirs_total += theirs_block(block)
                        ours_total += ours_block(block)
                    else:
                        ours_total += ours_block(block)
                        theirs_total += theirs_block(block)
                totals[name]["ours"].append(ours_total)
                totals[name]["theirs"].append(theirs_total)
        for name, set_cases in sets.items():  # string by string, once: each of ours right after dateparser
            total = 0.0
            for case in set_cases:
                dp_parse(case.text, languages=["vi"], settings=case.dp_settings)
                t0 = clock()
                parse_date(case.text, relative_to=case.relative_to)
                total += clock() - t0
            stringwise[name].append(total)
        for _ in range(args.repeats):
            for name, set_cases in sets.items():
                alone[name].append(ours_block(set_cases))
    finally:
        gc.enable()

    ours_results: list[ParsedDate] = [parse_date(c.text, relative_to=c.relative_to) for c in cases]
    theirs_results: list[datetime | None] = [
        dp_parse(c.text, languages=["vi"], settings=c.dp_settings) for c in cases
    ]
    ours_right = [right(result.value, case) for result, case in zip(ours_results, cases, strict=True)]
    theirs_right = [right(value, case) for value, case in zip(theirs_results, cases, strict=True)]
    losses = [
        (case, mine, theirs)
        for case, mine, theirs, ok_mine, ok_theirs in zip(
            cases, ours_results, theirs_results, ours_right, theirs_right, strict=True
        )
        if ok_theirs and not ok_mine
    ]
    fallback = sum(result.rule == "dateparser" for result in ours_results)

    def us(values: list[float], n: int) -> float:
        return statistics.median(values) / n * 1e6

    print(
        f"strings: {len(cases)} = table {len(table_cases)} (readable rows of {', '.join(t.name for t in TABLES)})"
    )
    print(f"         + samples {len(sample_cases)} (rendered shapes); {args.repeats} repeats, medians")
    print(f"our fast path read {len(cases) - fallback}, our fallback (dateparser) {fallback}")
    print()
    print(f"alternating blocks of {args.block} strings (the headline figure), µs per string:")
    print("                         strings  dateparser.parse  parse_date  speedup")
    all_theirs = all_ours = 0.0
    for name, set_cases in sets.items():
        n = len(set_cases)
        theirs_us, ours_us = us(totals[name]["theirs"], n), us(totals[name]["ours"], n)
        if name != "table, fast":
            all_theirs += theirs_us * n
            all_ours += ours_us * n
        label = "table, no fallback rows" if name == "table, fast" else name
        print(f"  {label:24}{n:5} {theirs_us:15.1f} {ours_us:11.2f} {theirs_us / ours_us:7.0f}x")
    n = len(cases)
    print(
        f"  {'all (table + samples)':24}{n:5} {all_theirs / n:15.1f} {all_ours / n:11.2f} {all_theirs / all_ours:7.0f}x"
    )
    print()
    print("other figures for parse_date, µs per string (speedup against the block figure of dateparser):")
    for label, figures in (("string by string, right after a dateparser call", stringwise), ("alone", alone)):
        parts = []
        for name, set_cases in sets.items():
            ours_us = us(figures[name], len(set_cases))
            speedup = us(totals[name]["theirs"], len(set_cases)) / ours_us
            parts.append(f"{name} {ours_us:.2f} ({speedup:.0f}x)")
        print(f"  {label}: " + ", ".join(parts))
    print()
    for name, set_cases in (("table", table_cases), ("samples", sample_cases)):
        lo, hi = (0, len(table_cases)) if name == "table" else (len(table_cases), len(cases))
        print(
            f"read right ({name}): parse_date {sum(ours_right[lo:hi])}/{len(set_cases)}, "
            f"dateparser {sum(theirs_right[lo:hi])}/{len(set_cases)}"
        )
    guessed = sum(
        dp_parse(row.text, languages=["vi"], settings=settings_for(row.relative_to)) is not None
        for row in refusals
    )
    ours_refused = sum(parse_date(row.text, relative_to=row.relative_to).value is None for row in refusals)
    print(f"table rows that must give no value: {len(refusals)}", end="")
    print(f"; parse_date gives none for {ours_refused}, dateparser gives a value for {guessed}")
    print(f"dateparser right, parse_date wrong: {len(losses)}")
    for case, mine, theirs in losses:
        print(f"  {case.source}: expected {case.expected.isoformat()} ({case.precision}),")
        print(f"      parse_date {mine}, dateparser {theirs}")
    return 1 if losses else 0


if __name__ == "__main__":
    sys.exit(main())
