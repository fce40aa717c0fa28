"""The product ships without its replica: the wheel and the Docker image hold crawler, spiders and pipelines
only, and the commands that need the replica say how to get it when it is missing."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

from processes import ROOT


def test_the_wheel_holds_the_product_and_no_replica(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(tmp_path),
            ".",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    (wheel,) = tmp_path.glob("vn_news_crawler-*.whl")
    top = {name.split("/")[0] for name in zipfile.ZipFile(wheel).namelist()}
    assert {"crawler", "spiders", "pipelines"} <= top
    assert "replica" not in top
    names = zipfile.ZipFile(wheel).namelist()
    assert not [n for n in names if "replica" in n and n != "crawler/replica_package.py"], names


def test_the_docker_image_copies_no_replica() -> None:
    copied = re.findall(r"^COPY\s+(.+?)\s+\S+$", (ROOT / "Dockerfile").read_text(encoding="utf-8"), re.M)
    sources = {source for line in copied for source in line.split()}
    assert {"crawler", "spiders", "pipelines"} <= sources
    assert not any("replica" in source or source in (".", "./") for source in sources), sources


def _without_replica(*args: str) -> subprocess.CompletedProcess[str]:
    """The CLI in a process where `import replica` fails, as in the Docker image."""
    code = "import sys; sys.modules['replica'] = None; from crawler.cli import main; raise SystemExit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_demo_without_the_replica_says_how_to_get_it(tmp_path: Path) -> None:
    done = _without_replica("demo", "--store", (tmp_path / "store").as_uri(), "--no-progress")
    assert done.returncode == 2
    assert "replica of the portals is not installed" in done.stderr
    assert "pip install -e ./replica" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "store" / "articles").exists()


def test_check_without_the_replica_says_how_to_get_it() -> None:
    done = _without_replica("check", "baoapbac")
    assert done.returncode == 2, done.stderr
    assert "make venv" in done.stderr and "Traceback" not in done.stderr
