"""A damaged library in the window (issue 19): opened read-only and said so once (a bar,
the title, the status bar); edits refused with that message, not a traceback; Tools →
Check Library… runs the full check off the GUI thread and recovers into a new folder."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from archivist.gui import actions
from archivist.store import Library, health
from tests.gui.conftest import open_main_window
from tests.unit.test_damaged_library import _damage


@pytest.fixture
def damaged(sample_library):
    with Library.open(sample_library, readonly=True) as lib:  # a backup from before the damage
        health.automatic_backup(lib._conn, lib.path, lib.schema_version, every_days=0)
    _damage(sample_library)
    return sample_library


@pytest.fixture
def warnings(monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: said.append(text))
    return said


def _window(qtbot, settings, folder):
    w = open_main_window(qtbot, settings, folder, create=False)
    qtbot.waitUntil(lambda: w.damage_bar.isVisible())  # the check at open runs after the window shows
    w.model.wait()
    qtbot.waitUntil(lambda: w.model.rowCount() > 0)
    return w


def test_a_damaged_library_opens_read_only_and_says_so_once(qtbot, settings, damaged, warnings, tmp_path):
    before = (damaged / "library.sqlite").read_bytes()
    w = _window(qtbot, settings, damaged)
    assert w.writer.library.readonly and w.writer.library.damage
    assert w.damage_bar.isVisible() and "read-only" in w.damage_bar.label.text()
    assert "archivist check" in w.damage_bar.label.text()
    assert "read-only" in w.windowTitle() and "read-only" in w.status.library_label.text().lower()
    assert not warnings  # the bar says it; no dialog on top of it

    w.select_ids([w.model.id_at(0)])
    for name in ("markReviewed", "trash"):
        w.actions_by_name[name].trigger()
    assert len(warnings) == 2 and all("damaged" in t and "read-only" in t for t in warnings)
    page = tmp_path / "page.txt"
    page.write_text("# 标题\n\n本报讯 这是一篇足够长的文章内容，用来试一试导入。\n", encoding="utf-8")
    assert actions.start_import(w, [page]) is None and len(warnings) == 3
    assert w.undo_stack.count() == 0 and not w.reader.trashed_ids()
    w.close()
    assert (damaged / "library.sqlite").read_bytes() == before  # nothing written on


def test_a_sound_library_shows_no_damage(main_window):
    w = main_window
    assert not w.damage_bar.isVisible() and "read-only" not in w.windowTitle()


def test_check_library_finds_the_damage_and_recovers_into_a_new_folder(qtbot, settings, damaged, tmp_path):
    w = _window(qtbot, settings, damaged)
    qtbot.mouseClick(w.damage_bar.check_button, Qt.MouseButton.LeftButton)
    dialog = w.check_dialog
    assert dialog.isVisible() and dialog.bar.maximum() == 0  # busy while SQLite checks, off the GUI thread
    with qtbot.waitSignal(dialog.checked, timeout=20000) as got:
        pass
    assert got.args[0] and dialog.recover_button.isVisible() and dialog.restore_button.isEnabled()
    assert "Backup:" in dialog.details.toPlainText()

    fresh = tmp_path / "recovered"
    with qtbot.waitSignal(dialog.recovered, timeout=30000):
        dialog.start_recovery(fresh, backup=False)
    assert str(fresh) in dialog.label.text() and dialog.open_button.isVisible()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert w.folder == fresh.resolve() and not w.writer.library.damage and not w.damage_bar.isVisible()
    assert w.reader.count() > 0 and "read-only" not in w.windowTitle()

    # The new library is sound: the check says so and offers nothing.
    dialog = actions.check_library(w)
    with qtbot.waitSignal(dialog.checked, timeout=20000) as got:
        pass
    assert got.args[0] == [] and "sound" in dialog.label.text() and not dialog.recover_button.isVisible()
    dialog.close()


def test_the_restore_button_makes_a_new_library_from_the_backup(qtbot, settings, damaged, tmp_path, monkeypatch):
    w = _window(qtbot, settings, damaged)
    dialog = actions.check_library(w)
    with qtbot.waitSignal(dialog.checked, timeout=20000):
        pass
    out = tmp_path / "from-backup"
    monkeypatch.setattr(dialog, "choose_folder", lambda: out)
    with qtbot.waitSignal(dialog.recovered, timeout=30000):
        dialog.restore_button.click()
    assert "-auto.sqlite" in dialog.label.text()
    with Library.open(out) as lib:
        assert not lib.damage and lib.count() == w.reader.count()
    dialog.close()


def test_check_library_can_be_cancelled(qtbot, main_window, monkeypatch):
    """A full check of a big library takes minutes: Cancel stops it and says nothing is known."""
    import threading  # noqa: PLC0415

    from archivist.gui.dialogs import check_dialog  # noqa: PLC0415

    asked = threading.Event()

    def slow_check(_folder, progress, cancelled):
        progress(0, 0, "3")
        while not cancelled():
            asked.wait(0.01)
        raise health.CheckCancelled("the check was cancelled")

    monkeypatch.setattr(check_dialog, "_check", slow_check)
    dialog = actions.check_library(main_window)
    qtbot.waitUntil(lambda: "(3 s)" in dialog.label.text())
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: dialog.job.done and "Cancelled" in dialog.label.text())
    assert dialog.found is None and not dialog.recover_button.isVisible()
    qtbot.waitUntil(lambda: main_window.writer.current_job is None)
    dialog.close()


def test_a_write_before_the_check_at_open_answers_waits_for_it(qtbot, settings, damaged):
    """The check runs after the window shows; a write made meanwhile must not reach the
    damaged file: it waits for the answer and is then refused."""
    from archivist.store.health import LibraryDamaged  # noqa: PLC0415

    before = (damaged / "library.sqlite").read_bytes()
    w = open_main_window(qtbot, settings, damaged, create=False)
    with pytest.raises(LibraryDamaged, match="damaged"):
        w.writer.run_write(lambda lib: lib.set_status([1], "reviewed"))
    qtbot.waitUntil(lambda: w.damage_bar.isVisible())
    w.close()
    assert (damaged / "library.sqlite").read_bytes() == before
