"""Crawl throughput of the full pipeline against bare Scrapy on the same replica pages, in one run.

    PYTHONPATH=. python bench/crawl.py [--rounds 3]

*Bare* is Scrapy with the same discovery (feeds, sitemaps, listings) fetching the same pages, but doing
nothing with an article page and running no pipeline. *Full* is the real crawl: extraction, text, dates,
identity, dedupe, validation and storage to a local folder. Each round runs both, alternating which goes
first, each in its own process against one replica process; the medians are reported with their ratio.

The wall-clock ratio is bound by what both modes wait for alike (politeness delays, which AutoThrottle keeps
adjusting even against the replica, and the downloader's per-site concurrency), not by what the pipeline
costs: the reactor is idle much of the time in either mode. So each child also measures its process CPU time
(user + system of every thread, `time.process_time()`) from the creation of its crawlers to the end of the
crawl (full: the commit of the run included) and divides it by its articles (full: articles written; bare:
article pages fetched): `CPU s / 1,000 articles` is the price of fetching and of extraction, dedupe,
validation and storage per article, and the full / bare ratio what the pipeline adds to fetching.

Then extraction time per page per layer, over every replica article page, in this process.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_until_up(url: str, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"the replica did not answer at {url}")


def child(mode: str, replica_url: str, out: Path) -> None:
    """One crawl of every site in this process, bare or full; writes pages, seconds, items, articles and the
    process CPU seconds of the crawl to `out`."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    from scrapy.crawler import Crawler, CrawlerProcess
    from scrapy.http import Response
    from scrapy.utils.project import get_project_settings

    from crawler.routing import replica_settings
    from crawler.sites import all_sites
    from spiders.site_spider import SiteSpider, spider_class_for

    settings = get_project_settings()
    settings.setdict(replica_settings(replica_url), priority="cmdline")
    settings.set("LOG_LEVEL", "ERROR", priority="cmdline")
    store = tempfile.mkdtemp(prefix="bench-store-")
    settings.set("CRAWLER_STORE", Path(store).as_uri(), priority="cmdline")
    settings.set(
        "CRAWLER_STATE", str(Path(store) / "state.sqlite"), priority="cmdline"
    )  # a first crawl, each time
    if mode == "bare":
        settings.set("ITEM_PIPELINES", {}, priority="cmdline")

    if mode == "full":  # the real job, as `crawler crawl --all` runs it (feed segment and manifest included)
        # What run_crawl imports, imported before its CPU clock starts (bare imports its modules before too).
        import crawler.feed.commit
        import crawler.progress
        import crawler.resume
        import crawler.spool
        import crawler.state
        import crawler.store.local  # noqa: F401 - imported for its cost, like the lines above
        from crawler.runner import run_crawl

        began, cpu_began = time.perf_counter(), time.process_time()
        result = run_crawl(
            list(all_sites()),
            store=Path(store).as_uri(),
            state=str(Path(store) / "state.sqlite"),
            replica_url=replica_url,
            log_level="ERROR",
        )
        seconds = time.perf_counter() - began  # the crawl and the commit of its feed segment and manifest
        cpu_seconds = time.process_time() - cpu_began
        totals = result.totals
        out.write_text(
            json.dumps(
                {
                    "mode": mode,
                    "pages": totals["pages_fetched"],
                    "seconds": seconds,
                    "items": totals["articles_written"],
                    "articles": totals["articles_written"],
                    "cpu_seconds": cpu_seconds,
                }
            )
        )
        return

    def fetch_only(self: SiteSpider, response: Response) -> Iterator[Any]:
        self.crawler.stats.inc_value("crawler/pages/article")
        return iter(())

    cpu_started = time.process_time()
    process = CrawlerProcess(settings)
    crawlers: list[Crawler] = []
    for site in all_sites().values():
        spider_class = spider_class_for(site)
        if mode == "bare":
            spider_class = type(spider_class.__name__, (spider_class,), {"parse_article": fetch_only})
        site_crawler = process.create_crawler(spider_class)  # not `crawler`: that name is the package here
        crawlers.append(site_crawler)
        process.crawl(site_crawler)
    started = time.perf_counter()
    process.start()
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started

    def total(stat: str) -> int:
        counts: list[int] = [int(c.stats.get_value(stat, 0)) for c in crawlers if c.stats]
        return sum(counts)

    out.write_text(
        json.dumps(
            {
                "mode": mode,
                "pages": total("downloader/response_count"),
                "seconds": seconds,
                "items": total("crawler/articles/written"),
                "articles": total("crawler/pages/article"),  # article pages fetched (and dropped)
                "cpu_seconds": cpu_seconds,
            }
        )
    )


def run_child(mode: str, replica_url: str) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out = Path(handle.name)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run(
        [sys.executable, __file__, "--child", mode, "--replica", replica_url, "--out", str(out)],
        check=True,
        env=env,
        cwd=ROOT,
    )
    result: dict[str, Any] = json.loads(out.read_text())
    out.unlink()
    return result


def _cpu_per_thousand(run: dict[str, Any]) -> float:
    """CPU seconds of a child's crawl per 1,000 of its articles."""
    articles = int(run["articles"])
    return float(run["cpu_seconds"]) * 1000 / articles if articles else float("nan")


def extraction_layers() -> dict[str, float]:
    """Median milliseconds per article page of each extraction layer, over every replica article."""
    from crawler.extract import extract_with_timings
    from crawler.sites import all_sites
    from replica import build_replica

    replica = build_replica()
    pages = []
    for key, site in all_sites().items():
        for article in replica.articles(key):
            page = replica.get(article.url)
            pages.append((article.url, page.body, site))
    for url, body, site in pages[:5]:  # warm the selector caches and imports
        extract_with_timings(url, body, site)
    per_layer: dict[str, list[float]] = {}
    for url, body, site in pages:
        _, timings = extract_with_timings(url, body, site)
        for layer in ("parse", "structured", "selectors", "generic", "total"):
            per_layer.setdefault(layer, []).append(getattr(timings, layer) * 1000)
    generic: list[float] = []
    for url, body, _site in pages[:40]:  # the generic layer alone, as for an undeclared portal
        _, timings = extract_with_timings(url, body, None)
        generic.append(timings.generic * 1000)
    result = {layer: statistics.median(values) for layer, values in per_layer.items()}
    result["generic (no site declared)"] = statistics.median(generic)
    result["pages"] = float(len(pages))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", choices=("bare", "full"))
    parser.add_argument("--replica")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.replica, args.out)
        return

    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [sys.executable, "-m", "replica", "--port", str(port)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    replica_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(replica_url + "/")
        runs: dict[str, list[dict[str, Any]]] = {"bare": [], "full": []}
        for round_number in range(args.rounds):
            order = ("bare", "full") if round_number % 2 == 0 else ("full", "bare")
            for mode in order:
                runs[mode].append(run_child(mode, replica_url))
    finally:
        server.terminate()
        server.wait(timeout=10)

    print(f"crawl of every registered site against the replica, {args.rounds} rounds, medians")
    print(f"{'mode':<6} {'pages':>6} {'items':>6} {'seconds':>8} {'pages/s':>8}")
    rates = {}
    for mode in ("bare", "full"):
        seconds = statistics.median(r["seconds"] for r in runs[mode])
        pages = statistics.median(r["pages"] for r in runs[mode])
        items = statistics.median(r["items"] for r in runs[mode])
        rates[mode] = statistics.median(r["pages"] / r["seconds"] for r in runs[mode])
        print(f"{mode:<6} {pages:>6.0f} {items:>6.0f} {seconds:>8.2f} {rates[mode]:>8.1f}")
    print(f"full / bare = {rates['full'] / rates['bare']:.2f}  (goal >= 0.70)")
    cpu = {mode: statistics.median(_cpu_per_thousand(r) for r in runs[mode]) for mode in ("bare", "full")}
    ratio = cpu["full"] / cpu["bare"] if cpu["bare"] else float("nan")
    print(f"CPU s / 1,000 articles: full {cpu['full']:.2f}, bare {cpu['bare']:.2f}, ratio {ratio:.2f}")
    for mode in ("bare", "full"):
        cpu_seconds = statistics.median(r["cpu_seconds"] for r in runs[mode])
        articles = statistics.median(r["articles"] for r in runs[mode])
        print(f"  {mode:<6} {cpu_seconds:6.2f} CPU s for {articles:.0f} articles")

    layers = extraction_layers()
    print(f"\nextraction per article page, median ms over {layers.pop('pages'):.0f} replica pages")
    for layer, ms in layers.items():
        print(f"  {layer:<28} {ms:7.2f} ms")


if __name__ == "__main__":
    main()
