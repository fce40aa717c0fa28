"""What three nights cost the portals: requests per site on a first night, a quiet one and one with news.

    PYTHONPATH=. python bench/nightly.py [--sites baoapbac baolongan ...] [--new 1] [--edited 1]

One replica of every registered portal is served in this process; each night is `crawler crawl --all` in its
own process, into one store with one crawl state, as the scheduled nightly job runs it:

- night 1: an empty state (every entry point, every sitemap, every article);
- night 2: nothing new;
- night 3: the replica adds `--new` articles to every site still publishing and edits `--edited` per site
  (`Replica.advance`).

For each night it prints the requests the replica answered, by kind, the 304s among them, the most any one
site cost, and the articles written. After night 3 a fresh crawl of the same replica, into an empty store and
state, shows what the nightly store lacks: an article it does not hold, or holds in an older version.

Goals: night 2 at most 2 requests per site and night 3 at most 4 (robots.txt counted, once a night); every
new and edited article of night 3 written; nothing missed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.dates import VN_TZ  # noqa: E402
from crawler.sites import Site, all_sites  # noqa: E402
from replica.compare import latest_versions  # noqa: E402
from replica.server import ReplicaServer  # noqa: E402

GOALS = {2: 2, 3: 4}
"""Night → the most requests any one site may cost."""


@dataclass
class Night:
    number: int
    seconds: float
    requests: Counter[str] = field(default_factory=Counter)
    """By kind: robots, feed, sitemap, listing, article."""
    per_site: dict[str, int] = field(default_factory=dict)
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def not_modified(self) -> int:
        totals = self.stats["totals"]
        return int(totals.get("not_modified", 0)) + int(totals.get("articles_not_modified", 0))

    @property
    def most(self) -> tuple[str, int]:
        return max(self.per_site.items(), key=lambda kv: (kv[1], kv[0]))


def kind_of(path: str, host: str, sites: list[Site]) -> str:
    """What a request the replica answered was for, by its path."""
    if path == "/robots.txt":
        return "robots"
    if "sitemap" in path:
        return "sitemap"
    if path.endswith(".rss") or "/rss/" in path:
        return "feed"
    if any(site.is_article_url(f"https://{host}{path}") for site in sites):
        return "article"
    return "listing"


def crawl(replica_url: str, store: Path, state: Path, stats_json: Path, sites: list[str]) -> None:
    command = [sys.executable, "-m", "crawler.cli", "crawl", *(sites or ["--all"])]
    command += ["--replica", replica_url, "--store", store.as_uri(), "--state", str(state)]
    command += ["--stats-json", str(stats_json), "--log-level", "ERROR", "--no-progress"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"crawl failed ({done.returncode}):\n{done.stderr[-4000:]}")


def run_night(
    number: int, server: ReplicaServer, folder: Path, sites: list[str], by_host: dict[str, list[Site]]
) -> Night:
    server.replica.clear_log()
    stats_json = folder / f"night{number}.json"
    began = time.perf_counter()
    crawl(server.base_url, folder / "store", folder / "state.sqlite", stats_json, sites)
    night = Night(number, time.perf_counter() - began)
    for _method, host, path in server.replica.request_log:
        night.requests[kind_of(path.split("?")[0], host, by_host.get(host, []))] += 1
    night.stats = json.loads(stats_json.read_text())
    night.per_site = {key: int(s.get("requests", 0)) for key, s in night.stats["sites"].items()}
    return night


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sites", nargs="*", default=[], help="site keys (default: every registered site)")
    parser.add_argument("--new", type=int, default=1, help="articles added per site before night 3")
    parser.add_argument("--edited", type=int, default=1, help="articles edited per site before night 3")
    args = parser.parse_args()

    registry = all_sites()
    chosen = [registry[key] for key in args.sites] if args.sites else list(registry.values())
    by_host: dict[str, list[Site]] = {}
    for site in registry.values():
        for domain in site.domains:
            by_host.setdefault(domain, []).append(site)
    folder = Path(tempfile.mkdtemp(prefix="bench-nightly-"))
    nights: list[Night] = []
    with ReplicaServer() as server:
        nights.append(run_night(1, server, folder, args.sites, by_host))
        nights.append(run_night(2, server, folder, args.sites, by_host))
        # The news arrives after night 2's fetches, a clock second later at least (lastmod has seconds).
        time.sleep(1.0)
        now = datetime.now(VN_TZ).replace(microsecond=0) + timedelta(seconds=1)
        keys = {site.key for site in chosen}
        changes = [
            c for c in server.replica.advance(args.new, args.edited, seed="bench", now=now) if c[0] in keys
        ]
        time.sleep(1.0)
        nights.append(run_night(3, server, folder, args.sites, by_host))
        fresh = folder / "fresh"
        fresh.mkdir()
        began = time.perf_counter()
        crawl(server.base_url, fresh / "store", fresh / "state.sqlite", fresh / "run.json", args.sites)
        fresh_seconds = time.perf_counter() - began

    kinds = ("robots", "feed", "sitemap", "listing", "article")
    print(
        f"{len(chosen)} sites; night 3 brings {sum(c[2] == 'new' for c in changes)} new and "
        f"{sum(c[2] == 'edited' for c in changes)} edited articles"
    )
    header = f"{'night':<7}{'requests':>9}" + "".join(f"{k:>9}" for k in kinds)
    header += f"{'304s':>7}{'max/site':>10}{'written':>9}{'seconds':>9}"
    print(header)
    for night in nights:
        busiest, most = night.most
        written = int(night.stats["totals"].get("articles_written", 0))
        row = f"{night.number:<7}{sum(night.requests.values()):>9}"
        row += "".join(f"{night.requests[k]:>9}" for k in kinds)
        row += f"{night.not_modified:>7}{most:>10}{written:>9}{night.seconds:>9.1f}"
        print(row + f"   (most: {busiest})")

    nightly = latest_versions(folder / "store")
    full = latest_versions(fresh / "store")
    missing = sorted(set(full) - set(nightly))
    stale = sorted(key for key in set(full) & set(nightly) if full[key] != nightly[key])
    changed_ids = {article_id for _, article_id, _ in changes}
    written3 = int(nights[2].stats["totals"].get("articles_written", 0))
    print(
        f"fresh full crawl: {len(full)} articles in {fresh_seconds:.1f} s; the nightly store holds "
        f"{len(nightly)}: {len(missing)} missing, {len(stale)} in an older version"
    )
    for key in (missing + stale)[:10]:
        print(f"  missed: {key}")

    results = []
    for number, cap in GOALS.items():
        busiest, most = nights[number - 1].most
        results.append(
            (f"night {number}: at most {cap} requests per site (most: {most}, {busiest})", most <= cap)
        )
    results.append(
        (
            f"night 3: every new and edited article written ({written3} of {len(changed_ids)})",
            written3 >= len(changed_ids),
        )
    )
    results.append(
        (f"nothing missed ({len(missing)} missing, {len(stale)} stale)", not missing and not stale)
    )
    for text, ok in results:
        print(f"{'PASS' if ok else 'FAIL'}  {text}")
    return 0 if all(ok for _, ok in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
