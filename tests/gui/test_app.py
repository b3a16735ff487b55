"""Start-up: `archivist --library DIR`, no jieba at start, settings kept, first-start
offer of the sample pages, the Chinese interface."""
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from archivist import cli
from archivist.gui import app as gui_app
from archivist.gui.dialogs import libraries
from tests.gui.conftest import open_main_window


def test_archivist_with_library_option_opens_that_library(qtbot, sample_library, monkeypatch):
    seen = {}
    monkeypatch.setattr("archivist.launch.launch_gui", lambda args: seen.setdefault("library", args.library) and 0)
    assert cli.main(["--library", str(sample_library)]) == 0
    assert seen["library"] == str(sample_library)
    # What run() does before the event loop: the window on that library, shown.
    args = cli.build_parser().parse_args(["--library", str(sample_library)])
    args.library = args.top_library
    window = gui_app.start(args)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    assert window.folder == sample_library and window.model.rowCount() == 9
    assert "jieba" not in sys.modules          # the window opened without the keyword dictionary


def test_settings_keep_geometry_splitters_recent_libraries_and_last_search(qtbot, settings, sample_library, tmp_path):
    w = open_main_window(qtbot, settings, sample_library)
    w.resize(1234, 577)
    size = w.size()
    w.main_splitter.setSizes([300, 800])
    w.search_bar.set_query("青岛", now=True)
    w.close()
    again = open_main_window(qtbot, settings, tmp_path / "other")
    assert again.height() == size.height() == 577  # (the offscreen screen clamps widths)
    # The offscreen screen is 800 px wide, so the restored window is as narrow as it may
    # be and the splitter squeezed; at the old width the saved sizes come back exactly.
    again.resize(size)
    again.main_splitter.restoreState(settings.value("window/mainSplitter"))
    assert again.main_splitter.sizes()[0] == 300
    assert again.search_bar.query == "青岛"
    assert again.recent_libraries() == [str(tmp_path / "other"), str(sample_library)]
    assert [a.text() for a in again.recent_menu.actions()] == again.recent_libraries()


def test_first_start_offers_the_sample_pages_once(qtbot, empty_window, monkeypatch):
    w = empty_window
    asked = []
    monkeypatch.setattr(libraries, "offer_samples", lambda parent: asked.append(1) or True)
    w.offer_samples_if_empty()
    with qtbot.waitSignal(w.import_dialog.summaryShown, timeout=30000):
        pass
    qtbot.waitUntil(lambda: w.writer.current_job is None and w.model.rowCount() > 0)
    assert len(asked) == 1
    w.import_dialog.accept()
    w.undo_stack.undo()                         # all gone again: still not asked twice
    w.offer_samples_if_empty()
    assert len(asked) == 1


def test_the_interface_in_simplified_chinese(qtbot, settings, sample_library):
    application = QApplication.instance()
    try:
        assert gui_app.install_translation(application, "zh_CN") == "zh_CN"
        w = open_main_window(qtbot, settings, sample_library)
        menus = [a.text() for a in w.menuBar().actions()]
        assert menus[0].startswith("文件") and menus[1].startswith("编辑")
        assert w.model.headerData(0, Qt.Orientation.Horizontal) == "标题"
        assert w.undo_stack.undoText() == ""
        w.select_ids(w.model.ids[:1])
        w.actions_by_name["markReviewed"].trigger()
        assert w.actions_by_name["undo"].text().startswith("撤销")
    finally:
        gui_app.install_translation(application, "en")
