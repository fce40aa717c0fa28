"""What the monitors keep between runs: the result of each judged run and the alerts, open from the run that
raised them until a run finds the site healthy (docs/monitoring.md).

Two tables (`monitor_results`, `alerts`) of a SQLite database (WAL) that the service's run history
(`crawler.service.history.RunHistory`, a `MonitorStore` with the runs and the schedule besides) shares.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from crawler.runs import from_iso, iso_utc, utcnow

MONITOR_SCHEMA = """
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
            resolved_at=from_iso(row["resolved_at"]),
            resolved_run=row["resolved_run"],
        )

    def to_json(self) -> dict[str, Any]:
        return {
            name: value.isoformat() if isinstance(value, datetime) else value
            for name, value in self.__dict__.items()
        }


class MonitorStore:
    """The monitors' tables in the SQLite database at `path`: one connection, shared by threads under a lock;
    other processes open their own."""

    SCHEMA = MONITOR_SCHEMA

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(path, timeout=10.0, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA busy_timeout=10000")
        self._db.executescript(self.SCHEMA)

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

    # -- monitor results and alerts----------------------------------------------------------------------

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
                    iso_utc(now or utcnow()),
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
        moment = iso_utc(now or utcnow())
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
                (iso_utc(now or utcnow()), run_id, alert_id),
            )
        alert = self.get_alert(alert_id)
        assert alert is not None
        return alert
