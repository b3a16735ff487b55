"""Chinese shows on a machine with no CJK font (a fresh Debian: DejaVu only): the app
registers its own subset of Noto Sans CJK SC (resources/fonts, SIL OFL) with Qt, first in
line for Han text. Run through ../shared/tools/with-base-fonts, these prove it without
any system CJK font; with one installed, they still hold."""
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QTextLayout

from archivist.fonts import CJK_FAMILY, CJK_FONT, FONTS
from archivist.gui.app import install_cjk_font, make_app
from tests.conftest import ROOT, SAMPLES


def shown_text() -> str:
    """What the app shows in Chinese: the sample pages, the test pages, the translation."""
    paths = [*SAMPLES.glob("*.txt"), ROOT / "tests" / "data" / "scan" / "sample.txt",
             *(ROOT / "resources" / "translations").glob("*.ts")]
    return "".join(sorted({c for p in paths for c in p.read_text(encoding="utf-8") if ord(c) > 0x2000}))


def test_the_bundled_font_is_registered_and_has_every_character_shown(qapp):
    app = make_app()
    assert install_cjk_font(app) == CJK_FAMILY and CJK_FAMILY in QFontDatabase.families()
    metrics = QFontMetrics(QFont(CJK_FAMILY))
    missing = [c for c in shown_text() if c.isprintable() and not metrics.inFontUcs4(ord(c))]
    assert missing == []
    assert (FONTS / "OFL.txt").read_text(encoding="utf-8").count("SIL OPEN FONT LICENSE Version 1.1")
    assert CJK_FONT.stat().st_size < 4_000_000


def test_han_text_in_the_default_ui_font_is_drawn_with_a_font_that_has_it(qapp):
    """The widgets' default font (DejaVu Sans on a bare machine) has no Han glyphs; Qt's
    fallback must land on a font that has them, not draw empty boxes."""
    make_app()
    text = "青岛日报：海滨社区建起“共享书房”。"
    layout = QTextLayout(text, QFont())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    fonts = [run.rawFont() for run in layout.glyphRuns()]
    assert fonts
    for ch in set(text):
        assert any(f.supportsCharacter(ord(ch)) for f in fonts), ch
