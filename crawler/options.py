"""Command-line options several commands share (`crawler crawl`, `demo`, `feed read`, `flush`)."""

from __future__ import annotations

import argparse
import hashlib
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crawler.store import ObjectStore

DEFAULT_STORE = "file://./data"
DEFAULT_STATE = "./data/state.sqlite"


def add_store_options(parser: argparse.ArgumentParser, default: str = DEFAULT_STORE) -> None:
    """`--store URL` and `--s3-endpoint URL`."""
    parser.add_argument(
        "--store",
        default=default,
        metavar="URL",
        help=f"file://PATH or s3://BUCKET/PREFIX (default {default})",
    )
    parser.add_argument(
        "--s3-endpoint", metavar="URL", help="S3 endpoint (default: AWS_ENDPOINT_URL, else AWS)"
    )


def add_state_option(parser: argparse.ArgumentParser) -> None:
    """`--state PATH`: the crawl state's SQLite file."""
    parser.add_argument(
        "--state",
        default=DEFAULT_STATE,
        metavar="PATH",
        help=f"crawl state SQLite file (default {DEFAULT_STATE}); a state belongs to the first store it is "
        "used with, and a crawl into another store with it stops",
    )


def demo_state(store: ObjectStore) -> str:
    """The demo's default state, one per store so that a demo never meets another store's state:
    `data/demo` -> `data/demo-state.sqlite`; `s3://bucket/prefix` ->
    `./data/demo-state-bucket-prefix-<hash>.sqlite` (a hash of the store's identity, endpoint included)."""
    from crawler.store import LocalStore, store_identity

    if isinstance(store, LocalStore):
        return str(store.root.with_name(store.root.name + "-state.sqlite"))
    identity = store_identity(store)
    readable = re.sub(r"[^A-Za-z0-9]+", "-", store.url.split("://", 1)[-1]).strip("-")[:48].strip("-")
    digest = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:10]
    return f"./data/demo-state-{readable or 'store'}-{digest}.sqlite"


def positive_int(text: str) -> int:
    """An argparse type: a whole number of 1 or more."""
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value
