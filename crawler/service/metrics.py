"""`/metrics`: Prometheus text exposition of the run history, read from SQLite at each scrape.

Written with prometheus_client's custom-collector API (its exposition format, escaping and content type are
the reference implementation's) over its own registry, so nothing is kept in process memory that a restart
would lose: the counters are sums over the history database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.metrics_core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    Metric,
    SummaryMetricFamily,
)
from prometheus_client.registry import Collector

from crawler.runs import ACTIVE, FINISHED
from crawler.service.history import RunHistory
from crawler.service.scheduler import SiteSchedule

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


class HistoryCollector(Collector):
    def __init__(
        self,
        history: RunHistory,
        sites: Callable[[], Iterable[str]],
        schedules: Callable[[], Mapping[str, SiteSchedule]],
        now: Callable[[], datetime],
    ) -> None:
        self.history = history
        self.sites = sites
        self.schedules = schedules
        self.now = now

    def collect(self) -> Iterable[Metric]:
        totals = {t.site: t for t in self.history.totals()}
        keys = sorted(set(self.sites()) | set(totals))
        runs = CounterMetricFamily(
            "crawler_runs", "Finished runs by site and final state.", labels=["site", "state"]
        )
        pages = CounterMetricFamily(
            "crawler_pages_fetched", "Pages fetched by finished runs.", labels=["site"]
        )
        articles = CounterMetricFamily(
            "crawler_articles_written", "Articles written to the store by finished runs.", labels=["site"]
        )
        rejects = CounterMetricFamily(
            "crawler_rejects", "Articles rejected by finished runs.", labels=["site"]
        )
        errors = CounterMetricFamily("crawler_errors", "Errors counted by finished runs.", labels=["site"])
        duration = SummaryMetricFamily(
            "crawler_run_duration_seconds", "Wall time of finished runs.", labels=["site"]
        )
        last_duration = GaugeMetricFamily(
            "crawler_last_run_duration_seconds",
            "Wall time of the site's latest finished run.",
            labels=["site"],
        )
        last_success = GaugeMetricFamily(
            "crawler_last_success_timestamp_seconds",
            "When the site's latest successful run ended.",
            labels=["site"],
        )
        for key in keys:
            t = totals.get(key)
            for state in FINISHED:
                runs.add_metric([key, state], t.runs_by_state.get(state, 0) if t else 0)
            pages.add_metric([key], t.pages if t else 0)
            articles.add_metric([key], t.articles if t else 0)
            rejects.add_metric([key], t.rejects if t else 0)
            errors.add_metric([key], t.errors if t else 0)
            duration.add_metric(
                [key], count_value=t.duration_count if t else 0, sum_value=t.duration_sum if t else 0
            )
            if t and t.last_duration is not None:
                last_duration.add_metric([key], t.last_duration)
            if t and t.last_success is not None:
                last_success.add_metric([key], t.last_success.timestamp())
        active = GaugeMetricFamily("crawler_runs_active", "Runs queued or running now.", labels=["state"])
        current = self.history.active()
        for state in ACTIVE:
            active.add_metric([state], sum(1 for run in current if run.state == state))
        next_run = GaugeMetricFamily(
            "crawler_next_run_timestamp_seconds",
            "When the site's next scheduled run starts.",
            labels=["site"],
        )
        scheduled = GaugeMetricFamily(
            "crawler_site_scheduled", "1 where the site is on the nightly schedule, else 0.", labels=["site"]
        )
        moment = self.now()
        for key, schedule in sorted(self.schedules().items()):
            scheduled.add_metric([key], 1 if schedule.scheduled else 0)
            fire = schedule.next_fire(moment)
            if fire is not None:
                next_run.add_metric([key], fire.timestamp())
        yield from (runs, pages, articles, rejects, errors, duration, last_duration, last_success, active)
        yield from (next_run, scheduled)


def build_registry(collector: Collector) -> CollectorRegistry:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(collector)
    return registry


def render(registry: CollectorRegistry) -> bytes:
    return generate_latest(registry)
