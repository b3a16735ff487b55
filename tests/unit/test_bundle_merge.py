"""Round trip (issue 6, Must show): export → review session (edit text, tags, revert a
fix, status) → export review → merge; the library holds exactly the edits, as revisions;
a concurrent desk edit becomes a conflict, never a loss; merging twice changes nothing."""
from __future__ import annotations

import json
import shutil

import pytest

from archivist.bundle import export_bundle, merge_bundle, open_review, read_bundle, select_ids
from archivist.bundle.conflicts import article_from_text, article_text
from archivist.cli import main as cli_main
from archivist.store import Library
from archivist.store.review import article_sha256
from tests.unit.store_pages import SAMPLES

EDITED, TAGGED, REVERTED, STATUS, UNTOUCHED = 1, 2, 3, 4, 5


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A desk library, its export, and a review of it with one edit of each kind."""
    root = tmp_path_factory.mktemp("roundtrip")
    with Library.open(root / "desk", create=True) as desk:
        assert desk.import_paths([SAMPLES]).ok
        desk.tag([TAGGED, UNTOUCHED], "地区/青岛")
        desk.tag([TAGGED], "待核")
        export_bundle(desk, select_ids(desk, everything=True), root / "export.zip")
    session = open_review(root / "export.zip", root / "review")
    with Library.open(session.folder) as review:
        article = review.get_article(EDITED)
        article["blocks"][0]["text"] = "审读后改写的第一段。" + article["blocks"][0]["text"]
        article["headline"] = article["headline"] + "（修订）"
        review.save_article(EDITED, article, note="laptop edit")
        review.tag([TAGGED], "人物/刘萍")
        review.untag([TAGGED], "待核")
        assert review.get_article(REVERTED)["fixes"]
        review.revert_fix(REVERTED, 0)
        review.set_status([STATUS], "reviewed")
        export_bundle(review, select_ids(review, everything=True), root / "reviewed.zip")
    return root


@pytest.fixture
def desk(built, tmp_path):
    shutil.copytree(built / "desk", tmp_path / "desk")
    with Library.open(tmp_path / "desk") as lib:
        yield lib


def review_article(built, article_id: int) -> dict:
    return read_bundle(built / "reviewed.zip").articles[article_id]["article"]


def revision_counts(lib: Library) -> dict[int, int]:
    return {i: len(lib.revisions(i)) for i in lib.list_ids(sort="id")}


def test_review_session_is_a_library_with_the_desk_ids_and_bases(built, tmp_path):
    with Library.open(built / "desk", readonly=True) as desk, Library.open(built / "review", readonly=True) as rev:
        assert rev.review_info()["base_library_id"] == desk.library_id != rev.library_id
        assert rev.list_ids(sort="id") == desk.list_ids(sort="id")
        bases = rev.review_bases()
        for i in desk.list_ids():
            assert bases[i]["base_revision_id"] == desk.get_article(i)["revision_id"]
            assert bases[i]["base_sha256"] == article_sha256(desk.get_article(i))
        assert rev.get_article(UNTOUCHED)["tags"] == ["地区/青岛"]
        assert len(rev.revisions(EDITED)) == 2 and rev.search("审读后改写")  # indexed, with history
    manifest = read_bundle(built / "reviewed.zip").manifest
    assert manifest["kind"] == "review" and manifest["base_library_id"] != manifest["library_id"]
    again = open_review(built / "export.zip", built / "review")
    assert not again.created  # reopening keeps the reviewer's work


def test_round_trip_merges_exactly_the_edits(built, desk):
    before = revision_counts(desk)
    untouched = {i: desk.get_article(i) for i in desk.list_ids()}
    report = merge_bundle(desk, built / "reviewed.zip")
    assert report.updated == [EDITED, REVERTED] and not report.has_conflicts
    assert report.tags_changed == [TAGGED] and report.status_changed == [STATUS]
    for i in (EDITED, REVERTED):
        merged = desk.get_article(i)
        assert article_sha256(merged) == article_sha256(review_article(built, i))
        revs = desk.revisions(i)
        assert len(revs) == before[i] + 1 and revs[-1]["author"] == "review" and "merged review" in revs[-1]["note"]
        assert revs[-1]["parent_id"] == untouched[i]["revision_id"]
    assert desk.get_article(EDITED)["headline"].endswith("（修订）")
    assert desk.get_article(REVERTED)["fixes"][0]["reverted"] is True
    assert desk.get_article(TAGGED)["tags"] == ["人物/刘萍", "地区/青岛"]
    assert desk.get_article(STATUS)["status"] == "reviewed"
    for i in set(untouched) - {EDITED, REVERTED}:
        now = desk.get_article(i)
        assert now["revision_id"] == untouched[i]["revision_id"]
        assert now["blocks"] == untouched[i]["blocks"]
    assert desk.search("审读后改写")[0].id == EDITED

    counts = revision_counts(desk)
    tags = {i: desk.get_article(i)["tags"] for i in desk.list_ids()}
    second = merge_bundle(desk, built / "reviewed.zip")
    assert second.changed_nothing() and second.already_merged == [EDITED, REVERTED]
    assert revision_counts(desk) == counts and {i: desk.get_article(i)["tags"] for i in desk.list_ids()} == tags

    desk_edit = desk.get_article(EDITED)
    desk_edit["captions"] = ["后来在桌面上加的图注"]
    desk.save_article(EDITED, desk_edit)
    third = merge_bundle(desk, built / "reviewed.zip")  # the merged version is in the history: no conflict
    assert third.changed_nothing() and not third.has_conflicts


def test_concurrent_desk_edit_is_a_conflict_not_a_loss(built, desk):
    mine = desk.get_article(EDITED)
    mine["blocks"][-1]["text"] += "桌面编辑补充的一句。"
    mine_revision = desk.save_article(EDITED, mine, note="desk edit")
    desk.tag([TAGGED], "桌面/新增")
    report = merge_bundle(desk, built / "reviewed.zip")
    assert report.conflicts == [EDITED] and report.has_conflicts and report.updated == [REVERTED]
    assert desk.get_article(EDITED)["revision_id"] == mine_revision  # nothing overwritten
    assert desk.get_article(TAGGED)["tags"] == ["人物/刘萍", "地区/青岛", "桌面/新增"]  # desk tag kept
    [conflict] = desk.conflicts()
    assert conflict["article_id"] == EDITED and conflict["mine_revision_id"] == mine_revision
    assert article_sha256(conflict["theirs"]) == article_sha256(review_article(built, EDITED))
    base = desk.get_revision(conflict["base_revision_id"])["article"]
    assert base["headline"] + "（修订）" == conflict["theirs"]["headline"]

    counts = revision_counts(desk)
    again = merge_bundle(desk, built / "reviewed.zip")
    assert again.changed_nothing() and again.open_conflicts == [EDITED] and len(desk.conflicts()) == 1
    assert revision_counts(desk) == counts

    revision = desk.resolve_conflict(conflict["id"], "theirs")
    assert article_sha256(desk.get_article(EDITED)) == article_sha256(conflict["theirs"])
    assert desk.revisions(EDITED)[-2]["id"] == mine_revision  # mine stays in the history
    assert desk.conflicts() == [] and desk.conflicts(include_resolved=True)[0]["resolved_revision_id"] == revision
    assert merge_bundle(desk, built / "reviewed.zip").changed_nothing()


@pytest.mark.parametrize("choice", ["mine", "edited"])
def test_resolve_keep_mine_or_edit(built, desk, choice):
    mine = desk.get_article(EDITED)
    mine["headline"] = "桌面改的标题"
    mine_revision = desk.save_article(EDITED, mine)
    merge_bundle(desk, built / "reviewed.zip")
    [conflict] = desk.conflicts()
    if choice == "mine":
        assert desk.resolve_conflict(conflict["id"], "mine") == mine_revision
        assert desk.get_article(EDITED)["headline"] == "桌面改的标题"
    else:
        both = dict(conflict["theirs"], headline="两边合并的标题")
        desk.resolve_conflict(conflict["id"], both)
        assert desk.get_article(EDITED)["headline"] == "两边合并的标题"
        assert desk.get_article(EDITED)["blocks"] == conflict["theirs"]["blocks"]
    again = merge_bundle(desk, built / "reviewed.zip")
    assert again.resolved_before == [EDITED] and not again.has_conflicts and again.changed_nothing()
    with pytest.raises(Exception, match="already resolved"):
        desk.resolve_conflict(conflict["id"], "theirs")


def test_undone_edit_in_review_changes_nothing(built, tmp_path):
    session = open_review(built / "export.zip", tmp_path / "rev")
    with Library.open(session.folder) as rev:
        original = rev.get_article(UNTOUCHED)
        changed = dict(original, headline="临时改动")
        rev.save_article(UNTOUCHED, changed)
        rev.save_article(UNTOUCHED, original)  # undo
        export_bundle(rev, [UNTOUCHED], tmp_path / "undo.zip")
    shutil.copytree(built / "desk", tmp_path / "desk")
    with Library.open(tmp_path / "desk") as desk:
        report = merge_bundle(desk, tmp_path / "undo.zip")
        assert report.unchanged == [UNTOUCHED] and report.changed_nothing()


def test_cli_open_merge_conflicts_resolve(built, tmp_path, capsys):
    shutil.copytree(built / "desk", tmp_path / "desk")
    desk_dir = str(tmp_path / "desk")
    assert cli_main(["open", "--no-gui", "--into", str(tmp_path / "rev"), str(built / "export.zip")]) == 0
    assert "review library created" in capsys.readouterr().out
    with Library.open(tmp_path / "desk") as desk:
        mine = desk.get_article(EDITED)
        mine["headline"] = "桌面"
        desk.save_article(EDITED, mine)
    assert cli_main(["merge", "--library", desk_dir, "--json", str(built / "reviewed.zip")]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["conflicts"] == [EDITED] and report["updated"] == [REVERTED]
    assert cli_main(["conflicts", "--library", desk_dir]) == 0
    out = capsys.readouterr().out
    assert f"article #{EDITED}" in out and "1 open conflict" in out
    conflict_id = report["conflict_ids"][0]
    assert cli_main(["resolve", "--library", desk_dir, str(conflict_id), "theirs"]) == 0
    assert cli_main(["merge", "--library", desk_dir, str(built / "reviewed.zip")]) == 0
    assert "unchanged" in capsys.readouterr().out
    assert cli_main(["export", "--library", desk_dir, "--tag", "地区", "--format", "csv",
                     str(tmp_path / "t.csv")]) == 0
    assert len((tmp_path / "t.csv").read_text(encoding="utf-8-sig").splitlines()) == 3
    assert cli_main(["export", "--library", desk_dir, str(tmp_path / "x.zip")]) == 2


def test_conflict_text_round_trip_for_the_gui():
    template = {"headline": "标题", "kicker": "引题", "blocks": [{"kind": "paragraph", "text": "第一段。"},
                                                               {"kind": "subhead", "text": "小标题"}],
                "fixes": [{"rule": "r", "action": "replace", "before": ",", "after": "，", "block": 0}]}
    text = article_text(template)
    assert text == "标题\n\n第一段。\n\n## 小标题"
    assert article_from_text(template, text) == template  # unchanged text keeps the fixes
    edited = article_from_text(template, "新标题\n\n改过的段落。\r\n\r\n## 小标题\n\n\n新增一段。")
    assert edited["headline"] == "新标题" and edited["kicker"] == "引题" and edited["fixes"] == []
    assert [(b["kind"], b["text"]) for b in edited["blocks"]] == [
        ("paragraph", "改过的段落。"), ("subhead", "小标题"), ("paragraph", "新增一段。")]
