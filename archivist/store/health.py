"""Is this file a sound archivist library? Checked before and at open, and on demand.

A file that is not a library (empty, a folder, another program's database) is refused,
never re-created over: a zero-byte library.sqlite from a failed copy must not quietly
become a new empty library with a new library_id. A library whose pages are damaged
(`PRAGMA quick_check`, cheap, at every writable open; `integrity_check` on demand) is
opened read-only, and `archivist check` says how to recover.
"""
from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from archivist.store.errors import LibraryError

SQLITE_MAGIC = b"SQLite format 3\x00"
BACKUP_EVERY_DAYS = 7   # an automatic backup when the newest is older than this
BACKUPS_KEPT = 4        # automatic backups kept (the ones before migrations are all kept)
PARTIAL = ".partial"    # a backup being written; one left by a kill is removed next time


class LibraryDamaged(LibraryError):
    """The library's database is damaged; it can be read, not written."""


def check_file(db_path: Path) -> None:
    """Refuse an existing library.sqlite that cannot be an archivist library."""
    if db_path.is_dir():
        raise LibraryError(f"{db_path} is a folder, not a library file")
    try:
        with open(db_path, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise LibraryError(f"{db_path}: cannot read the library ({exc.strerror or exc})") from None
    if not head:
        raise LibraryError(f"{db_path} is empty (0 bytes), not a library; it was left as it is — "
                           "remove it to start a new library there, or restore it from a backup")
    if head != SQLITE_MAGIC:
        raise LibraryError(f"{db_path} is not an archivist library (not an SQLite database); it was left as it is")


def check_is_archivist(conn: sqlite3.Connection, db_path: Path) -> None:
    """Another program's SQLite database is not ours to migrate."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if tables and "meta" not in tables:
        raise LibraryError(f"{db_path} is an SQLite database of another program, not an archivist library;"
                           " it was left as it is")


class CheckCancelled(LibraryError):
    """The check was stopped before it finished: nothing is known of the damage."""


def problems(conn: sqlite3.Connection, full: bool = False, limit: int = 20,
             working: Callable[[], None] | None = None, cancelled: Callable[[], bool] | None = None) -> list[str]:
    """What SQLite finds wrong with the file: [] when sound. `working()` is called now and
    then while SQLite checks (a full check of a large library takes minutes); `cancelled()`
    true stops it with CheckCancelled."""
    pragma = "integrity_check" if full else "quick_check"
    if working or cancelled:
        conn.set_progress_handler(lambda: (working and working(), bool(cancelled and cancelled()))[1], 10_000)
    try:
        rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}({CHECK_ROWS})")]
        false = {r for r in set(rows) if _false_null(conn, r)}
        if false and len(rows) == CHECK_ROWS:
            # The list is full of them: check the other tables one by one so that real
            # damage is not hidden behind them.
            skip = {_NULL_IN.match(r).group(1) for r in false}
            names = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                     if t not in skip]
            rows = [r[0] for t in names for r in conn.execute(f'PRAGMA {pragma}("{t}")')]
    except sqlite3.DatabaseError as exc:
        if cancelled and cancelled():
            raise CheckCancelled("the check was cancelled") from None
        return [str(exc)]
    finally:
        if working or cancelled:
            conn.set_progress_handler(None, 0)
    lines = [line for r in rows for line in r.splitlines() if not line.startswith("*** in database")]
    found = [r for r in dict.fromkeys(lines) if r != "ok" and r not in false and not _false_null(conn, r)]
    return found[:limit]


CHECK_ROWS = 200


_NULL_IN = re.compile(r"^NULL value in (\w+)\.(\w+)$")


def _false_null(conn: sqlite3.Connection, message: str) -> bool:
    """Some SQLite versions report "NULL value in t.c" for a WITHOUT ROWID table whose
    primary key lists c later; it is damage only if a NULL is really there."""
    m = _NULL_IN.match(message)
    if m is None:
        return False
    try:
        return conn.execute(f'SELECT 1 FROM "{m.group(1)}" WHERE "{m.group(2)}" IS NULL LIMIT 1').fetchone() is None
    except sqlite3.DatabaseError:
        return False


def damage_message(folder: Path, found: list[str]) -> str:
    return (f"{folder}: the library is damaged ({found[0]}{' …' if len(found) > 1 else ''}); it is open "
            f"read-only — run `archivist check --library {folder}` to see the damage and recover")


def remove_leftovers(target: Path, suffix: str) -> None:
    """`.<name>.<pid><suffix>` beside target, left by a process that was killed while it
    wrote (a live process's own is left alone)."""
    for p in Path(target).parent.glob(f".{Path(target).name}.*{suffix}"):
        pid = p.name[len(Path(target).name) + 2:-len(suffix)]
        if pid.isdigit() and not _alive(int(pid)):
            if p.is_dir():
                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # ours from an earlier, failed attempt
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, another user's
    return True


# ---- backups -------------------------------------------------------------------------
def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def backup_name(db_path: Path, what: str, suffix: str = "") -> Path:
    """backups/library-<date>-<what>[-n]<suffix>.sqlite, a name not taken yet."""
    folder = backups_dir(db_path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target, n = folder / f"library-{stamp}-{what}{suffix}.sqlite", 1
    while target.exists():
        n += 1
        target = folder / f"library-{stamp}-{what}-{n}{suffix}.sqlite"
    return target


def write_backup(conn: sqlite3.Connection, target: Path) -> Path:
    """A consistent copy through SQLite's backup API, written under a temporary name and
    renamed: a kill leaves only a .partial file, removed at the next open."""
    target.parent.mkdir(exist_ok=True)
    tmp = target.with_name(target.name + PARTIAL)
    dest = sqlite3.connect(tmp)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    os.replace(tmp, target)
    return target


def remove_partials(db_path: Path) -> None:
    folder = backups_dir(db_path)
    if folder.is_dir():
        for p in folder.glob(f"*{PARTIAL}"):
            p.unlink(missing_ok=True)


def latest_backups(db_path: Path) -> list[Path]:
    folder = backups_dir(db_path)
    found = folder.glob("library-*.sqlite") if folder.is_dir() else []
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def backup_due(conn: sqlite3.Connection, db_path: Path, every_days: float = BACKUP_EVERY_DAYS) -> bool:
    newest = latest_backups(db_path)
    if newest:
        since = newest[0].stat().st_mtime
    else:  # no backup yet: counted from the first import, so a new library is not copied at once
        try:
            row = conn.execute("SELECT min(imported_at) FROM sources").fetchone()
        except sqlite3.DatabaseError:
            return True  # unreadable: the check that comes first will say why
        if not row or not row[0]:
            return False
        since = datetime.fromisoformat(row[0]).timestamp()
    return time.time() - since >= every_days * 86400


def automatic_backup(conn: sqlite3.Connection, db_path: Path, version: int,
                     every_days: float = BACKUP_EVERY_DAYS, keep: int = BACKUPS_KEPT) -> Path | None:
    """calibre-style: a backup when the newest is older than `every_days`; the `keep`
    newest automatic ones stay."""
    if not backup_due(conn, db_path, every_days):
        return None
    made = write_backup(conn, backup_name(db_path, f"schema{version}", "-auto"))
    autos = [p for p in latest_backups(db_path) if p.name.endswith("-auto.sqlite")]
    for old in autos[keep:]:
        old.unlink(missing_ok=True)
    return made


def restore_backup(db_path: Path, out_folder: Path, backup: Path | None = None) -> Path:
    """The latest backup (or `backup`) as a new library folder beside files/ copied; the
    damaged library stays as it is. Returns the backup used."""
    backups = [backup] if backup else latest_backups(db_path)
    if not backups:
        raise LibraryError(f"{db_path.parent}: no backups in {backups_dir(db_path)}")
    out_folder = _new_folder(out_folder)
    shutil.copyfile(backups[0], out_folder / db_path.name)
    _copy_files(db_path, out_folder)
    return backups[0]


def _new_folder(folder: Path) -> Path:
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise LibraryError(f"{folder} already exists and is not empty")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _copy_files(db_path: Path, out_folder: Path) -> None:
    files = db_path.parent / "files"
    if files.is_dir():
        shutil.copytree(files, out_folder / "files", dirs_exist_ok=True)


# ---- recovery ------------------------------------------------------------------------
def recover(db_path: Path, out_folder: Path) -> str:
    """Copy what can be read of a damaged library into a new library folder: SQLite's own
    `.recover` when the sqlite3 program is installed, else VACUUM INTO. Returns how."""
    out_folder = _new_folder(out_folder)
    target = out_folder / db_path.name
    cli = shutil.which("sqlite3")
    if cli:
        dump = subprocess.run([cli, f"file:{db_path}?mode=ro", ".recover"], capture_output=True, timeout=3600)
        load = subprocess.run([cli, str(target)], input=dump.stdout, capture_output=True, timeout=3600)
        how = "sqlite3 .recover" if dump.returncode == 0 and load.returncode == 0 else ""
        if not how:
            target.unlink(missing_ok=True)
    if not cli or not how:
        how = "VACUUM INTO"
        conn = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
        try:
            conn.execute("VACUUM INTO ?", (str(target),))
        except sqlite3.DatabaseError as exc:
            target.unlink(missing_ok=True)
            raise LibraryError(f"the damaged library could not be copied ({exc}); restore a backup instead") from None
        finally:
            conn.close()
    _copy_files(db_path, out_folder)
    return how
