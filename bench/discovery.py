"""Generic discovery against the declarations, over every registered replica site.

    PYTHONPATH=. python bench/discovery.py [--keep DIR]

Serves the default replica (every registered site, plus the undeclared portals), then runs two crawls of it,
each a real `crawler crawl` process into its own store: *declared* (`--all`: the registry's feeds, sitemaps,
listings, URL patterns and selectors) and *generic* (`--domain` for every registered domain and every
undeclared one: the declarations hidden, discovery and the structured and generic extraction layers only).
Prints, per domain, the articles declared mode stored, how many of them generic mode found, how many of those
agree on title and publication time, and what generic mode stored beyond them; then the totals, and for the
undeclared portals the replica's articles against what generic mode stored. `--hide-sitemaps` makes every
sitemap answer 404 to the generic crawl, leaving it feeds, section listings and the learned URL pattern.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.sites import all_sites  # noqa: E402
from replica import ReplicaServer, build_replica  # noqa: E402
from replica.compare import compare_stores, stored_articles, totals  # noqa: E402
from replica.undeclared import undeclared_sites  # noqa: E402


def _crawl(args: list[str], store: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "crawler.cli", "crawl", *args, "--store", store.as_uri()]
    command += ["--state", str(store.with_suffix(".sqlite")), "--stats-json", str(store / "stats.json")]
    command += ["--log-level", "ERROR"]
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"crawl failed ({' '.join(args[:3])} …):\n{done.stderr[-3000:]}")
    return time.monotonic() - started


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    –"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, help="write the two stores here (default: a temporary folder)")
    parser.add_argument(
        "--hide-sitemaps",
        action="store_true",
        help="the generic crawl finds every sitemap answering 404: feeds, listings and learning only",
    )
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="bench-discovery-"))
    root.mkdir(parents=True, exist_ok=True)

    replica = build_replica()
    registered = sorted({d for site in all_sites().values() for d in site.domains})
    undeclared = undeclared_sites()
    domains = registered + sorted(d for s in undeclared.values() for d in s.domains)
    with ReplicaServer(replica) as server:
        declared_seconds = _crawl(["--all", "--replica", server.base_url], root / "declared")
        generic_args = [f"--domain={d}" for d in domains]
        if args.hide_sitemaps:
            for domain in domains:
                replica.inject_fault(f"https://{domain}/sitemap", 404, times=None)
        generic_seconds = _crawl([*generic_args, "--replica", server.base_url], root / "generic")

    rows = compare_stores(root / "declared", root / "generic", registered)
    print(
        f"{'domain':<28} {'declared':>8} {'found':>6} {'found%':>7} {'agree':>6} {'agree%':>7} {'extra':>6}"
    )
    for row in rows:
        print(
            f"{row.domain:<28} {row.declared:>8} {row.found:>6} {_percent(row.found, row.declared):>7} "
            f"{row.agreeing:>6} {_percent(row.agreeing, row.found):>7} {row.generic_only:>6}"
        )
    total = totals(rows)
    print(
        f"{'all registered':<28} {total.declared:>8} {total.found:>6} "
        f"{_percent(total.found, total.declared):>7} {total.agreeing:>6} "
        f"{_percent(total.agreeing, total.found):>7} {total.generic_only:>6}"
    )
    for url in total.missing[:10]:
        print(f"  not found: {url}")
    declared_docs, generic_docs = stored_articles(root / "declared"), stored_articles(root / "generic")
    for url in total.differing[:10]:
        left, right = declared_docs[url], generic_docs[url]
        print(f"  differs: {url}")
        print(f"    declared {left['published_at']} {left['title']!r}")
        print(f"    generic  {right['published_at']} {right['title']!r}")

    print(f"\n{'undeclared portal':<28} {'replica':>8} {'found':>6} {'agree':>6}")
    for key, site in undeclared.items():
        truth = replica.articles(key)
        found = [generic_docs.get(a.url) for a in truth]
        agree = sum(
            1
            for a, d in zip(truth, found, strict=True)
            if d and d["title"] == a.title and d["published_at"] == a.published.isoformat()
        )
        print(f"{site.domain:<28} {len(truth):>8} {sum(d is not None for d in found):>6} {agree:>6}")

    generic_stats = json.loads((root / "generic" / "stats.json").read_text(encoding="utf-8"))["totals"]
    print(
        f"\ndeclared crawl {declared_seconds:.1f} s, generic crawl {generic_seconds:.1f} s "
        f"({generic_stats['pages_fetched']} pages, {generic_stats['errors']} errors, "
        f"{generic_stats['rejects']} rejects); stores in {root}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
