"""Start-up: `archivist --library DIR`, no jieba at start, settings kept, first-start
offer of the sample pages, the Chinese interface."""
import sqlite3
import sys
import threading

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from archivist import cli
from archivist.gui import app as gui_app
from archivist.gui import opening
from archivist.gui.dialogs import libraries
from archivist.store import Library, reindex
from tests.gui.conftest import open_main_window


def test_archivist_with_library_option_opens_that_library(qtbot, sample_library, monkeypatch):
    seen = {}
    # Another test in this process may have loaded jieba (tag suggestions): forget it, so
    # the check below is about opening the window only.
    for name in [n for n in sys.modules if n == "jieba" or n.startswith("jieba.")]:
        monkeypatch.delitem(sys.modules, name)
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


def review_library(folder):
    """An (empty) review library, as bundle.open_review marks one."""
    with Library.open(folder, create=True) as lib:
        lib.set_review_info({"base_library_id": "desk", "bundle_name": "desk.zip"})
    return folder


def test_an_empty_review_library_is_not_offered_the_samples(qtbot, settings, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(libraries, "offer_samples", lambda parent: asked.append(1) or True)
    w = open_main_window(qtbot, settings, review_library(tmp_path / "review"), create=False)
    w.offer_samples_if_empty()
    assert asked == [] and w.writer.current_job is None


def test_a_review_is_in_recent_libraries_but_not_reopened_by_default(qtbot, settings, sample_library, tmp_path):
    review = review_library(tmp_path / "review")
    w = open_main_window(qtbot, settings, sample_library)
    assert w.open_library(review, create=False)
    assert w.recent_libraries()[:2] == [str(review), str(sample_library)]
    assert [a.text() for a in w.recent_menu.actions()][:2] == [str(review), str(sample_library)]
    args = cli.build_parser().parse_args([])
    assert gui_app.library_folder(args, settings) == sample_library
    assert w.open_library(tmp_path / "other")  # a plain library opened after it is the next default
    assert gui_app.library_folder(args, settings) == tmp_path / "other"


def test_the_article_panels_in_simplified_chinese(qtbot, settings, sample_library):
    application = QApplication.instance()
    try:
        gui_app.install_translation(application, "zh_CN")
        w = open_main_window(qtbot, settings, sample_library)
        w.select_ids(w.model.ids[:1])
        panel = w.article_panel
        tabs = [panel.tabs.tabText(i) for i in range(4)]
        assert tabs == ["阅读", "编辑", "审校", "修订历史"]
        assert panel.editor.save_button.text() == "保存修订"
        assert panel.review.revert_button.text() == "还原修正"
        assert panel.review.table.horizontalHeaderItem(1).text() == "规则"
        assert "修订 #" in panel.title.text()
        assert w.split_editor.merge_button.text() == "与下一篇合并"
        panel.tabs.setCurrentWidget(panel.review)
        panel.review.acceptAllRequested.emit()
        assert w.undo_stack.undoText() == "接受全部修正"
    finally:
        gui_app.install_translation(application, "en")


def test_stopping_the_reindex_leaves_the_library_to_go_on_next_time(qtbot, settings, sample_library, monkeypatch):
    """The opening dialog's Stop: the window stays as it was, says the re-index goes on
    next time, and the next open finishes it (issue 18)."""
    from archivist.gui import mainwindow  # noqa: PLC0415
    from archivist.gui.mainwindow import MainWindow  # noqa: PLC0415

    conn = sqlite3.connect(sample_library / "library.sqlite")
    conn.execute("UPDATE meta SET value = 'an older archivist' WHERE key = 'search_norm'")
    conn.commit()
    conn.close()
    monkeypatch.setattr(reindex, "BATCH", 2)
    monkeypatch.setattr(opening, "SHOW_AFTER_MS", 0)
    clicked = threading.Event()
    real_batch = reindex._index_batch

    def held_batch(conn, after):   # the first batch waits until Stop was clicked: a long re-index
        clicked.wait(10)
        return real_batch(conn, after)

    monkeypatch.setattr(reindex, "_index_batch", held_batch)
    told = []
    monkeypatch.setattr(mainwindow.QMessageBox, "information", lambda *a: told.append(a[1:]))

    def click_stop():
        buttons = [b for b in QApplication.allWidgets() if b.objectName() == "stopReindex" and b.isVisible()]
        if buttons:
            buttons[0].click()
            clicked.set()
        else:
            QTimer.singleShot(20, click_stop)

    QTimer.singleShot(0, click_stop)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert not window.open_library(sample_library)
    assert clicked.is_set() and window.writer is None
    assert told and "goes on" in told[0][1]
    monkeypatch.setattr(reindex, "_index_batch", real_batch)
    assert window.open_library(sample_library)                 # the next open finishes it
    assert window.reader.search_count("青島") == window.reader.search_count("青岛") > 0
    window.close_library()


def test_an_outdated_library_is_reindexed_with_progress_without_freezing(qtbot, settings, sample_library, monkeypatch):
    conn = sqlite3.connect(sample_library / "library.sqlite")
    conn.execute("UPDATE meta SET value = 'an older archivist' WHERE key = 'search_norm'")
    conn.commit()
    conn.close()
    seen = []
    real_open = Library.open

    def slow_open(folder, create=False, progress=None, **kw):
        def spy(done, total, message):
            seen.append((done, total))
            progress(done, total, message)
        return real_open(folder, create=create, progress=spy, **kw)

    monkeypatch.setattr(opening.Library, "open", slow_open)
    w = open_main_window(qtbot, settings, sample_library)
    assert w.folder == sample_library and w.model.rowCount() == 9
    assert seen and seen[-1][0] == seen[-1][1] == 9          # every article re-indexed, reported
    assert w.reader.search_count("青島") == w.reader.search_count("青岛") > 0
    qtbot.waitUntil(lambda: not w.findChildren(opening.QProgressDialog))  # gone once opened
