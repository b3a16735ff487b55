"""Reading order and paragraphs from line boxes, on synthetic geometry (no OCR, fast)."""
import math

from archivist.scan.layout import Line, lines_from_quads, page_text, paragraphs, segments
from archivist.scan.regions import regions_for_article, regions_for_blocks

H = 20  # body line height in these synthetic pages


def column(x0, x1, y0, texts, indent_first=(0,), pitch=30):
    """Lines of one column; the lines whose index is in indent_first start a paragraph."""
    out = []
    for i, t in enumerate(texts):
        x = x0 + (2 * H if i in indent_first else 0)
        out.append(Line(t, (x, y0 + i * pitch, x1, y0 + i * pitch + H)))
    return out


def texts(segs):
    return [[ln.text for ln in seg] for seg in segs]


def test_two_columns_under_a_spanning_headline_read_column_by_column():
    head = Line("大标题", (100, 0, 500, 40))
    left = column(0, 280, 60, ["左一", "左二", "左三"])
    right = column(320, 600, 60, ["右一", "右二", "右三"], indent_first=())
    # rows on one baseline grid: a horizontal cut between every row must not happen
    order = [t for seg in texts(segments(right + [head] + left)) for t in seg]
    assert order == ["大标题", "左一", "左二", "左三", "右一", "右二", "右三"]


def test_headline_mid_page_stays_between_the_articles_above_and_below():
    top = column(0, 280, 60, ["甲一", "甲二"]) + column(320, 600, 60, ["甲三", "甲四"], indent_first=())
    head = Line("第二篇", (150, 140, 450, 180))
    bottom = column(0, 280, 200, ["乙一", "乙二"]) + column(320, 600, 200, ["乙三", "乙四"], indent_first=())
    order = [t for seg in texts(segments(bottom + top + [head])) for t in seg]
    assert order == ["甲一", "甲二", "甲三", "甲四", "第二篇", "乙一", "乙二", "乙三", "乙四"]


def test_three_columns_and_paragraph_running_on_into_the_next_column():
    c1 = column(0, 200, 0, ["本报讯近日", "全市各地抢", "抓农时田间"])
    c2 = column(240, 440, 0, ["地头一片忙", "碌景象。"], indent_first=())
    c3 = column(480, 680, 0, ["新的段落从", "这里开始。"])
    paras = [p.text for p in paragraphs(c3 + c1 + c2)]
    assert paras == ["本报讯近日全市各地抢抓农时田间地头一片忙碌景象。", "新的段落从这里开始。"]


def test_indent_short_line_and_size_make_paragraphs_and_headings():
    lines = [Line("一个很大的标题", (0, 0, 300, 40))]
    lines += column(0, 300, 60, ["第一段开头第", "一段结尾。", "第二段没有缩", "进但上一行短"], indent_first=(0,))
    lines[2] = Line("一段结尾。", (0, 90, 120, 110))  # short line ends the paragraph
    text, layout = page_text([(lines, (300, 200))])
    assert text.split("\n\n") == ["# 一个很大的标题", "第一段开头第一段结尾。", "第二段没有缩进但上一行短\n"]
    assert {r["para"] for r in layout} == {0, 1, 2}
    assert layout[0] == {"page": 1, "bbox": [0, 0, 300, 40], "size": [300, 200], "text": "一个很大的标题", "para": 0}


def test_latin_words_keep_a_space_when_lines_join():
    lines = column(0, 300, 0, ["报道称 New", "York 市民"], indent_first=())
    assert paragraphs(lines)[0].text == "报道称 New York 市民"


def test_skewed_scan_is_straightened_before_columns_are_found():
    angle = math.radians(1.5)

    def quad(x0, y0, x1, y1):
        pts = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
        return [[x * math.cos(angle) - y * math.sin(angle), x * math.sin(angle) + y * math.cos(angle)]
                for x, y in pts]

    items = [(quad(0, i * 30, 280, i * 30 + H), f"左{i}") for i in range(30)]
    items += [(quad(300, i * 30, 580, i * 30 + H), f"右{i}") for i in range(30)]
    lines = lines_from_quads(items)
    order = [t for seg in texts(segments(lines)) for t in seg]
    assert order == [f"左{i}" for i in range(30)] + [f"右{i}" for i in range(30)]


def test_regions_map_blocks_back_to_their_line_boxes_after_cleaning():
    lines = [Line("大标题", (0, 0, 300, 40))] + column(0, 300, 60, ["本报讯 近日,", "书房开放。", "居民前来阅读,", "十分方便。"],
                                                       indent_first=(0, 2))
    lines[2] = Line("书房开放。", (0, 90, 100, 110))
    _text, layout = page_text([(lines, (300, 200))])
    article = {"headline": "大标题", "blocks": [{"kind": "paragraph", "text": "本报讯近日，书房开放。"},
                                              {"kind": "paragraph", "text": "居民前来阅读，十分方便。"}]}
    regions = regions_for_blocks(article, layout)
    assert [[r["bbox"] for r in block] for block in regions] == [[[40, 60, 300, 80], [0, 90, 100, 110]],
                                                                [[40, 120, 300, 140], [0, 150, 300, 170]]]
    assert regions_for_article(article, layout)["headline"][0]["bbox"] == [0, 0, 300, 40]
