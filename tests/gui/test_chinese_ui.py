"""The Chinese interface as an archivist met it (issue 17 item 7): toolbar labels
without "(I)", menus without clashing mnemonics, titles not clipped, no Chinese text in
the English interface, and a language switch that keeps the selection and the sort."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolBar

from archivist import cli
from archivist.gui import app as gui_app
from archivist.gui.article import SplitEditor
from archivist.gui.article.render import article_html
from archivist.gui.dialogs.preferences import PreferencesDialog
from archivist.gui.mainwindow import MainWindow
from tests.gui.conftest import open_main_window



@pytest.fixture
def chinese():
    application = QApplication.instance()
    gui_app.install_translation(application, "zh_CN")
    yield
    gui_app.install_translation(application, "en")


def mnemonics(menu) -> list[str]:
    keys = []
    for act in menu.actions():
        m = re.search(r"&(\w)", act.text().replace("&&", ""))
        if m and not act.isSeparator():
            keys.append(m[1].lower())
    return keys


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_menu_mnemonics_are_unique_and_toolbar_labels_plain(qtbot, settings, sample_library, language):
    application = QApplication.instance()
    try:
        gui_app.install_translation(application, language)
        w = open_main_window(qtbot, settings, sample_library)
        for top in w.menuBar().actions():
            keys = mnemonics(top.menu())
            assert len(keys) == len(set(keys)), (top.text(), keys)
        bar = w.findChild(QToolBar, "mainToolbar")
        labels = [bar.widgetForAction(a).text() for a in bar.actions() if not a.isSeparator()]
        assert labels and all("(" not in t and "&" not in t and "…" not in t for t in labels), labels
        if language == "zh_CN":
            assert labels[0] == "导入文件" and "撤销" in labels
    finally:
        gui_app.install_translation(application, "en")


def test_preferences_title_fits_in_chinese(qtbot, chinese):
    dialog = PreferencesDialog("zh_CN")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "首选项"
    assert dialog.minimumWidth() >= dialog.fontMetrics().horizontalAdvance(dialog.windowTitle()) + 150


def test_the_english_interface_says_untitled_in_english(qtbot, lib):
    a = lib.get_article(lib.list_ids()[0])
    a["headline"] = None
    assert "（无标题）" not in article_html(a, show_empty_headline=True)
    assert "(untitled)" in article_html(a, show_empty_headline=True)
    sid = a["source_id"]
    first = lib.source_articles(sid)[0]
    untitled = dict(lib.get_article(first), headline=None)
    lib.save_article(first, untitled)
    editor = SplitEditor()
    qtbot.addWidget(editor)
    editor.set_context(lib, None, None)
    editor.show_source(sid)
    assert editor.tree.topLevelItem(0).text(1).endswith("(untitled)")


def test_switching_language_keeps_selection_and_sort(qtbot, sample_library, chinese):
    args = cli.build_parser().parse_args(["--library", str(sample_library)])
    args.library = args.top_library
    gui_app.install_translation(QApplication.instance(), "en")
    window = gui_app.start(args)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    header = window.table.horizontalHeader()
    from archivist.gui.models import COLUMN  # noqa: PLC0415

    header.setSortIndicator(COLUMN["headline"], Qt.SortOrder.DescendingOrder)
    window.select_ids([window.model.id_at(3)])
    chosen, sort = window.selected_ids(), window.model.sort_state
    window.languageChangeRequested.emit("zh_CN")
    new = next(x for x in QApplication.topLevelWidgets()
               if isinstance(x, MainWindow) and x is not window and x.isVisible())
    qtbot.addWidget(new)
    qtbot.waitUntil(lambda: new.selected_ids() == chosen)
    assert new.model.sort_state == sort
    assert header is not new.table.horizontalHeader()
    assert new.table.horizontalHeader().sortIndicatorSection() == COLUMN["headline"]
    assert new.menuBar().actions()[0].text().startswith("文件")


def test_fix_reasons_in_the_chinese_review_tab(qtbot, settings, sample_library, chinese):
    w = open_main_window(qtbot, settings, sample_library)
    article = next(a for a in (w.reader.get_article(i) for i in w.model.ids)
                   if any(f["rule"] == "punct.width" for f in a["fixes"]))
    w.select_ids([article["id"]])
    review = w.article_panel.review
    w.article_panel.tabs.setCurrentWidget(review)  # filled when shown
    reasons = [review.table.item(r, 3).text() for r in range(review.table.rowCount())]
    k = next(i for i, f in enumerate(article["fixes"]) if f["rule"] == "punct.width")
    assert reasons[k] == "中文里的半角标点"
    # Every reason the samples carry is shown in Chinese, its quoted text kept.
    assert not [r for r in reasons if re.search(r"[A-Za-z]{4,}", re.sub(r"“.*”|'.*'", "", r))], reasons
    from archivist.gui.article.reasons import reason_text  # noqa: PLC0415

    assert reason_text("same as the paragraph “青岛啤酒节”") == "与段落“青岛啤酒节”相同"
    assert reason_text("half-width mark in Chinese text (in text brought back by reverting fix #3)") == \
        "中文里的半角标点（还原修正 #3 时恢复的文字）"
    assert reason_text("a reason from a newer cleaner") == "a reason from a newer cleaner"


def test_every_reason_the_cleaner_writes_has_a_chinese_text(chinese, samples):
    from archivist.gui.article.reasons import reason_text  # noqa: PLC0415
    from archivist.split import split_text  # noqa: PLC0415
    from tests.unit.test_revert import MESSY, REPEATED_SENTENCE  # noqa: PLC0415

    text = "\n\n".join([*samples.values(), MESSY, REPEATED_SENTENCE])
    reasons = {f.reason for a in split_text(text).articles for f in a.fixes}
    assert len(reasons) > 5
    english = [r for r in reasons if re.search(r"[A-Za-z]{4,}", re.sub(r"“.*”|'.*'", "", reason_text(r)))]
    assert not english, english


def test_the_edition_interface_in_chinese(qtbot, settings, sample_library, chinese):
    from archivist.gui.models import COLUMN  # noqa: PLC0415

    w = open_main_window(qtbot, settings, sample_library)
    heads = [w.model.headerData(COLUMN[k], Qt.Orientation.Horizontal) for k in ("paper", "date", "page", "section")]
    assert heads[0] == "报名" and heads[2:] == ["版次", "版名"]
    panel = w.article_panel
    assert panel.tabs.tabText(panel.tabs.indexOf(panel.edition)) == "出版信息"
    assert w.browse_tree.topLevelItem(0).text(0).startswith("全部报纸")
    assert w.actions_by_name["setEdition"].text() == "设置所选文章的出版信息(&D)…"
    w.select_ids(w.model.ids[:1])
    w.article_panel.tabs.setCurrentWidget(panel.edition)
    shown = [label.text() for label in panel.edition.reasons.values()]
    assert shown and not [r for r in shown if re.search(r"[A-Za-z]{4,}", re.sub(r"'.*'", "", r))], shown
    form = panel.edition
    assert form.reason_text("from file name 'A01'") == "来自文件名 'A01'"
    assert form.reason_text("from PDF page 3 of 8") == "来自 PDF 第 3 页（共 8 页）"
    assert form.reason_text("from page 1's masthead line '青岛日报'") == "来自报头行 '青岛日报'（第 1 页）"
    assert form.reason_text("guessed, unconfirmed") == "推测，未确认"
    assert form.reason_text("a reason from a newer archivist") == "a reason from a newer archivist"


def test_edition_reasons_in_english_are_the_stored_ones(qtbot):
    from archivist.gui.widgets.editionform import EditionForm  # noqa: PLC0415

    form = EditionForm()
    qtbot.addWidget(form)
    for why in ("from folio line '第3版 要闻'", "from PDF metadata Title '2024年11月2日'", "from TIFF page 2 of 2",
                "from the import's paper field", "from review reviewed.zip", "merge conflict #3: theirs"):
        assert form.reason_text(why) == why
    assert form.reason_text("from page 1's masthead line '青岛日报'") == "from masthead line '青岛日报' (on page 1)"
