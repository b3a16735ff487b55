"""From positioned text lines (OCR boxes or a PDF text layer) to page text in reading order.

A newspaper is read column by column, top to bottom; a headline that spans columns sits
between the columns above it and those below it. The order is found by cutting the page
recursively (a simplified XY-cut):

1. A gutter no line crosses splits the region into columns, read left to right.
2. Otherwise, if a few lines (headlines) cross a gutter that the many body lines leave
   free, the region is cut across at those lines: above, the spanning lines, below.
3. Otherwise the region is one column, read top to bottom.

Cutting across at every horizontal gap would be wrong: columns set on one baseline grid
have a gap between every row, and reading row by row mixes the columns.

Inside a column, lines join into paragraphs without spaces (Chinese); a new paragraph
starts at an indented line, after a short line, after a large vertical gap, or where
the type size changes. Lines set clearly larger than the body become markdown headings
(`#`, `##`), which the splitter takes as heading hints.
"""
from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field

import numpy as np

from archivist.split.patterns import is_furniture


@dataclass(frozen=True)
class Line:
    """One line of text on a page image. box: (x0, y0, x1, y1), pixels, origin top-left."""

    text: str
    box: tuple[float, float, float, float]
    page: int = 1
    # The box with the page's skew taken out, used only to order lines.
    upright: tuple[float, float, float, float] | None = None
    # Set top to bottom (a column of vertical type), read as such by the recogniser.
    vertical: bool = False
    # The type's size where it is not the box's height in `ub` (a vertical page is ordered
    # turned a quarter, archivist.scan.columns).
    size: float | None = None

    @property
    def ub(self) -> tuple[float, float, float, float]:
        return self.upright or self.box

    @property
    def height(self) -> float:
        return self.ub[3] - self.ub[1]

    @property
    def glyph(self) -> float:
        return self.size or self.height


@dataclass
class Paragraph:
    lines: list[Line] = field(default_factory=list)
    level: int = 0  # 0 body, 1 "#", 2 "##"
    zone: int = 0  # the ruled zone of the page it stands in (archivist.scan.zones)

    @property
    def text(self) -> str:
        out = ""
        for ln in self.lines:
            out = join_text(out, ln.text.strip())
        return out


def join_text(a: str, b: str) -> str:
    """Join two pieces of a paragraph: no space in Chinese, one space between Latin words."""
    if a and b and (a[-1].isascii() and a[-1].isalnum()) and (b[0].isascii() and b[0].isalnum()):
        return a + " " + b
    return a + b


def lines_from_quads(items, page: int = 1) -> list[Line]:
    """OCR results [(quad [[x, y]×4], text[, vertical]), …] → Lines, with the page's skew
    measured from long boxes' edges and taken out of `upright` (rotating about the origin
    keeps relative positions, which is all ordering needs)."""
    quads = [(np.asarray(it[0], dtype=float).reshape(4, 2), it[1], bool(it[2]) if len(it) > 2 else False)
             for it in items if it[1] and it[1].strip()]
    angles = []
    for q, _, _ in quads:
        dx, dy = q[1] - q[0]
        ex, ey = q[3] - q[0]
        if dx > 3 * abs(ey) and dx > 0:  # only long boxes say much about skew
            angles.append(math.atan2(dy, dx))
        elif ey > 3 * abs(dx) and ey > 0:  # a vertical column: its left edge
            angles.append(math.atan2(-ex, ey))
    skew = statistics.median(angles) if angles else 0.0
    cos, sin = math.cos(-skew), math.sin(-skew)
    out = []
    for q, text, vertical in quads:
        box = (q[:, 0].min(), q[:, 1].min(), q[:, 0].max(), q[:, 1].max())
        upright = None
        if abs(skew) > math.radians(0.1):
            xs = q[:, 0] * cos - q[:, 1] * sin
            ys = q[:, 0] * sin + q[:, 1] * cos
            upright = (xs.min(), ys.min(), xs.max(), ys.max())
        out.append(Line(text.strip(), tuple(float(v) for v in box), page,
                        tuple(float(v) for v in upright) if upright else None, vertical))
    return out


def body_height(lines: list[Line]) -> float:
    heights = [ln.glyph for ln in lines if ln.glyph > 0]
    return statistics.median(heights) if heights else 1.0


def _gutters(lines: list[Line], h: float, strict: bool) -> list[tuple[int, int]]:
    """Interior vertical strips that no line crosses (strict) or that only a few lines
    cross while most lines stay clear of them (loose), at least half a character wide."""
    x0 = int(min(ln.ub[0] for ln in lines))
    x1 = int(math.ceil(max(ln.ub[2] for ln in lines)))
    cov = np.zeros(max(x1 - x0, 1) + 1, dtype=np.int32)
    for ln in lines:
        cov[int(ln.ub[0]) - x0:int(math.ceil(ln.ub[2])) - x0] += 1
    if strict:
        low = cov == 0
    else:
        covered = cov[cov > 0]
        ref = float(np.percentile(covered, 75)) if covered.size else 0.0
        low = cov <= max(0, int(ref * 0.5))
    runs, start = [], None
    for i, is_low in enumerate(low):
        if is_low and start is None:
            start = i
        elif not is_low and start is not None:
            if start > 0 and i - start >= max(0.5 * h, 3):
                runs.append((start + x0, i + x0))
            start = None
    return runs  # a run still open at the right edge is the margin, not a gutter


def _rows(lines: list[Line]) -> list[list[Line]]:
    """Group lines that share a row (a line OCR split in two), each row left to right."""
    rows: list[list[Line]] = []
    for ln in sorted(lines, key=lambda l: (l.ub[1] + l.ub[3]) / 2):
        if rows:
            last = rows[-1]
            top, bottom = min(l.ub[1] for l in last), max(l.ub[3] for l in last)
            overlap = min(bottom, ln.ub[3]) - max(top, ln.ub[1])
            if overlap > 0.5 * min(bottom - top, ln.height):
                last.append(ln)
                continue
        rows.append([ln])
    return [sorted(r, key=lambda l: l.ub[0]) for r in rows]


def segments(lines: list[Line], h: float | None = None, depth: int = 0) -> list[list[Line]]:
    """Lines in reading order, as segments: runs of lines in one column, top to bottom."""
    if not lines:
        return []
    h = h or body_height(lines)
    if len(lines) == 1 or depth > 50:
        return [lines]
    gutters = _gutters(lines, h, strict=True)
    if gutters:
        cuts = [(a + b) / 2 for a, b in gutters]
        cols: list[list[Line]] = [[] for _ in range(len(cuts) + 1)]
        for ln in lines:
            cx = (ln.ub[0] + ln.ub[2]) / 2
            cols[sum(cx > c for c in cuts)].append(ln)
        return [seg for col in cols for seg in segments(col, h, depth + 1)]
    gutters = _gutters(lines, h, strict=False)
    spanners = [ln for ln in lines if any(ln.ub[0] < a and ln.ub[2] > b for a, b in gutters)]
    if gutters and spanners and len(spanners) < len(lines):
        spanning = set(map(id, spanners))
        rest = sorted((ln for ln in lines if id(ln) not in spanning), key=lambda l: l.ub[1] + l.ub[3])
        out: list[list[Line]] = []
        for row in _rows(spanners):
            cy = (min(l.ub[1] for l in row) + max(l.ub[3] for l in row)) / 2
            above = [ln for ln in rest if (ln.ub[1] + ln.ub[3]) / 2 < cy]
            rest = rest[len(above):]
            out += segments(above, h, depth + 1)
            out.append(row)
        return out + segments(rest, h, depth + 1)
    return [lines]


def _level(line_h: float, body_h: float) -> int:
    # A noisy scan inflates a short line's box by a fifth or so; a real subhead is set
    # clearly larger than that, a headline larger still.
    ratio = line_h / body_h
    return 1 if ratio >= 1.5 else 2 if ratio >= 1.3 else 0


def paragraphs(lines: list[Line]) -> list[Paragraph]:
    """Reading-ordered paragraphs of one page."""
    return paragraphs_of(segments(lines, body_height(lines)), body_height(lines))


def paragraphs_of(segs: list[list[Line]], h: float, level_of=None, join_titles: bool = True) -> list[Paragraph]:
    """Paragraphs of segments already in reading order. join_titles: consecutive heading
    lines of one size are one headline (set over two lines); else each stays a heading
    of its own (vertical titles: one column each, headline then deck)."""
    out: list[Paragraph] = []
    prev_open = False  # did the previous segment end mid-paragraph (full last line)?
    level_of = level_of or _level
    for seg in segs:
        rows = _rows(seg)
        # The body's measure: a headline beside it may run longer or start earlier.
        body = [l for l in seg if not level_of(l.glyph, h)] or seg
        left = min(l.ub[0] for l in body)
        right = max(l.ub[2] for l in body)
        gaps = [rows[i + 1][0].ub[1] - rows[i][0].ub[3] for i in range(len(rows) - 1)]
        usual_gap = statistics.median(gaps) if gaps else 0.0
        for i, row in enumerate(rows):
            row_h = max(l.glyph for l in row)
            level = level_of(row_h, h)
            indented = row[0].ub[0] - left >= 1.0 * h
            if i == 0:
                new = not (prev_open and level == 0 and out and out[-1].level == 0 and not indented)
            else:
                above = rows[i - 1]
                short_above = above[-1].ub[2] < right - 1.5 * h
                gap = row[0].ub[1] - above[0].ub[3]
                new = (indented or short_above or level != out[-1].level
                       or gap > max(0.8 * h, usual_gap + 0.5 * h))
            if new:
                out.append(Paragraph(level=level))
            out[-1].lines.extend(row)
        last = rows[-1]
        prev_open = len(rows) > 1 and last[-1].ub[2] >= right - 1.5 * h and level_of(last[0].glyph, h) == 0
    # Consecutive heading lines of the same size are one headline set over two lines.
    merged: list[Paragraph] = []
    for p in out:
        if join_titles and merged and p.level and p.level == merged[-1].level and _same_size(p, merged[-1]):
            merged[-1].lines.extend(p.lines)
        else:
            merged.append(p)
    return merged


def _same_size(a: Paragraph, b: Paragraph) -> bool:
    ha, hb = body_height(a.lines), body_height(b.lines)
    return abs(ha - hb) <= 0.1 * max(ha, hb)


def page_paragraphs(lines: list[Line], size: tuple[int, int], rules=()) -> list[Paragraph]:
    """Reading-ordered paragraphs of one page, set horizontally or vertically; rules:
    the page's printed separators (archivist.scan.rules)."""
    from archivist.scan import columns  # noqa: PLC0415 (it builds on this module)

    if not lines:
        return []
    if columns.is_vertical_page(lines):
        return columns.vertical_paragraphs(lines, size, rules)
    if not rules:
        return paragraphs(lines)
    # Rules first (the rule under an article, a boxed one beside others), then columns.
    from archivist.scan import zones  # noqa: PLC0415 (it builds on this module)

    h = body_height(lines)
    regions = zones.rule_regions(lines, columns.joined_rules(columns.real_rules(rules, lines), h), h, right_first=False)
    out = []
    for k, region in enumerate(regions):
        for p in paragraphs_of(segments(region, h), h):
            p.zone = k
            out.append(p)
    return out


def heading_marks(paras: list[Paragraph]) -> list[int]:
    """The markdown level each paragraph is given in the page text.

    Page furniture set large (a masthead, a folio) is given none: it heads no article.

    A title set in several lines of one size is the headline and, under it, smaller
    titles (a deck of one rank): all but the first go one level down, so the splitter sees
    where one headline stops and what stands under it.
    """
    marks = [0 if p.level and is_furniture(p.text) else p.level for p in paras]
    i = 0
    while i < len(paras):
        if not marks[i]:
            i += 1
            continue
        end = i
        while end < len(paras) and marks[end]:
            end += 1
        if end - i > 1 and len(set(marks[i:end])) == 1:
            for j in range(i + 1, end):
                marks[j] = min(marks[j] + 1, 3)
        i = end
    return marks


def page_text(pages: list[tuple]) -> tuple[str, tuple]:
    """Pages (lines, (width, height)[, rules]) → (text for the splitter, layout records
    for the GUI).

    Each layout record: {"page": n (1-based), "bbox": [x0, y0, x1, y1] in the page image's
    pixels, "size": [width, height] of that image, "text": the line as read, "para": index
    of its paragraph in the text (paragraphs are separated by blank lines)}.
    """
    from archivist.scan.articles import article_starts  # noqa: PLC0415 (it builds on this module)

    texts, records = [], []
    for lines, size, *rules in pages:
        paras = [p for p in page_paragraphs(lines, size, rules[0] if rules else ()) if p.text]
        marks = heading_marks(paras)
        starts = article_starts(paras, marks)
        for i, (p, level) in enumerate(zip(paras, marks)):
            # A thematic break before each article the layout found: the splitter starts
            # articles there and nowhere else (archivist.split.group). It is a paragraph of
            # the text of its own, so "para" still counts the text's paragraphs.
            if i in starts and texts:
                texts.append("---")
            para = len(texts)
            texts.append(("#" * level + " " if level else "") + p.text)
            for ln in p.lines:
                records.append({"page": ln.page, "bbox": [round(v) for v in ln.box],
                                "size": [int(size[0]), int(size[1])], "text": ln.text, "para": para})
    return "\n\n".join(texts) + ("\n" if texts else ""), tuple(records)
