"""The replica over HTTP: a `ThreadingHTTPServer` on 127.0.0.1 in a daemon thread, answering from a `Replica`.

    with ReplicaServer() as replica:               # the default corpus, a free port
        url = replica.url_for("https://baoapbac.vn/xa-hoi/index.rss")
        # -> http://127.0.0.1:54321/baoapbac.vn/xa-hoi/index.rss

The crawler reaches it by rewriting `https://<host><path>?<query>` to `<base_url>/<host><path>?<query>`; a
request whose `Host` header is a registered domain, or whose target is an absolute URL (proxy style), works
too.
`python -m replica --port N` serves until Ctrl-C; `POST /_replica/advance?new=N&edited=M&seed=S` to it
publishes a night's new and corrected articles on every portal (`Replica.advance`).
"""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Sequence
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

from replica.faults import FaultyPage, deliver
from replica.model import Page, ReplicaArticle
from replica.portals import Replica


def not_modified(page: Page, if_none_match: str | None, if_modified_since: str | None) -> Page:
    """A 304 with no body where the request's validators show the client has this page (RFC 9110, 13.1):
    `If-None-Match` (weak comparison, `*` for any) decides where it is sent; otherwise `If-Modified-Since`
    against `Last-Modified`."""
    if page.status != 200:
        return page
    headers = dict(page.headers)
    if if_none_match is not None:
        etag = headers.get("ETag")
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        matches = etag is not None and ("*" in tags or etag.removeprefix("W/") in tags)
        return Page(304, page.content_type, b"", page.headers) if matches else page
    if if_modified_since is not None and "Last-Modified" in headers:
        try:
            unchanged = parsedate_to_datetime(headers["Last-Modified"]) <= parsedate_to_datetime(
                if_modified_since
            )
        except (TypeError, ValueError):
            return page
        if unchanged:
            return Page(304, page.content_type, b"", page.headers)
    return page


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "replica/1"
    replica: Replica  # set on the subclass the server builds

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def do_POST(self) -> None:
        """Only `/_replica/advance` on the index host takes a POST (`Replica.handle` answers 405 elsewhere);
        the request body, which nothing reads, is drained so that the connection can carry the next one."""
        length = self.headers.get("Content-Length")
        if length is not None and length.strip().isdigit():
            self.rfile.read(int(length))
        elif self.headers.get("Transfer-Encoding"):
            self.close_connection = True  # a chunked body is not read: do not read it as the next request
        self._answer(send_body=True)

    def _answer(self, send_body: bool) -> None:
        try:
            page = self.replica.handle(self.command, self.headers.get("Host"), self.path)
        except Exception as exc:  # a bug in rendering must show as a 500, not a dropped connection
            page = Page(500, "text/plain; charset=utf-8", f"replica error: {exc!r}\n".encode())
        if self.command in ("GET", "HEAD"):
            page = not_modified(
                page, self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
            )
        if isinstance(page, FaultyPage):  # an injected fault that needs the socket (faults.py)
            deliver(self, page, send_body)
            return
        self.send_response(page.status)
        self.send_header("Content-Type", page.content_type)
        self.send_header("Content-Length", str(len(page.body)))
        for name, value in page.headers:
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(page.body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the replica keeps its own request log."""


class _Server(ThreadingHTTPServer):
    request_queue_size = 256
    """The listen backlog. socketserver's default of 5 overflows when a crawl of every portal opens its first
    connections at once: the kernel drops the surplus SYNs, and a request waits out a retransmission or the
    download timeout before it is retried (an extra request a real portal's backlog would not cause)."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that went away mid-answer (a crawler refusing a 50 MB page, a fault's reset) is no error."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class ReplicaServer:
    """A `Replica` served on 127.0.0.1; `port=0` picks a free port. Start with `start()` or `with`."""

    def __init__(self, replica: Replica | None = None, host: str = "127.0.0.1", port: int = 0) -> None:
        if replica is None:
            from replica import build_replica

            replica = build_replica()
        self.replica = replica
        self._host = host
        self._port = port
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- life cycle -----------------------------------------------------------------------------------------
    def start(self) -> ReplicaServer:
        if self._httpd is not None:
            return self
        handler = type("ReplicaHandler", (_Handler,), {"replica": self.replica})
        httpd = _Server((self._host, self._port), handler)
        httpd.daemon_threads = True
        self._httpd = httpd
        self._thread = threading.Thread(target=httpd.serve_forever, name=f"replica:{self.port}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        httpd, thread = self._httpd, self._thread
        self._httpd = self._thread = None
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> ReplicaServer:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("the replica server is not running: call start() or use it in a with block")
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        """`http://127.0.0.1:<port>`, once started."""
        return f"http://{self._host}:{self.port}"

    def url_for(self, url: str) -> str:
        """The replica URL of a portal URL: `https://host/path?q` → `<base_url>/host/path?q`."""
        parts = urlsplit(url)
        query = f"?{parts.query}" if parts.query else ""
        return f"{self.base_url}/{parts.hostname}{parts.path or '/'}{query}"

    # --- the replica's state, for tests that hold only the server -------------------------------------------
    def articles(self, site_key: str) -> list[ReplicaArticle]:
        return self.replica.articles(site_key)

    def article(self, site_key: str, article_id: str) -> ReplicaArticle:
        return self.replica.article(site_key, article_id)

    def new_article(self, site_key: str, **fields: Any) -> ReplicaArticle:
        return self.replica.new_article(site_key, **fields)

    def add_article(self, site_key: str, article: ReplicaArticle) -> ReplicaArticle:
        return self.replica.add_article(site_key, article)

    def edit_article(self, site_key: str, article_id: str, **changes: Any) -> ReplicaArticle:
        return self.replica.edit_article(site_key, article_id, **changes)

    def remove_article(self, site_key: str, article_id: str) -> ReplicaArticle:
        return self.replica.remove_article(site_key, article_id)

    def inject_fault(self, url: str, status: int = 503, times: int | None = 1) -> None:
        self.replica.inject_fault(url, status, times)

    def clear_faults(self) -> None:
        self.replica.clear_faults()

    @property
    def request_log(self) -> list[tuple[str, str, str]]:
        return self.replica.request_log

    def clear_log(self) -> None:
        self.replica.clear_log()


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m replica --port N`: serve the default corpus until Ctrl-C."""
    parser = argparse.ArgumentParser(
        prog="crawler replica",
        description=(
            "Serve the local replica of the provincial news portals (the crawler's tests and demo crawl it)."
        ),
    )
    parser.add_argument(
        "--port", type=int, default=8765, help="port to listen on (0: any free one; default 8765)"
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    args = parser.parse_args(argv)
    try:
        server = ReplicaServer(host=args.host, port=args.port).start()
    except OSError as exc:
        print(
            f"crawler replica: cannot listen on {args.host}:{args.port}: {exc.strerror}; "
            "pick another --port (0 picks a free one)",
            file=sys.stderr,
        )
        return 2
    replica = server.replica
    total = sum(len(replica.articles(k)) for k in replica.sites)
    print(f"Replica of {len(replica.sites)} portals ({total} articles) at {server.base_url}")
    for host in replica.hosts():
        print(f"  {server.base_url}/{host}/")
    print("Rewrite https://<host><path> to the address above + /<host><path>. Ctrl-C stops.", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        print("stopping")
    finally:
        server.stop()
    return 0


__all__ = ["ReplicaServer", "main"]
