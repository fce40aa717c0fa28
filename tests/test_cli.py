"""The command line as an operator uses it: real processes, real output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from processes import free_port, run_cli
from test_fetch import Route, Server, local_resolver, serve

from crawler import fetch
from crawler.cli import EXIT_PIPE_CLOSED, main
from crawler.fetch import (
    EXIT_HTTP_CLIENT,
    EXIT_HTTP_SERVER,
    EXIT_NO_FILE,
    EXIT_PRIVATE,
    EXIT_REFUSED,
    EXIT_ROBOTS,
    EXIT_TOO_LARGE,
    EXIT_UNREACHABLE,
)
from crawler.sites import all_sites

ROOT = Path(__file__).resolve().parents[1]
SEED_PAGE = ROOT / "tests/fixtures/baoapbac/seed-2021-03-24.html"
SEED_URL = (
    "https://baoapbac.vn/chinh-tri/202103/"
    "doi-moi-phuong-thuc-lanh-dao-nang-cao-nang-luc-cua-co-so-dang-1006817/"
)


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, stdin=stdin, timeout=120)


def test_scrapy_list_prints_every_site_key() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-m", "scrapy", "list"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=True,
    )
    assert out.stdout.split() == list(all_sites())


def test_sites_table_names_archives_and_their_dates() -> None:
    out = run("sites")
    assert out.returncode == 0, out.stderr
    apbac = next(line for line in out.stdout.splitlines() if line.startswith("baoapbac "))
    assert "baoapbac.vn" in apbac and "Tiền Giang" in apbac and "2025-07-31" in apbac and " B " in apbac


def test_extract_prints_the_seed_article() -> None:
    out = run("extract", str(SEED_PAGE), "--url", SEED_URL, "--fetched-at", "2026-11-25T02:00:00+07:00")
    assert out.returncode == 0, out.stderr
    article = json.loads(out.stdout)
    assert article["title"] == "Đổi mới phương thức lãnh đạo, nâng cao năng lực của cơ sở Đảng"
    assert article["published_at"] == "2021-03-24T15:35:00+07:00"
    assert article["published_at_raw"] == "Thứ Tư, 24/03/2021, 15:35 (GMT+7)"
    assert article["source_tag"] == "ABO"
    assert article["lead"].startswith("Đó là một trong những chỉ đạo")
    assert article["authors"] == ["Hoài Thu"]
    assert "HOÀI THU" not in article["body_text"]
    assert "(ABO)" not in article["body_text"]
    captions = [image["caption"] for image in article["images"]]
    assert any(c and c.startswith("Đồng chí Thái Ngọc Bảo Trâm, Bí thư") for c in captions)
    assert not any(c and c in article["body_text"] for c in captions)
    assert article["id"] == "baoapbac-1006817"


def test_extract_without_url_for_a_file_is_a_clear_error() -> None:
    out = run("extract", str(SEED_PAGE))
    assert out.returncode == 2
    assert "--url" in out.stderr


def test_crawl_of_an_unknown_site_names_the_fix() -> None:
    out = run("crawl", "baokhongco")
    assert out.returncode == 2
    assert "unknown site 'baokhongco'" in out.stderr and "crawler sites" in out.stderr


def test_parse_date_keeps_lines_aligned() -> None:
    out = run(
        "parse-date", "-", stdin="Thứ Tư, 24/03/2021, 15:35 (GMT+7)\nĐang cập nhật\n15h35 ngày 24/3/2021\n"
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["2021-03-24T15:35:00+07:00", "", "2021-03-24T15:35:00+07:00"]


def test_parse_date_verbose_gives_rule_and_reason() -> None:
    out = run("parse-date", "-v", "31/02/2021 10:00")
    assert out.returncode == 0
    value, _precision, _rule, reason = out.stdout.rstrip("\n").split("\t")
    assert value == "" and reason == "impossible date"


# -- fetching (crawler/fetch.py): one line on stderr, one exit code per failure --------------------------


@pytest.fixture
def portal(monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    """A local server as `portal.test` (only the name resolves to it; 127.0.0.1 itself stays refused)."""
    monkeypatch.setattr(fetch, "resolve_public", local_resolver)
    state, httpd = serve()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("crawler: error: "), err
    return lines[0]


def test_extract_fetches_a_url_with_its_encoding(portal: Server, capsys: pytest.CaptureFixture[str]) -> None:
    portal.routes["/seed"] = (200, {"Content-Type": "text/html; charset=utf-8"}, SEED_PAGE.read_bytes())
    assert main(["extract", portal.url("/seed"), "--url", SEED_URL]) == 0
    article = json.loads(capsys.readouterr().out)
    assert article["title"] == "Đổi mới phương thức lãnh đạo, nâng cao năng lực của cơ sở Đảng"


@pytest.mark.parametrize(
    ("route", "code", "words"),
    [
        ((403, {}, b"forbidden"), EXIT_HTTP_CLIENT, "HTTP 403"),
        ((404, {}, b""), EXIT_HTTP_CLIENT, "HTTP 404"),
        ((502, {}, b""), EXIT_HTTP_SERVER, "HTTP 502"),
        (
            (302, {"Location": "http://127.0.0.1/admin"}, b""),
            EXIT_PRIVATE,
            "127.0.0.1 is not a public address",
        ),
        ((302, {"Location": "http://evil.test/"}, b""), EXIT_REFUSED, "evil.test is not one of the site's"),
        ((200, {"Content-Length": str(64 * 1024 * 1024)}, b""), EXIT_TOO_LARGE, "more than the"),
    ],
)
def test_extract_of_a_url_that_fails_is_one_line_and_its_code(
    portal: Server, capsys: pytest.CaptureFixture[str], route: Route, code: int, words: str
) -> None:
    portal.routes["/page"] = route
    assert main(["extract", portal.url("/page")]) == code
    assert words in one_error_line(capsys)


def test_extract_obeys_robots_txt(portal: Server, capsys: pytest.CaptureFixture[str]) -> None:
    portal.routes["/robots.txt"] = (200, {}, b"User-agent: *\nDisallow: /\n")
    assert main(["extract", portal.url("/page")]) == EXIT_ROBOTS
    assert "robots.txt of portal.test disallows" in one_error_line(capsys)
    assert portal.paths == ["/robots.txt"]


def test_extract_of_a_refused_connection(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(fetch, "resolve_public", local_resolver)
    assert main(["extract", f"http://portal.test:{free_port()}/page"]) == EXIT_UNREACHABLE
    assert one_error_line(capsys).endswith("/page: connection refused")


def test_extract_errors_in_a_real_process_are_one_line_without_a_traceback(tmp_path: Path) -> None:
    state, httpd = serve()
    try:
        missing = run("extract", str(tmp_path / "missing.html"), "--url", SEED_URL)
        private = run("extract", state.url("/page", host="127.0.0.1"))
        suggest = run("sites", "--suggest", "127.0.0.1")
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert missing.returncode == EXIT_NO_FILE
    assert (
        missing.stderr
        == f"crawler: error: cannot read {tmp_path / 'missing.html'}: No such file or directory\n"
    )
    assert private.returncode == EXIT_PRIVATE and len(private.stderr.splitlines()) == 1
    assert "127.0.0.1 is not a public address" in private.stderr
    assert suggest.returncode == EXIT_PRIVATE and len(suggest.stderr.splitlines()) == 1, suggest.stderr
    assert state.seen == []  # nothing was sent to the private address


# -- the service client: the token never crosses a redirect ----------------------------------------------


def test_recrawl_and_runs_refuse_a_redirect_and_keep_the_token(monkeypatch: pytest.MonkeyPatch) -> None:
    token = "t0ken-" + "x" * 30
    monkeypatch.setenv("CRAWLER_API_TOKEN", token)
    elsewhere, httpd_b = serve()
    service, httpd_a = serve()
    moved = (302, {"Location": elsewhere.url("/sites/baophutho/crawl", host="127.0.0.1")}, b"")
    service.routes["/sites/baophutho/crawl"] = moved
    service.routes["/runs?limit=20"] = (302, {"Location": elsewhere.url("/runs", host="127.0.0.1")}, b"")
    try:
        server = service.url("", host="127.0.0.1")
        recrawl = run("recrawl", "baophutho", "--server", server)
        runs = run("runs", "--server", server)
    finally:
        for httpd in (httpd_a, httpd_b):
            httpd.shutdown()
            httpd.server_close()
    for done in (recrawl, runs):
        assert done.returncode == 2, done.stderr
        assert len(done.stderr.splitlines()) == 1 and "a redirect to http://127.0.0.1" in done.stderr
        assert "not followed" in done.stderr and token not in done.stderr + done.stdout
    assert elsewhere.seen == []  # neither the token nor anything else went where the redirect pointed
    assert service.seen[0][1]["Authorization"] == f"Bearer {token}"


# -- a reader that goes away ------------------------------------------------------------------------------


def without_reader(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run the CLI with stdout a pipe whose reader is gone before the first write (`| head` exiting early)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [sys.executable, "-m", "crawler.cli", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env=env or {**os.environ, "PYTHONPATH": str(ROOT)},
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)


def test_sites_piped_into_head_exits_quietly() -> None:
    gone = without_reader("sites")
    assert gone.returncode == EXIT_PIPE_CLOSED and gone.stderr == b""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    shell = subprocess.run(
        ["bash", "-o", "pipefail", "-c", f"{sys.executable} -m crawler.cli sites | head -1"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    assert shell.stdout.split()[:2] == ["KEY", "DOMAIN"]
    assert "Traceback" not in shell.stderr and shell.stderr == ""
    assert shell.returncode in (0, EXIT_PIPE_CLOSED)


def test_feed_read_piped_into_head_exits_quietly(tmp_path: Path) -> None:
    from crawler.feed.commit import commit_batch
    from crawler.spool import WorkDir
    from crawler.store import LocalStore

    store = LocalStore(tmp_path / "store")
    workdir = WorkDir(tmp_path / "spool", store.url)
    batch = workdir.batch("run-1")
    batch.acquire()
    for n in range(3):
        key = f"articles/sggp/2026/01/01/sggp-{n}.json"
        entry = {
            "key": key,
            "kind": "article",
            "id": f"sggp-{n}",
            "site": "sggp",
            "version": 1,
            "content_hash": f"sha256:{n:064x}",
            "published_at": "2026-01-01T08:00:00+07:00",
            "sha256": "0" * 64,
            "bytes": 2,
        }
        store.put(key, json.dumps({"id": f"sggp-{n}", "version": 1}).encode())
        batch.append(entry)
    batch.write_meta({"run_id": "run-1", "kind": "crawl", "started_at": "2026-01-01T00:00:00+07:00"})
    batch.release()
    commit_batch(store, workdir.pending_batches()[0], workdir=workdir)
    gone = without_reader("feed", "read", "--store", store.url)
    assert gone.returncode == EXIT_PIPE_CLOSED
    assert b"Traceback" not in gone.stderr and b"BrokenPipe" not in gone.stderr
