"""Disk use of a library for the benchmarks: what it takes while it is built (WAL peak,
SQLite temp files) and where its pages go afterwards (the dbstat virtual table)."""
from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

DB_NAME = "library.sqlite"
_OWN = {DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", "files"}


def _temp_dirs() -> list[Path]:
    # Where SQLite puts its temp files on unix, in the order it tries them.
    names = [os.environ.get("SQLITE_TMPDIR"), os.environ.get("TMPDIR"), "/var/tmp", "/usr/tmp", "/tmp"]
    return [Path(n) for n in dict.fromkeys(n for n in names if n) if Path(n).is_dir()]


def _size(path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


class DiskSampler:
    """Samples, on a thread, the WAL's size and the temp files present: new files in the
    library folder, SQLite's etilqs_* files in its temp dirs, and (since SQLite unlinks its
    temp files as soon as it opens them) the deleted etilqs_* files this process holds open."""

    def __init__(self, folder: Path, interval: float = 0.2):
        self.folder = folder
        self.interval = interval
        self.wal_peak = 0
        self.temp_peak = 0
        self.temp_names: set[str] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> DiskSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def sample(self) -> None:
        self.wal_peak = max(self.wal_peak, _size(self.folder / f"{DB_NAME}-wal"))
        temp = 0
        for entry in os.scandir(self.folder):
            if entry.name not in _OWN:
                self.temp_names.add(entry.name)
                temp += _size(entry.path)
        for d in _temp_dirs():
            for entry in os.scandir(d):
                if entry.name.startswith("etilqs_"):
                    self.temp_names.add(entry.name)
                    temp += _size(entry.path)
        for fd in os.listdir("/proc/self/fd") if os.path.isdir("/proc/self/fd") else ():
            try:
                target = os.readlink(f"/proc/self/fd/{fd}")
            except OSError:
                continue
            if "etilqs_" in target:
                self.temp_names.add(Path(target.split(" (deleted)")[0]).name)
                temp += _size(f"/proc/self/fd/{fd}")
        self.temp_peak = max(self.temp_peak, temp)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()


def folder_bytes(folder: Path) -> int:
    total = 0
    for root, _dirs, names in os.walk(folder):
        total += sum(_size(os.path.join(root, n)) for n in names)
    return total


GROUPS = [  # (group, table names it covers), first match wins
    ("FTS index: characters (article_fts)", ("article_fts",)),
    ("FTS index: pairs (article_bigram)", ("article_bigram",)),
    ("FTS index: headlines (article_head)", ("article_head",)),
    ("near-duplicate bands", ("minhash_bands",)),
    ("revisions (article JSON)", ("revisions",)),
    ("fixes", ("fixes",)),
    ("sources (page text)", ("sources",)),
    ("articles", ("articles",)),
    ("page records", ("page_records",)),
]


def breakdown(db_path: Path) -> list[tuple[str, int, int]]:
    """(group, table bytes, index bytes) of the database's pages, read-only, largest first.
    A table's own indexes are counted with it (second figure); FTS shadow tables with their
    FTS table."""
    conn = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
    try:
        owner = {name: (tbl, kind) for name, tbl, kind in
                 conn.execute("SELECT name, tbl_name, type FROM sqlite_master")}
        sizes = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall()
    finally:
        conn.close()
    out: dict[str, list[int]] = {}
    for name, size in sizes:
        table, kind = owner.get(name, (name, "table"))
        if name.startswith("sqlite_autoindex_"):
            kind = "index"
        group = next((g for g, tables in GROUPS if any(table == t or table.startswith(t + "_") for t in tables)),
                     "other")
        slot = out.setdefault(group, [0, 0])
        slot[1 if kind == "index" else 0] += size
    return sorted(((g, t, i) for g, (t, i) in out.items()), key=lambda r: -(r[1] + r[2]))


def print_breakdown(db_path: Path, text_bytes: int, articles: int) -> None:
    rows = breakdown(db_path)
    total = sum(t + i for _, t, i in rows)
    print(f"disk breakdown (dbstat)      {total / 1e6:,.0f} MB = {total / text_bytes:.2f}× the article text,"
          f" {total / max(1, articles):,.0f} B/article")
    for group, table, index in rows:
        print(f"  {group:<36} {(table + index) / 1e6:9,.1f} MB  {(table + index) / total:5.1%}"
              f"  (table {table / 1e6:,.1f}, its indexes {index / 1e6:,.1f})")
