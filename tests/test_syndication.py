"""Syndicated copies of one story on several portals, and distinct stories on one topic.

The replica re-runs a TTXVN wire story on three sites (each copy re-edited as provincial desks do) and
publishes two other stories of the same kind about the same province on two more sites. A real `crawler crawl`
over HTTP must put the three copies in one near-duplicate cluster and leave the distinct stories (and the rest
of the corpus) in clusters of their own.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from crawler.sites import all_sites
from crawler.state.neardup import jaccard, shingles, syllables
from crawler.urls import canonicalize
from replica import Replica, ReplicaArticle, ReplicaServer, build_replica
from replica.model import VN_TZ
from replica.wire import AGENCY, Story, distinct_same_topic, old_tone_style, wire_story

ROOT = Path(__file__).resolve().parents[1]
COPY_SITES = ["baodongthap", "baocantho", "tuoitre"]
OTHER_SITES = ["sggp", "baovinhlong"]
DAY = date(2026, 10, 14)


def body_shingles(a: ReplicaArticle) -> set[int]:
    """The shingles of the body text the crawler indexes: the served paragraphs joined by blank lines."""
    return shingles(syllables("\n\n".join(a.served_paragraphs())))


def wire() -> Story:
    return wire_story("weather", "baodongthap", when=DAY, seed=0)


def others() -> list[Story]:
    return distinct_same_topic("weather", "baodongthap", 2, when=DAY, seed=0)


# --- the replica's side, no socket -----------------------------------------------------------------------------


def test_a_wire_story_is_agency_copy_about_one_province() -> None:
    story = wire()
    assert story.agency == AGENCY and story.byline and story.province == "baodongthap"
    assert story.published.date() == DAY and story.published.tzinfo is not None
    assert len(story.paragraphs) >= 5 and story.other_titles
    assert all(caption.endswith(f"/{AGENCY}") for caption, _ in story.captions)
    assert wire() == story  # deterministic


def test_syndicated_copies_are_the_same_story_re_edited_in_each_site_shape() -> None:
    replica = Replica({})
    story = wire()
    copies = replica.syndicate(story, COPY_SITES)
    sites = all_sites()
    for key, a in zip(COPY_SITES, copies, strict=True):
        assert sites[key].is_article_url(a.url) and sites[key].article_id(a.url) == a.id
        assert a in replica.articles(key)
        assert a.published >= story.published
    # The outlet tag: (TTXVN) becomes the paper's own where it has one.
    assert copies[0].lead.startswith("(BĐT) - ") and copies[0].source_tag == "(BĐT)"
    assert copies[2].lead.startswith("TTO - ") and copies[2].source_tag == "TTO"
    assert len({a.title for a in copies}) == 3  # every desk its own headline
    assert all(3 <= len(a.paragraphs) <= 8 for a in copies)
    # The bodies stay mostly the same text: well above the detector's threshold for every pair.
    for a, b in itertools.combinations(copies, 2):
        assert jaccard(body_shingles(a), body_shingles(b)) >= 0.6, (a.url, b.url)
    # Unperturbed copies print the story's text as is.
    plain = Replica({}).syndicate(story, ["baohatinh", "baonghean"], perturb=False)
    assert all(a.paragraphs == story.paragraphs and a.title == story.title for a in plain)
    assert plain[0].lead == f"({AGENCY}) {story.lead}"


def test_copies_are_deterministic_and_must_fit_the_sites_range() -> None:
    first = [
        (a.url, a.title, a.lead, a.paragraphs) for a in Replica({}).syndicate(wire(), COPY_SITES, seed=3)
    ]
    again = [
        (a.url, a.title, a.lead, a.paragraphs) for a in Replica({}).syndicate(wire(), COPY_SITES, seed=3)
    ]
    assert first == again
    with pytest.raises(ValueError, match="published nothing"):
        Replica({}).syndicate(wire(), ["baoapbac"])  # the paper closed in 2025
    with pytest.raises(ValueError, match="twice"):
        Replica({}).syndicate(wire(), ["sggp", "sggp"])


def test_an_article_already_on_a_portal_can_be_re_run_elsewhere() -> None:
    replica = build_replica()
    original = replica.articles("baocantho")[-1]
    (copy,) = replica.syndicate(original, ["baovinhlong"])
    assert copy.url != original.url and copy.published >= original.published
    assert jaccard(body_shingles(copy), body_shingles(original)) >= 0.6


def test_distinct_stories_on_one_topic_share_little_text() -> None:
    story, distinct = wire(), others()
    assert len(distinct) == 2 and len({s.title for s in [story, *distinct]}) == 3
    assert all(s.topic == "weather" and s.province == "baodongthap" and s.agency is None for s in distinct)
    texts = [shingles(syllables("\n\n".join(s.paragraphs))) for s in [story, *distinct]]
    for a, b in itertools.combinations(texts, 2):
        assert jaccard(a, b) < 0.3


def test_old_tone_style_moves_the_mark_not_the_words() -> None:
    assert (
        old_tone_style("hòa bình, khỏe mạnh, thủy lợi, quý, của") == "hoà bình, khoẻ mạnh, thuỷ lợi, quý, của"
    )
    text = "Thủy triều ở Hòa Bình, sức khỏe"
    assert syllables(old_tone_style(text)) == syllables(text)


def test_the_default_corpus_has_no_syndicated_copies() -> None:
    corpus = build_replica()
    everything = [a for key in corpus.sites for a in corpus.articles(key)]
    assert not any(a.source_tag == f"({AGENCY})" for a in everything)
    assert len({a.title for a in everything}) == len(everything)


# --- a real crawl over HTTP ------------------------------------------------------------------------------------


@dataclass
class SyndicationCrawl:
    documents: dict[str, dict[str, Any]]
    """Stored articles by canonical URL."""
    copies: list[ReplicaArticle]
    distinct: list[ReplicaArticle]
    stats: dict[str, Any]


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SyndicationCrawl]:
    replica = build_replica()
    copies = replica.syndicate(wire(), COPY_SITES)
    distinct = [replica.publish(s, key) for s, key in zip(others(), OTHER_SITES, strict=True)]
    assert all(a.published < datetime.now(VN_TZ) for a in copies + distinct)
    tmp = tmp_path_factory.mktemp("syndication")
    store = tmp / "store"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with ReplicaServer(replica) as server:
        command = [sys.executable, "-m", "crawler.cli", "crawl", *COPY_SITES, *OTHER_SITES]
        command += ["--replica", server.base_url, "--store", store.as_uri()]
        command += ["--state", str(tmp / "state.sqlite"), "--stats-json", str(tmp / "stats.json")]
        done = subprocess.run(
            command, capture_output=True, text=True, cwd=ROOT, env=env, timeout=300, check=False
        )
    assert done.returncode == 0, done.stderr[-3000:]
    documents = {}
    for path in (store / "articles").rglob("*.json"):
        document = json.loads(path.read_text(encoding="utf-8"))
        documents[document["canonical_url"]] = document
    stats = json.loads((tmp / "stats.json").read_text(encoding="utf-8"))
    yield SyndicationCrawl(documents, copies, distinct, stats)


def test_the_three_copies_share_one_cluster(crawled: SyndicationCrawl) -> None:
    docs = [crawled.documents[canonicalize(a.url)] for a in crawled.copies]
    ids = {d["id"] for d in docs}
    (cluster,) = {d["cluster_id"] for d in docs}
    assert cluster in ids  # the id of whichever copy was stored first (sites are crawled concurrently)
    first = [d for d in docs if d["id"] == cluster]
    assert len(first) == 1 and first[0]["duplicate_of"] is None
    duplicates = [d for d in docs if d["duplicate_of"] is not None]
    assert len(duplicates) == 2
    assert all(d["duplicate_of"] in ids - {d["id"]} for d in duplicates)


def test_distinct_same_topic_stories_keep_their_own_clusters(crawled: SyndicationCrawl) -> None:
    for a in crawled.distinct:
        document = crawled.documents[canonicalize(a.url)]
        assert document["cluster_id"] == document["id"]
        assert document["duplicate_of"] is None


def test_no_other_article_is_taken_for_a_copy(crawled: SyndicationCrawl) -> None:
    copies = {canonicalize(a.url) for a in crawled.copies}
    expected = {canonicalize(a.url) for a in crawled.copies + crawled.distinct}
    assert expected <= set(crawled.documents)
    for url, document in crawled.documents.items():
        if url not in copies:
            assert (document["cluster_id"], document["duplicate_of"]) == (document["id"], None), url


def test_stats_count_two_near_duplicates(crawled: SyndicationCrawl) -> None:
    assert crawled.stats["totals"]["near_duplicates"] == 2
    assert crawled.stats["totals"]["errors"] == 0
