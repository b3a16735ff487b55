"""Search as you type (debounced), Traditional input, highlighted snippets, filters."""
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from archivist.gui.models import COLUMN, HIGHLIGHTS_ROLE


def type_chinese(widget, text):
    """Characters as an input method commits them (QTest.keyClicks is ASCII only)."""
    widget.setFocus()
    for ch in text:
        event = QInputMethodEvent("", [])
        event.setCommitString(ch)
        QApplication.sendEvent(widget, event)


def headlines(w):
    return [w.model.index(r, COLUMN["headline"]).data() for r in range(w.model.rowCount())]


def test_typing_searches_after_a_pause_and_highlights_hits(qtbot, main_window):
    w = main_window
    total = w.model.rowCount()
    type_chinese(w.search_bar.query_edit, "朋友圈")
    assert w.search_bar.query_edit.text() == "朋友圈"
    assert w.model.rowCount() == total                 # debounced: nothing yet
    qtbot.waitUntil(lambda: w.model.rowCount() < total, timeout=3000)
    assert all("朋友圈" in h for h in headlines(w)[:1])
    assert not w.table.isColumnHidden(COLUMN["snippet"])
    spans = w.model.index(0, COLUMN["headline"]).data(HIGHLIGHTS_ROLE)
    head = w.model.index(0, COLUMN["headline"]).data()
    assert spans and all(head[s:e] == "朋友圈" for s, e in spans)
    for row in range(w.model.rowCount()):
        snippet = w.model.index(row, COLUMN["snippet"]).data()
        for s, e in w.model.index(row, COLUMN["snippet"]).data(HIGHLIGHTS_ROLE) or []:
            assert snippet[s:e] == "朋友圈"
    # The article view gets the query to highlight.
    w.table.selectRow(0)
    if hasattr(w.article_panel, "highlight_query"):
        assert w.article_panel.highlight_query == "朋友圈"
    w.grab()  # paints the highlight delegate


def test_traditional_input_finds_simplified_text(qtbot, main_window):
    w = main_window
    w.search_bar.set_query("青岛", now=True)
    simplified = headlines(w)
    w.search_bar.set_query("青島", now=True)
    assert headlines(w) == simplified and simplified


def test_filters_and_a_query_with_no_hits(qtbot, main_window):
    w = main_window
    w.search_bar.set_query("没有这种词语吧", now=True)
    assert w.model.rowCount() == 0
    w.search_bar.set_query("", now=True)
    total = w.model.rowCount()
    w.search_bar.status_combo.setCurrentIndex(w.search_bar.status_combo.findData("reviewed"))
    assert w.model.rowCount() == 0
    w.search_bar.status_combo.setCurrentIndex(0)
    assert w.search_bar.source_combo.count() == 1      # pages are listed when first opened
    w.search_bar.source_combo.ensure_loaded()
    assert w.search_bar.source_combo.count() == 4
    w.search_bar.source_combo.setCurrentIndex(1)
    assert 0 < w.model.rowCount() < total
    assert "shown" in w.status.library_label.text()


def test_sorting_by_a_column_header(qtbot, main_window):
    w = main_window
    w.table.horizontalHeader().setSortIndicator(COLUMN["headline"], w.table.horizontalHeader().sortIndicatorOrder().AscendingOrder)
    assert headlines(w) == sorted(headlines(w))
