"""Opening a library without freezing the window.

Opening is usually instant, but a library written by an older archivist is backed up,
migrated and re-indexed for search first: minutes for 100,000 articles. So the library
is opened on a plain thread while the GUI thread waits in a local event loop that keeps
painting but takes no user input, and a progress dialog appears if it takes long. A
re-index (most of an hour at a million articles) says how long it has left and can be
stopped: it goes on from where it got to the next time (store/reindex.py).
"""
from __future__ import annotations

import threading
import time

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from archivist.store import Library, reindex

SHOW_AFTER_MS = 400


def tr(text: str) -> str:
    return QCoreApplication.translate("opening", text)


class _Bridge(QObject):
    # Lives on the GUI thread; emitted from the opening thread, so delivered queued.
    progress = Signal(int, int, str)
    done = Signal()


def duration(seconds: float) -> str:
    minutes = max(1, round(seconds / 60))
    if minutes < 60:
        return tr("%1 min").replace("%1", str(minutes))
    return tr("%1 h %2 min").replace("%1", str(minutes // 60)).replace("%2", f"{minutes % 60:02d}")


def open_library(parent: QWidget, folder, create: bool) -> Library:
    """Library.open(folder, create=create), showing progress if it takes a while.
    Raises what Library.open raises (reindex.ReindexCancelled when the user stopped it)."""
    bridge = _Bridge()
    dialog = QProgressDialog(tr("Opening the library…"), None, 0, 0, parent)
    dialog.setObjectName("openingDialog")
    dialog.setWindowTitle(tr("Opening the library"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setCancelButton(None)   # a migration is not stopped half-way; a re-index can be (below)
    dialog.setMinimumWidth(560)
    dialog.setMinimumDuration(10 ** 9)  # shown by our timer, not by Qt's estimate
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.hide()

    stop = threading.Event()
    pace: dict = {}

    def progress(done: int, total: int, message: str) -> None:
        if "t0" not in pace:   # only a re-index reports progress: it can be stopped
            pace.update(t0=time.monotonic(), done=done)
            button = QPushButton(tr("Stop (goes on next time)"), dialog)
            button.setObjectName("stopReindex")
            dialog.setCancelButton(button)
            dialog.canceled.connect(stop.set)
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)
        # The store's message is English; the dialog says the same from the numbers.
        text = (tr("Updating the search index for this version of archivist…") + "\n"
                + tr("%1 of %2 articles").replace("%1", f"{done:,}").replace("%2", f"{total:,}"))
        left = reindex.time_left(done - pace["done"], time.monotonic() - pace["t0"], total - done)
        if left is not None and done < total:
            text += " " + tr("(about %1 left)").replace("%1", duration(left))
        if stop.is_set():
            text += "\n" + tr("Stopping after this batch…")
        dialog.setLabelText(text)

    bridge.progress.connect(progress)
    outcome: dict = {}

    def work() -> None:
        try:
            # quick_check runs after the window shows (MainWindow: check_in_background)
            outcome["library"] = Library.open(folder, create=create, progress=bridge.progress.emit, check=False,
                                              cancel=stop.is_set)
        except BaseException as exc:  # noqa: BLE001 - re-raised on the GUI thread
            outcome["error"] = exc
        bridge.done.emit()  # queued: quits the loop below even if it has not started yet

    loop = QEventLoop()
    bridge.done.connect(loop.quit)
    QTimer.singleShot(SHOW_AFTER_MS, dialog, lambda: None if outcome else dialog.show())
    thread = threading.Thread(target=work, name="open-library", daemon=True)
    thread.start()
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    thread.join()
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["library"]
