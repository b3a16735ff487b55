"""The library's core API: import, revisions, fixes, tags, trash, filters, split editor."""
from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys

import pytest

from archivist.cli import main as cli_main
from archivist.store import ArticleFilter, Library, LibraryError, NotFound, duplicates
from archivist.store.sortkey import headline_key
from tests.unit.store_pages import SAMPLES, write_pages


@pytest.fixture
def lib(tmp_path):
    with Library.open(tmp_path / "lib", create=True) as library:
        yield library


@pytest.fixture
def samples_lib(lib):
    report = lib.import_paths([SAMPLES])
    assert report.ok and len(report.imported) == 3
    return lib


def test_open_requires_create_and_keeps_its_id(tmp_path):
    with pytest.raises(LibraryError, match="no library"):
        Library.open(tmp_path / "none")
    with Library.open(tmp_path / "a", create=True) as lib:
        first = lib.library_id
        assert lib.schema_version >= 2
    with Library.open(tmp_path / "a") as lib:
        assert lib.library_id == first
        assert lib._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert lib._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_import_stores_originals_and_skips_same_bytes(lib, tmp_path):
    seen = []
    report = lib.import_paths([SAMPLES], progress=lambda d, t, m: seen.append((d, t, m)))
    assert len(report.imported) == 3 and report.articles == lib.count() > 3
    assert seen[0][:2] == (0, 3) and seen[-1][:2] == (3, 3)
    for source_id in (1, 2, 3):
        src = lib.source(source_id)
        with open(src["file"], "rb") as fh:
            assert hashlib.sha256(fh.read()).hexdigest() == src["sha256"]
    copy = tmp_path / "copy.txt"
    copy.write_bytes((SAMPLES / "bandao-web-2024-12-24.txt").read_bytes())
    again = lib.import_paths([SAMPLES, copy])
    assert not again.imported and len(again.skipped) == 4
    assert all("already in the library" in reason for _, reason in again.skipped)
    assert lib.stats()["sources"] == 3


def test_dates_come_from_file_names(samples_lib):
    rows = samples_lib.rows(samples_lib.list_ids())
    assert {r["date"] for r in rows if r["source"] == "qingdao-daily-2024-11-02.txt"} == {"2024-11-02"}


def test_cancel_rolls_back_the_file_in_progress(lib, tmp_path):
    write_pages(tmp_path / "pages", 4, seed=3)
    calls = {"n": 0}

    def cancel():  # let the first file in, then cancel inside the second file's articles
        calls["n"] += 1
        return calls["n"] > 3

    report = lib.import_paths([tmp_path / "pages"], cancel=cancel)
    assert report.cancelled and len(report.imported) <= 1
    assert lib.stats()["sources"] == len(report.imported)
    assert lib.count() == report.articles
    rest = lib.import_paths([tmp_path / "pages"])
    assert len(rest.imported) + len(report.imported) == 4 and len(rest.skipped) == len(report.imported)


def test_every_change_is_a_new_revision(samples_lib):
    lib = samples_lib
    article_id = lib.list_ids()[0]
    article = lib.get_article(article_id)
    first = article["revision_id"]
    article["headline"] = "改过的标题"
    second = lib.save_article(article_id, article)
    assert second != first
    assert lib.save_article(article_id, lib.get_article(article_id)) == second  # no empty revisions
    revs = lib.revisions(article_id)
    assert [r["id"] for r in revs] == [first, second] and revs[1]["parent_id"] == first and revs[1]["current"]
    assert lib.get_revision(first)["article"]["headline"] != "改过的标题"
    assert [h.id for h in lib.search("改过的标题")] == [article_id]
    assert lib.rows([article_id])[0]["headline"] == "改过的标题"


def test_revert_and_reapply_one_fix(samples_lib):
    lib = samples_lib
    with_fixes = [i for i in lib.list_ids() if lib.get_article(i)["fixes"]]
    assert with_fixes, "the sample pages get automatic fixes"
    article_id = with_fixes[0]
    before = lib.get_article(article_id)
    rev = lib.revert_fix(article_id, 0)
    after = lib.get_article(article_id)
    assert after["revision_id"] == rev != before["revision_id"]
    assert after["fixes"][0]["reverted"] is True
    assert [f["reverted"] for f in lib.fixes(rev)][0] == 1
    assert lib.revisions(article_id)[-1]["note"].startswith("revert fix #0")
    lib.reapply_fix(article_id, 0)
    again = lib.get_article(article_id)
    assert again["fixes"][0]["reverted"] is False and again["blocks"] == before["blocks"]
    assert len(lib.revisions(article_id)) == 3
    with pytest.raises(NotFound):
        lib.revert_fix(article_id, 999)


def test_hierarchical_tags(samples_lib):
    lib = samples_lib
    a, b, c = lib.list_ids()[:3]
    lib.tag([a, b], "地区/青岛")
    lib.tag(c, " 地区 / 黄岛 ", "主题")
    assert lib.tags_of(c) == ["主题", "地区/黄岛"]
    tree = {n["path"]: n for n in lib.tag_tree()}
    assert tree["地区"]["total"] == 3 and tree["地区"]["count"] == 0
    assert {ch["path"]: ch["count"] for ch in tree["地区"]["children"]} == {"地区/青岛": 2, "地区/黄岛": 1}
    assert set(lib.list_ids(ArticleFilter(tags=["地区"]))) == {a, b, c}
    assert lib.list_ids(ArticleFilter(tags=["地区/黄岛"])) == [c]
    lib.rename_tag("地区", "城市")
    assert lib.tags_of(a) == ["城市/青岛"]
    lib.merge_tags("城市/黄岛", "城市/青岛")
    assert set(lib.list_ids(ArticleFilter(tags=["城市/青岛"]))) == {a, b, c}
    lib.untag(a, "城市/青岛")
    assert lib.tags_of(a) == []
    lib.delete_tag("城市")
    assert lib.all_tags() == ["主题"]
    with pytest.raises(NotFound):
        lib.rename_tag("没有", "有")


def test_trash_restore_purge(samples_lib):
    lib = samples_lib
    ids = lib.list_ids()
    victim = ids[0]
    headline = lib.get_article(victim)["headline"]
    lib.tag(victim, "x")
    lib.trash([victim])
    assert victim not in lib.list_ids() and lib.trashed_ids() == [victim]
    assert victim not in [h.id for h in lib.search(headline, limit=500)]
    assert lib.list_ids(ArticleFilter(trashed=True)) == [victim]
    lib.restore([victim])
    assert victim in lib.list_ids()
    lib.trash([victim])
    assert lib.purge() == 1
    with pytest.raises(NotFound):
        lib.get_article(victim)
    assert lib.count() == len(ids) - 1 and lib.stats()["sources"] == 3
    lib._conn.execute("INSERT INTO article_fts(article_fts) VALUES ('integrity-check')")


def test_filters_sorts_and_rows(samples_lib):
    lib = samples_lib
    ids = lib.list_ids(sort="date")
    dates = [r["date"] for r in lib.rows(ids)]
    known = [d for d in dates if d]
    assert known == sorted(known) and dates[len(known):] == [None] * (len(dates) - len(known))
    assert lib.list_ids(sort="date", descending=True)[: len(known)] != ids[: len(known)] or len(set(known)) == 1
    lib.set_status(ids[:2], "reviewed")
    assert set(lib.list_ids(ArticleFilter(status="reviewed"))) == set(ids[:2])
    assert lib.count(ArticleFilter(date_from="2024-11-02", date_to="2024-11-02")) == dates.count("2024-11-02")
    assert lib.count(ArticleFilter(source_ids=[1])) == len(lib.source_articles(1))
    headlines = [r["headline"] or "" for r in lib.rows(lib.list_ids(sort="headline"))]
    # Pinyin order through the stored key (issue 18; it was code points), untitled last.
    assert headlines == sorted(headlines, key=lambda h: (not h, headline_key(h) or ""))
    rel = lib.list_ids(ArticleFilter(query="青岛"), sort="relevance")
    assert set(rel) == {h.id for h in lib.search("青岛", limit=1000)}
    assert lib.rows([ids[1], ids[0], 99999])[0]["id"] == ids[1]
    with pytest.raises(ValueError):
        lib.set_status(ids, "trashed")


def test_split_editor_replaces_a_pages_articles(samples_lib):
    lib = samples_lib
    page = lib.source_articles(3)
    first, second = (lib.get_article(i) for i in page[:2])
    merged = dict(first)
    merged["blocks"] = first["blocks"] + second["blocks"]
    new = {"headline": "新的一篇", "blocks": [{"kind": "paragraph", "text": "拆出来的段落。"}]}
    out = lib.replace_source_articles(3, [merged, new] + [{"id": i} | lib.get_article(i) for i in page[2:]])
    assert out[0] == first["id"] and out[1] not in page and out[2:] == page[2:]
    assert lib.source_articles(3) == out
    assert second["id"] in lib.trashed_ids()
    assert len(lib.get_article(first["id"])["blocks"]) == len(merged["blocks"])
    assert lib.revisions(first["id"])[-1]["note"] == "split editor"
    assert [h.id for h in lib.search("拆出来的段落")] == [out[1]]


def test_near_duplicates_are_flagged_with_original_and_similarity(lib, tmp_path):
    text = (SAMPLES / "qingdao-daily-2024-11-02.txt").read_text(encoding="utf-8")
    edition2 = tmp_path / "other-paper-2024-11-03.txt"
    edition2.write_text(text.replace("青岛", "青島", 3) + "\n\n附：本版另有更正。\n", encoding="utf-8")
    first = lib.import_paths([SAMPLES / "qingdao-daily-2024-11-02.txt"])
    second = lib.import_paths([edition2])
    assert second.duplicates >= first.articles - 2 > 0
    for row in lib.rows(second.article_ids):
        if row["duplicate_of"] is not None:
            assert row["duplicate_of"] in first.article_ids and 0.7 <= row["similarity"] <= 1.0
    assert lib.count(ArticleFilter(duplicates_only=True)) == second.duplicates


def test_minhash_bands_are_the_ones_libraries_were_flagged_with():
    # Band hashes are stored: computed by datasketch 2.0 (MinHash(num_perm=64, seed=1),
    # hashfunc=int) before the numpy-only MinHash replaced it. A change here would stop
    # new imports from meeting their reprints already in a library.

    text = "".join(chr(0x4E00 + (i * 7919) % 2000) for i in range(300))
    assert duplicates.band_hashes(text) == [
        6293642794595546150, 7422919142809031478, 8079186378449073012, -2951733854022574873,
        8511674571229613116, -4795201735346059574, -7473067054436979546, 6267499263274697353,
        8661556461816619082, 315231320323487879, 2284747661482169234, -4346422766588954786,
        897420693294018669, 8824181755203071053, 1166648962828541282, 3078071179184510585]
    assert duplicates.band_hashes(text[:79]) is None


def test_suggest_tags_and_stats(samples_lib):
    words = samples_lib.suggest_tags(samples_lib.list_ids()[0], k=5)
    assert 0 < len(words) <= 5 and all(len(w) >= 2 for w in words)
    stats = samples_lib.stats()
    assert stats["articles"] == samples_lib.count() and stats["index_bytes"] > 0


def test_opening_and_searching_loads_no_jieba(samples_lib):
    code = ("import sys; from archivist.store import Library; lib = Library.open(sys.argv[1]);"
            "assert lib.search('青岛'); lib.list_ids(); lib.rows(lib.list_ids()[:5]);"
            "print('jieba' in sys.modules, 'PySide6' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(samples_lib.folder)], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["False", "False"]


def test_readonly_reader_sees_writes(samples_lib):
    with samples_lib.reader() as reader:
        n = reader.count()
        samples_lib.trash(samples_lib.list_ids()[:1])
        assert reader.count() == n - 1
        with pytest.raises(LibraryError, match="read-only"):
            reader.trash([1])


def test_cli_commands(tmp_path, capsys):
    libdir = str(tmp_path / "cli")
    assert cli_main(["import", "--library", libdir, str(SAMPLES)]) == 0
    assert "imported 3 file(s)" in capsys.readouterr().out
    assert cli_main(["import", "--library", libdir, "--quiet", str(SAMPLES / "qingdao-daily-2024-11-02.txt")]) == 0
    assert "skipped 1" in capsys.readouterr().out
    assert cli_main(["search", "--library", libdir, "--json", "青島"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["total"] >= 1 and found["hits"]
    first = found["hits"][0]["id"]
    assert cli_main(["tag", "--library", libdir, str(first), "地区/青岛"]) == 0
    capsys.readouterr()
    assert cli_main(["search", "--library", libdir, "--json", "--tag", "地区", "青岛"]) == 0
    assert [h["id"] for h in json.loads(capsys.readouterr().out)["hits"]] == [first]
    assert cli_main(["show", "--library", libdir, str(first), "--json", "--revisions"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["tags"] == ["地区/青岛"] and shown["revisions"][0]["current"]
    assert cli_main(["untag", "--library", libdir, str(first), "地区/青岛"]) == 0
    assert cli_main(["trash", "--library", libdir, str(first)]) == 0
    assert cli_main(["restore", "--library", libdir, str(first)]) == 0
    assert cli_main(["stats", "--library", libdir, "--json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out[out.index("{"):])["trashed"] == 0
    assert cli_main(["show", "--library", libdir, "99999"]) == 2
    assert "no article #99999" in capsys.readouterr().err
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    assert cli_main(["import", "--library", libdir, str(bad)]) == 1
    assert "failed: " in capsys.readouterr().out


def test_cli_says_when_it_reindexes_an_older_library(tmp_path, capsys):
    libdir = str(tmp_path / "lib")
    assert cli_main(["import", "--library", libdir, "--quiet", str(SAMPLES / "qingdao-daily-2024-11-02.txt")]) == 0
    conn = sqlite3.connect(tmp_path / "lib" / "library.sqlite")
    conn.execute("UPDATE meta SET value = 'an older archivist' WHERE key = 'search_norm'")
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert cli_main(["search", "--library", libdir, "青島"]) == 0
    out = capsys.readouterr()
    assert "updating the library's search index" in out.err and "re-indexed" in out.err
    assert "青岛" in out.out
    assert cli_main(["search", "--library", libdir, "青島"]) == 0
    assert "search index" not in capsys.readouterr().err   # once only


BANDS_BOTH = "(SELECT * FROM minhash_bands UNION ALL SELECT * FROM minhash_bands_recent)"


@pytest.mark.parametrize("intake", [10_000, 3], ids=["all-in-intake", "folded-between-imports"])
def test_a_crowded_band_bucket_is_read_only_to_its_newest_rows_and_reprints_are_still_found(lib, tmp_path,
                                                                                          monkeypatch, intake):
    # Lookups cost the same however many articles share a band value (issue 18), whether
    # the bucket's rows are still in the intake or were folded into minhash_bands.
    monkeypatch.setattr(duplicates, "BUCKET_ROWS", 2)
    monkeypatch.setattr(duplicates, "INTAKE_ARTICLES", intake)
    text = (SAMPLES / "qingdao-daily-2024-11-02.txt").read_text(encoding="utf-8")
    first = lib.import_paths([SAMPLES / "qingdao-daily-2024-11-02.txt"])
    for n in range(4):
        reprint = tmp_path / f"reprint-{n}-2024-11-0{3 + n}.txt"
        reprint.write_text(text + f"\n\n附：本版第{n + 1}次更正。\n", encoding="utf-8")
        last = lib.import_paths([reprint])
    crowded = lib._conn.execute(f"SELECT band, hash FROM {BANDS_BOTH} GROUP BY band, hash"
                                " ORDER BY count(*) DESC LIMIT 1").fetchone()
    assert lib._conn.execute(f"SELECT count(*) FROM {BANDS_BOTH} WHERE band = ? AND hash = ?", crowded).fetchone()[0] > 2
    folded = lib._conn.execute("SELECT count(*) FROM minhash_bands").fetchone()[0]
    assert (folded > 0) == (intake == 3)
    flagged = [r["duplicate_of"] for r in lib.rows(last.article_ids) if r["duplicate_of"] is not None]
    assert len(flagged) >= last.articles - 2 > 0
    assert set(flagged) <= set(first.article_ids)  # the first printing, not a reprint
