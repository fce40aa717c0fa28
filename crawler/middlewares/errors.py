"""The class a failed request is counted under in the run's stats (`crawler/errors/<class>`) and logged as.

Scrapy raises many exception types for few causes; operators want the cause: `http_503`, `timeout`,
`connection_lost`, `truncated`, `too_large`, `robots`, `offsite`, `private_target`, `redirect_offsite`,
`redirect_private`, `dns`, ….
Requests that fail reach their errback (the spider counts them with `classify`); `FailureCountMiddleware`
counts the rest: an exception in a spider callback (`callback_<Exception>`; one that names its class, as
`PageTooLarge` does, under that class; a compression bomb a callback inflates past `DOWNLOAD_MAXSIZE` is
`too_large`, like one the download refuses) and in an item pipeline
(`pipeline_<Exception>`), each logged once with its URL.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Self

from scrapy import signals
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils._compression import _DecompressionMaxSizeExceeded
from twisted.internet import error as twisted_errors
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)


def classify(failure: Failure | BaseException) -> str:
    """A short, stable name for why a request failed."""
    exc = failure.value if isinstance(failure, Failure) else failure
    kind = getattr(exc, "kind", None)
    if isinstance(kind, str) and kind:
        return kind
    if isinstance(exc, HttpError):
        status = exc.response.status
        return "redirect_loop" if 300 <= status < 400 else f"http_{status}"
    if isinstance(exc, DownloadTimeoutError | twisted_errors.TimeoutError | TimeoutError):
        return "timeout"
    if isinstance(exc, ResponseDataLossError):
        return "truncated"
    if isinstance(exc, DownloadCancelledError | _DecompressionMaxSizeExceeded):
        return "too_large"
    if isinstance(exc, CannotResolveHostError | twisted_errors.DNSLookupError):
        return "dns"
    if isinstance(exc, DownloadConnectionRefusedError | twisted_errors.ConnectionRefusedError):
        return "connection_refused"
    if isinstance(exc, ResponseNeverReceived | ResponseFailed | twisted_errors.ConnectionLost):
        return "connection_lost"
    if isinstance(exc, twisted_errors.ConnectionDone | ConnectionResetError):
        return "connection_lost"
    if isinstance(exc, IgnoreRequest):
        message = str(exc).lower()
        if "robots.txt" in message:
            return "robots"
        if "download_maxsize" in message or "maxsize" in message:
            return "too_large"
        return "ignored"
    return type(exc).__name__


class FailureCountMiddleware:
    """A spider middleware counting failures that no errback sees: callback and pipeline exceptions."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        crawler.signals.connect(self.item_error, signal=signals.item_error)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def _count(self, kind: str, url: str, exc: BaseException) -> None:
        stats = self.crawler.stats
        if stats is not None:
            stats.inc_value("crawler/errors")
            stats.inc_value(f"crawler/errors/{kind}")
        logger.warning("%s on %s: %s", kind, url, exc)

    def process_spider_exception(self, response: Response, exception: Exception) -> None:
        if isinstance(exception, HttpError):  # an answer refused by status: the errback counts it
            return
        kind = getattr(exception, "kind", None)  # a refusal that names its class (a page too large to parse)
        if isinstance(exception, _DecompressionMaxSizeExceeded):  # a compression bomb inflated by a callback
            kind = "too_large"
        self._count(
            kind if isinstance(kind, str) and kind else f"callback_{type(exception).__name__}",
            response.url,
            exception,
        )

    def item_error(self, item: Any, response: Response | None, failure: Failure, **kwargs: Any) -> None:
        url = response.url if response is not None else str(getattr(item, "url", "?"))
        exc = failure.value if failure.value is not None else RuntimeError("unknown")
        self._count(f"pipeline_{type(exc).__name__}", url, exc)


__all__ = ["FailureCountMiddleware", "classify"]
