"""The checks of one site's run against its thresholds and its trailing runs; each failing one is a Finding.

Layout drift (kind `drift`) is what a portal's redesign looks like: a field the site's own selectors used to
fill falls to the generic layer on more than `fallback_max` of the items, or a field's coverage falls more
than `coverage_drop` below its trailing median. The other checks (kind `check`): too few items against the
trailing median, a coverage below its floor, rejects, errors, HTTP statuses, run duration. A wrong declaration
(kind `declaration`): a field whose declared selector missed or was overruled (`Article.declared`) on more
than `declared_max` of the items, though the other layers may still have filled it right. An unreachable site
(kind `check`, name `site_unreachable`): a run that fetched no page, or whose failed requests pass
`unreachable_share`; such a run ends `failed`, and it judges nothing else (no articles say nothing about the
selectors), while any run that reached the site resolves the alert.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from dataclasses import field as dataclass_field
from statistics import median
from typing import Any

from crawler.monitor.metrics import COVERAGE_FIELDS, SELECTOR_FIELDS, RunMetrics, declared_wrong
from crawler.monitor.thresholds import Thresholds

DRIFT, CHECK, DECLARATION = "drift", "check", "declaration"
LAYOUT_DRIFT = "layout_drift"
DECLARATION_WRONG = "declaration"
SITE_UNREACHABLE = "site_unreachable"

DECLARED_ORDER = ("body_text", "title", "published_at", "published_raw", "lead", "authors", "section", "tags")
"""Declared fields in order of importance: the first wrong one names a declaration alert."""


@dataclass(frozen=True)
class Finding:
    """One check that failed: what, on which field, the figure before (trailing median) and now."""

    kind: str
    name: str
    message: str
    field: str | None = None
    before: float | None = None
    after: float | None = None
    threshold: float | None = None
    samples: list[str] = dataclass_field(default_factory=list)
    error_classes: dict[str, int] = dataclass_field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Finding:
        return cls(**data)


@dataclass(frozen=True)
class Evaluation:
    """The findings of one run, and which checks it could judge (an alert of a check not judged stays as it
    is: too few items say nothing about the selectors)."""

    findings: list[Finding]
    judged: frozenset[str]

    @property
    def drift(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == DRIFT]

    @property
    def declaration(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == DECLARATION]


def _pct(share: float | None) -> str:
    return "n/a" if share is None else f"{share * 100:.0f}%"


def _median(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return float(median(present)) if present else None


def _classes(counts: dict[str, int]) -> str:
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ", ".join(f"{name} {n}" for name, n in ranked) or "no error recorded"


def unreachable(metrics: RunMetrics, t: Thresholds) -> Finding | None:
    """The run's `site_unreachable` finding: no page fetched, or failed requests beyond `unreachable_share`."""
    failures = metrics.request_failures
    share = metrics.request_error_share
    if metrics.pages and share <= t.unreachable_share:
        return None
    what = "no page fetched" if not metrics.pages else f"{_pct(share)} of requests failed"
    return Finding(
        CHECK,
        SITE_UNREACHABLE,
        f"site unreachable: {what} ({metrics.pages} pages, {sum(failures.values())} failed requests: "
        f"{_classes(failures)})",
        after=share if metrics.pages else 1.0,
        threshold=t.unreachable_share,
        error_classes=dict(failures),
    )


def evaluate(metrics: RunMetrics, baseline: Sequence[RunMetrics], t: Thresholds) -> Evaluation:
    """Every check on one site's run; `baseline` is the site's trailing healthy runs, newest first. An
    unreachable run is judged on that alone."""
    down = unreachable(metrics, t)
    if down is not None:
        return Evaluation([down], frozenset({SITE_UNREACHABLE}))
    findings: list[Finding] = []
    judged: set[str] = {"reject_ratio", "error_ratio", "bad_status_ratio", SITE_UNREACHABLE}
    base = [m for m in baseline[: t.trailing_runs] if m.items >= t.min_items]
    has_base = len(base) >= t.min_baseline_runs
    enough = metrics.items >= t.min_items

    if enough:
        judged |= {LAYOUT_DRIFT, "coverage", DECLARATION_WRONG}
        drift = _drift(metrics, base if has_base else [], t)
        findings += drift + _declaration(metrics, base if has_base else [], t, {f.field for f in drift})
        for name in COVERAGE_FIELDS:
            floor = t.min_coverage.get(name, 0.0)
            now = metrics.coverage.get(name, 0.0)
            if floor > 0 and now < floor:
                findings.append(
                    Finding(
                        CHECK,
                        "coverage",
                        f"{name} coverage {_pct(now)} is below the floor of {_pct(floor)}",
                        field=name,
                        before=_median([m.coverage.get(name) for m in base]) if has_base else None,
                        after=now,
                        threshold=floor,
                    )
                )

    if has_base:
        judged.add("items")
        usual = _median([float(m.items) for m in base]) or 0.0
        if usual >= t.min_items and metrics.items < (1 - t.items_drop) * usual:
            findings.append(
                Finding(
                    CHECK,
                    "items",
                    f"{metrics.items} articles extracted against a trailing median of {usual:g}",
                    before=usual,
                    after=float(metrics.items),
                    threshold=t.items_drop,
                )
            )
        usual_seconds = _median([m.seconds for m in base])
        if usual_seconds and metrics.seconds is not None:
            judged.add("duration")
            if metrics.seconds > max(t.duration_factor * usual_seconds, t.min_duration_seconds):
                findings.append(
                    Finding(
                        CHECK,
                        "duration",
                        f"the run took {metrics.seconds:.0f} s against a trailing median of "
                        f"{usual_seconds:.0f} s",
                        before=usual_seconds,
                        after=metrics.seconds,
                        threshold=t.duration_factor,
                    )
                )

    ratios = (
        ("reject_ratio", "rejected articles", metrics.reject_ratio, t.max_reject_ratio),
        ("error_ratio", "pages with errors", metrics.error_ratio, t.max_error_ratio),
        (
            "bad_status_ratio",
            "responses with an error status",
            metrics.bad_status_ratio,
            t.max_bad_status_ratio,
        ),
    )
    for name, what, now, limit in ratios:
        if now > limit:
            findings.append(
                Finding(
                    CHECK,
                    name,
                    f"{_pct(now)} {what} (threshold {_pct(limit)})",
                    before=_median([getattr(m, name) for m in base]) if has_base else None,
                    after=now,
                    threshold=limit,
                )
            )
    return Evaluation(findings, frozenset(judged))


def _drift(metrics: RunMetrics, base: Sequence[RunMetrics], t: Thresholds) -> list[Finding]:
    """Layout drift: fields falling to the generic layer, and coverage falling against the baseline."""
    found: list[Finding] = []
    for name in SELECTOR_FIELDS:
        now = metrics.fallback.get(name, 0.0)
        if now > t.fallback_max:
            before = _median([m.fallback.get(name) for m in base])
            found.append(
                Finding(
                    DRIFT,
                    LAYOUT_DRIFT,
                    f"{name}: the site's selectors missed on {_pct(now)} of articles, filled by the generic "
                    f"layer (before: {_pct(before)})",
                    field=name,
                    before=before,
                    after=now,
                    threshold=t.fallback_max,
                    samples=metrics.samples.get(name, [])[:5],
                )
            )
    if not base:
        return found
    flagged = {f.field for f in found}
    for name in COVERAGE_FIELDS:
        before = _median([m.coverage.get(name) for m in base])
        now = metrics.coverage.get(name, 0.0)
        if name not in flagged and before is not None and before - now > t.coverage_drop:
            found.append(
                Finding(
                    DRIFT,
                    LAYOUT_DRIFT,
                    f"{name}: coverage fell from {_pct(before)} to {_pct(now)} against the trailing runs",
                    field=name,
                    before=before,
                    after=now,
                    threshold=t.coverage_drop,
                    samples=metrics.samples.get(f"{name}/missing", [])[:5],
                )
            )
    return found


def _declaration(
    metrics: RunMetrics, base: Sequence[RunMetrics], t: Thresholds, drifting: set[str | None]
) -> list[Finding]:
    """Declared fields whose selector missed or was overruled on more than `declared_max` of the items; a
    field the layout-drift alert already names (the generic layer filled it) is left to that alert."""
    found: list[Finding] = []
    names = sorted(metrics.declared, key=lambda n: (n not in DECLARED_ORDER, _order(n), n))
    for name in names:
        now = metrics.declared_wrong_share(name)
        if now <= t.declared_max or _ARTICLE_NAME.get(name, name) in drifting:
            continue
        counts = metrics.declared[name]
        missed, overruled = counts.get("missed", 0), counts.get("overruled", 0)
        extra = (
            f"; the generic body won on {metrics.declaration_mismatch} of them"
            if name == "body_text" and metrics.declaration_mismatch
            else ""
        )
        found.append(
            Finding(
                DECLARATION,
                DECLARATION_WRONG,
                f"{name}: the declared selector missed on {missed} and was overruled on {overruled} of "
                f"{metrics.items} articles{extra} (`crawler check --suggest` derives a corrected one)",
                field=name,
                before=_median([m.declared_wrong_share(name) for m in base]),
                after=now,
                threshold=t.declared_max,
                samples=metrics.samples.get(f"declared/{name}", [])[:5],
            )
        )
    return found


_ARTICLE_NAME = {"published_raw": "published_at", "modified_raw": "modified_at"}


def _order(name: str) -> int:
    return DECLARED_ORDER.index(name) if name in DECLARED_ORDER else len(DECLARED_ORDER)


__all__ = [
    "CHECK",
    "DECLARATION",
    "DECLARATION_WRONG",
    "DRIFT",
    "LAYOUT_DRIFT",
    "SITE_UNREACHABLE",
    "Evaluation",
    "Finding",
    "declared_wrong",
    "evaluate",
    "unreachable",
]
