"""Import files and folders: read → split + clean → store, each file all-or-nothing.

A file is wholly in the library or not at all: the original bytes are written to
files/ first (content-addressed, atomically renamed, harmless if the import then fails),
then source, articles, revisions, fixes, index entries and duplicate flags are written
together. Consecutive small files share a transaction (groupcommit: the search index
costs far less so); a failure or a cancel inside a file loses that file only, and a
crash loses only whole files of the last uncommitted group, which a re-import takes in.
"""
from __future__ import annotations

import errno
import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from archivist import edition, edition_pages, ingest
from archivist.edition_pages import page_metadata  # noqa: F401 - imported from here before
from archivist.errors import ArchivistError
from archivist.store.errors import ImportCancelled, LibraryBusy, LibraryError
from archivist.store.health import LibraryDamaged, remove_leftovers
from archivist.store import duplicates, groupcommit, records, resume, sourcetext
from archivist.store.groupcommit import CommitFailed, GroupCommit
from archivist.store.splitpool import SplitAhead
from archivist.text.controls import escape_controls, escape_name
from archivist.text.decode import DEFAULT_MAX_BYTES, TEXT_SUFFIXES

MAX_LINE_CHARS = 200_000     # a newspaper paragraph is at most a few thousand characters
MAX_BAD_SHARE = 0.01         # replacement/control characters: a wrongly decoded file

_BAD_CHARS = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")
_WORD_CHAR = re.compile(r"[^\W_]")  # a letter, digit or Han character
MIN_WORD_CHARS = 2
MIN_TEXT_SCAN = 100_000


@dataclass
class ImportReport:
    imported: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    articles: int = 0
    duplicates: int = 0
    article_ids: list[int] = field(default_factory=list)
    cancelled: bool = False
    disk_full: bool = False
    not_imported: list[str] = field(default_factory=list)  # not tried: the import stopped (a full disk)
    already_in: int = 0   # of `skipped`: found in before the import began (a resumed import)

    @property
    def ok(self) -> bool:
        return not self.failed and not self.cancelled and not self.not_imported


def layout_path(sha256: str) -> Path:
    return Path("files") / sha256[:2] / f"{sha256}.layout.json"


def collect_files(paths: Iterable) -> list[Path]:
    """Files named directly, plus every supported file under named folders (sorted, so
    an import is repeatable). A missing path is kept: it fails with a clear reason."""
    suffixes = ingest.supported_suffixes()
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = [Path(root) / name for root, _dirs, names in os.walk(p) for name in names
                     if Path(name).suffix.lower() in suffixes and not name.startswith(".")]
            out.extend(sorted(found))
        else:
            out.append(p)
    return out


def check_text(text: str) -> None:
    """Refuse what decoding let through but is not a newspaper page."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ArchivistError("the text holds invalid characters (lone surrogates)") from None
    bad = len(_BAD_CHARS.findall(text))
    if bad > max(3, len(text) * MAX_BAD_SHARE):
        raise ArchivistError(f"{bad} unreadable or control characters: wrong encoding or not text")
    if len(_WORD_CHAR.findall(text[:MIN_TEXT_SCAN])) < MIN_WORD_CHARS:
        # Only punctuation, emoji, private-use characters, a single "a": nothing to read.
        raise ArchivistError("no article text (no words, only symbols)")
    longest = max((len(line) for line in text.split("\n")), default=0)
    if longest > MAX_LINE_CHARS:
        raise ArchivistError(f"a line of {longest:,} characters: not a newspaper page (limit {MAX_LINE_CHARS:,})")


DISK_FULL = "the disk is full"


def is_disk_full(exc: BaseException) -> bool:
    while exc is not None:
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC or "database or disk is full" in str(exc):
            return True
        exc = exc.__cause__
    return False


def _reason(exc: BaseException, path: Path) -> str:
    """One line, without the path repeated (the report pairs it with the path)."""
    text = str(exc).strip()
    for prefix in (f"{path}: ", f"{path.name}: "):  # before splitting: a name may hold a newline
        if text.startswith(prefix):
            text = text[len(prefix):]
    text = escape_controls(text.splitlines()[0]) if text.strip() else type(exc).__name__
    if is_disk_full(exc):
        return DISK_FULL
    if isinstance(exc, MemoryError):
        return "not enough memory to import it"
    if isinstance(exc, OSError):
        return f"cannot read or store it ({exc.strerror or text})"
    return text if isinstance(exc, ArchivistError) else f"{type(exc).__name__}: {text}"


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # reported when the file is read


def display_name(path: Path) -> str:
    # A name that is not valid UTF-8 on disk comes back with surrogate escapes; SQLite and
    # terminals need real text, on one line, with no escape sequences.
    return escape_name(os.fsdecode(os.fsencode(path.name)).encode("utf-8", "replace").decode("utf-8"))


def display_path(path: Path) -> str:
    return escape_name(str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace"))


class ImportMixin:
    """Library.import_paths; needs self._conn, self._write(), self.folder."""

    max_bytes = DEFAULT_MAX_BYTES
    import_paper: str | None = None     # the import dialog's "paper" field, for the pages it imports
    import_workers: int | None = None   # split-ahead processes; None: one per core (≤ 4)

    def import_paths(self, paths, progress: Callable[[int, int, str], None] | None = None,
                     cancel: Callable[[], bool] | None = None, paper: str | None = None) -> ImportReport:
        """`paper`: the paper these pages are from, as the user said (the import dialog)."""
        self.import_paper = paper
        # The library's own line model for the paper it learned, when the pages are said to
        # be of it (the paper a page's masthead gives is known only after it is split).
        model = self.split_model_path(paper) if paper else None
        if model is not None:
            from archivist.split import labeller  # noqa: PLC0415 - the splitter loads on first use

            labeller.use_model(model)
        try:
            return self._import_paths(paths, progress, cancel, model)
        finally:
            self.import_paper = None
            if model is not None:
                labeller.use_model(None)

    def _import_paths(self, paths, progress, cancel, model=None) -> ImportReport:
        if self.readonly:  # damaged, or opened read-only: say it once, not once per file
            raise LibraryDamaged(self.damage) if self.damage else LibraryError("this library was opened read-only")
        files = collect_files([paths] if isinstance(paths, (str, os.PathLike)) else paths)
        self._remove_partial_copies()
        report = ImportReport()
        total = len(files)
        done = 0
        # A folder imported again (going on after a crash or a quit): what is in is skipped unread.
        known = resume.already_in(self._conn, files, self.max_bytes, cancel)
        report.already_in = len(known)
        if known and progress is not None:
            progress(0, total, resume.resume_message(len(known), total))
        todo = [p for p in files if p not in known] if known else files
        with SplitAhead(todo, self.max_bytes, self._has_source, self.import_workers, model) as ahead, \
                self._group(report, cancel) as group:
            for done, path in enumerate(files):
                if path in known:
                    self._committed(report, (display_path(path), known[path]), None)  # skipped
                    continue
                if cancel is not None and cancel():
                    report.cancelled = True
                    break
                if progress is not None:
                    progress(done, total, display_name(path))
                try:
                    pages = None
                    if progress is not None:
                        # Scans report each page: "file.pdf: page 3 of 12", file n of m.
                        def pages(_done, _total, message, n=done, name=display_name(path)):  # noqa: B008 - bound now, on purpose
                            progress(n, total, f"{name}: {message}")
                    # Waiting for a worker keeps the group open, but not past its age.
                    split = ahead.get(path, cancel, idle=group.commit_if_old)
                    size = len(split[0].data) if split else _size(path)
                    scan = split is None and path.suffix.lower() not in TEXT_SUFFIXES
                    if size > groupcommit.GROUP_BYTES // 2 or scan:
                        # A big file gets a transaction of its own, and slow work (OCR, a big
                        # split) is not done holding the write lock.
                        group.commit()
                    self._import_one(path, report, cancel, split, pages, group)
                except ImportCancelled:
                    report.cancelled = True
                    break
                except CommitFailed:
                    # The library could not save (a full disk); the group's files are in report.failed.
                    report.not_imported = [display_path(p) for p in files[done + 1:]]
                    break
                except LibraryBusy:
                    raise
                except (ArchivistError, Exception) as exc:  # noqa: BLE001 - one bad file never stops the rest
                    report.failed.append((display_path(path), _reason(exc, path)))
                    if is_disk_full(exc):  # the next files would fail the same way: stop, and say which
                        report.disk_full = True
                        report.not_imported = [display_path(p) for p in files[done + 1:]]
                        break
        if progress is not None:
            progress(total if not report.cancelled else done, total, "cancelled" if report.cancelled else "done")
        return report

    def import_documents(self, items: Iterable, cancel: Callable[[], bool] | None = None) -> ImportReport:
        """Store already split pages, (Source, archivist.split/1 document) pairs, as
        import_paths stores files: each page all-or-nothing, consecutive pages committed
        together (see groupcommit). A page that fails is reported and the rest go on."""
        report = ImportReport()
        with self._group(report, cancel) as group:
            for source, doc in items:
                if cancel is not None and cancel():
                    report.cancelled = True
                    break
                path = Path(source.path)
                try:
                    prepared = prepare_document(doc)
                    self._check_articles(prepared)
                    group.write((display_path(path), source.sha256), len(source.data),
                                lambda c, s=source, d=doc, p=prepared: self._write_document(s, d, p, c), cancel)
                except ImportCancelled:
                    report.cancelled = True
                    break
                except CommitFailed:
                    break
                except LibraryBusy:
                    raise
                except (ArchivistError, Exception) as exc:  # noqa: BLE001 - as in import_paths
                    report.failed.append((display_path(path), _reason(exc, path)))
        return report

    def _group(self, report: ImportReport, cancel: Callable[[], bool] | None = None) -> GroupCommit:
        def lost(key, exc):
            report.disk_full = report.disk_full or is_disk_full(exc)
            report.failed.append((key[0], "not saved: " + (DISK_FULL if is_disk_full(exc) else str(exc))))
        return GroupCommit(self, lambda key, result: self._committed(report, key, result), lost,
                           between=lambda: duplicates.fold_between_groups(self, cancel))

    def _has_source(self, sha256: str) -> bool:
        return self._conn.execute("SELECT 1 FROM sources WHERE sha256 = ?", (sha256,)).fetchone() is not None

    def _committed(self, report: ImportReport, key: tuple[str, str], result) -> None:
        """A file's write is committed: count it in the report (result None: these bytes
        were already in the library)."""
        name, sha256 = key
        if result is None:
            row = self._conn.execute("SELECT id FROM sources WHERE sha256 = ?", (sha256,)).fetchone()
            report.skipped.append((name, f"already in the library (source #{row[0] if row else '?'})"))
            return
        new_ids, dups = result
        report.imported.append(name)
        report.articles += len(new_ids)
        report.duplicates += dups
        report.article_ids.extend(new_ids)

    def _import_one(self, path: Path, report: ImportReport, cancel, split=None, pages=None,
                    group: GroupCommit | None = None) -> None:
        """`split`: (source, doc, prepared) already read and split by a worker, or None.
        `pages`: progress within the file (pages of a scan). Written through `group`, or
        in a transaction of its own without one."""
        source = split[0] if split else ingest.read_page(path, max_bytes=self.max_bytes, cancel=cancel,
                                                         progress=pages)
        key = (display_path(path), source.sha256)
        if self._has_source(source.sha256):
            self._committed(report, key, None)  # reported as skipped
            return
        if split:
            doc, prepared = split[1], split[2]
        else:
            check_text(source.text)
            from archivist.split import split_source  # noqa: PLC0415

            doc = split_source(source)
            prepared = prepare_document(doc)
        self._check_articles(prepared)
        write = lambda c: self._write_document(source, doc, prepared, c)  # noqa: E731
        if group is None:
            self._committed(report, key, write(cancel))
        else:
            group.write(key, len(source.data), write, cancel)

    def import_document(self, source, doc: dict, cancel=None, prepared: list[dict] | None = None
                        ) -> tuple[list[int], int] | None:
        """Store one already split page (a Source and its archivist.split/1 document) in
        one transaction. Returns (new article ids, how many flagged as near-duplicates),
        or None when these bytes are already in the library. `prepared`: the cleaned
        articles' records.prepare, computed by a worker (see prepare_document)."""
        if prepared is None:
            prepared = prepare_document(doc)
        self._check_articles(prepared)
        return self._write_document(source, doc, prepared, cancel)

    @staticmethod
    def _check_articles(prepared: list[dict]) -> None:
        if not any(any(records.search_fields(p["article"])) for p in prepared):  # headline or body
            raise ArchivistError("no article text found on the page")

    def _write_document(self, source, doc: dict, prepared: list[dict], cancel=None
                        ) -> tuple[list[int], int] | None:
        path = Path(source.path)
        stored = self._store_bytes(source.data, source.sha256, path.suffix)
        self._store_layout(getattr(source, "layout", ()) or (), source.sha256)
        name = display_name(path)
        # Never from source.text: a date in an article's body is not the edition's date.
        pages, on_page = edition_pages.page_editions(source, display_path(path), doc,
                                                     [p["article"] for p in prepared], self.import_paper)
        date = pages[0]["date"]
        new_ids: list[int] = []
        dups = 0
        with self._write():
            # Checked inside the write lock: another process may have imported it meanwhile.
            if self._conn.execute("SELECT 1 FROM sources WHERE sha256 = ?", (source.sha256,)).fetchone():
                return None
            source_id = self._conn.execute(
                "INSERT INTO sources(sha256, filename, path, stored_path, size, encoding, kind, text, furniture,"
                " date, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (source.sha256, name, display_path(path), stored, len(source.data), source.encoding,
                 source.kind, sourcetext.text_to_store(source), json.dumps(doc.get("furniture") or [], ensure_ascii=False),
                 date, records.now())).lastrowid
            page_ids = [self._conn.execute(
                "INSERT INTO page_records(source_id, seq, paper, date, page, section, edition, reasons)"
                " VALUES (?,?,?,?,?,?,?,?)",
                (source_id, seq, *(found[f] for f in edition.FIELDS),
                 json.dumps(found["reasons"], ensure_ascii=False))).lastrowid for seq, found in enumerate(pages)]
            self._note_split(source_id, doc.get("splitter") or "rules")
            for position, (ready, seq) in enumerate(zip(prepared, on_page)):
                if cancel is not None and cancel():
                    raise ImportCancelled("cancelled")
                article = ready["article"]
                original = duplicates.find_original(self._conn, article, ready["bands"])
                article_id = records.insert_article(self._conn, source_id, position, article, pages[seq]["date"],
                                                    prepared=ready, page_id=page_ids[seq], original=original)
                duplicates.store_bands(self._conn, article_id, ready["bands"])
                dups += original is not None
                new_ids.append(article_id)
        return new_ids, dups

    def _remove_partial_copies(self) -> None:
        """files/*/.<name>.<pid>.tmp left by a killed import (a live one's are kept)."""
        files = self.folder / "files"
        for tmp in files.glob("*/.*.tmp") if files.is_dir() else ():
            target = tmp.parent / tmp.name[1:].rsplit(".", 2)[0]
            remove_leftovers(target, ".tmp")

    def _store_layout(self, layout, sha256: str) -> None:
        """A scan's line boxes (archivist.scan layout records) beside its bytes, for the
        GUI's region view: files/<sha[:2]>/<sha>.layout.json. Like the bytes, derived from
        nothing but the file, so it needs no row and no migration."""
        if not layout:
            return
        target = self.folder / layout_path(sha256)
        if target.exists():
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(list(layout), ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, target)

    def _store_bytes(self, data: bytes, sha256: str, suffix: str) -> str:
        suffix = suffix.lower() if re.fullmatch(r"\.[A-Za-z0-9]{1,8}", suffix or "") else ""
        rel = Path("files") / sha256[:2] / f"{sha256}{suffix}"
        target = self.folder / rel
        if not target.exists() or target.stat().st_size != len(data):
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            # Atomic against a crash (rename); not fsynced, like the WAL commit itself
            # (synchronous=NORMAL): the user's original file is still where it came from.
            try:
                tmp.write_bytes(data)
                os.replace(tmp, target)
            except BaseException:
                tmp.unlink(missing_ok=True)  # a full disk leaves no partial copy behind
                raise
        return rel.as_posix()


def prepare_document(doc: dict) -> list[dict]:
    """import_document's per-article CPU work for `doc`, done ahead (in a worker)."""
    out = []
    for a in doc.get("articles") or []:
        article = records.clean_article(a)
        out.append({"article": article, **records.prepare(article)})
    return out
