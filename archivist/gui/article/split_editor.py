"""SplitEditor: one source page's articles in page order, to correct the splitter: merge
two articles, split one at a paragraph, move a paragraph to the article before or after,
change what an element is (paragraph ↔ subhead, paragraph → caption, headline → kicker…).
Each change is one call of library.replace_source_articles and one undo step."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from archivist.gui.article.commands import perform
from archivist.gui.article.render import LABELS
from archivist.split import edit_ops

ROLE_ITEM = Qt.ItemDataRole.UserRole  # (article position, field, index) or (article position,)
SHOWN_CHARS = 90


def role_label(role: str) -> str:
    return f"{LABELS.get(role, role)} {role}"


class SplitEditor(QWidget):
    sourceChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = self.undo_stack = self.run_write = None
        self.source_id: int | None = None
        self.articles: list[dict] = []
        self.title = QLabel()
        self.title.setObjectName("split_title")
        self.message = QLabel()
        self.message.setStyleSheet("color:#b00020")
        self.message.setWordWrap(True)
        self.message.hide()
        self.tree = QTreeWidget()
        self.tree.setObjectName("split_tree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Kind"), self.tr("Text")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setWordWrap(False)
        self.tree.itemSelectionChanged.connect(self._update_buttons)

        self.merge_button = QPushButton(self.tr("Merge with next"))
        self.merge_button.setToolTip(self.tr("Append the next article to this one (its headline becomes a subhead)"))
        # clicked(bool) would pass False, which merge_with_next reads as position 0.
        self.merge_button.clicked.connect(lambda _checked=False: self.merge_with_next())
        self.split_button = QPushButton(self.tr("Split here"))
        self.split_button.setToolTip(self.tr("This paragraph and those after it become a new article"))
        self.split_button.clicked.connect(lambda: self.split_at(*self._selected()[:1], self._selected()[2]))
        self.up_button = QPushButton(self.tr("Move to previous article"))
        self.up_button.clicked.connect(lambda: self.move_block(*self._block_selection(), -1))
        self.down_button = QPushButton(self.tr("Move to next article"))
        self.down_button.clicked.connect(lambda: self.move_block(*self._block_selection(), +1))
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kind_combo")
        for role in edit_ops.ROLES:
            self.kind_combo.addItem(role_label(role), role)
        self.kind_button = QPushButton(self.tr("Change kind"))
        self.kind_button.clicked.connect(lambda: self.change_kind(*self._selected(), self.kind_combo.currentData()))
        # Two rows: in one, the panel's usual 600 px cut the last button to "Change…".
        bar, kinds = QHBoxLayout(), QHBoxLayout()
        for w in (self.merge_button, self.split_button, self.up_button, self.down_button):
            bar.addWidget(w)
        bar.addStretch(1)
        kinds.addWidget(self.kind_combo)
        kinds.addWidget(self.kind_button)
        kinds.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addLayout(bar)
        layout.addLayout(kinds)
        layout.addWidget(self.tree, 1)
        self._update_buttons()

    # ---- interface -----------------------------------------------------------------------
    def set_context(self, library, undo_stack, run_write) -> None:
        self.library, self.undo_stack, self.run_write = library, undo_stack, run_write

    def show_source(self, source_id: int) -> None:
        self.source_id = int(source_id)
        self.message.hide()
        self.reload()

    def reload(self, select: tuple | None = None) -> None:
        select = select if select is not None else self._selected_key()
        src = self.library.source(self.source_id)
        self.articles = [self.library.get_article(i) for i in self.library.source_articles(self.source_id)]
        self.title.setText(f"<b>{src['filename']}</b> · {src.get('date') or ''} · "
                           + self.tr("%1 articles").replace("%1", str(len(self.articles))))
        self.tree.clear()
        for pos, a in enumerate(self.articles):
            head = QTreeWidgetItem([self.tr("Article %1").replace("%1", str(pos + 1)), f"#{a['id']}  {a.get('headline') or self.tr('(untitled)')}"])
            head.setData(0, ROLE_ITEM, (pos,))
            font = head.font(1)
            font.setBold(True)
            head.setFont(1, font)
            for where, idx, role, text in edit_ops.elements(a):
                shown = text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "…"
                child = QTreeWidgetItem([role_label(role), shown])
                child.setToolTip(1, text)
                child.setData(0, ROLE_ITEM, (pos, where, idx))
                head.addChild(child)
            self.tree.addTopLevelItem(head)
            head.setExpanded(True)
        if select:
            self._select(select)
        self._update_buttons()

    # ---- selection ----------------------------------------------------------------------
    def _selected_key(self) -> tuple | None:
        items = self.tree.selectedItems()
        return items[0].data(0, ROLE_ITEM) if items else None

    def _selected(self) -> tuple:
        """(article position, field, index); field None when an article row is selected."""
        key = self._selected_key()
        if not key:
            return (-1, None, None)
        return (key[0], None, None) if len(key) == 1 else tuple(key)

    def _block_selection(self) -> tuple[int, int]:
        pos, where, idx = self._selected()
        return (pos, idx) if where == "blocks" else (-1, -1)

    def _select(self, key) -> None:
        key = tuple(key)
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for item in [top] + [top.child(k) for k in range(top.childCount())]:
                if tuple(item.data(0, ROLE_ITEM)) == key:
                    self.tree.setCurrentItem(item)
                    self.tree.scrollToItem(item)
                    return

    def select_element(self, pos: int, where: str | None = None, idx: int | None = None) -> None:
        self._select((pos,) if where is None else (pos, where, idx))

    def _update_buttons(self) -> None:
        pos, where, idx = self._selected()
        n = len(self.articles)
        blocks = len(self.articles[pos]["blocks"]) if 0 <= pos < n else 0
        self.merge_button.setEnabled(0 <= pos < n - 1)
        self.split_button.setEnabled(where == "blocks" and 0 < idx < blocks)
        self.up_button.setEnabled(where == "blocks" and pos > 0)
        self.down_button.setEnabled(where == "blocks" and 0 <= pos < n - 1)
        self.kind_button.setEnabled(where is not None)

    # ---- operations ---------------------------------------------------------------------
    def merge_with_next(self, pos: int | None = None) -> None:
        pos = self._selected()[0] if pos is None else pos
        if not 0 <= pos < len(self.articles) - 1:
            return
        after = list(self.articles)
        after[pos:pos + 2] = [edit_ops.merge_articles(after[pos], after[pos + 1])]
        self._apply(self.tr("Merge articles %1 and %2").replace("%1", str(pos + 1)).replace("%2", str(pos + 2)),
                    after, (pos,))

    def split_at(self, pos: int, block: int) -> None:
        first, second = edit_ops.split_article(self.articles[pos], block)
        after = list(self.articles)
        after[pos:pos + 1] = [first, second]
        self._apply(self.tr("Split article %1 at paragraph %2").replace("%1", str(pos + 1)).replace("%2", str(block + 1)),
                    after, (pos + 1,))

    def move_block(self, pos: int, block: int, direction: int) -> None:
        target = pos + direction
        if not (0 <= pos < len(self.articles) and 0 <= target < len(self.articles)):
            return
        # Up: the paragraph ends the previous article; down: it opens the next one.
        src, dst = edit_ops.move_block(self.articles[pos], block, self.articles[target],
                                       None if direction < 0 else 0)
        after = list(self.articles)
        after[pos], after[target] = src, dst
        where = len(dst["blocks"]) - 1 if direction < 0 else 0
        self._apply(self.tr("Move paragraph to the previous article") if direction < 0
                    else self.tr("Move paragraph to the next article"), after,
                    (target, "blocks", where))

    def change_kind(self, pos: int, where: str | None, idx: int | None, role: str) -> None:
        if where is None or not 0 <= pos < len(self.articles):
            return
        try:
            changed = edit_ops.change_kind(self.articles[pos], where, idx, role)
        except ValueError as exc:
            self._report(str(exc))
            return
        after = list(self.articles)
        after[pos] = changed
        what = LABELS.get(where, where) if where != "blocks" else LABELS["paragraph"]
        self._apply(self.tr("Change %1 to %2").replace("%1", what).replace("%2", role_label(role)),
                    after, (pos,))

    def _apply(self, text: str, after: list[dict], select: tuple) -> None:
        before = [dict(a) for a in self.articles]
        before_ids = {a["id"] for a in before}
        source_id = self.source_id

        def do(lib):
            for d in after:
                if d.get("id") not in before_ids:
                    d.pop("id", None)  # made by this step and purged by its undo: made anew
            ids = lib.replace_source_articles(source_id, after)
            for d, new_id in zip(after, ids):
                d["id"] = new_id
            return ids

        def undo(lib):
            # The state before, trash included: an article this step made is deleted, not trashed.
            with lib.transaction():
                lib.replace_source_articles(source_id, before)
                lib.purge([d["id"] for d in after if d.get("id") not in before_ids])

        def refresh():
            if self.source_id == source_id:
                self.reload(select)
            self.sourceChanged.emit(source_id)

        write = self.run_write or (lambda fn, desc: fn(self.library))
        self.message.hide()
        perform(self.undo_stack, text, lambda: write(do, text),
                lambda: write(undo, self.tr("Undo %1").replace("%1", text)),
                refresh, self._report)

    def _report(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
