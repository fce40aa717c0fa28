"""The HTTP API (FastAPI): sites, runs, recrawl and cancel, health and metrics, with its OpenAPI document.

Reads are open (Prometheus scrapes `/metrics`, probes hit `/healthz`); every mutating endpoint needs
`Authorization: Bearer <CRAWLER_API_TOKEN>`, and so do the log lines of `GET /runs/{id}` (they show command
lines, paths and whatever the crawl logged). The token is compared in constant time and never echoed; a client
past 10 failed attempts a minute gets 429 with `Retry-After`. Without auth (`--insecure-no-auth`) only the
bind address's own `Host` names are answered, and a mutation from another origin (a foreign `Origin`, or
`Sec-Fetch-Site` other than same-origin) is refused with 403: no web page the operator visits can queue crawls.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import date, datetime
from importlib import metadata
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request, Response, status
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from crawler.monitor.store import Alert
from crawler.redact import scrub_json
from crawler.runs import STATES
from crawler.service.app import Service
from crawler.service.auth import FailureLimiter
from crawler.service.history import BadTransitionError, Run, RunHistory, SiteBusyError
from crawler.service.metrics import CONTENT_TYPE, render
from crawler.service.runs import RunNotFoundError, ServiceStoppingError, tail_lines
from crawler.service.scheduler import SiteSchedule
from crawler.service.status import STATUS_HEADERS, render_status
from crawler.sites import Site, all_sites

MAX_ID = 2**63 - 1
MUTATING = frozenset({"POST", "PUT", "PATCH", "DELETE"})
SAME_ORIGIN_FETCH = frozenset({"same-origin", "none"})
LOOPBACK_NAMES = {
    "127.0.0.1": ("127.0.0.1", "localhost"),
    "localhost": ("127.0.0.1", "localhost"),
    "::1": ("[::1]",),
}
log = logging.getLogger("crawler.service.api")
# Declares the scheme in the OpenAPI document; the check itself is TokenAuth's (annotations below are read
# from module globals, hence here and not inside create_app).
bearer = HTTPBearer(auto_error=False, description="CRAWLER_API_TOKEN")
RunState = Literal["queued", "running", "succeeded", "failed", "cancelled"]
assert set(RunState.__args__) == set(STATES)  # type: ignore[attr-defined]


# -- response models -------------------------------------------------------------------------------------


class Problem(BaseModel):
    detail: str


class Busy(BaseModel):
    detail: str
    run_id: int | None = Field(description="the site's active run")


class Health(BaseModel):
    status: Literal["ok", "stopping"]
    version: str
    auth: bool
    schedule: bool
    running: int
    queued: int


class RunOut(BaseModel):
    id: int
    site: str
    state: RunState
    trigger: str = Field(description="manual, schedule or catch-up")
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    cancel_requested_at: datetime | None
    exit_code: int | None
    error: str | None
    pages: int | None
    articles: int | None
    rejects: int | None
    errors: int | None
    duration_seconds: float | None

    @classmethod
    def of(cls, run: Run) -> RunOut:
        return cls(**{name: getattr(run, name) for name in cls.model_fields})


class AlertOut(BaseModel):
    id: int
    key: str = Field(
        description=(
            "what identifies the alert while it is open: drift:<site>, declaration:<site>, check:<site>:<name>"
        )
    )
    site: str
    kind: Literal["drift", "declaration", "check"]
    name: str = Field(description="layout_drift, declaration, or the failing check (site_unreachable, ...)")
    field: str | None
    state: Literal["open", "resolved"]
    message: str
    details: dict[str, Any] = Field(
        description="before, after, threshold, sample_urls, per-field findings; error_classes (site_unreachable)"
    )
    opened_at: datetime
    opened_run: int | None
    last_seen_at: datetime
    last_run: int | None
    seen_count: int
    resolved_at: datetime | None
    resolved_run: int | None

    @classmethod
    def of(cls, alert: Alert) -> AlertOut:
        return cls(**alert.to_json())


class RunMonitor(BaseModel):
    judged: bool = Field(description="whether the run had enough articles to judge coverage and drift")
    healthy: bool = Field(description="no layout drift (only healthy runs make later runs' baseline)")
    metrics: dict[str, Any]
    findings: list[dict[str, Any]]
    alerts: list[AlertOut] = Field(description="the alerts this run opened")
    still_open: list[AlertOut] = Field(description="alerts opened earlier that this run saw again")
    resolved: list[AlertOut] = Field(description="alerts this run found healthy again")


class RunDetail(RunOut):
    stats: dict[str, Any] | None = Field(description="the crawl's stats.json (totals and per-site counters)")
    log_tail: list[str] = Field(
        description="the last lines of the crawl's log, credentials scrubbed; only with the token"
    )
    log_hidden: bool = Field(
        False, description="true where the log lines were left out for want of the token"
    )
    monitor: RunMonitor | None = Field(None, description="what the monitors made of the run")

    @classmethod
    def detail(
        cls, run: Run, log_lines: int, history: RunHistory | None = None, *, show_log: bool = True
    ) -> RunDetail:
        base = RunOut.of(run).model_dump()
        monitor = None
        result = history.monitor_result(run.id) if history is not None else None
        if history is not None and result is not None:
            alerts = history.alerts_of_run(run.id)
            monitor = RunMonitor(
                judged=result.judged,
                healthy=result.healthy,
                metrics=result.metrics,
                findings=result.findings,
                alerts=[AlertOut.of(a) for a in alerts if a.opened_run == run.id],
                still_open=[AlertOut.of(a) for a in alerts if run.id not in (a.opened_run, a.resolved_run)],
                resolved=[AlertOut.of(a) for a in alerts if a.resolved_run == run.id],
            )
        return cls(
            **base,
            stats=scrub_json(run.stats),
            log_tail=tail_lines(run.log_path, log_lines) if show_log else [],
            log_hidden=not show_log and log_lines > 0,
            monitor=monitor,
        )


class SiteOut(BaseModel):
    key: str
    name: str
    domain: str
    domains: list[str]
    province: str
    family: str
    active_from: date | None
    active_to: date | None
    successor: str | None
    verified: bool
    schedule: str | None = Field(description="the cron expression, or null where the schedule is off")
    timezone: str
    scheduled: bool = Field(description="whether the site is crawled on the schedule")
    skip_reason: str | None = Field(description="why it is not (off, archive, not active yet)")
    offset_seconds: int = Field(description="the site's stable start offset after each slot (spread)")
    next_run_at: datetime | None
    active_run: RunOut | None
    last_run: RunOut | None


class CrawlAccepted(BaseModel):
    run_id: int
    site: str
    state: RunState
    url: str = Field(description="where to follow the run")


def _version() -> str:
    try:
        return metadata.version("vn-news-crawler")
    except metadata.PackageNotFoundError:
        return "0+unknown"


# -- the app ---------------------------------------------------------------------------------------------


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """The `Host` values that name the bind address: its host (and loopback's other name) with the port."""
    names = LOOPBACK_NAMES.get(host.lower(), (f"[{host}]" if ":" in host else host.lower(),))
    return frozenset(f"{name}:{port}" for name in names) | (frozenset(names) if port == 80 else frozenset())


def create_app(service: Service, *, bind: tuple[str, int] | None = None) -> FastAPI:
    """The app; `bind` (host, port) is what the server listens on, the only `Host` answered without auth."""
    hosts = allowed_hosts(*bind) if bind is not None else None
    limiter = FailureLimiter()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        service.start()
        try:
            yield
        finally:
            service.stop()

    app = FastAPI(
        title="vn-news-crawler service",
        version=_version(),
        description="Nightly crawls of Vietnam's provincial news portals, recrawls on demand, run history.",
        lifespan=lifespan,
    )
    unauthorized: dict[int | str, dict[str, Any]] = {
        401: {"model": Problem, "description": "no valid token"},
        403: {"model": Problem, "description": "without auth: a request from another origin"},
        429: {"model": Problem, "description": "too many failed attempts; `Retry-After` says when to retry"},
    }

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        """Without auth: answer only the bind address's Host names, and no mutation from another origin."""
        return await _guarded(request, call_next, checked=not service.auth.enabled, hosts=hosts)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return await _http_error(app, request, exc)

    def has_token(request: Request, *, required: bool) -> bool:
        return _has_token(service, limiter, request, required=required)

    def require_token(
        request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
    ) -> None:
        has_token(request, required=True)

    def site_or_404(key: str) -> Site:
        site = all_sites().get(key)
        if site is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"unknown site {key!r}")
        return site

    def run_or_404(run_id: int) -> Run:
        run = service.history.get(run_id)
        if run is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no run {run_id}")
        return run

    @app.get("/healthz", response_model=Health, tags=["service"])
    def healthz() -> Health:
        """Liveness and readiness: 200 while the service takes work."""
        active = service.history.active()
        return Health(
            status="stopping" if service.runs.stopping else "ok",
            version=_version(),
            auth=service.auth.enabled,
            schedule=service.schedule_enabled,
            running=sum(1 for run in active if run.state == "running"),
            queued=sum(1 for run in active if run.state == "queued"),
        )

    @app.get("/sites", response_model=list[SiteOut], tags=["sites"])
    def list_sites() -> list[SiteOut]:
        """Every registered site with its schedule, active run and last finished run."""
        now = service.clock.now()
        schedules = service.scheduler.schedules(now)
        return [_site_out(service, site, schedules[key], now) for key, site in all_sites().items()]

    @app.get("/sites/{key}", response_model=SiteOut, responses={404: {"model": Problem}}, tags=["sites"])
    def get_site(key: str) -> SiteOut:
        site = site_or_404(key)
        now = service.clock.now()
        return _site_out(service, site, service.scheduler.schedules(now)[key], now)

    @app.post(
        "/sites/{key}/crawl",
        status_code=status.HTTP_202_ACCEPTED,
        response_model=CrawlAccepted,
        responses={
            **unauthorized,
            404: {"model": Problem, "description": "unknown site"},
            409: {"model": Busy, "description": "the site already has a queued or running run"},
            503: {"model": Problem, "description": "the service is shutting down"},
        },
        dependencies=[Depends(require_token)],
        tags=["runs"],
    )
    def crawl_site(key: str, response: Response) -> CrawlAccepted | JSONResponse:
        """Queue a crawl of one site now (a manual recrawl). It starts when a run slot is free."""
        site = site_or_404(key)
        try:
            run = service.runs.submit(site.key, "manual")
        except SiteBusyError as exc:
            body = Busy(detail=f"site {site.key!r} already has an active run", run_id=exc.run_id)
            return JSONResponse(body.model_dump(), status_code=status.HTTP_409_CONFLICT)
        except ServiceStoppingError:
            raise HTTPException(
                status.HTTP_503_SERVICE_UNAVAILABLE, detail="the service is shutting down"
            ) from None
        response.headers["Location"] = f"/runs/{run.id}"
        return CrawlAccepted(run_id=run.id, site=run.site, state=run.state, url=f"/runs/{run.id}")  # type: ignore[arg-type]

    @app.get("/runs", response_model=list[RunOut], tags=["runs"])
    def list_runs(
        site: str | None = None,
        state: RunState | None = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        before: Annotated[
            int | None, Query(ge=1, le=MAX_ID, description="only runs with a smaller id")
        ] = None,
    ) -> list[RunOut]:
        """Recent runs, newest first."""
        return [
            RunOut.of(run)
            for run in service.history.recent(site=site, state=state, limit=limit, before=before)
        ]

    @app.get(
        "/runs/{run_id}",
        response_model=RunDetail,
        responses={
            401: {"model": Problem, "description": "a token was sent, and it is wrong"},
            404: {"model": Problem},
            429: unauthorized[429],
        },
        tags=["runs"],
        openapi_extra={"security": [{}, {"HTTPBearer": []}]},  # the token is optional: it adds the log
    )
    def get_run(
        request: Request,
        run_id: Annotated[int, Path(ge=1, le=MAX_ID)],
        log_lines: Annotated[int, Query(ge=0, le=2000)] = 50,
    ) -> RunDetail:
        """One run: its state, its stats and, with the token, the last lines of its log."""
        show_log = has_token(request, required=False)
        return RunDetail.detail(run_or_404(run_id), log_lines, service.history, show_log=show_log)

    @app.get("/alerts", response_model=list[AlertOut], tags=["alerts"])
    def list_alerts(
        state: Literal["open", "resolved"] | None = None,
        site: str | None = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> list[AlertOut]:
        """Alerts of the monitors (layout drift, failing checks), newest first."""
        return [AlertOut.of(a) for a in service.history.alerts(state=state, site=site, limit=limit)]

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def status_page() -> HTMLResponse:
        """The status page: every site, its last run, coverage and open alerts; the recent runs."""
        html = render_status(service.history, all_sites().values(), service.clock.now())
        return HTMLResponse(html, headers=STATUS_HEADERS)

    @app.delete(
        "/runs/{run_id}",
        status_code=status.HTTP_202_ACCEPTED,
        response_model=RunOut,
        responses={
            **unauthorized,
            404: {"model": Problem},
            409: {"model": Problem, "description": "the run has already finished"},
        },
        dependencies=[Depends(require_token)],
        tags=["runs"],
    )
    def cancel_run(run_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> RunOut:
        """Cancel a run: a queued one at once; a running one gets SIGTERM, then SIGKILL after the grace."""
        try:
            return RunOut.of(service.runs.cancel(run_id))
        except RunNotFoundError:
            raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no run {run_id}") from None
        except BadTransitionError as exc:
            raise HTTPException(status.HTTP_409_CONFLICT, detail=str(exc)) from None

    @app.get(
        "/metrics",
        response_class=Response,
        responses={200: {"content": {"text/plain": {}}, "description": "Prometheus text exposition"}},
        tags=["service"],
    )
    def metrics() -> Response:
        """Runs, articles, errors and durations per site, in Prometheus text format."""
        return Response(render(service.registry), media_type=CONTENT_TYPE)

    return app


def _site_out(service: Service, site: Site, schedule: SiteSchedule, now: datetime) -> SiteOut:
    """A site as the API shows it: its declaration, schedule, active and last runs."""
    active = service.history.active_for(site.key)
    recent = service.history.recent(site=site.key, limit=5)
    last = next((run for run in recent if not run.active), None)
    return SiteOut(
        key=site.key,
        name=site.name,
        domain=site.domain,
        domains=list(site.domains),
        province=site.province,
        family=site.family.key,
        active_from=site.active_from,
        active_to=site.active_to,
        successor=site.successor,
        verified=site.verified,
        schedule=schedule.cron,
        timezone=service.config.timezone,
        scheduled=schedule.scheduled,
        skip_reason=schedule.skip_reason,
        offset_seconds=int(schedule.offset.total_seconds()),
        next_run_at=schedule.next_fire(now),
        active_run=RunOut.of(active) if active else None,
        last_run=RunOut.of(last) if last else None,
    )


async def _guarded(
    request: Request,
    call_next: Callable[[Request], Awaitable[Response]],
    *,
    checked: bool,
    hosts: frozenset[str] | None,
) -> Response:
    """The middleware's work: when `checked` (no auth), refuse other Host names than the bind address's and
    mutations from another origin; every answer says `nosniff`."""
    if checked:
        refusal = _refusal(request, hosts)
        if refusal is not None:
            log.warning("refused %s %s: %s", request.method, request.url.path, refusal)
            return JSONResponse({"detail": refusal}, status_code=status.HTTP_403_FORBIDDEN)
    response = await call_next(request)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    return response


async def _http_error(app: FastAPI, request: Request, exc: StarletteHTTPException) -> Response:
    """A 405's `Allow` lists every method of the path (Starlette names only the first route's)."""
    if exc.status_code != status.HTTP_405_METHOD_NOT_ALLOWED:
        return await http_exception_handler(request, exc)
    allowed: set[str] = set()
    for route in app.router.routes:
        if route.matches(request.scope)[0] is not Match.NONE:
            allowed |= getattr(route, "methods", None) or set()
    headers = {**(exc.headers or {}), "Allow": ", ".join(sorted(allowed))}
    return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)


def _has_token(service: Service, limiter: FailureLimiter, request: Request, *, required: bool) -> bool:
    """Whether the request carries the token (True where auth is off). A wrong token counts as a failed
    attempt of its client, and a client past the limit gets 429 whatever it sends."""
    if not service.auth.enabled:
        return True
    authorization = request.headers.get("authorization")
    if not required and not authorization:
        return False
    client = request.client.host if request.client else "?"
    wait = limiter.retry_after(client)
    if wait is not None:
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            detail=f"too many failed token attempts: try again in {wait} s",
            headers={"Retry-After": str(wait)},
        )
    if service.auth.accepts(authorization):
        return True
    if authorization:  # a guess (a request without any credential guesses nothing)
        limiter.failed(client)
    if limiter.retry_after(client) is not None:
        log.warning("client %s: %d failed token attempts within a minute", client, limiter.limit)
    if required or authorization:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            detail="a valid bearer token is required (Authorization: Bearer <CRAWLER_API_TOKEN>)",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return False


def _refusal(request: Request, hosts: frozenset[str] | None) -> str | None:
    """Why a request to the service without auth is refused (None: it is not)."""
    host = (request.headers.get("host") or "").lower()
    if hosts is not None and host not in hosts:
        return "unknown Host: without auth the service answers only to its own address"
    if request.method not in MUTATING:
        return None
    origin = request.headers.get("origin")
    if origin is not None and (hosts is None or origin.lower() not in {f"http://{h}" for h in hosts}):
        return "cross-origin request refused: without auth only the service's own origin may change things"
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None and fetch_site.lower() not in SAME_ORIGIN_FETCH:
        return "cross-site request refused: without auth only the service's own origin may change things"
    return None
