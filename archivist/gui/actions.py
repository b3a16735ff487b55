"""Menus, toolbar and what their actions do, for the MainWindow.

Every change to the library goes on the window's undo stack (archivist.gui.undo); the
import runs as a Job on the writer's thread behind the progress dialog.
"""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QToolBar

from archivist import ingest
from archivist.gui import bundle_actions, undo
from archivist.gui.dialogs import libraries
from archivist.gui.dialogs.check_dialog import CheckDialog, refused_read_only
from archivist.gui.dialogs.help import GuideDialog, ShortcutsDialog
from archivist.gui.dialogs.import_options import ask_paper
from archivist.gui.dialogs.importdialog import ImportDialog
from archivist.gui.dialogs.preferences import PreferencesDialog
from archivist.gui.resources import icon
from archivist.gui.widgets.tagtree import TAG, TRASH
from archivist.store import ArticleFilter


def tr(text: str) -> str:
    return QCoreApplication.translate("actions", text)


def toolbar_text(text: str) -> str:
    """A menu text as a toolbar label: without its mnemonic, whether "&Import" or the
    Chinese "导入文件(&I)", and without "…" (Qt strips only the first form)."""
    return re.sub(r"\s*\(&\w\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…. ")


def _action(window, name: str, text: str, slot, shortcut=None, icon_name: str | None = None) -> QAction:
    act = QAction(text, window)
    act.setObjectName(name)
    if shortcut is not None:
        act.setShortcuts(QKeySequence.keyBindings(shortcut) if isinstance(shortcut, QKeySequence.StandardKey)
                         else [QKeySequence(shortcut)])
    if icon_name:
        act.setIcon(icon(icon_name))
    act.triggered.connect(lambda _checked=False: slot())
    window.actions_by_name[name] = act
    return act


def build(w) -> None:
    w.actions_by_name = {}
    sk = QKeySequence.StandardKey
    a = lambda *args, **kw: _action(w, *args, **kw)  # noqa: E731
    file_menu = w.menuBar().addMenu(tr("&File"))
    file_menu.addAction(a("newLibrary", tr("&New Library…"), lambda: open_library_dialog(w, new=True), sk.New))
    file_menu.addAction(a("openLibrary", tr("&Open Library…"), lambda: open_library_dialog(w, new=False), sk.Open,
                          "library"))
    w.recent_menu = file_menu.addMenu(tr("Recent Libraries"))
    file_menu.addSeparator()
    file_menu.addAction(a("importFiles", tr("&Import Files…"), lambda: import_files_dialog(w), "Ctrl+I", "import"))
    file_menu.addAction(a("importFolder", tr("Import &Folder…"), lambda: import_folder_dialog(w), "Ctrl+Shift+I"))
    bundle_actions.add_file_actions(w, file_menu, a)
    file_menu.addSeparator()
    file_menu.addAction(a("preferences", tr("&Preferences…"), lambda: preferences_dialog(w), sk.Preferences))
    file_menu.addSeparator()
    file_menu.addAction(a("quit", tr("&Quit"), w.close, sk.Quit))

    edit_menu = w.menuBar().addMenu(tr("&Edit"))
    undo_action = w.undo_stack.createUndoAction(w, tr("&Undo"))
    undo_action.setObjectName("undo")
    undo_action.setShortcuts(QKeySequence.keyBindings(sk.Undo))
    undo_action.setIcon(icon("undo"))
    redo_action = w.undo_stack.createRedoAction(w, tr("&Redo"))
    redo_action.setObjectName("redo")
    redo_action.setShortcuts(QKeySequence.keyBindings(sk.Redo))
    redo_action.setIcon(icon("redo"))
    w.actions_by_name.update(undo=undo_action, redo=redo_action)
    edit_menu.addAction(undo_action)
    edit_menu.addAction(redo_action)
    edit_menu.addSeparator()
    edit_menu.addAction(a("find", tr("&Find"), lambda: (w.search_bar.query_edit.setFocus(),
                                                        w.search_bar.query_edit.selectAll()), sk.Find))
    edit_menu.addAction(a("addTag", tr("Add &Tag…"), lambda: add_tag_dialog(w), "Ctrl+T", "tag"))
    edit_menu.addAction(a("markReviewed", tr("Mar&k Reviewed"), lambda: set_status(w, "reviewed"), "Ctrl+R",
                          "reviewed"))
    edit_menu.addAction(a("markNew", tr("Mark &New"), lambda: set_status(w, "new"), "Ctrl+Shift+R"))
    edit_menu.addSeparator()
    edit_menu.addAction(a("trash", tr("&Move to Trash"), lambda: trash_selected(w), sk.Delete, "trash"))
    edit_menu.addAction(a("restore", tr("R&estore from Trash"), lambda: restore_selected(w), "Ctrl+Alt+R",
                          "restore"))
    edit_menu.addAction(a("emptyTrash", tr("Empty Trash…"), lambda: empty_trash(w)))
    bundle_actions.add_edit_actions(w, edit_menu, a)

    view_menu = w.menuBar().addMenu(tr("&View"))
    view_menu.addAction(a("splitEditor", tr("Page &Split Editor"), w.show_split_editor, "Ctrl+E", "split"))
    view_menu.addAction(a("showLibrary", tr("&All Articles"), lambda: w.sidebar.select_scope("all"), "Ctrl+1"))
    view_menu.addAction(a("showTrash", tr("T&rash"), lambda: w.sidebar.select_scope(TRASH), "Ctrl+2"))
    view_menu.addSeparator()
    group = a("groupDuplicates", tr("&Group Near-Duplicates"), lambda: w.model.set_group_duplicates(group.isChecked()))
    group.setCheckable(True)
    group.setChecked(True)
    view_menu.addAction(group)
    tools_menu = w.menuBar().addMenu(tr("&Tools"))
    tools_menu.addAction(a("checkLibrary", tr("&Check Library…"), lambda: check_library(w)))
    w.damage_bar.checkClicked.connect(lambda: check_library(w))
    help_menu = w.menuBar().addMenu(tr("&Help"))
    help_menu.addAction(a("userGuide", tr("&User Guide"), lambda: show_help(w, GuideDialog), sk.HelpContents))
    help_menu.addAction(a("keyboardShortcuts", tr("&Keyboard Shortcuts"), lambda: show_help(w, ShortcutsDialog),
                          "Ctrl+/"))
    help_menu.addSeparator()
    help_menu.addAction(a("about", tr("&About archivist"), lambda: about(w)))

    bar = QToolBar(tr("Main toolbar"), w)
    bar.setObjectName("mainToolbar")
    bar.setIconSize(QSize(20, 20))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for name in ("importFiles", "undo", "redo", None, "addTag", "markReviewed", "trash", "restore", None,
                 "splitEditor"):
        if name is None:
            bar.addSeparator()
        else:
            act = w.actions_by_name[name]
            act.setIconText(toolbar_text(act.text()))
            bar.addAction(act)
    w.addToolBar(bar)

    w.trash_bar.restoreClicked.connect(lambda: restore_selected(w))
    w.trash_bar.emptyClicked.connect(lambda: empty_trash(w))
    w.sidebar.articlesDropped.connect(lambda kind, path, ids: dropped_on_sidebar(w, kind, path, ids))
    w.sidebar.renameRequested.connect(lambda path: rename_tag_dialog(w, path))
    w.sidebar.mergeRequested.connect(lambda path: merge_tag_dialog(w, path))
    w.sidebar.deleteRequested.connect(lambda path: delete_tag(w, path))
    fill_recent_menu(w)
    update_enabled(w, [])
    bundle_actions.library_opened(w)


def fill_recent_menu(w) -> None:
    w.recent_menu.clear()
    for folder in w.recent_libraries():
        act = w.recent_menu.addAction(folder)
        act.triggered.connect(lambda _c=False, f=folder: w.open_library(f, create=False))
    w.recent_menu.setEnabled(bool(w.recent_libraries()))


def update_enabled(w, ids: list[int]) -> None:
    in_trash = w.in_trash()
    names = w.actions_by_name
    for name in ("addTag", "markReviewed", "markNew"):
        names[name].setEnabled(bool(ids) and not in_trash)
    names["trash"].setEnabled(bool(ids) and not in_trash)
    names["restore"].setEnabled(bool(ids) and in_trash)
    names["splitEditor"].setEnabled(len(ids) == 1 and not in_trash)


# ---- undoable changes ------------------------------------------------------------------------
def _push(w, command_class, *args, **kw) -> bool:
    """Build, do and record one command; report a failure instead of recording it."""
    if w.writer is None:
        return False
    try:
        undo.push_done(w.undo_stack, command_class(w.writer, w.on_library_changed, *args, **kw))
    except Exception as exc:  # noqa: BLE001 - LibraryBusy, a bad tag name: tell the user
        QMessageBox.warning(w, tr("Could not do that"), str(exc))
        return False
    return True


def tag_articles(w, ids: list[int], tag: str) -> bool:
    return bool(ids) and _push(w, undo.TagCommand, ids, tag, add=True)


def add_tag_dialog(w) -> None:
    ids = w.action_ids()
    if not ids:
        return
    tag, ok = QInputDialog.getItem(w, tr("Add Tag"), tr("Tag (use / for levels, e.g. 地区/青岛):"),
                                   w.reader.all_tags(), 0, True)
    if ok and tag.strip():
        tag_articles(w, ids, tag.strip())


def set_status(w, status: str) -> None:
    ids = w.action_ids()
    if ids:
        text = tr("Mark %1 article(s) reviewed") if status == "reviewed" else tr("Mark %1 article(s) new")
        _push(w, undo.StatusCommand, ids, status, text=text)


def trash_selected(w) -> None:
    ids, shown = w.action_ids(), w.selected_ids()
    if ids and not w.in_trash():
        # The selection moves on to the row after the last one trashed, as in a mail client.
        rows = [w.model.row_of(i) for i in shown]
        after = [w.model.id_at(r) for r in range(max(rows) + 1, w.model.rowCount())][:1]
        before = [w.model.id_at(r) for r in range(min(rows) - 1, -1, -1) if w.model.id_at(r) not in ids][:1]
        w.select_when_listed(after or before)
        _push(w, undo.TrashCommand, ids)


def restore_selected(w) -> None:
    ids = w.action_ids()
    if ids and w.in_trash():
        _push(w, undo.TrashCommand, ids, restore=True)


def empty_trash(w) -> None:
    n = w.reader.count(ArticleFilter(trashed=True))
    if not n or refused_read_only(w):
        return
    answer = QMessageBox.question(w, tr("Empty Trash"), tr("Delete the %1 article(s) in the trash for good? "
                                                           "This cannot be undone.").replace("%1", str(n)))
    if answer == QMessageBox.StandardButton.Yes:
        w.writer.run_write(lambda lib: lib.purge(), tr("Empty Trash"))
        w.undo_stack.clear()  # earlier steps may name articles that no longer exist
        w.on_library_changed(None)


def dropped_on_sidebar(w, kind: str, path, ids: list[int]) -> None:
    if kind == TAG:
        tag_articles(w, ids, path)
    elif kind == TRASH and not w.in_trash():
        _push(w, undo.TrashCommand, ids)


def rename_tag_dialog(w, path: str) -> None:
    new, ok = QInputDialog.getText(w, tr("Rename Tag"), tr("New name for “%1”:").replace("%1", path), text=path)
    if ok and new.strip() and new.strip() != path:
        _push(w, undo.TagTreeCommand, tr("Rename tag “%1” to “%2”").replace("%1", path).replace("%2", new.strip()),
              path, new.strip())


def merge_tag_dialog(w, path: str) -> None:
    others = [t for t in w.reader.all_tags() if t != path and not t.startswith(path + "/")]
    if not others:
        return
    target, ok = QInputDialog.getItem(w, tr("Merge Tag"), tr("Merge “%1” into:").replace("%1", path), others, 0, False)
    if ok and target:
        _push(w, undo.TagTreeCommand, tr("Merge tag “%1” into “%2”").replace("%1", path).replace("%2", target),
              path, target)


def delete_tag(w, path: str) -> None:
    _push(w, undo.TagTreeCommand, tr("Delete tag “%1”").replace("%1", path), path, None)


# ---- import --------------------------------------------------------------------------------------
def import_files_dialog(w) -> None:
    patterns = " ".join(f"*{s}" for s in sorted(ingest.supported_suffixes()))
    files, _ = QFileDialog.getOpenFileNames(w, tr("Import Pages"), "", tr("Pages (%1)").replace("%1", patterns))
    if files:
        _import_with_options(w, [Path(f) for f in files])


def import_folder_dialog(w) -> None:
    folder = QFileDialog.getExistingDirectory(w, tr("Import a Folder of Pages"))
    if folder:
        _import_with_options(w, [Path(folder)])


def _import_with_options(w, paths: list[Path]) -> None:
    """The Paper field first (remembered), then the import."""
    if w.writer is None or refused_read_only(w):
        return
    what = tr("Import %1").replace("%1", paths[0].name if len(paths) == 1 else tr("%1 files").replace(
        "%1", str(len(paths))))
    papers = {row[0] for row in w.reader.browse_tree()} if w.reader is not None else set()
    ok, paper = ask_paper(w, w.settings, what, papers)
    if ok:
        start_import(w, paths, paper)


def start_import(w, paths: list[Path], paper: str | None = None) -> ImportDialog | None:
    """Import on the writer's thread behind a progress dialog; the summary ends it and
    the imported articles become one undoable step. `paper`: the import dialog's field."""
    if w.writer is None or refused_read_only(w):
        return None
    paths = [Path(p) for p in paths]
    description = tr("Importing %1").replace("%1", paths[0].name if len(paths) == 1 else f"{len(paths)} items")
    job = w.writer.start_job(description, lambda lib, progress, cancelled:
                             lib.import_paths(paths, progress=progress, cancel=cancelled, paper=paper))
    dialog = ImportDialog(job, w)
    dialog.summaryShown.connect(lambda report: _imported(w, report))
    dialog.finished.connect(dialog.deleteLater)
    w.import_dialog = dialog
    dialog.show()
    return dialog


def _imported(w, report) -> None:
    if report is not None and report.article_ids:
        w.select_when_listed(report.article_ids)  # selected and scrolled to once listed
        undo.push_already_done(w.undo_stack, undo.ImportCommand(w.writer, w.on_library_changed,
                                                                report.article_ids, len(report.imported)))


def check_library(w) -> CheckDialog | None:
    """Tools → Check Library…: the full integrity check off the GUI thread, and recovery."""
    if w.writer is None:
        return None
    dialog = CheckDialog(w)
    dialog.finished.connect(dialog.deleteLater)
    w.check_dialog = dialog
    dialog.show()
    return dialog


# ---- libraries, preferences ------------------------------------------------------------------------
def open_library_dialog(w, new: bool) -> None:
    folder = libraries.choose_library(w, new)
    if folder is not None and w.open_library(folder, create=new) and new:
        w.offer_samples_if_empty()


def preferences_dialog(w) -> None:
    current = w.settings.value("ui/language", "", type=str)
    dialog = PreferencesDialog(current, w)
    if dialog.exec() and dialog.language != current:
        w.settings.setValue("ui/language", dialog.language)
        w.languageChangeRequested.emit(dialog.language)


def about_text() -> str:
    # the one version, read from the package metadata (pyproject); cli loads every command module
    from archivist.cli import version  # noqa: PLC0415

    return f"archivist {version()}\n\n" + tr(
        "archivist: import, split, clean, review, tag and search Chinese newspaper pages.")


def show_help(w, kind) -> None:
    """One guide / shortcuts window at a time, not modal: it stays open beside the work."""
    dialog = getattr(w, "help_dialogs", {}).get(kind)
    if dialog is None:
        dialog = kind(w.actions_by_name, w)
        w.help_dialogs = {**getattr(w, "help_dialogs", {}), kind: dialog}
    if dialog.isVisible():
        dialog.raise_()  # already open behind the window
    dialog.show()


def about(w) -> None:
    QMessageBox.about(w, tr("About archivist"), about_text())


def offer_samples_if_empty(w) -> None:
    """On an empty library, once per library: offer the bundled sample pages. Never in a
    review library: it holds what its bundle held, and sample pages could not be merged."""
    r = w.reader
    if r is None or r.count() or r.count(ArticleFilter(trashed=True)) or r.review_info() is not None:
        return
    key = f"libraries/offered/{r.library_id}"
    if w.settings.value(key, False, type=bool):
        return
    w.settings.setValue(key, True)
    if libraries.offer_samples(w):
        start_import(w, libraries.sample_pages())
