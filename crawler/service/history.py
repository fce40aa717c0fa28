"""Run history in SQLite (WAL): every run, its state, its counters; the scheduler's last fired slots. The same
database holds what the monitors made of each run and their alerts: `RunHistory` is a `MonitorStore`
(crawler/monitor/store.py, which owns those two tables; the monitors never import the service).

A run moves queued → running → succeeded | failed | cancelled (or queued → cancelled). A partial unique index
allows one queued-or-running run per site, so the rule holds across processes sharing the database (the
service and a local `crawler recrawl`).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from crawler.monitor.store import MONITOR_SCHEMA, MonitorStore
from crawler.runs import ACTIVE, CANCELLED, FAILED, QUEUED, RUNNING, SUCCEEDED, from_iso, iso_utc, utcnow

TRANSITIONS = {QUEUED: {RUNNING, CANCELLED, FAILED}, RUNNING: {SUCCEEDED, FAILED, CANCELLED}}

SUMMARY_FIELDS = (
    "id",
    "site",
    "state",
    "trigger",
    "created_at",
    "started_at",
    "finished_at",
    "cancel_requested_at",
    "exit_code",
    "error",
    "pages",
    "articles",
    "rejects",
    "errors",
    "duration_seconds",
)

RUN_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    site TEXT NOT NULL,
    state TEXT NOT NULL,
    trigger TEXT NOT NULL,
    created_at TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT,
    cancel_requested_at TEXT,
    owner_pid INTEGER NOT NULL,
    owner_token TEXT NOT NULL,
    pid INTEGER,
    exit_code INTEGER,
    error TEXT,
    run_dir TEXT,
    pages INTEGER,
    articles INTEGER,
    rejects INTEGER,
    errors INTEGER,
    duration_seconds REAL,
    stats TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS one_active_run_per_site ON runs(site) WHERE state IN ('queued', 'running');
CREATE INDEX IF NOT EXISTS runs_by_site ON runs(site, id);
CREATE TABLE IF NOT EXISTS schedule (
    site TEXT PRIMARY KEY,
    last_slot TEXT NOT NULL
);
"""


class SiteBusyError(Exception):
    """The site already has a queued or running run."""

    def __init__(self, site: str, run_id: int | None) -> None:
        super().__init__(f"site {site!r} already has an active run ({run_id})")
        self.site = site
        self.run_id = run_id


class BadTransitionError(Exception):
    """A state change the state machine does not allow (for example a finished run cancelled)."""


@dataclass(frozen=True)
class Run:
    id: int
    site: str
    state: str
    trigger: str
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    cancel_requested_at: datetime | None
    owner_pid: int
    owner_token: str
    pid: int | None
    exit_code: int | None
    error: str | None
    run_dir: str | None
    pages: int | None
    articles: int | None
    rejects: int | None
    errors: int | None
    duration_seconds: float | None
    stats: dict[str, Any] | None

    @property
    def active(self) -> bool:
        return self.state in ACTIVE

    def summary(self) -> dict[str, Any]:
        """The run as JSON, without its stats (what `GET /runs` lists)."""
        return {
            name: value.isoformat() if isinstance(value, datetime) else value
            for name, value in self.__dict__.items()
            if name in SUMMARY_FIELDS
        }

    @property
    def log_path(self) -> Path | None:
        return Path(self.run_dir) / "crawl.log" if self.run_dir else None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Run:
        return cls(
            id=row["id"],
            site=row["site"],
            state=row["state"],
            trigger=row["trigger"],
            created_at=datetime.fromisoformat(row["created_at"]),
            started_at=from_iso(row["started_at"]),
            finished_at=from_iso(row["finished_at"]),
            cancel_requested_at=from_iso(row["cancel_requested_at"]),
            owner_pid=row["owner_pid"],
            owner_token=row["owner_token"],
            pid=row["pid"],
            exit_code=row["exit_code"],
            error=row["error"],
            run_dir=row["run_dir"],
            pages=row["pages"],
            articles=row["articles"],
            rejects=row["rejects"],
            errors=row["errors"],
            duration_seconds=row["duration_seconds"],
            stats=json.loads(row["stats"]) if row["stats"] else None,
        )


@dataclass(frozen=True)
class SiteTotals:
    """What the finished runs of one site add up to (for /metrics)."""

    site: str
    runs_by_state: dict[str, int]
    pages: int
    articles: int
    rejects: int
    errors: int
    duration_count: int
    duration_sum: float
    last_duration: float | None
    last_success: datetime | None
    last_finished: datetime | None


class RunHistory(MonitorStore):
    """Runs and the schedule, in the database of the monitors' results and alerts (`MonitorStore`): one
    connection, shared by threads under a lock; other processes open their own."""

    SCHEMA = RUN_SCHEMA + MONITOR_SCHEMA

    # -- runs ------------------------------------------------------------------------------------------

    def create(self, site: str, trigger: str, owner: tuple[int, str], now: datetime | None = None) -> Run:
        """A new queued run owned by the process `owner` (pid, token); SiteBusyError if the site is busy."""
        with self._tx() as db:
            try:
                cursor = db.execute(
                    "INSERT INTO runs (site, state, trigger, created_at, owner_pid, owner_token) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (site, QUEUED, trigger, iso_utc(now or utcnow()), owner[0], owner[1]),
                )
            except sqlite3.IntegrityError:
                busy = db.execute(
                    "SELECT id FROM runs WHERE site = ? AND state IN ('queued', 'running')", (site,)
                ).fetchone()
                raise SiteBusyError(site, busy["id"] if busy else None) from None
            run_id = cursor.lastrowid
        assert run_id is not None
        return self.get_required(run_id)

    def get(self, run_id: int) -> Run | None:
        with self._lock:
            row = self._db.execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone()
        return Run.from_row(row) if row else None

    def get_required(self, run_id: int) -> Run:
        run = self.get(run_id)
        if run is None:
            raise KeyError(run_id)
        return run

    def recent(
        self, *, site: str | None = None, state: str | None = None, limit: int = 50, before: int | None = None
    ) -> list[Run]:
        """Most recent first."""
        clauses: list[str] = []
        params: list[object] = []
        for column, value in (("site", site), ("state", state)):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        if before is not None:
            clauses.append("id < ?")
            params.append(before)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        with self._lock:
            rows = self._db.execute(f"SELECT * FROM runs {where} ORDER BY id DESC LIMIT ?", (*params, limit))
            return [Run.from_row(row) for row in rows.fetchall()]

    def queued(self) -> list[Run]:
        """Oldest first: the dispatch order."""
        with self._lock:
            rows = self._db.execute("SELECT * FROM runs WHERE state = 'queued' ORDER BY id").fetchall()
        return [Run.from_row(row) for row in rows]

    def active_for(self, site: str) -> Run | None:
        with self._lock:
            row = self._db.execute(
                "SELECT * FROM runs WHERE site = ? AND state IN ('queued', 'running')", (site,)
            ).fetchone()
        return Run.from_row(row) if row else None

    def transition(self, run_id: int, to: str, **fields: Any) -> Run:
        """Move a run to `to` (checked against the state machine) and set `fields` with it."""
        with self._tx() as db:
            row = db.execute("SELECT state FROM runs WHERE id = ?", (run_id,)).fetchone()
            if row is None:
                raise KeyError(run_id)
            if to not in TRANSITIONS.get(row["state"], set()):
                raise BadTransitionError(f"run {run_id} cannot go from {row['state']} to {to}")
            self._update(db, run_id, state=to, **fields)
        return self.get_required(run_id)

    def update(self, run_id: int, **fields: Any) -> Run:
        with self._tx() as db:
            self._update(db, run_id, **fields)
        return self.get_required(run_id)

    @staticmethod
    def _update(db: sqlite3.Connection, run_id: int, **fields: Any) -> None:
        if not fields:
            return
        values = [
            iso_utc(v) if isinstance(v, datetime) else json.dumps(v) if isinstance(v, dict) else v
            for v in fields.values()
        ]
        assignments = ", ".join(f"{name} = ?" for name in fields)
        db.execute(f"UPDATE runs SET {assignments} WHERE id = ?", (*values, run_id))

    def active(self) -> list[Run]:
        """Every queued or running run, whichever process owns it."""
        with self._lock:
            rows = self._db.execute("SELECT * FROM runs WHERE state IN ('queued', 'running')").fetchall()
        return [Run.from_row(row) for row in rows]

    # -- metrics ---------------------------------------------------------------------------------------

    def totals(self) -> list[SiteTotals]:
        with self._lock:
            counts = self._db.execute(
                "SELECT site, state, COUNT(*) AS n FROM runs GROUP BY site, state"
            ).fetchall()
            sums = self._db.execute(
                """SELECT site, SUM(COALESCE(pages, 0)) AS pages, SUM(COALESCE(articles, 0)) AS articles,
                          SUM(COALESCE(rejects, 0)) AS rejects, SUM(COALESCE(errors, 0)) AS errors,
                          COUNT(duration_seconds) AS duration_count,
                          SUM(COALESCE(duration_seconds, 0)) AS duration_sum,
                          MAX(CASE WHEN state = 'succeeded' THEN finished_at END) AS last_success,
                          MAX(finished_at) AS last_finished
                   FROM runs WHERE state IN ('succeeded', 'failed', 'cancelled') GROUP BY site"""
            ).fetchall()
            last = self._db.execute(
                """SELECT site, duration_seconds FROM runs WHERE id IN (
                       SELECT MAX(id) FROM runs WHERE duration_seconds IS NOT NULL GROUP BY site)"""
            ).fetchall()
        by_state: dict[str, dict[str, int]] = {}
        for row in counts:
            by_state.setdefault(row["site"], {})[row["state"]] = row["n"]
        last_duration = {row["site"]: row["duration_seconds"] for row in last}
        summed = {row["site"]: row for row in sums}
        result = []
        for site in sorted(by_state):
            row = summed.get(site)
            result.append(
                SiteTotals(
                    site=site,
                    runs_by_state=by_state[site],
                    pages=row["pages"] if row else 0,
                    articles=row["articles"] if row else 0,
                    rejects=row["rejects"] if row else 0,
                    errors=row["errors"] if row else 0,
                    duration_count=row["duration_count"] if row else 0,
                    duration_sum=float(row["duration_sum"]) if row else 0.0,
                    last_duration=last_duration.get(site),
                    last_success=from_iso(row["last_success"]) if row else None,
                    last_finished=from_iso(row["last_finished"]) if row else None,
                )
            )
        return result

    # -- schedule --------------------------------------------------------------------------------------

    def last_slot(self, site: str) -> datetime | None:
        with self._lock:
            row = self._db.execute("SELECT last_slot FROM schedule WHERE site = ?", (site,)).fetchone()
        return from_iso(row["last_slot"]) if row else None

    def set_last_slot(self, site: str, slot: datetime) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT INTO schedule (site, last_slot) VALUES (?, ?) "
                "ON CONFLICT(site) DO UPDATE SET last_slot = excluded.last_slot",
                (site, iso_utc(slot)),
            )
