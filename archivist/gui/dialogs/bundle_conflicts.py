"""Merge conflicts (File → Merge Review): the list of open conflicts, and for the one
selected the library's version (mine) beside the review's (theirs), with Take mine /
Take theirs / Save edited. Nothing is overwritten until one of those is pressed. What
differs is highlighted on both sides (by word: a run of Latin letters or digits, or one
Han character or mark), and again as theirs is edited.

The dialog reads through `library` (a read-only connection is fine) and writes only
through `resolve(conflict_id, choice)`, choice being "mine", "theirs" or an article dict,
so the main window can route it through its LibraryWriter (e.g.
`lambda cid, choice: writer.library.resolve_conflict(cid, choice)`).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from difflib import SequenceMatcher

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QPlainTextEdit, QPushButton, QSplitter, QTextEdit, QVBoxLayout, QWidget)

from archivist.bundle.conflicts import article_from_text, article_text, conflict_versions
from archivist.bundle.edition_merge import edition_from_text, edition_text

MINE_COLOUR, THEIRS_COLOUR = "#ffc9c9", "#c9f5c9"
_WORD = re.compile(r"[A-Za-z0-9]+|\s+|.", re.S)


def changed_spans(a: str, b: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(start, end) of the words of `a` and of `b` that the other does not have."""
    ta, tb = [m.span() for m in _WORD.finditer(a)], [m.span() for m in _WORD.finditer(b)]
    wa, wb = [a[s:e] for s, e in ta], [b[s:e] for s, e in tb]
    left, right = [], []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
        if tag != "equal":
            if i2 > i1:
                left.append((ta[i1][0], ta[i2 - 1][1]))
            if j2 > j1:
                right.append((tb[j1][0], tb[j2 - 1][1]))
    return left, right


def _highlight(edit: QPlainTextEdit, spans, colour: str) -> None:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(colour))
    selections = []
    for start, end in spans:
        sel = QTextEdit.ExtraSelection()
        sel.cursor = QTextCursor(edit.document())
        sel.cursor.setPosition(start)
        sel.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        sel.format = fmt
        selections.append(sel)
    edit.setExtraSelections(selections)


class BundleConflictsDialog(QDialog):
    resolved = Signal(int, int)   # conflict id, article id

    def __init__(self, library, resolve: Callable[[int, object], object], report_lines=(), parent=None):
        super().__init__(parent)
        self.setObjectName("bundleConflictsDialog")
        self.setWindowTitle(self.tr("Merge review: conflicts"))
        self.resize(960, 620)
        self.library, self._resolve = library, resolve
        self.report = QLabel("\n".join(report_lines), self)
        self.report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.list = QListWidget(self)
        self.mine = QPlainTextEdit(self)
        self.mine.setReadOnly(True)
        self.theirs = QPlainTextEdit(self)  # editable: "Save edited" stores what is here
        self.take_mine = QPushButton(self.tr("Take mine (library)"), self)
        self.take_theirs = QPushButton(self.tr("Take theirs (review)"), self)
        self.save_edited = QPushButton(self.tr("Save edited"), self)
        self.take_mine.clicked.connect(lambda: self._apply("mine"))
        self.take_theirs.clicked.connect(lambda: self._apply("theirs"))
        self.save_edited.clicked.connect(lambda: self._apply("edited"))
        self.list.currentItemChanged.connect(self._show)
        self.theirs.textChanged.connect(self._mark_differences)

        panes = QSplitter(self)
        for title, edit in ((self.tr("Mine — the library now"), self.mine),
                            (self.tr("Theirs — the review (edit here to combine)"), self.theirs)):
            box = QWidget(panes)
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.addWidget(QLabel(title, box))
            lay.addWidget(edit)
            panes.addWidget(box)
        buttons = QHBoxLayout()
        for b in (self.take_mine, self.take_theirs, self.save_edited):
            buttons.addWidget(b)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.report)
        body = QSplitter(self)
        body.addWidget(self.list)
        body.addWidget(panes)
        body.setStretchFactor(1, 3)
        layout.addWidget(body, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        self._conflicts = {c["id"]: c for c in self.library.conflicts()}
        self.list.clear()
        for c in self._conflicts.values():
            label = f"#{c['article_id']}  {c['headline'] or self.tr('(untitled)')}"
            if c.get("edition"):
                names = {"paper": self.tr("paper"), "date": self.tr("date"), "page": self.tr("page"),
                         "section": self.tr("section"), "edition": self.tr("edition"), "notes": self.tr("notes"),
                         "own_date": self.tr("own date")}
                label += "  — " + self.tr("edition: %1").replace("%1", ", ".join(names.get(f, f) for f in c["edition"]))
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, c["id"])
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self._show(None)

    def current_conflict(self) -> dict | None:
        item = self.list.currentItem()
        return None if item is None else self._conflicts[item.data(Qt.ItemDataRole.UserRole)]

    def _show(self, item, _previous=None) -> None:
        conflict = self.current_conflict() if item is not None else None
        for b in (self.take_mine, self.take_theirs, self.save_edited):
            b.setEnabled(conflict is not None)
        if conflict is None:
            self.mine.setPlainText(self.tr("No open conflicts."))
            self.theirs.setPlainText("")
            self.mine.setExtraSelections([])
            return
        if conflict.get("edition"):
            # The edition's clashing fields as "field: value" lines; mine as the library has them now.
            now = self.library.edition_of(conflict["article_id"])
            self._clash = {f: {**v, "mine": now.get(f)} for f, v in conflict["edition"].items()}
            self.mine.setPlainText(edition_text(self._clash, "mine"))
            self.theirs.setPlainText(edition_text(self._clash, "theirs"))
            self._mark_differences()
            return
        versions = conflict_versions(self.library, conflict)
        self._versions = versions
        self.mine.setPlainText(article_text(versions["mine"]))
        self.theirs.setPlainText(article_text(versions["theirs"]))
        self._mark_differences()

    def _mark_differences(self) -> None:
        mine, theirs = changed_spans(self.mine.toPlainText(), self.theirs.toPlainText())
        _highlight(self.mine, mine, MINE_COLOUR)
        _highlight(self.theirs, theirs, THEIRS_COLOUR)

    def _apply(self, choice: str) -> None:
        conflict = self.current_conflict()
        if conflict is None:
            return
        value = choice
        if choice == "edited" and conflict.get("edition"):
            try:
                value = edition_from_text(self._clash, self.theirs.toPlainText())
            except ValueError as exc:  # a bad date or line: said here, nothing stored
                self.report.setText(str(exc))
                return
            self._resolve(conflict["id"], value)
        else:
            if choice == "edited":
                value = article_from_text(self._versions["theirs"], self.theirs.toPlainText())
            self._resolve(conflict["id"], value)
        self.resolved.emit(conflict["id"], conflict["article_id"])
        self.reload()
