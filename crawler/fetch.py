"""Fetching outside Scrapy, for `crawler extract URL`, `crawler check --live` and `crawler sites --suggest`.

The same manners and limits as the crawl:

- the project's User-Agent (`crawler.settings.USER_AGENT`), and robots.txt obeyed with the crawl's parser
  (Protego); a robots.txt that cannot be read allows everything, as in the crawl;
- the crawl's target check (`crawler.middlewares.targets`): no private, loopback, link-local, multicast,
  reserved or unspecified address, in any spelling of an IP literal, as a local name, or among the addresses
  a name resolves to. The connection goes to an address that was checked, so a second DNS answer cannot
  differ from the first;
- redirects are followed only to the site's own hosts (the URL's host and the domains the caller names, their
  `www.` forms and subdomains), over http(s), each target checked again, at most `MAX_REDIRECTS`, never in a
  loop; with `domains` given, the first URL must be on them too;
- the body is capped at `DOWNLOAD_MAXSIZE` (also decompressed, should a server compress unasked), and the
  whole request, redirects included, at `DOWNLOAD_TIMEOUT` seconds;
- the encoding is decided from the bytes as the crawl's `CharsetMiddleware` decides it: a `Page` carries
  the bytes and that encoding, which extraction takes as they are.

Built on `http.client` (no new dependency): urllib resolves the name again when it connects, follows
redirects before a handler sees the address they lead to, and honours proxy variables, under which no
address check would mean anything. There is no proxy support for that reason.

Every failure is a `FetchError`: a one-line message and the exit code the commands end with (`EXIT_*`).
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

from protego import Protego  # the crawl's robots.txt parser (Scrapy's default), installed with Scrapy

from crawler.extract import meta_charset
from crawler.middlewares.charset import choose_encoding, header_charset
from crawler.middlewares.targets import check_answer, check_url, parse_ip
from crawler.settings import DOWNLOAD_MAXSIZE, DOWNLOAD_TIMEOUT, USER_AGENT

MAX_REDIRECTS = 20
"""As the crawl (Scrapy's `REDIRECT_MAX_TIMES`)."""
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_SAFE = "/%:@!$&'()*+,;=-._~?"  # what a path or query keeps unquoted: only spaces and non-ASCII are escaped

EXIT_NO_FILE = 3
"""A file to read is missing or unreadable."""
EXIT_UNREACHABLE = 4
"""The name does not resolve, the connection is refused or reset, TLS fails, or the time is up."""
EXIT_HTTP_CLIENT = 5
"""An HTTP 4xx (403, 404, 410, …) or another status that is neither success nor redirect."""
EXIT_HTTP_SERVER = 6
"""An HTTP 5xx."""
EXIT_PRIVATE = 7
"""The URL, a redirect or a DNS answer points at a private, loopback, link-local or reserved address."""
EXIT_REFUSED = 8
"""A redirect off the site, to another scheme, in a loop or one too many; a URL off the site's domains (when
the caller names them) or not http(s)."""
EXIT_TOO_LARGE = 9
"""The body is larger than the cap."""
EXIT_ROBOTS = 10
"""robots.txt disallows the URL to our User-Agent."""


class FetchError(Exception):
    """A fetch that failed; `str()` is the one line to print, `code` the exit code."""

    code = EXIT_UNREACHABLE

    def __init__(self, url: str, reason: str, *, redirected: bool = False) -> None:
        super().__init__(url, reason)
        self.url = url
        self.reason = reason
        self.redirected = redirected
        """Whether it happened after a redirect (the URL asked for was not refused itself)."""

    def __str__(self) -> str:
        return f"{self.url}: {self.reason}" if self.url else self.reason


class Unreachable(FetchError):
    code = EXIT_UNREACHABLE


class HTTPStatusError(FetchError):
    def __init__(self, url: str, status: int, reason: str = "") -> None:
        super().__init__(url, f"HTTP {status}" + (f" {reason}" if reason else ""))
        self.status = status
        self.code = EXIT_HTTP_SERVER if status >= 500 else EXIT_HTTP_CLIENT


class PrivateTarget(FetchError):
    code = EXIT_PRIVATE


class RedirectRefused(FetchError):
    code = EXIT_REFUSED


class TooLarge(FetchError):
    code = EXIT_TOO_LARGE


class RobotsDisallowed(FetchError):
    code = EXIT_ROBOTS


@dataclass(frozen=True)
class Page:
    """One response: the URL it came from (after redirects), its status, body, and the encoding to read it in."""

    url: str
    status: int
    body: bytes
    encoding: str
    content_type: str = ""

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


Resolver = Callable[[str, int], list[str]]
"""(host, port) in, the addresses to connect to out; raises `Unreachable` or `PrivateTarget`."""


def resolve_public(host: str, port: int) -> list[str]:
    """The addresses `host` resolves to, when every one of them is public (`check_answer`, as the crawl)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise Unreachable("", f"cannot resolve {host}: {getattr(exc, 'strerror', None) or exc}") from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    refusal = check_answer(host, addresses)
    if refusal is not None:
        raise PrivateTarget("", refusal.reason)
    if not addresses:
        raise Unreachable("", f"cannot resolve {host}: no address")
    return addresses


def tls_context() -> ssl.SSLContext:
    """Verified TLS; legacy renegotiation allowed, which some portals still need (as the crawl allows it)."""
    context = ssl.create_default_context()
    context.options |= getattr(ssl, "OP_LEGACY_SERVER_CONNECT", 0x4)
    return context


class Fetcher:
    """GETs URLs under the crawl's rules (see the module); keeps each origin's robots.txt once read."""

    def __init__(
        self,
        *,
        domains: Iterable[str] = (),
        robots: bool = True,
        check_targets: bool = True,
        user_agent: str = USER_AGENT,
        max_bytes: int = DOWNLOAD_MAXSIZE,
        timeout: float = DOWNLOAD_TIMEOUT,
        max_redirects: int = MAX_REDIRECTS,
        resolve: Resolver | None = None,
    ) -> None:
        """`domains`: where redirects may go besides the first URL's own host. `check_targets=False` and
        `robots=False` only for a replica the operator runs (its URLs are rewritten, its address loopback)."""
        self.domains = tuple(d.lower() for d in domains)
        self.robots = robots
        self.check_targets = check_targets
        self.user_agent = user_agent
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.max_redirects = max_redirects
        self.resolve = resolve or resolve_public
        self.context = tls_context()
        self._rules: dict[str, Protego | None] = {}

    def page(self, url: str) -> Page:
        """A successful (2xx) page; `HTTPStatusError` for any other final status."""
        page = self.get(url)
        if not page.ok:
            raise HTTPStatusError(url, page.status)
        return page

    def get(self, url: str) -> Page:
        """The final response to `url`, whatever its status; `FetchError` when there is none to give."""
        self._check(url, url, self.domains or None)  # before anything is sent, robots.txt included
        if self.robots:
            self._obey_robots(url)
        return self._follow(url)

    # -- redirects and targets -------------------------------------------------------------------------

    def _follow(self, url: str) -> Page:
        deadline = time.monotonic() + self.timeout
        self._check(url, url, self.domains or None)
        domains = (*self.domains, (urlsplit(url).hostname or "").lower())
        chain = [url]
        while True:
            current = chain[-1]
            try:
                location, page = self._request(current, deadline)
            except FetchError as exc:
                exc.redirected = exc.redirected or len(chain) > 1
                raise
            if page is not None:
                return page
            target = urljoin(current, location).split("#", 1)[0]
            if len(chain) > self.max_redirects:
                raise RedirectRefused(url, f"more than {self.max_redirects} redirects")
            if target in chain:
                raise RedirectRefused(url, f"redirect loop: {current} goes back to {target}")
            self._check(url, target, domains)
            if self.robots:
                self._obey_robots(target)
            chain.append(target)

    def _check(self, url: str, target: str, domains: Sequence[str] | None) -> None:
        """The crawl's check (`check_url`) of `target`, reached from `url`: http(s), on `domains` (None: any
        host), no private address or local name. Unchecked targets (a replica) still stay on `domains`."""
        refusal = check_url(target, domains)
        if refusal is None or (refusal.problem == "private" and not self.check_targets):
            return
        error = PrivateTarget if refusal.problem == "private" else RedirectRefused
        what = "" if target == url else f"redirect to {target} refused: "
        raise error(url, what + refusal.reason, redirected=target != url)

    def _addresses(self, host: str, port: int) -> list[str]:
        address = parse_ip(host)
        if address is not None:  # a literal: checked already (or checks are off)
            return [str(address)]
        if not self.check_targets:
            return [host]
        return self.resolve(host, port)

    # -- one request -----------------------------------------------------------------------------------

    def _request(self, url: str, deadline: float) -> tuple[str, Page | None]:
        """(Location, None) for a redirect to follow; ("", the page) otherwise."""
        parts = urlsplit(url)
        try:
            host = (parts.hostname or "").lower().encode("idna").decode("ascii")
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except (UnicodeError, ValueError):
            raise Unreachable(url, "the host or port cannot be read") from None
        try:
            addresses = self._addresses(host, port)
        except FetchError as exc:
            exc.url = url
            raise
        remaining = _remaining(url, deadline)
        if parts.scheme == "https":
            connection: _PinnedConnection = _PinnedTLSConnection(
                host, port, addresses, remaining, self.context
            )
        else:
            connection = _PinnedConnection(host, port, addresses, remaining)
        path = quote(parts.path or "/", safe=_SAFE) + (
            f"?{quote(parts.query, safe=_SAFE)}" if parts.query else ""
        )
        headers = {"User-Agent": self.user_agent, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
        try:
            connection.request("GET", path, headers=headers)  # http.client adds Accept-Encoding: identity
            response = connection.getresponse()
            location = response.getheader("Location")
            if response.status in REDIRECT_STATUSES and location:
                return location.strip(), None
            body = self._read(url, response, connection, deadline)
        except TimeoutError:
            raise Unreachable(url, f"timed out after {self.timeout:g} s") from None
        except ConnectionRefusedError:
            raise Unreachable(url, "connection refused") from None
        except ssl.SSLError as exc:
            raise Unreachable(url, f"TLS failed: {exc.reason or exc}") from None
        except (OSError, http.client.HTTPException) as exc:
            raise Unreachable(url, f"{type(exc).__name__}: {exc}".rstrip(": ")) from None
        finally:
            connection.close()
        content_type = response.getheader("Content-Type") or ""
        encoding = choose_encoding(body, header_charset(content_type), meta_charset(body))
        return "", Page(url, response.status, body, encoding, content_type)

    def _read(
        self,
        url: str,
        response: http.client.HTTPResponse,
        connection: _PinnedConnection,
        deadline: float,
    ) -> bytes:
        """The body, within the size cap and the deadline; decompressed (capped) if the server compressed it."""
        cap = self.max_bytes
        length = response.getheader("Content-Length") or ""
        if length.strip().isdigit() and int(length) > cap:
            raise TooLarge(url, f"{int(length)} bytes announced, more than the {cap}-byte cap")
        chunks: list[bytes] = []
        size = 0
        while True:
            if connection.raw is not None:
                connection.raw.settimeout(_remaining(url, deadline))
            chunk = response.read1(min(64 * 1024, cap + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > cap:
                raise TooLarge(url, f"the body is larger than the {cap}-byte cap")
        body = b"".join(chunks)
        coding = (response.getheader("Content-Encoding") or "").strip().lower()
        if coding in ("gzip", "x-gzip", "deflate"):
            body = _decompress(url, body, coding, cap)
        return body

    # -- robots.txt ------------------------------------------------------------------------------------

    def _obey_robots(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.path == "/robots.txt":
            return
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._rules:
            self._rules[origin] = self._read_robots(origin)
        rules = self._rules[origin]
        if rules is not None and not rules.can_fetch(url, self.user_agent):
            raise RobotsDisallowed(url, f"robots.txt of {parts.hostname} disallows it to {self.user_agent}")

    def _read_robots(self, origin: str) -> Protego | None:
        """The origin's rules; None (everything allowed, as in the crawl) when robots.txt cannot be read."""
        try:
            page = self._follow(f"{origin}/robots.txt")
        except FetchError:
            return None
        if not page.ok:
            return None
        return Protego.parse(page.body.decode("utf-8", errors="replace"))


class _PinnedConnection(http.client.HTTPConnection):
    """Connects to one of the addresses given, in order; never resolves the name again."""

    def __init__(self, host: str, port: int, addresses: Sequence[str], timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.addresses = list(addresses)
        self.raw: socket.socket | None = None

    def _open(self) -> socket.socket:
        last: OSError = OSError(f"no address for {self.host}")
        for address in self.addresses:
            try:
                return socket.create_connection((address, self.port), self.timeout)
            except OSError as exc:
                last = exc
        raise last

    def connect(self) -> None:
        self.sock = self.raw = self._open()


class _PinnedTLSConnection(_PinnedConnection):
    default_port = 443

    def __init__(
        self, host: str, port: int, addresses: Sequence[str], timeout: float, context: ssl.SSLContext
    ) -> None:
        super().__init__(host, port, addresses, timeout)
        self.context = context

    def connect(self) -> None:
        self.sock = self.raw = self.context.wrap_socket(self._open(), server_hostname=self.host)


def _remaining(url: str, deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise Unreachable(url, "timed out")
    return left


def _decompress(url: str, body: bytes, coding: str, cap: int) -> bytes:
    wbits = 16 + zlib.MAX_WBITS if coding != "deflate" else zlib.MAX_WBITS
    try:
        inflater = zlib.decompressobj(wbits)
        out = inflater.decompress(body, cap + 1)
    except zlib.error:
        if coding != "deflate":
            raise Unreachable(url, "the gzip body is corrupt") from None
        try:  # "deflate" is raw deflate on some servers
            inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            out = inflater.decompress(body, cap + 1)
        except zlib.error:
            raise Unreachable(url, "the deflate body is corrupt") from None
    if len(out) > cap or inflater.unconsumed_tail:
        raise TooLarge(url, f"the body decompresses to more than the {cap}-byte cap")
    return out


__all__ = [
    "EXIT_HTTP_CLIENT",
    "EXIT_HTTP_SERVER",
    "EXIT_NO_FILE",
    "EXIT_PRIVATE",
    "EXIT_REFUSED",
    "EXIT_ROBOTS",
    "EXIT_TOO_LARGE",
    "EXIT_UNREACHABLE",
    "MAX_REDIRECTS",
    "FetchError",
    "Fetcher",
    "HTTPStatusError",
    "Page",
    "PrivateTarget",
    "RedirectRefused",
    "RobotsDisallowed",
    "TooLarge",
    "Unreachable",
    "resolve_public",
    "tls_context",
]
