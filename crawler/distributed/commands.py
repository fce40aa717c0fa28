"""`crawler worker` and `crawler backfill`: distributed mode from the command line.

    crawler backfill baoapbac --from 2024-01-01 --redis redis://queue:6379/0   # seed, then watch progress
    crawler worker --redis redis://queue:6379/0 --store s3://news/vn          # on each machine, any number

Without `--redis` (and no `CRAWLER_REDIS_URL`), `crawler backfill` crawls the archive in this process.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from crawler.distributed import DEFAULT_REDIS_ENV, distributed_settings, local_backfill_settings
from crawler.distributed.frontier import DEFAULT_LEASE_SECONDS, DEFAULT_NAMESPACE
from crawler.options import add_store_options, positive_int


def add_distributed_commands(commands: Any) -> None:
    """Register `worker` and `backfill` on the `crawler` command's subparsers."""
    worker = commands.add_parser(
        "worker",
        help="crawl from the shared Redis frontier until it is done (distributed mode)",
        description=(
            "Take requests from the Redis frontier of each seeded site (or the SITEs named), crawl them into "
            "the store, and stop when every site's frontier is sealed, empty and idle on every worker."
        ),
    )
    worker.add_argument(
        "sites", nargs="*", metavar="SITE", help="only these sites (default: every seeded one)"
    )
    _redis_options(worker)
    add_store_options(worker)
    worker.add_argument("--state", metavar="URL", help="crawl state (default: the --redis server)")
    worker.add_argument(
        "--spool", metavar="DIR", default="./data/spool", help="spool folder (default ./data/spool)"
    )
    worker.add_argument(
        "--seed", action="store_true", help="first seed the SITEs' nightly entry points, and seal"
    )
    worker.add_argument("--all", action="store_true", help="with --seed: every registered site")
    worker.add_argument("--replica", metavar="URL", help="serve every registered portal from this replica")
    worker.add_argument(
        "--concurrency", type=positive_int, default=8, help="requests at once per site (default 8)"
    )
    worker.add_argument(
        "--domain-rate", type=float, help="at most N requests a second per portal, all workers together"
    )
    worker.add_argument(
        "--lease-seconds", type=float, default=DEFAULT_LEASE_SECONDS, help="lease of a request in flight"
    )
    worker.add_argument(
        "--wait", type=float, default=60.0, help="seconds to wait for a frontier to appear (default 60)"
    )
    worker.add_argument(
        "--stats-json", type=Path, metavar="FILE", help="write this worker's counters to FILE"
    )
    worker.add_argument("--log-level", default="WARNING", choices=("DEBUG", "INFO", "WARNING", "ERROR"))
    worker.set_defaults(handler=cmd_worker)

    backfill = commands.add_parser(
        "backfill",
        help="crawl a site's archive between two dates (seeds the Redis frontier with --redis)",
        description=(
            "Seed a site's archive (its sitemaps month by month, its listings) from --from to --to. With "
            "--redis, into the shared frontier for `crawler worker`s, then report progress until done; "
            "without, crawl it in this process."
        ),
    )
    backfill.add_argument("site", metavar="SITE")
    backfill.add_argument("--from", dest="start", required=True, type=date.fromisoformat, metavar="DATE")
    backfill.add_argument("--to", dest="end", type=date.fromisoformat, metavar="DATE", help="default: today")
    _redis_options(backfill)
    add_store_options(backfill)
    backfill.add_argument(
        "--state", metavar="PATH_OR_URL", help="crawl state (default: --redis, else ./data/state.sqlite)"
    )
    backfill.add_argument("--replica", metavar="URL", help="serve every registered portal from this replica")
    backfill.add_argument("--workers", type=int, default=0, help="also start N local workers (with --redis)")
    backfill.add_argument(
        "--spool",
        metavar="DIR",
        default="./data/spool",
        help="the local workers' spool (default ./data/spool)",
    )
    backfill.add_argument("--no-wait", action="store_true", help="seed and return (with --redis)")
    backfill.add_argument("--stats-json", type=Path, metavar="FILE", help="write the run record to FILE")
    backfill.set_defaults(handler=cmd_backfill)


def _redis_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--redis",
        default=os.environ.get(DEFAULT_REDIS_ENV),
        metavar="URL",
        help=f"Redis server of the shared frontier (default ${DEFAULT_REDIS_ENV})",
    )
    parser.add_argument("--namespace", default=DEFAULT_NAMESPACE, help="key prefix in Redis (default vnc)")


def _state_url(redis_url: str, namespace: str) -> str:
    if namespace == DEFAULT_NAMESPACE:
        return redis_url
    return redis_url + ("&" if "?" in redis_url else "?") + f"namespace={namespace}"


def cmd_worker(args: argparse.Namespace) -> int:
    from crawler.distributed.backfill import nightly_seeds
    from crawler.distributed.control import Frontier
    from crawler.runner import run_crawl
    from crawler.sites import all_sites, get_site

    if not args.redis:
        print(
            f"crawler worker: error: name the Redis server: --redis URL or ${DEFAULT_REDIS_ENV}",
            file=sys.stderr,
        )
        return 2
    frontier = Frontier(args.redis, args.namespace)
    frontier.check()
    if args.seed:
        keys = list(all_sites()) if args.all else args.sites
        if not keys:
            print("crawler worker: error: --seed needs SITE keys or --all", file=sys.stderr)
            return 2
        for key in keys:
            frontier.open(key)
            frontier.seed(key, nightly_seeds(get_site(key)))
            frontier.seal(key)
    deadline = time.monotonic() + args.wait
    sites = args.sites or frontier.sites()
    while not sites and time.monotonic() < deadline:
        time.sleep(0.5)
        sites = frontier.sites()
    if not sites:
        print(
            f"crawler worker: no frontier in {args.redis} after {args.wait:.0f} s; seed one (crawler backfill)",
            file=sys.stderr,
        )
        return 1
    for key in sites:
        get_site(key)
    result = run_crawl(
        sites,
        store=args.store,
        state=args.state or _state_url(args.redis, args.namespace),
        replica_url=args.replica,
        log_level=args.log_level,
        spool=args.spool,
        extra_settings={
            "CRAWLER_S3_ENDPOINT": args.s3_endpoint,
            **distributed_settings(
                args.redis,
                namespace=args.namespace,
                concurrency=args.concurrency,
                domain_rate=args.domain_rate,
                lease_seconds=args.lease_seconds,
            ),
        },
    )
    totals = result.totals
    print(
        f"worker {os.getpid()}: {totals['pages_fetched']} pages, {totals['articles_written']} articles written "
        f"in {result.seconds:.1f} s (run {result.run_id})"
    )
    if args.stats_json:
        _write_json(args.stats_json, result.to_json())
    return 0


def cmd_backfill(args: argparse.Namespace) -> int:
    from crawler.distributed.backfill import archive_seeds
    from crawler.sites import get_site

    site = get_site(args.site)
    if args.end is not None and args.end < args.start:
        print("crawler backfill: error: --to is before --from", file=sys.stderr)
        return 2
    seeds = archive_seeds(site, args.start, args.end)
    if not args.redis:
        return _backfill_here(args, len(seeds))
    from crawler.distributed.control import Frontier

    frontier = Frontier(args.redis, args.namespace)
    frontier.check()
    started = time.monotonic()
    frontier.open(site.key)
    seeded = frontier.seed(site.key, seeds)
    frontier.seal(site.key)
    print(
        f"{site.key}: {seeded} archive pages seeded ({args.start} to {args.end or 'today'})", file=sys.stderr
    )
    workers = [_spawn_worker(args, site.key) for _ in range(max(0, args.workers))]
    record: dict[str, Any] = {
        "kind": "backfill",
        "site": site.key,
        "from": args.start.isoformat(),
        "to": args.end.isoformat() if args.end else None,
        "seeded": seeded,
        "redis": _redacted(args.redis),
    }
    if args.no_wait:
        record["finished"] = False
    else:
        progress = _watch(frontier, site.key)
        record.update(
            finished=progress.finished,
            counters=progress.counters,
            seconds=round(time.monotonic() - started, 3),
        )
    codes = [w.wait() for w in workers]
    if workers:
        record["worker_exit_codes"] = codes
    if args.stats_json:
        _write_json(args.stats_json, record)
    print(json.dumps(record, ensure_ascii=False))
    return 0 if all(c == 0 for c in codes) else 1


def _backfill_here(args: argparse.Namespace, seeds: int) -> int:
    from crawler.runner import run_crawl

    print(f"{args.site}: {seeds} archive pages, crawled in this process (no --redis)", file=sys.stderr)
    result = run_crawl(
        [args.site],
        store=args.store,
        state=args.state,
        replica_url=args.replica,
        log_level="WARNING",
        extra_settings={
            "CRAWLER_S3_ENDPOINT": args.s3_endpoint,
            **local_backfill_settings(args.start.isoformat(), args.end.isoformat() if args.end else None),
        },
    )
    record = {
        "kind": "backfill",
        "site": args.site,
        "from": args.start.isoformat(),
        "seeded": seeds,
        **result.to_json(),
    }
    if args.stats_json:
        _write_json(args.stats_json, record)
    totals = result.totals
    print(
        f"{args.site}: {totals['pages_fetched']} pages, {totals['articles_written']} articles in {result.seconds:.1f} s"
    )
    return 0


def _spawn_worker(args: argparse.Namespace, site: str) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "crawler.cli",
        "worker",
        site,
        "--redis",
        args.redis,
        "--namespace",
        args.namespace,
        "--store",
        args.store,
        "--spool",
        args.spool,
    ]
    if args.replica:
        command += ["--replica", args.replica]
    if args.state:
        command += ["--state", args.state]
    return subprocess.Popen(command)


def _watch(frontier: Any, site: str) -> Any:
    """Progress until the site's frontier is finished: a bar on a terminal, a line every 10 s otherwise."""
    tty = sys.stderr.isatty()
    last_line = 0.0
    while True:
        progress = frontier.progress(site)
        done, total = progress.done, max(progress.total, 1)
        if tty:
            width = 30
            filled = int(width * done / total)
            sys.stderr.write(
                f"\r{site} [{'#' * filled}{'.' * (width - filled)}] {done}/{progress.total} requests, "
                f"{progress.queued} queued, {progress.in_flight} in flight "
            )
            sys.stderr.flush()
        elif time.monotonic() - last_line >= 10:
            last_line = time.monotonic()
            print(
                f"{site}: {done}/{progress.total} done, {progress.queued} queued, {progress.in_flight} in flight",
                file=sys.stderr,
            )
        if progress.finished:
            if tty:
                sys.stderr.write("\n")
            return progress
        time.sleep(0.5)


def _redacted(url: str) -> str:
    from crawler.distributed.scheduler import _safe_url

    return _safe_url(url)


def _write_json(path: Path, document: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
