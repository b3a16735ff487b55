"""The Edition tab of the article panel: the article's page record (paper, date, page,
section, edition, notes) and its own date, each with where its value came from; a value
nothing gave is shown as missing. "Apply" sends the changed fields to the window, which
sets them on every selected article's page as one undoable step."""
from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from archivist import edition

FIELDS = (*edition.EDITABLE, "own_date")
# The reasons archivist.edition, edition_pages and the merge write (stored in English).
_QUOTED = re.compile(r"^from (masthead line|folio line|the web page's date line|file name|folder|PDF page label)"
                     r" ('.*')$", re.S)
_PDF_META = re.compile(r"^from PDF metadata (Title|Subject|Keywords) ('.*')$", re.S)
_PAGE_OF = re.compile(r"^from (PDF|TIFF|file) page (\d+) of (\d+)$")
_NESTED = re.compile(r"^from page (\d+)'s (.+)$", re.S)
_REVIEW = re.compile(r"^from review (.+)$", re.S)
_CONFLICT = re.compile(r"^merge conflict #(\d+): (\w+)$")


class EditionForm(QWidget):
    applyRequested = Signal(dict)   # field -> new value ("" clears it)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("editionForm")
        self.record: dict = {}
        self.selected = 1
        labels = {"paper": self.tr("Paper"), "date": self.tr("Edition date"), "page": self.tr("Page"),
                  "section": self.tr("Section"), "edition": self.tr("Edition"), "notes": self.tr("Notes"),
                  "own_date": self.tr("Article's own date")}
        self.edits: dict[str, QLineEdit] = {}
        self.reasons: dict[str, QLabel] = {}
        form = QFormLayout()
        for field in FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"edition_{field}")
            if field in ("date", "own_date"):
                edit.setPlaceholderText("YYYY-MM-DD")
            edit.textEdited.connect(self._edited)
            reason = QLabel(self)
            reason.setObjectName(f"edition_reason_{field}")
            reason.setStyleSheet("color:#666")
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(reason)
            form.addRow(labels[field], row)
            self.edits[field], self.reasons[field] = edit, reason
        self.scope = QLabel(self)
        self.apply_button = QPushButton(self.tr("Apply"), self)
        self.apply_button.setObjectName("edition_apply")
        self.apply_button.clicked.connect(self._apply)
        self.revert_button = QPushButton(self.tr("Revert"), self)
        self.revert_button.clicked.connect(lambda: self.load(self.record, self.selected))
        buttons = QHBoxLayout()
        buttons.addWidget(self.scope, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._edited()

    def load(self, record: dict, selected: int = 1) -> None:
        """Show an article's edition (Library.edition_of); `selected`: how many articles
        Apply will change (the window's selection)."""
        self.record, self.selected = dict(record or {}), max(1, selected)
        for field in FIELDS:
            value = self.record.get(field)
            self.edits[field].setText("" if value is None else str(value))
            why = (self.record.get("reasons") or {}).get(field)
            if field == "own_date":
                text = self.tr("none: the page's date") if not value else ""
            elif field == "notes":
                text = ""
            else:
                text = self.reason_text(why) if value else self.tr("missing")
            self.reasons[field].setText(text)
        self._edited()

    def reason_text(self, why: str | None) -> str:
        """The stored (English) reason in the interface's language; one of another shape as it is."""
        why = why or ""
        plain = {"from the import's paper field": self.tr("from the import's paper field"),
                 "set by hand": self.tr("set by hand"), "guessed, unconfirmed": self.tr("guessed, unconfirmed")}
        if why in plain:
            return plain[why]
        if m := _NESTED.match(why):  # from page 1's masthead line '…': another page of the file said it
            return self.tr("%2 (on page %1)").replace("%1", m[1]).replace("%2", self.reason_text("from " + m[2]))
        for pattern, text in ((_QUOTED, None), (_PDF_META, self.tr("from PDF metadata %1 %2")),
                              (_PAGE_OF, self.tr("from %1 page %2 of %3")), (_REVIEW, self.tr("from review %1")),
                              (_CONFLICT, self.tr("merge conflict #%1: %2"))):
            if (m := pattern.match(why)) is None:
                continue
            if text is None:
                text = {"masthead line": self.tr("from masthead line %1"), "folio line": self.tr("from folio line %1"),
                        "the web page's date line": self.tr("from the web page's date line %1"),
                        "file name": self.tr("from file name %1"), "folder": self.tr("from folder %1"),
                        "PDF page label": self.tr("from PDF page label %1")}[m[1]]
                groups = m.groups()[1:]
            else:
                groups = m.groups()
            for i, value in enumerate(groups, 1):
                text = text.replace(f"%{i}", value)
            return text
        return why

    def set_selected(self, count: int) -> None:
        self.selected = max(1, count)
        self._edited()

    def changes(self) -> dict:
        out = {}
        for field in FIELDS:
            old = self.record.get(field)
            new = self.edits[field].text().strip()
            if new != ("" if old is None else str(old)):
                out[field] = new
        return out

    def _edited(self, *_args) -> None:
        dirty = bool(self.changes())
        self.apply_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        self.scope.setText(self.tr("Applies to the pages of %1 selected article(s)").replace("%1", str(self.selected))
                           if self.selected > 1 else "")

    def _apply(self) -> None:
        changes = self.changes()
        if changes:
            self.applyRequested.emit(changes)
