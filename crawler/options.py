"""Command-line options several commands share (`crawler crawl`, `demo`, `feed read`, `flush`)."""

from __future__ import annotations

import argparse

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
        help=f"crawl state SQLite file (default {DEFAULT_STATE})",
    )


def positive_int(text: str) -> int:
    """An argparse type: a whole number of 1 or more."""
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value
