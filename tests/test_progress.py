"""Live progress of a crawl (crawler/progress.py): the status line and the finished sites' lines, nothing when
stdout is no terminal, and the CLI on a pipe and on a pseudo-terminal."""

from __future__ import annotations

import io
import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from processes import ROOT, run_cli

from crawler.progress import CLEAR_LINE, Counts, Progress, elapsed
from crawler.runner import COUNTERS
from crawler.sites import get_site

PTY_SITES = ("baobackan", "baobacgiang", "sggp")


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class FakeStats:
    def __init__(self, **values: int) -> None:
        self.values = {COUNTERS[name]: value for name, value in values.items()}

    def get_value(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


def test_status_line_has_sites_done_thousands_and_elapsed_time() -> None:
    clock = Clock()
    progress = Progress(Terminal(), 66, clock)
    progress.running("baoapbac", lambda: FakeStats(pages_fetched=1204, articles_written=310, errors=2))
    progress.running("sggp", lambda: FakeStats(not_modified=45))
    clock.now += 42.7
    assert progress.render() == "[ 0/66 sites] 1,204 pages · 310 articles · 2 errors · 45 not modified · 0:42"
    progress.site_finished("sggp", "finished")
    progress.site_finished("tuoitre", "finished", Counts(pages=1, articles=1, errors=1), 3.0)
    clock.now += 3600
    assert progress.render() == (
        "[ 2/66 sites] 1,205 pages · 311 articles · 3 errors · 45 not modified · 1:00:42"
    )
    assert progress.done == 2


def test_elapsed_time_reads_minutes_then_hours() -> None:
    assert [elapsed(s) for s in (0, 9.9, 42, 605, 3723, 36000)] == [
        "0:00",
        "0:09",
        "0:42",
        "10:05",
        "1:02:03",
        "10:00:00",
    ]


def test_finished_site_line_names_reason_figures_and_seconds() -> None:
    progress = Progress(Terminal(), 3)
    progress.running("baoapbac", lambda: None)
    line = progress.site_line("sggp", "shutdown", Counts(pages=12345, articles=1, errors=0), 61.25)
    assert line == "sggp      shutdown   12,345 pages · 1 article · 0 errors · 61.2 s"
    assert progress.site_line("baoapbac", None, Counts(), 0.04).startswith("baoapbac  unknown    0 pages")


def test_a_finished_site_is_printed_above_a_redrawn_status_line() -> None:
    stream, clock = Terminal(), Clock()
    progress = Progress(stream, 2, clock)
    stats = FakeStats(pages_fetched=7, articles_written=3)
    progress.running("sggp", lambda: stats)
    progress.running("tuoitre", lambda: None)  # no stats yet: counts as nothing
    progress.refresh()
    status = "[0/2 sites] 7 pages · 3 articles · 0 errors · 0 not modified · 0:00"
    assert stream.getvalue() == "\r" + status + CLEAR_LINE
    clock.now += 2
    stats.values[COUNTERS["pages_fetched"]] = 9  # read when the site closes, not when it opened
    progress.site_finished("sggp", "finished")
    site = "sggp     finished   9 pages · 3 articles · 0 errors · 2.0 s"
    status = "[1/2 sites] 9 pages · 3 articles · 0 errors · 0 not modified · 0:02"
    assert stream.getvalue().endswith("\r" + CLEAR_LINE + site + "\n" + "\r" + status + CLEAR_LINE)
    progress.stop()
    assert stream.getvalue().endswith(CLEAR_LINE + "\r" + CLEAR_LINE)
    written = stream.getvalue()
    progress.stop()  # twice: nothing more
    progress.clear()
    assert stream.getvalue() == written


def test_nothing_is_written_when_the_stream_is_no_terminal() -> None:
    stream = io.StringIO()
    assert not stream.isatty()
    for progress in (Progress(stream, 2), Progress(None, 2)):
        progress.running("sggp", lambda: FakeStats(pages_fetched=3))
        progress.refresh()
        progress.site_finished("sggp", "finished")
        progress.start()  # no site to watch on a non-terminal: no loop either
        progress.stop()
        assert not progress.enabled
        assert progress.done == 1 and progress.render().startswith("[1/2 sites] 3 pages")
    assert stream.getvalue() == ""


def test_a_terminal_that_goes_away_ends_the_progress_not_the_crawl() -> None:
    class Closing(Terminal):
        def write(self, text: str) -> int:
            raise OSError(5, "Input/output error")

    progress = Progress(Closing(), 1)
    progress.refresh()
    assert not progress.enabled
    progress.site_finished("sggp", "finished", Counts(), 1.0)


def test_runner_counters_include_not_modified_and_requests() -> None:
    assert COUNTERS["not_modified"] == "crawler/not_modified"
    assert COUNTERS["not_modified_article"] == "crawler/not_modified/article"
    assert COUNTERS["sitemaps_unchanged"] == "crawler/discovery/sitemap_unchanged"
    assert COUNTERS["requests"] == "downloader/request_count"


# -- the command line ---------------------------------------------------------------------------------------


def test_demo_to_a_pipe_prints_no_progress(tmp_path: Path) -> None:
    out = run_cli("demo", "--limit", "1", "--store", (tmp_path / "demo").as_uri(), timeout=120)
    assert out.returncode == 0, out.stderr
    assert "\r" not in out.stdout and "\x1b[" not in out.stdout
    assert "sites]" not in out.stdout and "sites]" not in out.stderr
    assert re.search(r"^total\s+\d+\s+\d+", out.stdout, re.M)


def screen(raw: str) -> list[str]:
    """The lines a terminal shows for `raw`: `\\r` goes back to the start of the line, `\\x1b[K` erases to
    its end, `\\n` starts the next line (no other control sequence is expected)."""
    lines: list[str] = []
    line: list[str] = []
    column = 0
    for token in re.findall(r"\x1b\[K|\r|\n|[^\r\n\x1b]+|\x1b", raw):
        if token == "\r":
            column = 0
        elif token == "\n":
            lines.append("".join(line))
            line, column = [], 0
        elif token == CLEAR_LINE:
            del line[column:]
        else:
            assert token != "\x1b", f"an unexpected escape sequence in {raw!r}"
            line[column : column + len(token)] = token
            column += len(token)
    if line:
        lines.append("".join(line))
    return lines


def test_screen_emulation() -> None:
    assert screen("\rstatus one\x1b[K\r\x1b[Ksite\r\n\rstat\x1b[KINFO: x\nab\rc") == [
        "site",
        "statINFO: x",
        "cb",
    ]


def test_crawl_on_a_terminal_shows_finished_sites_and_a_status_line(tmp_path: Path) -> None:
    from replica import Replica, ReplicaServer
    from replica.corpus import default_corpus

    sites = {key: get_site(key) for key in PTY_SITES}
    with ReplicaServer(Replica(default_corpus(sites.values()), sites=sites)) as server:
        master, slave = pty.openpty()
        command = [sys.executable, "-m", "crawler.cli", "crawl", *PTY_SITES, "--limit", "1"]
        command += ["--replica", server.base_url, "--store", (tmp_path / "store").as_uri()]
        command += ["--state", str(tmp_path / "state.sqlite"), "--log-level", "INFO"]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        env.pop("NO_COLOR", None)
        process = subprocess.Popen(
            command, stdout=slave, stderr=slave, stdin=subprocess.DEVNULL, cwd=ROOT, env=env
        )
        os.close(slave)
        chunks: list[bytes] = []
        deadline = time.monotonic() + 90
        try:
            while time.monotonic() < deadline:
                ready, _, _ = select.select([master], [], [], 0.5)
                if not ready:
                    continue
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # EIO: every end of the slave is closed, the process is done
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            code = process.wait(timeout=max(deadline - time.monotonic(), 1))
        finally:
            os.close(master)
            if process.poll() is None:
                process.kill()
                process.wait()
    raw = b"".join(chunks).decode("utf-8", errors="replace")
    assert code == 0, raw[-3000:]
    assert re.search(
        rf"\r\[3/3 sites\] \d+ pages · \d+ articles? · 0 errors · 0 not modified · 0:\d\d{re.escape(CLEAR_LINE)}",
        raw,
    )
    shown = screen(raw.replace("\r\n", "\n"))
    for key in PTY_SITES:
        line = next((line for line in shown if line.startswith(key + " ")), None)
        assert line is not None, shown
        assert re.fullmatch(rf"{key} +finished +\d+ pages? · 1 article · 0 errors · \d+\.\d s", line), line
    # Cleared before the table, and log records on lines of their own: no status text left on screen.
    assert not any("sites]" in line for line in shown), shown
    assert any("INFO" in line for line in shown)
    table = shown.index(next(line for line in shown if line.startswith("SITE ")))
    for key in PTY_SITES:
        assert any(re.match(rf"{key} +\d+ +1 +0 +0$", line) for line in shown[table:]), shown[table:]
    assert any(re.match(r"total +\d+ +3 ", line) for line in shown[table:]), shown[table:]
