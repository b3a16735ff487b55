"""GUI tests run offscreen (no display needed), with their own settings, and fail on
any Qt warning: a warning from Qt is a bug we would otherwise only see in a terminal."""
import atexit
import os
import shutil
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings, QtMsgType, qInstallMessageHandler  # noqa: E402
from PySide6.QtGui import QUndoStack  # noqa: E402

from archivist.store import Library  # noqa: E402
from tests.conftest import SAMPLES  # noqa: E402

# Never the user's real settings (recent libraries, window geometry).
_SETTINGS_DIR = tempfile.mkdtemp(prefix="archivist-test-settings-")
atexit.register(shutil.rmtree, _SETTINGS_DIR, ignore_errors=True)  # each run left one in /tmp
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, _SETTINGS_DIR)

# Messages of the offscreen platform plugin itself, not of the app: it cannot resize
# native windows to their size hints, and says so for every top-level window shown.
KNOWN_PLATFORM_NOISE = ("This plugin does not support propagateSizeHints()",)
_qt_messages: list[str] = []


_previous_handler = None


def _record_qt_message(mode, context, message) -> None:
    if mode in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        if not message.startswith(KNOWN_PLATFORM_NOISE):
            _qt_messages.append(f"{mode.name}: {message} ({context.file}:{context.line})")
    if _previous_handler is not None:  # pytest-qt's capture still sees everything
        _previous_handler(mode, context, message)


qInstallMessageHandler(_record_qt_message)  # outside tests (imports, session fixtures) too


@pytest.fixture(autouse=True)
def fail_on_qt_warnings():
    """Every GUI test fails when Qt printed a warning, critical or fatal message.
    Installed per test, on top of pytest-qt's own handler, which it chains to."""
    global _previous_handler
    _qt_messages.clear()
    _previous_handler = qInstallMessageHandler(_record_qt_message)
    if _previous_handler is _record_qt_message:
        _previous_handler = None
    try:
        yield
    finally:
        qInstallMessageHandler(_previous_handler)
        _previous_handler = None
    messages, _qt_messages[:] = list(_qt_messages), []
    if messages:
        pytest.fail("Qt warnings during the test:\n" + "\n".join(messages), pytrace=False)


@pytest.fixture(scope="session")
def sample_library_template(tmp_path_factory):
    """The bundled sample pages imported once; tests get a copy (milliseconds)."""
    folder = tmp_path_factory.mktemp("samples") / "library"
    with Library.open(folder, create=True) as lib:
        report = lib.import_paths(sorted(SAMPLES.glob("*.txt")))
        assert report.ok and report.articles
    return folder


@pytest.fixture
def sample_library(sample_library_template, tmp_path):
    folder = tmp_path / "library"
    shutil.copytree(sample_library_template, folder)
    return folder


@pytest.fixture
def lib(sample_library):
    """The sample library, open for writing (the article panel tests)."""
    with Library.open(sample_library) as opened:
        yield opened


@pytest.fixture
def undo_stack(qtbot):
    return QUndoStack()


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def open_main_window(qtbot, settings, folder, create=True):
    from archivist.gui.mainwindow import MainWindow  # noqa: PLC0415 - after the offscreen platform is set

    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert window.open_library(folder, create=create)
    window.show()
    qtbot.waitExposed(window)
    return window


def settle_jobs(qtbot, window) -> None:
    """Before the window closes: its jobs' threads done and their ends handled. A job's end
    reaches the GUI thread queued, after its thread has returned (jobs run at background
    priority, so later still on a busy machine); closing before that asks "A job is
    running. Cancel it and quit?" in a modal box that nobody answers: the suite hung."""
    if window.writer is not None:
        window.writer.wait()
        qtbot.waitUntil(lambda: window.writer is None or window.writer.current_job is None, timeout=30_000)


@pytest.fixture
def main_window(qtbot, settings, sample_library):
    window = open_main_window(qtbot, settings, sample_library)
    yield window
    settle_jobs(qtbot, window)


@pytest.fixture
def empty_window(qtbot, settings, tmp_path):
    window = open_main_window(qtbot, settings, tmp_path / "empty-library")
    yield window
    settle_jobs(qtbot, window)
