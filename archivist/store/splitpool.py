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
from multiprocessing.connection import wait
from pathlib import Path

from archivist.store import priority
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


def _split(path: str, max_bytes: int, model: str | None = None):
    """(source, doc, prepared articles) for one text page, or None: the importing process then redoes the
    file itself and reports whatever went wrong in its own words."""
    try:
        from archivist import ingest  # noqa: PLC0415
        from archivist.split import split_source  # noqa: PLC0415
        from archivist.store.importer import check_text, prepare_document  # noqa: PLC0415

        if model:  # the library's own line model, for pages of the paper it learned
            from archivist.split import labeller  # noqa: PLC0415

            labeller.use_model(Path(model))
        source = ingest.read_page(Path(path), max_bytes=max_bytes)
        check_text(source.text)
        doc = split_source(source)
        return source, doc, prepare_document(doc)
    except Exception:  # noqa: BLE001 - see above
        return None


def _serve(conn, parent: int) -> None:
    """A worker: (path, max_bytes, model) in, (path, _split result) out, until told to stop."""
    _watch_parent(parent)
    priority.lower_this_process()   # an hours-long import leaves the user's programs their share
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        conn.send((task[0], _split(*task)))


def default_workers() -> int:
    return min(4, os.cpu_count() or 1)


class _Worker:
    """One spawned process and its pipe; `jobs` are the paths sent and not yet answered,
    in the order it answers them."""

    def __init__(self, ctx) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, os.getpid()), daemon=True)
        self.process.start()
        child.close()
        self.jobs: deque[Path] = deque()


class SplitAhead:
    """`get(path)` → (source, doc, prepared) split by a worker, or None (do it yourself). Files are
    handed out in `files` order; `known(sha256)` says a file is already in the library,
    so it is not split for nothing (a re-import of a folder is mostly such files).

    Plain processes and pipes, not multiprocessing.Pool: the pool's worker-handler thread
    spins while a result waits in its pipe (it waits on that pipe), and with the importing
    thread busy that took ~15 % of an import's CPU. Results are read by the importing
    thread itself, when it wants them."""

    def __init__(self, files: list[Path], max_bytes: int, known: Callable[[str], bool],
                 workers: int | None = None, model: Path | None = None):
        self._workers: list[_Worker] = []
        self._results: dict[Path, object] = {}
        self._queue: deque[Path] = deque()
        self._max_bytes = max_bytes
        self._known = known
        self._model = str(model) if model else None
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
            for _ in range(workers):
                self._workers.append(_Worker(ctx))
        except BaseException:
            self.close()
            raise
        finally:
            sys.modules["__main__"] = main
        self._queue.extend(text)
        self._fill()

    def _fill(self) -> None:
        while self._queue and self._workers:
            worker = min(self._workers, key=lambda w: len(w.jobs))
            if len(worker.jobs) >= AHEAD:
                return
            path = self._queue.popleft()
            try:
                data = path.read_bytes() if path.stat().st_size <= self._max_bytes else None
            except OSError:
                continue
            if data is None or self._known(hashlib.sha256(data).hexdigest()):
                continue
            try:
                worker.conn.send((str(path), self._max_bytes, self._model))
            except OSError:
                self._lost(worker)
                continue
            worker.jobs.append(path)

    def _lost(self, worker: _Worker) -> None:
        """A worker died (killed from outside): its files are done by the importer."""
        self._workers.remove(worker)
        worker.conn.close()

    def _receive(self, worker: _Worker) -> None:
        try:
            path, result = worker.conn.recv()
        except (EOFError, OSError):
            self._lost(worker)
            return
        path = Path(path)
        if worker.jobs and worker.jobs[0] == path:
            worker.jobs.popleft()
        self._results[path] = result

    def _poll(self, timeout: float) -> bool:
        """Read every answer already there, or wait up to `timeout` for one. Reading all
        of them keeps every worker going (a worker waits while its answer is unread)."""
        ready = wait([w.conn for w in self._workers], timeout) if self._workers else []
        for conn in ready:
            worker = next((w for w in self._workers if w.conn is conn), None)
            if worker is not None:
                self._receive(worker)
        return bool(ready)

    def get(self, path: Path, cancel: Callable[[], bool] | None = None,
            idle: Callable[[], None] | None = None):
        """`idle()` is called every tenth of a second while waiting for the worker."""
        self._poll(0)
        # Wait in short steps; give up (the importer then does the file itself) on cancel
        # or after WAIT_LIMIT (a worker stuck on one file).
        deadline = time.monotonic() + WAIT_LIMIT
        while path not in self._results and any(path in w.jobs for w in self._workers):
            if (cancel is not None and cancel()) or time.monotonic() > deadline:
                break
            if not self._poll(0.1) and idle is not None:
                idle()
        result = self._results.pop(path, None)
        self._fill()
        return result

    def close(self) -> None:
        for worker in self._workers:
            worker.process.terminate()
        for worker in self._workers:
            worker.process.join(5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self._workers = []

    def __enter__(self) -> SplitAhead:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
