"""Status bar: the library's size on the right, the current job (with progress) on the left."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


class LibraryStatusBar(QStatusBar):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.job_label = QLabel(self)
        self.job_progress = QProgressBar(self)
        self.job_progress.setMaximumWidth(160)
        self.job_progress.setTextVisible(False)
        self.library_label = QLabel(self)
        self.library_label.setObjectName("librarySize")
        self.addWidget(self.job_label)
        self.addWidget(self.job_progress)
        self.addPermanentWidget(self.library_label)
        self.set_job(None)

    def set_library(self, stats: dict | None, shown: int | None = None) -> None:
        if stats is None:
            self.library_label.setText(self.tr("No library"))
            return
        text = self.tr("%1 articles · %2 in trash · %3").replace("%1", f"{stats['articles']:,}") \
            .replace("%2", f"{stats['trashed']:,}").replace("%3", _size(stats["database_bytes"]))
        if shown is not None:
            text = self.tr("%1 shown").replace("%1", f"{shown:,}") + " · " + text
        if stats.get("damaged"):
            text = self.tr("Read-only: the library is damaged") + " · " + text
        self.library_label.setText(text)

    def set_job(self, description: str | None, done: int = 0, total: int = 0) -> None:
        if description is None:
            self.job_label.setText(self.tr("Ready"))
            self.job_progress.hide()
            return
        self.job_label.setText(description)
        self.job_progress.setRange(0, max(total, 0))
        self.job_progress.setValue(done)
        self.job_progress.show()
