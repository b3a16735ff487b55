"""Edition metadata in the window: bulk-set paper and date of a selection from the
Edition tab (undo, redo), the new table columns, and the browse tree filtering the table."""
from PySide6.QtCore import Qt

from archivist.gui.edition_actions import edition_dialog
from archivist.gui.models import COLUMN


def _all_rows(w):
    return w.reader.rows(w.model.ids)


def _select_all(w):
    w.select_ids(w.model.ids)
    return w.selected_ids()


def test_bulk_set_paper_and_date_of_a_selection_undo_redo(qtbot, main_window):
    w = main_window
    before = {r["id"]: (r["paper"], r["date"]) for r in _all_rows(w)}
    ids = _select_all(w)[:5]
    w.select_ids(ids)
    dialog = edition_dialog(w)
    form = dialog.form
    assert form.selected == 5 and "5 selected" in form.scope.text()
    form.edits["paper"].setText("人民日报")
    form.edits["paper"].textEdited.emit("人民日报")
    form.edits["date"].setText("2020/1/3")
    qtbot.mouseClick(form.apply_button, Qt.MouseButton.LeftButton)
    changed = {r["id"]: (r["paper"], r["date"]) for r in w.reader.rows(ids)}
    assert set(changed.values()) == {("人民日报", "2020-01-03")}
    assert w.undo_stack.undoText() == "Set date, paper of 5 article(s)"
    # The table shows the new values in its own columns.
    row = w.model.row_of(ids[0])
    assert w.model.index(row, COLUMN["paper"]).data() == "人民日报"
    assert w.model.index(row, COLUMN["date"]).data() == "2020-01-03"
    assert not dialog.isVisible()
    # One article selected: the panel's Edition tab shows its record, with the reasons.
    w.select_ids(ids[:1])
    panel_form = w.article_panel.edition
    assert panel_form.reasons["paper"].text() == "set by hand"
    assert panel_form.edits["date"].text() == "2020-01-03"
    w.select_ids(ids)
    w.actions_by_name["undo"].trigger()
    assert {r["id"]: (r["paper"], r["date"]) for r in _all_rows(w)} == before
    w.actions_by_name["redo"].trigger()
    assert {(r["paper"], r["date"]) for r in w.reader.rows(ids)} == {("人民日报", "2020-01-03")}
    # Articles on the same pages changed with them (the record is the page's); no others.
    pages = set(w.reader.page_ids_of(ids))
    for r in _all_rows(w):
        if not set(w.reader.page_ids_of([r["id"]])) & pages:
            assert (r["paper"], r["date"]) == before[r["id"]]


def test_a_bad_date_is_refused_and_nothing_changes(qtbot, main_window, monkeypatch):
    w = main_window
    shown = []
    monkeypatch.setattr("archivist.gui.mainwindow.QMessageBox.warning", lambda *a: shown.append(a[2]))
    before = _all_rows(w)
    _select_all(w)
    form = edition_dialog(w).form
    form.edits["date"].setText("2024-02-30")
    form.edits["paper"].setText("x")
    form._apply()
    assert shown and "not a date" in shown[0]
    assert _all_rows(w) == before and not w.undo_stack.canUndo()


def test_browse_tree_filters_the_table(qtbot, main_window):
    w = main_window
    tree = w.browse_tree
    total = w.model.rowCount()
    papers = {r["paper"] for r in _all_rows(w)}
    assert papers == {"青岛日报", None}
    node = tree.find(paper="青岛日报")
    assert node is not None and node.text(0).startswith("青岛日报 (")
    tree.setCurrentItem(node)
    w.model.wait()
    shown = _all_rows(w)
    assert shown and {r["paper"] for r in shown} == {"青岛日报"} and len(shown) < total
    day = tree.find(paper="青岛日报", year="2024", month="11", day="02")
    tree.setCurrentItem(day)
    w.model.wait()
    assert {(r["paper"], r["date"]) for r in _all_rows(w)} == {("青岛日报", "2024-11-02")}
    missing = tree.find(paper="")
    tree.setCurrentItem(missing)
    w.model.wait()
    assert {r["paper"] for r in _all_rows(w)} == {None} and "(no paper)" in missing.text(0)
    tree.setCurrentItem(tree.topLevelItem(0))
    w.model.wait()
    assert w.model.rowCount() == total


def test_sort_by_paper_column(qtbot, main_window):
    w = main_window
    w.table.horizontalHeader().setSortIndicator(COLUMN["paper"], Qt.SortOrder.AscendingOrder)
    w.model.wait()
    papers = [r["paper"] for r in _all_rows(w)]
    assert papers == sorted(papers, key=lambda p: (p is None, p or ""))
