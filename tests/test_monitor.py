"""Monitors after every run: coverage counts, checks, layout drift, alerts kept open, the webhook, `crawler check`.

The end-to-end test starts the real service crawling the replica, lets a few clean runs make the baseline,
renames family C's body class in the replica (a portal redesign) and expects exactly one drift alert per
family C site, in the run record and at a webhook receiver the test runs, and none for the other site.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from processes import free_port
from scrapy.utils.test import get_crawler

from crawler.item import Article, Rejected
from crawler.monitor.engine import Monitor
from crawler.monitor.findings import evaluate
from crawler.monitor.metrics import RunMetrics, monitor_stats
from crawler.monitor.store import ALERT_OPEN
from crawler.monitor.thresholds import MonitorConfig, Thresholds
from crawler.monitor.webhook import WebhookSender
from crawler.runs import RUNNING, SUCCEEDED
from crawler.service.config import ConfigError, load_config
from crawler.service.history import Run, RunHistory
from crawler.sites import get_site
from pipelines.coverage import CoveragePipeline

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "tok-" + secrets.token_hex(16)
C_SITES = ("baohaiphong", "hanoimoi")
OTHER = "baodongthap"
REDESIGN = {"b-maincontent": "article__body"}


# -- helpers ---------------------------------------------------------------------------------------------


def site_stats(
    items: int = 10, *, generic: dict[str, int] | None = None, seconds: float = 5.0
) -> dict[str, Any]:
    """One site's entry of a crawl's stats.json with the monitors' figures: every field from the family's
    selectors, except `generic` (field -> items the generic layer filled)."""
    generic = generic or {}
    fields = {
        name: {
            "family": items - generic.get(name, 0),
            **({"generic": generic[name]} if name in generic else {}),
        }
        for name in ("body_text", "title", "published_at", "lead", "authors", "section", "tags", "images")
    }
    samples = {
        name: [f"https://hanoimoi.vn/bai-{i}-1234{i}.html" for i in range(min(n, 5))]
        for name, n in generic.items()
    }
    return {
        "pages_fetched": items * 2,
        "articles_written": items,
        "rejects": 0,
        "errors": 0,
        "monitor": {
            "items": items,
            "fields": fields,
            "quality": {name: items for name in ("title", "published_at", "authors", "body_text", "images")},
            "fallback_samples": samples,
            "status": {"200": items * 2},
            "seconds": seconds,
        },
    }


def finished_run(history: RunHistory, site: str, stats: dict[str, Any] | None) -> Run:
    """A run of `site` recorded as succeeded with these stats, as the supervisor records one."""
    run = history.create(site, "manual", owner=(os.getpid(), "test"))
    history.transition(run.id, RUNNING, started_at=datetime.now(UTC))
    return history.transition(
        run.id,
        SUCCEEDED,
        finished_at=datetime.now(UTC),
        stats={"sites": {site: stats}} if stats is not None else None,
        articles=(stats or {}).get("articles_written"),
    )


class Receiver:
    """A webhook receiver on a free port: every POSTed JSON body, in order."""

    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []
        received = self.events

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                received.append(json.loads(self.rfile.read(length)))
                self.send_response(204)
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def wait_for(self, count: int, timeout: float = 15.0) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while len(self.events) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)  # and nothing more arrives
        return list(self.events)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    hook = Receiver()
    yield hook
    hook.close()


def small_replica(*keys: str) -> Any:
    """A replica of only these sites (quick to build, and the crawl touches no other)."""
    from replica import Replica
    from replica.corpus import default_corpus

    sites = {key: get_site(key) for key in keys}
    return Replica(default_corpus(sites.values()), sites=sites)


def http_json(method: str, url: str, token: str | None = None) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    request = urllib.request.Request(url, method=method, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


# -- the coverage pipeline -------------------------------------------------------------------------------


def test_coverage_pipeline_counts_layers_coverage_and_samples_of_fallbacks() -> None:
    crawler = get_crawler(settings_dict={"CRAWLER_MIN_BODY_WORDS": 5})
    pipeline = CoveragePipeline.from_crawler(crawler)

    def article(n: int, body_layer: str) -> Article:
        return Article(
            url=f"https://hanoimoi.vn/bai-{n}-1234{n}.html",
            site="hanoimoi",
            domain="hanoimoi.vn",
            province="Hà Nội",
            fetched_at="2026-11-25T02:00:00+07:00",
            title="Tiêu đề",
            body_text="một hai ba bốn năm sáu" if n else "ngắn",
            published_at="2026-11-24T10:00:00+07:00",
            date_source="dateline" if n != 2 else "feed",
            authors=["Minh Anh"] if n else [],
            field_sources={"title": "structured", "body_text": body_layer, "published_at": "family"},
        )

    for n, layer in enumerate(("family", "generic", "generic")):
        assert pipeline.process_item(article(n, layer)) is not None
    rejected = Rejected(article(9, "family"), reason="x", stage="validation")
    assert pipeline.process_item(rejected) is rejected

    stats = crawler.stats.get_stats()
    assert stats["crawler/fields/items"] == 3
    assert stats["crawler/fields/body_text/family"] == 1
    assert stats["crawler/fields/body_text/generic"] == 2
    assert stats["crawler/fields/title/structured"] == 3
    assert stats["crawler/fields/lead/missing"] == 3
    assert stats["crawler/quality/body_text"] == 2  # the first body is one word
    assert stats["crawler/quality/published_at"] == 2  # the third date came from the feed
    assert stats["crawler/quality/authors"] == 2
    assert "crawler/quality/images" not in stats
    assert stats["crawler/fields/samples"]["body_text"] == [
        "https://hanoimoi.vn/bai-1-12341.html",
        "https://hanoimoi.vn/bai-2-12342.html",
    ]
    metrics = RunMetrics.from_site_stats({"monitor": monitor_stats(stats)})
    assert metrics.fallback["body_text"] == pytest.approx(2 / 3, abs=1e-3)
    assert metrics.coverage["images"] == 0.0


def test_coverage_pipeline_is_registered_after_dates_and_before_dedupe() -> None:
    from crawler import settings

    order = settings.ITEM_PIPELINES
    cov = order["pipelines.coverage.CoveragePipeline"]
    assert order["pipelines.dates.DatesPipeline"] < cov < order["pipelines.dedupe.DedupePipeline"]


# -- checks ----------------------------------------------------------------------------------------------


def test_clean_run_has_no_findings_and_a_redesign_is_drift_with_figures_and_samples() -> None:
    t = Thresholds()
    base = [RunMetrics.from_site_stats(site_stats(10)) for _ in range(3)]
    assert evaluate(RunMetrics.from_site_stats(site_stats(10)), base, t).findings == []

    broken = RunMetrics.from_site_stats(site_stats(10, generic={"body_text": 10, "images": 9}))
    drift = evaluate(broken, base, t).drift
    assert [(f.field, f.before, f.after) for f in drift] == [("body_text", 0.0, 1.0), ("images", 0.0, 0.9)]
    assert drift[0].samples and all(u.startswith("https://hanoimoi.vn/") for u in drift[0].samples)

    # under the threshold: no drift; too few items: not judged at all
    assert evaluate(RunMetrics.from_site_stats(site_stats(10, generic={"body_text": 3})), base, t).drift == []
    few = evaluate(RunMetrics.from_site_stats(site_stats(2, generic={"body_text": 2})), base, t)
    assert few.drift == [] and "layout_drift" not in few.judged
    assert [f.name for f in few.findings] == ["items"]  # but so few articles are an alert of their own


def test_coverage_drop_items_drop_and_ratio_checks() -> None:
    t = Thresholds()
    base = [RunMetrics.from_site_stats(site_stats(20)) for _ in range(3)]
    stats = site_stats(6)
    stats["monitor"]["quality"]["authors"] = 1  # authors fell from 100% to 17%
    stats["rejects"], stats["errors"] = 4, 5
    stats["monitor"]["status"] = {"200": 8, "503": 4}
    found = {(f.kind, f.name, f.field) for f in evaluate(RunMetrics.from_site_stats(stats), base, t).findings}
    assert ("drift", "layout_drift", "authors") in found
    assert ("check", "items", None) in found
    assert ("check", "reject_ratio", None) in found
    assert ("check", "error_ratio", None) in found
    assert ("check", "bad_status_ratio", None) in found
    # without a baseline there is nothing to compare a drop with
    alone = evaluate(RunMetrics.from_site_stats(stats), [], t)
    assert not any(f.name in ("items",) or f.field == "authors" for f in alone.findings)


def test_thresholds_per_site_and_the_monitor_section_of_the_config(tmp_path: Path) -> None:
    config = tmp_path / "service.toml"
    config.write_text(
        '[monitor]\nwebhook = "http://127.0.0.1:9/hook"\nfallback_max = 0.4\nmin_items = 3\n'
        "[monitor.min_coverage]\ntitle = 0.9\n[monitor.sites.hanoimoi]\nfallback_max = 0.6\n"
    )
    monitor = load_config(config).monitor
    assert monitor.webhook == "http://127.0.0.1:9/hook"
    assert monitor.for_site("baohaiphong").fallback_max == 0.4
    assert monitor.for_site("hanoimoi").fallback_max == 0.6
    assert monitor.for_site("hanoimoi").min_items == 3
    assert monitor.for_site("hanoimoi").min_coverage["title"] == 0.9
    assert monitor.for_site("hanoimoi").min_coverage["published_at"] == 0.8  # the default kept
    for bad, message in (
        ("[monitor]\nfallbak_max = 0.4\n", "unknown threshold 'fallbak_max'"),
        ("[monitor]\nfallback_max = 4\n", "fallback_max must be a share"),
        ('[monitor]\nwebhook = "ftp://x"\n', "webhook must be an http"),
        ("[monitor.sites.nosuchsite]\nmin_items = 1\n", "unknown site(s): nosuchsite"),
    ):
        config.write_text(bad)
        with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
            load_config(config)


# -- alerts kept in the history --------------------------------------------------------------------------


def test_an_alert_opens_once_stays_open_without_repeating_and_resolves(
    tmp_path: Path, receiver: Receiver
) -> None:
    history = RunHistory(tmp_path / "service.sqlite")
    sender = WebhookSender(receiver.url, timeout=5)
    monitor = Monitor(history, MonitorConfig(), sender=sender)
    for _ in range(2):
        outcome = monitor.after_run(finished_run(history, "hanoimoi", site_stats(10)))
        assert outcome is not None and not outcome.opened
    broken = site_stats(10, generic={"body_text": 10})
    first = monitor.after_run(finished_run(history, "hanoimoi", broken))
    again = monitor.after_run(finished_run(history, "hanoimoi", broken))
    assert first is not None and again is not None
    assert [(a.site, a.kind, a.field) for a in first.opened] == [("hanoimoi", "drift", "body_text")]
    assert again.opened == [] and [a.id for a in again.still_open] == [first.opened[0].id]
    assert history.alerts(state=ALERT_OPEN)[0].seen_count == 2
    # a run with too few articles cannot judge the selectors: the alert stays open
    thin = monitor.after_run(finished_run(history, "hanoimoi", site_stats(2)))
    assert thin is not None and thin.resolved == []
    assert thin.still_open == [] and "drift:hanoimoi" in [a.key for a in history.alerts(state=ALERT_OPEN)]
    assert [a.key for a in thin.opened] == ["check:hanoimoi:items"]
    # the drifted runs are not the baseline: the clean run after them compares with the clean ones
    fixed = monitor.after_run(finished_run(history, "hanoimoi", site_stats(10)))
    assert fixed is not None and first.opened[0].id in [a.id for a in fixed.resolved]
    assert history.alerts(state=ALERT_OPEN) == []
    # runs without the monitors' figures (another crawl command) are not judged
    assert monitor.after_run(finished_run(history, "hanoimoi", {"articles_written": 3})) is None
    sender.close()
    events = [e for e in receiver.wait_for(4) if e["alert"]["kind"] == "drift"]
    assert [e["event"] for e in events] == ["alert.opened", "alert.resolved"]
    assert events[0]["alert"]["site"] == "hanoimoi" and events[0]["alert"]["field"] == "body_text"
    assert events[0]["alert"]["details"]["before"] == 0.0 and events[0]["alert"]["details"]["after"] == 1.0
    history.close()


def test_webhook_sender_retries_and_gives_up_without_blocking(tmp_path: Path) -> None:
    sender = WebhookSender(f"http://127.0.0.1:{free_port()}/hook", timeout=1, attempts=2, pause=0.05)
    started = time.monotonic()
    sender.send({"event": "alert.opened", "alert": {"id": 1}})
    assert time.monotonic() - started < 0.1  # queued, not sent on the caller's thread
    sender.close(timeout=10)
    assert sender.failed == 1 and sender.sent == 0


# -- crawler check ---------------------------------------------------------------------------------------


def test_crawler_check_passes_on_the_replica_and_fails_after_a_redesign(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from crawler.cli import main
    from crawler.monitor.site_check import check_site, replica_fetch
    from replica import ReplicaServer

    with ReplicaServer(small_replica("hanoimoi", OTHER)) as server:
        assert main(["check", "hanoimoi", "--pages", "3", "--replica", server.base_url]) == 0
        out = capsys.readouterr().out
        assert "body_text" in out and "OK: the site's own selectors matched on 3 of 3 pages" in out
        server.replica.redesign("C", REDESIGN)
        assert main(["check", "hanoimoi", "--pages", "3", "--replica", server.base_url]) == 1
        out = capsys.readouterr().out
        assert "FAIL: the site's own selectors no longer match" in out and "https://hanoimoi.vn/" in out
        assert "lost: body_text" in out
        report = check_site(get_site("hanoimoi"), replica_fetch(server.base_url), pages=3)
        assert len(report.pages) == 3
        assert all(p.layers["body_text"] == "generic" for p in report.pages)
        # another family is not affected
        assert main(["check", OTHER, "--pages", "2", "--replica", server.base_url]) == 0


def test_crawler_check_without_any_article_page_says_so_with_exit_2() -> None:
    from crawler.monitor.site_check import check_site

    report = check_site(get_site("hanoimoi"), lambda url: (503, b""), pages=3)
    assert report.exit_code == 2 and report.pages == []
    assert "no article page could be fetched" in report.render()


def test_a_replica_redesign_renames_class_tokens_of_one_family_only() -> None:
    from replica.redesign import Redesign

    redesign = Redesign("C", {"b-maincontent": "article__body"})
    html = '<div class="b-maincontent x"><p class="b-maincontent-note">a</p></div><div class="y">'
    assert redesign.apply(html) == (
        '<div class="article__body x"><p class="b-maincontent-note">a</p></div><div class="y">'
    )
    replica = small_replica("hanoimoi", OTHER)
    c_page, a_page = (replica.get(replica.articles(key)[-1].url).body for key in ("hanoimoi", OTHER))
    replica.redesign("C", REDESIGN)
    assert b'class="article__body"' in replica.get(replica.articles("hanoimoi")[-1].url).body
    assert replica.get(replica.articles(OTHER)[-1].url).body == a_page
    replica.redesign("C", None)
    assert replica.get(replica.articles("hanoimoi")[-1].url).body == c_page


# -- end to end: the service crawling the replica --------------------------------------------------------


def _start_service(folder: Path, replica_url: str, webhook: str) -> tuple[subprocess.Popen[bytes], str]:
    command = [
        sys.executable, "-m", "crawler.cli", "crawl", "{site}", "--store", "{store}",
        "--state", "{run_dir}/state.sqlite", "--stats-json", "{stats_json}",
        "--replica", replica_url, "--limit", "5", "--log-level", "WARNING",
    ]  # fmt: skip
    config = folder / "service.toml"
    config.write_text(
        f"[service]\nmax_concurrent_runs = 3\nstop_grace_seconds = 5\n[crawl]\ncommand = {json.dumps(command)}\n"
        f'[monitor]\nwebhook = "{webhook}"\nmin_items = 3\n'
    )
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CRAWLER_API_TOKEN")}
    env.update(CRAWLER_API_TOKEN=TOKEN, PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""))
    argv = [
        sys.executable, "-m", "crawler.service", "serve", "--port", str(port), "--no-schedule",
        "--state", str(folder / "service.sqlite"), "--store", f"file://{folder / 'store'}", "--config", str(config),
    ]  # fmt: skip
    log = (folder / "service.log").open("wb")
    proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, cwd=folder, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert proc.poll() is None, (folder / "service.log").read_text()
        try:
            http_json("GET", url + "/healthz")
            return proc, url
        except OSError:
            time.sleep(0.1)
    raise AssertionError("the service did not come up")


def _round(url: str, sites: tuple[str, ...]) -> dict[str, Any]:
    """Crawl each site once (concurrently) through the API; each finished run's record, by site."""
    ids = {site: http_json("POST", f"{url}/sites/{site}/crawl", TOKEN)["run_id"] for site in sites}
    runs: dict[str, Any] = {}
    deadline = time.monotonic() + 180
    while len(runs) < len(ids) and time.monotonic() < deadline:
        for site, run_id in ids.items():
            run = http_json("GET", f"{url}/runs/{run_id}?log_lines=30", TOKEN)
            if run["state"] not in ("queued", "running"):
                runs[site] = run
        time.sleep(0.2)
    assert len(runs) == len(ids), "runs did not finish in time"
    for site, run in runs.items():
        assert run["state"] == "succeeded", (site, run["log_tail"])
        assert run["monitor"] is not None and run["monitor"]["judged"], (site, run["monitor"])
    return runs


def _drift_events(events: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    by_site: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        if event["event"] == "alert.opened":
            by_site.setdefault(event["alert"]["site"], []).append(event["alert"])
    return by_site


def test_a_replica_redesign_raises_one_drift_alert_per_affected_site(
    tmp_path: Path, receiver: Receiver
) -> None:
    from replica import ReplicaServer

    sites = (*C_SITES, OTHER)
    with ReplicaServer(small_replica(*sites)) as replica:
        proc, url = _start_service(tmp_path, replica.base_url, receiver.url)
        try:
            for _ in range(2):  # clean runs: the baseline, and no alert
                for site, run in _round(url, sites).items():
                    assert run["monitor"]["alerts"] == [] and run["monitor"]["findings"] == [], site
                    assert run["monitor"]["healthy"]
            assert receiver.wait_for(0, timeout=0) == []

            replica.replica.redesign("C", REDESIGN)  # family C prints its body under a new class
            runs = _round(url, sites)
            for site in C_SITES:
                alerts = runs[site]["monitor"]["alerts"]
                assert len(alerts) == 1, (site, alerts)
                alert = alerts[0]
                assert (alert["site"], alert["kind"], alert["field"], alert["state"]) == (
                    site,
                    "drift",
                    "body_text",
                    "open",
                )
                assert alert["details"]["before"] == 0.0 and alert["details"]["after"] == 1.0
                domain = get_site(site).domain
                assert alert["details"]["sample_urls"]
                assert all(f"://{domain}/" in u for u in alert["details"]["sample_urls"])
                assert any("alert" in line and "opened" in line for line in runs[site]["log_tail"])
            assert runs[OTHER]["monitor"]["alerts"] == [] and runs[OTHER]["monitor"]["findings"] == []

            events = _drift_events(receiver.wait_for(len(C_SITES)))
            assert sorted(events) == sorted(C_SITES)
            for site in C_SITES:
                assert [(a["kind"], a["field"]) for a in events[site]] == [("drift", "body_text")]
                assert events[site][0]["id"] == runs[site]["monitor"]["alerts"][0]["id"]
                assert events[site][0]["details"]["sample_urls"]

            # the next night, still redesigned: the alert stays open and is not sent again
            again = _round(url, C_SITES)
            for site in C_SITES:
                assert again[site]["monitor"]["alerts"] == []
                assert [a["id"] for a in again[site]["monitor"]["still_open"]] == [
                    runs[site]["monitor"]["alerts"][0]["id"]
                ]
            assert len(receiver.wait_for(len(C_SITES) + 1, timeout=1.5)) == len(C_SITES)
            open_alerts = http_json("GET", f"{url}/alerts?state=open")
            assert sorted(a["site"] for a in open_alerts) == sorted(C_SITES)
            with urllib.request.urlopen(url + "/", timeout=10) as response:
                page = response.read().decode()
            for alert in open_alerts:
                assert f'id="alert-{alert["id"]}"' in page
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
