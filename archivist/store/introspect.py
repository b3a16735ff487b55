"""What a library's database holds, table by table: `archivist stats --tables`.

sqlite-utils reads the schema (tables, columns, indexes, triggers, foreign keys, which
tables are FTS5 and which are their shadow tables), so nothing here parses PRAGMA output
or the CREATE statements in sqlite_master by hand. It only reads: the Database wrapper is
made with recursive_triggers=False and execute_plugins=False, so it changes nothing on
the library's connection.
"""
from __future__ import annotations

import sqlite3

# The tables SQLite's full-text modules keep behind each virtual table.
_SHADOW = ("data", "idx", "content", "docsize", "config", "segments", "segdir", "stat")


def tables(conn: sqlite3.Connection) -> list[dict]:
    """Every table but FTS shadow tables, in schema order: name, kind ("table" or "fts"),
    rows (None where a virtual table cannot be counted), columns, indexes (SQLite's own
    automatic ones left out), triggers and foreign keys ("column -> table.column")."""
    import sqlite_utils  # noqa: PLC0415 - 0.1 s of imports (click, pluggy) only `stats --tables` needs

    db = sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)
    fts = set(db.table_names(fts4=True)) | set(db.table_names(fts5=True))
    shadow = {f"{name}_{suffix}" for name in fts for suffix in _SHADOW}
    out = []
    for table in db.tables:
        if table.name in shadow:
            continue
        try:
            rows = table.count
        except sqlite3.OperationalError:  # a contentless FTS5 table cannot be scanned
            rows = None
        out.append({
            "name": table.name,
            "kind": "fts" if table.name in fts else "table",
            "rows": rows,
            "columns": [c.name for c in table.columns],
            "indexes": [i.name for i in table.indexes if not i.name.startswith("sqlite_autoindex_")],
            "triggers": [t.name for t in table.triggers],
            "foreign_keys": [f"{fk.column} -> {fk.other_table}.{fk.other_column}" for fk in table.foreign_keys],
        })
    return out
