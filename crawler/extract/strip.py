"""A page without what it declares about itself, so that extraction shows what the page prints alone.

Removed: every JSON-LD script; `<meta>` tags whose `property`, `name`, `itemprop` or `http-equiv` names an
OpenGraph, `article:*`, Twitter, Dublin Core or author field or reads as a date (`pubdate`, `datePublished`,
`lastmod`, `dc.date.issued` …), and every `<meta itemprop>`; microdata and RDFa attributes (`itemscope`,
`itemtype`, `itemprop`, `property`, `typeof` …, with the `content` value they give an element); every
`datetime` and `pubdate` attribute and date-like `data-*` attributes (`data-time`, `data-publish-date`).
Everything a reader sees stays: the text, the elements, their classes and ids, `<title>`.
"""

from __future__ import annotations

import re

from lxml import etree

from crawler.extract import parse_document

_JSON_LD = "application/ld+json"
_NAME_ATTRIBUTES = ("property", "name", "itemprop", "http-equiv")
# Prefixes of declared fields: OpenGraph (and its vocabularies), Twitter cards, Dublin Core, analytics tags.
_DECLARED_PREFIX = re.compile(
    r"^(?:og|article|twitter|fb|book|profile|video|music|dc|dcterms|parsely|sailthru|cxense\w*)[:.\-_]"
)
# Names that read as a date or time or an author: pubdate, publish_date, datePublished, lastmod, last-modified,
# created, issued, updated, timestamp, author, creator.
_DECLARED_WORD = re.compile(
    r"date|time|pub|lastmod|modified|created|issued|updated|author|creator|byl", re.IGNORECASE
)
_MICRODATA = frozenset({"itemscope", "itemtype", "itemprop", "itemid", "itemref"})
_RDFA = frozenset({"property", "typeof", "vocab", "resource", "datatype", "about", "prefix"})
_DATE_ATTRIBUTE = re.compile(r"^(?:datetime|pubdate|data-[\w-]*(?:date|time|publish|modified|created))", re.I)


def _declares(meta: etree._Element) -> bool:
    """Whether a `<meta>` declares something about the page: OpenGraph, Twitter, dates, authors, microdata."""
    if meta.get("itemprop") is not None:
        return True
    for attribute in _NAME_ATTRIBUTES:
        name = (meta.get(attribute) or "").strip().lower()
        if name and (_DECLARED_PREFIX.match(name) or _DECLARED_WORD.search(name)):
            return True
    return False


def _strip_attributes(element: etree._Element) -> None:
    """Microdata, RDFa and date attributes off one element (the `content` they give it as well)."""
    attributes = element.attrib
    described = False
    for name in list(attributes.keys()):
        if name in _MICRODATA or name in _RDFA:
            described = True
            del attributes[name]
        elif _DATE_ATTRIBUTE.match(name):
            del attributes[name]
    if described and "content" in attributes:
        del attributes["content"]


def strip_metadata(html: str | bytes) -> str:
    """The page as HTML text without its JSON-LD, declaring meta tags, microdata and date attributes.

    Bytes are decoded as extraction decodes them (`crawler.extract.decode_html`); several `<html>` roots are
    merged. An empty or unparseable page gives "".
    """
    doc = parse_document(html)
    if doc is None:
        return ""
    doomed: list[etree._Element] = []
    for element in doc.iter(etree.Element):
        tag = element.tag
        if tag == "script":
            if (element.get("type") or "").strip().lower().startswith(_JSON_LD):
                doomed.append(element)
                continue
        elif tag == "meta" and _declares(element):
            doomed.append(element)
            continue
        if len(element.attrib):
            _strip_attributes(element)
    for element in doomed:
        parent = element.getparent()
        if parent is None:
            continue
        if element.tail:  # keep the text that followed the removed element
            previous = element.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + element.tail
            else:
                parent.text = (parent.text or "") + element.tail
        parent.remove(element)
    doctype = doc.getroottree().docinfo.doctype or None
    # etree's serializer, not lxml.html's: that one drops a `<meta http-equiv=Content-Type>` from text output.
    text: str = etree.tostring(doc, method="html", encoding="unicode", doctype=doctype)
    return text


__all__ = ["strip_metadata"]
