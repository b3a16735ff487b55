"""The CJK font the app ships (resources/fonts, SIL OFL 1.1): a subset of Noto Sans CJK SC
made by tools/cjk_font.py. A fresh Debian or Ubuntu has no CJK font (DejaVu only); without
one, Qt draws Chinese as empty boxes and PDFium renders a PDF's non-embedded Chinese fonts
(STSong-Light, SimSun…) as blank. The GUI registers it with Qt as the fallback for Han
text, archivist.scan.pdf with PDFium for CJK fonts the system cannot supply. Where the
system has a full CJK font, PDFium keeps using it; Qt tries this subset first for Han text
and the system's fonts for any character it lacks.
"""
from __future__ import annotations

from pathlib import Path

FONTS = Path(__file__).resolve().parents[1] / "resources" / "fonts"
CJK_FONT = FONTS / "ArchivistSansSC-Regular.otf"
CJK_FAMILY = "Archivist Sans SC"
