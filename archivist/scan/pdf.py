"""PDF pages: the text layer where a page has one, otherwise the page rendered and OCR'd.

pypdfium2 (PDFium, Apache/BSD) reads and renders; PyMuPDF is never used (AGPL).
Positions are given in pixels of the page rendered at RENDER_DPI, origin top-left, for
text-layer and OCR'd pages alike, so the GUI can draw any region on one rendering.
"""
from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from archivist.errors import Cancelled, InputError
from archivist.fonts import CJK_FAMILY, CJK_FONT
from archivist.scan.layout import Line

RENDER_DPI = 200
SCALE = RENDER_DPI / 72  # PDF units are 1/72 inch
# A page whose text layer holds fewer visible characters than this is treated as a scan
# (scanners often put a page number or a stray mark in an otherwise empty layer).
MIN_TEXT_CHARS = 12
FPDF_ERR_PASSWORD = 4
# The font PDFium is given for a CJK font neither the PDF nor the system has; None: none.
BUNDLED_FONT: Path | None = CJK_FONT
# PDFium's charsets of the CJK fonts it asks the system for (FXFONT_*_CHARSET).
CJK_CHARSETS = {128, 129, 134, 136}  # Shift-JIS, Hangul, GB2312, Big5
GB2312_CHARSET = 134
_font_lock = threading.Lock()
_font_installed = False


@dataclass
class PdfPage:
    number: int
    size: tuple[int, int]  # pixels at RENDER_DPI
    lines: list[Line]
    kind: str  # "pdf-text" | "pdf-ocr"


def install_bundled_font() -> None:
    """Once per process: PDFium asks the system for a font the PDF names but does not
    embed; where the system has no CJK font, it gets the app's (archivist.fonts), instead
    of rendering the page's Chinese blank. Wraps whatever font handler is installed."""
    global _font_installed
    with _font_lock:
        if _font_installed:
            return
        _font_installed = True
        import pypdfium2 as pdfium  # noqa: PLC0415 - with the first PDF only

        if BUNDLED_FONT is None or not BUNDLED_FONT.is_file() or not hasattr(pdfium, "PdfSysfontBase"):
            return  # (pypdfium2 before 5 has no font handler API: system fonts only)
        _bundled_handler(pdfium)(BUNDLED_FONT.read_bytes(), pdfium.PdfSysfontBase.SINGLETON).setup()


def _bundled_handler(pdfium):
    handle = 0xA2C1F0  # what PDFium is handed for our font: any value not NULL

    class BundledCJK(pdfium.PdfSysfontBase):
        """The system's fonts first; the bundled one for a CJK charset they cannot serve."""

        def __init__(self, data: bytes, default=None):
            super().__init__(default)
            self.data = data
            self.used = 0

        def MapFont(self, this, weight, italic, charset, pitch, face, exact):  # noqa: N802 - PDFium callback
            found = super().MapFont(this, weight, italic, charset, pitch, face, exact)
            if found or charset not in CJK_CHARSETS:
                return found
            self.used += 1
            return handle

        def GetFontData(self, this, font, table, buffer, size):  # noqa: N802
            if font != handle:
                return super().GetFontData(this, font, table, buffer, size)
            if table != 0:  # only the whole file is asked for (0 for "not a collection")
                return 0
            if buffer and size >= len(self.data):
                ctypes.memmove(buffer, self.data, len(self.data))
            return len(self.data)

        def GetFaceName(self, this, font, buffer, size):  # noqa: N802
            if font != handle:
                return super().GetFaceName(this, font, buffer, size)
            name = CJK_FAMILY.encode() + b"\0"
            if buffer and size >= len(name):
                ctypes.memmove(buffer, name, len(name))
            return len(name)

        def GetFontCharset(self, this, font):  # noqa: N802
            return GB2312_CHARSET if font == handle else super().GetFontCharset(this, font)

        def DeleteFont(self, this, font):  # noqa: N802
            if font != handle:
                super().DeleteFont(this, font)

    return BundledCJK


def open_pdf(data: bytes):
    import pypdfium2 as pdfium  # noqa: PLC0415

    install_bundled_font()
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == FPDF_ERR_PASSWORD:
            raise InputError("the PDF is encrypted (password protected); save an unprotected copy") from None
        raise InputError(f"not a readable PDF ({exc})") from None
    return doc


def text_lines(page, number: int) -> list[Line]:
    """The page's text layer as positioned lines, read so that no installed font matters.

    A PDF may name a font it does not embed (STSong-Light, SimSun…); PDFium then measures
    glyphs with whatever substitute the system offers, and where none has Han glyphs a
    character's tight box and the text rectangles collapse to nothing. So the text, its
    order and its line breaks come from the text page itself (what FPDFText_GetText
    gives), and the geometry from each character's loose box, which PDFium computes from
    the font size, the advance widths and the ascent/descent written in the PDF.
    """
    import pypdfium2.raw as pdfium_c  # noqa: PLC0415

    textpage = page.get_textpage()
    try:
        visible = sum(1 for ch in textpage.get_text_range() if not ch.isspace())
        if visible < MIN_TEXT_CHARS:
            return []
        left, _bottom, _right, top = page.get_bbox()
        lines = []
        for text, (l, b, r, t) in _runs(textpage, pdfium_c):
            text = text.strip()
            if text:
                box = ((l - left) * SCALE, (top - t) * SCALE, (r - left) * SCALE, (top - b) * SCALE)
                lines.append(Line(text, box, number))
        return lines
    finally:
        textpage.close()


def _char_box(textpage, pdfium_c, i: int, rect) -> tuple[float, float, float, float] | None:
    """Character i's loose box (left, bottom, right, top), in PDF units; one built from the
    origin and the font size where the PDF's metrics give no height."""
    if not pdfium_c.FPDFText_GetLooseCharBox(textpage, i, rect):
        return None
    l, b, r, t = rect.left, rect.bottom, rect.right, rect.top
    size = pdfium_c.FPDFText_GetFontSize(textpage, i)
    if t - b < 0.2 * size:
        x, y = ctypes.c_double(), ctypes.c_double()
        if pdfium_c.FPDFText_GetCharOrigin(textpage, i, x, y):
            b, t = y.value - 0.12 * size, y.value + 0.88 * size
            if r - l < 0.2 * size:
                l, r = x.value, x.value + size
    return l, b, r, t


def _runs(textpage, pdfium_c) -> Iterator[tuple[str, tuple[float, float, float, float]]]:
    """(text, box) for each line of the text page: characters in the text page's order, a
    new line at each line break PDFium put there and wherever the next character is not
    beside the last (a jump back, down, or across a gutter wider than one em)."""
    rect = pdfium_c.FS_RECTF()
    text, box, last = [], None, None

    def flush():
        nonlocal text, box, last
        run = ("".join(text), box) if text and box else None
        text, box, last = [], None, None
        return run

    n = textpage.count_chars()
    i = 0
    while i < n:
        code = pdfium_c.FPDFText_GetUnicode(textpage, i)
        i += 1
        if 0xD800 <= code < 0xDC00 and i < n:  # a surrogate pair given as two characters
            low = pdfium_c.FPDFText_GetUnicode(textpage, i)
            if 0xDC00 <= low < 0xE000:
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                i += 1
        ch = chr(code) if code else ""
        if ch in ("\r", "\n", "\x02", "\ufffe") or not ch:
            if ch in ("\r", "\n") and (run := flush()):
                yield run
            continue
        if ch.isspace():
            if text:
                text.append(" ")
            continue
        cb = _char_box(textpage, pdfium_c, i - 1, rect)
        if cb is None:
            continue
        if last is not None:
            height = max(last[3] - last[1], cb[3] - cb[1], 1e-6)
            overlap = min(last[3], cb[3]) - max(last[1], cb[1])
            if overlap < 0.3 * height or cb[0] < last[0] - 0.5 * height or cb[0] - last[2] > 1.0 * height:
                if run := flush():
                    yield run
        text.append(ch)
        box = cb if box is None else (min(box[0], cb[0]), min(box[1], cb[1]), max(box[2], cb[2]), max(box[3], cb[3]))
        last = cb
    if run := flush():
        yield run


def pages(data: bytes, ocr: Callable | None = None, cancel: Callable[[], bool] | None = None) -> Iterator[tuple[int, int, PdfPage]]:
    """Yield (index, page count, PdfPage) page by page; `ocr(image, page_number)` reads a
    scan; `cancel()` is asked before each page."""
    doc = open_pdf(data)
    try:
        total = len(doc)
        for i in range(total):
            if cancel is not None and cancel():
                raise Cancelled("cancelled")
            page = doc[i]
            try:
                w, h = page.get_size()
                size = (round(w * SCALE), round(h * SCALE))
                lines = text_lines(page, i + 1)
                kind = "pdf-text"
                if not lines:
                    if ocr is None:
                        from archivist.scan.ocr import recognise as ocr  # noqa: PLC0415
                    image = page.render(scale=SCALE).to_pil()
                    lines, kind = ocr(image, i + 1), "pdf-ocr"
                yield i, total, PdfPage(i + 1, size, lines, kind)
            finally:
                page.close()
    finally:
        doc.close()


def metadata(data: bytes) -> dict[str, str]:
    """The document information dictionary (Title, Subject, Keywords, Author …), as text."""
    doc = open_pdf(data)
    try:
        return {k: str(v) for k, v in doc.get_metadata_dict(skip_empty=True).items()}
    finally:
        doc.close()


def page_labels(data: bytes) -> list[str]:
    """Each page's label (/PageLabels: "A3", "iv", "12"), "" where the PDF gives none; as
    many items as the PDF has pages."""
    doc = open_pdf(data)
    try:
        return [doc.get_page_label(i).strip() for i in range(len(doc))]
    finally:
        doc.close()
