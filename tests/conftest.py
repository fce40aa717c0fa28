"""Fixtures that several test files share: a redis-server, moto's S3 server, and the crawler service with its
fake crawl. The module-scoped ones stay per module: each test file that asks gets an instance of its own,
stopped when its last test has run."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from processes import redis_server as start_redis

from replica.s3 import fake_aws_env, s3_server

if TYPE_CHECKING:
    from test_service import FakeCrawl, ServiceProcess


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A redis-server of the module's own, as a `redis://` URL; not emptied between tests (a test that needs an
    empty server flushes it, or uses a namespace of its own)."""
    with start_redis(tmp_path_factory.mktemp("redis")) as url:
        yield url


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    """moto's S3 API server of the module's own (its endpoint URL), started and run with fake credentials in
    the environment."""
    with fake_aws_env(), s3_server() as url:
        yield url


@pytest.fixture(scope="module")
def fake(tmp_path_factory: pytest.TempPathFactory) -> FakeCrawl:
    """The fake crawl command of tests/test_service.py, for the module's service."""
    from test_service import make_fake

    return make_fake(tmp_path_factory.mktemp("fake"))


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory, fake: FakeCrawl) -> Iterator[ServiceProcess]:
    """The real service (`python -m crawler.service serve`) running `fake`, for the module's tests."""
    from test_service import start_service

    server = start_service(tmp_path_factory.mktemp("service"), fake, grace=2.0, limit=3)
    yield server
    server.stop()
