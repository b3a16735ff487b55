"""Near-duplicate articles: the same story printed in two papers or two editions.

MinHash over character 5-grams of the normalised body estimates Jaccard similarity
(numpy only: the same permutations and values as datasketch 2's default "affine32"
scheme, which libraries were first flagged with, without importing datasketch/scipy).
The signature is cut into bands (LSH) stored in `minhash_bands`, so an import finds
its candidates with a few index lookups instead of comparing against every article.
Candidates are confirmed with rapidfuzz's normalised edit similarity, which is the
figure shown to the user. Cost per article: ~0.1 ms for a 1,000-character story.

New rows go to the intake table `minhash_bands_recent` (db/0012) and are folded into
`minhash_bands` in key order once it holds INTAKE_ARTICLES articles (fold_intake):
random keys inserted into the big table one transaction at a time wrote a page per row.
"""
from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter
from functools import lru_cache

from archivist.store import normalize
from archivist.store.errors import LibraryBusy
from archivist.store.records import search_fields, unpack_article

NUM_PERM = 64
BANDS, ROWS = 16, 4          # P(candidate) ≈ 1-(1-J^4)^16: 0.5 at J≈0.45, 0.97 at J≈0.7
SHINGLE = 5
MIN_CHARS = 80               # shorter bodies ("图片", one-line briefs) are not compared
# Only shingles whose hash is 0 mod SAMPLE enter the MinHash: the same rule for every
# article, so Jaccard estimates stay fair, at a quarter of the cost.
SAMPLE = 4
THRESHOLD = 0.7              # rapidfuzz similarity from which an article is flagged
MAX_CANDIDATES = 5
# One shared band happens by chance for stories that share a sentence or two; requiring
# two keeps verification rare: P(≥2 of 16) is 0.7% at J=0.3, 93% at J=0.7, 99.7% at J=0.8
# (a reprint with a few edits has 5-gram J ≈ 0.8–0.95).
MIN_SHARED_BANDS = 2
# A band value shared by many articles comes from boilerplate (a standing line, a common
# sentence), not from one story printed twice: such buckets grow with the library, and
# reading them whole would make an article's lookups cost more the bigger the library
# (the hottest bucket held 129 articles at 50k generated ones, heading for thousands at
# 1M; up to 100k the bounded read measured the same as the whole one).
# Only the newest BUCKET_ROWS of a bucket are read; a real copy shares most of its 16
# bands, nearly all of them in small buckets, so it is still found.
BUCKET_ROWS = 32
# Articles the intake holds before it is folded into minhash_bands (16 rows each: ~16 MB
# of keys, which the writer's cache (library.WRITER_CACHE_KIB) keeps; a fold writes the
# big table's pages once per this many articles instead of a page per row).
INTAKE_ARTICLES = 50_000
TABLES = ("minhash_bands_recent", "minhash_bands")


@lru_cache(maxsize=1)
def _permutations():
    """(a, b) of the NUM_PERM affine maps h → a·h + b mod 2³², drawn exactly as datasketch
    2.0 draws them for MinHash(num_perm=64, seed=1): stored band hashes depend on them."""
    import numpy as np  # noqa: PLC0415

    gen = np.random.RandomState(1)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _fmix32(h):
    # MurmurHash3's finalizer (datasketch applies it before the permutations); uint32
    # multiplication wraps, which is the intended arithmetic mod 2³².
    import numpy as np  # noqa: PLC0415

    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def comparable_text(article: dict) -> str:
    """Body words only, normalised (Traditional and Simplified editions compare equal)."""
    _, body = search_fields(article)
    return normalize.plain(body).replace(normalize.BREAK_CHAR, "")


def _shingles(text: str):
    """Hashes of the sampled 5-grams (uint32; repeats kept: they cannot change a minimum)."""
    import numpy as np  # noqa: PLC0415

    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = len(codes) - SHINGLE + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint32)
    h = np.zeros(n, dtype=np.uint64)
    for i in range(SHINGLE):
        h = h * np.uint64(1000003) + codes[i:i + n]
    h = (h & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    return h[h % np.uint32(SAMPLE) == 0]


def minhash(text: str):
    """NUM_PERM minimum hash values (uint32) of the text's sampled 5-grams."""
    import numpy as np  # noqa: PLC0415

    a, b = _permutations()
    values = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    shingles = _shingles(text)
    if len(shingles):
        values = np.minimum(values, (_fmix32(shingles)[:, None] * a + b).min(axis=0))
    return values


def band_hashes(text: str) -> list[int] | None:
    if len(text) < MIN_CHARS:
        return None
    values = minhash(text)
    out = []
    for b in range(BANDS):
        digest = hashlib.blake2b(values[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=8).digest()
        out.append(int.from_bytes(digest, "little", signed=True))
    return out


UNSET = object()


def find_original(conn: sqlite3.Connection, article: dict, bands=UNSET) -> tuple[int, float] | None:
    """The earlier article this one is a near copy of, as (its first printing's id,
    similarity 0..1), or None. `bands`: the article's band_hashes (computed here unless
    given: records.prepare). Asked before the article's row is written, so the row is
    written with its duplicate_of at once (see records.insert_article)."""
    text = None
    if bands is UNSET:
        text = comparable_text(article)
        bands = band_hashes(text)
    if bands is None:
        return None
    best: tuple[int, float] | None = None
    for other, shared in _shared_bands(conn, bands).most_common(MAX_CANDIDATES):
        if shared < MIN_SHARED_BANDS:
            break
        row = conn.execute(
            "SELECT r.article, a.duplicate_of FROM articles a JOIN revisions r ON r.id = a.current_revision_id"
            " WHERE a.id = ? AND a.trashed_at IS NULL", (other,)).fetchone()
        if row is None:
            continue
        text = comparable_text(article) if text is None else text
        score = similarity(text, comparable_text(unpack_article(row[0])))
        if score >= THRESHOLD and (best is None or score > best[1]):
            # A copy of a copy points at the first printing.
            best = (row[1] or other, score)
    return None if best is None else (best[0], round(best[1], 3))


def store_bands(conn: sqlite3.Connection, article_id: int, bands: list[int] | None) -> None:
    """The article's bands, into the intake, for later articles to be compared with it."""
    if bands:
        conn.executemany("INSERT OR IGNORE INTO minhash_bands_recent(article_id, band, hash) VALUES (?,?,?)",
                         [(article_id, band, value) for band, value in enumerate(bands)])


def _shared_bands(conn: sqlite3.Connection, bands: list[int]) -> Counter[int]:
    """How many of `bands` each earlier article shares: one statement, BANDS primary-key
    lookups in each table, each bucket read to at most its newest BUCKET_ROWS articles
    (merged here: an outer ORDER BY/DISTINCT in SQL cost twice the lookups). A row folded
    while a copy of it is still in the intake is counted once."""
    limit = int(BUCKET_ROWS)
    bucket = "SELECT * FROM (SELECT band, article_id FROM {} WHERE band = ? AND hash = ? ORDER BY article_id DESC LIMIT {})"
    sql = " UNION ALL ".join(bucket.format(t, limit) for t in TABLES for _ in bands)
    params = [x for _ in TABLES for band, value in enumerate(bands) for x in (band, value)]
    per_band: dict[int, set[int]] = {}
    for band, other in conn.execute(sql, params):
        per_band.setdefault(band, set()).add(other)
    hits: Counter[int] = Counter()
    for ids in per_band.values():
        hits.update(ids if len(ids) <= limit else sorted(ids)[-limit:])
    return hits


def intake_size(conn: sqlite3.Connection) -> int:
    """About how many articles the intake holds, from the ends of its article index (two
    lookups; a count would read the whole table at every commit)."""
    low, high = conn.execute("SELECT min(article_id), max(article_id) FROM minhash_bands_recent").fetchone()
    return 0 if low is None else high - low + 1


def fold_intake(lib, cancel=None, force: bool = False) -> bool:
    """Move the intake into minhash_bands when it holds INTAKE_ARTICLES articles (or any,
    with force): half a band per transaction, its rows in key order, so each page of the
    big table is written once per fold and an edit waiting for the writer waits for one
    such step, not the whole fold. Returns True when it folded.
    `lib`: the Library (its write lock, and yield_to_waiting between bands)."""
    conn = lib._conn
    size = intake_size(conn)
    if size == 0 or (size < INTAKE_ARTICLES and not force):
        return False
    # Each band in two halves of its hash range: a step then rewrites 1/32 of the big table.
    for band in range(BANDS):
        for half in ("hash < 0", "hash >= 0"):
            if cancel is not None and cancel():
                return False  # the rest waits for the next fold: lookups read both tables
            lib.yield_to_waiting()
            with lib._write():
                conn.execute("INSERT OR IGNORE INTO minhash_bands(article_id, band, hash) SELECT article_id, band, hash"
                             f" FROM minhash_bands_recent WHERE band = ? AND {half} ORDER BY band, hash, article_id",
                             (band,))
                conn.execute(f"DELETE FROM minhash_bands_recent WHERE band = ? AND {half}", (band,))
    return True


def fold_between_groups(lib, cancel=None) -> None:
    """fold_intake after an import's group commit. Its files are committed, so a fold that
    fails (a full disk, another process holding the lock) or is cancelled with the import
    loses nothing: each step moved is whole, and the rest is tried again after the next
    group (lookups read both tables meanwhile)."""
    try:
        fold_intake(lib, cancel)
    except (sqlite3.Error, LibraryBusy):
        pass


def similarity(a: str, b: str) -> float:
    from rapidfuzz import fuzz  # noqa: PLC0415

    return fuzz.ratio(a, b) / 100.0
