"""Sitemaps read as a stream: a sitemap index's children or a urlset's entries, one at a time, in bounded memory.

    sitemap = read_sitemap(body, max_size=16 * 1024 * 1024)
    sitemap.kind                      # "sitemapindex" or "urlset"
    for entry in sitemap: ...         # SitemapEntry(loc, lastmod, news_published, is_news)

The body may be gzip (a `.xml.gz` served without `Content-Encoding`): it is inflated as it is parsed, and
inflating past `max_size` raises `SitemapTooLarge`. lxml's `iterparse` reads the XML incrementally, with no
entity expansion, no network and no huge-tree mode; each entry is cleared once read, so memory holds one
entry, not the tree. At most `max_entries` entries are read (the sitemap protocol's own maximum, 50,000, by
default); `capped` says whether the sitemap had more. A body that is not a sitemap raises `SitemapError`.
"""

from __future__ import annotations

import gzip
import io
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from lxml import etree

MAX_ENTRIES: Final = 50_000
"""URLs read from one urlset at most: the sitemap protocol's own maximum."""
MAX_CHILDREN: Final = 1_000
"""Child sitemaps followed from one sitemap index at most."""
KINDS: Final = frozenset({"urlset", "sitemapindex"})
_GZIP_MAGIC: Final = b"\x1f\x8b"
_CHUNK: Final = 64 * 1024


class SitemapError(ValueError):
    """The body is not a sitemap (junk, HTML, empty); counted `bad_sitemap`."""

    kind = "bad_sitemap"


class SitemapTooLarge(SitemapError):
    """A gzip sitemap inflates past the response size limit; counted `too_large`."""

    kind = "too_large"


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    """One `<url>` of a urlset or `<sitemap>` of an index, as its entry says it."""

    loc: str
    lastmod: str | None = None
    news_published: str | None = None
    """`news:publication_date` of a Google News sitemap entry."""
    is_news: bool = False
    """The entry has a `news:news` element (a news sitemap)."""


class _Inflating(io.RawIOBase):
    """A gzip body inflated on demand, raising `SitemapTooLarge` past `max_size` bytes (0: no limit). A
    truncated or corrupt stream ends where it breaks, once something was inflated (as Scrapy's `gunzip`)."""

    def __init__(self, body: bytes, max_size: int) -> None:
        self._file = gzip.GzipFile(fileobj=io.BytesIO(body))
        self._max_size = max_size
        self._size = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        try:
            chunk = self._file.read1(min(len(buffer), _CHUNK))
        except (OSError, EOFError, struct.error, zlib.error):
            if self._size:
                return 0
            raise SitemapError("not a readable gzip stream") from None
        self._size += len(chunk)
        if self._max_size and self._size > self._max_size:
            raise SitemapTooLarge(f"inflates past {self._max_size} bytes")
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _name(element: etree._Element) -> str:
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _text(element: etree._Element) -> str | None:
    return element.text.strip() if element.text and element.text.strip() else None


class Sitemap:
    """A sitemap being read: its `kind` known from the root element, its entries read as iterated (once)."""

    def __init__(self, body: bytes, *, max_size: int = 0, max_entries: int = MAX_ENTRIES) -> None:
        source: io.RawIOBase | io.BytesIO = (
            _Inflating(body, max_size) if body[:2] == _GZIP_MAGIC else io.BytesIO(body)
        )
        self.max_entries = max_entries
        self.capped = False
        """Whether reading stopped at `max_entries` with more entries left."""
        self.read = 0
        """Entries read so far."""
        self._events = etree.iterparse(
            source,
            events=("start", "end"),
            recover=True,
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
            collect_ids=False,
        )
        try:
            _, root = next(self._events)
        except (etree.XMLSyntaxError, StopIteration) as error:
            raise SitemapError(f"not XML: {error}") from None
        self._root = root
        self.kind = _name(root)
        if self.kind not in KINDS:
            raise SitemapError(f"root element <{self.kind}>, not a sitemap")

    def __iter__(self) -> Iterator[SitemapEntry]:
        depth = 1
        try:
            for event, element in self._events:
                if event == "start":
                    depth += 1
                    continue
                depth -= 1
                if depth != 1:  # the entry's own children are read with it
                    continue
                entry = _entry(element)
                element.clear()
                parent = element.getparent()
                if parent is not None:
                    while element.getprevious() is not None:
                        del parent[0]
                if entry is None:
                    continue
                if self.read >= self.max_entries:
                    self.capped = True
                    return
                self.read += 1
                yield entry
        except etree.XMLSyntaxError:  # broken past its start: what was read stands
            return


def _entry(element: etree._Element) -> SitemapEntry | None:
    loc = lastmod = published = None
    is_news = False
    for child in element:
        name = _name(child)
        if name == "loc":
            loc = _text(child)
        elif name == "lastmod":
            lastmod = _text(child)
        elif name == "news":
            is_news = True
            for part in child:
                if _name(part) == "publication_date":
                    published = _text(part)
    return SitemapEntry(loc, lastmod, published, is_news) if loc else None


def read_sitemap(body: bytes, *, max_size: int = 0, max_entries: int = MAX_ENTRIES) -> Sitemap:
    """The sitemap in `body` (XML or gzip), ready to iterate; raises `SitemapError` (`SitemapTooLarge`)."""
    return Sitemap(body, max_size=max_size, max_entries=max_entries)


__all__ = [
    "MAX_CHILDREN",
    "MAX_ENTRIES",
    "Sitemap",
    "SitemapEntry",
    "SitemapError",
    "SitemapTooLarge",
    "read_sitemap",
]
