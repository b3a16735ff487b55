"""Unsaved edits in the article panel's Edit tab are never lost silently: showing another
article, switching library or closing the window asks Save / Discard / Cancel. And
quitting while a job runs names that job."""
import threading

import pytest
from PySide6.QtWidgets import QMessageBox

from archivist.store import Library

Button = QMessageBox.StandardButton


@pytest.fixture
def answer(monkeypatch):
    """QMessageBox.question answers what the test puts in answer["button"]; asked lists the texts."""
    state = {"button": Button.Cancel, "asked": []}

    def question(_parent, title, text, *_a, **_k):
        state["asked"].append((title, text))
        return state["button"]

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return state


def edit_headline(w, article_id, suffix=" (edited)"):
    w.select_ids([article_id])
    panel = w.article_panel
    assert panel.article_id == article_id
    panel.tabs.setCurrentWidget(panel.editor)
    edit = panel.editor.scalars["headline"]
    edit.setText(edit.text() + suffix)
    edit.textEdited.emit(edit.text())
    assert panel.editor.dirty
    return panel.article["headline"]


def test_another_article_asks_and_cancel_keeps_the_edited_one_selected(main_window, answer):
    w = main_window
    first, second = w.model.ids[:2]
    headline = edit_headline(w, first)
    w.select_ids([second])
    assert answer["asked"] == [("Unsaved changes", f"Save changes to “{headline}”?")]
    assert w.selected_ids() == [first] and w.article_panel.article_id == first
    assert w.article_panel.editor.dirty
    assert w.article_panel.editor.scalars["headline"].text() == headline + " (edited)"

    answer["button"] = Button.Discard
    w.select_ids([second])
    assert w.article_panel.article_id == second and not w.article_panel.editor.dirty
    assert w.reader.get_article(first)["headline"] == headline


def test_save_keeps_the_edit_and_moves_on(main_window, answer):
    w = main_window
    first, second = w.model.ids[:2]
    headline = edit_headline(w, first)
    answer["button"] = Button.Save
    w.select_ids([second])
    assert w.article_panel.article_id == second
    assert w.reader.get_article(first)["headline"] == headline + " (edited)"
    assert w.undo_stack.undoText() == "Edit headline"
    w.select_ids([first])                        # nothing unsaved: no question
    assert len(answer["asked"]) == 1


def test_a_refresh_of_the_same_article_keeps_the_edits(main_window, answer):
    w = main_window
    first = w.model.ids[0]
    headline = edit_headline(w, first)
    w.on_library_changed(None)                   # e.g. an import ended meanwhile
    assert w.article_panel.editor.scalars["headline"].text() == headline + " (edited)"
    assert answer["asked"] == []


def test_switching_library_asks_and_cancel_stays(main_window, answer, tmp_path):
    w = main_window
    folder = w.folder
    headline = edit_headline(w, w.model.ids[0])
    assert not w.open_library(tmp_path / "other")
    assert w.folder == folder and w.article_panel.editor.dirty
    answer["button"] = Button.Discard
    assert w.open_library(tmp_path / "other")
    assert w.folder == tmp_path / "other"
    assert len(answer["asked"]) == 2 and headline in answer["asked"][1][1]  # Cancel, then Discard


def test_closing_the_window_asks_cancel_keeps_it_open_save_saves(main_window, answer):
    w = main_window
    first = w.model.ids[0]
    headline = edit_headline(w, first)
    folder = w.folder
    assert not w.close()
    assert w.isVisible() and w.writer is not None
    answer["button"] = Button.Save
    assert w.close()
    with Library.open(folder) as lib:
        assert lib.get_article(first)["headline"] == headline + " (edited)"


def test_quitting_during_a_job_names_the_job(qtbot, main_window, answer):
    w = main_window
    release = threading.Event()
    w.writer.start_job("Exporting to desk.zip", lambda _lib, _progress, _cancelled: release.wait(30))
    answer["button"] = Button.No
    try:
        assert not w.close()
    finally:
        release.set()
    assert answer["asked"] == [("A job is running", "Exporting to desk.zip is running. Cancel it and quit?")]
    qtbot.waitUntil(lambda: w.writer.current_job is None)
