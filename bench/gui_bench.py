"""Desktop app start-up benchmark (issue 5).

    .venv/bin/python bench/gui_bench.py [--big DIR] [--runs 3]

For an empty library and for a 100k-article library, starts a fresh process
(`archivist --library DIR`, offscreen) and measures from process start:
  shown  – the main window is shown and its event loop answers (a zero timer ran);
  rows   – the table has painted its first rows.
Also prints whether jieba was loaded at start (it must not be), and on the big library,
for search as you type, clearing it, sorting by each column both ways and a few filters:
the time to the first page of results, to the whole listing, and the longest GUI-thread
stall meanwhile (the longest gap between ticks of a 10 ms timer).
Goals: shown ≤ 1.0 s, first rows ≤ 0.3 s after the window, jieba not loaded; at 1M
articles (issue 18) first page ≤ 0.5 s and no stall > 100 ms. `--big DIR --big-only`
runs a 1M library alone (DIR is opened, so migrated: give it a copy).

The 100k library is built once with bench/search_bench.py's generator (Library.
import_document, ~5 min) and kept in --big (default /tmp/archivist-bench/lib-100k).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BIG = Path(tempfile.gettempdir()) / "archivist-bench" / "lib-100k"

CHILD = r"""
import json, sys, time
T0 = float(sys.argv[1])
from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, QTimer
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[3])
from archivist.gui.dialogs import libraries
libraries.offer_samples = lambda parent: False   # no first-start question in a benchmark
from archivist import cli
if sys.argv[4:] == ["nocheck"]:   # the baseline: the same start without quick_check at open
    from archivist.store.library import Library
    _open = Library.open.__func__
    Library.open = classmethod(lambda cls, *a, **k: _open(cls, *a, **{**k, "check": False}))
from archivist.gui import app as gui_app
from PySide6.QtWidgets import QApplication

out = {}
args = cli.build_parser().parse_args(["--library", sys.argv[2]])
args.library = args.top_library

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "rows" not in out and window.model.rowCount():
            out["rows"] = time.time() - T0
        return False

window = gui_app.start(args)
painted = FirstPaint()
window.table.viewport().installEventFilter(painted)
out["window_built"] = time.time() - T0

def responsive():
    out["shown"] = time.time() - T0
    out["jieba"] = "jieba" in sys.modules
    if window.model.loading:   # a big library is listed on a worker thread
        window.model.idsListed.connect(listed)
    else:
        listed()

def listed():
    if "listed" in out:
        return
    out["listed"] = time.time() - T0
    out["articles"] = window.model.rowCount()
    QTimer.singleShot(100, actions)

class StallMonitor(QObject):
    # The longest gap between ticks of a 10 ms timer: how long the GUI thread was busy.
    def __init__(self):
        super().__init__()
        self.last, self.worst = time.perf_counter(), 0.0
        self.timer = QTimer(self); self.timer.setInterval(10); self.timer.timeout.connect(self.tick)
    def start(self):
        self.last, self.worst = time.perf_counter(), 0.0; self.timer.start()
    def tick(self):
        now = time.perf_counter(); self.worst = max(self.worst, now - self.last); self.last = now

monitor = StallMonitor()

def timed(name, fn):
    # first page: the model shows the new listing's first rows (its reset); results: the
    # whole listing is in (idsListed); stall: the longest gap between 10 ms timer ticks.
    loop = QEventLoop()
    marks = {}
    def first_page():
        marks.setdefault("first", time.perf_counter())
    window.model.idsListed.connect(loop.quit)
    window.model.modelReset.connect(first_page)
    monitor.start()
    t = time.perf_counter()
    fn()
    blocked = time.perf_counter() - t
    if window.model.loading:
        loop.exec()
    total = time.perf_counter() - t
    QApplication.processEvents()
    monitor.timer.stop()
    window.model.idsListed.disconnect(loop.quit)
    window.model.modelReset.disconnect(first_page)
    out.setdefault("actions", {})[name] = {"results_ms": total * 1000,
                                           "first_page_ms": (marks.get("first", t + total) - t) * 1000,
                                           "gui_blocked_ms": max(blocked, monitor.worst) * 1000}

def actions():
    from archivist.gui.models import COLUMN
    from archivist.store import ArticleFilter
    from PySide6.QtCore import Qt
    if window.model.rowCount() > 1000:
        bar, table = window.search_bar, window.table
        for q in ("青", "青岛", "国际友城", "青島"):
            timed(f"search {q}", lambda q=q: bar.set_query(q, now=True))
        timed("clear search", lambda: bar.set_query("", now=True))
        for key in ("headline", "date", "source", "status", "paper", "page", "section"):
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                arrow = "asc" if order == Qt.SortOrder.AscendingOrder else "desc"
                timed(f"sort {key} {arrow}", lambda key=key, order=order: table.sortByColumn(COLUMN[key], order))
        table.sortByColumn(COLUMN["date"], Qt.SortOrder.DescendingOrder)
        window.model.wait()
        timed("filter reviewed", lambda: window.model.set_filter(ArticleFilter(status="reviewed")))
        timed("filter 2024", lambda: window.model.set_filter(ArticleFilter(date_from="2024-01-01",
                                                                            date_to="2024-12-31")))
        timed("filter none", lambda: window.model.set_filter(ArticleFilter()))
        timed("jump to the end", lambda: window.table.scrollToBottom())
        timed("select a row", lambda: window.table.selectRow(window.model.rowCount() - 1))
    window.close()
    QApplication.quit()

QTimer.singleShot(0, responsive)
QApplication.instance().exec()
out.setdefault("rows", None)
print("RESULT " + json.dumps(out))
"""


def measure(folder: Path, check: bool = True) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as settings:
        t0 = time.time()
        proc = subprocess.run([sys.executable, "-c", CHILD, repr(t0), str(folder), settings,
                               *([] if check else ["nocheck"])], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=1800)
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")), None)
    if line is None:
        raise SystemExit(f"gui_bench: the app did not report:\n{proc.stdout}\n{proc.stderr}")
    return json.loads(line[len("RESULT "):])


def ensure_big(folder: Path) -> None:
    if (folder / "library.sqlite").exists():
        return
    print(f"building the 100k library in {folder} (once, ~5 min)…", file=sys.stderr)
    sys.path.insert(0, str(ROOT / "bench"))
    import search_bench  # noqa: PLC0415

    tmp = folder.with_name(folder.name + ".tmp")
    search_bench.build_library(tmp, 100_000, 10, 7)
    tmp.rename(folder)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--big", type=Path, default=DEFAULT_BIG, help="the 100k-article library (built if missing)")
    ap.add_argument("--runs", type=int, default=3, help="starts per library; the median is printed")
    ap.add_argument("--big-only", action="store_true", help="only the big library (a 1M one: skip the others)")
    opts = ap.parse_args()
    ensure_big(opts.big)
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty"
        from archivist.store import Library  # noqa: PLC0415

        Library.open(empty, create=True).close()
        print(f"{'library':<22}{'articles':>9}{'shown s':>10}{'rows s':>9}{'rows after shown':>18}  jieba at start")
        firsts = {}
        libs = [("empty", empty, True), ("big, no open check", opts.big, False), ("big", opts.big, True)]
        for name, folder, check in libs[2:] if opts.big_only else libs:
            # Interleaved with its baseline's runs would be fairer still; in this order the
            # page cache is warm for both (the baseline ran first).
            runs = [measure(folder, check) for _ in range(opts.runs)]
            shown = statistics.median(r["shown"] for r in runs)
            rows = [r["rows"] for r in runs if r["rows"] is not None]
            rows_s = statistics.median(rows) if rows else None  # the first paint with rows
            after = f"{rows_s - shown:+.3f}" if rows_s is not None else "—"
            print(f"{name:<22}{runs[0]['articles']:>9,}{shown:>10.3f}{(rows_s or 0):>9.3f}{after:>18}  "
                  f"{'LOADED' if any(r['jieba'] for r in runs) else 'no'}")
            firsts[name] = rows_s
        base, checked = firsts.get("big, no open check"), firsts["big"]
        if base and checked:
            size = (opts.big / "library.sqlite").stat().st_size / 1e6
            print(f"quick_check at open ({size:.0f} MB): first rows {checked - base:+.3f} s, {checked / base:.2f}x the"
                  " start without it")
        print("\nOn the big library (median of runs): first page of results, whole listing, longest GUI stall")
        for key in runs[0].get("actions", {}):
            first = statistics.median(r["actions"][key]["first_page_ms"] for r in runs)
            res = statistics.median(r["actions"][key]["results_ms"] for r in runs)
            stall = statistics.median(r["actions"][key]["gui_blocked_ms"] for r in runs)
            print(f"  {key:<22}{first:8.0f} ms first page{res:8.0f} ms all listed{stall:8.0f} ms longest stall")
    print("\ngoals: shown ≤ 1.0 s from process start; first rows ≤ 0.3 s; jieba not loaded at start")
    return 0


if __name__ == "__main__":
    sys.exit(main())
