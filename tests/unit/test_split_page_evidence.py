"""Evidence the line model reads whatever the paper's script and habits: a Traditional
page folded to Simplified for the patterns, the fitted furniture words, indentation
against the page's own habit; and drafts without text kept out of the articles."""
from __future__ import annotations

from pathlib import Path

import pytest

from archivist.split import lexicon
from archivist.split.features import page_features
from archivist.split.lines import parse_units
from archivist.split.patterns import dateline_of
from archivist.split.sequence import group_labelled
from archivist.text.script import to_simplified

JINGBAO = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "ecpo-jingbao"


def _names(text: str) -> dict[str, list[str]]:
    units = parse_units(text, starts_unit=dateline_of, join=False)
    out = {}
    for u, item in zip(units, page_features(units)):
        out[u.text] = [n for k, v in item.items() for n in ([f"{k}:{x}" for x in v] if isinstance(v, list) else [k])]
    return out


def test_traditional_characters_fold_one_for_one():
    text = "晶報記者攝　（資料圖片）"
    folded = to_simplified(text)
    assert folded == "晶报记者摄　（资料图片）"
    assert len(folded) == len(text)
    assert to_simplified("人民日报") == "人民日报"


def test_a_traditional_photo_credit_is_evidence_like_a_simplified_one():
    # A 1930 tabloid's credit line "(name攝)" and today's "name摄": the same fact.
    names = _names("◘休假日之遊園會(浩如攝)\n\n◘休假日之游园会(浩如摄)")
    assert "photo" in names["◘休假日之遊園會(浩如攝)"]
    assert "photo" in names["◘休假日之游园会(浩如摄)"]


def test_furniture_pairs_are_the_ones_that_recur_in_furniture_and_not_in_articles():
    lines = [(f"p{k}", "定报价格每期大洋二角", "furniture") for k in range(3)]
    lines += [("p0", "本报今日价格", "furniture"), ("p1", "今日天气晴朗", "body"), ("p1", "今日雨", "body")]
    lines += [("p0", "外交部长王正廷宴请", "furniture"), ("p1", "外交部长王正廷出席", "body")]
    lines += [("p2", f"第{k}段正文记事", "body") for k in range(20)]
    keep = lexicon.fit(lines)
    assert {"定报", "价格", "大洋"} <= set(keep)  # in three pages' furniture, never in text
    assert "今日" not in keep  # in articles as often
    assert "外交" not in keep  # in one page's furniture only: it does not recur


def test_the_shipped_pairs_know_a_1920_rate_card():
    if not lexicon.PATH.exists():
        pytest.skip("no fitted furniture pairs")
    assert lexicon.hits(to_simplified("廣吿刊例")) >= 1
    assert lexicon.hits(to_simplified("中華郵政特准掛號立券之報紙")) >= 2
    assert lexicon.hits("外交部长王正廷宴请德国实业考察团") == 0


def test_indentation_is_read_against_the_page_habit():
    indented = _names("标题一行\n\n\u3000\u3000" + "正文" * 20 + "。\n\n\u3000\u3000部分标题\n\n\u3000\u3000" + "正文" * 20 + "。")
    assert "ind_rel=flush" in indented["标题一行"]
    assert "ind_rel=as_body" in indented["部分标题"]
    flat = _names("标题一行\n\n" + "正文" * 20 + "。\n\n\u3000\u3000部分标题")
    assert "ind_rel=flat" in flat["标题一行"] and "ind_rel=in" in flat["部分标题"]


def _grouped(lines: list[tuple[str, str]]):
    units = parse_units("\n\n".join(t for t, _ in lines), starts_unit=dateline_of, join=False)
    assert len(units) == len(lines)
    for u, (_t, label) in zip(units, lines):
        u.label = label
    return group_labelled(units)


def test_a_title_with_no_text_under_it_stacks_onto_the_next_title():
    furniture, drafts = _grouped([("韩正在座谈会上强调", "^kicker"), ("巩固拓展减税降费成效", "headline"),
                                  ("从严从紧管好财政支出", "^headline"), ("新华社北京1月2日电 韩正2日在财政部召开座谈会。", "dateline")])
    assert len(drafts) == 1 and not furniture
    assert [u.text for u in drafts[0].heads] == ["韩正在座谈会上强调", "巩固拓展减税降费成效", "从严从紧管好财政支出"]


def test_titles_and_captions_with_no_text_are_page_furniture_not_articles():
    furniture, drafts = _grouped([("定報價格", "^headline"), ("◘沈笑笑老三◘", "^caption"),
                                  ("拉車", "^headline"), ("古時六藝、禮樂射御書數、而風頭健於今者、疑莫樂御若矣。", "body"),
                                  ("◘休屯車開行時情形圖(浩如攝)", "^caption"), ("晶報", "^headline")])
    assert [d.heads[0].text for d in drafts] == ["拉車"]
    assert furniture == ["定報價格", "◘沈笑笑老三◘", "◘休屯車開行時情形圖(浩如攝)", "晶報"]


def test_a_photo_news_item_stays_an_article():
    _furniture, drafts = _grouped([("冬日暖阳", "^headline"), ("图为游客在公园赏景。王伟摄", "caption")])
    assert len(drafts) == 1


def test_a_rights_notice_is_furniture_evidence_in_either_script():
    from archivist.split.patterns import is_furniture

    assert is_furniture(to_simplified("各稿版權均歸本社所有禁止轉載翻印譒譯"))
    assert is_furniture("本报版权所有 未经授权不得转载")
    assert not is_furniture("他说，这套房子的产权归个人所有。")


def test_the_region_count_of_furniture_words_sees_a_rate_card():
    fold = JINGBAO / "jingbao-1920-04-12-p1-4.txt"
    if not fold.exists():
        pytest.skip("../shared/corpus is not beside this checkout")
    if not lexicon.PATH.exists():
        pytest.skip("no fitted furniture pairs")
    names = _names(fold.read_text(encoding="utf-8"))
    title = next(n for t, n in names.items() if t == "廣吿刊例")
    assert not any(x.startswith("rlex=0") for x in title)


def test_a_single_role_credit_line_is_furniture_but_a_sentence_about_the_role_is_not():
    from archivist.split.patterns import is_furniture

    for line in ("版式设计：蔡华伟", "本期统筹：王伟", "本版制图：郭  祥", "策划：李娜"):
        assert is_furniture(line), line
    assert not is_furniture("设计：一个好的设计要有灵魂，这是他说的。")
    assert not is_furniture("他负责版式设计工作。")


def test_a_simplified_page_is_not_copied_for_the_fold():
    from archivist.split.features import simplified

    units = parse_units("人民日报\n\n正文一段。", starts_unit=dateline_of, join=False)
    assert simplified(units) is units
    trad = parse_units("晶報\n\n正文一段。", starts_unit=dateline_of, join=False)
    folded = simplified(trad)
    assert [u.text for u in folded] == ["晶报", "正文一段。"] and trad[0].text == "晶報"
    assert folded[1] is trad[1]  # an unchanged line is the same unit


def test_a_picture_caption_read_as_text_is_still_not_an_article():
    # 晶報 1920 prints portraits as ◀name▶; photos with the photographer's credit last.
    furniture, drafts = _grouped([("◀梅蘭芳化妝小影▶", "^body"), ("◘車站開行時情形圖(浩如攝)", "^body"),
                                  ("◘譚辛震律師之汽車夫副手張城、在天津路弄機肇禍、撞傷六人一案、（柔）", "^body")])
    assert furniture == ["◀梅蘭芳化妝小影▶", "◘車站開行時情形圖(浩如攝)"]
    assert [u.text for d in drafts for u in d.units()] == ["◘譚辛震律師之汽車夫副手張城、在天津路弄機肇禍、撞傷六人一案、（柔）"]
