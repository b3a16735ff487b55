"""The OCR engine (RapidOCR 1.4.x with the PP-OCRv4 Chinese models shipped in its wheel).

Loading the models takes a noticeable moment and a few hundred MB, so there is one engine
per process, created on first use and shared by every page of every import after it.
Nothing here touches the network: 1.4.x reads its models from inside the package.

`recognise` runs RapidOCR's detector and recogniser itself rather than the engine's own
`__call__`, for three reasons:
- vertical columns are cut into glyphs set upright side by side (archivist.scan.crops)
  instead of being turned on their side;
- every box is cut from the full-resolution page (detection runs on a reduced copy);
- progress is reported inside a page (detection, then recognition n/m lines).
No angle classifier runs: a scanned newspaper page is upright, and it costs time.
"""
from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np

from archivist.scan import quarter
from archivist.scan.crops import crop, is_vertical, vertical_strips
from archivist.scan.layout import Line, lines_from_quads

# RapidOCR shrinks larger images to this long side before detection. Its default (2000)
# turns the body type of a 300-dpi broadsheet into a few blurred pixels; 3000 keeps it
# legible at a moderate cost.
MAX_SIDE = 3000
# The detector's post-processing looks at only this many contours (RapidOCR: 1000). A
# dense newspaper page has more, specks included, and the rest of the page went unread.
MAX_CANDIDATES = 50_000
# RapidOCR dilates the detector's text map before finding boxes; on a page of vertical
# type set close, that joins neighbouring columns into one box, and the recogniser reads a
# crop of two half-columns. Without it (PaddleOCR's own default) the 1939 fold gave 911
# boxes instead of 707 and 5 points more of its characters (0.698 → 0.747).
DILATE = False
# Lines recognised per call, so progress moves during a page.
BATCH = 24
# Set to a folder to keep each page's OCR result there, keyed by the image's pixels
# (iterating on layout over the same scans without recognising them again).
CACHE_ENV = "ARCHIVIST_OCR_CACHE"
# Bumped when what recognise() returns for the same pixels changes.
CACHE_VERSION = "9"

_QT_VARS = ("QT_QPA_PLATFORM_PLUGIN_PATH", "QT_QPA_FONTDIR")

Progress = Callable[[int, int, str], None]

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
            _engine.text_det.postprocess_op.max_candidates = MAX_CANDIDATES
            if not DILATE:
                _engine.text_det.postprocess_op.dilation_kernel = None
        return _engine


def detect(eng, bgr: np.ndarray, report: Progress | None = None) -> list[np.ndarray]:
    """Text boxes (4×2 quads) in the full image's pixels; on a page that looks like
    vertical type, merged with those found on the page turned (archivist.scan.quarter)."""
    quads = _detect_once(eng, bgr)
    if quarter.wants_turn(quads):
        if report is not None:
            report(0, 0, "finding the columns of vertical type")
        turned = [quarter.unturn(q, bgr.shape[0]) for q in _detect_once(eng, quarter.turn(bgr))]
        quads = quarter.merge(quads, turned)
    return quads


def _detect_once(eng, bgr: np.ndarray) -> list[np.ndarray]:
    small, ratio_h, ratio_w = eng.preprocess(bgr)
    boxes, _ = eng.text_det(small)
    if boxes is None or len(boxes) == 0:
        return []
    # Pieces of one column are not joined here: measured on a real fold, joining them
    # (to save the glyph cut at each break) lost more than it saved (recall 0.70 → 0.55).
    return [np.asarray(q, dtype=np.float32) * np.array([ratio_w, ratio_h], dtype=np.float32) for q in boxes]


def recognise_boxes(eng, bgr: np.ndarray, quads: list[np.ndarray], report: Progress) -> list[tuple]:
    """(quad, text, score, vertical) for every box, recognised BATCH pieces at a time (a
    vertical column goes as several strips of glyphs, archivist.scan.crops).

    Pieces go to the recogniser in order of length, as RapidOCR sends them: a batch is
    padded to its longest piece, so a short piece beside a long one costs as much."""
    pieces, owner, flags = [], [], []
    for k, q in enumerate(quads):
        vertical = is_vertical(q)
        cut = crop(bgr, q)
        for piece in vertical_strips(cut) if vertical else [cut]:
            pieces.append(piece)
            owner.append(k)
        flags.append(bool(vertical))
    order = sorted(range(len(pieces)), key=lambda i: pieces[i].shape[1] / max(1, pieces[i].shape[0]))
    found: dict[int, tuple[str, float]] = {}
    total = len(pieces)
    for start in range(0, total, BATCH):
        chunk = order[start:start + BATCH]
        results, _ = eng.text_rec([pieces[i] for i in chunk])
        for i, (text, score) in zip(chunk, results):
            found[i] = (text, float(score))
        done = min(start + BATCH, total)
        report(done, total, f"recognised {done} of {total} pieces of text")
    texts: list[list[str]] = [[] for _ in quads]
    scores: list[list[float]] = [[] for _ in quads]
    for i, k in enumerate(owner):  # pieces of one box are in reading order
        texts[k].append(found[i][0])
        scores[k].append(found[i][1])
    return [(q.tolist(), "".join(texts[k]), min(scores[k], default=0.0), flags[k]) for k, q in enumerate(quads)]


def _cache_file(bgr: np.ndarray) -> Path | None:
    folder = os.environ.get(CACHE_ENV)
    if not folder:
        return None
    digest = hashlib.sha256(bgr.tobytes() + repr(bgr.shape).encode()).hexdigest()[:32]
    return Path(folder) / f"{digest}-{MAX_SIDE}-v{CACHE_VERSION}.json"


def read_page(image, report: Progress | None = None) -> list[tuple]:
    """Raw OCR of one page image (PIL, any mode): [(quad, text, score, vertical)]."""
    say = report or (lambda done, total, message: None)
    bgr = np.ascontiguousarray(np.asarray(image.convert("RGB"))[:, :, ::-1])
    cached = _cache_file(bgr)
    if cached is not None and cached.exists():
        return [tuple(item) for item in json.loads(cached.read_text(encoding="utf-8"))]
    eng = engine()
    with _lock:  # one page at a time: onnxruntime already uses every core for one
        say(0, 0, "finding the text on the page")
        quads = detect(eng, bgr, say)
        say(0, len(quads), f"found {len(quads)} lines; recognising them")
        items = recognise_boxes(eng, bgr, quads, say)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return items


def recognise(image, page: int = 1, report: Progress | None = None) -> list[Line]:
    """OCR one page image (PIL, any mode) into Lines in image coordinates. Every line the
    recogniser read is kept, however unsure: the layout decides where it goes."""
    items = read_page(image, report)
    return lines_from_quads([(q, text, vertical) for q, text, _score, vertical in items], page)
