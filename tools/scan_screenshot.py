"""Real scans in the app → docs/screenshots/scan-<name>.png, and what each became.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/scan_screenshot.py [SCAN ...]

Without arguments: the scans in ../shared/corpus/scans that have no transcription (the
ones scan_score.py cannot score). Each is imported into a throwaway library as a user
would import it; the main window (1600×1000) shows the article with the most text on its
Scan tab, its first body element picked, and the articles the page became are listed
(headline, characters, elements) so a reader can say what is still wrong. Set
ARCHIVIST_OCR_CACHE to a folder to recognise each page once across runs.
"""
from __future__ import annotations

import os
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
SCANS = ROOT.parent / "shared" / "corpus" / "scans"


def untranscribed() -> list[Path]:
    return [p for p in sorted(SCANS.glob("*.jpg")) if not p.with_suffix(".truth.json").exists()]


def settle(app) -> None:
    for _ in range(30):
        app.processEvents()
        app.sendPostedEvents()


def body_chars(article: dict) -> int:
    return sum(len(b.get("text") or "") for b in article.get("blocks") or [])


def describe(lib: Library, ids: list[int]) -> list[str]:
    rows = []
    for i in ids:
        a = lib.get_article(i)
        rows.append(f"  {i:4d} {body_chars(a):5d} chars  {(a.get('headline') or '(no headline)')[:40]}")
    return rows


def shoot(app, scan: Path, tmp: Path) -> Path:
    lib_dir = tmp / scan.stem
    with Library.open(lib_dir, create=True) as lib:
        report = lib.import_paths([scan])
        ids = list(report.article_ids)
        print(f"{scan.name}: {len(ids)} articles")
        print("\n".join(describe(lib, ids)))
        longest = max(ids, key=lambda i: body_chars(lib.get_article(i)))
    window = MainWindow(QSettings())
    window.open_library(lib_dir, create=False)
    window.resize(1600, 1000)
    window.main_splitter.setSizes([190, 1410])
    window.content_splitter.setSizes([560, 850])
    window.show()
    window.model.wait()
    window.select_ids([longest])
    panel = window.article_panel
    settle(app)
    if panel.scan is not None:
        panel.tabs.setCurrentWidget(panel.scan)
        settle(app)
        elements = panel.scan.elements
        elements.setCurrentRow(min(1, elements.count() - 1))
    settle(app)
    OUT.mkdir(parents=True, exist_ok=True)
    out = OUT / f"scan-{scan.stem}.png"
    window.grab().save(str(out))
    window.close()
    return out


def main(argv: list[str]) -> int:
    scans = [Path(a) for a in argv] or untranscribed()
    tmp = Path(tempfile.mkdtemp(prefix="archivist-scan-shots-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    app = make_app(["archivist"])
    if "Noto Sans CJK TC" in QFontDatabase.families():
        app.setFont(QFont("Noto Sans CJK TC", 10))  # the scans are Traditional
    for scan in scans:
        print(shoot(app, scan, tmp).relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
