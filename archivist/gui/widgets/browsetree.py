"""Sidebar browse tree: paper → year → month → day → page (calibre-style browsing).

Clicking a node narrows the table to it (ArticleFilter paper / date range / page); the
top entry "All editions" takes the narrowing away. Values nothing gave are listed as
"(no paper)", "(no date)", "(no page)", so pages still to be catalogued are one click away.
"""
from __future__ import annotations

import calendar
import dataclasses

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from archivist.store import ArticleFilter, Library

SCOPE_ROLE = Qt.ItemDataRole.UserRole
# Up to this many articles the tree's rows are read on the GUI thread (a few ms); above,
# on a worker with a connection of its own: its count per paper/date/page reads every
# article (0.78 s at 1M), which held up the window's first show and every write.
SYNC_LIMIT = 20_000


class _Rows(QObject):
    done = Signal(int, object)   # generation, Library.browse_tree() rows


class _ReadRows(QRunnable):
    def __init__(self, folder, generation: int, signal: _Rows):
        super().__init__()
        self.folder, self.generation, self.signal = folder, generation, signal

    def run(self) -> None:
        try:
            with Library.open(self.folder, readonly=True) as lib:
                rows = lib.browse_tree()
        except Exception:  # noqa: BLE001 - the tree keeps what it shows; the table says what is wrong
            return
        self.signal.done.emit(self.generation, rows)


class BrowseTree(QTreeWidget):
    scopeChanged = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("browseTree")
        self.setHeaderHidden(True)
        self._quiet = False
        self._scope: dict = {}
        self.currentItemChanged.connect(self._current_changed)
        self._generation = 0
        self._rows = _Rows(self)
        self._rows.done.connect(self._rows_read)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.fill([])

    def load(self, reader: Library, articles: int) -> None:
        """Fill from the library: at once for a small one, from a worker for a big one (the
        rows shown stay until the new ones are read; a newer load supersedes an older)."""
        self._generation += 1
        if articles <= SYNC_LIMIT:
            self.fill(reader.browse_tree())
        else:
            self._pool.start(_ReadRows(reader.folder, self._generation, self._rows))

    def _rows_read(self, generation: int, rows) -> None:
        if generation == self._generation:
            self.fill(rows)

    def wait(self) -> None:
        """Wait for rows being read (tests)."""
        self._pool.waitForDone()

    def stop(self) -> None:
        """The library closes: rows still being read are not shown."""
        self._generation += 1
        self._pool.waitForDone()

    def fill(self, rows) -> None:
        """Rebuild from Library.browse_tree() rows (paper, date, page, count), keeping the
        current node and the open branches."""
        keep = self._scope
        expanded = {self._key(it) for it in self._items() if it.isExpanded()}
        self._quiet = True
        try:
            self.clear()
            total = sum(r[3] for r in rows)
            root = self._item(None, self.tr("All editions (%1)").replace("%1", str(total)), {})
            nodes: dict[tuple, QTreeWidgetItem] = {}
            counts: dict[tuple, int] = {}
            for paper, date, page, n in rows:
                year, month, day = (date.split("-") + [None, None, None])[:3] if date else (None, None, None)
                path = [("paper", paper or "")]
                path += [("year", year), ("month", month), ("day", day)] if date else [("date", "")]
                path.append(("page", page or ""))
                for depth in range(1, len(path) + 1):
                    key = tuple(path[:depth])
                    counts[key] = counts.get(key, 0) + n
                    if key not in nodes:
                        parent = nodes.get(key[:-1], root)
                        nodes[key] = self._item(parent, "", dict(key))
            for key, item in nodes.items():
                item.setText(0, f"{self._label(key[-1])} ({counts[key]})")
                item.setExpanded(self._key(item) in expanded)
            root.setExpanded(True)
            target = next((it for it in self._items() if it.data(0, SCOPE_ROLE) == keep), root)
            self.setCurrentItem(target)
            self._scope = target.data(0, SCOPE_ROLE) or {}
        finally:
            self._quiet = False
        if keep and self._scope != keep:  # the node went away (its pages changed)
            self.scopeChanged.emit()

    def _label(self, part: tuple) -> str:
        kind, value = part
        if kind == "paper":
            return value or self.tr("(no paper)")
        if kind == "date":
            return self.tr("(no date)")
        if kind == "page":
            return self.tr("page %1").replace("%1", value) if value else self.tr("(no page)")
        return value

    def _item(self, parent, text: str, scope: dict) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        item.setData(0, SCOPE_ROLE, scope)
        (parent.addChild(item) if parent is not None else self.addTopLevelItem(item))
        return item

    def _items(self):
        stack = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            item = stack.pop()
            yield item
            stack.extend(item.child(i) for i in range(item.childCount()))

    @staticmethod
    def _key(item) -> tuple:
        return tuple(sorted((item.data(0, SCOPE_ROLE) or {}).items()))

    def find(self, **scope) -> QTreeWidgetItem | None:
        return next((it for it in self._items() if it.data(0, SCOPE_ROLE) == scope), None)

    def _current_changed(self, current, _previous) -> None:
        if self._quiet or current is None:
            return
        self._scope = current.data(0, SCOPE_ROLE) or {}
        self.scopeChanged.emit()

    def narrow(self, flt: ArticleFilter) -> ArticleFilter:
        """`flt` with the current node's conditions added."""
        s = self._scope
        if not s:
            return flt
        changes: dict = {"paper": s.get("paper", "")}
        if "date" in s:
            changes["no_date"] = True
        elif "year" in s:
            y, m, d = s["year"], s.get("month"), s.get("day")
            first = f"{y}-{m or '01'}-{d or '01'}"
            last_day = d or (f"{calendar.monthrange(int(y), int(m))[1]:02d}" if m else "31")
            last = f"{y}-{m or '12'}-{last_day}"
            changes["date_from"] = max(flt.date_from or first, first)
            changes["date_to"] = min(flt.date_to or last, last)
        if "page" in s:
            changes["page"] = s["page"]
        return dataclasses.replace(flt, **changes)
