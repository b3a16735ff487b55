"""A horizontal multi-column page on generated geometry: headlines spanning columns, a
ruled box, an advert block; the reading order and the articles the splitter makes of it."""
from archivist.scan.layout import Line, page_paragraphs, page_text
from archivist.scan.rules import Rule
from archivist.split import split_text
from archivist.split.pipeline import SCAN_SPLITTER

H = 20


def col(x0, x1, y0, texts, pitch=30):
    return [Line(t, (x0, y0 + i * pitch, x1, y0 + i * pitch + H)) for i, t in enumerate(texts)]


def page():
    a_head = Line("青岛修订重污染天气应急预案", (60, 40, 900, 90))
    a_deck = Line("提前四十八小时发布预警信息", (200, 100, 760, 130))
    a1 = col(40, 460, 150, ["本报讯近日，市生态环境局修订了全市重污", "染天气应急预案，进一步明确各方职责，预",
                            "警分为黄色橙色红色三级。"])
    a2 = col(500, 920, 150, ["预案要求各区市在接到预警后一小时内启动", "响应，工地停止土石方作业，重型货车限行",
                             "措施同步实施。"])
    b_head = Line("城市公园新增健身步道", (60, 320, 600, 370))
    b_deck = Line("全长十二公里串联五处公园", (100, 380, 560, 410))
    b1 = col(40, 300, 430, ["本报讯记者从市园林局获", "悉，今年新建的健身步道", "已全部开放。"])
    b2 = col(340, 600, 430, ["步道沿线设置休息驿站和", "饮水点，方便市民锻炼，", "夜间照明同步开通。"])
    ad = [Line("大减价", (680, 440, 880, 500)), Line("百货公司", (700, 520, 860, 550))]
    rules = [Rule(True, (30, 300, 930, 303)),   # under article A, across the page
             Rule(False, (640, 310, 643, 600))]  # the advert's box edge
    return [a_head, a_deck, *a1, *a2, b_head, b_deck, *b1, *b2, *ad], rules, (a1, a2, b1, b2, ad)


def test_horizontal_page_reads_each_article_column_by_column_under_its_headline():
    lines, rules, (a1, a2, b1, b2, ad) = page()
    order = [ln.text for p in page_paragraphs(lines[::-1], (960, 620), rules) for ln in p.lines]
    expected = ["青岛修订重污染天气应急预案", "提前四十八小时发布预警信息", *(l.text for l in a1 + a2),
                "城市公园新增健身步道", "全长十二公里串联五处公园", *(l.text for l in b1 + b2)]
    assert [t for t in order if t not in {"大减价", "百货公司"}] == expected
    assert order.index("大减价") > order.index("城市公园新增健身步道")  # the advert stays in its own block


def test_horizontal_page_headlines_start_articles_with_their_own_bodies():
    lines, rules, _ = page()
    text, _layout = page_text([(lines, (960, 620), rules)])
    doc = split_text(text, splitter=SCAN_SPLITTER)  # what import does with a scan's text
    heads = [a.headline for a in doc.articles]
    assert heads[0].startswith("青岛修订重污染天气应急预案") and any(h.startswith("城市公园新增健身步道") for h in heads)
    first = "".join(b.text for b in doc.articles[0].blocks)
    assert "重型货车限行" in first and "健身步道" not in first
