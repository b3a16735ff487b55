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
# A gap down a region this wide (in body type sizes) parts two stacks of zones.
GUTTER = 0.2
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
    # The gutter: a gap down the whole middle third, as wide as may be and as near the
    # image's centre (a fold is scanned centred; the widest gap may be the one beside a
    # boxed notice): a glyph's width counts as much as a tenth of the image off centre.
    best, reach = None, spans[0][1]
    for a, b in spans[1:]:
        mid = (a + reach) / 2
        if a - reach >= 0.2 * h and width / 3 < mid < 2 * width / 3:
            score = (a - reach) / h - abs(mid - width / 2) / (0.1 * width)
            if best is None or score > best[0]:
                best = (score, mid)
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
        # The highest first (tops within a body size stand level), then the rightmost.
        pick = min(free, key=lambda q: (round(boxes[q][1] / h), -boxes[q][2]))
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


def _rule_cut(lines: list[Line], rules, h: float, right_first: bool = True):
    """The rule across (first) or down the whole of the lines' extent that no line
    crosses and that has lines on both sides: (first part, second part), or None."""
    x0, y0, x1, y1 = _bbox(lines)
    slack = SLACK * h
    for horizontal in (True, False):
        best = None
        for r in rules:
            if r.horizontal != horizontal:
                continue
            a, b = (r.box[0], r.box[2]) if horizontal else (r.box[1], r.box[3])
            lo, hi = (x0, x1) if horizontal else (y0, y1)
            cover = (min(b, hi) - max(a, lo)) / max(hi - lo, 1.0)
            if cover < 0.9 or (best and cover <= best[0]):
                continue
            p = (r.box[1] + r.box[3]) / 2 if horizontal else (r.box[0] + r.box[2]) / 2
            near, far = (1, 3) if horizontal else (0, 2)
            along = (0, 2) if horizontal else (1, 3)
            crossing = sum(ln.box[near] < p - slack and ln.box[far] > p + slack
                           and ln.box[along[0]] < b and ln.box[along[1]] > a for ln in lines)
            first = [ln for ln in lines if (ln.box[near] + ln.box[far]) / 2 < p]
            if crossing <= 1 and 0 < len(first) < len(lines):
                best = (cover, p, near, far)
        if best:
            _, p, near, far = best
            first = [ln for ln in lines if (ln.box[near] + ln.box[far]) / 2 < p]
            second = [ln for ln in lines if (ln.box[near] + ln.box[far]) / 2 >= p]
            return (first, second) if horizontal or not right_first else (second, first)
    return None


def rule_regions(lines: list[Line], rules, h: float, right_first: bool = True, depth: int = 0) -> list[list[Line]]:
    """A page cut at its rules that run across (or down) the whole of what is left, in
    reading order: above before below, right before left (vertical type; left before
    right for horizontal). A rule across the page (a tier boundary, the rule under an
    article) is cut at before one down it, and a rule down the whole of a stack (a boxed
    article beside others) keeps that stack together."""
    if len(lines) < 2 or depth > 60:
        return [lines] if lines else []
    cut = _rule_cut(lines, rules, h, right_first)
    if cut is None:
        cut = _gap_cut(lines, rules, h, right_first)
    if cut is None:
        return [lines]
    return (rule_regions(cut[0], rules, h, right_first, depth + 1)
            + rule_regions(cut[1], rules, h, right_first, depth + 1))


def _gap_cut(lines: list[Line], rules, h: float, right_first: bool = True):
    """No rule runs across: a gap down the whole region (a boxed notice, a margin column
    beside the page) may be what keeps the tier rules from doing so. Such a gap is cut
    at only when a rule then runs across one side: between the columns of one tier,
    cutting would only break its paragraphs."""
    spans = sorted((ln.box[0], ln.box[2]) for ln in lines)
    found, reach = [], spans[0][1]
    for a, b in spans[1:]:
        if a - reach >= GUTTER * h:
            found.append((a - reach, (a + reach) / 2))
        reach = max(reach, b)
    for _, mid in sorted(found, reverse=True)[:6]:
        right = [ln for ln in lines if (ln.box[0] + ln.box[2]) / 2 >= mid]
        left = [ln for ln in lines if (ln.box[0] + ln.box[2]) / 2 < mid]
        if any(_rule_cut(side, [r for r in rules if r.horizontal], h) for side in (right, left)):
            return (right, left) if right_first else (left, right)
    return None
