"""The replica's state and routing, with no socket: which pages each portal host serves, built from articles.

`Replica.handle(method, host_header, target)` answers one request as a `Page`; the HTTP layer (`server.py`)
only moves bytes. A request names its portal in one of three ways:

- the rewrite form the crawler uses: `/<host><path>?<query>` (the first path segment is the portal's host);
- a `Host` header naming a registered domain (`www.` or not), the path as the portal has it;
- an absolute URL as the request target, as HTTP proxies receive it.

Each host serves: `/` (its live site's home page), article pages (family B also at `…/index.htm`), listing
pages per section (`/<section>/` and the family's next pages), RSS feeds at the site's feed paths and per
section (family B `/<section>/index.rss`, others `/rss/<section>.rss`), `/sitemap.xml` (index) with monthly
urlsets `/sitemaps/articles-YYYY-MM.xml` and `/sitemaps/news.xml`, `/robots.txt`, images, and on family C one
topic page (`-event<id>.html`). Two sites on one host (baodongnai.com.vn: the 2025 platform and its legacy
archive) share the host's sitemaps and robots.txt; where both would serve a path, the live site's page wins.

Validators: article pages, feeds, sitemaps, listing pages and robots.txt carry a strong `ETag` (a hash of the
exact body) and, except robots.txt, a `Last-Modified`: the newest modified time of the articles the page lists,
or, if later, the last time an article left what the page lists (taken down, or edited into another month or
section), so that it never goes backwards while the page changes. A page that never listed anything, and the
home and topic pages, carry the `ETag` only. `server.not_modified` answers 304 from them.

Nights: `Replica.advance` adds and edits articles on every site as a night of news would (new stories on the
sites still publishing, corrections to recent ones); `POST /_replica/advance?new=N&edited=M&seed=S` on the
index host (any host that is not a portal) does the same over HTTP and answers the changes as JSON.

Where each piece lives: this module holds `Replica`'s state, its articles (add, edit, remove, syndicate) and
how it answers a request; `routes` builds the pages of each host (`HostRoutes`, a base of `Replica`);
`answers` holds the page kinds and validators the routes answer with; `advance` writes the nights.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from html import escape
from typing import Any, TypeAlias
from urllib.parse import parse_qs, urlsplit

from crawler.sites import Site, all_sites
from replica import wire
from replica.advance import ADVANCE_PATH, Change, advance_request, night
from replica.answers import Handler, not_allowed, not_found, serve
from replica.corpus import make_article, new_id
from replica.faults import FaultPlan, answer
from replica.model import HTML, TEXT, VN_TZ, Page, ReplicaArticle
from replica.provinces import WRITING
from replica.redesign import Redesign
from replica.render import Renderer
from replica.routes import HostRoutes, Scope
from replica.variants import variant_renderer

StorySource: TypeAlias = wire.Story | ReplicaArticle
"""What `Replica.syndicate` re-runs: a story (`wire.wire_story`, …) or an article a portal already printed."""

READ_METHODS = ("GET", "HEAD")


@dataclass
class _Fault:
    prefix: str  # "host/path…", matched against the request's host and path (query included)
    status: int
    remaining: int | None  # None: until cleared


def _normalize_host(host: str | None) -> str:
    host = (host or "").strip().lower()
    if host.startswith("["):  # IPv6 literal
        return host
    host = host.split(":", 1)[0]
    return host.removeprefix("www.")


class Replica(HostRoutes):
    """The portals' content and what they serve. Thread-safe: the server reads it while tests change it."""

    def __init__(
        self,
        corpus: Mapping[str, Iterable[ReplicaArticle]] | None = None,
        sites: Mapping[str, Site] | None = None,
    ) -> None:
        self._lock = threading.RLock()
        self._sites: dict[str, Site] = dict(sites if sites is not None else all_sites())
        self._articles: dict[str, dict[str, ReplicaArticle]] = {key: {} for key in self._sites}
        self._hosts: dict[str, list[str]] = {}
        for site in self._sites.values():
            for domain in site.domains:
                self._hosts.setdefault(_normalize_host(domain), []).append(site.key)
        for keys in self._hosts.values():  # the live site first, then archives, each by key
            keys.sort(key=lambda k: (self._sites[k].active_to is not None, k))
        self._version = 0
        self._routes: dict[str, tuple[int, dict[str, Handler]]] = {}
        self._left: dict[Scope, datetime] = {}  # when an article last left what a page lists (Last-Modified)
        self._log: list[tuple[str, str, str]] = []
        self._faults: list[_Fault] = []
        self._redesigns: dict[str, Redesign] = {}  # by family: article pages in a template of its own
        self._variants: dict[str, Renderer] = {}  # by site: article pages in a markup variant (variants.py)
        self.faults = FaultPlan(lambda key: list(self.site(key).domains))
        """Faults by kind, per site or URL prefix (replica/faults.py)."""
        for key, articles in (corpus or {}).items():
            for article in articles:
                self.add_article(key, article)

    # --- content -------------------------------------------------------------------------------------------
    @property
    def sites(self) -> dict[str, Site]:
        return dict(self._sites)

    def site(self, site_key: str) -> Site:
        try:
            return self._sites[site_key]
        except KeyError:
            known = ", ".join(sorted(self._sites))
            raise KeyError(f"the replica serves no site {site_key!r}; it serves {known}") from None

    def hosts(self) -> list[str]:
        return sorted(self._hosts)

    def articles(self, site_key: str) -> list[ReplicaArticle]:
        """The site's articles, oldest first."""
        self.site(site_key)
        with self._lock:
            return sorted(self._articles[site_key].values(), key=lambda a: (a.published, a.id))

    def article(self, site_key: str, article_id: str) -> ReplicaArticle:
        with self._lock:
            try:
                return self._articles[self.site(site_key).key][article_id]
            except KeyError:
                raise KeyError(f"{site_key} has no article {article_id!r}") from None

    def new_article(
        self,
        site_key: str,
        *,
        title: str,
        lead: str,
        paragraphs: Sequence[str],
        published: datetime | None = None,
        section: str | None = None,
        images: Sequence[tuple[str, str | None]] = (),
        **extra: Any,
    ) -> ReplicaArticle:
        """An article for the site with a fresh id and URL in its family's shape; `add_article` publishes
        it."""
        site = self.site(site_key)
        when = published or datetime.now(VN_TZ).replace(second=0, microsecond=0)
        with self._lock:
            taken = list(self._articles[site_key])
        section = section or self._sections(site)[0][0]
        article_id = new_id(site, taken, when)
        return make_article(
            site,
            article_id,
            title=title,
            lead=lead,
            paragraphs=paragraphs,
            published=when,
            section=section,
            images=images,
            **extra,
        )

    def add_article(self, site_key: str, article: ReplicaArticle) -> ReplicaArticle:
        site = self.site(site_key)
        self._check(site, article)
        with self._lock:
            if article.id in self._articles[site_key]:
                raise ValueError(
                    f"{site_key} already has article {article.id}; use edit_article to change it"
                )
            self._check_path_free(site, article, replacing=None)
            self._articles[site_key][article.id] = article
            self._version += 1
        return article

    def edit_article(self, site_key: str, article_id: str, **changes: Any) -> ReplicaArticle:
        """Change an article's fields; its modified time (page, feeds' build date, sitemaps' lastmod) becomes
        now unless `modified` is among the changes."""
        if "id" in changes:
            raise ValueError("an article's id cannot change; remove it and add another")
        site = self.site(site_key)
        with self._lock:
            old = self.article(site_key, article_id)
            if "modified" not in changes:
                now = datetime.now(VN_TZ).replace(microsecond=0)
                changes["modified"] = max(now, old.published, old.last_modified)
            new = replace(old, **changes)
            self._check(site, new)
            self._check_path_free(site, new, replacing=old)
            self._articles[site_key][article_id] = new
            self._mark_left(site_key, old, max(old.last_modified, new.last_modified), staying=new)
            self._version += 1
        return new

    def redesign(self, family: str, renames: Mapping[str, str] | None) -> None:
        """From the next request, print the family's article pages with CSS classes renamed (a portal's
        redesign, replica/redesign.py); None restores the template the selectors know."""
        with self._lock:
            if renames:
                self._redesigns[family] = Redesign(family, dict(renames))
            else:
                self._redesigns.pop(family, None)
            self._version += 1

    def use_variant(self, site_key: str, name: str | None) -> None:
        """From the next request, print the site's article pages in a markup variant its declaration does not
        describe (replica/variants.py); None restores the family's markup."""
        site = self.site(site_key)
        with self._lock:
            if name:
                self._variants[site_key] = variant_renderer(name, site.family.key)
            else:
                self._variants.pop(site_key, None)
            self._version += 1

    def remove_article(self, site_key: str, article_id: str) -> ReplicaArticle:
        """Take an article down: its page answers 404 and it leaves feeds, listings and sitemaps."""
        with self._lock:
            old = self.article(site_key, article_id)
            del self._articles[site_key][article_id]
            self._mark_left(site_key, old, max(datetime.now(VN_TZ).replace(microsecond=0), old.last_modified))
            self._version += 1
        return old

    def syndicate(
        self, story: StorySource, to_sites: Sequence[str], *, perturb: bool = True, seed: int | str = 0
    ) -> list[ReplicaArticle]:
        """Publish copies of one story on several sites, in each site's URL shape and markup, and return them
        (in `to_sites` order).

        `story` is a `wire.Story` (`wire.wire_story()` writes TTXVN copy) or an article already on a portal.
        With `perturb`, each copy is re-edited as provincial desks re-run wire copy (`wire.edition`: the
        outlet tag, headline, lead, captions, closing paragraph and tone-mark style change; the body stays
        mostly the same text), published minutes to hours apart; without it, every copy prints the story's
        text as is. Deterministic for a given `seed`. Each site's copy must fall in the site's active range.
        """
        source = story if isinstance(story, wire.Story) else wire.Story.from_article(story)
        if len(set(to_sites)) != len(to_sites):
            raise ValueError(f"a site appears twice in {list(to_sites)}")
        editions: list[tuple[str, wire.Edition]] = []
        titles: list[str] = []
        for index, site_key in enumerate(to_sites):
            site = self.site(site_key)
            sections = [slug for slug, _ in self._sections(site)]
            e = wire.edition(
                source, site, index=index, perturb=perturb, seed=seed, sections=sections, taken_titles=titles
            )
            self._check_active(site, e.published)
            titles.append(e.title)
            editions.append((site_key, e))
        return [self._publish_edition(site_key, e) for site_key, e in editions]

    def publish(self, story: StorySource, site_key: str, *, seed: int | str = 0) -> ReplicaArticle:
        """Publish one story on one site as that site's own article (its text as is, the site's tag)."""
        source = story if isinstance(story, wire.Story) else wire.Story.from_article(story)
        site = self.site(site_key)
        e = wire.edition(
            source, site, perturb=False, seed=seed, sections=[s for s, _ in self._sections(site)]
        )
        w = WRITING.get(site_key)
        if source.agency is None and w is not None and w.tag is not None:
            e.lead, e.source_tag = f"{w.tag}{w.tag_sep}{e.lead}", w.tag
        self._check_active(site, e.published)
        return self._publish_edition(site_key, e)

    def _publish_edition(self, site_key: str, e: wire.Edition) -> ReplicaArticle:
        article = self.new_article(
            site_key,
            title=e.title,
            lead=e.lead,
            paragraphs=e.paragraphs,
            published=e.published,
            section=e.section,
            images=e.images,
            authors=e.authors,
            author_line=e.author_line,
            source_tag=e.source_tag,
            tags=e.tags,
        )
        return self.add_article(site_key, article)

    def advance(
        self, new: int = 1, edited: int = 1, *, seed: int | str = 0, now: datetime | None = None
    ) -> list[Change]:
        """A night of news on every site: `new` stories published and `edited` recent articles corrected.

        Each site active on `now`'s day (not the papers the 2025 merger closed) gets `new` articles: stories in
        its province by the corpus's writers (`topics`), each headline distinct from every title the replica
        holds, published at `now` (default: this minute) or, where the site already has a later article, at
        that article's time. On every site, `edited` of its most recent articles (one of the three newest
        where `edited` is 1, so that it stays in the feeds) get a correction, as a desk makes it: a figure set
        right, a sentence reworded or an update appended, with their modified time set to `now`.

        Returns (site key, article id, `"new"` or `"edited"`) for each change, by site key. Deterministic for
        a given replica, `seed` and `now`.
        """
        if new < 0 or edited < 0:
            raise ValueError(f"advance needs counts of 0 or more, got new={new}, edited={edited}")
        if now is not None and now.tzinfo is None:
            raise ValueError("advance's now must be timezone-aware (use VN_TZ)")
        when = (now or datetime.now(VN_TZ).replace(second=0)).astimezone(VN_TZ).replace(microsecond=0)
        with self._lock:
            return night(self, new, edited, seed=seed, when=when)

    @staticmethod
    def _check_active(site: Site, when: datetime) -> None:
        day = when.date()
        if (site.active_from and day < site.active_from) or (site.active_to and day > site.active_to):
            raise ValueError(f"{site.key} published nothing on {day} (active {site.active_label})")
        if when > datetime.now(VN_TZ):
            raise ValueError(f"{site.key}: {when.isoformat()} is in the future")

    def _check(self, site: Site, article: ReplicaArticle) -> None:
        if not site.is_article_url(article.url):
            raise ValueError(
                f"{article.url} is not an article URL of {site.key} (pattern {site.article_re.pattern})"
            )
        if not isinstance(article, ReplicaArticle):
            raise TypeError("add ReplicaArticle objects (Replica.new_article builds one)")

    def _check_path_free(self, site: Site, article: ReplicaArticle, replacing: ReplicaArticle | None) -> None:
        host = _normalize_host(article.domain)
        for key in self._hosts.get(host, []):
            for other in self._articles[key].values():
                if other is not replacing and other.path == article.path:
                    raise ValueError(f"{article.url} is already served for {key} article {other.id}")

    # --- requests ------------------------------------------------------------------------------------------
    @property
    def request_log(self) -> list[tuple[str, str, str]]:
        """(method, host, path with query) of every request answered, oldest first."""
        with self._lock:
            return list(self._log)

    def clear_log(self) -> None:
        with self._lock:
            self._log.clear()

    def inject_fault(self, url: str, status: int = 503, times: int | None = 1) -> None:
        """Answer `status` to the next `times` requests (None: all, until `clear_faults`) whose host and path
        start like `url` (`https://host/path` or `host/path`)."""
        parts = urlsplit(url if "://" in url else f"https://{url}")
        query = f"?{parts.query}" if parts.query else ""
        prefix = _normalize_host(parts.hostname) + (parts.path or "/") + query
        with self._lock:
            self._faults.append(_Fault(prefix, status, times))

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def resolve(self, host_header: str | None, target: str) -> tuple[str | None, str, str]:
        """(registered host or None, path on that host, query) for a request."""
        parts = urlsplit(target)
        path, query = parts.path or "/", parts.query
        if parts.scheme in ("http", "https") and parts.hostname:
            host = _normalize_host(parts.hostname)
            return (host if host in self._hosts else None), path, query
        host = _normalize_host(host_header)
        if host in self._hosts:
            return host, path, query
        first, _, rest = path.lstrip("/").partition("/")
        if _normalize_host(first) in self._hosts:
            return _normalize_host(first), "/" + rest, query
        return None, path, query

    def get(self, url: str, method: str = "GET") -> Page:
        """Answer one URL without a socket: `https://host/path?query`, or the rewrite form `/host/path?query`
        (or `/` for the list of portals)."""
        return self.handle(method, None, url)

    def handle(self, method: str, host_header: str | None, target: str) -> Page:
        host, path, query = self.resolve(host_header, target)
        shown = path + (f"?{query}" if query else "")
        with self._lock:
            self._log.append((method, host or _normalize_host(host_header), shown))
        if host is None:
            if path == ADVANCE_PATH:
                return advance_request(self, method, query)
            if path not in ("/", "/robots.txt"):
                return not_found(target)
            if method not in READ_METHODS:
                return not_allowed(method, READ_METHODS)
            if path == "/":
                return self._index()
            return Page(200, TEXT, b"User-agent: *\nDisallow:\n")
        if method not in READ_METHODS:  # the portals serve pages only; no fault is used up
            routes = self._routes_for(host)
            known = (routes.get(shown) if query else None) or routes.get(path)
            return not_allowed(method, READ_METHODS) if known is not None else not_found(f"{host}{shown}")
        fault = self._take_fault(host + shown)
        if fault is not None:
            return fault
        routes = self._routes_for(host)
        handler = (routes.get(shown) if query else None) or routes.get(path)  # an article may live at `?…`
        injected = self.faults.take(host, shown) if len(self.faults) else None
        if injected is not None:
            return answer(injected, host, shown, partial(serve, handler, query, f"{host}{shown}"))
        if handler is None:
            return not_found(f"{host}{shown}")
        return handler(parse_qs(query))

    def _take_fault(self, where: str) -> Page | None:
        with self._lock:
            for fault in self._faults:
                if where.startswith(fault.prefix) and (fault.remaining is None or fault.remaining > 0):
                    if fault.remaining is not None:
                        fault.remaining -= 1
                    return Page(fault.status, TEXT, f"{fault.status} injected by the replica\n".encode())
        return None

    def _index(self) -> Page:
        rows = []
        for host in self.hosts():
            for key in self._hosts[host]:
                site = self._sites[key]
                with self._lock:
                    count = len(self._articles[key])
                rows.append(
                    f'<li><a href="/{host}/">{escape(host)}</a> — {escape(site.name)} ({key}, family '
                    f"{site.family.key}, {site.active_label}, {count} articles)</li>"
                )
        body = (
            '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Replica of Vietnam\'s '
            "provincial "
            "news portals</title></head><body><h1>Replica portals</h1><p>Request "
            "<code>/&lt;host&gt;&lt;path&gt;"
            "</code>, or send the portal's host in the Host header. <code>POST "
            f"{ADVANCE_PATH}?new=1&amp;edited=1&amp;seed=0</code> publishes a night's new and corrected "
            "articles on every portal.</p><ul>" + "".join(rows) + "</ul></body></html>"
        )
        return Page(200, HTML, body.encode("utf-8"))


__all__ = ["Page", "Replica"]
