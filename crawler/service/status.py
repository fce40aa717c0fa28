"""The status page at `/`: plain server-rendered HTML, no JavaScript, readable in any browser or `curl`.

Every registered site with its last run, articles, coverage and open alerts; the open alerts with their
figures and sample URLs; the recent runs with their state. Built from the run history only.

Sample URLs come from hostile pages: only http(s) ones become links (a `javascript:` URL is shown as text),
and the page is served with a Content-Security-Policy that allows no script and only its own style block.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable, Sequence
from datetime import datetime
from html import escape
from urllib.parse import urlsplit

from crawler.monitor.findings import SITE_UNREACHABLE
from crawler.monitor.metrics import COVERAGE_FIELDS
from crawler.monitor.store import ALERT_OPEN, Alert, MonitorResult
from crawler.service.history import Run, RunHistory
from crawler.sites import Site

COVERAGE_LABELS = {
    "title": "title",
    "published_at": "date",
    "authors": "author",
    "body_text": "body",
    "images": "images",
}

STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #1d232a; background: #fff; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; } h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
p.meta { color: #5a6570; margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #dde2e6; vertical-align: top; }
th { background: #f3f5f7; font-weight: 600; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.state { padding: 0 .4rem; border-radius: .6rem; font-size: .85em; white-space: nowrap; }
.succeeded { background: #dcf2e0; } .failed { background: #fbd9d6; } .cancelled { background: #ece8d9; }
.running { background: #d9e8fb; } .queued { background: #eee; }
.low { color: #b3261e; font-weight: 600; } .alert { color: #b3261e; } .ok { color: #2d6a3e; }
section.alerts li { margin-bottom: .5rem; } code, .url { font-size: .85em; word-break: break-all; }
"""
STYLE_HASH = base64.b64encode(hashlib.sha256(STYLE.encode("utf-8")).digest()).decode("ascii")
CSP = (
    f"default-src 'none'; style-src 'sha256-{STYLE_HASH}'; img-src 'none'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)
STATUS_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
"""What the status page is served with: no script, no image, nothing loaded but its own style block."""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else "–"


def _pct(share: object) -> str:
    return f"{float(share) * 100:.0f}%" if isinstance(share, int | float) else "n/a"


def _link(url: object) -> str:
    """An http(s) URL as a link; anything else (`javascript:`, `data:`) as text."""
    text = str(url)
    try:
        scheme = urlsplit(text.strip()).scheme.lower()
    except ValueError:
        scheme = ""
    if scheme in ("http", "https") and not any(c in text for c in "\n\r\t"):
        return f'<a href="{_e(text)}">{_e(text)}</a>'
    return _e(text)


def _classes(counts: object) -> str:
    if not isinstance(counts, dict) or not counts:
        return ""
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]) if isinstance(kv[1], int) else (0, kv[0]))
    return ", ".join(f"{name} {n}" for name, n in ranked)


def _state(run: Run | None) -> str:
    if run is None:
        return "never run"
    return f'<span class="state {_e(run.state)}">{_e(run.state)}</span>'


def _coverage_cells(result: MonitorResult | None, floor: float = 0.8) -> str:
    if result is None or not result.metrics.get("items"):
        return "".join('<td class="num">–</td>' for _ in COVERAGE_FIELDS)
    coverage = result.metrics.get("coverage") or {}
    cells = []
    for name in COVERAGE_FIELDS:
        share = coverage.get(name)
        low = (
            isinstance(share, int | float)
            and share < floor
            and name in ("title", "published_at", "body_text")
        )
        cells.append(f'<td class="num{" low" if low else ""}">{_pct(share)}</td>')
    return "".join(cells)


def _fallback_cell(result: MonitorResult | None) -> str:
    if result is None or not result.metrics.get("items"):
        return '<td class="num">–</td>'
    fallback: dict[str, float] = result.metrics.get("fallback") or {}
    worst = max(fallback.items(), key=lambda kv: kv[1], default=("", 0.0))
    if not worst[1]:
        return '<td class="num ok">0%</td>'
    return f'<td class="num low">{_pct(worst[1])} {_e(worst[0])}</td>'


def _alert_line(alert: Alert) -> str:
    details = alert.details
    samples = details.get("sample_urls") or []
    sample_html = "".join(f'<li class="url">{_link(u)}</li>' for u in samples)
    figures = f"before {_pct(details.get('before'))}, after {_pct(details.get('after'))}"
    if alert.name == SITE_UNREACHABLE:
        figures = f"failed requests {_pct(details.get('after'))}: {_classes(details.get('error_classes'))}"
    return (
        f'<li class="alert" id="alert-{alert.id}"><strong>{_e(alert.site)}</strong> · {_e(alert.kind)} · '
        f"field <code>{_e(alert.field or '–')}</code> · {_e(figures)}<br>{_e(alert.message)}"
        f"<br><small>open since {_when(alert.opened_at)} (run {_e(alert.opened_run)}), seen in "
        f"{alert.seen_count} run{'s' if alert.seen_count != 1 else ''}, last in run {_e(alert.last_run)}</small>"
        + (f"<ul>{sample_html}</ul>" if sample_html else "")
        + "</li>"
    )


def render_status(history: RunHistory, sites: Iterable[Site], now: datetime, recent: int = 30) -> str:
    """The whole page as HTML."""
    site_list = list(sites)
    open_alerts = history.alerts(state=ALERT_OPEN, limit=1000)
    by_site: dict[str, list[Alert]] = {}
    for alert in open_alerts:
        by_site.setdefault(alert.site, []).append(alert)
    results = history.latest_monitor_results()
    runs = history.recent(limit=recent)
    rows = [_site_row(site, history, results.get(site.key), by_site.get(site.key, [])) for site in site_list]
    alerts_html = (
        "<ul>" + "".join(_alert_line(a) for a in open_alerts) + "</ul>"
        if open_alerts
        else '<p class="ok">No open alerts.</p>'
    )
    coverage_heads = "".join(
        f'<th title="share of articles">{_e(COVERAGE_LABELS[n])}</th>' for n in COVERAGE_FIELDS
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>vn-news-crawler status</title>
<style>{STYLE}</style>
</head>
<body>
<h1>vn-news-crawler status</h1>
<p class="meta">{len(site_list)} sites · {len(open_alerts)} open alert{"s" if len(open_alerts) != 1 else ""} ·
generated {_when(now)} · <a href="/runs">runs (JSON)</a> · <a href="/alerts?state=open">alerts (JSON)</a> ·
<a href="/docs">API</a></p>

<section class="alerts" id="alerts">
<h2>Open alerts</h2>
{alerts_html}
</section>

<section id="sites">
<h2>Sites</h2>
<table>
<thead><tr><th>site</th><th>family</th><th>last run</th><th>finished</th><th>articles</th>{coverage_heads}
<th>generic fallback</th><th title="failed requests of the last run, by class">errors</th><th>open alerts</th>
</tr></thead>
<tbody>
{"".join(rows)}
</tbody>
</table>
<p class="meta">Coverage of the site's latest judged run: a title; a date from the page; an author; a body of
at least the minimum words; an image. Generic fallback: the field most often filled by the generic layer.
Errors: the failed requests of the site's last run, by class.</p>
</section>

<section id="runs">
<h2>Recent runs</h2>
{_runs_table(runs)}
</section>
</body>
</html>
"""


def _site_row(site: Site, history: RunHistory, result: MonitorResult | None, alerts: Sequence[Alert]) -> str:
    last = next(iter(history.recent(site=site.key, limit=1)), None)
    articles = "–" if last is None or last.articles is None else str(last.articles)
    alert_cell = (
        "<br>".join(
            f'<a class="alert" href="#alert-{a.id}">{_e(a.name)}{f" ({_e(a.field)})" if a.field else ""}</a>'
            for a in alerts
        )
        if alerts
        else '<span class="ok">none</span>'
    )
    run_cell = "–" if last is None else f'<a href="/runs/{last.id}">#{last.id}</a> {_state(last)}'
    if last is not None and last.state == "failed" and last.error:
        run_cell += f"<br><small>{_e(last.error)}</small>"
    return (
        f'<tr id="site-{_e(site.key)}"><td><strong>{_e(site.key)}</strong><br><small>{_e(site.name)}</small></td>'
        f"<td>{_e(site.family.key)}</td><td>{run_cell}</td>"
        f'<td>{_when(last.finished_at if last else None)}</td><td class="num">{articles}</td>'
        f"{_coverage_cells(result)}{_fallback_cell(result)}{_errors_cell(site, last)}<td>{alert_cell}</td></tr>\n"
    )


def _errors_cell(site: Site, last: Run | None) -> str:
    """The last run's failed requests, with their classes (from its stats) where it recorded them."""
    if last is None or last.errors is None:
        return '<td class="num">–</td>'
    site_stats = ((last.stats or {}).get("sites") or {}).get(site.key)
    classes = _classes(site_stats.get("errors_by_class")) if isinstance(site_stats, dict) else ""
    low = " low" if last.state == "failed" or (last.pages == 0) else ""
    detail = f"<br><small>{_e(classes)}</small>" if classes else ""
    return f'<td class="num{low}">{last.errors}{detail}</td>'


def _runs_table(runs: Sequence[Run]) -> str:
    if not runs:
        return "<p>No runs yet.</p>"
    rows = []
    for run in runs:
        duration = f"{run.duration_seconds:.1f} s" if run.duration_seconds is not None else "–"
        rows.append(
            f'<tr><td><a href="/runs/{run.id}">#{run.id}</a></td><td>{_e(run.site)}</td><td>{_state(run)}</td>'
            f'<td>{_e(run.trigger)}</td><td>{_when(run.created_at)}</td><td class="num">{duration}</td>'
            f'<td class="num">{_e(run.pages if run.pages is not None else "–")}</td>'
            f'<td class="num">{_e(run.articles if run.articles is not None else "–")}</td>'
            f'<td class="num">{_e(run.errors if run.errors is not None else "–")}</td>'
            f"<td>{_e(run.error or '')}</td></tr>"
        )
    return (
        "<table><thead><tr><th>run</th><th>site</th><th>state</th><th>trigger</th><th>queued</th>"
        "<th>duration</th><th>pages</th><th>articles</th><th>errors</th><th>error</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
