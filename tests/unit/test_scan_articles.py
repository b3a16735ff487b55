"""Articles of a scanned page as its layout says (archivist.scan.articles): a headline
group starts an article, a zone's subhead does not, datelines inside one article do not
cut it, an advert stays out of the news; and the splitter starts articles at the breaks
the layout writes and nowhere else. Generated geometry, no OCR: fast."""
import re
import unicodedata

from archivist.scan.layout import Line, page_text
from archivist.scan.rules import Rule
from archivist.split import split_text
from archivist.split.pipeline import SCAN_SPLITTER

G = 20  # body type size on these pages


def columns(right, top, texts, width=G, pitch=G + 6):
    """Vertical columns set right to left from x=right, each texts[i] from y=top down."""
    out = []
    for i, t in enumerate(texts):
        x1 = right - i * pitch
        out.append(Line(t, (x1 - width, top, x1, top + len(t) * width), vertical=True))
    return out


def title(right, top, text, size):
    return Line(text, (right - size, top, right, top + len(text) * size), vertical=True)


def han(text):
    return "".join(c for c in unicodedata.normalize("NFKC", text) if re.match(r"[\u3400-\u9fff0-9]", c))


def split(lines, rules, size=(2000, 1400)):
    text, _ = page_text([(lines, size, rules)])
    return text, split_text(text, splitter=SCAN_SPLITTER)


def body_of(article):
    return "".join(b.text for b in article.blocks)


def wire_page():
    """Tier 1: article A (headline, deck, three wire stories each opening with its own
    dateline) and, ruled off to its left, article B with a one-line headline and a subhead
    between its columns. Tier 2, under a rule across: a boxed advert."""
    a = [title(1950, 100, "華軍收復新街車站", 50), title(1895, 100, "日軍數度進攻均遭痛擊", 30)]
    a_body = columns(1855, 100, ["（重慶廿五日電）據消息", "靈通人士宣稱華軍已收", "復新街車站。",
                                 "（翁源廿五日電）日軍連", "日反攻新會城被華軍痛", "擊不逞。",
                                 "（宣城廿五日電）華機飛", "九江上空轟炸日軍。"])
    b = [title(1580, 100, "浙東形勢緊張", 50)]
    b_body1 = columns(1525, 100, ["浙東沿海各地形勢甚為", "緊張駐在華軍嚴密戒備", "枕戈待命。"])
    b_sub = title(1445, 100, "溫州昨日", 40)
    b_body2 = columns(1400, 100, ["又有日機三架投彈十二", "枚均落城區毀民屋頗多", "幸無死傷。"])
    advert = [Line("大減價", (300, 760, 560, 840)), Line("某某公司出品", (320, 880, 540, 910))]
    rules = [Rule(True, (50, 700, 1990, 703)),                                   # between the tiers
             Rule(False, (1620, 90, 1623, 690)),                                 # between A and B
             Rule(True, (250, 730, 610, 733)), Rule(True, (250, 1000, 610, 1003)),  # the advert's box
             Rule(False, (250, 730, 253, 1003)), Rule(False, (607, 730, 610, 1003))]
    lines = a + a_body + b + b_body1 + [b_sub] + b_body2 + advert
    return lines, rules, (a_body, b_body1, b_body2, advert)


def test_wire_stories_under_one_headline_stay_one_article():
    lines, rules, (a_body, *_rest) = wire_page()
    text, doc = split(lines[::-1], rules)
    first = doc.articles[0]
    assert first.headline.startswith("華軍收復新街車站")
    # all three datelines inside it, in reading order: none of them starts an article
    got = han(body_of(first))
    assert got == han("".join(ln.text for ln in a_body))


def test_a_subhead_between_columns_does_not_start_an_article():
    lines, rules, (_, b_body1, b_body2, _) = wire_page()
    _, doc = split(lines, rules)
    heads = [a.headline for a in doc.articles]
    assert not any(h.startswith("溫州昨日") for h in heads)
    second = next(a for a in doc.articles if a.headline.startswith("浙東形勢緊張"))
    words = han(body_of(second))  # the subhead is a block of it
    assert "溫州昨日" in body_of(second)
    assert han("".join(ln.text for ln in b_body1)) in words and han("".join(ln.text for ln in b_body2)) in words


def test_the_advert_stays_out_of_the_news_and_no_character_is_lost():
    lines, rules, (*_, advert) = wire_page()
    text, doc = split(lines, rules)
    news = [a for a in doc.articles if a.headline.startswith(("華軍", "浙東"))]
    assert len(news) == 2 and not any("減價" in body_of(a) or "公司出品" in body_of(a) for a in news)
    out = "".join(p or "" for a in doc.articles for p in [a.kicker, a.headline, a.subtitle, *a.deck,
                                                          *(b.text for b in a.blocks), *a.captions])
    assert sorted(han(out + "".join(doc.furniture))) == sorted(han("".join(ln.text for ln in lines)))


def test_the_layout_writes_a_break_before_each_article_it_found():
    lines, rules, _ = wire_page()
    text, _ = split(lines, rules)
    chunks = text.split("\n\n---\n\n")
    assert chunks[1].startswith("# 浙東形勢緊張")  # B's headline opens the second article
    assert "溫州昨日" in chunks[1]                   # its subhead inside it


def test_horizontal_page_a_one_line_headline_starts_its_own_article():
    def row(x0, y0, texts):
        return [Line(t, (x0, y0 + i * 30, x0 + 20 * len(t), y0 + i * 30 + G)) for i, t in enumerate(texts)]

    a = [Line("市区新增公交线路", (40, 40, 520, 100))] + row(40, 120, ["本报讯市交通局昨日宣布新开", "三条公交线路方便市民出行。"])
    b = [Line("图书馆延长开放", (40, 220, 460, 280))] + row(40, 300, ["本报讯市图书馆自下月起每天", "延长开放两小时至晚九点。"])
    _, doc = split(a + b, [], size=(600, 400))
    assert [x.headline for x in doc.articles] == ["市区新增公交线路", "图书馆延长开放"]
    assert "图书馆" not in body_of(doc.articles[0])


def test_the_rules_splitter_starts_articles_only_at_marked_breaks():
    page = ("# 第一篇标题\n\n（新华社北京三月五日电）第一段正文内容。\n\n（新华社上海三月五日电）第二段正文内容。"
            "\n\n---\n\n# 第二篇标题\n\n第二篇的正文。\n")
    doc = split_text(page, splitter="rules")
    assert [a.headline for a in doc.articles] == ["第一篇标题", "第二篇标题"]
    assert "第二段正文内容" in body_of(doc.articles[0])
    # a page without breaks is split by the rules' own guesses, as before (here the lone
    # second title reads as a subhead of the first article)
    unmarked = split_text(page.replace("---\n\n", ""), splitter="rules")
    assert [a.headline for a in unmarked.articles] != ["第一篇标题", "第二篇标题"]


def test_a_block_set_in_two_tiers_is_read_tier_by_tier_under_a_title_across_both():
    """A serial set in short columns, two tiers with no rule or gap between (the
    detector's boxes reach over the break), its title column running down both tiers:
    the upper tier's columns first, right to left, then the lower tier's."""
    head = title(1000, 100, "妹妹我愛你", 40)
    upper = columns(955, 100, ["但是她今夜之夢決不", "是那種歡樂之夢她夢", "見着七年前死去的母"])
    lower = columns(945, 100 + 9 * G - 6, ["親母親是被父親虐待", "死的母親患着強度歇", "斯底里症三年之久。"])
    lines = [head] + [ln for pair in zip(lower, upper) for ln in pair]  # detector order: mixed
    _, doc = split(lines, [], size=(1100, 600))
    text = han(body_of(doc.articles[0]))
    assert doc.articles[0].headline == "妹妹我愛你"
    assert text == han("".join(ln.text for ln in upper + lower))


def test_each_layout_record_names_its_paragraph_of_the_text_breaks_counted():
    lines, rules, _ = wire_page()
    text, layout = page_text([(lines, (2000, 1400), rules)])
    paras = text.split("\n\n")
    assert "---" in paras
    for rec in layout:  # the paragraph a line went to holds it (the furniture's page is read so)
        assert han(rec["text"]) in han(paras[rec["para"]])
