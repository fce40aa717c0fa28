"""The site and family layer: a portal's CSS selectors, tried template by template, newest first.

A site's own override selectors count as layer `site`, its CMS family's as `family`. The template used is
the newest one matching the most of title, lead, body and dateline (one matching neither title nor body is
never used): a page of an older template still carries a bare `<h1>` a newer template's title list accepts,
so "the first template whose title matches" would pick the new template for every old page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from lxml.html import HtmlElement

from crawler.extract.cleanup import clean_author_names, select
from crawler.extract.model import Layer
from crawler.sites.model import Selectors, Site, Template
from crawler.text import normalize_text

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Found(Generic[T]):
    """A value and the layer whose selector found it."""

    value: T
    layer: Layer
    selector: str


@dataclass(slots=True)
class SelectorResult:
    """What one template's selectors found on a page."""

    template: Template
    title: Found[str] | None = None
    lead: Found[str] | None = None
    body: Found[HtmlElement] | None = None
    dateline: Found[str] | None = None
    modified: Found[str] | None = None
    authors: Found[list[str]] | None = None
    section: Found[str] | None = None
    tags: Found[list[str]] | None = None
    drop: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    fields_matched: int = 0

    @property
    def label(self) -> str:
        """`since` of the template as an ISO date, or `base` for the family's first template."""
        since = self.template.since
        return since.isoformat() if since else "base"


def _text(el: HtmlElement) -> str:
    return normalize_text(" ".join(el.itertext()))


def _layer(css: str, own: Sequence[str]) -> Layer:
    return "site" if css in own else "family"


def _first_text(doc: HtmlElement, alternatives: Sequence[str], own: Sequence[str]) -> Found[str] | None:
    for css in alternatives:
        for el in select(doc, css):
            text = _text(el)
            if text:
                return Found(text, _layer(css, own), css)
    return None


def _all_texts(doc: HtmlElement, alternatives: Sequence[str], own: Sequence[str]) -> Found[list[str]] | None:
    for css in alternatives:
        texts: list[str] = []
        for el in select(doc, css):
            text = _text(el)
            if text and text not in texts:
                texts.append(text)
        if texts:
            return Found(texts, _layer(css, own), css)
    return None


def _body(doc: HtmlElement, alternatives: Sequence[str], own: Sequence[str]) -> Found[HtmlElement] | None:
    for css in alternatives:
        for el in select(doc, css):
            if _has_content(el):
                return Found(el, _layer(css, own), css)
    return None


def _has_content(el: HtmlElement) -> bool:
    if any(t.strip() for t in el.itertext()):
        return True
    return next(el.iter("img"), None) is not None


def _match(doc: HtmlElement, template: Template, own: Selectors) -> SelectorResult:
    sel = template.selectors
    result = SelectorResult(template=template, drop=sel.drop, captions=sel.captions)
    result.title = _first_text(doc, sel.title, own.title)
    result.body = _body(doc, sel.body, own.body)
    if result.title is None and result.body is None:
        return result
    result.lead = _first_text(doc, sel.lead, own.lead)
    result.dateline = _first_text(doc, sel.dateline, own.dateline)
    result.fields_matched = sum(
        f is not None for f in (result.title, result.body, result.lead, result.dateline)
    )
    return result


def read_selectors(doc: HtmlElement, site: Site) -> SelectorResult | None:
    """The fields the best-matching template of the site finds, or None if no template matches the page."""
    own = site.selectors
    best: SelectorResult | None = None
    for template in site.templates_newest_first():
        result = _match(doc, template, own)
        if result.fields_matched and (best is None or result.fields_matched > best.fields_matched):
            best = result
    if best is None:
        return None
    sel = best.template.selectors
    best.modified = _first_text(doc, sel.modified, own.modified)
    best.section = _first_text(doc, sel.section, own.section)
    tags = _all_texts(doc, sel.tags, own.tags)
    best.tags = tags
    byline = _all_texts(doc, sel.authors, own.authors)
    if byline:
        names = clean_author_names(byline.value, exclude=(site.name,))
        if names:
            best.authors = Found(names, byline.layer, byline.selector)
    return best


__all__ = ["Found", "SelectorResult", "read_selectors"]
