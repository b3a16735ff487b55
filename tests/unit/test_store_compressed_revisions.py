"""Revisions' article JSON is stored compressed (issue 18); rows of older libraries, plain
JSON text, are read as they are until an edit rewrites them."""
from __future__ import annotations

import json
import zipfile

import pytest

from archivist.bundle import export_bundle
from archivist.store import Library, records
from archivist.store.resplit import run_resplit, undo_resplit
from tests.unit.store_pages import SAMPLES


@pytest.fixture
def lib(tmp_path):
    with Library.open(tmp_path / "lib", create=True) as library:
        assert library.import_paths([SAMPLES]).ok
        yield library


def stored(lib) -> list[tuple[int, bytes | str]]:
    return lib._conn.execute("SELECT id, article FROM revisions WHERE base_id IS NULL ORDER BY id").fetchall()


def make_plain(lib) -> None:
    """The library as an older archivist wrote it: every full revision plain JSON text."""
    with lib.transaction():
        for rid, value in stored(lib):
            lib._conn.execute("UPDATE revisions SET article = ? WHERE id = ?",
                              (json.dumps(records.unpack_article(value), ensure_ascii=False), rid))


def test_imported_revisions_are_compressed_and_read_back_exactly(lib):
    rows = stored(lib)
    assert rows and all(isinstance(value, bytes) for _, value in rows)
    plain = sum(len(json.dumps(records.unpack_article(v), ensure_ascii=False).encode()) for _, v in rows)
    assert sum(len(v) for _, v in rows) < plain / 2
    for article_id in lib.list_ids():
        rid, article = records.current_article(lib._conn, article_id)
        assert records.revision_article(lib._conn, rid) == article
        assert lib.get_article(article_id)["blocks"] == article["blocks"]


def test_pack_and_unpack_round_trip_both_forms():
    article = {"headline": "标题", "blocks": [{"kind": "paragraph", "text": "正文，\n第二行。"}], "fixes": []}
    text = json.dumps(article, ensure_ascii=False)
    assert records.unpack_article(records.pack_article(text)) == article
    assert records.unpack_article(text) == article


@pytest.mark.parametrize("old_rows", [False, True], ids=["compressed", "plain"])
def test_read_edit_revert_and_search_on_either_form(lib, old_rows):
    if old_rows:
        make_plain(lib)
        assert all(isinstance(value, str) for _, value in stored(lib))
    article_id = next(i for i in lib.list_ids() if lib.get_article(i)["fixes"])
    before = lib.get_article(article_id)
    word = before["blocks"][0]["text"][:4]
    assert article_id in [h.id for h in lib.search(word, limit=500)]
    edited = json.loads(json.dumps(before))
    edited["blocks"][0]["text"] += "补记"
    lib.save_article(article_id, edited)
    lib.revert_fix(article_id, 0)
    revisions = lib.revisions(article_id)
    assert len(revisions) == 3
    first = lib.get_revision(revisions[0]["id"])["article"]
    assert [b["text"] for b in first["blocks"]] == [b["text"] for b in before["blocks"]]
    assert lib.get_article(article_id)["blocks"][0]["text"].endswith("补记")
    # The new current revision is compressed whatever form its parent had.
    current = lib._conn.execute("SELECT r.article FROM articles a JOIN revisions r ON r.id = a.current_revision_id"
                                " WHERE a.id = ?", (article_id,)).fetchone()[0]
    assert isinstance(current, bytes)
    assert not lib.check(full=True)


@pytest.mark.parametrize("old_rows", [False, True], ids=["compressed", "plain"])
def test_export_and_resplit_on_either_form(lib, tmp_path, old_rows):
    if old_rows:
        make_plain(lib)
    ids = lib.list_ids()
    report = export_bundle(lib, ids, tmp_path / "out.zip")
    assert report
    with zipfile.ZipFile(tmp_path / "out.zip") as z:
        everything = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".json", ".md")))
    assert all(lib.get_article(i)["blocks"][0]["text"][:20] in everything for i in ids)
    source_id = lib._conn.execute("SELECT source_id FROM articles ORDER BY id LIMIT 1").fetchone()[0]
    articles_before = [lib.get_article(i) for i in lib.source_articles(source_id)]
    done = run_resplit(lib, [source_id])
    undo_resplit(lib, done)
    assert [lib.get_article(i) for i in lib.source_articles(source_id)] == articles_before
