"""The Edit tab: every element of the article in a form. The body is one text: paragraphs
separated by a blank line, a subhead written as a line starting with "## " (as in the
markdown pages the app imports)."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout,
                               QWidget)

SUBHEAD_PREFIX = "## "
_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")


def body_text(blocks: list[dict]) -> str:
    return "\n\n".join((SUBHEAD_PREFIX if b.get("kind") == "subhead" else "") + b.get("text", "") for b in blocks)


def parse_body(text: str) -> list[dict]:
    out = []
    for chunk in _BLANK_LINE.split(text):
        chunk = chunk.strip("\n")
        if not chunk.strip():
            continue
        if chunk.startswith(SUBHEAD_PREFIX.rstrip()) and chunk.lstrip("#").startswith(" "):
            out.append({"kind": "subhead", "text": chunk.lstrip("#").strip()})
        else:
            out.append({"kind": "paragraph", "text": chunk})
    return out


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


class ArticleEditor(QWidget):
    """Emits saveRequested(changes) with the split/1 fields as edited."""

    saveRequested = Signal(dict)
    dirtyChanged = Signal(bool)

    SCALARS = ("kicker", "headline", "subtitle", "dateline")
    LISTS = ("deck", "byline", "captions")

    def labels(self) -> dict[str, str]:
        """The form's labels (the Chinese newspaper term first: what the archivist sees on the page)."""
        return {"kicker": self.tr("引题 Kicker"), "headline": self.tr("主题 Headline"),
                "subtitle": self.tr("副题 Subtitle"), "dateline": self.tr("电头 Dateline"),
                "deck": self.tr("提要 Deck\n(one item a line)"), "byline": self.tr("署名 Byline\n(one name a line)"),
                "captions": self.tr("图片说明 Captions\n(one a line)"), "body": self.tr("正文 Body")}

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._loaded: dict = {}
        self._loading = False
        self._dirty = False
        form = QFormLayout()
        self.scalars: dict[str, QLineEdit] = {}
        self.lists: dict[str, QPlainTextEdit] = {}
        labels = self.labels()
        for key in self.SCALARS:
            edit = QLineEdit()
            edit.setObjectName(f"edit_{key}")
            edit.textEdited.connect(self._mark_dirty)
            self.scalars[key] = edit
            form.addRow(labels[key], edit)
        for key in self.LISTS[:2]:
            form.addRow(labels[key], self._list_edit(key, 3))
        self.body = QPlainTextEdit()
        self.body.setObjectName("edit_body")
        self.body.setPlaceholderText(self.tr("Paragraphs separated by a blank line; “## ” starts a subhead."))
        self.body.textChanged.connect(self._mark_dirty)
        form.addRow(labels["body"], self.body)
        form.addRow(labels["captions"], self._list_edit("captions", 3))
        self.save_button = QPushButton(self.tr("Save revision"))
        self.save_button.setObjectName("save_article")
        self.save_button.clicked.connect(self._save)
        # Ctrl+S (the platform's Save) while editing, as in any editor; nothing when unchanged.
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(lambda: self.save_button.isEnabled() and self._save())
        self.discard_button = QPushButton(self.tr("Discard changes"))
        self.discard_button.clicked.connect(lambda: self.load(self._loaded))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addLayout(buttons)
        self.set_dirty(False)

    def _list_edit(self, key: str, rows: int) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(f"edit_{key}")
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * rows + 12)
        edit.textChanged.connect(self._mark_dirty)
        self.lists[key] = edit
        return edit

    def load(self, article: dict) -> None:
        self._loading = True
        self._loaded = article
        for key, edit in self.scalars.items():
            edit.setText(article.get(key) or "")
        for key, edit in self.lists.items():
            edit.setPlainText("\n".join(article.get(key) or []))
        self.body.setPlainText(body_text(article.get("blocks") or []))
        self._loading = False
        self.set_dirty(False)

    def changes(self) -> dict:
        out: dict = {key: (edit.text().strip() or None) for key, edit in self.scalars.items()}
        out.update({key: _lines(edit.toPlainText()) for key, edit in self.lists.items()})
        out["blocks"] = parse_body(self.body.toPlainText())
        return out

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _mark_dirty(self, *_args) -> None:
        if not self._loading:
            self.set_dirty(True)

    def set_dirty(self, dirty: bool) -> None:
        changed = dirty != self._dirty
        self._dirty = dirty
        self.save_button.setEnabled(dirty)
        self.discard_button.setEnabled(dirty)
        if changed:
            self.dirtyChanged.emit(dirty)

    def _save(self) -> None:
        self.saveRequested.emit(self.changes())
