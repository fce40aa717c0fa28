"""Our extraction against trafilatura's defaults on article pages with expected fields, side by side in one run.

    PYTHONPATH=. python bench/extract.py [DIR] [--worst N] [--json] [--repeats R]

Pages are DIR/<outlet>/<name>.html, each with <name>.json beside it giving the page's `url`, `site` (a
registered key, or null for generic mode), `title`, `published_at` (the printed minute, +07:00),
`published_printed`, `authors`, `lead` (or null) and `body` (paragraphs), written by reading the page. DIR is
replica/data/real_shapes by default (the project's real-shaped pages); a folder of real saved pages stays outside
the project.

Every page runs in two modes: *saved* (the file's bytes) and *stripped* (without JSON-LD, declaring meta
tags, microdata and date attributes: `crawler.extract.strip.strip_metadata`). In each mode it goes through
ours (`crawler.steps.process_page` with the JSON's site, fetched a day after the printed minute) and
through trafilatura with its default settings (`bare_extraction(html, url=url, with_metadata=True)`). A
rejected page (ours) or no result (trafilatura) is wrong in every column: nothing would be stored.

Columns: titles exact; minutes right (the published time to the minute, in +07:00; trafilatura's default
date is a day, so it is never right to the minute, and `days right` shows what it does get); authors right
(the list, exact); mean body token F1 (`crawler.extract.tokens.token_f1`; expected = lead + body
paragraphs, ours = lead + body_text, trafilatura = its text); rejects; median milliseconds a page. Both
sides are warmed up first, then timed in this process page by page, interleaved (which side goes first
alternates), `--repeats` times; a page's time is its median over repeats. Then the goals of issue 14 §5
and its corpus size (20 pages, 8 outlets), PASS or FAIL; the exit status is 1 when one fails. `--worst N`
lists our N worst page runs (rejects, wrong fields with what was got and expected, lowest body F1);
`--json` prints all of it as one JSON object.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from crawler.dates import VN_TZ
from crawler.extract.strip import strip_metadata
from crawler.extract.tokens import token_f1
from crawler.item import Rejected
from crawler.sites import UnknownSiteError, generic_site, get_site
from crawler.sites.model import Site
from crawler.steps import process_page
from crawler.text import normalize_text

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT / "replica" / "data" / "real_shapes"
MODES = ("saved", "stripped")
SIDES = ("ours", "trafilatura")
GOOD_F1 = 0.95
"""A body below this token F1 counts as a wrong field in `--worst` (the real-shapes test's threshold)."""


@dataclass(slots=True)
class Page:
    key: str
    url: str
    site: Site
    expected: dict[str, Any]
    saved: bytes
    stripped: str
    fetched_at: datetime

    @property
    def prints_dateline(self) -> bool:
        return bool(self.expected.get("published_printed"))


@dataclass(slots=True)
class Outcome:
    """What one side made of one page in one mode, judged against the expected fields."""

    page: str
    mode: str
    side: str
    rejected: str | None = None
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    text: str = ""
    date_source: str | None = None
    title_ok: bool = False
    minute_ok: bool = False
    day_ok: bool = False
    authors_ok: bool = False
    f1: float = 0.0
    seconds: list[float] = field(default_factory=list)

    def wrong(self, expected: dict[str, Any]) -> list[str]:
        """The fields it got wrong, each with what it got and what was expected."""
        if self.rejected:
            return [f"rejected: {self.rejected}"]
        out: list[str] = []
        if not self.title_ok:
            out.append(f"title: {self.title!r} != {expected.get('title')!r}")
        if not self.minute_ok:
            printed = expected.get("published_printed")
            out.append(
                f"published: {self.published!r} ({self.date_source}) != {expected.get('published_at')!r}"
                f" (printed {printed!r})"
            )
        if not self.authors_ok:
            out.append(f"authors: {self.authors!r} != {expected.get('authors')!r}")
        if self.f1 < GOOD_F1:
            out.append(f"body: token F1 {self.f1:.3f}")
        return out


# ------------------------------------------------------------------------------------------------ loading


def load_pages(folder: Path) -> list[Page]:
    """Every DIR/*/*.html with its JSON; a page without one is skipped with a warning."""
    pages: list[Page] = []
    for path in sorted(folder.glob("*/*.html")):
        json_path = path.with_suffix(".json")
        key = f"{path.parent.name}/{path.stem}"
        if not json_path.is_file():
            print(f"warning: {key}: no {json_path.name}, skipped", file=sys.stderr)
            continue
        expected: dict[str, Any] = json.loads(json_path.read_text(encoding="utf-8"))
        url: str = expected["url"]
        try:
            site = get_site(expected["site"]) if expected.get("site") else generic_site(url)
        except UnknownSiteError:
            raise SystemExit(
                f"{key}: site {expected['site']!r} is not registered (null for generic mode)"
            ) from None
        published = expected.get("published_at")
        base = datetime.fromisoformat(published) if published else datetime.now(VN_TZ)
        saved = path.read_bytes()
        pages.append(Page(key, url, site, expected, saved, strip_metadata(saved), base + timedelta(days=1)))
    return pages


# ------------------------------------------------------------------------------------------------ judging


def _minute(value: str | None) -> datetime | None:
    """An ISO time to the minute when it has one and is in Vietnam time (+07:00), else None."""
    if not value or len(value) <= 10:  # a day alone is no minute
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.utcoffset() != timedelta(hours=7):
        return None
    return parsed.replace(second=0, microsecond=0)


def _expected_text(expected: dict[str, Any]) -> str:
    return "\n\n".join(p for p in [expected.get("lead"), *expected.get("body", [])] if p)


def judge(outcome: Outcome, expected: dict[str, Any]) -> None:
    if outcome.rejected:
        return
    want_minute = _minute(expected.get("published_at"))
    outcome.title_ok = outcome.title is not None and outcome.title == expected.get("title")
    outcome.minute_ok = want_minute is not None and _minute(outcome.published) == want_minute
    outcome.day_ok = (
        want_minute is not None
        and outcome.published is not None
        and outcome.published[:10] == want_minute.date().isoformat()
    )
    outcome.authors_ok = outcome.authors == list(expected.get("authors") or [])
    outcome.f1 = token_f1(outcome.text, _expected_text(expected))


# ------------------------------------------------------------------------------------------------ the sides


def run_ours(page: Page, mode: str) -> Callable[[], Outcome]:
    html: str | bytes = page.saved if mode == "saved" else page.stripped

    def run() -> Outcome:
        result = process_page(page.url, html, page.site, fetched_at=page.fetched_at)
        outcome = Outcome(page.key, mode, "ours")
        if isinstance(result, Rejected):
            outcome.rejected = f"({result.stage}) {result.reason}"
            return outcome
        outcome.title, outcome.published, outcome.authors = result.title, result.published_at, result.authors
        outcome.date_source = result.date_source
        outcome.text = "\n\n".join(p for p in (result.lead, result.body_text) if p)
        return outcome

    return run


def run_trafilatura(page: Page, mode: str) -> Callable[[], Outcome]:
    import trafilatura

    html: str | bytes = page.saved if mode == "saved" else page.stripped

    def run() -> Outcome:
        document = trafilatura.bare_extraction(html, url=page.url, with_metadata=True)
        outcome = Outcome(page.key, mode, "trafilatura")
        if document is None:
            outcome.rejected = "no result"
            return outcome
        found: dict[str, Any] = document if isinstance(document, dict) else document.as_dict()
        outcome.title = normalize_text(found.get("title") or "") or None
        outcome.published = found.get("date")
        author = found.get("author") or ""
        outcome.authors = [a for a in (normalize_text(x) for x in author.split(";")) if a]
        outcome.text = found.get("text") or ""
        return outcome

    return run


RUNNERS = {"ours": run_ours, "trafilatura": run_trafilatura}


def measure(pages: list[Page], repeats: int) -> dict[tuple[str, str, str], Outcome]:
    """Every page in every mode through both sides, timed interleaved; outcomes by (page, mode, side)."""
    for page in pages[:3]:  # warm up: imports, parsers, trafilatura's and the registry's caches
        for mode in MODES:
            for side in SIDES:
                RUNNERS[side](page, mode)()
    outcomes: dict[tuple[str, str, str], Outcome] = {}
    turn = 0
    for repeat in range(repeats):
        for page in pages:
            for mode in MODES:
                order = SIDES if turn % 2 == 0 else SIDES[::-1]
                turn += 1
                gc.collect()
                for side in order:
                    run = RUNNERS[side](page, mode)
                    began = time.perf_counter()
                    outcome = run()
                    seconds = time.perf_counter() - began
                    kept = outcomes.setdefault((page.key, mode, side), outcome)
                    if repeat == 0:
                        judge(kept, page.expected)
                    kept.seconds.append(seconds)
        turn += 1  # the next repeat starts with the other side
    return outcomes


# ------------------------------------------------------------------------------------------------ reporting


def summarize(outcomes: list[Outcome]) -> dict[str, Any]:
    n = len(outcomes)

    def share(count: int) -> dict[str, float | int]:
        return {"n": count, "pct": round(100.0 * count / n, 1) if n else 0.0}

    return {
        "pages": n,
        "titles_exact": share(sum(o.title_ok for o in outcomes)),
        "minutes_right": share(sum(o.minute_ok for o in outcomes)),
        "days_right": share(sum(o.day_ok for o in outcomes)),
        "authors_right": share(sum(o.authors_ok for o in outcomes)),
        "mean_body_f1": round(statistics.fmean(o.f1 for o in outcomes), 3) if n else 0.0,
        "rejects": sum(1 for o in outcomes if o.rejected),
        "median_ms": round(1000 * statistics.median(statistics.median(o.seconds) for o in outcomes), 2)
        if n
        else 0.0,
    }


def _goal(
    name: str, value: float, *, at_least: float | None = None, at_most: float | None = None
) -> dict[str, Any]:
    passed = (at_least is None or value >= at_least) and (at_most is None or value <= at_most)
    needs = f">= {at_least}" if at_least is not None else f"<= {at_most}"
    return {"goal": name, "value": value, "needs": needs, "pass": passed}


def goals(tables: dict[str, dict[str, dict[str, Any]]], pages: list[Page]) -> list[dict[str, Any]]:
    """Issue 14 §5's goals, and its corpus size (at least 20 pages from at least 8 outlets)."""
    saved, stripped = tables["saved"], tables["stripped"]
    printing = {p.key for p in pages if p.prints_dateline}
    outlets = len({p.key.split("/")[0] for p in pages})
    out = [
        _goal("saved: titles exact %", saved["ours"]["titles_exact"]["pct"], at_least=95.0),
        _goal("saved: minutes right %", saved["ours"]["minutes_right"]["pct"], at_least=95.0),
        _goal(
            "saved: body F1, trafilatura's + 0.02",
            saved["ours"]["mean_body_f1"],
            at_least=round(saved["trafilatura"]["mean_body_f1"] + 0.02, 3),
        ),
        _goal("stripped: minutes right %", stripped["ours"]["minutes_right"]["pct"], at_least=90.0),
        _goal(
            "stripped: pages printing their dateline rejected",
            len(printing & set(stripped["ours"]["rejected_pages"])),
            at_most=0,
        ),
    ]
    for mode in MODES:
        theirs = tables[mode]["trafilatura"]["median_ms"]
        out.append(
            _goal(
                f"speed, {mode}: median ms/page, 1.5x trafilatura's",
                tables[mode]["ours"]["median_ms"],
                at_most=round(1.5 * theirs, 2),
            )
        )
    out.append(_goal("corpus: pages", len(pages), at_least=20))
    out.append(_goal("corpus: outlets", outlets, at_least=8))
    return out


def print_tables(tables: dict[str, dict[str, dict[str, Any]]]) -> None:
    header = ["", "pages", "titles exact", "minutes right", "days right", "authors right", "body F1"]
    header += ["rejects", "median ms"]
    shares = ("titles_exact", "minutes_right", "days_right", "authors_right")
    for mode in MODES:
        rows = [header]
        for side in SIDES:
            s = tables[mode][side]
            row = [side, str(s["pages"]), *(f"{s[k]['pct']:.1f}% ({s[k]['n']})" for k in shares)]
            rows.append([*row, f"{s['mean_body_f1']:.3f}", str(s["rejects"]), f"{s['median_ms']:.1f}"])
        print(f"\n{mode}:")
        widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
        for row in rows:
            cells = (
                c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
            print("  " + "  ".join(cells))


def worst(
    outcomes: dict[tuple[str, str, str], Outcome], pages: list[Page], count: int
) -> list[dict[str, Any]]:
    """Our N worst page runs: rejects first, then the most wrong fields, then the lowest body F1 (runs with
    every field right and a body F1 of 1 are not listed)."""
    by_key = {p.key: p for p in pages}
    ours = [
        o
        for (_, _, side), o in outcomes.items()
        if side == "ours" and (o.f1 < 1.0 or o.wrong(by_key[o.page].expected))
    ]
    ours.sort(key=lambda o: (o.rejected is None, -len(o.wrong(by_key[o.page].expected)), o.f1))
    return [
        {
            "page": o.page,
            "mode": o.mode,
            "f1": round(o.f1, 3),
            "trafilatura_f1": round(outcomes[(o.page, o.mode, "trafilatura")].f1, 3),
            "wrong": o.wrong(by_key[o.page].expected),
        }
        for o in ours[:count]
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "dir", nargs="?", type=Path, default=DEFAULT_DIR, help="pages: DIR/<outlet>/<name>.html"
    )
    parser.add_argument("--worst", type=int, default=0, metavar="N", help="list our N worst page runs")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--repeats", type=int, default=3, help="timed passes over every page (default 3)")
    args = parser.parse_args()

    pages = load_pages(args.dir)
    if not pages:
        print(f"no pages with expected fields under {args.dir}", file=sys.stderr)
        return 2
    outcomes = measure(pages, max(args.repeats, 1))
    tables: dict[str, dict[str, dict[str, Any]]] = {}
    for mode in MODES:
        tables[mode] = {}
        for side in SIDES:
            runs = [o for (_, m, s), o in outcomes.items() if m == mode and s == side]
            tables[mode][side] = summarize(runs) | {"rejected_pages": [o.page for o in runs if o.rejected]}
    checked = goals(tables, pages)
    listed = worst(outcomes, pages, args.worst) if args.worst > 0 else []
    outlets = len({p.key.split("/")[0] for p in pages})

    if args.json:
        report = {"dir": str(args.dir), "pages": len(pages), "outlets": outlets, "modes": tables}
        report |= {"goals": checked, "worst": listed}
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(f"{len(pages)} pages from {outlets} outlets under {args.dir}, {args.repeats} timed passes")
        print_tables(tables)
        print("\ngoals (issue 14 §5):")
        for goal in checked:
            print(
                f"  {'PASS' if goal['pass'] else 'FAIL'}  {goal['goal']}: {goal['value']} (needs {goal['needs']})"
            )
        if listed:
            print(f"\nour {len(listed)} worst page runs:")
            for entry in listed:
                print(
                    f"  {entry['page']} [{entry['mode']}] F1 {entry['f1']:.3f} (trafilatura {entry['trafilatura_f1']:.3f})"
                )
                for line in entry["wrong"]:
                    print(f"      {line[:220]}")
    return 0 if all(goal["pass"] for goal in checked) else 1


if __name__ == "__main__":
    sys.exit(main())
