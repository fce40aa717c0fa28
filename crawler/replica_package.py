"""The replica of the portals is development infrastructure, its own distribution (`replica/`), not part of the
product: `crawler demo`, `crawler replica` and the replica mode of `crawler check` load it when it is installed
and say how to get it when it is not (the Docker image has none)."""

from __future__ import annotations

import importlib
from types import ModuleType

INSTALL_HINT = (
    "the replica of the portals is not installed: it is test and demo infrastructure, kept out of the product "
    "and its Docker image; from a checkout of the project run `make venv` (or `pip install -e ./replica`)"
)


class ReplicaMissing(RuntimeError):
    """The `replica` package is not installed here."""


def load_replica() -> ModuleType:
    """The `replica` package, or `ReplicaMissing` saying how to install it."""
    try:
        return importlib.import_module("replica")
    except ModuleNotFoundError as error:
        if error.name != "replica":  # the replica is there, and something it needs is not: not ours to hide
            raise
        raise ReplicaMissing(INSTALL_HINT) from None


__all__ = ["INSTALL_HINT", "ReplicaMissing", "load_replica"]
