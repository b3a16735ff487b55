"""Keyset pages in date order: together they list exactly what list_ids lists, across
equal dates and undated rows, in both directions."""
from __future__ import annotations

import pytest

from archivist.samples import SAMPLES
from archivist.store import ArticleFilter, Library
from archivist.store.keyset import date_page


@pytest.fixture
def lib(tmp_path):
    with Library.open(tmp_path / "lib", create=True) as library:
        assert library.import_paths([SAMPLES]).ok
        ids = library.list_ids(ArticleFilter(), sort="id")
        assert len(ids) >= 6
        # Ties and gaps an id-less cursor would get wrong: a run of one date, undated rows.
        for n, article_id in enumerate(ids):
            date = None if n % 3 == 0 else ("2024-01-01" if n % 3 == 1 else f"2023-0{1 + n % 9}-15")
            library._conn.execute("UPDATE articles SET date = ? WHERE id = ?", (date, article_id))
        library._conn.commit()
        yield library


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("limit", [1, 2, 5])
def test_pages_concatenate_to_the_full_listing(lib, descending, limit):
    paged, cursor = [], None
    while True:
        ids, cursor = date_page(lib._conn, ArticleFilter(), cursor, limit, descending)
        assert len(ids) <= limit
        paged += ids
        if cursor is None:
            break
    assert paged == lib.list_ids(ArticleFilter(), sort="date", descending=descending)


def test_a_page_reads_the_date_index_not_the_whole_table(lib):
    plan = " ".join(str(r[-1]) for r in lib._conn.execute(
        "EXPLAIN QUERY PLAN SELECT a.id FROM articles a WHERE a.date > ? ORDER BY a.date LIMIT 10", ("2023",)))
    assert "articles_date" in plan
