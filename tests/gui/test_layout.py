"""The window at 1600×1000 (issue 17 item 4): every column in view, also while
searching; a header menu to show/hide columns, remembered; the history's revision list
and the split editor's buttons not clipped; the table never dragged to zero width."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QScrollArea

from archivist.fonts import CJK_FAMILY
from archivist.gui.models import COLUMN
from tests.gui.conftest import open_main_window


def wide(qtbot, settings, folder):
    w = open_main_window(qtbot, settings, folder)
    w.resize(1600, 1000)
    w.main_splitter.setSizes([210, 1390])
    w.content_splitter.setSizes([760, 630])
    qtbot.waitUntil(lambda: w.width() == 1600)
    return w


def in_view(w, key) -> bool:
    header = w.table.horizontalHeader()
    i = COLUMN[key]
    left = header.sectionViewportPosition(i)
    return not w.table.isColumnHidden(i) and left >= 0 and left + header.sectionSize(i) <= w.table.viewport().width()


def test_every_column_in_view_at_1600_also_while_searching(qtbot, settings, sample_library):
    w = wide(qtbot, settings, sample_library)
    shown = ["headline", "source", "date", "paper", "page", "section", "tags", "status", "duplicate"]
    assert all(in_view(w, k) for k in shown), [k for k in shown if not in_view(w, k)]
    assert w.table.horizontalScrollBar().maximum() == 0
    w.search_bar.set_query("青岛", now=True)
    assert all(in_view(w, k) for k in shown + ["snippet"])
    assert w.table.horizontalHeader().sectionSize(COLUMN["headline"]) >= 120


def test_header_menu_shows_and_hides_columns_and_remembers(qtbot, settings, sample_library):
    w = wide(qtbot, settings, sample_library)
    menu = w.columns.menu()
    names = [a.objectName() for a in menu.actions()]
    assert "column_headline" not in names and "column_tags" in names  # the headline always shows
    tags = next(a for a in menu.actions() if a.objectName() == "column_tags")
    tags.setChecked(False)
    assert w.table.isColumnHidden(COLUMN["tags"])
    w.search_bar.set_query("青岛", now=True)
    w.search_bar.set_query("", now=True)
    assert w.table.isColumnHidden(COLUMN["tags"])  # searching does not bring it back
    w.close()
    again = open_main_window(qtbot, settings, sample_library)
    assert again.table.isColumnHidden(COLUMN["tags"]) and not again.table.isColumnHidden(COLUMN["source"])
    tags = next(a for a in again.columns.menu().actions() if a.objectName() == "column_tags")
    assert not tags.isChecked()
    tags.setChecked(True)
    assert not again.table.isColumnHidden(COLUMN["tags"])


def test_the_table_is_not_dragged_to_zero_width(qtbot, settings, sample_library):
    w = wide(qtbot, settings, sample_library)
    w.content_splitter.setSizes([0, 2000])
    assert w.content_splitter.sizes()[0] >= 300
    w.content_splitter.setSizes([2000, 0])
    assert w.content_splitter.sizes()[1] > 0


def test_split_editor_and_history_not_clipped_at_1600(qtbot, settings, sample_library):
    w = wide(qtbot, settings, sample_library)
    w.select_ids(w.model.ids[:1])
    panel = w.article_panel
    # An article with a few revisions.
    for n in range(5):
        article = w.reader.get_article(panel.article_id)
        article["headline"] = f"{article['headline']}{n}"
        w.run_write(lambda lib, a=article: lib.save_article(a["id"], a), "edit")
    panel.reload()
    panel.tabs.setCurrentWidget(panel.history)
    qtbot.waitUntil(lambda: panel.history.revision_list.count() >= 6)
    items = panel.history.revision_list
    metrics = items.fontMetrics()
    widest = max(metrics.horizontalAdvance(items.item(i).text().split("\n")[0]) for i in range(items.count()))
    assert items.viewport().width() >= widest
    w.tabs.setCurrentIndex(1)
    editor = w.split_editor
    area = editor.parentWidget()
    while not isinstance(area, QScrollArea):
        area = area.parentWidget()
    qtbot.waitUntil(lambda: area.viewport().width() > 0)
    assert editor.minimumSizeHint().width() <= area.viewport().width()
    for button in (editor.merge_button, editor.split_button, editor.up_button, editor.down_button, editor.kind_button):
        assert button.width() >= button.sizeHint().width(), button.text()


@pytest.fixture
def desktop_font(qtbot):
    """The CJK font at the size a desktop gives it (the screenshots' 10 pt), not the
    offscreen platform's small default, under which everything seems to fit."""
    app = QApplication.instance()
    before = app.font()
    app.setFont(QFont(CJK_FAMILY, 10))
    yield
    app.setFont(before)


def test_the_article_panel_fits_its_place_at_1600_without_scrolling_sideways(qtbot, settings, sample_library,
                                                                              desktop_font):
    w = wide(qtbot, settings, sample_library)
    fixes = {i: len(w.reader.get_article(i)["fixes"]) for i in w.model.ids}
    w.select_ids([max(fixes, key=fixes.get)])  # its Review tab's status line was the widest
    panel = w.article_panel
    area = panel.parentWidget()
    while not isinstance(area, QScrollArea):
        area = area.parentWidget()
    for i in range(panel.tabs.count()):
        panel.tabs.setCurrentIndex(i)
        qtbot.waitUntil(lambda: area.viewport().width() > 0)
        assert panel.tabs.widget(i).minimumSizeHint().width() <= area.viewport().width(), panel.tabs.tabText(i)
        assert area.horizontalScrollBar().maximum() == 0, panel.tabs.tabText(i)


def test_a_narrow_table_scrolls_rather_than_crush_the_headline(qtbot, settings, sample_library):
    w = wide(qtbot, settings, sample_library)
    w.content_splitter.setSizes([420, 970])
    qtbot.waitUntil(lambda: w.table.viewport().width() < 450)
    header = w.table.horizontalHeader()
    assert header.sectionSize(COLUMN["headline"]) >= 160
    assert w.table.horizontalScrollBar().maximum() > 0
    w.content_splitter.setSizes([760, 630])  # wide again: every column in view, no scrollbar
    qtbot.waitUntil(lambda: w.table.horizontalScrollBar().maximum() == 0)
    assert all(in_view(w, k) for k in ("headline", "source", "date", "tags", "status", "duplicate"))


def test_paper_page_and_section_show_by_default_and_their_values_fit(qtbot, settings, sample_library, desktop_font):
    from archivist.gui.app import install_cjk_font  # noqa: PLC0415

    assert install_cjk_font(QApplication.instance()) == CJK_FAMILY  # as the app does: Han glyphs measured
    w = wide(qtbot, settings, sample_library)
    header, fm = w.table.horizontalHeader(), w.table.fontMetrics()
    widths = {}
    for key, value in (("date", "2024-11-02"), ("paper", "青岛日报"), ("page", "12"), ("section", "要闻"),
                       ("status", w.model._headers["status:reviewed"])):
        assert not w.table.isColumnHidden(COLUMN[key]), key
        widths[key] = (fm.horizontalAdvance(value), header.sectionSize(COLUMN[key]))
    assert all(text + 8 <= width for text, width in widths.values()), widths
    assert fm.horizontalAdvance("青岛日报") > 3 * fm.horizontalAdvance("12")  # Han glyphs, not boxes
    assert all(in_view(w, k) for k in ("headline", "paper", "page", "section", "duplicate"))
