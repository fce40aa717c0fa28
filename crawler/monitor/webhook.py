"""Alert events POSTed as JSON to the configured webhook, from a thread of their own.

The run supervisor only queues an event; a slow or dead receiver never holds up the runs. Each event is tried
a few times with a growing pause; one that still fails is logged with the receiver's answer and dropped (the
alert itself stays in the run history and on the status page). Logs name the receiver's host only: the
webhook URL's path or query is often its secret.
"""

from __future__ import annotations

import json
import logging
import queue
import threading
import time
import urllib.error
import urllib.request
from typing import Any

from crawler.redact import scrub, url_host

log = logging.getLogger("crawler.monitor.webhook")

USER_AGENT = "vn-news-crawler-monitor/1"


def post_json(url: str, payload: dict[str, Any], timeout: float) -> int:
    """POST `payload` as JSON; the HTTP status (raises OSError for a failure of the connection)."""
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/json; charset=utf-8", "User-Agent": USER_AGENT},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status: int = response.status
            return status
    except urllib.error.HTTPError as exc:
        return exc.code


class WebhookSender:
    """A queue of events and one daemon thread posting them in order; `repr` shows the host only."""

    def __init__(self, url: str, *, timeout: float = 10.0, attempts: int = 3, pause: float = 1.0) -> None:
        self.url = url
        self.host = url_host(url)
        self.timeout = timeout
        self.attempts = attempts
        self.pause = pause
        self.sent = 0
        self.failed = 0
        self._queue: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._loop, name="alert-webhook", daemon=True)
        self._thread.start()

    def __repr__(self) -> str:
        return f"WebhookSender({self.host})"

    def send(self, payload: dict[str, Any]) -> None:
        self._queue.put(payload)

    def close(self, timeout: float = 10.0) -> None:
        """Deliver what is queued (waiting at most `timeout`), then stop the thread."""
        self._queue.put(None)
        self._thread.join(timeout)

    def _loop(self) -> None:
        while True:
            payload = self._queue.get()
            if payload is None:
                return
            self._deliver(payload)

    def _deliver(self, payload: dict[str, Any]) -> None:
        problem = ""
        for attempt in range(self.attempts):
            if attempt:
                time.sleep(self.pause * 2 ** (attempt - 1))
            try:
                status = post_json(self.url, payload, self.timeout)
            except (OSError, ValueError) as exc:  # ValueError: http.client's InvalidURL and the like
                problem = scrub(str(exc).replace(self.url, self.host))
                continue
            if 200 <= status < 300:
                self.sent += 1
                return
            problem = f"HTTP {status}"
            if 400 <= status < 500 and status not in (408, 429):
                break  # the receiver refuses this event; asking again will not help
        self.failed += 1
        log.error(
            "webhook %s: %s of alert %s not delivered: %s",
            self.host,
            payload.get("event"),
            payload.get("alert", {}).get("id"),
            problem,
        )
