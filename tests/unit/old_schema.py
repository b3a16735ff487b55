"""Turn a test library back into one made before migration 0008, so a test can open it
as an older library would be opened. One place to extend when a migration is added."""
from __future__ import annotations

import sqlite3


def undo_band_intake(conn: sqlite3.Connection) -> None:
    """Undo db/0012_band_intake: an older library kept every band row in minhash_bands."""
    conn.execute("INSERT OR IGNORE INTO minhash_bands SELECT article_id, band, hash FROM minhash_bands_recent")
    conn.execute("DROP TABLE minhash_bands_recent")


def undo_edition_and_later(conn: sqlite3.Connection) -> None:
    """Drop what db/0008 (page records) and every later migration added."""
    undo_band_intake(conn)
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
