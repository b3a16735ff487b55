"""The table at size (issue 18): the first page is shown before the rest is listed, the
later chunks append to it, near-duplicate groups come out as from one whole listing,
a newer listing drops the chunks of an older one, and select all gets every article."""
from __future__ import annotations

import random
import threading

import pytest
from PySide6.QtCore import Qt

from archivist.gui import listing, models
from archivist.gui.models import COLUMN
from archivist.store import ArticleFilter


@pytest.fixture
def held(monkeypatch):
    """Worker listings in chunks of 2, then 3: the first one at once, the rest once
    `release` is set (so a test sees the model between the two)."""
    release = threading.Event()
    real = listing.id_chunks

    def chunks(lib, flt, sort, descending):
        for n, part in enumerate(real(lib, flt, sort, descending, first=2, chunk=3)):
            if n == 1:
                assert release.wait(10)
            yield part

    monkeypatch.setattr(models, "SYNC_LIMIT", 0)
    monkeypatch.setattr(listing, "id_chunks", chunks)
    yield release
    release.set()


def test_first_page_is_shown_before_the_rest_is_listed(qtbot, main_window, held):
    w = main_window
    total = w.model.rowCount()
    full = w.reader.list_ids(ArticleFilter(), sort="id")
    w.model.sort(COLUMN["date"], Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: w.model.rowCount() == 2)
    assert w.model.loading
    assert w.model.index(0, COLUMN["headline"]).data() is not None   # rows can be read meanwhile
    with qtbot.waitSignal(w.model.idsListed, timeout=5000):
        held.set()
    assert w.model.rowCount() == total and not w.model.loading
    assert sorted(w.model.listed_ids) == sorted(full)


@pytest.mark.parametrize("column", ["headline", "date", "source", "status", "paper", "page", "section"])
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_chunked_listing_equals_the_whole_listing(qtbot, main_window, monkeypatch, column, order):
    w = main_window
    w.model.sort(COLUMN[column], order)
    whole = list(w.model.ids), list(w.model.listed_ids)   # listed at once (small library)
    monkeypatch.setattr(models, "SYNC_LIMIT", 0)
    real = listing.id_chunks
    monkeypatch.setattr(listing, "id_chunks", lambda *a: real(*a, first=1, chunk=2))
    w.model.reload()
    w.model.wait()
    assert (w.model.ids, w.model.listed_ids) == whole


def test_grouping_fed_in_chunks_equals_grouping_at_once():
    rng = random.Random(7)
    ids = rng.sample(range(1, 400), 300)
    links = {i: rng.choice(ids[:40]) for i in ids[40:200]}   # copies of a few stories
    heads, copies = listing.DuplicateGrouper(links).feed(ids)
    for _ in range(20):
        grouper, got_heads, got_copies, at = listing.DuplicateGrouper(links), [], {}, 0
        while at < len(ids):
            step = rng.randint(1, 50)
            h, c = grouper.feed(ids[at:at + step])
            assert grouper.grown == {head for head in c if head not in h}   # rows of earlier feeds that grew
            got_heads += h
            for head, more in c.items():
                got_copies.setdefault(head, []).extend(more)
            at += step
        assert (got_heads, got_copies) == (heads, copies)
    assert len(heads) < len(ids) and copies


@pytest.mark.parametrize("every", [0.0, 1e9])
def test_the_worker_chunks_group_as_one_whole_listing(monkeypatch, every):
    """Held back (every=1e9: the first page, then the rest as one) or sent as read."""
    rng = random.Random(3)
    ids = rng.sample(range(1, 2000), 1500)
    links = {i: rng.choice(ids[:300]) for i in rng.sample(ids, 400) if i not in ids[:300]}
    monkeypatch.setattr(listing, "id_chunks", lambda *a: iter([ids[:7]] + [ids[at:at + 200] for at in range(7, 1500, 200)]))
    monkeypatch.setattr(listing, "duplicate_links", lambda lib, some=None:
                        {i: links[i] for i in (some if some is not None else links) if i in links})
    want_heads, want_copies = listing.DuplicateGrouper(links).feed(ids)
    got_ids, got_heads, got_copies, shown, lasts = [], [], {}, [], []
    for chunk_ids, heads, copies, last, grown in listing.chunks_for(None, None, "date", False, True, every=every):
        assert grown == {h for h in copies if h in shown}   # exactly the rows that were shown before
        got_ids += chunk_ids
        lasts.append(last)
        got_heads += heads
        shown += heads
        for head, more in copies.items():
            got_copies.setdefault(head, []).extend(more)
    assert lasts[-1] and not any(lasts[:-1]) and (len(lasts) == 2) == (every > 1)
    assert got_ids == ids and (got_heads, got_copies) == (want_heads, want_copies)


def test_a_held_listing_stops_at_the_next_chunk_once_superseded(monkeypatch):
    """Chunks held back for the next append must not keep a newer listing waiting: the
    worker asks at every chunk it reads, not only when it sends one."""
    read = []

    def chunks(*_a):
        for at in range(0, 1000, 100):
            read.append(at)
            yield list(range(at, at + 100))

    monkeypatch.setattr(listing, "id_chunks", chunks)
    out = []
    for chunk in listing.chunks_for(None, None, "date", False, False, every=1e9, stale=lambda: len(read) > 3):
        out.append(chunk)
    assert len(out) == 1 and out[0][0] == list(range(100)) and len(read) == 4


def test_a_copy_in_a_later_chunk_folds_under_its_head(qtbot, main_window):
    w = main_window
    model = w.model
    ids = w.reader.list_ids(ArticleFilter(), sort="id")
    model._generation += 1
    gen = model._generation
    grouper = listing.DuplicateGrouper({ids[3]: ids[0]})
    model._apply_chunk(gen, ids[:2], *grouper.feed(ids[:2]), False)
    assert model.ids == ids[:2]
    with qtbot.waitSignal(model.dataChanged):
        model._apply_chunk(gen, ids[2:], *grouper.feed(ids[2:]), True, grouper.grown)
    assert ids[3] not in model.ids and model.copies(0) == [ids[3]]
    assert model.rowCount() == len(ids) - 1 and model.listed_ids == ids


def test_chunks_of_a_superseded_listing_are_dropped(qtbot, main_window):
    model = main_window.model
    before = list(model.ids)
    stale = model._generation
    model._generation += 1   # a newer listing was asked for
    model._apply_chunk(stale, [before[0]], [before[0]], {}, True)
    assert model.ids == before


def test_select_all_selects_every_article_while_listing(qtbot, main_window, held):
    w = main_window
    total = w.model.rowCount()
    w.model.sort(COLUMN["date"], Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: w.model.rowCount() == 2)
    held.set()
    w.table.selectAll()   # waits for the rest of the listing
    assert not w.model.loading and len(w.selected_ids()) == total
