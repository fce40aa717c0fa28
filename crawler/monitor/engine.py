"""The monitors after each finished run of the service: figures, checks against the site's trailing runs,
alerts opened, kept or resolved in the run history, each new or resolved one logged and sent to the webhook.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from crawler.monitor.alerts import EVENT_OPENED, EVENT_RESOLVED, drafts
from crawler.monitor.findings import LAYOUT_DRIFT, SITE_UNREACHABLE, Evaluation, evaluate, unreachable
from crawler.monitor.metrics import RunMetrics
from crawler.monitor.store import ALERT_OPEN, Alert, MonitorStore
from crawler.monitor.thresholds import MonitorConfig
from crawler.monitor.webhook import WebhookSender
from crawler.runs import FAILED, SUCCEEDED, utcnow

log = logging.getLogger("crawler.monitor")


class Run(Protocol):
    """What the monitors read of a finished run (the service's `crawler.service.history.Run`)."""

    @property
    def id(self) -> int: ...
    @property
    def site(self) -> str: ...
    @property
    def state(self) -> str: ...
    @property
    def stats(self) -> dict[str, Any] | None: ...
    @property
    def finished_at(self) -> datetime | None: ...
    @property
    def log_path(self) -> Path | None: ...


@dataclass
class Outcome:
    """What the monitors did with one run."""

    metrics: RunMetrics
    findings: list[dict[str, Any]]
    opened: list[Alert] = field(default_factory=list)
    still_open: list[Alert] = field(default_factory=list)
    resolved: list[Alert] = field(default_factory=list)


class Monitor:
    """Evaluates each finished run (`after_run`, called by the run supervisor) and keeps the alerts."""

    def __init__(
        self,
        history: MonitorStore,
        config: MonitorConfig,
        *,
        now: Callable[[], datetime] = utcnow,
        sender: WebhookSender | None = None,
    ) -> None:
        self.history = history
        self.config = config
        self.now = now
        self.sender = sender
        if sender is None and config.webhook:
            self.sender = WebhookSender(config.webhook, timeout=config.webhook_timeout)

    def close(self) -> None:
        if self.sender is not None:
            self.sender.close()

    def after_run(self, run: Run) -> Outcome | None:
        """Judge a finished run; None where there is nothing to judge (cancelled, no stats of the site, or a
        failure other than an unreachable site). A succeeded run without the monitors' figures (a crawl
        command of its own) is judged on reachability only."""
        if run.state not in (SUCCEEDED, FAILED) or not run.stats:
            return None
        site_stats = (run.stats.get("sites") or {}).get(run.site)
        if not isinstance(site_stats, dict):
            return None
        metrics = RunMetrics.from_site_stats(site_stats)
        thresholds = self.config.for_site(run.site)
        down = unreachable(metrics, thresholds) if "pages_fetched" in site_stats else None
        if down is not None:
            evaluation = Evaluation([down], frozenset({SITE_UNREACHABLE}))
        elif run.state != SUCCEEDED:
            return None
        elif "monitor" not in site_stats:
            if "pages_fetched" not in site_stats:
                return None
            evaluation = Evaluation([], frozenset({SITE_UNREACHABLE}))
            if not self.history.alerts(state=ALERT_OPEN, site=run.site, limit=1):
                return None  # nothing to judge, nothing to resolve
        else:
            baseline = [
                RunMetrics.from_json(result.metrics)
                for result in self.history.baseline(run.site, run.id, thresholds.trailing_runs)
            ]
            evaluation = evaluate(metrics, baseline, thresholds)
        findings = [f.to_json() for f in evaluation.findings]
        now = self.now()
        outcome = Outcome(metrics, findings)
        wanted = drafts(run.site, evaluation)
        for draft in wanted.values():
            alert, created = self.history.open_alert(
                key=draft.key,
                site=draft.site,
                kind=draft.kind,
                name=draft.name,
                field=draft.field,
                message=draft.message,
                details=draft.details(),
                run_id=run.id,
                now=now,
            )
            (outcome.opened if created else outcome.still_open).append(alert)
        for alert in self.history.alerts(state=ALERT_OPEN, site=run.site, limit=1000):
            if alert.key not in wanted and alert.name in evaluation.judged:
                outcome.resolved.append(self.history.resolve_alert(alert.id, run.id, now=now))
        self._report(run, outcome)
        # Saved last: a run record that shows the monitors' result shows their alerts and log lines too.
        self.history.save_monitor_result(
            run.id,
            run.site,
            judged=LAYOUT_DRIFT in evaluation.judged,
            healthy=not evaluation.drift and down is None,
            metrics=metrics.to_json(),
            findings=findings,
            now=now,
        )
        return outcome

    def _report(self, run: Run, outcome: Outcome) -> None:
        lines: list[str] = []
        for alert in outcome.opened:
            samples = ", ".join(alert.details.get("sample_urls") or []) or "none"
            log.warning("run %d: alert %d opened: %s (samples: %s)", run.id, alert.id, alert.message, samples)
            lines.append(f"# monitor: alert {alert.id} opened: {alert.message} (samples: {samples})")
            self._send(EVENT_OPENED, alert, run)
        for alert in outcome.still_open:
            log.info("run %d: alert %d still open: %s", run.id, alert.id, alert.message)
            lines.append(f"# monitor: alert {alert.id} still open: {alert.message}")
        for alert in outcome.resolved:
            log.info("run %d: alert %d resolved: %s", run.id, alert.id, alert.message)
            lines.append(f"# monitor: alert {alert.id} resolved: {alert.message}")
            self._send(EVENT_RESOLVED, alert, run)
        if not lines:
            lines.append(f"# monitor: no alerts ({outcome.metrics.items} articles judged)")
        if run.log_path is not None:
            try:
                with run.log_path.open("a", encoding="utf-8") as handle:
                    handle.write("\n".join(lines) + "\n")
            except OSError as exc:
                log.warning("run %d: cannot append the monitors' lines to its log: %s", run.id, exc)

    def _send(self, event: str, alert: Alert, run: Run) -> None:
        if self.sender is None:
            return
        self.sender.send(
            {
                "event": event,
                "alert": alert.to_json(),
                "run": {"id": run.id, "site": run.site, "finished_at": _iso(run.finished_at)},
            }
        )


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None
