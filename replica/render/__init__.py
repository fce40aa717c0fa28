"""HTML pages of the replica portals: one renderer per CMS family.

Each renderer writes what its family's newest template looks like (the selectors in
`crawler/sites/families/family_*.py` read these pages): the article page with its dateline as the family
prints it, listing pages with the family's pagination, the home page and, on family C, topic
(`-event<id>.html`) pages. Around the article: header and menu, breadcrumb, share bar, ad slots, scripts, a
related-news box (inside the body where the family's `drop` selectors expect it), tags and footer. Family B
also keeps its 2018 template for old Ấp Bắc pages (`template="2018"`).

Structured data follows the families: D, E and G carry JSON-LD `NewsArticle`, OpenGraph and
`article:published_time`; A and C carry OpenGraph only; B and F none.

Where each piece lives:

- `base`: `SiteContext` (what a site shows around its content), `Renderer` (the page shell, the shared pieces
  and the page kinds: article, listing, home, topic) and `PAGE_SIZE`;
- `markup`: helpers every family uses (`esc`, `dateline` and `printed_dateline`, `iso`, JSON for scripts);
- `family_a` … `family_g`: one renderer per family (its article page, listing pages and pagination), named
  as the family's declaration in `crawler/sites/families/`;
- here: `renderer_for` (a site's renderer), `RENDERERS` and `finish` (a page's bytes).
"""

from __future__ import annotations

import unicodedata

from crawler.sites import Site
from replica.render.base import PAGE_SIZE, Renderer, SiteContext
from replica.render.family_a import FamilyA
from replica.render.family_b import FamilyB
from replica.render.family_c import FamilyC
from replica.render.family_d import FamilyD
from replica.render.family_e import FamilyE
from replica.render.family_f import FamilyF
from replica.render.family_g import FamilyG
from replica.render.markup import NBSP, WEEKDAYS, dateline, esc, iso, printed_dateline, weekday

RENDERERS: dict[str, Renderer] = {
    r.family: r for r in (FamilyA(), FamilyB(), FamilyC(), FamilyD(), FamilyE(), FamilyF(), FamilyG())
}


def renderer_for(site: Site) -> Renderer:
    return RENDERERS[site.family.key]


def finish(html: str, nfd: bool) -> bytes:
    """The page's bytes: UTF-8, decomposed (NFD) where the article is served that way."""
    return (unicodedata.normalize("NFD", html) if nfd else html).encode("utf-8")


__all__ = [
    "NBSP",
    "PAGE_SIZE",
    "RENDERERS",
    "WEEKDAYS",
    "FamilyA",
    "FamilyB",
    "FamilyC",
    "FamilyD",
    "FamilyE",
    "FamilyF",
    "FamilyG",
    "Renderer",
    "SiteContext",
    "dateline",
    "esc",
    "finish",
    "iso",
    "printed_dateline",
    "renderer_for",
    "weekday",
]
