"""The generic layer: what any news page yields without knowing its portal.

Body text from trafilatura (comments excluded), proposed on every page so the arbiter can compare it with the
declared body; title from the first `<h1>` or `<title>`; lead and byline from the header's elements whose class
or id names them (`sapo`, `summary`, `author`, `tac-gia` …) or a bold first body paragraph, else the meta
description. Images of a generic body come from the page element that holds the paragraphs trafilatura kept.
"""

from __future__ import annotations

import logging
import re
from copy import deepcopy
from dataclasses import dataclass
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from crawler.text import normalize_text

_TEXT_BLOCKS = ("p", "li", "h2", "h3", "h4", "blockquote", "pre", "td", "dd")
_KEY_LENGTH = 40
_SHORT_TEXT = 300

logging.getLogger("trafilatura").setLevel(logging.ERROR)


def first_h1_element(doc: HtmlElement) -> HtmlElement | None:
    """The page's first `<h1>` with text: the article's headline on a news page."""
    for h1 in doc.iter("h1"):
        if normalize_text(" ".join(h1.itertext())):
            return h1
    return None


def first_h1(doc: HtmlElement) -> str | None:
    """The text of the page's first non-empty `<h1>`."""
    h1 = first_h1_element(doc)
    return normalize_text(" ".join(h1.itertext())) if h1 is not None else None


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


@dataclass(slots=True)
class HeaderHints:
    """What the article header shows, found by the names its elements carry."""

    lead: str | None = None
    byline: str | None = None


_CLASSED = etree.XPath("//*[@class or @id]")
_LEAD_ATTR = re.compile(
    r"sapo|summary|description|excerpt|chapeau|teaser|tom-?tat|(?<![a-z])(?:lead|desc|intro)(?![a-z])", re.I
)
_BYLINE_ATTR = re.compile(r"author|tac-?gia|byline|writer|nguoi-?viet|but-?danh", re.I)
_BOX_ATTR = re.compile(
    r"relat|lien-?quan|xem-?them|tin-?khac|other|comment|sidebar|most|widget|box-?news|readmore|footer|menu",
    re.I,
)
_NOT_TEXT_OR_LINK = frozenset(
    {"meta", "script", "style", "img", "input", "link", "button", "select", "option"}
)
_LEAD_LENGTH = (40, 1000)
_BYLINE_LENGTH = 80
_BOX_LEVELS = 6
_BOLD_LEAD_WORDS = 12


def _names(el: HtmlElement) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def _in_box(el: HtmlElement) -> bool:
    for level, ancestor in enumerate(el.iterancestors()):
        if ancestor.tag in ("nav", "footer", "aside") or (
            level < _BOX_LEVELS and _BOX_ATTR.search(_names(ancestor))
        ):
            return True
    return False


def _after(el: HtmlElement, h1: HtmlElement | None) -> bool:
    if h1 is None:
        return True
    own, heading = el.sourceline, h1.sourceline
    return own is None or heading is None or own >= heading


def _bold_first_paragraph(body: HtmlElement) -> str | None:
    """The body's first paragraph when all of it is bold (the sapo many portals set in `<b>` in the body)."""
    for p in body.iter("p"):
        text = normalize_text(p.text_content())
        if not text:
            continue
        bold = normalize_text(" ".join(normalize_text(b.text_content()) for b in p.iter("b", "strong")))
        return text if bold == text and len(text.split()) >= _BOLD_LEAD_WORDS else None
    return None


def header_hints(doc: HtmlElement, h1: HtmlElement | None, body: HtmlElement | None) -> HeaderHints:
    """The lead and the byline the header shows: the first element after the title whose class or id names
    a lead (or a bold first body paragraph) or an author, outside related boxes, menus and footers."""
    hints = HeaderHints()
    for el in _CLASSED(doc):
        if hints.lead and hints.byline:
            break
        if not isinstance(el, HtmlElement) or el.tag in _NOT_TEXT_OR_LINK or not _after(el, h1):
            continue
        names = _names(el)
        wants_lead = hints.lead is None and el.tag != "a" and _LEAD_ATTR.search(names)
        wants_byline = hints.byline is None and _BYLINE_ATTR.search(names)
        if not (wants_lead or wants_byline) or _in_box(el):
            continue
        text = normalize_text(el.text_content())
        if (
            wants_lead
            and _LEAD_LENGTH[0] <= len(text) <= _LEAD_LENGTH[1]
            and (h1 is None or h1 not in el.iter("h1"))
        ):
            hints.lead = text
        elif wants_byline and 1 < len(text) <= _BYLINE_LENGTH:
            hints.byline = text
    if hints.lead is None and body is not None:
        hints.lead = _bold_first_paragraph(body)
    return hints


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


__all__ = [
    "HeaderHints",
    "first_h1",
    "first_h1_element",
    "header_hints",
    "locate_container",
    "meta_description",
    "page_title",
    "trafilatura_paragraphs",
]
