"""`python -m crawler.service serve|recrawl|runs`: the service commands without the rest of the CLI."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from crawler.service.commands import add_service_commands


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawler.service")
    add_service_commands(parser.add_subparsers(title="commands", required=True, metavar="COMMAND"))
    args = parser.parse_args(argv)
    code: int = args.handler(args)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
