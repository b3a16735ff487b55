"""Sidebar: All articles, the hierarchical tag tree with counts, and the Trash.

Clicking an entry filters the table. Articles dragged from the table onto a tag get
that tag; dropped on the Trash they go to the trash. Rename / merge / delete are asked
for here (context menu) and carried out by the window, as undoable commands.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTreeWidget, QTreeWidgetItem

from archivist.gui.models import ID_MIME, decode_ids

KIND_ROLE = Qt.ItemDataRole.UserRole
PATH_ROLE = Qt.ItemDataRole.UserRole + 1
ALL, TAG, TRASH = "all", "tag", "trash"


class TagSidebar(QTreeWidget):
    scopeChanged = Signal(str, object)        # kind (all / tag / trash), tag path or None
    articlesDropped = Signal(str, object, list)  # kind (tag / trash), tag path, article ids
    renameRequested = Signal(str)
    mergeRequested = Signal(str)
    deleteRequested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("tagSidebar")
        self.setHeaderHidden(True)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.currentItemChanged.connect(self._current_changed)
        self._quiet = False
        self.all_item = self.trash_item = None
        self.fill([], 0, 0)

    # ---- content ----------------------------------------------------------------------
    def fill(self, tree: list[dict], total: int, trashed: int) -> None:
        """Rebuild from Library.tag_tree(), keeping the current entry and open branches."""
        kind, path = self.scope()
        expanded = {it.data(0, PATH_ROLE) for it in self._tag_items() if it.isExpanded()}
        self._quiet = True
        try:
            self.clear()
            self.all_item = self._item(None, self.tr("All articles (%1)").replace("%1", str(total)), ALL)
            for node in tree:
                self._add_node(None, node, expanded)
            self.trash_item = self._item(None, self.tr("Trash (%1)").replace("%1", str(trashed)), TRASH)
            target = self.all_item if kind == ALL else self.trash_item if kind == TRASH else self.find_tag(path)
            self.setCurrentItem(target or self.all_item)
        finally:
            self._quiet = False
        if (target is None) and kind == TAG:  # the tag went away (deleted, renamed)
            self._current_changed(self.currentItem(), None)

    def _item(self, parent, text: str, kind: str, path: str | None = None) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        item.setData(0, KIND_ROLE, kind)
        item.setData(0, PATH_ROLE, path)
        (parent.addChild(item) if parent else self.addTopLevelItem(item))
        return item

    def _add_node(self, parent, node: dict, expanded: set) -> None:
        count = node["total"]
        item = self._item(parent, f"{node['name']} ({count})", TAG, node["path"])
        item.setToolTip(0, node["path"])
        for child in node["children"]:
            self._add_node(item, child, expanded)
        item.setExpanded(node["path"] in expanded or parent is None)

    def _tag_items(self):
        stack = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            item = stack.pop()
            if item.data(0, KIND_ROLE) == TAG:
                yield item
            stack.extend(item.child(i) for i in range(item.childCount()))

    def find_tag(self, path: str | None) -> QTreeWidgetItem | None:
        return next((it for it in self._tag_items() if it.data(0, PATH_ROLE) == path), None)

    def scope(self) -> tuple[str, str | None]:
        item = self.currentItem()
        if item is None:
            return ALL, None
        return item.data(0, KIND_ROLE), item.data(0, PATH_ROLE)

    def select_scope(self, kind: str, path: str | None = None) -> None:
        target = {ALL: self.all_item, TRASH: self.trash_item}.get(kind) or self.find_tag(path)
        if target is not None:
            self.setCurrentItem(target)

    def _current_changed(self, current, _previous) -> None:
        if not self._quiet and current is not None:
            self.scopeChanged.emit(current.data(0, KIND_ROLE), current.data(0, PATH_ROLE))

    # ---- drops from the table ---------------------------------------------------------------
    def _drop_target(self, event) -> QTreeWidgetItem | None:
        if not event.mimeData().hasFormat(ID_MIME):
            return None
        item = self.itemAt(event.position().toPoint())
        return item if item is not None and item.data(0, KIND_ROLE) in (TAG, TRASH) else None

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(ID_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if self._drop_target(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        item = self._drop_target(event)
        ids = decode_ids(event.mimeData())
        if item is None or not ids:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.articlesDropped.emit(item.data(0, KIND_ROLE), item.data(0, PATH_ROLE), ids)

    # ---- rename / merge / delete ------------------------------------------------------------
    def _menu(self, pos) -> None:
        item = self.itemAt(pos)
        if item is None or item.data(0, KIND_ROLE) != TAG:
            return
        path = item.data(0, PATH_ROLE)
        menu = QMenu(self)
        menu.addAction(self.tr("Rename…"), lambda: self.renameRequested.emit(path))
        menu.addAction(self.tr("Merge into…"), lambda: self.mergeRequested.emit(path))
        menu.addAction(self.tr("Delete"), lambda: self.deleteRequested.emit(path))
        menu.exec(self.viewport().mapToGlobal(pos))
