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


class _FakeOcr:
    """RapidOCR's two calls, instantly: 30 lines found, each read as a line of text."""

    def __init__(self, lines: int):
        self.lines, self.read = lines, 0

    def detect(self, _eng, _bgr, _report=None):
        import numpy as np  # noqa: PLC0415

        return [np.array([[40, 30 + 24 * i], [560, 30 + 24 * i], [560, 50 + 24 * i], [40, 50 + 24 * i]],
                         dtype=np.float32) for i in range(self.lines)]

    def text_rec(self, pieces):
        out = []
        for _ in pieces:
            self.read += 1
            out.append((f"本报讯 这是扫描页上的第{self.read}行文字，说的是青岛的供暖。", 0.95))
        return out, None


def test_a_scan_import_shows_the_ocr_stages_of_its_page(qtbot, empty_window, tmp_path, monkeypatch):
    """OCR once sat at "0% reading the image" for a whole page: its stages must show, the
    bar must move, and the status bar must name the file once."""
    from PIL import Image  # noqa: PLC0415

    from archivist.scan import ocr  # noqa: PLC0415

    fake = _FakeOcr(30)
    monkeypatch.delenv(ocr.CACHE_ENV, raising=False)
    monkeypatch.setattr(ocr, "engine", lambda: fake)
    monkeypatch.setattr(ocr, "detect", fake.detect)
    scan = tmp_path / "scan.png"
    Image.new("RGB", (600, 800), "white").save(scan)

    w = empty_window
    dialog = actions.start_import(w, [scan])
    shown = []
    dialog.job.progress.connect(lambda *_: shown.append(
        (dialog.file_label.text(), dialog.bar.maximum(), w.status.job_label.text())))
    with qtbot.waitSignal(dialog.summaryShown, timeout=30000) as got:
        pass
    assert got.args[0] is not None and len(got.args[0].imported) == 1, dialog.summary.toPlainText()
    labels = [label for label, _bar, _status in shown]
    for stage in ("scan.png: finding the text on the page", "scan.png: found 30 lines; recognising them",
                  "scan.png: recognised 24 of 30 pieces of text", "scan.png: recognised 30 of 30 pieces of text"):
        assert stage in labels, labels
    assert labels.index("scan.png: finding the text on the page") < labels.index(
        "scan.png: recognised 24 of 30 pieces of text")
    during = [bar for label, bar, _ in shown if "pieces of text" in label]
    assert during and all(bar == 0 for bar in during)  # busy, moving: not a bar stuck at 0%
    status = [s for label, _, s in shown if "pieces of text" in label]
    assert "Importing scan.png: recognised 24 of 30 pieces of text" in status
    assert all(s.count("scan.png") == 1 for s in status), status


def test_the_paper_field_is_stored_with_its_reason_and_remembered(qtbot, empty_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog, QFileDialog  # noqa: PLC0415

    from archivist.gui.dialogs.import_options import ImportOptionsDialog  # noqa: PLC0415

    w = empty_window
    pages = tmp_path / "pages"
    pages.mkdir()
    for i, p in enumerate(sorted(SAMPLES.glob("*.txt"))):
        shutil.copy(p, pages / f"page-{i + 1:04d}.txt")  # names that say nothing of the paper
    shown = []

    def fill(dialog, paper):
        shown.append(dialog.paper.currentText())
        if paper is None:
            return QDialog.DialogCode.Rejected
        dialog.paper.setCurrentText(paper)
        dialog.accept()
        return QDialog.DialogCode.Accepted

    def import_through_menu(files, paper):
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *_a, **_k: ([str(f) for f in files], "")))
        monkeypatch.setattr(ImportOptionsDialog, "exec", lambda dialog: fill(dialog, paper))
        w.import_dialog = None
        w.actions_by_name["importFiles"].trigger()
        if paper is None:
            return None
        with qtbot.waitSignal(w.import_dialog.summaryShown, timeout=30000) as got:
            pass
        qtbot.waitUntil(lambda: w.writer.current_job is None)
        return got.args[0]

    files = sorted(pages.iterdir())
    report = import_through_menu(files[:2], "  半岛都市报 ")
    assert report.ok and report.article_ids
    for article_id in report.article_ids:
        record = w.reader.edition_of(article_id)
        assert record["paper"] == "半岛都市报" and record["reasons"]["paper"] == "from the import's paper field"
    # Remembered: offered again next time; cancelling imports nothing.
    assert import_through_menu(files[2:], None) is None and w.import_dialog is None
    assert shown == ["", "半岛都市报"]
    # Emptied: the paper comes from the page itself (the daily page's masthead), not the field.
    report = import_through_menu(files[2:], "")
    assert report.article_ids and all(w.reader.edition_of(i)["reasons"].get("paper") != "from the import's paper field"
                                      for i in report.article_ids)
    assert w.settings.value("import/paper") == ""


def test_importing_a_folder_again_goes_on_and_lists_only_the_first_skipped(qtbot, empty_window, tmp_path,
                                                                           monkeypatch):
    from archivist.gui.dialogs import importdialog
    w = empty_window
    n = make_pages(tmp_path / "pages", 1)
    first = actions.start_import(w, [tmp_path / "pages"])
    with qtbot.waitSignal(first.summaryShown, timeout=30000):
        pass
    qtbot.waitUntil(lambda: w.writer.current_job is None)
    first.accept()
    monkeypatch.setattr(importdialog, "SKIPPED_LISTED", 2)
    again = actions.start_import(w, [tmp_path / "pages"])
    seen = []
    again.job.progress.connect(lambda done, total, msg: seen.append(msg))
    with qtbot.waitSignal(again.summaryShown, timeout=30000):
        pass
    qtbot.waitUntil(lambda: w.writer.current_job is None)
    assert again.report.already_in == n and not again.report.imported
    text = again.summary.toPlainText()
    assert text.count("already in the library (source #") == 2 and f"… and {n - 2} more" in text
    assert not seen or seen[0].startswith(f"going on: {n} of {n + 1} files are already in the library")
