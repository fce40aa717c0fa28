"""The local side of a run: the spool of items the store refused, and the journals of runs not yet committed.

One folder per store under the spool root (`--spool DIR`, default `spool/` beside the crawl state, so
`./data/spool`), named after the store's URL:

    <root>/<store slug>/store.url                the store's URL, for people
    <root>/<store slug>/items/<order>.json       one spooled item per file (fsync, then rename): what to write
                                                 where, and its journal entry; names sort in spooling order
    <root>/<store slug>/pending/<batch id>/      a run (or a flush) whose objects are in the store but whose
        entries.jsonl                            feed segment and manifest are not yet: one journal line per
        run.json                                 object written, the run's summary, and the sequence the
        commit.json                              segment is being committed at (crawler/feed/commit.py)
        lock                                     held (flock) by the process that owns the batch while it runs

Everything here is written so that a crash at any point leaves files the next `crawler flush` (or the next
run) can finish from: whole files by rename, journal lines appended and fsynced (a torn last line is ignored).
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import logging
import os
import re
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from crawler.durable import fsync_dir, write_durably
from crawler.options import DEFAULT_STATE

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no liveness locks, one run at a time per spool
    fcntl = None  # type: ignore[assignment]

logger = logging.getLogger(__name__)

SPOOL_FORMAT = "vn-news-crawler/spool-item/1"

_order_lock = threading.Lock()
_order_counter = itertools.count()
_last_order = 0


def default_spool(state: str | os.PathLike[str] | None) -> Path:
    """`spool/` beside the crawl state file: `./data/state.sqlite` -> `./data/spool`."""
    return Path(state or DEFAULT_STATE).expanduser().parent / "spool"


def store_slug(url: str) -> str:
    """A folder name for a store URL: readable, and unique by a hash of the whole URL."""
    readable = re.sub(r"[^A-Za-z0-9]+", "-", url.split("://", 1)[-1]).strip("-")[-48:].lstrip("-")
    return f"{readable or 'store'}-{hashlib.sha256(url.encode('utf-8')).hexdigest()[:10]}"


def _order_name() -> str:
    """A file name that sorts after every earlier one of this process (wall clock, then a counter)."""
    global _last_order
    with _order_lock:
        now = max(time.time_ns(), _last_order + 1)
        _last_order = now
        return f"{now:020d}-{os.getpid():07d}-{next(_order_counter):06d}.json"


def _dumps(document: dict[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False, sort_keys=True).encode("utf-8")


class Batch:
    """The local journal of one run or flush: what it wrote, until its feed segment and manifest are in."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.id = folder.name
        self.entries_path = folder / "entries.jsonl"
        self.meta_path = folder / "run.json"
        self.marker_path = folder / "commit.json"
        self._lock = threading.Lock()
        self._lock_file: TextIO | None = None

    # -- ownership: the process writing the batch holds an flock on `lock` ----------------------------

    def acquire(self, *, wait: bool = True) -> bool:
        """Create the folder and take its lock; False (without waiting) when another process holds it."""
        self.folder.mkdir(parents=True, exist_ok=True)
        if self._lock_file is not None:
            return True
        handle = open(self.folder / "lock", "a+")  # noqa: SIM115 - held for the batch's life
        if fcntl is not None:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            except BlockingIOError:
                handle.close()
                return False
        self._lock_file = handle
        return True

    def release(self) -> None:
        if self._lock_file is not None:
            self._lock_file.close()  # closing drops the flock
            self._lock_file = None

    def exists(self) -> bool:
        return self.folder.is_dir()

    def remove(self) -> None:
        """Delete the batch (its segment and manifest are in the store)."""
        shutil.rmtree(self.folder, ignore_errors=True)
        fsync_dir(self.folder.parent)
        self.release()

    # -- the journal --------------------------------------------------------------------------------------

    def append(self, entry: dict[str, Any]) -> None:
        """One journal line, on disk (fsynced) before this returns; safe from several threads."""
        line = _dumps(entry) + b"\n"
        with self._lock:
            self.folder.mkdir(parents=True, exist_ok=True)
            with open(self.entries_path, "ab") as handle:
                handle.write(line)
                handle.flush()
                os.fsync(handle.fileno())

    def entries(self) -> list[dict[str, Any]]:
        """Every journal line in order; a torn last line (a crash mid-append) is left out."""
        try:
            raw = self.entries_path.read_bytes()
        except FileNotFoundError:
            return []
        entries = []
        for line in raw.splitlines():
            if not line.strip():
                continue
            try:
                entries.append(json.loads(line))
            except json.JSONDecodeError:
                logger.warning("%s: skipping a torn journal line", self.entries_path)
        return entries

    # -- the run's summary and the commit marker ----------------------------------------------------------

    def write_meta(self, meta: dict[str, Any]) -> None:
        write_durably(self.meta_path, _dumps(meta))

    def meta(self) -> dict[str, Any]:
        try:
            loaded: dict[str, Any] = json.loads(self.meta_path.read_bytes())
        except (FileNotFoundError, json.JSONDecodeError):
            return {}
        return loaded

    def set_marker(self, sequence: int) -> None:
        """Before trying to commit the segment at `sequence`: where to look first after a crash."""
        write_durably(self.marker_path, _dumps({"sequence": sequence}))

    def marker(self) -> int | None:
        try:
            return int(json.loads(self.marker_path.read_bytes())["sequence"])
        except (FileNotFoundError, json.JSONDecodeError, KeyError, TypeError, ValueError):
            return None


class WorkDir:
    """The spool and the pending batches of one store, under a spool root."""

    def __init__(self, root: str | os.PathLike[str], store_url: str) -> None:
        self.root = Path(root).expanduser().resolve()
        self.store_url = store_url
        self.folder = self.root / store_slug(store_url)
        self.items = self.folder / "items"
        self.pending = self.folder / "pending"

    def _ensure(self) -> None:
        if not (self.folder / "store.url").is_file():
            write_durably(self.folder / "store.url", self.store_url.encode("utf-8") + b"\n")

    # -- the spool ----------------------------------------------------------------------------------------

    def spool(self, key: str, data: bytes, entry: dict[str, Any], run_id: str) -> Path:
        """Keep one item the store refused, durably, after every item spooled before it."""
        self._ensure()
        record = {
            "format": SPOOL_FORMAT,
            "store": self.store_url,
            "run_id": run_id,
            "spooled_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "key": key,
            "entry": entry,
            "data": data.decode("utf-8"),
        }
        path = self.items / _order_name()
        write_durably(path, _dumps(record))
        return path

    def spooled(self) -> list[Path]:
        """The spooled items, oldest first."""
        if not self.items.is_dir():
            return []
        return sorted(p for p in self.items.iterdir() if p.suffix == ".json" and not p.name.startswith("."))

    def count(self) -> int:
        return len(self.spooled())

    @staticmethod
    def read(path: Path) -> dict[str, Any] | None:
        """A spooled item, or None if the file is gone (flushed meanwhile) or not one of ours."""
        try:
            record: dict[str, Any] = json.loads(path.read_bytes())
        except FileNotFoundError:
            return None
        except json.JSONDecodeError:
            logger.error("%s is not a spooled item; moved aside as .bad", path)
            with contextlib.suppress(OSError):
                path.rename(path.with_name("." + path.name + ".bad"))
            return None
        if record.get("format") != SPOOL_FORMAT:
            return None
        return record

    def unspool(self, name: str) -> None:
        (self.items / name).unlink(missing_ok=True)

    # -- batches -----------------------------------------------------------------------------------------

    def batch(self, batch_id: str) -> Batch:
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}", batch_id):
            raise ValueError(f"invalid batch id {batch_id!r}")
        self._ensure()
        return Batch(self.pending / batch_id)

    def pending_batches(self) -> list[Batch]:
        """Batches left by earlier runs, oldest first (ids start with their time)."""
        if not self.pending.is_dir():
            return []
        return [Batch(p) for p in sorted(self.pending.iterdir()) if p.is_dir() and not p.name.startswith(".")]

    @contextlib.contextmanager
    def flushing(self) -> Iterator[None]:
        """One flush at a time per store on this machine (a run's start and `crawler flush` may meet)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / "flush.lock", "a+") as handle:
            if fcntl is not None:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            yield


def spooled_elsewhere(root: str | os.PathLike[str], store_url: str) -> dict[str, int]:
    """Items spooled under `root` for other stores than `store_url`: store URL -> count."""
    found: dict[str, int] = {}
    base = Path(root).expanduser()
    if not base.is_dir():
        return found
    mine = store_slug(store_url)
    for folder in sorted(base.iterdir()):
        if folder.name == mine or not (folder / "items").is_dir():
            continue
        count = sum(1 for p in (folder / "items").iterdir() if p.suffix == ".json")
        if count:
            try:
                url = (folder / "store.url").read_text(encoding="utf-8").strip()
            except OSError:
                url = folder.name
            found[url] = count
    return found


_BATCHES: dict[tuple[Path, str], Batch] = {}
_BATCHES_LOCK = threading.Lock()


def run_batch(workdir: WorkDir, run_id: str) -> Batch:
    """The process's one journal for this run (the crawlers of a run share it), locked while it lives."""
    with _BATCHES_LOCK:
        batch = _BATCHES.get((workdir.folder, run_id))
        if batch is None:
            batch = _BATCHES[(workdir.folder, run_id)] = workdir.batch(run_id)
            batch.acquire()
        return batch


def forget_batch(workdir: WorkDir, run_id: str) -> None:
    """The run is over: drop the process's handle on its journal (and the lock)."""
    with _BATCHES_LOCK:
        batch = _BATCHES.pop((workdir.folder, run_id), None)
    if batch is not None:
        batch.release()
