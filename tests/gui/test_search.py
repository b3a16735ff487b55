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
    """Headlines in Chinese collation order (pinyin), not by code point."""
    from PySide6.QtCore import QCollator, QLocale, Qt  # noqa: PLC0415

    w = main_window
    header = w.table.horizontalHeader()
    header.setSortIndicator(COLUMN["headline"], Qt.SortOrder.AscendingOrder)
    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    shown = headlines(w)
    assert shown == sorted(shown, key=collator.sortKey) != sorted(shown)
    # Hostile: characters whose code points run against their pinyin.
    for n, head in enumerate(["重庆火锅节开幕", "阿里巴巴发布财报", "北京冬奥场馆开放", "安徽黄山迎客"]):
        article = w.reader.get_article(w.model.ids[n])
        w.run_write(lambda lib, a=article, h=head: lib.save_article(a["id"], dict(a, headline=h)))
    w.on_library_changed(None)
    firsts = headlines(w)[:4]
    assert firsts == ["阿里巴巴发布财报", "安徽黄山迎客", "北京冬奥场馆开放", "重庆火锅节开幕"]
    header.setSortIndicator(COLUMN["headline"], Qt.SortOrder.DescendingOrder)
    assert headlines(w)[-4:] == firsts[::-1]


def test_date_range_accepts_typed_dates_and_opens_at_the_library_dates(qtbot, main_window):
    """The From/To calendars opened at January 1800; typing 2024-11-01 left "any20241101"."""
    from PySide6.QtCore import Qt  # noqa: PLC0415

    w = main_window
    total = w.model.rowCount()
    first, last = w.reader.date_range()
    dates = sorted(d for d in (w.reader.get_article(i)["date"] for i in w.reader.list_ids()) if d)
    assert (first, last) == (dates[0], dates[-1]) and first < "2024-11-03" < last
    for typed in ("2024-11-03", "2024/11/3", "20241103", "2024年11月3日"):
        w.search_bar.date_from.set_date(None)
        assert w.model.rowCount() == total
        field = w.search_bar.date_from.edit
        field.setFocus()
        type_chinese(field, typed)  # as an input method commits it (keyClicks is ASCII only)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert field.text() == "2024-11-03", typed
        assert w.model.rowCount() == sum(d >= "2024-11-03" for d in dates) < total
    # Not a date: said so in the field, the filter stays as it was.
    w.search_bar.date_to.edit.setText("2024-13-45")
    w.search_bar.date_to.edit.editingFinished.emit()
    assert w.search_bar.date_to.text() is None and w.search_bar.date_to.edit.toolTip()
    # The calendars open at the library's first (From) and last (To) dates, not at 1800.
    w.search_bar.date_from.set_date(None)
    for field, date in ((w.search_bar.date_from, first), (w.search_bar.date_to, last)):
        field.button.menu().aboutToShow.emit()
        assert (field.calendar.yearShown(), field.calendar.monthShown()) == (int(date[:4]), int(date[5:7]))
