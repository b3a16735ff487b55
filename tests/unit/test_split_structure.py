"""Page → articles on the real sample pages: each structural case the samples show."""
import pytest

from archivist.split import split_text


@pytest.fixture(scope="module")
def daily(samples):
    return split_text(samples["qingdao-daily-2024-11-02"])


@pytest.fixture(scope="module")
def focus(samples):
    return split_text(samples["qingdao-daily-2022-focus"])


@pytest.fixture(scope="module")
def web(samples):
    return split_text(samples["bandao-web-2024-12-24"])


def body(article):
    return "\n".join(b.text for b in article.blocks)


def test_markdown_page_gives_seven_articles_with_their_elements(daily):
    heads = [a.headline for a in daily.articles]
    assert heads[0] == "青岛国际“朋友圈”增至50国89城"
    assert daily.articles[0].kicker.startswith("高质量推进新时代国际友城建设")
    assert "#" not in "".join(body(a) + (a.headline or "") for a in daily.articles)
    assert len(daily.articles) == 7


def test_article_continued_after_another_is_rejoined(daily):
    first, second = daily.articles[:2]
    assert "国家关系归根结底是人民之间的关系" in body(first)  # under a later ### subhead
    assert "友城立体化网络更紧密" in [b.text for b in first.blocks if b.kind == "subhead"]
    assert "国家关系" not in body(second)


def test_deck_byline_dateline(daily):
    air = daily.articles[1]
    assert air.headline.startswith("青岛修订重污染天气应急预案")
    assert len(air.deck) == 2 and air.deck[0].startswith("应急响应启动后")
    assert air.byline == ["吴帅"]
    assert air.dateline == "本报11月1日讯"
    assert air.blocks[0].text.startswith("本报11月1日讯")  # the dateline stays in the text too


def test_headline_split_over_two_heading_lines_is_joined(daily):
    fund = daily.articles[4]
    assert fund.headline == "青岛新增三只AIC股权投资试点基金"
    assert fund.subtitle.startswith("成为18个试点城市中首个")


def test_caption_is_not_body(daily):
    photo = daily.articles[2]
    assert photo.captions == ["来自全国各地的摄影爱好者们在银鱼巷采风。"]
    assert "银鱼巷采风。" not in body(photo).split("\n")[-1]
    assert photo.byline == ["王雷"]


def test_plain_text_page_kicker_headline_byline_and_furniture(focus):
    (a,) = focus.articles
    assert a.headline == "125项重点任务全方位提升青岛国际化水平"
    assert a.kicker.startswith("《青岛市推进“国际化+”行动计划")
    assert a.byline == ["刘兰星"]
    assert any("主编" in f for f in focus.furniture)
    assert any(f.startswith("客户端") for f in focus.furniture)
    assert not any("客户端" in b.text or "主编" in b.text for b in a.blocks)


def test_captions_between_halves_of_a_paragraph(focus):
    (a,) = focus.articles
    assert len(a.captions) == 3
    assert a.captions[0].endswith("张进刚 摄")
    assert "推进部、省、市共建国家深海基因库" in body(a)


def test_web_page_trailing_byline_and_placeholder(web):
    (a,) = web.articles
    assert a.headline.startswith("今年+7")
    assert "张昌威" in a.byline and "半岛" not in "".join(a.byline)
    assert "图片" in web.furniture
    assert [b.text for b in a.blocks if b.kind == "subhead"][0] == "青岛市与韩国6大广域市均结成友城关系"


def test_untitled_item_and_photo_news():
    page = split_text(
        "本报讯 市气象台昨日发布寒潮蓝色预警，全市气温将下降8至10摄氏度，请市民注意防寒保暖。\n\n"
        "## 雪后栈桥\n\n■ 12月1日，游客在栈桥欣赏雪景，海鸥在空中飞翔。 王雷 摄\n"
    )
    untitled, photo = page.articles
    assert untitled.headline is None and untitled.dateline == "本报讯"
    assert photo.headline == "雪后栈桥"
    assert photo.blocks and "海鸥在空中飞翔" in photo.blocks[0].text


@pytest.mark.parametrize("splitter", [
    "rules",
    # Known gap of the line model: two titles in a row and then two one-paragraph texts
    # that each open with 本报讯 read as one article under a subtitle (the corpus's jumps
    # put a longer text between); README, "The line model".
    pytest.param("lines", marks=pytest.mark.xfail(strict=True, reason="two one-paragraph jumped texts")),
])
def test_headline_separated_from_its_body_by_another_article(splitter):
    page = split_text(
        "## 崂山茶园迎来春茶采摘\n\n"
        "## 地铁6号线开通\n\n□记者 王雷\n\n本报讯 地铁6号线今天开通运营，全长30公里，设站21座，方便西海岸市民出行。\n\n"
        "本报讯 崂山区的茶园近日迎来春茶采摘季，茶农们起早贪黑在茶园里忙碌，今年春茶品质上乘。\n",
        splitter=splitter,
    )
    heads = {a.headline: body(a) for a in page.articles}
    assert "茶农们" in heads["崂山茶园迎来春茶采摘"]
    assert "茶农们" not in heads["地铁6号线开通"]


def test_unrelated_text_under_a_title_without_byline_is_an_article_of_its_own(samples):
    # A 1920s-style page: titles and text, no bylines or datelines (cf. ../shared/corpus).
    first = samples["bandao-web-2024-12-24"]
    unrelated = ("春江花事\n\n（老匏）\n\n"
                 + "梅花开后杏花繁，游人踏青于郊外，柳色新而桃红，沽酒者络绎于途，" * 8 + "\n")
    page = split_text(first + "\n\n" + unrelated)
    assert len(page.articles) == 2
    assert page.articles[1].headline == "春江花事"
    assert page.articles[1].byline == ["老匏"]
    assert "友城" not in body(page.articles[1])


def test_subhead_sections_on_one_topic_stay_in_their_article(web):
    assert len(web.articles) == 1
    assert len([b for b in web.articles[0].blocks if b.kind == "subhead"]) == 3


@pytest.mark.parametrize("line, dateline", [
    ("本报11月1日讯 近日，市政府办公厅印发了预案。", "本报11月1日讯"),
    ("新华社北京11月1日电（记者 张伟）受冷空气影响，北方多地降雪。", "新华社北京11月1日电"),
    ("青岛新闻网5月5日讯 记者从市交通局获悉，地铁6号线开通。", "青岛新闻网5月5日讯"),
    ("大众日报济南5月5日讯 全省春耕生产进展顺利。", "大众日报济南5月5日讯"),
])
def test_datelines_of_several_papers(line, dateline):
    from archivist.split.patterns import dateline_of

    assert dateline_of(line) == dateline


@pytest.mark.parametrize("line", [
    "本报记者近日走访了崂山区的茶园。",
    "新闻发布会上，记者从市交通局获悉。",
])
def test_ordinary_sentences_are_not_datelines(line):
    from archivist.split.patterns import dateline_of

    assert dateline_of(line) is None


@pytest.mark.parametrize("line", [
    "■青岛前湾港集装箱码头内,装卸生产作业一派繁忙。 张进刚 摄",
    "5日，市民在栈桥散步。（记者 王雷 摄）",
    "游客在八大关赏秋。摄影/王雷",
    "图为新建成的胶州湾隧道。",
])
def test_captions(line):
    from archivist.split.patterns import is_caption

    assert is_caption(line)


def test_continuation_marked_continued_from_goes_back_to_its_article():
    page = split_text(
        "## 青岛港集装箱吞吐量创新高\n\n□记者 王雷\n\n本报讯 青岛港前三季度集装箱吞吐量突破2300万标准箱，同比增长8%，码头作业效率持续提升。（下转第3版）\n\n"
        "## 崂山茶园迎来春茶采摘\n\n□记者 李娜\n\n本报讯 崂山区的茶园近日迎来春茶采摘季，茶农们起早贪黑在茶园里忙碌，今年春茶品质上乘，价格稳定。\n\n"
        "（上接第1版）青岛港集装箱码头自动化改造完成后，集装箱装卸效率提升30%，吞吐量连续增长，港口集装箱业务再创佳绩。\n"
    )
    port, tea = page.articles
    assert "自动化改造" in body(port) and "自动化改造" not in body(tea)


def test_unrelated_continuation_without_a_title_does_not_crash(samples):
    # Found by the search benchmark's generated pages: a （上接…） paragraph on a new topic.
    page = split_text(samples["bandao-web-2024-12-24"] + "\n\n（上接第1版）"
                      + "梅花开后杏花繁，游人踏青于郊外，柳色新而桃红，沽酒者络绎于途。" * 8 + "\n")
    assert "沽酒者络绎于途" in "".join(body(a) for a in page.articles)


def test_a_sentence_opening_with_jinjie_is_not_a_continuation_mark(web):
    page = split_text("## 崂山茶园迎来春茶采摘\n\n本报讯 崂山区的茶园近日迎来春茶采摘季，茶农们起早贪黑忙碌。\n\n"
                      "紧接着，茶农们将新茶送往加工厂，经过杀青、揉捻、烘干等工序制成成品茶。\n")
    (article,) = page.articles
    assert [b.kind for b in article.blocks] == ["paragraph", "paragraph"]


def test_web_page_meta_lines_are_furniture():
    page = split_text(
        "青岛国际友城增至93个\n\n2024-12-24 10:30 来源：半岛网\n\n"
        "12月24日上午，青岛市政府新闻办召开发布会，介绍今年以来国际友城工作情况，友城增至93个。\n\n"
        "责任编辑：张三\n\n分享到：\n")
    (a,) = page.articles
    assert a.headline == "青岛国际友城增至93个"
    assert "2024-12-24 10:30 来源：半岛网" in page.furniture and "分享到：" in page.furniture


def test_a_closing_byline_ends_its_article(samples):
    web = samples["bandao-web-2024-12-24"]
    second = ("市南区老旧小区改造全面完工\n\n"
              "今年以来，市南区共完成老旧小区改造项目36个，惠及居民1.2万户，加装电梯120部。\n\n"
              "（半岛全媒体记者 王伟）\n")
    page = split_text(web + "\n\n" + second)
    assert [a.headline for a in page.articles][1] == "市南区老旧小区改造全面完工"
    assert page.articles[1].byline == ["王伟"] and "张昌威" in page.articles[0].byline


def test_pen_names_and_serial_notes():
    from archivist.split.patterns import is_pen_name

    assert is_pen_name("（丹翁）") and is_pen_name("(馬二先生)")
    assert not is_pen_name("（未完）") and not is_pen_name("（一）") and not is_pen_name("（十）")
    # One-character and astral pen names (1920 晶報: （癡）), but not part or note marks.
    assert is_pen_name("（癡）") and is_pen_name("（\U00020164翁）")
    assert not any(is_pen_name(t) for t in ("（上）", "（下）", "（續）", "（完）", "（圖）", "（注）", "（甲）"))
