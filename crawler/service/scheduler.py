"""The nightly schedule: a cron expression per site, spread, caught up once after downtime.

Each site has a cron expression (the default, `0 2 * * *` in Asia/Ho_Chi_Minh, or its override) and a stable
offset of 0..spread minutes taken from a hash of its key, so the portals are not all hit at the same minute
and each site starts at the same time every night. A site fires at `slot + offset`.

The last slot fired for each site is kept in the history database. On each tick the scheduler takes the latest
slot that is due; if it is newer than the last one fired, it fires once and records that slot. After downtime
of any length that is one run (a "catch-up"), not one per missed night. The first time the service sees a site
it records the latest slot without firing: a fresh deployment does not crawl everything at once.

Sites whose registry `active_to` is past (archives of merged papers) or whose `active_from` is still ahead are
not scheduled. The clock is injectable (`Clock`): tests drive `tick()` with a clock they move by hand.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from cronsim import CronSim

from crawler.service.config import ServiceConfig
from crawler.service.history import RunHistory, SiteBusyError
from crawler.service.runs import ServiceStoppingError
from crawler.sites import Site, all_sites

log = logging.getLogger("crawler.service.scheduler")

ON_TIME = timedelta(minutes=15)  # fired later than this after its time, a run counts as a catch-up
MAX_SLEEP = 60.0  # the loop re-reads the clock at least this often (suspend, clock changes)


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


def spread_offset(site_key: str, spread_minutes: int) -> timedelta:
    """A stable offset in [0, spread) seconds from a hash of the key (the same on every machine and start)."""
    if spread_minutes <= 0:
        return timedelta(0)
    digest = hashlib.sha256(site_key.encode()).digest()
    return timedelta(seconds=int.from_bytes(digest[:8], "big") % (spread_minutes * 60))


@dataclass(frozen=True)
class SiteSchedule:
    site: str
    cron: str | None
    offset: timedelta
    tz: ZoneInfo
    skip_reason: str | None = None  # why the site is not scheduled (off, archived, not active yet)

    @property
    def scheduled(self) -> bool:
        return self.cron is not None and self.skip_reason is None

    def latest_slot(self, now: datetime) -> datetime | None:
        """The latest slot whose fire time (slot + offset) is at or before `now`."""
        if not self.scheduled or self.cron is None:
            return None
        probe = (now - self.offset).astimezone(self.tz).replace(microsecond=0) + timedelta(seconds=1)
        return next(CronSim(self.cron, probe, reverse=True))

    def next_fire(self, now: datetime) -> datetime | None:
        """When the site fires next, strictly after `now`."""
        if not self.scheduled or self.cron is None:
            return None
        slot = next(CronSim(self.cron, (now - self.offset).astimezone(self.tz).replace(microsecond=0)))
        return slot + self.offset


@dataclass(frozen=True)
class Fired:
    site: str
    trigger: str  # "schedule" or "catch-up"
    slot: datetime
    run_id: int | None  # None where the site was busy


def schedule_for(site: Site, config: ServiceConfig, today: date) -> SiteSchedule:
    cron = config.cron_for(site.key)
    reason = None
    if cron is None:
        reason = "schedule off in the config"
    elif site.active_to is not None and site.active_to < today:
        reason = f"archive: the site stopped publishing on {site.active_to.isoformat()}"
    elif site.active_from is not None and site.active_from > today:
        reason = f"not active until {site.active_from.isoformat()}"
    return SiteSchedule(site.key, cron, spread_offset(site.key, config.spread_minutes), config.tz, reason)


@dataclass
class Scheduler:
    config: ServiceConfig
    history: RunHistory
    submit: Callable[[str, str], object]  # (site, trigger) -> the run (its `id` is read if present)
    clock: Clock = field(default_factory=SystemClock)
    sites: Mapping[str, Site] = field(default_factory=all_sites)
    _stop: threading.Event = field(default_factory=threading.Event, init=False)
    _thread: threading.Thread | None = field(default=None, init=False)

    def schedules(self, now: datetime | None = None) -> dict[str, SiteSchedule]:
        today = (now or self.clock.now()).astimezone(self.config.tz).date()
        return {key: schedule_for(site, self.config, today) for key, site in self.sites.items()}

    def tick(self) -> list[Fired]:
        """Fire every site whose latest due slot has not been fired yet; return what fired."""
        now = self.clock.now()
        fired: list[Fired] = []
        for key, schedule in self.schedules(now).items():
            slot = schedule.latest_slot(now)
            if slot is None:
                continue
            last = self.history.last_slot(key)
            if last is None:
                self.history.set_last_slot(key, slot)  # first sight: start counting from here
                continue
            if slot <= last:
                continue
            late = now - (slot + schedule.offset)
            trigger = "schedule" if late <= ON_TIME else "catch-up"
            if trigger == "catch-up" and not self.config.catch_up:
                log.info("%s: missed the %s slot, catch-up is off", key, slot.isoformat())
                self.history.set_last_slot(key, slot)
                continue
            try:
                run = self.submit(key, trigger)
            except ServiceStoppingError:
                return fired  # leave the slot unfired: the next start catches it up
            except SiteBusyError as exc:
                log.info("%s: slot %s skipped, run %s is still active", key, slot.isoformat(), exc.run_id)
                run = None
            self.history.set_last_slot(key, slot)
            run_id = getattr(run, "id", None)
            fired.append(Fired(key, trigger, slot, run_id if isinstance(run_id, int) else None))
            log.info("%s: %s run %s for the %s slot", key, trigger, run_id, slot.isoformat())
        return fired

    def next_wake(self) -> datetime | None:
        now = self.clock.now()
        times = [t for s in self.schedules(now).values() if (t := s.next_fire(now)) is not None]
        return min(times) if times else None

    # -- the thread ------------------------------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="scheduler", daemon=True)
        self._thread.start()

    def request_stop(self) -> None:
        self._stop.set()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.tick()
                wake = self.next_wake()
            except Exception:
                log.exception("scheduler tick failed")
                wake = None
            delay = MAX_SLEEP if wake is None else (wake - self.clock.now()).total_seconds()
            self._stop.wait(min(max(delay, 0.5), MAX_SLEEP))
