"""crawler.state.neardup: syndicated copies cluster, distinct stories on one topic do not, LSH avoids a scan.

The stories come from the replica's synthetic corpus, replica/neardup_stories.py (provincial news written from
sentence pools, and the perturbations a second site applies), the same one bench/dedupe_near.py calibrated the
threshold on.
"""

from __future__ import annotations

import os
import random
import sqlite3
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.state.neardup import (
    MIN_SYLLABLES,
    THRESHOLD,
    NearDuplicateIndex,
    NearMatch,
    jaccard,
    shingles,
    signature,
    similarity,
    syllables,
    text_signature,
)
from replica import neardup_stories as corpus

LISTED = list(corpus.LISTED)  # re-edited lead, captions, added paragraph, cut closing, tag, NFD, whitespace


@lru_cache(maxsize=4)
def stories(seed: int = 2025) -> list[Any]:
    return list(corpus.make_stories(seed))


@pytest.fixture
def db() -> sqlite3.Connection:
    return sqlite3.connect(":memory:", isolation_level=None)


@pytest.fixture
def index(db: sqlite3.Connection) -> NearDuplicateIndex:
    return NearDuplicateIndex(db)


def one_per_topic(seed: int = 2025) -> list[Any]:
    seen: dict[str, Any] = {}
    for story in stories(seed):
        seen.setdefault(story.topic, story)
    return list(seen.values())


# -- the two must-shows ---------------------------------------------------------------------------


@pytest.mark.parametrize("story", one_per_topic(), ids=lambda s: s.topic)
def test_story_syndicated_on_three_sites_gets_one_cluster(index: NearDuplicateIndex, story: Any) -> None:
    rng = random.Random(story.key)
    site1 = story.text()
    site2 = corpus.perturb(story, LISTED, rng)  # every listed perturbation at once
    site3 = corpus.perturb(story, ["relead", "retag", "drop_closing", "tone_style", "nfd", "whitespace"], rng)
    assert site2 != site1 and site3 != site1

    assert index.check_and_add("baoapbac:1050912", site1) is None
    second = index.check_and_add("baodongthap:a12345", site2)
    third = index.check_and_add("baolongan:a777", site3)

    assert second is not None and third is not None
    assert second.cluster_id == third.cluster_id == "baoapbac:1050912"
    assert second.duplicate_of == third.duplicate_of == "baoapbac:1050912"
    assert second.similarity >= THRESHOLD and third.similarity >= THRESHOLD
    assert {index.cluster_of(i) for i in ("baoapbac:1050912", "baodongthap:a12345", "baolongan:a777")} == {
        "baoapbac:1050912"
    }


def test_distinct_stories_on_one_topic_do_not_cluster(index: NearDuplicateIndex) -> None:
    """200 stories: 8 event types × 5 provinces × 5, each group sharing pools, boilerplate, often a commune."""
    matches = [(s.key, index.check_and_add(s.key, s.text())) for s in stories()]
    assert [(key, m) for key, m in matches if m is not None] == []
    assert all(index.cluster_of(s.key) == s.key for s in stories())


def test_copies_cluster_among_distinct_stories_of_the_same_topic(index: NearDuplicateIndex) -> None:
    """Each story of one event type and province, then a copy of each: every copy finds its own story."""
    group = [s for s in stories() if (s.topic, s.province) == (stories()[0].topic, stories()[0].province)]
    rng = random.Random(3)
    for s in group:
        assert index.check_and_add(s.key, s.text()) is None
    for s in group:
        match = index.check_and_add(f"{s.key}#copy", corpus.syndicate(s, rng))
        assert match is not None and match.duplicate_of == s.key


# -- normalization ----------------------------------------------------------------------------------------


def test_nfc_nfd_whitespace_and_tone_style_give_the_same_signature() -> None:
    text = stories()[7].text()
    variants = [
        unicodedata.normalize("NFD", text),
        corpus.whitespace_noise(text, random.Random(1)),
        corpus.old_tone_style(text, random.Random(1)),
        text.upper(),
    ]
    assert unicodedata.normalize("NFD", text) != text
    assert all(syllables(v) == syllables(text) for v in variants)
    assert all(text_signature(v) == text_signature(text) for v in variants)


def test_nfd_copy_matches_with_similarity_one(index: NearDuplicateIndex) -> None:
    text = stories()[11].text()
    index.check_and_add("a", text)
    match = index.check_and_add("b", unicodedata.normalize("NFD", text))
    assert match == NearMatch(cluster_id="a", duplicate_of="a", similarity=1.0)


def test_tone_style_reads_old_as_new() -> None:
    assert syllables("Hoà bình, sức KHOẺ, thuỷ lợi; quý, hoàng, khoẻ mạnh") == [
        "hòa", "bình", "sức", "khỏe", "thủy", "lợi", "quý", "hoàng", "khỏe", "mạnh",
    ]  # fmt: skip


VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    "àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
    "ĐÂÊÔƠƯ ,.\n\u00a0"
)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=VIETNAMESE, min_size=1))
def test_signature_ignores_unicode_form_and_spacing(text: str) -> None:
    noisy = unicodedata.normalize("NFD", text).replace(" ", " \u200b ")
    assert signature(shingles(syllables(noisy))) == signature(shingles(syllables(text)))


# -- small perturbations keep the match (property) --------------------------------------------------------


def _long_stories() -> list[Any]:
    return [s for s in stories(7) if len(syllables(s.text())) >= 300]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_deleting_one_sentence_of_a_long_text_keeps_the_match(data: st.DataObject) -> None:
    story = data.draw(st.sampled_from(_long_stories()), label="story")
    text = story.text()
    sentences = text.replace("\n\n", " \n\n").split(". ")
    victim = data.draw(st.integers(0, len(sentences) - 1), label="sentence")
    edited = ". ".join(sentences[:victim] + sentences[victim + 1 :])
    assert edited != text
    index = NearDuplicateIndex(sqlite3.connect(":memory:", isolation_level=None))
    index.check_and_add("first", text)
    match = index.check_and_add("second", edited)
    assert match is not None and match.duplicate_of == "first"


# -- LSH: candidates without a full scan -------------------------------------------------------------------


def test_lsh_compares_only_candidates(db: sqlite3.Connection, index: NearDuplicateIndex) -> None:
    rng = random.Random(5)
    for i in range(5000):  # unrelated articles, signatures in directly
        index.add_signature(f"other:{i}", rng.randbytes(256))
    for s in stories()[:40]:
        index.check_and_add(s.key, s.text())
    assert len(index) == 5040
    before_checks, before_compared = index.checks, index.candidates_compared

    story = stories()[3]
    assert index.check_and_add("new:1", stories(8)[0].text()) is None
    match = index.check_and_add("copy:1", corpus.syndicate(story, rng))
    assert match is not None and match.duplicate_of == story.key

    compared = index.candidates_compared - before_compared
    assert index.checks - before_checks == 2
    assert compared <= 20, f"{compared} signatures compared for 2 checks against 5040 articles"

    plan = " ".join(
        str(row[-1])
        for row in db.execute(
            "EXPLAIN QUERY PLAN " + index._lookup, [v for _ in range(index.bands) for v in (0, b"\0" * 6)]
        )
    )
    assert "SEARCH neardup_bands USING PRIMARY KEY (band=? AND bucket=?)" in plan
    assert "SCAN neardup_bands" not in plan


def test_a_crowded_bucket_costs_one_comparison(index: NearDuplicateIndex) -> None:
    """Fifty copies of one story: the fifty-first is compared with the first and stops there."""
    text = stories()[20].text()
    for i in range(50):
        index.check_and_add(f"copy:{i}", text)
    before = index.candidates_compared
    match = index.check_and_add("copy:50", text)
    assert match is not None and match.duplicate_of == "copy:0"
    assert index.candidates_compared - before == 1


# -- versions, short texts, persistence, transactions ------------------------------------------------------


def _band_rows(db: sqlite3.Connection, article_id: str) -> int:
    return int(
        db.execute(
            "SELECT count(*) FROM neardup_bands JOIN neardup_articles USING (doc) WHERE article_id = ?",
            (article_id,),
        ).fetchone()[0]
    )


def test_new_version_replaces_signature_and_never_matches_itself(
    db: sqlite3.Connection, index: NearDuplicateIndex
) -> None:
    a, b = stories()[0], stories()[100]
    rng = random.Random(2)
    assert index.check_and_add("orig", a.text()) is None
    assert index.check_and_add("copy", corpus.syndicate(a, rng)) is not None

    # the original edited: still the first of its cluster, not a duplicate of its own copy or of itself
    assert index.check_and_add("orig", corpus.perturb(a, ["add_paragraph"], rng)) is None
    assert index.cluster_of("orig") == "orig"
    assert _band_rows(db, "orig") == index.bands

    # the copy re-checked: still a copy of the original
    again = index.check_and_add("copy", corpus.syndicate(a, rng))
    assert again is not None and (again.cluster_id, again.duplicate_of) == ("orig", "orig")

    # the copy rewritten into another story: it leaves the cluster, and its old bands are gone
    assert index.check_and_add("copy", b.text()) is None
    assert index.cluster_of("copy") == "copy"
    assert _band_rows(db, "copy") == index.bands
    assert len(index) == 2


def test_short_texts_never_cluster(index: NearDuplicateIndex) -> None:
    brief = "Chiều 12/3, UBND tỉnh Đồng Tháp tổ chức hội nghị tổng kết công tác năm 2025 và triển khai nhiệm vụ năm 2026."
    assert len(syllables(brief)) < MIN_SYLLABLES
    assert index.check_and_add("brief:1", brief) is None
    assert index.check_and_add("brief:2", brief) is None
    assert index.cluster_of("brief:1") == "brief:1" and index.cluster_of("brief:2") == "brief:2"
    long_text = stories()[5].text()
    index.check_and_add("long", long_text)
    excerpt = " ".join(long_text.split()[:35])
    assert index.check_and_add("excerpt", excerpt) is None
    assert index.cluster_of("never-seen") is None


def test_persists_across_instances(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    story = stories()[42]
    first = sqlite3.connect(path, isolation_level=None)
    first.execute("PRAGMA journal_mode=WAL")
    NearDuplicateIndex(first).check_and_add("baoapbac:1", story.text())
    first.close()

    again = NearDuplicateIndex(sqlite3.connect(path, isolation_level=None))
    assert again.cluster_of("baoapbac:1") == "baoapbac:1"
    match = again.check_and_add("baodongthap:2", corpus.syndicate(story, random.Random(4)))
    assert match is not None and (match.cluster_id, match.duplicate_of) == ("baoapbac:1", "baoapbac:1")


def test_reopening_with_other_parameters_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    NearDuplicateIndex(sqlite3.connect(path, isolation_level=None))
    NearDuplicateIndex(sqlite3.connect(path, isolation_level=None), threshold=0.6)  # query-time only: fine
    with pytest.raises(ValueError, match="rows"):
        NearDuplicateIndex(sqlite3.connect(path, isolation_level=None), rows=4)
    with pytest.raises(ValueError, match="num_perm"):
        NearDuplicateIndex(sqlite3.connect(path, isolation_level=None), num_perm=64)


def test_inside_the_callers_transaction_a_rollback_undoes_the_check(
    db: sqlite3.Connection, index: NearDuplicateIndex
) -> None:
    db.execute("BEGIN")
    index.check_and_add("a", stories()[1].text())
    assert index.cluster_of("a") == "a"
    db.execute("ROLLBACK")
    assert index.cluster_of("a") is None and len(index) == 0


def test_default_legacy_connection_commits_each_call(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    writer = NearDuplicateIndex(sqlite3.connect(path))  # Python's default isolation level
    writer.check_and_add("a", stories()[1].text())
    reader = NearDuplicateIndex(sqlite3.connect(path))
    assert reader.cluster_of("a") == "a"


def test_rebuild_bands_reproduces_the_online_table(db: sqlite3.Connection, index: NearDuplicateIndex) -> None:
    for s in stories()[:30]:
        index.check_and_add(s.key, s.text())
    index.check_and_add("short", "Tin ngắn.")
    online = db.execute("SELECT band, bucket, doc FROM neardup_bands ORDER BY 1, 2, 3").fetchall()
    index.rebuild_bands()
    assert db.execute("SELECT band, bucket, doc FROM neardup_bands ORDER BY 1, 2, 3").fetchall() == online
    assert len(online) == 30 * index.bands


# -- the estimator ------------------------------------------------------------------------------------------


def test_signature_similarity_estimates_jaccard() -> None:
    rng = random.Random(6)
    errors = []
    for s in stories()[::10]:
        a, b = s.text(), corpus.syndicate(s, rng)
        sa, sb = shingles(syllables(a)), shingles(syllables(b))
        sig_a, sig_b = signature(sa), signature(sb)
        assert sig_a is not None and sig_b is not None and len(sig_a) == 256
        errors.append(similarity(sig_a, sig_b) - jaccard(sa, sb))
    assert abs(sum(errors) / len(errors)) < 0.03
    assert max(map(abs, errors)) < 0.15


def test_densified_signature_of_a_small_set() -> None:
    hashes = {int.from_bytes(os.urandom(8), "little") for _ in range(10)}  # 10 shingles, 128 bins
    sig = signature(hashes)
    assert sig is not None and similarity(sig, sig) == 1.0
    assert signature(set()) is None
    assert signature(hashes | {1, 2, 3}) != sig
