"""Faults and hostile input: the whole fault matrix plus SIGKILL/resume cycles, crawled from the replica.

    PYTHONPATH=. python bench/faults.py [--only NAME,NAME] [--kills 5] [--seed 7]

Every row is a real crawl (`crawler.runner.run_crawl`, in a subprocess, as the nightly job runs) of replica
sites with one fault injected (replica/faults.py), into an empty store, through the harness the tests share
(replica/fault_matrix.py: `build`, `Trap`, `Context`, `crawl`, `verify`). Then the store is read back:

- expected: the replica articles the crawl must write (hostile pages added for the row and sections that
  robots.txt disallows are not expected);
- written: expected articles in the feed log and under `articles/`;
- lost: expected articles missing; duplicated: feed entries or objects beyond one per article;
- malformed: objects that are not valid JSON or break the schema, titles or bodies that differ from what
  the portal published (mojibake, NFD), visible temporary files;
- seconds and the crawl process's peak RSS.

Rows also check what the fault must not cause: no request reached the trap server that private and loopback
redirects point at, no request for a robots-disallowed path, traps fetched a bounded number of times.
The kill/resume rows crawl four sites with slow pages, SIGKILL the crawl at a random moment while it writes
articles, start it again and SIGKILL that one too at a random moment of any phase, then let it finish, and
compare the store with an uninterrupted crawl of the same replica (the same article versions and hashes).
"""

from __future__ import annotations

import argparse
import random
import signal
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.sites import get_site  # noqa: E402
from replica import ReplicaServer  # noqa: E402
from replica.fault_matrix import (  # noqa: E402 - the harness the tests share
    FAIL_EXTRACTION,
    FAILING_SLUG,
    FAST,
    Context,
    Crawl,
    Outcome,
    Trap,
    announce,
    build,
    crawl,
    verify,
)

MATRIX_SITE = "baodongthap"
ROBOTS_SITE = "baoapbac"
GENERIC_SITE = "tintaynguyen"  # an undeclared replica portal, crawled with `--domain`
KILL_SITES = ("baodongthap", "baoapbac", "baohatinh", "baonghean")


# ------------------------------------------------------------------------------------------ scenarios


@dataclass
class Scenario:
    name: str
    sites: tuple[str, ...]
    setup: Callable[[Context], None]
    check: Callable[[Context, dict[str, Any]], list[str]] = lambda ctx, stats: []
    generic: bool = False
    """Crawl the sites in generic mode (`crawl --domain`), as a portal nobody declared."""
    settings: dict[str, Any] = field(default_factory=dict)
    """Crawl settings beyond `FAST` (`FAIL_EXTRACTION` among them)."""
    max_rss_mb: float | None = None
    """The crawl's peak RSS at most (MB), if bounded by this row."""
    max_seconds: float | None = None
    """The crawl's time at most, if bounded by this row."""


def _burst(status: int) -> Callable[[Context], None]:
    def setup(ctx: Context) -> None:
        ctx.replica.faults.add("status", site=MATRIX_SITE, per_url=2, status=status)

    return setup


def _on_site(kind: str, **options: Any) -> Callable[[Context], None]:
    def setup(ctx: Context) -> None:
        ctx.replica.faults.add(kind, site=MATRIX_SITE, **options)

    return setup


def _hostile(title: str, **fault: Any) -> Callable[[Context], None]:
    def setup(ctx: Context) -> None:
        ctx.add_hostile(MATRIX_SITE, title, **fault)

    return setup


def _private(ctx: Context) -> None:
    for target in ctx.trap.private_targets():
        ctx.add_hostile(MATRIX_SITE, "Chuyển hướng nội bộ", kind="redirect", location=target)


def _no_trap_hits(ctx: Context, stats: dict[str, Any]) -> list[str]:
    return [f"the trap server got {len(ctx.trap.hits)} requests"] if ctx.trap.hits else []


def _errors(kind: str, at_least: int) -> Callable[[Context, dict[str, Any]], list[str]]:
    def check(ctx: Context, stats: dict[str, Any]) -> list[str]:
        found = sum(int(s.get("errors_by_class", {}).get(kind, 0)) for s in stats["sites"].values())
        return [] if found >= at_least else [f"{kind} counted {found} times, expected >= {at_least}"]

    return check


def _both(
    *checks: Callable[[Context, dict[str, Any]], list[str]],
) -> Callable[[Context, dict[str, Any]], list[str]]:
    return lambda ctx, stats: [p for c in checks for p in c(ctx, stats)]


def _bounded(prefix: str, at_most: int) -> Callable[[Context, dict[str, Any]], list[str]]:
    def check(ctx: Context, stats: dict[str, Any]) -> list[str]:
        n = sum(1 for _m, _h, path in ctx.replica.request_log if path.startswith(prefix) or prefix in path)
        return [] if n <= at_most else [f"{n} requests into the trap {prefix!r} (at most {at_most})"]

    return check


def _refused(ctx: Context, stats: dict[str, Any]) -> list[str]:
    """The trap saw nothing (robots.txt included); what was announced is counted `offsite`/`private_target`."""
    problems = _no_trap_hits(ctx, stats)
    problems += _errors("offsite", 1)(ctx, stats) + _errors("private_target", 5)(ctx, stats)
    return problems


def _robots(ctx: Context) -> None:
    ctx.replica.faults.add("robots", site=ROBOTS_SITE, prefix="/robots.txt", disallow="/xa-hoi/")
    ctx.excluded = lambda a: a.path.startswith("/xa-hoi/")


def _robots_obeyed(ctx: Context, stats: dict[str, Any]) -> list[str]:
    bad = [p for _m, h, p in ctx.replica.request_log if h == "baoapbac.vn" and p.startswith("/xa-hoi/")]
    return [f"{len(bad)} requests for disallowed paths"] if bad else []


def _rejects(expected: int) -> Callable[[Context, dict[str, Any]], list[str]]:
    """No error counted, and `expected` rejects filed."""

    def check(ctx: Context, stats: dict[str, Any]) -> list[str]:
        errors = sum(int(s.get("errors", 0)) for s in stats["sites"].values())
        rejects = sum(int(s.get("rejects", 0)) for s in stats["sites"].values())
        problems = [f"{errors} errors counted"] if errors else []
        return problems + ([] if rejects == expected else [f"{rejects} rejects, expected {expected}"])

    return check


BOUNDED_RSS_MB = 300
"""The peak RSS a crawl stays under whatever the portal sends (issue 15)."""


def _flood(ctx: Context) -> None:
    """Five child sitemaps of 200,000 article-shaped URLs each in the site's index, after its own."""
    ctx.replica.faults.add("sitemap_flood", site=MATRIX_SITE, children=5, urls=200_000, delay=0.5)


def _flood_bounded(ctx: Context, stats: dict[str, Any]) -> list[str]:
    """At most the page budget of the million URLs requested (5000, less its reserve)."""
    return _bounded("/tin-ngap-", get_site(MATRIX_SITE).limits.pages)(ctx, stats)


def _sitemap_bomb(ctx: Context) -> None:
    url = f"https://{get_site(MATRIX_SITE).domain}/sitemaps/news.xml"
    ctx.replica.faults.add("bomb", url=url, size=2 * 1024**3, content_encoding=False)


def scenarios() -> list[Scenario]:
    m = (MATRIX_SITE,)
    return [
        Scenario("none", m, lambda ctx: None),
        Scenario("http 500 burst", m, _burst(500)),
        Scenario("http 502 burst", m, _burst(502)),
        Scenario("http 503 burst", m, _burst(503)),
        Scenario("429 Retry-After", m, _on_site("retry_after", per_url=1, seconds=1)),
        Scenario("slow responses", m, _on_site("slow", delay=0.5)),
        Scenario("timeouts", m, _on_site("timeout", per_url=1, delay=3.0)),
        Scenario("connection resets", m, _on_site("reset", per_url=1)),
        Scenario("truncated bodies", m, _on_site("truncated", per_url=1)),
        Scenario("charset windows-1258", m, _on_site("charset", mode="declared")),
        Scenario("charset missing", m, _on_site("charset", mode="missing")),
        Scenario("header utf-8, meta 1258", m, _on_site("charset", mode="header-utf8")),
        Scenario("header latin-1, utf-8", m, _on_site("charset", mode="header-latin1")),
        Scenario("NFD text", m, _on_site("nfd")),
        Scenario("several <html> roots", m, _on_site("roots")),
        Scenario("malformed markup", m, _on_site("malformed")),
        Scenario("non-HTML content", m, _hostile("Tệp PDF", kind="content_type"), _errors("not_html", 1)),
        Scenario(
            "redirect loop",
            m,
            _hostile("Vòng chuyển hướng", kind="redirect_loop"),
            _errors("redirect_loop", 1),
        ),
        Scenario(
            "redirect off-site",
            m,
            _hostile("Chuyển ra ngoài", kind="redirect", location="https://evil.example.com/x"),
            _errors("redirect_offsite", 1),
        ),
        Scenario("redirect private", m, _private, _both(_no_trap_hits, _errors("redirect_private", 10))),
        Scenario("calendar trap", m, _on_site("calendar_trap"), _bounded("/lich/", 6)),
        Scenario(
            "pagination trap", m, _on_site("pagination_trap", prefix="/thoi-su/"), _bounded("trap_page=", 8)
        ),
        Scenario("50 MB page", m, _hostile("Trang 50 MB", kind="huge"), _errors("too_large", 1)),
        Scenario(
            "50 MB, no length", m, _hostile("Trang 50 MB", kind="huge", chunked=True), _errors("too_large", 1)
        ),
        Scenario(
            "gzip bomb 2 GiB",
            m,
            _hostile("Bom nén", kind="bomb", size=2 * 1024**3),
            _errors("too_large", 1),
            max_rss_mb=BOUNDED_RSS_MB,
        ),
        Scenario(
            "gzip bomb sitemap (.xml.gz)",
            m,
            _sitemap_bomb,
            _errors("too_large", 1),
            max_rss_mb=BOUNDED_RSS_MB,
        ),
        Scenario(
            "sitemap index of 1M URLs",
            m,
            _flood,
            _flood_bounded,
            # What the row measures is discovery (what is queued, memory), not politeness: the ~4,500 budgeted
            # 404s are fetched without AutoThrottle (404s never lower its delay) and 32 at a time (8 at a time
            # they take about 140 s here).
            settings={"AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS_PER_DOMAIN": 32},
            max_rss_mb=BOUNDED_RSS_MB,
            max_seconds=60,
        ),
        Scenario(
            "page of tiny tags (15 MiB)",
            m,
            _hostile("Trang thẻ nhỏ", kind="tiny_tags"),
            _rejects(1),
            max_rss_mb=BOUNDED_RSS_MB,
            max_seconds=60,
        ),
        Scenario("robots.txt disallow", (ROBOTS_SITE,), _robots, _robots_obeyed),
        Scenario("off-site sitemap children", m, announce, _refused),
        Scenario("off-site announced feeds", (GENERIC_SITE,), announce, _refused, generic=True),
        Scenario("nested JSON-LD: read (not an error)", m, _on_site("nested_json_ld"), _rejects(0)),
        Scenario(
            "extraction failure: a reject (not an error)",
            m,
            _hostile("Trích xuất thất bại", kind="slow", delay=0),
            _rejects(1),
            settings={FAIL_EXTRACTION: FAILING_SLUG},
        ),
    ]


# ------------------------------------------------------------------------------------------ running


@dataclass
class Row:
    name: str
    outcome: Outcome
    seconds: float
    rss_mb: float
    note: str = ""

    def cells(self) -> list[str]:
        o = self.outcome
        return [
            self.name,
            str(o.expected),
            str(o.written),
            str(o.lost),
            str(o.duplicated),
            str(o.malformed),
            f"{self.seconds:.1f}",
            f"{self.rss_mb:.0f}",
            self.note,
        ]


def run_scenario(scenario: Scenario, tmp: Path, trap: Trap) -> Row:
    replica = build(scenario.sites)
    ctx = Context(replica, trap)
    scenario.setup(ctx)
    trap.hits.clear()
    hostile = {a.url for a in ctx.hostile}
    expected = [
        a for k in scenario.sites for a in replica.articles(k) if a.url not in hostile and not ctx.excluded(a)
    ]
    workdir = tmp / scenario.name.replace(" ", "-").replace("/", "-").replace("<", "").replace(">", "")
    workdir.mkdir()
    settings = {**FAST, **scenario.settings}
    with ReplicaServer(replica) as server:
        if scenario.generic:
            domains = tuple(replica.site(k).domain for k in scenario.sites)
            done = crawl(workdir, (), server.base_url, settings, None, domains=domains)
        else:
            done = crawl(workdir, scenario.sites, server.base_url, settings, None)
    outcome = verify(workdir / "store", expected, ctx.hostile)
    problems = list(outcome.problems)
    if done.returncode != 0:
        problems.append(f"crawl exited {done.returncode}: {done.stderr[-500:]}")
    if done.stats:
        problems += scenario.check(ctx, done.stats)
    if scenario.max_rss_mb is not None and done.rss_mb >= scenario.max_rss_mb:
        problems.append(f"peak RSS {done.rss_mb:.0f} MB, not under {scenario.max_rss_mb:.0f} MB")
    if scenario.max_seconds is not None and done.seconds > scenario.max_seconds:
        problems.append(f"{done.seconds:.0f} s, more than {scenario.max_seconds:.0f} s")
    outcome.problems = problems
    errors = Counter[str]()
    for site in done.stats.get("sites", {}).values():
        errors.update(site.get("errors_by_class", {}))
    note = ", ".join(f"{k} {v}" for k, v in sorted(errors.items()))
    return Row(scenario.name, outcome, done.seconds, done.rss_mb, note)


def run_kills(tmp: Path, cycles: int, rng: random.Random, kills_per_cycle: int = 2) -> list[Row]:
    """An uninterrupted crawl, then `cycles` crawls each SIGKILLed at random moments (the first run and the
    first resumed one, `kills_per_cycle` in all) and started again until one finishes."""
    rows: list[Row] = []
    replica = build(KILL_SITES)
    for site in KILL_SITES:
        replica.faults.add("slow", site=site, delay=0.5)
    settings = {**FAST, "CONCURRENT_REQUESTS_PER_DOMAIN": 2}  # a crawl long enough to be killed in
    expected = [a for k in KILL_SITES for a in replica.articles(k)]
    with ReplicaServer(replica) as server:
        base_dir = tmp / "kill-baseline"
        base_dir.mkdir()
        base = crawl(base_dir, KILL_SITES, server.base_url, settings, None)
        reference = verify(base_dir / "store", expected, [])
        rows.append(Row("uninterrupted (4 sites)", reference, base.seconds, base.rss_mb))
        for cycle in range(1, cycles + 1):
            workdir = tmp / f"kill-{cycle}"
            workdir.mkdir()
            started = time.monotonic()
            kills: list[str] = []
            runs = 0
            last: Crawl | None = None
            rss = 0.0
            while last is None or last.returncode != 0:
                if runs >= kills_per_cycle + 3:
                    break
                # The first kill lands while articles are being written, the second at any moment.
                if runs == 0:
                    moment: float | None = rng.uniform(0.0, 2.0)
                elif runs < kills_per_cycle:
                    moment = rng.uniform(1.0, 0.95 * base.seconds)
                else:
                    moment = None
                last = crawl(workdir, KILL_SITES, server.base_url, settings, moment, once_writing=runs == 0)
                runs += 1
                rss = max(rss, last.rss_mb)
                if last.returncode == -signal.SIGKILL:
                    stored = len(list((workdir / "store").rglob("articles/**/*.json")))
                    when = f"+{moment:.1f}s after the first write" if runs == 1 else f"{moment:.1f}s"
                    kills.append(f"{when}/{stored}")
            assert last is not None
            seconds = time.monotonic() - started
            outcome = verify(workdir / "store", expected, [])
            if outcome.versions != reference.versions:
                missing = len(reference.versions - outcome.versions)
                extra = len(outcome.versions - reference.versions)
                outcome.problems.append(
                    f"store differs from the uninterrupted one: {missing} missing, {extra} extra"
                )
                outcome.lost += missing
                outcome.duplicated += extra
            if last.returncode != 0:
                outcome.problems.append(f"the resumed crawl exited {last.returncode}: {last.stderr[-400:]}")
            note = f"{len(kills)} SIGKILL (at/articles stored): {', '.join(kills) or '-'}; {runs} runs"
            rows.append(Row(f"SIGKILL/resume {cycle}", outcome, seconds, rss, note))
    return rows


def print_table(rows: list[Row]) -> None:
    header = [
        "fault class",
        "expected",
        "written",
        "lost",
        "duplicated",
        "malformed",
        "seconds",
        "RSS MB",
        "errors counted",
    ]
    table = [header] + [r.cells() for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header) - 1)]
    for row in table:
        print(
            "  ".join(
                cell.ljust(w) if i == 0 else cell.rjust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=False))
            )
            + "  "
            + row[-1]
        )
    total = Counter[str]()
    for r in rows:
        total.update(lost=r.outcome.lost, duplicated=r.outcome.duplicated, malformed=r.outcome.malformed)
    print(
        f"\ntotal: {total['lost']} lost, {total['duplicated']} duplicated, {total['malformed']} malformed "
        f"over {len(rows)} rows"
    )
    for r in rows:
        for problem in r.outcome.problems[:5]:
            print(f"  {r.name}: {problem}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", help="comma-separated scenario names (default: all)")
    parser.add_argument("--kills", type=int, default=5, help="SIGKILL/resume cycles (default 5)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    chosen = scenarios()
    if args.only:
        names = {n.strip() for n in args.only.split(",")}
        chosen = [s for s in chosen if s.name in names]
    trap = Trap()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-faults-") as tmp:
        for scenario in chosen:
            rows.append(run_scenario(scenario, Path(tmp), trap))
            print(f"  {scenario.name}: {rows[-1].seconds:.1f}s", file=sys.stderr, flush=True)
        if args.kills:
            rows += run_kills(Path(tmp), args.kills, random.Random(args.seed))
    print_table(rows)
    bad = sum(
        r.outcome.lost + r.outcome.duplicated + r.outcome.malformed + len(r.outcome.problems) for r in rows
    )
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
