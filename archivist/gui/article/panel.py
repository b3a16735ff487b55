"""ArticlePanel: one article to read (with search hits), edit, review (fixes) and trace
(revisions), plus the scan it came from when there is one. Every change goes through
`run_write` and onto the undo stack; the panel re-reads the article after each."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QStackedWidget, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from archivist.gui.article.commands import perform
from archivist.gui.article.editor import ArticleEditor
from archivist.gui.article.history import HistoryView
from archivist.gui.article.render import SEARCH_COLOUR, Mark, article_html
from archivist.gui.article.review import ReviewView
from archivist.gui.widgets.editionform import EditionForm
from archivist.split.edit_ops import apply_edit, changed_fields, with_all_fixes
from archivist.store import find_matches



def search_marks(article: dict, query: str) -> dict:
    """Every match of `query` in every text element (Traditional queries find Simplified
    text: find_matches compares normalised text)."""
    marks: dict = {}
    if not query.strip():
        return marks
    slots = [(k, None, article.get(k)) for k in ("kicker", "headline", "subtitle")]
    slots += [("deck", i, t) for i, t in enumerate(article.get("deck") or [])]
    slots += [("blocks", i, b.get("text", "")) for i, b in enumerate(article.get("blocks") or [])]
    slots += [("captions", i, t) for i, t in enumerate(article.get("captions") or [])]
    n = 0
    for where, idx, text in slots:
        for s, e in find_matches(text or "", query):
            marks.setdefault((where, idx), []).append(Mark(s, e, SEARCH_COLOUR, anchor=f"hit{n}"))
            n += 1
    return marks


class ArticlePanel(QWidget):
    articleChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = None
        self.undo_stack = None
        self.run_write = None
        self.article_id: int | None = None
        self.article: dict = {}
        self.highlight_query = ""
        self.hit_count = 0
        self._loaded_tabs: set[int] = set()

        self.title = QLabel()
        self.title.setObjectName("article_title")
        self.title.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("article_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#b00020")
        self.message.hide()

        self.reader = QTextBrowser()
        self.reader.setObjectName("article_reader")
        self.editor = ArticleEditor()
        self.editor.saveRequested.connect(self._save)
        self.review = ReviewView()
        self.review.revertRequested.connect(lambda k: self._toggle_fix(k, revert=True))
        self.review.reapplyRequested.connect(lambda k: self._toggle_fix(k, revert=False))
        self.review.acceptAllRequested.connect(self._accept_all)
        self.review.markReviewedRequested.connect(self._mark_reviewed)
        self.history = HistoryView()
        self.history.restoreRequested.connect(self._restore)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.reader, self.tr("Read"))
        self.tabs.addTab(self.editor, self.tr("Edit"))
        self.tabs.addTab(self.review, self.tr("Review"))
        self.tabs.addTab(self.history, self.tr("History"))
        self.edition = EditionForm()
        self.tabs.addTab(self.edition, self.tr("Edition"))
        self.scan = None  # the Scan tab, created for articles from scans only
        self.tabs.currentChanged.connect(self._tab_shown)

        empty = QLabel(self.tr("No article selected."))
        empty.setObjectName("article_empty")
        self.stack = QStackedWidget()
        self.stack.addWidget(empty)
        body = QWidget()
        col = QVBoxLayout(body)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.title)
        col.addWidget(self.message)
        col.addWidget(self.tabs, 1)
        self.stack.addWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    # ---- interface used by the main window ----------------------------------------------
    def set_context(self, library, undo_stack, run_write) -> None:
        self.library, self.undo_stack, self.run_write = library, undo_stack, run_write

    def show_article(self, article_id: int | None, highlight_query: str = "") -> None:
        """Show `article_id`. The same article shown again (the table refreshed after some
        write) keeps unsaved edits in the Edit tab; leaving it is confirm_leave()'s job."""
        article_id = None if article_id is None else int(article_id)
        same = article_id is not None and article_id == self.article_id
        self.article_id = article_id
        self.highlight_query = highlight_query or ""
        self.message.hide()
        self.reload(keep_edits=same and self.editor.dirty)

    def confirm_leave(self) -> bool:
        """Before another article is shown, the library closes or the window does: unsaved
        edits are saved or discarded as the user says. False: Cancel (stay here)."""
        if self.article_id is None or not self.editor.dirty:
            return True
        name = self.article.get("headline") or self.editor.scalars["headline"].text() or f"#{self.article_id}"
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(self, self.tr("Unsaved changes"),
                                      self.tr("Save changes to “%1”?").replace("%1", name),
                                      buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        if answer == buttons.Save:
            return self._save(self.editor.changes())
        if answer == buttons.Discard:
            self.editor.load(self.article)
            return True
        self.tabs.setCurrentWidget(self.editor)
        return False

    def reload(self, keep_edits: bool = False) -> None:
        if self.article_id is None or self.library is None:
            self.article = {}
            self.stack.setCurrentIndex(0)
            return
        try:
            self.article = self.library.get_article(self.article_id)
        except Exception as exc:  # noqa: BLE001 - e.g. purged meanwhile
            self.article = {}
            self.stack.setCurrentIndex(0)
            self._report(str(exc))
            return
        self.stack.setCurrentIndex(1)
        a = self.article
        status = {"new": self.tr("new"), "reviewed": self.tr("reviewed")}.get(a.get("status"), a.get("status"))
        meta = [f"#{a['id']}", a.get("source") or "", a.get("date") or "", status or "",
                self.tr("revision #%1").replace("%1", str(a.get("revision_id")))]
        if a.get("tags"):
            meta.append(self.tr("tags: %1").replace("%1", ", ".join(a["tags"])))
        self.title.setText(" · ".join(m for m in meta if m))
        self._render_reader()
        if not keep_edits:
            self.editor.load(a)
        self.edition.load(self.library.edition_of(self.article_id), self.edition.selected)
        self._loaded_tabs = set()
        self._tab_shown(self.tabs.currentIndex())
        self._update_scan_tab()

    # ---- tabs ---------------------------------------------------------------------------
    def _render_reader(self) -> None:
        marks = search_marks(self.article, self.highlight_query)
        self.hit_count = sum(len(v) for v in marks.values())
        self.reader.setHtml(article_html(self.article, marks))
        # Show the first hit, unless it is in the heading part, already in view at the top.
        first = next((k for k, v in marks.items() for m in v if m.anchor == "hit0"), None)
        if first is not None and first[0] in ("blocks", "captions"):
            self.reader.scrollToAnchor("hit0")

    def _tab_shown(self, index: int) -> None:
        # Review and History are built when first looked at: most articles are only read.
        if not self.article or index in self._loaded_tabs:
            return
        widget = self.tabs.widget(index)
        if widget is self.review:
            self.review.load(self.article)
        elif widget is self.history:
            self.history.load(self.library, self.article_id)
        elif widget is self.scan and self.scan is not None:
            self.scan.load(self.library, self.article)
        self._loaded_tabs.add(index)

    def _update_scan_tab(self) -> None:
        from archivist.gui.article.scan_view import ScanView, has_scan  # noqa: PLC0415

        wanted = has_scan(self.library, self.article)
        if wanted and self.scan is None:
            self.scan = ScanView()
            self.tabs.addTab(self.scan, self.tr("Scan"))
        if self.scan is not None:
            self.tabs.setTabVisible(self.tabs.indexOf(self.scan), wanted)
            if wanted and self.tabs.currentWidget() is self.scan:
                self._tab_shown(self.tabs.currentIndex())

    # ---- changes ------------------------------------------------------------------------
    def _report(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _change(self, text: str, do, undo):
        article_id = self.article_id
        self.message.hide()

        def refresh():
            if self.article_id == article_id:
                self.reload()
            self.articleChanged.emit(article_id)

        write = self.run_write or (lambda fn, desc: fn(self.library))
        return perform(self.undo_stack, text, lambda: write(do, text), lambda: write(undo, self.tr("Undo %1").replace("%1", text)),
                       refresh, self._report)

    def _field_names(self) -> dict[str, str]:
        return {"kicker": self.tr("kicker"), "headline": self.tr("headline"), "subtitle": self.tr("subtitle"),
                "deck": self.tr("deck"), "byline": self.tr("byline"), "dateline": self.tr("dateline"),
                "blocks": self.tr("body"), "captions": self.tr("captions")}

    def _save(self, changes: dict) -> bool:
        """Save the edits as a new revision. False when that failed: the edits stay in the
        form (with the message why), never lost."""
        before = self.article
        after = apply_edit(before, changes)
        fields = changed_fields(before, after)
        if not fields:
            self.editor.load(before)
            return True
        names = [self._field_names()[f] for f in fields]
        what = (self.tr("%1 and %2").replace("%1", names[0]).replace("%2", names[1]) if len(names) == 2
                else names[0] if len(names) == 1 else self.tr("%1 parts").replace("%1", str(len(names))))
        english = [{"blocks": "body"}.get(f, f) for f in fields]  # the revision's note stays English
        note = "edit " + (" and ".join(english) if len(english) <= 2 else f"{len(english)} parts")
        article_id, saved = self.article_id, []

        def do(lib):
            lib.save_article(article_id, after, note=note)
            saved.append(True)

        self._change(self.tr("Edit %1").replace("%1", what), do,
                     lambda lib: lib.save_article(article_id, before, note=f"undo {note}"))
        if not saved and self.article_id == article_id:
            self.editor.load(after)  # the re-read put the saved text back: show the edits again
            self.editor.set_dirty(True)
        return bool(saved)

    def _toggle_fix(self, k: int, revert: bool) -> None:
        fixes = self.article.get("fixes") or []
        if not 0 <= k < len(fixes):
            return
        article_id = self.article_id
        text = (self.tr("Revert fix %1") if revert else self.tr("Re-apply fix %1")).replace("%1", fixes[k].get("rule", ""))
        forward, back = ("revert_fix", "reapply_fix") if revert else ("reapply_fix", "revert_fix")
        self._change(text, lambda lib: getattr(lib, forward)(article_id, k),
                     lambda lib: getattr(lib, back)(article_id, k))
        self.review.select_fix(k)

    def _accept_all(self) -> None:
        before, status = self.article, self.article.get("status") or "new"
        after = with_all_fixes(before)
        article_id = self.article_id

        def do(lib):
            lib.save_article(article_id, after, note="accept all fixes")
            lib.set_status([article_id], "reviewed")

        def undo(lib):
            lib.save_article(article_id, before, note="undo accept all")
            lib.set_status([article_id], status)

        self._change(self.tr("Accept all fixes"), do, undo)

    def _mark_reviewed(self) -> None:
        status, article_id = self.article.get("status") or "new", self.article_id
        self._change(self.tr("Mark reviewed"), lambda lib: lib.set_status([article_id], "reviewed"),
                     lambda lib: lib.set_status([article_id], status))

    def _restore(self, revision_id: int) -> None:
        before, article_id = self.article, self.article_id
        after = self.library.get_revision(revision_id)["article"]
        self._change(self.tr("Restore revision #%1").replace("%1", str(revision_id)),
                     lambda lib: lib.save_article(article_id, after, note=f"restore revision #{revision_id}"),
                     lambda lib: lib.save_article(article_id, before, note="undo restore"))
