"""Search field with filters (tag, source, date range, status); results as you type.

Typing restarts a short timer; the filter is applied when typing pauses, so a fast
typist causes one query, not one per key. Traditional or Simplified input both work:
the store normalises the query (DESIGN §5).
"""
from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from archivist.gui.widgets.datefield import DateField
from archivist.store import ArticleFilter

DEBOUNCE_MS = 250


class LazyComboBox(QComboBox):
    """Fills itself when opened: listing 10k pages at start would cost the first second."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.loader = None

    def ensure_loaded(self) -> None:
        if self.loader is not None:
            loader, self.loader = self.loader, None
            loader()

    def showPopup(self) -> None:
        self.ensure_loaded()
        super().showPopup()


class SearchBar(QWidget):
    filterChanged = Signal()
    _updating = False

    def __init__(self, parent=None):
        super().__init__(parent)
        self.query_edit = QLineEdit(self)
        self.query_edit.setObjectName("searchField")
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.setPlaceholderText(self.tr("Search (Simplified or Traditional)…"))
        self.query_edit.setMinimumWidth(220)
        self.tag_combo = QComboBox(self)
        self.source_combo = LazyComboBox(self)
        self.status_combo = QComboBox(self)
        self.status_combo.addItem(self.tr("Any status"), None)
        self.status_combo.addItem(self.tr("New"), "new")
        self.status_combo.addItem(self.tr("Reviewed"), "reviewed")
        self.date_from = DateField(self)
        self.date_from.setObjectName("date_from")
        self.date_to = DateField(self)
        self.date_to.setObjectName("date_to")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.filterChanged)

        # The query on its own line, the filters under it: the bar fits a narrow window.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.query_edit)
        filters = QHBoxLayout()
        layout.addLayout(filters)
        for combo in (self.tag_combo, self.source_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        for label, widget in ((self.tr("Tag"), self.tag_combo), (self.tr("Source"), self.source_combo),
                              (self.tr("From"), self.date_from), (self.tr("To"), self.date_to),
                              (None, self.status_combo)):
            if label:
                filters.addWidget(QLabel(label, self))
            filters.addWidget(widget, 1 if widget in (self.tag_combo, self.source_combo) else 0)
        self.set_choices([], [])

        self.query_edit.textChanged.connect(self._timer.start)
        for combo in (self.tag_combo, self.source_combo, self.status_combo):
            combo.currentIndexChanged.connect(self._changed_now)
        self.date_from.dateChanged.connect(self._changed_now)
        self.date_to.dateChanged.connect(self._changed_now)

    def _changed_now(self, *_args) -> None:
        if not self._updating:
            self._timer.stop()
            self.filterChanged.emit()

    # ---- state --------------------------------------------------------------------------
    def set_choices(self, tags: list[str], sources, dates: tuple = (None, None)) -> None:
        """Refill the tag list now and the source list when it is next opened
        (`sources`: a callable returning Library.source_list()), keeping what is chosen;
        `dates`: the library's first and last date, where the calendars open."""
        self.date_from.set_range(*dates)
        self.date_to.set_range(*dates)
        self._updating = True
        try:
            tag = self.tag_combo.currentData()
            self.tag_combo.clear()
            self.tag_combo.addItem(self.tr("Any tag"), None)
            for name in tags:
                self.tag_combo.addItem(name, name)
            self.tag_combo.setCurrentIndex(max(0, self.tag_combo.findData(tag)))
            if self.source_combo.count() == 0:
                self.source_combo.addItem(self.tr("Any source"), None)
            self.source_combo.loader = (lambda: self._fill_sources(sources())) if callable(sources) else None
            if not callable(sources):
                self._fill_sources(sources)
        finally:
            self._updating = False

    def _fill_sources(self, sources: list[dict]) -> None:
        was, self._updating = self._updating, True
        try:
            source = self.source_combo.currentData()
            self.source_combo.clear()
            self.source_combo.addItem(self.tr("Any source"), None)
            for s in sources:
                self.source_combo.addItem(f"{s['filename']} ({s['articles']})", s["id"])
            self.source_combo.setCurrentIndex(max(0, self.source_combo.findData(source)))
        finally:
            self._updating = was

    def set_tag(self, tag: str | None) -> None:
        """Filter by this tag (the sidebar's click); None = any tag."""
        index = self.tag_combo.findData(tag) if tag else 0
        if index < 0:
            self.tag_combo.addItem(tag, tag)
            index = self.tag_combo.count() - 1
        self.tag_combo.setCurrentIndex(index)

    @property
    def query(self) -> str:
        return self.query_edit.text().strip()

    def set_query(self, text: str, now: bool = False) -> None:
        self.query_edit.setText(text)
        if now:
            self._timer.stop()
            self.filterChanged.emit()

    def flush(self) -> None:
        """Apply a pending query at once (Enter, or tests)."""
        if self._timer.isActive():
            self._timer.stop()
            self.filterChanged.emit()

    def article_filter(self, trashed: bool = False) -> ArticleFilter:
        tag = self.tag_combo.currentData()
        source = self.source_combo.currentData()
        return ArticleFilter(
            query=self.query or None,
            tags=[tag] if tag else [],
            source_ids=[source] if source is not None else None,
            date_from=self.date_from.text(),
            date_to=self.date_to.text(),
            status=self.status_combo.currentData(),
            trashed=trashed,
        )
