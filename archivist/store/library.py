"""The library: one folder holding library.sqlite and files/ (the original bytes).

One Library object = one connection. A writable Library is the library's one writer in
this process (its writes are serialised by a lock, so a GUI worker thread may use it);
other processes writing at the same time wait up to `busy_timeout` and then get
LibraryBusy. Views read through their own `Library.open(folder, readonly=True)`.
"""
from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from archivist.store import backfill, health, migrations, normalize, records, reindex
from archivist.store.health import LibraryDamaged
from archivist.store.errors import LibraryBusy, LibraryError, NotFound
from archivist.store.corrections import CorrectionsMixin
from archivist.store.edition import EditionMixin
from archivist.store.filters import ARTICLE_JOINS, STATUSES, ArticleFilter, listing_from, match_target, order_by, where
from archivist.store.importer import ImportMixin
from archivist.store.pages import PagesMixin
from archivist.store.review import ReviewMixin
from archivist.store.search import SearchMixin
from archivist.store.tags import TagsMixin

DB_NAME = "library.sqlite"
_CHUNK = 500  # ids per IN (...) list, well under SQLite's parameter limit
# The writer's page cache (SQLite's default: 2 MB): an import's random-keyed inserts and band
# lookups find their pages in memory (at 150k articles: 19% less CPU per MB). Readers keep 2 MB.
WRITER_CACHE_KIB = 32 * 1024


def default_library_dir() -> Path:
    from platformdirs import user_data_dir  # noqa: PLC0415

    return Path(user_data_dir("archivist", appauthor=False)) / "library"


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


class Library(TagsMixin, SearchMixin, ImportMixin, PagesMixin, ReviewMixin, EditionMixin, CorrectionsMixin):
    def __init__(self, folder: Path, conn: sqlite3.Connection, readonly: bool):
        self.folder = folder
        self.path = folder / DB_NAME
        self.readonly = readonly
        self._conn = conn
        self._lock = threading.RLock()
        self._depth = 0
        self._count_lock = threading.Lock()
        self._waiting = 0   # threads waiting for the lock: a long import lets them in (yield_to_waiting)
        self.backup_made: Path | None = None
        self.damage = ""  # why a damaged library was opened read-only
        self._counted: dict = {}   # count() answers since the last commit

    # ---- opening -------------------------------------------------------------------
    @classmethod
    def open(cls, folder=None, create: bool = False, readonly: bool = False,
             busy_timeout: float = 10.0, progress: Callable[[int, int, str], None] | None = None,
             check: bool = True, cancel: Callable[[], bool] | None = None) -> Library:
        """`progress(done, total, message)` hears about long work opening may do: a
        library from an older archivist is backed up, migrated and re-indexed (minutes
        for 100,000 articles; resumable, and stopped between batches when `cancel()` says
        so: reindex.ReindexCancelled). `check`: a writable open runs quick_check first (about
        1 ms per MB of library); a damaged library is then opened read-only, its `damage`
        saying why. A caller that checks elsewhere (on a worker thread) passes False."""
        # Absolute, so the sqlite URI can be formed and the folder stays right if cwd changes.
        folder = Path(folder).expanduser().resolve() if folder is not None else default_library_dir()
        db_path = folder / DB_NAME
        exists = db_path.exists() or db_path.is_symlink()
        if not exists and (readonly or not create):
            raise LibraryError(f"{folder}: no library here (create one with --library {folder} import …)")
        if exists:
            health.check_file(db_path)  # an existing file that is not a library is never re-created
            # Read the version without writing: a newer library must stay untouched.
            migrations.check_not_too_new(db_path, migrations.read_version(db_path))
        else:
            folder.mkdir(parents=True, exist_ok=True)
        uri = f"{db_path.as_uri()}?mode={'ro' if readonly else 'rwc'}"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False,
                               timeout=busy_timeout)
        lib = cls(folder, conn, readonly)
        try:
            lib._setup(busy_timeout, progress, check, cancel)
        except LibraryDamaged as exc:
            conn.close()
            return cls._open_damaged(folder, busy_timeout, exc)
        except sqlite3.DatabaseError as exc:
            conn.close()
            if _is_busy(exc):
                raise LibraryBusy(f"{folder}: the library is busy (another archivist is writing); try again") from None
            raise LibraryError(f"{folder}: cannot open the library ({exc})") from None
        except BaseException:
            conn.close()
            raise
        return lib

    @classmethod
    def _open_damaged(cls, folder: Path, busy_timeout: float, exc: LibraryDamaged) -> Library:
        """Read-only, so nothing writes on into a damaged file; `damage` says why."""
        lib = cls.open(folder, readonly=True, busy_timeout=busy_timeout)
        lib.damage = str(exc)
        return lib

    def _setup(self, busy_timeout: float, progress=None, check: bool = True, cancel=None) -> None:
        c = self._conn
        c.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        c.execute("PRAGMA foreign_keys = ON")
        health.check_is_archivist(c, self.path)
        if self.readonly:
            return
        # The writer checks; its readers need not. A caller that checks later (the GUI, on a
        # thread after the window shows) is still checked first when a migration or a
        # backup is due: neither may copy or rewrite a damaged file.
        check = check or c.execute("PRAGMA user_version").fetchone()[0] < migrations.latest_version() \
            or health.backup_due(c, self.path)
        found = health.problems(c) if check else []
        if found:
            raise LibraryDamaged(health.damage_message(self.folder, found))
        health.remove_partials(self.path)
        c.execute("PRAGMA journal_mode = WAL")
        c.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: a crash loses no committed file
        # After a checkpoint the WAL is cut back to 1 MB, not left at its largest (4+ MB).
        c.execute("PRAGMA journal_size_limit = 1048576")
        c.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")
        self.backup_made = migrations.apply(c, self.path)
        self.backup_made = health.automatic_backup(c, self.path, self.schema_version) or self.backup_made
        # Write only when there is something to set up, so a library another process is
        # busy writing still opens (for reading) here.
        if c.execute("SELECT value FROM meta WHERE key = 'library_id'").fetchone() is None:
            with self._write():
                c.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('library_id', ?)", (str(uuid.uuid4()),))
        row = c.execute("SELECT value FROM meta WHERE key = 'search_norm'").fetchone()
        if row is None or row[0] != normalize.fingerprint():
            reindex.rebuild(self, progress, cancel)
        if backfill.pending(c):
            backfill.headline_keys(self, progress, cancel)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def check(self, full: bool = False, working=None, cancelled=None) -> list[str]:
        """What SQLite finds wrong with the file ([] when sound): quick_check, or the full
        integrity_check (every index against its table); see health.problems."""
        return health.problems(self._conn, full=full, working=working, cancelled=cancelled)

    def reader(self) -> Library:
        """A separate read-only connection to the same library (e.g. for the GUI thread)."""
        return type(self).open(self.folder, readonly=True)

    @property
    def library_id(self) -> str:
        return self._conn.execute("SELECT value FROM meta WHERE key = 'library_id'").fetchone()[0]

    @property
    def schema_version(self) -> int:
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    # ---- transactions ----------------------------------------------------------------
    @contextmanager
    def _write(self):
        """One write transaction (nested calls join the outer one). BEGIN IMMEDIATE takes
        the write lock up front, so a busy library fails here, before any work is done."""
        if self.readonly:
            raise LibraryDamaged(self.damage) if self.damage else LibraryError("this library was opened read-only")
        with self._waiting_for_lock():
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if _is_busy(exc):
                    raise LibraryBusy(f"{self.folder}: the library is busy (another archivist is writing); "
                                      "try again") from None
                raise
            self._depth = 1
            try:
                yield
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:  # SQLite may have rolled back already (a full disk)
                    self._conn.execute("ROLLBACK")
                raise
            finally:
                self._depth = 0

    @contextmanager
    def _waiting_for_lock(self):
        """The lock, counted in `_waiting` while waited for, so a long writer (an import's
        group commit) knows an edit is waiting and lets it in between files."""
        if self._lock.acquire(blocking=False):
            try:
                yield
            finally:
                self._lock.release()
            return
        with self._count_lock:
            self._waiting += 1
        try:
            self._lock.acquire()
        finally:
            with self._count_lock:
                self._waiting -= 1
        try:
            yield
        finally:
            self._lock.release()

    def wants_lock(self) -> bool:
        """Another thread is waiting to write (an edit in the window during an import)."""
        return self._waiting > 0

    def yield_to_waiting(self, timeout: float = 2.0) -> None:
        """Between transactions, let a waiting writer take the lock before this thread
        takes it again: a plain lock is not fair, and a long import re-taking it at once
        would keep an edit waiting for many files."""
        if self._depth or not self._waiting:
            return
        deadline = time.monotonic() + timeout
        while self._waiting and time.monotonic() < deadline:
            time.sleep(0.001)

    # ---- helpers -----------------------------------------------------------------------
    @staticmethod
    def _ids(ids) -> list[int]:
        return [int(ids)] if isinstance(ids, int) else [int(i) for i in ids]

    def _chunks(self, ids: list[int]):
        for i in range(0, len(ids), _CHUNK):
            part = ids[i:i + _CHUNK]
            yield part, ",".join("?" * len(part))

    def _touch(self, ids: list[int]) -> None:
        for part, marks in self._chunks(ids):
            self._conn.execute(f"UPDATE articles SET updated_at = ? WHERE id IN ({marks})", [records.now(), *part])

    # ---- reading ---------------------------------------------------------------------
    def count(self, flt: ArticleFilter | None = None) -> int:
        cond, params = where(flt)
        # Counted again only after a commit (this connection's or another's): the window asks
        # after every listing, and at a million articles a count reads ~1M index entries.
        changed = (self._conn.execute("PRAGMA data_version").fetchone()[0], self._conn.total_changes)
        key = (cond, tuple(params))
        if self._counted.get("changed") != changed:
            self._counted = {"changed": changed}
        if key not in self._counted:
            self._counted[key] = self._conn.execute(
                f"SELECT count(*) FROM articles a WHERE {cond}", params).fetchone()[0]
        return self._counted[key]

    def list_ids(self, flt: ArticleFilter | None = None, sort: str = "date", descending: bool = False) -> list[int]:
        """Ids in display order, for views that fetch rows lazily. sort="relevance" needs
        flt.query (best first); without a query it falls back to id order."""
        flt = flt or ArticleFilter()
        if sort == "relevance":
            target = match_target(flt.query) if flt.query is not None else None
            if flt.query is not None and target is None:
                return []
            if target is not None:
                # The same order as search(): headline hits first, each tier by bm25.
                ids = [r[0] for r in self._ranked(target, flt, -1, 0)]  # LIMIT -1: all
                return ids[::-1] if descending else ids
            sort = "id"
        cond, params = where(flt)
        rows = self._conn.execute(
            f"SELECT a.id FROM {listing_from(sort)} WHERE {cond}"
            f" ORDER BY {order_by(sort, descending)}", params)
        return [r[0] for r in rows]

    def rows(self, ids) -> list[dict]:
        """Table rows for the given ids, in the order given (missing ids are left out)."""
        ids = self._ids(ids)
        found: dict[int, dict] = {}
        for part, marks in self._chunks(ids):
            for r in self._conn.execute(
                    f"SELECT a.id, a.headline, s.filename, a.date, a.status, a.duplicate_of, a.similarity,"
                    f" a.trashed_at, a.source_id, a.updated_at, p.paper, p.page, p.section, p.edition"
                    f" FROM articles a {ARTICLE_JOINS}"
                    f" WHERE a.id IN ({marks})", part):
                found[r[0]] = {"id": r[0], "headline": r[1], "source": r[2], "date": r[3], "status": r[4],
                               "duplicate_of": r[5], "similarity": r[6], "trashed": r[7] is not None,
                               "source_id": r[8], "updated_at": r[9], "paper": r[10], "page": r[11],
                               "section": r[12], "edition": r[13], "tags": []}
            for article_id, name in self._conn.execute(
                    f"SELECT x.article_id, t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id"
                    f" WHERE x.article_id IN ({marks}) ORDER BY t.name", part):
                found[article_id]["tags"].append(name)
        return [found[i] for i in ids if i in found]

    def get_article(self, article_id: int) -> dict:
        """The current revision's article (split/1 fields) plus meta: id, source_id,
        position, source, date, status, trashed, revision_id, tags, duplicate_of, similarity."""
        r = self._conn.execute(
            "SELECT a.id, a.source_id, a.position, s.filename, a.date, a.status, a.trashed_at,"
            " a.current_revision_id, a.duplicate_of, a.similarity, r.article FROM articles a"
            " JOIN sources s ON s.id = a.source_id JOIN revisions r ON r.id = a.current_revision_id"
            " WHERE a.id = ?", (int(article_id),)).fetchone()
        if r is None:
            raise NotFound(f"no article #{article_id}")
        out = records.unpack_article(r[10])
        out.update(id=r[0], source_id=r[1], position=r[2], source=r[3], date=r[4], status=r[5],
                   trashed=r[6] is not None, revision_id=r[7], duplicate_of=r[8], similarity=r[9],
                   tags=self.tags_of(r[0]))
        return out

    def revisions(self, article_id: int) -> list[dict]:
        """Every revision, oldest first: id, parent_id, author, note, created_at, current."""
        current = self._conn.execute("SELECT current_revision_id FROM articles WHERE id = ?",
                                     (int(article_id),)).fetchone()
        if current is None:
            raise NotFound(f"no article #{article_id}")
        return [{"id": r[0], "parent_id": r[1], "author": r[2], "note": r[3], "created_at": r[4],
                 "current": r[0] == current[0]}
                for r in self._conn.execute(
                    "SELECT id, parent_id, author, note, created_at FROM revisions WHERE article_id = ? ORDER BY id",
                    (int(article_id),))]

    def get_revision(self, revision_id: int) -> dict:
        r = self._conn.execute("SELECT id, article_id, parent_id, author, note, created_at FROM revisions"
                               " WHERE id = ?", (int(revision_id),)).fetchone()
        if r is None:
            raise NotFound(f"no revision #{revision_id}")
        return {"id": r[0], "article_id": r[1], "parent_id": r[2], "author": r[3], "note": r[4],
                "created_at": r[5], "article": records.revision_article(self._conn, r[0])}

    def fixes(self, revision_id: int) -> list[dict]:
        cols = ("idx", "rule", "action", "before", "after", "field", "block", "start", "reason", "reverted")
        rows = [dict(zip(cols, r)) for r in self._conn.execute(
            f"SELECT {', '.join(cols)} FROM fixes WHERE revision_id = ? ORDER BY idx", (int(revision_id),))]
        if rows:
            return rows
        # Only current revisions keep fix rows (db/0007); an older one's are in its JSON.
        article = records.revision_article(self._conn, int(revision_id)) or {}
        return [{"idx": i, **{c: f.get(c) for c in cols[1:]}, "reverted": int(bool(f.get("reverted")))}
                for i, f in enumerate(article.get("fixes") or [])]

    # ---- changing ----------------------------------------------------------------------
    def save_article(self, article_id: int, article: dict, author: str = "user", note: str = "") -> int:
        """Store an edited article as a new revision (parent = current). Meta keys in the
        dict are ignored. Returns the new revision id (the current one if nothing changed)."""
        with self._write():
            row = self._conn.execute("SELECT source_id FROM articles WHERE id = ?", (int(article_id),)).fetchone()
            if author == "user" and row is not None:  # a headline, byline… typed by hand is a correction
                self._keep_baseline(row[0])
            revision = records.update_article(self._conn, int(article_id), records.clean_article(article), author, note)
            if author == "user" and row is not None:
                self._record_corrections(row[0])
            return revision

    def revert_fix(self, article_id: int, fix_index: int) -> int:
        return self._toggle_fix(article_id, fix_index, revert=True)

    def reapply_fix(self, article_id: int, fix_index: int) -> int:
        return self._toggle_fix(article_id, fix_index, revert=False)

    def _toggle_fix(self, article_id: int, fix_index: int, revert: bool) -> int:
        from archivist.clean import revert as fixes_revert  # noqa: PLC0415 - the cleaner's module

        with self._write():
            found = records.current_article(self._conn, int(article_id))
            if found is None:
                raise NotFound(f"no article #{article_id}")
            _, article = found
            if not 0 <= fix_index < len(article.get("fixes") or []):
                raise NotFound(f"article #{article_id} has no fix #{fix_index}")
            func = fixes_revert.revert_fix if revert else fixes_revert.reapply_fix
            changed = records.clean_article(func(article, fix_index))
            rule = article["fixes"][fix_index].get("rule", "")
            note = f"{'revert' if revert else 'reapply'} fix #{fix_index} ({rule})"
            return records.update_article(self._conn, int(article_id), changed, "user", note)

    def set_status(self, ids, status: str) -> None:
        if status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, not {status!r}")
        ids = self._ids(ids)
        with self._write():
            for part, marks in self._chunks(ids):
                self._conn.execute(f"UPDATE articles SET status = ?, updated_at = ? WHERE id IN ({marks})",
                                   [status, records.now(), *part])

    def trash(self, ids) -> None:
        """Soft delete: out of every list and search, back with restore()."""
        ids = self._ids(ids)
        with self._write():
            for part, marks in self._chunks(ids):
                self._conn.execute(f"UPDATE articles SET trashed_at = ? WHERE trashed_at IS NULL AND id IN ({marks})",
                                   [records.now(), *part])

    def restore(self, ids) -> None:
        ids = self._ids(ids)
        with self._write():
            for part, marks in self._chunks(ids):
                self._conn.execute(f"UPDATE articles SET trashed_at = NULL WHERE id IN ({marks})", part)

    def trashed_ids(self) -> list[int]:
        return [r[0] for r in self._conn.execute(
            "SELECT id FROM articles WHERE trashed_at IS NOT NULL ORDER BY trashed_at, id")]

    def purge(self, ids=None) -> int:
        """Delete trashed articles for good (all of the trash, or the given trashed ids),
        with their revisions, tags and index entries. Sources stay. Returns how many."""
        with self._write():
            targets = self.trashed_ids() if ids is None else [
                i for i in self._ids(ids) if i in set(self.trashed_ids())]
            for article_id in targets:
                _, article = records.current_article(self._conn, article_id)
                records.unindex_article(self._conn, article_id, article)
                self._conn.execute("UPDATE articles SET current_revision_id = NULL WHERE id = ?", (article_id,))
                self._conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            return len(targets)
