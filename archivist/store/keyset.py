"""One page of article ids in date order, read after the last row of the previous page
(keyset pagination): a page costs the same at row 10 or row 900k, where OFFSET or a
full id list grows with the library. A first step towards a table that never lists
every id (issue 18); the GUI model does not use it yet."""
from __future__ import annotations

from archivist.store.filters import ARTICLE_JOINS, ArticleFilter, order_by, where


def date_page(conn, flt: ArticleFilter | None, after: tuple | None, limit: int,
              descending: bool = False) -> tuple[list[int], tuple | None]:
    """(ids, cursor): up to `limit` ids following `after` (a cursor from the previous
    call, None for the first page) in the order list_ids(sort="date") gives."""
    cond, params = where(flt)
    if after is not None:
        date, last_id = after
        cmp = "<" if descending else ">"
        if date is None:   # undated rows come last in either direction
            cond += f" AND a.date IS NULL AND a.id {cmp} ?"
            params = [*params, last_id]
        else:
            cond += f" AND (a.date IS NULL OR a.date {cmp} ? OR (a.date = ? AND a.id {cmp} ?))"
            params = [*params, date, date, last_id]
    rows = conn.execute(
        f"SELECT a.id, a.date FROM articles a {ARTICLE_JOINS} WHERE {cond}"
        f" ORDER BY {order_by('date', descending)} LIMIT ?", [*params, int(limit)]).fetchall()
    return [r[0] for r in rows], ((rows[-1][1], rows[-1][0]) if len(rows) == limit else None)
