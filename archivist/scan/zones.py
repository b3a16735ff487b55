"""Article zones of a page set in vertical type, and the order a reader takes them in.

A vertical page is a patchwork of boxes: articles ruled off from each other, spanning one
tier or several, which no cut across the whole page can separate (an XY-cut fails on it).
So the page is read as its rules divide it:

1. A fold (two pages side by side, landscape) is cut at the gutter down its middle; the
   halves are read in page order: the number in a half's folio (第四版), a half without
   one being the front page, which carries the masthead instead.
2. Each line belongs to the zone bounded by the nearest rule above, below, right and left
   of it: lines with the same four rules are one zone (an article's box, a tier's strip).
3. Zones are taken in reading order: a zone comes after every zone above it that it
   stands under, and after every zone to its right beside it; of the zones free to come
   next, the highest tier first, and in it the rightmost.
"""
from __future__ import annotations

import re

from archivist.scan.layout import Line

# Tolerance, in body type sizes, of "above", "beside", "on the rule".
SLACK = 0.3
_FOLIO = re.compile(r"第\s*([一二三四五六七八九十\d]+)\s*[版頁页張张]")
_NUMERALS = {c: i for i, c in enumerate("〇一二三四五六七八九十")}


def folio_number(text: str) -> int | None:
    m = _FOLIO.search(text)
    if not m:
        return None
    s = m.group(1)
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    if "十" in s:
        tens, _, ones = s.partition("十")
        return _NUMERALS.get(tens, 1) * 10 + _NUMERALS.get(ones, 0)
    return _NUMERALS.get(s)


def fold_halves(lines: list[Line], size: tuple[int, int], h: float) -> list[list[Line]]:
    """The pages of a fold in reading order, or [lines] for a single page."""
    width, height = size
    if width < 1.2 * height or len(lines) < 2:
        return [lines]
    spans = sorted((ln.box[0], ln.box[2]) for ln in lines)
    best, reach = None, spans[0][1]
    for a, b in spans[1:]:
        gap = a - reach
        mid = (a + reach) / 2
        if gap >= SLACK * h and 0.35 * width < mid < 0.65 * width and (best is None or gap > best[0]):
            best = (gap, mid)
        reach = max(reach, b)
    if best is None:
        return [lines]
    left = [ln for ln in lines if (ln.box[0] + ln.box[2]) / 2 < best[1]]
    right = [ln for ln in lines if (ln.box[0] + ln.box[2]) / 2 >= best[1]]

    def number(half: list[Line]) -> int:
        found = [n for ln in half if len(ln.text) <= 40 and (n := folio_number(ln.text)) is not None]
        return min(found) if found else 1

    # Equal numbers (none found): right to left, as vertical type runs.
    return sorted([right, left], key=number)


def zones(lines: list[Line], rules, h: float) -> list[list[Line]]:
    """Lines grouped by the four rules nearest them (rules: archivist.scan.rules.Rule)."""
    slack = SLACK * h
    hs = [r.box for r in rules if r.horizontal]
    vs = [r.box for r in rules if not r.horizontal]
    groups: dict[tuple, list[Line]] = {}
    for ln in lines:
        x0, y0, x1, y1 = ln.box
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        across = [i for i, r in enumerate(hs) if r[0] - slack <= cx <= r[2] + slack]
        down = [i for i, r in enumerate(vs) if r[1] - slack <= cy <= r[3] + slack]
        above = max((i for i in across if hs[i][3] <= y0 + slack), key=lambda i: hs[i][3], default=None)
        below = min((i for i in across if hs[i][1] >= y1 - slack), key=lambda i: hs[i][1], default=None)
        right = min((i for i in down if vs[i][0] >= x1 - slack), key=lambda i: vs[i][0], default=None)
        left = max((i for i in down if vs[i][2] <= x0 + slack), key=lambda i: vs[i][2], default=None)
        groups.setdefault((above, below, right, left), []).append(ln)
    return list(groups.values())


def _bbox(zone: list[Line]) -> tuple[float, float, float, float]:
    return (min(ln.box[0] for ln in zone), min(ln.box[1] for ln in zone),
            max(ln.box[2] for ln in zone), max(ln.box[3] for ln in zone))


def reading_order(groups: list[list[Line]], h: float) -> list[list[Line]]:
    """Zones in the order a reader of vertical type takes them (rule 3 above)."""
    boxes = [_bbox(z) for z in groups]
    slack = SLACK * h * 3

    def before(p: int, q: int) -> bool:
        a, b = boxes[p], boxes[q]
        x_overlap = min(a[2], b[2]) - max(a[0], b[0]) > slack
        y_overlap = min(a[3], b[3]) - max(a[1], b[1]) > slack
        above = a[3] <= b[1] + slack and x_overlap
        right = a[0] >= b[2] - slack and y_overlap
        return above or right

    left = list(range(len(groups)))
    out = []
    while left:
        free = [q for q in left if not any(before(p, q) for p in left if p != q)] or left
        # The highest tier first (tops within two body sizes are one tier), then rightmost.
        pick = min(free, key=lambda q: (round(boxes[q][1] / (2 * h)), -boxes[q][2]))
        out.append(groups[pick])
        left.remove(pick)
    return out


def _words() -> frozenset[str]:
    global _WORDS
    if _WORDS is None:
        import jieba  # noqa: PLC0415 (its dictionary is large; loaded only for such a page)

        jieba.setLogLevel(60)
        jieba.initialize()
        _WORDS = frozenset(w for w, n in jieba.dt.FREQ.items() if n and len(w) == 2)
    return _WORDS


_WORDS: frozenset[str] | None = None


def reads_right_to_left(text: str) -> bool:
    """Whether a horizontal line on a vertical page was set right to left, as headlines
    and mastheads were before the 1950s: its characters make more two-character words
    read backwards than forwards."""
    from archivist.store.normalize import normalize_char  # noqa: PLC0415 (store is heavier than scan needs)

    plain = "".join(normalize_char(c) for c in text if not c.isspace())
    if len(plain) < 2:
        return False
    words = _words()

    def count(s: str) -> int:
        return sum(s[i:i + 2] in words for i in range(len(s) - 1))

    return count(plain[::-1]) > count(plain)
