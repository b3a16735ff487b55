"""The library table: a model over a list of article ids that reads rows lazily.

The model holds ids only (one integer per article, ~30 MB less than rows for 100k).
Rows are read in pages of PAGE ids when the view first asks for one of them, through
the read-only connection, and kept in a small LRU cache; a view therefore costs the
same for 10 articles or 100k. With a search query, the snippet column shows where the
words occur (computed for the page being read, never for all hits).
"""
from __future__ import annotations

import json
from collections import OrderedDict

from PySide6.QtCore import (QAbstractTableModel, QByteArray, QCoreApplication, QEvent, QMimeData, QModelIndex,
                            QThreadPool, Qt, Signal)
from PySide6.QtGui import QColor

from archivist.gui.listing import DuplicateGrouper, Listed, ListIds, duplicate_links, id_chunks
from archivist.store import ArticleFilter, Library

PAGE = 100   # rows read at a time: a screenful or two (snippets only for rows painted, see _with_hit)
CACHED_PAGES = 40
HIT_BATCH = 30  # rows whose match snippets are read together: about what one screen shows
# Up to this many articles the ids are listed on the GUI thread (≈20 ms); above it on a
# worker thread with its own connection (a search over 100k articles takes ~0.5 s).
SYNC_LIMIT = 20_000
ID_MIME = "application/x-archivist-article-ids"
HIGHLIGHTS_ROLE = Qt.ItemDataRole.UserRole + 1   # [(start, end)] in the cell's text
ID_ROLE = Qt.ItemDataRole.UserRole + 2

# (key, header, store sort key or None when the column cannot be sorted)
COLUMNS = [
    ("headline", "Headline", "headline"),
    ("snippet", "Match", None),          # shown only while searching
    ("source", "Source", "source"),
    ("date", "Date", "date"),
    ("paper", "Paper", "paper"),
    ("page", "Page", "page"),
    ("section", "Section", "section"),
    ("tags", "Tags", None),
    ("status", "Status", "status"),
    ("duplicate", "Duplicate", None),
]
COLUMN = {key: i for i, (key, _h, _s) in enumerate(COLUMNS)}


def encode_ids(ids: list[int]) -> QMimeData:
    mime = QMimeData()
    mime.setData(ID_MIME, QByteArray(json.dumps([int(i) for i in ids]).encode()))
    return mime


def decode_ids(mime: QMimeData) -> list[int]:
    if not mime.hasFormat(ID_MIME):
        return []
    try:
        return [int(i) for i in json.loads(bytes(mime.data(ID_MIME)).decode())]
    except (ValueError, TypeError):
        return []


class ArticleTableModel(QAbstractTableModel):
    idsListed = Signal()        # after every (re)listing, synchronous or not

    def __init__(self, parent=None):
        super().__init__(parent)
        self._listed = Listed(self)
        self._listed.chunk.connect(self._apply_chunk)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._generation = 0
        self._shown_generation = -1   # the listing whose rows are shown
        self._library_size: int | None = None
        self.loading = False
        self._reader: Library | None = None
        self._ids: list[int] = []
        self._row_of: dict[int, int] | None = None
        self._pages: OrderedDict[int, list[dict | None]] = OrderedDict()
        self._filter = ArticleFilter()
        self._sort_column = COLUMN["date"]
        self._order = Qt.SortOrder.DescendingOrder
        self._relevance = False
        self._headers = {key: header for key, header, _s in COLUMNS}
        self._headers["copies"], self._headers["original"] = "%1 copies", "original"
        self._in_group: set[int] = set()  # ids folded under a head
        # Near-duplicates: one row per story (its first listed copy), the others under it.
        self.group_duplicates = True
        self._listed_ids: list[int] = []
        self._copies: dict[int, list[int]] = {}   # head id → the other copies listed
        self._expanded: set[int] = set()

    # ---- what is listed -------------------------------------------------------------
    def set_headers(self, headers: dict[str, str]) -> None:
        """Translated column titles (the window translates; the model stays plain)."""
        self._headers.update(headers)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def set_library(self, reader: Library | None) -> None:
        self._generation += 1
        self._pool.waitForDone()
        self._reader, self._library_size = reader, None
        self.reload()

    def set_filter(self, flt: ArticleFilter) -> None:
        had_query = bool(self._filter.query)
        self._filter = flt
        # A new search lists best matches first; the user may then sort by a column.
        if flt.query and not had_query:
            self._relevance = True
        elif not flt.query:
            self._relevance = False
        self.reload()

    @property
    def article_filter(self) -> ArticleFilter:
        return self._filter

    @property
    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        return (-1 if self._relevance else self._sort_column), self._order

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or COLUMNS[column][2] is None:
            return
        self._sort_column, self._order, self._relevance = column, order, False
        self.reload()

    def reload(self) -> None:
        """List the ids again (after a filter, sort or membership change). A big library
        is listed on a worker thread: the rows shown stay until the new listing's first
        page arrives, which replaces them; later chunks are appended."""
        self._generation += 1
        if self._reader is None:
            self._apply_chunk(self._generation, [], [], {}, True)
            return
        if self._relevance and self._filter.query:
            sort, descending = "relevance", False
        else:
            sort, descending = COLUMNS[self._sort_column][2], self._order == Qt.SortOrder.DescendingOrder
        if self._library_size is None:   # counted once per library (a count at 1M: ~0.1 s)
            self._library_size = self._reader.count()
        if self._library_size <= SYNC_LIMIT:
            group = DuplicateGrouper(duplicate_links(self._reader) if self.group_duplicates else {})
            ids = [i for part in id_chunks(self._reader, self._filter, sort, descending) for i in part]
            heads, copies = group.feed(ids)
            self._apply_chunk(self._generation, ids, heads, copies, True, group.grown)
            return
        self.loading = True
        self._pool.start(ListIds(self, self._generation, self._reader.folder, self._filter, sort, descending,
                                 self.group_duplicates))

    def _apply_chunk(self, generation: int, ids: list, heads: list, copies: dict, last: bool,
                     shown_before: set = frozenset()) -> None:
        """A chunk of a listing: the first one replaces the rows shown, the others are
        appended (a copy of a story already shown folds under its row: no row added).
        `shown_before`: the heads shown by earlier chunks that got copies in this one
        (DuplicateGrouper.grown after its feed)."""
        if generation != self._generation:
            return   # a newer listing was asked for
        if generation != self._shown_generation:
            self._shown_generation = generation
            self.beginResetModel()
            self._listed_ids, self._ids, self._copies, self._in_group = list(ids), [], {}, set()
            self._row_of = None
            self._pages.clear()
            self._add_rows(heads, copies, shown_before, signals=False)
            self.endResetModel()
        else:
            self._listed_ids.extend(ids)
            self._add_rows(heads, copies, shown_before, signals=True)
        if last:
            self.loading = False
            if self._filter == ArticleFilter():   # the whole library: its size now (imports grow it)
                self._library_size = len(self._listed_ids)
            self._expanded &= set(self._copies)
            self.idsListed.emit()

    def _add_rows(self, heads: list, copies: dict, shown_before: set, signals: bool) -> None:
        folded_under_shown = False
        for head, more in copies.items():
            had = self._copies.setdefault(head, [])
            self._in_group.update(more)
            if head in shown_before:
                folded_under_shown = True
                if head in self._expanded and signals:   # an open group grows in place
                    at = self.row_of(head) + 1 + len(had)
                    self.beginInsertRows(QModelIndex(), at, at + len(more) - 1)
                    self._ids[at:at] = more
                    self._row_of = None
                    self._pages.clear()
                    self.endInsertRows()
            had.extend(more)
        rows = heads if not self._expanded else \
            [x for h in heads for x in [h, *(self._copies.get(h, []) if h in self._expanded else [])]]
        n = len(self._ids)
        if rows:
            if signals:
                self.beginInsertRows(QModelIndex(), n, n + len(rows) - 1)
            self._ids.extend(rows)
            self._pages.pop(n // PAGE, None)   # the last page read was short
            if self._row_of is not None:
                self._row_of.update(zip(rows, range(n, n + len(rows))))
            if signals:
                self.endInsertRows()
        if folded_under_shown and signals and n:
            column = COLUMN["duplicate"]   # "N copies" of rows shown before: repaint that column
            self.dataChanged.emit(self.index(0, column), self.index(n - 1, column))

    def copies(self, row: int) -> list[int]:
        """The other copies of the story whose first row is `row` ([] for any other row)."""
        return self._copies.get(self.id_at(row), [])

    def with_folded_copies(self, ids) -> list[int]:
        """`ids` and the copies folded under any collapsed head among them: an action on a
        story's one row acts on every copy of it, as the row's "N copies" promises."""
        out: list[int] = []
        for i in ids:
            out.append(i)
            if i not in self._expanded:
                out.extend(self._copies.get(i, []))
        return list(dict.fromkeys(out))

    def is_expanded(self, row: int) -> bool:
        return self.id_at(row) in self._expanded

    def toggle_group(self, row: int) -> None:
        head, copies = self.id_at(row), self.copies(row)
        if not copies:
            return
        if head in self._expanded:
            self.beginRemoveRows(QModelIndex(), row + 1, row + len(copies))
            self._expanded.discard(head)
            del self._ids[row + 1:row + 1 + len(copies)]
            self.endRemoveRows()
        else:
            self.beginInsertRows(QModelIndex(), row + 1, row + len(copies))
            self._expanded.add(head)
            self._ids[row + 1:row + 1] = copies
            self.endInsertRows()
        self._row_of = None
        self._pages.clear()  # pages are by row
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def set_group_duplicates(self, on: bool) -> None:
        self.group_duplicates = on
        self.reload()

    @property
    def listed_ids(self) -> list[int]:
        """Every article listed, the copies folded into a group included (waits for a
        listing in progress: an export of the view needs all of it)."""
        self.wait()
        return self._listed_ids

    def wait(self) -> None:
        """Finish a listing in progress: wait for the worker, then take in the chunks it
        sent (select all, export, tests). At 1M articles this takes a second or two."""
        self._pool.waitForDone()
        if self.loading:
            QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)

    def refresh_ids(self, ids) -> None:
        """Re-read these rows (their content changed, not their place in the list)."""
        for article_id in ids:
            row = self.row_of(article_id)
            if row is None:
                continue
            self._pages.pop(row // PAGE, None)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    # ---- ids ----------------------------------------------------------------------------
    @property
    def ids(self) -> list[int]:
        return self._ids

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, article_id: int) -> int | None:
        if self._row_of is None:
            self._row_of = {i: r for r, i in enumerate(self._ids)}
        return self._row_of.get(int(article_id))

    # ---- lazy rows ----------------------------------------------------------------------
    def _record(self, row: int) -> dict | None:
        page_no = row // PAGE
        page = self._pages.get(page_no)
        if page is None:
            page = self._read_page(page_no)
            self._pages[page_no] = page
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page[row - page_no * PAGE]

    def _read_page(self, page_no: int) -> list[dict | None]:
        ids = self._ids[page_no * PAGE:(page_no + 1) * PAGE]
        rows = {r["id"]: r for r in self._reader.rows(ids)}
        return [rows.get(i) for i in ids]

    def _with_hit(self, row: int, rec: dict) -> dict:
        """Fill the match snippet and highlights of this row and the next few (the rows a
        view paints together): only what is shown reads article texts, on the GUI thread."""
        if not self._filter.query or "snippet" in rec:
            return rec
        page = self._pages.get(row // PAGE) or []
        first = row - (row // PAGE) * PAGE
        batch = [r for r in page[first:first + HIT_BATCH] if r is not None and "snippet" not in r]
        by_id = {r["id"]: r for r in batch}
        for hit in self._reader.hits_for(list(by_id), self._filter.query):
            by_id[hit.id].update(snippet=hit.snippet, highlights=hit.highlights,
                                 headline_highlights=hit.headline_highlights)
        for r in batch:
            r.setdefault("snippet", "")
        return rec

    # ---- QAbstractItemModel ---------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[COLUMNS[section][0]]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, HIGHLIGHTS_ROLE,
                        Qt.ItemDataRole.ForegroundRole):
            return None
        rec = self._record(index.row())
        if rec is None:  # deleted since the ids were listed
            return "—" if role == Qt.ItemDataRole.DisplayRole else None
        key = COLUMNS[index.column()][0]
        if key in ("headline", "snippet") and role != Qt.ItemDataRole.ForegroundRole:
            rec = self._with_hit(index.row(), rec)
        if role == HIGHLIGHTS_ROLE:
            return {"headline": rec.get("headline_highlights"), "snippet": rec.get("highlights")}.get(key)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#b45309") if key == "duplicate" and (rec["duplicate_of"] or rec["id"] in self._copies) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "duplicate" and rec["duplicate_of"]:
                return f"#{rec['duplicate_of']} ({(rec['similarity'] or 0):.0%})"
            return self._display(rec, key) or None
        return self._display(rec, key)

    def _display(self, rec: dict, key: str) -> str:
        if key == "tags":
            return ", ".join(rec["tags"])
        if key == "duplicate":
            copies = self._copies.get(rec["id"])
            if copies:
                arrow = "▾" if rec["id"] in self._expanded else "▸"
                return f"{arrow} {self._headers['copies'].replace('%1', str(len(copies) + 1))}"
            if rec["duplicate_of"]:
                return f"≈ #{rec['duplicate_of']}"
            # The story's original, listed after one of its copies (a search ranked that first).
            return self._headers["original"] if rec["id"] in self._in_group else ""
        if key == "status":
            return self._headers.get(f"status:{rec['status']}", rec["status"])
        value = rec.get(key)
        return "" if value is None else str(value)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def mimeTypes(self) -> list[str]:
        return [ID_MIME]

    def mimeData(self, indexes) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return encode_ids(self.with_folded_copies([self._ids[r] for r in rows]))

    def supportedDragActions(self):
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction


__all__ = ["ArticleTableModel", "COLUMNS", "COLUMN", "HIGHLIGHTS_ROLE", "ID_MIME", "ID_ROLE",
           "decode_ids", "encode_ids"]
