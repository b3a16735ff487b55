"""The lazy library table model: QAbstractItemModelTester, pages read on demand, sorting."""
from PySide6.QtCore import QCollator, QLocale, Qt
from PySide6.QtTest import QAbstractItemModelTester

from archivist.gui import models
from archivist.gui.models import COLUMN, HIGHLIGHTS_ROLE, ArticleTableModel, decode_ids
from archivist.store import ArticleFilter, Library


def test_model_passes_the_model_tester_through_filter_sort_and_refresh(qtbot, sample_library, monkeypatch):
    monkeypatch.setattr(models, "PAGE", 2)          # several pages even on 9 articles
    monkeypatch.setattr(models, "CACHED_PAGES", 2)  # and evictions
    with Library.open(sample_library, readonly=True) as reader:
        model = ArticleTableModel()
        QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
        model.set_library(reader)
        n = reader.count()
        assert model.rowCount() == n and model.columnCount() == len(models.COLUMNS)
        for row in range(n):
            assert model.index(row, COLUMN["headline"]).data()
        model.sort(COLUMN["headline"], Qt.SortOrder.AscendingOrder)
        heads = [model.index(r, COLUMN["headline"]).data() for r in range(n)]
        collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        assert heads == sorted(heads, key=collator.sortKey)  # Chinese collation, not code points
        model.set_filter(ArticleFilter(query="朋友圈"))
        assert 0 < model.rowCount() < n
        assert model.index(0, COLUMN["snippet"]).data(HIGHLIGHTS_ROLE)
        model.refresh_ids(model.ids[:1])
        model.set_filter(ArticleFilter())
        assert model.rowCount() == n


def test_rows_are_read_a_page_at_a_time_when_shown(qtbot, sample_library, monkeypatch):
    monkeypatch.setattr(models, "PAGE", 4)
    with Library.open(sample_library, readonly=True) as reader:
        asked = []
        real_rows = reader.rows
        monkeypatch.setattr(reader, "rows", lambda ids: asked.append(list(ids)) or real_rows(ids))
        model = ArticleTableModel()
        model.set_library(reader)
        assert asked == []                       # listing reads ids only
        model.index(5, 0).data()
        assert asked == [model.ids[4:8]]         # the page holding row 5, nothing more
        model.index(6, 1).data()
        assert len(asked) == 1                   # cached


def test_drag_data_carries_the_selected_ids(qtbot, sample_library):
    with Library.open(sample_library, readonly=True) as reader:
        model = ArticleTableModel()
        model.set_library(reader)
        mime = model.mimeData([model.index(2, 0), model.index(0, 3), model.index(2, 1)])
        assert decode_ids(mime) == [model.ids[0], model.ids[2]]


def test_big_libraries_are_listed_on_a_worker_thread(qtbot, main_window, monkeypatch):
    w = main_window
    monkeypatch.setattr(models, "SYNC_LIMIT", 0)
    total = w.model.rowCount()
    w.select_ids(w.model.ids[:1])
    keep = w.selected_ids()
    with qtbot.waitSignal(w.model.idsListed, timeout=5000):
        w.search_bar.set_query("朋友圈", now=True)
        assert w.model.loading and w.model.rowCount() == total   # old rows stay meanwhile
    assert 0 < w.model.rowCount() < total and not w.model.loading
    # Typing on: only the last listing counts.
    with qtbot.waitSignal(w.model.idsListed, timeout=5000):
        w.search_bar.set_query("青", now=True)
        w.search_bar.set_query("", now=True)
    qtbot.waitUntil(lambda: not w.model.loading and w.model.rowCount() == total)
    w.model.wait()
    assert w.model.rowCount() == total and w.selected_ids() == keep
