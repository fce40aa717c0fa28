"""`crawler`: the operator's command line. Each command is a thin layer over the modules it names."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TextIO

from crawler.distributed.commands import add_distributed_commands
from crawler.feed.commands import add_feed_commands
from crawler.fetch import FetchError
from crawler.item import Rejected
from crawler.monitor.site_check import add_check_command
from crawler.options import add_state_option, add_store_options, demo_state, positive_int
from crawler.replica_package import ReplicaMissing, load_replica
from crawler.runner import RunResult, run_crawl
from crawler.service.commands import add_service_commands
from crawler.sites import UnknownSiteError, all_sites, get_site
from crawler.store import BadStoreURLError, StoreError, open_store

EXIT_PIPE_CLOSED = 141
"""128 + SIGPIPE: what a shell reports for `cat` or `yes` when the reader of their output goes away."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. When the reader of stdout goes away (`crawler sites | head -1`), stop quietly with
    `EXIT_PIPE_CLOSED`, as Python's documentation recommends: stdout pointed at devnull, no traceback."""
    try:
        try:
            args = build_parser().parse_args(argv)
            code: int = args.handler(args)
        except (UnknownSiteError, BadStoreURLError, StoreError, ValueError, ReplicaMissing) as exc:
            print(f"crawler: error: {exc}", file=sys.stderr)
            return 2
        except FetchError as exc:
            print(f"crawler: error: {exc}", file=sys.stderr)
            return exc.code
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_PIPE_CLOSED
    return code


def _silence_stdout() -> None:
    """Point stdout at devnull, so that the flush at exit does not fail on the closed pipe again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout is no file (a test's capture): nothing is flushed to a pipe
        pass


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crawler",
        description="Crawl Vietnam's provincial news portals into normalized article JSON in a store.",
    )
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")

    sites = commands.add_parser(
        "sites", help="list the registered sites", description="List the registered sites."
    )
    sites.add_argument(
        "--province",
        metavar="NAME",
        help="only the sites covering a province (current or pre-2025 name, diacritics optional), with dates",
    )
    sites.add_argument(
        "--suggest",
        metavar="DOMAIN",
        help="read an undeclared domain's pages and print a draft declaration (family, URL pattern, feeds)",
    )
    sites.add_argument("--replica", metavar="URL", help="with --suggest: read the domain from this replica")
    sites.set_defaults(handler=cmd_sites)

    crawl = commands.add_parser(
        "crawl",
        help="crawl sites into the store (the main job)",
        description="Crawl the named sites (or --all) and write one JSON object per article to the store.",
    )
    crawl.add_argument("sites", nargs="*", metavar="SITE", help="site keys, as `crawler sites` lists them")
    crawl.add_argument("--all", action="store_true", help="crawl every registered site")
    crawl.add_argument(
        "--province",
        metavar="NAME",
        help="crawl the sites covering a province (`crawler sites --province NAME` lists them)",
    )
    crawl.add_argument(
        "--domain",
        action="append",
        default=[],
        metavar="DOMAIN",
        help="crawl a domain in generic mode, with no declaration: discovery finds its feeds, sitemaps, "
        "sections and article URLs (repeatable)",
    )
    add_store_options(crawl)
    add_state_option(crawl)
    crawl.add_argument("--limit", type=positive_int, help="at most N article pages per site")
    crawl.add_argument(
        "--recrawl",
        action="store_true",
        help="request known articles again (conditionally) and page every listing",
    )
    crawl.add_argument("--stats-json", type=Path, metavar="FILE", help="write the run's counters to FILE")
    crawl.add_argument("--replica", metavar="URL", help="serve every registered portal from this replica")
    crawl.add_argument("--log-level", default="INFO", choices=("DEBUG", "INFO", "WARNING", "ERROR"))
    _add_progress_option(crawl)
    crawl.set_defaults(handler=cmd_crawl)

    extract = commands.add_parser(
        "extract",
        help="print the article JSON of one saved page or URL",
        description="Extract one page (a saved file or a URL); print the article JSON the crawl would store.",
    )
    extract.add_argument("source", metavar="FILE_OR_URL")
    extract.add_argument("--url", help="the page's URL (required for a file; decides the site)")
    extract.add_argument("--fetched-at", help="ISO time the page was fetched (for relative datelines)")
    extract.add_argument(
        "--without-metadata",
        action="store_true",
        help="first remove the page's JSON-LD, OpenGraph/article:*/date meta tags, microdata and datetime "
        "attributes: shows what the page yields from what it prints alone",
    )
    extract.set_defaults(handler=cmd_extract)

    demo = commands.add_parser(
        "demo",
        help="crawl the local replica of every portal, offline",
        description="Start the local replica, crawl every registered site against it, write to the store.",
    )
    add_store_options(demo, default="file://./data/demo")
    demo.add_argument(
        "--state",
        metavar="PATH",
        help="crawl state file (default: <store folder>-state.sqlite beside the store)",
    )
    demo.add_argument("--limit", type=positive_int, help="at most N article pages per site")
    demo.add_argument("--stats-json", type=Path, metavar="FILE", help="write the run's counters to FILE")
    _add_progress_option(demo)
    demo.set_defaults(handler=cmd_demo)

    replica = commands.add_parser(
        "replica",
        help="serve the local replica of the portals",
        description="Serve the replica of every registered portal at http://127.0.0.1:PORT/<host>/<path>.",
    )
    replica.add_argument("--port", type=int, default=8765)
    replica.set_defaults(handler=cmd_replica)

    parse_date = commands.add_parser(
        "parse-date",
        help="read Vietnamese datelines into ISO 8601",
        description="One ISO 8601 time per input line (an empty line where it cannot read one).",
    )
    parse_date.add_argument(
        "text", nargs="?", default="-", metavar="STRING", help="a dateline, or - for stdin"
    )
    parse_date.add_argument("--relative-to", metavar="ISO", help="the fetch time relative forms count from")
    parse_date.add_argument("-v", "--verbose", action="store_true", help="also print the rule and the reason")
    parse_date.set_defaults(handler=cmd_parse_date)

    add_check_command(commands)
    add_service_commands(commands)
    add_feed_commands(commands)
    add_distributed_commands(commands)
    return parser


# -- commands --------------------------------------------------------------------------------------------


def cmd_sites(args: argparse.Namespace) -> int:
    if getattr(args, "suggest", None):
        from crawler.discovery.commands import cmd_suggest

        return cmd_suggest(args.suggest, args.replica)
    if getattr(args, "province", None):
        return _sites_of_province(args.province)
    rows = [("KEY", "DOMAIN", "PROVINCE", "FAMILY", "ACTIVE", "VERIFIED")]
    for site in all_sites().values():
        province = site.province + (f" (was {site.former_province})" if site.former_province else "")
        rows.append(
            (
                site.key,
                site.domain,
                province,
                site.family.key,
                site.active_label,
                "yes" if site.verified else "no",
            )
        )
    _print_table(rows)
    return 0


def cmd_crawl(args: argparse.Namespace) -> int:
    from crawler.discovery.commands import domain_sites

    keys = list(all_sites()) if args.all else list(dict.fromkeys(args.sites))
    if args.province:
        from crawler.sites.provinces import sites_covering

        keys = list(dict.fromkeys([*keys, *(c.site.key for c in sites_covering(args.province)[1])]))
    ad_hoc = domain_sites(args.domain)
    if not keys and not ad_hoc:
        print(
            "crawler: error: name one or more SITE keys, --all (`crawler sites` lists them) or --domain DOMAIN",
            file=sys.stderr,
        )
        return 2
    for key in keys:
        get_site(key)
    open_store(args.store, s3_endpoint=args.s3_endpoint).check()
    result = run_crawl(
        [*keys, *ad_hoc],
        store=args.store,
        state=args.state,
        limit=args.limit,
        recrawl=args.recrawl,
        replica_url=args.replica,
        log_level=args.log_level,
        extra_settings={"CRAWLER_S3_ENDPOINT": args.s3_endpoint},
        progress=_progress_stream(args),
    )
    return _report(result, args.stats_json)


def cmd_demo(args: argparse.Namespace) -> int:
    replica = load_replica()
    store = open_store(args.store, s3_endpoint=args.s3_endpoint)
    store.check()
    state = args.state or demo_state(store)
    with replica.ReplicaServer(replica.build_replica()) as server:
        print(f"replica of {len(all_sites())} portals at {server.base_url}", file=sys.stderr)
        result = run_crawl(
            list(all_sites()),
            store=args.store,
            state=state,
            limit=args.limit,
            replica_url=server.base_url,
            log_level="WARNING",
            extra_settings={"CRAWLER_S3_ENDPOINT": args.s3_endpoint},
            progress=_progress_stream(args),
        )
    code = _report(result, args.stats_json)
    print(f"articles are in {store.describe('articles')}")
    return code


def cmd_replica(args: argparse.Namespace) -> int:
    replica_main: Callable[[list[str]], int] = load_replica().main
    return replica_main(["--port", str(args.port)])


def cmd_extract(args: argparse.Namespace) -> int:
    """A URL is fetched through `crawler.fetch` (robots.txt, target check, size cap: its exit codes); a
    missing or unreadable file ends with `EXIT_NO_FILE`."""
    from crawler.fetch import EXIT_NO_FILE, Fetcher
    from crawler.steps import process_page

    source: str = args.source
    encoding: str | None = None
    if source.startswith(("http://", "https://")):
        page = Fetcher().page(source)
        url = args.url or page.url
        html: str | bytes = page.body
        encoding = page.encoding
    else:
        if not args.url:
            print("crawler: error: extracting a file needs --url URL (the page's address)", file=sys.stderr)
            return 2
        url = args.url
        try:
            html = Path(source).read_bytes()
        except OSError as exc:
            print(f"crawler: error: cannot read {source}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_NO_FILE
    if args.without_metadata:
        from crawler.extract import decode_html
        from crawler.extract.strip import strip_metadata

        html = strip_metadata(decode_html(html, encoding) if isinstance(html, bytes) else html)
        encoding = None
    fetched_at = datetime.fromisoformat(args.fetched_at) if args.fetched_at else None
    result = process_page(url, html, fetched_at=fetched_at, encoding=encoding)
    if isinstance(result, Rejected):
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        print(f"crawler: rejected ({result.stage}): {result.reason}", file=sys.stderr)
        return 1
    print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    return 0


def cmd_parse_date(args: argparse.Namespace) -> int:
    from crawler.dates import parse_date

    relative_to = datetime.fromisoformat(args.relative_to) if args.relative_to else None
    lines = sys.stdin.read().splitlines() if args.text == "-" else [args.text]
    for line in lines:
        parsed = parse_date(line, relative_to=relative_to)
        value = parsed.isoformat() or ""
        if args.verbose:
            print(f"{value}\t{parsed.precision or ''}\t{parsed.rule or ''}\t{parsed.reason or ''}")
        else:
            print(value)
    return 0


# -- helpers ---------------------------------------------------------------------------------------------


def _sites_of_province(name: str) -> int:
    """`crawler sites --province NAME`: the sites covering it, with their own dates and the dates they cover
    it (a surviving paper covers an absorbed province from the day after the absorbed paper's last)."""
    from crawler.sites.provinces import sites_covering

    match, covers = sites_covering(name)
    print(match.label)
    rows = [("KEY", "DOMAIN", "PROVINCE", "FAMILY", "ACTIVE", "COVERS", "VERIFIED")]
    for cover in covers:
        site = cover.site
        renamed = site.former_province not in (None, site.province)
        province = site.province + (f" (was {site.former_province})" if renamed else "")
        verified = "yes" if site.verified else "no"
        rows.append(
            (site.key, site.domain, province, site.family.key, site.active_label, cover.label, verified)
        )
    _print_table(rows)
    return 0


def _add_progress_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-progress",
        action="store_true",
        help="no live progress (a status line and a line per finished site; shown only when stdout is a "
        "terminal)",
    )


def _progress_stream(args: argparse.Namespace) -> TextIO | None:
    """Where the crawl shows its live progress: stdout when it is a terminal, unless `--no-progress`."""
    from crawler.progress import is_terminal

    return None if getattr(args, "no_progress", False) or not is_terminal(sys.stdout) else sys.stdout


def _print_table(rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


def _report(result: RunResult, stats_json: Path | None) -> int:
    rows = [("SITE", "PAGES", "ARTICLES", "REJECTS", "ERRORS")]
    for key, site in result.sites.items():
        rows.append(
            (
                key,
                str(site["pages_fetched"]),
                str(site["articles_written"]),
                str(site["rejects"]),
                str(site["errors"]),
            )
        )
    totals = result.totals
    rows.append(
        (
            "total",
            str(totals["pages_fetched"]),
            str(totals["articles_written"]),
            str(totals["rejects"]),
            str(totals["errors"]),
        )
    )
    _print_table(rows)
    print(f"run {result.run_id}: {result.seconds:.1f} s, store {result.store}")
    for line in result.notes:
        print(line)
    if stats_json:
        stats_json.parent.mkdir(parents=True, exist_ok=True)
        stats_json.write_text(
            json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
