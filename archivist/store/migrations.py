"""Numbered schema migrations (db/NNNN_name.sql), applied on open after a dated backup.

PRAGMA user_version holds the number of the last migration applied. A library whose
version is higher than the newest migration we know was written by a newer archivist:
it is refused before anything is written to it.
"""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from archivist.store import health
from archivist.store.errors import LibraryError, LibraryTooNew

_NAME = re.compile(r"^(\d{4})_[\w-]+\.sql$")


def migrations_dir() -> Path:
    """db/ next to the package in a source tree or editable install; in an installed
    wheel the same files ship as package data under archivist/store/db."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parents[1] / "db", here / "db"):
        if candidate.is_dir() and any(candidate.glob("0001_*.sql")):
            return candidate
    raise LibraryError("the schema migrations (db/*.sql) are missing from this installation")


def migrations() -> list[tuple[int, Path]]:
    found = []
    for path in migrations_dir().iterdir():
        m = _NAME.match(path.name)
        if m:
            found.append((int(m.group(1)), path))
    found.sort()
    numbers = [n for n, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise LibraryError(f"schema migrations are not numbered 1..n: {numbers}")
    return found


def latest_version() -> int:
    return len(migrations())


def read_version(db_path: Path) -> int:
    """The schema version of an existing library, read without writing anything."""
    conn = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise LibraryError(f"{db_path}: not an archivist library ({exc})") from None
    finally:
        conn.close()


def check_not_too_new(db_path: Path, version: int) -> None:
    newest = latest_version()
    if version > newest:
        raise LibraryTooNew(
            f"{db_path} was written by a newer archivist (schema {version}, this version "
            f"knows up to {newest}); update archivist to open it — the library was not touched")


def backup(conn: sqlite3.Connection, db_path: Path, version: int) -> Path:
    """A consistent copy through SQLite's backup API (safe with WAL and other readers)."""
    return health.write_backup(conn, health.backup_name(db_path, f"schema{version}"))


def apply(conn: sqlite3.Connection, db_path: Path | None, upto: int | None = None) -> Path | None:
    """Bring the schema to `upto` (default: newest). Returns the backup made, if any.
    A fresh (version 0) database needs no backup. Each migration is its own transaction."""
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    todo = [(n, p) for n, p in migrations() if n > current and (upto is None or n <= upto)]
    if not todo:
        return None
    made = backup(conn, db_path, current) if current > 0 and db_path is not None else None
    for number, path in todo:
        script = path.read_text(encoding="utf-8")
        # executescript commits first; wrap ourselves so a failing script leaves nothing.
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(script):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # SQLite may have rolled back already (a full disk)
                conn.execute("ROLLBACK")
            raise
    return made


def _statements(script: str) -> list[str]:
    """Split a migration into statements (sqlite3.complete_statement knows about quotes)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        if not buf and line.strip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
