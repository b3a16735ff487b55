"""Headlines sort by pinyin through a stored key (issue 18): the key's order, every
write path keeping it, and the batched, resumable backfill of an older library."""
from __future__ import annotations

import sqlite3

import pytest

from archivist.store import ArticleFilter, Library, backfill, reindex
from archivist.store.sortkey import headline_key
from tests.conftest import SAMPLES
from tests.unit.old_schema import undo_band_intake, undo_edition_and_later


def test_keys_order_headlines_by_pinyin():
    # As QCollator (zh) orders them: Latin after Han, 长 read zhǎng, 行 xíng.
    heads = ["上海", "北京", "安徽", "长春", "Zebra", "apple", "2024年", "《人民日报》", "青岛", "秦皇岛", "银行", "行走"]
    assert sorted(heads, key=headline_key) == [
        "《人民日报》", "2024年", "安徽", "北京", "秦皇岛", "青岛", "上海", "行走", "银行", "长春", "apple", "Zebra"]
    assert headline_key(None) is None and headline_key("") is None   # untitled: sorted last
    assert sorted(["重庆火锅", "秦岭", "众人"], key=headline_key) == ["重庆火锅", "秦岭", "众人"]  # 重庆: chóng


def _stale(lib) -> list[int]:
    return [i for i, head, key in lib._conn.execute("SELECT id, headline, headline_key FROM articles")
            if key != headline_key(head)]


def test_every_write_path_keeps_the_key(tmp_path):
    with Library.open(tmp_path / "lib", create=True) as lib:
        assert lib.import_paths(sorted(SAMPLES.glob("*.txt"))).ok
        assert _stale(lib) == [] and lib._conn.execute(
            "SELECT count(*) FROM articles WHERE headline_key IS NOT NULL").fetchone()[0]
        article_id = lib.list_ids(ArticleFilter(), sort="id")[0]
        article = lib.get_article(article_id)
        old_head = article.get("headline")
        lib.save_article(article_id, {**{k: v for k, v in article.items() if k in ("headline", "body")},
                                      "headline": "安徽新闻"})
        assert _stale(lib) == []
        assert lib._conn.execute("SELECT headline_key FROM articles WHERE id = ?",
                                 (article_id,)).fetchone()[0] == headline_key("安徽新闻")
        revisions = lib.revisions(article_id)
        assert len(revisions) >= 2 and old_head != "安徽新闻"
        source_id = lib.rows([article_id])[0]["source_id"]
        lib.replace_source_articles(source_id, [{"headline": "北京", "body": "一"}, {"headline": "长春", "body": "二"}])
        assert _stale(lib) == []


@pytest.fixture
def older(tmp_path, monkeypatch):
    """The samples in a library as archivist wrote it before db/0011 (no headline keys)."""
    folder = tmp_path / "lib"
    with Library.open(folder, create=True) as lib:
        assert lib.import_paths(sorted(SAMPLES.glob("*.txt"))).ok
        expected = lib.list_ids(ArticleFilter(), sort="headline")
    conn = sqlite3.connect(folder / "library.sqlite")
    undo_band_intake(conn)
    for index in ("date", "date_desc", "headline", "headline_desc", "status"):
        conn.execute(f"DROP INDEX articles_sort_{index}")
    conn.execute("DROP INDEX articles_trash")
    conn.execute("DROP INDEX sources_filename")
    conn.execute("CREATE INDEX articles_trashed ON articles(trashed_at)")
    conn.execute("ALTER TABLE articles DROP COLUMN headline_key")
    conn.execute("PRAGMA user_version = 10")
    conn.commit()
    conn.close()
    monkeypatch.setattr(backfill, "BATCH", 2)
    return folder, expected


def test_an_older_library_gets_its_keys_at_open(older):
    folder, expected = older
    seen = []
    with Library.open(folder, progress=lambda done, total, text: seen.append((done, total, text))) as lib:
        assert _stale(lib) == [] and not backfill.pending(lib._conn)
        assert lib.list_ids(ArticleFilter(), sort="headline") == expected
    assert seen[-1][0] == seen[-1][1] and "headlines" in seen[-1][2]


def test_a_stopped_backfill_goes_on_at_the_next_open(older):
    folder, expected = older
    asked = []
    with pytest.raises(reindex.ReindexCancelled, match="goes on the next time"):
        Library.open(folder, cancel=lambda: asked.append(1) or len(asked) > 2)
    conn = sqlite3.connect(folder / "library.sqlite")
    upto = int(conn.execute("SELECT value FROM meta WHERE key = 'headline_keys_upto'").fetchone()[0])
    keyed = conn.execute("SELECT count(*) FROM articles WHERE headline_key IS NOT NULL").fetchone()[0]
    conn.close()
    assert upto > 0 and 0 < keyed < len(expected)
    with Library.open(folder) as lib:
        assert _stale(lib) == [] and lib.list_ids(ArticleFilter(), sort="headline") == expected


def test_old_schema_helper_knows_the_sort_keys(tmp_path):
    with Library.open(tmp_path / "lib", create=True):
        pass
    conn = sqlite3.connect(tmp_path / "lib" / "library.sqlite")
    undo_edition_and_later(conn)   # raises if db/0011's objects are not where it expects them
    conn.close()
