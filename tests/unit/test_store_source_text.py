"""A text page's text is kept once (issue 18): in files/, not again in sources.text, when
the file's bytes decoded with its encoding are exactly the text; otherwise in the row."""
from __future__ import annotations

import pytest

from archivist.store import Library, LibraryError
from tests.unit.store_pages import SAMPLES

PAGE = "市政府昨日召开会议\n\n本报讯 市政府昨日召开常务会议，研究部署城市更新工作。会议指出，要坚持规划先行。\n"


def imported(lib, path):
    report = lib.import_paths([path])
    assert report.ok, report.failed
    return lib._conn.execute("SELECT id, text, stored_path FROM sources WHERE filename = ?", (path.name,)).fetchone()


@pytest.fixture
def lib(tmp_path):
    with Library.open(tmp_path / "lib", create=True) as library:
        yield library


def test_a_plain_utf8_page_keeps_its_text_in_its_file_only(lib, tmp_path):
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    source_id, stored, stored_path = imported(lib, tmp_path / "page.txt")
    assert stored == ""
    assert (lib.folder / stored_path).read_text(encoding="utf-8") == PAGE
    assert lib.source_text(source_id) == PAGE
    assert lib.stats()["text_bytes"] == len(PAGE.encode("utf-8"))


def test_a_page_whose_decoding_changed_it_keeps_its_text(lib, tmp_path):
    (tmp_path / "crlf.txt").write_bytes(PAGE.replace("\n", "\r\n").encode("gb18030"))
    source_id, stored, _ = imported(lib, tmp_path / "crlf.txt")
    assert stored == PAGE  # newlines normalised: the bytes alone do not give this text
    assert lib.source_text(source_id) == PAGE


def test_samples_read_back_as_imported(lib):
    assert lib.import_paths([SAMPLES]).ok
    for source_id, stored, encoding, stored_path in lib._conn.execute(
            "SELECT id, text, encoding, stored_path FROM sources"):
        text = lib.source_text(source_id)
        assert text and (stored == text or stored == "")
        if stored == "":
            assert (lib.folder / stored_path).read_bytes().decode(encoding) == text


def test_a_damaged_file_is_said_not_read_as_text(lib, tmp_path):
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    source_id, _, stored_path = imported(lib, tmp_path / "page.txt")
    (lib.folder / stored_path).write_text(PAGE.replace("会议", "会谈"), encoding="utf-8")
    with pytest.raises(LibraryError, match="changed or damaged"):
        lib.source_text(source_id)
    (lib.folder / stored_path).unlink()
    assert lib.source_text(source_id) == ""  # as a review library's record without its file
