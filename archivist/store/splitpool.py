"""Read and split text pages in worker processes while the importing process stores.

Splitting is most of an import's CPU time and needs no library, so other cores can do it
ahead of the writer. The importing process stays the library's one writer: it stores
each file in its own transaction, in the original order, asks progress/cancel between
files as before, and redoes a file itself whenever a worker could not give a result
(a failure then reads exactly as in a serial import). Scans stay in the importing
process: their OCR reports progress per page and can be cancelled in the middle.

Workers are spawned (safe from a GUI thread, same on every platform) and exit on their
own if the importing process dies, so a killed import leaves no processes behind.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
import threading
import time
import types
from collections import deque
from collections.abc import Callable
from pathlib import Path

from archivist.text.decode import TEXT_SUFFIXES

# A worker costs ~0.5 s to start (importing the splitter); below this much text a serial
# import is as fast.
MIN_BYTES = 1_000_000
MIN_FILES = 4
AHEAD = 3    # split files waiting per worker: bounds memory, keeps workers busy
WAIT_LIMIT = 300  # seconds for one file: far beyond a 50 MB page's split


def _watch_parent(parent: int) -> None:
    def watch():
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(0)
    threading.Thread(target=watch, daemon=True).start()


def _split(path: str, max_bytes: int):
    """(source, doc, prepared articles) for one text page, or None: the importing process then redoes the
    file itself and reports whatever went wrong in its own words."""
    try:
        from archivist import ingest  # noqa: PLC0415
        from archivist.split import split_source  # noqa: PLC0415
        from archivist.store.importer import check_text, prepare_document  # noqa: PLC0415

        source = ingest.read_page(Path(path), max_bytes=max_bytes)
        check_text(source.text)
        doc = split_source(source)
        return source, doc, prepare_document(doc)
    except Exception:  # noqa: BLE001 - see above
        return None


def default_workers() -> int:
    return min(4, os.cpu_count() or 1)


class SplitAhead:
    """`get(path)` → (source, doc, prepared) split by a worker, or None (do it yourself). Files are
    handed out in `files` order; `known(sha256)` says a file is already in the library,
    so it is not split for nothing (a re-import of a folder is mostly such files)."""

    def __init__(self, files: list[Path], max_bytes: int, known: Callable[[str], bool],
                 workers: int | None = None):
        self._pool = None
        self._pending: dict[Path, object] = {}
        self._queue: deque[Path] = deque()
        self._max_bytes = max_bytes
        self._known = known
        workers = default_workers() if workers is None else workers
        text = [p for p in files if p.suffix.lower() in TEXT_SUFFIXES and p.is_file()]
        if workers < 2 or len(text) < MIN_FILES or sum(p.stat().st_size for p in text) < MIN_BYTES:
            return
        ctx = multiprocessing.get_context("spawn")
        # A spawned worker would first re-run the main script (a user's script without an
        # `if __name__ == "__main__"` guard would import again, in every worker). The
        # workers need nothing from it: they are started with an empty stand-in.
        main = sys.modules["__main__"]
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            self._pool = ctx.Pool(workers, initializer=_watch_parent, initargs=(os.getpid(),))
        finally:
            sys.modules["__main__"] = main
        self._queue.extend(text)
        self._ahead = AHEAD * workers
        self._fill()

    def _fill(self) -> None:
        while self._queue and len(self._pending) < self._ahead:
            path = self._queue.popleft()
            try:
                data = path.read_bytes() if path.stat().st_size <= self._max_bytes else None
            except OSError:
                continue
            if data is None or self._known(hashlib.sha256(data).hexdigest()):
                continue
            self._pending[path] = self._pool.apply_async(_split, (str(path), self._max_bytes))

    def get(self, path: Path, cancel: Callable[[], bool] | None = None,
            idle: Callable[[], None] | None = None):
        """`idle()` is called every tenth of a second while waiting for the worker."""
        job = self._pending.pop(path, None)
        if job is None:
            return None
        # A worker killed from outside loses its task and the pool never answers for it:
        # wait in short steps, and give up (the importer then does the file itself) on
        # cancel or after WAIT_LIMIT.
        deadline = time.monotonic() + WAIT_LIMIT
        while not job.ready():
            if (cancel is not None and cancel()) or time.monotonic() > deadline:
                self._fill()
                return None
            if idle is not None:
                idle()
            job.wait(0.1)
        self._fill()
        return job.get() if job.successful() else None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> SplitAhead:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
