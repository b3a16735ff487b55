"""Tools → Check Library…: the full integrity_check on the writer's worker thread (through
its own read-only connection, so views and short writes go on), a busy bar with the time
it has taken and Cancel, then what SQLite found; on damage the same two ways out as
`archivist check`: copy what can be read into a new folder, or restore the latest backup
into a new folder. The damaged library itself is never written."""
from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QLabel, QPlainTextEdit, QProgressBar,
                               QPushButton, QVBoxLayout)

from archivist.store import Library, health


def _check(folder: Path, progress, cancelled) -> list[str]:
    started, said = time.monotonic(), [-1]

    def working() -> None:  # called every few ms: the dialog hears once a second
        seconds = int(time.monotonic() - started)
        if seconds != said[0]:
            said[0] = seconds
            progress(0, 0, str(seconds))

    with Library.open(folder, readonly=True) as lib:
        return lib.check(full=True, cancelled=cancelled, working=working)


class CheckDialog(QDialog):
    checked = Signal(object)      # the problems found ([] when sound), None if cancelled or failed
    recovered = Signal(object)    # the new library folder, once made

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("checkDialog")
        self.setWindowTitle(self.tr("Check Library"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(520)
        self.window_, self.folder = window, window.folder
        self.found: list[str] | None = None
        self.new_folder: Path | None = None
        self.label = QLabel(self.tr("Checking every page and index of the library…"), self)
        self.label.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # SQLite does not say how far it is: busy, with the time taken
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.hide()
        self.recover_button = QPushButton(self.tr("Recover into a New Folder…"), self)
        self.recover_button.setObjectName("recoverButton")
        self.restore_button = QPushButton(self.tr("Restore Latest Backup into a New Folder…"), self)
        self.restore_button.setObjectName("restoreBackupButton")
        self.open_button = QPushButton(self.tr("Open the New Library"), self)
        self.open_button.setObjectName("openRecoveredButton")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self.reject)
        for b in (self.recover_button, self.restore_button, self.open_button):
            b.hide()
        self.recover_button.clicked.connect(lambda: self.start_recovery(self.choose_folder(), backup=False))
        self.restore_button.clicked.connect(lambda: self.start_recovery(self.choose_folder(), backup=True))
        self.open_button.clicked.connect(self._open_new)
        layout = QVBoxLayout(self)
        for w in (self.label, self.bar, self.details, self.recover_button, self.restore_button,
                  self.open_button, self.buttons):
            layout.addWidget(w)
        self.job = self._start(self.tr("Checking the library"), lambda lib, progress, cancelled:
                               _check(lib.folder, progress, cancelled), self._checked)
        self.job.progress.connect(lambda _d, _t, seconds: self.label.setText(
            self.tr("Checking every page and index of the library… (%1 s)").replace("%1", seconds)))

    def _start(self, description: str, fn, done):
        job = self.window_.writer.start_job(description, fn)
        job.finished.connect(done)
        job.failed.connect(self._failed)
        return job

    def _checked(self, found: list[str]) -> None:
        self.found = found
        self._done()
        if not found:
            self.label.setText(self.tr("The library is sound: SQLite's integrity check found nothing wrong."))
        else:
            self.label.setText(self.tr("The library is damaged. It stays open read-only; copy what can be read "
                                       "into a new folder, or start again from the latest backup there."))
            backups = health.latest_backups(self.folder / "library.sqlite")
            self.details.setPlainText("\n".join(found + [""] + [self.tr("Backup: %1").replace("%1", str(b))
                                                              for b in backups[:3]]))
            self.details.show()
            self.recover_button.show()
            self.restore_button.show()
            self.restore_button.setEnabled(bool(backups))
        self.checked.emit(found)

    def _failed(self, message: str) -> None:
        self._done()
        self.label.setText(self.tr("Cancelled: nothing is known of the damage.") if self.job.cancelled
                           else self.tr("That could not be done: %1").replace("%1", message))
        if self.found is None:
            self.checked.emit(None)
        else:  # a recovery failed (a folder not empty, no backup): the other way stays open
            self.recover_button.setEnabled(True)
            self.restore_button.setEnabled(bool(health.latest_backups(self.folder / "library.sqlite")))

    def _done(self) -> None:
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

    def reject(self) -> None:  # Cancel while checking; Close afterwards
        if not self.job.done:
            self.job.cancel()
            return
        super().reject()

    def choose_folder(self) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("An empty folder for the new library"))
        return Path(chosen) if chosen else None

    def start_recovery(self, out: Path | None, backup: bool) -> None:
        if out is None:
            return
        db_path = self.folder / "library.sqlite"
        if backup:
            fn = lambda _lib, _p, _c: self.tr("Restored %1 into %2; what changed after it is not there.").replace(  # noqa: E731
                "%1", health.restore_backup(db_path, out).name).replace("%2", str(out))
        else:
            fn = lambda _lib, _p, _c: self.tr("Copied what could be read into %1 (%2).").replace(  # noqa: E731
                "%1", str(out)).replace("%2", health.recover(db_path, out))
        self.recover_button.setEnabled(False)
        self.restore_button.setEnabled(False)
        self.bar.setRange(0, 0)
        self.job = self._start(self.tr("Recovering the library"), fn, lambda text: self._recovered(out, text))

    def _recovered(self, out: Path, text: str) -> None:
        self._done()
        self.new_folder = out
        self.label.setText(text)
        self.open_button.show()
        self.recovered.emit(out)

    def _open_new(self) -> None:
        if self.new_folder is not None and self.window_.open_library(self.new_folder, create=False):
            self.accept()


def check_at_open(w) -> None:
    """The window's new library: no damage said yet (the last one's bar goes), quick_check
    on a thread, and what it finds said when it answers."""
    show_damage(w, "")
    w.writer.checked.connect(lambda damage: show_damage(w, damage))
    w.writer.check_in_background()


def show_damage(w, damage: str) -> None:
    """The check at open answered: said once, on the window (a bar, the title, the status
    bar), not in a dialog per refused edit."""
    w.damage_bar.set_damage(damage)
    w._update_title()
    w.refresh_status()


def refused_read_only(w) -> bool:
    """True, after saying why, when the window's library cannot be written (damaged):
    an import or a merge is refused before it starts, not half-way in a job."""
    library = w.writer.library if w.writer is not None else None
    if library is None or not library.readonly:
        return False
    from PySide6.QtCore import QCoreApplication  # noqa: PLC0415
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

    tr = lambda text: QCoreApplication.translate("CheckDialog", text)  # noqa: E731
    QMessageBox.warning(w, tr("The library is read-only"), library.damage or tr("The library was opened read-only."))
    return True
