"""The main window with the edition columns and the browse tree → docs/screenshots/edition.png

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/edition_screenshot.py   (the bundled CJK subset will do)

The sample pages are imported under the names an archive gives them (folders by date,
page files A01, rmrb-…-p04), so the paper, date and page come from the names and the
furniture; the browse tree is opened on one day.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is imported

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QFont, QFontDatabase  # noqa: E402

from archivist.gui.app import make_app  # noqa: E402
from archivist.gui.mainwindow import MainWindow  # noqa: E402
from archivist.store import Library  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
NAMES = {"bandao-web-2024-12-24.txt": "半岛都市报/2024-12-24/A03.txt",
         "qingdao-daily-2022-focus.txt": "qdrb-20220301-p05.txt",
         "qingdao-daily-2024-11-02.txt": "青岛日报/2024-11-02/第1版.txt"}


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="archivist-shots-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    app = make_app(["archivist"])
    if any("Noto Sans CJK SC" == f for f in QFontDatabase.families()):
        app.setFont(QFont("Noto Sans CJK SC", 10))  # else the bundled subset the app installs
    pages = tmp / "pages"
    for sample, name in NAMES.items():
        target = pages / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "resources" / "samples" / sample, target)
    with Library.open(tmp / "library", create=True) as lib:
        lib.import_paths([pages])
    window = MainWindow(QSettings())
    window.open_library(tmp / "library", create=False)
    window.resize(1600, 1000)  # the default window at 1600 px: its columns as they come
    window.main_splitter.setSizes([210, 1390])
    window.content_splitter.setSizes([760, 630])
    window.side_splitter.setSizes([300, 650])
    window.show()
    tree = window.browse_tree
    tree.expandAll()
    tree.setCurrentItem(tree.find(paper="青岛日报"))
    window.model.wait()
    window.select_ids(window.model.ids[:1])
    window.article_panel.tabs.setCurrentWidget(window.article_panel.edition)
    for _ in range(20):
        app.processEvents()
        app.sendPostedEvents()
    OUT.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(OUT / "edition.png"))
    print((OUT / "edition.png").relative_to(ROOT))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
