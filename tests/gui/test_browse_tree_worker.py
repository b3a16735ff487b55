"""A big library's browse tree is read on a worker (its count per paper/date/page reads
every article: 0.78 s at 1M, which held up the window's first show and every write);
the rows shown stay until the new ones arrive, and a superseded read is not shown."""
from __future__ import annotations

from archivist.gui.widgets import browsetree


def _labels(tree):
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def test_a_big_library_s_tree_is_read_on_a_worker_and_filled_when_read(qtbot, main_window, monkeypatch):
    w = main_window
    tree = w.browse_tree
    before = _labels(tree)
    total = w.reader.count()
    assert before and str(total) in before[0]
    monkeypatch.setattr(browsetree, "SYNC_LIMIT", 0)   # the sample library counts as big
    read_on = []
    real = browsetree._ReadRows.run
    monkeypatch.setattr(browsetree._ReadRows, "run", lambda self: read_on.append(1) or real(self))
    tree.clear()
    w.refresh_side()
    tree.wait()
    qtbot.waitUntil(lambda: _labels(tree) == before)
    assert read_on == [1]


def test_rows_of_a_superseded_read_are_not_shown(qtbot, main_window):
    tree = main_window.browse_tree
    before = _labels(tree)
    stale = tree._generation
    tree._generation += 1
    tree._rows_read(stale, [("别的报", "2001-01-01", "1", 5)])
    assert _labels(tree) == before
