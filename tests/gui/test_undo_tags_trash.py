"""Undo/redo of tag changes, status and trash; tag drag-and-drop onto the sidebar;
rename / merge / delete of tags; the trash view and restore."""
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QInputDialog

from archivist.gui import actions
from archivist.gui.undo import UNDO_LIMIT


def select_rows(w, rows):
    w.select_ids([w.model.id_at(r) for r in rows])
    return w.selected_ids()


def drop_on(tree, item, mime):
    pos = QPointF(tree.visualItemRect(item).center())
    event = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    tree.dropEvent(event)
    return event.isAccepted()


def test_tag_undo_redo_with_the_menu_label(qtbot, main_window):
    w = main_window
    ids = select_rows(w, [0, 1])
    assert actions.tag_articles(w, ids, "地区/青岛")
    assert w.undo_stack.undoText() == "Tag 2 article(s) “地区/青岛”"
    assert w.actions_by_name["undo"].text() == "&Undo Tag 2 article(s) “地区/青岛”"
    assert all("地区/青岛" in r["tags"] for r in w.reader.rows(ids))
    assert w.sidebar.find_tag("地区/青岛").text(0) == "青岛 (2)"
    w.actions_by_name["undo"].trigger()
    assert not any(r["tags"] for r in w.reader.rows(ids))
    assert w.sidebar.find_tag("地区/青岛") is None
    w.actions_by_name["redo"].trigger()
    assert all(r["tags"] == ["地区/青岛"] for r in w.reader.rows(ids))


def test_more_than_a_hundred_steps_undo(qtbot, main_window):
    w = main_window
    ids = select_rows(w, [0])
    assert UNDO_LIMIT >= 100
    for i in range(120):
        actions.set_status(w, "reviewed" if i % 2 == 0 else "new")
    assert w.undo_stack.count() == 120
    for _ in range(120):
        w.undo_stack.undo()
    assert w.reader.rows(ids)[0]["status"] == "new" and not w.undo_stack.canUndo()


def test_drag_articles_onto_a_tag_and_onto_the_trash(qtbot, main_window):
    w = main_window
    first = select_rows(w, [0])
    actions.tag_articles(w, first, "人物")
    ids = select_rows(w, [1, 2])
    mime = w.model.mimeData(w.table.selectionModel().selectedIndexes())
    assert drop_on(w.sidebar, w.sidebar.find_tag("人物"), mime)
    assert w.sidebar.find_tag("人物").text(0) == "人物 (3)"
    assert w.undo_stack.undoText() == "Tag 2 article(s) “人物”"
    # Clicking the tag filters the table.
    w.sidebar.setCurrentItem(w.sidebar.find_tag("人物"))
    assert sorted(w.model.ids) == sorted(first + ids)
    # Dropped on the Trash they leave every list.
    assert drop_on(w.sidebar, w.sidebar.trash_item, w.model.mimeData([w.model.index(0, 0)]))
    assert w.model.rowCount() == 2 and w.sidebar.trash_item.text(0) == "Trash (1)"


def test_trash_and_restore_from_the_trash_view(qtbot, main_window):
    w = main_window
    total = w.model.rowCount()
    ids = select_rows(w, [0, 3])
    w.actions_by_name["trash"].trigger()
    assert w.model.rowCount() == total - 2
    assert w.reader.trashed_ids() == sorted(ids) or sorted(w.reader.trashed_ids()) == sorted(ids)
    w.actions_by_name["showTrash"].trigger()
    assert w.trash_bar.isVisible() and sorted(w.model.ids) == sorted(ids)
    select_rows(w, [0])
    w.trash_bar.restore_button.click()
    assert w.model.rowCount() == 1 and len(w.reader.trashed_ids()) == 1
    w.undo_stack.undo()                                 # the restore
    assert w.model.rowCount() == 2
    w.undo_stack.undo()                                 # the trash
    assert w.model.rowCount() == 0
    w.actions_by_name["showLibrary"].trigger()
    assert w.model.rowCount() == total and not w.trash_bar.isVisible()


def test_rename_merge_and_delete_tags_are_undoable(qtbot, main_window, monkeypatch):
    w = main_window
    a, b = select_rows(w, [0]), select_rows(w, [1])
    actions.tag_articles(w, a, "地区/青岛")
    actions.tag_articles(w, b, "城市")
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *args, **kw: ("地方", True)))
    w.sidebar.renameRequested.emit("地区")
    assert w.reader.all_tags() == ["地方/青岛", "城市"] or sorted(w.reader.all_tags()) == ["地方/青岛", "城市"]
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *args, **kw: ("地方", True)))
    w.sidebar.mergeRequested.emit("城市")
    assert sorted(w.reader.all_tags()) == ["地方", "地方/青岛"]
    w.sidebar.deleteRequested.emit("地方")
    assert w.reader.all_tags() == []
    for expected in (["地方", "地方/青岛"], ["地方/青岛", "城市"], ["地区/青岛", "城市"]):
        w.undo_stack.undo()
        assert sorted(w.reader.all_tags()) == sorted(expected)
    assert w.reader.rows(a)[0]["tags"] == ["地区/青岛"] and w.reader.rows(b)[0]["tags"] == ["城市"]
