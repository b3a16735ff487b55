"""Cutting a detected text box out of the page for the recogniser.

The recogniser (PP-OCRv4) reads one horizontal line of upright glyphs. A horizontal box
is cut out as it stands. A vertical column (a box much taller than wide) must not be
turned on its side, as RapidOCR does: every glyph would lie on its side too and be misread.
Instead the column is cut into its glyphs (at the blank rows between them, or evenly where
glyphs touch) and the glyphs are set side by side, upright, into a horizontal strip.
"""
from __future__ import annotations

import numpy as np

# A box this much taller than wide holds a vertical line of type (RapidOCR's own rule).
VERTICAL_RATIO = 1.5
# Glyphs per strip sent to the recogniser: it is trained on lines of a few words.
STRIP_GLYPHS = 8


def is_vertical(quad: np.ndarray) -> bool:
    w = max(np.linalg.norm(quad[0] - quad[1]), np.linalg.norm(quad[2] - quad[3]))
    h = max(np.linalg.norm(quad[0] - quad[3]), np.linalg.norm(quad[1] - quad[2]))
    return h >= VERTICAL_RATIO * max(w, 1.0)


def crop(image: np.ndarray, quad: np.ndarray) -> np.ndarray:
    """The box's pixels, straightened (perspective transform), as RapidOCR cuts them."""
    import cv2  # noqa: PLC0415 (heavy: loaded with the OCR engine)

    w = int(max(np.linalg.norm(quad[0] - quad[1]), np.linalg.norm(quad[2] - quad[3])))
    h = int(max(np.linalg.norm(quad[0] - quad[3]), np.linalg.norm(quad[1] - quad[2])))
    w, h = max(w, 2), max(h, 2)
    dst = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    m = cv2.getPerspectiveTransform(quad.astype(np.float32), dst)
    return cv2.warpPerspective(image, m, (w, h), borderMode=cv2.BORDER_REPLICATE, flags=cv2.INTER_CUBIC)


def glyph_cuts(ink: np.ndarray, pitch: float) -> list[tuple[int, int]]:
    """Row ranges of the glyphs of a vertical column, from its ink per row.

    Runs of inked rows are glyphs or parts of one (二, 三 have blank rows inside): runs are
    merged while the result stays within a glyph's height; a run much taller than a glyph
    (glyphs touching) is cut evenly.
    """
    n = len(ink)
    if n == 0:
        return []
    blank = ink <= max(1.0, 0.02 * float(ink.max()))
    runs, start = [], None
    for i, b in enumerate(blank):
        if not b and start is None:
            start = i
        elif b and start is not None:
            runs.append([start, i])
            start = None
    if start is not None:
        runs.append([start, n])
    if not runs:
        return []
    merged = [runs[0]]
    for a, b in runs[1:]:
        if b - merged[-1][0] <= 1.1 * pitch:
            merged[-1][1] = b
        else:
            merged.append([a, b])
    out = []
    for a, b in merged:
        k = max(1, round((b - a) / pitch)) if b - a > 1.4 * pitch else 1
        step = (b - a) / k
        out += [(round(a + i * step), round(a + (i + 1) * step)) for i in range(k)]
    return out


def _main_band(col_ink: np.ndarray) -> tuple[int, int]:
    """The column of glyphs inside a crop: the run of inked pixel columns holding the most
    ink. The detector's box takes in slivers of the neighbouring columns; they are left out."""
    inked = col_ink > 0.05 * float(col_ink.max())
    runs, start = [], None
    for i, v in enumerate(inked):
        if v and start is None:
            start = i
        elif not v and start is not None:
            runs.append([start, i])
            start = None
    if start is not None:
        runs.append([start, len(inked)])
    joined = [runs[0]]
    for a, b in runs[1:]:  # strokes of one glyph leave thin blank columns between them
        if a - joined[-1][1] <= 2:
            joined[-1][1] = b
        else:
            joined.append([a, b])
    a, b = max(joined, key=lambda r: col_ink[r[0]:r[1]].sum())
    return a, b


def vertical_strips(column: np.ndarray) -> list[np.ndarray]:
    """A vertical column's glyphs, top to bottom, set left to right in upright strips of
    at most STRIP_GLYPHS each (the recogniser reads a short strip better than a long
    one, and the cuts fall between glyphs, where we found them)."""
    grey = column.mean(axis=2) if column.ndim == 3 else column.astype(float)
    # Ink: darker than the column's paper; the paper is its bright end, the ink its dark end.
    lo, hi = np.percentile(grey, 5), np.percentile(grey, 95)
    if hi - lo <= 30:
        return [column]
    inked = grey < (lo + hi) / 2
    a, b = _main_band(inked.sum(axis=0).astype(float))
    pitch = max(4.0, float(b - a))  # type is square: a glyph is as tall as the column is wide
    cuts = glyph_cuts(inked[:, a:b].sum(axis=1).astype(float), pitch)
    if not cuts:
        return [column]
    pad = max(1, (b - a) // 10)
    a, b = max(0, a - pad), min(column.shape[1], b + pad)
    w = b - a
    # Each glyph in a square cell as wide as the column; a taller piece (two glyphs the
    # cuts could not part) gets a taller cell rather than being cut.
    side = max(w, max(y1 - y0 for y0, y1 in cuts))
    gap = max(2, side // 10)
    paper = np.uint8(np.clip(hi, 0, 255))
    out = []
    for first in range(0, len(cuts), STRIP_GLYPHS):
        part = cuts[first:first + STRIP_GLYPHS]
        strip = np.full((side, len(part) * (side + gap) + gap) + column.shape[2:], paper, dtype=np.uint8)
        for i, (y0, y1) in enumerate(part):
            glyph = column[y0:y1, a:b]
            top = (side - glyph.shape[0]) // 2
            left = gap + i * (side + gap) + (side - w) // 2
            strip[top:top + glyph.shape[0], left:left + w] = glyph
        out.append(strip)
    return out


def vertical_strip(column: np.ndarray) -> np.ndarray:
    """All of a vertical column's glyphs in one upright strip."""
    return np.concatenate(vertical_strips(column), axis=1)
