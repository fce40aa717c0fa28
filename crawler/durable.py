"""Files that are whole or absent after a crash: the store's objects, the spool's items and markers."""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path


def write_temp(folder: Path, data: bytes, prefix: str = ".tmp-", *, shared: bool = False) -> Path:
    """`data` in a new temporary file in `folder` (created if missing), flushed to disk; the caller renames
    or links it into place and removes it on failure.

    A private file (mode 0600, `mkstemp`'s) unless `shared`: then mode 0666 for the umask to trim, as any
    program writes a file others read (the rename keeps the temporary file's mode)."""
    folder.mkdir(parents=True, exist_ok=True)
    if shared:
        fd, tmp = _create_shared(folder, prefix)
    else:
        fd, tmp = tempfile.mkstemp(prefix=prefix, dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def _create_shared(folder: Path, prefix: str) -> tuple[int, str]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    while True:
        tmp = folder / f"{prefix}{secrets.token_hex(8)}"
        try:
            return os.open(tmp, flags, 0o666), str(tmp)
        except FileExistsError:  # pragma: no cover - 64 random bits
            continue


def write_durably(
    path: Path, data: bytes, staging: Path | None = None, prefix: str = ".tmp-", *, shared: bool = False
) -> None:
    """The whole file or none of it: temporary file, fsync, rename, fsync of the folder.

    The temporary file is written beside `path`, or in `staging` (a folder on the same filesystem) so that a
    process killed mid-write leaves its litter in one place that is cheap to sweep.
    """
    if staging is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    tmp = write_temp(staging if staging is not None else path.parent, data, prefix, shared=shared)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make a new name in `folder` durable (where the platform allows opening a directory)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
