"""Each cleaning rule on a real sample case, and the cases where it must not fire."""
import pytest

from archivist.clean import dedupe
from archivist.clean.artifacts import fix_artifacts
from archivist.clean.names import fix_spaced_names
from archivist.clean.punctuation import fix_punctuation
from archivist.clean.rejoin import rejoin
from archivist.model import Article, Block


def art(*paras: str) -> Article:
    return Article(blocks=[Block("paragraph", p) for p in paras])


def text_fix(step, text: str) -> tuple[str, list]:
    a = art(text)
    fixes = step(a, "blocks", 0)
    return a.blocks[0].text, fixes


# --- artifacts (qingdao-daily-2024-11-02 line 100, 2022-focus line 79) ----------------

def test_etc_between_chinese_words_becomes_deng():
    out, fixes = text_fix(fix_artifacts, "志愿服务、档案管理 etc 50余个功能模块")
    assert out == "志愿服务、档案管理等50余个功能模块"
    (f,) = fixes
    assert (f.rule, f.action, f.before, f.after, f.start) == ("artifact.etc", "replace", " etc ", "等", 9)


def test_and_between_chinese_words_becomes_he():
    out, fixes = text_fix(fix_artifacts, "加快科技企业梯次培育 and 创新能力提升")
    assert out == "加快科技企业梯次培育和创新能力提升"
    assert fixes[0].rule == "artifact.and"


@pytest.mark.parametrize("text", [
    "他在会上说：Research and development matter most.",
    "访问 https://example.com/search?a=1&and=2 了解详情",
    "强生公司（Johnson and Johnson）在青投资",
    "代表团来自 Trinidad and Tobago。",
])
def test_artifact_rule_leaves_real_english_alone(text):
    out, fixes = text_fix(fix_artifacts, text)
    assert out == text and fixes == []


# --- punctuation ------------------------------------------------------------------

def test_half_width_marks_in_chinese_become_full_width():
    out, fixes = text_fix(fix_punctuation, "12月24日上午,青岛市政府新闻办召开发布会;推动山东港口(西亚)有限公司落地!")
    assert out == "12月24日上午，青岛市政府新闻办召开发布会；推动山东港口（西亚）有限公司落地！"
    assert {f.rule for f in fixes} == {"punct.width"} and len(fixes) == 5


@pytest.mark.parametrize("text", [
    "增长43.2%，总额达1,000万元，会议于10:30开始",
    "详见 https://www.qingdao.gov.cn/a?b=1,2",
    "He said: Hello, world! (really)",
])
def test_numbers_urls_and_english_keep_their_marks(text):
    out, fixes = text_fix(fix_punctuation, text)
    assert out == text and fixes == []


def test_colon_after_chinese_and_parenthesis_around_latin_in_chinese():
    out, _ = text_fix(fix_punctuation, "统一采用空气质量指数(AQI)指标。该平台分为四大板块:退役军人业务")
    assert out == "统一采用空气质量指数（AQI）指标。该平台分为四大板块：退役军人业务"


# --- spaced names -------------------------------------------------------------------

def test_spaced_two_character_name_is_closed_up():
    out, fixes = text_fix(fix_spaced_names, "（记者 刘 萍 通讯员 王 雷）")
    assert out == "（记者 刘萍 通讯员 王雷）"
    assert [f.rule for f in fixes] == ["names.spaced", "names.spaced"]


def test_spaced_slogans_are_not_names():
    text = "市外办打造的“友城合作 共创未来”对外交流品牌，举办“百草传丝路 共话中埃情”活动"
    assert text_fix(fix_spaced_names, text) == (text, [])


# --- dedupe -------------------------------------------------------------------------

P1 = "青岛市“智慧荣军”信息平台是全市首个退役军人综合服务平台,集成了退役报到、权益维护等50余个功能模块。"
P2 = "根据操作指南,退役军人及其他优抚对象登录“爱山东”App或微信“爱山东”小程序后,首先设置城市定位为“青岛市”。"


def test_exact_duplicate_paragraph_is_removed_once():
    a = art(P1, P2, P1)
    (f,) = dedupe.exact(a)
    assert [b.text for b in a.blocks] == [P1, P2]
    assert (f.rule, f.action, f.block, f.before) == ("dedupe.exact", "remove", 2, P1)


def test_near_duplicate_keeps_the_better_copy():
    worse = P2.replace("“青岛市”。", "“青岛市”,搜索 and 获取。")
    better = P2.replace("“青岛市”。", "“青岛市”，搜索和获取。")
    a = art(worse, P1, better)
    (f,) = dedupe.near(a)
    assert f.rule == "dedupe.near" and f.before == worse
    assert [b.text for b in a.blocks] == [P1, better]


def test_near_duplicate_with_unique_words_is_kept():
    # differs by a run of six Han characters that exists nowhere else: removing would lose it
    other = P2.replace("首先设置城市定位", "随后选择所在区县")
    a = art(P2, other)
    assert dedupe.near(a) == [] and len(a.blocks) == 2


def test_compound_paragraph_loses_sentences_found_elsewhere():
    # qingdao-daily-2024-11-02 line 104: deck sentence + a repeated paragraph glued on
    head = "该平台分为四大板块:退役军人及其他优抚对象业务、现役军人业务、单位业务和工作人员业务。"
    a = art(P1, head + P1)
    fixes = dedupe.repeated_sentences(a)
    assert [b.text for b in a.blocks] == [P1, head]
    assert fixes[0].rule == "dedupe.sentence"


def test_paragraph_made_only_of_other_sentences_is_removed():
    s1, s2 = "重污染天气是大气污染物排放的结果。", "依法实施应急减排是必要的措施。"
    a = art(s1 + "另有说明文字在此。", s2 + "还有其他内容在这里。", s1 + s2)
    (f,) = dedupe.repeated_sentences(a)
    assert f.rule == "dedupe.compound" and f.block == 2 and len(a.blocks) == 2


def test_pull_quote_contained_in_a_paragraph_is_removed():
    quote = "国家关系归根结底是人民之间的关系。"
    a = art(quote, quote + "多年来，青岛坚持利用友城渠道搭建沟通桥梁。")
    (f,) = dedupe.contained(a)
    assert f.rule == "dedupe.contained" and f.block == 0


def test_short_repeated_phrases_are_not_duplicates():
    a = art("是的。", "他说：“是的。”然后离开了会场。")
    assert dedupe.contained(a) == [] and dedupe.repeated_sentences(a) == []


# --- rejoin ----------------------------------------------------------------------------

def test_paragraph_broken_mid_sentence_is_joined():
    # qingdao-daily-2022-focus lines 63/77 (captions between them went to captions)
    a = art("构建海洋人才培养体系,以及推进部、省、市共建国家", "深海基因库、国家深海大数据中心等。")
    (f,) = rejoin(a)
    assert a.blocks[0].text == "构建海洋人才培养体系,以及推进部、省、市共建国家深海基因库、国家深海大数据中心等。"
    assert (f.rule, f.action, f.block, f.start) == ("rejoin.paragraph", "join", 0, 24)


def test_overlap_repeated_at_a_column_break_is_dropped():
    a = art("已举办活动近30场,吸引700余名", "吸引700余名中外青少年参与其中。")
    fixes = rejoin(a)
    assert a.blocks[0].text == "已举办活动近30场,吸引700余名中外青少年参与其中。"
    assert [f.rule for f in fixes] == ["dedupe.overlap", "rejoin.paragraph"]


@pytest.mark.parametrize("first", ["这是完整的一段话。", "该平台分为四大板块：", "他说：“今天很好”"])
def test_complete_paragraphs_are_not_joined(first):
    a = art(first, "下一段从这里开始。")
    assert rejoin(a) == [] and len(a.blocks) == 2


# --- bylines (split/patterns) ------------------------------------------------------------

@pytest.mark.parametrize("line, names", [
    ("□青岛日报/观海新闻记者 刘 萍", ["刘萍"]),
    ("(半岛全媒体记者 张昌威 实习生 史雅如)", ["张昌威", "史雅如"]),
    ("□青岛日报/观海新闻记者 王 雷 文/图", ["王雷"]),
    ("本报记者 王雷 通讯员 李明", ["王雷", "李明"]),
    ("记者张明通讯员刘芳", ["张明", "刘芳"]),  # OCR drops the spaces
    ("作者：张三", ["张三"]),
    ("文/记者 王雷 图/李明", ["王雷", "李明"]),
])
def test_byline_names_without_roles_or_spaces(line, names):
    from archivist.split.patterns import byline_names, is_byline

    assert is_byline(line)
    assert byline_names(line) == names


def test_a_subtitle_mentioning_photography_is_not_a_byline():
    from archivist.split.patterns import is_byline

    assert not is_byline("遇见青岛·2024 摄影与短视频大赛开展线下采风")


def test_readme_lists_every_rule():
    from archivist.clean.steps import RULES
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(f"`{rule}`" in readme for rule in RULES)


def _reference_key(text: str) -> str:
    import re
    import unicodedata

    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def test_comparison_key_equals_nfkc_of_the_whole_text():
    """key() maps character by character, falling back to real NFKC where characters
    compose; it must give exactly what NFKC of the whole text gives."""
    import random
    import unicodedata

    from archivist.clean import common

    for code in list(range(0x20, 0x10000)) + [0x20000, 0x2F800, 0x1D400]:
        if 0xD800 <= code <= 0xDFFF:
            continue
        assert common.key(chr(code)) == _reference_key(chr(code)), hex(code)
    # The assumption behind the fallback: what composes second is always flagged.
    for code in range(0x110000):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            assert common._composes(chr(int(parts[1], 16))), hex(code)
    pieces = ["青岛", "，", ",", "　", " ", "\t", "Ａｐｐ", "ｶ", "ﾞ", "e", "\u0301", "가", "\u11a8", "ㄱ", "ㅏ",
              "①", "㍻", "ﬁ", "Σ", "ΣΑ", "İ", "\u3099", "か", "\u00a0", "…"]
    rng = random.Random(2)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        assert common.key(text) == _reference_key(text), text


def test_paragraphs_that_differ_in_their_figures_are_not_near_duplicates():
    # Two years' figures in one report (the shape of a People's Daily economy paragraph):
    # the Han text is the same, the numbers are the content.
    first = "全年全国规模以上工业增加值比上年增长8.2%，其中制造业增长9.1%，高技术制造业增长10.5%，增速加快。"
    second = "全年全国规模以上工业增加值比上年增长5.7%，其中制造业增长6.0%，高技术制造业增长8.8%，增速加快。"
    a = art(first, second)
    assert dedupe.near(a) == [] and [b.text for b in a.blocks] == [first, second]
    # The same paragraph twice, one copy with a slip in its Han text, still goes.
    a = art(first, first.replace("增速加快", "增速加决"))
    assert [f.rule for f in dedupe.near(a)] == ["dedupe.near"] and len(a.blocks) == 1
