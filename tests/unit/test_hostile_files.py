"""Hostile files on import: no hang (FIFO), no unbounded read (/dev/zero), clear reasons
(UTF-16 without BOM, a stray byte, a symlink loop, MiB), pages with no words refused, a
full disk stopping the import cleanly with nothing half-written. Built here, as an
attacker or a failing disk would."""
from __future__ import annotations

import errno
import os
import pathlib
from pathlib import Path

import pytest

from archivist.cli import main
from archivist.errors import InputError
from archivist.store import Library, groupcommit
from archivist.text.decode import read_file_bytes, read_source

PAGE = "# 青岛新闻\n\n本报讯 这是一篇足够长的新闻文章，讲述城市建设的新进展。\n"


def test_a_fifo_is_refused_at_once_not_read(tmp_path):
    fifo = tmp_path / "page.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="FIFO"):
        read_source(fifo)  # a read would block for ever: nobody writes to it


def test_a_symlink_to_dev_zero_is_refused(tmp_path):
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(InputError, match="character device"):
        read_source(link)


def test_a_file_growing_past_its_size_is_read_with_a_cap(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 5000)
    real_stat = os.stat

    class Lying:  # the file system says 10 bytes; the read must still stop at the limit
        def __init__(self, st):
            self.st_mode, self.st_size = st.st_mode, 10

    monkeypatch.setattr(os, "stat", lambda p, *a, **k: Lying(real_stat(p, *a, **k)))
    with pytest.raises(InputError, match="over the"):
        read_file_bytes(big, max_bytes=1000)


def test_a_symlink_loop_is_named_as_such(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    with pytest.raises(InputError, match="loop"):
        read_source(a)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read(tmp_path, codec):
    f = tmp_path / "u16.txt"
    f.write_bytes(PAGE.encode(codec))
    source = read_source(f)
    assert source.text == PAGE and source.encoding == codec


def test_binary_with_nul_bytes_is_still_binary(tmp_path):
    f = tmp_path / "bin.txt"
    f.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(InputError, match="binary"):
        read_source(f)


def test_a_stray_byte_is_given_its_place(tmp_path):
    f = tmp_path / "stray.txt"
    head = ("第一行\n第二行\n" + "正文" * 10).encode()
    f.write_bytes(head + b"\xff" + "结尾".encode())
    with pytest.raises(InputError, match=rf"byte 0xff at offset {len(head)} \(line 3\)"):
        read_source(f)


def test_the_size_limit_speaks_mib(tmp_path):
    f = tmp_path / "big.txt"
    f.write_bytes(b"a" * (2 * 1024 * 1024 + 1))
    with pytest.raises(InputError, match=r"file is 2 MiB, over the 1 MiB limit"):
        read_source(f, max_bytes=1024 * 1024)


@pytest.mark.parametrize("text", ["a", "。，、！？…——《》" * 20, "😀🎉🔥" * 30, "\ue000\ue001\uf8ff" * 40,
                                  "### \n\n---\n\n***\n"])
def test_a_page_with_no_words_is_no_article_text(tmp_path, text):
    f = tmp_path / "empty-ish.txt"
    f.write_text(text, encoding="utf-8")
    with Library.open(tmp_path / "lib", create=True) as lib:
        report = lib.import_paths([f])
        assert lib.count() == 0
    assert len(report.failed) == 1 and "no article text" in report.failed[0][1]


def test_a_full_disk_stops_the_import_cleanly(tmp_path, monkeypatch, capsys):
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(6):
        (pages / f"p{n}.txt").write_text(PAGE.replace("青岛", f"青岛第{n}"), encoding="utf-8")
    real = pathlib.Path.write_bytes
    written = []

    def filling(self, data):
        if "files" in self.parts and len(written) >= 2:
            real(self, data[: len(data) // 2])  # half a copy, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        written.append(self)
        return real(self, data)

    monkeypatch.setattr(pathlib.Path, "write_bytes", filling)
    lib_dir = tmp_path / "lib"
    assert main(["import", "--quiet", "--library", str(lib_dir), str(pages)]) == 1
    out = capsys.readouterr().out
    assert "Errno" not in out and "OSError" not in out
    assert "failed: " in out and out.count("stopped: the disk is full") == 1
    listed = [line for line in out.splitlines() if line.startswith("not imported: ")]
    assert len(listed) == 3  # p3, p4, p5: none left in neither list
    assert "imported 2 file(s)" in out
    assert not [p for p in (lib_dir / "files").rglob("*") if p.name.endswith(".tmp")]
    monkeypatch.setattr(pathlib.Path, "write_bytes", real)
    with Library.open(lib_dir) as lib:
        assert lib.count() == 2
        report = lib.import_paths([pages])  # with space again, the rest comes in
        assert len(report.imported) == 4 and lib.count() == 6


def test_leftovers_of_killed_runs_are_cleaned(tmp_path):
    dead = 2**22 + 12345  # above the default pid_max of 4,194,304: no such process
    with Library.open(tmp_path / "lib", create=True) as lib:
        lib.import_paths([_page(tmp_path)])
        sub = next(p for p in (tmp_path / "lib" / "files").iterdir() if p.is_dir())
        (sub / f".abc.txt.{dead}.tmp").write_bytes(b"half")
        live = sub / f".abd.txt.{os.getppid()}.tmp"  # another live process may be writing it
        live.write_bytes(b"in progress")
        lib.import_paths([_page(tmp_path, "again")])
        assert not (sub / f".abc.txt.{dead}.tmp").exists() and live.exists()
        from archivist.bundle import export_bundle  # noqa: PLC0415

        out = tmp_path / "out.zip"
        (tmp_path / f".out.zip.{dead}.part").write_bytes(b"half a zip")
        export_bundle(lib, [1], out)
    assert not (tmp_path / f".out.zip.{dead}.part").exists() and out.exists()
    from archivist.bundle import open_review  # noqa: PLC0415

    (tmp_path / f".review.{dead}.building").mkdir()
    (tmp_path / f".review.{dead}.building" / "library.sqlite").write_bytes(b"half")
    open_review(out, tmp_path / "review")
    assert not (tmp_path / f".review.{dead}.building").exists() and (tmp_path / "review" / "library.sqlite").exists()


def _page(folder: Path, tag: str = "") -> Path:
    p = folder / f"page{tag}.txt"
    p.write_text(PAGE.replace("进展", f"进展{tag}"), encoding="utf-8")
    return p


def test_sqlite_full_during_import_stops_whole_files_only(tmp_path, monkeypatch):
    # A file per commit: pages store little now (text kept once, revisions compressed), so
    # the library fills at a commit, not at an insert half-way through a group of files.
    monkeypatch.setattr(groupcommit, "GROUP_FILES", 1)
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(30):
        (pages / f"p{n:02d}.txt").write_text(PAGE.replace("青岛", f"青岛第{n}") + "正文内容。" * 400, encoding="utf-8")
    with Library.open(tmp_path / "lib", create=True) as lib:
        lib.import_workers = 0
        pages_now = lib._conn.execute("PRAGMA page_count").fetchone()[0]
        lib._conn.execute(f"PRAGMA max_page_count = {pages_now + 30}")  # room for a few files only
        report = lib.import_paths([pages])
        assert report.disk_full and not report.ok
        assert all("the disk is full" in reason for _, reason in report.failed)
        assert "Errno" not in repr(report) and "rollback" not in repr(report)
        accounted = len(report.imported) + len(report.failed) + len(report.not_imported)
        assert accounted == 30 and 0 < len(report.imported) < 30
        assert lib.count() == len(report.imported)  # each file whole, or not in at all


def test_an_import_of_a_folder_with_a_fifo_and_dev_zero_does_not_hang(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    os.mkfifo(pages / "a-fifo.txt")
    (pages / "b-zero.txt").symlink_to("/dev/zero")
    _page(pages)
    with Library.open(tmp_path / "lib", create=True) as lib:
        report = lib.import_paths([pages])  # through the split-ahead workers, as the CLI does
    reasons = {Path(p).name: r for p, r in report.failed}
    assert "FIFO" in reasons["a-fifo.txt"] and "device" in reasons["b-zero.txt"]
    assert [Path(p).name for p in report.imported] == ["page.txt"]


@pytest.mark.parametrize("exc, said", [
    (PermissionError(errno.EACCES, "Permission denied"), "cannot read or store it (Permission denied)"),
    (MemoryError(), "not enough memory to import it"),
    (OSError(errno.ENOSPC, "No space left on device"), "the disk is full"),
])
def test_a_raw_os_or_memory_error_is_said_plainly(tmp_path, exc, said):
    """An unreadable file (root reads a 0444 file, so the error is raised here) or a page
    too big for memory was once reported as Python's own text ("PermissionError: …")."""
    from archivist.store.importer import _reason  # noqa: PLC0415

    exc.filename = str(tmp_path / "p.txt") if isinstance(exc, OSError) else None
    reason = _reason(exc, tmp_path / "p.txt")
    assert said in reason and "Error" not in reason and "\n" not in reason
