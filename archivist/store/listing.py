"""Article ids in display order, a first small page and then big chunks (issue 18).

A table over a million articles must show its first rows long before every id is
listed. stream_ids() answers the first page with a LIMIT query (an index on the sort
key serves it without sorting the library; without one SQLite keeps only the top rows),
then lists the rest. Both queries read one snapshot (one read transaction), so the
chunks join up exactly: first page + chunks == Library.list_ids(...).
"""
from __future__ import annotations

from collections.abc import Iterator
from operator import itemgetter

from archivist.store.filters import ArticleFilter, listing_from, match_target, order_by, where

FIRST = 100       # a screenful or two
CHUNK = 50_000    # ids per later chunk: the GUI appends each as one step


def stream_ids(lib, flt: ArticleFilter | None, sort: str = "date", descending: bool = False,
               first: int = FIRST, chunk: int = CHUNK) -> Iterator[list[int]]:
    """Yield lists of ids whose concatenation is lib.list_ids(flt, sort, descending): the
    first list holds at most `first` ids (and is yielded even when empty), the others at
    most `chunk`. `lib` is a Library whose connection nobody else uses meanwhile."""
    flt = flt or ArticleFilter()
    conn = lib._conn
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")   # one snapshot for the first page and the rest
    try:
        yield from _stream(lib, flt, sort, descending, max(1, int(first)), max(1, int(chunk)))
    finally:
        if own and conn.in_transaction:
            conn.execute("COMMIT")


def _stream(lib, flt, sort, descending, first, chunk):
    if sort == "relevance":
        target = match_target(flt.query) if flt.query is not None else None
        if flt.query is not None and target is None:
            yield []
            return
        if target is not None:
            if descending:   # worst first: only the whole ranked list knows which that is
                yield from _chunked(lib.list_ids(flt, "relevance", True), first, chunk)
                return
            # The top of the ranking comes from its own small query (the headline tier).
            top = [r[0] for r in lib._ranked(target, flt, first, 0)]
            yield top
            if len(top) == first:
                rest = _first_column(lib._ranked(target, flt, -1, 0))[len(top):]
                for i in range(0, len(rest), chunk):
                    yield rest[i:i + chunk]
            return
        sort = "id"
    cond, params = where(flt)
    sql = f"SELECT a.id FROM {listing_from(sort)} WHERE {cond} ORDER BY {order_by(sort, descending)}"
    top = [r[0] for r in lib._conn.execute(sql + " LIMIT ?", [*params, first])]
    yield top
    if len(top) < first:
        return
    cursor = lib._conn.execute(sql + " LIMIT -1 OFFSET ?", [*params, first])
    while True:
        rows = cursor.fetchmany(chunk)
        if not rows:
            return
        yield _first_column(rows)


def _first_column(rows: list[tuple]) -> list:
    """Each row's first value, in one C call: a Python loop over 200k rows on the GUI's
    listing worker holds the GIL a bytecode at a time, and the GUI thread, which takes it
    back for every call it makes while painting, waits each time."""
    return list(map(itemgetter(0), rows))


def _chunked(ids: list[int], first: int, chunk: int) -> Iterator[list[int]]:
    yield ids[:first]
    for i in range(first, len(ids), chunk):
        yield ids[i:i + chunk]


def sort_plan(conn, flt: ArticleFilter | None, sort: str, descending: bool) -> list[str]:
    """EXPLAIN QUERY PLAN lines of the listing query (tests: no temp B-tree for a sort)."""
    cond, params = where(flt)
    sql = f"SELECT a.id FROM {listing_from(sort)} WHERE {cond} ORDER BY {order_by(sort, descending)}"
    return [r[-1] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
