"""Habits of desktop tools (issue 17): Delete moves the selection to the next row,
imported articles are selected and scrolled to, Ctrl+S saves the article being edited,
Enter accepts a dialog's default button, the window title names the library once."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from archivist.gui.dialogs.export_dialog import ExportDialog
from archivist.gui.dialogs.preferences import PreferencesDialog


def test_delete_moves_the_selection_to_the_next_row(qtbot, main_window):
    w = main_window
    ids = list(w.model.ids)
    w.select_ids([ids[3]])
    w.table.setFocus()
    qtbot.keyClick(w.table, Qt.Key.Key_Delete)
    assert ids[3] in w.reader.trashed_ids()
    qtbot.waitUntil(lambda: w.selected_ids() == [ids[4]])
    # The last row trashed: the one before it is selected.
    last = w.model.ids[-1]
    w.select_ids([last])
    qtbot.keyClick(w.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: w.selected_ids() == [w.model.ids[-1]] and w.model.ids[-1] != last)


def test_imported_articles_are_selected_and_scrolled_to(qtbot, main_window, tmp_path):
    from tests.unit.test_revert import REPEATED_SENTENCE  # noqa: PLC0415

    w = main_window
    page = tmp_path / "new-page.txt"
    page.write_text(REPEATED_SENTENCE, encoding="utf-8")
    from archivist.gui import actions  # noqa: PLC0415

    dialog = actions.start_import(w, [page])
    with qtbot.waitSignal(dialog.summaryShown, timeout=20000) as got:
        pass
    report = got.args[0]
    qtbot.waitUntil(lambda: w.writer.current_job is None and sorted(w.selected_ids()) == sorted(report.article_ids))
    row = w.model.row_of(report.article_ids[0])
    assert w.table.rowAt(w.table.visualRect(w.model.index(row, 0)).center().y()) == row  # in view
    # Enter closes the finished dialog (its Close button is the default).
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted


def test_ctrl_s_saves_the_article_being_edited(qtbot, main_window):
    w = main_window
    w.select_ids(w.model.ids[:1])
    panel = w.article_panel
    panel.tabs.setCurrentWidget(panel.editor)
    field = panel.editor.scalars["headline"]
    before = w.reader.get_article(w.model.ids[0])["headline"]
    field.setFocus()
    qtbot.keyClicks(field, "X")
    try:
        with qtbot.waitSignal(panel.articleChanged, timeout=3000):
            qtbot.keyClick(field, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    finally:
        panel.editor.discard_button.click()  # else closing the window would ask, and wait
    assert w.reader.get_article(w.model.ids[0])["headline"] == before + "X"


def test_enter_accepts_the_dialogs_default_button(qtbot):
    for dialog in (ExportDialog(1, 9, 9, review=False), PreferencesDialog("en")):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        focus = QApplication.focusWidget() or dialog
        qtbot.keyClick(focus, Qt.Key.Key_Return)
        assert dialog.result() == QDialog.DialogCode.Accepted, type(dialog).__name__


def test_the_window_title_names_the_library_once(qtbot, main_window, monkeypatch):
    from archivist.gui import app as gui_app  # noqa: PLC0415

    w = main_window
    assert w.windowTitle() == f"archivist — {w.folder.name}"
    # Qt appends " — <display name>" to every title once one is set: make_app sets none.
    calls = []
    monkeypatch.setattr(QApplication, "setApplicationDisplayName", staticmethod(lambda name: calls.append(name)))
    gui_app.make_app()
    assert calls == [] and QApplication.applicationName() == "archivist"


def test_help_shows_the_offline_user_guide_and_the_shortcuts(qtbot, main_window):
    from archivist.clean.steps import RULES  # noqa: PLC0415

    w = main_window
    w.actions_by_name["userGuide"].trigger()
    guide = w.help_dialogs[next(k for k in w.help_dialogs if k.__name__ == "GuideDialog")]
    assert guide.isVisible()
    text = guide.browser.toPlainText()
    for panel in ("Sidebar", "Search bar", "Article table", "Page split", "Review bundles"):
        assert panel in text
    assert all(rule in text for rule in RULES)                    # the cleaning rules, from the code
    assert "Ctrl+E" in text and "Page Split Editor" in text       # the shortcuts, from the actions
    assert "<!--" not in guide.browser.toHtml()
    w.actions_by_name["keyboardShortcuts"].trigger()
    table = next(d for k, d in w.help_dialogs.items() if k.__name__ == "ShortcutsDialog").table
    rows = {table.item(r, 1).text(): table.item(r, 0).text() for r in range(table.rowCount())}
    assert rows["Import Files…"] == "Ctrl+I" and rows["Mark Reviewed"] == "Ctrl+R"
    assert rows["Save the article being edited (Edit tab)"] == "Ctrl+S"
    # Every key listed once: no two actions claim the same shortcut.
    keys = [k for ks in rows.values() for k in ks.split(", ")]
    assert len(keys) == len(set(keys)), keys


def test_near_duplicates_are_one_row_per_story_expandable_to_its_copies(qtbot, main_window, tmp_path):
    """A search over many imported copies once listed one row per copy."""
    from archivist.gui import actions  # noqa: PLC0415
    from archivist.gui.models import COLUMN  # noqa: PLC0415
    from tests.unit.test_revert import REPEATED_SENTENCE  # noqa: PLC0415

    w = main_window
    pages = []
    for n in range(6):  # the same story, each copy a little different (as reposted)
        page = tmp_path / f"copy-{n}.txt"
        page.write_text(REPEATED_SENTENCE.replace("两亿", "两亿" + "零" * n), encoding="utf-8")
        pages.append(page)
    dialog = actions.start_import(w, pages)
    with qtbot.waitSignal(dialog.summaryShown, timeout=30000) as got:
        pass
    dialog.accept()
    copies = got.args[0].article_ids
    assert len(copies) == 6 and got.args[0].duplicates == 5
    qtbot.waitUntil(lambda: w.writer.current_job is None)
    w.search_bar.set_query("供暖", now=True)
    assert w.model.rowCount() == 1 and sorted(w.model.listed_ids) == sorted(copies)
    from PySide6.QtTest import QAbstractItemModelTester  # noqa: PLC0415

    QAbstractItemModelTester(w.model, QAbstractItemModelTester.FailureReportingMode.Fatal)  # rows in and out
    cell = w.model.index(0, COLUMN["duplicate"])
    assert cell.data() == "▸ 6 copies"
    qtbot.mouseClick(w.table.viewport(), Qt.MouseButton.LeftButton, pos=w.table.visualRect(cell).center())
    assert w.model.rowCount() == 6 and cell.data() == "▾ 6 copies"
    assert sorted(w.model.ids) == sorted(copies)
    marks = [w.model.index(r, COLUMN["duplicate"]).data() for r in range(1, 6)]
    assert all(m.startswith("≈ #") or m == "original" for m in marks), marks
    qtbot.mouseClick(w.table.viewport(), Qt.MouseButton.LeftButton, pos=w.table.visualRect(cell).center())
    assert w.model.rowCount() == 1
    # Grouping can be turned off: one row per copy again.
    w.actions_by_name["groupDuplicates"].trigger()
    assert w.model.rowCount() == 6


def test_the_status_bar_names_the_file_once(qtbot, main_window):
    import threading  # noqa: PLC0415

    w = main_window
    go = threading.Event()

    def work(_lib, progress, _cancelled):
        progress(0, 3, "scan.png: reading the image")
        go.wait(10)
        return None

    w.writer.start_job("Importing scan.png", work)
    try:
        qtbot.waitUntil(lambda: "reading the image" in w.status.job_label.text())
        assert w.status.job_label.text() == "Importing scan.png: reading the image"
    finally:
        go.set()
    qtbot.waitUntil(lambda: w.writer.current_job is None)


def test_actions_on_a_collapsed_group_act_on_every_copy(qtbot, main_window, tmp_path, monkeypatch):
    """Tag, Mark Reviewed and Trash on a story's one row once changed only that row."""
    from PySide6.QtWidgets import QInputDialog  # noqa: PLC0415

    from tests.unit.test_revert import REPEATED_SENTENCE  # noqa: PLC0415

    w = main_window
    pages = []
    for n in range(4):
        page = tmp_path / f"copy-{n}.txt"
        page.write_text(REPEATED_SENTENCE.replace("两亿", "两亿" + "零" * n), encoding="utf-8")
        pages.append(page)
    copies = w.writer.library.import_paths(pages).article_ids
    w.on_library_changed(None)
    w.search_bar.set_query("供暖", now=True)
    assert w.model.rowCount() == 1 and len(copies) == 4
    w.select_ids([w.model.id_at(0)])

    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("地区/青岛", True))
    w.actions_by_name["addTag"].trigger()
    assert all(w.reader.tags_of(i) == ["地区/青岛"] for i in copies)
    w.select_ids([w.model.id_at(0)])
    w.actions_by_name["markReviewed"].trigger()
    assert {r["status"] for r in w.reader.rows(copies)} == {"reviewed"}
    w.actions_by_name["undo"].trigger()
    assert {r["status"] for r in w.reader.rows(copies)} == {"new"}

    w.select_ids([w.model.id_at(0)])
    mime = w.model.mimeData([w.model.index(0, 0)])  # dragged onto a tag or the trash: all copies too
    from archivist.gui.models import decode_ids  # noqa: PLC0415

    assert sorted(decode_ids(mime)) == sorted(copies)
    w.actions_by_name["trash"].trigger()
    assert sorted(w.reader.trashed_ids()) == sorted(copies)
    w.actions_by_name["undo"].trigger()
    assert not w.reader.trashed_ids()

    # Expanded, the group's rows are each themselves: the first row alone is trashed.
    qtbot.waitUntil(lambda: w.model.rowCount() == 1)
    w.model.toggle_group(0)
    assert w.model.rowCount() == 4
    head = w.model.id_at(0)
    w.select_ids([head])
    w.actions_by_name["trash"].trigger()
    assert w.reader.trashed_ids() == [head]
