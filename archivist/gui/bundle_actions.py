"""Review bundles in the main window (README "Review bundles"): File → Export Bundle…
(Export Review… in a review library), Open Bundle…, Merge Review…, and Edit → Resolve
Conflicts…. The work is archivist.bundle's; here it only runs as Jobs behind the
progress dialog, and the window follows (open the review library, refresh, conflicts).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRunnable, QThreadPool, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from archivist import bundle
from archivist.errors import BundleError
from archivist.gui.dialogs.bundle_conflicts import BundleConflictsDialog
from archivist.gui.dialogs.export_dialog import CHANGED, EVERYTHING, SELECTION, VIEW, ExportDialog
from archivist.gui.dialogs.check_dialog import refused_read_only
from archivist.gui.dialogs.job_dialog import JobDialog
from archivist.gui.workers import Job
from archivist.store.review import article_sha256

PLAIN_WRITERS = {"markdown": bundle.export_markdown, "jsonl": bundle.export_jsonl, "csv": bundle.export_csv}
SUFFIX = {"bundle": ".zip", "markdown": "", "jsonl": ".jsonl", "csv": ".csv"}


def tr(text: str) -> str:
    return QCoreApplication.translate("bundle_actions", text)


def add_file_actions(w, menu, a) -> None:
    """Into the File menu; `a` is actions.build's action maker."""
    menu.addSeparator()
    menu.addAction(a("exportBundle", tr("&Export Bundle…"), lambda: export_dialog(w), "Ctrl+Shift+E"))
    menu.addAction(a("openBundle", tr("Open &Bundle…"), lambda: open_bundle_dialog(w)))
    menu.addAction(a("mergeReview", tr("&Merge Review…"), lambda: merge_review_dialog(w)))


def add_edit_actions(w, menu, a) -> None:
    menu.addSeparator()
    menu.addAction(a("resolveConflicts", tr("Resolve &Conflicts…"), lambda: show_conflicts(w)))


def is_review(w) -> bool:
    return w.reader is not None and w.reader.review_info() is not None


def library_opened(w) -> None:
    """After the window switched library: the export reads "Export Review…" in a review
    library (merging belongs to the desk), the window title says which review it is, and
    a conflicts dialog of the previous library goes."""
    review = w.reader.review_info() if w.reader is not None else None
    names = w.actions_by_name
    names["exportBundle"].setText(tr("&Export Review…") if review else tr("&Export Bundle…"))
    names["exportBundle"].setEnabled(w.reader is not None)
    names["mergeReview"].setEnabled(w.reader is not None and review is None)
    if review:
        w.setWindowTitle(tr("archivist — review of %1").replace("%1", review.get("bundle_name", "")))
    dialog = getattr(w, "conflicts_dialog", None)
    if dialog is not None:
        dialog.close()
    update_conflicts_action(w)


def update_conflicts_action(w) -> None:
    w.actions_by_name["resolveConflicts"].setEnabled(w.reader is not None and bool(w.reader.conflicts()))


def _busy(w) -> bool:
    """One long job at a time from these menus (the writer would queue it, but the
    window must not switch library under a running one)."""
    if w.writer is not None and w.writer.current_job is not None:
        QMessageBox.information(w, tr("Please wait"), tr("Another job is running: %1")
                                .replace("%1", w.writer.current_job.description))
        return True
    return False


def _job_dialog(w, job, title: str, summarize=None) -> JobDialog:
    dialog = JobDialog(job, title, summarize, w)
    dialog.failedWith.connect(lambda message: QMessageBox.warning(w, title, message))
    dialog.finished.connect(dialog.deleteLater)
    w.bundle_job_dialog = dialog
    dialog.show()
    return dialog


# ---- export ------------------------------------------------------------------------------
def export_dialog(w) -> JobDialog | None:
    if w.writer is None or _busy(w):
        return None
    selected, shown = w.selected_ids(), list(w.model.listed_ids)  # a story's folded copies too
    changed = changed_in_review(w.reader) if is_review(w) else []
    dialog = ExportDialog(len(selected), len(shown), w.reader.count(), is_review(w), w, changed=len(changed))
    try:
        if not dialog.exec():
            return None
        scope, fmt, with_sources = dialog.scope, dialog.format, dialog.with_sources.isChecked()
    finally:
        dialog.deleteLater()
    out = _choose_output(w, fmt)
    if out is None:
        return None
    ids = {SELECTION: selected, VIEW: shown, EVERYTHING: None, CHANGED: changed}[scope]
    return start_export(w, ids, out, fmt, with_sources)


def changed_in_review(reader) -> list[int]:
    """The review library's articles whose text, tags or status differ from their base."""
    out = []
    for article_id, base in reader.review_bases().items():
        state = reader.current_state(article_id)
        if state is None:
            continue
        if (article_sha256(state["article"]) != base["base_sha256"]
                or sorted(state["tags"]) != sorted(base["base_tags"]) or state["status"] != base["base_status"]):
            out.append(article_id)
    return out


def _choose_output(w, fmt: str) -> Path | None:
    review = w.reader.review_info()
    stem = (Path(review["bundle_name"]).stem + "-reviewed") if review else f"archivist-{date.today().isoformat()}"
    filters = {"bundle": tr("Bundles (*.zip)"), "markdown": "", "jsonl": tr("JSON Lines (*.jsonl)"),
               "csv": tr("CSV files (*.csv)")}
    title = tr("Export Review") if review else tr("Export Bundle")
    if fmt == "markdown":
        title = tr("Name of the new folder for the Markdown files")
    path, _ = QFileDialog.getSaveFileName(w, title, stem + SUFFIX[fmt], filters[fmt])
    if not path:
        return None
    path = Path(path)
    if SUFFIX[fmt] and path.suffix.lower() != SUFFIX[fmt]:
        path = path.with_name(path.name + SUFFIX[fmt])
    return path


def start_export(w, ids, out, fmt: str = "bundle", with_sources: bool = False) -> JobDialog:
    """Export `ids` (None: the whole library) to `out` on the writer's thread."""
    out = Path(out)

    def run(lib, progress, cancelled):
        chosen = bundle.select_ids(lib, everything=True) if ids is None else ids
        if fmt == "bundle":
            return bundle.export_bundle(lib, chosen, out, with_sources=with_sources, progress=progress,
                                        cancel=cancelled)
        return PLAIN_WRITERS[fmt](lib, chosen, out, progress=progress, cancel=cancelled)

    title = tr("Export Review") if is_review(w) else tr("Export Bundle")
    job = w.writer.start_job(tr("Exporting to %1").replace("%1", out.name), run)
    return _job_dialog(w, job, title, lambda result: _export_summary(out, result))


def _export_summary(out: Path, result) -> str:
    if isinstance(result, bundle.ExportReport):
        kind = tr("review bundle") if result.kind == "review" else tr("bundle")
        lines = [tr("Wrote %1 (%2): %3 article(s), %4 original file(s), %5 KB")
                 .replace("%1", str(result.path)).replace("%2", kind).replace("%3", str(result.articles))
                 .replace("%4", str(result.sources)).replace("%5", f"{(result.bytes + 1023) // 1024:,}")]
        if result.skipped_new:
            lines.append(tr("Left out %1 article(s) made during the review (no desk version to merge onto).")
                         .replace("%1", str(len(result.skipped_new))))
        return "\n".join(lines)
    return tr("Wrote %1: %2 article(s)").replace("%1", str(out)).replace("%2", str(result))


# ---- open a bundle as a review library -----------------------------------------------------------
class _Apart(QRunnable):
    def __init__(self, job: Job):
        super().__init__()
        self.job = job

    def run(self) -> None:
        self.job._run(None)


def start_job_apart(description: str, fn, parent) -> Job:
    """A Job that needs no open library (building a review library from a bundle), on
    Qt's global pool. Started on the next turn of the event loop, once the caller has
    connected to its signals (a queued signal nobody is connected to yet is lost)."""
    job = Job(description, fn, parent)
    job.ended.connect(job.deleteLater)
    QTimer.singleShot(0, job, lambda: QThreadPool.globalInstance().start(_Apart(job)))
    return job


def open_bundle_dialog(w) -> JobDialog | None:
    if _busy(w):
        return None
    path, _ = QFileDialog.getOpenFileName(w, tr("Open Bundle"), "", tr("Bundles (*.zip)"))
    return start_open_bundle(w, Path(path)) if path else None


def start_open_bundle(w, path) -> JobDialog:
    """open_review on a worker thread (it builds a library of its own), then the window
    opens that library as File → Open Library does."""
    path = Path(path)
    job = start_job_apart(tr("Opening %1").replace("%1", path.name),
                          lambda _lib, _progress, _cancelled: bundle.open_review(path), w)
    dialog = _job_dialog(w, job, tr("Open Bundle"))
    dialog.summaryShown.connect(lambda session: _review_ready(w, job, session))
    return dialog


def _review_ready(w, job, session) -> None:
    if session is not None and not job.cancelled:
        w.open_library(session.folder, create=False)


# ---- merge a review back ----------------------------------------------------------------------
def merge_review_dialog(w) -> JobDialog | None:
    if w.writer is None or _busy(w) or refused_read_only(w):
        return None
    path, _ = QFileDialog.getOpenFileName(w, tr("Merge Review"), "", tr("Bundles (*.zip)"))
    if not path:
        return None
    steps = w.undo_stack.count()
    if steps and QMessageBox.question(
            w, tr("Merge Review"),
            tr("Merging clears the undo history (%1 step(s)): what the merge changes is in each article's "
               "History instead. Merge now?").replace("%1", str(steps))) != QMessageBox.StandardButton.Yes:
        return None
    return start_merge(w, Path(path))


def _merge(lib, path: Path):
    read = bundle.read_bundle(path)
    if read.kind != "review":
        raise BundleError(tr("%1 is a desk export, not a review: nothing was merged. Open it with File → Open "
                             "Bundle…, review it there, then merge the review it exports.").replace("%1", path.name))
    return bundle.merge_bundle(lib, read)


def start_merge(w, path) -> JobDialog:
    path = Path(path)
    job = w.writer.start_job(tr("Merging %1").replace("%1", path.name),
                             lambda lib, _progress, _cancelled: _merge(lib, path))
    dialog = _job_dialog(w, job, tr("Merge Review"), lambda report: "\n".join(report.lines()))
    dialog.summaryShown.connect(lambda report: _merged(w, dialog, report))
    return dialog


def _merged(w, dialog, report) -> None:
    if report is None:
        return
    if not report.changed_nothing():
        # Undo steps write "the state before" as a new revision: after a merge that would
        # quietly drop what the review brought. The merge itself is in each history.
        w.undo_stack.clear()
    update_conflicts_action(w)  # the table and tag tree refresh when the writer's job ends
    if report.has_conflicts:
        dialog.accept()
        show_conflicts(w, report.lines())


# ---- conflicts --------------------------------------------------------------------------------
def show_conflicts(w, report_lines=None) -> BundleConflictsDialog | None:
    if w.reader is None:
        return None
    if report_lines is None:
        report_lines = [tr("%1 open conflict(s): compare, then take one side or save an edited version.")
                        .replace("%1", str(len(w.reader.conflicts())))]
    old = getattr(w, "conflicts_dialog", None)
    if old is not None:
        old.close()
    dialog = BundleConflictsDialog(w.reader, lambda cid, choice: _resolve(w, cid, choice), report_lines, w)
    dialog.resolved.connect(lambda _cid, article_id: (w.on_library_changed([article_id]), update_conflicts_action(w)))
    dialog.finished.connect(lambda _r: _conflicts_closed(w, dialog))
    w.conflicts_dialog = dialog
    dialog.show()
    return dialog


def _conflicts_closed(w, dialog) -> None:
    if getattr(w, "conflicts_dialog", None) is dialog:
        w.conflicts_dialog = None
    dialog.deleteLater()


def _resolve(w, conflict_id: int, choice):
    try:
        return w.writer.run_write(lambda lib: lib.resolve_conflict(conflict_id, choice),
                                  tr("Resolve conflict %1").replace("%1", str(conflict_id)))
    except Exception as exc:  # noqa: BLE001 - already resolved elsewhere, the library busy: say so
        QMessageBox.warning(w, tr("Could not resolve the conflict"), str(exc))
        return None
