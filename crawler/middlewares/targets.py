"""Where a request may go: only to the site's own hosts, and only on the public internet. One check for every
request the crawl sends (entry points, sitemap children and entries, announced feeds, articles, redirects,
robots.txt), by `RequestGuardMiddleware`, before `RobotsTxtMiddleware` fetches anything for its host.

- The site's own hosts: its domains, their `www.` forms and their subdomains (`m.baoapbac.vn`); a spider
  without a site (none in this project) is held to the host its redirects started from, else only to the
  public internet. Generic mode (`crawl --domain X`) has X as its site's domain.
- The public internet: no private, loopback, link-local, multicast, reserved or unspecified address, as an IP
  literal in any spelling (`127.1`, `2130706433`, `0x7f000001`, `0177.0.0.1`, `[::1]`,
  `[::ffff:127.0.0.1]`), as a local name (`localhost`, `*.local`, `*.internal`), or as the DNS answer for an
  on-site name. The DNS check uses the reactor's resolver (the one the download itself uses, cached: no
  second lookup, nothing blocks the reactor) and is skipped for hosts the replica routing serves
  (`CRAWLER_REPLICA_URL`: tests and the demo), which never reach DNS.
- Schemes: http and https; `data:` (the spider's own bookkeeping requests, which leave nothing) too.

A refused request raises `TargetRefused` (an `IgnoreRequest`; for a redirect `RedirectBlocked`), so nothing is
sent and no robots.txt is fetched for its host. It is counted as `crawler/errors/<class>`, with the class
`offsite` or `private_target` (for a redirect, as before, `redirect_offsite`, `redirect_private`,
`redirect_scheme`), and logged once with its URL: by the request's errback where the spider counts failures
there (`SiteSpider.on_error`, through `classify`), else here: requests without an errback (robots.txt), and
generic discovery's probes, whose errback counts a miss (a refused probe is counted under its class, not in
the `crawler/errors` total, as a failed probe is not an error of the crawl).
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Self
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.error import DNSLookupError

from crawler.routing import registered_hosts

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from twisted.internet.interfaces import IReactorCore

logger = logging.getLogger(__name__)

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Problem = Literal["offsite", "private", "scheme"]
Resolve = Callable[[str], Awaitable[str]]

OFFSITE = "offsite"
PRIVATE_TARGET = "private_target"
_LOCAL_NAMES = frozenset(
    {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback", "broadcasthost"}
)
_LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".localdomain", ".home.arpa", ".lan", ".arpa")
_INTERNAL_SCHEMES = frozenset({"data"})
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


# --------------------------------------------------------------------------------------------- addresses


def parse_ip(host: str) -> Address | None:
    """The address a host literal names, in any spelling the C library accepts; None for a name."""
    host = host.strip().strip("[]").split("%", 1)[0].rstrip(".")
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if host and all(c in "0123456789abcdefxABCDEFX." for c in host) and host[0].isdigit():
        try:  # inet_aton reads 127.1, 2130706433, 0x7f000001, 0x7f.0.0.1, 0177.0.0.1
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def is_public(address: Address) -> bool:
    """Whether an address is on the public internet (not private, loopback, link-local, reserved, …)."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address in _NAT64:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            address = embedded
    special = address.is_multicast or address.is_reserved or address.is_private or address.is_loopback
    return address.is_global and not special


def is_local_name(host: str) -> bool:
    """Whether a name only means something on this machine or its network (`localhost`, `*.local`, …)."""
    host = host.rstrip(".").lower()
    return host in _LOCAL_NAMES or host.endswith(_LOCAL_SUFFIXES)


def bare_host(host: str) -> str:
    return host.rstrip(".").lower().removeprefix("www.")


def on_site(host: str, domains: Iterable[str]) -> bool:
    """Whether `host` is one of `domains`, its `www.` form or a subdomain of one."""
    bare = bare_host(host)
    for domain in domains:
        own = bare_host(domain)
        if own and (bare == own or bare.endswith("." + own)):
            return True
    return False


# --------------------------------------------------------------------------------------------- the check


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a request must not be sent: `offsite`, `private` (address or name) or `scheme`."""

    problem: Problem
    reason: str

    def error_class(self, redirected: bool = False) -> str:
        """The class it is counted under: `offsite` / `private_target`, or `redirect_<problem>`."""
        if redirected:
            return f"redirect_{self.problem}"
        return PRIVATE_TARGET if self.problem == "private" else OFFSITE


def check_url(url: str, domains: Iterable[str] | None) -> Refusal | None:
    """Why `url` must not be requested for a site on `domains` (None: any public host); None when it may be,
    the DNS answer of a name still to check (`check_answer`)."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return Refusal("offsite", "the URL cannot be parsed")
    if parts.scheme in _INTERNAL_SCHEMES:
        return None
    if parts.scheme not in ("http", "https"):
        return Refusal("scheme", f"scheme {parts.scheme!r} is not http or https")
    address = parse_ip(host)
    if address is not None:
        if not is_public(address):
            return Refusal("private", f"{address} is not a public address")
        if domains is None or any(parse_ip(d) == address for d in domains):
            return None
        return Refusal("offsite", f"{host} is an address, not one of the site's domains")
    if not host or is_local_name(host):
        return Refusal("private", f"{host or 'an empty host'} is a local name")
    if domains is not None and not on_site(host, domains):
        return Refusal("offsite", f"{host} is not one of the site's domains ({', '.join(domains)})")
    return None


def check_answer(host: str, addresses: Iterable[str]) -> Refusal | None:
    """Why a name whose DNS answer is `addresses` must not be requested (any of them not public)."""
    for text in addresses:
        address = parse_ip(text)
        if address is not None and not is_public(address):
            return Refusal("private", f"{host} resolves to {address}, not a public address")
    return None


# --------------------------------------------------------------------------------------------- the guard


class TargetRefused(IgnoreRequest):
    """A request the crawler refused to send; `kind` is the error class it is counted under."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class RedirectBlocked(TargetRefused):
    """A redirect the crawler refused to follow (`redirect_offsite`, `redirect_private`, `redirect_scheme`,
    `redirect_loop`)."""


async def _reactor_resolve(host: str) -> str:
    from twisted.internet import reactor

    core: IReactorCore = reactor
    resolved = await maybe_deferred_to_future(core.resolve(host))  # type: ignore[arg-type]
    return str(resolved)


class RequestGuardMiddleware:
    """Refuses every request that leaves the site or the public internet, before anything is sent."""

    def __init__(self, crawler: Crawler, resolve: Resolve | None = None) -> None:
        self.crawler = crawler
        self.resolve: Resolve = resolve or _reactor_resolve
        replica = bool(crawler.settings.get("CRAWLER_REPLICA_URL"))
        extra = frozenset(bare_host(h) for h in crawler.settings.getlist("CRAWLER_REPLICA_HOSTS"))
        self.routed = (registered_hosts() | extra) if replica else frozenset()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def _domains(self, request: Request) -> tuple[str, ...] | None:
        site = getattr(self.crawler.spider, "site", None)
        domains: tuple[str, ...] = tuple(getattr(site, "domains", ()))
        if domains:
            return domains
        chain = request.meta.get("redirect_urls")
        if chain:  # a spider without a declared site: the host its redirects started from
            return ((urlsplit(chain[0]).hostname or "").lower(),)
        return None

    async def process_request(self, request: Request) -> None:
        refusal = check_url(request.url, self._domains(request))
        if refusal is None:
            refusal = await self._resolves_privately(request.url)
        if refusal is None:
            return
        chain = request.meta.get("redirect_urls")
        kind = refusal.error_class(redirected=bool(chain))
        stats = self.crawler.stats
        assert stats is not None
        if chain:
            stats.inc_value(f"crawler/redirects_blocked/{kind}")
            message = f"redirect from {chain[0]} to {request.url} blocked: {refusal.reason}"
        else:
            stats.inc_value(f"crawler/requests_refused/{kind}")
            message = f"request to {request.url} refused: {refusal.reason}"
        probe = bool(request.meta.get("probe"))
        if request.errback is None or probe:  # no errback counts it: count it here
            if not probe:  # a failed probe is a miss of discovery, not an error of the crawl
                stats.inc_value("crawler/errors")
            stats.inc_value(f"crawler/errors/{kind}")
            logger.warning("%s: %s", kind, message)
        else:  # the errback counts it and logs it with the URL; the reason is here
            logger.debug("%s: %s", kind, message)
        raise (RedirectBlocked if chain else TargetRefused)(kind, message)

    async def _resolves_privately(self, url: str) -> Refusal | None:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if parts.scheme not in ("http", "https") or parse_ip(host) is not None:
            return None
        if host in self.routed or bare_host(host) in self.routed:
            return None  # served by the replica: never resolved, never connected to
        try:
            resolved = await self.resolve(host)
        except DNSLookupError:
            return None  # the download fails on its own, and is counted as `dns`
        return check_answer(host, [resolved])


__all__ = [
    "OFFSITE",
    "PRIVATE_TARGET",
    "RedirectBlocked",
    "Refusal",
    "RequestGuardMiddleware",
    "TargetRefused",
    "check_answer",
    "check_url",
    "is_local_name",
    "is_public",
    "on_site",
    "parse_ip",
]
