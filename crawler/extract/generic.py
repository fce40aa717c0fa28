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
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from crawler.extract.cleanup import GENERIC_CAPTIONS, select
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
    # Measured on real saved pages (bench/extract.py, and a scratch comparison of settings): precision-first
    # fast mode (no readability/jusText fallbacks) reads news pages as well as the defaults, in a third of
    # the time. When it keeps almost nothing, the defaults (recall-leaning, full chain) get their chance and
    # the longer text wins. A wrong block it keeps instead is the arbiter's to catch (declared body, captions).
    text = trafilatura.extract(tree, fast=True, **options)
    if not text or len(text) < _SHORT_TEXT:
        fuller = trafilatura.extract(tree, fast=False, **{**options, "favor_precision": False})
        if fuller and len(fuller) > len(text or ""):
            text = fuller
    if not text:
        return []
    return [p for p in (normalize_text(line) for line in text.splitlines()) if p]


@dataclass(slots=True)
class HeaderHints:
    """What the article header shows, found by the names its elements carry."""

    lead: str | None = None
    lead_named: bool = False
    """Whether the lead's element is named for it outright (`sapo`, `lead`, `summary` …), not just `desc`."""
    bylines: list[str] = field(default_factory=list)


_HEADER_ELEMENTS = etree.XPath("//*[@class or @id or @rel or @data-slot or self::address]")
_LEAD_ATTR = re.compile(r"sapo|summary|excerpt|chapeau|tom-?tat|(?<![a-z])lead(?![a-z])", re.I)
_WEAK_LEAD_ATTR = re.compile(r"description|teaser|(?<![a-z])(?:desc|intro)(?![a-z])", re.I)
_BYLINE_ATTR = re.compile(r"author|tac-?gia|byline|writer|nguoi-?viet|but-?danh", re.I)
_BOX_ATTR = re.compile(
    r"relate|lien-?quan|xem-?them|tin-?khac|other|comment|sidebar|most|widget|box-?news|readmore|footer|menu",
    re.I,
)
_NOT_TEXT = frozenset({"meta", "script", "style", "img", "input", "link", "button", "select", "option"})
_LEAD_LENGTH = (40, 1000)
_BYLINE_LENGTH = 80
_BOX_LEVELS = 6
_BOLD_LEAD_WORDS = 12


def _names(el: HtmlElement) -> str:
    """What an element is named for: its class, id and the `data-role`/`data-slot` some CMSes use instead."""
    return " ".join(el.get(attr) or "" for attr in ("class", "id", "data-role", "data-slot"))


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


def _is_author_link(el: HtmlElement) -> bool:
    return "author" in (el.get("rel") or "").lower().split()


def _byline_names(el: HtmlElement) -> list[str]:
    """The names a byline element holds: its links or `name` parts one by one (two authors stay two), else
    its own text."""
    parts = [
        normalize_text(part.text_content())
        for part in el.iter()
        if part is not el and (part.tag == "a" or "name" in (part.get("class") or "").lower())
    ]
    names = [p for p in dict.fromkeys(parts) if 1 < len(p) <= _BYLINE_LENGTH]
    if names:
        return names
    text = normalize_text(el.text_content())
    return [text] if 1 < len(text) <= _BYLINE_LENGTH else []


def header_hints(doc: HtmlElement, h1: HtmlElement | None, body: HtmlElement | None) -> HeaderHints:
    """The lead and the byline the header shows, outside related boxes, menus and footers: the first element
    after the title named for a lead (`sapo` before a mere `desc`; else a bold first body paragraph), and the
    author links (`rel=author`), the `<address>` or the first element named for an author."""
    hints = HeaderHints()
    weak_lead: str | None = None
    for el in _HEADER_ELEMENTS(doc):
        if hints.lead and hints.bylines:
            break
        if not isinstance(el, HtmlElement) or el.tag in _NOT_TEXT:
            continue
        if not _after(el, h1) and not (_is_author_link(el) and not hints.bylines):
            continue  # before the title only an explicit author link counts (some bylines sit above it)
        names = _names(el)
        wants_lead = hints.lead is None and el.tag != "a" and _after(el, h1)
        strong = wants_lead and bool(_LEAD_ATTR.search(names))
        weak = wants_lead and not strong and weak_lead is None and bool(_WEAK_LEAD_ATTR.search(names))
        byline = not hints.bylines and (
            _is_author_link(el) or el.tag == "address" or bool(_BYLINE_ATTR.search(names))
        )
        if not (strong or weak or byline) or _in_box(el):
            continue
        if strong or weak:
            text = normalize_text(el.text_content())
            fits = _LEAD_LENGTH[0] <= len(text) <= _LEAD_LENGTH[1] and (h1 is None or h1 not in el.iter("h1"))
            if fits and strong:
                hints.lead, hints.lead_named = text, True
            elif fits:
                weak_lead = text
        if byline:
            hints.bylines = _byline_names(el)
    hints.lead = hints.lead or weak_lead or (_bold_first_paragraph(body) if body is not None else None)
    return hints


_STORY_CAPTION_WORDS = 6


def caption_texts(doc: HtmlElement, h1: HtmlElement | None) -> list[str]:
    """The captions after the title, in page order, outside related boxes (figure and video captions)."""
    found: dict[HtmlElement, str] = {}
    for css in GENERIC_CAPTIONS:
        for el in select(doc, css):
            if (
                el in found
                or any(a in found for a in el.iterancestors())
                or not _after(el, h1)
                or _in_box(el)
            ):
                continue
            text = normalize_text(el.text_content())
            if text:
                found[el] = text
    ordered = sorted(found, key=lambda el: el.sourceline or 0)
    return list(dict.fromkeys(found[el] for el in ordered))


def caption_story(captions: list[str]) -> list[str]:
    """The captions that read as a photo story's text (a sentence or more each)."""
    return [text for text in captions if len(text.split()) >= _STORY_CAPTION_WORDS]


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
    "caption_story",
    "caption_texts",
    "first_h1",
    "first_h1_element",
    "header_hints",
    "locate_container",
    "meta_description",
    "page_title",
    "trafilatura_paragraphs",
]
