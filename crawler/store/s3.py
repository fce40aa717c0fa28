"""The `s3://bucket/prefix` store: objects in a bucket over the S3 API (AWS, MinIO, Ceph, R2, moto).

The endpoint is the `endpoint_url` argument (`--s3-endpoint`), else `AWS_ENDPOINT_URL_S3` or
`AWS_ENDPOINT_URL`, else AWS itself; a custom endpoint is addressed path-style (`http://host/bucket/key`),
which every S3-compatible server understands. Credentials and region come from boto3's standard chain
(environment, `AWS_PROFILE` and the shared files, container and instance roles). One boto3 client is made
per store and shared by every thread (clients are thread-safe, sessions are not).

A PUT is atomic per object on S3: readers see the old object or the new one. Each one carries its
Content-Type, a SHA-256 checksum (`x-amz-checksum-sha256`, stored with the object) and Content-MD5, both
computed here and sent as plain headers, so the server rejects a body damaged on the way without needing the
aws-chunked trailer encoding that some S3-compatible servers lack.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
import re
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import boto3
from botocore.config import Config
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectTimeoutError,
    EndpointConnectionError,
    NoCredentialsError,
    PartialCredentialsError,
    ReadTimeoutError,
)

from crawler.store.base import StoreError
from crawler.store.layout import check_key

logger = logging.getLogger(__name__)

JSON_CONTENT_TYPE = "application/json; charset=utf-8"

# Uploads in flight at once in put_many. At 50 ms per request, 64 parallel PUTs give up to 1,280 objects/s,
# above what the local folder store writes here (bench/store.py measures both).
DEFAULT_MAX_WORKERS = 64

# Conditional PUTs asked again after a 409 ConditionalRequestConflict (another write of the key in flight).
_CONFLICT_RETRIES = 5

# S3's own rule for bucket names (lower case, digits, dots and hyphens, 3 to 63 long).
_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")

_MISSING = frozenset({"NoSuchBucket"})
_UNKNOWN_KEY = frozenset({"InvalidAccessKeyId", "InvalidClientTokenId", "UnrecognizedClientException"})
_BAD_SECRET = frozenset({"SignatureDoesNotMatch"})
_EXPIRED = frozenset({"ExpiredToken", "ExpiredTokenException", "InvalidToken", "TokenRefreshRequired"})
_DENIED = frozenset({"AccessDenied", "AllAccessDisabled", "403", "Forbidden"})
_REGION = frozenset(
    {"PermanentRedirect", "AuthorizationHeaderMalformed", "301", "IllegalLocationConstraintException"}
)


def _send_body_at_once(request: Any, **_: Any) -> None:
    """Drop botocore's `Expect: 100-continue` on PUT: our objects are small, and waiting for the server's
    `100 Continue` before sending the body would cost every upload a second round trip."""
    if "Expect" in request.headers:
        del request.headers["Expect"]


def canonical_endpoint(url: str | None) -> str | None:
    """`scheme://host[:port][/path]` in lower case without a default port or trailing slash; None for AWS."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    scheme = (parts.scheme or "https").lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if host == "amazonaws.com" or host.endswith(".amazonaws.com"):
        return None
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:  # not a number: keep it as written
        return url.strip().rstrip("/").lower()
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path.rstrip("/"), "", ""))


def _error_code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))


class S3Store:
    """Objects under `prefix/` in `bucket`; keys are the same relative keys as on every other backend.

    `max_pool_connections` bounds the HTTP connections kept open (size it to the uploads run at once),
    `max_retries` is botocore's standard-mode retries after the first try (with backoff, on throttling,
    5xx answers and dropped connections). Every failure of the outside world is a StoreError of one line.
    """

    def __init__(
        self,
        bucket: str,
        prefix: str = "",
        *,
        endpoint_url: str | None = None,
        region_name: str | None = None,
        max_pool_connections: int = DEFAULT_MAX_WORKERS,
        connect_timeout: float = 5.0,
        read_timeout: float = 30.0,
        max_retries: int = 5,
    ) -> None:
        if not _BUCKET.match(bucket):
            raise ValueError(f"invalid S3 bucket name {bucket!r}")
        prefix = prefix.strip("/")
        self.bucket = bucket
        self.prefix = check_key(prefix) + "/" if prefix else ""
        self.url = f"s3://{bucket}/{prefix}" if prefix else f"s3://{bucket}"
        self.read_timeout = read_timeout
        self.max_pool_connections = max_pool_connections
        endpoint_url = (
            endpoint_url
            or os.environ.get("AWS_ENDPOINT_URL_S3")
            or os.environ.get("AWS_ENDPOINT_URL")
            or None
        )
        config = Config(
            retries={"mode": "standard", "max_attempts": max_retries},  # retries after the first try
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
            max_pool_connections=max_pool_connections,
            tcp_keepalive=True,
            user_agent_extra="vn-news-crawler",
            # Path-style for custom endpoints (MinIO, Ceph, a test server on an IP address); AWS's own
            # addressing (and the shared config file's `s3.addressing_style`) otherwise.
            s3={"addressing_style": "path"} if endpoint_url else None,
        )
        self.custom_endpoint: str | None = endpoint_url
        session = boto3.session.Session(region_name=region_name)
        self.client: Any = session.client("s3", endpoint_url=endpoint_url, config=config)
        self.client.meta.events.register("before-sign.s3.PutObject", _send_body_at_once)
        self.endpoint: str = self.client.meta.endpoint_url

    @property
    def identity(self) -> str:
        """The store's canonical name, which the crawl state records: `s3://bucket/prefix`, and ` at ENDPOINT`
        for an endpoint other than AWS's (any `*.amazonaws.com` endpoint is AWS: one bucket namespace)."""
        endpoint = canonical_endpoint(self.custom_endpoint)
        return f"{self.url} at {endpoint}" if endpoint else self.url

    # -- the ObjectStore protocol --------------------------------------------------------------------

    def put(self, key: str, data: bytes, content_type: str = JSON_CONTENT_TYPE) -> None:
        name = self._name(key)
        try:
            self.client.put_object(
                Bucket=self.bucket,
                Key=name,
                Body=data,
                ContentType=content_type,
                ChecksumAlgorithm="SHA256",
                ChecksumSHA256=base64.b64encode(hashlib.sha256(data).digest()).decode("ascii"),
                ContentMD5=base64.b64encode(hashlib.md5(data, usedforsecurity=False).digest()).decode(
                    "ascii"
                ),
            )
        except (BotoCoreError, ClientError) as exc:
            raise self._error(exc, "write", key) from exc

    def put_if_absent(self, key: str, data: bytes, content_type: str = JSON_CONTENT_TYPE) -> bool:
        """A conditional PUT (`If-None-Match: *`): S3 answers 412 when the key exists, and 409 when another
        conditional write of the key is in flight (then asked again). After a 412 the object is read: if it
        holds these very bytes, an earlier try of this call wrote it (botocore retried after a lost answer)."""
        name = self._name(key)
        for attempt in range(_CONFLICT_RETRIES + 1):
            try:
                self.client.put_object(
                    Bucket=self.bucket,
                    Key=name,
                    Body=data,
                    ContentType=content_type,
                    IfNoneMatch="*",
                    ChecksumAlgorithm="SHA256",
                    ChecksumSHA256=base64.b64encode(hashlib.sha256(data).digest()).decode("ascii"),
                    ContentMD5=base64.b64encode(hashlib.md5(data, usedforsecurity=False).digest()).decode(
                        "ascii"
                    ),
                )
            except ClientError as exc:
                code = _error_code(exc)
                status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
                if code == "PreconditionFailed" or status == 412:
                    try:
                        return self.get(key) == data
                    except KeyError:  # gone again (deleted by hand): try once more
                        continue
                if (code == "ConditionalRequestConflict" or status == 409) and attempt < _CONFLICT_RETRIES:
                    time.sleep(0.05 * 2**attempt)
                    continue
                raise self._error(exc, "write", key) from exc
            except BotoCoreError as exc:
                raise self._error(exc, "write", key) from exc
            return True
        raise StoreError(
            f"cannot write {self.describe(key)} at {self.endpoint}: conditional writes kept conflicting"
        )

    def get(self, key: str) -> bytes:
        name = self._name(key)
        try:
            response = self.client.get_object(Bucket=self.bucket, Key=name)
            body: bytes = response["Body"].read()
        except ClientError as exc:
            if _error_code(exc) in ("NoSuchKey", "404"):
                raise KeyError(key) from None
            raise self._error(exc, "read", key) from exc
        except BotoCoreError as exc:
            raise self._error(exc, "read", key) from exc
        return body

    def exists(self, key: str) -> bool:
        name = self._name(key)
        try:
            self.client.head_object(Bucket=self.bucket, Key=name)
        except ClientError as exc:
            if _error_code(exc) in ("404", "NoSuchKey", "NotFound"):
                return False
            raise self._error(exc, "look up", key) from exc
        except BotoCoreError as exc:
            raise self._error(exc, "look up", key) from exc
        return True

    def list(self, prefix: str = "") -> Iterator[str]:
        """Every key under `prefix` (relative to the store's prefix), in S3's order: UTF-8 bytes, which is
        lexicographic order for the keys we write."""
        paginator = self.client.get_paginator("list_objects_v2")
        start = len(self.prefix)
        try:
            for page in paginator.paginate(Bucket=self.bucket, Prefix=self.prefix + prefix):
                for entry in page.get("Contents", ()):
                    yield entry["Key"][start:]
        except (BotoCoreError, ClientError) as exc:
            raise self._error(exc, "list", prefix or None) from exc

    def describe(self, key: str) -> str:
        return f"s3://{self.bucket}/{self._name(key)}"

    # -- beyond the protocol -------------------------------------------------------------------------

    def check(self) -> None:
        """Fail now, with one clear line, if the bucket is missing or the credentials cannot reach it.

        HEAD carries no error body, so a refused HEAD is asked again as a one-key listing, whose answer
        says whether the access key is unknown, the secret wrong, or the access denied.
        """
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except ClientError as exc:
            code = _error_code(exc)
            if code in ("404", "NoSuchBucket", "NotFound"):
                raise self._missing_bucket() from exc
            if code in ("400", "403"):
                try:
                    self.client.list_objects_v2(Bucket=self.bucket, Prefix=self.prefix, MaxKeys=1)
                except (BotoCoreError, ClientError) as detail:
                    raise self._error(detail, "check") from detail
                return  # listing works: some servers refuse HEAD on a bucket but serve it
            raise self._error(exc, "check") from exc
        except BotoCoreError as exc:
            raise self._error(exc, "check") from exc

    def put_many(self, items: Iterable[tuple[str, bytes]], max_workers: int = DEFAULT_MAX_WORKERS) -> None:
        """Upload `(key, data)` pairs in parallel, at most `max_workers` at once; return when all are done.

        `items` is read lazily, so a generator of any length is fine. After the first failure no further
        upload starts; the ones already running finish, then that first error is raised (StoreError, or
        BadKeyError for a refused key) with a note of how many objects were written.
        """
        if max_workers < 1:
            raise ValueError("max_workers must be at least 1")
        if max_workers > self.max_pool_connections:
            logger.warning(
                "put_many with %d workers but %d pooled connections: raise max_pool_connections",
                max_workers,
                self.max_pool_connections,
            )
        failures: list[BaseException] = []
        written = 0

        def settle(finished: Iterable[Future[None]]) -> None:
            nonlocal written
            for future in finished:
                error = future.exception()
                if error is None:
                    written += 1
                else:
                    failures.append(error)

        with ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="s3-put") as pool:
            running: set[Future[None]] = set()
            for key, data in items:
                if len(running) >= max_workers:
                    finished, running = wait(running, return_when=FIRST_COMPLETED)
                    settle(finished)
                if failures:
                    break
                running.add(pool.submit(self.put, key, data))
            settle(wait(running).done)
        if failures:
            first = failures[0]
            first.add_note(
                f"put_many: {written} objects written, {len(failures)} failed, the rest not started"
            )
            raise first

    def close(self) -> None:
        """Release the pooled connections (the store cannot be used afterwards)."""
        self.client.close()

    # -- helpers -------------------------------------------------------------------------------------

    def _name(self, key: str) -> str:
        return self.prefix + check_key(key)

    def _missing_bucket(self) -> StoreError:
        return StoreError(
            f"bucket {self.bucket!r} does not exist at {self.endpoint}: create it or fix --store"
        )

    def _error(self, exc: Exception, action: str, key: str | None = None) -> StoreError:
        """One line naming what failed, where, and what to do about it."""
        what = f"s3://{self.bucket}/{self.prefix}{key or ''}"
        at = self.endpoint
        if isinstance(exc, ClientError):
            code = _error_code(exc)
            message = exc.response.get("Error", {}).get("Message", "") or code
            if code in _MISSING:
                return self._missing_bucket()
            if code in _UNKNOWN_KEY:
                return StoreError(
                    f"the access key is not known at {at}: fix AWS_ACCESS_KEY_ID (or AWS_PROFILE) for {self.url}"
                )
            if code in _BAD_SECRET:
                return StoreError(
                    f"the secret key does not match the access key at {at}: fix AWS_SECRET_ACCESS_KEY "
                    f"(or AWS_PROFILE) for {self.url}"
                )
            if code in _EXPIRED:
                return StoreError(
                    f"the S3 credentials have expired at {at}: refresh them (AWS_SESSION_TOKEN)"
                )
            if code in _DENIED:
                return StoreError(
                    f"access denied to {what} at {at} ({action}): the credentials need s3:ListBucket, "
                    f"s3:GetObject and s3:PutObject on bucket {self.bucket!r}"
                )
            if code in _REGION:
                return StoreError(
                    f"bucket {self.bucket!r} is in another region than {self.client.meta.region_name!r} at "
                    f"{at}: set AWS_REGION to the bucket's region"
                )
            return StoreError(f"cannot {action} {what} at {at}: {code}: {message}")
        if isinstance(exc, NoCredentialsError | PartialCredentialsError):
            return StoreError(
                f"no S3 credentials for {self.url}: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE"
            )
        if isinstance(exc, EndpointConnectionError | ConnectTimeoutError):
            return StoreError(
                f"cannot reach the S3 endpoint {at}: start it, or fix AWS_ENDPOINT_URL / --s3-endpoint"
            )
        if isinstance(exc, ReadTimeoutError):
            return StoreError(
                f"the S3 endpoint {at} did not answer within {self.read_timeout:g}s ({action} {what})"
            )
        return StoreError(f"cannot {action} {what} at {at}: {exc}")
