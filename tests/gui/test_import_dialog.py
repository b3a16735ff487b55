"""Import through the dialog: progress (file n of m), summary with skipped and failed
files, Cancel; a failed file never stops the others; the import is one undo step."""
import shutil

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from archivist.gui import actions
from tests.conftest import SAMPLES


def make_pages(folder, copies: int):
    """Distinct page files (each sample with a different last line), plus one broken file."""
    folder.mkdir()
    n = 0
    for i in range(copies):
        for p in sorted(SAMPLES.glob("*.txt")):
            (folder / f"{p.stem}-{i:02d}.txt").write_text(p.read_text(encoding="utf-8") + f"\n第{i}版\n", encoding="utf-8")
            n += 1
    (folder / "zz-broken.txt").write_bytes(b"\x00\x01\x02" * 2000)
    return n


def test_import_shows_progress_and_a_summary_and_can_be_undone(qtbot, empty_window, tmp_path):
    w = empty_window
    pages = tmp_path / "pages"
    n = make_pages(pages, 1)
    shutil.copy(sorted(pages.iterdir())[0], tmp_path / "again.txt")
    first = actions.start_import(w, [pages])
    seen = []
    first.job.progress.connect(lambda done, total, msg: seen.append((done, total, msg)))
    with qtbot.waitSignal(first.summaryShown, timeout=30000):
        pass
    qtbot.waitUntil(lambda: w.writer.current_job is None)
    names = sorted(p.name for p in pages.iterdir())
    assert {(i, n + 1, names[i]) for i in range(1, n + 1)} <= set(seen)  # (file 0 may come before connect)
    assert first.report.articles == w.model.rowCount() > 0
    assert len(first.report.imported) == n and len(first.report.failed) == 1
    text = first.summary.toPlainText()
    assert "zz-broken.txt" in text and first.summary.isVisible()
    first.buttons.rejected.emit()  # Close
    assert not first.isVisible()
    assert w.undo_stack.undoText().startswith("Import")

    # The same bytes again: skipped, said so.
    second = actions.start_import(w, [tmp_path / "again.txt"])
    with qtbot.waitSignal(second.summaryShown, timeout=30000):
        pass
    assert second.report.skipped and not second.report.imported
    qtbot.waitUntil(lambda: w.writer.current_job is None)

    w.undo_stack.undo()  # the import: its articles go to the trash
    assert w.model.rowCount() == 0
    w.undo_stack.redo()
    assert w.model.rowCount() == first.report.articles


def test_cancel_stops_after_the_file_in_progress(qtbot, empty_window, tmp_path):
    w = empty_window
    n = make_pages(tmp_path / "pages", 6)
    dialog = actions.start_import(w, [tmp_path / "pages"])
    # Cancel as soon as the first file is announced.
    dialog.job.progress.connect(lambda done, total, msg: dialog.cancel_button.isEnabled() and
                                dialog.cancel_button.click())
    with qtbot.waitSignal(dialog.summaryShown, timeout=30000):
        pass
    report = dialog.report
    assert report.cancelled and len(report.imported) < n
    assert "Cancelled" in dialog.summary.toPlainText()
    qtbot.waitUntil(lambda: w.writer.current_job is None)
    assert w.reader.count() == report.articles   # nothing half-imported


def test_dropping_files_on_the_window_imports_them(qtbot, empty_window, tmp_path):
    w = empty_window
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SAMPLES / "bandao-web-2024-12-24.txt"))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    w.dropEvent(event)
    with qtbot.waitSignal(w.import_dialog.summaryShown, timeout=30000):
        pass
    qtbot.waitUntil(lambda: w.writer.current_job is None and w.model.rowCount() > 0)
