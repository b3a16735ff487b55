"""The library table's columns: widths that fit a 1600 px window with every column in
view (the headline takes what is left, and shares it with Match while searching), and a
header context menu to show or hide columns, remembered in the settings."""
from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView

from archivist.gui.models import COLUMN, COLUMNS

WIDTHS = {"source": 150, "date": 92, "tags": 110, "status": 72, "duplicate": 72}
STRETCHED = ("headline", "snippet")
ALWAYS = ("headline",)  # a row must say what it is
SEARCH_ONLY = "snippet"
SETTING = "table/hiddenColumns"


class ColumnChooser:
    def __init__(self, table: QTableView, settings: QSettings, labels: dict[str, str]):
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
        self.apply()

    def hidden(self) -> set[str]:
        value = self.settings.value(SETTING, [])
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
