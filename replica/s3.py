"""A real S3 API over HTTP for the tests and the bench: moto's server mode on 127.0.0.1, and a latency proxy.

    with fake_aws_env(), s3_server() as endpoint:        # http://127.0.0.1:PORT
        create_bucket(endpoint, "news")
        with latency_proxy(endpoint, delay_ms=50) as slow:   # the same server, 50 ms slower per request
            ...

moto keeps its buckets in process-wide memory: every server started in one process serves the same buckets,
so each test uses bucket names of its own. `require_auth` makes the server check access keys and signatures.

Run as a script (`python replica/s3.py --latency-ms 50`) it serves in its own process, prints one JSON
line `{"endpoint": ..., "proxy": ...}` and stops when its standard input closes; the bench runs it so.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import logging
import os
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

# Credentials and settings that keep boto3 away from a developer's real AWS account while a test runs.
FAKE_AWS_ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_CONFIG_FILE": os.devnull,
    "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    "AWS_EC2_METADATA_DISABLED": "true",
}
_CLEARED_AWS_ENV = (
    "AWS_PROFILE",
    "AWS_DEFAULT_PROFILE",
    "AWS_SESSION_TOKEN",
    "AWS_SECURITY_TOKEN",
    "AWS_REGION",
    "AWS_ENDPOINT_URL",
    "AWS_ENDPOINT_URL_S3",
    "AWS_ROLE_ARN",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
)


@contextlib.contextmanager
def fake_aws_env(**overrides: str) -> Iterator[None]:
    """Fake credentials (and no profile, endpoint or instance role) in os.environ until exit, then as before."""
    saved = {name: os.environ.get(name) for name in (*FAKE_AWS_ENV, *_CLEARED_AWS_ENV, *overrides)}
    try:
        for name in _CLEARED_AWS_ENV:
            os.environ.pop(name, None)
        os.environ.update(FAKE_AWS_ENV)
        os.environ.update(overrides)
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextlib.contextmanager
def s3_server() -> Iterator[str]:
    """moto's S3 API on 127.0.0.1 at a free port, for as long as the block runs; yields its endpoint URL."""
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no access log line per request
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        yield f"http://{host}:{port}"
    finally:
        server.stop()


def s3_client(endpoint: str, **kwargs: Any) -> Any:
    """A plain boto3 client of the server (path-style), for setting up and inspecting what a test wrote."""
    import boto3
    from botocore.config import Config

    return boto3.session.Session().client(
        "s3", endpoint_url=endpoint, config=Config(s3={"addressing_style": "path"}), **kwargs
    )


def create_bucket(endpoint: str, name: str) -> None:
    """Create bucket `name` (fine if it is already there)."""
    client = s3_client(endpoint)
    try:
        client.create_bucket(Bucket=name)
    except client.exceptions.BucketAlreadyOwnedByYou:
        pass
    finally:
        client.close()


def _reset_auth(endpoint: str, count: str) -> str:
    request = urllib.request.Request(
        f"{endpoint}/moto-api/reset-auth",
        data=count.encode(),
        method="POST",
        headers={"Content-Type": "text/plain"},  # not a form: moto reads the raw body
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return str(json.load(response)["PREVIOUS_INITIAL_NO_AUTH_ACTION_COUNT"])


@contextlib.contextmanager
def require_auth(endpoint: str) -> Iterator[None]:
    """Until exit, the server refuses unknown access keys and bad signatures (moto's
    INITIAL_NO_AUTH_ACTION_COUNT set to 0 through its /moto-api/reset-auth; process-wide, like its buckets).
    Only keys made through the server's IAM API are known then."""
    previous = _reset_auth(endpoint, "0")
    try:
        yield
    finally:
        _reset_auth(endpoint, previous)


# -- the latency proxy ---------------------------------------------------------------------------------

# Headers about one connection, not the message: not forwarded. `Expect: 100-continue` is answered by the
# proxy itself (http.server sends the 100) and the body is then forwarded with the request.
_HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "proxy-connection",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "expect",
    }
)
_BLOCK = 64 * 1024


class _ProxyServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 512  # many clients connect at once; the default backlog of 5 drops SYNs

    def __init__(self, upstream: str, delay_ms: float) -> None:
        parts = urlsplit(upstream)
        if parts.scheme != "http" or not parts.hostname or parts.port is None:
            raise ValueError(f"upstream must be http://host:port, not {upstream!r}")
        self.upstream_host = parts.hostname
        self.upstream_port = parts.port
        self.delay_ms = delay_ms
        super().__init__(("127.0.0.1", 0), _ProxyHandler)


class _ProxyHandler(BaseHTTPRequestHandler):
    """Sleeps, then forwards the request byte for byte (Host and Authorization untouched, so SigV4 signatures
    still match) over one kept-alive upstream connection per client connection, streaming both bodies."""

    protocol_version = "HTTP/1.1"
    server: _ProxyServer
    _upstream: http.client.HTTPConnection | None = None

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def finish(self) -> None:
        super().finish()
        if self._upstream is not None:
            self._upstream.close()

    def _copy(self, length: int, send: Callable[[bytes], None]) -> None:
        while length > 0:
            block = self.rfile.read(min(length, _BLOCK))
            if not block:
                raise ConnectionError("client closed the connection mid-body")
            send(block)
            length -= len(block)

    def _copy_chunked(self, send: Callable[[bytes], None]) -> None:
        """Forward a chunked body as it is, framing included, up to and including its last (empty) line."""
        while True:
            line = self.rfile.readline(_BLOCK)
            send(line)
            size = int(line.split(b";", 1)[0].strip() or b"0", 16)
            if size == 0:
                break
            self._copy(size + 2, send)  # the data and its CRLF
        while True:  # trailer fields, then the empty line
            line = self.rfile.readline(_BLOCK)
            send(line)
            if line in (b"\r\n", b"\n", b""):
                break

    def _forward(self) -> None:
        time.sleep(self.server.delay_ms / 1000)
        if self._upstream is None:
            self._upstream = http.client.HTTPConnection(
                self.server.upstream_host, self.server.upstream_port, timeout=60
            )
        upstream = self._upstream
        chunked = "chunked" in self.headers.get("Transfer-Encoding", "").lower()
        try:
            upstream.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
            for name, value in self.headers.items():
                if name.lower() not in _HOP_BY_HOP:
                    upstream.putheader(name, value)
            if chunked:
                upstream.putheader("Transfer-Encoding", "chunked")
            upstream.endheaders()
            if chunked:
                self._copy_chunked(upstream.send)
            else:
                self._copy(int(self.headers.get("Content-Length") or 0), upstream.send)
            response = upstream.getresponse()
        except (OSError, http.client.HTTPException) as exc:
            upstream.close()
            self.close_connection = True  # the client's body may be half read
            self.send_error(502, f"upstream: {exc}")
            return
        headers = response.getheaders()
        bodyless = self.command == "HEAD" or response.status in (204, 304) or response.status < 200
        rechunk = not bodyless and not any(name.lower() == "content-length" for name, _ in headers)
        self.send_response_only(response.status, response.reason)
        for name, value in headers:
            if name.lower() not in _HOP_BY_HOP:
                self.send_header(name, value)
        if rechunk:
            self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        while block := response.read(_BLOCK):
            self.wfile.write(b"%x\r\n%s\r\n" % (len(block), block) if rechunk else block)
        if rechunk:
            self.wfile.write(b"0\r\n\r\n")
        response.close()

    do_GET = do_HEAD = do_PUT = do_POST = do_DELETE = do_PATCH = do_OPTIONS = _forward


class LatencyProxy:
    """A threaded HTTP proxy in front of `upstream` that waits `delay_ms` before forwarding each request."""

    def __init__(self, upstream: str, delay_ms: float = 50.0) -> None:
        self._server = _ProxyServer(upstream, delay_ms)
        host, port = self._server.server_address[:2]
        self.url = f"http://{host!s}:{port}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="latency-proxy", daemon=True)

    @property
    def delay_ms(self) -> float:
        return self._server.delay_ms

    @delay_ms.setter
    def delay_ms(self, value: float) -> None:
        self._server.delay_ms = value

    def start(self) -> LatencyProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


@contextlib.contextmanager
def latency_proxy(upstream: str, delay_ms: float = 50.0) -> Iterator[str]:
    """The proxy's endpoint URL while the block runs: use it as the S3 endpoint."""
    proxy = LatencyProxy(upstream, delay_ms).start()
    try:
        yield proxy.url
    finally:
        proxy.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--latency-ms", type=float, default=0.0, help="also start a proxy this much slower")
    parser.add_argument("--bucket", action="append", default=[], help="create this bucket (repeatable)")
    args = parser.parse_args()
    with fake_aws_env(), s3_server() as endpoint, latency_proxy(endpoint, args.latency_ms) as proxy:
        for bucket in args.bucket:
            create_bucket(endpoint, bucket)
        print(json.dumps({"endpoint": endpoint, "proxy": proxy}), flush=True)
        sys.stdin.read()  # serve until the parent closes our standard input


if __name__ == "__main__":
    main()
