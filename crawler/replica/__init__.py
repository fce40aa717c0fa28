"""A local replica of the provincial news portals, for tests and the offline demo (never the real sites).

`build_replica()` gives the default corpus of every registered site (articles written here, see `corpus`);
`ReplicaServer` serves a `Replica` over HTTP on 127.0.0.1. The crawler reaches it by rewriting
`https://<host><path>?<query>` to `<base_url>/<host><path>?<query>`.
"""

from __future__ import annotations

from crawler.replica.model import Page, ReplicaArticle, ReplicaImage
from crawler.replica.state import Replica


def build_replica() -> Replica:
    """A replica holding the default corpus of every registered site."""
    from crawler.replica.corpus import default_corpus

    return Replica(default_corpus())


from crawler.replica.server import ReplicaServer, main  # noqa: E402 - server uses build_replica

__all__ = ["Page", "Replica", "ReplicaArticle", "ReplicaImage", "ReplicaServer", "build_replica", "main"]
