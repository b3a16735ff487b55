"""The main window: tag sidebar | search bar + library table | article panel / split editor.

The window owns one library at a time: a LibraryWriter (the one writer) and a read-only
connection for every view. Menus, toolbar and their handlers are in actions.py.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, QSettings, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QMainWindow, QMessageBox,
                               QScrollArea, QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget)

from archivist.gui import actions, bundle_actions, edition_actions, opening, split_actions, window_state
from archivist.gui.dialogs import check_dialog
from archivist.gui.models import COLUMN, ArticleTableModel
from archivist.gui.undo import make_undo_stack
from archivist.gui.widgets.browsetree import BrowseTree
from archivist.gui.widgets.columns import ColumnChooser
from archivist.gui.widgets.damagebar import DamageBar
from archivist.gui.widgets.highlight import HighlightDelegate
from archivist.gui.widgets.searchbar import SearchBar
from archivist.gui.widgets.statusbar import LibraryStatusBar
from archivist.gui.widgets.tagtree import TAG, TRASH, TagSidebar
from archivist.gui.widgets.trashbar import TrashBar
from archivist.gui.workers import LibraryWriter
from archivist.store import ArticleFilter, Library, reindex

RECENT_MAX = 8


class ArticleTable(QTableView):
    """The library table. Select All (Ctrl+A) waits for a listing still arriving, so
    that it selects every article of the view, not the rows listed so far."""

    def selectAll(self) -> None:  # noqa: N802 (Qt's name)
        model = self.model()
        if getattr(model, "loading", False):
            model.wait()
        super().selectAll()


def _scrollable(widget: QWidget) -> QScrollArea:
    """The panels may ask for more width than a small window has: scroll, never clip."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


class MainWindow(QMainWindow):
    languageChangeRequested = Signal(str)

    def __init__(self, settings: QSettings | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings or QSettings()
        self.writer: LibraryWriter | None = None
        self.reader: Library | None = None
        self.undo_stack = make_undo_stack(self)
        self.setAcceptDrops(True)  # files and folders dropped anywhere are imported
        self._build_views()
        actions.build(self)
        edition_actions.install(self)
        split_actions.install(self)
        window_state.restore(self)
        self._update_title()

    # ---- layout ---------------------------------------------------------------------------
    def _build_views(self) -> None:
        self.sidebar = TagSidebar(self)
        self.search_bar = SearchBar(self)
        self.trash_bar = TrashBar(self)
        self.trash_bar.hide()
        self.damage_bar = DamageBar(self)
        self.model = ArticleTableModel(self)
        labels = {
            "headline": self.tr("Headline"), "source": self.tr("Source"), "date": self.tr("Date"),
            "tags": self.tr("Tags"), "status": self.tr("Status"), "duplicate": self.tr("Duplicate"),
            "snippet": self.tr("Match"), "paper": self.tr("Paper"), "page": self.tr("Page"),
            "section": self.tr("Section")}
        self.model.set_headers({**labels, "status:new": self.tr("new"), "status:reviewed": self.tr("reviewed"),
                                "copies": self.tr("%1 copies"), "original": self.tr("original")})
        self.table = ArticleTable(self)
        self.table.setObjectName("articleTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setItemDelegate(HighlightDelegate(self.table))
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform rows: no per-row sizing of 100k rows
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSortIndicator(COLUMN["date"], Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self._sort)
        self.columns = ColumnChooser(self.table, self.settings, labels)
        # A story's "▸ N copies" cell opens (and closes) its near-duplicates under it.
        self.table.clicked.connect(lambda index: index.column() == COLUMN["duplicate"]
                                   and self.model.toggle_group(index.row()))

        left = QWidget(self)
        box = QVBoxLayout(left)
        box.setContentsMargins(4, 4, 4, 0)
        box.addWidget(self.damage_bar)
        box.addWidget(self.search_bar)
        box.addWidget(self.trash_bar)
        box.addWidget(self.table, 1)
        left.setMinimumWidth(360)  # dragged too far, the splitter stops here instead of hiding the table

        self.article_panel, self.split_editor = self._article_widgets()
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("articleTabs")
        self.tabs.addTab(_scrollable(self.article_panel), self.tr("Article"))
        self.tabs.addTab(_scrollable(self.split_editor), self.tr("Page split"))

        self.content_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.content_splitter.setObjectName("contentSplitter")
        self.content_splitter.addWidget(left)
        self.content_splitter.addWidget(self.tabs)
        self.content_splitter.setStretchFactor(0, 3)
        self.content_splitter.setStretchFactor(1, 2)
        self.content_splitter.setChildrenCollapsible(False)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("mainSplitter")
        self.browse_tree = BrowseTree(self)
        self.side_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.side_splitter.setObjectName("sideSplitter")
        self.side_splitter.addWidget(self.sidebar)
        self.side_splitter.addWidget(self.browse_tree)
        self.main_splitter.addWidget(self.side_splitter)
        self.main_splitter.addWidget(self.content_splitter)
        self.main_splitter.setStretchFactor(1, 1)
        self.sidebar.setMinimumWidth(150)
        self.main_splitter.setSizes([210, 1190])
        self.content_splitter.setSizes([760, 630])
        self.setCentralWidget(self.main_splitter)
        self.status = LibraryStatusBar(self)
        self.setStatusBar(self.status)

        self.search_bar.filterChanged.connect(self.apply_filter)
        self.search_bar.query_edit.returnPressed.connect(self.search_bar.flush)
        self.sidebar.scopeChanged.connect(self._scope_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        self.model.idsListed.connect(self._ids_listed)

    def _article_widgets(self):
        """Part B's panels when present; placeholders otherwise, so the window works alone."""
        try:
            from archivist.gui.article import ArticlePanel, SplitEditor  # noqa: PLC0415
        except ImportError:
            make = lambda text: QLabel(text, self)  # noqa: E731
            return make(self.tr("The article view is not installed.")), make(self.tr("The split editor is not installed."))
        panel, editor = ArticlePanel(self), SplitEditor(self)
        panel.articleChanged.connect(lambda article_id: self.on_library_changed([article_id]))
        editor.sourceChanged.connect(lambda _source_id: self.on_library_changed(None))
        return panel, editor

    # ---- the library -------------------------------------------------------------------------
    def open_library(self, folder, create: bool = True) -> bool:
        """Open (or create) the library in `folder`; on failure the current one stays."""
        folder = Path(folder)
        if not self.confirm_leave_article():
            return False
        try:
            library = opening.open_library(self, folder, create=create)  # an upgrade shows progress
            reader = library.reader()
        except reindex.ReindexCancelled:
            QMessageBox.information(self, self.tr("Opening stopped"), self.tr(
                "The search index was being updated; it goes on from where it stopped the next time "
                "this library is opened.") + f"\n\n{folder}")
            return False
        except Exception as exc:  # noqa: BLE001 - LibraryBusy, LibraryTooNew, a folder we cannot write
            QMessageBox.critical(self, self.tr("Cannot open the library"), f"{folder}\n\n{exc}")
            return False
        self.close_library()
        self.writer = LibraryWriter(library, self)
        self.writer.jobStarted.connect(self._job_started)
        self.writer.jobEnded.connect(self._job_ended)
        check_dialog.check_at_open(self)  # quick_check after the window shows; damage is said then
        self.reader = reader
        self.undo_stack.clear()
        for panel in (self.article_panel, self.split_editor):
            if hasattr(panel, "set_context"):
                panel.set_context(reader, self.undo_stack, self.run_write)
        self._remember_library(folder, review=reader.review_info() is not None)
        self.refresh_side()
        self.model.set_filter(self.current_filter())   # no library yet: nothing listed twice
        self.columns.set_searching(bool(self.search_bar.query))
        self.model.set_library(reader)
        self._sync_sort_indicator()
        self._update_title()
        bundle_actions.library_opened(self)
        return True

    def close_library(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer.deleteLater()
            self.writer = None
        if self.reader is not None:
            self.browse_tree.stop()
            self.model.set_library(None)  # waits for a listing in progress
            self.reader.close()
            self.reader = None

    def run_write(self, fn, description: str = ""):
        """The single-writer path handed to the article panels: fn(library) now, result back."""
        return self.writer.run_write(fn, description)

    @property
    def folder(self) -> Path | None:
        return self.writer.folder if self.writer else None

    def _remember_library(self, folder: Path, review: bool = False) -> None:
        """File → Recent lists every library opened; a plain `archivist` reopens the last
        one that is not a review library (a review is a passing visit: app.library_folder)."""
        recent = [str(folder)] + [f for f in self.recent_libraries() if f != str(folder)]
        self.settings.setValue("libraries/recent", recent[:RECENT_MAX])
        if not review:
            self.settings.setValue("libraries/last", str(folder))
        actions.fill_recent_menu(self)

    def recent_libraries(self) -> list[str]:
        value = self.settings.value("libraries/recent", [])
        return [value] if isinstance(value, str) else list(value or [])

    def _update_title(self) -> None:
        name = self.folder.name if self.folder else self.tr("no library")
        damaged = self.writer is not None and self.writer.library.damage
        self.setWindowTitle(f"archivist — {name}" + (self.tr(" (damaged, read-only)") if damaged else ""))

    # ---- what the table shows --------------------------------------------------------------
    def in_trash(self) -> bool:
        return self.sidebar.scope()[0] == TRASH

    def current_filter(self) -> ArticleFilter:
        return self.browse_tree.narrow(self.search_bar.article_filter(trashed=self.in_trash()))

    def apply_filter(self) -> None:
        self._keep_selected = self.selected_ids()
        self.model.set_filter(self.current_filter())
        self.columns.set_searching(bool(self.search_bar.query))
        self._sync_sort_indicator()

    def _ids_listed(self) -> None:
        """A new listing arrived (now, or from the worker thread): the selection the
        user had stays selected when its rows are still listed."""
        chosen = getattr(self, "_select_next", None)
        self.select_ids(chosen if chosen is not None else getattr(self, "_keep_selected", []))
        self._keep_selected, self._select_next = [], None
        if not self.selected_ids():
            self._selection_changed()  # the article shown is no longer listed
        self.refresh_status()

    def _sort(self, column: int, order) -> None:
        self._keep_selected = self.selected_ids()
        self.model.sort(column, order)

    def _sync_sort_indicator(self) -> None:
        header = self.table.horizontalHeader()
        column, order = self.model.sort_state
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)

    def _scope_changed(self, kind: str, path) -> None:
        self.trash_bar.setVisible(kind == TRASH)
        self.search_bar.blockSignals(True)
        self.search_bar.set_tag(path if kind == TAG else None)
        self.search_bar.blockSignals(False)
        self.apply_filter()

    def on_library_changed(self, ids=None, error: str | None = None) -> None:
        """After any write: re-read the rows that changed, or the whole listing."""
        if error:
            QMessageBox.warning(self, self.tr("Could not do that"), error)
        if self.reader is None:
            return
        if ids is not None and all(self.model.row_of(i) is not None for i in ids) and not self._membership_may_change():
            self.model.refresh_ids(ids)
        else:
            self._keep_selected = self.selected_ids()
            self.model.reload()
        self.refresh_side()
        self.refresh_status()
        self._selection_changed()

    def _membership_may_change(self) -> bool:
        flt = self.model.article_filter
        return bool(flt.tags or flt.status or flt.query or flt.paper is not None or flt.date_from or flt.date_to)

    def refresh_side(self) -> None:
        if self.reader is None:
            return
        articles = self.reader.count()
        self.sidebar.fill(self.reader.tag_tree(), articles, self.reader.count(ArticleFilter(trashed=True)))
        self.browse_tree.load(self.reader, articles)
        self.search_bar.set_choices(self.reader.all_tags(), self.reader.source_list, self.reader.date_range())

    def refresh_status(self) -> None:
        if self.reader is None:
            self.status.set_library(None)
            return
        files = [self.reader.path, self.reader.path.with_name(self.reader.path.name + "-wal")]
        stats = {"articles": self.reader.count(), "trashed": self.reader.count(ArticleFilter(trashed=True)),
                 "database_bytes": sum(p.stat().st_size for p in files if p.exists()),
                 "damaged": bool(self.writer and self.writer.library.damage)}
        self.status.set_library(stats, shown=self.model.rowCount())

    # ---- selection -------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.id_at(r) for r in rows]

    def action_ids(self) -> list[int]:
        """What Tag, Status, Trash and Restore act on: the selected rows, and under a
        collapsed near-duplicate group's row every copy folded into it."""
        return self.model.with_folded_copies(self.selected_ids())

    def select_ids(self, ids) -> None:
        rows = [r for r in (self.model.row_of(i) for i in ids) if r is not None]
        sel, selection = self.table.selectionModel(), QItemSelection()
        for row in rows:
            selection.select(self.model.index(row, 0), self.model.index(row, 0))
        # One change, one selectionChanged (not "none selected" first: that would ask to leave the edits).
        sel.select(selection, sel.SelectionFlag.ClearAndSelect | sel.SelectionFlag.Rows)
        if rows:
            self.table.scrollTo(self.model.index(rows[0], 0))

    def select_when_listed(self, ids) -> None:
        """Select these ids at the next listing (after an import, a trash), and now if shown."""
        self._select_next = list(ids)
        if all(self.model.row_of(i) is not None for i in ids):
            self.select_ids(ids)

    def confirm_leave_article(self) -> bool:
        """Unsaved edits of the article panel saved or discarded as the user says; False: Cancel."""
        return not hasattr(self.article_panel, "confirm_leave") or self.article_panel.confirm_leave()

    def _selection_changed(self, *_args) -> None:
        ids = self.selected_ids()
        shown = getattr(self.article_panel, "article_id", None)
        if not ids and shown in getattr(self, "_keep_selected", []):
            actions.update_enabled(self, ids)  # a listing on its way re-selects the article shown
            return
        if (ids[0] if len(ids) == 1 else None) != shown and not getattr(self, "_restoring", False) \
                and not self.confirm_leave_article():
            self._restoring = True  # Cancel: the article being edited stays selected
            try:
                self.select_ids([shown])
            finally:
                self._restoring = False
            return
        actions.update_enabled(self, ids)
        if hasattr(self.article_panel, "show_article"):
            self.article_panel.show_article(ids[0] if len(ids) == 1 else None, self.search_bar.query)

    def show_split_editor(self) -> None:
        ids = self.selected_ids()
        if not ids or not hasattr(self.split_editor, "show_source"):
            return
        row = self.reader.rows(ids[:1])
        if row:
            self.split_editor.show_source(row[0]["source_id"])
            self.tabs.setCurrentIndex(1)

    # ---- first start, settings, closing ---------------------------------------------------------
    def offer_samples_if_empty(self) -> None:
        actions.offer_samples_if_empty(self)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_splitters_restored", False):
            self._splitters_restored = True
            window_state.restore_splitters(self)

    def closeEvent(self, event) -> None:
        if not self.confirm_leave_article():
            event.ignore()
            return
        job = self.writer.current_job if self.writer else None
        if job is not None and not job.done:   # done: its end is only waiting to be handled
            answer = QMessageBox.question(self, self.tr("A job is running"),
                                          self.tr("%1 is running. Cancel it and quit?").replace("%1", job.description))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        window_state.save(self)
        self.close_library()
        super().closeEvent(event)

    # ---- drag and drop of files onto the window ---------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            actions.start_import(self, paths)

    # ---- jobs -------------------------------------------------------------------------------------
    def _job_started(self, job) -> None:
        self.status.set_job(job.description)
        job.progress.connect(self._job_progress)  # a bound slot: delivered queued on this thread

    def _job_progress(self, done: int, total: int, message: str) -> None:
        job = self.writer.current_job if self.writer else None
        if job is not None:
            head, sep, rest = message.partition(": ")
            if sep and head and head in job.description:
                message = rest  # "Importing scan.png: page 2 of 3", not "…scan.png: scan.png: page 2 of 3"
            self.status.set_job(f"{job.description}: {message}", done, total)

    def _job_ended(self, _job) -> None:
        self.status.set_job(None)
        self.on_library_changed(None)
