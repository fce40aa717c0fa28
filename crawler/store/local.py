"""The `file://` store: a local folder, objects written atomically (temporary file, fsync, rename)."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path

from crawler.durable import fsync_dir, write_durably, write_temp
from crawler.store.base import StoreError
from crawler.store.layout import check_key


class LocalStore:
    """Objects as files under `root`; the key is the relative path."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.url = self.root.as_uri()

    def _path(self, key: str) -> Path:
        return self.root / check_key(key)

    def put(self, key: str, data: bytes, content_type: str = "application/json; charset=utf-8") -> None:
        path = self._path(key)
        try:
            write_durably(path, data)
        except OSError as exc:
            raise StoreError(f"cannot write {path}: {exc.strerror or exc}") from exc

    def put_if_absent(
        self, key: str, data: bytes, content_type: str = "application/json; charset=utf-8"
    ) -> bool:
        """A complete temporary file, then a hard link to the key: link(2) fails if the name exists, so this
        is an exclusive create (like O_EXCL) that never shows a reader a partly written file. Where the
        filesystem has no hard links, an O_EXCL create written in place (readers skip unparsable segments)."""
        path = self._path(key)
        try:
            tmp = write_temp(path.parent, data)
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
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
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
        for dirpath, _dirnames, filenames in os.walk(self.root):
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
