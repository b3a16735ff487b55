"""The OCR engine (RapidOCR 1.4.x with the PP-OCRv4 Chinese models shipped in its wheel).

Loading the models takes a noticeable moment and a few hundred MB, so there is one engine
per process, created on first use and shared by every page of every import after it.
Nothing here touches the network: 1.4.x reads its models from inside the package.
"""
from __future__ import annotations

import os
import threading

from archivist.scan.layout import Line, lines_from_quads

# RapidOCR shrinks larger images to this long side before detection. Its default (2000)
# turns the body type of a 300-dpi broadsheet into a few blurred pixels; 3000 keeps it
# legible at a moderate cost.
MAX_SIDE = 3000

_QT_VARS = ("QT_QPA_PLATFORM_PLUGIN_PATH", "QT_QPA_FONTDIR")

_engine = None
_lock = threading.Lock()


def engine():
    """The shared engine, loaded on first call."""
    global _engine
    with _lock:
        if _engine is None:
            # The opencv-python wheel rapidocr depends on points QT_QPA_PLATFORM_PLUGIN_PATH
            # and QT_QPA_FONTDIR at its bundled Qt5 when cv2 is imported; left set, they
            # would break the PySide6 GUI (and any Qt child process). Put them back.
            saved = {k: os.environ.get(k) for k in _QT_VARS}
            try:
                from rapidocr_onnxruntime import RapidOCR  # noqa: PLC0415 (heavy: onnxruntime, cv2)
            finally:
                for k, v in saved.items():
                    if v is None:
                        os.environ.pop(k, None)
                    else:
                        os.environ[k] = v
            _engine = RapidOCR(max_side_len=MAX_SIDE)
        return _engine


def recognise(image, page: int = 1) -> list[Line]:
    """OCR one page image (PIL, any mode) into Lines in image coordinates."""
    eng = engine()
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    with _lock:  # one page at a time: onnxruntime already uses every core for one
        result, _ = eng(rgb)
    return lines_from_quads([(quad, text) for quad, text, _score in result or ()], page)
