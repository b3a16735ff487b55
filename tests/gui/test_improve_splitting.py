"""Tools → Improve Splitting… (issue 15): the refit runs off the GUI thread with progress
and Cancel; a cancel leaves the model in use as it was; a refit done, Reset to the Shipped
Model and Re-split Pages… are each one undo step; the History tab says which model split
the page."""
import pytest
from PySide6.QtWidgets import QMessageBox

from archivist.gui import split_actions
from archivist.split import edit_ops
from archivist.split.labeller import model_version


@pytest.fixture
def boxes(monkeypatch):
    seen = []
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(
            lambda _parent, title, text, *_a, _n=name, **_k: seen.append((_n, title, text))
            or QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Yes))
    return seen


def _correct_a_page(w) -> int:
    """A split-editor merge of the sample page with seven articles, through the writer."""
    source = next(s["id"] for s in w.reader.source_list() if s["filename"] == "qingdao-daily-2024-11-02.txt")
    arts = [w.reader.get_article(i) for i in w.reader.source_articles(source)]
    merged = [edit_ops.merge_articles(arts[0], arts[1])] + arts[2:]
    w.writer.run_write(lambda lib: lib.replace_source_articles(source, merged))
    assert w.reader.correction_count()["pages"] == 1
    return source


def _wait(qtbot, w, dialog):
    with qtbot.waitSignal(dialog.summaryShown, timeout=60000) as got:
        pass
    qtbot.waitUntil(lambda: w.writer.current_job is None, timeout=60000)
    return got.args[0]


def test_improve_splitting_shows_progress_and_cancel_keeps_the_model(qtbot, main_window, boxes):
    w = main_window
    _correct_a_page(w)
    w.actions_by_name["improveSplitting"].trigger()  # the app's own refit: 100 iterations
    dialog = w.split_job_dialog
    job = dialog.job
    heard = []
    job.progress.connect(lambda done, total, message: heard.append((done, total, message)))
    qtbot.waitUntil(lambda: any("iteration" in m for _d, _t, m in heard), timeout=60000)
    assert dialog.bar.value() > 0 and "iteration" in dialog.file_label.text()
    assert w.isEnabled()  # the GUI thread is free while the child process fits
    dialog.cancel_button.click()
    assert _wait(qtbot, w, dialog) is None
    assert "Cancelled" in dialog.summary.toPlainText()
    assert w.reader.split_model() is None  # the previous (shipped) model is still the one in use
    assert not [p for p in (w.reader.folder / "models").iterdir() if p.suffix == ".crfsuite"]
    assert w.undo_stack.count() == 0 and not boxes


def test_a_refit_reset_and_resplit_are_undo_steps(qtbot, main_window, boxes):
    w = main_window
    source = _correct_a_page(w)
    dialog = split_actions.improve_splitting(w, iterations=3, base_limit=4)
    path = _wait(qtbot, w, dialog)
    paper = w.reader.page_paper(source)  # read off the page's masthead at import
    assert w.reader.split_model()["file"] == path.name and w.reader.split_model()["papers"] == [paper or ""]
    assert path.name in dialog.summary.toPlainText() and (paper or "(no paper)") in dialog.summary.toPlainText()
    assert w.undo_stack.undoText() == "Improve splitting"
    w.undo_stack.undo()
    assert w.reader.split_model() is None
    w.undo_stack.redo()
    assert w.reader.split_model()["file"] == path.name
    w.actions_by_name["resetSplitModel"].trigger()
    assert w.reader.split_model() is None and w.undo_stack.undoText() == "Reset to the shipped model"
    w.undo_stack.undo()
    assert w.reader.split_model()["file"] == path.name

    # Re-split the selection's pages: the corrected one is left alone and listed.
    other = next(s["id"] for s in w.reader.source_list() if s["id"] != source)
    w.table.selectAll()
    dialog = split_actions.resplit_pages(w)
    report = _wait(qtbot, w, dialog)
    assert source in [p["source_id"] for p in report.left_alone] and other in [p["source_id"] for p in report.done]
    assert "Left alone" in dialog.summary.toPlainText()
    article = w.reader.source_articles(other)[0]
    w.article_panel.history.load(w.reader, article)
    assert "line model" in w.article_panel.history.split_by.text()
    w.undo_stack.undo()
    assert w.reader.page_split(other)["splitter"] == model_version()  # as imported: the shipped model
    w.article_panel.history.load(w.reader, article)
    assert "shipped line model" in w.article_panel.history.split_by.text()
