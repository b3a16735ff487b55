"""Review bundles in the desktop app: File → Export Bundle… / Open Bundle… / Merge Review…,
Edit → Resolve Conflicts…, and `archivist open BUNDLE.zip` starting the app on the review."""
import zipfile

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from archivist import bundle, cli
from archivist.gui import app as gui_app
from archivist.gui.dialogs.export_dialog import ExportDialog
from archivist.store import Library
from tests.gui.conftest import open_main_window


@pytest.fixture(autouse=True)
def review_home(tmp_path, monkeypatch):
    """Review libraries go under the user data dir: a temporary one here."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture
def boxes(monkeypatch):
    """Every message box the app shows, instead of showing it."""
    seen = []
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(
            lambda _parent, title, text, *_a, _n=name, **_k: seen.append((_n, title, text))
            or QMessageBox.StandardButton.Ok))
    return seen


def choose_file(monkeypatch, path, kind="getSaveFileName"):
    monkeypatch.setattr(QFileDialog, kind, staticmethod(lambda *_a, **_k: (str(path), "")))


def export_through_menu(qtbot, w, monkeypatch, out, scope=None):
    """File → Export Bundle…: the dialog accepted (with `scope`), the save dialog answered."""
    def accept(dialog):
        if scope is not None:
            dialog.set_scope(scope)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", accept)
    choose_file(monkeypatch, out)
    w.actions_by_name["exportBundle"].trigger()
    dialog = w.bundle_job_dialog
    with qtbot.waitSignal(dialog.summaryShown, timeout=20000) as got:
        pass
    qtbot.waitUntil(lambda: w.writer.current_job is None)
    return dialog, got.args[0]


def wait_job(qtbot, w, dialog):
    with qtbot.waitSignal(dialog.summaryShown, timeout=20000) as got:
        pass
    qtbot.waitUntil(lambda: w.writer is not None and w.writer.current_job is None)
    return got.args[0]


def edit_headline(w, article_id, headline):
    article = w.reader.get_article(article_id)
    w.run_write(lambda lib: lib.save_article(article_id, dict(article, headline=headline)))
    w.on_library_changed([article_id])


def test_export_the_selection_through_the_menu(qtbot, main_window, monkeypatch, tmp_path):
    w = main_window
    ids = [w.model.id_at(0), w.model.id_at(2)]
    w.select_ids(ids)
    assert w.actions_by_name["exportBundle"].text() == "&Export Bundle…"
    dialog, report = export_through_menu(qtbot, w, monkeypatch, tmp_path / "out")   # ".zip" added
    assert report.path == tmp_path / "out.zip" and report.kind == "export"
    read = bundle.read_bundle(tmp_path / "out.zip")
    assert sorted(read.articles) == sorted(ids) and read.base_library_id == w.reader.library_id
    assert "2 article(s)" in dialog.summary.toPlainText()
    dialog.buttons.rejected.emit()   # Close

    # The current view and a plain format through the same dialog.
    monkeypatch.setattr(ExportDialog, "exec", lambda d: d.set_format("csv") or d.set_scope("view") or 1)
    choose_file(monkeypatch, tmp_path / "view.csv")
    w.actions_by_name["exportBundle"].trigger()
    assert wait_job(qtbot, w, w.bundle_job_dialog) == w.model.rowCount() == 9
    assert (tmp_path / "view.csv").read_text(encoding="utf-8-sig").count("\n") == 10


def test_review_round_trip_open_edit_export_merge(qtbot, main_window, monkeypatch, tmp_path, boxes):
    w = main_window
    desk = w.folder
    article_id = w.model.id_at(0)
    export_through_menu(qtbot, w, monkeypatch, tmp_path / "desk.zip", scope="all")

    # File → Open Bundle: the window is on the review library now.
    choose_file(monkeypatch, tmp_path / "desk.zip", "getOpenFileName")
    w.actions_by_name["openBundle"].trigger()
    session = wait_job(qtbot, w, w.bundle_job_dialog)
    assert w.folder == session.folder != desk and w.reader.review_info() is not None
    assert w.model.rowCount() == 9 and "review of desk.zip" in w.windowTitle()
    assert w.actions_by_name["exportBundle"].text() == "&Export Review…"
    assert not w.actions_by_name["mergeReview"].isEnabled()

    edit_headline(w, article_id, "审校后的标题")
    _dialog, report = export_through_menu(qtbot, w, monkeypatch, tmp_path / "reviewed.zip", scope="all")
    assert report.kind == "review"

    # Back to the desk; File → Merge Review.
    assert w.open_library(desk, create=False)
    before = len(w.reader.revisions(article_id))
    choose_file(monkeypatch, tmp_path / "reviewed.zip", "getOpenFileName")
    w.actions_by_name["mergeReview"].trigger()
    dialog = w.bundle_job_dialog
    merged = wait_job(qtbot, w, dialog)
    assert merged.updated == [article_id] and not merged.has_conflicts
    assert "updated (new revision): 1" in dialog.summary.toPlainText()
    assert w.reader.get_article(article_id)["headline"] == "审校后的标题"
    assert len(w.reader.revisions(article_id)) == before + 1
    qtbot.waitUntil(lambda: w.model.data(w.model.index(w.model.row_of(article_id), 0)) == "审校后的标题")
    dialog.buttons.rejected.emit()

    # Merging the same review again brings nothing new.
    w.actions_by_name["mergeReview"].trigger()
    again = wait_job(qtbot, w, w.bundle_job_dialog)
    assert again.changed_nothing() and again.already_merged == [article_id]
    assert len(w.reader.revisions(article_id)) == before + 1
    assert not boxes


def test_a_desk_edit_meanwhile_is_a_conflict_resolved_by_taking_theirs(qtbot, main_window, monkeypatch, tmp_path):
    w = main_window
    desk = w.folder
    article_id = w.model.id_at(1)
    export_through_menu(qtbot, w, monkeypatch, tmp_path / "desk.zip", scope="all")
    session = bundle.open_review(tmp_path / "desk.zip")
    assert w.open_library(session.folder, create=False)
    edit_headline(w, article_id, "审校版标题")
    export_through_menu(qtbot, w, monkeypatch, tmp_path / "reviewed.zip", scope="all")
    assert w.open_library(desk, create=False)
    edit_headline(w, article_id, "编辑部改过的标题")     # the desk changed it too
    assert not w.actions_by_name["resolveConflicts"].isEnabled()

    choose_file(monkeypatch, tmp_path / "reviewed.zip", "getOpenFileName")
    w.actions_by_name["mergeReview"].trigger()
    report = wait_job(qtbot, w, w.bundle_job_dialog)
    assert report.conflicts == [article_id]
    dialog = w.conflicts_dialog
    assert dialog is not None and dialog.isVisible() and dialog.list.count() == 1
    assert "conflict (both changed): 1" in dialog.report.text()
    assert "编辑部改过的标题" in dialog.mine.toPlainText() and "审校版标题" in dialog.theirs.toPlainText()
    assert w.actions_by_name["resolveConflicts"].isEnabled()
    assert w.reader.get_article(article_id)["headline"] == "编辑部改过的标题"   # nothing overwritten

    dialog.take_theirs.click()
    assert w.reader.get_article(article_id)["headline"] == "审校版标题"
    assert dialog.list.count() == 0 and not w.reader.conflicts()
    assert not w.actions_by_name["resolveConflicts"].isEnabled()
    dialog.close()
    qtbot.waitUntil(lambda: w.conflicts_dialog is None)


def test_a_rejected_bundle_is_one_message_and_changes_nothing(qtbot, main_window, monkeypatch, tmp_path, boxes):
    w = main_window
    export_through_menu(qtbot, w, monkeypatch, tmp_path / "good.zip", scope="all")
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(tmp_path / "good.zip") as src, zipfile.ZipFile(evil, "w") as out:
        for info in src.infolist():
            out.writestr(info, src.read(info))
        out.writestr("../evil", b"x")
    folder, state = w.folder, [(r["id"], r["revision_id"]) for r in map(w.reader.get_article, w.model.ids)]

    choose_file(monkeypatch, evil, "getOpenFileName")
    w.actions_by_name["openBundle"].trigger()
    assert wait_job(qtbot, w, w.bundle_job_dialog) is None
    w.actions_by_name["mergeReview"].trigger()
    assert wait_job(qtbot, w, w.bundle_job_dialog) is None

    assert [kind for kind, _t, _m in boxes] == ["warning", "warning"]      # one box each
    assert all("leaving the bundle" in text and "\n" not in text for _k, _t, text in boxes)
    assert w.folder == folder and not w.reader.conflicts()
    assert [(r["id"], r["revision_id"]) for r in map(w.reader.get_article, w.model.ids)] == state


def test_archivist_open_starts_the_app_on_the_review(qtbot, sample_library, tmp_path, monkeypatch):
    with Library.open(sample_library) as lib:
        bundle.export_bundle(lib, bundle.select_ids(lib, everything=True), tmp_path / "desk.zip")
    started = []

    def run(args):   # what app.run does before the event loop
        started.append(gui_app.start(args))
        return 0

    monkeypatch.setattr(gui_app, "run", run)
    assert cli.main(["open", "--into", str(tmp_path / "review"), str(tmp_path / "desk.zip")]) == 0
    window = started[0]
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    assert window.folder == tmp_path / "review" and window.model.rowCount() == 9
    assert window.actions_by_name["exportBundle"].text() == "&Export Review…"
    window.close()


def test_the_bundle_menu_items_in_simplified_chinese(qtbot, settings, sample_library):
    application = QApplication.instance()
    try:
        gui_app.install_translation(application, "zh_CN")
        w = open_main_window(qtbot, settings, sample_library)
        texts = {name: w.actions_by_name[name].text() for name in
                 ("exportBundle", "openBundle", "mergeReview", "resolveConflicts")}
        assert texts == {"exportBundle": "导出资料包(&E)…", "openBundle": "打开资料包(&B)…",
                         "mergeReview": "合并审校(&M)…", "resolveConflicts": "解决冲突(&C)…"}
        dialog = ExportDialog(1, 9, 9, review=False, parent=w)
        assert dialog.windowTitle() == "导出资料包" and dialog.format_box.itemText(2) == "JSON Lines (.jsonl)"
        dialog.deleteLater()
    finally:
        gui_app.install_translation(application, "en")


def in_a_review(qtbot, w, monkeypatch, tmp_path, edited, headline, tagged, tag):
    """The desk exported whole, the window on its review, one headline edited, one article tagged."""
    export_through_menu(qtbot, w, monkeypatch, tmp_path / "desk.zip", scope="all")
    session = bundle.open_review(tmp_path / "desk.zip")
    assert w.open_library(session.folder, create=False)
    edit_headline(w, edited, headline)
    w.run_write(lambda lib: lib.tag([tagged], tag))


def test_export_review_defaults_to_the_articles_the_review_changed(qtbot, main_window, monkeypatch, tmp_path):
    w = main_window
    edited, tagged = w.model.id_at(0), w.model.id_at(1)
    in_a_review(qtbot, w, monkeypatch, tmp_path, edited, "审校后的标题", tagged, "地区/青岛")
    w.select_ids([w.model.id_at(5)])
    seen = {}

    def accept(dialog):
        seen["scope"], seen["text"] = dialog.scope, dialog.scope_buttons.checkedButton().text()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", accept)
    choose_file(monkeypatch, tmp_path / "reviewed.zip")
    w.actions_by_name["exportBundle"].trigger()
    report = wait_job(qtbot, w, w.bundle_job_dialog)
    assert seen == {"scope": "changed", "text": "Changed in this review (2)"}
    assert sorted(bundle.read_bundle(tmp_path / "reviewed.zip").articles) == sorted([edited, tagged])
    assert report.kind == "review"


def test_merge_summary_counts_and_the_conflicts_dialog_marks_what_differs(qtbot, main_window, monkeypatch, tmp_path):
    w = main_window
    desk = w.folder
    conflicted, tagged = w.model.id_at(1), w.model.id_at(2)
    in_a_review(qtbot, w, monkeypatch, tmp_path, conflicted, "审校版标题", tagged, "人物")
    export_through_menu(qtbot, w, monkeypatch, tmp_path / "reviewed.zip", scope="all")
    assert w.open_library(desk, create=False)
    edit_headline(w, conflicted, "编辑部改过的标题")
    choose_file(monkeypatch, tmp_path / "reviewed.zip", "getOpenFileName")
    w.actions_by_name["mergeReview"].trigger()
    report = wait_job(qtbot, w, w.bundle_job_dialog)
    text = "\n".join(report.lines())
    assert "tags changed: 1" in text and "unchanged: 7;" in text  # 9 articles, 2 changed
    assert "Edit → Resolve Conflicts…" in text and "File → Merge Review" not in text
    dialog = w.conflicts_dialog

    def marked(edit):
        return [edit.toPlainText()[s.cursor.selectionStart():s.cursor.selectionEnd()] for s in edit.extraSelections()]

    assert marked(dialog.mine) == ["编辑部改过的"] and marked(dialog.theirs) == ["审校版"]
    dialog.theirs.setPlainText(dialog.theirs.toPlainText().replace("审校版标题", "审校版新标题", 1))
    assert marked(dialog.theirs) == ["审校版新"]
    dialog.close()


def test_merging_a_desk_export_says_so_and_merge_warns_of_the_undo_history(qtbot, main_window, monkeypatch,
                                                                             tmp_path, boxes):
    w = main_window
    export_through_menu(qtbot, w, monkeypatch, tmp_path / "desk.zip", scope="all")
    w.select_ids([w.model.id_at(0)])
    w.actions_by_name["markReviewed"].trigger()
    assert w.undo_stack.count() == 1
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda _p, title, text, *_a, **_k: asked.append(text) or QMessageBox.StandardButton.No))
    choose_file(monkeypatch, tmp_path / "desk.zip", "getOpenFileName")
    assert w.actions_by_name["mergeReview"].trigger() is None and w.writer.current_job is None
    assert len(asked) == 1 and "undo history (1 step(s))" in asked[0]
    assert w.undo_stack.count() == 1   # No: nothing merged, nothing cleared
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Yes))
    revisions = {i: len(w.reader.revisions(i)) for i in w.model.ids}
    w.actions_by_name["mergeReview"].trigger()
    dialog = w.bundle_job_dialog
    with qtbot.waitSignal(dialog.failedWith, timeout=20000):
        pass
    assert any("desk export, not a review" in text for _kind, _title, text in boxes)
    assert {i: len(w.reader.revisions(i)) for i in w.model.ids} == revisions


def test_an_edition_conflict_is_shown_and_resolved_like_the_others(qtbot, main_window, monkeypatch, tmp_path):
    w = main_window
    desk = w.folder
    article_id = w.model.id_at(1)
    export_through_menu(qtbot, w, monkeypatch, tmp_path / "desk.zip", scope="all")
    session = bundle.open_review(tmp_path / "desk.zip")
    assert w.open_library(session.folder, create=False)
    w.run_write(lambda lib: lib.set_edition([article_id], {"date": "2024-11-03", "section": "要闻"}))
    export_through_menu(qtbot, w, monkeypatch, tmp_path / "reviewed.zip", scope="all")
    assert w.open_library(desk, create=False)
    w.run_write(lambda lib: lib.set_edition([article_id], {"date": "2024-11-04"}))  # the desk too
    choose_file(monkeypatch, tmp_path / "reviewed.zip", "getOpenFileName")
    w.actions_by_name["mergeReview"].trigger()
    report = wait_job(qtbot, w, w.bundle_job_dialog)
    (conflict,) = w.reader.conflicts()  # one for the page the article is on
    assert report.edition_conflicts == [conflict["article_id"]] and article_id in report.edition_changed
    dialog = w.conflicts_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.list.count() == 1 and "edition: date" in dialog.list.item(0).text()
    assert "edition conflict (both changed)" in dialog.report.text()
    assert (dialog.mine.toPlainText(), dialog.theirs.toPlainText()) == ("date: 2024-11-04", "date: 2024-11-03")
    assert w.reader.edition_of(article_id)["section"] == "要闻"  # not clashing: merged
    dialog.theirs.setPlainText("date: 2024-02-30")
    dialog.save_edited.click()  # not a date: said, nothing stored, the conflict stays
    assert "not a date" in dialog.report.text() and w.reader.edition_of(article_id)["date"] == "2024-11-04"
    dialog.theirs.setPlainText("date: 2024-11-05")
    dialog.save_edited.click()
    assert w.reader.edition_of(article_id)["date"] == "2024-11-05"
    assert w.reader.conflicts() == [] and dialog.list.count() == 0
    dialog.close()
    qtbot.waitUntil(lambda: w.conflicts_dialog is None)
