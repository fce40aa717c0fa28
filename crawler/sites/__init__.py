"""The site registry: every portal is one TOML record, `crawler/sites/portals/<key>.toml` (see `records`).

Folders named in `CRAWLER_SITES_DIR` add their records to the package's own.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

from crawler.sites.model import Family, Selectors, Site, Template
from crawler.sites.records import SiteRecordError, load_sites


class UnknownSiteError(KeyError):
    """A site key that no portal record declares."""

    def __str__(self) -> str:
        return f"unknown site {self.args[0]!r}; `crawler sites` lists the known ones"


_LOADED: dict[str, Site] = {}
"""Every `Site` the registry has handed out, by key: a record read again unchanged gives the same object."""


@cache
def all_sites() -> dict[str, Site]:
    """Every declared site by key, in key order: the package's records and those of `CRAWLER_SITES_DIR`
    (read once; `all_sites.cache_clear()` reads them again). Raises `SiteRecordError` for a bad record.

    A record read again unchanged gives the very `Site` it gave before, so what other caches hold of the
    registry (a province's coverage, a host's sites) stays the same object after a reload.
    """
    sites = load_sites()
    for key, site in sites.items():
        earlier = _LOADED.get(key)
        if earlier is not None and earlier == site and earlier.replica == site.replica:
            sites[key] = earlier
        else:
            _LOADED[key] = site
    return sites


def get_site(key: str) -> Site:
    try:
        return all_sites()[key]
    except KeyError:
        raise UnknownSiteError(key) from None


def sites_for_host(host: str) -> list[Site]:
    """The sites that publish (or published) on a host, `www.` or not."""
    host = host.lower().removeprefix("www.")
    return [s for s in all_sites().values() if host in s.domains]


def generic_site(url: str) -> Site:
    """An ad-hoc declaration for a domain nobody registered: structured data and generic extraction only."""
    from crawler.sites.families.generic import FAMILY_GENERIC

    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    if not host:
        raise ValueError(f"{url!r} has no host")
    key = re.sub(r"[^a-z0-9]+", "_", host).strip("_")
    key = key if key[:1].isalpha() else f"d_{key}"
    return Site(
        key=key[:41], name=host, domains=(host,), province="unknown", family=FAMILY_GENERIC, verified=False
    )


def site_for_url(url: str) -> Site | None:
    """The site an article URL belongs to: on its host, the one whose article pattern matches."""
    candidates = sites_for_host(urlsplit(url).hostname or "")
    for site in candidates:
        if site.is_article_url(url):
            return site
    return candidates[0] if candidates else None


__all__ = [
    "Family",
    "Selectors",
    "Site",
    "SiteRecordError",
    "Template",
    "UnknownSiteError",
    "all_sites",
    "generic_site",
    "get_site",
    "site_for_url",
    "sites_for_host",
]
