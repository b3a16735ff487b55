"""Import progress (file n of m, current file, Cancel) and, at the end, the summary:
imported, skipped duplicates, failed files with their reasons. Window-modal, never
blocking: the import itself runs on the writer's worker thread (a Job)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QProgressBar,
                               QVBoxLayout)

SKIPPED_LISTED = 200   # a resumed import skips thousands of files: the first are named, the rest counted


class ImportDialog(QDialog):
    summaryShown = Signal(object)   # the ImportReport

    def __init__(self, job, parent=None):
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(480)
        self.job = job
        self.report = None
        self.count_label = QLabel(self.tr("Preparing…"), self)
        self.file_label = QLabel("", self)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.summary = QPlainTextEdit(self)
        self.summary.setReadOnly(True)
        self.summary.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self._cancel_or_close)
        layout = QVBoxLayout(self)
        for w in (self.count_label, self.file_label, self.bar, self.summary, self.buttons):
            layout.addWidget(w)
        job.progress.connect(self._progress)
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)

    @property
    def cancel_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Cancel)

    def _progress(self, done: int, total: int, message: str) -> None:
        # "scan.png", then its stages "scan.png: recognised 24 of 96 pieces of text". The
        # store counts files; a lone file's bar would sit at 0% through a minute of OCR,
        # so it is busy (moving) while the file's stages are shown.
        stage = (done, total) == getattr(self, "_file_at", None) and message.startswith(f"{self._file}: ")
        if not stage:
            self._file, self._file_at = message, (done, total)
        self.bar.setRange(0, 0 if stage and total == 1 else max(total, 1))
        self.bar.setValue(done)
        if done < total:
            self.count_label.setText(self.tr("File %1 of %2").replace("%1", str(done + 1)).replace("%2", str(total)))
            self.file_label.setText(message)

    def _cancel_or_close(self) -> None:
        if self.job.done:
            self.accept()
            return
        self.job.cancel()
        self.count_label.setText(self.tr("Cancelling… (the file in progress is rolled back)"))
        self.cancel_button.setEnabled(False)

    def reject(self) -> None:  # Esc / the window's close button
        self._cancel_or_close()

    def _finished(self, report) -> None:
        self.report = report
        lines = [self.tr("Imported: %1 file(s), %2 article(s), %3 flagged as near-duplicates")
                 .replace("%1", str(len(report.imported))).replace("%2", str(report.articles))
                 .replace("%3", str(report.duplicates))]
        if report.cancelled:
            lines.append(self.tr("Cancelled: the files not reached were not imported."))
        lines.append(self.tr("Skipped (already in the library): %1").replace("%1", str(len(report.skipped))))
        lines += [f"  {path} — {why}" for path, why in report.skipped[:SKIPPED_LISTED]]
        if len(report.skipped) > SKIPPED_LISTED:   # a resumed import of thousands of files
            lines.append("  " + self.tr("… and %1 more").replace("%1", f"{len(report.skipped) - SKIPPED_LISTED:,}"))
        lines.append(self.tr("Failed: %1").replace("%1", str(len(report.failed))))
        lines += [f"  {path} — {why}" for path, why in report.failed]
        self._show_summary("\n".join(lines))
        self.summaryShown.emit(report)

    def _failed(self, message: str) -> None:
        self._show_summary(self.tr("The import stopped: %1").replace("%1", message))
        self.summaryShown.emit(None)

    def _show_summary(self, text: str) -> None:
        self.setWindowTitle(self.tr("Import finished"))
        self.count_label.setText(self.tr("Import finished"))
        self.file_label.clear()
        self.bar.hide()
        self.summary.setPlainText(text)
        self.summary.show()
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)  # rejected → accept()
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)  # Enter closes the finished dialog, as its one button
        close.setFocus()
