"""Redirects stay on the site and on the public internet.

A portal's redirect is followed only to one of the site's own domains (`www.` or not), over http or https,
and never to an address that is private, loopback, link-local, multicast, reserved or unspecified: an IP
literal in any spelling (`127.1`, `2130706433`, `0x7f.1`, `[::1]`, `[::ffff:10.0.0.1]`), a local name
(`localhost`, `*.local`, `*.internal`), or a name whose DNS answer is one. The DNS check uses the reactor's
resolver (the one the download itself will use, cached) and is skipped only for hosts the replica routing
serves (`CRAWLER_REPLICA_URL`: tests and the demo). A blocked redirect raises `RedirectBlocked` (an
`IgnoreRequest`), so the request's errback counts it (`crawler/errors/redirect_offsite`,
`redirect_private`, `redirect_scheme`) and it is logged with both URLs; nothing is sent to the target.

Scrapy's `RedirectMiddleware` (and `MetaRefreshMiddleware`) build the redirected request; it goes back
through the scheduler and every downloader middleware, and this one looks at it before it leaves.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from typing import TYPE_CHECKING, Self
from urllib.parse import urljoin, urlsplit

from scrapy.exceptions import IgnoreRequest
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import reactor
from twisted.internet.error import DNSLookupError
from w3lib.url import canonicalize_url

from crawler.routing import registered_hosts

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from twisted.internet.interfaces import IReactorCore

logger = logging.getLogger(__name__)

_LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".localdomain", ".home.arpa", ".lan")


class RedirectBlocked(IgnoreRequest):
    """A redirect the crawler refused to follow; `kind` is the error class it is counted under."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def parse_ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address a host literal names, in any spelling the C library accepts; None for a name."""
    host = host.strip("[]").split("%", 1)[0]
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if host and all(c in "0123456789abcdefxABCDEFX." for c in host) and host[0].isdigit():
        try:  # inet_aton reads 127.1, 2130706433, 0x7f.0.0.1, 0177.0.0.1
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether an address is on the public internet (not private, loopback, link-local, reserved, …)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def is_local_name(host: str) -> bool:
    host = host.rstrip(".").lower()
    return host in ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback") or host.endswith(
        _LOCAL_SUFFIXES
    )


def same_site(host: str, domains: tuple[str, ...] | frozenset[str]) -> bool:
    bare = host.rstrip(".").lower().removeprefix("www.")
    return any(bare == d.lower().removeprefix("www.") for d in domains)


def check_target(url: str, domains: tuple[str, ...] | frozenset[str]) -> tuple[str, str] | None:
    """(error class, reason) when a redirect to `url` must not be followed from a site on `domains`;
    None when it may (the DNS answer still to check)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return "redirect_scheme", f"scheme {parts.scheme!r} is not http or https"
    host = (parts.hostname or "").lower()
    address = parse_ip(host)
    if address is not None:
        if not is_public(address):
            return "redirect_private", f"{address} is not a public address"
        return "redirect_offsite", f"{host} is an address, not one of the site's domains"
    if not host or is_local_name(host):
        return "redirect_private", f"{host or 'an empty host'} is a local name"
    if not same_site(host, domains):
        return "redirect_offsite", f"{host} is not one of the site's domains ({', '.join(domains)})"
    return None


class RedirectGuardMiddleware:
    """Refuses redirected requests (`redirect_urls` in meta) that leave the site or the public internet."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.replica = bool(crawler.settings.get("CRAWLER_REPLICA_URL"))
        extra = frozenset(
            h.lower().removeprefix("www.") for h in crawler.settings.getlist("CRAWLER_REPLICA_HOSTS")
        )
        self.routed = (registered_hosts() | extra) if self.replica else frozenset()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def _domains(self, request: Request) -> tuple[str, ...]:
        site = getattr(self.crawler.spider, "site", None)
        domains: tuple[str, ...] = tuple(getattr(site, "domains", ()))
        if not domains:  # a spider without a declared site: the host the redirects started from
            origin = urlsplit(request.meta["redirect_urls"][0]).hostname or ""
            domains = (origin,)
        return domains

    async def process_request(self, request: Request) -> None:
        chain = request.meta.get("redirect_urls")
        if not chain:
            return
        problem = check_target(request.url, self._domains(request))
        if problem is None:
            problem = await self._resolves_privately(request.url)
        if problem is not None:
            kind, reason = problem
            self.crawler.stats.inc_value(f"crawler/redirects_blocked/{kind}")
            logger.warning("not following the redirect from %s to %s: %s", chain[0], request.url, reason)
            raise RedirectBlocked(kind, f"redirect from {chain[0]} to {request.url} blocked: {reason}")

    async def _resolves_privately(self, url: str) -> tuple[str, str] | None:
        host = (urlsplit(url).hostname or "").lower()
        if host in self.routed or host.removeprefix("www.") in self.routed:
            return None  # served by the replica: never resolved, never connected to
        core: IReactorCore = reactor
        try:
            resolved = await maybe_deferred_to_future(core.resolve(host))  # type: ignore[arg-type]
        except DNSLookupError:
            return None  # the download fails on its own, and is counted as `dns`
        address = parse_ip(str(resolved))
        if address is not None and not is_public(address):
            return "redirect_private", f"{host} resolves to {address}, not a public address"
        return None


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
