"""Faults and hostile input: the whole fault matrix plus SIGKILL/resume cycles, crawled from the replica.

    PYTHONPATH=. python bench/faults.py [--only NAME,NAME] [--kills 5] [--seed 7]

Every row is a real crawl (`crawler.runner.run_crawl`, in a subprocess, as the nightly job runs) of replica
sites with one fault injected (replica/faults.py), into an empty store. Then the store is read back:

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
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.dates import VN_TZ  # noqa: E402
from crawler.sites import get_site  # noqa: E402
from replica import Replica, ReplicaArticle, ReplicaServer  # noqa: E402
from replica.corpus import default_corpus  # noqa: E402

_MARKUP = re.compile(r"<\s*/?\s*(?:script|iframe|object|embed|style|html|body|div|p)\b|\son\w+\s*=", re.I)
MATRIX_SITE = "baodongthap"
ROBOTS_SITE = "baoapbac"
GENERIC_SITE = "tintaynguyen"  # an undeclared replica portal, crawled with `--domain`
KILL_SITES = ("baodongthap", "baoapbac", "baohatinh", "baonghean")
FAST = {
    "DOWNLOAD_TIMEOUT": 2,
    "CRAWLER_RETRY_BACKOFF_BASE": 0.2,
    "CRAWLER_RETRY_BACKOFF_MAX": 2.0,
}


# ------------------------------------------------------------------------------------------ the trap


class Trap:
    """An HTTP server on loopback that counts every request: redirects to private addresses point here."""

    def __init__(self) -> None:
        hits: list[str] = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hits.append(self.path)
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.hits = hits
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = int(self.httpd.server_address[1])
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def private_targets(self) -> list[str]:
        p = self.port
        return [
            f"http://127.0.0.1:{p}/steal",
            f"http://localhost:{p}/steal",
            f"http://[::1]:{p}/steal",
            f"http://2130706433:{p}/steal",
            f"http://127.1:{p}/steal",
            f"http://0.0.0.0:{p}/steal",
            f"http://[::ffff:127.0.0.1]:{p}/steal",
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1/admin",
            "http://192.168.1.1/",
        ]

    def announced_targets(self) -> list[str]:
        """What a hostile portal announces (sitemap children and entries, feeds): this server in every
        spelling of loopback, and an off-site host."""
        p = self.port
        return [
            f"http://127.0.0.1:{p}/sitemap-a.xml",
            f"http://[::ffff:127.0.0.1]:{p}/sitemap-b.xml",
            f"http://2130706433:{p}/sitemap-c.xml",
            f"http://0x7f000001:{p}/sitemap-d.xml",
            f"http://localhost:{p}/sitemap-e.xml",
            f"http://[::1]:{p}/sitemap-f.xml",
            "https://evil.example.com/sitemap.xml",
        ]


# ------------------------------------------------------------------------------------------ scenarios


@dataclass
class Context:
    replica: Replica
    trap: Trap
    hostile: list[ReplicaArticle] = field(default_factory=list)
    excluded: Callable[[ReplicaArticle], bool] = lambda a: False

    def add_hostile(self, site_key: str, title: str, **fault: Any) -> ReplicaArticle:
        """A new article on the site whose page answers with `fault` (so it is not expected)."""
        n = len(self.hostile) + 1
        article = self.replica.new_article(
            site_key,
            title=f"{title} số {n}",
            lead="Trang có lỗi do bản sao cố ý tạo ra.",
            paragraphs=["Đoạn văn thử nghiệm của trang lỗi, đủ dài để không bị coi là quá ngắn. " * 3],
            published=datetime(2026, 11, 1, 8, n % 60, tzinfo=VN_TZ),
        )
        self.replica.add_article(site_key, article)
        self.replica.faults.add(url=article.url, **fault)
        self.hostile.append(article)
        return article


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


def _announce(ctx: Context) -> None:
    for site in ctx.replica.sites:
        ctx.replica.faults.add("announce", site=site, targets=ctx.trap.announced_targets())


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


FAIL_EXTRACTION = "BENCH_FAIL_EXTRACTION"
"""A setting of this bench's crawl process: extraction raises on the article pages whose URL holds it."""
FAILING_SLUG = "trich-xuat-that-bai"


def _fail_extraction(marker: str) -> None:
    """In the crawl process: extraction raises, as a page that breaks it would, on URLs holding `marker`."""
    import crawler.extract as extract

    original = extract.extract_with_timings

    def failing(url: str, *args: Any, **kwargs: Any) -> Any:
        if marker in url:
            raise RecursionError("maximum recursion depth exceeded (injected by the bench)")
        return original(url, *args, **kwargs)

    setattr(extract, "extract_with_timings", failing)  # noqa: B010 - the module's own name, replaced


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
        Scenario("off-site sitemap children", m, _announce, _refused),
        Scenario("off-site announced feeds", (GENERIC_SITE,), _announce, _refused, generic=True),
        Scenario("nested JSON-LD: read (not an error)", m, _on_site("nested_json_ld"), _rejects(0)),
        Scenario(
            "extraction failure: a reject (not an error)",
            m,
            _hostile("Trích xuất thất bại", kind="slow", delay=0),
            _rejects(1),
            settings={FAIL_EXTRACTION: FAILING_SLUG},
        ),
    ]


# ------------------------------------------------------------------------------------------ crawling


def child(args: dict[str, Any]) -> int:
    """The crawl process: one `run_crawl`, its counters to a JSON file."""
    from crawler.runner import run_crawl
    from crawler.sites import Site, generic_site

    sites: list[str | Site] = [
        *args["sites"],
        *(generic_site(f"https://{d}/") for d in args.get("domains", ())),
    ]
    settings = dict(args.get("settings") or {})
    if settings.get(FAIL_EXTRACTION):
        _fail_extraction(str(settings.pop(FAIL_EXTRACTION)))
    result = run_crawl(
        sites,
        store=args["store"],
        state=args["state"],
        replica_url=args["replica"],
        log_level="WARNING",
        extra_settings=settings,
    )
    Path(args["stats"]).write_text(json.dumps(result.to_json(), default=str), encoding="utf-8")
    return 0


@dataclass
class Crawl:
    returncode: int
    seconds: float
    rss_mb: float
    stats: dict[str, Any]
    stderr: str


def crawl(
    workdir: Path,
    sites: tuple[str, ...],
    replica_url: str,
    settings: dict[str, Any],
    kill_after: float | None,
    *,
    once_writing: bool = False,
    domains: tuple[str, ...] = (),
) -> Crawl:
    """One crawl subprocess into `workdir` (store, state) of `sites` and, in generic mode, `domains`; SIGKILL
    it after `kill_after` seconds if set (counted from the first new article object in the store with
    `once_writing`)."""
    stats_path = workdir / f"stats-{time.monotonic_ns()}.json"
    spec = {
        "sites": list(sites),
        "domains": list(domains),
        "store": (workdir / "store").as_uri(),
        "state": str(workdir / "state.sqlite"),
        "replica": replica_url,
        "settings": settings,
        "stats": str(stats_path),
    }
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    err = open(workdir / "stderr.log", "w+")  # noqa: SIM115 - read back after the process
    started = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", json.dumps(spec)], cwd=ROOT, env=env, stdout=err, stderr=err
    )
    deadline = None if kill_after is None else started + kill_after
    articles = workdir / "store" / "articles"
    before = _count_objects(articles) if once_writing else 0
    waiting = once_writing and kill_after is not None
    try:
        while True:  # wait4, not Popen.wait: it gives the child's peak RSS
            pid, status, usage = os.wait4(proc.pid, 0 if deadline is None else os.WNOHANG)
            if pid:
                break
            assert deadline is not None and kill_after is not None
            if waiting:
                if _count_objects(articles) > before:
                    waiting = False
                    deadline = time.monotonic() + kill_after
                time.sleep(0.02)
            elif time.monotonic() >= deadline:
                os.kill(proc.pid, signal.SIGKILL)
                deadline = None
            else:
                time.sleep(0.02)
    except BaseException:  # the bench interrupted: no crawl left behind
        proc.kill()
        raise
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - started
    err.seek(0)
    stderr = err.read()
    err.close()
    stats = json.loads(stats_path.read_text(encoding="utf-8")) if stats_path.exists() else {}
    return Crawl(proc.returncode, seconds, usage.ru_maxrss / 1024, stats, stderr)


def _count_objects(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.json")) if folder.is_dir() else 0


# ------------------------------------------------------------------------------------------ checking


@dataclass
class Outcome:
    expected: int
    written: int
    lost: int
    duplicated: int
    malformed: int
    problems: list[str]
    versions: set[tuple[str, int, str]]


def verify(store: Path, expected: list[ReplicaArticle], hostile: list[ReplicaArticle]) -> Outcome:
    """Read the store back: the feed log, every article object, temporary files."""
    from crawler.feed import FeedReader
    from crawler.schema import schema_errors
    from crawler.urls import canonicalize

    problems: list[str] = []
    malformed = 0
    objects: dict[str, dict[str, Any]] = {}
    per_id: Counter[str] = Counter()
    for path in sorted((store / "articles").rglob("*.json")) if (store / "articles").exists() else []:
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            malformed += 1
            problems.append(f"unreadable object {path.name}")
            continue
        errors = schema_errors(document)
        if errors:
            malformed += 1
            problems.append(f"{path.name}: {errors[0]}")
        elif any(_MARKUP.search(str(document.get(f) or "")) for f in ("title", "lead", "body_text")):
            malformed += 1
            problems.append(f"{path.name}: markup in the text")
        objects[str(path.relative_to(store))] = document
        per_id[document["id"]] += 1
    temporary = [p for p in store.rglob(".tmp-*")] if store.exists() else []
    malformed += len(temporary)
    if temporary:
        problems.append(f"{len(temporary)} temporary files visible")
    feed: Counter[str] = Counter()
    by_url: dict[str, dict[str, Any]] = {}
    if (store / "feed").exists():
        for document in FeedReader(store.as_uri()).read():
            feed[document["id"]] += 1
            by_url[document["canonical_url"]] = document
    duplicated = sum(n - 1 for n in feed.values() if n > 1) + sum(n - 1 for n in per_id.values() if n > 1)
    written = lost = 0
    for article in expected:
        document = by_url.get(canonicalize(article.url))
        if document is None or per_id.get(document["id"], 0) == 0:
            lost += 1
            problems.append(f"lost {article.url}")
            continue
        written += 1
        if document["title"] != article.title or document["body_text"].split("\n\n") != list(
            article.served_paragraphs()
        ):
            malformed += 1
            problems.append(f"text differs from the portal's: {article.url} ({document['title'][:40]!r})")
    hostile_urls = {canonicalize(a.url) for a in hostile}
    stray = [u for u in by_url if u in hostile_urls]
    if stray:
        problems.append(f"{len(stray)} hostile pages stored as articles")
        malformed += len(stray)
    versions = {(d["id"], int(d["version"]), d["content_hash"]) for d in by_url.values()}
    return Outcome(len(expected), written, lost, duplicated, malformed, problems, versions)


def build(sites: tuple[str, ...]) -> Replica:
    """A replica of registered sites and undeclared portals (`replica.undeclared`) by key."""
    from replica.undeclared import undeclared_corpus, undeclared_sites

    undeclared = undeclared_sites()
    chosen = [get_site(k) for k in sites if k not in undeclared]
    corpus = default_corpus(chosen)
    if any(k in undeclared for k in sites):
        titles = {a.title for articles in corpus.values() for a in articles}
        corpus |= {k: v for k, v in undeclared_corpus(titles).items() if k in sites}
    return Replica(
        corpus, sites={s.key: s for s in chosen} | {k: undeclared[k] for k in sites if k in undeclared}
    )


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
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--only", help="comma-separated scenario names (default: all)")
    parser.add_argument("--kills", type=int, default=5, help="SIGKILL/resume cycles (default 5)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.child:
        return child(json.loads(args.child))
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
