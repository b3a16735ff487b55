"""Reading order of a page set in vertical type: columns right to left, each top to bottom.

The page is turned a quarter in thought, so that a column becomes a line read left to
right and the right edge of the page its top; the horizontal machinery of
archivist.scan.layout (rows, indents, short lines, type size) then reads it as it stands.
A horizontal line on such a page (masthead, folio, a headline set across) keeps its own
type size (its height), not its turned one.

Blocks are found by a recursive XY-cut on the turned page: at each step the region is cut
at its widest gap that no line crosses, along either axis: a gap across the page (a tier
boundary or the rule under a headline) puts the upper part first; a gap down the page
(between two pages of a fold, a boxed article and its neighbour, two columns) puts the
right part first. Widest first matters: column grids of two tiers often line up, so a
narrow gap between columns can run the full height of the page, while a tier boundary is
wider; and the gutter of a fold runs down the page, so the two pages come apart before
either is cut across.
"""
from __future__ import annotations

import dataclasses
import re

import numpy as np

from archivist.scan import zones
from archivist.scan.layout import Line, Paragraph, paragraphs_of, segments

# A gap narrower than this share of the body type is the space inside a block.
MIN_GAP = 0.5
TIER_OVERLAP = 0.25


def level(size: float, body: float) -> int:
    """Heading level by type size (see turned() for a column's size). A headline in
    vertical type is set far larger than a deck: the first step is wider than across."""
    ratio = size / body
    return 1 if ratio >= 2.0 else 2 if ratio >= 1.3 else 0


def is_vertical_page(lines: list[Line]) -> bool:
    """Most of the page's characters stand in vertical lines."""
    vertical = sum(len(ln.text) for ln in lines if ln.vertical)
    return vertical > sum(len(ln.text) for ln in lines if not ln.vertical)


def turned(lines: list[Line]) -> list[Line]:
    """Lines of a vertical page in reading space: x' runs down the page, y' from its right
    edge leftwards; `size` keeps each line's type size."""
    right = max(ln.ub[2] for ln in lines)
    out = []
    for ln in lines:
        x0, y0, x1, y1 = ln.ub
        size = (x1 - x0) if ln.vertical else (y1 - y0)
        if ln.vertical and len(ln.text) >= 3:
            # The box's width is the glyphs' plus the detector's margin, which varies; the
            # glyph pitch down the column (height over characters read) is a check on it.
            size = min(size, 1.15 * (y1 - y0) / len(ln.text))
        out.append(dataclasses.replace(ln, upright=(y0, right - x1, y1, right - x0), size=size))
    return out


def body_size(lines: list[Line]) -> float:
    """The body type's size: the median size of the page's characters (not of its lines,
    many of which are short headline and advert lines)."""
    sizes = sorted((ln.glyph, len(ln.text)) for ln in lines if ln.glyph > 0)
    total = sum(n for _, n in sizes)
    seen = 0
    for size, n in sizes:
        seen += n
        if 2 * seen >= total:
            return size
    return 1.0


# A zone whose text, this many characters or more, is mostly set larger than the page's
# body (a notice, an advert's copy) has that size for its body: its columns are text,
# not titles; only what stands larger again heads it.
ZONE_BODY_CHARS = 60


def zone_body(zone: list[Line], h: float) -> float:
    """The body type size a zone's titles are measured against: the page's, or the
    zone's own where it holds enough text set larger (ZONE_BODY_CHARS)."""
    lines = turned(zone)
    if sum(len(ln.text) for ln in lines) < ZONE_BODY_CHARS:
        return h
    return max(h, body_size(lines))


def gaps(spans: list[tuple[float, float]], min_width: float) -> list[tuple[float, float]]:
    """Interior stretches of an axis that no span covers, at least min_width wide."""
    out = []
    spans = sorted(spans)
    reach = spans[0][1]
    for a, b in spans[1:]:
        if a - reach >= min_width:
            out.append((reach, a))
        reach = max(reach, b)
    return out


def real_rules(rules, lines: list[Line]) -> list:
    """Rules less the "rules" that run inside text boxes: strokes of the glyphs of a
    column (or a line) can line up into what looks like one. A rule is a stroke when
    text boxes hold at least half its length, its centre line in their middle 60%
    across (a printed rule runs between boxes, or at most through their margins)."""
    out = []
    for r in rules:
        x0, y0, x1, y1 = r.box
        along = (0, 2) if r.horizontal else (1, 3)
        across = (1, 3) if r.horizontal else (0, 2)
        c = (r.box[across[0]] + r.box[across[1]]) / 2
        a, b = r.box[along[0]], r.box[along[1]]
        spans = []
        for ln in lines:
            lo, hi = ln.box[across[0]], ln.box[across[1]]
            if lo + 0.2 * (hi - lo) < c < hi - 0.2 * (hi - lo):
                s0, s1 = max(a, ln.box[along[0]]), min(b, ln.box[along[1]])
                if s1 > s0:
                    spans.append((s0, s1))
        covered, reach = 0.0, a
        for s0, s1 in sorted(spans):
            if s1 > reach:
                covered += s1 - max(s0, reach)
                reach = s1
        if covered < 0.5 * max(b - a, 1.0):
            out.append(r)
    return out


def joined_rules(rules, h: float) -> list:
    """Rules (page pixels) with the pieces of each joined (see _joined)."""
    from archivist.scan.rules import Rule  # noqa: PLC0415 (rules imports cv2 lazily; cheap)

    boxes = _joined([r.box for r in rules], h)
    return [Rule(b[2] - b[0] >= b[3] - b[1], b) for b in boxes]


def turned_rules(rules, lines: list[Line], h: float) -> list[tuple[float, float, float, float]]:
    """Rule boxes in reading space, pieces of one rule joined."""
    right = max(ln.ub[2] for ln in lines)
    return _joined([(y0, right - x1, y1, right - x0) for x0, y0, x1, y1 in (r.box for r in rules)], h)


def _joined(boxes: list[tuple], h: float) -> list[tuple]:
    """Pieces of one rule joined: a rule is broken where a headline or a picture crosses it,
    or where the paper is worn. Pieces on one line (within a third of the type size) with
    less than three glyphs between them are one rule."""
    out = []
    for axis in (0, 1):  # the axis across which the rule is thin
        other = 1 - axis
        pieces = sorted((b for b in boxes if b[axis + 2] - b[axis] < b[other + 2] - b[other]),
                        key=lambda b: ((b[axis] + b[axis + 2]) / 2, b[other]))
        merged: list[list[float]] = []
        for b in pieces:
            c = (b[axis] + b[axis + 2]) / 2
            for m in merged:
                if abs((m[axis] + m[axis + 2]) / 2 - c) <= h / 3 and b[other] - m[other + 2] <= 3 * h \
                        and m[other] - b[other + 2] <= 3 * h:
                    m[axis], m[axis + 2] = min(m[axis], b[axis]), max(m[axis + 2], b[axis + 2])
                    m[other], m[other + 2] = min(m[other], b[other]), max(m[other + 2], b[other + 2])
                    break
            else:
                merged.append(list(b))
        out += [tuple(m) for m in merged]
    return out


def _rule_cut(lines: list[Line], rules, h: float):
    """The rule that best divides the region: (coverage, axis, position), or None. A rule
    divides it along an axis when it is thin across that axis, runs along most of the
    region's other side, no line crosses it and lines stand on both sides."""
    best = None
    for box in rules:
        for axis in (0, 1):
            other = 1 - axis
            if box[axis + 2] - box[axis] > 0.5 * h:
                continue
            lo = min(ln.ub[other] for ln in lines)
            hi = max(ln.ub[other + 2] for ln in lines)
            cover = (min(hi, box[other + 2]) - max(lo, box[other])) / max(hi - lo, 1.0)
            if cover < 0.6 or (best and cover <= best[0]):
                continue
            p = (box[axis] + box[axis + 2]) / 2
            crossing = sum(ln.ub[axis] < p - 0.25 * h and ln.ub[axis + 2] > p + 0.25 * h
                           and ln.ub[other] < box[other + 2] and ln.ub[other + 2] > box[other] for ln in lines) > 1
            before = sum((ln.ub[axis] + ln.ub[axis + 2]) / 2 < p for ln in lines)
            if not crossing and 0 < before < len(lines):
                best = (cover, axis, p)
    return best


def xy_cut(lines: list[Line], h: float, rules=(), depth: int = 0) -> list[list[Line]]:
    """Lines (in reading space) in reading order, as segments of one block each. Rules
    (boxes in reading space) are cut at first, the widest gap where none divides."""
    if len(lines) <= 1 or depth > 200:
        return [lines] if lines else []
    cut = _rule_cut(lines, rules, h)
    if cut is not None:
        _, axis, p = cut
        first = [ln for ln in lines if (ln.ub[axis] + ln.ub[axis + 2]) / 2 < p]
        second = [ln for ln in lines if (ln.ub[axis] + ln.ub[axis + 2]) / 2 >= p]
        return xy_cut(first, h, rules, depth + 1) + xy_cut(second, h, rules, depth + 1)
    best = None
    for axis in (0, 1):
        # Across the page, boxes of two tiers overlap a little (the detector's margin
        # reaches over the rule between them): their ends count a quarter glyph shorter.
        trim = TIER_OVERLAP * h if axis == 0 else 0.0
        spans = [(ln.ub[axis] + trim, ln.ub[axis + 2] - trim) for ln in lines if ln.ub[axis + 2] - ln.ub[axis] > 2 * trim]
        for a, b in gaps(spans or [(0.0, 0.0)], MIN_GAP * h if axis else 1.0):
            # Tiers before columns: a gap across the page counts double (see above).
            width = (b - a) * (2 if axis == 0 else 1)
            if best is None or width > best[0]:
                best = (width, axis, (a + b) / 2)
    if best is None:
        return column_segments(lines, h)
    _, axis, cut = best
    first = [ln for ln in lines if (ln.ub[axis] + ln.ub[axis + 2]) / 2 < cut]
    second = [ln for ln in lines if (ln.ub[axis] + ln.ub[axis + 2]) / 2 >= cut]
    return xy_cut(first, h, rules, depth + 1) + xy_cut(second, h, rules, depth + 1)


def column_segments(lines: list[Line], h: float) -> list[list[Line]]:
    """A block of vertical type (in reading space) as its columns, right to left, each
    top to bottom: the detector's pieces of one column share its band across the page
    (y' here), whatever their length; a box over a column and a half goes with the
    column it covers most. Horizontal lines of the block (a title set across) come
    first if they stand above its columns' middle, last otherwise."""
    flat = [ln for ln in lines if ln.vertical]
    if not flat:
        return segments(lines, h)
    cut = _tier_cut(flat, h)
    if cut is not None:
        # Titles running down across the break head both tiers: they are read first.
        trim = TIER_OVERLAP * h
        over = [ln for ln in lines if ln.ub[0] + trim < cut < ln.ub[2] - trim and level(ln.glyph, h)]
        rest = [ln for ln in lines if not any(ln is o for o in over)]
        upper = [ln for ln in rest if (ln.ub[0] + ln.ub[2]) / 2 < cut]
        lower = [ln for ln in rest if (ln.ub[0] + ln.ub[2]) / 2 >= cut]
        if upper and lower:
            return column_segments(over, h) + column_segments(upper, h) + column_segments(lower, h)
    cols: list[list] = []  # [lo, hi, lines]
    for ln in sorted(flat, key=lambda l: (l.ub[3] - l.ub[1], l.ub[1])):  # narrow ones set the bands
        lo, hi = ln.ub[1], ln.ub[3]
        fit = max(cols, key=lambda c: min(hi, c[1]) - max(lo, c[0]), default=None)
        if fit is not None and min(hi, fit[1]) - max(lo, fit[0]) > 0.5 * min(hi - lo, fit[1] - fit[0]):
            fit[2].append(ln)
        else:
            cols.append([lo, hi, [ln]])
    cols.sort(key=lambda c: (c[0] + c[1]) / 2)
    out = [sorted(c[2], key=lambda l: l.ub[0]) for c in cols]
    across = [ln for ln in lines if not ln.vertical]
    if across:
        middle = sorted((ln.ub[0] + ln.ub[2]) / 2 for ln in flat)[len(flat) // 2]
        above = sorted((ln for ln in across if (ln.ub[0] + ln.ub[2]) / 2 < middle), key=lambda l: (l.ub[0], l.ub[1]))
        below = sorted((ln for ln in across if (ln.ub[0] + ln.ub[2]) / 2 >= middle), key=lambda l: (l.ub[0], l.ub[1]))
        out = ([above] if above else []) + out + ([below] if below else [])
    return out


# A tier break inside a block: a band across it where at most this share of the block's
# usual number of columns has ink (a title column set across two tiers does not hide
# it), the columns' ends trimmed by TIER_OVERLAP (the detector's margin reaches over).
TIER_SHARE = 0.25


def _tier_cut(lines: list[Line], h: float) -> float | None:
    """Where a block of columns (reading space: x' down the page) breaks into tiers that
    no rule or clean gap parts: the middle of the widest such band, or None."""
    if TIER_SHARE <= 0 or len(lines) < 4:
        return None
    trim = TIER_OVERLAP * h
    spans = [(ln.ub[0] + trim, ln.ub[2] - trim) for ln in lines if ln.ub[2] - ln.ub[0] > 2 * trim]
    if len(spans) < 4:
        return None
    lo = int(min(a for a, _ in spans))
    hi = int(max(b for _, b in spans)) + 1
    cover = np.zeros(hi - lo + 1, dtype=np.int32)
    for a, b in spans:
        cover[int(a) - lo:int(b) - lo] += 1
    usual = float(np.percentile(cover[cover > 0], 75))
    if usual < 4:
        return None
    low = cover <= TIER_SHARE * usual
    best, start = None, None
    for i, v in enumerate(low):
        if v and start is None:
            start = i
        elif not v and start is not None:
            if start > 0 and i - start >= 2 and (best is None or i - start > best[0]):
                best = (i - start, lo + (start + i) / 2)
            start = None
    return best[1] if best else None


# How a new paragraph opens in vertical type: a telegraph dateline in brackets, a mark.
_OPENS = re.compile(r"^[（(〔【△▲◇◆○●■□◎]")


def vertical_paragraphs(lines: list[Line], size: tuple[int, int], rules=()) -> list[Paragraph]:
    """Reading-ordered paragraphs of a page set in vertical type (archivist.scan.zones
    for the order of its zones; the XY-cut above inside each)."""
    lines = [dataclasses.replace(ln, text=ln.text[::-1])
             if not ln.vertical and zones.reads_right_to_left(ln.text) else ln for ln in lines]
    h = body_size(turned(lines))
    rules = joined_rules(real_rules(rules, lines), h)
    out: list[Paragraph] = []
    k = 0
    for half in zones.fold_halves(lines, size, h):
        for region in zones.rule_regions(half, rules, h):
            for zone in zones.reading_order(zones.zones(region, rules, h), h):
                segs = xy_cut(turned(zone), h, turned_rules(rules, zone, h))
                for p in body_runs(paragraphs_of(segs, zone_body(zone, h), level, join_titles=False)):
                    p.zone = k
                    out.append(p)
                k += 1
    return out


def body_runs(paras: list[Paragraph]) -> list[Paragraph]:
    """Body paragraphs of one zone joined, unless the next opens as a paragraph does here.

    Column ends say little in vertical type (a detector box may end anywhere in a column),
    and the pieces they leave, short and without a full stop, would read as titles."""
    out: list[Paragraph] = []
    for p in paras:
        prev = out[-1] if out else None
        if prev is not None and not p.level and not prev.level and not _OPENS.match(p.text):
            prev.lines.extend(p.lines)
        else:
            out.append(p)
    return out
