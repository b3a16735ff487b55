"""`archivist` with no command: QApplication, translations, the library, the main window."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, Qt, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from archivist.fonts import CJK_FAMILY, CJK_FONT
from archivist.gui import window_state
from archivist.gui.resources import TRANSLATIONS, icon

_installed: list[QTranslator] = []


def language_for(setting: str) -> str:
    """"" = follow the system: Simplified Chinese for any Chinese locale, else English."""
    if setting:
        return setting
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def install_translation(app: QApplication, setting: str) -> str:
    """Load resources/translations/archivist_<lang>.qm (English needs none)."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    language = language_for(setting)
    if language != "en":
        translator = QTranslator(app)
        if translator.load(f"archivist_{language}", str(TRANSLATIONS)):
            app.installTranslator(translator)
            _installed.append(translator)
    return language


def install_cjk_font(app: QApplication) -> str | None:
    """Register the bundled CJK font (archivist.fonts) and put it second in the app's font
    families, so any character the system's UI font lacks (Han, full-width punctuation)
    is drawn with it: Chinese shows on a machine without a CJK font. Its family name, or
    None where the file is missing."""
    global _cjk_font_id
    if _cjk_font_id is None:
        _cjk_font_id = QFontDatabase.addApplicationFont(str(CJK_FONT)) if CJK_FONT.is_file() else -1
    if _cjk_font_id < 0:
        return None
    font = app.font()
    families = [f for f in font.families() or [font.family()] if f != CJK_FAMILY]
    font.setFamilies([*families, CJK_FAMILY])
    app.setFont(font)
    for generic in ("Sans Serif", "Serif", "Monospace", *families):  # fonts asked for by name
        if CJK_FAMILY not in QFont.substitutes(generic):
            QFont.insertSubstitution(generic, CJK_FAMILY)
    return CJK_FAMILY


_cjk_font_id: int | None = None


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        # Fractional scale factors (125%, 150%) as they are: sharp text and icons.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    install_cjk_font(app)
    app.setOrganizationName("archivist")
    app.setApplicationName("archivist")
    # No display name: Qt would append " — archivist" to every window title, and the main
    # window's "archivist — LIBRARY" would name the app twice.
    app.setWindowIcon(icon("archivist"))
    return app


def library_folder(args, settings: QSettings) -> Path:
    from archivist.store import default_library_dir  # noqa: PLC0415

    chosen = getattr(args, "library", None)
    if chosen:
        return Path(chosen).expanduser()
    last = settings.value("libraries/last", "", type=str)  # never a review library (MainWindow._remember_library)
    if last:
        return Path(last)
    recent = settings.value("libraries/recent", [])
    recent = [recent] if isinstance(recent, str) else list(recent or [])
    return Path(recent[0]) if recent else default_library_dir()


def open_window(settings: QSettings, folder: Path):
    from archivist.gui.mainwindow import MainWindow  # noqa: PLC0415

    window = MainWindow(settings)
    if not window.open_library(folder, create=True):
        return None
    return window


def run(args) -> int:
    window = start(args)
    return 1 if window is None else QApplication.instance().exec()


def start(args):
    """Everything `run` does before the event loop: the shown main window (or None)."""
    app = make_app()
    settings = QSettings()
    install_translation(app, settings.value("ui/language", "", type=str))
    window = open_window(settings, library_folder(args, settings))
    if window is None:
        return None
    state = {"window": window}

    def switch_language(setting: str) -> None:
        # Rebuilding the window is the simplest way to retranslate every widget.
        old = state["window"]
        folder, view = old.folder, window_state.view(old)
        if not old.close():  # unsaved edits, and the user chose Cancel
            return
        install_translation(app, setting)
        new = open_window(settings, folder)
        if new is not None:
            window_state.restore_view(new, view)  # the same rows selected, the same sort
            new.languageChangeRequested.connect(switch_language)
            new.show()
            state["window"] = new

    window.languageChangeRequested.connect(switch_language)
    window.show()
    QTimer.singleShot(0, window.offer_samples_if_empty)
    return window
