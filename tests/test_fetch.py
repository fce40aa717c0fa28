"""crawler/fetch.py against local HTTP servers: the crawl's User-Agent, robots.txt, target check, redirects,
size cap, timeout and encoding, and one error class (and exit code) per way a fetch fails."""

from __future__ import annotations

import gzip
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from processes import free_port

from crawler import fetch
from crawler.fetch import (
    EXIT_HTTP_CLIENT,
    EXIT_HTTP_SERVER,
    EXIT_PRIVATE,
    EXIT_REFUSED,
    EXIT_ROBOTS,
    EXIT_TOO_LARGE,
    EXIT_UNREACHABLE,
    Fetcher,
    FetchError,
    HTTPStatusError,
    PrivateTarget,
    RedirectRefused,
    RobotsDisallowed,
    TooLarge,
    Unreachable,
)
from crawler.settings import USER_AGENT

PORTAL = "portal.test"
"""The test server's name: resolved to 127.0.0.1 by `local_resolver` only, as the replica routing does."""

Route = tuple[int, dict[str, str], bytes] | Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Server:
    """A local HTTP server: `routes` by path; every request seen is in `seen` (path, headers)."""

    port: int
    routes: dict[str, Route] = field(default_factory=dict)
    seen: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str = "/", host: str = PORTAL) -> str:
        return f"http://{host}:{self.port}{path}"

    @property
    def paths(self) -> list[str]:
        return [path for path, _ in self.seen]


def serve() -> tuple[Server, ThreadingHTTPServer]:
    state = Server(port=0)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.seen.append((self.path, dict(self.headers.items())))
            route = state.routes.get(self.path)
            if route is None:
                route = (404, {"Content-Type": "text/plain"}, b"not here")
            if callable(route):
                route(self)
                return
            status, headers, body = route
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if "Content-Length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_GET

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    state.port = int(httpd.server_address[1])
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return state, httpd


@pytest.fixture
def server() -> Iterator[Server]:
    state, httpd = serve()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


def local_resolver(host: str, port: int) -> list[str]:
    """`portal.test` (and its `www.`) is the local server; every other name does not resolve."""
    if host in (PORTAL, f"www.{PORTAL}"):
        return ["127.0.0.1"]
    raise Unreachable("", f"cannot resolve {host}")


def fetcher(**options: object) -> Fetcher:
    return Fetcher(resolve=local_resolver, **options)  # type: ignore[arg-type]


HTML = "<html><head><title>Tin tư\u0301c</title></head><body><p>Đư\u0300ơng phô\u0301 Ha\u0300 Nô\u0323i</p></body></html>"
"""Vietnamese as Windows-1258 writes it (base letters and combining tone marks)."""


def test_a_page_comes_with_the_crawls_user_agent_and_its_encoding(server: Server) -> None:
    server.routes["/a"] = (200, {"Content-Type": "text/html; charset=utf-8"}, HTML.encode("cp1258"))
    page = fetcher().page(server.url("/a"))
    assert page.status == 200 and page.body == HTML.encode("cp1258")
    assert page.encoding == "cp1258"  # the header says utf-8; the bytes say Windows-1258, as in the crawl
    assert page.body.decode(page.encoding) == HTML
    assert server.paths == ["/robots.txt", "/a"]
    assert all(headers["User-Agent"] == USER_AGENT for _, headers in server.seen)


@pytest.mark.parametrize(
    ("status", "code"), [(403, EXIT_HTTP_CLIENT), (404, EXIT_HTTP_CLIENT), (503, EXIT_HTTP_SERVER)]
)
def test_an_http_error_is_one_error_with_its_code(server: Server, status: int, code: int) -> None:
    server.routes["/x"] = (status, {}, b"no")
    with pytest.raises(HTTPStatusError) as raised:
        fetcher().page(server.url("/x"))
    assert raised.value.code == code and raised.value.status == status
    assert str(raised.value) == f"{server.url('/x')}: HTTP {status}"
    assert fetcher().get(server.url("/x")).status == status  # `get` hands the status over instead


def test_a_refused_connection_is_unreachable() -> None:
    url = f"http://{PORTAL}:{free_port()}/"
    with pytest.raises(Unreachable) as raised:
        fetcher(robots=False).get(url)
    assert raised.value.code == EXIT_UNREACHABLE
    assert str(raised.value) == f"{url}: connection refused"


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "127.1",
        "2130706433",
        "0x7f000001",
        "[::1]",
        "[::ffff:127.0.0.1]",
        "localhost",
        "10.0.0.1",
    ],
)
def test_a_private_target_is_refused_before_anything_is_sent(server: Server, host: str) -> None:
    with pytest.raises(PrivateTarget) as raised:
        Fetcher().get(server.url("/", host=host))
    assert raised.value.code == EXIT_PRIVATE and not raised.value.redirected
    assert server.seen == []


def test_a_name_resolving_to_a_private_address_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def answer(host: str, port: int, *args: object, **kwargs: object) -> list[tuple[object, ...]]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", port))]

    monkeypatch.setattr(socket, "getaddrinfo", answer)
    with pytest.raises(PrivateTarget) as raised:
        Fetcher().get("http://rebind.example.vn/")
    assert "rebind.example.vn resolves to 10.1.2.3" in str(raised.value)


def test_a_redirect_to_a_private_address_is_refused(server: Server) -> None:
    server.routes["/go"] = (302, {"Location": f"http://127.0.0.1:{server.port}/inside"}, b"")
    with pytest.raises(PrivateTarget) as raised:
        fetcher().get(server.url("/go"))
    assert raised.value.code == EXIT_PRIVATE and raised.value.redirected
    assert "redirect to http://127.0.0.1" in str(raised.value)
    assert "/inside" not in server.paths


def test_a_redirect_to_another_host_is_refused(server: Server) -> None:
    server.routes["/go"] = (301, {"Location": server.url("/there", host="other.test")}, b"")
    with pytest.raises(RedirectRefused) as raised:
        fetcher().get(server.url("/go"))
    assert raised.value.code == EXIT_REFUSED
    assert "other.test is not one of the site's domains" in str(raised.value)


def test_redirects_on_the_site_are_followed_and_bounded(server: Server) -> None:
    server.routes["/old"] = (301, {"Location": server.url("/new", host=f"www.{PORTAL}")}, b"")
    server.routes["/new"] = (200, {"Content-Type": "text/html"}, b"<html>new</html>")
    page = fetcher().page(server.url("/old"))
    assert page.url == server.url("/new", host=f"www.{PORTAL}") and page.body == b"<html>new</html>"
    server.routes["/loop"] = (302, {"Location": "/loop2"}, b"")
    server.routes["/loop2"] = (302, {"Location": "/loop"}, b"")
    with pytest.raises(RedirectRefused, match="redirect loop"):
        fetcher().get(server.url("/loop"))
    for n in range(4):
        server.routes[f"/r{n}"] = (302, {"Location": f"/r{n + 1}"}, b"")
    with pytest.raises(RedirectRefused, match="more than 3 redirects"):
        fetcher(max_redirects=3).get(server.url("/r0"))
    server.routes["/ftp"] = (302, {"Location": "ftp://portal.test/x"}, b"")
    with pytest.raises(RedirectRefused, match="scheme 'ftp'"):
        fetcher().get(server.url("/ftp"))


def test_an_oversized_body_is_cut_short(server: Server) -> None:
    server.routes["/big"] = (200, {}, b"x" * 5000)
    with pytest.raises(TooLarge) as raised:
        fetcher(max_bytes=1000).get(server.url("/big"))
    assert raised.value.code == EXIT_TOO_LARGE and "5000 bytes announced" in str(raised.value)

    def unannounced(handler: BaseHTTPRequestHandler) -> None:  # no Content-Length: the body ends at close
        handler.send_response(200)
        handler.send_header("Connection", "close")
        handler.end_headers()
        for _ in range(50):
            handler.wfile.write(b"y" * 1000)

    server.routes["/stream"] = unannounced
    with pytest.raises(TooLarge, match="larger than the 1000-byte cap"):
        fetcher(max_bytes=1000).get(server.url("/stream"))
    bomb = gzip.compress(b"z" * 100_000)
    server.routes["/bomb"] = (200, {"Content-Encoding": "gzip"}, bomb)
    with pytest.raises(TooLarge, match="decompresses to more"):
        fetcher(max_bytes=10_000).get(server.url("/bomb"))
    assert fetcher(max_bytes=1000).get(server.url("/")).status == 404  # a small body is fine


def test_robots_txt_is_obeyed(server: Server) -> None:
    robots = f"User-agent: *\nDisallow: /private/\n\nUser-agent: {USER_AGENT.split('/')[0]}\nDisallow: /no/\n"
    server.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, robots.encode())
    server.routes["/yes"] = (200, {}, b"ok")
    with pytest.raises(RobotsDisallowed) as raised:
        fetcher().get(server.url("/no/page"))
    assert raised.value.code == EXIT_ROBOTS and "robots.txt of portal.test disallows" in str(raised.value)
    ours = fetcher()
    assert ours.get(server.url("/yes")).body == b"ok"
    assert ours.get(server.url("/yes")).body == b"ok"
    assert server.paths.count("/robots.txt") == 2  # once per fetcher, not per request
    assert "/no/page" not in server.paths
    server.routes["/go"] = (302, {"Location": "/no/there"}, b"")
    with pytest.raises(RobotsDisallowed):  # a redirect's target is asked of robots.txt too
        fetcher().get(server.url("/go"))
    assert "/no/there" not in server.paths
    assert fetcher(robots=False).get(server.url("/no/page")).status == 404


def test_an_unreadable_robots_txt_allows_everything(server: Server) -> None:
    server.routes["/robots.txt"] = (500, {}, b"Disallow: /")
    server.routes["/a"] = (200, {}, b"ok")
    assert fetcher().page(server.url("/a")).body == b"ok"


def test_the_whole_request_has_a_deadline(server: Server) -> None:
    def drip(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", "100")
        handler.end_headers()
        try:
            for _ in range(100):
                handler.wfile.write(b"d")
                handler.wfile.flush()
                time.sleep(0.05)
        except OSError:  # the client gave up, as it should
            pass

    server.routes["/slow"] = drip
    started = time.monotonic()
    with pytest.raises(Unreachable, match="timed out"):
        fetcher(robots=False, timeout=0.5).get(server.url("/slow"))
    assert time.monotonic() - started < 2


def test_every_fetch_error_is_one_line_with_a_distinct_code() -> None:
    classes = [fetch.Unreachable, fetch.PrivateTarget, fetch.RedirectRefused, fetch.TooLarge]
    codes = {cls.code for cls in classes} | {fetch.RobotsDisallowed.code, fetch.EXIT_NO_FILE}
    codes |= {HTTPStatusError("u", 403).code, HTTPStatusError("u", 500).code}
    assert len(codes) == 8 and not codes & {0, 1, 2}
    assert "\n" not in str(FetchError("http://x/", "reason"))


def test_check_live_fetches_under_the_same_rules() -> None:
    from crawler.monitor.site_check import check_site, live_fetch
    from crawler.sites import get_site

    site = get_site("baoapbac")
    live = live_fetch(site)
    with pytest.raises(RedirectRefused, match="not one of the site's domains"):
        live("https://example.com/")  # refused before anything is sent: no network needed
    with pytest.raises(PrivateTarget):
        live("http://127.0.0.1/")

    def refusing(url: str) -> tuple[int, bytes]:
        raise RobotsDisallowed(url, "robots.txt of baoapbac.vn disallows it")

    report = check_site(site, refusing, pages=1)
    assert report.exit_code == 2
    assert report.errors[0] == f"{site.absolute('/')}: robots.txt of baoapbac.vn disallows it"
