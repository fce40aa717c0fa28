"""Bearer-token auth for the mutating endpoints, compared in constant time. The token is never echoed.

Failed attempts are counted per client: past `FailureLimiter.limit` in a minute, the client gets 429 with
`Retry-After` (whatever it sends) until the oldest failure leaves the window.
"""

from __future__ import annotations

import hmac
import math
import threading
import time
from collections import deque
from collections.abc import Callable

MIN_TOKEN_LENGTH = 16


class TokenAuth:
    """Holds the expected token as bytes; `repr` and `str` never show it."""

    __slots__ = ("_token",)

    def __init__(self, token: str | None) -> None:
        token = token.strip() if token else None
        if token is not None and len(token) < MIN_TOKEN_LENGTH:
            raise ValueError(f"the API token must have at least {MIN_TOKEN_LENGTH} characters")
        self._token = token.encode("utf-8") if token else None

    @property
    def enabled(self) -> bool:
        return self._token is not None

    def accepts(self, authorization: str | None) -> bool:
        """True for `Bearer <token>` with the configured token (or for anything where auth is off)."""
        if self._token is None:
            return True
        if not authorization:
            return False
        scheme, _, credentials = authorization.strip().partition(" ")
        if scheme.lower() != "bearer":
            return False
        return hmac.compare_digest(credentials.strip().encode("utf-8"), self._token)

    def __repr__(self) -> str:
        return f"TokenAuth({'enabled' if self.enabled else 'disabled'})"

    __str__ = __repr__


class FailureLimiter:
    """At most `limit` failed attempts per client in `window` seconds; memory bounded by `max_clients`."""

    def __init__(
        self,
        limit: int = 10,
        window: float = 60.0,
        *,
        max_clients: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window
        self.max_clients = max_clients
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def retry_after(self, client: str) -> int | None:
        """Seconds until the client may try again, or None where it may now."""
        with self._lock:
            now = self.clock()
            failures = self._recent(client, now)
            if failures is None or len(failures) < self.limit:
                return None
            return max(1, math.ceil(failures[-self.limit] + self.window - now))

    def failed(self, client: str) -> None:
        with self._lock:
            now = self.clock()
            failures = self._recent(client, now)
            if failures is None:
                if len(self._failures) >= self.max_clients:
                    self._prune(now)
                failures = self._failures.setdefault(client, deque(maxlen=self.limit))
            failures.append(now)

    def _recent(self, client: str, now: float) -> deque[float] | None:
        failures = self._failures.get(client)
        if failures is None:
            return None
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        if not failures:
            del self._failures[client]
            return None
        return failures

    def _prune(self, now: float) -> None:
        for client in list(self._failures):
            self._recent(client, now)
        while len(self._failures) >= self.max_clients:  # still full: forget the oldest clients
            del self._failures[next(iter(self._failures))]
