"""A replica that behaves like a busy portal, for the distributed tests and `bench/scale.py`.

`SlowReplica` answers each request after `latency` seconds and serves at most `per_host` requests of one host
at once (the others wait their turn, as behind a portal's connection limit), so a crawl of it is bound by
latency rather than by this machine's CPUs. `fetch_counts` tells how often each URL was requested.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timedelta

from crawler.sites import Site, get_site
from replica import Replica, ReplicaArticle
from replica.corpus import default_corpus
from replica.model import VN_TZ, Page

_VOCABULARY = (
    "tỉnh huyện xã nông dân mùa vụ lúa gạo cá tra sầu riêng trái cây kênh rạch đê điều nước mặn hạn hán "
    "trường học học sinh giáo viên bệnh viện bác sĩ y tế đường sá cầu cống giao thông xe khách bến phà chợ "
    "giá cả thu nhập doanh nghiệp đầu tư nhà máy khu công nghiệp lao động việc làm du lịch lễ hội văn hóa "
    "thể thao bóng đá người dân chính quyền hội nghị kế hoạch ngân sách công trình dự án nghiệm thu khánh "
    "thành điện lưới năng lượng mặt trời môi trường rác thải cây xanh phòng chống dịch bệnh an ninh trật tự"
)
_WORDS = _VOCABULARY.split()


class SlowReplica(Replica):
    """A `Replica` with per-request latency and a cap on concurrent requests per host."""

    def __init__(self, *args: object, latency: float = 0.0, per_host: int = 1000, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.latency = latency
        self.per_host = per_host
        self._gates: dict[str, threading.BoundedSemaphore] = {}
        self._gates_lock = threading.Lock()

    def handle(self, method: str, host_header: str | None, target: str) -> Page:
        host, _, _ = self.resolve(host_header, target)
        with self._gates_lock:
            gate = self._gates.setdefault(host or "", threading.BoundedSemaphore(self.per_host))
        with gate:
            if self.latency:
                time.sleep(self.latency)
            return super().handle(method, host_header, target)


def make_replica(
    site_keys: Iterable[str],
    *,
    extra_articles: int = 0,
    start: datetime | None = None,
    latency: float = 0.0,
    per_host: int = 1000,
    seed: int = 7,
) -> SlowReplica:
    """The default corpus of these sites only, plus `extra_articles` generated ones per site, published a
    day apart from `start`."""
    sites: dict[str, Site] = {key: get_site(key) for key in site_keys}
    replica = SlowReplica(
        default_corpus(list(sites.values())), sites=sites, latency=latency, per_host=per_host
    )
    rng = random.Random(seed)
    first = start or datetime(2024, 1, 3, 8, 30, tzinfo=VN_TZ)
    for key in sites:
        for n in range(extra_articles):
            replica.add_article(key, _article(replica, key, n, first + timedelta(days=n, hours=n % 7), rng))
    return replica


def _article(replica: Replica, key: str, n: int, when: datetime, rng: random.Random) -> ReplicaArticle:
    def sentence(words: int) -> str:
        text = " ".join(rng.choice(_WORDS) for _ in range(words))
        return text[0].upper() + text[1:] + "."

    title = f"{sentence(8)[:-1]} (bài {n + 1} của {key})"
    paragraphs = [" ".join(sentence(rng.randint(12, 20)) for _ in range(4)) for _ in range(4)]
    return replica.new_article(key, title=title, lead=sentence(30), paragraphs=paragraphs, published=when)


def fetch_counts(replica: Replica, *, skip_robots: bool = True) -> Counter[tuple[str, str]]:
    """(host, path) → how many times it was requested. robots.txt is fetched once per worker by design."""
    return Counter(
        (host, path) for _, host, path in replica.request_log if not (skip_robots and path == "/robots.txt")
    )
