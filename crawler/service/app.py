"""The service: run history, run supervisor, scheduler and auth wired together, started and stopped as one."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field

from crawler.monitor.engine import Monitor
from crawler.service.auth import TokenAuth
from crawler.service.config import ServiceConfig
from crawler.service.history import RunHistory
from crawler.service.metrics import HistoryCollector, build_registry
from crawler.service.runs import RunManager
from crawler.service.scheduler import Clock, Scheduler, SystemClock
from crawler.sites import all_sites

log = logging.getLogger("crawler.service")


@dataclass
class Service:
    config: ServiceConfig
    auth: TokenAuth
    clock: Clock = field(default_factory=SystemClock)
    schedule_enabled: bool = True
    environ: Mapping[str, str] | None = None

    def __post_init__(self) -> None:
        self.history = RunHistory(self.config.state)
        self.runs = RunManager(self.history, self.config, now=self.clock.now)
        self.monitor = Monitor(self.history, self.config.monitor, now=self.clock.now)
        self.runs.after_run = self.monitor.after_run
        if self.environ is not None:
            self.runs.environ = self.environ
        self.scheduler = Scheduler(self.config, self.history, self.runs.submit, clock=self.clock)
        self.registry = build_registry(
            HistoryCollector(
                self.history, lambda: all_sites().keys(), self.scheduler.schedules, self.clock.now
            )
        )
        self.started = False

    def start(self) -> None:
        self.runs.start()
        if self.schedule_enabled:
            self.scheduler.start()
        self.started = True
        log.info(
            "service started: state %s, store %s, at most %d runs at once, auth %s, schedule %s",
            self.config.state,
            self.config.store,
            self.config.max_concurrent_runs,
            "on" if self.auth.enabled else "OFF (--insecure-no-auth)",
            "on" if self.schedule_enabled else "off",
        )

    def begin_shutdown(self) -> None:
        """From the signal handler: take no new work from now on (cheap, no blocking)."""
        self.runs.stopping = True
        self.scheduler.request_stop()

    def stop(self) -> None:
        log.info(
            "service stopping: letting running crawls stop (grace %.0f s)", self.config.stop_grace_seconds
        )
        self.begin_shutdown()
        self.scheduler.stop()
        self.runs.shutdown()
        self.monitor.close()
        self.started = False
        log.info("service stopped")
