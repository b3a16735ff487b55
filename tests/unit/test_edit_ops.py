"""Hand edits of article dicts (archivist.split.edit_ops): the text ends up where the
person put it and every fix that is kept can still be reverted and re-applied."""
from __future__ import annotations

import copy

import pytest

from archivist.clean.revert import reapply_fix, revert_fix
from archivist.split import split_source, split_text
from archivist.split.edit_ops import (apply_edit, before_cleaning, change_kind, changed_fields, elements,
                                      merge_articles, move_block, split_article)
from archivist.text.decode import read_source
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def articles() -> list[dict]:
    out = []
    for path in sorted(SAMPLES.glob("*.txt")):
        out.extend(split_source(read_source(path))["articles"])
    return out


def big(articles, n=0) -> dict:
    return sorted(articles, key=lambda a: -len(a["blocks"]))[n]


def all_fixes_work(article: dict) -> None:
    """Every fix reverts (and re-applies) cleanly, one at a time."""
    for k, f in enumerate(article["fixes"]):
        once = revert_fix(article, k) if not f["reverted"] else reapply_fix(article, k)
        back = reapply_fix(once, k) if not f["reverted"] else revert_fix(once, k)
        assert back["blocks"] == article["blocks"], f


def texts(a: dict) -> list[str]:
    return [b["text"] for b in a["blocks"]]


def test_edit_keeps_fixes_outside_the_edit_and_drops_the_rewritten(articles):
    a = big(articles)
    k = next(i for i, f in enumerate(a["fixes"]) if f["action"] == "replace" and f["field"] == "blocks")
    fix = a["fixes"][k]
    blocks = copy.deepcopy(a["blocks"])
    text = blocks[fix["block"]]["text"]
    blocks[fix["block"]]["text"] = "新开头" + text[:fix["start"]] + "X" + text[fix["start"] + len(fix["after"]):]
    blocks.insert(0, {"kind": "paragraph", "text": "加上的一段。"})
    out = apply_edit(a, {"blocks": blocks, "headline": "新标题"})
    assert out["headline"] == "新标题" and texts(out) == [b["text"] for b in blocks]
    others = [f for f in a["fixes"] if f["field"] != "blocks" or f["block"] != fix["block"]]
    assert sum(f["field"] != "blocks" or f["block"] != fix["block"] + 1 for f in out["fixes"]) == len(others)
    assert not any(f["block"] == fix["block"] + 1 and f["start"] == fix["start"] + 3 for f in out["fixes"])
    assert a["blocks"][0]["text"] != "加上的一段。"  # input untouched
    all_fixes_work(out)
    assert changed_fields(a, out) == ["headline", "blocks"]


def test_deleting_a_block_keeps_removed_paragraph_records():
    para = "青岛市与白俄罗斯首都明斯克市签署建立友好合作城市关系协议书,朋友圈继续扩大。"
    text = f"# 青岛友城再添新成员\n\n第一段说明了友城的历史和现状。\n\n{para}\n\n{para}\n\n最后一段讲述未来的规划。\n"
    a = split_text(text).articles[0].to_dict()
    assert any(f["action"] == "remove" for f in a["fixes"])
    blocks = copy.deepcopy(a["blocks"])[1:]
    out = apply_edit(a, {"blocks": blocks})
    assert sum(f["action"] == "remove" for f in out["fixes"]) == sum(f["action"] == "remove" for f in a["fixes"])
    all_fixes_work(out)


def test_merge_then_split_round_trips_the_text(articles):
    a, b = big(articles, 0), big(articles, 1)
    merged = merge_articles(a, b)
    assert texts(merged)[:len(a["blocks"])] == texts(a)
    assert b["headline"] in texts(merged)
    assert len(merged["fixes"]) == len(a["fixes"]) + len(b["fixes"])
    all_fixes_work(merged)
    first, second = split_article(merged, len(a["blocks"]))
    assert texts(first) == texts(a) and second["headline"] == (b["kicker"] or b["headline"])
    assert texts(second)[-len(b["blocks"]):] == texts(b)
    all_fixes_work(first)
    all_fixes_work(second)


def test_move_block_between_articles(articles):
    a, b = big(articles, 0), big(articles, 1)
    src, dst = move_block(a, len(a["blocks"]) - 1, b, 0)
    assert texts(src) == texts(a)[:-1] and texts(dst) == [texts(a)[-1]] + texts(b)
    assert len(src["fixes"]) + len(dst["fixes"]) == len(a["fixes"]) + len(b["fixes"])
    all_fixes_work(src)
    all_fixes_work(dst)


def test_change_kind(articles):
    a = next(x for x in articles if x["kicker"] and x["headline"])
    swapped = change_kind(a, "headline", None, "kicker")
    assert (swapped["kicker"], swapped["headline"]) == (a["headline"], a["kicker"])
    sub = change_kind(a, "blocks", 1, "subhead")
    assert sub["blocks"][1] == {"kind": "subhead", "text": a["blocks"][1]["text"]}
    cap = change_kind(a, "blocks", 2, "caption")
    assert cap["captions"][-1] == a["blocks"][2]["text"] and len(cap["blocks"]) == len(a["blocks"]) - 1
    head = change_kind(a, "blocks", 0, "headline")
    assert head["headline"] == a["blocks"][0]["text"] and head["blocks"][0]["text"] == a["headline"]
    for out in (swapped, sub, cap, head):
        all_fixes_work(out)
    assert [e[2] for e in elements(a)][:2] == ["kicker", "headline"]
    with pytest.raises(ValueError):
        change_kind(a, "blocks", 0, "furniture")


def test_before_cleaning_reverts_everything(articles):
    a = big(articles)
    raw = before_cleaning(a)
    assert all(f["reverted"] for f in raw["fixes"])
    assert len(raw["blocks"]) >= len(a["blocks"])
    for f in raw["fixes"]:
        if f["action"] == "replace" and f["field"] == "blocks":
            assert raw["blocks"][f["block"]]["text"][f["start"]:f["start"] + len(f["before"])] == f["before"]
    assert a["fixes"][0]["reverted"] is False  # input untouched
