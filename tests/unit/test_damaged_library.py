"""Damaged and not-quite libraries: refused or opened read-only with one clear line,
never re-created, never written on; `archivist check` finds the damage and recovers."""
from __future__ import annotations

import os
import shutil
import sqlite3
import time

import pytest

from archivist.cli import main
from archivist.store import Library, LibraryError, health
from archivist.store.health import LibraryDamaged
from tests.unit.store_pages import SAMPLES


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sound") / "lib"
    with Library.open(folder, create=True) as lib:
        assert lib.import_paths([SAMPLES]).ok
    return folder


@pytest.fixture
def copy(built, tmp_path):
    folder = tmp_path / "lib"
    shutil.copytree(built, folder)
    return folder


def _no_traceback(capsys) -> tuple[str, str]:
    out, err = capsys.readouterr()
    assert "Traceback" not in err and len(err.strip().splitlines()) <= 2, err
    return out, err


def test_zero_byte_library_file_is_refused_not_recreated(tmp_path, capsys):
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "library.sqlite").write_bytes(b"")
    with pytest.raises(LibraryError, match="empty"):
        Library.open(folder, create=True)
    page = tmp_path / "p.txt"
    page.write_text("# 标题\n\n本报讯 这是一篇足够长的文章内容。\n", encoding="utf-8")
    assert main(["import", "--library", str(folder), str(page)]) == 2
    _no_traceback(capsys)
    assert (folder / "library.sqlite").stat().st_size == 0
    assert sorted(p.name for p in folder.iterdir()) == ["library.sqlite"]


@pytest.mark.parametrize("make, message", [
    (lambda p: p.mkdir(), "folder"),
    (lambda p: p.write_bytes(b"not a database at all, just some text" * 200), "not an SQLite"),
    (lambda p: sqlite3.connect(p).execute("CREATE TABLE other(x)").connection.commit(), "another program"),
])
def test_what_is_not_a_library_is_refused_and_left_alone(tmp_path, make, message, capsys):
    folder = tmp_path / "lib"
    folder.mkdir()
    make(folder / "library.sqlite")
    before = sorted(os.listdir(folder))
    with pytest.raises(LibraryError, match=message):
        Library.open(folder, create=True)
    assert main(["stats", "--library", str(folder)]) == 2
    _no_traceback(capsys)
    assert sorted(os.listdir(folder)) == before


def _damage(folder) -> None:
    """Overwrite the root page of an index, as a failing disk would, with the library closed."""
    db = folder / "library.sqlite"
    conn = sqlite3.connect(db)
    root, = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'articles_duplicate_of'").fetchone()
    page_size, = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    with open(db, "r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(bytes([0x0D]) + os.urandom(page_size - 1))  # a leaf page header, then noise


def test_damage_is_found_at_open_and_nothing_writes_on(copy, capsys):
    _damage(copy)
    before = (copy / "library.sqlite").read_bytes()
    lib = Library.open(copy)
    try:
        assert lib.readonly and "damaged" in lib.damage
        with pytest.raises(LibraryDamaged, match="archivist check"):
            lib.tag([1], "地区/青岛")
    finally:
        lib.close()
    assert main(["tag", "--library", str(copy), "1", "地区"]) == 2
    _, err = _no_traceback(capsys)
    assert "damaged" in err
    page = copy.parent / "new.txt"
    page.write_text("# 新标题\n\n本报讯 这是另一篇足够长的文章内容。\n", encoding="utf-8")
    assert main(["import", "--library", str(copy), str(page)]) == 2
    _no_traceback(capsys)
    assert (copy / "library.sqlite").read_bytes() == before


def test_check_reports_damage_and_recovers_into_a_new_library(copy, tmp_path, capsys):
    assert main(["check", "--library", str(copy)]) == 0
    assert "sound" in capsys.readouterr().out
    _damage(copy)
    assert main(["check", "--library", str(copy)]) == 1
    out, _ = _no_traceback(capsys)
    assert "damaged" in out and "--recover" in out
    fresh = tmp_path / "recovered"
    assert main(["check", "--library", str(copy), "--recover", str(fresh)]) == 1
    out, _ = _no_traceback(capsys)
    assert f"copied what could be read into {fresh}" in out
    with Library.open(fresh) as lib:  # sound again, and the articles are there
        assert not lib.damage and lib.check(full=True) == []
        assert lib.count() == 9


def test_backups_are_automatic_written_whole_and_pruned(copy, monkeypatch):
    (copy / "backups").mkdir(exist_ok=True)
    (copy / "backups" / "library-x-schema6.sqlite.partial").write_bytes(b"half a copy")
    with Library.open(copy, readonly=True) as lib:
        conn = lib._conn
        made = [health.automatic_backup(conn, lib.path, 6, every_days=0, keep=2) for _ in range(3)]
        assert health.automatic_backup(conn, lib.path, 6, every_days=1) is None  # one is fresh
    assert all(made)
    autos = sorted(p.name for p in (copy / "backups").glob("*-auto.sqlite"))
    assert len(autos) == 2
    with sqlite3.connect(made[-1]) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 9
    # The next writable open removes what a kill left half written.
    monkeypatch.setattr(health, "BACKUP_EVERY_DAYS", 10_000)
    Library.open(copy).close()
    assert not list((copy / "backups").glob("*.partial"))


def test_first_automatic_backup_waits_for_the_library_to_age(copy):
    with Library.open(copy, readonly=True) as lib:
        assert health.automatic_backup(lib._conn, lib.path, 6) is None  # imported just now
    old = time.time() - 30 * 86400
    conn = sqlite3.connect(copy / "library.sqlite")
    conn.execute("UPDATE sources SET imported_at = ?",
                 (time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(old)),))
    conn.commit()
    conn.close()
    with Library.open(copy) as lib:
        assert lib.backup_made is not None and lib.backup_made.name.endswith("-auto.sqlite")


@pytest.mark.parametrize("argv", [
    ["show", "99999999999999999999999"], ["trash", "18446744073709551616"], ["resolve", "99999999999999999999", "mine"],
    ["export", "--ids", "1,99999999999999999999", "OUT"], ["search", "--limit", "99999999999999999999", "青岛"],
    ["show", "abc"], ["tag", "1", ""], ["tag", "1", "///"],
])
def test_out_of_range_ids_and_empty_tags_are_one_line(copy, tmp_path, argv, capsys):
    args = [a.replace("OUT", str(tmp_path / "out.zip")) for a in argv] + ["--library", str(copy)]
    try:
        code = main(args)
    except SystemExit as exc:  # argparse refuses it: usage and one error line, exit 2
        code = exc.code
    assert code == 2
    _, err = capsys.readouterr()
    assert "Traceback" not in err and err.strip().splitlines()[-1].startswith(("archivist", "usage"))


def test_conflicts_on_an_old_library_opened_read_only(tmp_path, capsys):
    from archivist.store import migrations  # noqa: PLC0415

    db = tmp_path / "old" / "library.sqlite"
    db.parent.mkdir()
    conn = sqlite3.connect(db)
    migrations.apply(conn, None, upto=2)
    conn.execute("INSERT INTO meta(key, value) VALUES ('library_id', 'x')")
    conn.commit()
    conn.close()
    assert main(["conflicts", "--library", str(db.parent)]) == 0
    assert "0 open conflict(s)" in capsys.readouterr().out


def _as_on_a_read_only_disk(monkeypatch) -> None:
    """What SQLite does with a file it may not write (a read-only mount, a 0444 file for a
    user who is not root): it opens it read-only and fails each write. Root writes a 0444
    file anyway, so the test asks for that read-only open itself and runs as root too."""
    connect = sqlite3.connect

    def read_only(database, *args, **kw):
        if kw.get("uri") and "mode=rwc" in str(database):
            database = str(database).replace("mode=rwc", "mode=ro")
        return connect(database, *args, **kw)

    monkeypatch.setattr(sqlite3, "connect", read_only)


def test_read_only_library_files_say_so(copy, capsys, monkeypatch):
    _as_on_a_read_only_disk(monkeypatch)
    before = (copy / "library.sqlite").read_bytes()
    assert main(["tag", "--library", str(copy), "1", "地区"]) == 2
    _, err = _no_traceback(capsys)
    assert "read-only" in err or "cannot" in err
    assert (copy / "library.sqlite").read_bytes() == before


@pytest.mark.parametrize("damage", [
    "UPDATE revisions SET article = '{\"headline\": \"cut off' WHERE id = (SELECT current_revision_id FROM articles"
    " WHERE id = 1)",
    "UPDATE revisions SET article = CAST(X'7B22FF22' AS TEXT) WHERE id = (SELECT current_revision_id FROM articles"
    " WHERE id = 1)",
])
def test_a_damaged_record_is_one_line_in_every_command(copy, tmp_path, damage, capsys):
    conn = sqlite3.connect(copy / "library.sqlite")
    conn.execute(damage)
    conn.commit()
    conn.close()
    for argv in (["show", "1"], ["show", "--json", "1"], ["export", "--all", str(tmp_path / "o.zip")],
                 ["export", "--all", "--format", "jsonl", str(tmp_path / "o.jsonl")]):
        assert main([*argv, "--library", str(copy)]) == 2, argv
        _, err = _no_traceback(capsys)
        assert "damaged" in err and "archivist check" in err
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".o.")]  # no partial export left


def test_check_restores_the_latest_backup_into_a_new_library(copy, tmp_path, capsys):
    with Library.open(copy, readonly=True) as lib:
        health.automatic_backup(lib._conn, lib.path, lib.schema_version, every_days=0)
    _damage(copy)
    fresh = tmp_path / "restored"
    assert main(["check", "--library", str(copy), "--restore-backup", str(fresh)]) == 1
    out, _ = _no_traceback(capsys)
    assert f"into {fresh}" in out and "-auto.sqlite" in out
    with Library.open(fresh) as lib:
        assert not lib.damage and lib.count() == 9 and (fresh / "files").is_dir()
    assert main(["check", "--library", str(copy), "--restore-backup", str(fresh)]) == 2  # not over a library
    _no_traceback(capsys)


def test_the_full_check_reports_that_it_works_and_can_be_cancelled(copy):
    """Tools → Check Library… runs this on a worker thread: it must say it is alive and
    stop when asked, without calling an interrupted check damage."""
    from archivist.store.health import CheckCancelled  # noqa: PLC0415

    with Library.open(copy, readonly=True) as lib:
        ticks = []
        assert lib.check(full=True, working=lambda: ticks.append(1)) == []
        assert ticks  # called while SQLite checks
        with pytest.raises(CheckCancelled):
            lib.check(full=True, cancelled=lambda: True)
        assert lib.check(full=True) == []  # the connection is as it was
    _damage(copy)
    with Library.open(copy, readonly=True) as lib:
        assert lib.check(full=True, working=lambda: None, cancelled=lambda: False)


def test_an_open_that_checks_later_still_checks_before_a_backup_or_migration(copy):
    """The desktop app opens with check=False and checks after the window shows; a backup
    or a migration due at open must not copy or rewrite a damaged file first."""
    _damage(copy)
    with Library.open(copy, check=False) as lib:  # no backup yet, first import long ago: not due
        assert not lib.damage and not lib.readonly
    conn = sqlite3.connect(copy / "library.sqlite")
    conn.execute("UPDATE sources SET imported_at = '2000-01-01T00:00:00'")  # a backup is due
    conn.commit()
    conn.close()
    with Library.open(copy, check=False) as lib:
        assert lib.readonly and "damaged" in lib.damage
    assert not health.latest_backups(copy / "library.sqlite")
