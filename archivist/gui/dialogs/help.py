"""Help → User Guide (resources/guide/user-guide.html, offline, shown in the app, with the
cleaning rules and the shortcuts filled in from the code so they never drift) and
Help → Keyboard Shortcuts (every menu action's shortcut, read from the actions)."""
from __future__ import annotations

import html

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QTextBrowser, QVBoxLayout

from archivist.clean.steps import RULES
from archivist.gui.resources import GUIDE

# Keys that belong to a widget, not to a menu action.
WIDGET_KEYS = [("Ctrl+S", "Save the article being edited (Edit tab)"),
               ("Return", "Search now / accept the dialog's default button"),
               ("Escape", "Close a dialog (or cancel the job it runs)")]


def shortcuts(actions: dict) -> list[tuple[str, str]]:
    """(keys, what) for every action with a shortcut, then the widgets' own keys."""
    out = []
    for act in actions.values():
        keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in act.shortcuts())
        if keys:
            out.append((keys, act.text().replace("&&", "\0").replace("&", "").replace("\0", "&")))
    return out + [(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText), what) for k, what in WIDGET_KEYS]


def guide_html(actions: dict) -> str:
    rules = "<table><tr><th>rule</th><th>what it does</th></tr>" + "".join(
        f"<tr><td><code>{html.escape(name)}</code></td><td>{html.escape(what)}</td></tr>"
        for name, what in RULES.items()) + "</table>"
    keys = "<table><tr><th>keys</th><th>what they do</th></tr>" + "".join(
        f"<tr><td><kbd>{html.escape(k)}</kbd></td><td>{html.escape(what)}</td></tr>"
        for k, what in shortcuts(actions)) + "</table>"
    return GUIDE.read_text(encoding="utf-8").replace("<!--RULES-->", rules).replace("<!--SHORTCUTS-->", keys)


def _closable(dialog: QDialog, body) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(body)
    layout.addWidget(buttons)


class GuideDialog(QDialog):
    def __init__(self, actions: dict, parent=None):
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("archivist User Guide"))
        self.resize(820, 720)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)  # offline: nothing leaves the app
        self.browser.setHtml(guide_html(actions))
        _closable(self, self.browser)


class ShortcutsDialog(QDialog):
    def __init__(self, actions: dict, parent=None):
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        rows = shortcuts(actions)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for r, (keys, what) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(keys))
            self.table.setItem(r, 1, QTableWidgetItem(what))
        self.table.resizeColumnToContents(0)
        self.resize(560, 600)
        _closable(self, self.table)
