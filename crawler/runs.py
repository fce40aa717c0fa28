"""What a run is, wherever it is handled: its id, the states the service's history moves it through, and the
UTC times its records keep. The crawl (`crawler.runner`), the storage pipeline, the feed's commit, the
service's history and the monitors all import it; it imports nothing of theirs.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from crawler.dates import VN_TZ

QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED = "queued", "running", "succeeded", "failed", "cancelled"
ACTIVE = (QUEUED, RUNNING)
FINISHED = (SUCCEEDED, FAILED, CANCELLED)
STATES = ACTIVE + FINISHED


def new_run_id() -> str:
    """A crawl's id: Vietnam time to the second, then six random hex digits."""
    return datetime.now(VN_TZ).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]


def new_flush_id() -> str:
    """A flush's id (`crawler flush`, or the spool flushed before a run): as a run's, marked `flush`."""
    return datetime.now(VN_TZ).strftime("%Y%m%dT%H%M%S") + "-flush-" + uuid.uuid4().hex[:6]


def utcnow() -> datetime:
    return datetime.now(UTC)


def iso_utc(value: datetime | None) -> str | None:
    """A time as the history stores it (ISO, UTC); None stays None."""
    return value.astimezone(UTC).isoformat() if value else None


def from_iso(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None
