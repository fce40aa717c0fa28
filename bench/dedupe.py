"""The crawl state at 1,000,000 articles: lookups, their p99 latency, insertions, peak memory.

    PYTHONPATH=. python bench/dedupe.py [--articles 1000000]

Builds a SQLite crawl state of N synthetic articles in a temporary folder (in batches, as an import would),
then measures what a nightly crawl does per discovered URL: one lookup by canonical URL (90% known, 10% new),
both on the state's own thread directly and through the hop every crawler call takes (`SQLiteState.call`);
and single-article records in autocommit, as the storage pipeline writes them. Peak memory is the process's
maximum resident set. The near-duplicate index's cost at the same size is `bench/dedupe_near.py`.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crawler.state import KnownArticle, SQLiteState

SITES = ("baoapbac", "baodongthap", "baocantho", "sggp", "tuoitre", "baohaiphong", "baonghean", "hanoimoi")


def url_of(n: int) -> str:
    site = SITES[n % len(SITES)]
    return f"https://{site}.vn/thoi-su/2025{n % 12 + 1:02d}/bai-viet-so-{n}-{n}/"


def article(n: int) -> KnownArticle:
    site = SITES[n % len(SITES)]
    return KnownArticle(
        canonical_url=url_of(n),
        id=f"{site}-{n}",
        site=site,
        content_hash=f"sha256:{n:064x}",
        version=1 + n % 3,
        object_key=f"articles/{site}/2025/{n % 12 + 1:02d}/01/{site}-{n}.json",
        first_seen="2025-01-01T02:00:00+07:00",
        last_seen="2026-11-25T02:00:00+07:00",
        last_fetched="2026-11-25T02:00:00+07:00",
        etag=f'"{n:x}"',
        last_modified="Wed, 25 Nov 2026 02:00:00 GMT",
    )


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--lookups", type=int, default=50_000)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="bench-state-") as folder:
        state = SQLiteState(Path(folder) / "state.sqlite")
        started = time.perf_counter()
        batch = 20_000
        for start in range(0, args.articles, batch):
            rows = [article(n) for n in range(start, min(start + batch, args.articles))]
            state.call(state.record_many_now, rows)
        bulk_seconds = time.perf_counter() - started

        probes = [url_of(rng.randrange(args.articles)) if rng.random() < 0.9 else url_of(args.articles + i)
                  for i in range(args.lookups)]  # fmt: skip

        def direct_lookups() -> list[float]:
            latencies = []
            for url in probes:
                t0 = time.perf_counter()
                state.lookup_now([url])
                latencies.append(time.perf_counter() - t0)
            return latencies

        direct = state.call(direct_lookups)
        batched = []
        for start in range(0, len(probes), 50):  # as the spider asks: every link of a feed or listing at once
            t0 = time.perf_counter()
            state.call(state.lookup_now, probes[start : start + 50])
            batched.append(time.perf_counter() - t0)
        hopped = []
        for url in probes[: args.lookups // 5]:
            t0 = time.perf_counter()
            state.call(state.lookup_now, [url])
            hopped.append(time.perf_counter() - t0)

        singles = []
        for i in range(2_000):
            t0 = time.perf_counter()
            state.call(state.record_now, article(args.articles + 10_000_000 + i))
            singles.append(time.perf_counter() - t0)
        size_mb = sum(p.stat().st_size for p in Path(folder).iterdir()) / 1e6
        count = state.count()
        state.close()

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"crawl state (SQLite, WAL) with {count:,} articles, {size_mb:,.0f} MB on disk")
    print(f"  bulk insert             {args.articles / bulk_seconds:>12,.0f} articles/s")
    print(
        f"  single record (commit)  {len(singles) / sum(singles):>12,.0f} articles/s, p99 {percentile(singles, 0.99) * 1e3:.2f} ms"
    )
    print(
        f"  lookup, state thread    {len(direct) / sum(direct):>12,.0f} /s, p50 {statistics.median(direct) * 1e3:.3f} ms, p99 {percentile(direct, 0.99) * 1e3:.3f} ms"
    )
    print(
        f"  lookup, via thread hop  {len(hopped) / sum(hopped):>12,.0f} /s, p50 {statistics.median(hopped) * 1e3:.3f} ms, p99 {percentile(hopped, 0.99) * 1e3:.3f} ms"
    )
    print(
        f"  lookup, batches of 50   {len(probes) / sum(batched):>12,.0f} URLs/s, p99 {percentile(batched, 0.99) * 1e3:.3f} ms a batch"
    )
    print(f"  peak memory (max RSS)   {peak_mb:>12,.0f} MB")
    print("goals: >= 20,000 lookups/s, p99 < 5 ms, peak memory < 500 MB")


if __name__ == "__main__":
    main()
