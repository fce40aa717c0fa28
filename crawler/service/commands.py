"""The operator's commands for the service: `crawler serve`, `crawler recrawl SITE`, `crawler runs`.

`crawler/cli.py` calls `add_service_commands(commands)`; `python -m crawler.service` runs them on their own.
"""

from __future__ import annotations

import argparse
import http.client
import json
import logging
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crawler.service.config import (
    TOKEN_ENV,
    TOKEN_FILE_ENV,
    ConfigError,
    check_token,
    load_config,
    read_token,
)

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8080


def add_service_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = commands.add_parser(
        "serve",
        help="run the crawler service: nightly schedule, HTTP API, run history",
        description="Run the service: the nightly schedule, the HTTP API and the run history. Mutating "
        f"endpoints need `Authorization: Bearer ${TOKEN_ENV}`; without {TOKEN_ENV} it refuses to start "
        "unless --insecure-no-auth (and then listens on 127.0.0.1 only).",
    )
    serve.add_argument("--host", help=f"address to listen on (default {DEFAULT_HOST})")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    _service_options(serve)
    serve.add_argument(
        "--insecure-no-auth",
        action="store_true",
        help="serve without a token, on 127.0.0.1 only (development)",
    )
    serve.add_argument(
        "--no-schedule", action="store_true", help="serve the API only; fire no scheduled runs"
    )
    serve.add_argument("--log-level", default="INFO", choices=("DEBUG", "INFO", "WARNING", "ERROR"))
    serve.set_defaults(handler=cmd_serve)

    recrawl = commands.add_parser(
        "recrawl",
        help="crawl one site now (through a running service, or here)",
        description=f"Ask the service at --server to crawl SITE now (with the token from ${TOKEN_ENV}); "
        "without --server, crawl it here as a separate process and record the run in the local history.",
    )
    recrawl.add_argument("site", metavar="SITE")
    recrawl.add_argument("--server", metavar="URL", help="the service, e.g. http://127.0.0.1:8080")
    recrawl.add_argument("--wait", action="store_true", help="with --server: wait for the run to finish")
    _service_options(recrawl)
    recrawl.set_defaults(handler=cmd_recrawl)

    runs = commands.add_parser(
        "runs",
        help="list recent runs",
        description="List recent runs, newest first, from the service at --server or from the local history.",
    )
    runs.add_argument("--server", metavar="URL", help="the service, e.g. http://127.0.0.1:8080")
    runs.add_argument("--site", metavar="SITE", help="only this site's runs")
    runs.add_argument("--limit", type=int, default=20, help="how many (default 20)")
    runs.add_argument(
        "--state", type=Path, metavar="PATH", help="the history database (default data/service.sqlite)"
    )
    runs.add_argument("--config", type=Path, metavar="FILE", help="the service's TOML config")
    runs.add_argument("--json", action="store_true", help="print JSON instead of a table")
    runs.set_defaults(handler=cmd_runs)


def _service_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", metavar="URL", help="object store URL (default file://./data)")
    parser.add_argument(
        "--state", type=Path, metavar="PATH", help="run history database (default data/service.sqlite)"
    )
    parser.add_argument("--config", type=Path, metavar="FILE", help="TOML config (schedule, limits, crawl)")


# -- serve -----------------------------------------------------------------------------------------------


def cmd_serve(args: argparse.Namespace) -> int:
    """Check the token, the host and the config first (fast, before the web stack is imported), then serve."""
    logging.basicConfig(level=args.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    log = logging.getLogger("crawler.service")
    try:
        token = read_token()
        check_token(token)
        config = load_config(args.config, store=args.store, state=args.state)
    except ConfigError as exc:
        return error(str(exc))
    host = args.host or DEFAULT_HOST
    if token is None:
        if not args.insecure_no_auth:
            return error(
                f"{TOKEN_ENV} is not set: set it (or {TOKEN_FILE_ENV}) to a long random secret, "
                "or pass --insecure-no-auth to serve without auth on 127.0.0.1 only"
            )
        if host not in LOOPBACK:
            return error(f"--insecure-no-auth serves on 127.0.0.1 only, not on {host}")
        host = "127.0.0.1"
        log.warning("serving WITHOUT auth (--insecure-no-auth), on 127.0.0.1 only")
    elif args.insecure_no_auth:
        log.warning("%s is set: auth stays on despite --insecure-no-auth", TOKEN_ENV)

    from crawler.service.server import run_server  # lazy: uvicorn and FastAPI load only for `serve`

    return run_server(config, token, host=host, port=args.port, schedule=not args.no_schedule)


# -- recrawl ---------------------------------------------------------------------------------------------


def cmd_recrawl(args: argparse.Namespace) -> int:
    from crawler.sites import UnknownSiteError, get_site

    if args.server:
        return _recrawl_remote(args.server, args.site, wait=args.wait)
    try:
        get_site(args.site)
        config = load_config(args.config, store=args.store, state=args.state)
    except (UnknownSiteError, ConfigError) as exc:
        return error(str(exc))
    return _recrawl_local(config, args.site)


def _recrawl_remote(server: str, site: str, *, wait: bool) -> int:
    token = read_token()
    if token is None:
        print(
            f"crawler: warning: {TOKEN_ENV} is not set; the service will refuse unless it runs without auth",
            file=sys.stderr,
        )
    status, body = _http("POST", f"{server.rstrip('/')}/sites/{site}/crawl", token)
    if status == 202:
        print(f"run {body['run_id']} of {site} queued: {server.rstrip('/')}{body['url']}")
        if not wait:
            return 0
        return _wait_remote(server, int(body["run_id"]))
    if status == 409:
        return error(f"{site} is already being crawled (run {body.get('run_id')})", code=1)
    return error(f"the service answered {status}: {body.get('detail', body)}", code=2 if status < 500 else 1)


def _wait_remote(server: str, run_id: int) -> int:
    import time

    while True:
        status, run = _http("GET", f"{server.rstrip('/')}/runs/{run_id}?log_lines=0", None)
        if status != 200:
            return error(f"the service answered {status} for run {run_id}", code=1)
        if run["state"] not in ("queued", "running"):
            _print_runs([run])
            return 0 if run["state"] == "succeeded" else 1
        time.sleep(2)


def _recrawl_local(config: Any, site: str) -> int:
    # Lazy, for the CLI's start-up time (no loop: the service imports the monitors, never the reverse).
    from crawler.monitor.engine import Monitor
    from crawler.service.history import RunHistory, SiteBusyError
    from crawler.service.runs import RunManager

    logging.basicConfig(level="INFO", format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    history = RunHistory(config.state)
    manager = RunManager(history, config)
    manager.after_run = Monitor(history, config.monitor).after_run  # judged like a nightly run
    manager.start()
    try:
        try:
            run = manager.submit(site, "manual")
        except SiteBusyError as exc:
            return error(f"{site} is already being crawled (run {exc.run_id})", code=1)
        print(
            f"run {run.id} of {site}: log in {config.runs_dir}/{run.id:06d}-{site}/crawl.log", file=sys.stderr
        )
        try:
            run = manager.wait(run.id)
        except KeyboardInterrupt:
            print("crawler: stopping the crawl (Ctrl-C again to kill it)", file=sys.stderr)
            manager.cancel(run.id)
            run = manager.wait(run.id)
    finally:
        manager.shutdown()
        history.close()
    _print_runs([_run_json(run)])
    return 0 if run.state == "succeeded" else 1


# -- runs ------------------------------------------------------------------------------------------------


def cmd_runs(args: argparse.Namespace) -> int:
    if args.server:
        query = f"?limit={args.limit}" + (f"&site={args.site}" if args.site else "")
        status, body = _http("GET", f"{args.server.rstrip('/')}/runs{query}", None)
        if status != 200:
            return error(f"the service answered {status}: {body}", code=1)
        runs: list[dict[str, Any]] = body if isinstance(body, list) else []
    else:
        from crawler.service.history import RunHistory

        try:
            config = load_config(args.config, state=args.state)
        except ConfigError as exc:
            return error(str(exc))
        if not config.state.exists():
            return error(f"no run history at {config.state} (start `crawler serve`, or pass --state)", code=1)
        history = RunHistory(config.state)
        runs = [_run_json(run) for run in history.recent(site=args.site, limit=args.limit)]
        history.close()
    if args.json:
        print(json.dumps(runs, ensure_ascii=False, indent=2))
    else:
        _print_runs(runs)
    return 0


# -- helpers ---------------------------------------------------------------------------------------------


def _run_json(run: Any) -> dict[str, Any]:
    summary: dict[str, Any] = run.summary()
    return summary


def _print_runs(runs: list[dict[str, Any]]) -> None:
    rows = [("ID", "SITE", "STATE", "TRIGGER", "CREATED", "SECONDS", "ARTICLES", "ERRORS", "NOTE")]
    for run in runs:
        seconds = run.get("duration_seconds")
        rows.append(
            (
                str(run["id"]),
                run["site"],
                run["state"],
                run["trigger"],
                str(run["created_at"])[:19],
                f"{seconds:.1f}" if seconds is not None else "",
                _cell(run.get("articles")),
                _cell(run.get("errors")),
                run.get("error") or "",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


_MAX_ANSWER = 16 * 1024 * 1024


def _http(method: str, url: str, token: str | None) -> tuple[int, Any]:
    """One JSON request to the service with `http.client`, which follows no redirect: the token goes only to
    the --server given. A redirect is refused in one line (exit 2; urllib would send the token on to wherever
    it pointed); an unreachable service exits 1."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SystemExit(error(f"--server must be an http(s) URL, not {url.split('?', 1)[0]!r}"))
    headers = {"Accept": "application/json", "User-Agent": "vn-news-crawler-cli"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        port = parts.port
        kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        connection = kind(parts.hostname, port, timeout=30)
    except ValueError as exc:
        raise SystemExit(error(f"--server {url.split('?', 1)[0]!r} cannot be read: {exc}")) from None
    try:
        connection.request(method, path, headers=headers)
        response = connection.getresponse()
        status, reason = response.status, response.reason
        location = response.getheader("Location")
        raw = b"" if 300 <= status < 400 else response.read(_MAX_ANSWER)
    except (OSError, http.client.HTTPException) as exc:
        raise SystemExit(error(f"cannot reach the service at {url}: {exc}", code=1)) from None
    finally:
        connection.close()
    if 300 <= status < 400:
        where = f" to {location}" if location else ""
        raise SystemExit(
            error(
                f"the service at {url} answered {status}, a redirect{where}: not followed, and the token not "
                "sent on; give --server the service's own address"
            )
        )
    try:
        body = json.loads(raw or b"null")
    except ValueError:
        body = {"detail": reason or raw[:200].decode("utf-8", "replace")}
    return status, body if body is not None else {}


def error(message: str, code: int = 2) -> int:
    print(f"crawler: error: {message}", file=sys.stderr)
    return code
