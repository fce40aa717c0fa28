"""Faults the replica can inject, switchable per site and per URL prefix: how a flaky or hostile portal answers.

    replica.faults.add("status", site="baoapbac", prefix="/xa-hoi/", per_url=2, status=503)
    replica.faults.add("retry_after", url="https://baoapbac.vn/", times=3, seconds=1)
    replica.faults.add("bomb", url="https://baoapbac.vn/xa-hoi/202611/bom-1/")

A fault matches a request whose host is one of the site's hosts (or the URL's host) and whose path with query
starts with `prefix` (or the URL's path). `times` bounds how many requests it answers in all, `per_url` how
many per distinct URL (then that URL is answered normally: a burst); neither means every request.

Kinds (`KINDS`) and their options:

- `status` (`status`=503, `body`): an error answer instead of the page; `retry_after` (`seconds`=1): 429 with
  `Retry-After`.
- `slow` (`delay`=1.0): the page, after `delay` seconds; `timeout` (`delay`=30.0): nothing for `delay`
  seconds, then the connection closes; `reset`: the connection is reset (TCP RST) before any answer;
  `truncated` (`keep`=0.5): `Content-Length` of the whole page, a part of it sent, then the connection closes.
- `charset` (`mode`): the page in Windows-1258 (Vietnamese tone marks as combining characters), with
  `mode="declared"` (header and meta say windows-1258), `"missing"` (no charset anywhere), `"header-utf8"`
  (the header says UTF-8, the meta windows-1258), or `"header-latin1"` (a UTF-8 page whose header says
  ISO-8859-1 while its meta says UTF-8).
- `nfd`: the page's text in Unicode NFD; `roots`: several `<html>` roots in one document; `malformed`: broken
  markup (stray and unclosed tags, bare `&` and `<`, control characters).
- `content_type` (`type`="application/pdf", `body`): a non-HTML answer.
- `redirect` (`location`, `status`=302): a redirect anywhere (off the site, to private or loopback
  addresses); `redirect_loop`: each answer redirects to the next of two URLs, forever.
- `calendar_trap`: listing pages gain a "next" link into an endless calendar (`/lich/<date>/`, each day links
  the day before); `pagination_trap`: listing pages gain a "next" link to `?page=N+1`, endlessly.
- `huge` (`size`=50 MiB, `chunked`=False): an HTML page of `size` bytes, streamed (with `chunked`, no
  `Content-Length`: the end of the body is the end of the connection).
- `bomb` (`size`=1 GiB, `content_encoding`=True): a gzip `Content-Encoding` body of about size/1000 bytes
  that inflates to `size` (without `content_encoding`: a gzip file, as a `.xml.gz` sitemap is served).
- `robots` (`disallow`="/"): robots.txt also disallows these path prefixes (comma separated).
- `nested_json_ld` (`depth`=990): HTML pages gain, first in their head, a JSON-LD script of `depth` nested
  arrays (deeper than Python's recursion limit allows json to decode).
- `announce` (`targets`: URLs): a hostile portal announcing other hosts (off-site, private, loopback): the
  sitemap index names each target as a child sitemap, urlsets as a `<loc>` entry, feeds as an item's link,
  HTML pages as a feed (`<link rel="alternate" type="application/rss+xml">`), robots.txt as a `Sitemap:`.
- `sitemap_flood` (`children`=5, `urls`=200,000, `delay`=0): the sitemap index gains `children` child
  sitemaps (`/sitemaps/flood-<k>.xml`), each a urlset of `urls` article-shaped URLs the portal does not have
  (`flood_url`), streamed after `delay` seconds as it is generated: a million URLs, never one string.
- `tiny_tags` (`size`=15 MiB): the page is `size` bytes of tiny tags (`<b>x</b>`, two million of them), streamed.

The replica (`state.py`) asks `FaultPlan.take` for each request and `FaultPlan.answer` builds the answer; most
answers are ordinary `Page`s, the ones that need the socket (delays, resets, truncation, streams) are
`FaultyPage`s that the server (`server.py`) delivers with `deliver`.
"""

from __future__ import annotations

import re
import socket
import struct
import threading
import time
import unicodedata
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from http.server import BaseHTTPRequestHandler
from typing import Any, Protocol
from urllib.parse import parse_qs, urlencode, urlsplit
from xml.sax.saxutils import escape as xml_escape

from replica.model import HTML, TEXT, Page

KINDS: frozenset[str] = frozenset(
    {
        "status",
        "retry_after",
        "slow",
        "timeout",
        "reset",
        "truncated",
        "charset",
        "nfd",
        "roots",
        "malformed",
        "content_type",
        "redirect",
        "redirect_loop",
        "calendar_trap",
        "pagination_trap",
        "huge",
        "bomb",
        "robots",
        "nested_json_ld",
        "announce",
        "sitemap_flood",
        "tiny_tags",
    }
)
CHARSET_MODES = ("declared", "missing", "header-utf8", "header-latin1")
MIB = 1024 * 1024
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_META_CHARSET = re.compile(r"""<meta[^>]*charset\s*=\s*["']?[A-Za-z0-9_.:-]+["']?[^>]*>""", re.IGNORECASE)
_BODY_OPEN = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
_HEAD_OPEN = re.compile(r"<head\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FaultyPage(Page):
    """A page the server must deliver in a special way: after a delay, cut short, reset, or streamed."""

    delay: float = 0.0
    action: str = "send"
    """`send` (the page, after `delay`), `reset`, `close` (nothing, after `delay`), `truncate`, `stream`."""
    keep: int = 0
    """`truncate`: the bytes of the body sent before closing (Content-Length says all of them)."""
    stream: Callable[[], Iterator[bytes]] | None = None
    """`stream`: the body's chunks; `length` the Content-Length, or None to end the body by closing."""
    length: int | None = None


@dataclass
class Fault:
    """One injected fault: which requests it answers and how."""

    kind: str
    hosts: frozenset[str]
    prefix: str
    times: int | None = None
    per_url: int | None = None
    options: dict[str, Any] = field(default_factory=dict)
    served: int = 0
    by_url: dict[str, int] = field(default_factory=dict)

    def matches(self, host: str, target: str) -> bool:
        return host in self.hosts and target.startswith(self.prefix)

    def take(self, target: str) -> bool:
        """Whether the fault answers this request (and count it if so)."""
        if self.times is not None and self.served >= self.times:
            return False
        if self.per_url is not None:
            seen = self.by_url.get(target, 0)
            if seen >= self.per_url:
                return False
            self.by_url[target] = seen + 1
        self.served += 1
        return True


class _HostsOf(Protocol):
    def __call__(self, site_key: str) -> list[str]: ...


def _host(name: str | None) -> str:
    return (name or "").strip().lower().split(":", 1)[0].removeprefix("www.")


class FaultPlan:
    """The faults in force; thread-safe. `hosts_of(site_key)` names the hosts a site is served on."""

    def __init__(self, hosts_of: _HostsOf) -> None:
        self._hosts_of = hosts_of
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def add(
        self,
        kind: str,
        *,
        site: str | None = None,
        url: str | None = None,
        prefix: str | None = None,
        times: int | None = None,
        per_url: int | None = None,
        **options: Any,
    ) -> Fault:
        """Inject a fault on a site (every host it is served on) or a URL's host, for paths starting with
        `prefix` (default: the URL's path and query, else `/`)."""
        if kind not in KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; known: {', '.join(sorted(KINDS))}")
        if (site is None) == (url is None):
            raise ValueError("name exactly one of site= or url= for a fault")
        if kind == "charset" and options.get("mode", "declared") not in CHARSET_MODES:
            raise ValueError(f"charset mode must be one of {CHARSET_MODES}")
        if site is not None:
            hosts = frozenset(_host(h) for h in self._hosts_of(site))
            start = prefix or "/"
        else:
            assert url is not None
            parts = urlsplit(url if "://" in url else f"https://{url}")
            hosts = frozenset({_host(parts.hostname)})
            start = prefix or ((parts.path or "/") + (f"?{parts.query}" if parts.query else ""))
        fault = Fault(kind, hosts, start, times, per_url, dict(options))
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._faults)

    def take(self, host: str, target: str) -> Fault | None:
        """The first fault that answers this request (host, path with query), counted; None: answer it
        normally."""
        with self._lock:
            for fault in self._faults:
                if fault.matches(host, target) and fault.take(target):
                    return fault
        return None


# --------------------------------------------------------------------------------------------- answers


def answer(fault: Fault, host: str, target: str, normal: Callable[[], Page]) -> Page:
    """The answer to a request the fault took; `normal()` renders the page the portal would have served."""
    instead = _instead(fault, host, target, normal)
    if instead is not None:
        return instead
    page = normal()
    around = _around(fault, page)
    if around is not None:
        return around
    if page.status != 200:
        return page
    rewritten = _rewritten(fault, page, host)
    if rewritten is not None:
        return rewritten
    if not page.content_type.startswith("text/html"):
        return page
    return _rewritten_html(fault, page, page.body.decode("utf-8"), target) or page


def _instead(fault: Fault, host: str, target: str, normal: Callable[[], Page]) -> Page | None:
    """An answer in place of the page: a status, a reset, a redirect, junk, a trap's own pages."""
    o = fault.options
    kind = fault.kind
    if kind == "status":
        status = int(o.get("status", 503))
        body = str(o.get("body", f"{status} injected by the replica\n")).encode()
        return Page(status, TEXT, body)
    if kind == "retry_after":
        return Page(429, TEXT, b"429 too many requests\n", (("Retry-After", str(o.get("seconds", 1))),))
    if kind == "reset":
        return FaultyPage(0, TEXT, b"", action="reset")
    if kind == "timeout":
        return FaultyPage(0, TEXT, b"", action="close", delay=float(o.get("delay", 30.0)))
    if kind == "redirect":
        location = str(o["location"])
        return Page(int(o.get("status", 302)), TEXT, b"", (("Location", location),))
    if kind == "redirect_loop":
        return _redirect_loop(host, target)
    if kind == "content_type":
        body = o.get("body", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")
        return Page(200, str(o.get("type", "application/pdf")), bytes(body))
    if kind == "huge":
        return _huge(int(o.get("size", 50 * MIB)), bool(o.get("chunked", False)))
    if kind == "bomb":
        bomb = gzip_bomb(int(o.get("size", 1024 * MIB)))
        if not o.get(
            "content_encoding", True
        ):  # a `.gz` file, as sitemaps are served: the reader inflates it
            return Page(200, "application/x-gzip", bomb)
        return Page(200, HTML, bomb, (("Content-Encoding", "gzip"),))
    if kind == "tiny_tags":
        return _tiny_tags(int(o.get("size", 15 * MIB)))
    if kind == "sitemap_flood" and target.startswith(FLOOD_PATH):
        return _flood_urlset(host, target, int(o.get("urls", 200_000)), float(o.get("delay", 0.0)))
    if kind == "calendar_trap" and target.startswith("/lich/"):
        return _calendar_page(target)
    if kind == "pagination_trap" and "trap_page=" in target:
        return _pagination_page(target, normal)

    return None


def _around(fault: Fault, page: Page) -> Page | None:
    """The page delivered slowly or cut short."""
    o = fault.options
    kind = fault.kind
    if kind == "slow":
        return FaultyPage(
            page.status, page.content_type, page.body, page.headers, delay=float(o.get("delay", 1))
        )
    if kind == "truncated":
        keep = max(1, int(len(page.body) * float(o.get("keep", 0.5))))
        return FaultyPage(
            page.status, page.content_type, page.body, page.headers, action="truncate", keep=keep
        )
    return None


def _rewritten(fault: Fault, page: Page, host: str) -> Page | None:
    """robots.txt or a sitemap index with more in it."""
    o = fault.options
    kind = fault.kind
    if kind == "robots":
        extra = "".join(
            f"Disallow: {p.strip()}\n" for p in str(o.get("disallow", "/")).split(",") if p.strip()
        )
        text = page.body.decode("utf-8")
        text = text.replace("User-agent: *\n", "User-agent: *\n" + extra, 1)
        return Page(200, page.content_type, text.encode("utf-8"), page.headers)
    if kind == "announce":
        return _announce(page, [str(t) for t in o.get("targets", ())])
    if kind == "sitemap_flood":
        targets = [f"https://{host}{FLOOD_PATH}{k}.xml" for k in range(int(o.get("children", 5)))]
        return _announce(page, targets) if b"</sitemapindex>" in page.body else page
    return None


def _rewritten_html(fault: Fault, page: Page, html: str, target: str) -> Page | None:
    """An HTML page re-encoded, mangled or given a trap's link."""
    o = fault.options
    kind = fault.kind
    if kind == "charset":
        return _recharset(page, html, str(o.get("mode", "declared")))
    if kind == "nfd":
        return Page(200, page.content_type, unicodedata.normalize("NFD", html).encode("utf-8"), page.headers)
    if kind == "roots":
        return Page(200, page.content_type, several_roots(html).encode("utf-8"), page.headers)
    if kind == "malformed":
        return Page(200, page.content_type, malform(html).encode("utf-8"), page.headers)
    if kind == "nested_json_ld":
        return Page(
            200, page.content_type, nested_json_ld(html, int(o.get("depth", 990))).encode(), page.headers
        )
    if kind == "calendar_trap":
        today = date.today().isoformat()
        return _with_next_link(page, html, f"/lich/{today}/")
    if kind == "pagination_trap":
        query = urlsplit(target).query
        number = int((parse_qs(query).get("trap_page") or ["1"])[0])
        path = urlsplit(target).path
        return _with_next_link(page, html, f"{path}?{urlencode({'trap_page': number + 1})}")
    return None


def _redirect_loop(host: str, target: str) -> Page:
    parts = urlsplit(target)
    query = parse_qs(parts.query)
    hop = int((query.pop("loop", None) or ["0"])[0])
    rest = urlencode({k: v[0] for k, v in query.items()})
    nxt = f"loop={(hop + 1) % 2}"
    location = f"https://{host}{parts.path}?{rest + '&' if rest else ''}{nxt}"
    return Page(302, TEXT, b"", (("Location", location),))


def _announce(page: Page, targets: list[str]) -> Page:
    """The page with every target announced where its kind of document announces other URLs."""
    text = page.body.decode("utf-8", errors="replace")
    ref = [xml_escape(t, {'"': "&quot;"}) for t in targets]
    if "</sitemapindex>" in text:
        extra, before = "".join(f"<sitemap><loc>{t}</loc></sitemap>" for t in ref), "</sitemapindex>"
    elif "</urlset>" in text:
        extra, before = "".join(f"<url><loc>{t}</loc></url>" for t in ref), "</urlset>"
    elif "</channel>" in text:
        extra = "".join(f"<item><title>Tin {n}</title><link>{t}</link></item>" for n, t in enumerate(ref))
        before = "</channel>"
    elif "</head>" in text:
        extra = "".join(f'<link rel="alternate" type="application/rss+xml" href="{t}">' for t in ref)
        before = "</head>"
    elif text.startswith("User-agent:"):
        extra, before = "".join(f"Sitemap: {t}\n" for t in targets), ""
    else:
        return page
    at = text.find(before) if before else len(text)
    return Page(page.status, page.content_type, (text[:at] + extra + text[at:]).encode("utf-8"), page.headers)


def _huge(size: int, chunked: bool) -> FaultyPage:
    head = '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Trang lớn</title></head><body>'.encode()
    tail = b"</body></html>"
    filler = b"<p>" + "Nội dung lặp lại rất dài. ".encode() * 40 + b"</p>\n"

    def chunks() -> Iterator[bytes]:
        yield head
        left = size - len(head) - len(tail)
        while left > 0:
            piece = filler[:left]
            left -= len(piece)
            yield piece
        yield tail

    return FaultyPage(200, HTML, b"", action="stream", stream=chunks, length=None if chunked else size)


FLOOD_PATH = "/sitemaps/flood-"
"""The child sitemaps a `sitemap_flood` index adds: `/sitemaps/flood-<k>.xml`."""
_FLOOD_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
)
_FLOOD_TAIL = b"</urlset>\n"


def flood_url(host: str, child: int, number: int) -> str:
    """The `number`th article URL of flood sitemap `child`: article-shaped (`/<slug>-a<id>.html`), every one
    the same length, none on the portal (they answer 404)."""
    return f"https://{host}/tin-ngap-{child}-a{number:09d}.html"


def _flood_urlset(host: str, target: str, urls: int, delay: float) -> Page:
    """A urlset of `urls` article URLs, generated as it is sent (never held whole), with its length."""
    raw = urlsplit(target).path.removeprefix(FLOOD_PATH).removesuffix(".xml")
    child = int(raw) if raw.isdigit() else 0
    line = len(f"<url><loc>{flood_url(host, child, 0)}</loc></url>\n")

    def chunks() -> Iterator[bytes]:
        yield _FLOOD_HEAD
        for start in range(0, urls, 2000):
            yield "".join(
                f"<url><loc>{flood_url(host, child, n)}</loc></url>\n"
                for n in range(start, min(urls, start + 2000))
            ).encode()
        yield _FLOOD_TAIL

    length = len(_FLOOD_HEAD) + urls * line + len(_FLOOD_TAIL)
    return FaultyPage(200, "application/xml", b"", action="stream", stream=chunks, length=length, delay=delay)


def _tiny_tags(size: int) -> FaultyPage:
    """An HTML page of `size` bytes made of millions of tiny tags (`<b>x</b>`), generated as it is sent."""
    head = '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Thẻ nhỏ</title></head><body>'.encode()
    tail = b"</body></html>"
    block = b"<b>x</b>" * 8192

    def chunks() -> Iterator[bytes]:
        yield head
        left = size - len(head) - len(tail)
        while left > 0:
            piece = block[:left]
            left -= len(piece)
            yield piece
        yield tail

    return FaultyPage(200, HTML, b"", action="stream", stream=chunks, length=size)


@cache
def _bomb_member() -> bytes:
    """One gzip member of `_BOMB_MEMBER` spaces (about 64 KB compressed)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b" " * MIB
    parts = [compressor.compress(block) for _ in range(_BOMB_MEMBER // MIB)]
    return b"".join(parts) + compressor.flush()


_BOMB_MEMBER = 64 * MIB


def gzip_bomb(size: int) -> bytes:
    """A gzip stream that inflates to at least `size` bytes of spaces, about size/1000 bytes long: one
    member repeated (a gzip file may hold several; every reader inflates them all, one after the other)."""
    return _bomb_member() * max(1, -(-size // _BOMB_MEMBER))


def _with_next_link(page: Page, html: str, href: str) -> Page:
    link = (
        '<div class="pagination"><ul class="pagination"><a class="next page-next pagination__next '
        f'b-pagination__next" rel="next" href="{href}">Trang sau</a></ul></div>'
    )
    match = _BODY_OPEN.search(html)
    at = match.end() if match else 0
    return Page(200, page.content_type, (html[:at] + link + html[at:]).encode("utf-8"), page.headers)


def _calendar_page(target: str) -> Page:
    raw = urlsplit(target).path.removeprefix("/lich/").strip("/")
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        day = date.today()
    before, after = day - timedelta(days=1), day + timedelta(days=1)
    body = (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Lịch {day}</title></head><body>'
        '<div class="pagination"><a class="next page-next pagination__next b-pagination__next" rel="next" '
        f'href="/lich/{before}/">Ngày trước</a></div><a href="/lich/{after}/">Ngày sau</a>'
        f"<p>Tin ngày {day}</p></body></html>"
    )
    return Page(200, HTML, body.encode("utf-8"))


def _pagination_page(target: str, normal: Callable[[], Page]) -> Page:
    page = normal()
    if page.status != 200:  # beyond the real pages: an empty listing that still links onwards
        page = Page(
            200, HTML, b'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>'
        )
    query = parse_qs(urlsplit(target).query)
    number = int((query.get("trap_page") or ["1"])[0])
    path = urlsplit(target).path
    return _with_next_link(page, page.body.decode("utf-8"), f"{path}?{urlencode({'trap_page': number + 1})}")


# ------------------------------------------------------------------------------------- text transforms


def to_cp1258(text: str) -> bytes:
    """Text in Windows-1258: letters it has precomposed (â ê ô ă ơ ư đ), tone marks as combining characters,
    anything else as a numeric character reference."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        tones = "".join(c for c in parts if c in _TONES)
        out += (base + tones).encode("cp1258", errors="xmlcharrefreplace")
    return bytes(out)


def _recharset(page: Page, html: str, mode: str) -> Page:
    headers = page.headers
    if mode == "header-latin1":
        html = _META_CHARSET.sub('<meta charset="utf-8">', html, count=1)
        return Page(200, "text/html; charset=iso-8859-1", html.encode("utf-8"), headers)
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
    if mode == "missing":
        html = _META_CHARSET.sub("", html)
        content_type = "text/html"
    else:
        html = _META_CHARSET.sub(meta, html, count=1)
        if meta not in html:
            match = _HEAD_OPEN.search(html)
            at = match.end() if match else 0
            html = html[:at] + meta + html[at:]
        content_type = (
            "text/html; charset=utf-8" if mode == "header-utf8" else "text/html; charset=windows-1258"
        )
    return Page(200, content_type, to_cp1258(html), headers)


def several_roots(html: str) -> str:
    """The document cut after its first paragraph into a second `<html>` root (as baotayninh.vn served)."""
    at = html.find("</p>")
    if at < 0:
        return html + "<html><body></body></html>"
    at += len("</p>")
    return html[:at] + "</body></html>\n<html><head></head><body>" + html[at:]


def malform(html: str) -> str:
    """Broken markup that browsers and lxml recover from: stray closing tags, unclosed and misnested tags,
    bare `&` and `<`, control characters, an attribute without quotes."""
    junk = (
        "</div></span><div class=x id=unquoted><b><i>Quảng cáo</b></i><p>Đọc thêm & xem < hơn\x01\x02<p>\x0b"
    )
    match = _BODY_OPEN.search(html)
    at = match.end() if match else 0
    html = html[:at] + junk + html[at:]
    return html.replace("</p>", "</p></td>", 3).replace("</body>", "<div><span><p>").replace("</html>", "")


def nested_json_ld(html: str, depth: int = 990) -> str:
    """The page with a JSON-LD script of `depth` nested arrays first in its head."""
    script = f'<script type="application/ld+json">{"[" * depth}{"]" * depth}</script>'
    match = _HEAD_OPEN.search(html)
    at = match.end() if match else 0
    return html[:at] + script + html[at:]


# --------------------------------------------------------------------------------------------- delivery


def deliver(handler: BaseHTTPRequestHandler, page: FaultyPage, send_body: bool) -> None:
    """Put a `FaultyPage` on the wire: wait, reset, close, cut short or stream."""
    if page.delay:
        time.sleep(page.delay)
    if page.action in ("reset", "close"):
        if page.action == "reset":  # SO_LINGER with a zero timeout: close() sends RST
            handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        handler.close_connection = True
        return
    handler.send_response(page.status)
    handler.send_header("Content-Type", page.content_type)
    for name, value in page.headers:
        handler.send_header(name, value)
    if page.action == "stream":
        if page.length is not None:
            handler.send_header("Content-Length", str(page.length))
        handler.send_header("Connection", "close")
        handler.end_headers()
        handler.close_connection = True
        if send_body and page.stream is not None:
            try:
                for chunk in page.stream():
                    handler.wfile.write(chunk)
            except OSError:  # the client gave up on the page: what it should do
                return
        return
    handler.send_header("Content-Length", str(len(page.body)))
    if page.action == "truncate":
        handler.send_header("Connection", "close")
        handler.end_headers()
        if send_body:
            handler.wfile.write(page.body[: page.keep])
            handler.wfile.flush()
        handler.close_connection = True
        return
    handler.end_headers()
    if send_body:
        handler.wfile.write(page.body)


__all__ = [
    "KINDS",
    "Fault",
    "FaultPlan",
    "FaultyPage",
    "answer",
    "deliver",
    "flood_url",
    "gzip_bomb",
    "nested_json_ld",
    "to_cp1258",
]
