"""The fault-matrix harness that `bench/faults.py` and the tests share: crawls of a replica with faults injected.

- `build` makes a replica of registered sites and undeclared portals (`replica.undeclared`) by key;
- `Trap` is an HTTP server on loopback counting every request (where private and loopback redirects point);
- `Context` holds a replica, the trap and the hostile pages added to it (`Context.add_hostile`);
- `crawl` runs one real crawl (`crawler.runner.run_crawl`) in a subprocess (`python -m replica.fault_matrix
  --child SPEC`), as the nightly job runs, optionally SIGKILLed after some seconds, and reports its exit
  status, time, peak RSS and counters;
- `verify` reads the store back: lost, duplicated and malformed articles against the replica's.

The matrix of faults itself, its report and the SIGKILL/resume cycles are `bench/faults.py`.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from crawler.dates import VN_TZ
from crawler.sites import get_site
from replica import Replica, ReplicaArticle
from replica.corpus import default_corpus

ROOT = Path(__file__).resolve().parents[1]
"""Where the crawl subprocess runs (the repository, replica/ being one of its top-level packages)."""
_MARKUP = re.compile(r"<\s*/?\s*(?:script|iframe|object|embed|style|html|body|div|p)\b|\son\w+\s*=", re.I)
FAST = {
    "DOWNLOAD_TIMEOUT": 2,
    "CRAWLER_RETRY_BACKOFF_BASE": 0.2,
    "CRAWLER_RETRY_BACKOFF_MAX": 2.0,
}
"""Crawl settings that keep a faulty crawl short (timeouts and retry backoff)."""


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


# ------------------------------------------------------------------------------------------ the context


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


def announce(ctx: Context) -> None:
    """Every site of the replica announces the trap (in every spelling of loopback) and an off-site host in
    its sitemaps and feeds."""
    for site in ctx.replica.sites:
        ctx.replica.faults.add("announce", site=site, targets=ctx.trap.announced_targets())


FAIL_EXTRACTION = "BENCH_FAIL_EXTRACTION"
"""A setting of the harness's crawl process: extraction raises on the article pages whose URL holds it."""
FAILING_SLUG = "trich-xuat-that-bai"


def _fail_extraction(marker: str) -> None:
    """In the crawl process: extraction raises, as a page that breaks it would, on URLs holding `marker`."""
    import crawler.extract as extract

    original = extract.extract_with_timings

    def failing(url: str, *args: Any, **kwargs: Any) -> Any:
        if marker in url:
            raise RecursionError("maximum recursion depth exceeded (injected by the fault matrix)")
        return original(url, *args, **kwargs)

    setattr(extract, "extract_with_timings", failing)  # noqa: B010 - the module's own name, replaced


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
    once_exists: str | None = None,
    domains: tuple[str, ...] = (),
) -> Crawl:
    """One crawl subprocess into `workdir` (store, state) of `sites` and, in generic mode, `domains`; SIGKILL
    it after `kill_after` seconds if set (counted from the first new article object in the store with
    `once_writing`, or from when something matches the glob `once_exists` under `workdir`)."""
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
    command = [sys.executable, "-m", "replica.fault_matrix", "--child", json.dumps(spec)]
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=err, stderr=err)
    deadline = None if kill_after is None else started + kill_after
    articles = workdir / "store" / "articles"
    before = _count_objects(articles) if once_writing else 0
    waiting = (once_writing or once_exists is not None) and kill_after is not None

    def begun() -> bool:
        if once_exists is not None:
            return any(workdir.glob(once_exists))
        return _count_objects(articles) > before

    try:
        while True:  # wait4, not Popen.wait: it gives the child's peak RSS
            pid, status, usage = os.wait4(proc.pid, 0 if deadline is None else os.WNOHANG)
            if pid:
                break
            assert deadline is not None and kill_after is not None
            if waiting:
                if begun():
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


def main(argv: list[str] | None = None) -> int:
    """`python -m replica.fault_matrix --child SPEC`: the crawl process `crawl` starts."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or args[0] != "--child":
        print("usage: python -m replica.fault_matrix --child SPEC (started by replica.fault_matrix.crawl)")
        return 2
    return child(json.loads(args[1]))


if __name__ == "__main__":
    raise SystemExit(main())
