"""`crawler ARGS…` in a process of its own, as a user runs it, for the tests that drive the command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args: str, timeout: float, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the CLI from the project root with the environment of the moment; never raises on exit codes."""
    return subprocess.run(
        [sys.executable, "-m", "crawler.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=timeout,
        check=False,
    )
