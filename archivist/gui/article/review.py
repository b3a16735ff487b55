"""The Review tab: the article as first split beside the cleaned article, every automatic
fix coloured by its rule family in both, and the list of fixes to revert or re-apply one
by one."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter,
                               QTableWidget, QTableWidgetItem, QTextBrowser, QVBoxLayout, QWidget)

from archivist.gui.article.reasons import reason_text
from archivist.gui.article.render import FAMILY_COLOURS, article_html, family_colour, fix_marks
from archivist.split.edit_ops import before_cleaning

FAMILY_NAMES = {"dedupe": "重复 dedupe", "rejoin": "断段 rejoin", "artifact": "杂字 artifact",
                "punct": "标点 punct", "names": "人名 names"}


SHOWN_CHARS = 24


def _shown(text: str) -> str:
    text = (text or "").replace("\n\n", "¶") or "∅"
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "…"


class ReviewView(QWidget):
    revertRequested = Signal(int)
    reapplyRequested = Signal(int)
    acceptAllRequested = Signal()
    markReviewedRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._article: dict = {}
        self._raw: dict = {}
        legend = QHBoxLayout()
        for fam, colour in FAMILY_COLOURS.items():
            chip = QLabel(FAMILY_NAMES.get(fam, fam))
            chip.setStyleSheet(f"background:{colour};padding:2px 6px;border-radius:3px;color:#222")
            legend.addWidget(chip)
        legend.addStretch(1)
        # On a line of its own: beside the legend, its text made the tab wider (703 px) than
        # the article panel is at 1600 px, and the panel scrolled sideways.
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.raw_view = QTextBrowser()
        self.raw_view.setObjectName("review_raw")
        self.clean_view = QTextBrowser()
        self.clean_view.setObjectName("review_clean")
        texts = QSplitter(Qt.Orientation.Horizontal)
        for title, view in ((self.tr("As split, before cleaning"), self.raw_view), (self.tr("Cleaned (current)"), self.clean_view)):
            box = QWidget()
            col = QVBoxLayout(box)
            col.setContentsMargins(0, 0, 0, 0)
            col.addWidget(QLabel(f"<b>{title}</b>"))
            col.addWidget(view)
            texts.addWidget(box)

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("fix_table")
        self.table.setHorizontalHeaderLabels(["#", self.tr("Rule"), self.tr("Before → after"), self.tr("Reason"), self.tr("State")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.cellDoubleClicked.connect(lambda row, _col: self._toggle(row))

        self.revert_button = QPushButton(self.tr("Revert fix"))
        self.revert_button.setObjectName("revert_fix")
        self.revert_button.clicked.connect(lambda: self.revertRequested.emit(self.selected_fix()))
        self.reapply_button = QPushButton(self.tr("Re-apply fix"))
        self.reapply_button.setObjectName("reapply_fix")
        self.reapply_button.clicked.connect(lambda: self.reapplyRequested.emit(self.selected_fix()))
        accept = QPushButton(self.tr("Accept all"))
        accept.setToolTip(self.tr("Keep every automatic fix (re-apply the reverted ones) and mark the article reviewed"))
        accept.clicked.connect(self.acceptAllRequested)
        reviewed = QPushButton(self.tr("Mark reviewed"))
        reviewed.setToolTip(self.tr("Mark the article reviewed, keeping the fixes as they are now"))
        reviewed.clicked.connect(self.markReviewedRequested)
        buttons = QHBoxLayout()
        for b in (self.revert_button, self.reapply_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(accept)
        buttons.addWidget(reviewed)

        bottom = QWidget()
        low = QVBoxLayout(bottom)
        low.setContentsMargins(0, 0, 0, 0)
        low.addWidget(self.table)
        low.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(texts)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(legend)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)
        self._update_buttons()

    def load(self, article: dict) -> None:
        keep = self.selected_fix()
        self._article = article
        self._raw = before_cleaning(article)
        fixes = article.get("fixes") or []
        self.table.blockSignals(True)
        self.table.setRowCount(len(fixes))
        for row, f in enumerate(fixes):
            cells = [str(row), f.get("rule", ""), f"{_shown(f.get('before'))} → {_shown(f.get('after'))}",
                     reason_text(f.get("reason", "")), self.tr("reverted") if f.get("reverted") else self.tr("applied")]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setToolTip(f"{f.get('before') or '∅'}\n→\n{f.get('after') or '∅'}")
                if col == 1:
                    item.setBackground(QColor(family_colour(f.get("rule", ""))))
                self.table.setItem(row, col, item)
        if 0 <= keep < len(fixes):
            self.table.selectRow(keep)
        self.table.blockSignals(False)
        applied = sum(not f.get("reverted") for f in fixes)
        status = article.get("status", "new")
        status = {"new": self.tr("new"), "reviewed": self.tr("reviewed")}.get(status, status)
        self.status.setText(self.tr("%1 fixes, %2 applied · status: %3").replace("%1", str(len(fixes)))
                            .replace("%2", str(applied)).replace("%3", status))
        self._render()
        self._update_buttons()

    def selected_fix(self) -> int:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].row() if rows else -1

    def select_fix(self, k: int) -> None:
        self.table.selectRow(k)

    def _selection_changed(self) -> None:
        self._render()
        self._update_buttons()
        k = self.selected_fix()
        if k >= 0:
            self.raw_view.scrollToAnchor(f"fix{k}")
            self.clean_view.scrollToAnchor(f"fix{k}")

    def _render(self) -> None:
        k = self.selected_fix()
        selected = k if k >= 0 else None
        for view, article, raw in ((self.raw_view, self._raw, True), (self.clean_view, self._article, False)):
            bar = view.verticalScrollBar()
            pos = bar.value()
            marks, gaps = fix_marks(article, selected, raw=raw)
            view.setHtml(article_html(article, marks, gaps))
            bar.setValue(pos)

    def _update_buttons(self) -> None:
        k = self.selected_fix()
        fixes = self._article.get("fixes") or []
        reverted = 0 <= k < len(fixes) and bool(fixes[k].get("reverted"))
        self.revert_button.setEnabled(0 <= k < len(fixes) and not reverted)
        self.reapply_button.setEnabled(reverted)

    def _toggle(self, row: int) -> None:
        fixes = self._article.get("fixes") or []
        if 0 <= row < len(fixes):
            (self.reapplyRequested if fixes[row].get("reverted") else self.revertRequested).emit(row)

