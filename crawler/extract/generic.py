"""The generic layer: what any news page yields without knowing its portal.

Body text from trafilatura (comments excluded, precision favoured), run only when no selector found a body;
title from the first `<h1>` or `<title>`; lead from the meta description. Images of a generic body come from
the page element that holds the paragraphs trafilatura kept.
"""

from __future__ import annotations

import logging
from copy import deepcopy
from typing import Any

from lxml.html import HtmlElement

from crawler.extract.cleanup import BodyContent, read_body
from crawler.text import normalize_text

GENERIC_CAPTIONS = ("figcaption", "[class*=caption]", "[class*=Caption]", "[class*=chu-thich]")
_TEXT_BLOCKS = ("p", "li", "h2", "h3", "h4", "blockquote", "pre", "td", "dd")
_KEY_LENGTH = 40
_SHORT_TEXT = 300

logging.getLogger("trafilatura").setLevel(logging.ERROR)


def first_h1(doc: HtmlElement) -> str | None:
    """The text of the page's first non-empty `<h1>`."""
    for h1 in doc.iter("h1"):
        text = normalize_text(" ".join(h1.itertext()))
        if text:
            return text
    return None


def page_title(doc: HtmlElement) -> str | None:
    """The text of `<title>`."""
    for title in doc.iter("title"):
        text = normalize_text(title.text_content())
        if text:
            return text
    return None


def meta_description(doc: HtmlElement) -> str | None:
    """`<meta name="description">`."""
    for meta in doc.iter("meta"):
        if (meta.get("name") or "").strip().lower() == "description":
            text = normalize_text(meta.get("content") or "")
            if text:
                return text
    return None


def trafilatura_paragraphs(doc: HtmlElement, url: str) -> list[str]:
    """The main text trafilatura finds in the page (it works on a copy of `doc`), one item a paragraph."""
    import trafilatura

    options: dict[str, Any] = {
        "url": url,
        "include_comments": False,
        "favor_precision": True,
        "include_tables": True,
        "include_images": False,
        "include_links": False,
        "include_formatting": False,
        "deduplicate": False,
        "with_metadata": False,
        "output_format": "txt",
    }
    tree = unwrap_layout_tables(doc)
    # Fast mode skips trafilatura's fallback extractors (readability, jusText): the same text on news pages in
    # a third of the time. When it finds little, the full chain gets its chance.
    text = trafilatura.extract(tree, fast=True, **options)
    if not text or len(text) < _SHORT_TEXT:
        text = trafilatura.extract(tree, fast=False, **options) or text
    if not text:
        return []
    return [p for p in (normalize_text(line) for line in text.splitlines()) if p]


_BLOCK_CONTENT = (
    ".//*[self::div or self::p or self::table or self::h1 or self::h2 or self::h3 or self::ul or self::form]"
)


def unwrap_layout_tables(doc: HtmlElement) -> HtmlElement:
    """A copy of the page whose layout tables (cells holding paragraphs, headings, divs or other tables, as on
    older portals) are plain divs, so the main-text extractor sees the article rather than one table row.
    Data tables, whose cells hold only inline content, stay tables."""
    if not any(t.xpath(_BLOCK_CONTENT) for t in doc.iter("table")):
        return doc
    copy = deepcopy(doc)
    tables = [t for t in copy.iter("table") if t.xpath(_BLOCK_CONTENT)]
    rename: list[HtmlElement] = []
    for table in tables:
        rename.append(table)
        for part in table.iter("thead", "tbody", "tfoot", "tr", "td", "th"):
            if next(part.iterancestors("table"), None) is table:
                rename.append(part)
    for el in rename:
        el.tag = "div"
        for attr in ("width", "valign", "align", "cellpadding", "cellspacing", "colspan", "rowspan"):
            el.attrib.pop(attr, None)
    return copy


def _ancestors_and_self(el: HtmlElement) -> list[HtmlElement]:
    return [el, *el.iterancestors()]


def locate_container(doc: HtmlElement, paragraphs: list[str]) -> HtmlElement | None:
    """The smallest element of the page holding both the first and the last of the given paragraphs."""
    if not paragraphs:
        return None
    first_key = paragraphs[0][:_KEY_LENGTH]
    last_key = paragraphs[-1][:_KEY_LENGTH]
    first_el: HtmlElement | None = None
    last_el: HtmlElement | None = None
    for el in doc.iter(*_TEXT_BLOCKS):
        text = normalize_text(el.text_content())
        if not text:
            continue
        if first_el is None and text.startswith(first_key):
            first_el = el
        if first_el is not None and text.startswith(last_key):
            last_el = el
    if first_el is None or last_el is None:
        return None
    ancestors = set(_ancestors_and_self(first_el))
    for candidate in _ancestors_and_self(last_el):
        if candidate in ancestors:
            return None if candidate.tag in ("body", "html") else candidate
    return None


def generic_images(doc: HtmlElement, paragraphs: list[str], base_url: str) -> BodyContent:
    """Images (with captions) in the element holding the generic body, and that element's caption texts."""
    container = locate_container(doc, paragraphs)
    if container is None:
        return BodyContent()
    return read_body(container, base_url, captions=GENERIC_CAPTIONS)


__all__ = [
    "GENERIC_CAPTIONS",
    "first_h1",
    "generic_images",
    "locate_container",
    "meta_description",
    "page_title",
    "trafilatura_paragraphs",
]
