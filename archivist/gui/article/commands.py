"""Undo commands for the article panels. Each change is done once, through the writer,
before its command is pushed (so a change that fails is never on the stack); the
command's first redo() is then a no-op. Undo never deletes history: it writes the state
before as a new revision (or reverses a fix toggle), and the views re-read afterwards;
the one exception is an article a split made, which the split's undo deletes (it did not
exist before), and its redo makes anew."""
from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

log = logging.getLogger(__name__)


class WriteCommand(QUndoCommand):
    def __init__(self, text: str, do: Callable[[], object], undo: Callable[[], object],
                 refresh: Callable[[], None], report: Callable[[str], None] | None = None):
        super().__init__(text)
        self._do, self._undo, self._refresh = do, undo, refresh
        self._report = report or (lambda message: None)
        self._first = True

    def redo(self) -> None:
        if self._first:  # already done by the panel before pushing
            self._first = False
            return
        self._run(self._do, QCoreApplication.translate("commands", "Redoing “%1” failed: %2"))

    def undo(self) -> None:
        self._run(self._undo, QCoreApplication.translate("commands", "Undoing “%1” failed: %2"))

    def _run(self, fn: Callable[[], object], failed: str) -> None:
        try:
            fn()
        except Exception as exc:  # noqa: BLE001 - an undo step must not take the app down
            log.exception("%s failed", self.text())
            self._report(failed.replace("%1", self.text()).replace("%2", str(exc)))
            self.setObsolete(True)
        self._refresh()


def perform(undo_stack, text: str, do: Callable[[], object], undo: Callable[[], object],
            refresh: Callable[[], None], report: Callable[[str], None]) -> object:
    """Do the change now; on success push its command. Returns do()'s result (None and a
    report if it failed)."""
    try:
        result = do()
    except Exception as exc:  # noqa: BLE001 - shown to the user, the stack stays as it was
        log.info("%s failed: %s", text, exc)
        report(f"{text}: {exc}")
        refresh()
        return None
    if undo_stack is not None:
        undo_stack.push(WriteCommand(text, do, undo, refresh, report))
    refresh()
    return result
