"""`crawler check SITE [--live] [--pages N] [--suggest]`: does the site's own extraction still hold?

Fetches the site's home page, feeds and listings, then up to N article pages found on them, extracts each as
the crawl would, and prints per field which layer filled it and the coverage, then the audit of the site's
declaration (crawler/monitor/repair.py): per declared field, whether its selectors found the value that won.
Exits 1 when the site's own selectors (site or family) no longer match: on more pages than the monitors'
`fallback_max` allows, the body does not come from them, or the title or date comes from the generic layer or
none (or no template matches); or when a declared field is missed or disagrees on more than `declared_max` of
the pages. `--suggest` prints the corrected declaration, ready to paste. Without `--live` it checks the local
replica (started here, or `--replica URL`); `--live` fetches the real portal.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from html import unescape
from urllib.parse import urljoin

from crawler.dates import VN_TZ
from crawler.extract import extract_article, parse_document
from crawler.fetch import Fetcher, FetchError
from crawler.item import Article, Rejected
from crawler.monitor.metrics import (
    COVERAGE_FIELDS,
    LAYERS,
    PAGE_DATE_SOURCES,
    SELECTOR_FIELDS,
    covered,
    field_layers,
)
from crawler.monitor.repair import DeclarationAudit, audit_page, winners_from
from crawler.monitor.thresholds import Thresholds
from crawler.options import positive_int
from crawler.sites import Site, get_site
from crawler.steps import process_page

Fetch = Callable[[str], tuple[int, bytes]]
"""URL in, (HTTP status, body) out; `FetchError` (or `OSError`) when there is no response."""

_LINK = re.compile(
    r"""(?:href\s*=\s*["']([^"']+)["'])|(?:<link>\s*([^<\s]+)\s*</link>)|(?:<loc>\s*([^<\s]+)\s*</loc>)"""
)
KEY_FIELDS = ("body_text", "title", "published_at")
"""The fields a page must not lose: the body from the selectors, a title and a date from the page."""


@dataclass
class PageResult:
    """One article page as extraction saw it."""

    url: str
    layers: dict[str, str]
    covered: dict[str, bool]
    template: str | None
    rejected: str | None = None

    @property
    def lost(self) -> list[str]:
        """Key fields the site's own extraction did not fill: the body not from its selectors, or a title or
        date from no layer but the generic one (or none)."""
        lost = [] if self.layers.get("body_text") in ("site", "family") else ["body_text"]
        return lost + [n for n in KEY_FIELDS[1:] if self.layers.get(n, "missing") in ("generic", "missing")]


@dataclass
class CheckReport:
    site: str
    source: str
    fallback_max: float
    discovery: list[tuple[str, int]] = field(default_factory=list)
    pages: list[PageResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    declaration: DeclarationAudit | None = None

    @property
    def missed(self) -> list[PageResult]:
        """Pages where the site's own selectors missed a key field (or no template of the family matched)."""
        return [p for p in self.pages if p.lost or p.template is None]

    @property
    def selectors_ok(self) -> bool:
        return bool(self.pages) and len(self.missed) / len(self.pages) <= self.fallback_max

    @property
    def declaration_ok(self) -> bool:
        """No declared field missed or disagreeing on most pages."""
        return self.declaration is None or not self.declaration.wrong_fields()

    @property
    def exit_code(self) -> int:
        if not self.pages:
            return 2
        return 0 if self.selectors_ok and self.declaration_ok else 1

    def render(self, *, suggest: bool = False) -> str:
        """The layer table and drift verdict, the declaration's audit and, with `suggest`, its correction."""
        lines = [self._render_layers()]
        if self.pages and self.declaration is not None:
            lines.append(self.declaration.render())
            if suggest:
                lines.append(self.declaration.render_suggestion())
        return "\n".join(lines)

    def _render_layers(self) -> str:
        lines = [
            f"check {self.site} ({self.source}): {len(self.discovery)} listing/feed pages, "
            f"{len(self.pages)} article pages"
        ]
        lines += [f"  error: {e}" for e in self.errors]
        if not self.pages:
            lines.append("no article page could be fetched: nothing to judge")
            return "\n".join(lines)
        n = len(self.pages)
        rows = [("FIELD", *(layer.upper() for layer in LAYERS), "COVERAGE")]
        for name in SELECTOR_FIELDS:
            counts = Counter(p.layers.get(name, "missing") for p in self.pages)
            coverage = (
                f"{sum(p.covered.get(name, False) for p in self.pages) / n * 100:.0f}%"
                if name in COVERAGE_FIELDS
                else f"{(n - counts['missing']) / n * 100:.0f}%"
            )
            rows.append((name, *(str(counts[layer]) for layer in LAYERS), coverage))
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows]
        templates = Counter(p.template or "none" for p in self.pages)
        lines.append("templates matched: " + ", ".join(f"{t} ({c})" for t, c in templates.most_common()))
        for page in self.pages:
            if page.rejected:
                lines.append(f"  rejected: {page.url}: {page.rejected}")
        missed = self.missed
        if self.selectors_ok:
            lines.append(f"OK: the site's own selectors matched on {n - len(missed)} of {n} pages")
        else:
            lines.append(
                f"FAIL: the site's own selectors no longer match on {len(missed)} of {n} pages "
                f"(allowed: {self.fallback_max * 100:.0f}%), for example:"
            )
            lines += [f"  {p.url}  lost: {', '.join(p.lost) or 'no template matched'}" for p in missed[:5]]
        return "\n".join(lines)


def article_links(site: Site, base_url: str, body: bytes) -> list[str]:
    """Article URLs of the site on a page, feed or sitemap, in order of appearance."""
    text = body.decode("utf-8", errors="replace")
    found: list[str] = []
    for match in _LINK.finditer(text):
        raw = unescape(next(g for g in match.groups() if g))
        url = urljoin(base_url, raw.strip())
        if site.is_article_url(url) and url not in found:
            found.append(url)
    return found


def check_site(
    site: Site, fetch: Fetch, *, pages: int = 5, source: str = "", thresholds: Thresholds | None = None
) -> CheckReport:
    """Fetch up to `pages` article pages of the site through `fetch` and judge their extraction."""
    limits = thresholds or Thresholds()
    report = CheckReport(site=site.key, source=source or site.base_url, fallback_max=limits.fallback_max)
    report.declaration = DeclarationAudit(site, most=limits.declared_max)
    entry = [site.absolute("/")] + [url for kind, url in site.entry_points() if kind in ("feed", "listing")]
    candidates: list[str] = []
    for url in entry[:4]:
        try:
            status, body = fetch(url)
        except FetchError as exc:
            report.errors.append(str(exc))
            continue
        except OSError as exc:
            report.errors.append(f"{url}: {exc}")
            continue
        report.discovery.append((url, status))
        if status == 200:
            candidates += [u for u in article_links(site, url, body) if u not in candidates]
        if len(candidates) >= pages * 3:
            break
    for url in candidates[:pages]:
        try:
            status, body = fetch(url)
        except FetchError as exc:
            report.errors.append(str(exc))
            continue
        except OSError as exc:
            report.errors.append(f"{url}: {exc}")
            continue
        if status != 200:
            report.errors.append(f"{url}: HTTP {status}")
            continue
        fetched = datetime.now(VN_TZ).replace(microsecond=0)
        try:
            extraction = extract_article(url, body, site, relative_to=fetched)
        except Exception as exc:  # a page extraction cannot read is a finding of the check, not its crash
            report.errors.append(f"{url}: extraction failed: {type(exc).__name__}: {exc}")
            continue
        template = extraction.template
        result = process_page(url, body, site, fetched_at=fetched, extraction=extraction)
        article: Article = result.article if isinstance(result, Rejected) else result
        doc = parse_document(body)
        if doc is not None:
            winners = winners_from(
                extraction.title,
                extraction.lead,
                extraction.published_raw,
                extraction.authors,
                extraction.section,
                extraction.tags,
                extraction.body_text,
                published_at=article.published_at if article.date_source in PAGE_DATE_SOURCES else None,
            )
            report.declaration.pages.append(audit_page(doc, site, winners, url=url, template=template))
        report.pages.append(
            PageResult(
                url=url,
                layers=field_layers(article),
                covered=covered(article, min_body_words=50),
                template=template,
                rejected=result.reason if isinstance(result, Rejected) else None,
            )
        )
    return report


def replica_fetch(replica_url: str) -> Fetch:
    """Fetch through a replica: `https://host/path` is asked of `<replica>/host/path`. The replica is the
    operator's own, on loopback, and serves robots.txt per host: no target check, no robots.txt of its own."""
    from crawler.routing import registered_hosts, replica_url_for

    hosts = registered_hosts()
    fetcher = Fetcher(robots=False, check_targets=False)

    def fetch(url: str) -> tuple[int, bytes]:
        page = fetcher.get(replica_url_for(url, replica_url, hosts) or url)
        return page.status, page.body

    return fetch


def live_fetch(site: Site) -> Fetch:
    """Fetch from the real portal through `crawler.fetch`: the crawl's User-Agent, robots.txt, target check
    (the site's own hosts only, no private address) and size cap."""
    fetcher = Fetcher(domains=site.domains)

    def fetch(url: str) -> tuple[int, bytes]:
        page = fetcher.get(url)
        return page.status, page.body

    return fetch


@contextmanager
def _replica(url: str | None, variant: tuple[str, str] | None = None) -> Iterator[str]:
    """A running replica: the given one, or one started here (with `variant` = (site, name) switched on)."""
    if url:
        yield url
        return
    from crawler.replica_package import load_replica

    package = load_replica()
    replica = package.build_replica()
    if variant is not None:
        replica.use_variant(*variant)
    with package.ReplicaServer(replica) as server:
        yield server.base_url


def add_check_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = commands.add_parser(
        "check",
        help="check that a site's extraction still holds (per field: layer and coverage)",
        description=(
            "Fetch a few listing and article pages of SITE and print, per field, which extraction layer "
            "filled it and the coverage, then whether each declared selector found the value that won. "
            "Exit 1 when the site's own selectors no longer match or a declared field is wrong on most "
            "pages, 2 when no article page could be fetched. Without --live: the local replica."
        ),
    )
    check.add_argument("site", metavar="SITE")
    check.add_argument("--live", action="store_true", help="fetch the real portal instead of the replica")
    check.add_argument("--pages", type=positive_int, default=5, help="article pages to check (default 5)")
    check.add_argument("--replica", metavar="URL", help="use this running replica instead of starting one")
    check.add_argument(
        "--suggest", action="store_true", help="print the corrected declaration, ready to paste"
    )
    check.add_argument(
        "--replica-variant",
        metavar="NAME",
        help="print the site's article pages in a markup variant of the replica (replica/variants.py)",
    )
    check.set_defaults(handler=cmd_check)


def cmd_check(args: argparse.Namespace) -> int:
    site = get_site(args.site)
    variant: str | None = args.replica_variant
    if variant and (args.live or args.replica):
        print(
            "crawler: check: --replica-variant needs the replica started here (no --live, no --replica)",
            file=sys.stderr,
        )
        return 2
    if args.live:
        report = check_site(site, live_fetch(site), pages=args.pages, source=f"live {site.base_url}")
    else:
        try:
            with _replica(args.replica, (site.key, variant) if variant else None) as url:
                source = f"replica {url}" + (f", variant {variant}" if variant else "")
                report = check_site(site, replica_fetch(url), pages=args.pages, source=source)
        except ValueError as exc:
            print(f"crawler: check: {exc}", file=sys.stderr)
            return 2
    print(report.render(suggest=args.suggest))
    if report.exit_code == 2:
        print(f"crawler: check: no article page of {site.key} could be fetched", file=sys.stderr)
    return report.exit_code
