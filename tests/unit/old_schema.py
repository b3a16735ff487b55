"""Turn a test library back into one made before migration 0008, so a test can open it
as an older library would be opened. One place to extend when a migration is added."""
from __future__ import annotations

import sqlite3


def undo_edition_and_later(conn: sqlite3.Connection) -> None:
    """Drop what db/0008 (page records) and every later migration added."""
    for index in ("date", "date_desc", "headline", "headline_desc", "status"):   # db/0011_sort_keys
        conn.execute(f"DROP INDEX articles_sort_{index}")
    conn.execute("DROP INDEX articles_trash")
    conn.execute("DROP INDEX sources_filename")
    conn.execute("CREATE INDEX articles_trashed ON articles(trashed_at)")
    conn.execute("ALTER TABLE articles DROP COLUMN headline_key")
    conn.execute("DROP INDEX articles_page")
    conn.execute("ALTER TABLE articles DROP COLUMN page_id")
    conn.execute("ALTER TABLE articles DROP COLUMN own_date")
    conn.execute("DROP TABLE page_records")
    conn.execute("ALTER TABLE review_bases DROP COLUMN base_edition")  # db/0009_edition_merge
    conn.execute("ALTER TABLE merge_conflicts DROP COLUMN edition")
    conn.execute("DROP TABLE split_corrections")  # db/0010_split_corrections
    conn.execute("DROP TABLE page_splits")
