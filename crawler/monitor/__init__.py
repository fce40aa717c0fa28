"""Monitors after every run: what a site's run yielded, checked against thresholds and its own trailing runs.

Our own small module rather than Spidermon: Spidermon's monitors run inside one crawl and see only that crawl's
stats, while the checks here compare a run with the site's trailing runs (medians over the service's run
history), keep alerts open across nights so one is not repeated while it stays open, and must also run for
`crawler check`, which is no crawl at all.

- `metrics`: the figures of one site's run, from the crawl's stats (`pipelines/coverage.py` counts, per
  field, which extraction layer filled it).
- `thresholds`: per-site thresholds with defaults (the `[monitor]` table of the service config).
- `checks`: the checks, and layout drift against the trailing runs; each yields findings.
- `alerts`: findings grouped into alerts (one layout-drift alert per site, one per failing check).
- `engine`: after each run of the service: evaluate, open and resolve alerts in the history, log, notify.
- `webhook`: alert events POSTed as JSON from a thread of their own.
- `repair`: a site's declaration audited against pages (each declared selector against the value that won) and
  corrected selectors derived from where the winning values sit.
- `check`: `crawler check SITE [--live] [--pages N] [--suggest]`.
"""
