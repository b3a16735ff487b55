"""Scans and other formats into the same pipeline: page images and PDFs (OCR or text
layer), Word and HTML → a Source whose text the splitter reads like any text page.

Importing this package is cheap; the OCR engine (onnxruntime, OpenCV, the models) loads
on the first page that needs it and stays loaded for every later page and file
(archivist.scan.ocr.engine).
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from archivist.errors import Cancelled, InputError
from archivist.scan.images import IMAGE_SUFFIXES
from archivist.scan.regions import regions_for_article, regions_for_blocks
from archivist.text.decode import DEFAULT_MAX_BYTES, Source, read_file_bytes

PDF_SUFFIXES = {".pdf"}
DOCX_SUFFIXES = {".docx"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUFFIXES = IMAGE_SUFFIXES | PDF_SUFFIXES | DOCX_SUFFIXES | HTML_SUFFIXES

Progress = Callable[[int, int, str], None]

__all__ = ["SUFFIXES", "read", "read_bytes", "regions_for_article", "regions_for_blocks"]


def _read_file(p: Path, max_bytes: int) -> bytes:
    data = read_file_bytes(p, max_bytes)
    if not data:
        raise InputError(f"{p}: the file is empty")
    return data


def read(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES, progress: Progress | None = None,
         cancel: Callable[[], bool] | None = None) -> Source:
    """Read one scan, PDF, Word or HTML file. Bad input → InputError("<path>: <reason>");
    cancel() returning True between pages → Cancelled."""
    p = Path(path)
    return read_bytes(p, _read_file(p, max_bytes), progress=progress, cancel=cancel)


def read_bytes(path: str | os.PathLike, data: bytes, progress: Progress | None = None,
               cancel: Callable[[], bool] | None = None) -> Source:
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"{p}: unsupported file type {suffix!r}")
    if not data:
        raise InputError(f"{p}: the file is empty")
    report = progress or (lambda done, total, message: None)
    stop = cancel or (lambda: False)
    try:
        if suffix in IMAGE_SUFFIXES:
            text, kind, layout = _read_image(data, report, stop)
        elif suffix in PDF_SUFFIXES:
            text, kind, layout = _read_pdf(data, report, stop)
        elif suffix in DOCX_SUFFIXES:
            from archivist.scan.office import docx_text  # noqa: PLC0415

            text, kind, layout = docx_text(data), "docx", ()
        else:
            from archivist.scan.office import html_text  # noqa: PLC0415

            text, kind, layout = html_text(data), "html", ()
    except InputError as exc:
        raise InputError(f"{p}: {exc}") from None
    if not text.strip():
        what = "no text was recognised on it" if kind in {"ocr", "pdf-ocr"} else "it holds no text"
        raise InputError(f"{p}: {what}")
    return Source(str(p), data, text, kind, hashlib.sha256(data).hexdigest(), kind=kind, layout=layout)


def _read_image(data: bytes, report: Progress, stop: Callable[[], bool]):
    from archivist.scan.images import frame_count, frames, open_image  # noqa: PLC0415
    from archivist.scan.layout import page_text  # noqa: PLC0415
    from archivist.scan.ocr import recognise  # noqa: PLC0415
    from archivist.scan.rules import find_rules  # noqa: PLC0415

    im = open_image(data)
    total = frame_count(im)
    pages = []
    report(0, total, "reading the image")
    for i, frame in enumerate(frames(im)):
        if stop():
            raise Cancelled("cancelled")

        def inside(done: int, lines: int, message: str, page: int = i + 1) -> None:
            # A page takes a minute: its own steps show, and a cancel is seen between batches.
            if stop():
                raise Cancelled("cancelled")
            report(page - 1, total, f"page {page} of {total}: {message}" if total > 1 else message)

        pages.append((recognise(frame, i + 1, inside), frame.size, find_rules(frame)))
        report(i + 1, total, f"page {i + 1} of {total} recognised")
    text, layout = page_text(pages)
    return text, "ocr", layout


def _read_pdf(data: bytes, report: Progress, stop: Callable[[], bool]):
    from archivist.scan.layout import page_text  # noqa: PLC0415
    from archivist.scan.pdf import pages as pdf_pages  # noqa: PLC0415

    out, kinds = [], set()
    report(0, 0, "opening the PDF")
    for i, total, page in pdf_pages(data, cancel=stop):
        out.append((page.lines, page.size))
        kinds.add(page.kind)
        how = "text layer read" if page.kind == "pdf-text" else "recognised"
        report(i + 1, total, f"page {i + 1} of {total} {how}")
    text, layout = page_text(out)
    return text, ("pdf-ocr" if "pdf-ocr" in kinds else "pdf-text"), layout
