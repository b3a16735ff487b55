"""Detection on the page turned a quarter turn: the boxes map back onto the page's own
pixels, and the merge keeps whole columns over the glyph rows and single glyphs a
detector finds across vertical type set on a square grid (a real 1940 fold: 3,090 boxes,
2,077 single glyphs, 394 columns). Geometry only, no OCR: fast."""
import numpy as np

from archivist.scan import quarter
from archivist.scan.crops import is_vertical

G = 30  # a glyph's side


def box(x0, y0, x1, y1):
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=np.float32)


def grid_page(columns=3, glyphs=8, right=600, top=100, pitch=G + 6):
    """What each reading finds on columns of vertical type set with the glyphs as far apart
    across as down: upright, rows of two glyphs taken across neighbouring columns and
    single glyphs; turned, the columns themselves."""
    cols = [box(right - (i + 1) * pitch, top, right - (i + 1) * pitch + G, top + glyphs * pitch)
            for i in range(columns)]
    upright = []
    for g in range(glyphs):
        y0 = top + g * pitch
        if g % 2:
            x_right = right - pitch + G  # two glyphs: the first two columns, read across
            upright.append(box(x_right - pitch - G, y0, x_right, y0 + G))
            x = right - 3 * pitch
            upright.append(box(x, y0, x + G, y0 + G))
        else:
            for i in range(columns):
                x = right - (i + 1) * pitch
                upright.append(box(x, y0, x + G, y0 + G))
    return cols, upright


def test_a_box_found_on_the_turned_page_lands_on_the_same_pixels():
    page = np.zeros((400, 700, 3), dtype=np.uint8)
    page[50:330, 500:530] = 255  # one column of type: x 500–529, y 50–329
    turned = quarter.turn(page)
    assert turned.shape[:2] == (700, 400)
    ys, xs = np.nonzero(turned[:, :, 0])
    found = box(xs.min(), ys.min(), xs.max(), ys.max())
    assert np.ptp(found[:, 0]) > np.ptp(found[:, 1])  # a row on the turned page
    back = quarter.unturn(found, page.shape[0])
    assert back.min(axis=0).tolist() == [500, 50] and back.max(axis=0).tolist() == [529, 329]
    # corners in crop order, so the crop reads it as a tall (vertical) box
    assert back[0].tolist() == [500, 50] and back[2].tolist() == [529, 329]
    assert is_vertical(back)


def test_merge_keeps_the_columns_over_the_glyph_rows_that_cross_them():
    cols, upright = grid_page()
    turned_page_height = 1000
    # as the turned pass returns them: in the turned page's pixels
    turned = [np.stack([turned_page_height - 1 - c[:, 1], c[:, 0]], axis=1) for c in cols]
    back = [quarter.unturn(q, turned_page_height) for q in turned]
    kept = quarter.merge(upright, back)
    assert len(kept) == 3
    assert sorted(quarter.extent(q) for q in kept) == sorted(quarter.extent(c) for c in cols)
    assert all(is_vertical(q) for q in kept)


def test_merge_keeps_what_only_one_reading_found():
    cols, upright = grid_page()
    masthead = box(100, 10, 500, 60)  # a horizontal line over the columns, not in the turned reading
    lone = box(40, 700, 40 + G, 700 + G)  # one glyph far from everything
    kept = quarter.merge(upright + [masthead, lone], cols)
    extents = [quarter.extent(q) for q in kept]
    assert quarter.extent(masthead) in extents and quarter.extent(lone) in extents
    assert len(kept) == 5


def test_a_longer_horizontal_line_wins_over_the_turned_pieces_of_it():
    headline = box(100, 10, 500, 50)  # ten glyphs across
    pieces = [box(100 + 40 * i, 10, 140 + 40 * i, 50) for i in range(10)]  # the turned pass: squares
    kept = quarter.merge([headline], pieces)
    assert [quarter.extent(q) for q in kept] == [quarter.extent(headline)]


def test_only_a_page_that_looks_like_vertical_type_is_read_twice():
    rows = [box(50, 40 * i, 900, 40 * i + 30) for i in range(20)]  # a modern horizontal page
    assert not quarter.wants_turn(rows)
    cols, upright = grid_page()
    assert quarter.wants_turn(upright)
    assert quarter.wants_turn(cols)
    assert not quarter.wants_turn([])


def test_hostile_boxes_do_not_break_the_merge():
    flat = box(10, 10, 10, 10)  # a zero-size box
    line = np.array([[5, 5], [5, 5], [5, 5], [5, 5]], dtype=np.float32)
    kept = quarter.merge([flat, line], [flat])
    assert len(kept) == 3  # no area, no overlap: kept (the safe side), not dropped
    assert quarter.merge([], []) == []
