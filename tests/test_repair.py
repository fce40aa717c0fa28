"""Declarations checked against the markup, and repaired (issue 14 §3): the audit, `crawler check --suggest`,
the replica variant whose markup its declaration does not describe, and the monitors' declaration alert."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from scrapy.utils.test import get_crawler

from crawler.item import Article
from crawler.monitor.alerts import drafts
from crawler.monitor.engine import Monitor
from crawler.monitor.findings import evaluate
from crawler.monitor.metrics import RunMetrics, monitor_stats
from crawler.monitor.repair import (
    DeclarationAudit,
    Winners,
    audit_page,
    format_selectors,
    parse_suggestion,
)
from crawler.monitor.site_check import CheckReport, check_site
from crawler.monitor.store import ALERT_OPEN
from crawler.monitor.thresholds import MonitorConfig, Thresholds
from crawler.runs import RUNNING, SUCCEEDED
from crawler.service.history import RunHistory
from crawler.sites import Site, get_site
from crawler.sites.model import Selectors
from crawler.sites.records import dump_record, site_from_record
from pipelines.coverage import CoveragePipeline
from replica import Replica
from replica.corpus import default_corpus

SITE = "hanoimoi"
VARIANT = "reworked"
WRONG_IN_VARIANT = {"title", "lead", "dateline", "authors", "section", "tags"}


@pytest.fixture(scope="module")
def variant_replica() -> Replica:
    """Hà Nội Mới's articles in the `reworked` family C markup (replica/variants.py)."""
    site = get_site(SITE)
    replica = Replica(default_corpus([site]), sites={SITE: site})
    replica.use_variant(SITE, VARIANT)
    return replica


def check(site: Site, replica: Replica, pages: int = 5) -> CheckReport:
    def fetch(url: str) -> tuple[int, bytes]:
        page = replica.get(url)
        return page.status, page.body

    return check_site(site, fetch, pages=pages, source=f"replica variant {VARIANT}")


# -- the acceptance test: the variant's wrong fields named, and the suggestion repairs them ----------------


def test_the_check_names_each_wrong_field_and_its_suggestion_makes_it_pass(variant_replica: Replica) -> None:
    site = get_site(SITE)
    before = check(site, variant_replica)
    assert before.declaration is not None and len(before.pages) == 5
    assert {v.field for v in before.declaration.wrong_fields()} == WRONG_IN_VARIANT
    assert before.exit_code == 1
    text = before.render(suggest=True)
    for name in WRONG_IN_VARIANT:
        assert f"WRONG: {name}:" in text
    assert "declared at h1: " in text  # the bare `h1` fallback takes the site name printed in the header
    suggestion = before.declaration.render_suggestion()
    assert f"crawler/sites/portals/{SITE}.toml" in suggestion

    selectors = parse_suggestion(suggestion)  # what pasting the printed text into the portal record declares
    assert selectors == before.declaration.corrected()
    # pasted into the site's record in place of its [selectors] table, it loads through the registry's validator
    record = tomllib.loads(dump_record(site))
    record["selectors"] = tomllib.loads(suggestion)["selectors"]
    assert site_from_record(record, key=SITE).selectors == selectors
    assert selectors.dateline[0] == "span.x-date" and selectors.title[0] == "h1.article-title"
    assert selectors.tags[0] == "ul.x-tags a"
    repaired = replace(site, selectors=selectors)

    after = check(repaired, variant_replica)
    assert after.declaration is not None and after.declaration.wrong_fields() == []
    assert after.exit_code == 0
    for verdict in after.declaration.verdicts():
        assert verdict.outcomes["agreed"] + verdict.outcomes["in_body"] == verdict.pages, verdict
    assert "OK: every declared field agrees" in after.render()
    # the site's own replica markup needs no repair
    plain = Replica(default_corpus([site]), sites={SITE: site})
    assert check(site, plain).exit_code == 0


def test_crawler_check_prints_the_audit_and_the_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    from crawler.cli import main

    assert main(["check", SITE, "--pages", "3", "--replica-variant", VARIANT, "--suggest"]) == 1
    out = capsys.readouterr().out
    assert "WRONG: dateline:" in out and "found at span.x-date" in out
    printed = out[out.index(f"# crawler/sites/portals/{SITE}.toml") :]
    assert tomllib.loads(printed)["selectors"]["lead"][0] == "p.x-sapo"
    assert parse_suggestion(printed).lead[0] == "p.x-sapo"
    assert main(["check", SITE, "--replica-variant", "nosuch"]) == 2


# -- the audit on hand-written markup ----------------------------------------------------------------------


PAGE = """<html><head><title>Lễ hội mùa xuân - Báo Thử</title></head><body>
<div class="sidebar"><span class="x-date">01/01/2026 07:00</span><a class="cate" href="/a/">Khác</a></div>
<div class="detail">
  <a class="cate" href="/van-hoa/">Văn hóa</a>
  <h1 class="headline">Lễ hội mùa xuân</h1>
  <div class="meta"><span class="x-date">Thứ Năm, 05/03/2026 - 08:47</span>
    <span class="by"><strong>Minh An</strong></span></div>
  <div class="content"><p>Đoạn một của bài viết về lễ hội mùa xuân ở làng.</p>
    <p>Đoạn hai kể về những trò chơi dân gian của người dân.</p></div>
  <div class="keywords"><a href="/t/1">lễ hội</a><a href="/t/2">văn hóa</a></div>
</div></body></html>"""


def test_a_wrong_element_type_is_corrected_to_the_element_that_holds_the_winner() -> None:
    from datetime import datetime

    from crawler.dates import VN_TZ

    site = replace(
        get_site(SITE),
        key="baothu",
        selectors=Selectors(dateline=("div.x-date",), section=("span.cate",), authors=("div.by",)),
    )
    winners = Winners(
        title="Lễ hội mùa xuân",
        published=datetime(2026, 3, 5, 8, 47, tzinfo=VN_TZ),
        authors=("Minh An",),
        section="Văn hóa",
        tags=("lễ hội", "văn hóa"),
        body="Đoạn một của bài viết về lễ hội mùa xuân ở làng.\n\nĐoạn hai kể về những trò chơi dân gian.",
    )
    audit = audit_page(
        lxml.html.document_fromstring(PAGE), site, winners, url="https://baothu.vn/a-12345.html"
    )
    fields = audit.fields
    assert fields["title"].outcome == "agreed"  # through the family's bare `h1`
    # the sidebar's span.x-date comes first in the page and holds another date: not the one to select
    assert fields["dateline"].outcome == "missed"
    assert fields["dateline"].located == "div.meta > span.x-date"
    assert fields["section"].located == "div.detail > a.cate"
    assert fields["authors"].located == "span.by"
    assert fields["tags"].located == "div.keywords a"
    assert fields["body"].outcome == "missed" and fields["body"].located == "div.content"
    assert fields["lead"].outcome == "absent"

    report = DeclarationAudit(site, [audit])
    corrected = report.corrected()
    assert corrected is not None and corrected.dateline == ("div.meta > span.x-date", "div.x-date")
    assert parse_suggestion(format_selectors(corrected)) == corrected


def test_a_value_printed_nowhere_is_not_a_wrong_declaration() -> None:
    site = get_site(SITE)
    winners = Winners(title="Lễ hội mùa xuân", lead="Một đoạn mô tả chỉ có trong thẻ meta của trang.")
    audit = audit_page(lxml.html.document_fromstring(PAGE), site, winners)
    assert audit.fields["lead"].outcome == "unprinted" and not audit.fields["lead"].wrong


# -- the monitors on every run -----------------------------------------------------------------------------


def _article(n: int, declared: dict[str, str]) -> Article:
    return Article(
        url=f"https://hanoimoi.vn/bai-{n}-1234{n}.html",
        site=SITE,
        domain="hanoimoi.vn",
        province="Hà Nội",
        fetched_at="2026-11-25T02:00:00+07:00",
        title="Tiêu đề",
        body_text="một hai ba bốn năm sáu",
        published_at="2026-11-24T10:00:00+07:00",
        date_source="dateline",
        declared=declared,
    )


def declared_stats(items: int, declared: dict[str, str]) -> dict[str, Any]:
    """A site's stats.json entry whose `items` articles all had these declared outcomes."""
    crawler = get_crawler(settings_dict={"CRAWLER_MIN_BODY_WORDS": 5})
    pipeline = CoveragePipeline.from_crawler(crawler)
    for n in range(items):
        pipeline.process_item(_article(n, declared))
    stats = crawler.stats.get_stats()
    stats["downloader/response_status_count/200"] = items
    return {
        "pages_fetched": items,
        "articles_written": items,
        "rejects": 0,
        "errors": 0,
        "monitor": monitor_stats(stats),
    }


GOOD = {"title": "agreed", "body_text": "agreed", "published_raw": "agreed", "tags": "agreed"}
BAD = {"title": "agreed", "body_text": "overruled", "published_raw": "missed", "tags": "missed"}


def test_coverage_counts_declared_outcomes_and_body_mismatches() -> None:
    crawler = get_crawler(settings_dict={"CRAWLER_MIN_BODY_WORDS": 5})
    pipeline = CoveragePipeline.from_crawler(crawler)
    for n, declared in enumerate((GOOD, BAD, BAD, {})):
        pipeline.process_item(_article(n, declared))
    stats = crawler.stats.get_stats()
    assert stats["crawler/declared/body_text/agreed"] == 1
    assert stats["crawler/declared/body_text/overruled"] == 2
    assert stats["crawler/declared/published_raw/missed"] == 2
    assert stats["crawler/declaration_mismatch"] == 2
    assert stats["crawler/fields/samples"]["declared/tags"] == [
        "https://hanoimoi.vn/bai-1-12341.html",
        "https://hanoimoi.vn/bai-2-12342.html",
    ]
    metrics = RunMetrics.from_site_stats({"monitor": monitor_stats(stats)})
    assert metrics.declaration_mismatch == 2
    assert metrics.declared_wrong_share("tags") == 0.5


def test_a_field_wrong_on_most_articles_is_one_declaration_finding_per_site() -> None:
    t = Thresholds()
    assert evaluate(RunMetrics.from_site_stats(declared_stats(10, GOOD)), [], t).findings == []
    evaluation = evaluate(RunMetrics.from_site_stats(declared_stats(10, BAD)), [], t)
    found = evaluation.declaration
    assert [f.field for f in found] == ["body_text", "published_raw", "tags"]
    assert "the generic body won on 10" in found[0].message and found[0].after == 1.0
    assert found[0].samples and evaluation.drift == []
    alerts = drafts(SITE, evaluation)
    assert list(alerts) == [f"declaration:{SITE}"]
    assert alerts[f"declaration:{SITE}"].field == "body_text"
    # too few articles: not judged
    assert "declaration" not in evaluate(RunMetrics.from_site_stats(declared_stats(2, BAD)), [], t).judged


def test_the_declaration_alert_opens_once_stays_open_and_resolves(tmp_path: Path) -> None:
    import os
    from datetime import UTC, datetime

    history = RunHistory(tmp_path / "service.sqlite")
    monitor = Monitor(history, MonitorConfig())

    def run(stats: dict[str, Any]) -> Any:
        record = history.create(SITE, "manual", owner=(os.getpid(), "test"))
        history.transition(record.id, RUNNING, started_at=datetime.now(UTC))
        done = history.transition(
            record.id, SUCCEEDED, finished_at=datetime.now(UTC), stats={"sites": {SITE: stats}}, articles=10
        )
        return monitor.after_run(done)

    first, again = run(declared_stats(10, BAD)), run(declared_stats(10, BAD))
    assert [(a.kind, a.field) for a in first.opened] == [("declaration", "body_text")]
    assert again.opened == [] and [a.id for a in again.still_open] == [first.opened[0].id]
    fixed = run(declared_stats(10, GOOD))
    assert [a.id for a in fixed.resolved] == [first.opened[0].id]
    assert history.alerts(state=ALERT_OPEN) == []
    history.close()


def test_a_field_the_drift_alert_names_is_not_a_declaration_finding_too() -> None:
    stats = declared_stats(10, BAD)
    stats["monitor"]["fields"]["body_text"] = {"generic": 10}  # the generic body won: layout drift
    evaluation = evaluate(RunMetrics.from_site_stats(stats), [], Thresholds())
    assert [f.field for f in evaluation.drift] == ["body_text"]
    assert [f.field for f in evaluation.declaration] == ["published_raw", "tags"]


def test_a_page_extraction_cannot_read_is_a_finding_of_the_check_not_a_crash(
    variant_replica: Replica, monkeypatch: pytest.MonkeyPatch
) -> None:
    import crawler.extract
    import crawler.monitor.site_check

    def failing(url: str, *args: Any, **kwargs: Any) -> Any:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(crawler.extract, "extract_article", failing)
    # crawler.monitor.site_check may import it at its top: patch it there too
    monkeypatch.setattr(crawler.monitor.site_check, "extract_article", failing, raising=False)
    report = check(get_site(SITE), variant_replica)
    failures = [e for e in report.errors if "extraction failed: RecursionError" in e]
    assert len(failures) == 5 and not report.pages
    assert all(e.startswith("https://") for e in failures)
