"""The s3:// store against a real S3 API over HTTP: moto's server mode on 127.0.0.1 (replica/s3.py)."""

from __future__ import annotations

import base64
import hashlib
import json
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import boto3
import pytest

from crawler.store import BadStoreURLError, StoreError, open_store
from crawler.store.layout import BadKeyError, article_key
from crawler.store.s3 import JSON_CONTENT_TYPE, S3Store
from replica.s3 import create_bucket, fake_aws_env, latency_proxy, require_auth, s3_client

ARTICLE = {
    "title": "Đồng Tháp: Khánh thành cầu Cao Lãnh nối đôi bờ sông Tiền",
    "lead": "(ĐT) - Sáng 24/3, UBND tỉnh tổ chức lễ khánh thành cầu Cao Lãnh, niềm vui của người dân Đồng Tháp.",
    "body_text": "Cây cầu dài 2.015 m, rộng 24,5 m.\n\nNgười dân hai bờ sông Tiền không còn phải đi phà.",
    "published_at": "2021-03-24T15:35:00+07:00",
}


@pytest.fixture(autouse=True)
def aws_env() -> Iterator[None]:
    with fake_aws_env():
        yield


@pytest.fixture
def bucket(endpoint: str) -> str:
    """A new bucket for this test (moto's buckets are shared by the whole process)."""
    name = f"news-{uuid.uuid4().hex[:12]}"
    create_bucket(endpoint, name)
    return name


def encode(document: dict[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8") + b"\n"


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_round_trip_with_vietnamese_content_type_and_checksum(endpoint: str, bucket: str) -> None:
    store = open_store(f"s3://{bucket}/tin-tuc", s3_endpoint=endpoint)
    assert isinstance(store, S3Store)
    assert store.url == f"s3://{bucket}/tin-tuc"
    key = article_key("baodongthap", ARTICLE["published_at"], "baodongthap-a12345")
    body = encode(ARTICLE)
    sent: list[dict[str, Any]] = []
    store.client.meta.events.register(
        "before-send.s3.PutObject", lambda request, **_: sent.append(request.headers)
    )

    store.put(key, body)

    assert store.get(key) == body
    assert json.loads(store.get(key))["title"] == ARTICLE["title"]
    assert store.exists(key)
    assert not store.exists("articles/baodongthap/2021/03/24/none.json")
    assert list(store.list()) == [key]
    assert list(store.list("articles/baodongthap/")) == [key]
    assert list(store.list("rejects/")) == []
    assert store.describe(key) == f"s3://{bucket}/tin-tuc/{key}"
    head = s3_client(endpoint).head_object(Bucket=bucket, Key=f"tin-tuc/{key}", ChecksumMode="ENABLED")
    assert head["ContentType"] == JSON_CONTENT_TYPE == "application/json; charset=utf-8"
    assert head["ChecksumSHA256"] == base64.b64encode(hashlib.sha256(body).digest()).decode()
    assert head["ContentLength"] == len(body)
    # The body goes with the headers: no `Expect: 100-continue` round trip per object.
    assert "Expect" not in sent[0]
    assert sent[0]["Content-MD5"] == base64.b64encode(hashlib.md5(body).digest())


def test_put_replaces_an_object_whole(endpoint: str, bucket: str) -> None:
    store = S3Store(bucket, endpoint_url=endpoint)
    store.put("runs/r1.json", b'{"v": 1}')
    store.put("runs/r1.json", '{"v": 2, "ghi_chú": "cập nhật"}'.encode())
    assert json.loads(store.get("runs/r1.json")) == {"v": 2, "ghi_chú": "cập nhật"}
    assert list(store.list()) == ["runs/r1.json"]


def test_missing_key_is_a_key_error(endpoint: str, bucket: str) -> None:
    store = S3Store(bucket, "p", endpoint_url=endpoint)
    with pytest.raises(KeyError):
        store.get("articles/none.json")
    assert not store.exists("articles/none.json")


def test_prefixes_isolate_stores_in_one_bucket(endpoint: str, bucket: str) -> None:
    one = open_store(f"s3://{bucket}/crawl", s3_endpoint=endpoint)
    other = open_store(f"s3://{bucket}/crawl-staging/", s3_endpoint=endpoint)  # shares the first's letters
    whole = open_store(f"s3://{bucket}", s3_endpoint=endpoint)
    one.put("runs/a.json", b"1")
    other.put("runs/b.json", b"2")
    assert list(one.list()) == ["runs/a.json"]
    assert list(other.list()) == ["runs/b.json"]
    assert list(one.list("runs/b")) == []
    with pytest.raises(KeyError):
        one.get("runs/b.json")
    assert not other.exists("runs/a.json")
    assert list(whole.list()) == ["crawl-staging/runs/b.json", "crawl/runs/a.json"]


def test_listing_past_1000_keys_pages_in_order_and_put_many_writes_them_all(
    endpoint: str, bucket: str
) -> None:
    store = S3Store(bucket, "big", endpoint_url=endpoint)
    keys = [f"articles/site{i % 7}/2021/03/{1 + i % 28:02d}/a-{i:05d}.json" for i in range(1001)]
    store.put_many(((key, key.encode()) for key in keys), max_workers=16)
    pages: list[int] = []
    store.client.meta.events.register(
        "after-call.s3.ListObjectsV2", lambda parsed, **_: pages.append(parsed["KeyCount"])
    )

    listed = list(store.list())

    assert listed == sorted(keys)
    assert pages == [1000, 1]
    assert [k for k in store.list("articles/site3/") if k.startswith("articles/site3/")] == sorted(
        k for k in keys if k.startswith("articles/site3/")
    )
    assert store.get(keys[1000]) == keys[1000].encode()


def test_put_many_runs_in_parallel_with_bounded_concurrency(endpoint: str, bucket: str) -> None:
    with latency_proxy(endpoint, delay_ms=100) as slow:
        store = S3Store(bucket, "parallel", endpoint_url=slow)
        store.check()
        lock = threading.Lock()
        running = peak = taken = done = 0
        ahead = 0  # how far reading the items ran ahead of finished uploads
        real_put = store.put

        def counting_put(key: str, data: bytes, content_type: str = JSON_CONTENT_TYPE) -> None:
            nonlocal running, peak, done
            with lock:
                running += 1
                peak = max(peak, running)
            try:
                real_put(key, data, content_type)
            finally:
                with lock:
                    running -= 1
                    done += 1

        def items() -> Iterator[tuple[str, bytes]]:
            nonlocal taken, ahead
            for i in range(48):
                with lock:
                    taken += 1
                    ahead = max(ahead, taken - done)
                yield f"articles/x/2021/03/24/a{i}.json", encode({**ARTICLE, "id": i})

        store.put = counting_put  # type: ignore[method-assign]
        start = time.perf_counter()
        store.put_many(items(), max_workers=8)
        elapsed = time.perf_counter() - start

    assert len(list(store.list())) == 48
    assert peak == 8  # never more than max_workers at once, and all of them used
    assert ahead <= 9  # the items are read as workers free up, not all at once
    assert (
        elapsed < 48 * 0.1 / 2
    )  # one after another: 4.8 s at least; 6 rounds of 8: about 0.6 s + server time


def test_put_many_stops_at_the_first_error_and_raises_it(endpoint: str) -> None:
    store = S3Store("no-such-bucket-for-put-many", endpoint_url=endpoint)
    taken = 0

    def items() -> Iterator[tuple[str, bytes]]:
        nonlocal taken
        for i in range(500):
            taken += 1
            yield f"runs/r{i}.json", b"{}"

    with pytest.raises(StoreError, match="does not exist") as caught:
        store.put_many(items(), max_workers=4)
    assert taken < 50
    assert any("0 objects written" in note for note in caught.value.__notes__)


def test_put_many_refuses_a_bad_key(endpoint: str, bucket: str) -> None:
    store = S3Store(bucket, endpoint_url=endpoint)
    with pytest.raises(BadKeyError):
        store.put_many([("runs/ok.json", b"{}"), ("../escape.json", b"{}")], max_workers=1)
    assert list(store.list()) == ["runs/ok.json"]


@pytest.mark.parametrize(
    "key", ["../etc/passwd", "articles/../../x.json", "/abs.json", "a//b.json", "a/.hidden", ""]
)
def test_keys_that_could_escape_are_refused(endpoint: str, bucket: str, key: str) -> None:
    store = S3Store(bucket, "p", endpoint_url=endpoint)
    with pytest.raises(BadKeyError):
        store.put(key, b"x")
    with pytest.raises(BadKeyError):
        store.get(key)
    with pytest.raises(BadKeyError):
        store.describe(key)
    assert list(store.list()) == []


def test_missing_bucket_is_one_clear_line(endpoint: str) -> None:
    store = open_store("s3://no-such-bucket/news", s3_endpoint=endpoint)
    assert isinstance(store, S3Store)
    expected = f"bucket 'no-such-bucket' does not exist at {endpoint}: create it or fix --store"
    with pytest.raises(StoreError) as caught:
        store.check()
    assert str(caught.value) == expected
    with pytest.raises(StoreError, match="^" + expected):
        store.put("runs/r.json", b"{}")
    with pytest.raises(StoreError, match="^" + expected):
        store.get("runs/r.json")
    with pytest.raises(StoreError, match="^" + expected):
        list(store.list())


def test_unreachable_endpoint_is_one_clear_line() -> None:
    endpoint = f"http://127.0.0.1:{closed_port()}"
    store = S3Store("news", endpoint_url=endpoint, max_retries=0, connect_timeout=1)
    message = f"cannot reach the S3 endpoint {endpoint}: start it, or fix AWS_ENDPOINT_URL / --s3-endpoint"
    with pytest.raises(StoreError) as caught:
        store.check()
    assert str(caught.value) == message
    with pytest.raises(StoreError, match="cannot reach"):
        store.put("runs/r.json", b"{}")


def test_wrong_credentials_are_one_clear_line(endpoint: str, bucket: str) -> None:
    """moto checks keys and signatures only in its auth mode (require_auth); real keys come from its IAM."""
    iam_client = boto3.session.Session().client("iam", endpoint_url=endpoint)  # the same server answers IAM
    user = f"crawler-{uuid.uuid4().hex[:8]}"
    iam_client.create_user(UserName=user)
    policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}
    iam_client.put_user_policy(UserName=user, PolicyName="s3", PolicyDocument=json.dumps(policy))
    key = iam_client.create_access_key(UserName=user)["AccessKey"]

    with require_auth(endpoint):
        with fake_aws_env(AWS_ACCESS_KEY_ID=key["AccessKeyId"], AWS_SECRET_ACCESS_KEY=key["SecretAccessKey"]):
            good = S3Store(bucket, "auth", endpoint_url=endpoint)
            good.check()
            good.put("runs/r.json", b"{}")
            # Through the proxy too: it forwards Host and Authorization untouched, so the signature holds.
            with latency_proxy(endpoint, delay_ms=0) as proxy:
                assert S3Store(bucket, "auth", endpoint_url=proxy).get("runs/r.json") == b"{}"

        with fake_aws_env(AWS_ACCESS_KEY_ID=key["AccessKeyId"], AWS_SECRET_ACCESS_KEY="not-the-secret"):
            wrong_secret = S3Store(bucket, "auth", endpoint_url=endpoint, max_retries=0)
            with pytest.raises(StoreError) as caught:
                wrong_secret.check()
            assert str(caught.value) == (
                f"the secret key does not match the access key at {endpoint}: fix AWS_SECRET_ACCESS_KEY "
                f"(or AWS_PROFILE) for s3://{bucket}/auth"
            )
            with pytest.raises(StoreError, match="secret key does not match"):
                wrong_secret.put("runs/r.json", b"{}")

        with fake_aws_env(AWS_ACCESS_KEY_ID="AKIANOTAREALKEY00000", AWS_SECRET_ACCESS_KEY="x"):
            unknown = S3Store(bucket, "auth", endpoint_url=endpoint, max_retries=0)
            with pytest.raises(StoreError) as caught:
                unknown.check()
            assert str(caught.value) == (
                f"the access key is not known at {endpoint}: fix AWS_ACCESS_KEY_ID (or AWS_PROFILE) "
                f"for s3://{bucket}/auth"
            )
            with pytest.raises(StoreError, match="access key is not known"):
                unknown.get("runs/r.json")


def test_endpoint_comes_from_aws_endpoint_url(endpoint: str, bucket: str) -> None:
    S3Store(bucket, endpoint_url=endpoint).put("runs/r.json", b"{}")
    with fake_aws_env(AWS_ENDPOINT_URL=endpoint):
        store = open_store(f"s3://{bucket}")
        assert isinstance(store, S3Store)
        assert store.endpoint == endpoint
        assert store.get("runs/r.json") == b"{}"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("s3:///prefix", "names no bucket"),
        ("s3://Not_A_Bucket/x", "invalid S3 bucket name"),
        ("s3://news/../up", "invalid object key"),
        ("s3://news/a//b", "invalid object key"),
        ("s3://news/x?versionId=1", "no ?query"),
        ("gs://news/x", "unsupported scheme"),
    ],
)
def test_bad_s3_urls_are_refused(url: str, message: str) -> None:
    with pytest.raises(BadStoreURLError, match=message.replace("?", r"\?")):
        open_store(url, s3_endpoint="http://127.0.0.1:9")


def test_latency_proxy_streams_large_bodies(endpoint: str, bucket: str) -> None:
    big = ("Thành phố Hồ Chí Minh " * 40000).encode()  # about 1 MB
    with latency_proxy(endpoint, delay_ms=5) as slow:
        store = S3Store(bucket, endpoint_url=slow)
        store.put("runs/big.json", big)
        assert store.get("runs/big.json") == big
        assert hashlib.sha256(store.get("runs/big.json")).digest() == hashlib.sha256(big).digest()
