"""Whether a process of this host still runs: for telling a killed writer or owner from a live one."""

from __future__ import annotations

import os


def pid_alive(pid: int) -> bool:
    """True while a process with this pid runs here (one we may not signal counts as running)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
