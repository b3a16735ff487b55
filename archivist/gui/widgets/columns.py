"""The library table's columns: widths that fit a 1600 px window with every column in
view (the headline takes what is left, and shares it with Match while searching), and a
header context menu to show or hide columns, remembered in the settings."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView

from archivist.gui.models import COLUMN, COLUMNS

# Narrow enough that all of them and the headline (with Match while searching) fit the
# default window's table (1600 px wide, sidebar and article panel open: 746 px): a date,
# a four-character paper, a page number, a two- to three-character section.
WIDTHS = {"source": 80, "date": 78, "paper": 68, "page": 36, "section": 50, "tags": 58, "status": 64,
          "duplicate": 60}
STRETCHED = ("headline", "snippet")
ALWAYS = ("headline",)  # a row must say what it is
SEARCH_ONLY = "snippet"
SETTING = "table/hiddenColumns"
# Until the user picks: every column shows (the header menu hides any but the headline).
DEFAULT_HIDDEN: list[str] = []
MIN_STRETCHED = 160  # below this the headline (and Match) stop shrinking: the table scrolls instead


class ColumnChooser(QObject):
    def __init__(self, table: QTableView, settings: QSettings, labels: dict[str, str]):
        super().__init__(table)
        self.table, self.settings, self.labels = table, settings, labels
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(40)
        for key, _h, _s in COLUMNS:
            if key in STRETCHED:
                header.setSectionResizeMode(COLUMN[key], QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(COLUMN[key], QHeaderView.ResizeMode.Interactive)
                header.resizeSection(COLUMN[key], WIDTHS[key])
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._menu)
        self.searching = False
        table.viewport().installEventFilter(self)
        self.apply()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        """Stretch the headline into the room left; when that would squeeze it under
        MIN_STRETCHED (a narrow table), keep it at that and let the table scroll."""
        header = self.table.horizontalHeader()
        shown = [k for k, _h, _s in COLUMNS if not self.table.isColumnHidden(COLUMN[k])]
        stretched = [k for k in shown if k in STRETCHED]
        fixed = sum(header.sectionSize(COLUMN[k]) for k in shown if k not in STRETCHED)
        # While searching, Match shares the room: 240 px for the two, at least 120 each.
        roomy = self.table.viewport().width() - fixed >= MIN_STRETCHED * (1 + (len(stretched) - 1) / 2)
        for k in stretched:
            mode = QHeaderView.ResizeMode.Stretch if roomy else QHeaderView.ResizeMode.Interactive
            if header.sectionResizeMode(COLUMN[k]) != mode:
                header.setSectionResizeMode(COLUMN[k], mode)
                if not roomy:
                    header.resizeSection(COLUMN[k], MIN_STRETCHED if k == "headline" else MIN_STRETCHED // 2)

    def hidden(self) -> set[str]:
        value = self.settings.value(SETTING, DEFAULT_HIDDEN)
        keys = [value] if isinstance(value, str) else list(value or [])
        return {k for k in keys if k in COLUMN and k not in ALWAYS}

    def set_hidden(self, key: str, hide: bool) -> None:
        keys = self.hidden() - {key} | ({key} if hide else set())
        self.settings.setValue(SETTING, sorted(keys))
        self.apply()

    def set_searching(self, searching: bool) -> None:
        self.searching = searching
        self.apply()

    def apply(self) -> None:
        hidden = self.hidden()
        for key, _h, _s in COLUMNS:
            hide = key in hidden or (key == SEARCH_ONLY and not self.searching)
            self.table.setColumnHidden(COLUMN[key], hide)
        self.fit()

    def menu(self) -> QMenu:
        menu = QMenu(self.table)
        hidden = self.hidden()
        for key, _h, _s in COLUMNS:
            if key in ALWAYS:
                continue
            act = menu.addAction(self.labels.get(key, key))
            act.setObjectName(f"column_{key}")
            act.setCheckable(True)
            act.setChecked(key not in hidden)
            act.toggled.connect(lambda on, k=key: self.set_hidden(k, not on))
        return menu

    def _menu(self, pos) -> None:
        self.menu().exec(self.table.horizontalHeader().mapToGlobal(pos))
