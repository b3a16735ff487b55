"""Imports commit consecutive files together (groupcommit), and each file stays wholly in
or absent: a failure or a cancel half-way through one file loses that file only."""
from __future__ import annotations

import sqlite3

import pytest

from archivist import ingest
from archivist.split import split_source
from archivist.store import Library, duplicates, groupcommit, records
from tests.unit.store_pages import write_pages


def _sources(folder) -> int:
    # A second connection sees committed data only.
    conn = sqlite3.connect(folder / "library.sqlite")
    try:
        return conn.execute("SELECT count(*) FROM sources").fetchone()[0]
    finally:
        conn.close()


def test_files_share_transactions_and_are_all_committed(tmp_path, monkeypatch):
    pages = write_pages(tmp_path / "pages", 9, seed=11)
    commits = []
    real_commit = groupcommit.GroupCommit.commit

    def counting_commit(self):
        commits.append(len(self._written))
        real_commit(self)

    monkeypatch.setattr(groupcommit.GroupCommit, "commit", counting_commit)
    with Library.open(tmp_path / "lib", create=True) as lib:
        report = lib.import_paths(pages)
        assert report.ok and len(report.imported) == 9
        assert lib.count() == report.articles
    assert max(commits) > 1, "small files were committed one by one"
    assert _sources(tmp_path / "lib") == 9


def _articles(path) -> int:
    return len(split_source(ingest.read_page(path))["articles"])


def test_a_failure_inside_a_group_loses_only_that_file(tmp_path, monkeypatch):
    pages = write_pages(tmp_path / "pages", 6, seed=12)
    bad = pages[2]
    real = duplicates.store_bands

    def flaky(conn, article_id, bands):
        name = conn.execute("SELECT s.filename FROM articles a JOIN sources s ON s.id = a.source_id"
                            " WHERE a.id = ?", (article_id,)).fetchone()[0]
        if name == bad.name:
            raise RuntimeError("disk trouble")
        return real(conn, article_id, bands)

    monkeypatch.setattr(duplicates, "store_bands", flaky)
    want = sum(_articles(p) for p in pages if p != bad)
    with Library.open(tmp_path / "lib", create=True) as lib:
        report = lib.import_paths(pages)
        assert [p for p, _ in report.failed] == [str(bad)]
        assert "disk trouble" in report.failed[0][1]
        assert report.imported == [str(p) for p in pages if p != bad]
        # The files before the failed one were written again; nothing is half in.
        names = {r[0] for r in lib._conn.execute("SELECT filename FROM sources")}
        assert names == {p.name for p in pages if p != bad}
        assert lib.count() == report.articles == want
        assert records.indexed_count(lib._conn) == records.indexed_count(lib._conn, "article_bigram") == want
    monkeypatch.setattr(duplicates, "store_bands", real)
    with Library.open(tmp_path / "lib") as lib:
        again = lib.import_paths(pages)
        assert again.imported == [str(bad)] and len(again.skipped) == 5


def test_cancel_inside_a_group_keeps_the_files_before(tmp_path):
    pages = write_pages(tmp_path / "pages", 5, seed=13)
    current = {"name": None}

    def progress(done, total, name):
        current["name"] = name

    def cancel():  # asked before each file, then before each of its articles
        return current["name"] == pages[3].name

    with Library.open(tmp_path / "lib", create=True) as lib:
        report = lib.import_paths(pages, progress=progress, cancel=cancel)
        assert report.cancelled
        assert report.imported == [str(p) for p in pages[:3]]
        assert lib.count() == report.articles == sum(_articles(p) for p in pages[:3])
    assert _sources(tmp_path / "lib") == 3


def test_import_documents_groups_pages(tmp_path):
    pages = write_pages(tmp_path / "pages", 4, seed=14)
    items = [(s, split_source(s)) for s in map(ingest.read_page, pages)]
    items.append(items[0])  # the same bytes twice: skipped, not stored again
    with Library.open(tmp_path / "lib", create=True) as lib:
        report = lib.import_documents(items)
        assert len(report.imported) == 4 and len(report.skipped) == 1
        assert lib.count() == report.articles == sum(len(d["articles"]) for _, d in items[:4])
        assert lib.search_count(items[1][1]["articles"][0]["headline"]) >= 1


@pytest.mark.parametrize("size", [1, 10_000_000])
def test_group_size_does_not_change_what_is_stored(tmp_path, monkeypatch, size):
    monkeypatch.setattr(groupcommit, "GROUP_BYTES", size)
    pages = write_pages(tmp_path / "pages", 5, seed=15)
    with Library.open(tmp_path / "lib", create=True) as lib:
        report = lib.import_paths(pages)
        assert report.ok and len(report.imported) == 5
        conn = lib._conn
        conn.execute("INSERT INTO article_fts(article_fts) VALUES ('integrity-check')")
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


class _FullDisk:
    """The library's connection, whose next COMMIT fails as on a full disk."""

    def __init__(self, conn):
        self._real, self.armed = conn, True

    def execute(self, sql, *args):
        if self.armed and sql == "COMMIT":
            self.armed = False
            raise sqlite3.OperationalError("database or disk is full")
        return self._real.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._real, name)


def test_a_failed_commit_reports_the_group_as_not_saved(tmp_path):
    pages = write_pages(tmp_path / "pages", 4, seed=16)
    with Library.open(tmp_path / "lib", create=True) as lib:
        real = lib._conn
        lib._conn = _FullDisk(real)
        try:
            report = lib.import_paths(pages)
        finally:
            lib._conn = real
        assert not report.ok and not report.imported
        assert sorted(p for p, _ in report.failed) == sorted(str(p) for p in pages)
        assert all("disk is full" in reason for _, reason in report.failed)
        assert lib.count() == 0 and lib.stats()["sources"] == 0
        assert lib.import_paths(pages).ok  # nothing half-written stands in the way
