"""The pages each portal host serves: `HostRoutes`, the part of `portals.Replica` that builds a host's routes
(path → `answers.Handler`) from its sites' articles, and keeps what their `Last-Modified` needs.

A host's routes are built on its first request after the content changed (`Replica._version`) and kept until
the next change: the robots.txt, the sitemap index, news sitemap and monthly urlsets (shared by every site on
the host), then per site its home page (the live site's only), article pages, images, listing pages, feeds
and, on family C, its topic page. Where two sites of one host would serve a path, the live site's page wins.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from functools import partial
from typing import TypeAlias
from urllib.parse import urlsplit

from crawler.sites import Site
from replica import syndication
from replica.answers import (
    PIXEL,
    Handler,
    Once,
    article_page,
    fixed,
    latest,
    lazy,
    listing_fixed,
    listing_page,
    validators,
)
from replica.corpus import SECTION_NAMES, slugify
from replica.model import GIF, HTML, RSS, TEXT, XML, Page, ReplicaArticle
from replica.provinces import WRITING
from replica.redesign import Redesign, redesigned
from replica.render import PAGE_SIZE, FamilyC, Renderer, SiteContext, renderer_for

Scope: TypeAlias = tuple[str, str, str]
"""(site key, `"all"` / `"month"` / `"section"`, the month or section slug): what a page lists."""


def _scopes(site_key: str, a: ReplicaArticle) -> tuple[Scope, ...]:
    """What pages list `a`: its site's (index, news sitemap, whole-site feeds), its month's urlset, its
    section's (feeds, listing pages)."""
    return (
        (site_key, "all", ""),
        (site_key, "month", syndication.month_key(a.published)),
        (site_key, "section", a.section),
    )


class HostRoutes:
    """The routes of each host, for `portals.Replica` (which sets the state below in its `__init__`)."""

    _lock: threading.RLock
    _sites: dict[str, Site]
    _articles: dict[str, dict[str, ReplicaArticle]]  # by site key, then article id
    _hosts: dict[str, list[str]]  # site keys by host, the live site first
    _version: int  # bumped on every change of content, redesign or variant
    _routes: dict[str, tuple[int, dict[str, Handler]]]  # by host: (the version built at, its routes)
    _left: dict[Scope, datetime]  # when an article last left what a page lists (Last-Modified)
    _redesigns: dict[str, Redesign]  # by family: article pages in a template of its own
    _variants: dict[str, Renderer]  # by site: article pages in a markup variant (variants.py)

    # --- what the pages list, for their Last-Modified -----------------------------------------------------
    def _mark_left(
        self, site_key: str, article: ReplicaArticle, when: datetime, staying: ReplicaArticle | None = None
    ) -> None:
        """Note that `article` left (or may have left) what the pages of its site, month and section list at
        `when`: their `Last-Modified` is never earlier from now on. `staying`: the article as an edit left it;
        only the pages it may have left are marked (a month or section it moved out of; all of them where its
        publication time moved, which may take it out of a feed, or its modified time went back). Called
        under the lock."""
        scopes = _scopes(site_key, article)
        moved_in_time = staying is not None and (
            staying.published != article.published or staying.last_modified < article.last_modified
        )
        if staying is not None and not moved_in_time:
            scopes = tuple(set(scopes) - set(_scopes(site_key, staying)))
        for scope in scopes:
            self._left[scope] = max(self._left.get(scope, when), when)

    def _left_since(self, site_keys: Iterable[str], kind: str, value: str = "") -> datetime | None:
        """The last time an article left the pages of `kind` (`all`, `month`, `section`) of these sites."""
        return max(
            (t for k in site_keys if (t := self._left.get((k, kind, value))) is not None), default=None
        )

    # --- the pages of a host -------------------------------------------------------------------------------
    def _routes_for(self, host: str) -> dict[str, Handler]:
        with self._lock:
            cached = self._routes.get(host)
            if cached is not None and cached[0] == self._version:
                return cached[1]
            routes = self._build_routes(host)
            self._routes[host] = (self._version, routes)
            return routes

    def _sections(self, site: Site) -> list[tuple[str, str]]:
        """(slug, name) of the site's sections: its listings, then the corpus plan, then what articles use."""
        found: dict[str, str] = {}
        for kind, url in site.entry_points():
            if kind == "listing":
                slug = urlsplit(url).path.strip("/").split("/")[0]
                found.setdefault(slug, SECTION_NAMES.get(slug, slug))
        writing = WRITING.get(site.key)
        for slug, name, _ in writing.sections if writing else ():
            found.setdefault(slug, name)
        for a in sorted(self._articles[site.key].values(), key=lambda a: a.published):
            found.setdefault(a.section, a.section_name)
        return list(found.items()) or [("thoi-su", "Thời sự")]

    def _feed_paths(self, site: Site, sections: Sequence[tuple[str, str]]) -> list[tuple[str, str | None]]:
        """(feed path, section slug or None for all) the site serves: its declared feeds, then one per
        section."""
        names = {slug for slug, _ in sections}
        out: list[tuple[str, str | None]] = []
        for kind, url in site.entry_points():
            if kind == "feed":
                path = urlsplit(url).path
                segments = path.strip("/").split("/")
                slug = (
                    segments[0]
                    if path.endswith("/index.rss")
                    else segments[-1].removesuffix(".rss")
                    if path.startswith("/rss/")
                    else None
                )
                out.append((path, slug if slug in names else None))
        for slug, _ in sections:
            out.append((f"/{slug}/index.rss" if site.family.key == "B" else f"/rss/{slug}.rss", slug))
        return list(dict.fromkeys(out))

    def _build_routes(self, host: str) -> dict[str, Handler]:
        keys = self._hosts[host]
        sites = [self._sites[k] for k in keys]
        everything = [(s, a) for s in sites for a in self._articles[s.key].values()]
        base = sites[0].base_url
        routes: dict[str, Handler] = {}

        def add(path: str, handler: Handler) -> None:
            routes.setdefault(path, handler)

        sitemap_paths = [syndication.SITEMAP_INDEX, syndication.NEWS_SITEMAP]
        for site in sites:
            sitemap_paths += [urlsplit(u).path for kind, u in site.entry_points() if kind == "sitemap"]
        robots = syndication.robots(base, sitemap_paths).encode()
        add("/robots.txt", partial(fixed, Page(200, TEXT, robots, validators(robots, None))))
        articles = [a for _, a in everything]
        gone = self._left_since(keys, "all")
        add(
            syndication.SITEMAP_INDEX,
            Once(
                partial(syndication.sitemap_index, base, articles),
                XML,
                latest(syndication.newest_modified(articles), gone),
            ),
        )
        news = syndication.news_items((s.name, a) for s, a in everything)
        add(
            syndication.NEWS_SITEMAP,
            Once(
                partial(syndication.news_sitemap, news),
                XML,
                latest(syndication.newest_modified(a for _, a in news), gone),
            ),
        )
        months: dict[str, list[ReplicaArticle]] = {}
        for a in articles:
            months.setdefault(syndication.month_key(a.published), []).append(a)
        bases = {s.domain: s.base_url for s in sites}
        for month, items in months.items():
            urlset = partial(syndication.urlset, items, bases)
            modified = latest(syndication.newest_modified(items), self._left_since(keys, "month", month))
            add(syndication.monthly_path(month), partial(lazy, XML, urlset, modified=modified))

        for n, site in enumerate(sites):
            self._site_routes(site, add, primary=(n == 0))
        return routes

    def _site_routes(self, site: Site, add: Callable[[str, Handler], None], primary: bool) -> None:
        renderer = renderer_for(site)
        sections = self._sections(site)
        feeds = self._feed_paths(site, sections)
        newest = sorted(self._articles[site.key].values(), key=lambda a: (a.published, a.id), reverse=True)
        entry_feeds = tuple(urlsplit(u).path for kind, u in site.entry_points() if kind == "feed")
        ctx = SiteContext(site, tuple(sections), entry_feeds or tuple(p for p, _ in feeds[:1]), tuple(newest))

        event: tuple[str, str] | None = None
        if isinstance(renderer, FamilyC):
            title = "Chính quyền địa phương hai cấp"
            event = (f"/{slugify(title)}-event{1000 + sum(map(ord, site.key)) % 9000}.html", title)
            add(event[0], partial(lazy, HTML, partial(renderer.topic, ctx, event[0], event[1], newest[:6])))

        if primary:
            add("/", partial(lazy, HTML, partial(renderer.home, ctx, "")))
        article_renderer = self._variants.get(site.key, renderer)
        for a in newest:
            render = redesigned(article_renderer.article, self._redesigns.get(site.family.key))
            page = partial(article_page, render, ctx, a)
            add(a.path, page)
            if site.family.key == "B" and a.path.endswith("/"):
                add(a.path + "index.htm", page)
            for image in a.images:
                if image.src.startswith("/"):
                    add(image.src, partial(fixed, Page(200, GIF, PIXEL)))
        for slug, name in sections:
            items = [a for a in newest if a.section == slug]
            pages = max(1, math.ceil(len(items) / PAGE_SIZE))
            extra = renderer.event_item(*event) if isinstance(renderer, FamilyC) and event else ""
            gone = self._left_since([site.key], "section", slug)
            listing = partial(listing_page, renderer.listing, ctx, slug, name, items, pages, extra, gone)
            add(f"/{slug}/", listing)
            add(f"/{slug}", listing)
            for number in range(2, pages + 1):
                path = renderer.page_path(slug, number)
                if "?" not in path:
                    add(path, partial(listing_fixed, listing, number))
        for path, feed_section in feeds:
            chosen = [a for a in newest if a.section == feed_section] if feed_section else newest
            channel = dict(sections).get(feed_section or "", "Tin mới nhất")
            link = site.absolute(f"/{feed_section}/" if feed_section else "/")
            rss = partial(
                syndication.rss, site, f"{site.name} - {channel}", link, site.absolute(path), chosen
            )
            gone = self._left_since([site.key], *(("section", feed_section) if feed_section else ("all",)))
            modified = latest(syndication.newest_modified(syndication.feed_items(chosen)), gone)
            add(path, partial(lazy, RSS, rss, modified=modified))
