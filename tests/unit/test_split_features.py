"""The line model's evidence (archivist.split.features) on corpus pages: facts of a line,
never decisions."""
from __future__ import annotations

from pathlib import Path

import pytest

from archivist.split.features import page_features
from archivist.split.lines import parse_units
from archivist.split.patterns import dateline_of

JINGBAO = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "ecpo-jingbao"


def _items(text: str) -> dict[str, list[str]]:
    units = parse_units(text, starts_unit=dateline_of, join=False)
    return {u.text: _names(x) for u, x in zip(units, page_features(units))}


def _names(item: dict) -> list[str]:
    """The feature names crfsuite makes of one item (a nested list gets its key as prefix)."""
    return [n for k, v in item.items() for n in ([f"{k}:{x}" for x in v] if isinstance(v, list) else [k])]


def test_furniture_that_recurs_on_the_page_is_told_from_lines_that_do_not():
    folds = [JINGBAO / f"jingbao-1920-04-0{d}-p1-4.txt" for d in (3, 6)]
    if not all(f.exists() for f in folds):
        pytest.skip("../shared/corpus is not beside this checkout")
    # Two issues' advert folds read as one page: the masthead and the rate card recur.
    items = _items("\n\n".join(f.read_text(encoding="utf-8") for f in folds))
    assert "rep=1" in items["晶報"] and "rep=1" in items["廣吿刊例"]
    assert "rep=0" in items["第一百廿九號"]  # the issue number changes from issue to issue


def test_spacing_and_markup_do_not_hide_a_recurring_line():
    items = _items("晶 報\n\n正文一段，記事而已。\n\n# 晶報\n\n另一段正文，也是記事。")
    assert "rep=1" in items["晶 報"] and "rep=1" in items["晶報"]
    assert "rep=0" in items["正文一段，記事而已。"]


def test_a_marked_line_knows_whether_text_came_since_the_heading_above():
    # A scan's hints or a markdown dump: "##" straight under "#" stands where a subtitle
    # stands; "##" after text where a subhead does.
    items = _items("# 市政府召開會議\n\n## 討論交通問題\n\n" + "市政府昨日召開會議，討論交通問題。" * 3
                   + "\n\n## 各界反應熱烈\n\n" + "各界人士紛紛表示贊同。" * 3)
    assert "md_prev=first" in items["市政府召開會議"]
    assert "md_prev=deeper|direct" in items["討論交通問題"]
    assert "md_prev=same|text" in items["各界反應熱烈"]
    assert not [x for x in items["各界人士紛紛表示贊同。" * 3] if x.startswith("md_prev")]


def test_a_second_dateline_under_one_title_is_marked():
    items = _items("地铁6号线开通\n\n本报讯 地铁6号线今天开通运营，全长30公里。\n\n"
                   "本报讯 崂山区的茶园近日迎来春茶采摘季。\n\n春茶上市\n\n本报讯 春茶今日上市。")
    assert "dateline_again" not in items["本报讯 地铁6号线今天开通运营，全长30公里。"]
    assert "dateline_again" in items["本报讯 崂山区的茶园近日迎来春茶采摘季。"]
    assert "dateline_again" not in items["本报讯 春茶今日上市。"]  # a new title came between
