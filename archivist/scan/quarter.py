"""Text detection on the page and on the page turned a quarter turn, merged.

The detector links glyphs along its rows. Vertical type set on a square grid (the glyphs
as far apart across the columns as down them, common in 1930s–40s papers) is then found
as rows of two or three glyphs taken across neighbouring columns, or as single glyphs:
measured on a real 1940 fold, 3,090 boxes of which 2,077 were single glyphs and only 394
columns. On the page turned clockwise the columns are rows, and the same detector finds
749 column pieces there. So on a page that looks like vertical type (many tall boxes or
many single glyphs), detection runs on both, and for each stretch of text the longer
reading is kept: a box spanning more glyphs explains the same ink with fewer breaks.
"""
from __future__ import annotations

import numpy as np

# A page is read a second time, turned, when at least this share of its boxes are not
# plain horizontal lines (tall boxes or single glyphs): on the modern horizontal pages
# among the fixtures the share is under a tenth, on the vertical folds over a half.
TURN_SHARE = 0.3
# Two boxes read the same ink when this much of the smaller one lies inside the other.
SAME_INK = 0.3


def extent(quad: np.ndarray) -> tuple[float, float, float, float]:
    x0, y0 = quad.min(axis=0)
    x1, y1 = quad.max(axis=0)
    return float(x0), float(y0), float(x1), float(y1)


def glyphs(quad: np.ndarray) -> float:
    """About how many glyphs a box spans: its long side over its short side."""
    x0, y0, x1, y1 = extent(quad)
    w, h = max(x1 - x0, 1.0), max(y1 - y0, 1.0)
    return max(w, h) / min(w, h)


def is_plain_row(quad: np.ndarray) -> bool:
    """A horizontal line of two glyphs or more."""
    x0, y0, x1, y1 = extent(quad)
    return (x1 - x0) >= 1.7 * max(y1 - y0, 1.0)


def wants_turn(quads: list[np.ndarray]) -> bool:
    if not quads:
        return False
    odd = sum(not is_plain_row(q) for q in quads)
    return odd >= TURN_SHARE * len(quads)


def turn(bgr: np.ndarray) -> np.ndarray:
    """The page turned a quarter turn clockwise: its columns, top to bottom, become rows
    read left to right."""
    return np.ascontiguousarray(np.rot90(bgr, -1))


def unturn(quad: np.ndarray, height: int) -> np.ndarray:
    """A box found on turn(page) in the page's own pixels, corners in the order the crop
    expects (top-left, top-right, bottom-right, bottom-left)."""
    q = np.asarray(quad, dtype=np.float32)
    pts = np.stack([q[:, 1], (height - 1) - q[:, 0]], axis=1)
    s, d = pts.sum(axis=1), pts[:, 1] - pts[:, 0]
    return np.array([pts[s.argmin()], pts[d.argmin()], pts[s.argmax()], pts[d.argmax()]], dtype=np.float32)


def _overlap(a: tuple, b: tuple) -> float:
    """How much of the smaller box lies inside the other (0 to 1)."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    small = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return w * h / max(small, 1.0)


def merge(upright: list[np.ndarray], turned: list[np.ndarray]) -> list[np.ndarray]:
    """The boxes of both readings, longest first, each kept unless it covers ink a kept box
    already reads. A box the other reading does not cover at all is kept whatever its
    length: nothing either detector found is dropped for being short."""
    boxes = [(glyphs(q), k, q) for k, q in enumerate(upright)] + \
            [(glyphs(q), len(upright) + k, q) for k, q in enumerate(turned)]
    boxes.sort(key=lambda b: (-b[0], b[1]))
    kept: list[tuple] = []
    spans: list[tuple] = []
    for _n, _k, q in boxes:
        e = extent(q)
        if any(_overlap(e, s) >= SAME_INK for s in spans):
            continue
        kept.append(q)
        spans.append(e)
    # Page order as the upright detector gives it (top to bottom): layout orders later.
    kept.sort(key=lambda q: (extent(q)[1], extent(q)[0]))
    return kept
