"""What the replica serves: articles as a portal's database would hold them, and rendered pages.

Texts are held in NFC; an article with the `nfd` quirk is decomposed only when it is rendered, as some portals
serve it. Dates are aware datetimes in Vietnam time (UTC+7), the zone every portal prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from crawler.dates import VN_TZ as VN_TZ  # re-exported: Vietnam time (Asia/Ho_Chi_Minh), UTC+7 since 1975

QUIRKS: frozenset[str] = frozenset(
    {
        "nfd",  # the page (and its feed entries) are served in Unicode NFD
        "dateline-nbsp",  # the printed dateline uses no-break spaces (`&nbsp;`)
        "dateline-spacing",  # the printed dateline has doubled spaces and line breaks around its parts
        "index-htm-link",  # family B: listings link the article as `…/<slug>-<id>/index.htm`
        "relative-link",  # listings link the article with a path relative to the listing page
        "listed-twice",  # the listing page links the article twice (the main list and a "most read" box)
        "js-paragraph",  # family F: the last body paragraph is decoded by JavaScript, not in the HTML text
    }
)


@dataclass(frozen=True, slots=True)
class ReplicaImage:
    """An image in the body, shown after `after` body paragraphs (0: before the first)."""

    src: str
    caption: str
    alt: str | None = None
    after: int = 1

    @property
    def alt_text(self) -> str:
        """The `alt` attribute as served: the caption unless the article gives another text."""
        return self.caption if self.alt is None else self.alt


@dataclass(frozen=True, slots=True)
class ReplicaArticle:
    """One article of one site.

    `url` is the canonical https URL on the site's domain; `id` the id its URL carries (numeric, or 7 hex
    digits on family G). `lead` is printed as the page prints it, the outlet's tag included (`(ABO) Đó là …`);
    `source_tag` names that tag. `authors` are the names as printed; where the body carries them (families
    A/B, sometimes C) `author_line` is the whole printed line (`Bài, ảnh: MINH TRÍ`) and no byline element is
    printed. `template` is None for the family's newest
    template, or `"2018"` for family B's original one. `trailing_dots` lone `.` paragraphs follow the body.
    """

    id: str
    url: str
    title: str
    lead: str
    paragraphs: tuple[str, ...]
    published: datetime
    section: str
    section_name: str
    modified: datetime | None = None
    images: tuple[ReplicaImage, ...] = ()
    authors: tuple[str, ...] = ()
    author_line: str | None = None
    source_tag: str | None = None
    tags: tuple[str, ...] = ()
    template: str | None = None
    quirks: frozenset[str] = frozenset()
    trailing_dots: int = 0

    def __post_init__(self) -> None:
        if not self.url.startswith("https://"):
            raise ValueError(
                f"article {self.id}: url must be an https URL on the site's domain, got {self.url!r}"
            )
        for stamp in (self.published, self.modified):
            if stamp is not None and stamp.tzinfo is None:
                raise ValueError(f"article {self.id}: dates must be timezone-aware (use VN_TZ)")
        if self.modified is not None and self.modified < self.published:
            raise ValueError(f"article {self.id}: modified is before published")
        unknown = self.quirks - QUIRKS
        if unknown:
            raise ValueError(f"article {self.id}: unknown quirks {sorted(unknown)}; known: {sorted(QUIRKS)}")
        if not self.paragraphs:
            raise ValueError(f"article {self.id}: no body paragraphs")

    @property
    def path(self) -> str:
        """The path the article is served at, with its query where the URL has one (`/viewer.aspx?mabb=1`)."""
        parts = urlsplit(self.url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    @property
    def domain(self) -> str:
        return urlsplit(self.url).hostname or ""

    @property
    def last_modified(self) -> datetime:
        return self.modified or self.published

    @property
    def nfd(self) -> bool:
        return "nfd" in self.quirks

    def served_paragraphs(self) -> tuple[str, ...]:
        """The body paragraphs whose text is in the HTML (not a `js-paragraph` one), author line excluded."""
        if "js-paragraph" in self.quirks and len(self.paragraphs) > 1:
            return self.paragraphs[:-1]
        return self.paragraphs


@dataclass(frozen=True, slots=True)
class Page:
    """One HTTP answer of the replica, before any socket is involved."""

    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


HTML = "text/html; charset=utf-8"
RSS = "application/rss+xml; charset=utf-8"
XML = "application/xml; charset=utf-8"
TEXT = "text/plain; charset=utf-8"
GIF = "image/gif"
