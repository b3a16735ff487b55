"""Every fix can be reverted and re-applied alone, in any order, on the real samples."""
import random

import pytest

from archivist.clean.edits import FixConflict
from archivist.clean.revert import reapply, reapply_fix, revert, revert_fix
from archivist.split import split_text
from archivist.model import Article


def texts(a: Article):
    return (a.kicker, a.headline, a.subtitle, list(a.deck), list(a.captions),
            [(b.kind, b.text) for b in a.blocks])


MESSY = """## 青岛修订重污染天气应急预案

□记者 吴 帅

本报11月1日讯 近日,市政府办公厅印发了修订后的预案,提前48小时以上发布预警信息。

国家关系归根结底是人民之间的关系。

重污染天气是大气污染物排放、气象条件 and 二次转化综合作用的结果,影响人们正常生活。

国家关系归根结底是人民之间的关系。多年来,青岛坚持利用友城渠道搭建沟通桥梁。

重污染天气是大气污染物排放、气象条件 and 二次转化综合作用的结果,影响人们正常生活。

青岛还创新搭建“青春青岛”友城青少年交流平台,不断丰富“共唱一首歌”“共画一幅画”等活动形式,已举办活动近30场,吸引700余名

吸引700余名中外青少年参与其中,档案管理 etc 50余个功能模块上线。

重污染天气是大气污染物排放、气象条件和二次转化综合作用的结果，影响人们正常生活！
"""


@pytest.fixture(scope="module", params=["qingdao-daily-2024-11-02", "qingdao-daily-2022-focus",
                                        "bandao-web-2024-12-24", "messy"])
def pair(request, samples):
    text = MESSY if request.param == "messy" else samples[request.param]
    return split_text(text, clean=False), split_text(text)


def test_reverting_all_fixes_in_any_order_gives_the_raw_split(pair):
    raw, clean = pair
    rng = random.Random(7)
    for before, after in zip(raw.articles, clean.articles):
        a = Article.from_dict(after.to_dict())
        order = list(range(len(a.fixes)))
        rng.shuffle(order)
        for k in order:
            revert(a, k)
        # Restored paragraphs got the character rules as new fixes: reverted too, raw again.
        for k in range(len(a.fixes) - 1, len(order) - 1, -1):
            revert(a, k)
        assert texts(a) == texts(before)
        rng.shuffle(order)
        for k in order:
            reapply(a, k)
        assert texts(a) == texts(after) and len(a.fixes) == len(order)


def test_each_fix_alone_round_trips(pair):
    _, clean = pair
    for article in clean.articles:
        d = article.to_dict()
        for k in range(len(d["fixes"])):
            undone = revert_fix(d, k)
            assert undone["fixes"][k]["reverted"] is True
            assert undone != d
            redone = reapply_fix(undone, k)
            assert redone == d


def test_the_pages_exercise_every_kind_of_fix(samples):
    text = "\n\n".join(list(samples.values()) + [MESSY])
    rules = {f.rule for a in split_text(text).articles for f in a.fixes}
    assert {"dedupe.exact", "dedupe.contained", "dedupe.sentence", "dedupe.overlap", "rejoin.paragraph",
            "artifact.etc", "artifact.and", "punct.width"} <= rules


def test_revert_after_a_hand_edit_is_refused_clearly():
    a = split_text("## 标题\n\n档案管理 etc 50余个功能模块。\n").articles[0]
    a.blocks[0].text = "人工改写了这一段。"
    with pytest.raises(FixConflict, match="edited since"):
        revert(a, 0)


def test_reverting_twice_is_refused():
    a = split_text("## 标题\n\n档案管理 etc 50余个功能模块。\n").articles[0]
    revert(a, 0)
    with pytest.raises(FixConflict, match="already reverted"):
        revert(a, 0)


REPEATED_SENTENCE = """## 青岛发布冬季供暖安排

本报讯 今年供暖季将于11月15日开始,全市供热面积达到两亿平方米。档案管理 etc 五十余个功能模块已经上线运行,市民可以在手机上办理。

供热企业提前完成管网检修工作,确保按时供暖。档案管理 etc 五十余个功能模块已经上线运行,市民可以在手机上办理。热线电话全天有人值守。
"""


@pytest.mark.parametrize("text, rule", [(REPEATED_SENTENCE, "dedupe.sentence"), (MESSY, "dedupe.exact")])
def test_text_a_revert_brings_back_gets_the_character_rules_as_new_fixes(text, rule):
    """Reverting dedupe.sentence once restored the sentence with its half-width commas and
    "etc": the restored text is cleaned, each change a fix of its own."""
    a = next(x for x in split_text(text).articles if any(f.rule == rule for f in x.fixes))
    cleaned = a.to_dict()
    k = next(i for i, f in enumerate(a.fixes) if f.rule == rule)
    before = a.fixes[k].before
    n = len(a.fixes)
    undone = revert_fix(cleaned, k)
    new = undone["fixes"][n:]
    assert {f["rule"] for f in new} >= {"punct.width"} and {f["rule"] for f in new} & {"artifact.etc", "artifact.and"}
    assert all(f["restored_by"] == k and f"#{k + 1}" in f["reason"] and not f["reverted"] for f in new)
    body = "\n".join(b["text"] for b in undone["blocks"])
    restored = before.replace(" etc ", "等").replace(" and ", "和").replace(",", "，")
    assert restored in body and before not in body
    # Each new fix reverts alone, back to the text as it came.
    raw = undone
    for j in range(len(undone["fixes"]) - 1, n - 1, -1):
        raw = revert_fix(raw, j)
    assert before in "\n".join(b["text"] for b in raw["blocks"])
    # Re-applying the paragraph fix takes its new fixes with it: the article as cleaned.
    assert reapply_fix(undone, k) == cleaned
    assert reapply_fix(raw, k) == cleaned
