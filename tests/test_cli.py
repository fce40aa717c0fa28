"""The command line as an operator uses it: real processes, real output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from processes import run_cli

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
