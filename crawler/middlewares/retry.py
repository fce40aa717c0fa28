"""Retries with exponential backoff and full jitter, honouring `Retry-After`, in place of Scrapy's own.

Scrapy's `RetryMiddleware` re-queues a failed request at once; a portal answering 503 in a burst, or 429
with `Retry-After: 30`, is then hit again immediately. This one waits first, without blocking the reactor:
`Retry-After` (seconds or an HTTP date) where the answer gives one, else
`min(CRAWLER_RETRY_BACKOFF_MAX, CRAWLER_RETRY_BACKOFF_BASE * 2**attempt)` scaled by a random factor in
[0.5, 1]. A `Retry-After` beyond `CRAWLER_RETRY_AFTER_MAX` seconds is not waited for: the request gives up
(counted as `retry/retry_after_too_long`) and the next run fetches the page. Which answers and exceptions
are retried, and how often, are Scrapy's settings (`RETRY_HTTP_CODES`, `RETRY_EXCEPTIONS`, `RETRY_TIMES`).
"""

from __future__ import annotations

import logging
import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Self

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.response import response_status_message
from twisted.internet import reactor
from twisted.internet.task import deferLater

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from twisted.internet.interfaces import IReactorTime

logger = logging.getLogger(__name__)


def parse_retry_after(value: str | bytes | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` value (delta-seconds or an HTTP date); None if absent or bad."""
    if value is None:
        return None
    text = (value.decode("latin-1") if isinstance(value, bytes) else value).strip()
    if not text:
        return None
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff(attempt: int, base: float, cap: float, rng: random.Random | None = None) -> float:
    """Full-jitter exponential backoff before retry number `attempt + 1` (attempt 0: the first retry)."""
    ceiling = min(cap, base * (2 ** min(attempt, 30)))
    jitter: float = (rng or random).random()
    return float(ceiling * (0.5 + 0.5 * jitter))


class BackoffRetryMiddleware(RetryMiddleware):
    """`RetryMiddleware` that waits before each retry (Retry-After, else backoff)."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        middleware = super().from_crawler(crawler)
        settings = crawler.settings
        middleware.base = settings.getfloat("CRAWLER_RETRY_BACKOFF_BASE", 1.0)
        middleware.cap = settings.getfloat("CRAWLER_RETRY_BACKOFF_MAX", 60.0)
        middleware.retry_after_max = settings.getfloat("CRAWLER_RETRY_AFTER_MAX", 300.0)
        return middleware

    base: float = 1.0
    cap: float = 60.0
    retry_after_max: float = 300.0

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        delay = self.delay_for(request, response)
        if delay is None:
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        await self._sleep(delay)
        return retry

    async def process_exception(  # type: ignore[override]
        self, request: Request, exception: Exception
    ) -> Request | Response | None:
        if not isinstance(exception, self.exceptions_to_retry) or request.meta.get("dont_retry", False):
            return None
        retry = self._retry(request, exception)
        if retry is not None:
            await self._sleep(backoff(int(request.meta.get("retry_times", 0)), self.base, self.cap))
        return retry

    def delay_for(self, request: Request, response: Response) -> float | None:
        """Seconds to wait before retrying after this answer; None: do not retry (Retry-After too far)."""
        attempt = int(request.meta.get("retry_times", 0))
        wait = parse_retry_after(response.headers.get(b"Retry-After"))
        if wait is None:
            return backoff(attempt, self.base, self.cap)
        if wait > self.retry_after_max:
            self.crawler.stats.inc_value("retry/retry_after_too_long")
            logger.warning(
                "%s asks to come back in %.0f s (Retry-After), beyond CRAWLER_RETRY_AFTER_MAX=%.0f: not retried",
                request.url,
                wait,
                self.retry_after_max,
            )
            return None
        self.crawler.stats.inc_value("retry/retry_after")
        return wait

    @staticmethod
    async def _sleep(seconds: float) -> None:
        if seconds > 0:
            clock: IReactorTime = reactor
            await maybe_deferred_to_future(deferLater(clock, seconds, lambda: None))


__all__ = ["BackoffRetryMiddleware", "backoff", "parse_retry_after"]
