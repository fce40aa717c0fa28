"""Near-duplicate detection: the synthetic corpus, the threshold calibration and the 1,000,000-article bench.

    PYTHONPATH=. python bench/dedupe_near.py calibrate    # similarity distributions behind the threshold
    PYTHONPATH=. python bench/dedupe_near.py bench [--articles 1000000]
    PYTHONPATH=. python bench/dedupe_near.py              # both

`bench/dedupe.py` can call `near_duplicate_bench()` (runs the bench in a child process, prints and returns
its figures).

The corpus is the replica's (replica/neardup_stories.py, its vocabularies and sentence pools in
replica/data/neardup_stories.toml), written there, not copied: provincial news in eight event types (traffic
accident, harvest, festival, investment, storm, health, school, social support), each story filled from
sentence pools with its own facts (names, numbers, places, dates). Stories of one event type in one province
share the pools' boilerplate ("Theo Ban Tổ chức, …"), often the same commune, and differ in facts: the hard
negatives. A syndicated copy is the same story as another site publishes it: re-edited lead, other captions,
an added paragraph, the closing paragraph cut, another outlet tag and author line, NFD, whitespace noise.
`tests/test_neardup.py` builds its stories from the same module (`make_stories`, `syndicate`).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from crawler.state import neardup  # noqa: E402
from crawler.state.neardup import NearDuplicateIndex, jaccard, shingles, signature  # noqa: E402
from replica.neardup_stories import (  # noqa: E402 - the corpus the tests use too
    LISTED,
    PERTURBATIONS,
    TOPICS,
    make_stories,
    perturb,
    syndicate,
)

# ---------------------------------------------------------------------------------------------------------
# Calibration: similarity distributions of copies and of distinct stories, error rates per threshold
# ---------------------------------------------------------------------------------------------------------

QUANTILES = (0.0, 0.01, 0.05, 0.5, 0.95, 0.99, 1.0)


@dataclass
class PairSets:
    positive: dict[str, list[tuple[str, str]]]
    negative: dict[str, list[tuple[str, str]]]


def calibration_pairs(seeds: Iterable[int] = (1, 2, 3), *, other_topic_share: float = 0.02) -> PairSets:
    """Pairs of texts that must cluster (by perturbation) and pairs that must not (by how close)."""
    positive: dict[str, list[tuple[str, str]]] = {}
    negative: dict[str, list[tuple[str, str]]] = {"same type+province": [], "same type": [], "other type": []}
    for seed in seeds:
        stories = make_stories(seed)
        rng = random.Random(seed)
        for s in stories:
            original = s.text()
            for name in PERTURBATIONS:
                positive.setdefault(name, []).append((original, perturb(s, [name], rng)))
            positive.setdefault("listed, all at once", []).append((original, perturb(s, LISTED, rng)))
            positive.setdefault("all nine at once", []).append((original, syndicate(s, rng, everything=True)))
            copy_a, copy_b = syndicate(s, rng), syndicate(s, rng)
            positive.setdefault("syndicated (3+ random)", []).append((original, copy_a))
            positive.setdefault("copy vs copy", []).append((copy_a, copy_b))
        for i, one in enumerate(stories):
            for other in stories[i + 1 :]:
                if one.topic != other.topic:
                    if rng.random() < other_topic_share:
                        negative["other type"].append((one.text(), other.text()))
                elif one.province == other.province:
                    negative["same type+province"].append((one.text(), other.text()))
                elif rng.random() < 0.3:
                    negative["same type"].append((one.text(), other.text()))
    return PairSets(positive, negative)


def _q(values: list[float], qs: Iterable[float] = QUANTILES) -> list[float]:
    ordered = sorted(values)
    return [ordered[round(q * (len(ordered) - 1))] for q in qs]


def _fmt(values: Iterable[float]) -> str:
    return " | ".join(f"{v:.3f}" for v in values)


def calibrate(seeds: Iterable[int] = (1, 2, 3)) -> None:
    """Print the tables of docs/near-duplicates.md (markdown)."""
    seeds = tuple(seeds)
    started = time.perf_counter()
    pairs = calibration_pairs(seeds)
    words: dict[str, list[str]] = {}

    def syl(text: str) -> list[str]:
        if text not in words:  # interned: ten thousand texts' syllables cost pointers, not strings
            words[text] = [sys.intern(w) for w in neardup.syllables(text)]
        return words[text]

    groups = {**pairs.positive, **pairs.negative}
    n_pos = sum(map(len, pairs.positive.values()))
    n_neg = sum(map(len, pairs.negative.values()))
    lengths = [len(syl(a)) for a, _ in pairs.positive["retag"]]
    print(f"{len(lengths)} stories ({len(seeds)} seeds), syllables min/median/max "
          f"{min(lengths)}/{statistics.median(lengths):.0f}/{max(lengths)}; "
          f"{n_pos} pairs that must cluster, {n_neg} that must not\n")  # fmt: skip

    print(
        "### Exact Jaccard similarity by shingle length k (p1 of copies, p99 and max of distinct stories)\n"
    )
    ks = (3, 4, 5, 6, 7, 8)
    print("| pairs | " + " | ".join(f"k={k}" for k in ks) + " |")
    print("|---|" + "---|" * len(ks))
    exact: dict[int, dict[str, list[float]]] = {}
    for k in ks:
        sets: dict[str, set[int]] = {}

        def sh(text: str, k: int = k, sets: dict[str, set[int]] = sets) -> set[int]:
            if text not in sets:
                sets[text] = shingles(syl(text), k)
            return sets[text]

        exact[k] = {name: [jaccard(sh(a), sh(b)) for a, b in ps] for name, ps in groups.items()}
    for name in groups:
        if name in pairs.positive:
            cells = [f"{_q(exact[k][name], [0.01])[0]:.3f}" for k in ks]
        else:
            cells = [_fmt(_q(exact[k][name], [0.99, 1.0])).replace(" | ", " / ") for k in ks]
        print(f"| {name} | " + " | ".join(cells) + " |")
    gaps = []
    for k in ks:
        low = min(_q(exact[k][n], [0.01])[0] for n in pairs.positive)
        high = max(_q(exact[k][n], [0.99])[0] for n in pairs.negative)
        gaps.append(f"{low - high:+.3f}")
    print("| **gap**: lowest copy p1 − highest distinct p99 | " + " | ".join(gaps) + " |\n")

    k = neardup.SHINGLE_SYLLABLES
    print(f"### k = {k}: exact Jaccard and the index's estimate (128 bins), quantiles\n")
    print(
        "| pairs | n | exact min / p1 / p5 / median / p95 / p99 / max | estimated min / p1 / median / p99 / max |"
    )
    print("|---|---|---|---|")
    sigs: dict[str, bytes | None] = {}

    def sig(text: str) -> bytes | None:
        if text not in sigs:
            sigs[text] = signature(shingles(syl(text), k))
        return sigs[text]

    est: dict[str, list[float]] = {}
    for name, ps in groups.items():
        est[name] = []
        for a, b in ps:
            sa, sb = sig(a), sig(b)
            assert sa is not None and sb is not None
            est[name].append(neardup.similarity(sa, sb))
        e = _q(exact[k][name])
        print(f"| {name} | {len(ps)} | {_fmt(e).replace(' | ', ' / ')} | "
              f"{_fmt(_q(est[name], [0.0, 0.01, 0.5, 0.99, 1.0])).replace(' | ', ' / ')} |")  # fmt: skip

    print(f"\n### Errors by threshold (estimated similarity, k = {k}, 128 bins)\n")
    thresholds = (0.30, 0.34, 0.36, 0.38, 0.40, 0.42, 0.44, 0.46, 0.50, 0.55)
    print("| pairs | " + " | ".join(f"{t:.2f}" for t in thresholds) + " |")
    print("|---|" + "---|" * len(thresholds))
    for name in groups:
        vals = est[name]
        if name in pairs.positive:
            cells = [f"{100 * sum(v < t for v in vals) / len(vals):.1f}%" for t in thresholds]
            print(f"| missed: {name} | " + " | ".join(cells) + " |")
        else:
            cells = [f"{100 * sum(v >= t for v in vals) / len(vals):.2f}%" for t in thresholds]
            print(f"| merged: {name} | " + " | ".join(cells) + " |")
    fn = [sum(sum(v < t for v in est[n]) for n in pairs.positive) for t in thresholds]
    fp = [sum(sum(v >= t for v in est[n]) for n in pairs.negative) for t in thresholds]
    print(
        "| **missed copies / merged stories** | "
        + " | ".join(f"{a} / {b}" for a, b in zip(fn, fp, strict=True))
        + " |"
    )

    _estimator_accuracy(pairs, syl, k)
    _lsh_table()
    _short_stories(seeds)
    _index_end_to_end(seeds)
    print(f"\n(calibration took {time.perf_counter() - started:.0f} s)")


def _classic_minhash(hashes: set[int], num_perm: int = 128) -> list[int]:
    """Reference: `num_perm` universal hash functions (a*x + b) mod (2^61 - 1), one minimum each."""
    prime = (1 << 61) - 1
    rng = random.Random(1)
    params = [(rng.randrange(1, prime), rng.randrange(prime)) for _ in range(num_perm)]
    return [min([(a * x + b) % prime for x in hashes]) for a, b in params]


def _estimator_accuracy(pairs: PairSets, syl: Callable[[str], list[str]], k: int) -> None:
    print("\n### Estimator: one-permutation MinHash (16-bit bins) against classic MinHash, 128 each\n")
    rng = random.Random(5)
    sample = rng.sample(
        pairs.positive["syndicated (3+ random)"]
        + pairs.positive["copy vs copy"]
        + pairs.negative["same type+province"],
        150,
    )
    oph_err, classic_err = [], []
    oph_time = classic_time = 0.0
    for a, b in sample:
        sa, sb = shingles(syl(a), k), shingles(syl(b), k)
        true = jaccard(sa, sb)
        t0 = time.perf_counter()
        oa, ob = signature(sa), signature(sb)
        t1 = time.perf_counter()
        ca, cb = _classic_minhash(sa), _classic_minhash(sb)
        t2 = time.perf_counter()
        oph_time += t1 - t0
        classic_time += t2 - t1
        assert oa is not None and ob is not None
        oph_err.append(neardup.similarity(oa, ob) - true)
        classic_err.append(sum(x == y for x, y in zip(ca, cb, strict=True)) / 128 - true)
    n = 2 * len(sample)
    print("| estimator | mean error | std of error | max abs error | ms per signature (pure Python) |")
    print("|---|---|---|---|---|")
    for name, errs, secs in (("one-permutation, densified, 16-bit", oph_err, oph_time), ("classic, 128 hash functions", classic_err, classic_time)):  # fmt: skip
        print(f"| {name} | {statistics.fmean(errs):+.4f} | {statistics.pstdev(errs):.4f} | "
              f"{max(map(abs, errs)):.3f} | {1000 * secs / n:.2f} |")  # fmt: skip
    texts = [a for a, _ in sample[:50]]
    t0 = time.perf_counter()
    for text in texts:
        neardup.text_signature(text)
    per_text = 1000 * (time.perf_counter() - t0) / len(texts)
    print(
        f"\nWhole `text_signature` (normalize, syllables, shingles, signature): {per_text:.2f} ms per story."
    )
    try:
        import numpy as np  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        print("(numpy not installed here: the vectorized classic MinHash was not timed)")
        return
    prime = (1 << 61) - 1
    prng = np.random.default_rng(1)
    a_ = prng.integers(1, prime, 128, dtype=np.uint64)[:, None]
    b_ = prng.integers(0, prime, 128, dtype=np.uint64)[:, None]
    sets = [shingles(syl(t), k) for t in texts]
    for s in sets[:2]:  # warm up both
        signature(s)
        np.fromiter(s, dtype=np.uint64, count=len(s))
    t0 = time.perf_counter()
    for s in sets:
        signature(s)
    oph_warm = 1000 * (time.perf_counter() - t0) / len(sets)
    t0 = time.perf_counter()
    for s in sets:
        x = np.fromiter(s, dtype=np.uint64, count=len(s)) >> np.uint64(32)
        ((a_ * x + b_) % np.uint64(prime)).min(axis=1)
    print(f"one-permutation, pure Python, warm: {oph_warm:.2f} ms per signature")
    print(f"numpy classic MinHash (datasketch's method): {1000 * (time.perf_counter() - t0) / len(sets):.2f} ms "
          f"per signature, numpy {np.__version__}")  # fmt: skip


def _lsh_table() -> None:
    bands, rows = neardup.NUM_PERM // neardup.ROWS, neardup.ROWS
    print(f"\n### LSH: {bands} bands of {rows} bins; probability that a pair becomes a candidate\n")
    sims = (0.01, 0.03, 0.05, 0.1, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7)
    print("| similarity | " + " | ".join(f"{s:.2f}" for s in sims) + " |")
    print("|---|" + "---|" * len(sims))
    for b, r in ((32, 4), (42, 3), (64, 2)):
        cells = [f"{1 - (1 - s**r) ** b:.4f}" for s in sims]
        mark = " (chosen)" if (b, r) == (bands, rows) else ""
        print(f"| {b} × {r}{mark} | " + " | ".join(cells) + " |")


def _short_stories(seeds: Iterable[int]) -> None:
    """Briefs of one or two paragraphs: what is missed and whether anything merges."""
    copies: list[tuple[int, float]] = []
    distinct: list[tuple[int, float]] = []
    for seed in seeds:
        briefs = make_stories(seed, short_share=1.0)
        rng = random.Random(seed)
        sig = {s.key: neardup.text_signature(s.text(), min_syllables=0) for s in briefs}
        for s in briefs:
            a, b = sig[s.key], neardup.text_signature(syndicate(s, rng), min_syllables=0)
            assert a is not None and b is not None
            copies.append((len(neardup.syllables(s.text())), neardup.similarity(a, b)))
        for i, one in enumerate(briefs):
            for other in briefs[i + 1 :]:
                if (one.topic, one.province) == (other.topic, other.province):
                    a, b = sig[one.key], sig[other.key]
                    assert a is not None and b is not None
                    distinct.append((len(neardup.syllables(one.text())), neardup.similarity(a, b)))
    t = neardup.THRESHOLD
    print(f"\n### Short stories (one or two paragraphs), threshold {t}\n")
    print("| syllables | syndicated copies | missed | distinct pairs, same type+province | merged |")
    print("|---|---|---|---|---|")
    for lo, hi in ((40, 100), (100, 150), (150, 250)):
        c = [v for n, v in copies if lo <= n < hi]
        d = [v for n, v in distinct if lo <= n < hi]
        if c:
            print(f"| {lo}–{hi - 1} | {len(c)} | {100 * sum(v < t for v in c) / len(c):.0f}% | {len(d)} | "
                  f"{sum(v >= t for v in d)} |")  # fmt: skip


def _index_end_to_end(seeds: Iterable[int]) -> None:
    """Every story of every seed and two syndicated copies each through one index, in publication order."""
    db = sqlite3.connect(":memory:", isolation_level=None)
    index = NearDuplicateIndex(db)
    events: list[tuple[str, str, str]] = []  # (article id, story key, text)
    for seed in seeds:
        rng = random.Random(100 + seed)
        for s in make_stories(seed):
            key = f"{seed}/{s.key}"
            events.append((f"{key}#site1", key, s.text()))
            events.append((f"{key}#site2", key, syndicate(s, rng)))
            events.append((f"{key}#site3", key, syndicate(s, rng)))
    rng = random.Random(9)
    rng.shuffle(events)
    first: dict[str, str] = {}
    for article_id, key, _ in events:
        first.setdefault(key, article_id)
    times = []
    for article_id, _, text in events:
        t0 = time.perf_counter()
        index.check_and_add(article_id, text)
        times.append(time.perf_counter() - t0)
    clusters: dict[str, set[str]] = {}
    for article_id, key, _ in events:
        cluster = index.cluster_of(article_id)
        assert cluster is not None
        clusters.setdefault(key, set()).add(cluster)
    stories_per_cluster: dict[str, set[str]] = {}
    for key, cs in clusters.items():
        for c in cs:
            stories_per_cluster.setdefault(c, set()).add(key)
    one = sum(len(cs) == 1 for cs in clusters.values())
    merged = sum(len(keys) > 1 for keys in stories_per_cluster.values())
    print(f"\n### The index end to end: {len(clusters)} stories × 3 sites, in random publication order\n")
    print(f"- stories whose three copies got one cluster_id: {one} of {len(clusters)} "
          f"({100 * one / len(clusters):.1f}%)")  # fmt: skip
    print(f"- clusters holding more than one story (false merges): {merged}")
    print(f"- signatures compared per check: {index.candidates_compared / index.checks:.2f} "
          f"(of up to {len(events) // 2} indexed on average)")  # fmt: skip
    print(
        f"- check_and_add: median {1000 * statistics.median(times):.2f} ms, p99 {1000 * _q(times, [0.99])[0]:.2f} ms"
    )


# ---------------------------------------------------------------------------------------------------------
# The bench at 1,000,000 articles
# ---------------------------------------------------------------------------------------------------------

_LANE_HIGH = int.from_bytes(b"\x00\x80" * neardup.NUM_PERM, "little")  # bit 15 of each 16-bit lane
_ALL = (1 << (16 * neardup.NUM_PERM)) - 1


def _lanes(mask_bits: int) -> int:
    """Each lane whose bit 15 is set in `mask_bits` made 0xFFFF, the others 0."""
    return ((mask_bits & _LANE_HIGH) >> 15) * 0xFFFF


class SyntheticSignatures:
    """Signatures with the structure of a news corpus, made ~100x faster than from text.

    Every article belongs to one of `groups` (event type × province); it shares each bin with its group's
    template with probability 1/4 (so two articles of a group agree in ~1/16 of their bins: distinct stories
    on one topic, as the calibration's hard negatives) and is random elsewhere. A `copy_share` of articles are
    syndicated copies of a recent article, agreeing with it in ~3/4 of the bins.
    """

    def __init__(self, seed: int, groups: int = 200, recent: int = 20_000) -> None:
        self.rng = random.Random(seed)
        self.templates = [self.rng.getrandbits(16 * neardup.NUM_PERM) for _ in range(groups)]
        self.recent: list[tuple[int, int]] = []  # (signature int, doc)
        self.recent_size = recent

    def story(self) -> int:
        template = self.rng.choice(self.templates)
        shared = _lanes(
            self.rng.getrandbits(16 * neardup.NUM_PERM) & self.rng.getrandbits(16 * neardup.NUM_PERM)
        )
        return (template & shared) | (self.rng.getrandbits(16 * neardup.NUM_PERM) & (_ALL ^ shared))

    def copy_of(self, original: int) -> int:
        changed = _lanes(
            self.rng.getrandbits(16 * neardup.NUM_PERM) & self.rng.getrandbits(16 * neardup.NUM_PERM)
        )
        return (original & (_ALL ^ changed)) | (self.rng.getrandbits(16 * neardup.NUM_PERM) & changed)

    def remember(self, sig: int, doc: int) -> None:
        if len(self.recent) < self.recent_size:
            self.recent.append((sig, doc))
        else:
            self.recent[self.rng.randrange(self.recent_size)] = (sig, doc)

    @staticmethod
    def to_bytes(sig: int) -> bytes:
        return sig.to_bytes(2 * neardup.NUM_PERM, "little")


def _bulk_load(db: sqlite3.Connection, n: int, gen: SyntheticSignatures, copy_share: float) -> int:
    """`n` articles straight into `neardup_articles` in first-seen order; the caller rebuilds the bands.

    Returns the number of syndicated copies among them.
    """
    cluster_root: dict[int, str] = {}  # doc → cluster id, for the recent articles copies are made of
    copies = 0
    chunk = 20_000
    for start in range(0, n, chunk):
        articles = []
        for doc in range(start + 1, min(n, start + chunk) + 1):
            article_id = f"bench:{doc:08d}"
            if gen.recent and gen.rng.random() < copy_share:
                original, original_doc = gen.rng.choice(gen.recent)
                sig_int = gen.copy_of(original)
                cluster_id = cluster_root.get(original_doc, f"bench:{original_doc:08d}")
                copies += 1
            else:
                sig_int = gen.story()
                cluster_id = article_id
            gen.remember(sig_int, doc)
            cluster_root[doc] = cluster_id
            articles.append((doc, article_id, cluster_id, gen.to_bytes(sig_int)))
        if len(cluster_root) > 4 * gen.recent_size:
            keep = {d for _, d in gen.recent}
            cluster_root = {d: c for d, c in cluster_root.items() if d in keep}
        db.execute("BEGIN")
        db.executemany(
            "INSERT INTO neardup_articles (doc, article_id, cluster_id, signature) VALUES (?, ?, ?, ?)",
            articles,
        )
        db.execute("COMMIT")
    return copies


def _peak_rss_mb() -> float:
    """This process's peak resident memory. Linux's `ru_maxrss` survives fork + exec (a child started from a
    big parent reports the parent's size), so read the process's own high-water mark where there is one."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def near_duplicate_bench(articles: int = 1_000_000, queries: int = 2000) -> dict[str, float]:
    """Build an index of `articles` synthetic articles in a temporary SQLite file and time `check_and_add`,
    in a child process (so that its peak memory and timings are its own); prints the figures and returns
    them."""
    with tempfile.TemporaryDirectory(prefix="neardup-bench-") as folder:
        out = Path(folder) / "figures.json"
        command = [sys.executable, __file__, "bench", "--articles", str(articles), "--queries", str(queries)]
        subprocess.run([*command, "--json", str(out)], check=True, cwd=ROOT)
        figures: dict[str, float] = json.loads(out.read_text())
        return figures


def bench_in_this_process(
    articles: int = 1_000_000, queries: int = 2000, *, folder: Path | None = None
) -> dict[str, float]:
    """Build an index of `articles` synthetic articles in a temporary SQLite file, then time `check_and_add`
    (text in) and the index part alone (signature in); prints the figures and returns them."""
    own = folder is None
    folder = Path(tempfile.mkdtemp(prefix="neardup-bench-")) if folder is None else folder
    path = folder / "state.sqlite"
    figures: dict[str, float] = {}
    try:
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("PRAGMA journal_mode=OFF")  # the bulk build only; the checks below run in WAL
        db.execute("PRAGMA synchronous=OFF")
        db.execute("PRAGMA cache_size=-131072")  # 128 MiB: each band's sort stays in memory
        index = NearDuplicateIndex(db)
        gen = SyntheticSignatures(seed=11)
        t0 = time.perf_counter()
        copies = _bulk_load(db, articles, gen, copy_share=0.1)
        figures["load_s"] = time.perf_counter() - t0
        index.rebuild_bands()
        figures["build_s"] = time.perf_counter() - t0
        print(
            f"built {articles:,} articles ({copies:,} syndicated copies) in {figures['build_s']:.0f} s "
            f"(signatures {figures['load_s']:.0f} s, then {index.bands} bands with rebuild_bands)"
        )
        db.execute("PRAGMA journal_mode=WAL")  # as the crawl state opens it
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA cache_size=-65536")
        bands = index.bands

        # 1. The index alone, signatures in: new stories in crowded groups, and copies of recent articles;
        #    once with SQLite's automatic checkpoints (an fsync every ~20 checks lands in some calls), once
        #    with the checkpoint run between batches, off the timed calls.
        def run(label: str, n: int, checkpoint_every: int = 0) -> tuple[list[float], list[float]]:
            times_new, times_copy = [], []
            found = compared_new = 0
            for i in range(n):
                if checkpoint_every and i % checkpoint_every == 0:
                    db.execute("PRAGMA wal_checkpoint(PASSIVE)")
                if i % 2 == 0:
                    sig = gen.to_bytes(gen.story())
                    before = index.candidates_compared
                    t = time.perf_counter()
                    index.add_signature(f"query:{label}:new:{i}", sig)
                    times_new.append(time.perf_counter() - t)
                    compared_new += index.candidates_compared - before
                else:
                    original, _ = gen.rng.choice(gen.recent)
                    sig = gen.to_bytes(gen.copy_of(original))
                    t = time.perf_counter()
                    match = index.add_signature(f"query:{label}:copy:{i}", sig)
                    times_copy.append(time.perf_counter() - t)
                    found += match is not None
            both = times_new + times_copy
            print(
                f"  {label}: median {1000 * statistics.median(both):.2f} ms, p99 {1000 * _q(both, [0.99])[0]:.2f} ms, "
                f"max {1000 * max(both):.1f} ms; new story: {compared_new / len(times_new):.1f} signatures "
                f"compared, copy: found {found} of {len(times_copy)}"
            )
            return times_new, times_copy

        print(f"index part (signature given), {queries} checks at {articles:,} articles:")
        new, copy = run("WAL, synchronous=NORMAL, auto-checkpoint", queries)
        figures["index_median_ms"] = 1000 * statistics.median(new + copy)
        figures["index_p99_ms"] = 1000 * _q(new + copy, [0.99])[0]
        db.execute("PRAGMA wal_autocheckpoint=0")
        new, copy = run("the same, checkpoint between batches of 100", queries, checkpoint_every=100)
        db.execute("PRAGMA wal_autocheckpoint=1000")
        figures["index_median_ms_no_ckpt"] = 1000 * statistics.median(new + copy)
        figures["index_p99_ms_no_ckpt"] = 1000 * _q(new + copy, [0.99])[0]

        # 2. check_and_add as the crawl calls it: text in (stories of the calibration corpus, then copies).
        stories = make_stories(77, provinces=8, per_group=max(1, queries // (4 * len(TOPICS) * 8)))
        rng = random.Random(78)
        texts = [(f"text:{s.key}", s.text()) for s in stories]
        texts += [(f"text:{s.key}#copy", syndicate(s, rng)) for s in stories]
        times_text, times_sig = [], []
        matched = 0
        for article_id, text in texts:
            t = time.perf_counter()
            index.signature_of(text)
            times_sig.append(time.perf_counter() - t)
            t = time.perf_counter()
            match = index.check_and_add(article_id, text)
            times_text.append(time.perf_counter() - t)
            matched += match is not None and article_id.endswith("#copy")
        figures["check_median_ms"] = 1000 * statistics.median(times_text)
        figures["check_p99_ms"] = 1000 * _q(times_text, [0.99])[0]
        figures["signature_median_ms"] = 1000 * statistics.median(times_sig)
        print(
            f"check_and_add (text in, WAL auto-checkpoint), {len(texts)} calls at {articles:,}: median "
            f"{figures['check_median_ms']:.2f} ms, p99 {figures['check_p99_ms']:.2f} ms "
            f"(of which the text's signature: median {figures['signature_median_ms']:.2f} ms); "
            f"copies matched {matched} of {len(stories)}"
        )
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = path.stat().st_size
        db.close()
        figures["db_mb"] = size / 2**20
        figures["db_bytes_per_article"] = size / articles
        figures["peak_rss_mb"] = _peak_rss_mb()
        print(f"database {figures['db_mb']:.0f} MiB ({figures['db_bytes_per_article']:.0f} bytes per article: "
              f"256-byte signature, {bands} band rows, ids); peak memory {figures['peak_rss_mb']:.0f} MiB")  # fmt: skip
    finally:
        if own:
            for leftover in folder.iterdir():
                leftover.unlink()
            folder.rmdir()
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("what", nargs="?", choices=["calibrate", "bench", "all"], default="all")
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--json", type=Path, help="also write the bench's figures to this file")
    args = parser.parse_args(argv)
    if args.what == "bench":
        figures = bench_in_this_process(args.articles, args.queries)
        if args.json:
            args.json.write_text(json.dumps(figures, indent=2))
        return
    calibrate()
    if args.what == "all":
        print()
        near_duplicate_bench(args.articles, args.queries)


if __name__ == "__main__":
    main()
