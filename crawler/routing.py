"""Route the registered portals' hosts to a local replica, from outside the spider.

This download handler is Scrapy's HTTP/1.1 handler for `http` and `https`. With the `CRAWLER_REPLICA_URL`
setting, it serves requests for every registered domain from `<replica>/<host><path>?<query>` and hands back a
response whose URL is the one asked for, so spiders, middlewares and pipelines never learn that they talk to a
replica. The replica also serves portals nobody declared (for generic discovery, `crawler crawl --domain`):
their hosts are listed in the `CRAWLER_REPLICA_HOSTS` setting (`replica_settings(..., extra_hosts=...)` fills
it). Without the replica setting, and for any other host, requests go out as usual.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler

from crawler.sites import all_sites

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response


def registered_hosts() -> frozenset[str]:
    return frozenset(d for site in all_sites().values() for d in site.domains)


def replica_url_for(url: str, replica: str, hosts: frozenset[str]) -> str | None:
    """The replica's address for `url`, or None when its host is not a registered portal."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if host.removeprefix("www.") not in hosts and host not in hosts:
        return None
    query = f"?{parts.query}" if parts.query else ""
    return f"{replica.rstrip('/')}/{host}{parts.path or '/'}{query}"


class ReplicaRoutingHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP/1.1 handler, with registered portal hosts answered by the replica."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self._replica: str | None = crawler.settings.get("CRAWLER_REPLICA_URL") or None
        extra = crawler.settings.getlist("CRAWLER_REPLICA_HOSTS")
        self._hosts = registered_hosts() | frozenset(h.lower().removeprefix("www.") for h in extra)

    async def download_request(self, request: Request) -> Response:
        target = replica_url_for(request.url, self._replica, self._hosts) if self._replica else None
        if target is None:
            response: Response = await super().download_request(request)
            return response
        routed = await super().download_request(request.replace(url=target))
        return routed.replace(url=request.url)


def replica_settings(replica_url: str, extra_hosts: Iterable[str] = ()) -> dict[str, object]:
    """Settings that send every registered portal (and `extra_hosts`, portals nobody declared) to the
    replica; no politeness delay against localhost."""
    return {
        "CRAWLER_REPLICA_URL": replica_url,
        "CRAWLER_REPLICA_HOSTS": sorted({h.lower().removeprefix("www.") for h in extra_hosts}),
        "AUTOTHROTTLE_START_DELAY": 0.0,
        "DOWNLOAD_DELAY": 0.0,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    }
