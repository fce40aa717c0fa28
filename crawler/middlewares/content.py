"""Pages that should be HTML and are not: a PDF, an image or a download where an article or listing was linked.

Scrapy picks the response class from the URL as much as from the header (an `.html` URL served as
`application/pdf` still becomes an `HtmlResponse`), and extraction would then read the bytes as a page.
`ContentTypeMiddleware` refuses article and listing answers whose `Content-Type` names something other than
HTML (XHTML included; a missing header is let through): they raise `NotHtml` (an `IgnoreRequest`), counted
as `crawler/errors/not_html` and logged with the URL. Feeds and sitemaps are left to their parsers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Self

from scrapy.exceptions import IgnoreRequest

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

HTML_TYPES = ("text/html", "application/xhtml+xml")
CHECKED_KINDS = frozenset({"article", "listing"})


class NotHtml(IgnoreRequest):
    """An article or listing page answered with a non-HTML content type."""

    kind = "not_html"


def is_html_type(content_type: str) -> bool:
    """Whether a Content-Type header value names HTML (an empty one is given the benefit of the doubt)."""
    media = content_type.split(";", 1)[0].strip().lower()
    return not media or media in HTML_TYPES


class ContentTypeMiddleware:
    """Refuses non-HTML answers to article and listing requests."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls()

    def process_response(self, request: Request, response: Response) -> Response:
        if request.meta.get("page_kind") not in CHECKED_KINDS or not 200 <= response.status < 300:
            return response
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1")
        if is_html_type(content_type):
            return response
        raise NotHtml(f"{request.url} answered {content_type!r}, not HTML")


__all__ = ["ContentTypeMiddleware", "NotHtml", "is_html_type"]
