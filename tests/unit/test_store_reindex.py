"""Re-indexing after an upgrade goes in batches: stopped, it leaves a sound library that
goes on from where it got to at the next open, and says how long it has left (issue 18)."""
from __future__ import annotations

import sqlite3

import pytest

from archivist.store import Library, normalize, reindex
from tests.conftest import SAMPLES


def _outdated(folder, norm="an older archivist") -> None:
    conn = sqlite3.connect(folder / "library.sqlite")
    conn.execute("UPDATE meta SET value = ? WHERE key = 'search_norm'", (norm,))
    conn.commit()
    conn.close()


def _meta(folder) -> dict:
    conn = sqlite3.connect(folder / "library.sqlite")
    try:
        return dict(conn.execute("SELECT key, value FROM meta"))
    finally:
        conn.close()


@pytest.fixture
def library(tmp_path, monkeypatch):
    folder = tmp_path / "lib"
    with Library.open(folder, create=True) as lib:
        assert lib.import_paths(sorted(SAMPLES.glob("*.txt"))).ok
        total = lib.count()
    assert total >= 6
    monkeypatch.setattr(reindex, "BATCH", 2)
    monkeypatch.setattr(reindex, "READ", 1)
    _outdated(folder)
    return folder, total


def test_a_stopped_reindex_goes_on_from_where_it_stopped(library):
    folder, total = library
    seen = []
    with pytest.raises(reindex.ReindexCancelled, match="goes on the next time"):
        Library.open(folder, progress=lambda d, t, m: seen.append(d), cancel=lambda: len(seen) >= 3)
    assert seen == [0, 2, 4]
    meta = _meta(folder)
    assert meta["search_norm"] == "an older archivist"      # not taken for a finished index
    assert meta["reindex_target"] == normalize.fingerprint() and int(meta["reindex_upto"]) > 0
    with Library.open(folder, readonly=True) as reader:
        assert reader.check() == []

    again = []
    with Library.open(folder, progress=lambda d, t, m: again.append((d, t, m))) as lib:
        assert again[0][0] == 4                                # went on, did not start over
        assert again[-1][:2] == (total, total)
        assert lib.search_count("青島") == lib.search_count("青岛") > 0
    meta = _meta(folder)
    assert meta["search_norm"] == normalize.fingerprint() and "reindex_upto" not in meta


def test_the_index_after_a_resumed_reindex_equals_a_fresh_one(library, tmp_path):
    folder, _ = library
    queries = ["青岛", "档案", "记者", "的"]
    stops = iter([False, False, True])
    with pytest.raises(reindex.ReindexCancelled):
        Library.open(folder, cancel=lambda: next(stops, True))
    with Library.open(folder) as lib:
        resumed = {q: lib.search_count(q) for q in queries}
    _outdated(folder)
    with Library.open(folder) as lib:
        fresh = {q: lib.search_count(q) for q in queries}
    assert resumed == fresh and any(fresh.values())


def test_a_new_target_half_way_starts_again(library):
    folder, total = library
    with pytest.raises(reindex.ReindexCancelled):
        Library.open(folder, cancel=iter([False, True]).__next__)
    conn = sqlite3.connect(folder / "library.sqlite")
    conn.execute("UPDATE meta SET value = 'another version' WHERE key = 'reindex_target'")
    conn.commit()
    conn.close()
    seen = []
    with Library.open(folder, progress=lambda d, t, m: seen.append(d)):
        pass
    assert seen[0] == 0 and seen[-1] == total


def test_progress_says_how_long_is_left(library):
    folder, _ = library
    messages = []
    with Library.open(folder, progress=lambda d, t, m: messages.append(m)):
        pass
    assert "left)" not in messages[0]                           # no pace yet to go by
    assert any("left)" in m for m in messages[1:-1])
    assert messages[-1].startswith("re-indexed")


def test_time_left_and_its_wording():
    assert reindex.time_left(0, 5.0, 100) is None
    assert reindex.time_left(10, 5.0, 100) == pytest.approx(50.0)
    assert reindex.format_duration(42) == "42 s"
    assert reindex.format_duration(3 * 60 + 5) == "3 min 05 s"
    assert reindex.format_duration(2 * 3600 + 7 * 60) == "2 h 07 min"
    assert reindex.format_duration(-3) == "0 s"
