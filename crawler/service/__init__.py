"""The crawler service: one long-lived process with the nightly schedule, an HTTP API and run history.

`config` (TOML settings), `history` (SQLite run history), `runs` (crawls as supervised child processes),
`scheduler` (cron, spread, catch-up), `auth`, `metrics`, `api` (FastAPI), `app` (the wiring), `server`
(uvicorn and signals), `commands` (`crawler serve`, `recrawl`, `runs`). See docs/service.md.
"""
