"""Listing the table's ids on a worker thread, a first page first (issue 18).

The worker reads ids through store.listing.stream_ids and groups near-duplicates as
they come (one row per story: its first listed copy; a later copy of an earlier head
folds under it), so the GUI thread only appends rows. Each chunk is emitted as
(generation, ids, heads, copies, last, shown rows that got copies); the model drops
chunks of a superseded listing.
"""
from __future__ import annotations

import itertools
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
    split gives the same heads and copies. After each feed, `grown` holds the heads of
    earlier feeds that got copies in it: rows shown before whose "N copies" changes.

    Only ids in a group (a copy, or the article one is a copy of) are looked at one by
    one; the others are filtered out in C a slice at a time. A Python loop over every
    listed id on the worker kept the GIL from the GUI thread's painting: at 300k
    articles a search stalled the window for 110 ms while it ran."""

    def __init__(self, links: dict[int, int]):
        self.head_of: dict[int, int] = {}
        self.grown: set[int] = set()
        self.use(links)

    def use(self, links: dict[int, int], complete: bool = True) -> None:
        """Group by these links (copy id → the article it nearly duplicates). Not
        complete: only the links of the ids fed next (a first page before the whole map
        is read); every id of theirs is then looked at, since one may be an original
        whose copies come later."""
        self.links, self.complete = links, complete
        self._members = set(links).union(links.values())

    def feed(self, ids: list[int]) -> tuple[list[int], dict[int, list[int]]]:
        """(new heads in order, head → copies of it among these ids)."""
        copies: dict[int, list[int]] = {}
        self.grown = set()
        if not self.links and self.complete:
            return list(ids), copies
        head_of, links, grown = self.head_of, self.links, self.grown
        made: set[int] = set()     # heads this feed made
        copied: set[int] = set()
        for i in _sliced(filter, self._members.__contains__, ids) if self.complete else ids:
            key = links.get(i, i)
            head = head_of.get(key)
            if head is None:
                head_of[key] = i
                made.add(i)
            else:
                copies.setdefault(head, []).append(i)
                copied.add(i)
                if head not in made:
                    grown.add(head)
        heads = _sliced(itertools.filterfalse, copied.__contains__, ids) if copied else list(ids)
        return heads, copies


def _sliced(pick, test, ids: list[int]) -> list[int]:
    """pick(test, ids) as a list, GIL_SLICE ids per C call."""
    out: list[int] = []
    for at in range(0, len(ids), GIL_SLICE):
        out.extend(pick(test, ids[at:at + GIL_SLICE]))
    return out


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


def chunks_for(lib: Library, flt, sort: str, descending: bool, group: bool, every: float = 0.0,
               stale=lambda: False):
    """(ids, heads, copies, last, shown_before) per chunk: what the model appends. The
    first page goes out as soon as it is read (it must not wait for the rest); after it,
    the ids read are held until `every` seconds have passed since the last chunk went
    out, or the listing is complete (the last chunk says so, and may be empty). Stops,
    yielding nothing more, once `stale()` says a newer listing was asked for: it is
    asked at every chunk read, so the next listing does not wait for a held one."""
    grouper = DuplicateGrouper({})
    pending: list[int] = []
    sent = None
    for n, ids in enumerate(id_chunks(lib, flt, sort, descending)):
        if stale():
            return
        if group and n < 2:   # the first page's own links first: the whole map can wait for the rest
            grouper.use(duplicate_links(lib, ids if n == 0 else None), complete=n > 0)
        pending.extend(ids)
        if sent is None or time.monotonic() - sent >= every:
            heads, copies = grouper.feed(pending)
            yield (pending, heads, copies, False, grouper.grown)
            pending, sent = [], time.monotonic()
    if not stale():
        heads, copies = grouper.feed(pending)
        yield (pending, heads, copies, True, grouper.grown)


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
            # After the first page, at most one append per EMIT_EVERY: each append repaints
            # the table (~80 ms at 1M), whatever rows it adds.
            stale = lambda: self.generation != self.model._generation  # noqa: E731
            for chunk in chunks_for(lib, *self.args, every=EMIT_EVERY, stale=stale):
                self.signal.chunk.emit(self.generation, *chunk)
