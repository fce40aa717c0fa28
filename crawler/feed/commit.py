"""Committing what a run wrote: the feed segment, then the JSON Feeds, then (last) the run's manifest.

`commit_batch` turns one local batch (crawler/spool.py: the journal of the objects a run or a flush wrote)
into those three, then deletes the batch. Every step can be repeated after a crash: the segment is found
again through the batch's marker, the JSON Feeds merge by item id and version, the manifest is rewritten
whole. `recover_pending` commits the batches earlier runs left (a crash, or the store down at the end of a
run); `flush_spool` uploads the spooled items in order, as one more batch.
"""

from __future__ import annotations

import logging
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crawler.feed.encoding import now_iso
from crawler.feed.jsonfeed import FEED_ITEMS, update_feeds
from crawler.feed.log import commit_segment
from crawler.feed.manifest import manifest_document, write_manifest
from crawler.runs import new_flush_id
from crawler.spool import Batch, WorkDir, forget_batch, run_batch
from crawler.state import KnownArticle, StateBackend
from crawler.store import ObjectStore, StoreError

logger = logging.getLogger(__name__)

FLUSH_WORKERS = 16


@dataclass
class Commit:
    """What one committed batch put in the store."""

    batch_id: str
    sequence: int | None
    """The feed segment's sequence; None when the batch wrote no article."""
    articles: int
    objects: int
    manifest: str
    feeds: list[str] = field(default_factory=list)


def unique_entries(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per key, in the order keys were first written, with the last entry written for each
    (a flush retried after a crash journals an object again; the store holds its last write)."""
    by_key: dict[str, dict[str, Any]] = {}
    for entry in entries:
        by_key[str(entry["key"])] = entry  # dict keeps the first insertion's position
    return list(by_key.values())


def commit_batch(
    store: ObjectStore,
    batch: Batch,
    *,
    workdir: WorkDir | None = None,
    state: StateBackend | None = None,
    feed_items: int = FEED_ITEMS,
    feed_base_url: str | None = None,
) -> Commit:
    """Segment, JSON Feeds, manifest (in this order, each after what it names exists), then the batch is
    deleted along with the spooled files its entries came from. `state`: record the articles in the crawl
    state first (a batch recovered after a crash may hold objects the crashed run never recorded)."""
    meta = batch.meta()
    entries = unique_entries(batch.entries())
    if state is not None:
        known = [KnownArticle(**e["known"]) for e in entries if e.get("known")]
        if known:
            state.call(state.record_many_now, known)
    articles = [e for e in entries if e.get("kind") == "article"]
    sequence = commit_segment(store, batch, str(meta.get("kind", "crawl")), articles) if articles else None
    items = [e["item"] for e in articles if isinstance(e.get("item"), dict)]
    feeds = update_feeds(store, items, limit=feed_items, base_url=feed_base_url) if items else []
    manifest = write_manifest(store, manifest_document(store, batch.id, meta, entries, sequence, feeds))
    if workdir is not None:
        for entry in entries:
            if entry.get("spool"):
                workdir.unspool(str(entry["spool"]))
    batch.remove()
    logger.info(
        "committed %s: feed segment %s, %d objects, manifest %s", batch.id, sequence, len(entries), manifest
    )
    return Commit(batch.id, sequence, len(articles), len(entries), manifest, feeds)


def commit_run(store: ObjectStore, workdir: WorkDir, run_id: str, meta: dict[str, Any]) -> Commit:
    """Commit a run once every object of it is written (outside the reactor): its summary `meta` into its
    journal, then `commit_batch`. If the store refuses (StoreError), the batch stays pending for `crawler
    flush` or the next run. Either way the process lets go of the run's journal. The one run-commit sequence:
    `crawler.runner.run_crawl` and a standalone `scrapy crawl KEY` (the storage pipeline) both end here."""
    batch = run_batch(workdir, run_id)
    try:
        batch.write_meta(meta)
        return commit_batch(store, batch, workdir=workdir)
    finally:
        forget_batch(workdir, run_id)


def recover_pending(
    store: ObjectStore,
    workdir: WorkDir,
    state: StateBackend | None = None,
    *,
    feed_base_url: str | None = None,
) -> list[Commit]:
    """Commit every batch an earlier run left behind, oldest first; a batch whose run is still going (its
    process holds the batch's lock) is left alone."""
    commits = []
    for batch in workdir.pending_batches():
        if not batch.acquire(wait=False):
            continue
        try:
            meta = batch.meta()
            if not meta:
                meta = {"run_id": batch.id, "kind": "crawl", "recovered": True}
            meta.setdefault("recovered_at", now_iso())
            batch.write_meta(meta)
            commits.append(
                commit_batch(store, batch, workdir=workdir, state=state, feed_base_url=feed_base_url)
            )
        finally:
            batch.release()
    return commits


@dataclass
class FlushResult:
    recovered: list[Commit] = field(default_factory=list)
    """Batches of earlier runs committed first."""
    flushed: int = 0
    """Spooled items now in the store."""
    commit: Commit | None = None
    remaining: int = 0
    """Items still spooled (the store failed again)."""
    error: str | None = None

    @property
    def sequences(self) -> list[int]:
        commits = [*self.recovered, *([self.commit] if self.commit else [])]
        return [c.sequence for c in commits if c.sequence is not None]


def flush_spool(
    store: ObjectStore,
    workdir: WorkDir,
    state: StateBackend | None = None,
    *,
    feed_base_url: str | None = None,
    workers: int = FLUSH_WORKERS,
) -> FlushResult:
    """Commit pending batches, then upload the spool in order (`workers` uploads in flight, journaled in
    spooling order), record the articles in the crawl state, and commit them as one batch. Safe to run
    again at any point: objects are keyed deterministically and rewritten with the same bytes, and the
    journal and the batch marker keep each article version to one feed entry."""
    result = FlushResult()
    with workdir.flushing():
        try:
            result.recovered = recover_pending(store, workdir, state, feed_base_url=feed_base_url)
        except StoreError as exc:
            result.error = str(exc)
            result.remaining = workdir.count()
            return result
        paths = workdir.spooled()
        if not paths:
            return result
        batch = workdir.batch(new_flush_id())
        batch.acquire()
        try:
            batch.write_meta({"run_id": batch.id, "kind": "flush", "started_at": now_iso()})
            _upload(store, workdir, batch, paths, state, result, workers)
            if result.flushed:
                meta = batch.meta()
                meta.update(finished_at=now_iso(), flushed=result.flushed)
                batch.write_meta(meta)
                result.commit = commit_batch(store, batch, workdir=workdir, feed_base_url=feed_base_url)
            else:
                batch.remove()
        except StoreError as exc:
            result.error = result.error or str(exc)
        finally:
            batch.release()
        result.remaining = workdir.count()
    return result


def _upload(
    store: ObjectStore,
    workdir: WorkDir,
    batch: Batch,
    paths: list[Path],
    state: StateBackend | None,
    result: FlushResult,
    workers: int,
) -> None:
    """Upload the spooled files, `workers` at once, journaling and unspooling them in spooling order; stop at
    the first one the store refuses (the uploads after it are redone by the next flush: same key, same bytes)."""
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="flush") as pool:
        window: deque[tuple[str, dict[str, Any], Future[None]]] = deque()
        pending = iter(paths)
        try:
            while True:
                while len(window) < workers * 2:
                    path = next(pending, None)
                    if path is None:
                        break
                    record = workdir.read(path)
                    if record is None:
                        continue
                    data = str(record["data"]).encode("utf-8")
                    window.append((path.name, record, pool.submit(store.put, str(record["key"]), data)))
                if not window:
                    return
                name, record, future = window.popleft()
                future.result()
                entry = {**record["entry"], "spool": name}
                batch.append(entry)
                if state is not None and entry.get("known"):
                    state.call(state.record_now, KnownArticle(**entry["known"]))
                workdir.unspool(name)
                result.flushed += 1
        except StoreError as exc:
            result.error = str(exc)
        finally:
            for _name, _record, later in window:
                later.cancel()
