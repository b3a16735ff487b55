"""An edit made in the window during a long import waits for the file in progress, not
for the import (issue 18): the import's group commit lets a waiting writer in."""
from __future__ import annotations

import hashlib
import os
import sys
import threading
import time

import pytest

from archivist import ingest
from archivist.gui.workers import LibraryWriter
from archivist.split import split_source
from archivist.store import Library, priority
from tests.conftest import SAMPLES


class EndlessImport:
    """Pages for Library.import_documents, each new bytes, until stopped: an import of a
    back catalogue as far as the writer can tell. Counts the pages handed out."""

    def __init__(self):
        source = ingest.read_page(sorted(SAMPLES.glob("*.txt"))[0])
        self.source, self.doc = source, split_source(source)
        self.handed = 0
        self.started = threading.Event()
        self.stop = threading.Event()

    def __iter__(self):
        while not self.stop.is_set() and self.handed < 5000:
            data = self.source.data + f"\n{self.handed}".encode()
            page = type(self.source)(f"page-{self.handed}.txt", data, self.source.text, self.source.encoding,
                                     hashlib.sha256(data).hexdigest())
            self.handed += 1
            if self.handed == 20:
                self.started.set()
            yield page, self.doc


def test_an_edit_during_an_import_waits_for_the_file_in_progress_only(qtbot, sample_library):
    pages = EndlessImport()
    with Library.open(sample_library) as lib:
        article_id = lib.list_ids()[0]
        writer = LibraryWriter(Library.open(sample_library))
    try:
        job = writer.start_job("import", lambda library, progress, cancelled: library.import_documents(
            pages, cancel=cancelled))
        qtbot.waitUntil(pages.started.is_set, timeout=10_000)
        before = pages.handed
        t0 = time.monotonic()
        writer.run_write(lambda library: library.set_status([article_id], "reviewed"), "status")
        waited_s, waited_pages = time.monotonic() - t0, pages.handed - before
        assert not job.done, "the import ended before the edit was tried"
        # The group in progress commits after its current file and the edit goes first:
        # one or two pages, not a whole group (GROUP_FILES / GROUP_SECONDS) or more.
        assert waited_pages <= 3, f"the edit waited for {waited_pages} pages ({waited_s:.2f} s)"
        going_on = pages.handed
        qtbot.waitUntil(lambda: pages.handed > going_on + 10, timeout=10_000)  # the import goes on
        with Library.open(sample_library, readonly=True) as reader:
            assert reader.rows([article_id])[0]["status"] == "reviewed"   # committed, seen by others
    finally:
        pages.stop.set()
        writer.close()
    assert job.done and job.error is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice is Linux's")
def test_a_job_runs_below_the_window_s_thread(qtbot, sample_library):
    gui_thread = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    writer = LibraryWriter(Library.open(sample_library))
    try:
        job = writer.start_job("import", lambda library, progress, cancelled: os.getpriority(
            os.PRIO_PROCESS, threading.get_native_id()))
        qtbot.waitUntil(lambda: job.done, timeout=10_000)
    finally:
        writer.close()
    assert job.result == max(gui_thread, priority.NICENESS)
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == gui_thread


def test_closing_right_after_a_job_ended_does_not_ask_to_cancel_it(qtbot, main_window, monkeypatch):
    """A job's end reaches the window queued, after its (background-priority) thread has
    returned: closing in between must not ask "A job is running…" of a job that is done."""
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

    from archivist.gui.workers import Job  # noqa: PLC0415

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No)
    w = main_window
    done = Job("import", lambda *a: None, w.writer)
    done.done = True                 # its thread returned; its end is not handled yet
    w.writer._jobs.append(done)
    assert w.close() and asked == []
