"""`crawler feed read` and `crawler flush`: the reader's and the operator's commands over the feed and spool."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from crawler.feed.log import FeedError
from crawler.feed.reader import FeedReader
from crawler.options import add_state_option, add_store_options, positive_int
from crawler.sites import get_site
from crawler.spool import WorkDir, default_spool, spooled_elsewhere
from crawler.store import StoreError, open_store


def add_feed_commands(commands: Any) -> None:
    """Add `feed read` and `flush` to the `crawler` command's subparsers."""
    feed = commands.add_parser(
        "feed",
        help="read the store's feed log (each article version once)",
        description="Read the feed log of a store: every article version exactly once, from a cursor.",
    )
    feed_commands = feed.add_subparsers(title="feed commands", required=True, metavar="COMMAND")
    read = feed_commands.add_parser(
        "read",
        help="print the articles after a cursor, one JSON per line",
        description=(
            "Print each article version written since CURSOR as one JSON object per line on stdout, in feed "
            "order, then `cursor: VALUE` as the last line on stderr: pass it as --since next time."
        ),
    )
    add_store_options(read)
    read.add_argument(
        "--since", metavar="CURSOR", help="the cursor of the last read (default: from the start)"
    )
    read.add_argument(
        "--site", metavar="KEY", help="only this site's articles (keep it with the same cursor)"
    )
    read.add_argument("--limit", type=positive_int, metavar="N", help="at most N articles")
    read.set_defaults(handler=cmd_feed_read)

    flush = commands.add_parser(
        "flush",
        help="upload the spooled items and commit the runs left pending",
        description=(
            "Upload, in order, the items runs spooled while the store could not be written, and commit the "
            "feed segments and manifests of runs that could not; every article lands once, in the feed once."
        ),
    )
    add_store_options(flush)
    add_state_option(flush)
    flush.add_argument("--spool", metavar="DIR", help="the spool folder (default: spool/ beside --state)")
    flush.set_defaults(handler=cmd_flush)


def cmd_feed_read(args: argparse.Namespace) -> int:
    if args.site:
        get_site(args.site)
    reader = FeedReader(args.store, site=args.site, s3_endpoint=args.s3_endpoint)
    out = sys.stdout.buffer
    code = 0
    try:
        for article in reader.read(since=args.since, limit=args.limit):
            out.write(json.dumps(article, ensure_ascii=False).encode("utf-8") + b"\n")
    except (FeedError, StoreError) as exc:  # the cursor still says how far the articles printed go
        print(f"crawler: error: {exc}", file=sys.stderr)
        code = 1
    finally:
        out.flush()
        print(f"cursor: {reader.cursor}", file=sys.stderr, flush=True)
    return code


def cmd_flush(args: argparse.Namespace) -> int:
    from crawler.feed.commit import flush_spool
    from crawler.state import bind_store, open_state
    from crawler.store import store_identity

    store = open_store(args.store, s3_endpoint=args.s3_endpoint)
    store.check()
    root = args.spool or default_spool(args.state)
    workdir = WorkDir(root, store.url)
    state = open_state(args.state)
    try:
        bind_store(state, store_identity(store), args.state)
        result = flush_spool(store, workdir, state)
    finally:
        state.close()
    for commit in result.recovered:
        print(
            f"committed pending run {commit.batch_id}: {commit.objects} objects, feed segment {commit.sequence}"
        )
    if result.commit is not None:
        print(
            f"flushed {result.flushed} spooled items to {store.url}: feed segment {result.commit.sequence}, "
            f"manifest {result.commit.manifest}"
        )
    elif not result.recovered and not result.error:
        print(f"nothing to flush for {store.url} in {workdir.root}")
    for url, count in spooled_elsewhere(root, store.url).items():
        print(f"note: {count} items are spooled for another store, {url}: flush them with --store {url}")
    if result.error:
        print(
            f"crawler: error: {result.error}; {result.remaining} items still spooled in {workdir.items}",
            file=sys.stderr,
        )
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    """`python -m crawler.feed feed read …` / `python -m crawler.feed flush …`: these commands without the
    rest of the `crawler` command (which has them too)."""
    from crawler.sites import UnknownSiteError
    from crawler.store import BadStoreURLError

    parser = argparse.ArgumentParser(prog="python -m crawler.feed")
    add_feed_commands(parser.add_subparsers(title="commands", required=True, metavar="COMMAND"))
    args = parser.parse_args(argv)
    try:
        code: int = args.handler(args)
    except (UnknownSiteError, BadStoreURLError, StoreError, ValueError) as exc:
        print(f"crawler: error: {exc}", file=sys.stderr)
        return 2
    return code
