"""Redirects stay on the site and on the public internet, and do not loop.

Scrapy's `RedirectMiddleware` (and `MetaRefreshMiddleware`) build the redirected request; it goes back
through the scheduler and every downloader middleware, where `crawler.middlewares.targets`'s
`RequestGuardMiddleware`, the check every request passes, looks at it before it leaves: a redirect is followed
only to one of the site's own hosts (domains, `www.`, subdomains), over http or https, and never to a private,
loopback, link-local, multicast, reserved or unspecified address (literal, local name or DNS answer). A
blocked redirect raises `RedirectBlocked`, counted as `redirect_offsite`, `redirect_private` or
`redirect_scheme`. `RedirectLoopMiddleware` (here) stops a redirect back into its own chain (`redirect_loop`).

`RedirectGuardMiddleware` and `check_target` are the older names of that guard and check, kept for callers.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Self
from urllib.parse import urljoin

from w3lib.url import canonicalize_url

from crawler.middlewares.targets import (
    RedirectBlocked,
    RequestGuardMiddleware,
    check_url,
    is_public,
    parse_ip,
)

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)

RedirectGuardMiddleware = RequestGuardMiddleware


def check_target(url: str, domains: tuple[str, ...] | frozenset[str]) -> tuple[str, str] | None:
    """(error class, reason) when a redirect to `url` must not be followed from a site on `domains`;
    None when it may (the DNS answer still to check)."""
    refusal = check_url(url, domains)
    return None if refusal is None else (refusal.error_class(redirected=True), refusal.reason)


class RedirectLoopMiddleware:
    """Stops a redirect back to a URL its chain already went through (`redirect_loop`), before Scrapy's
    `RedirectMiddleware` follows it and its duplicate filter drops it without a word."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls()

    def process_response(self, request: Request, response: Response) -> Response:
        location = response.headers.get(b"Location")
        if not 300 <= response.status < 400 or not location or request.meta.get("dont_redirect"):
            return response
        target = canonicalize_url(urljoin(request.url, location.decode("latin-1")))
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if target in {canonicalize_url(u) for u in chain}:
            logger.warning("redirect loop: %s goes back to %s", chain[0], target)
            raise RedirectBlocked("redirect_loop", f"redirect loop from {chain[0]} through {len(chain)} URLs")
        return response


__all__ = [
    "RedirectBlocked",
    "RedirectGuardMiddleware",
    "RedirectLoopMiddleware",
    "check_target",
    "is_public",
    "parse_ip",
]
