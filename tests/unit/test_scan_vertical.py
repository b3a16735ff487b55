"""Vertical pages (columns right to left, each top to bottom), ruled zones, folds, and the
glyph strip the recogniser reads, on generated geometry and pixels (no OCR: fast)."""
import numpy as np

from archivist.scan import columns, zones
from archivist.scan.crops import glyph_cuts, is_vertical, vertical_strip, vertical_strips
from archivist.scan.layout import Line, page_paragraphs, page_text
from archivist.scan.rules import Rule, find_rules
from archivist.split import split_text
from archivist.split.pipeline import SCAN_SPLITTER

G = 20  # body type size (a column's width) on these pages


def column_lines(right, top, texts, width=G, pitch=G + 6, glyph=None):
    """Columns set right to left from x=right, each texts[i] from y=top down, one glyph a char."""
    out = []
    for i, t in enumerate(texts):
        x1 = right - i * pitch
        out.append(Line(t, (x1 - width, top, x1, top + len(t) * (glyph or width)), vertical=True))
    return out


FILLER = {"甲": "市政府昨日召開會議討論交通", "乙": "商會今晨發表聲明呼籲各界", "丙": "學校師生舉行運動大會成績",
          "右": "鐵路局通告列車時刻更改", "左": "醫院添設病床收容傷兵多名", "肆": "郵局開辦夜班收寄包裹信件",
          "壹": "銀行公會議定利率維持市面"}


def body(prefix, n, length=12, last=6):
    """n full columns of a paragraph, the last shorter (the paragraph ends there)."""
    text = FILLER[prefix] * 3
    cols = [(prefix + text[i:])[:length] for i in range(n - 1)]
    return cols + [(prefix + "完結。")[:last]]


def ruled_page():
    """Two tiers under a rule. Tier 1: article A (right) and B, a rule between them; tier 2:
    article C under a horizontal headline across it, and a boxed advert to its left."""
    lines = []
    lines += column_lines(1950, 100, ["甲報頭條新聞"], width=50, pitch=0, glyph=50)
    lines += column_lines(1890, 100, ["甲之副題說明"], width=30, pitch=0, glyph=30)
    a_body = body("甲", 5)
    lines += column_lines(1850, 100, a_body)
    lines += column_lines(1600, 100, ["乙報頭條消息"], width=50, pitch=0, glyph=50)
    lines += column_lines(1540, 100, ["另有消息來源"], width=30, pitch=0, glyph=30)
    b_body = body("乙", 4)
    lines += column_lines(1500, 100, b_body)
    lines.append(Line("丙報跨欄大標題", (1600, 660, 1900, 710)))  # across C's columns, set horizontally
    lines.append(Line("丙之副題在此", (1640, 730, 1860, 760)))
    c_body = body("丙", 6)
    lines += column_lines(1850, 790, c_body)
    advert = [Line("大減價", (180, 700, 480, 800)), Line("某某公司出品", (200, 850, 460, 890))]
    lines += advert
    rules = [Rule(True, (50, 620, 1990, 624)),          # between the tiers
             Rule(False, (1640, 90, 1644, 600)),        # between A and B
             Rule(True, (100, 650, 560, 653)), Rule(True, (100, 1300, 560, 1303)),  # the advert's box
             Rule(False, (100, 650, 103, 1303)), Rule(False, (557, 650, 560, 1303))]
    return lines, rules, (a_body, b_body, c_body, advert)


def reading(lines, rules, size=(2000, 1400)):
    return [ln.text for p in page_paragraphs(lines, size, rules) for ln in p.lines]


def test_vertical_page_reads_zones_right_to_left_tier_by_tier():
    lines, rules, (a_body, b_body, c_body, advert) = ruled_page()
    shuffled = lines[::-1]
    order = reading(shuffled, rules)
    assert order == (["甲報頭條新聞", "甲之副題說明", *a_body, "乙報頭條消息", "另有消息來源", *b_body,
                      "丙報跨欄大標題", "丙之副題在此", *c_body, *(ln.text for ln in advert)])


def test_vertical_page_text_marks_headlines_and_the_splitter_groups_articles():
    lines, rules, _ = ruled_page()
    text, layout = page_text([(lines, (2000, 1400), rules)])
    paras = [p for p in text.strip().split("\n\n") if p != "---"]
    assert paras[:2] == ["# 甲報頭條新聞", "## 甲之副題說明"]
    assert "# 丙報跨欄大標題" in paras and "## 丙之副題在此" in paras
    doc = split_text(text, splitter=SCAN_SPLITTER)  # what import does with a scan's text
    heads = [a.headline for a in doc.articles]
    assert [h[:6] for h in heads[:3]] == ["甲報頭條新聞", "乙報頭條消息", "丙報跨欄大標"]
    first = "".join(b.text for b in doc.articles[0].blocks)
    assert first.startswith("甲市政府") and "乙" not in first and "丙" not in first
    # every line keeps its box for the scan view, in the paragraph it went to
    assert len(layout) == len(lines) and all(r["size"] == [2000, 1400] for r in layout)


def test_unruled_vertical_page_falls_back_on_gaps():
    right = column_lines(1900, 100, ["右篇標題"], width=44, pitch=0, glyph=44) + column_lines(1840, 100, body("右", 3))
    left = column_lines(1000, 100, ["左篇標題"], width=44, pitch=0, glyph=44) + column_lines(940, 100, body("左", 3))
    order = reading(left + right, [])
    assert order[0] == "右篇標題" and order.index("左篇標題") == len(right)


def test_fold_is_read_in_page_order_from_the_folios():
    h = G
    page4 = [Line("第四版", (2600, 20, 2700, 40))] + column_lines(3900, 100, body("肆", 3))
    page1 = column_lines(1900, 100, body("壹", 3))  # the front page: no folio, a masthead
    halves = zones.fold_halves(page4 + page1, (4000, 2000), h)
    assert [ln.text[0] for ln in halves[0]] == ["壹"] * 3
    assert halves[1][0].text == "第四版"
    assert zones.folio_number("第十二版") == 12 and zones.folio_number("第二十版") == 20


def test_right_to_left_horizontal_lines_are_turned_back():
    assert zones.reads_right_to_left("版四第") and zones.reads_right_to_left("日六廿月四年八十二國民華中")
    assert not zones.reads_right_to_left("中華民國二十八年四月廿六日")
    assert not zones.reads_right_to_left("A. L. Teodoro")
    lines = column_lines(1900, 100, body("甲", 4)) + [Line("版四第", (900, 20, 980, 40))]
    assert "第四版" in reading(lines, [])


def test_vertical_page_is_told_from_a_horizontal_one():
    assert columns.is_vertical_page(column_lines(1900, 100, body("甲", 4)))
    assert not columns.is_vertical_page([Line("一行橫排的正文內容", (0, 0, 400, 20))] * 3)


def test_glyph_cuts_join_parts_of_a_glyph_and_split_touching_ones():
    ink = np.zeros(100)
    ink[0:8] = ink[12:20] = 5      # 二: two strokes with a blank between, one glyph
    ink[30:50] = 5                 # one glyph
    ink[55:95] = 5                 # two glyphs touching
    assert glyph_cuts(ink, 20.0) == [(0, 20), (30, 50), (55, 75), (75, 95)]


def test_vertical_strip_sets_glyphs_upright_side_by_side():
    column = np.full((120, 30, 3), 255, dtype=np.uint8)
    for top in (5, 45, 85):        # three square glyphs, 20 px, a gap between
        column[top:top + 20, 5:25] = 0
    column[:, 0:2] = 0             # a sliver of the neighbouring column at the edge
    strip = vertical_strip(column)
    assert strip.shape[0] < strip.shape[1]
    dark = (strip.mean(axis=2) < 128).any(axis=0)
    runs = np.flatnonzero(np.diff(dark.astype(int)) == 1)
    assert len(runs) == 3          # three glyphs, and the sliver is gone
    assert is_vertical(np.array([[0, 0], [30, 0], [30, 120], [0, 120]], dtype=float))


def test_rules_are_found_and_text_is_not_a_rule():
    from PIL import Image, ImageDraw

    im = Image.new("L", (1200, 900), 255)
    d = ImageDraw.Draw(im)
    d.line((50, 400, 1150, 400), fill=0, width=3)
    d.line((600, 50, 600, 380), fill=0, width=3)
    for x in range(100, 500, 30):  # columns of glyph-like blots: never rules
        for y in range(60, 380, 26):
            d.rectangle((x, y, x + 18, y + 18), fill=0)
    rules = find_rules(im)
    assert any(r.horizontal and r.box[2] - r.box[0] > 900 and abs(r.box[1] - 400) < 6 for r in rules)
    assert any(not r.horizontal and abs(r.box[0] - 600) < 6 for r in rules)
    assert not any(r.box[0] < 520 and not r.horizontal and r.box[3] - r.box[1] > 100 and r.box[1] < 380
                   and 100 <= r.box[0] <= 500 for r in rules)


def test_a_long_column_goes_to_the_recogniser_as_short_strips_cut_between_glyphs():
    column = np.full((20 * 24 + 4, 30, 3), 255, dtype=np.uint8)
    for k in range(20):
        column[4 + k * 24:4 + k * 24 + 20, 5:25] = 0
    strips = vertical_strips(column)
    counts = [int(np.sum(np.diff((s.mean(axis=2) < 128).any(axis=0).astype(int)) == 1)) for s in strips]
    assert counts == [8, 8, 4]  # no glyph cut in two, none lost


def test_each_block_of_a_vertical_article_maps_back_to_its_own_columns():
    from archivist.scan.regions import regions_for_article
    from archivist.split import to_json

    lines, rules, (a_body, _, _, _) = ruled_page()
    text, layout = page_text([(lines, (2000, 1400), rules)])
    article = to_json(split_text(text, splitter=SCAN_SPLITTER))["articles"][0]
    found = regions_for_article(article, layout)
    assert [r["bbox"] for r in found["headline"]] == [[1900, 100, 1950, 400], [1860, 100, 1890, 280]]
    body_boxes = [r["bbox"] for block in found["blocks"] for r in block]
    assert body_boxes and all(1700 <= b[0] and b[2] <= 1850 for b in body_boxes)  # A's columns, none of B's
