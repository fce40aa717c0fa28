"""The object store interface: a flat key space of immutable-ish JSON objects, as S3 has."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol


class StoreError(RuntimeError):
    """The store could not be read or written (the outside world failed, not the caller)."""


class ObjectStore(Protocol):
    """Put, get and list objects by key. Keys are `/`-separated and never start with `/`."""

    url: str

    def put(self, key: str, data: bytes, content_type: str = "application/json; charset=utf-8") -> None:
        """Write one object atomically: readers see the old object or the new one, never a part."""

    def put_if_absent(
        self, key: str, data: bytes, content_type: str = "application/json; charset=utf-8"
    ) -> bool:
        """Create the object only if no object has the key (atomically, against concurrent writers): True
        when the key now holds `data` (written by this call, or already these very bytes, as after a retried
        request whose answer was lost), False when another object holds it."""

    def get(self, key: str) -> bytes:
        """The object's bytes; KeyError when there is none."""

    def exists(self, key: str) -> bool: ...

    def list(self, prefix: str = "") -> Iterator[str]:
        """Every key under `prefix`, in lexicographic order."""

    def describe(self, key: str) -> str:
        """Where a person finds the object (a path or a URL)."""

    def check(self) -> None:
        """Raise StoreError, with one line naming the fix, when the store cannot be written."""
