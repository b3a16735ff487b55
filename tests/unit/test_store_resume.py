"""Importing a folder again after an import stopped half-way goes on where it stopped: the
files already in are skipped unread, and the import says how many are left (issue 18)."""
from __future__ import annotations

from archivist import ingest
from archivist.store import Library, resume
from tests.unit.store_pages import write_pages


def test_a_stopped_import_goes_on_without_reading_what_is_in(tmp_path, monkeypatch):
    pages = write_pages(tmp_path / "pages", 12, seed=31)
    folder = tmp_path / "lib"
    with Library.open(folder, create=True) as lib:
        lib.import_workers = 0
        seen = []
        first = lib.import_paths(pages, cancel=lambda: len(seen) > 5, progress=lambda d, t, m: seen.append(m))
        assert first.cancelled and 0 < len(first.imported) < 12
        imported = set(first.imported)

        read = []
        real_read = ingest.read_page
        monkeypatch.setattr(ingest, "read_page", lambda path, **kw: read.append(path) or real_read(path, **kw))
        messages = []
        report = lib.import_paths(tmp_path / "pages", progress=lambda d, t, m: messages.append((d, t, m)))
    assert report.ok and report.already_in == len(imported)
    assert {p for p, _why in report.skipped} == imported
    assert set(report.imported) == {str(p) for p in pages} - imported
    assert not {str(p) for p in read} & imported, "a file already in was read again"
    left = 12 - len(imported)
    assert messages[0] == (0, 12, f"going on: {len(imported)} of 12 files are already in the library, "
                                  f"{left} left to import")
    with Library.open(folder, readonly=True) as lib:
        assert lib.stats()["sources"] == 12


def test_changed_bytes_under_the_same_name_are_imported(tmp_path):
    pages = write_pages(tmp_path / "pages", 4, seed=32)
    with Library.open(tmp_path / "lib", create=True) as lib:
        assert lib.import_paths(pages).ok
        pages[1].write_text(pages[1].read_text(encoding="utf-8") + "\n补记：一段新的文字。\n", encoding="utf-8")
        report = lib.import_paths(pages)
    assert report.already_in == 3 and report.imported == [str(pages[1])]


def test_nothing_is_hashed_for_an_empty_library_and_unreadable_files_are_left_to_the_import(tmp_path):
    pages = write_pages(tmp_path / "pages", 3, seed=33)
    with Library.open(tmp_path / "lib", create=True) as lib:
        assert resume.already_in(lib._conn, pages, 10**9) == {}
        assert lib.import_paths(pages[:2]).ok
        missing = tmp_path / "pages" / "gone.txt"
        assert set(resume.already_in(lib._conn, [*pages, missing], 10**9)) == set(pages[:2])
        assert resume.already_in(lib._conn, pages, max_bytes=0) == {}   # over the limit: the import says so
        report = lib.import_paths([*pages, missing])
    assert report.already_in == 2 and report.failed and report.failed[0][0] == str(missing)


def test_the_cli_names_the_first_skipped_files_and_counts_the_rest(tmp_path, monkeypatch, capsys):
    from archivist.cli import main
    from archivist.commands import library as commands
    write_pages(tmp_path / "pages", 5, seed=34)
    folder = str(tmp_path / "lib")
    assert main(["import", "--quiet", "--library", folder, str(tmp_path / "pages")]) == 0
    monkeypatch.setattr(commands, "SKIPPED_LISTED", 2)
    capsys.readouterr()
    assert main(["import", "--quiet", "--library", folder, str(tmp_path / "pages")]) == 0
    skipped = [line for line in capsys.readouterr().out.splitlines() if line.startswith("skipped:")]
    assert len(skipped) == 3 and all(": already in the library (source #" in line for line in skipped[:2])
    assert skipped[2:] == ["skipped: … and 3 more"]
