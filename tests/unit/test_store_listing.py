"""stream_ids: a first small page, then chunks that together are exactly list_ids'
order, for every sort, both directions, across ties, NULLs and trashed rows; and the
library's sorts are served by an index (no sort of every article for a first page)."""
from __future__ import annotations

import pytest

from archivist.samples import SAMPLES
from archivist.store import ArticleFilter, Library
from archivist.store.filters import SORTS
from archivist.store.listing import sort_plan, stream_ids

FILTERS = [ArticleFilter(), ArticleFilter(status="new"), ArticleFilter(trashed=True), ArticleFilter(query="青岛")]


@pytest.fixture(scope="module")
def lib(tmp_path_factory):
    with Library.open(tmp_path_factory.mktemp("listing") / "lib", create=True) as library:
        assert library.import_paths([SAMPLES]).ok
        ids = library.list_ids(ArticleFilter(), sort="id")
        assert len(ids) >= 6
        # Ties and NULLs in every sort key; some reviewed, some in the trash.
        for n, article_id in enumerate(ids):
            date = None if n % 3 == 0 else ("2024-01-01" if n % 3 == 1 else f"2023-0{1 + n % 9}-15")
            headline = None if n % 4 == 0 else ("同题" if n % 4 == 1 else f"标题{n % 5}")
            library._conn.execute("UPDATE articles SET date = ?, headline = ?, status = ? WHERE id = ?",
                                  (date, headline, "reviewed" if n % 2 else "new", article_id))
        library.trash(ids[:2])
        yield library


@pytest.mark.parametrize("flt", FILTERS, ids=["library", "new", "trash", "query"])
@pytest.mark.parametrize("sort", [*SORTS, "relevance"])
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("first,chunk", [(1, 1), (3, 4), (100, 50_000)])
def test_chunks_concatenate_to_the_full_listing(lib, flt, sort, descending, first, chunk):
    parts = list(stream_ids(lib, flt, sort, descending, first=first, chunk=chunk))
    assert len(parts[0]) <= first and all(0 < len(p) <= chunk for p in parts[1:])
    assert [i for p in parts for i in p] == lib.list_ids(flt, sort=sort, descending=descending)
    assert not lib._conn.in_transaction   # the snapshot was let go


def test_an_abandoned_stream_lets_the_snapshot_go(lib):
    stream = stream_ids(lib, ArticleFilter(), "date", first=1, chunk=1)
    next(stream)
    assert lib._conn.in_transaction
    stream.close()
    assert not lib._conn.in_transaction


@pytest.mark.parametrize("sort", ["date", "headline", "status", "id"])
@pytest.mark.parametrize("descending", [False, True])
def test_the_library_sorts_are_read_from_an_index(lib, sort, descending):
    plan = " | ".join(sort_plan(lib._conn, ArticleFilter(), sort, descending))
    assert "TEMP B-TREE" not in plan, plan


def test_the_date_range_is_read_from_the_date_indexes_and_leaves_out_the_trash(lib):
    want = lib._conn.execute("SELECT min(date), max(date) FROM articles WHERE trashed_at IS NULL").fetchone()
    assert lib.date_range() == tuple(want) and None not in want
    plan = " ".join(r[-1] for r in lib._conn.execute(
        "EXPLAIN QUERY PLAN SELECT date FROM articles WHERE trashed_at IS NULL AND date IS NOT NULL"
        " ORDER BY date IS NULL, date DESC, id DESC LIMIT 1"))
    assert "articles_sort_date_desc" in plan
