"""The file:// store writes objects and folders as any program does: under the process umask."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler.store import LocalStore

KEY = "articles/baoapbac/2021/03/24/baoapbac-1050912.json"


@pytest.fixture(params=[(0o022, 0o644, 0o755), (0o027, 0o640, 0o750)], ids=["umask022", "umask027"])
def umask(request: pytest.FixtureRequest) -> Iterator[tuple[int, int]]:
    """(the file mode, the folder mode) the umask gives, with that umask set for the test."""
    mask, file_mode, dir_mode = request.param
    old = os.umask(mask)
    try:
        yield file_mode, dir_mode
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_objects_and_folders_follow_the_umask(tmp_path: Path, umask: tuple[int, int]) -> None:
    file_mode, dir_mode = umask
    store = LocalStore(tmp_path / "store")
    store.check()
    store.put(KEY, b"{}")
    store.put(KEY, b'{"v": 2}')  # replaced: still the umask's mode, not the temporary file's 0600
    assert store.put_if_absent("feed/000000000001.json", b"{}")
    assert mode(store.root / KEY) == file_mode
    assert mode(store.root / "feed/000000000001.json") == file_mode
    for folder in [store.root, store.staging, *(p for p in store.root.rglob("*") if p.is_dir())]:
        assert mode(folder) == dir_mode, folder
    assert list(store.staging.iterdir()) == []


def test_the_exclusive_create_without_hard_links_follows_the_umask(
    tmp_path: Path, umask: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError(errno.EPERM, "no hard links here")

    monkeypatch.setattr(os, "link", no_links)
    store = LocalStore(tmp_path / "store")
    assert store.put_if_absent("feed/000000000001.json", b"{}")
    assert not store.put_if_absent("feed/000000000001.json", b"[]")
    assert mode(store.root / "feed/000000000001.json") == umask[0]
