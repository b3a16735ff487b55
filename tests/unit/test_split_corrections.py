"""The archivist's corrections as line labels (issue 15): archivist.split.corrections maps a
page's raw text and its articles as stored to one label per line; the library keeps them
per page in the edit's own transaction, and an undo withdraws them."""
from __future__ import annotations

import sys

import pytest

from archivist.split import edit_ops, split_source, split_text
from archivist.split.corrections import BLANK, key, line_labels
from archivist.split.labeller import model_version
from archivist.store import Library
from archivist.store.migrations import latest_version
from archivist.text.decode import read_source
from tests.conftest import ROOT, SAMPLES

PAGE = "\n".join([
    "青岛日报 2024年11月2日 星期六",          # 0 furniture
    "",
    "精品文艺进社区",                          # 2 kicker
    "青岛修订重污染天气应急预案",              # 3 headline
    "——提前48小时以上发布预警",               # 4 subtitle
    "本报记者 刘 萍",                         # 5 byline
    "本报11月1日讯 近日，青岛市修订发布了重污染天气应急预案，",  # 6 dateline paragraph
    "明确了预警分级和响应措施，自发布之日起施行。",            # 7 its wrapped second line
    "",
    "图片",                                   # 9 placeholder
    "",
    "新机场航线再添新",                        # 11 headline of the second article
    "记者从青岛胶东国际机场获悉，冬春航季将新开和加密多条国内国际航线，方便市民出行。",  # 12 body
    "",
    "### 市民出行更方便",                       # 14 subhead
    "新航线开通后，青岛至东南亚多个城市每周航班将达到三十班以上，进一步织密航线网络。",  # 15
])


def _page_articles() -> list[dict]:
    first = {"kicker": "精品文艺进社区", "headline": "青岛修订重污染天气应急预案", "subtitle": "——提前48小时以上发布预警",
             "byline": ["刘萍"], "credit": ["本报记者 刘 萍"], "dateline": "本报11月1日讯",
             "blocks": [{"kind": "paragraph", "text": "本报11月1日讯近日，青岛市修订发布了重污染天气应急预案，"
                         "明确了预警分级和响应措施，自发布之日起施行。"}]}
    second = {"headline": "新机场航线再添新",
              "blocks": [{"kind": "paragraph", "text": "记者从青岛胶东国际机场获悉，冬春航季将新开和加密多条国内国际航线，方便市民出行。"},
                         {"kind": "subhead", "text": "市民出行更方便"},
                         {"kind": "paragraph", "text": "新航线开通后，青岛至东南亚多个城市每周航班将达到三十班以上，进一步织密航线网络。"}]}
    return [first, second]


def test_each_line_gets_the_label_of_the_element_holding_it():
    labels = line_labels(PAGE, _page_articles())
    assert labels == ["furniture", BLANK, "^kicker", "headline", "subtitle", "byline", "dateline", "cont", BLANK,
                      "placeholder", BLANK, "^headline", "body", BLANK, "subhead", "body"]


def test_cleaned_and_retyped_text_still_finds_its_lines():
    arts = _page_articles()
    arts[0]["headline"] = "【青岛修订重污染天气应急预案】"  # brackets and punctuation do not count
    arts[0]["blocks"][0]["text"] = arts[0]["blocks"][0]["text"].replace("，", ",")
    arts[1]["headline"] = "新机场航线再添新成员"  # retyped by hand: the nearest element still claims the line
    labels = line_labels(PAGE, arts)
    assert labels[3] == "headline" and labels[6:8] == ["dateline", "cont"] and labels[11] == "^headline"


def test_an_article_resumed_after_another_begins_again():
    # The second article's subhead section moved back to the first (a jump read out of order).
    arts = _page_articles()
    arts[0]["blocks"] += arts[1]["blocks"][1:]
    arts[1]["blocks"] = arts[1]["blocks"][:1]
    labels = line_labels(PAGE, arts)
    assert labels[11] == "^headline" and labels[14] == "^subhead" and labels[15] == "body"


def test_a_stale_printed_byline_does_not_claim_another_articles_line():
    # The article editor changed the first article's name; its printed line stayed behind.
    arts = _page_articles()
    arts[0]["byline"] = ["王雷"]
    arts[1]["byline"] = ["刘萍"]
    arts[1]["credit"] = ["本报记者 刘 萍"]
    page = PAGE + "\n（本报记者 刘萍）"
    labels = line_labels(page, arts)
    # The second article's byline, printed after its text (no "^"): not the first's, whose
    # stale printed line is the same text.
    assert labels[16] == "byline"


@pytest.mark.parametrize("articles", [
    [], [{}], [{"headline": None, "blocks": []}], [{"headline": "", "blocks": [{"kind": "paragraph", "text": ""}]}],
    [{"headline": "完全不相干的标题文字", "blocks": [{"kind": "paragraph", "text": "没有一行来自这一页的正文文字"}]}],
    [{"headline": "。。。", "blocks": [{"kind": "weird", "text": "！！"}], "byline": ["", " "], "credit": [""]}],
])
def test_hostile_articles_give_a_label_to_every_line(articles):
    labels = line_labels(PAGE, articles)
    assert len(labels) == len(PAGE.split("\n"))
    assert all(lab == BLANK for lab, line in zip(labels, PAGE.split("\n")) if not line.strip())
    assert all(lab in ("furniture", "placeholder") for lab, line in zip(labels, PAGE.split("\n")) if line.strip())


def test_hostile_pages():
    assert line_labels("", []) == [BLANK]
    weird = "\u3000\u3000\n\t\n——\n" + "好" * 5000 + "\n" + "\ufeff标题\r"
    labels = line_labels(weird, [{"headline": "标题", "blocks": [{"kind": "paragraph", "text": "好" * 5000}]}])
    assert labels[:2] == [BLANK, BLANK] and labels[3] == "^body" and labels[4] == "headline"
    # The same line twice on a page: each copy is labelled, the second reads on from the first.
    twice = "一样的一段文字在这页出现两次。\n一样的一段文字在这页出现两次。"
    assert line_labels(twice, [{"blocks": [{"kind": "paragraph", "text": "一样的一段文字在这页出现两次。"}]}]) == \
        ["^body", "cont"]


def test_key_keeps_letters_and_digits_only():
    assert key("【Ａ股　43.2%，“涨”】") == "a股432涨"
    assert key(None) == ""


def test_the_seed_pages_read_as_the_training_corpus_labels_them():
    """The labels the corpus gives the seed pages (tools/line_corpus.py, from the rule
    splitter's drafts) and the ones read back from the same split's articles agree."""
    sys.path.insert(0, str(ROOT / "tools"))
    import line_corpus  # noqa: PLC0415

    if not line_corpus.SEEDS.is_dir():
        pytest.skip("../shared/samples is not beside this checkout")
    agree = total = 0
    for _name, arts in line_corpus.seed_pages():
        text = "\n".join(t for t, _ in arts[0])
        got = line_labels(text, [a.to_dict() for a in split_text(text).articles])
        for (_t, want), lab in zip(arts[0], got):
            if want != "blank" or lab != BLANK:
                total += 1
                agree += want == lab
    assert total > 100 and agree / total >= 0.98, (agree, total)


# ---- in the library ------------------------------------------------------------------------
@pytest.fixture
def page_library(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    lib = Library.open(tmp_path / "lib", create=True)
    lib.import_paths([path], paper="青岛日报")
    source_id = lib.source_list()[0]["id"]
    # The page as a splitter made it (not a person: author "import" records no correction).
    ids = lib.source_articles(source_id)
    arts = _page_articles()
    arts[0]["id"] = ids[0]
    lib.replace_source_articles(source_id, arts, author="import")
    yield lib, source_id
    lib.close()


def _rows(lib, source_id):
    return lib._conn.execute("SELECT line, label, paper FROM split_corrections WHERE source_id = ? ORDER BY line",
                             (source_id,)).fetchall()


def test_a_split_editor_edit_is_kept_as_labels_and_its_undo_withdraws_them(page_library):
    lib, source_id = page_library
    assert lib.schema_version == latest_version()
    before = [lib.get_article(i) for i in lib.source_articles(source_id)]
    assert len(before) == 2 and not _rows(lib, source_id)
    lib.replace_source_articles(source_id, [edit_ops.merge_articles(before[0], before[1])])
    rows = _rows(lib, source_id)
    assert rows and {r[2] for r in rows} == {"青岛日报"}
    labels = {r[0]: r[1] for r in rows}
    assert labels[11] == "subhead" and labels[2] == "^kicker"  # the second headline is a subhead now
    assert lib.correction_count() == {"pages": 1, "lines": len(rows)}
    # Undo, as the split editor does it: the state before, in one transaction.
    with lib.transaction():
        lib.replace_source_articles(source_id, before)
    assert not _rows(lib, source_id) and lib.corrected_pages() == []


def test_a_headline_typed_in_the_article_editor_is_a_correction_and_a_typo_fix_is_not(page_library):
    lib, source_id = page_library
    first, second = lib.source_articles(source_id)
    a = lib.get_article(second)
    blocks = [dict(b) for b in a["blocks"]]
    blocks[0]["text"] = blocks[0]["text"].replace("获悉", "获知")
    lib.save_article(second, edit_ops.apply_edit(a, {"blocks": blocks}))
    assert not _rows(lib, source_id)  # the same lines are what they were
    a = lib.get_article(first)
    lib.save_article(first, edit_ops.apply_edit(a, {"kicker": None, "headline": "精品文艺进社区",
                                                    "deck": ["青岛修订重污染天气应急预案"]}))
    pages = lib.corrected_pages("青岛日报")
    assert len(pages) == 1 and pages[0]["labels"][2:4] == ["^headline", "deck"]
    assert lib.corrected_pages("别的报") == []
    lib.save_article(first, a)  # undone: back to what the splitter made
    assert not _rows(lib, source_id)


def test_labels_of_a_line_that_is_not_the_one_they_were_made_for_are_not_used(page_library):
    lib, source_id = page_library
    before = [lib.get_article(i) for i in lib.source_articles(source_id)]
    lib.replace_source_articles(source_id, [edit_ops.merge_articles(before[0], before[1])])
    with lib.transaction():  # a row whose text is not the page's line (tampered, or a bug)
        lib._conn.execute("UPDATE split_corrections SET sha = 'x' WHERE source_id = ? AND line = 11", (source_id,))
    page = lib.corrected_pages()[0]
    assert page["labels"][11] == BLANK and page["labels"][3] != BLANK


def test_a_review_librarys_source_without_text_is_left_out(tmp_path):
    lib = Library.open(tmp_path / "lib", create=True)
    lib.add_source_record(7, "ab" * 32, "p.txt", None)
    with lib.transaction():
        lib._keep_baseline(7)
        lib._record_corrections(7)
    assert lib.corrected_pages() == [] and lib.page_split(7) == {"splitter": "", "split_at": None}


def test_import_records_which_splitter_made_the_page(page_library, tmp_path):
    lib, source_id = page_library
    assert lib.page_split(source_id)["splitter"] == model_version()  # the default splitter: the shipped line model
    source = read_source(sorted(SAMPLES.glob("*.txt"))[0])
    doc = split_source(source, splitter="lines")
    lib.import_document(source, doc)
    other = next(s["id"] for s in lib.source_list() if s["id"] != source_id)
    assert lib.page_split(other)["splitter"] == doc["splitter"] == model_version()
