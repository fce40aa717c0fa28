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
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import re
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from email.utils import format_datetime
from functools import partial
from html import escape
from typing import Any, TypeAlias
from urllib.parse import parse_qs, urlsplit

from crawler.sites import Site, all_sites
from replica import syndication, wire
from replica.corpus import (
    SECTION_NAMES,
    _author,
    _byline_in_body,
    _lead_with_tag,
    _write,
    make_article,
    new_id,
    slugify,
)
from replica.faults import FaultPlan, answer
from replica.model import GIF, HTML, RSS, TEXT, VN_TZ, XML, Page, ReplicaArticle
from replica.provinces import MERGER_DAY, WRITING, ProvinceWriting
from replica.redesign import Redesign, redesigned
from replica.render import PAGE_SIZE, FamilyC, Renderer, SiteContext, finish, renderer_for
from replica.topics import TOPICS, fmt
from replica.variants import variant_renderer

StorySource: TypeAlias = wire.Story | ReplicaArticle
"""What `Replica.syndicate` re-runs: a story (`wire.wire_story`, …) or an article a portal already printed."""

Query = dict[str, list[str]]
Handler = Callable[[Query], Page]
Change: TypeAlias = tuple[str, str, str]
"""(site key, article id, `"new"` or `"edited"`): one change `Replica.advance` made."""
Scope: TypeAlias = tuple[str, str, str]
"""(site key, `"all"` / `"month"` / `"section"`, the month or section slug): what a page lists."""

JSON = "application/json; charset=utf-8"
ADVANCE_PATH = "/_replica/advance"
"""Where operators `POST` to advance the replica by a night (on the index host, not a portal's)."""
ADVANCE_MAX = 100
"""Most articles per site one `POST` to `ADVANCE_PATH` may add or edit."""
READ_METHODS = ("GET", "HEAD")

# What every image path answers: a 1×1 transparent GIF (the crawler never looks inside images).
PIXEL = bytes.fromhex(
    "47494638396101000100800000ffffff00000021f90401000000002c00000000010001000002024401003b"
)


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


def _not_allowed(method: str, allowed: Sequence[str]) -> Page:
    body = f"405 {method} is not allowed here; allowed: {', '.join(allowed)}\n"
    return Page(405, TEXT, body.encode(), (("Allow", ", ".join(allowed)),))


def _scopes(site_key: str, a: ReplicaArticle) -> tuple[Scope, ...]:
    """What pages list `a`: its site's (index, news sitemap, whole-site feeds), its month's urlset, its
    section's (feeds, listing pages)."""
    return (
        (site_key, "all", ""),
        (site_key, "month", syndication.month_key(a.published)),
        (site_key, "section", a.section),
    )


def _active_on(site: Site, day: date) -> bool:
    """Whether the site publishes on `day` (the papers closed by the 2025 merger do not any more)."""
    return not ((site.active_from and day < site.active_from) or (site.active_to and day > site.active_to))


def _writing_of(site: Site) -> ProvinceWriting | None:
    """What the story writers know of the site's province: its own entry, an undeclared portal's, or that of
    a registered site of the same province; None where there is none."""
    from replica.undeclared import _writing as undeclared_writing

    return (
        WRITING.get(site.key)
        or undeclared_writing().get(site.key)
        or next((w for w in WRITING.values() if w.name == site.province), None)
    )


# A figure followed by what it counts: what a correction most often sets right.
_FIGURE = re.compile(
    r"(?<![\d.,/-])(\d{1,3}(?:\.\d{3})+|\d{2,3})(?= (?:ha|héc-ta|tấn|người|hộ|tỷ đồng|triệu đồng|km|ca|học "
    r"sinh|đảng viên|lượt|doanh nghiệp|căn|con|trường hợp|dự án|xã|phường|công trình|lao động)\b)"
)
_REWORDS = (  # (what, how a desk rewords it): same meaning, other words
    (re.compile(r"\b(với|có|đạt|động|được|thu|lên|cho|của|là|trong|gồm) hơn (?=\d)"), r"\1 trên "),
    (re.compile(r"\b(với|có|đạt|động|được|thu|lên|cho|của|là|trong|gồm) khoảng (?=\d)"), r"\1 chừng "),
    (re.compile(r"\bTừ đầu năm đến nay\b"), "Từ đầu năm"),
    (re.compile(r"\bTheo đó,"), "Cụ thể,"),
    (re.compile(r"\bđồng thời,"), "bên cạnh đó,"),
    (re.compile(r"\bnhanh chóng\b"), "khẩn trương"),
    (re.compile(r"\bcho biết\b"), "cho hay"),
    (re.compile(r"\btrong đó có\b"), "trong đó"),
)


def _paper(site: Site) -> str:
    """`Báo Đồng Nai (before the 2025 platform)` → `Báo Đồng Nai`."""
    return re.sub(r"\s*\(.*\)$", "", site.name)


def _update_sentence(
    site: Site, w: ProvinceWriting | None, when: datetime, rng: random.Random, text: str
) -> str:
    """A sentence a desk appends when it updates a story (one `text` does not hold yet, where it can)."""
    daypart = "sáng" if when.hour < 11 else "trưa" if when.hour < 13 else "chiều" if when.hour < 18 else "tối"
    province = w.province if w is not None else f"tỉnh {site.province}"
    options = (
        f"Thông tin được cập nhật lúc {when.hour} giờ {when:%M} ngày {when.day}/{when.month}/{when.year}.",
        f"Đến {daypart} {when.day}/{when.month}, UBND {province} cho biết đang tiếp tục chỉ đạo các đơn vị "
        "liên quan theo dõi, kịp thời báo cáo kết quả.",
        f"Số liệu trong bài đã được các sở, ngành của {province} rà soát, cập nhật đến {daypart} ngày "
        f"{when.day}/{when.month}.",
        f"{_paper(site)} sẽ tiếp tục thông tin về nội dung này.",
    )
    return rng.choice([o for o in options if o not in text] or options)


def _corrected(
    a: ReplicaArticle, site: Site, w: ProvinceWriting | None, when: datetime, rng: random.Random
) -> tuple[str, ...]:
    """`a`'s body as a correction leaves it: one figure set right, one paragraph reworded, or an update
    appended to its last paragraph the page prints (never the body unchanged)."""
    paragraphs = list(a.paragraphs)
    served = range(len(a.served_paragraphs()))
    figures = [i for i in served if _FIGURE.search(paragraphs[i])]
    rewordable = [i for i in served if any(r.search(paragraphs[i]) for r, _ in _REWORDS)]
    kind = rng.choice(["append"] + ["figure"] * bool(figures) + ["reword"] * bool(rewordable))
    if kind == "figure":
        i = rng.choice(figures)
        found = rng.choice(list(_FIGURE.finditer(paragraphs[i])))
        old = int(found.group(1).replace(".", ""))
        new = max(1, old + rng.choice((-1, 1)) * max(1, round(old * rng.uniform(0.02, 0.08))))
        new = new if new != old else old + 1
        paragraphs[i] = paragraphs[i][: found.start()] + fmt(new) + paragraphs[i][found.end() :]
    elif kind == "reword":
        i = rng.choice(rewordable)
        pattern, replacement = next((r, t) for r, t in _REWORDS if r.search(paragraphs[i]))
        paragraphs[i] = pattern.sub(replacement, paragraphs[i], count=1)
    else:
        i = served[-1]
        paragraphs[i] = f"{paragraphs[i]} {_update_sentence(site, w, when, rng, paragraphs[i])}"
    return tuple(paragraphs)


def _not_found(what: str) -> Page:
    body = (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>404 - Không tìm thấy '
        "trang</title>"
        f"</head><body><h1>404</h1><p>Không tìm thấy trang: {escape(what)}</p>"
        '<p><a href="/">Về trang chủ</a></p></body></html>'
    )
    return Page(404, HTML, body.encode("utf-8"))


class Replica:
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
        changes: list[Change] = []
        with self._lock:
            titles = {a.title for articles in self._articles.values() for a in articles.values()}
            for key in sorted(self._sites):
                site = self._sites[key]
                before = self.articles(key)  # oldest first; the night's new stories are not edited
                writing = _writing_of(site)
                # A province's writer names only communes after the 2025 merger: it needs the new map.
                can_write = writing is not None and (bool(writing.new_places) or when.date() < MERGER_DAY)
                if new and writing is not None and can_write and _active_on(site, when.date()):
                    floor = before[-1].published if before else when
                    for n in range(new):
                        article = self._nightly_story(site, writing, n, max(when, floor), seed, titles)
                        changes.append((key, article.id, "new"))
                rng = random.Random(f"advance:edit:{seed}:{key}:{when.isoformat()}")
                recent = before[::-1][: max(3, edited)]
                for a in sorted(rng.sample(recent, min(edited, len(recent))), key=recent.index):
                    paragraphs = _corrected(a, site, writing, when, rng)
                    modified = max(when, a.published, a.last_modified)
                    self.edit_article(key, a.id, paragraphs=paragraphs, modified=modified)
                    changes.append((key, a.id, "edited"))
        return changes

    def _nightly_story(
        self, site: Site, w: ProvinceWriting, n: int, when: datetime, seed: int | str, titles: set[str]
    ) -> ReplicaArticle:
        """The `n`-th new story of the night on `site`, published at `when` (its title added to `titles`)."""
        stamp = f"{seed}:{site.key}:{when:%Y%m%d%H%M}:{n}"
        rng = random.Random(f"advance:new:{stamp}")
        usable = [t for t in TOPICS if t.needs(w)]
        in_season = [t for t in usable if not t.months or when.month in t.months]
        rest = [t for t in usable if t not in in_season]
        sections = dict(self._sections(site))
        planned = [slug for slug, _, _ in w.sections if slug in sections] or list(sections)
        for topic in rng.sample(in_season, len(in_season)) + rng.sample(rest, len(rest)):
            try:
                draft = _write(topic, w, when, f"advance:{stamp}:{topic.key}", titles)
            except RuntimeError:  # every headline this writer came up with is taken
                continue
            section = next(
                (s for s in topic.sections if s in planned),
                next((s for s in topic.sections if s in sections), rng.choice(planned)),
            )
            lead, tag = _lead_with_tag(w, draft.lead, rng)
            authors, author_line = _author(w, rng, _byline_in_body(site.family.key, rng))
            article = self.new_article(
                site.key,
                title=draft.title,
                lead=lead,
                paragraphs=draft.paragraphs,
                published=when,
                section=section,
                section_name=sections[section],
                images=draft.captions,
                authors=authors,
                author_line=author_line,
                source_tag=tag,
                tags=tuple(dict.fromkeys(draft.tags)),
            )
            try:
                return self.add_article(site.key, article)
            except ValueError:  # its URL is taken (a site whose URLs are the slug alone): write another
                continue
        raise RuntimeError(f"{site.key}: could not write a new story with a distinct title for {when}")

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
                return self._advance_request(method, query)
            if path not in ("/", "/robots.txt"):
                return _not_found(target)
            if method not in READ_METHODS:
                return _not_allowed(method, READ_METHODS)
            if path == "/":
                return self._index()
            return Page(200, TEXT, b"User-agent: *\nDisallow:\n")
        if method not in READ_METHODS:  # the portals serve pages only; no fault is used up
            routes = self._routes_for(host)
            known = (routes.get(shown) if query else None) or routes.get(path)
            return _not_allowed(method, READ_METHODS) if known is not None else _not_found(f"{host}{shown}")
        fault = self._take_fault(host + shown)
        if fault is not None:
            return fault
        routes = self._routes_for(host)
        handler = (routes.get(shown) if query else None) or routes.get(path)  # an article may live at `?…`
        injected = self.faults.take(host, shown) if len(self.faults) else None
        if injected is not None:
            return answer(injected, host, shown, partial(_serve, handler, query, f"{host}{shown}"))
        if handler is None:
            return _not_found(f"{host}{shown}")
        return handler(parse_qs(query))

    def _take_fault(self, where: str) -> Page | None:
        with self._lock:
            for fault in self._faults:
                if where.startswith(fault.prefix) and (fault.remaining is None or fault.remaining > 0):
                    if fault.remaining is not None:
                        fault.remaining -= 1
                    return Page(fault.status, TEXT, f"{fault.status} injected by the replica\n".encode())
        return None

    def _advance_request(self, method: str, query: str) -> Page:
        """`POST /_replica/advance?new=N&edited=M&seed=S` (each 1, 1, 0 when left out): `advance`, answered
        with its changes as a JSON list of `[site key, article id, "new" | "edited"]`."""
        if method != "POST":
            return _not_allowed(method, ("POST",))
        params = parse_qs(query)
        counts: dict[str, int] = {}
        for name in ("new", "edited"):
            raw = (params.get(name) or ["1"])[-1]
            if not raw.isdigit() or int(raw) > ADVANCE_MAX:
                message = f"{name} must be a whole number from 0 to {ADVANCE_MAX}, got {raw!r}\n"
                return Page(400, TEXT, message.encode())
            counts[name] = int(raw)
        seed = (params.get("seed") or ["0"])[-1]
        changes = self.advance(counts["new"], counts["edited"], seed=int(seed) if seed.isdigit() else seed)
        # The list `advance` returns: [site key, article id, "new" or "edited"] for each change.
        return Page(200, JSON, json.dumps(changes).encode("utf-8"))

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
        add("/robots.txt", partial(_fixed, Page(200, TEXT, robots, _validators(robots, None))))
        articles = [a for _, a in everything]
        gone = self._left_since(keys, "all")
        add(
            syndication.SITEMAP_INDEX,
            _Once(
                partial(syndication.sitemap_index, base, articles),
                XML,
                _latest(syndication.newest_modified(articles), gone),
            ),
        )
        news = syndication.news_items((s.name, a) for s, a in everything)
        add(
            syndication.NEWS_SITEMAP,
            _Once(
                partial(syndication.news_sitemap, news),
                XML,
                _latest(syndication.newest_modified(a for _, a in news), gone),
            ),
        )
        months: dict[str, list[ReplicaArticle]] = {}
        for a in articles:
            months.setdefault(syndication.month_key(a.published), []).append(a)
        bases = {s.domain: s.base_url for s in sites}
        for month, items in months.items():
            urlset = partial(syndication.urlset, items, bases)
            modified = _latest(syndication.newest_modified(items), self._left_since(keys, "month", month))
            add(syndication.monthly_path(month), partial(_lazy, XML, urlset, modified=modified))

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
            add(event[0], partial(_lazy, HTML, partial(renderer.topic, ctx, event[0], event[1], newest[:6])))

        if primary:
            add("/", partial(_lazy, HTML, partial(renderer.home, ctx, "")))
        article_renderer = self._variants.get(site.key, renderer)
        for a in newest:
            render = redesigned(article_renderer.article, self._redesigns.get(site.family.key))
            page = partial(_article_page, render, ctx, a)
            add(a.path, page)
            if site.family.key == "B" and a.path.endswith("/"):
                add(a.path + "index.htm", page)
            for image in a.images:
                if image.src.startswith("/"):
                    add(image.src, partial(_fixed, Page(200, GIF, PIXEL)))
        for slug, name in sections:
            items = [a for a in newest if a.section == slug]
            pages = max(1, math.ceil(len(items) / PAGE_SIZE))
            extra = renderer.event_item(*event) if isinstance(renderer, FamilyC) and event else ""
            gone = self._left_since([site.key], "section", slug)
            listing = partial(_listing_page, renderer.listing, ctx, slug, name, items, pages, extra, gone)
            add(f"/{slug}/", listing)
            add(f"/{slug}", listing)
            for number in range(2, pages + 1):
                path = renderer.page_path(slug, number)
                if "?" not in path:
                    add(path, partial(_listing_fixed, listing, number))
        for path, feed_section in feeds:
            chosen = [a for a in newest if a.section == feed_section] if feed_section else newest
            channel = dict(sections).get(feed_section or "", "Tin mới nhất")
            link = site.absolute(f"/{feed_section}/" if feed_section else "/")
            rss = partial(
                syndication.rss, site, f"{site.name} - {channel}", link, site.absolute(path), chosen
            )
            gone = self._left_since([site.key], *(("section", feed_section) if feed_section else ("all",)))
            modified = _latest(syndication.newest_modified(syndication.feed_items(chosen)), gone)
            add(path, partial(_lazy, RSS, rss, modified=modified))


def _serve(handler: Handler | None, query: str, what: str) -> Page:
    return handler(parse_qs(query)) if handler is not None else _not_found(what)


def _fixed(page: Page, query: Query) -> Page:
    return page


def _latest(*stamps: datetime | None) -> datetime | None:
    return max((s for s in stamps if s is not None), default=None)


def _validators(body: bytes, modified: datetime | None) -> tuple[tuple[str, str], ...]:
    """`Last-Modified` (where the page has a modification time) and a strong `ETag` from the exact body."""
    etag = ("ETag", '"' + hashlib.sha1(body).hexdigest()[:20] + '"')
    if modified is None:
        return (etag,)
    return (("Last-Modified", format_datetime(modified.astimezone(UTC), usegmt=True)), etag)


def _lazy(
    content_type: str, render: Callable[[], str], query: Query, *, modified: datetime | None = None
) -> Page:
    """The page `render` writes, rendered when asked for, with its validators (`modified`: its `Last-Modified`,
    None for an `ETag` only, as the home and topic pages have)."""
    body = render().encode("utf-8")
    return Page(200, content_type, body, _validators(body, modified))


class _Once:
    """A page rendered on first request and kept: the routes are rebuilt whenever the content changes."""

    def __init__(self, render: Callable[[], str], content_type: str, modified: datetime | None) -> None:
        self._render, self._content_type, self._modified = render, content_type, modified
        self._page: Page | None = None

    def __call__(self, query: Query) -> Page:
        if self._page is None:
            self._page = _lazy(self._content_type, self._render, query, modified=self._modified)
        return self._page


def _article_page(
    render: Callable[[SiteContext, ReplicaArticle], str], ctx: SiteContext, a: ReplicaArticle, query: Query
) -> Page:
    body = finish(render(ctx, a), a.nfd)
    return Page(200, HTML, body, _validators(body, a.last_modified))


def _listing_page(
    render: Callable[..., str],
    ctx: SiteContext,
    slug: str,
    name: str,
    items: Sequence[ReplicaArticle],
    pages: int,
    extra: str,
    gone: datetime | None,
    query: Query,
    number: int | None = None,
) -> Page:
    if number is None:
        raw = (query.get("page") or ["1"])[0]
        number = int(raw) if raw.isdigit() else 0
    if not 1 <= number <= pages:
        return _not_found(f"/{slug}/ page {number}")
    start = (number - 1) * PAGE_SIZE
    shown = items[start : start + PAGE_SIZE]
    html = render(ctx, slug, name, shown, number, pages, extra if number == 1 else "").encode("utf-8")
    # Page n shows what the pages before it leave: an article published or taken down there shifts it, so its
    # Last-Modified counts every article up to its last (an edit there moves it too, harmlessly).
    modified = _latest(syndication.newest_modified(items[: start + PAGE_SIZE]), gone)
    return Page(200, HTML, html, _validators(html, modified))


def _listing_fixed(listing: Callable[..., Page], number: int, query: Query) -> Page:
    return listing(query, number=number)


__all__ = ["Page", "Replica"]
