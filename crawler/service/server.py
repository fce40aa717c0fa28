"""The service under uvicorn: stop taking work at the first signal, exit 0 after a clean shutdown."""

from __future__ import annotations

import logging
import signal
from types import FrameType

import uvicorn

from crawler.redact import scrub_logging
from crawler.service.api import create_app
from crawler.service.app import Service
from crawler.service.auth import TokenAuth
from crawler.service.config import ServiceConfig

CONNECTION_GRACE = 5  # seconds uvicorn waits for open requests on shutdown, before the crawls are stopped

log = logging.getLogger("crawler.service")


class Server(uvicorn.Server):
    """uvicorn's server, telling the service to take no new work the moment a stop signal arrives."""

    def __init__(self, config: uvicorn.Config, service: Service) -> None:
        super().__init__(config)
        self.service = service

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        if not self.should_exit:
            log.info("signal %d: shutting down", sig)
        self.service.begin_shutdown()
        super().handle_exit(sig, frame)


def run_server(config: ServiceConfig, token: str | None, *, host: str, port: int, schedule: bool) -> int:
    """Serve until SIGTERM or SIGINT; 0 after a clean shutdown, 1 if the server could not start."""
    scrub_logging()  # the service's own log lines (access log included) show no credentials either
    service = Service(config, TokenAuth(token), schedule_enabled=schedule)
    server = Server(
        uvicorn.Config(
            create_app(service, bind=(host, port)),
            host=host,
            port=port,
            log_config=None,
            access_log=True,
            timeout_graceful_shutdown=CONNECTION_GRACE,
            lifespan="on",
            server_header=False,
        ),
        service,
    )
    # uvicorn re-raises the signal that stopped it once it has shut down; with these handlers in place that
    # is a no-op, so a SIGTERM ends the process with status 0 after a clean shutdown.
    previous = {sig: signal.signal(sig, _ignore) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        server.run()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0 if server.started else 1


def _ignore(signum: int, frame: FrameType | None) -> None:
    return None
