"""Article extraction: a URL and its HTML in, an `Extraction` out, each field tagged with its layer.

A pure function (no Scrapy, no I/O), so it runs alike in tests, in `crawler extract` and in the spider. The
page is parsed once with lxml. Per field the layers are tried in order:

1. structured: JSON-LD, OpenGraph and `article:*` meta, `<time datetime>`, `<link rel=canonical>`,
   `<html lang>`;
2. the site's own selectors (`site`), then its CMS family's (`family`), template by template, newest first;
3. generic: trafilatura for the body (only when no selector found one), `<h1>`/`<title>`, meta description.

The text rules of `cleanup` apply to what layers 2 and 3 return. Images are the body's (`site`, `family` or
`generic`), falling back to the page's declared image (`structured`) only when the body has none.
"""

from __future__ import annotations

import codecs
import re
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from crawler.extract.cleanup import (
    choose_title,
    clean_author_names,
    clean_paragraphs,
    read_body,
    split_source_tag,
    strip_title_suffix,
)
from crawler.extract.generic import (
    first_h1,
    generic_images,
    meta_description,
    page_title,
    trafilatura_paragraphs,
)
from crawler.extract.model import Extraction, ImageRef, Layer
from crawler.extract.selectors import Found, SelectorResult, read_selectors
from crawler.extract.structured import StructuredData, read_structured
from crawler.sites.model import Site
from crawler.text import normalize_text

_LOCAL = threading.local()
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_HTML_OPEN = re.compile(r"<html\b", re.IGNORECASE)
_EXTRA_ROOT_TAGS = re.compile(r"</?(?:html|body)\b[^>]*>", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_LATIN1_FAMILY = frozenset({"iso8859-1", "cp1252", "ascii"})
BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
"""Byte-order marks and the encodings they announce."""
_TRUNCATED = ("...", "…")
# Letters only Vietnamese writes (ă â đ ê ô ơ ư and the tone-marked vowels beyond Latin-1).
_VIETNAMESE_LETTERS = re.compile(r"[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")


@dataclass(slots=True)
class Timings:
    """Seconds spent in each layer of one extraction (generic 0 when trafilatura did not run)."""

    parse: float = 0.0
    structured: float = 0.0
    selectors: float = 0.0
    generic: float = 0.0
    total: float = 0.0
    trafilatura_ran: bool = False


# ---------------------------------------------------------------------------------------------- decoding


def codec_name(label: str | None) -> str | None:
    """Python's name for an encoding label (`windows-1258` → `cp1258`), None if unknown."""
    if not label:
        return None
    try:
        found: str = codecs.lookup(label.strip().strip("\"'")).name
        return found
    except LookupError:
        return None


def meta_charset(data: bytes) -> str | None:
    """The charset a page's `<meta>` declares (within its first 8 KB), as a Python codec name."""
    match = _META_CHARSET.search(data[:8192])
    return codec_name(match.group(1).decode("ascii", "ignore")) if match else None


def decode_html(data: bytes, encoding: str | None = None) -> str:
    """HTML bytes as text: a byte-order mark, then the given encoding, then valid UTF-8, then the page's
    declared charset, then Windows-1258 (Vietnamese). A Latin-1-family label on valid UTF-8 is ignored."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    given = codec_name(encoding)
    try:
        as_utf8: str | None = data.decode("utf-8")
    except UnicodeDecodeError:
        as_utf8 = None
    if given and not (as_utf8 is not None and given in _LATIN1_FAMILY):
        return data.decode(given, errors="replace")
    if as_utf8 is not None:
        return as_utf8
    return data.decode(meta_charset(data) or "cp1258", errors="replace")


def parse_document(html: str | bytes, encoding: str | None = None) -> HtmlElement | None:
    """The page parsed once with lxml; None for an empty or unparseable page.

    Several `<html>` roots in one response (seen on baotayninh.vn) are merged into one document, since lxml
    would keep only the first.
    """
    text = decode_html(html, encoding) if isinstance(html, bytes) else html
    text = _XML_DECLARATION.sub("", text, count=1)
    roots = _HTML_OPEN.finditer(text)
    if next(roots, None) is not None and next(roots, None) is not None:
        first = _HTML_OPEN.search(text)
        start = text.index(">", first.start()) + 1 if first else 0
        text = text[:start] + _EXTRA_ROOT_TAGS.sub(" ", text[start:])
    if not text.strip():
        return None
    parser = getattr(_LOCAL, "parser", None)
    if parser is None:  # lxml parsers are not to be shared between threads
        parser = _LOCAL.parser = lxml.html.HTMLParser(
            remove_comments=True, remove_pis=True, default_doctype=False
        )
    try:
        doc = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        return None
    return doc if isinstance(doc, HtmlElement) else None


def _base_url(doc: HtmlElement, url: str) -> str:
    for base in doc.iter("base"):
        href = (base.get("href") or "").strip()
        if href:
            joined: str = urljoin(url, href)
            return joined
    return url


# ------------------------------------------------------------------------------------------- orchestration


def _lead_choice(
    structured: str | None, selected: str | None, selected_layer: Layer | None, generic: str | None
) -> tuple[str | None, Layer | None]:
    """Structured first, unless it is a truncated copy of the lead the selectors found on the page."""
    if structured:
        if selected and selected_layer:
            bare = structured.rstrip(".… ")
            if structured.endswith(_TRUNCATED) and selected.startswith(bare[: max(len(bare) - 3, 1)]):
                return selected, selected_layer
        return structured, "structured"
    if selected and selected_layer:
        return selected, selected_layer
    if generic:
        return generic, "generic"
    return None, None


def extract_with_timings(
    url: str, html: str | bytes, site: Site | None = None, *, encoding: str | None = None
) -> tuple[Extraction, Timings]:
    """`extract_article`, also returning the time each layer took."""
    timings = Timings()
    t0 = time.perf_counter()
    result = Extraction(url=url)
    doc = parse_document(html, encoding)
    t1 = time.perf_counter()
    timings.parse = t1 - t0
    if doc is None:
        timings.total = t1 - t0
        return result, timings

    sources = result.sources
    base_url = _base_url(doc, url)
    data: StructuredData = read_structured(doc, url)
    t2 = time.perf_counter()
    timings.structured = t2 - t1

    found: SelectorResult | None = read_selectors(doc, site) if site is not None else None
    h1 = first_h1(doc)
    site_names = [n for n in (data.site_name, data.publisher, site.name if site else None) if n]

    # Body from the selectors (read now: it is what the time budget of this layer is for).
    paragraphs: list[str] = []
    images: list[ImageRef] = []
    body_layer: Layer | None = None
    if found is not None and found.body is not None:
        sel = found.template.selectors
        content = read_body(
            found.body.value,
            base_url,
            drop=(*found.drop, *sel.authors, *sel.lead, *sel.dateline, *sel.title),
            captions=found.captions,
        )
        if content.paragraphs:
            paragraphs, images, body_layer = content.paragraphs, content.images, found.body.layer
    t3 = time.perf_counter()
    timings.selectors = t3 - t2

    if not paragraphs:
        paragraphs = trafilatura_paragraphs(doc, url)
        timings.trafilatura_ran = True
        if paragraphs:
            body_layer = "generic"
            located = generic_images(doc, paragraphs, base_url)
            images = located.images
            captions = {i.caption for i in images if i.caption}
            paragraphs = [p for p in paragraphs if p not in captions]
        timings.generic = time.perf_counter() - t3

    # Title.
    selected_title = found.title if found else None
    if data.titles:
        heading = selected_title.value if selected_title else h1
        result.title = choose_title(data.titles, h1=heading, site_names=site_names)
        sources["title"] = "structured"
    elif selected_title:
        result.title = strip_title_suffix(selected_title.value, site_names=site_names)
        sources["title"] = selected_title.layer
    else:
        generic_title = h1 or page_title(doc)
        if generic_title:
            result.title = strip_title_suffix(generic_title, h1=h1, site_names=site_names)
            sources["title"] = "generic"

    # Lead and the outlet tag opening it (or opening the first paragraph).
    selected_lead = found.lead if found else None
    lead, lead_layer = _lead_choice(
        data.description,
        selected_lead.value if selected_lead else None,
        selected_lead.layer if selected_lead else None,
        meta_description(doc) if not data.description and not selected_lead else None,
    )
    source_tag: str | None = None
    if lead and lead_layer:
        source_tag, lead = split_source_tag(lead)
        if source_tag:
            sources["source_tag"] = lead_layer
        elif selected_lead and lead_layer == "structured":
            source_tag = split_source_tag(selected_lead.value)[0]
            if source_tag:
                sources["source_tag"] = selected_lead.layer
        result.lead = lead
        sources["lead"] = lead_layer

    # Body text: the cleanup rules, then the outlet tag off the first paragraph.
    clean = clean_paragraphs(paragraphs, lead=lead)
    if result.title and clean.paragraphs and clean.paragraphs[0] == result.title:
        clean.paragraphs.pop(0)
    if clean.paragraphs:
        tag, first = split_source_tag(clean.paragraphs[0])
        if tag:
            clean.paragraphs[0] = first
            if source_tag is None and body_layer:
                source_tag = tag
                sources["source_tag"] = body_layer
    result.source_tag = source_tag
    if clean.paragraphs and body_layer:
        result.body_text = "\n\n".join(clean.paragraphs)
        sources["body_text"] = body_layer

    # Images: the body's, else the page's declared image.
    if images and body_layer:
        result.images = images
        sources["images"] = body_layer
    elif data.image:
        result.images = [ImageRef(url=data.image)]
        sources["images"] = "structured"

    # Authors: structured data, a byline, a closing author line.
    authors = clean_author_names(data.authors, exclude=site_names)
    if authors:
        result.authors, sources["authors"] = authors, "structured"
    elif found is not None and found.authors is not None:
        result.authors, sources["authors"] = found.authors.value, found.authors.layer
    elif clean.authors and body_layer:
        result.authors, sources["authors"] = clean.authors, body_layer

    # Dates as printed, section, tags: structured data, else the template's selectors.
    layered: tuple[tuple[str, object, Found[str] | Found[list[str]] | None], ...] = (
        ("published_raw", data.published, found.dateline if found else None),
        ("modified_raw", data.modified, found.modified if found else None),
        ("section", data.section, found.section if found else None),
        ("tags", data.tags, found.tags if found else None),
    )
    for name, declared, selected in layered:
        if declared:
            setattr(result, name, declared)
            sources[name] = "structured"
        elif selected is not None:
            setattr(result, name, selected.value)
            sources[name] = selected.layer

    if data.canonical:
        result.canonical_url, sources["canonical_url"] = data.canonical, "structured"
    if data.language:
        result.language, sources["language"] = data.language, "structured"
    elif _VIETNAMESE_LETTERS.search(f"{result.title or ''} {result.body_text or ''}"):
        result.language, sources["language"] = "vi", "generic"
    if found is not None:
        result.template = found.label

    timings.total = time.perf_counter() - t0
    return result, timings


def extract_article(
    url: str, html: str | bytes, site: Site | None = None, *, encoding: str | None = None
) -> Extraction:
    """The article fields of one page, each with the layer that filled it (`Extraction.sources`).

    `site=None` is generic mode: structured data and the generic layer only. `encoding` names the encoding of
    `html` given as bytes (from the HTTP headers, say); without it the bytes are sniffed.
    """
    return extract_with_timings(url, html, site, encoding=encoding)[0]


__all__ = [
    "BOMS",
    "Extraction",
    "ImageRef",
    "Timings",
    "codec_name",
    "decode_html",
    "extract_article",
    "extract_with_timings",
    "meta_charset",
    "normalize_text",
    "parse_document",
]
