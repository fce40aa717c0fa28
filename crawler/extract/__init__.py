"""Article extraction: a URL and its HTML in, an `Extraction` out, each field tagged with the layer that won.

A pure function (no Scrapy, no I/O), so it runs alike in tests, in `crawler extract` and in the spider. The
page is parsed once with lxml. Every layer proposes candidates:

1. structured: JSON-LD, OpenGraph and `article:*` meta, `<time datetime>`, `<link rel=canonical>`,
   `<html lang>` (`structured.py`; every declared date kept);
2. the site's own selectors (`site`), then its CMS family's (`family`), template by template (`selectors.py`);
3. generic: trafilatura's body, the captions of a photo story, the header's lead and byline found by the
   names of their elements, the `<h1>`, and the datelines the page prints (`generic.py`, `datelines.py`).

The arbiter (`arbiter.py`) chooses per field by rules that read as a list, and records what became of each
declared selector (`Extraction.declared`) for the monitors and the repair suggestions. The text rules of
`cleanup` apply to what layers 2 and 3 return.
"""

from __future__ import annotations

import codecs
import re
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from crawler.dates import parse_date
from crawler.extract.arbiter import (
    BodyCandidate,
    choose_body,
    choose_date,
    choose_headline,
    choose_lead,
    declared_outcome,
    drop_header_blocks,
    first_proposal,
)
from crawler.extract.cleanup import (
    GENERIC_CAPTIONS,
    CleanBody,
    clean_author_names,
    clean_paragraphs,
    read_body,
    split_source_tag,
    strip_title_suffix,
)
from crawler.extract.datelines import PrintedDate, find_printed_dates
from crawler.extract.generic import (
    HeaderHints,
    caption_story,
    caption_texts,
    first_h1,
    first_h1_element,
    header_hints,
    locate_container,
    meta_description,
    page_title,
    trafilatura_paragraphs,
)
from crawler.extract.model import DateCandidate, DateKind, DeclaredOutcome, Extraction, ImageRef, Layer
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
# Letters only Vietnamese writes (ă â đ ê ô ơ ư and the tone-marked vowels beyond Latin-1).
_VIETNAMESE_LETTERS = re.compile(r"[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")


@dataclass(slots=True)
class Timings:
    """Seconds spent in each layer of one extraction (the generic layer runs on every parsed page)."""

    parse: float = 0.0
    structured: float = 0.0
    selectors: float = 0.0
    generic: float = 0.0
    total: float = 0.0


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


MAX_TAGS = 100_000
"""Markup a page may hold and still be parsed, counted as its `<` characters (a news page has some thousands)."""


class PageTooLarge(ValueError):
    """A page with more markup than `MAX_TAGS`: its tree would take hundreds of bytes per tag. The crawl files an
    article page so refused as a reject (stage `extraction`) and counts another page `too_large`."""

    kind = "too_large"


def parse_document(html: str | bytes, encoding: str | None = None) -> HtmlElement | None:
    """The page parsed once with lxml; None for an empty or unparseable page. Raises `PageTooLarge` for a page
    of more than `MAX_TAGS` tags (counted in the bytes, before any tree is built).

    Several `<html>` roots in one response (seen on baotayninh.vn) are merged into one document, since lxml
    would keep only the first.
    """
    tags = html.count(b"<") if isinstance(html, bytes) else html.count("<")
    if tags > MAX_TAGS:
        raise PageTooLarge(f"{tags} tags, more than the {MAX_TAGS} a page may have")
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


def _link_key(text: str) -> str:
    """A link's or a paragraph's text as compared: without the bullet or dash a related list sets before it."""
    return normalize_text(text).strip(" -–—•·*»›").casefold()


def _without_site_name(description: str | None, site_names: list[str]) -> str | None:
    """A meta description without the ` - VnExpress` some portals append to it."""
    return strip_title_suffix(description, site_names=site_names) if description else None


def _date_candidates(
    data: StructuredData, found: SelectorResult | None, printed: list[PrintedDate]
) -> list[DateCandidate]:
    """Every date the layers propose: declared in the page's metadata, at the declared dateline selectors,
    and printed where the dateline finder saw it (the declared element's own text counted once)."""
    candidates = [DateCandidate(raw, kind, "structured", origin) for kind, origin, raw in data.dates]
    declared_texts: set[str] = set()
    declared_hits: tuple[tuple[DateKind, Found[str] | None], ...] = (
        ("published", found.dateline if found else None),
        ("modified", found.modified if found else None),
    )
    for kind, hit in declared_hits:
        if hit is not None:
            declared_texts.add(hit.value)
            candidates.append(
                DateCandidate(hit.value, kind, hit.layer, hit.selector, printed=True, in_header=True)
            )
    for date in printed:
        if date.text in declared_texts or any(date.text in text for text in declared_texts):
            continue
        printed_kind: DateKind = "modified" if date.kind == "modified" else "published"
        candidates.append(
            DateCandidate(
                date.text,
                printed_kind,
                "generic",
                f"printed {date.where}",
                printed=True,
                in_header=date.in_header,
            )
        )
    return candidates


def _generic_body(doc: HtmlElement, url: str, base_url: str) -> tuple[BodyCandidate, list[ImageRef]]:
    """The generic layer's body (trafilatura), the element holding it, and that element's images."""
    paragraphs = trafilatura_paragraphs(doc, url)
    container = locate_container(doc, paragraphs)
    images: list[ImageRef] = []
    if container is not None:
        located = read_body(container, base_url, captions=GENERIC_CAPTIONS)
        images = located.images
        captions = {i.caption for i in images if i.caption}
        paragraphs = [p for p in paragraphs if p not in captions]
    return BodyCandidate(paragraphs, "generic", container), images


def extract_with_timings(
    url: str,
    html: str | bytes,
    site: Site | None = None,
    *,
    encoding: str | None = None,
    relative_to: datetime | None = None,
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

    base_url = _base_url(doc, url)
    data: StructuredData = read_structured(doc, url)
    t2 = time.perf_counter()
    timings.structured = t2 - t1

    found: SelectorResult | None = read_selectors(doc, site) if site is not None else None
    heading = first_h1_element(doc)
    h1 = first_h1(doc)
    site_names = [n for n in (data.site_name, data.publisher, site.name if site else None) if n]
    # The declared body (read now: it is what the time budget of this layer is for).
    declared_body, declared_images = _declared_body(found, base_url)
    t3 = time.perf_counter()
    timings.selectors = t3 - t2

    # The generic body, always: the arbiter compares it with the declared one.
    generic_body, generic_images = _generic_body(doc, url, base_url)
    timings.generic = time.perf_counter() - t3
    body = _choose_body(doc, heading, declared_body, declared_images, generic_body, generic_images)

    _fill_title(result, doc, data, found, h1, site_names)
    hints = header_hints(doc, heading, body.element)
    lead, source_tag = _fill_lead(result, doc, data, found, hints, site_names)
    published = _fill_dates(result, doc, data, found, heading, relative_to)
    clean = _fill_body_text(result, body, lead, source_tag, data, found, hints, h1)
    _fill_images(result, body, data)
    _fill_people_and_topics(result, data, found, hints, clean, body.layer, site_names)
    _fill_page_facts(result, data, found)
    if site is not None:
        _record_declared(result.declared, site, found, result, body.declared, published, relative_to)

    timings.total = time.perf_counter() - t0
    return result, timings


def _declared_body(
    found: SelectorResult | None, base_url: str
) -> tuple[BodyCandidate | None, list[ImageRef]]:
    """The body at the declared selectors, without the header parts they also declare, and its images."""
    if found is None or found.body is None:
        return None, []
    sel = found.template.selectors
    content = read_body(
        found.body.value,
        base_url,
        drop=(*found.drop, *sel.authors, *sel.lead, *sel.dateline, *sel.title),
        captions=found.captions,
    )
    return BodyCandidate(content.paragraphs, found.body.layer, found.body.value), content.images


@dataclass(slots=True)
class _Body:
    """The body the arbiter chose: its paragraphs (related links out), images, layer and element."""

    paragraphs: list[str]
    images: list[ImageRef]
    layer: Layer | None
    element: HtmlElement | None
    declared: DeclaredOutcome | None


def _choose_body(
    doc: HtmlElement,
    heading: HtmlElement | None,
    declared_body: BodyCandidate | None,
    declared_images: list[ImageRef],
    generic_body: BodyCandidate,
    generic_images: list[ImageRef],
) -> _Body:
    """The declared, generic or caption-story body, as the arbiter chooses."""
    printed_captions = caption_texts(doc, heading)
    # trafilatura keeps the captions it finds outside <figure> (video captions): they are not body.
    caption_set = set(printed_captions)
    generic_body.paragraphs = [p for p in generic_body.paragraphs if p not in caption_set]
    captions = BodyCandidate(caption_story(printed_captions), "generic")
    links = frozenset(_link_key(a.text_content()) for a in doc.iter("a"))
    chosen = choose_body(declared_body, generic_body, h1=heading, captions=captions, links=links)
    body = chosen.body
    images = (
        declared_images if body is declared_body or (body is captions and declared_images) else generic_images
    )
    if body is None:
        return _Body([], images, None, None, chosen.declared)
    # A paragraph that is the whole text of a link is a related title or a "read more", not the story.
    paragraphs = [p for p in body.paragraphs if _link_key(p) not in links]
    return _Body(paragraphs, images, body.layer, body.element, chosen.declared)


def _fill_title(
    result: Extraction,
    doc: HtmlElement,
    data: StructuredData,
    found: SelectorResult | None,
    h1: str | None,
    site_names: list[str],
) -> None:
    selected_title = found.title if found else None
    result.title, title_layer = choose_headline(
        structured=data.titles,
        declared=(selected_title.value, selected_title.layer) if selected_title else None,
        h1=h1,
        page_title=page_title(doc) if not h1 else None,
        site_names=site_names,
    )
    if title_layer:
        result.sources["title"] = title_layer


def _fill_lead(
    result: Extraction,
    doc: HtmlElement,
    data: StructuredData,
    found: SelectorResult | None,
    hints: HeaderHints,
    site_names: list[str],
) -> tuple[str | None, str | None]:
    """The lead, and the outlet tag opening it (or opening the first paragraph)."""
    selected_lead = found.lead if found else None
    lead, lead_layer = choose_lead(
        declared=(selected_lead.value, selected_lead.layer) if selected_lead else None,
        printed=hints.lead if hints.lead_named else None,
        structured=data.description,
        generic=hints.lead or _without_site_name(meta_description(doc), site_names),
    )
    if not (lead and lead_layer):
        return lead, None
    sources = result.sources
    source_tag, lead = split_source_tag(lead)
    if source_tag:
        sources["source_tag"] = lead_layer
    elif lead_layer == "structured":  # a declared lead may drop the tag its printed lead opens with
        printed_leads: tuple[tuple[str | None, Layer], ...] = (
            (
                selected_lead.value if selected_lead else None,
                selected_lead.layer if selected_lead else "family",
            ),
            (hints.lead, "generic"),
        )
        for printed_lead, layer in printed_leads:
            source_tag = split_source_tag(printed_lead)[0] if printed_lead else None
            if source_tag:
                sources["source_tag"] = layer
                break
    result.lead = lead
    sources["lead"] = lead_layer
    return lead, source_tag


def _fill_dates(
    result: Extraction,
    doc: HtmlElement,
    data: StructuredData,
    found: SelectorResult | None,
    heading: HtmlElement | None,
    relative_to: datetime | None,
) -> datetime | None:
    """Every date candidate parsed, one chosen of each kind; the publication time chosen."""
    printed = find_printed_dates(doc, title=heading, relative_to=relative_to)
    result.date_candidates = _date_candidates(data, found, printed)
    published = choose_date(result.date_candidates, "published", relative_to=relative_to)
    modified = choose_date(result.date_candidates, "modified", relative_to=relative_to)
    for date, name in ((published, "published_raw"), (modified, "modified_raw")):
        if date.candidate is not None:
            setattr(result, name, date.candidate.raw)
            result.sources[name] = date.candidate.layer  # type: ignore[assignment]
    return published.value


def _printed_date_texts(result: Extraction) -> list[str]:
    return [c.raw for c in result.date_candidates if c.printed]


def _fill_body_text(
    result: Extraction,
    body: _Body,
    lead: str | None,
    source_tag: str | None,
    data: StructuredData,
    found: SelectorResult | None,
    hints: HeaderHints,
    h1: str | None,
) -> CleanBody:
    """Header blocks and the cleanup rules out, then the outlet tag off the first paragraph."""
    byline = found.authors.value if found and found.authors else []
    paragraphs = drop_header_blocks(
        body.paragraphs,
        lead=lead,
        repeats=(
            *hints.bylines,
            hints.lead,
            result.title,
            h1,
            data.section,
            found.section.value if found and found.section else None,
            *byline,
        ),
        datelines=_printed_date_texts(result),
    )
    clean = clean_paragraphs(paragraphs, lead=lead)
    if result.title and clean.paragraphs and clean.paragraphs[0] == result.title:
        clean.paragraphs.pop(0)
    if clean.paragraphs:
        tag, first = split_source_tag(clean.paragraphs[0])
        if tag:
            clean.paragraphs[0] = first
            if source_tag is None and body.layer:
                source_tag = tag
                result.sources["source_tag"] = body.layer
    result.source_tag = source_tag
    if clean.paragraphs and body.layer:
        result.body_text = "\n\n".join(clean.paragraphs)
        result.sources["body_text"] = body.layer
    return clean


def _fill_images(result: Extraction, body: _Body, data: StructuredData) -> None:
    """The body's images, else the page's declared image."""
    if body.images and body.layer:
        result.images = body.images
        result.sources["images"] = body.layer
    elif data.image:
        result.images = [ImageRef(url=data.image)]
        result.sources["images"] = "structured"


def _fill_people_and_topics(
    result: Extraction,
    data: StructuredData,
    found: SelectorResult | None,
    hints: HeaderHints,
    clean: CleanBody,
    body_layer: Layer | None,
    site_names: list[str],
) -> None:
    """Authors, section, tags: the first layer that has them, in the arbiter's order."""
    sources = result.sources
    bylines = list(hints.bylines)
    for text in _printed_date_texts(result):
        bylines = [line.replace(text, " ") for line in bylines]
    authors = first_proposal(
        (clean_author_names(data.authors, exclude=site_names), "structured"),
        (found.authors.value, found.authors.layer) if found and found.authors else None,
        (clean.authors, body_layer) if body_layer else None,
        (clean_author_names(bylines, exclude=site_names), "generic"),
    )
    if authors:
        result.authors, sources["authors"] = authors
    section = first_proposal(
        (data.section, "structured"),
        (found.section.value, found.section.layer) if found and found.section else None,
    )
    if section:
        result.section, sources["section"] = section
    tags = first_proposal(
        (data.tags, "structured"), (found.tags.value, found.tags.layer) if found and found.tags else None
    )
    if tags:
        result.tags, sources["tags"] = tags


def _fill_page_facts(result: Extraction, data: StructuredData, found: SelectorResult | None) -> None:
    """Canonical URL, language, and the template the selectors matched."""
    sources = result.sources
    if data.canonical:
        result.canonical_url, sources["canonical_url"] = data.canonical, "structured"
    if data.language:
        result.language, sources["language"] = data.language, "structured"
    elif _VIETNAMESE_LETTERS.search(f"{result.title or ''} {result.body_text or ''}"):
        result.language, sources["language"] = "vi", "generic"
    if found is not None:
        result.template = found.label


def _record_declared(
    declared: dict[str, DeclaredOutcome],
    site: Site,
    found: SelectorResult | None,
    result: Extraction,
    body: DeclaredOutcome | None,
    published: datetime | None,
    relative_to: datetime | None,
) -> None:
    """Per field the site's declaration covers, what became of its selector against the winner (`body`: the
    body's outcome, `published`: the publication time the arbiter chose)."""
    templates = site.templates_newest_first()
    selectors = found.template.selectors if found else (templates[0].selectors if templates else None)
    if selectors is None:
        return
    hits: dict[str, tuple[object, object]] = {
        "title": (found.title.value if found and found.title else None, result.title),
        "lead": (found.lead.value if found and found.lead else None, result.lead),
        "authors": (found.authors.value if found and found.authors else None, result.authors),
        "section": (found.section.value if found and found.section else None, result.section),
        "tags": (found.tags.value if found and found.tags else None, result.tags),
    }
    for name, (mine, winner) in hits.items():
        if getattr(selectors, name):
            declared[name] = declared_outcome(mine, winner)  # type: ignore[arg-type]
    if selectors.dateline:
        hit = found.dateline if found else None
        if hit is None:
            declared["published_at"] = "missed"
        else:
            mine_date = parse_date(hit.value, relative_to=relative_to).value
            declared["published_at"] = (
                "agreed" if mine_date is not None and mine_date == published else "overruled"
            )
    if selectors.body:
        declared["body_text"] = body or "missed"


def extract_article(
    url: str,
    html: str | bytes,
    site: Site | None = None,
    *,
    encoding: str | None = None,
    relative_to: datetime | None = None,
) -> Extraction:
    """The article fields of one page, each with the layer that filled it (`Extraction.sources`).

        `site=None` is generic mode: structured data and the generic layer only. `encoding` names the encoding of
        `html` given as bytes (from the HTTP headers, say); without it the bytes are sniffed. `relative_to` is when
    the page was fetched (relative datelines such as `2 giờ trước` are read against it; default now).
    """
    return extract_with_timings(url, html, site, encoding=encoding, relative_to=relative_to)[0]


__all__ = [
    "BOMS",
    "MAX_TAGS",
    "Extraction",
    "ImageRef",
    "PageTooLarge",
    "Timings",
    "codec_name",
    "decode_html",
    "extract_article",
    "extract_with_timings",
    "meta_charset",
    "normalize_text",
    "parse_document",
]
