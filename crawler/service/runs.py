"""Runs as separate processes: one `crawler crawl SITE` child per run, supervised by one thread.

A crashing crawl cannot take the service down; one run per site at a time (enforced by the history's unique
index); at most `max_concurrent_runs` children at once, the rest wait queued in FIFO order. Each child runs in
its own session with its output in `<run dir>/crawl.log` and its counters in `<run dir>/stats.json`. Cancel is
SIGTERM (Scrapy then closes the spider gracefully, finish_reason `shutdown`) and SIGKILL after the grace.

The child's output reaches its log through a pipe, line by line, with credentials scrubbed (`redact.scrub`):
botocore at DEBUG writes key ids and security tokens, and the log is served by `GET /runs/{id}`. The crawl
runs with Scrapy's remote-control server and telnet console off (`crawl_settings`). A run that fetched
nothing, or whose requests failed beyond `unreachable_share`, ends `failed` (the monitors then raise
`site_unreachable`).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shlex
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from crawler.liveness import pid_alive
from crawler.monitor.findings import unreachable
from crawler.monitor.metrics import RunMetrics
from crawler.redact import scrub, scrub_json
from crawler.runs import CANCELLED, FAILED, QUEUED, RUNNING, SUCCEEDED, utcnow
from crawler.service.config import TOKEN_ENV, TOKEN_FILE_ENV, ServiceConfig
from crawler.service.history import BadTransitionError, Run, RunHistory

log = logging.getLogger("crawler.service.runs")

CANCELLED_BY_OPERATOR = "cancelled by an operator"
CRAWL_SETTINGS = "crawler.service.crawl_settings"
SETTINGS_ENV = "SCRAPY_SETTINGS_MODULE"
PROJECT_SETTINGS = "crawler.settings"
PUMP_GRACE = 5.0  # seconds to wait for the last lines of a finished crawl's output
STOPPED_BY_SHUTDOWN = "stopped by the service shutting down"


class ServiceStoppingError(Exception):
    """The service is shutting down and takes no new runs."""


class RunNotFoundError(KeyError):
    pass


@dataclass
class _Child:
    run_id: int
    site: str
    proc: subprocess.Popen[bytes]
    log_file: IO[bytes]
    stats_path: Path
    pump: threading.Thread
    started: float
    term_sent_at: float | None = None
    kill_sent: bool = False
    reason: str | None = None


@dataclass
class RunManager:
    history: RunHistory
    config: ServiceConfig
    now: Callable[[], datetime] = utcnow
    poll_interval: float = 0.2
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    after_run: Callable[[Run], object] | None = None
    """Called with each finished run (the monitors); its failure is logged, never the supervisor's."""
    _children: dict[int, _Child] = field(default_factory=dict, init=False)
    _lock: threading.RLock = field(default_factory=threading.RLock, init=False)
    _wake: threading.Event = field(default_factory=threading.Event, init=False)
    _stop_loop: threading.Event = field(default_factory=threading.Event, init=False)
    _thread: threading.Thread | None = field(default=None, init=False)
    stopping: bool = field(default=False, init=False)
    _me: str = field(default_factory=lambda: owner()[1], init=False)

    # -- lifecycle -------------------------------------------------------------------------------------

    def start(self) -> None:
        self.recover_orphans()
        self._thread = threading.Thread(target=self._loop, name="run-supervisor", daemon=True)
        self._thread.start()

    def recover_orphans(self) -> None:
        """Runs left active by a service that died: mark them failed, and stop their crawl if still alive."""
        for run in self.history.active():
            if owner_alive(run.owner_pid, run.owner_token):
                continue
            if run.pid and run.run_dir and _is_our_crawl(run.pid, run.run_dir):
                log.warning("run %d: stopping crawl pid %d left behind by a stopped service", run.id, run.pid)
                _signal_group(run.pid, signal.SIGTERM)
            message = f"the service running it (pid {run.owner_pid}) stopped before it finished"
            self.history.transition(run.id, FAILED, finished_at=self.now(), error=message)
            log.warning("run %d of %s marked failed: %s", run.id, run.site, message)

    def shutdown(self, grace: float | None = None) -> None:
        """Take no new runs, cancel queued ones, SIGTERM running ones, SIGKILL what is left after `grace`."""
        grace = self.config.stop_grace_seconds if grace is None else grace
        self.stopping = True
        self._stop_loop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join()
        with self._lock:
            for run in self.history.queued():
                if run.owner_token == self._me:
                    self._finish_queued(run.id, STOPPED_BY_SHUTDOWN)
            for child in self._children.values():
                self._terminate(child, STOPPED_BY_SHUTDOWN)
        deadline = time.monotonic() + grace
        while self._children and time.monotonic() < deadline:
            self._reap()
            time.sleep(0.05)
        with self._lock:
            for child in list(self._children.values()):
                log.warning(
                    "run %d of %s: still running after %.0f s, killing it", child.run_id, child.site, grace
                )
                _signal_group(child.proc.pid, signal.SIGKILL)
                child.kill_sent = True
                child.proc.wait(timeout=10)
            self._reap()

    # -- operations ------------------------------------------------------------------------------------

    def submit(self, site: str, trigger: str) -> Run:
        """Queue a run of the site (SiteBusyError if it has one queued or running)."""
        if self.stopping:
            raise ServiceStoppingError("the service is shutting down")
        run = self.history.create(site, trigger, owner=owner(), now=self.now())
        log.info("run %d of %s queued (%s)", run.id, site, trigger)
        self._wake.set()
        return run

    def cancel(self, run_id: int) -> Run:
        """Cancel a queued run at once, or ask a running one to stop; BadTransitionError once finished."""
        with self._lock:
            run = self.history.get(run_id)
            if run is None:
                raise RunNotFoundError(run_id)
            if run.state == QUEUED:
                return self._finish_queued(run_id, CANCELLED_BY_OPERATOR)
            if run.state != RUNNING:
                raise BadTransitionError(f"run {run_id} has already {run.state}")
            if run.cancel_requested_at is None:
                run = self.history.update(run_id, cancel_requested_at=self.now())
            child = self._children.get(run_id)
            if child is not None:
                self._terminate(child, CANCELLED_BY_OPERATOR)
            log.info("run %d of %s: cancel requested", run_id, run.site)
            return run

    def wait(self, run_id: int, timeout: float | None = None) -> Run:
        """Block until the run has finished (or the timeout passes); the run as it is then."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            run = self.history.get_required(run_id)
            if not run.active or (deadline is not None and time.monotonic() >= deadline):
                return run
            time.sleep(min(self.poll_interval, 0.1))

    def running_count(self) -> int:
        with self._lock:
            return len(self._children)

    # -- the supervisor --------------------------------------------------------------------------------

    def _loop(self) -> None:
        while not self._stop_loop.is_set():
            try:
                self._step()
            except Exception:  # the supervisor must outlive any one bad run
                log.exception("run supervisor step failed")
            self._wake.wait(self.poll_interval)
            self._wake.clear()

    def _step(self) -> None:
        with self._lock:
            self._reap()
            for child in self._children.values():
                if child.term_sent_at is None:
                    run = self.history.get(child.run_id)
                    if run is not None and run.cancel_requested_at is not None:  # asked by another process
                        self._terminate(child, CANCELLED_BY_OPERATOR)
                elif (
                    not child.kill_sent
                    and time.monotonic() - child.term_sent_at > self.config.stop_grace_seconds
                ):
                    log.warning(
                        "run %d of %s: no exit after SIGTERM, sending SIGKILL", child.run_id, child.site
                    )
                    _signal_group(child.proc.pid, signal.SIGKILL)
                    child.kill_sent = True
            if self.stopping:
                return
            for run in self.history.queued():
                if len(self._children) >= self.config.max_concurrent_runs:
                    break
                if run.owner_token == self._me:
                    self._launch(run)

    def _launch(self, run: Run) -> None:
        run_dir = (self.config.runs_dir / f"{run.id:06d}-{run.site}").resolve()
        run_dir.mkdir(parents=True, exist_ok=True)
        stats_path = run_dir / "stats.json"
        argv = self.config.crawl_argv(site=run.site, stats_json=stats_path, run_dir=run_dir)
        try:
            run = self.history.transition(run.id, RUNNING, started_at=self.now(), run_dir=str(run_dir))
        except BadTransitionError:  # cancelled meanwhile (by another process)
            return
        log_file = (run_dir / "crawl.log").open("ab")
        header = f"# run {run.id} of {run.site} ({run.trigger}), started {run.started_at}\n"
        header += f"# $ {shlex.join(argv)}\n"
        log_file.write(scrub(header).encode())
        log_file.flush()
        env = {k: v for k, v in self.environ.items() if k not in (TOKEN_ENV, TOKEN_FILE_ENV)}
        env["PYTHONUNBUFFERED"] = "1"
        if env.get(SETTINGS_ENV, PROJECT_SETTINGS) == PROJECT_SETTINGS:
            env[SETTINGS_ENV] = CRAWL_SETTINGS  # the project's settings, remote control and telnet off
        try:
            proc = subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                env=env,
                start_new_session=True,
                close_fds=True,
            )
        except OSError as exc:
            log_file.write(f"# could not start: {exc}\n".encode())
            log_file.close()
            self.history.transition(
                run.id, FAILED, finished_at=self.now(), error=f"could not start the crawl: {exc}"
            )
            log.error("run %d of %s could not start: %s", run.id, run.site, exc)
            return
        pump = threading.Thread(target=_pump, args=(proc, log_file), name=f"run-{run.id}-log", daemon=True)
        pump.start()
        self.history.update(run.id, pid=proc.pid)
        self._children[run.id] = _Child(run.id, run.site, proc, log_file, stats_path, pump, time.monotonic())
        log.info("run %d of %s started (pid %d)", run.id, run.site, proc.pid)

    def _terminate(self, child: _Child, reason: str) -> None:
        child.reason = child.reason or reason
        if self.history.get_required(child.run_id).cancel_requested_at is None:
            self.history.update(child.run_id, cancel_requested_at=self.now())
        if child.term_sent_at is None:
            child.term_sent_at = time.monotonic()
            _signal_group(child.proc.pid, signal.SIGTERM)

    def _reap(self) -> None:
        with self._lock:
            for run_id, child in list(self._children.items()):
                if child.proc.poll() is None:
                    continue
                del self._children[run_id]
                self._finalize(child)

    def _finalize(self, child: _Child) -> None:
        code = child.proc.returncode
        duration = time.monotonic() - child.started
        stats = _read_stats(child.stats_path)
        child.pump.join(
            PUMP_GRACE
        )  # the last lines first (a helper still holding the pipe is not waited for)
        ended = f"# exit code {code} after {duration:.1f} s\n"
        child.log_file.write(ended.encode())
        child.log_file.close()
        run = self.history.get_required(child.run_id)
        totals: dict[str, Any] = (stats or {}).get("totals") or {}
        if run.cancel_requested_at is not None:
            state, error = CANCELLED, child.reason or CANCELLED_BY_OPERATOR
        elif code == 0 and stats is not None:
            state, error = SUCCEEDED, None
            site_stats = (stats.get("sites") or {}).get(child.site)
            counts = site_stats if isinstance(site_stats, dict) else totals
            finding = (
                unreachable(RunMetrics.from_site_stats(counts), self.config.monitor.for_site(child.site))
                if "pages_fetched" in counts
                else None
            )
            if finding is not None:
                state, error = FAILED, finding.message
        elif code == 0:
            state, error = FAILED, "the crawl exited without writing its stats"
        elif code < 0:
            state, error = FAILED, f"the crawl was killed by signal {-code}"
        else:
            state, error = FAILED, f"the crawl exited with code {code}"
        self.history.transition(
            child.run_id,
            state,
            finished_at=self.now(),
            exit_code=code,
            error=error,
            stats=scrub_json(stats),
            duration_seconds=round(duration, 3),
            pages=_int(totals.get("pages_fetched")),
            articles=_int(totals.get("articles_written")),
            rejects=_int(totals.get("rejects")),
            errors=_int(totals.get("errors")),
        )
        log.info("run %d of %s %s (exit %s, %.1f s)", child.run_id, child.site, state, code, duration)
        if self.after_run is not None:
            try:
                self.after_run(self.history.get_required(child.run_id))
            except Exception:
                log.exception("run %d of %s: the monitors failed", child.run_id, child.site)

    def _finish_queued(self, run_id: int, reason: str) -> Run:
        run = self.history.transition(run_id, CANCELLED, finished_at=self.now(), error=reason)
        log.info("run %d of %s cancelled before it started", run_id, run.site)
        return run


def _pump(proc: subprocess.Popen[bytes], log_file: IO[bytes]) -> None:
    """Copy the child's output to its log, line by line, credentials scrubbed; until the pipe closes."""
    assert proc.stdout is not None
    with proc.stdout:
        for raw in proc.stdout:
            try:
                log_file.write(scrub(raw.decode("utf-8", errors="replace")).encode("utf-8"))
                log_file.flush()
            except (OSError, ValueError):  # the log closed under us (a helper outlived the crawl)
                return


def tail_lines(path: Path | None, count: int, max_bytes: int = 256 * 1024) -> list[str]:
    """The last `count` lines of a log (reading at most `max_bytes` from its end), scrubbed again: a log
    written before scrubbing existed, or by another program, shows no credentials either."""
    if path is None or count <= 0:
        return []
    try:
        with path.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(max(0, size - max_bytes))
            data = handle.read()
    except OSError:
        return []
    lines = data.decode("utf-8", errors="replace").splitlines()
    if size > max_bytes and lines:
        lines = lines[1:]  # the first one is probably cut
    return [scrub(line) for line in lines[-count:]]


def _read_stats(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def process_token(pid: int) -> str:
    """`pid:start time`: names one process even where pids are reused (PID 1 in every container start)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return f"{pid}:?"  # no /proc (not Linux): the pid alone
    return f"{pid}:{stat.rpartition(')')[2].split()[19]}"


def owner() -> tuple[int, str]:
    """This process, as the owner recorded on the runs it queues."""
    return os.getpid(), process_token(os.getpid())


def owner_alive(pid: int, token: str) -> bool:
    if process_token(pid) != token:
        return False
    if not token.endswith(":?"):
        return True
    return pid_alive(pid)


def _is_our_crawl(pid: int, run_dir: str) -> bool:
    """True only where the process's command line names the run's folder (guards against pid reuse)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return False
    return run_dir in cmdline


def _signal_group(pid: int, sig: int) -> None:
    """Signal the child's process group (it leads its own session), so helpers it started stop too."""
    try:
        os.killpg(pid, sig)
    except ProcessLookupError:
        pass
    except PermissionError:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)
