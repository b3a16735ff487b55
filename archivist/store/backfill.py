"""Headline sort keys for articles written before they existed (db/0011), in batches at
open: resumable and cancellable through reindex.run_batches, as the search re-index is.
At a million articles the keys take about a minute; until then those articles sort as
untitled."""
from __future__ import annotations

from archivist.store import reindex
from archivist.store.sortkey import headline_key

UPTO = "headline_keys_upto"   # meta: keys are written for every article up to this id
BATCH = 20_000                # ~0.3 s of keys and index updates per transaction


def pending(conn) -> bool:
    return conn.execute("SELECT 1 FROM meta WHERE key = ?", (UPTO,)).fetchone() is not None


def headline_keys(lib, progress=None, cancel=None) -> None:
    reindex.run_batches(lib, UPTO, _key_batch, lambda conn: None,
                        ("sorting headlines by pinyin", "sorted the headlines of"), progress, cancel)


def _key_batch(conn, after: int) -> tuple[int, int]:
    rows = conn.execute("SELECT id, headline FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                        (after, BATCH)).fetchall()
    conn.executemany("UPDATE articles SET headline_key = ? WHERE id = ?",
                     [(headline_key(headline), article_id) for article_id, headline in rows])
    return len(rows), (rows[-1][0] if rows else after)
