"""Screenshots of the desktop app with the bundled sample pages → docs/screenshots/*.png

    make screenshots        (QT_QPA_PLATFORM=offscreen; needs a CJK font: fonts-noto-cjk)

Builds a throwaway library from resources/samples, tags a few articles, and grabs the
main window (a search with highlighted hits), the article's cleaning review and the
page split editor. Settings go to a temporary folder, never the user's.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is imported

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QFont, QFontDatabase  # noqa: E402

from archivist.gui.app import install_translation, make_app  # noqa: E402
from archivist.gui.mainwindow import MainWindow  # noqa: E402
from archivist.store import Library  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="archivist-shots-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    app = make_app(["archivist"])
    if not any("CJK" in f for f in QFontDatabase.families()):
        print("screenshots: no CJK font (apt-get install fonts-noto-cjk); Chinese would show as boxes",
              file=sys.stderr)
        return 1
    app.setFont(QFont("Noto Sans CJK SC", 10))
    language = sys.argv[1] if len(sys.argv) > 1 else "en"
    install_translation(app, language)
    suffix = "" if language == "en" else f"-{language}"

    with Library.open(tmp / "library", create=True) as lib:
        lib.import_paths(sorted((ROOT / "resources" / "samples").glob("*.txt")))
        ids = lib.list_ids()
        lib.tag(ids[:4], "地区/青岛")
        lib.tag(ids[2:5], "主题/经济")
        lib.tag(ids[5:7], "主题/文化")
        lib.set_status(ids[:3], "reviewed")

    window = MainWindow(QSettings())
    window.open_library(tmp / "library", create=False)
    window.resize(1680, 940)
    window.main_splitter.setSizes([220, 1280])
    window.content_splitter.setSizes([720, 720])
    window.show()
    OUT.mkdir(parents=True, exist_ok=True)

    def settle():
        for _ in range(5):
            app.processEvents()

    window.search_bar.set_query("青岛", now=True)
    window.select_ids(window.model.ids[1:2])
    settle()
    window.grab().save(str(OUT / f"main-window{suffix}.png"))
    if suffix:  # the translated interface: one picture is enough
        window.close()
        print((OUT / f"main-window{suffix}.png").relative_to(ROOT))
        return 0

    # The article with the most automatic fixes, in the cleaning review.
    window.search_bar.set_query("", now=True)
    fixes = {i: len(window.reader.get_article(i).get("fixes") or []) for i in window.model.ids}
    best = max(fixes, key=fixes.get)
    window.select_ids([best])
    panel = window.article_panel
    if hasattr(panel, "tabs"):
        panel.tabs.setCurrentIndex(2)
    window.tabs.setCurrentIndex(0)
    window.content_splitter.setSizes([560, 880])
    settle()
    window.grab().save(str(OUT / f"article-review{suffix}.png"))

    # The page split editor on the biggest page.
    sources = window.reader.source_list()
    page = max(sources, key=lambda s: s["articles"])
    window.select_ids(window.reader.source_articles(page["id"])[:1])
    actions_split = window.actions_by_name["splitEditor"]
    actions_split.trigger()
    settle()
    window.grab().save(str(OUT / f"split-editor{suffix}.png"))
    window.close()
    for p in sorted(OUT.glob(f"*{suffix}.png")):
        print(p.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
