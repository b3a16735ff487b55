"""Edition metadata in the window: the Edition tab's Apply sets the fields on the pages
of every selected article (one transaction, one undo step), the browse tree narrows the
table. Undo puts back the page records and own dates exactly as they were."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QVBoxLayout

from archivist.gui import actions
from archivist.gui.undo import LibraryCommand, push_done, tr
from archivist.gui.widgets.editionform import EditionForm


def field_label(key: str) -> str:
    """An edition field's name in an undo step's text (the keys themselves in English)."""
    return {"paper": tr("paper"), "date": tr("date"), "page": tr("page"), "section": tr("section"),
            "edition": tr("edition"), "notes": tr("notes"), "own_date": tr("own date")}.get(key, key)


class EditionCommand(LibraryCommand):
    """Set edition fields on the pages of `ids`. The first apply records what it replaced
    (Library.set_edition's snapshot); undo restores that and keeps what it replaced, which
    redo restores in turn."""

    def __init__(self, writer, notify, ids: list[int], values: dict):
        names = ", ".join(field_label(k) for k in sorted(values))
        super().__init__(writer, notify, tr("Set %1 of %2 article(s)").replace("%1", names)
                         .replace("%2", str(len(ids))))
        self.ids, self.values = list(ids), dict(values)
        self.before: dict | None = None
        self.after: dict | None = None
        self.changed_ids = None  # the listing may change (a paper or date filter, the tree)

    def _apply(self) -> None:
        if self.after is None:
            self.before = self._write(lambda lib: lib.set_edition(self.ids, self.values))
        else:
            self.before = self._write(lambda lib: lib.restore_editions(self.after))

    def _unapply(self) -> None:
        self.after = self._write(lambda lib: lib.restore_editions(self.before))


def set_edition(window, ids: list[int], values: dict) -> bool:
    """Apply `values` to the selection as one undoable step; False (and a message) when
    refused (a bad date), nothing changed then."""
    if not ids or window.writer is None:
        return False
    command = EditionCommand(window.writer, window.on_library_changed, ids, values)
    try:
        push_done(window.undo_stack, command)
    except ValueError as exc:
        window.on_library_changed(None, error=str(exc))
        return False
    return True


def edition_dialog(window) -> QDialog | None:
    """Edit → Set Edition…: the Edition form for the whole selection (the article panel
    shows one article only), prefilled from the first selected article; Apply sets the
    changed fields on all of them as one undoable step, and closes."""
    ids = window.selected_ids()
    if not ids or window.reader is None:
        return None
    dialog = QDialog(window)
    dialog.setObjectName("editionDialog")
    dialog.setWindowTitle(tr("Edition of %1 article(s)").replace("%1", str(len(ids))))
    form = EditionForm(dialog)
    form.load(window.reader.edition_of(ids[0]), len(ids))
    QVBoxLayout(dialog).addWidget(form)
    dialog.form = form
    form.applyRequested.connect(lambda values: set_edition(window, ids, values) and dialog.accept())
    dialog.show()
    return dialog


def install(window) -> None:
    """Wire the article panel's Edition tab and the browse tree into the window."""
    panel = window.article_panel
    if hasattr(panel, "edition"):
        def apply(values):
            ids = window.selected_ids() or ([panel.article_id] if panel.article_id is not None else [])
            set_edition(window, ids, values)

        panel.edition.applyRequested.connect(apply)
        window.table.selectionModel().selectionChanged.connect(
            lambda *_: panel.edition.set_selected(len(window.selected_ids())))
    window.browse_tree.scopeChanged.connect(window.apply_filter)
    edit_menu = next((a.menu() for a in window.menuBar().actions() if a.menu() is not None
                      and a.menu().title() == actions.tr("&Edit")), None)
    if edit_menu is not None:
        action = edit_menu.addAction(tr("Set E&dition of Selected…"), lambda: edition_dialog(window))
        action.setObjectName("setEdition")
        window.actions_by_name["setEdition"] = action
