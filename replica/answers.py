"""What the replica answers for one request, as a `Page`: the page kinds its routes hold (fixed pages, pages
rendered when asked for or once, article and listing pages), their validators (`ETag`, `Last-Modified`), and
the 404 and 405 answers.

A route is a `Handler`: a callable from the request's parsed query to its `Page` (`portals.Replica.handle`
picks one by host and path; `routes` builds them).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from urllib.parse import parse_qs

from replica import syndication
from replica.model import HTML, TEXT, Page, ReplicaArticle
from replica.render import PAGE_SIZE, SiteContext, finish

Query = dict[str, list[str]]
Handler = Callable[[Query], Page]

# What every image path answers: a 1×1 transparent GIF (the crawler never looks inside images).
PIXEL = bytes.fromhex(
    "47494638396101000100800000ffffff00000021f90401000000002c00000000010001000002024401003b"
)


def not_allowed(method: str, allowed: Sequence[str]) -> Page:
    body = f"405 {method} is not allowed here; allowed: {', '.join(allowed)}\n"
    return Page(405, TEXT, body.encode(), (("Allow", ", ".join(allowed)),))


def not_found(what: str) -> Page:
    body = (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>404 - Không tìm thấy '
        "trang</title>"
        f"</head><body><h1>404</h1><p>Không tìm thấy trang: {escape(what)}</p>"
        '<p><a href="/">Về trang chủ</a></p></body></html>'
    )
    return Page(404, HTML, body.encode("utf-8"))


def serve(handler: Handler | None, query: str, what: str) -> Page:
    return handler(parse_qs(query)) if handler is not None else not_found(what)


def fixed(page: Page, query: Query) -> Page:
    return page


def latest(*stamps: datetime | None) -> datetime | None:
    return max((s for s in stamps if s is not None), default=None)


def validators(body: bytes, modified: datetime | None) -> tuple[tuple[str, str], ...]:
    """`Last-Modified` (where the page has a modification time) and a strong `ETag` from the exact body."""
    etag = ("ETag", '"' + hashlib.sha1(body).hexdigest()[:20] + '"')
    if modified is None:
        return (etag,)
    return (("Last-Modified", format_datetime(modified.astimezone(UTC), usegmt=True)), etag)


def lazy(
    content_type: str, render: Callable[[], str], query: Query, *, modified: datetime | None = None
) -> Page:
    """The page `render` writes, rendered when asked for, with its validators (`modified`: its `Last-Modified`,
    None for an `ETag` only, as the home and topic pages have)."""
    body = render().encode("utf-8")
    return Page(200, content_type, body, validators(body, modified))


class Once:
    """A page rendered on first request and kept: the routes are rebuilt whenever the content changes."""

    def __init__(self, render: Callable[[], str], content_type: str, modified: datetime | None) -> None:
        self._render, self._content_type, self._modified = render, content_type, modified
        self._page: Page | None = None

    def __call__(self, query: Query) -> Page:
        if self._page is None:
            self._page = lazy(self._content_type, self._render, query, modified=self._modified)
        return self._page


def article_page(
    render: Callable[[SiteContext, ReplicaArticle], str], ctx: SiteContext, a: ReplicaArticle, query: Query
) -> Page:
    body = finish(render(ctx, a), a.nfd)
    return Page(200, HTML, body, validators(body, a.last_modified))


def listing_page(
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
        return not_found(f"/{slug}/ page {number}")
    start = (number - 1) * PAGE_SIZE
    shown = items[start : start + PAGE_SIZE]
    html = render(ctx, slug, name, shown, number, pages, extra if number == 1 else "").encode("utf-8")
    # Page n shows what the pages before it leave: an article published or taken down there shifts it, so its
    # Last-Modified counts every article up to its last (an edit there moves it too, harmlessly).
    modified = latest(syndication.newest_modified(items[: start + PAGE_SIZE]), gone)
    return Page(200, HTML, html, validators(html, modified))


def listing_fixed(listing: Callable[..., Page], number: int, query: Query) -> Page:
    return listing(query, number=number)
