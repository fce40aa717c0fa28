"""No page can crash extraction: JSON-LD is read within bounds, and whatever still raises becomes a reject.

Bounded JSON-LD (size, nesting, linear salvage) on hostile scripts; an extraction failure, injected, in
`process_page` and in a real crawl of the replica, filed under `rejects/` with its reason and the page's URL.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest

from crawler.extract import extract_article
from crawler.extract.structured import (
    MAX_JSON_LD_CHARS,
    MAX_JSON_LD_DEPTH,
    load_json_ld,
    nests_deeper,
    salvage_json_ld,
)
from crawler.item import EXTRACTION_STAGE, Article, Rejected
from crawler.sites import get_site
from crawler.steps import process_page
from replica import Replica, ReplicaArticle, ReplicaServer
from replica.fault_matrix import FAIL_EXTRACTION, FAILING_SLUG, FAST, Context, Trap, build, crawl, verify
from replica.faults import nested_json_ld

SITE = "baodongthap"
T = TypeVar("T")


@pytest.fixture(scope="module")
def replica() -> Replica:
    return build((SITE,))


def _page(replica: Replica) -> tuple[ReplicaArticle, str]:
    article = replica.articles(SITE)[0]
    return article, replica.get(article.url).body.decode("utf-8")


def _deep_stack(depth: int, call: Callable[[], T]) -> T:
    """`call()` run `depth` frames down, as a Scrapy callback runs under Twisted's and asyncio's frames."""
    return call() if depth == 0 else _deep_stack(depth - 1, call)


# ------------------------------------------------------------------------------------------- JSON-LD


@pytest.mark.parametrize("depth", [990, 999, 5000])
@pytest.mark.parametrize("opening", ["[", '{"a":'])
def test_deeply_nested_json_ld_is_not_decoded_and_never_raises(depth: int, opening: str) -> None:
    closing = "]" if opening == "[" else "}"
    for text in (opening * depth + closing * depth, opening * depth, "[" * depth + "{" * depth):
        assert nests_deeper(text)
        assert _deep_stack(200, lambda: load_json_ld(text)) == []  # noqa: B023 - called at once


def test_nesting_within_the_bound_is_read_and_brackets_in_strings_do_not_count() -> None:
    within = "[" * MAX_JSON_LD_DEPTH + "1" + "]" * MAX_JSON_LD_DEPTH
    assert not nests_deeper(within) and load_json_ld(within) != []
    assert nests_deeper("[" + within + "]")
    headline = "[" * 500 + '\\" {{{'
    text = json.dumps({"@type": "NewsArticle", "headline": headline})
    assert not nests_deeper(text)
    assert load_json_ld(text) == [{"@type": "NewsArticle", "headline": headline}]


def test_an_oversized_script_is_skipped_and_the_next_one_read(replica: Replica) -> None:
    article, html = _page(replica)
    huge = json.dumps(
        {"@type": "NewsArticle", "headline": "Tiêu đề giả", "description": "x" * MAX_JSON_LD_CHARS}
    )
    assert load_json_ld(huge) == []
    page = html.replace("<head>", f'<head><script type="application/ld+json">{huge}</script>', 1)
    extraction = extract_article(article.url, page, get_site(SITE))
    assert extraction.title == article.title


def test_salvage_stays_linear_on_hostile_scripts() -> None:
    hostile = [
        '{"@type":"NewsArticle",' + '"headline": "x' * 60_000,
        '{"@type":"NewsArticle","author": {' + '"author": [ x' * 60_000,
    ]
    for text in hostile:
        started = time.monotonic()
        assert salvage_json_ld(text) == {"@type": "NewsArticle"}
        assert time.monotonic() - started < 2.0
    broken = '{"@type": "NewsArticle", "headline": "Nói "không" với rác", "author": {"name": "Hà An"}}'
    assert salvage_json_ld(broken) == {
        "@type": "NewsArticle",
        "headline": 'Nói "không" với rác',
        "author": {"name": "Hà An"},
    }


def test_a_page_with_990_nested_brackets_in_json_ld_extracts_whole(replica: Replica) -> None:
    article, html = _page(replica)
    page = nested_json_ld(html, 990)
    assert "[" * 990 in page
    clean = extract_article(article.url, html, get_site(SITE))
    extraction = _deep_stack(200, lambda: extract_article(article.url, page, get_site(SITE)))
    assert extraction.title == clean.title == article.title
    assert extraction.body_text == clean.body_text
    assert extraction.published_raw == clean.published_raw
    assert extraction.sources == clean.sources  # the article's own JSON-LD still read
    result = process_page(article.url, page.encode("utf-8"), get_site(SITE))
    assert isinstance(result, Article) and result.title == article.title


# ------------------------------------------------------------------------------------- failures


def test_process_page_files_an_extraction_failure_as_a_reject(
    replica: Replica, monkeypatch: pytest.MonkeyPatch
) -> None:
    article, html = _page(replica)

    def failing(*args: Any, **kwargs: Any) -> Any:
        raise RecursionError("maximum recursion depth exceeded while decoding a JSON array")

    monkeypatch.setattr("crawler.steps.extract_article", failing)
    result = process_page(article.url, html, get_site(SITE))
    assert isinstance(result, Rejected)
    assert result.stage == EXTRACTION_STAGE
    assert result.reason == "RecursionError: maximum recursion depth exceeded while decoding a JSON array"
    assert result.details and any("failing" in line for line in result.details)
    assert result.article.url == article.url and result.article.site == SITE
    document = result.to_json()
    assert document["url"] == article.url and document["stage"] == "extraction"


def test_a_crawl_files_an_extraction_failure_under_rejects_not_as_an_error(tmp_path: Path) -> None:
    replica = build((SITE,))
    ctx = Context(replica, Trap())
    broken = ctx.add_hostile(SITE, "Trích xuất thất bại", kind="slow", delay=0)
    assert FAILING_SLUG in broken.url
    expected = [a for a in replica.articles(SITE) if a.url != broken.url]
    with ReplicaServer(replica) as server:
        done = crawl(tmp_path, (SITE,), server.base_url, {**FAST, FAIL_EXTRACTION: FAILING_SLUG}, None)
    assert done.returncode == 0, done.stderr[-2000:]
    outcome = verify(tmp_path / "store", expected, ctx.hostile)
    assert (outcome.lost, outcome.duplicated, outcome.malformed) == (0, 0, 0), outcome.problems
    site = done.stats["sites"][SITE]
    assert site["errors"] == 0 and site["errors_by_class"] == {}
    assert site["rejects"] == 1 and done.stats["totals"]["rejects"] == 1
    rejects = [json.loads(p.read_text("utf-8")) for p in (tmp_path / "store" / "rejects").rglob("*.json")]
    assert len(rejects) == 1
    reject = rejects[0]
    assert reject["url"] == broken.url and reject["site"] == SITE
    assert reject["stage"] == "extraction"
    assert reject["reason"].startswith("RecursionError: maximum recursion depth exceeded")
    assert reject["details"] and all(isinstance(line, str) for line in reject["details"])
