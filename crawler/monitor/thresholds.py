"""Per-site thresholds of the monitors, with defaults; read from the `[monitor]` table of the service config.

```toml
[monitor]
webhook = "https://hooks.example.org/crawler"   # alert events are POSTed here as JSON (optional)
fallback_max = 0.3          # drift: more than 30 % of a run's items had a field filled by the generic layer
coverage_drop = 0.3         # drift: a field's coverage fell by more than 30 points against the trailing median
declared_max = 0.5          # declaration: a declared field missed or overruled on more than half of the items
unreachable_share = 0.5     # more than half of a run's requests failed (or no page): failed, site_unreachable

[monitor.min_coverage]      # absolute floors per field (0 switches one off)
title = 0.95

[monitor.sites.baohaiphong] # per-site overrides of any threshold above
fallback_max = 0.5
```
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from crawler.monitor.metrics import COVERAGE_FIELDS


def _default_min_coverage() -> dict[str, float]:
    return {"title": 0.95, "published_at": 0.8, "body_text": 0.8, "authors": 0.0, "images": 0.0}


@dataclass(frozen=True)
class Thresholds:
    """When a run's figures raise an alert. Shares are 0..1."""

    min_items: int = 5
    """Coverage and drift are judged only on runs that extracted at least this many articles."""
    trailing_runs: int = 7
    """The baseline: the median over at most this many earlier healthy runs of the site."""
    min_baseline_runs: int = 2
    """Comparisons with the baseline need at least this many earlier runs."""
    fallback_max: float = 0.3
    """Drift: the share of items whose field the generic layer filled (the site's selectors missed)."""
    coverage_drop: float = 0.3
    """Drift: how far (absolute) a field's coverage may fall below the trailing median."""
    declared_max: float = 0.5
    """Declaration: the share of items on which a field's declared selector missed or was overruled (most)."""
    min_coverage: dict[str, float] = field(default_factory=_default_min_coverage)
    """Absolute coverage floors per field (COVERAGE_FIELDS)."""
    items_drop: float = 0.5
    """Items below (1 - items_drop) x the trailing median raise an alert."""
    max_reject_ratio: float = 0.2
    max_error_ratio: float = 0.1
    max_bad_status_ratio: float = 0.2
    unreachable_share: float = 0.5
    """A run whose failed requests (DNS, connection, timeout, error status) pass this share of its requests,
    or that fetched no page at all, ends `failed` and raises `site_unreachable`."""
    duration_factor: float = 3.0
    """A run taking longer than this many times the trailing median raises an alert ..."""
    min_duration_seconds: float = 300.0
    """... but only when it took longer than this."""

    def with_overrides(self, values: Mapping[str, Any]) -> Thresholds:
        """A copy with `values` laid over (a `min_coverage` table merges field by field)."""
        changes = dict(values)
        if "min_coverage" in changes:
            changes["min_coverage"] = {**self.min_coverage, **dict(changes["min_coverage"])}
        return replace(self, **changes)


THRESHOLD_NAMES = frozenset(f.name for f in fields(Thresholds))


@dataclass(frozen=True)
class MonitorConfig:
    """The monitors' settings: defaults for every site, per-site overrides, the webhook."""

    defaults: Thresholds = field(default_factory=Thresholds)
    sites: dict[str, dict[str, Any]] = field(default_factory=dict)
    webhook: str | None = None
    webhook_timeout: float = 10.0

    def for_site(self, site: str) -> Thresholds:
        overrides = self.sites.get(site)
        return self.defaults.with_overrides(overrides) if overrides else self.defaults


def check_values(values: Mapping[str, Any], where: str) -> None:
    """ValueError naming the first unknown or badly typed threshold in `values`."""
    for name, value in values.items():
        if name not in THRESHOLD_NAMES:
            raise ValueError(
                f"{where}: unknown threshold {name!r} (known: {', '.join(sorted(THRESHOLD_NAMES))})"
            )
        if name == "min_coverage":
            if not isinstance(value, Mapping):
                raise ValueError(f"{where}: min_coverage must be a table of field = share")
            for key, share in value.items():
                if key not in COVERAGE_FIELDS:
                    raise ValueError(f"{where}: min_coverage names unknown field {key!r}")
                _share(share, f"{where}: min_coverage.{key}")
        elif name in ("min_items", "trailing_runs", "min_baseline_runs"):
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValueError(f"{where}: {name} must be a whole number of 0 or more")
        elif name in ("duration_factor", "min_duration_seconds"):
            if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
                raise ValueError(f"{where}: {name} must be a number of 0 or more")
        else:
            _share(value, f"{where}: {name}")


def _share(value: Any, what: str) -> None:
    if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value <= 1:
        raise ValueError(f"{what} must be a share from 0 to 1")


def monitor_config_from_toml(table: Mapping[str, Any], known_sites: set[str]) -> MonitorConfig:
    """The `[monitor]` table as a MonitorConfig; ValueError with the fix for anything wrong in it."""
    values = dict(table)
    webhook = values.pop("webhook", None)
    timeout = values.pop("webhook_timeout", 10.0)
    sites = values.pop("sites", {})
    if webhook is not None and (
        not isinstance(webhook, str) or not webhook.startswith(("http://", "https://"))
    ):
        raise ValueError("[monitor] webhook must be an http:// or https:// URL")
    if not isinstance(timeout, int | float) or isinstance(timeout, bool) or timeout <= 0:
        raise ValueError("[monitor] webhook_timeout must be a positive number of seconds")
    check_values(values, "[monitor]")
    if not isinstance(sites, Mapping):
        raise ValueError("[monitor.sites] must be a table of site tables")
    unknown = sorted(set(sites) - known_sites)
    if unknown:
        raise ValueError(f"[monitor.sites] names unknown site(s): {', '.join(unknown)}")
    for key, overrides in sites.items():
        if not isinstance(overrides, Mapping):
            raise ValueError(f"[monitor.sites.{key}] must be a table")
        check_values(overrides, f"[monitor.sites.{key}]")
    return MonitorConfig(
        defaults=Thresholds().with_overrides(values),
        sites={k: dict(v) for k, v in sites.items()},
        webhook=webhook,
        webhook_timeout=float(timeout),
    )
