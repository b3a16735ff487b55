"""Group commit for imports: consecutive files share one transaction, each file still
wholly in or absent.

SQLite's FTS5 flushes its pending index data as a new segment at every commit, and later
merges rewrite every segment: committing each small page on its own made indexing about
half of an import's time. So the importer writes consecutive files into one open
transaction and commits when it holds GROUP_BYTES of text or is GROUP_SECONDS old (also
while the importer waits for a split worker), and before anything slow like a scan's
OCR, so the write lock is never held for long. When another thread waits to write (an
edit in the window), the group commits after the file in progress and lets it in before
opening the next one.

A file stays all-or-nothing. If writing one fails or is cancelled half-way, the whole
transaction is rolled back and the group's earlier files, whose prepared records are
still in memory, are written again in a fresh transaction and committed; only the file
in progress is lost. A crash or a kill loses the uncommitted group: whole files only,
never reported as imported, and a re-import takes them in as new.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

GROUP_BYTES = 4_000_000    # text per commit: FTS5 segments of a useful size
GROUP_SECONDS = 0.5        # a tag or an edit made in the window during an import waits at most about this
GROUP_FILES = 500


@dataclass
class _Written:
    key: Any
    write: Callable[[Callable[[], bool] | None], Any]
    result: Any


class CommitFailed(Exception):
    """A group's commit failed; its files were reported through `lost`."""


class GroupCommit:
    """`write(key, nbytes, fn)` runs fn(cancel) inside the group's transaction;
    `committed(key, result)` is called for each file once its group is committed, or
    `lost(key, exc)` if the commit fails."""

    def __init__(self, lib, committed: Callable[[Any, Any], None], lost: Callable[[Any, Exception], None],
                 max_bytes: int | None = None, max_seconds: float | None = None,
                 between: Callable[[], None] | None = None):
        """`between()`: upkeep run after each commit, outside any transaction (it opens
        its own, short ones: duplicates.fold_intake)."""
        self._lib = lib
        self._between = between
        self._committed = committed
        self._lost = lost
        self._max_bytes = GROUP_BYTES if max_bytes is None else max_bytes
        self._max_seconds = GROUP_SECONDS if max_seconds is None else max_seconds
        self._tx = None
        self._written: list[_Written] = []
        self._bytes = 0
        self._opened = 0.0

    def write(self, key, nbytes: int, fn: Callable[[Callable[[], bool] | None], Any],
              cancel: Callable[[], bool] | None = None) -> Any:
        """fn(cancel) writes one file (it may raise ImportCancelled). On any exception the
        group is rolled back, its earlier files rewritten and committed, and the exception
        re-raised: the library then holds everything before this file and nothing of it."""
        if self._tx is None:
            self._lib.yield_to_waiting()  # an edit waiting since the last commit goes first
            tx = self._lib._write()
            tx.__enter__()  # BEGIN IMMEDIATE: LibraryBusy here, before anything is written
            self._tx, self._opened = tx, time.monotonic()
        try:
            result = fn(cancel)
        except BaseException as exc:
            self._rollback(exc)
            self._rewrite()
            raise
        self._written.append(_Written(key, fn, result))
        self._bytes += nbytes
        if (self._bytes >= self._max_bytes or nbytes > self._max_bytes // 2 or len(self._written) >= GROUP_FILES
                or time.monotonic() - self._opened >= self._max_seconds or self._lib.wants_lock()):
            self.commit()
        return result

    def commit_if_old(self) -> None:
        """Commit if the group has been open GROUP_SECONDS or another thread waits to
        write (called while waiting for a split worker)."""
        if self._tx is not None and (time.monotonic() - self._opened >= self._max_seconds
                                     or self._lib.wants_lock()):
            self.commit()

    def commit(self) -> None:
        """Commit the group. If the commit itself fails (a full disk), SQLite has rolled
        it back: each of its files is handed to `lost(key, exc)` and CommitFailed raised."""
        if self._tx is None:
            return
        tx, self._tx = self._tx, None
        written, self._written, self._bytes = self._written, [], 0
        try:
            tx.__exit__(None, None, None)
        except Exception as exc:
            for w in written:
                self._lost(w.key, exc)
            raise CommitFailed(str(exc)) from exc
        for w in written:
            self._committed(w.key, w.result)
        if self._between is not None:
            self._between()

    def _rollback(self, exc: BaseException) -> None:
        tx, self._tx = self._tx, None
        if tx is not None:
            tx.__exit__(type(exc), exc, exc.__traceback__)  # ROLLBACK; does not re-raise

    def _rewrite(self) -> None:
        """The group's files before the failed one, again, in one transaction (no cancel:
        they were complete). They succeeded a moment ago from the same prepared data."""
        written, self._written, self._bytes = self._written, [], 0
        if not written:
            return
        try:
            with self._lib._write():
                redone = [_Written(w.key, w.write, w.write(None)) for w in written]
        except Exception as exc:  # noqa: BLE001 - the library cannot take them now either (a full disk)
            for w in written:
                self._lost(w.key, exc)
            return
        for w in redone:
            self._committed(w.key, w.result)

    def __enter__(self) -> GroupCommit:
        return self

    def __exit__(self, typ, exc, tb) -> None:
        # Whatever stopped the loop happened between files (write() handles its own), so
        # the open group holds whole files only: keep them.
        try:
            self.commit()
        except CommitFailed:
            pass  # its files were handed to `lost`
