"""What extraction returns: the article's fields and, for each, the layer that filled it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Layer = Literal["structured", "site", "family", "generic"]
"""`structured`: JSON-LD / OpenGraph / `article:*` meta / `<time datetime>`; `site` and `family`: the site's
own or its CMS family's selectors; `generic`: the site-agnostic fallback."""


DeclaredOutcome = Literal["agreed", "missed", "overruled"]
"""What became of a field's declared (site or family) selector on one page: it found the value that won,
it found nothing, or it found a value another candidate beat."""


DateKind = Literal["published", "modified"]
DateLayer = Layer | Literal["feed"]


@dataclass(frozen=True, slots=True)
class DateCandidate:
    """A date some layer proposes, as printed, with where it came from."""

    raw: str
    kind: DateKind
    layer: DateLayer
    origin: str
    """What proposed it: `json-ld datePublished`, `meta article:published_time`, `span.b-date`, `feed` …"""
    printed: bool = False
    """Printed where a reader sees it (a declared dateline selector or the printed-dateline finder)."""
    in_header: bool = False
    """Printed in the article header, beside the title."""

    @property
    def source(self) -> str:
        """The article's `date_source` when this candidate wins."""
        if self.layer == "feed":
            return "feed"
        return "dateline" if self.printed else "structured"


@dataclass(frozen=True, slots=True)
class ImageRef:
    url: str
    caption: str | None = None


@dataclass(slots=True)
class Extraction:
    """The fields one article page yields. Dates stay as printed; the dates pipeline reads them."""

    url: str
    title: str | None = None
    lead: str | None = None
    body_text: str | None = None
    images: list[ImageRef] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    published_raw: str | None = None
    modified_raw: str | None = None
    date_candidates: list[DateCandidate] = field(default_factory=list)
    """Every date the layers proposed; `published_raw`/`modified_raw` are the ones the arbiter chose."""
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    source_tag: str | None = None
    canonical_url: str | None = None
    language: str | None = None
    sources: dict[str, Layer] = field(default_factory=dict)
    declared: dict[str, DeclaredOutcome] = field(default_factory=dict)
    """Per field the site's declaration covers: what became of its declared selector on this page."""
    template: str | None = None
    """The family template whose selectors matched (its `since` date, or "base"), None if none did."""
