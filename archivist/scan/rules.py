"""Printed separators of a page image: the rules between tiers and columns, box borders.

Found as long thin runs of ink (a morphological opening with a long flat kernel), on a
half-size copy of the page. Text does not survive the opening: a stroke is far shorter
than the kernel, which is a fifteenth of the page's short side (several glyphs).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SCALE = 0.5
KERNEL_SHARE = 1 / 15


@dataclass(frozen=True)
class Rule:
    """A separator; box (x0, y0, x1, y1) in the page image's pixels."""

    horizontal: bool
    box: tuple[float, float, float, float]


def find_rules(image) -> list[Rule]:
    """Horizontal and vertical rules of a page image (PIL, any mode)."""
    import cv2  # noqa: PLC0415 (heavy: loaded with the OCR engine)

    grey = np.asarray(image.convert("L"))
    small = cv2.resize(grey, None, fx=SCALE, fy=SCALE, interpolation=cv2.INTER_AREA)
    ink = cv2.adaptiveThreshold(small, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 12)
    length = max(20, int(min(small.shape) * KERNEL_SHARE))
    thick = max(3, length // 12)
    out = []
    for horizontal in (True, False):
        shape = (length, 1) if horizontal else (1, length)
        # Close small breaks first (a worn rule, a dotted one), then keep only long runs.
        bridged = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 1) if horizontal else (1, 5)))
        runs = cv2.morphologyEx(bridged, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, shape))
        n, _, stats, _ = cv2.connectedComponentsWithStats(runs, connectivity=8)
        for x, y, w, h, _area in stats[1:n]:
            across = h if horizontal else w
            if across <= thick:
                out.append(Rule(horizontal, (x / SCALE, y / SCALE, (x + w) / SCALE, (y + h) / SCALE)))
    return out
