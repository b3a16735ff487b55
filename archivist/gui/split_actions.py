"""The line model learning from the archivist's corrections (issue 15), in the Tools menu:
Improve Splitting… refits on the library's corrections (a Job: progress, Cancel; the fit
itself in a child process, archivist.split.refit), Reset to the Shipped Model is one undoable
step, Re-split Pages… re-splits the selected articles' pages (or every page of the papers
the library's model learned from) that nobody edited, as one undoable step."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from archivist.gui import actions
from archivist.gui.dialogs.job_dialog import JobDialog
from archivist.gui.undo import LibraryCommand, push_already_done, push_done
from archivist.store.corrections import describe_splitter


def tr(text: str) -> str:
    return QCoreApplication.translate("split_actions", text)


class ModelCommand(LibraryCommand):
    """Switch the library's line model (a refit done, or a reset); undo switches back."""

    def __init__(self, writer, notify, text: str, before: dict | None, after: dict | None):
        super().__init__(writer, notify, text)
        self.before, self.after = before, after

    def _set(self, info: dict | None) -> None:
        fields = {k: v for k, v in (info or {}).items() if k not in ("file", "path", "made_at")}
        self._write(lambda lib: lib.set_split_model(info["file"] if info else None, fields))

    def _apply(self) -> None:
        self._set(self.after)

    def _unapply(self) -> None:
        self._set(self.before)


class ResplitCommand(LibraryCommand):
    """A re-split done by a job: undo puts the pages' articles back, redo re-splits anew."""

    def __init__(self, writer, notify, report):
        super().__init__(writer, notify, tr("Re-split %1 page(s)").replace("%1", str(len(report.done))))
        self.report = report
        self.pages = [p["source_id"] for p in report.done]

    def _apply(self) -> None:
        from archivist.store.resplit import resplit  # noqa: PLC0415

        self.report = self._write(lambda lib: resplit(lib, self.pages))

    def _unapply(self) -> None:
        from archivist.store.resplit import undo_resplit  # noqa: PLC0415

        self._write(lambda lib: undo_resplit(lib, self.report))


def _busy(w) -> bool:
    if w.writer is None:
        return True
    if w.writer.current_job is not None:
        QMessageBox.information(w, tr("Please wait"), tr("Another job is running: %1")
                                .replace("%1", w.writer.current_job.description))
        return True
    return False


def _dialog(w, job, title: str, summarize) -> JobDialog:
    dialog = JobDialog(job, title, summarize, w)
    dialog.failedWith.connect(lambda message: QMessageBox.warning(w, title, message))
    dialog.finished.connect(dialog.deleteLater)
    w.split_job_dialog = dialog
    dialog.show()
    return dialog


def improve_splitting(w, iterations: int | None = None, base_limit: int | None = None) -> JobDialog | None:
    """Tools → Improve Splitting…: refit on the shipped sample and the library's corrected
    pages. Cancelled or failed, the library keeps the model it had."""
    if _busy(w):
        return None
    from archivist.split import refit  # noqa: PLC0415

    counts = w.reader.correction_count()
    if not counts["pages"]:
        QMessageBox.information(w, tr("Improve Splitting"), tr(
            "No corrected pages yet. Correct a page in the split editor (merge, split, move, change a kind) "
            "or a headline or byline in the article editor, then try again."))
        return None
    before = w.reader.split_model()

    def work(lib, progress, cancelled):
        return refit.refit(lib, progress=progress, cancel=cancelled,
                           iterations=iterations or refit.ITERATIONS, base_limit=base_limit)

    title = tr("Improve Splitting")
    job = w.writer.start_job(tr("Learning from %1 corrected page(s)").replace("%1", str(counts["pages"])), work)

    def done(path) -> None:
        after = w.reader.split_model()
        push_already_done(w.undo_stack, ModelCommand(w.writer, w.on_library_changed,
                                                     tr("Improve splitting"), before, after))

    job.finished.connect(done)
    return _dialog(w, job, title, lambda path: tr("This library now splits pages of %1 with its own model: %2")
                   .replace("%1", ", ".join(p or tr("(no paper)") for p in (w.reader.split_model() or {})
                                            .get("papers", []))).replace("%2", path.name))


def reset_model(w) -> None:
    """Tools → Reset to the Shipped Model: one undoable step; the library's files stay."""
    if _busy(w) or w.reader.split_model() is None:
        return
    push_done(w.undo_stack, ModelCommand(w.writer, w.on_library_changed, tr("Reset to the shipped model"),
                                         w.reader.split_model(), None))


def resplit_pages(w) -> JobDialog | None:
    """Tools → Re-split Pages…: the selected articles' pages, or every page of the papers
    the library's model learned from; hand-edited ones are left alone and listed."""
    if _busy(w):
        return None
    ids = w.selected_ids()
    if ids:
        pages = sorted({r["source_id"] for r in w.reader.rows(ids)})
    else:
        papers = (w.reader.split_model() or {"papers": []})["papers"]
        pages = [s["id"] for s in w.reader.source_list() if (w.reader.page_paper(s["id"]) or "") in papers]
    if not pages:
        QMessageBox.information(w, tr("Re-split Pages"), tr("Select the articles whose pages to re-split."))
        return None
    if QMessageBox.question(w, tr("Re-split Pages"), tr(
            "Re-split %1 page(s) with the line model? Pages with articles edited by hand are left alone; "
            "the re-split can be undone.").replace("%1", str(len(pages)))) != QMessageBox.StandardButton.Yes:
        return None
    return start_resplit(w, pages)


def start_resplit(w, pages: list[int]) -> JobDialog:
    job = w.writer.start_job(tr("Re-splitting %1 page(s)").replace("%1", str(len(pages))),
                             lambda lib, progress, cancelled: run_resplit_job(lib, pages, progress, cancelled))

    def done(report) -> None:
        if report.done:
            push_already_done(w.undo_stack, ResplitCommand(w.writer, w.on_library_changed, report))
        w.on_library_changed(None)

    job.finished.connect(done)
    return _dialog(w, job, tr("Re-split Pages"), summarize_resplit)


def run_resplit_job(lib, pages, progress, cancelled):
    from archivist.store.resplit import run_resplit  # noqa: PLC0415

    report = run_resplit(lib, pages, progress, cancelled)
    if report.cancelled:
        raise RuntimeError(tr("nothing was re-split"))
    return report


def summarize_resplit(report) -> str:
    lines = [tr("Re-split %1 page(s).").replace("%1", str(len(report.done)))]
    lines += [tr("Page %1 with %2").replace("%1", str(p["source_id"])).replace("%2", describe_splitter(p["now"]))
              for p in report.done[:20]]
    if report.left_alone:
        lines.append(tr("Left alone (articles edited by hand):"))
        lines += [f"{p['filename']}: " + ", ".join(f"#{i}" for i in p["articles"]) for p in report.left_alone]
    return "\n".join(lines)


def install(w) -> None:
    """Into the Tools menu, after Check Library…."""
    tools = next((a.menu() for a in w.menuBar().actions() if a.menu() is not None
                  and a.menu().title() == actions.tr("&Tools")), None)
    if tools is None:
        return
    tools.addSeparator()
    for name, text, fn in (("improveSplitting", tr("&Improve Splitting…"), lambda: improve_splitting(w)),
                           ("resetSplitModel", tr("Reset to the &Shipped Model"), lambda: reset_model(w)),
                           ("resplitPages", tr("&Re-split Pages…"), lambda: resplit_pages(w))):
        action = tools.addAction(text, fn)
        action.setObjectName(name)
        w.actions_by_name[name] = action
