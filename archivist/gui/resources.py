"""Where the app's resources (icons, translations, sample pages) live: resources/ at the
top of the source tree (the app runs from an editable install)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

ROOT = Path(__file__).resolve().parents[2] / "resources"
ICONS = ROOT / "icons"
TRANSLATIONS = ROOT / "translations"
SAMPLES = ROOT / "samples"
GUIDE = ROOT / "guide" / "user-guide.html"


def icon(name: str) -> QIcon:
    path = ICONS / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()
