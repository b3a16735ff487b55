"""SplitEditor on a real sample page: merge, split, move a paragraph, change a kind,
each one undo step that the stack takes back exactly."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from archivist.gui.article import SplitEditor
from tests.gui.article_fixtures import write_through

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


@pytest.fixture
def editor(qtbot, lib, undo_stack):
    w = SplitEditor()
    qtbot.addWidget(w)
    w.set_context(lib, undo_stack, write_through(lib))
    w.resize(1000, 700)
    # The page with the most articles.
    sources = {lib.get_article(i)["source_id"] for i in lib.list_ids()}
    w.show_source(max(sources, key=lambda s: len(lib.source_articles(s))))
    return w


def page(lib, source_id) -> list[tuple[str | None, list[str]]]:
    return [(a["headline"], [b["text"] for b in a["blocks"]])
            for a in (lib.get_article(i) for i in lib.source_articles(source_id))]


def test_merge_split_move_and_undo(qtbot, editor, lib, undo_stack):
    sid = editor.source_id
    start = page(lib, sid)
    assert editor.tree.topLevelItemCount() == len(start) >= 3

    # Merge articles 1 and 2 from the button.
    editor.select_element(0)
    assert editor.merge_button.isEnabled()
    with qtbot.waitSignal(editor.sourceChanged):
        qtbot.mouseClick(editor.merge_button, Qt.MouseButton.LeftButton)
    merged = page(lib, sid)
    assert len(merged) == len(start) - 1
    assert merged[0][1][:len(start[0][1])] == start[0][1] and merged[0][1][-len(start[1][1]):] == start[1][1]
    assert undo_stack.undoText() == "Merge articles 1 and 2"
    undo_stack.undo()
    assert page(lib, sid) == start
    undo_stack.redo()
    assert page(lib, sid) == merged
    undo_stack.undo()

    # Split article 1 at its third paragraph: a new article, undone away.
    ids = lib.source_articles(sid)
    editor.select_element(0, "blocks", 2)
    assert editor.split_button.isEnabled()
    qtbot.mouseClick(editor.split_button, Qt.MouseButton.LeftButton)
    split = page(lib, sid)
    assert len(split) == len(start) + 1
    assert split[0][1] == start[0][1][:2] and split[1][1][-1] == start[0][1][-1]
    undo_stack.undo()
    assert page(lib, sid) == start and lib.source_articles(sid) == ids
    undo_stack.redo()  # brings back one new article, not a second copy
    assert page(lib, sid) == split and len(lib.source_articles(sid)) == len(ids) + 1
    undo_stack.undo()

    # Move the first paragraph of article 2 to the end of article 1, and back down.
    editor.select_element(1, "blocks", 0)
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    moved = page(lib, sid)
    assert moved[0][1] == start[0][1] + [start[1][1][0]] and moved[1][1] == start[1][1][1:]
    assert undo_stack.undoText() == "Move paragraph to the previous article"
    # The moved paragraph stays selected, so moving it down puts it back.
    assert editor._selected() == (0, "blocks", len(moved[0][1]) - 1)
    qtbot.mouseClick(editor.down_button, Qt.MouseButton.LeftButton)
    assert page(lib, sid) == start
    undo_stack.undo()
    undo_stack.undo()
    assert page(lib, sid) == start


def test_change_kind(qtbot, editor, lib, undo_stack):
    sid = editor.source_id
    first = lib.get_article(lib.source_articles(sid)[0])
    editor.select_element(0, "blocks", 1)
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData("subhead"))
    qtbot.mouseClick(editor.kind_button, Qt.MouseButton.LeftButton)
    now = lib.get_article(first["id"])
    assert now["blocks"][1] == {"kind": "subhead", "text": first["blocks"][1]["text"]}
    assert now["fixes"] == first["fixes"]
    editor.select_element(0, "blocks", 1)
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData("caption"))
    qtbot.mouseClick(editor.kind_button, Qt.MouseButton.LeftButton)
    now = lib.get_article(first["id"])
    assert now["captions"][-1] == first["blocks"][1]["text"]
    undo_stack.undo()
    undo_stack.undo()
    assert lib.get_article(first["id"])["blocks"] == first["blocks"]
    # An element that is not there cannot change; the editor says so and nothing is pushed.
    count = undo_stack.count()
    editor.change_kind(0, "deck", 99, "paragraph")
    assert undo_stack.count() == count


def test_merge_button_merges_the_selected_article(qtbot, editor, lib, undo_stack):
    """clicked(bool) once passed False into merge_with_next, read as position 0."""
    sid = editor.source_id
    start = page(lib, sid)
    editor.select_element(1)
    with qtbot.waitSignal(editor.sourceChanged):
        qtbot.mouseClick(editor.merge_button, Qt.MouseButton.LeftButton)
    merged = page(lib, sid)
    assert merged[0] == start[0] and merged[2:] == start[3:]
    assert merged[1][1][-len(start[2][1]):] == start[2][1]
    assert undo_stack.undoText() == "Merge articles 2 and 3"


def test_every_button_acts_on_the_selection_not_on_clicked_false(qtbot, editor, lib):
    """Each button acts on the selected element, whatever clicked(bool) passes."""
    sid = editor.source_id
    start = page(lib, sid)
    editor.select_element(1, "blocks", 1)
    editor.split_button.click()  # emits clicked(checked=False)
    after = page(lib, sid)
    assert after[1][1] == start[1][1][:1] and after[0] == start[0]
    editor.select_element(2, "blocks", 0)
    editor.up_button.click()
    assert page(lib, sid)[1][1] == start[1][1][:2]


def test_undoing_a_split_leaves_the_trash_as_it_was(qtbot, editor, lib, undo_stack):
    sid = editor.source_id
    start, trashed = page(lib, sid), lib.trashed_ids()
    editor.select_element(0, "blocks", 2)
    qtbot.mouseClick(editor.split_button, Qt.MouseButton.LeftButton)
    assert len(page(lib, sid)) == len(start) + 1
    undo_stack.undo()
    assert page(lib, sid) == start
    assert lib.trashed_ids() == trashed and lib.stats()["trashed"] == len(trashed)
    undo_stack.redo()
    assert len(page(lib, sid)) == len(start) + 1 and lib.trashed_ids() == trashed
    undo_stack.undo()
    assert page(lib, sid) == start and lib.trashed_ids() == trashed


def test_each_edit_is_kept_as_labelled_lines_and_undo_withdraws_them(qtbot, editor, lib, undo_stack):
    """Issue 15: the split editor's changes are training labels for the page, in the
    library; undoing the change takes them back, redoing it brings them again."""
    sid = editor.source_id
    rows = lambda: lib._conn.execute(  # noqa: E731
        "SELECT line, label FROM split_corrections WHERE source_id = ? ORDER BY line", (sid,)).fetchall()
    assert rows() == []
    editor.change_kind(1, "headline", None, "paragraph")  # the second headline was none
    labels = dict(rows())
    assert "^body" in labels.values()  # the second article now begins with body text
    assert undo_stack.undoText().startswith("Change")
    undo_stack.undo()
    assert rows() == []
    undo_stack.redo()
    assert dict(rows()) == labels
    editor.merge_with_next(0)
    merged = dict(rows())
    assert merged != labels and sum(lab.startswith("^") for lab in merged.values()) < \
        sum(lab.startswith("^") for lab in labels.values())  # one article begins fewer
    undo_stack.undo()
    undo_stack.undo()
    assert rows() == [] and lib.correction_count() == {"pages": 0, "lines": 0}
