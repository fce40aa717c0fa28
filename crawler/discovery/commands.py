"""The command line's side of generic discovery: `crawler crawl --domain` and `crawler sites --suggest`."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from urllib.parse import urlsplit

from crawler.sites import Site, generic_site, sites_for_host


def normalize_domain(text: str) -> str:
    """`example.vn`, `www.example.vn` or `https://example.vn/x` → `example.vn`; ValueError for no host."""
    value = text.strip()
    host = urlsplit(value if "://" in value else f"https://{value}").hostname or ""
    host = host.lower().removeprefix("www.")
    if "." not in host:
        raise ValueError(f"--domain {text!r} is not a domain; give one like baoapbac.vn")
    return host


def domain_sites(domains: Sequence[str]) -> list[Site]:
    """Ad-hoc generic sites for `crawl --domain`, one per domain (a declared domain is crawled generically
    too, and said so on stderr)."""
    sites = []
    for host in dict.fromkeys(normalize_domain(text) for text in domains):
        declared = sites_for_host(host)
        if declared:
            keys = ", ".join(s.key for s in declared)
            print(
                f"crawler: note: {host} is declared ({keys}); --domain crawls it in generic mode",
                file=sys.stderr,
            )
        sites.append(generic_site(f"https://{host}/"))
    return sites


def cmd_suggest(domain: str, replica: str | None = None) -> int:
    """`crawler sites --suggest DOMAIN`: the draft declaration on stdout, what was read on stderr."""
    from crawler.discovery.suggest import draft_module, fetch_url, replica_fetch, suggest

    host = normalize_domain(domain)
    declared = sites_for_host(host)
    if declared:
        keys = ", ".join(s.key for s in declared)
        print(f"crawler: note: {host} is already declared ({keys}); drafting anyway", file=sys.stderr)
    fetch = replica_fetch(replica) if replica else fetch_url
    found = suggest(host, fetch)
    if found.name is None and not found.articles:
        print(f"crawler: error: nothing read from {host}: {'; '.join(found.notes)}", file=sys.stderr)
        return 1
    print(
        f"crawler: read {host}: {len(found.feeds)} feeds, {len(found.sitemaps)} sitemaps, "
        f"{len(found.articles)} article URLs, {len(found.confirmed)} sample articles; family "
        f"{found.family or 'generic'}. Save as crawler/sites/portals/{found.key}.toml after review.",
        file=sys.stderr,
    )
    print(draft_module(found), end="")
    return 0


__all__ = ["cmd_suggest", "domain_sites", "normalize_domain"]
