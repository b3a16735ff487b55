"""ArticlePanel on real sample articles: edit + undo/redo, reverting one fix from the
review (and re-applying it), search-hit highlighting, history compare."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from archivist.gui.article import ArticlePanel
from archivist.gui.article.render import SEARCH_COLOUR
from tests.gui.article_fixtures import write_through

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


@pytest.fixture
def panel(qtbot, lib, undo_stack):
    # As in the app: the panel reads through its own read-only connection, writes through the writer.
    reader = lib.reader()
    w = ArticlePanel()
    qtbot.addWidget(w)
    w.set_context(reader, undo_stack, write_through(lib))
    w.resize(1100, 800)
    yield w
    reader.close()


def article_with(lib, pred) -> dict:
    for i in lib.list_ids():
        a = lib.get_article(i)
        if pred(a):
            return a
    raise AssertionError("no such sample article")


def background_runs(browser, colour: str) -> list[str]:
    """Texts of the runs of the browser's document painted in `colour` (adjacent
    fragments joined: Qt may hold one run as several fragments)."""
    out: list[str] = []
    end = -1
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.isValid() and frag.charFormat().background().color() == QColor(colour):
                if frag.position() == end:
                    out[-1] += frag.text()
                else:
                    out.append(frag.text())
                end = frag.position() + frag.length()
            it += 1
        block = block.next()
    return out


def test_edit_save_undo_redo(qtbot, panel, lib, undo_stack):
    a = article_with(lib, lambda a: a["headline"] and len(a["blocks"]) > 3)
    panel.show_article(a["id"])
    panel.tabs.setCurrentWidget(panel.editor)
    assert panel.editor.scalars["headline"].text() == a["headline"]
    qtbot.keyClicks(panel.editor.scalars["headline"], " (2)")
    assert panel.editor.save_button.isEnabled()
    with qtbot.waitSignal(panel.articleChanged) as sig:
        qtbot.mouseClick(panel.editor.save_button, Qt.MouseButton.LeftButton)
    assert sig.args == [a["id"]]
    assert lib.get_article(a["id"])["headline"] == a["headline"] + " (2)"
    assert undo_stack.undoText() == "Edit headline"
    assert len(lib.revisions(a["id"])) == 2
    assert lib.get_article(a["id"])["fixes"] == a["fixes"]  # an edit elsewhere keeps every fix

    undo_stack.undo()
    assert lib.get_article(a["id"])["headline"] == a["headline"]
    assert panel.editor.scalars["headline"].text() == a["headline"]
    assert len(lib.revisions(a["id"])) == 3  # undo is a new revision: history is kept
    undo_stack.redo()
    assert panel.article["headline"] == a["headline"] + " (2)"

    # The body: delete the first paragraph; the other paragraphs' fixes survive.
    body = panel.editor.body.toPlainText()
    panel.editor.body.setPlainText(body.split("\n\n", 1)[1])
    qtbot.mouseClick(panel.editor.save_button, Qt.MouseButton.LeftButton)
    now = lib.get_article(a["id"])
    assert [b["text"] for b in now["blocks"]] == [b["text"] for b in a["blocks"][1:]]
    assert undo_stack.undoText() == "Edit body"
    undo_stack.undo()
    assert lib.get_article(a["id"])["blocks"] == a["blocks"]


def test_revert_and_reapply_one_fix_from_the_review(qtbot, panel, lib, undo_stack):
    a = article_with(lib, lambda a: any(f["rule"] == "punct.width" for f in a["fixes"]))
    k = next(i for i, f in enumerate(a["fixes"]) if f["rule"] == "punct.width")
    fix = a["fixes"][k]
    panel.show_article(a["id"])
    panel.tabs.setCurrentWidget(panel.review)
    review = panel.review
    assert review.table.rowCount() == len(a["fixes"])
    assert background_runs(review.clean_view, "#cdeccd")  # punctuation fixes coloured
    review.select_fix(k)
    assert review.revert_button.isEnabled() and not review.reapply_button.isEnabled()
    with qtbot.waitSignal(panel.articleChanged):
        qtbot.mouseClick(review.revert_button, Qt.MouseButton.LeftButton)
    now = lib.get_article(a["id"])
    assert now["fixes"][k]["reverted"]
    text = now["blocks"][fix["block"]]["text"] if fix["field"] == "blocks" else now[fix["field"]]
    assert text[fix["start"]:fix["start"] + len(fix["before"])] == fix["before"]
    assert undo_stack.undoText() == "Revert fix punct.width"
    assert review.table.item(k, 4).text() == "reverted" and review.reapply_button.isEnabled()

    undo_stack.undo()
    assert not lib.get_article(a["id"])["fixes"][k]["reverted"]
    undo_stack.redo()
    assert lib.get_article(a["id"])["fixes"][k]["reverted"]

    review.select_fix(k)
    qtbot.mouseClick(review.reapply_button, Qt.MouseButton.LeftButton)
    assert lib.get_article(a["id"])["blocks"] == a["blocks"]
    assert undo_stack.undoText() == "Re-apply fix punct.width"

    # The raw side shows the page as split: the fix's old text is there.
    assert fix["before"] in review.raw_view.toPlainText()


def test_mark_reviewed_and_accept_all_are_undoable(panel, lib, undo_stack):
    a = article_with(lib, lambda a: len(a["fixes"]) > 2)
    panel.show_article(a["id"])
    panel._toggle_fix(0, revert=True)
    panel._accept_all()
    now = lib.get_article(a["id"])
    assert now["status"] == "reviewed" and not any(f["reverted"] for f in now["fixes"])
    undo_stack.undo()
    now = lib.get_article(a["id"])
    assert now["status"] == "new" and now["fixes"][0]["reverted"]
    panel._mark_reviewed()
    assert lib.get_article(a["id"])["status"] == "reviewed"
    undo_stack.undo()
    assert lib.get_article(a["id"])["status"] == "new"


def test_search_hits_highlighted_also_for_traditional_queries(panel, lib):
    a = article_with(lib, lambda a: "青岛" in "".join(b["text"] for b in a["blocks"]))
    panel.show_article(a["id"], "青岛")
    hits = background_runs(panel.reader, SEARCH_COLOUR)
    assert hits and set(hits) == {"青岛"}
    assert panel.hit_count == len(hits)
    panel.show_article(a["id"], "青島")  # Traditional query, Simplified text
    assert background_runs(panel.reader, SEARCH_COLOUR) == hits
    panel.show_article(a["id"])
    assert background_runs(panel.reader, SEARCH_COLOUR) == []
    panel.show_article(None)
    assert panel.stack.currentIndex() == 0


def test_history_compares_two_revisions(qtbot, panel, lib):
    a = article_with(lib, lambda a: a["headline"])
    panel.show_article(a["id"])
    panel.editor.scalars["headline"].setText("全新的标题")
    panel.editor._mark_dirty()
    qtbot.mouseClick(panel.editor.save_button, Qt.MouseButton.LeftButton)
    panel.tabs.setCurrentWidget(panel.history)
    history = panel.history
    assert history.revision_list.count() == 2
    assert "全新的标题" in "".join(background_runs(history.right_view, "#c9f5c9"))
    assert background_runs(history.left_view, "#ffc9c9")
    history.inline_button.setChecked(True)
    assert history.inline_view.isVisibleTo(history) and not history.left_view.isVisibleTo(history)
    history.revision_list.setCurrentRow(0)
    assert history.restore_button.isEnabled()
    qtbot.mouseClick(history.restore_button, Qt.MouseButton.LeftButton)
    assert lib.get_article(a["id"])["headline"] == a["headline"]
    assert len(lib.revisions(a["id"])) == 3


def test_reverting_a_sentence_fix_brings_the_sentence_back_cleaned(qtbot, panel, lib, undo_stack, tmp_path):
    """The restored sentence once came back with half-width commas and "etc"."""
    from tests.unit.test_revert import REPEATED_SENTENCE  # noqa: PLC0415

    page = tmp_path / "repeated.txt"
    page.write_text(REPEATED_SENTENCE, encoding="utf-8")
    assert lib.import_paths([page]).ok
    a = article_with(lib, lambda a: any(f["rule"] == "dedupe.sentence" for f in a["fixes"]))
    k = next(i for i, f in enumerate(a["fixes"]) if f["rule"] == "dedupe.sentence")
    sentence = a["fixes"][k]["before"]
    panel.show_article(a["id"])
    panel.tabs.setCurrentWidget(panel.review)
    panel.review.select_fix(k)
    with qtbot.waitSignal(panel.articleChanged):
        qtbot.mouseClick(panel.review.revert_button, Qt.MouseButton.LeftButton)
    now = lib.get_article(a["id"])
    body = "\n".join(b["text"] for b in now["blocks"])
    assert sentence.replace(" etc ", "等").replace(",", "，") in body and " etc " not in body
    new = now["fixes"][len(a["fixes"]):]
    assert {f["rule"] for f in new} == {"artifact.etc", "punct.width"}
    assert panel.review.table.rowCount() == len(now["fixes"])  # listed, each revertible
    undo_stack.undo()
    assert lib.get_article(a["id"])["fixes"] == a["fixes"]
