"""Re-indexing for search after an upgrade, in batches: resumable and cancellable.

A new archivist whose text normalisation differs (normalize.fingerprint) rebuilds the
three FTS indexes. At a million articles that is most of an hour, so it is done in
batches of BATCH articles, each its own transaction, with meta keys saying what is being
built (reindex_target) and how far it got (reindex_upto, an article id). Quitting, a
crash or the user's Stop leaves the library sound, its index partly rebuilt; the next
open goes on from reindex_upto. Only when the last batch is in does search_norm change,
so a half-done re-index is never taken for a finished one.
"""
from __future__ import annotations

import time
from collections.abc import Callable

from archivist.store import normalize, records
from archivist.store.errors import LibraryError

BATCH = 5000   # articles per transaction: ~5 s of work, so a Stop answers within seconds
READ = 1000    # rows read at a time (a batch's text at once would be ~10 MB)
FTS_TABLES = ("article_fts", "article_bigram", "article_head")


class ReindexCancelled(LibraryError):
    """The user stopped the re-index; it goes on from where it got to at the next open."""


def _meta(conn, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def _set(conn, key: str, value) -> None:
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, str(value)))


def format_duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


def time_left(done_now: int, elapsed: float, remaining: int) -> float | None:
    """Seconds still to go, from this run's pace (None until there is one to go by)."""
    if done_now <= 0 or elapsed <= 0:
        return None
    return remaining * elapsed / done_now


def rebuild(lib, progress: Callable[[int, int, str], None] | None = None,
            cancel: Callable[[], bool] | None = None) -> None:
    """Rebuild the search indexes of `lib` (a writable Library), going on from an earlier
    interrupted run. Raises ReindexCancelled when `cancel()` says so between batches."""
    conn = lib._conn
    target = normalize.fingerprint()
    if _meta(conn, "reindex_target") != target:
        with lib._write():   # start afresh: nothing of an older target's batches is kept
            for table in FTS_TABLES:
                conn.execute(f"INSERT INTO {table}({table}) VALUES ('delete-all')")
            _set(conn, "reindex_target", target)
            _set(conn, "reindex_upto", 0)

    def finish(conn) -> None:   # the last batch: the index is whole again
        _set(conn, "search_norm", target)
        conn.execute("DELETE FROM meta WHERE key = 'reindex_target'")

    run_batches(lib, "reindex_upto", lambda conn, after: _index_batch(conn, after), finish,
                ("re-indexing for search", "re-indexed"), progress, cancel)


def run_batches(lib, upto_key: str, batch: Callable[[object, int], tuple[int, int]],
                finish: Callable[[object], None], labels: tuple[str, str],
                progress: Callable[[int, int, str], None] | None = None,
                cancel: Callable[[], bool] | None = None) -> None:
    """A pass over every article in id order, `batch(conn, after)` → (how many, last id)
    per transaction, resumable from meta `upto_key` (deleted, and `finish(conn)` run, in
    the last transaction), with progress and time left; `cancel()` between batches stops
    it (ReindexCancelled). labels: what is going on ("re-indexing for search"), what was
    done ("re-indexed")."""
    conn = lib._conn
    doing, did = labels
    upto = int(_meta(conn, upto_key) or 0)
    total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    done = conn.execute("SELECT count(*) FROM articles WHERE id <= ?", (upto,)).fetchone()[0]
    start_done, t0 = done, time.monotonic()
    while True:
        if progress is not None:
            left = time_left(done - start_done, time.monotonic() - t0, total - done)
            when = f" (about {format_duration(left)} left)" if left is not None else ""
            progress(done, total, f"{doing}: {done:,} of {total:,} articles{when}")
        if cancel is not None and cancel():
            raise ReindexCancelled(f"{lib.folder}: {doing} stopped at {done:,} of {total:,} articles; "
                                   "it goes on the next time the library is opened")
        with lib._write():
            n, upto = batch(conn, upto)
            _set(conn, upto_key, upto)
            if n == 0:
                finish(conn)
                conn.execute("DELETE FROM meta WHERE key = ?", (upto_key,))
        done += n
        if n == 0:
            break
    if progress is not None and total:
        progress(total, total, f"{did} {total:,} articles")


def _index_batch(conn, after: int) -> tuple[int, int]:
    """Index up to BATCH articles with ids above `after`: (how many, the last id)."""
    n = 0
    while n < BATCH:
        rows = conn.execute(
            "SELECT a.id, r.article FROM articles a JOIN revisions r ON r.id = a.current_revision_id"
            " WHERE a.id > ? ORDER BY a.id LIMIT ?", (after, min(READ, BATCH - n))).fetchall()
        if not rows:
            break
        for article_id, body in rows:
            records.index_article(conn, article_id, records.unpack_article(body))
        after = rows[-1][0]
        n += len(rows)
    return n, after
