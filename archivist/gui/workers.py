"""The library's one writer, and long work (import) off the GUI thread.

DESIGN §8: only one thread writes. LibraryWriter owns the writable Library. Short
writes (a tag, a status, a saved article) run inline through `run_write`, serialised by
the library's own lock; long jobs run one at a time on a single worker thread, report
(done, total, message) and can be cancelled (the file in progress rolls back).
Views never read through the writer: they use their own read-only connection.
"""
from __future__ import annotations

import threading
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from archivist.store import Library, health, priority


class Job(QObject):
    """A long piece of work. Its signals are emitted from the worker thread and, since
    the Job lives on the GUI thread, reach GUI slots queued (never blocking the worker)."""

    progress = Signal(int, int, str)      # done, total, message
    finished = Signal(object)             # the function's result
    failed = Signal(str)                  # one line for the user; details on stderr
    ended = Signal()                      # after finished or failed

    def __init__(self, description: str, fn: Callable, parent: QObject | None = None):
        super().__init__(parent)
        self.description = description
        self._fn = fn
        self._cancel = threading.Event()
        self.done = False
        self.result = None
        self.error: str | None = None

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _run(self, library: Library) -> None:
        try:
            self.result = self._fn(library, self.progress.emit, self._cancel.is_set)
        except Exception as exc:  # noqa: BLE001 - reported to the user, never lost
            traceback.print_exc()
            self.error = str(exc) or type(exc).__name__
            self.done = True
            self.failed.emit(self.error)
        else:
            self.done = True
            self.finished.emit(self.result)
        self.ended.emit()


class _JobRunnable(QRunnable):
    def __init__(self, job: Job, library: Library, checked: threading.Event):
        super().__init__()
        self.setAutoDelete(True)
        self._job, self._library, self._checked = job, library, checked

    def run(self) -> None:
        self._checked.wait()  # no job writes before the check at open has answered
        priority.lower_this_thread()   # jobs are long work (imports): the window keeps its share
        self._job._run(self._library)


class LibraryWriter(QObject):
    """Every write of the GUI goes through here (undo commands, the article panels'
    `run_write`, import jobs)."""

    written = Signal(str)                 # description of the write just done
    jobStarted = Signal(object)           # Job
    jobEnded = Signal(object)             # Job
    checked = Signal(str)                 # the check at open answered: why it is damaged, or ""

    def __init__(self, library: Library, parent: QObject | None = None):
        super().__init__(parent)
        self.library = library
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)   # one writer thread: jobs queue, never overlap
        self._jobs: list[Job] = []
        self._closed = False
        self._checked = threading.Event()
        self._checked.set()
        self._check_thread: threading.Thread | None = None

    @property
    def folder(self):
        return self.library.folder

    def check_in_background(self) -> None:
        """quick_check (about 1 ms per MB: 1.6 s on the 1 GB bench library) on a thread of
        its own, so the window shows first. Until it answers a write waits for it; damage found
        makes this library read-only with `damage` saying why (then `checked` tells)."""
        library = self.library
        self._checked.clear()

        def work() -> None:
            try:
                with Library.open(library.folder, readonly=True) as reader:
                    found = reader.check()
            except Exception as exc:  # noqa: BLE001 - unreadable now: that is damage too
                found = [str(exc)]
            if found:
                library.damage = health.damage_message(library.folder, found)
                library.readonly = True
            self._checked.set()
            try:
                self.checked.emit(library.damage)
            except RuntimeError:  # the window was closed meanwhile
                pass

        self._check_thread = threading.Thread(target=work, name="check-library", daemon=True)
        self._check_thread.start()

    def run_write(self, fn: Callable[[Library], object], description: str = ""):
        """Run a short write now and return its result. While an import runs this waits at
        most for the file in progress (the library lock is held per file)."""
        self._checked.wait()
        result = fn(self.library)
        self.written.emit(description)
        return result

    def start_job(self, description: str, fn: Callable) -> Job:
        """fn(library, progress(done, total, msg), cancelled() -> bool) on the worker thread."""
        job = Job(description, fn, self)
        self._jobs.append(job)
        job.ended.connect(self._job_ended)
        self.jobStarted.emit(job)
        # Start on the next turn of the event loop: a queued signal emitted before anyone
        # connected is lost, so the caller gets to connect (a dialog to `finished`) first.
        QTimer.singleShot(0, lambda: self._launch(job))
        return job

    def _launch(self, job: Job) -> None:
        if not self._closed:
            self._pool.start(_JobRunnable(job, self.library, self._checked))

    def _job_ended(self) -> None:
        for job in [j for j in self._jobs if j.done]:
            self._jobs.remove(job)
            self.written.emit(job.description)
            self.jobEnded.emit(job)
            job.deleteLater()

    @property
    def current_job(self) -> Job | None:
        # A job counts until the GUI thread has handled its end (views refreshed), not
        # merely until the worker thread has returned.
        return self._jobs[0] if self._jobs else None

    def cancel_all(self) -> None:
        for job in self._jobs:
            job.cancel()

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def close(self) -> None:
        """Cancel what runs, wait for it (a cancelled file rolls back quickly), close."""
        self._closed = True
        self.cancel_all()
        self._pool.waitForDone()
        if self._check_thread is not None:
            self._check_thread.join()
        self.library.close()
