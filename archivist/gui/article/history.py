"""The History tab: every revision of the article, any two compared side by side or
inline (difflib, by element then by character), and any revision restorable (as a new
revision: history is never lost)."""
from __future__ import annotations

import html
from difflib import SequenceMatcher

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QPushButton, QRadioButton, QSplitter, QTextBrowser, QVBoxLayout, QWidget)

from archivist.gui.article.render import LABELS
from archivist.store.corrections import describe_splitter

DEL, INS = "#ffc9c9", "#c9f5c9"


def article_lines(article: dict) -> list[str]:
    """The article as labelled lines, one per element, for comparing."""
    out = [f"{LABELS[k]}：{article[k]}" for k in ("kicker", "headline", "subtitle") if article.get(k)]
    out += [f"{LABELS['deck']}：{t}" for t in article.get("deck") or []]
    if article.get("byline"):
        out.append(f"{LABELS['byline']}：{'、'.join(article['byline'])}")
    if article.get("dateline"):
        out.append(f"{LABELS['dateline']}：{article['dateline']}")
    out += [(f"{LABELS['subhead']}：" if b.get("kind") == "subhead" else "") + b.get("text", "")
            for b in article.get("blocks") or []]
    out += [f"{LABELS['caption']}：{t}" for t in article.get("captions") or []]
    return out


def _span(text: str, colour: str | None) -> str:
    text = html.escape(text)
    return f'<span style="background-color:{colour}">{text}</span>' if colour and text else text


def _chars(a: str, b: str) -> tuple[str, str, str]:
    """(old html, new html, inline html) of one changed line, marked by character."""
    old, new, inline = [], [], []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            piece = html.escape(a[i1:i2])
            old.append(piece)
            new.append(piece)
            inline.append(piece)
            continue
        old.append(_span(a[i1:i2], DEL))
        new.append(_span(b[j1:j2], INS))
        inline.append(f'<s>{_span(a[i1:i2], DEL)}</s>' if i2 > i1 else "")
        inline.append(_span(b[j1:j2], INS))
    return "".join(old), "".join(new), "".join(inline)


def diff_html(old: list[str], new: list[str]) -> tuple[str, str, str]:
    """(left, right, inline) HTML documents comparing two revisions' lines."""
    left, right, inline = [], [], []
    p = '<p style="margin-top:4px;margin-bottom:4px">'
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            for line in old[i1:i2]:
                for side in (left, right, inline):
                    side.append(p + html.escape(line) + "</p>")
            continue
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(pairs):
            a, b, both = _chars(old[i1 + k], new[j1 + k])
            left.append(p + a + "</p>")
            right.append(p + b + "</p>")
            inline.append(p + both + "</p>")
        for line in old[i1 + pairs:i2]:
            left.append(p + _span(line, DEL) + "</p>")
            right.append(p + "&nbsp;</p>")
            inline.append(p + "<s>" + _span(line, DEL) + "</s></p>")
        for line in new[j1 + pairs:j2]:
            left.append(p + "&nbsp;</p>")
            right.append(p + _span(line, INS) + "</p>")
            inline.append(p + _span(line, INS) + "</p>")
    wrap = lambda parts: "<html><body>" + "\n".join(parts) + "</body></html>"  # noqa: E731
    return wrap(left), wrap(right), wrap(inline)


class HistoryView(QWidget):
    restoreRequested = Signal(int)  # revision id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._library = None
        self.split_by = QLabel()
        self.split_by.setObjectName("split_by")
        self.split_by.setWordWrap(True)
        self.revision_list = QListWidget()
        self.revision_list.setObjectName("revision_list")
        self.revision_list.currentRowChanged.connect(self._picked)
        self.old_combo, self.new_combo = QComboBox(), QComboBox()
        for combo in (self.old_combo, self.new_combo):
            combo.currentIndexChanged.connect(self._compare)
        self.side_button = QRadioButton(self.tr("Side by side"))
        self.inline_button = QRadioButton(self.tr("Inline"))
        self.side_button.setChecked(True)
        mode = QButtonGroup(self)
        mode.addButton(self.side_button)
        mode.addButton(self.inline_button)
        self.side_button.toggled.connect(self._compare)
        self.restore_button = QPushButton(self.tr("Restore this revision"))
        self.restore_button.clicked.connect(self._restore)
        bar = QHBoxLayout()
        for w in (QLabel(self.tr("Compare")), self.old_combo, QLabel(self.tr("with")), self.new_combo, self.side_button,
                  self.inline_button):
            bar.addWidget(w)
        bar.addStretch(1)
        self.left_view, self.right_view, self.inline_view = QTextBrowser(), QTextBrowser(), QTextBrowser()
        self.left_view.setObjectName("diff_left")
        self.right_view.setObjectName("diff_right")
        self.inline_view.setObjectName("diff_inline")
        diff = QSplitter(Qt.Orientation.Horizontal)
        for view in (self.left_view, self.right_view, self.inline_view):
            diff.addWidget(view)
        # Scroll the two sides together: they hold the same lines, padded to match.
        self.left_view.verticalScrollBar().valueChanged.connect(self.right_view.verticalScrollBar().setValue)
        self.right_view.verticalScrollBar().valueChanged.connect(self.left_view.verticalScrollBar().setValue)
        # The revisions above the comparison, not beside it: side by side, the list and the
        # compare bar together were wider (657 px) than the article panel has at 1600 px.
        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        head = QVBoxLayout(top)
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.revision_list)
        restore = QHBoxLayout()
        restore.addStretch(1)
        restore.addWidget(self.restore_button)
        head.addLayout(restore)
        split.addWidget(top)
        right = QWidget()
        col = QVBoxLayout(right)
        col.setContentsMargins(0, 0, 0, 0)
        col.addLayout(bar)
        col.addWidget(diff, 1)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setSizes([180, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(self.split_by)
        layout.addWidget(split)
        self._revisions: list[dict] = []
        self._cache: dict[int, list[str]] = {}

    def load(self, library, article_id: int) -> None:
        self._library = library
        page = library.article_split(article_id)
        self.split_by.setText(self.tr("Page split by %1").replace(
            "%1", describe_splitter(page["splitter"], page["split_at"])))
        self._revisions = library.revisions(article_id)
        self._cache = {}
        for w in (self.revision_list, self.old_combo, self.new_combo):
            w.blockSignals(True)
            w.clear()
        for r in self._revisions:
            label = f"#{r['id']}  {r['created_at'][:16].replace('T', ' ')}  {r['author']}"
            label += "  " + self.tr("(current)") if r["current"] else ""
            label += f"\n    {r['note']}" if r["note"] else ""
            QListWidgetItem(label, self.revision_list)
            self.old_combo.addItem(f"#{r['id']}", r["id"])
            self.new_combo.addItem(f"#{r['id']}", r["id"])
        # Wide enough for "#id date time author (current)", never clipped to "#6 2026-12-02 0…".
        metrics = self.revision_list.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.revision_list.item(i).text().split("\n")[0])
                      for i in range(self.revision_list.count())), default=0)
        self.revision_list.setMinimumWidth(widest + 2 * metrics.averageCharWidth() + 24)
        last = len(self._revisions) - 1
        self.old_combo.setCurrentIndex(max(0, last - 1))
        self.new_combo.setCurrentIndex(last)
        self.revision_list.setCurrentRow(last)
        for w in (self.revision_list, self.old_combo, self.new_combo):
            w.blockSignals(False)
        self._update_restore()
        self._compare()

    def _lines(self, revision_id: int) -> list[str]:
        if revision_id not in self._cache:
            self._cache[revision_id] = article_lines(self._library.get_revision(revision_id)["article"])
        return self._cache[revision_id]

    def _picked(self, row: int) -> None:
        # Picking a revision compares it with the one before it.
        if row >= 0:
            for combo, index in ((self.old_combo, max(0, row - 1)), (self.new_combo, row)):
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)
            self._compare()
        self._update_restore()

    def _update_restore(self) -> None:
        row = self.revision_list.currentRow()
        self.restore_button.setEnabled(0 <= row < len(self._revisions) and not self._revisions[row]["current"])

    def _compare(self, *_args) -> None:
        if self._library is None or self.old_combo.currentIndex() < 0:
            return
        left, right, inline = diff_html(self._lines(self.old_combo.currentData()),
                                        self._lines(self.new_combo.currentData()))
        self.left_view.setHtml(left)
        self.right_view.setHtml(right)
        self.inline_view.setHtml(inline)
        side = self.side_button.isChecked()
        self.left_view.setVisible(side)
        self.right_view.setVisible(side)
        self.inline_view.setVisible(not side)

    def _restore(self) -> None:
        row = self.revision_list.currentRow()
        if 0 <= row < len(self._revisions):
            self.restoreRequested.emit(self._revisions[row]["id"])
