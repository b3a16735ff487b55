"""Listing the table's ids on a worker thread, a first page first (issue 18).

The worker reads ids through store.listing.stream_ids and groups near-duplicates as
they come (one row per story: its first listed copy; a later copy of an earlier head
folds under it), so the GUI thread only appends rows. Each chunk is emitted as
(generation, ids, heads, copies, last); the model drops chunks of a superseded listing.
"""
from __future__ import annotations

import sqlite3
import time

from PySide6.QtCore import QObject, QRunnable, Signal

from archivist.store import ArticleFilter, Library
from archivist.store.listing import CHUNK, FIRST, stream_ids

EMIT_EVERY = 0.4   # seconds between appends of a listing's later chunks
GIL_SLICE = 20_000  # items per C call on the worker (~2 ms holding the GIL)


def id_chunks(lib: Library, flt: ArticleFilter, sort: str, descending: bool,
              first: int = FIRST, chunk: int = CHUNK):
    """The listing in chunks, the first one small (headlines in pinyin order: their
    stored key, store.sortkey, is what the index sorts)."""
    return stream_ids(lib, flt, sort, descending, first, chunk)


class DuplicateGrouper:
    """Near-duplicate grouping fed chunk by chunk; feeding all ids at once or in any
    split gives the same heads and copies."""

    def __init__(self, links: dict[int, int]):
        self.links = links            # copy id → the article it nearly duplicates
        self.head_of: dict[int, int] = {}

    def feed(self, ids: list[int]) -> tuple[list[int], dict[int, list[int]]]:
        """(new heads in order, head → copies of it among these ids)."""
        heads: list[int] = []
        copies: dict[int, list[int]] = {}
        if not self.links:
            return list(ids), copies
        head_of, links = self.head_of, self.links
        for i in ids:
            key = links.get(i, i)
            head = head_of.get(key)
            if head is None:
                head_of[key] = i
                heads.append(i)
            else:
                copies.setdefault(head, []).append(i)
        return heads, copies


def duplicate_links(lib: Library, ids: list[int] | None = None) -> dict[int, int]:
    """Copy → its original, for these ids (None: every copy, one pass over the
    duplicate_of index)."""
    try:
        if ids is None:
            return dict(lib._conn.execute("SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL"))
        marks = ",".join("?" * len(ids))
        return dict(lib._conn.execute(
            f"SELECT id, duplicate_of FROM articles WHERE id IN ({marks}) AND duplicate_of IS NOT NULL", ids))
    except sqlite3.DatabaseError:  # a damaged index (the library is open read-only): list ungrouped
        return {}


def shown_before(heads: list[int], copies: dict[int, list[int]]) -> set[int]:
    """The heads of `copies` that are not among `heads`: rows shown by an earlier chunk,
    whose "N copies" changes. Worked out on the worker: the set of a chunk's heads (up to
    a million) took the GUI thread ~130 ms. Built a slice at a time, because one C call
    that long also holds the GIL, which stalls the GUI thread just the same."""
    if not copies:
        return set()
    new: set[int] = set()
    for at in range(0, len(heads), GIL_SLICE):
        new.update(heads[at:at + GIL_SLICE])
    return {h for h in copies if h not in new}


def chunks_for(lib: Library, flt, sort: str, descending: bool, group: bool):
    """(ids, heads, copies, last, shown_before) per chunk: what the model appends. Each
    chunk goes out as soon as it is read (the first page must not wait for the second
    chunk); an empty one says the listing is complete."""
    grouper = DuplicateGrouper({})
    for n, ids in enumerate(id_chunks(lib, flt, sort, descending)):
        if group:   # the first page's own links first: the whole map can wait for the rest
            grouper.links = duplicate_links(lib, ids if n == 0 else None) if n < 2 else grouper.links
        heads, copies = grouper.feed(ids)
        yield (ids, heads, copies, False, shown_before(heads, copies))
    yield ([], [], {}, True, set())


class Listed(QObject):
    # generation, ids, heads, copies, last, shown_before; `object`: passed as they are,
    # not converted to Qt types
    chunk = Signal(int, object, object, object, bool, object)


class ListIds(QRunnable):
    """List ids through a connection of its own; a listing superseded by a newer one (the
    user kept typing) stops before its next chunk."""

    def __init__(self, model, generation: int, folder, flt, sort: str, descending: bool, group: bool):
        super().__init__()
        self.model, self.generation = model, generation
        self.args = (flt, sort, descending, group)
        self.folder = folder
        self.signal = model._listed

    def run(self) -> None:
        if self.generation != self.model._generation:
            return
        with Library.open(self.folder, readonly=True) as lib:
            pending, sent = None, 0.0
            for chunk in chunks_for(lib, *self.args):
                if self.generation != self.model._generation:
                    return
                pending = chunk if pending is None else _merged(pending, chunk)
                # The first page at once; after it, at most one append per EMIT_EVERY: each
                # append repaints the table (~80 ms at 1M), whatever rows it adds.
                if sent == 0.0 or pending[3] or time.monotonic() - sent >= EMIT_EVERY:
                    self.signal.chunk.emit(self.generation, *pending)
                    pending, sent = None, time.monotonic()


def _merged(a: tuple, b: tuple) -> tuple:
    """Two consecutive chunks as one."""
    copies = {head: list(more) for head, more in a[2].items()}
    for head, more in b[2].items():
        copies.setdefault(head, []).extend(more)
    heads = a[1] + b[1]
    return a[0] + b[0], heads, copies, b[3], shown_before(heads, copies)
