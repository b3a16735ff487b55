"""The import dialog's progress + Cancel + summary, for the other long jobs (exporting,
opening and merging bundles): a title, "n of m" and the item in progress, and at the end
the summary `summarize(result)` gives. A job that fails (not cancelled) closes the dialog
and emits `failedWith` with its one line, so the caller shows one message box."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal

from archivist.gui.dialogs.importdialog import ImportDialog


class JobDialog(ImportDialog):
    failedWith = Signal(str)

    def __init__(self, job, title: str, summarize: Callable[[object], str] | None = None, parent=None):
        super().__init__(job, parent)
        self.setObjectName("jobDialog")
        self.setWindowTitle(title)
        self._title, self._summarize = title, summarize
        self.count_label.setText(job.description)

    def _progress(self, done: int, total: int, message: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        if done < total:
            self.count_label.setText(self.tr("%1 of %2").replace("%1", str(done + 1)).replace("%2", str(total)))
            self.file_label.setText(message)

    def _cancel_or_close(self) -> None:
        super()._cancel_or_close()
        if not self.job.done:
            self.count_label.setText(self.tr("Cancelling… (nothing half-done is kept)"))

    def _finished(self, result) -> None:
        self.report = result
        if self._summarize is None:
            self.accept()
        else:
            self._show_summary(self._summarize(result))
        self.summaryShown.emit(result)

    def _failed(self, message: str) -> None:
        if self.job.cancelled:
            self._show_summary(self.tr("Cancelled: %1").replace("%1", message))
        else:
            self.accept()
            self.failedWith.emit(message)
        self.summaryShown.emit(None)

    def _show_summary(self, text: str) -> None:
        super()._show_summary(text)
        self.setWindowTitle(self._title)
        self.count_label.setText(self.tr("Done"))
