"""What extraction returns: the article's fields and, for each, the layer that filled it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Layer = Literal["structured", "site", "family", "generic"]
"""`structured`: JSON-LD / OpenGraph / `article:*` meta / `<time datetime>`; `site` and `family`: the site's
own or its CMS family's selectors; `generic`: the site-agnostic fallback."""


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
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    source_tag: str | None = None
    canonical_url: str | None = None
    language: str | None = None
    sources: dict[str, Layer] = field(default_factory=dict)
    template: str | None = None
    """The family template whose selectors matched (its `since` date, or "base"), None if none did."""
