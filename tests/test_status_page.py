"""The status page at `/`: every site, its last run, coverage and open alerts, recent runs; no JavaScript.

The run history is filled through the monitors themselves (clean runs of every site, then a drifted one), the
real service serves it, and Debian's Chromium, headless and with JavaScript switched off, loads the page,
driven by Selenium through Debian's chromedriver (WebDriver: a standard protocol with a maintained client, so
the test reads as "find the row of each site" rather than as DevTools messages). The screenshot goes to
`$CRAWLER_ARTIFACTS/status-page.png`, by default `data/artifacts/status-page.png` (git-ignored).
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from processes import free_port

from crawler.monitor.engine import Monitor
from crawler.monitor.thresholds import MonitorConfig
from crawler.runs import FAILED, RUNNING, SUCCEEDED
from crawler.service.history import RunHistory
from crawler.sites import all_sites

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
DRIFTED = "hanoimoi"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1400,1000",
)


def site_stats(items: int, generic_body: int = 0) -> dict[str, Any]:
    fields = {
        name: {"family": items} for name in ("title", "published_at", "lead", "authors", "section", "tags")
    }
    fields["body_text"] = {"family": items - generic_body, "generic": generic_body}
    fields["images"] = {"family": items - generic_body, "generic": generic_body}
    samples = [f"https://{DRIFTED}.vn/bai-viet-{i}-10000{i}.html" for i in range(min(generic_body, 3))]
    return {
        "pages_fetched": items + 6,
        "articles_written": items,
        "rejects": 0,
        "errors": 0,
        "monitor": {
            "items": items,
            "fields": fields,
            "quality": {
                "title": items,
                "published_at": items,
                "authors": items - 1,
                "body_text": items,
                "images": items,
            },
            "fallback_samples": {"body_text": samples, "images": samples} if samples else {},
            "status": {"200": items + 6},
            "seconds": 4.0,
        },
    }


def fill_history(path: Path) -> int:
    """Two clean runs of every site, a drifted run of DRIFTED, a failed run of another; the alert's id."""
    history = RunHistory(path)
    monitor = Monitor(history, MonitorConfig())

    def record(site: str, stats: dict[str, Any] | None, state: str = SUCCEEDED) -> None:
        run = history.create(site, "schedule", owner=(os.getpid(), "test"))
        history.transition(run.id, RUNNING, started_at=datetime.now(UTC))
        run = history.transition(
            run.id,
            state,
            finished_at=datetime.now(UTC),
            stats={"sites": {site: stats}} if stats else None,
            articles=stats["articles_written"] if stats else None,
            pages=stats["pages_fetched"] if stats else None,
            errors=0,
            duration_seconds=4.2,
            error=None if state == SUCCEEDED else "the crawl exited with code 1",
        )
        monitor.after_run(run)

    for _ in range(2):
        for key in all_sites():
            record(key, site_stats(8))
    record(DRIFTED, site_stats(8, generic_body=8))
    record("baodongthap", None, FAILED)
    alerts = history.alerts(state="open")
    assert [(a.site, a.field) for a in alerts] == [(DRIFTED, "body_text")]
    history.close()
    return alerts[0].id


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """The service over a filled history: (its URL, the open alert's id)."""
    folder = tmp_path_factory.mktemp("status")
    alert_id = fill_history(folder / "service.sqlite")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CRAWLER_API_TOKEN")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    argv = [
        sys.executable, "-m", "crawler.service", "serve", "--port", str(port), "--insecure-no-auth",
        "--no-schedule", "--state", str(folder / "service.sqlite"), "--store", f"file://{folder / 'store'}",
    ]  # fmt: skip
    log_path = folder / "service.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, cwd=folder, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert proc.poll() is None, log_path.read_text()
            try:
                urllib.request.urlopen(url + "/healthz", timeout=2).close()
                break
            except OSError:
                assert time.monotonic() < deadline, log_path.read_text()
                time.sleep(0.1)
        yield url, alert_id
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_status_page_is_plain_html_with_every_site_the_alert_and_recent_runs(served: tuple[str, int]) -> None:
    url, alert_id = served
    with urllib.request.urlopen(url + "/", timeout=10) as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/html")
        html = response.read().decode("utf-8")
    assert "<script" not in html.lower() and " onclick=" not in html.lower()
    for key in all_sites():
        assert f'<tr id="site-{key}">' in html, key
    assert f'id="alert-{alert_id}"' in html
    assert "before 0%, after 100%" in html
    assert f"https://{DRIFTED}.vn/bai-viet-0-100000.html" in html
    assert '<span class="state failed">failed</span>' in html
    assert "/" not in [route for route in _openapi_paths(url)]  # a page for people, not part of the API


def _openapi_paths(url: str) -> list[str]:
    import json

    with urllib.request.urlopen(url + "/openapi.json", timeout=10) as response:
        return list(json.loads(response.read())["paths"])


def _artifact_path() -> Path:
    folder = Path(os.environ.get("CRAWLER_ARTIFACTS") or ROOT / "data" / "artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "status-page.png"


def test_status_page_in_headless_chromium_lists_every_site_and_the_alert(
    served: tuple[str, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    webdriver = pytest.importorskip(
        "selenium.webdriver", reason="selenium is not installed (pip install -e '.[dev]')"
    )
    from selenium.webdriver.chrome.service import Service as DriverService
    from selenium.webdriver.common.by import By

    for program, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not os.access(program, os.X_OK):
            pytest.skip(f"{program} is missing: `make system-deps` (apt-get install {package}) installs it")
    url, alert_id = served
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    # The page must work without JavaScript: the browser runs none on it.
    options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=DriverService(executable_path=CHROMEDRIVER), options=options)
    try:
        driver.get(url + "/")
        assert driver.title == "vn-news-crawler status"
        rows = driver.find_elements(By.CSS_SELECTOR, "#sites tbody tr")
        assert sorted(row.get_attribute("id") for row in rows) == sorted(f"site-{k}" for k in all_sites())
        for row in rows:
            assert row.is_displayed()
        alert = driver.find_element(By.ID, f"alert-{alert_id}")
        assert alert.is_displayed()
        assert DRIFTED in alert.text and "body_text" in alert.text and "before 0%, after 100%" in alert.text
        cell = driver.find_element(By.CSS_SELECTOR, f"#site-{DRIFTED} a.alert")
        assert cell.get_attribute("href").endswith(f"#alert-{alert_id}")
        assert driver.find_elements(By.CSS_SELECTOR, "#runs .state.failed")
        assert driver.find_element(By.CSS_SELECTOR, "#site-baodongthap").text.count("failed") == 1

        # The whole page, not only the window.
        size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
        shot = driver.execute_cdp_cmd(
            "Page.captureScreenshot",
            {
                "format": "png",
                "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1},
            },
        )
    finally:
        driver.quit()
    path = _artifact_path()
    path.write_bytes(base64.b64decode(shot["data"]))
    assert path.read_bytes().startswith(b"\x89PNG") and path.stat().st_size > 10_000
    with capsys.disabled():  # shown on the terminal whatever the capture mode
        print(f"\nstatus page screenshot: {path}")
