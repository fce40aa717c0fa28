"""Findings grouped into alerts: one layout-drift alert per site (all its drifting fields inside, the most
important one naming it), likewise one wrong-declaration alert per site, and one alert per other failing check
(and field); `site_unreachable` is one such check, one per site, its details naming the error classes.

An alert is identified by its key; while an alert with that key is open, later runs that find the same only
update it (no new log warning, no new webhook), and a run that judges the check and finds nothing resolves it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from crawler.monitor.findings import DECLARATION, DRIFT, Evaluation, Finding

EVENT_OPENED, EVENT_RESOLVED = "alert.opened", "alert.resolved"


def _pct(share: float | None) -> str:
    return "n/a" if share is None else f"{share * 100:.0f}%"


@dataclass(frozen=True)
class AlertDraft:
    """An alert a run would raise: its key, what names it, and the findings behind it."""

    key: str
    site: str
    kind: str
    name: str
    field: str | None
    message: str
    findings: list[Finding]

    def details(self) -> dict[str, Any]:
        """What the alert record and the webhook carry beyond the names: per field, before, after, samples."""
        first = self.findings[0]
        samples = list(dict.fromkeys(url for f in self.findings for url in f.samples))[:5]
        details: dict[str, Any] = {
            "before": first.before,
            "after": first.after,
            "threshold": first.threshold,
            "sample_urls": samples,
            "fields": [f.to_json() for f in self.findings],
        }
        if first.error_classes:
            details["error_classes"] = dict(first.error_classes)
        return details


def alert_key(site: str, name: str, field: str | None = None, kind: str = DRIFT) -> str:
    if kind == DRIFT:
        return f"drift:{site}"
    if kind == DECLARATION:
        return f"declaration:{site}"
    return f"check:{site}:{name}" + (f":{field}" if field else "")


def drafts(site: str, evaluation: Evaluation) -> dict[str, AlertDraft]:
    """The alerts a run's findings make, by key."""
    result: dict[str, AlertDraft] = {}
    drift = evaluation.drift
    if drift:
        first = drift[0]
        fields = ", ".join(
            f"{f.field} {_pct(f.before)} → {_pct(f.after)}" for f in drift if f.field is not None
        )
        result[alert_key(site, first.name)] = AlertDraft(
            key=alert_key(site, first.name),
            site=site,
            kind=DRIFT,
            name=first.name,
            field=first.field,
            message=f"layout drift on {site}: {fields}",
            findings=drift,
        )
    wrong = evaluation.declaration
    if wrong:
        first = wrong[0]
        fields = ", ".join(f"{f.field} {_pct(f.after)}" for f in wrong if f.field is not None)
        key = alert_key(site, first.name, kind=DECLARATION)
        result[key] = AlertDraft(
            key=key,
            site=site,
            kind=DECLARATION,
            name=first.name,
            field=first.field,
            message=f"declaration of {site} wrong (missed or overruled): {fields}",
            findings=wrong,
        )
    for finding in evaluation.findings:
        if finding.kind in (DRIFT, DECLARATION):
            continue
        key = alert_key(site, finding.name, finding.field, kind=finding.kind)
        result[key] = AlertDraft(
            key=key,
            site=site,
            kind=finding.kind,
            name=finding.name,
            field=finding.field,
            message=f"{site}: {finding.message}",
            findings=[finding],
        )
    return result
