"""Near duplicates across sites: the same story as wire copy, on a merged paper's legacy domain, re-edited.

Text → syllables → shingles → signature → LSH bands, persisted in the crawl state's SQLite file.

- **Syllables**: the text in NFC, casefolded, with one tone-mark style (hoà → hòa), split into runs of word
  characters. Vietnamese writes one syllable per space-separated word, so punctuation, quotes, dashes and
  whitespace noise do not count.
- **Shingles**: every run of `SHINGLE_SYLLABLES` consecutive syllables, hashed once to 64 bits (BLAKE2b).
- **Signature**: one-permutation MinHash (Li, Owen & Zhang 2012) with optimal densification (Shrivastava
  2017). A shingle's hash picks one of `num_perm` bins (hash mod num_perm) and competes for that bin's
  minimum; an empty bin borrows the value of the first non-empty bin on its own fixed probe sequence. Two
  signatures agree in a bin with probability equal to the Jaccard similarity of their shingle sets, as with
  `num_perm` independent hash functions, but a shingle costs one hash and one comparison instead of
  `num_perm` multiplications: 0.16 ms a story in pure Python, where classic MinHash takes ~30 ms (0.5 ms
  vectorized with numpy), so no dependency (docs/near-duplicates.md). A bin keeps the low 16 bits of its
  minimum (b-bit MinHash, Li & König 2010): two different minima agree by chance once in 65,536 bins, a
  bias of 0.00002 on the estimate, for a signature of 256 bytes.
- **LSH**: the first `bands * rows` bins are cut into `bands` bands of `rows` bins; the table
  `neardup_bands` maps (band, the band's bytes) to articles. Articles are candidates when they share a band;
  a candidate is confirmed when the fraction of equal bins over the whole signature (the estimated Jaccard
  similarity) reaches the threshold. Lookups use the table's primary key only: an article is compared only
  if it shares a band.

Clusters: an article that matches an earlier article joins that article's cluster, whose id is the id of the
cluster's first article; otherwise it starts its own cluster (`cluster_id` = its own id). `duplicate_of` is
the earliest-seen article at or above the threshold: the original a copy was taken from, not whichever copy
happens to score highest, and never an article first seen later.
"""

from __future__ import annotations

import hashlib
import operator
import re
import sqlite3
import struct
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from crawler.text import normalize_text

SHINGLE_SYLLABLES = 6
"""Syllables per shingle (k), chosen by measurement: see docs/near-duplicates.md."""
NUM_PERM = 128
"""Bins of a signature."""
ROWS = 3
"""Bins per LSH band: 128 bins make 42 bands of 3. A pair at similarity 0.40 (the threshold) shares a band
with probability 0.94, at 0.5 with 0.996, at 0.05 with 0.005."""
THRESHOLD = 0.40
"""Estimated Jaccard similarity from which two texts are the same story (docs/near-duplicates.md)."""
MIN_SYLLABLES = 40
"""Shorter texts (a photo page, a two-line brief) are indexed but neither match nor are matched."""

_SCHEME = "oph-densified/blake2b64/16bit/v1"
_BATCH = 32
_WORD = re.compile(r"\w+")
_EMPTY = 1 << 64


def _tone(vowel: str, mark: str) -> str:
    return unicodedata.normalize("NFC", vowel + mark)


# Two house styles place the tone mark of an open oa/oe/uy syllable differently: "hoà, khoẻ, thuỷ" (old)
# and "hòa, khỏe, thủy" (new). Outlets differ, so a syndicated copy may differ in every such syllable; both
# are read as the new style. ("quý" is qu + y, the same in both.)
_TONE_MARKS = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_OLD_TONE_STYLE = {
    first + _tone(second, mark): _tone(first, mark) + second
    for first, second in (("o", "a"), ("o", "e"), ("u", "y"))
    for mark in _TONE_MARKS
}
_OLD_TONE = re.compile(r"(?<!q)(" + "|".join(_OLD_TONE_STYLE) + r")(?!\w)")

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS neardup_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS neardup_articles (
        doc INTEGER PRIMARY KEY,            -- the order articles were first seen in
        article_id TEXT NOT NULL UNIQUE,
        cluster_id TEXT NOT NULL,
        signature BLOB                      -- NULL: too short to compare
    )""",
    """CREATE TABLE IF NOT EXISTS neardup_bands (
        band INTEGER NOT NULL,
        bucket BLOB NOT NULL,               -- the band's bins as stored in the signature
        doc INTEGER NOT NULL,
        PRIMARY KEY (band, bucket, doc)
    ) WITHOUT ROWID""",
)


@dataclass(frozen=True)
class NearMatch:
    cluster_id: str
    """The cluster's id: the id of the first article seen in it."""
    duplicate_of: str
    """The earliest-seen article this text matches at or above the threshold."""
    similarity: float
    """Estimated Jaccard similarity of the two texts' shingle sets (fraction of equal signature bins)."""


# -- text to signature -------------------------------------------------------------------------------------


def syllables(text: str) -> list[str]:
    """The text's syllables: NFC, casefolded, one tone-mark style, runs of word characters."""
    folded = normalize_text(text).casefold()
    if not unicodedata.is_normalized("NFC", folded):
        folded = unicodedata.normalize("NFC", folded)
    return _WORD.findall(_OLD_TONE.sub(lambda m: _OLD_TONE_STYLE[m.group(1)], folded))


def shingles(words: list[str], k: int = SHINGLE_SYLLABLES) -> set[int]:
    """64-bit hashes of every run of `k` consecutive syllables (one run if there are fewer)."""
    encoded = [w.encode() for w in words]
    blake = hashlib.blake2b
    if len(encoded) <= k:
        if not encoded:
            return set()
        return {int.from_bytes(blake(b" ".join(encoded), digest_size=8).digest(), "little")}
    return {
        int.from_bytes(blake(b" ".join(encoded[i : i + k]), digest_size=8).digest(), "little")
        for i in range(len(encoded) - k + 1)
    }


@lru_cache(maxsize=8)
def _probes(num_perm: int) -> tuple[tuple[int, ...], ...]:
    """For each bin, the other bins in a fixed pseudo-random order: where an empty bin borrows from."""

    def rank(i: int, j: int) -> bytes:
        return hashlib.blake2b(f"{i}:{j}".encode(), digest_size=8, person=b"neardup-probe").digest()

    return tuple(
        tuple(sorted((j for j in range(num_perm) if j != i), key=lambda j: rank(i, j)))
        for i in range(num_perm)
    )


@lru_cache(maxsize=8)
def _packer(num_perm: int) -> struct.Struct:
    return struct.Struct(f"<{num_perm}H")


def signature(hashes: Iterable[int], num_perm: int = NUM_PERM) -> bytes | None:
    """The densified one-permutation MinHash of a set of 64-bit shingle hashes; None for an empty set."""
    mins = [_EMPTY] * num_perm
    for h in hashes:
        b = h % num_perm
        if h < mins[b]:
            mins[b] = h  # within a bin every hash has the same remainder: comparing h compares h // num_perm
    empty = [i for i, m in enumerate(mins) if m == _EMPTY]
    if len(empty) == num_perm:
        return None
    values = [(m // num_perm) & 0xFFFF for m in mins]
    if empty:
        probes = _probes(num_perm)
        for i in empty:
            for j in probes[i]:
                if mins[j] != _EMPTY:
                    values[i] = values[j]
                    break
    return _packer(num_perm).pack(*values)


def text_signature(
    text: str,
    *,
    num_perm: int = NUM_PERM,
    k: int = SHINGLE_SYLLABLES,
    min_syllables: int = MIN_SYLLABLES,
) -> bytes | None:
    """The signature of a text, or None when it has fewer than `min_syllables` syllables."""
    words = syllables(text)
    if len(words) < min_syllables:
        return None
    return signature(shingles(words, k), num_perm)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity: the fraction of equal bins of two signatures of one length."""
    n = len(a) // 2
    unpack = _packer(n).unpack
    equal: int = sum(map(operator.eq, unpack(a), unpack(b)))
    return equal / n


def jaccard(a: set[int], b: set[int]) -> float:
    """Exact Jaccard similarity of two shingle sets (calibration and tests)."""
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def band_keys(sig: bytes, bands: int, rows: int) -> list[tuple[int, bytes]]:
    """(band, bucket) of each band: the bucket is the band's bins, bytes as stored in the signature."""
    width = 2 * rows
    return [(band, sig[band * width : (band + 1) * width]) for band in range(bands)]


# -- the index ----------------------------------------------------------------------------------------------


class NearDuplicateIndex:
    """Signatures, clusters and LSH bands of every article seen, in the `neardup_*` tables of `db`.

    Each call is atomic (a SAVEPOINT): on a connection with no transaction open a call commits when it
    returns; inside the caller's transaction it becomes durable with the caller's commit. Not thread-safe:
    use it on the thread that owns the connection.
    """

    def __init__(
        self,
        db: sqlite3.Connection,
        *,
        threshold: float = THRESHOLD,
        num_perm: int = NUM_PERM,
        rows: int = ROWS,
        shingle_syllables: int = SHINGLE_SYLLABLES,
        min_syllables: int = MIN_SYLLABLES,
    ) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], not {threshold}")
        if not 1 <= rows <= num_perm:
            raise ValueError(f"rows must be in [1, num_perm], not {rows}")
        self._db = db
        self.threshold = threshold
        self.num_perm = num_perm
        self.rows = rows
        self.bands = num_perm // rows
        self.shingle_syllables = shingle_syllables
        self.min_syllables = min_syllables
        self.checks = 0
        """`check_and_add` calls so far."""
        self.candidates_compared = 0
        """Signatures read and compared so far: what LSH keeps far below `checks * len(self)`."""
        self._lookup = (
            "SELECT DISTINCT doc FROM neardup_bands WHERE "
            + " OR ".join(["(band = ? AND bucket = ?)"] * self.bands)
            + " ORDER BY doc"
        )
        with self._atomic():
            for statement in _SCHEMA:
                db.execute(statement)
            self._check_meta()

    def _check_meta(self) -> None:
        wanted = {
            "scheme": _SCHEME,
            "num_perm": str(self.num_perm),
            "rows": str(self.rows),
            "shingle_syllables": str(self.shingle_syllables),
        }
        stored = dict(self._db.execute("SELECT key, value FROM neardup_meta").fetchall())
        if not stored:
            self._db.executemany("INSERT INTO neardup_meta (key, value) VALUES (?, ?)", wanted.items())
            return
        differ = [
            f"{k}: stored {stored.get(k)!r}, asked {v!r}" for k, v in wanted.items() if stored.get(k) != v
        ]
        if differ:
            raise ValueError(
                f"the near-duplicate index in this database was built differently ({'; '.join(differ)})"
            )

    @contextmanager
    def _atomic(self) -> Iterator[None]:
        self._db.execute("SAVEPOINT neardup")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK TO neardup")
            self._db.execute("RELEASE neardup")
            raise
        self._db.execute("RELEASE neardup")

    def signature_of(self, text: str) -> bytes | None:
        """The text's signature under this index's parameters; None if it is too short to compare."""
        return text_signature(
            text, num_perm=self.num_perm, k=self.shingle_syllables, min_syllables=self.min_syllables
        )

    def check_and_add(self, article_id: str, text: str) -> NearMatch | None:
        """Index this article's text; return the earlier article it near-duplicates, or None.

        With a match the article joins that article's cluster; without one it is (or stays) the first of its
        own cluster, `cluster_id == article_id`. An id already indexed (a new version of the article) gets its
        signature replaced and is compared only with articles first seen before it, never with itself.
        """
        return self.add_signature(article_id, self.signature_of(text))

    def add_signature(self, article_id: str, sig: bytes | None) -> NearMatch | None:
        """`check_and_add` with the signature already computed by `signature_of` (None: too short)."""
        if sig is not None and len(sig) != 2 * self.num_perm:
            raise ValueError(f"a signature of {len(sig) // 2} bins for an index of {self.num_perm}")
        self.checks += 1
        db = self._db
        with self._atomic():
            row = db.execute(
                "SELECT doc, signature FROM neardup_articles WHERE article_id = ?", (article_id,)
            ).fetchone()
            doc: int | None = None
            if row is not None:
                doc, old = row
                if old is not None:
                    db.executemany(
                        "DELETE FROM neardup_bands WHERE band = ? AND bucket = ? AND doc = ?",
                        ((band, bucket, doc) for band, bucket in band_keys(old, self.bands, self.rows)),
                    )
            match = None if sig is None else self._earliest_match(sig, doc)
            cluster_id = article_id if match is None else match.cluster_id
            if doc is None:
                cursor = db.execute(
                    "INSERT INTO neardup_articles (article_id, cluster_id, signature) VALUES (?, ?, ?)",
                    (article_id, cluster_id, sig),
                )
                doc = cursor.lastrowid
            else:
                db.execute(
                    "UPDATE neardup_articles SET cluster_id = ?, signature = ? WHERE doc = ?",
                    (cluster_id, sig, doc),
                )
            if sig is not None:
                db.executemany(
                    "INSERT OR IGNORE INTO neardup_bands (band, bucket, doc) VALUES (?, ?, ?)",
                    ((band, bucket, doc) for band, bucket in band_keys(sig, self.bands, self.rows)),
                )
        return match

    def _earliest_match(self, sig: bytes, doc: int | None) -> NearMatch | None:
        """The earliest-seen article sharing a band with `sig` whose similarity reaches the threshold.

        Candidates are visited in the order first seen and the first match ends the search, so a bucket
        crowded with copies of one story costs one comparison, not one per copy.
        """
        params = [value for key in band_keys(sig, self.bands, self.rows) for value in key]
        candidates = [
            cand
            for (cand,) in self._db.execute(self._lookup, params)
            if doc is None or cand < doc  # not itself, nor an article first seen after it (its copy)
        ]
        for start in range(0, len(candidates), _BATCH):
            batch = candidates[start : start + _BATCH]
            rows = self._db.execute(
                "SELECT article_id, cluster_id, signature FROM neardup_articles "
                f"WHERE doc IN ({','.join('?' * len(batch))}) ORDER BY doc",
                batch,
            )
            for cand_id, cand_cluster, cand_sig in rows:
                self.candidates_compared += 1
                sim = similarity(sig, cand_sig)
                if sim >= self.threshold:
                    return NearMatch(cluster_id=cand_cluster, duplicate_of=cand_id, similarity=round(sim, 4))
        return None

    def cluster_of(self, article_id: str) -> str | None:
        """The article's cluster id, or None if it was never indexed."""
        row = self._db.execute(
            "SELECT cluster_id FROM neardup_articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    def rebuild_bands(self) -> None:
        """Recompute the LSH table from the stored signatures, one band at a time in key order (fast: all
        in SQLite). For signatures imported in bulk into `neardup_articles`, or after damage."""
        width = 2 * self.rows
        with self._atomic():
            self._db.execute("DELETE FROM neardup_bands")
            for band in range(self.bands):
                self._db.execute(
                    "INSERT INTO neardup_bands (band, bucket, doc) SELECT ?, substr(signature, ?, ?), doc "
                    "FROM neardup_articles WHERE signature IS NOT NULL ORDER BY 2, 3",
                    (band, 1 + band * width, width),
                )

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM neardup_articles").fetchone()[0])


__all__ = [
    "MIN_SYLLABLES",
    "NUM_PERM",
    "ROWS",
    "SHINGLE_SYLLABLES",
    "THRESHOLD",
    "NearDuplicateIndex",
    "NearMatch",
    "band_keys",
    "jaccard",
    "shingles",
    "signature",
    "similarity",
    "syllables",
    "text_signature",
]
