"""Screenshots of the desktop app with the bundled sample pages → docs/screenshots/*.png

    make screenshots        (QT_QPA_PLATFORM=offscreen; needs a CJK font: fonts-noto-cjk)

Builds a throwaway library from resources/samples, tags a few articles, and grabs the
main window at 1600×1000 (a search with highlighted hits, every column in view), the
article's cleaning review, its history, the page split editor and the merge conflicts
dialog with what differs highlighted. Settings go to a temporary folder, never the user's.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is imported

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QFont, QFontDatabase  # noqa: E402

from archivist.fonts import CJK_FAMILY  # noqa: E402
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
    # The system's Noto Sans CJK where installed, else the subset the app ships (make_app
    # registered it): the screenshots need no font installed by hand.
    family = "Noto Sans CJK SC" if "Noto Sans CJK SC" in QFontDatabase.families() else CJK_FAMILY
    if family not in QFontDatabase.families():
        print("screenshots: no CJK font (resources/fonts is missing); Chinese would show as boxes", file=sys.stderr)
        return 1
    app.setFont(QFont(family, 10))
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
    window.resize(1600, 1000)
    window.main_splitter.setSizes([210, 1390])
    window.content_splitter.setSizes([760, 630])
    window.show()
    OUT.mkdir(parents=True, exist_ok=True)

    def settle():
        # Layouts settle over several turns (a splitter moved, then the scroll areas in it).
        for _ in range(20):
            app.processEvents()
            app.sendPostedEvents()

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
    window.content_splitter.setSizes([560, 830])
    settle()
    window.grab().save(str(OUT / f"article-review{suffix}.png"))

    # Its history, after a few edits by hand.
    for n in range(3):
        article = window.reader.get_article(best)
        article["blocks"][n]["text"] = article["blocks"][n]["text"].replace("，", "，（修订）", 1)
        window.run_write(lambda lib, a=article: lib.save_article(best, a, note="hand edit"), "edit")
    window.on_library_changed([best])
    panel.reload()
    panel.tabs.setCurrentWidget(panel.history)
    window.content_splitter.setSizes([760, 630])
    settle()
    window.grab().save(str(OUT / f"history{suffix}.png"))

    # The page split editor on the biggest page.
    sources = window.reader.source_list()
    page = max(sources, key=lambda s: s["articles"])
    window.select_ids(window.reader.source_articles(page["id"])[:1])
    actions_split = window.actions_by_name["splitEditor"]
    actions_split.trigger()
    settle()
    window.grab().save(str(OUT / f"split-editor{suffix}.png"))

    shoot_conflicts(window, tmp, settle)
    window.close()
    for p in sorted(OUT.glob(f"*{suffix}.png")):
        print(p.relative_to(ROOT))
    return 0


def shoot_conflicts(window, tmp: Path, settle) -> None:
    """A review and the desk both changed one article: the conflicts dialog after the merge."""
    from archivist import bundle  # noqa: PLC0415
    from archivist.gui import bundle_actions  # noqa: PLC0415

    desk = window.folder
    article_id = window.model.ids[0]
    window.close_library()
    with Library.open(desk) as lib:
        bundle.export_bundle(lib, bundle.select_ids(lib, everything=True), tmp / "desk.zip")
    session = bundle.open_review(tmp / "desk.zip", folder=tmp / "review")
    with Library.open(session.folder) as lib:
        a = lib.get_article(article_id)
        a["blocks"][0]["text"] = a["blocks"][0]["text"].replace("，", "，据审校核实，", 1)
        lib.save_article(article_id, a)
        bundle.export_bundle(lib, [article_id], tmp / "reviewed.zip")
    with Library.open(desk) as lib:
        a = lib.get_article(article_id)
        a["headline"] = (a["headline"] or "") + "（编辑部改）"
        lib.save_article(article_id, a)
        bundle.merge_bundle(lib, tmp / "reviewed.zip")
    window.open_library(desk, create=False)
    dialog = bundle_actions.show_conflicts(window)
    dialog.resize(1200, 700)
    settle()
    dialog.grab().save(str(OUT / "conflicts.png"))
    dialog.close()


if __name__ == "__main__":
    sys.exit(main())
