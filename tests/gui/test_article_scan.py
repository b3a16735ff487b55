"""The Scan tab of an article read from a PDF: the page with each element's line boxes."""
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from archivist.gui.article import ArticlePanel
from archivist.store import Library
from tests.gui.article_fixtures import write_through

DATA = Path(__file__).resolve().parents[1] / "data" / "scan"
pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def test_scan_tab_shows_the_page_and_the_picked_element(qtbot, tmp_path):
    with Library.open(tmp_path / "lib", create=True) as lib:
        report = lib.import_paths([DATA / "text.pdf", DATA / "sample.txt"])
        assert report.ok
        panel = ArticlePanel()
        qtbot.addWidget(panel)
        panel.set_context(lib, QUndoStack(), write_through(lib))
        panel.resize(1000, 700)
        pdf_id = next(i for i in report.article_ids
                      if lib.source(lib.get_article(i)["source_id"])["kind"] == "pdf-text")
        panel.show_article(pdf_id)
        assert panel.scan is not None and panel.tabs.isTabVisible(panel.tabs.indexOf(panel.scan))
        panel.tabs.setCurrentWidget(panel.scan)
        scan = panel.scan
        assert not scan._images[scan._page].isNull()
        assert scan.box_items and scan.elements.count() >= 2
        scan.elements.setCurrentRow(1)
        picked = [b for b in scan.box_items if b.brush().color().alpha() == 90]
        assert picked
        # A text page has no scan: the tab is hidden.
        text_id = next(i for i in report.article_ids if i != pdf_id
                       and lib.source(lib.get_article(i)["source_id"])["kind"] == "text")
        panel.show_article(text_id)
        assert not panel.tabs.isTabVisible(panel.tabs.indexOf(panel.scan))
