"""The `file://` store: a local folder, objects written atomically (temporary file, fsync, rename).

Objects and folders are created as any program creates them: mode 0666 and 0777 less the process umask (0644
and 0755 under the usual 022), so a reader running as another user can read the store.
"""

from __future__ import annotations

import errno
import os
import re
import socket
import time
from collections.abc import Iterator
from pathlib import Path

from crawler.durable import fsync_dir, write_durably, write_temp
from crawler.liveness import pid_alive
from crawler.store.base import StoreError
from crawler.store.layout import check_key

STAGING = ".staging"
"""The folder under the store's root where objects are written before they are renamed into place. Keys never
have hidden segments, so it can't clash with one, and `list` skips it."""
STALE_AFTER = 24 * 3600
"""Seconds after which a temporary file of another host's writer counts as abandoned."""


class LocalStore:
    """Objects as files under `root`; the key is the relative path."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.url = self.root.as_uri()

    @property
    def identity(self) -> str:
        """The store's canonical name, which the crawl state records: `file://` and the absolute path."""
        return self.url

    @property
    def staging(self) -> Path:
        return self.root / STAGING

    @staticmethod
    def _temp_prefix() -> str:
        """`.tmp-<host>-<pid>-`: who is writing, so that `sweep` can tell a live writer from a killed one."""
        host = re.sub(r"[^A-Za-z0-9.]+", "_", socket.gethostname())[:64] or "host"
        return f".tmp-{host}-{os.getpid()}-"

    def sweep(self, now: float | None = None) -> int:
        """Remove what killed writers left in the staging folder; the number of files removed.

        A file of this host's writers goes once its process is gone; one of another host's (a shared
        filesystem) once it is `STALE_AFTER` old. Objects themselves are never partial (rename into place), so
        this is housekeeping, run before each crawl.
        """
        if not self.staging.is_dir():
            return 0
        host = self._temp_prefix().split("-")[1]
        now = time.time() if now is None else now
        removed = 0
        for entry in self.staging.iterdir():
            match = re.match(r"^\.tmp-(?P<host>[^-]*)-(?P<pid>\d+)-", entry.name)
            try:
                if match and match["host"] == host:
                    abandoned = not pid_alive(int(match["pid"]))
                else:
                    abandoned = now - entry.stat().st_mtime > STALE_AFTER
                if abandoned:
                    entry.unlink()
                    removed += 1
            except FileNotFoundError:
                continue  # its writer renamed it meanwhile
        return removed

    def _path(self, key: str) -> Path:
        return self.root / check_key(key)

    def put(self, key: str, data: bytes, content_type: str = "application/json; charset=utf-8") -> None:
        path = self._path(key)
        try:
            write_durably(path, data, self.staging, self._temp_prefix(), shared=True)
        except OSError as exc:
            raise StoreError(f"cannot write {path}: {exc.strerror or exc}") from exc

    def _write_temp(self, data: bytes) -> Path:
        """`data` in a new file of the staging folder, flushed to disk, to be renamed or linked into place;
        readable by others under the umask (0644 by default), as the object it becomes must be."""
        return write_temp(self.staging, data, self._temp_prefix(), shared=True)

    def put_if_absent(
        self, key: str, data: bytes, content_type: str = "application/json; charset=utf-8"
    ) -> bool:
        """A complete temporary file, then a hard link to the key: link(2) fails if the name exists, so this
        is an exclusive create (like O_EXCL) that never shows a reader a partly written file. Where the
        filesystem has no hard links, an O_EXCL create written in place (readers skip unparsable segments)."""
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self._write_temp(data)
            try:
                try:
                    os.link(tmp, path)
                    created = True
                except FileExistsError:
                    created = False
                except OSError as exc:
                    if exc.errno not in (
                        errno.EPERM,
                        errno.ENOTSUP,
                        errno.EOPNOTSUPP,
                        errno.EXDEV,
                        errno.EMLINK,
                    ):
                        raise
                    created = self._create_exclusive(path, data)
            finally:
                tmp.unlink(missing_ok=True)
            if created:
                fsync_dir(path.parent)
                return True
            return path.read_bytes() == data
        except OSError as exc:
            raise StoreError(f"cannot write {path}: {exc.strerror or exc}") from exc

    @staticmethod
    def _create_exclusive(path: Path, data: bytes) -> bool:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            return False
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        return True

    def get(self, key: str) -> bytes:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError:
            raise KeyError(key) from None

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def list(self, prefix: str = "") -> Iterator[str]:
        if not self.root.is_dir():
            return iter(())
        keys = []
        for dirpath, dirnames, filenames in os.walk(self.root):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]  # the staging folder
            for name in filenames:
                if name.startswith(".tmp-"):
                    continue
                key = Path(dirpath, name).relative_to(self.root).as_posix()
                if key.startswith(prefix):
                    keys.append(key)
        return iter(sorted(keys))

    def check(self) -> None:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the store folder {self.root}: {exc.strerror or exc}") from exc
        if not os.access(self.root, os.W_OK):
            raise StoreError(f"the store folder {self.root} is not writable: fix its permissions or --store")

    def describe(self, key: str) -> str:
        return str(self._path(key))
