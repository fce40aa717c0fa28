"""Replica portals that no module in `crawler/sites/portals` declares: what generic discovery is tested on.

Three regional outlets, invented for the replica (their names, domains and reporters are made up; the places
are real): each serves its pages in an existing family's markup, with a home page announcing its feed, section
menus, robots.txt `Sitemap:` lines and sitemaps, like any registered portal. The crawler knows nothing of them
until `crawler crawl --domain` discovers them; the routing sends their hosts to the replica when the crawl
names them (`CRAWLER_REPLICA_HOSTS`). The portals and what the replica writes for them are data,
replica/data/undeclared.toml.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from crawler.sites import Site, all_sites
from crawler.sites.families import FAMILY_B, FAMILY_C, FAMILY_E
from replica.model import ReplicaArticle
from replica.provinces import ProvinceWriting

_FAMILIES = {family.key: family for family in (FAMILY_B, FAMILY_C, FAMILY_E)}
"""The markup families the undeclared portals are served in, by key."""


def _tuples(value: Any) -> Any:
    """TOML's arrays as the tuples the records hold."""
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def _load() -> tuple[tuple[Site, ...], tuple[ProvinceWriting, ...]]:
    """The portals and what they write from, as replica/data/undeclared.toml has them."""
    with (Path(__file__).resolve().parent / "data" / "undeclared.toml").open("rb") as file:
        data = tomllib.load(file)
    sites = tuple(
        Site(**{k: _tuples(v) for k, v in entry.items() if k != "family"}, family=_FAMILIES[entry["family"]])
        for entry in data["sites"]
    )
    writing = tuple(  # TOML has no null: a portal without an outlet tag leaves `tag` out
        ProvinceWriting(**{"tag": None, **{k: _tuples(v) for k, v in entry.items()}})
        for entry in data["writing"]
    )
    return sites, writing


_SITES, _WRITING = _load()


def undeclared_sites() -> dict[str, Site]:
    """The replica's undeclared portals by key, less any whose domain has since been declared."""
    declared = {d for site in all_sites().values() for d in site.domains}
    return {s.key: s for s in _SITES if s.key not in all_sites() and not set(s.domains) & declared}


def undeclared_hosts() -> list[str]:
    """The hosts of the undeclared portals (for `CRAWLER_REPLICA_HOSTS`)."""
    return sorted(d for site in undeclared_sites().values() for d in site.domains)


@cache
def _writing() -> dict[str, ProvinceWriting]:
    return {w.site: w for w in _WRITING}


def undeclared_corpus(titles: set[str] | None = None) -> dict[str, list[ReplicaArticle]]:
    """Each undeclared portal's articles, written like a registered site's (titles distinct from `titles`)."""
    from replica.corpus import build_site_corpus

    return {
        key: build_site_corpus(site, titles, writing=_writing()[key])
        for key, site in undeclared_sites().items()
    }


__all__ = ["undeclared_corpus", "undeclared_hosts", "undeclared_sites"]
