"""The service against a careless operator and a hostile web (issue 15, items 9-12 and 14).

Credentials scrubbed from crawl logs and served logs only with the token; Scrapy's remote control off; a
failing webhook logged by host; `--insecure-no-auth` answering its own Host only and refusing cross-origin
mutations; the token trimmed, long enough, and guessed at most 10 times a minute; the status page's CSP and
links; a dead portal failing its run and raising `site_unreachable`. The service runs for real, as in
tests/test_service.py, with its fake crawl.
"""

from __future__ import annotations

import base64
import hashlib
import io
import logging
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import pytest
from test_service import (
    TOKEN,
    FakeCrawl,
    Response,
    ServiceProcess,
    env_with,
    http,
    make_fake,
    start_service,
)

from crawler.monitor.engine import Monitor
from crawler.monitor.findings import SITE_UNREACHABLE, unreachable
from crawler.monitor.metrics import RunMetrics
from crawler.monitor.thresholds import MonitorConfig, Thresholds
from crawler.monitor.webhook import WebhookSender
from crawler.redact import REDACTED, ScrubFilter, scrub, url_host
from crawler.runs import RUNNING, SUCCEEDED
from crawler.service.auth import FailureLimiter, TokenAuth
from crawler.service.config import ConfigError, check_token, read_token
from crawler.service.history import RunHistory
from crawler.service.status import CSP, STATUS_HEADERS, render_status
from crawler.sites import all_sites

KEY_ID = "ASIAQ3EGVP7EXAMPLE12"
SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY"
SESSION = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDexample+token=="
HOSTILE_LINES = [
    f"DEBUG botocore.endpoint: Making request with params: {{'headers': {{'X-Amz-Security-Token': "
    f"b'{SESSION}', 'Authorization': b'AWS4-HMAC-SHA256 Credential={KEY_ID}/20250101/us-east-1/s3/"
    f"aws4_request, SignedHeaders=host, Signature=0123abcd'}}}}",
    f"x-amz-security-token:{SESSION}",
    f"aws_secret_access_key = {SECRET}",
    "Authorization: Bearer sk-live-0123456789abcdef",
    "store s3://crawler:hunter2hunter2@minio.internal:9000/bucket",
    "Telnet Password: 5f4dcc3b5aa765d6",
]
SECRETS = (KEY_ID, SECRET, SESSION, "sk-live-0123456789abcdef", "hunter2hunter2", "5f4dcc3b5aa765d6")


def leaked(text: str) -> list[str]:
    return [secret for secret in SECRETS if secret in text]


def request(method: str, url: str, headers: dict[str, str]) -> Response:
    req = urllib.request.Request(url, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=10) as response:
            return Response(response.status, dict(response.headers.items()), response.read().decode())
    except urllib.error.HTTPError as exc:
        return Response(exc.code, dict(exc.headers.items()), exc.read().decode())


# -- item 9: credentials and internals in logs -----------------------------------------------------------


def test_scrub_removes_every_kind_of_credential_and_keeps_the_rest() -> None:
    for line in HOSTILE_LINES:
        clean = scrub(line)
        assert not leaked(clean) and REDACTED in clean, clean
    assert scrub(HOSTILE_LINES[0]).count(REDACTED) >= 2
    assert "ASIA[redacted]" in scrub(f"key {KEY_ID} used")
    plain = "Crawled (200) <GET https://baonghean.vn/a-1.html> (referer: None); tokens: 5"
    assert scrub(plain) == plain
    assert (
        scrub("https://u:p@x.org/?token=abc123&page=2")
        == f"https://u:{REDACTED}@x.org/?token={REDACTED}&page=2"
    )


def test_botocore_debug_output_is_scrubbed(monkeypatch: pytest.MonkeyPatch) -> None:
    """What botocore really writes at DEBUG for a signed request with temporary credentials."""
    botocore_session = pytest.importorskip("botocore.session")
    from botocore.config import Config

    for name in ("AWS_PROFILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"):
        monkeypatch.delenv(name, raising=False)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(ScrubFilter())
    raw = io.StringIO()
    raw_handler = logging.StreamHandler(raw)
    logger = logging.getLogger("botocore")
    old_level = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(raw_handler)  # first: the filter of the other one scrubs the record itself
    logger.addHandler(handler)
    try:
        client = botocore_session.get_session().create_client(
            "s3",
            region_name="us-east-1",
            endpoint_url="http://127.0.0.1:9",
            aws_access_key_id=KEY_ID,
            aws_secret_access_key=SECRET,
            aws_session_token=SESSION,
            config=Config(retries={"max_attempts": 1}, connect_timeout=1, read_timeout=1),
        )
        from botocore.exceptions import EndpointConnectionError

        with pytest.raises(EndpointConnectionError):
            client.list_objects_v2(Bucket="b")
    finally:
        logger.removeHandler(handler)
        logger.removeHandler(raw_handler)
        logger.setLevel(old_level)
    assert KEY_ID in raw.getvalue() and SESSION in raw.getvalue()  # botocore does write them
    assert not leaked(stream.getvalue()), leaked(stream.getvalue())


def test_crawl_log_is_scrubbed_and_served_only_with_the_token(
    service: ServiceProcess, fake: FakeCrawl
) -> None:
    fake.plan({"seconds": 0.2}, baonamdinh={"seconds": 0.2, "print": HOSTILE_LINES})
    run_id = http("POST", service.url + "/sites/baonamdinh/crawl", token=TOKEN).json()["run_id"]
    run = service.wait_run(run_id)
    assert run["state"] == "succeeded", run
    served = "\n".join(run["log_tail"])
    assert "fake crawl finished" in served and REDACTED in served
    assert not leaked(served)
    assert "settings module: crawler.service.crawl_settings" in served  # remote control and telnet off
    log_file = next((service.folder / "state" / "runs").glob(f"{run_id:06d}-baonamdinh/crawl.log"))
    assert not leaked(log_file.read_text())
    anonymous = http("GET", f"{service.url}/runs/{run_id}").json()
    assert anonymous["log_tail"] == [] and anonymous["log_hidden"] is True
    assert anonymous["state"] == "succeeded" and anonymous["stats"] is not None
    assert http("GET", f"{service.url}/runs/{run_id}", token="wrong-token-0123456789").status == 401


def test_the_crawls_settings_turn_remote_control_and_telnet_off(monkeypatch: pytest.MonkeyPatch) -> None:
    from scrapy.utils.project import get_project_settings

    monkeypatch.setenv("SCRAPY_SETTINGS_MODULE", "crawler.service.crawl_settings")
    settings = get_project_settings()
    assert settings.getbool("REMOTE_CONTROL_ENABLED") is False
    assert settings.getbool("TELNETCONSOLE_ENABLED") is False
    assert settings.get("BOT_NAME") == "vn-news-crawler" and settings.getdict("ITEM_PIPELINES")


def test_a_failing_webhook_logs_its_host_only(caplog: pytest.LogCaptureFixture) -> None:
    url = "http://127.0.0.1:9/hooks/T0SECRET/B0SECRET?token=s3cr3t"
    assert url_host(url) == "127.0.0.1:9"
    sender = WebhookSender(url, timeout=1, attempts=1)
    assert "SECRET" not in repr(sender)
    with caplog.at_level(logging.ERROR, logger="crawler.monitor.webhook"):
        sender.send({"event": "alert.opened", "alert": {"id": 7}})
        sender.close()
    assert sender.failed == 1
    text = caplog.text
    assert "127.0.0.1:9" in text and "SECRET" not in text and "s3cr3t" not in text and "/hooks" not in text


# -- item 10: --insecure-no-auth and cross-site requests ------------------------------------------------


def test_insecure_no_auth_answers_its_own_host_only_and_refuses_cross_origin_mutations(
    tmp_path: Path,
) -> None:
    fake = make_fake(tmp_path / "fake")
    server = start_service(tmp_path / "svc", fake, "--insecure-no-auth", "--no-schedule", token=None)
    try:
        crawl = server.url + "/sites/baocantho/crawl"
        own = f"127.0.0.1:{server.port}"
        # a page elsewhere: foreign Origin, or the browser saying cross-site, or a rebinding Host
        for headers in (
            {"Origin": "http://evil.example"},
            {"Origin": "null"},
            {"Origin": f"http://localhost:{server.port + 1}"},
            {"Sec-Fetch-Site": "cross-site"},
            {"Sec-Fetch-Site": "same-site"},
            {"Host": f"evil.example:{server.port}", "Origin": f"http://evil.example:{server.port}"},
        ):
            refused = request("POST", crawl, headers)
            assert refused.status == 403, (headers, refused.text)
        assert request("GET", server.url + "/runs", {"Host": f"rebound.example:{server.port}"}).status == 403
        assert request("GET", server.url + "/", {"Host": "127.0.0.1"}).status == 403
        assert request("GET", server.url + "/healthz", {"Host": f"localhost:{server.port}"}).status == 200
        assert request("DELETE", server.url + "/runs/1", {"Origin": "http://evil.example"}).status == 403
        assert http("GET", server.url + "/runs").json() == []  # nothing was queued
        # the service's own origin and tools that send no Origin (curl, the CLI) still work
        same = request("POST", crawl, {"Origin": f"http://{own}", "Sec-Fetch-Site": "same-origin"})
        assert same.status == 202, same.text
        server.wait_run(same.json()["run_id"])
        assert request("POST", crawl, {}).status == 202
    finally:
        assert server.stop() == 0
    assert "cross-origin request refused" in server.log_text()


# -- item 11: token hygiene ------------------------------------------------------------------------------


def test_the_token_is_trimmed_from_the_variable_as_from_the_file(tmp_path: Path) -> None:
    assert read_token({"CRAWLER_API_TOKEN": f"  {TOKEN}\n"}) == TOKEN
    (tmp_path / "token").write_text(f"{TOKEN}\n")
    assert read_token({"CRAWLER_API_TOKEN_FILE": str(tmp_path / "token")}) == TOKEN
    assert read_token({"CRAWLER_API_TOKEN": "  \n"}) is None
    assert TokenAuth(f" {TOKEN} ").accepts(f"Bearer {TOKEN}")
    with pytest.raises(ConfigError, match="at least 16"):
        check_token("short-token")
    with pytest.raises(ValueError):
        TokenAuth("x" * 15)
    check_token("x" * 16)


def test_a_padded_token_works_and_a_short_one_is_refused_at_start(tmp_path: Path) -> None:
    fake = make_fake(tmp_path / "fake")
    server = start_service(tmp_path / "svc", fake, "--no-schedule", token=f"  {TOKEN}\n")
    try:
        assert http("POST", server.url + "/sites/baocamau/crawl", token=TOKEN).status == 202
    finally:
        server.stop()
    short = subprocess.run(
        [sys.executable, "-m", "crawler.service", "serve", "--state", str(tmp_path / "s.sqlite")],
        env=env_with(CRAWLER_API_TOKEN="hunter2"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert short.returncode == 2
    assert short.stderr.strip().count("\n") == 0 and "at least 16" in short.stderr
    assert "hunter2" not in short.stderr


def test_failed_attempts_are_limited_per_client(tmp_path: Path) -> None:
    service = start_service(tmp_path / "svc", make_fake(tmp_path / "fake"), "--no-schedule")
    try:
        url = service.url + "/sites/baolongan/crawl"
        assert http("POST", url).status == 401  # no credential: no guess, not counted
        for attempt in range(10):
            assert http("POST", url, token=f"guess-{attempt:02d}-0123456789").status == 401
        limited = http("POST", url, token="guess-10-0123456789")
        assert limited.status == 429 and 1 <= int(limited.headers["retry-after"]) <= 60
        assert http("POST", url, token=TOKEN).status == 429  # locked out, even with the right one
        assert http("GET", f"{service.url}/runs/1", token=TOKEN).status == 429
        assert http("GET", service.url + "/healthz").status == 200  # reads stay open
    finally:
        service.stop()
    assert "10 failed token attempts" in service.log_text()


def test_failure_limiter_window_and_bound() -> None:
    now = [0.0]
    limiter = FailureLimiter(limit=3, window=60, max_clients=2, clock=lambda: now[0])
    for _ in range(3):
        assert limiter.retry_after("a") is None
        limiter.failed("a")
    assert limiter.retry_after("a") == 60 and limiter.retry_after("b") is None
    now[0] = 45.0
    assert limiter.retry_after("a") == 15
    now[0] = 60.5
    assert limiter.retry_after("a") is None
    for client in ("c", "d", "e"):
        limiter.failed(client)
    assert len(limiter._failures) <= 2


# -- item 12: the status page ----------------------------------------------------------------------------


def _drifted_history(path: Path, sample: str) -> None:
    history = RunHistory(path)
    monitor = Monitor(history, MonitorConfig())
    items = 10
    fields = {n: {"family": items} for n in ("title", "published_at", "lead", "authors", "section", "tags")}
    fields["body_text"] = {"generic": items}
    fields["images"] = {"family": items}
    stats = {
        "pages_fetched": 20,
        "articles_written": items,
        "rejects": 0,
        "errors": 0,
        "monitor": {
            "items": items,
            "fields": fields,
            "quality": {n: items for n in ("title", "published_at", "authors", "body_text", "images")},
            "fallback_samples": {"body_text": [sample, "https://hanoimoi.vn/ok-1.html"]},
            "status": {"200": 20},
            "seconds": 3.0,
        },
    }
    run = history.create("hanoimoi", "manual", owner=(os.getpid(), "test"))
    history.transition(run.id, RUNNING, started_at=datetime.now(UTC))
    run = history.transition(
        run.id, SUCCEEDED, finished_at=datetime.now(UTC), stats={"sites": {"hanoimoi": stats}}
    )
    monitor.after_run(run)
    history.close()


def test_status_page_sends_csp_and_nosniff_and_links_only_http(tmp_path: Path) -> None:
    hostile = "javascript:fetch('/sites/x/crawl',{method:'POST'})//https://hanoimoi.vn/a.html"
    folder = tmp_path / "svc"
    (folder / "state").mkdir(parents=True)
    _drifted_history(folder / "state" / "service.sqlite", hostile)
    server = start_service(folder, make_fake(tmp_path / "fake"), "--no-schedule")
    try:
        page = http("GET", server.url + "/")
    finally:
        server.stop()
    assert page.status == 200
    headers = {k.lower(): v for k, v in page.headers.items()}
    assert headers["x-content-type-options"] == "nosniff"
    csp = headers["content-security-policy"]
    assert csp == CSP and "default-src 'none'" in csp and "script-src" not in csp
    style = re.search(r"<style>(.*?)</style>", page.text, re.S)
    assert style is not None
    digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in csp  # the page's own style block, and nothing else
    assert 'href="javascript' not in page.text.lower() and "javascript:fetch" in page.text
    assert '<a href="https://hanoimoi.vn/ok-1.html">' in page.text
    hrefs = re.findall(r'href="([^"]*)"', page.text)
    assert hrefs and all(h.startswith(("/", "#", "http://", "https://")) for h in hrefs), hrefs
    assert STATUS_HEADERS["Referrer-Policy"] == "no-referrer"


# -- item 14: a dead portal ------------------------------------------------------------------------------


def test_unreachable_counts_failed_requests_not_our_refusals() -> None:
    t = Thresholds()

    def metrics(pages: int, classes: dict[str, int]) -> RunMetrics:
        site = {"pages_fetched": pages, "errors": sum(classes.values()), "errors_by_class": classes}
        return RunMetrics.from_site_stats(site)

    dead = unreachable(metrics(0, {"dns": 4}), t)
    assert dead is not None and dead.name == SITE_UNREACHABLE and dead.error_classes == {"dns": 4}
    assert "dns 4" in dead.message and "no page fetched" in dead.message
    assert unreachable(metrics(0, {}), t) is not None  # fetched nothing at all
    flaky = unreachable(metrics(10, {"timeout": 8, "connection_refused": 5}), t)  # 13 of 23 requests
    assert flaky is not None and flaky.error_classes == {"timeout": 8, "connection_refused": 5}
    assert unreachable(metrics(10, {"timeout": 3, "http_404": 2}), t) is None
    assert unreachable(metrics(10, {"http_503": 6}), t) is not None  # 6 of 10 answers were errors
    refusals = {"robots": 40, "offsite": 30, "callback_RecursionError": 5}
    assert unreachable(metrics(10, refusals), t) is None
    assert unreachable(metrics(10, {"dns": 8}), Thresholds(unreachable_share=0.5)) is None  # 8 of 18


def test_a_dead_portal_fails_its_run_raises_one_alert_and_a_healthy_run_resolves_it(
    service: ServiceProcess, fake: FakeCrawl
) -> None:
    site = "baoquangninh"
    dead = {"seconds": 0.1, "pages": 0, "articles": 0, "errors": 4, "errors_by_class": {"dns": 4}}
    fake.plan({"seconds": 0.1}, **{site: dead})
    runs = []
    for _ in range(2):
        run_id = http("POST", f"{service.url}/sites/{site}/crawl", token=TOKEN).json()["run_id"]
        runs.append(service.wait_run(run_id))
    for run in runs:
        assert run["state"] == "failed" and run["exit_code"] == 0, run
        assert "unreachable" in run["error"] and "dns 4" in run["error"]
        assert run["monitor"]["healthy"] is False
    assert [a["name"] for a in runs[0]["monitor"]["alerts"]] == [SITE_UNREACHABLE]
    alerts = http("GET", f"{service.url}/alerts?state=open&site={site}").json()
    assert len(alerts) == 1 and alerts[0]["seen_count"] == 2
    alert = alerts[0]
    assert alert["key"] == f"check:{site}:{SITE_UNREACHABLE}" and alert["details"]["error_classes"] == {
        "dns": 4
    }

    page = http("GET", service.url + "/").text
    row = re.search(rf'<tr id="site-{site}">.*?</tr>', page, re.S)
    assert row is not None
    assert '<span class="state failed">failed</span>' in row.group(0)
    assert SITE_UNREACHABLE in row.group(0) and "dns 4" in row.group(0)
    assert '<th title="failed requests of the last run, by class">errors</th>' in page
    assert f'id="alert-{alert["id"]}"' in page

    fake.plan({"seconds": 0.1})
    healthy = service.wait_run(
        http("POST", f"{service.url}/sites/{site}/crawl", token=TOKEN).json()["run_id"]
    )
    assert healthy["state"] == "succeeded"
    assert [a["id"] for a in healthy["monitor"]["resolved"]] == [alert["id"]]
    assert http("GET", f"{service.url}/alerts?state=open&site={site}").json() == []


def test_status_page_render_marks_an_unreachable_site(tmp_path: Path) -> None:
    history = RunHistory(tmp_path / "h.sqlite")
    monitor = Monitor(history, MonitorConfig())
    run = history.create("baocantho", "schedule", owner=(os.getpid(), "test"))
    history.transition(run.id, RUNNING, started_at=datetime.now(UTC))
    stats = {"pages_fetched": 0, "errors": 3, "errors_by_class": {"dns": 2, "timeout": 1}}
    run = history.transition(
        run.id,
        "failed",
        finished_at=datetime.now(UTC),
        stats={"sites": {"baocantho": stats}},
        errors=3,
        pages=0,
        error="site unreachable",
    )
    outcome = monitor.after_run(run)
    assert outcome is not None and [a.name for a in outcome.opened] == [SITE_UNREACHABLE]
    html = render_status(history, all_sites().values(), datetime.now(UTC))
    assert "failed requests 100%: dns 2, timeout 1" in html
    assert '<td class="num low">3<br><small>dns 2, timeout 1</small></td>' in html
