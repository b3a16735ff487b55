"""`archivist --smoke-test`: start the desktop app as a user would, show the main window,
run the event loop briefly, close it, exit. Used by `make dist-check` to prove a built
app (PyInstaller, no Python on the machine) starts its GUI, and to time that start.

Prints one line of facts the check compares with the source tree: the window's article
count, its first menu's title (proves the translation .qm was found when the locale is
Chinese) and whether the app icon renders (proves the SVG plugins and icons shipped).
Any Qt warning fails the test, as in tests/gui: a missing plugin only warns.
"""
from __future__ import annotations

import sys

from PySide6.QtCore import QEventLoop, QtMsgType, QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from archivist.gui.app import make_app, start

# The offscreen platform plugin says this for every top-level window; not the app's doing.
_PLATFORM_NOISE = ("This plugin does not support propagateSizeHints()",)
_FAILING = (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
RUN_MS = 300


def run_smoke_test(args) -> int:
    warnings: list[str] = []

    def record(mode, _context, message) -> None:
        if mode in _FAILING and not message.startswith(_PLATFORM_NOISE):
            warnings.append(message)

    previous = qInstallMessageHandler(record)
    try:
        return _run(args, warnings)
    finally:
        qInstallMessageHandler(previous)  # e.g. the GUI tests' own handler


def _run(args, warnings: list[str]) -> int:
    # Nobody is there to click: a modal dialog (an error, the first-start offer) would wait
    # forever, so one that appears is dismissed and fails the test.
    dialogs: list[str] = []
    make_app()  # a timer needs the application's event dispatcher; start() reuses this app
    watchdog = QTimer()
    watchdog.timeout.connect(lambda: _dismiss_modal(dialogs))
    watchdog.start(RUN_MS)
    window = start(args)
    if window is None:
        print(f"smoke-test: the library did not open {dialogs}", file=sys.stderr)
        return 1
    # A local event loop rather than QApplication.exec(): the same event processing, and
    # the caller's application (the GUI tests' one) is not told to quit.
    loop = QEventLoop()
    QTimer.singleShot(RUN_MS, loop.quit)
    status = loop.exec()
    app = QApplication.instance()
    facts = {"shown": window.isVisible(), "articles": window.model.rowCount(),
             "menu": window.menuBar().actions()[0].text(),
             "icon": not app.windowIcon().pixmap(32, 32).isNull()}
    window.close()
    app.processEvents()  # what the close posts (deferred deletes, settings) runs now
    watchdog.stop()
    warnings += [f"modal dialog shown: {title}" for title in dialogs]
    print(f"smoke-test: shown={facts.get('shown')} articles={facts.get('articles')} "
          f"menu={facts.get('menu')} icon={facts.get('icon')} exit={status}")
    for message in warnings:
        print(f"smoke-test: Qt warning: {message}", file=sys.stderr)
    ok = status == 0 and facts.get("shown") and facts.get("icon") and not warnings
    return 0 if ok else 1


def _dismiss_modal(seen: list[str]) -> None:
    dialog = QApplication.activeModalWidget()
    if dialog is not None:
        seen.append(dialog.windowTitle())
        dialog.close()
