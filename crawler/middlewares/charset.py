"""The encoding of an HTML page, decided from its bytes where the header and the meta tag disagree.

Scrapy takes the `Content-Type` header's charset first; provincial portals send `charset=utf-8` over
Windows-1258 bodies, `iso-8859-1` over UTF-8, or nothing at all (Scrapy then guesses cp1252, which turns
`Đ`, `ư`, `ơ` and the combining tone marks into noise). `choose_encoding` decides:

1. a byte-order mark wins;
2. a body that is valid UTF-8 and not plain ASCII is UTF-8 (Windows-1258 text is essentially never valid UTF-8);
3. otherwise the candidates (the header's charset, the meta tag's, Windows-1258) are decoded and scored by the
   Vietnamese letters the text has after NFC, less undecodable bytes and C1 controls; the best wins, ties
   going to the earlier candidate.

`CharsetMiddleware` sets that encoding on the response (counted as `crawler/charset/<declared>-><chosen>`
when it overrides what Scrapy would have used); extraction decodes with it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Self

from scrapy.http import HtmlResponse, TextResponse

from crawler.extract import BOMS, codec_name, meta_charset

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_VIETNAMESE = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]")
_NOISE = re.compile(r"[\ufffd\x80-\x9f]")
_SAMPLE = 256 * 1024


def header_charset(content_type: str | None) -> str | None:
    match = _HEADER_CHARSET.search(content_type or "")
    return codec_name(match.group(1)) if match else None


def _score(text: str) -> int:
    text = unicodedata.normalize("NFC", text)
    return len(_VIETNAMESE.findall(text)) - 4 * len(_NOISE.findall(text))


def choose_encoding(body: bytes, header: str | None = None, meta: str | None = None) -> str:
    """The encoding to read an HTML body with, given the header's and the meta tag's charsets."""
    for bom, codec in BOMS:
        if body.startswith(bom):
            return codec
    sample = body[:_SAMPLE]
    try:
        sample.decode("utf-8")
        valid_utf8 = True
    except UnicodeDecodeError as exc:  # a sample cut inside a character is still UTF-8
        valid_utf8 = exc.start >= len(sample) - 3 and len(body) > _SAMPLE
    if valid_utf8 and not sample.isascii():
        return "utf-8"
    candidates = [c for c in dict.fromkeys((codec_name(header), codec_name(meta), "cp1258")) if c]
    if valid_utf8:  # plain ASCII: any ASCII-compatible label reads it the same
        return candidates[0] if candidates[0] not in ("utf-16-le", "utf-16-be", "utf-16") else "utf-8"
    best, best_score = candidates[0], None
    for candidate in candidates:
        if candidate == "utf-8":
            continue
        score = _score(sample.decode(candidate, errors="replace"))
        if best_score is None or score > best_score:
            best, best_score = candidate, score
    return best


class CharsetMiddleware:
    """Sets the encoding `choose_encoding` picks on HTML responses."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if not isinstance(response, TextResponse) or not response.body:
            return response
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1")
        if not isinstance(response, HtmlResponse) and "html" not in content_type.lower():
            return response
        header = header_charset(content_type)
        chosen = choose_encoding(response.body, header, meta_charset(response.body))
        current = codec_name(response.encoding)
        if chosen == current:
            return response
        self.crawler.stats.inc_value(f"crawler/charset/{current}->{chosen}")
        return response.replace(encoding=chosen)


__all__ = ["CharsetMiddleware", "choose_encoding", "header_charset", "meta_charset"]
