"""A local replica of the provincial news portals, for tests and the offline demo (never the real sites).

`build_replica()` gives the default corpus of every registered site (articles written here, see `corpus`);
`ReplicaServer` serves a `Replica` over HTTP on 127.0.0.1. The crawler reaches it by rewriting
`https://<host><path>?<query>` to `<base_url>/<host><path>?<query>`. The default corpus holds no story twice;
`Replica.syndicate` adds re-edited copies of one story on several sites (`wire.wire_story` writes TTXVN copy,
`wire.distinct_same_topic` other stories of the same kind for the negative case). `Replica.advance` makes a
night pass: new stories on the sites still publishing and corrections to recent articles (also `POST
/_replica/advance` on a running `ReplicaServer`). Feeds, sitemaps and listings carry `ETag` and `Last-Modified`,
so conditional requests get a 304 where nothing changed.
"""

from __future__ import annotations

from replica.model import Page, ReplicaArticle, ReplicaImage
from replica.portals import Replica


def build_replica(*, undeclared: bool = True) -> Replica:
    """A replica holding the default corpus of every registered site and (unless `undeclared=False`) of the
    portals nobody declared (`undeclared`), which generic discovery is tried on."""
    from crawler.sites import all_sites
    from replica.corpus import default_corpus
    from replica.undeclared import undeclared_corpus, undeclared_sites

    corpus = default_corpus()
    if not undeclared:
        return Replica(corpus)
    titles = {a.title for articles in corpus.values() for a in articles}
    return Replica({**corpus, **undeclared_corpus(titles)}, sites={**all_sites(), **undeclared_sites()})


from replica.server import ReplicaServer, main  # noqa: E402 - server uses build_replica

__all__ = ["Page", "Replica", "ReplicaArticle", "ReplicaImage", "ReplicaServer", "build_replica", "main"]
