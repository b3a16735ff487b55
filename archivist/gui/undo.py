"""The window's one QUndoStack and the commands the main window pushes on it.

Each command calls the store through the writer and then tells the window what changed
(`notify(ids)`; None = the listing itself may differ) so views re-read. The first
`redo()` happens in `push_done()` *before* the command goes on the stack: a write that
fails (LibraryBusy, a bad tag name) raises there and leaves no phantom step behind.
The article panels (archivist.gui.article) push their own commands on the same stack.
"""
from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

UNDO_LIMIT = 500  # the issue asks for at least 100 steps


def tr(text: str) -> str:
    return QCoreApplication.translate("undo", text)


def make_undo_stack(parent=None) -> QUndoStack:
    stack = QUndoStack(parent)
    stack.setUndoLimit(UNDO_LIMIT)
    return stack


class LibraryCommand(QUndoCommand):
    """Base: `_apply()` / `_unapply()` write through `writer.run_write`."""

    def __init__(self, writer, notify: Callable, text: str):
        super().__init__(text)
        self.writer = writer
        self.notify = notify
        self._skip_first_redo = False
        self.changed_ids: list[int] | None = None

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._guarded(self._apply)

    def undo(self) -> None:
        self._guarded(self._unapply)

    def _guarded(self, fn) -> None:
        # Qt calls undo()/redo() from C++: an exception must not vanish there.
        try:
            fn()
        except Exception as exc:  # noqa: BLE001
            print(f"archivist: {self.text()}: {exc}", file=sys.stderr)
            self.notify(None, error=f"{self.text()}: {exc}")
            return
        self.notify(self.changed_ids)

    def _write(self, fn):
        return self.writer.run_write(fn, self.text())

    def _apply(self) -> None:
        raise NotImplementedError

    def _unapply(self) -> None:
        raise NotImplementedError


def push_done(stack: QUndoStack, command: LibraryCommand) -> None:
    """Do the command now (errors propagate to the caller), then record it."""
    command._apply()
    command._skip_first_redo = True
    stack.push(command)
    command.notify(command.changed_ids)


def push_already_done(stack: QUndoStack, command: LibraryCommand) -> None:
    """Record work done elsewhere (an import job) so it can be undone."""
    command._skip_first_redo = True
    stack.push(command)


class TagCommand(LibraryCommand):
    """Add or remove one tag on articles; undo touches only the articles that changed."""

    def __init__(self, writer, notify, ids: list[int], tag: str, add: bool = True):
        text = tr("Tag %1 article(s) “%2”") if add else tr("Untag %1 article(s) “%2”")
        super().__init__(writer, notify, text.replace("%1", str(len(ids))).replace("%2", tag))
        self.tag, self.add = tag, add
        rows = writer.library.rows(ids)
        has = {r["id"] for r in rows if tag in r["tags"]}
        self.ids = [r["id"] for r in rows if (r["id"] not in has) == add]
        self.changed_ids = list(ids)

    def _apply(self) -> None:
        if self.ids:
            self._write(lambda lib: (lib.tag if self.add else lib.untag)(self.ids, self.tag))

    def _unapply(self) -> None:
        if self.ids:
            self._write(lambda lib: (lib.untag if self.add else lib.tag)(self.ids, self.tag))


class TrashCommand(LibraryCommand):
    def __init__(self, writer, notify, ids: list[int], restore: bool = False, text: str = ""):
        text = text or (tr("Restore %1 article(s)") if restore else tr("Move %1 article(s) to the trash"))
        super().__init__(writer, notify, text.replace("%1", str(len(ids))))
        self.ids, self.restore = list(ids), restore

    def _apply(self) -> None:
        self._write(lambda lib: (lib.restore if self.restore else lib.trash)(self.ids))

    def _unapply(self) -> None:
        self._write(lambda lib: (lib.trash if self.restore else lib.restore)(self.ids))


class StatusCommand(LibraryCommand):
    def __init__(self, writer, notify, ids: list[int], status: str, text: str = ""):
        super().__init__(writer, notify, (text or tr("Mark %1 article(s) %2")).replace("%1", str(len(ids)))
                         .replace("%2", status))
        self.status = status
        self.before: dict[str, list[int]] = {}
        for r in writer.library.rows(ids):
            self.before.setdefault(r["status"], []).append(r["id"])
        self.changed_ids = list(ids)

    def _apply(self) -> None:
        ids = [i for group in self.before.values() for i in group]
        self._write(lambda lib: lib.set_status(ids, self.status))

    def _unapply(self) -> None:
        def put_back(lib):
            for status, ids in self.before.items():
                lib.set_status(ids, status)
        self._write(put_back)


class TagTreeCommand(LibraryCommand):
    """Rename, merge or delete a tag (with its subtree). Undo puts back exactly the
    tag memberships of the tags involved, read before the change."""

    def __init__(self, writer, notify, text: str, old: str, new: str | None):
        super().__init__(writer, notify, text)
        self.old, self.new = old, new
        lib = writer.library
        self.before = lib.tag_members(old)
        if new is not None:
            self.before_new = lib.tag_members(new) if _tag_exists(lib, new) else {}
        else:
            self.before_new = {}

    def _apply(self) -> None:
        if self.new is None:
            self._write(lambda lib: lib.delete_tag(self.old))
        else:
            self._write(lambda lib: lib.rename_tag(self.old, self.new))

    def _unapply(self) -> None:
        def put_back(lib):
            if self.new is not None:
                lib.delete_tag(self.new) if _tag_exists(lib, self.new) else None
            for members in (self.before_new, self.before):
                for tag, ids in members.items():
                    lib.tag(ids, tag)
        self._write(put_back)


def _tag_exists(lib, name: str) -> bool:
    return any(t == name or t.startswith(name + "/") for t in lib.all_tags())


class ImportCommand(LibraryCommand):
    """An import already done by a job: undo sends its articles to the trash."""

    def __init__(self, writer, notify, ids: list[int], files: int):
        super().__init__(writer, notify, tr("Import %1 file(s)").replace("%1", str(files)))
        self.ids = list(ids)

    def _apply(self) -> None:
        self._write(lambda lib: lib.restore(self.ids))

    def _unapply(self) -> None:
        self._write(lambda lib: lib.trash(self.ids))
