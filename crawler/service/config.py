"""The service's settings: defaults, then the TOML config file, then the command line.

```toml
[service]
max_concurrent_runs = 2     # crawls running at once, all sites together
stop_grace_seconds = 20     # on cancel or shutdown: SIGTERM, then SIGKILL after this long

[schedule]
timezone = "Asia/Ho_Chi_Minh"
default = "0 2 * * *"        # every site, nightly at 02:00 in `timezone`
spread_minutes = 20          # each site starts at a stable offset of 0..spread after its slot
catch_up = true              # after downtime, run a missed slot once (not once per missed slot)

[schedule.sites]             # per-site overrides: a cron expression, or "off"
baoapbac = "30 3 * * *"
baodongnai_legacy = "off"

[crawl]
store = "file://./data"
limit = 200                  # at most N article pages per site and run (optional)
replica = "http://127.0.0.1:8765"   # crawl a replica instead of the real portals (optional)
# command = ["nice", "python", "-m", "crawler.cli", "crawl", "{site}", "--store", "{store}",
#            "--stats-json", "{stats_json}"]   # placeholders: {site} {store} {crawl_state} {stats_json} {run_dir}

[monitor]                    # the monitors after every run (crawler/monitor/thresholds.py has every threshold)
webhook = "https://hooks.example.org/crawler"   # alert events POSTed as JSON (optional)
fallback_max = 0.3
[monitor.sites.baohaiphong]  # per-site overrides
fallback_max = 0.5
```

The API token is never read from the file or the command line (where `ps` would show it): only from the
environment, `CRAWLER_API_TOKEN`, or a file named by `CRAWLER_API_TOKEN_FILE` (a Docker or systemd secret).
"""

from __future__ import annotations

import os
import sys
import tomllib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cronsim import CronSim, CronSimError

from crawler.monitor.thresholds import MonitorConfig, monitor_config_from_toml

DEFAULT_STORE = "file://./data"
DEFAULT_STATE = Path("data/service.sqlite")
DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_CRON = "0 2 * * *"
TOKEN_ENV = "CRAWLER_API_TOKEN"
TOKEN_FILE_ENV = "CRAWLER_API_TOKEN_FILE"
OFF = "off"


class ConfigError(ValueError):
    """A config file or option the service cannot start with."""


def default_command() -> tuple[str, ...]:
    """The crawl each run spawns: this interpreter running `crawler crawl` for one site."""
    return (
        sys.executable,
        "-m",
        "crawler.cli",
        "crawl",
        "{site}",
        "--store",
        "{store}",
        "--state",
        "{crawl_state}",
        "--stats-json",
        "{stats_json}",
        "--log-level",
        "INFO",
    )


@dataclass(frozen=True)
class ServiceConfig:
    store: str = DEFAULT_STORE
    state: Path = DEFAULT_STATE
    max_concurrent_runs: int = 2
    stop_grace_seconds: float = 20.0
    timezone: str = DEFAULT_TIMEZONE
    default_cron: str = DEFAULT_CRON
    site_crons: dict[str, str] = field(default_factory=dict)
    spread_minutes: int = 20
    catch_up: bool = True
    limit: int | None = None
    replica: str | None = None
    command: tuple[str, ...] = field(default_factory=default_command)
    monitor: MonitorConfig = field(default_factory=MonitorConfig)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def crawl_state(self) -> Path:
        """The crawlers' own state (hashes, versions) lives beside the history database too."""
        return self.state.parent / "state.sqlite"

    @property
    def runs_dir(self) -> Path:
        """Each run's folder (its log and stats) lives beside the history database."""
        return self.state.parent / "runs"

    def cron_for(self, site_key: str) -> str | None:
        """The site's cron expression, or None where its schedule is off."""
        expr = self.site_crons.get(site_key, self.default_cron)
        return None if expr.strip().lower() == OFF else expr

    def crawl_argv(self, *, site: str, stats_json: Path, run_dir: Path) -> list[str]:
        values = {
            "site": site,
            "store": self.store,
            "crawl_state": str(self.crawl_state),
            "stats_json": str(stats_json),
            "run_dir": str(run_dir),
        }
        argv = [part.format_map(values) for part in self.command]
        if self.command == default_command():
            if self.limit is not None:
                argv += ["--limit", str(self.limit)]
            if self.replica:
                argv += ["--replica", self.replica]
        return argv


def load_config(path: Path | None, **overrides: Any) -> ServiceConfig:
    """Defaults, then the file (if any), then the non-None `overrides` (the command line). Checked here."""
    values: dict[str, Any] = {}
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config {path}: {exc}") from None
        values.update(_from_toml(data, path))
    values.update({k: v for k, v in overrides.items() if v is not None})
    config = ServiceConfig(**values)
    validate(config)
    return config


def _from_toml(data: dict[str, Any], path: Path) -> dict[str, Any]:
    known: dict[str, set[str] | None] = {
        "service": {"max_concurrent_runs", "stop_grace_seconds"},
        "schedule": {"timezone", "default", "spread_minutes", "catch_up", "sites"},
        "crawl": {"store", "state", "limit", "replica", "command"},
        "monitor": None,  # checked by monitor_config_from_toml
    }
    for section, table in data.items():
        if section not in known or not isinstance(table, dict):
            raise ConfigError(f"{path}: unknown section [{section}] (known: {', '.join(sorted(known))})")
        keys = known[section]
        unknown = set() if keys is None else set(table) - keys
        if unknown:
            raise ConfigError(f"{path}: unknown key(s) in [{section}]: {', '.join(sorted(unknown))}")
    service, schedule, crawl = data.get("service", {}), data.get("schedule", {}), data.get("crawl", {})
    values: dict[str, Any] = {}
    for key in ("max_concurrent_runs", "stop_grace_seconds"):
        if key in service:
            values[key] = service[key]
    renames = {
        "timezone": "timezone",
        "default": "default_cron",
        "spread_minutes": "spread_minutes",
        "catch_up": "catch_up",
        "sites": "site_crons",
    }
    for key, name in renames.items():
        if key in schedule:
            values[name] = dict(schedule[key]) if key == "sites" else schedule[key]
    for key in ("store", "limit", "replica"):
        if key in crawl:
            values[key] = crawl[key]
    if "state" in crawl:
        values["state"] = Path(crawl["state"])
    if "command" in crawl:
        command = crawl["command"]
        if not isinstance(command, list) or not command or not all(isinstance(p, str) for p in command):
            raise ConfigError(f"{path}: [crawl] command must be a non-empty list of strings")
        values["command"] = tuple(command)
    if "monitor" in data:
        from crawler.sites import all_sites

        try:
            values["monitor"] = monitor_config_from_toml(data["monitor"], set(all_sites()))
        except ValueError as exc:
            raise ConfigError(f"{path}: {exc}") from None
    return values


def validate(config: ServiceConfig) -> None:
    from crawler.sites import all_sites

    def check(ok: bool, message: str) -> None:
        if not ok:
            raise ConfigError(message)

    check(
        isinstance(config.max_concurrent_runs, int) and config.max_concurrent_runs >= 1,
        "max_concurrent_runs must be an integer of 1 or more",
    )
    check(
        isinstance(config.stop_grace_seconds, int | float) and config.stop_grace_seconds > 0,
        "stop_grace_seconds must be a positive number",
    )
    check(
        isinstance(config.spread_minutes, int) and 0 <= config.spread_minutes <= 24 * 60,
        "spread_minutes must be an integer from 0 to 1440",
    )
    check(isinstance(config.catch_up, bool), "catch_up must be true or false")
    check(
        config.limit is None or (isinstance(config.limit, int) and config.limit >= 1),
        "limit must be 1 or more",
    )
    try:
        tz = ZoneInfo(config.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"unknown timezone {config.timezone!r}") from None
    sites = all_sites()
    unknown = sorted(set(config.site_crons) - set(sites))
    check(not unknown, f"[schedule.sites] names unknown site(s): {', '.join(unknown)}")
    for name, expr in [("default", config.default_cron), *config.site_crons.items()]:
        check(isinstance(expr, str), f"schedule for {name} must be a string")
        if expr.strip().lower() == OFF:
            continue
        try:
            CronSim(expr, datetime.now(tz))
        except CronSimError as exc:
            raise ConfigError(f"bad cron expression for {name}: {expr!r} ({exc})") from None
    check("{site}" in " ".join(config.command), "[crawl] command must contain {site}")


def read_token(environ: dict[str, str] | None = None) -> str | None:
    """The API token from the environment (or the file it names), trimmed of whitespace like the file; None
    where none is configured."""
    env = os.environ if environ is None else environ
    token = env.get(TOKEN_ENV, "").strip()
    if not token and env.get(TOKEN_FILE_ENV):
        try:
            token = Path(env[TOKEN_FILE_ENV]).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ConfigError(f"cannot read {TOKEN_FILE_ENV}: {exc.strerror}") from None
    return token or None


def check_token(token: str | None) -> None:
    """ConfigError where the token is too short to resist guessing (the service refuses to start with it)."""
    from crawler.service.auth import MIN_TOKEN_LENGTH

    if token is not None and len(token) < MIN_TOKEN_LENGTH:
        raise ConfigError(
            f"{TOKEN_ENV} is {len(token)} characters long: use at least {MIN_TOKEN_LENGTH}, e.g. "
            "`python -c 'import secrets; print(secrets.token_urlsafe(32))'`"
        )
