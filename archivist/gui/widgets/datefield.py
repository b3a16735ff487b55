"""A date filter field: type 2024-11-01, 2024/11/1, 20241101 or 2024年11月1日, or pick
from a calendar that opens at the library's dates; empty means any date.

(A QDateEdit with "any" as its special value opened its calendar at its minimum, 1800,
and took typed digits into the "any" text.)"""
from __future__ import annotations

import re

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QMenu, QToolButton, QWidget, QWidgetAction

_DATE = re.compile(r"^\s*(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))\s*$")


def parse_date(text: str) -> QDate | None:
    """The date typed, None for an empty field; an invalid QDate for anything else."""
    if not text.strip():
        return None
    m = _DATE.match(text)
    if not m:
        return QDate()
    year, month, day = int(m[1]), int(m[2] or m[4]), int(m[3] or m[5])
    return QDate(year, month, day)


class DateField(QWidget):
    dateChanged = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._date: QDate | None = None
        self._range: tuple[QDate, QDate] | None = None
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("any"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("2024-11-30") + 40)
        self.edit.editingFinished.connect(self._typed)
        self.edit.textChanged.connect(lambda text: text or self._typed())  # the clear button
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setToolTip(self.tr("Pick a date"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._open_calendar)
        self.button.setMenu(menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.edit)
        layout.addWidget(self.button)

    # ---- interface ----------------------------------------------------------------------
    def text(self) -> str | None:
        """The date as yyyy-MM-dd, None for any date."""
        return None if self._date is None else self._date.toString("yyyy-MM-dd")

    def set_range(self, first: str | None, last: str | None) -> None:
        """The library's first and last dates (yyyy-MM-dd): where the calendar opens."""
        lo, hi = (QDate.fromString(d or "", "yyyy-MM-dd") for d in (first, last))
        self._range = (lo, hi) if lo.isValid() and hi.isValid() else None

    def set_date(self, date: str | None) -> None:
        self.edit.setText(date or "")
        self._typed()

    # ---- inside -------------------------------------------------------------------------
    def _open_calendar(self) -> None:
        shown = self._date
        if shown is None and self._range:
            shown = self._range[0] if self.objectName() != "date_to" else self._range[1]
        if shown is not None:
            self.calendar.setSelectedDate(shown)
            self.calendar.setCurrentPage(shown.year(), shown.month())

    def _picked(self, date: QDate) -> None:
        self.button.menu().hide()
        self.set_date(date.toString("yyyy-MM-dd"))

    def _typed(self) -> None:
        date = parse_date(self.edit.text())
        if date is not None and not date.isValid():
            self.edit.setStyleSheet("color:#b00020")
            self.edit.setToolTip(self.tr("Not a date: type 2024-11-01, 2024/11/1 or 20241101"))
            return
        self.edit.setStyleSheet("")
        self.edit.setToolTip("")
        if date is not None:
            shown = date.toString("yyyy-MM-dd")
            if self.edit.text() != shown:
                self.edit.setText(shown)
        if date != self._date:
            self._date = date
            self.dateChanged.emit()
