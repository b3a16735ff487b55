"""PDF pages: the text layer where a page has one, otherwise the page rendered and OCR'd.

pypdfium2 (PDFium, Apache/BSD) reads and renders; PyMuPDF is never used (AGPL).
Positions are given in pixels of the page rendered at RENDER_DPI, origin top-left, for
text-layer and OCR'd pages alike, so the GUI can draw any region on one rendering.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from archivist.errors import Cancelled, InputError
from archivist.scan.layout import Line

RENDER_DPI = 200
SCALE = RENDER_DPI / 72  # PDF units are 1/72 inch
# A page whose text layer holds fewer visible characters than this is treated as a scan
# (scanners often put a page number or a stray mark in an otherwise empty layer).
MIN_TEXT_CHARS = 12
FPDF_ERR_PASSWORD = 4


@dataclass
class PdfPage:
    number: int
    size: tuple[int, int]  # pixels at RENDER_DPI
    lines: list[Line]
    kind: str  # "pdf-text" | "pdf-ocr"


def open_pdf(data: bytes):
    import pypdfium2 as pdfium  # noqa: PLC0415

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == FPDF_ERR_PASSWORD:
            raise InputError("the PDF is encrypted (password protected); save an unprotected copy") from None
        raise InputError(f"not a readable PDF ({exc})") from None
    return doc


def text_lines(page, number: int) -> list[Line]:
    """The page's text layer as positioned lines (PDFium merges characters of one line
    set in one font into one rectangle)."""
    textpage = page.get_textpage()
    try:
        visible = sum(1 for ch in textpage.get_text_range() if not ch.isspace())
        if visible < MIN_TEXT_CHARS:
            return []
        left, bottom, _right, top = page.get_bbox()
        lines = []
        for i in range(textpage.count_rects()):
            l, b, r, t = textpage.get_rect(i)
            # Ask for the middle band only, so a touching line above or below is not caught.
            pad = (t - b) * 0.25
            text = textpage.get_text_bounded(l, b + pad, r, t - pad).replace("\r", "").replace("\n", "").strip()
            if text:
                box = ((l - left) * SCALE, (top - t) * SCALE, (r - left) * SCALE, (top - b) * SCALE)
                lines.append(Line(text, box, number))
        return lines
    finally:
        textpage.close()


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
