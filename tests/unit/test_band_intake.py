"""Near-duplicate bands go to an intake table and are folded into minhash_bands in steps
(db/0012, duplicates.fold_intake): whichever table a band row is in, a reprint is found,
and no row is lost or counted twice (issue 18)."""
from __future__ import annotations

import pytest

from archivist.store import Library, duplicates, groupcommit
from tests.unit.store_pages import SAMPLES, write_pages

QINGDAO = SAMPLES / "qingdao-daily-2024-11-02.txt"


@pytest.fixture
def lib(tmp_path):
    with Library.open(tmp_path / "lib", create=True) as library:
        yield library


def rows(lib, table: str) -> set[tuple[int, int, int]]:
    return set(lib._conn.execute(f"SELECT article_id, band, hash FROM {table}"))


def reprint(tmp_path, n: int = 0):
    path = tmp_path / f"other-paper-{n}-2024-11-03.txt"
    path.write_text(QINGDAO.read_text(encoding="utf-8").replace("青岛", "青島", 3) + f"\n\n附：本版第{n + 1}次更正。\n",
                    encoding="utf-8")
    return path


def flagged(lib, report) -> list[int]:
    return [r["duplicate_of"] for r in lib.rows(report.article_ids) if r["duplicate_of"] is not None]


def test_a_fold_moves_every_row_once_and_reprints_are_found_against_folded_bands(lib, tmp_path):
    first = lib.import_paths([QINGDAO])
    intake = rows(lib, "minhash_bands_recent")
    assert len(intake) >= duplicates.BANDS * (first.articles - 2) and not rows(lib, "minhash_bands")
    assert duplicates.fold_intake(lib) is False   # far below INTAKE_ARTICLES: nothing moves
    assert duplicates.fold_intake(lib, force=True) is True
    assert rows(lib, "minhash_bands") == intake and not rows(lib, "minhash_bands_recent")
    second = lib.import_paths([reprint(tmp_path)])
    assert len(flagged(lib, second)) >= second.articles - 2 > 0
    assert set(flagged(lib, second)) <= set(first.article_ids)


def test_an_import_folds_the_intake_once_it_holds_intake_articles(lib, tmp_path, monkeypatch):
    monkeypatch.setattr(duplicates, "INTAKE_ARTICLES", 6)
    monkeypatch.setattr(groupcommit, "GROUP_FILES", 3)   # a commit, then a fold check, every 3 files
    report = lib.import_paths(write_pages(tmp_path / "pages", 12, seed=5))
    assert report.ok and report.articles >= 12
    folded, intake = rows(lib, "minhash_bands"), rows(lib, "minhash_bands_recent")
    assert folded and not folded & intake
    # Every compared article has its 16 rows, in one table or the other.
    per_article: dict[int, int] = {}
    for article_id, _band, _hash in folded | intake:
        per_article[article_id] = per_article.get(article_id, 0) + 1
    assert set(per_article.values()) == {duplicates.BANDS}
    # Folded after a group once it held 6: never more than 6 plus one group's articles.
    assert duplicates.intake_size(lib._conn) < 6 + max(len(lib.source_articles(s)) for s in range(1, 13)) * 3


def test_a_fold_stopped_half_way_leaves_each_band_in_one_table_and_finds_reprints(lib, tmp_path):
    first = lib.import_paths([QINGDAO])
    before = rows(lib, "minhash_bands_recent")
    steps = iter(range(1000))
    assert duplicates.fold_intake(lib, cancel=lambda: next(steps) >= 11, force=True) is False
    folded, intake = rows(lib, "minhash_bands"), rows(lib, "minhash_bands_recent")
    assert folded and intake and folded | intake == before and not folded & intake
    assert {band for _, band, _ in folded} == set(range(6))   # 11 steps: bands 0-4 and half of band 5
    second = lib.import_paths([reprint(tmp_path)])
    assert len(flagged(lib, second)) >= second.articles - 2 > 0
    assert set(flagged(lib, second)) <= set(first.article_ids)


def test_a_band_row_in_both_tables_counts_once(lib):
    lib.import_paths([QINGDAO])
    article_id, = lib._conn.execute("SELECT min(article_id) FROM minhash_bands_recent").fetchone()
    bands = [h for _, h in sorted(lib._conn.execute(
        "SELECT band, hash FROM minhash_bands_recent WHERE article_id = ?", (article_id,)))]
    with lib._write():   # as if a fold had copied the rows and not yet deleted them
        lib._conn.execute("INSERT INTO minhash_bands SELECT * FROM minhash_bands_recent WHERE article_id = ?",
                          (article_id,))
    assert duplicates._shared_bands(lib._conn, bands)[article_id] == duplicates.BANDS


def test_deleting_an_article_deletes_its_rows_in_both_tables(lib):
    lib.import_paths([QINGDAO])
    duplicates.fold_intake(lib, force=True)
    lib.import_paths([SAMPLES / "bandao-web-2024-12-24.txt"])
    folded_id, = lib._conn.execute("SELECT min(article_id) FROM minhash_bands").fetchone()
    intake_id, = lib._conn.execute("SELECT min(article_id) FROM minhash_bands_recent").fetchone()
    with lib._write():
        lib._conn.execute("DELETE FROM articles WHERE id IN (?, ?)", (folded_id, intake_id))
    left = {a for a, _, _ in rows(lib, "minhash_bands") | rows(lib, "minhash_bands_recent")}
    assert folded_id not in left and intake_id not in left


def fts_segments(conn, table: str) -> int:
    """Segments in an FTS5 index, from its structure record (%_data id 10: a 4-byte cookie,
    then varints: levels, segments, ...)."""
    block = conn.execute(f"SELECT block FROM {table}_data WHERE id = 10").fetchone()[0]
    values, value = [], 0
    for byte in block[4:]:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            values.append(value)
            value = 0
            if len(values) == 2:
                return values[1]
    raise AssertionError("short structure record")


def test_reprints_in_one_group_write_one_index_segment_per_commit(lib, tmp_path, monkeypatch):
    # A near copy's duplicate_of is written with its row: an UPDATE of that foreign key
    # afterwards opened a statement savepoint, at which FTS5 flushed its pending data as a
    # new small segment, one per reprint (and more merging at every later commit).
    monkeypatch.setattr(groupcommit, "GROUP_SECONDS", 600)
    report = lib.import_paths([QINGDAO, reprint(tmp_path, 0), reprint(tmp_path, 1)])
    assert report.ok and report.duplicates >= 2 * (report.articles // 3 - 2) > 0
    for table in ("article_fts", "article_bigram", "article_head"):
        assert fts_segments(lib._conn, table) == 1, table


def test_a_cancelled_import_stops_its_fold_between_steps(lib, tmp_path, monkeypatch):
    lib.import_paths([QINGDAO])
    intake = rows(lib, "minhash_bands_recent")
    monkeypatch.setattr(duplicates, "INTAKE_ARTICLES", 1)
    duplicates.fold_between_groups(lib, cancel=lambda: True)   # cancelled before the first step
    assert rows(lib, "minhash_bands_recent") == intake and not rows(lib, "minhash_bands")
    # The import hands its own cancel to the fold after each group.
    seen = []
    monkeypatch.setattr(duplicates, "fold_between_groups", lambda library, cancel=None: seen.append(cancel))
    monkeypatch.setattr(groupcommit, "GROUP_FILES", 1)

    def cancel():
        return False

    report = lib.import_paths(write_pages(tmp_path / "pages", 2, seed=7), cancel=cancel)
    assert report.ok and seen and all(c is cancel for c in seen)
