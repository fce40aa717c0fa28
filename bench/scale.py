"""Benchmark distributed mode: 1, 2 and 4 workers backfilling several sites of a slow replica through Redis.

Run from the project root:  PYTHONPATH=. python bench/scale.py [--sites 4] [--articles 96] [--latency 1.5]
                                [--per-site 2] [--workers 1 2 4] [--domain-rate 20] [--skip-bloom]

The replica (crawler/distributed/loadtest.py) answers every request after --latency seconds and serves at
most 16 requests of one portal at once; each worker crawls each site with --per-site requests at once (its
politeness), and all workers together keep to --domain-rate requests a second per portal (the token bucket in
Redis; set above what the workers reach, so it does not bind here). The crawl is bound by latency, not by
this machine's CPUs, as a real backfill of distant portals is.

For each worker count: a fresh redis-server and store; the workers start first and wait on the opened
frontiers; the clock starts when the archive of every site (its 2024 monthly sitemaps and listings) is seeded
and sealed, and stops when every frontier is finished (sealed, empty, nothing in flight). Printed: articles
stored a second, the speedup over one worker, URLs the replica served more than once (robots.txt aside:
each worker reads it once per portal, as politeness requires), and articles of the range not in the store.

Then the Bloom filter of seen pages: its size at 10M fingerprints (the bit array in Redis, measured with
MEMORY USAGE), its false-positive rate measured at full load on a filter of the same bits per element, and
what a plain Redis set of the same fingerprints costs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

import redis

from crawler.distributed.backfill import archive_seeds
from crawler.distributed.bloom import BloomSpec, LocalBloom
from crawler.distributed.control import Frontier
from crawler.distributed.frontier import DEFAULT_BLOOM_ERROR
from crawler.sites import get_site
from replica import ReplicaServer
from replica.loadtest import fetch_counts, make_replica

ROOT = Path(__file__).resolve().parent.parent
SITES = ("baoapbac", "baodongthap", "baocantho", "baolongan", "baoangiang", "baohatinh")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class RedisServer:
    """A throwaway redis-server on a free port."""

    def __init__(self, folder: Path) -> None:
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.port = free_port()
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(folder), "--save", ""],
            stdout=subprocess.DEVNULL,
        )
        self.url = f"redis://127.0.0.1:{self.port}/0"
        client = redis.Redis.from_url(self.url)
        for _ in range(200):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def run_scale(workers: int, args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    keys = SITES[: args.sites]
    replica = make_replica(keys, extra_articles=args.articles, latency=args.latency, per_host=16)
    server = ReplicaServer(replica).start()
    redis_server = RedisServer(folder)
    store = folder / "store"
    frontier = Frontier(redis_server.url)
    for key in keys:
        frontier.open(key)  # registered, not sealed: the workers wait for work
    command = [sys.executable, "-m", "crawler.cli", "worker", *keys, "--redis", redis_server.url]
    command += ["--store", f"file://{store}", "--replica", server.base_url, "--spool", str(folder / "spool")]
    command += ["--concurrency", str(args.per_site), "--domain-rate", str(args.domain_rate)]
    command += ["--log-level", "ERROR"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen([*command, "--stats-json", str(folder / f"w{n}.json")], cwd=ROOT, env=env)
        for n in range(workers)
    ]
    time.sleep(args.warmup)  # every worker imported, its crawlers open and polling
    replica.clear_log()
    started = time.monotonic()
    for key in keys:
        frontier.seed(key, archive_seeds(get_site(key), date(2024, 1, 1), date(2024, 12, 31)))
        frontier.seal(key)
    while not all(frontier.progress(key).finished for key in keys):
        time.sleep(0.05)
    seconds = time.monotonic() - started
    codes = [p.wait(timeout=120) for p in procs]
    counts = fetch_counts(replica)
    expected = {f"{key}-{a.id}" for key in keys for a in replica.articles(key) if a.published.year == 2024}
    stored = [
        p.name.removesuffix(".json") for key in keys for p in (store / "articles" / key).rglob("*.json")
    ]
    server.stop()
    redis_server.stop()
    return {
        "workers": workers,
        "seconds": round(seconds, 2),
        "articles": len(set(stored)),
        "articles_per_s": round(len(set(stored)) / seconds, 2),
        "requests": sum(counts.values()),
        "duplicates_fetched": sum(n - 1 for n in counts.values() if n > 1),
        "lost_articles": len(expected - set(stored)),
        "objects_written_twice": len(stored) - len(set(stored)),
        "exit_codes": codes,
    }


def bloom_figures(redis_url: str) -> dict[str, Any]:
    spec_10m = BloomSpec.for_capacity(10_000_000, DEFAULT_BLOOM_ERROR)
    client = redis.Redis.from_url(redis_url)
    client.setbit("bench:bloom", spec_10m.bits - 1, 1)  # Redis allocates the whole array up to that bit
    redis_bytes = int(client.memory_usage("bench:bloom") or 0)
    # The false-positive rate depends only on bits per element and hashes: measure it at full load on a
    # filter of 200k with the same parameters as the 10M one (pure Python would take minutes at 10M).
    n = 200_000
    small = BloomSpec(n, spec_10m.error_rate, spec_10m.bits * n // spec_10m.capacity, spec_10m.hashes)
    local = LocalBloom(small)
    for i in range(n):
        local.add(hashlib.sha1(f"in-{i}".encode()).digest())
    probes = 400_000
    fp = sum(hashlib.sha1(f"out-{i}".encode()).digest() in local for i in range(probes))
    # A plain set of SHA-1 fingerprints (what scrapy-redis keeps), measured at 200k and scaled to 10M.
    pipe = client.pipeline(transaction=False)
    for i in range(n):
        pipe.sadd("bench:set", hashlib.sha1(f"in-{i}".encode()).hexdigest())
        if i % 10_000 == 9_999:
            pipe.execute()
    pipe.execute()
    set_bytes = int(client.memory_usage("bench:set", samples=0) or 0)
    return {
        "capacity": spec_10m.capacity,
        "target_error": spec_10m.error_rate,
        "bits": spec_10m.bits,
        "hashes": spec_10m.hashes,
        "size_mib": round(spec_10m.size_bytes / 2**20, 2),
        "redis_memory_usage_mib": round(redis_bytes / 2**20, 2),
        "measured_false_positive_rate": fp / probes,
        "expected_false_positive_rate": round(small.expected_error(n), 6),
        "plain_set_mib_at_10m": round(set_bytes * spec_10m.capacity / n / 2**20, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sites", type=int, default=4)
    parser.add_argument("--articles", type=int, default=96, help="generated articles per site (2024)")
    parser.add_argument("--latency", type=float, default=1.5, help="seconds per request at the replica")
    parser.add_argument("--per-site", type=int, default=2, help="requests at once per site and worker")
    parser.add_argument("--domain-rate", type=float, default=20.0, help="requests/s per portal, all workers")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--warmup", type=float, default=8.0, help="seconds for the workers to start")
    parser.add_argument("--skip-bloom", action="store_true")
    parser.add_argument("--skip-scale", action="store_true")
    args = parser.parse_args()
    results = []
    if not args.skip_scale:
        for workers in args.workers:
            with tempfile.TemporaryDirectory(prefix="scale-") as folder:
                result = run_scale(workers, args, Path(folder))
            results.append(result)
            print(json.dumps(result), flush=True)
        base = results[0]["articles_per_s"]
        print(
            f"\n{'workers':>7} {'seconds':>8} {'articles':>8} {'art/s':>7} {'speedup':>7} {'dup':>4} {'lost':>4}"
        )
        for r in results:
            speedup = r["articles_per_s"] / base if base else 0.0
            print(
                f"{r['workers']:>7} {r['seconds']:>8} {r['articles']:>8} {r['articles_per_s']:>7} "
                f"{speedup:>6.2f}x {r['duplicates_fetched']:>4} {r['lost_articles']:>4}"
            )
    if not args.skip_bloom:
        with tempfile.TemporaryDirectory(prefix="bloom-") as folder:
            redis_server = RedisServer(Path(folder))
            try:
                figures = bloom_figures(redis_server.url)
            finally:
                redis_server.stop()
        print("\nBloom filter of seen pages at 10M fingerprints:")
        print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
