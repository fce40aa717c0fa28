"""The structured layer: what a page declares about itself.

JSON-LD (`NewsArticle`, `Article`, `ReportageNewsArticle` … also inside `@graph`, lists and `mainEntity`;
broken JSON tolerated), OpenGraph and `article:*` meta tags, `itemprop` dates, `<time datetime>` in the
article header, `<link rel=canonical>` and `<html lang>`. Values stay as printed (dates are not parsed here:
every declared date is kept in `dates` for the arbiter).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from crawler.extract.model import DateKind
from crawler.text import normalize_text

ARTICLE_TYPES = frozenset(
    {
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "backgroundnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "askpublicnewsarticle",
        "blogposting",
        "liveblogposting",
        "report",
    }
)
_ORGANIZATION_TYPES = frozenset(
    {"organization", "newsmediaorganization", "corporation", "website", "webpage"}
)
_PUBLISHED_META = ("article:published_time", "datepublished", "pubdate", "publishdate", "og:published_time")
_MODIFIED_META = ("article:modified_time", "datemodified", "og:updated_time", "lastmod")
_HOME_CRUMBS = frozenset({"trang chủ", "home", "trang chu", "trang nhất"})


@dataclass(slots=True)
class StructuredData:
    """Fields a page declares about itself; each None or empty where it declares nothing."""

    title: str | None = None
    titles: list[str] = field(default_factory=list)
    """Every title the page declares (JSON-LD headline, og:title, twitter:title), in that order."""
    description: str | None = None
    published: str | None = None
    modified: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    image: str | None = None
    canonical: str | None = None
    language: str | None = None
    site_name: str | None = None
    publisher: str | None = None
    found_article: bool = False
    """Whether a JSON-LD article object was found (as opposed to OpenGraph only)."""
    dates: list[tuple[DateKind, str, str]] = field(default_factory=list)
    """Every date the page declares, as (`published` or `modified`, origin, value as printed), in the order
    `published`/`modified` above are taken from; the arbiter parses and chooses among them."""


# ----------------------------------------------------------------------------------------------- JSON-LD


_WRAPPERS = re.compile(r"^\s*(?:<!--|<!\[CDATA\[|//\s*<!\[CDATA\[)|(?:-->|\]\]>|//\s*\]\]>)\s*$")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_LINE_COMMENT = re.compile(r"^\s*//[^\n]*$", re.MULTILINE)
_DECODER = json.JSONDecoder(strict=False)
MAX_JSON_LD_CHARS = 1024 * 1024
"""A JSON-LD script longer than this is skipped (a real one is a few KB)."""
MAX_JSON_LD_DEPTH = 64
"""A JSON-LD script nested deeper than this is not decoded (json recurses once per level)."""
_STRING_OR_BRACKET = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


def nests_deeper(text: str, bound: int = MAX_JSON_LD_DEPTH) -> bool:
    """Whether the arrays and objects of JSON text nest deeper than `bound` (brackets inside strings not
    counted), read without recursion and only when the text has more than `bound` opening brackets."""
    if text.count("[") + text.count("{") <= bound:
        return False
    depth = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        token = match.group()
        if token == "[" or token == "{":
            depth += 1
            if depth > bound:
                return True
        elif token == "]" or token == "}":
            depth = max(0, depth - 1)
    return False


def readable_json_ld(text: str) -> bool:
    """Whether a JSON-LD script is within the bounds reading it may take: its size and its nesting."""
    return len(text) <= MAX_JSON_LD_CHARS and not nests_deeper(text)


def load_json_ld(text: str) -> list[Any]:
    """Every JSON value in a JSON-LD script, tolerating comment wrappers, trailing commas, raw control
    characters and several objects written one after another. Unreadable text yields [], and so does a
    script beyond the bounds (`readable_json_ld`)."""
    text = _WRAPPERS.sub("", text.strip())
    if not text or not readable_json_ld(text):
        return []
    try:
        return [_DECODER.decode(text)]
    except ValueError:
        pass
    except RecursionError:  # within the bound, yet the stack was already deep: unreadable
        return []
    repaired = _TRAILING_COMMA.sub(r"\1", _LINE_COMMENT.sub("", text))
    values: list[Any] = []
    pos, end = 0, len(repaired)
    while pos < end:
        while pos < end and repaired[pos] in " \t\r\n;,":
            pos += 1
        if pos >= end:
            break
        try:
            value, pos = _DECODER.raw_decode(repaired, pos)
        except (ValueError, RecursionError):
            break
        values.append(value)
    return values


_SALVAGE_KEYS = ("headline", "description", "datePublished", "dateModified", "articleSection")
_SALVAGE = {key: re.compile(rf'"{key}"\s*:\s*"') for key in _SALVAGE_KEYS}
_SALVAGE_END = re.compile(r'"\s*(?=,\s*"[@\w]+"\s*:|\s*[}\]])')
_SALVAGE_TYPE = re.compile(r'"@type"\s*:\s*"(?P<t>[A-Za-z]+)"')
_SALVAGE_AUTHOR = re.compile(r'"author"\s*:')
_SALVAGE_AUTHOR_NAME = re.compile(r'\s*[\[{]?\s*(?:\{[^{}]*?)?"name"\s*:\s*"(?P<v>[^"]*)"', re.DOTALL)
_SALVAGE_AUTHOR_TRIES = 8
"""The `author` keys tried for a name: each try may read to the end of the script."""


def salvage_json_ld(text: str) -> dict[str, Any] | None:
    """The article fields of a JSON-LD script that no repair makes valid (typically a headline with raw quotes
    inside), read key by key, in time linear in its length; None unless it declares an article type."""
    types = {m.group("t").lower() for m in _SALVAGE_TYPE.finditer(text)}
    if not types & ARTICLE_TYPES:
        return None
    found: dict[str, Any] = {"@type": "NewsArticle"}
    for key, pattern in _SALVAGE.items():
        # The value runs to the first quote that ends it; only the key's first occurrence can have one.
        start = pattern.search(text)
        end = _SALVAGE_END.search(text, start.end()) if start else None
        if start and end:
            found[key] = text[start.end() : end.start()].replace('\\"', '"')
    for tries, at in enumerate(_SALVAGE_AUTHOR.finditer(text)):
        author = _SALVAGE_AUTHOR_NAME.match(text, at.end())
        if author:
            found["author"] = {"name": author.group("v")}
            break
        if tries + 1 >= _SALVAGE_AUTHOR_TRIES:
            break
    return found


def _types(node: dict[str, Any]) -> set[str]:
    raw = node.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    return {v.rsplit("/", 1)[-1].lower() for v in values if isinstance(v, str)}


def iter_nodes(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every object in a JSON-LD value, descending into lists, `@graph` and `mainEntity`."""
    if depth > 6:
        return
    if isinstance(value, list):
        for item in value:
            yield from iter_nodes(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if key in value and isinstance(value[key], list | dict):
                yield from iter_nodes(value[key], depth + 1)


def _string(value: Any) -> str | None:
    """A JSON-LD value as one clean string: first of a list, `name`/`@value`/`url` of an object."""
    if isinstance(value, list):
        for item in value:
            found = _string(item)
            if found:
                return found
        return None
    if isinstance(value, dict):
        for key in ("name", "@value", "url", "@id"):
            if key in value:
                return _string(value[key])
        return None
    if isinstance(value, str):
        text = normalize_text(html.unescape(value))
        return text or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _strings(value: Any) -> list[str]:
    if isinstance(value, list):
        out: list[str] = []
        for item in value:
            out.extend(_strings(item))
        return out
    text = _string(value)
    return [text] if text else []


def _split_list(values: list[str]) -> list[str]:
    """Comma-separated lists (`hàng giả, cảnh sát kinh tế`) split into items, deduplicated in order."""
    out: list[str] = []
    for value in values:
        for item in value.split(","):
            item = normalize_text(item)
            if item and item not in out:
                out.append(item)
    return out


def _authors(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, dict):
            if _types(item) & _ORGANIZATION_TYPES:
                continue
            name = _string(item.get("name"))
        else:
            name = _string(item)
        if name and name not in names:
            names.append(name)
    return names


# --------------------------------------------------------------------------------------------------- meta


def _meta_index(doc: HtmlElement) -> dict[str, list[str]]:
    """Meta tags by lower-cased `property`, `name` and `itemprop`, each with its contents in page order."""
    index: dict[str, list[str]] = {}
    for meta in doc.iter("meta"):
        content = meta.get("content")
        if content is None:
            continue
        content = normalize_text(html.unescape(content)) if "&" in content else normalize_text(content)
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attr)
            if key:
                index.setdefault(key.strip().lower(), []).append(content)
    return index


def _first(index: dict[str, list[str]], *keys: str) -> str | None:
    for key in keys:
        values = index.get(key)
        if values:
            return values[0]
    return None


def _language(code: str | None) -> str | None:
    if not code:
        return None
    primary = re.split(r"[-_]", code.strip())[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def _plausible_canonical(candidate: str | None, url: str) -> str | None:
    """A canonical address, unless it points at the site's home page while the page itself is deeper."""
    if not candidate:
        return None
    resolved = urljoin(url, candidate.strip())
    parts = urlsplit(resolved)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    if parts.path in ("", "/") and urlsplit(url).path not in ("", "/"):
        return None
    return resolved


def _header_time(doc: HtmlElement) -> str | None:
    """The first `<time datetime>` outside footers, sidebars and navigation: the article header's."""
    for el in doc.iter("time"):
        value = (el.get("datetime") or "").strip()
        if not value:
            continue
        if any(a.tag in ("footer", "aside", "nav") for a in el.iterancestors()):
            continue
        return normalize_text(value)
    return None


# ------------------------------------------------------------------------------------------------- reader


def _json_ld_nodes(doc: HtmlElement) -> Iterator[dict[str, Any]]:
    """Every JSON-LD node of the page (scripts past `MAX_JSON_LD_CHARS` skipped, broken ones salvaged)."""
    for script in doc.iter("script"):
        kind = (script.get("type") or "").strip().lower()
        if not kind.startswith("application/ld+json"):
            continue
        text = script.text or ""
        if len(text) > MAX_JSON_LD_CHARS:
            continue
        values = load_json_ld(text)
        if not values:
            salvaged = salvage_json_ld(text)
            values = [salvaged] if salvaged else []
        yield from iter_nodes(values)


def _crumb_names(node: dict[str, Any]) -> list[str]:
    """The names of a BreadcrumbList's items, the home crumb left out."""
    names = []
    for element in node.get("itemListElement") or []:
        if isinstance(element, dict):
            item = element.get("item")
            name = _string(element.get("name")) or (
                _string(item.get("name")) if isinstance(item, dict) else None
            )
            if name and name.casefold() not in _HOME_CRUMBS:
                names.append(name)
    return names


def _json_ld(doc: HtmlElement) -> tuple[dict[str, Any] | None, list[str], list[str]]:
    """(the first article node, the first breadcrumb trail's names, the organizations' names)."""
    article: dict[str, Any] | None = None
    crumbs: list[str] = []
    organizations: list[str] = []
    for node in _json_ld_nodes(doc):
        types = _types(node)
        if article is None and types & ARTICLE_TYPES:
            article = node
        elif "breadcrumblist" in types and not crumbs:
            crumbs = _crumb_names(node)
        elif types & _ORGANIZATION_TYPES:
            name = _string(node.get("name"))
            if name:
                organizations.append(name)
    return article, crumbs, organizations


def _declared_dates(
    doc: HtmlElement, article: dict[str, Any] | None, meta: dict[str, list[str]]
) -> list[tuple[DateKind, str, str]]:
    """Every date the page declares, with where: JSON-LD, then meta tags, then the header's `<time>`."""
    dates: list[tuple[DateKind, str, str]] = []
    declared_keys: tuple[tuple[DateKind, str], ...] = (
        ("published", "datePublished"),
        ("published", "dateCreated"),
        ("modified", "dateModified"),
    )
    for kind, key in declared_keys if article is not None else ():
        value = _string(article.get(key)) if article is not None else None
        if value:
            dates.append((kind, f"json-ld {key}", value))
    meta_keys: tuple[tuple[DateKind, tuple[str, ...]], ...] = (
        ("published", _PUBLISHED_META),
        ("modified", _MODIFIED_META),
    )
    for kind, keys in meta_keys:
        for key in keys:
            value = _first(meta, key)
            if value:
                dates.append((kind, f"meta {key}", value))
    header_time = _header_time(doc)
    if header_time:
        dates.append(("published", "time[datetime]", header_time))
    return dates


def read_structured(doc: HtmlElement, url: str) -> StructuredData:
    """Everything the page declares about itself, from JSON-LD first, then meta tags and markup."""
    data = StructuredData()
    article, crumbs, organizations = _json_ld(doc)
    meta = _meta_index(doc)
    if article is not None:
        data.found_article = True
        data.title = _string(article.get("headline")) or _string(article.get("name"))
        data.description = _string(article.get("description"))
        data.published = _string(article.get("datePublished")) or _string(article.get("dateCreated"))
        data.modified = _string(article.get("dateModified"))
        section = _strings(article.get("articleSection"))
        data.section = _split_list(section)[0] if section else None
        data.tags = _split_list(_strings(article.get("keywords")))
        data.authors = _authors(article.get("author"))
        data.image = _string(article.get("image")) or _string(article.get("thumbnailUrl"))
        data.publisher = _string(article.get("publisher"))
        data.language = _language(_string(article.get("inLanguage")))

    for candidate in (data.title, _first(meta, "og:title"), _first(meta, "twitter:title")):
        if candidate and candidate not in data.titles:
            data.titles.append(candidate)
    data.title = data.titles[0] if data.titles else None
    data.description = data.description or _first(meta, "og:description", "twitter:description")
    data.dates.extend(_declared_dates(doc, article, meta))
    data.published = data.published or next((raw for kind, _, raw in data.dates if kind == "published"), None)
    data.modified = data.modified or next((raw for kind, _, raw in data.dates if kind == "modified"), None)
    if not data.section:
        sections = _split_list(meta.get("article:section", []))
        data.section = sections[0] if sections else (crumbs[-1] if crumbs else None)
    data.tags = data.tags or _split_list(meta.get("article:tag", []))
    data.image = data.image or _first(meta, "og:image", "og:image:url", "twitter:image")
    if data.image:
        data.image = urljoin(url, data.image)
    data.site_name = _first(meta, "og:site_name", "application-name") or (
        organizations[0] if organizations else None
    )
    data.publisher = data.publisher or (organizations[0] if organizations else None)

    root = doc.getroottree().getroot()
    data.language = (
        _language(root.get("lang") or root.get("xml:lang"))
        or data.language
        or _language(_first(meta, "og:locale", "content-language", "language"))
    )
    for link in doc.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel:
            data.canonical = _plausible_canonical(link.get("href"), url)
            if data.canonical:
                break
    data.canonical = data.canonical or _plausible_canonical(_first(meta, "og:url"), url)
    return data


__all__ = [
    "ARTICLE_TYPES",
    "MAX_JSON_LD_CHARS",
    "MAX_JSON_LD_DEPTH",
    "StructuredData",
    "iter_nodes",
    "load_json_ld",
    "nests_deeper",
    "read_structured",
    "readable_json_ld",
    "salvage_json_ld",
]
