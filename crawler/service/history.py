"""Run history in SQLite (WAL): every run, its state, its counters; the scheduler's last fired slots; what the
monitors made of each run and their alerts (open until a run finds the site healthy, docs/monitoring.md).

A run moves queued → running → succeeded | failed | cancelled (or queued → cancelled). A partial unique index
allows one queued-or-running run per site, so the rule holds across processes sharing the database (the
service and a local `crawler recrawl`).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED = "queued", "running", "succeeded", "failed", "cancelled"
ACTIVE = (QUEUED, RUNNING)
FINISHED = (SUCCEEDED, FAILED, CANCELLED)
STATES = ACTIVE + FINISHED
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

SCHEMA = """
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
CREATE TABLE IF NOT EXISTS monitor_results (
    run_id INTEGER PRIMARY KEY,
    site TEXT NOT NULL,
    created_at TEXT NOT NULL,
    judged INTEGER NOT NULL,
    healthy INTEGER NOT NULL,
    metrics TEXT NOT NULL,
    findings TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS monitor_results_by_site ON monitor_results(site, run_id);
CREATE TABLE IF NOT EXISTS alerts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL,
    site TEXT NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    field TEXT,
    state TEXT NOT NULL,
    message TEXT NOT NULL,
    details TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    opened_run INTEGER,
    last_seen_at TEXT NOT NULL,
    last_run INTEGER,
    seen_count INTEGER NOT NULL DEFAULT 1,
    resolved_at TEXT,
    resolved_run INTEGER
);
CREATE UNIQUE INDEX IF NOT EXISTS one_open_alert_per_key ON alerts(key) WHERE state = 'open';
CREATE INDEX IF NOT EXISTS alerts_by_site ON alerts(site, id);
"""

ALERT_OPEN, ALERT_RESOLVED = "open", "resolved"


class SiteBusyError(Exception):
    """The site already has a queued or running run."""

    def __init__(self, site: str, run_id: int | None) -> None:
        super().__init__(f"site {site!r} already has an active run ({run_id})")
        self.site = site
        self.run_id = run_id


class BadTransitionError(Exception):
    """A state change the state machine does not allow (for example a finished run cancelled)."""


def utcnow() -> datetime:
    return datetime.now(UTC)


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value else None


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


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
            started_at=_dt(row["started_at"]),
            finished_at=_dt(row["finished_at"]),
            cancel_requested_at=_dt(row["cancel_requested_at"]),
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
class MonitorResult:
    """What the monitors made of one finished run: the site's figures, the findings, whether it was judged
    (enough articles) and healthy (no layout drift; only such runs make the baseline of later ones)."""

    run_id: int
    site: str
    created_at: datetime
    judged: bool
    healthy: bool
    metrics: dict[str, Any]
    findings: list[dict[str, Any]]

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> MonitorResult:
        return cls(
            run_id=row["run_id"],
            site=row["site"],
            created_at=datetime.fromisoformat(row["created_at"]),
            judged=bool(row["judged"]),
            healthy=bool(row["healthy"]),
            metrics=json.loads(row["metrics"]),
            findings=json.loads(row["findings"]),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "site": self.site,
            "created_at": self.created_at.isoformat(),
            "judged": self.judged,
            "healthy": self.healthy,
            "metrics": self.metrics,
            "findings": self.findings,
        }


@dataclass(frozen=True)
class Alert:
    """An alert: open from the run that raised it until a run that judges its check finds nothing."""

    id: int
    key: str
    site: str
    kind: str
    name: str
    field: str | None
    state: str
    message: str
    details: dict[str, Any]
    opened_at: datetime
    opened_run: int | None
    last_seen_at: datetime
    last_run: int | None
    seen_count: int
    resolved_at: datetime | None
    resolved_run: int | None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Alert:
        return cls(
            id=row["id"],
            key=row["key"],
            site=row["site"],
            kind=row["kind"],
            name=row["name"],
            field=row["field"],
            state=row["state"],
            message=row["message"],
            details=json.loads(row["details"]),
            opened_at=datetime.fromisoformat(row["opened_at"]),
            opened_run=row["opened_run"],
            last_seen_at=datetime.fromisoformat(row["last_seen_at"]),
            last_run=row["last_run"],
            seen_count=row["seen_count"],
            resolved_at=_dt(row["resolved_at"]),
            resolved_run=row["resolved_run"],
        )

    def to_json(self) -> dict[str, Any]:
        return {
            name: value.isoformat() if isinstance(value, datetime) else value
            for name, value in self.__dict__.items()
        }


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


class RunHistory:
    """One connection, shared by threads under a lock; other processes open their own."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(path, timeout=10.0, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA busy_timeout=10000")
        self._db.executescript(SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # -- runs ------------------------------------------------------------------------------------------

    def create(self, site: str, trigger: str, owner: tuple[int, str], now: datetime | None = None) -> Run:
        """A new queued run owned by the process `owner` (pid, token); SiteBusyError if the site is busy."""
        with self._tx() as db:
            try:
                cursor = db.execute(
                    "INSERT INTO runs (site, state, trigger, created_at, owner_pid, owner_token) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (site, QUEUED, trigger, _iso(now or utcnow()), owner[0], owner[1]),
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
            _iso(v) if isinstance(v, datetime) else json.dumps(v) if isinstance(v, dict) else v
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
                    last_success=_dt(row["last_success"]) if row else None,
                    last_finished=_dt(row["last_finished"]) if row else None,
                )
            )
        return result

    # -- schedule --------------------------------------------------------------------------------------

    def last_slot(self, site: str) -> datetime | None:
        with self._lock:
            row = self._db.execute("SELECT last_slot FROM schedule WHERE site = ?", (site,)).fetchone()
        return _dt(row["last_slot"]) if row else None

    def set_last_slot(self, site: str, slot: datetime) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT INTO schedule (site, last_slot) VALUES (?, ?) "
                "ON CONFLICT(site) DO UPDATE SET last_slot = excluded.last_slot",
                (site, _iso(slot)),
            )

    # -- monitors and alerts ---------------------------------------------------------------------------

    def save_monitor_result(
        self,
        run_id: int,
        site: str,
        *,
        judged: bool,
        healthy: bool,
        metrics: dict[str, Any],
        findings: list[dict[str, Any]],
        now: datetime | None = None,
    ) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT OR REPLACE INTO monitor_results (run_id, site, created_at, judged, healthy, metrics, "
                "findings) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    run_id,
                    site,
                    _iso(now or utcnow()),
                    int(judged),
                    int(healthy),
                    json.dumps(metrics, ensure_ascii=False),
                    json.dumps(findings, ensure_ascii=False),
                ),
            )

    def monitor_result(self, run_id: int) -> MonitorResult | None:
        with self._lock:
            row = self._db.execute("SELECT * FROM monitor_results WHERE run_id = ?", (run_id,)).fetchone()
        return MonitorResult.from_row(row) if row else None

    def baseline(self, site: str, before_run: int, limit: int) -> list[MonitorResult]:
        """The site's judged, healthy results before `before_run`, newest first (a run that drifted never
        becomes the normal later runs are compared with)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT * FROM monitor_results WHERE site = ? AND run_id < ? AND judged = 1 AND healthy = 1 "
                "ORDER BY run_id DESC LIMIT ?",
                (site, before_run, limit),
            ).fetchall()
        return [MonitorResult.from_row(row) for row in rows]

    def latest_monitor_results(self) -> dict[str, MonitorResult]:
        """Per site, the result of its latest judged run (else its latest run)."""
        with self._lock:
            rows = self._db.execute(
                """SELECT * FROM monitor_results WHERE run_id IN (
                       SELECT COALESCE(MAX(CASE WHEN judged = 1 THEN run_id END), MAX(run_id))
                       FROM monitor_results GROUP BY site)"""
            ).fetchall()
        return {row["site"]: MonitorResult.from_row(row) for row in rows}

    def alerts(self, *, state: str | None = None, site: str | None = None, limit: int = 100) -> list[Alert]:
        """Newest first."""
        clauses: list[str] = []
        params: list[object] = []
        for column, value in (("state", state), ("site", site)):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        with self._lock:
            rows = self._db.execute(
                f"SELECT * FROM alerts {where} ORDER BY id DESC LIMIT ?", (*params, limit)
            )
            return [Alert.from_row(row) for row in rows.fetchall()]

    def alerts_of_run(self, run_id: int) -> list[Alert]:
        """The alerts this run opened, saw again while they were open, or resolved."""
        with self._lock:
            rows = self._db.execute(
                "SELECT * FROM alerts WHERE ? IN (opened_run, last_run, resolved_run) ORDER BY id", (run_id,)
            ).fetchall()
        return [Alert.from_row(row) for row in rows]

    def get_alert(self, alert_id: int) -> Alert | None:
        with self._lock:
            row = self._db.execute("SELECT * FROM alerts WHERE id = ?", (alert_id,)).fetchone()
        return Alert.from_row(row) if row else None

    def open_alert(
        self,
        *,
        key: str,
        site: str,
        kind: str,
        name: str,
        field: str | None,
        message: str,
        details: dict[str, Any],
        run_id: int | None,
        now: datetime | None = None,
    ) -> tuple[Alert, bool]:
        """(the open alert with this key, whether it is new). An alert already open is only updated with
        this run's figures, so it is reported once however many runs see it."""
        moment = _iso(now or utcnow())
        with self._tx() as db:
            row = db.execute("SELECT id FROM alerts WHERE key = ? AND state = 'open'", (key,)).fetchone()
            if row is not None:
                alert_id = row["id"]
                db.execute(
                    "UPDATE alerts SET message = ?, details = ?, last_seen_at = ?, last_run = ?, "
                    "seen_count = seen_count + 1 WHERE id = ?",
                    (message, json.dumps(details, ensure_ascii=False), moment, run_id, alert_id),
                )
                created = False
            else:
                cursor = db.execute(
                    "INSERT INTO alerts (key, site, kind, name, field, state, message, details, opened_at, "
                    "opened_run, last_seen_at, last_run) VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?)",
                    (
                        key,
                        site,
                        kind,
                        name,
                        field,
                        message,
                        json.dumps(details, ensure_ascii=False),
                        moment,
                        run_id,
                        moment,
                        run_id,
                    ),
                )
                assert cursor.lastrowid is not None
                alert_id = cursor.lastrowid
                created = True
        alert = self.get_alert(alert_id)
        assert alert is not None
        return alert, created

    def resolve_alert(self, alert_id: int, run_id: int | None, now: datetime | None = None) -> Alert:
        with self._tx() as db:
            db.execute(
                "UPDATE alerts SET state = 'resolved', resolved_at = ?, resolved_run = ? "
                "WHERE id = ? AND state = 'open'",
                (_iso(now or utcnow()), run_id, alert_id),
            )
        alert = self.get_alert(alert_id)
        assert alert is not None
        return alert
