"""The edition is part of the article in the three-way merge (issue 16): a change made in
the review (paper, date, page, section, the article's own date) is merged like a text
change; both sides changing a field differently is a conflict kept with both values;
a field unchanged on one side takes the other's."""
from __future__ import annotations

import json
import shutil
import zipfile

import pytest

from archivist.bundle import export_bundle, merge_bundle, open_review, select_ids
from archivist.bundle.edition_merge import edition_from_text, edition_text, three_way
from archivist.cli import main as cli_main
from archivist.errors import BundleError
from archivist.store import Library
from tests.unit.store_pages import SAMPLES


def _by_page(lib):
    """Article ids of each source page, the page with the most articles first (the seed
    pages: 7, 1 and 1 articles)."""
    pages: dict[int, list[int]] = {}
    for row in lib.rows(lib.list_ids(sort="id")):
        pages.setdefault(row["source_id"], []).append(row["id"])
    return sorted(pages.values(), key=lambda ids: (-len(ids), ids))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Desk: three pages of 青岛日报 2024-11-02. Review: the big page's date and section
    changed, the article of another page given its own date (a reprint), the third left alone."""
    root = tmp_path_factory.mktemp("edition-merge")
    with Library.open(root / "desk", create=True) as desk:
        assert desk.import_paths([SAMPLES]).ok
        desk.set_edition(desk.list_ids(), {"paper": "青岛日报", "date": "2024-11-02"})
        export_bundle(desk, select_ids(desk, everything=True), root / "export.zip")
    session = open_review(root / "export.zip", root / "review")
    with Library.open(session.folder) as review:
        p1, p2, _p3 = _by_page(review)
        assert review.edition_of(p1[0])["paper"] == "青岛日报"  # the review has the desk's editions
        assert review.page_ids_of(p1) == [review.edition_of(p1[0])["page_id"]]  # one record per page
        review.set_edition(p1, {"date": "2024-11-03", "section": "要闻"})
        review.set_edition([p2[0]], {"own_date": "2020-01-03"})
        export_bundle(review, select_ids(review, everything=True), root / "reviewed.zip")
    return root


@pytest.fixture
def desk(built, tmp_path):
    shutil.copytree(built / "desk", tmp_path / "desk")
    with Library.open(tmp_path / "desk") as lib:
        yield lib


def _fields(lib, article_id):
    e = lib.edition_of(article_id)
    return e["paper"], e["date"], e["section"], e["own_date"], e["effective_date"]


def test_review_changes_to_the_edition_are_merged(built, desk):
    p1, p2, p3 = _by_page(desk)
    untouched = {i: _fields(desk, i) for i in p2[1:] + p3}
    section2 = desk.edition_of(p2[0])["section"]  # the masthead's: 聚焦
    report = merge_bundle(desk, built / "reviewed.zip")
    assert not report.has_conflicts and report.updated == []
    assert sorted(report.edition_changed) == sorted(p1 + [p2[0]])
    assert {_fields(desk, i) for i in p1} == {("青岛日报", "2024-11-03", "要闻", None, "2024-11-03")}
    assert _fields(desk, p2[0]) == ("青岛日报", "2024-11-02", section2, "2020-01-03", "2020-01-03")
    assert {i: _fields(desk, i) for i in p2[1:] + p3} == untouched
    assert desk.edition_of(p1[0])["reasons"]["date"] == "from review reviewed.zip"
    again = merge_bundle(desk, built / "reviewed.zip")
    assert again.changed_nothing() and not again.has_conflicts


def test_a_field_changed_only_on_the_desk_keeps_the_desks_value(built, desk):
    p1, _p2, p3 = _by_page(desk)
    desk.set_edition(p3, {"page": "7", "paper": "半岛都市报"})   # page 3: the review left it alone
    desk.set_edition(p1, {"paper": "青岛晚报"})                  # page 1: the review changed other fields
    report = merge_bundle(desk, built / "reviewed.zip")
    assert not report.has_conflicts
    assert {(desk.edition_of(i)["paper"], desk.edition_of(i)["page"]) for i in p3} == {("半岛都市报", "7")}
    assert {_fields(desk, i) for i in p1} == {("青岛晚报", "2024-11-03", "要闻", None, "2024-11-03")}


@pytest.mark.parametrize(("choice", "date"), [("theirs", "2024-11-03"), ("mine", "2024-11-04"),
                                             ({"date": "2024-11-05"}, "2024-11-05")])
def test_both_sides_changing_a_field_differently_is_a_conflict(built, desk, choice, date, capsys):
    p1, p2, _p3 = _by_page(desk)
    desk.set_edition(p1, {"date": "2024-11-04"})       # the review says 2024-11-03
    desk.set_edition([p2[0]], {"own_date": "2020-01-03"})  # the same as the review: no conflict
    report = merge_bundle(desk, built / "reviewed.zip")
    # One conflict for the page, not one per article on it: they share its date.
    assert report.edition_conflicts == [p1[0]] and report.has_conflicts
    # What did not clash is merged all the same: the page's section.
    assert {_fields(desk, i)[1:3] for i in p1} == {("2024-11-04", "要闻")}
    (conflict,) = desk.conflicts()
    assert conflict["edition"] == {"date": {"base": "2024-11-02", "mine": "2024-11-04", "theirs": "2024-11-03"}}
    assert any("edition conflict (both changed): 1" in line for line in report.lines())
    # Merged again: the same conflict, still open, no new one.
    again = merge_bundle(desk, built / "reviewed.zip")
    assert not again.edition_conflicts and again.open_conflicts == [p1[0]]
    assert len(desk.conflicts()) == 1
    assert cli_main(["conflicts", "--library", str(desk.folder)]) == 0
    assert "date: base 2024-11-02, library 2024-11-04, review 2024-11-03" in capsys.readouterr().out
    with pytest.raises(ValueError):
        desk.resolve_conflict(conflict["id"], {"paper": "人民日报"})  # not a field of this conflict
    desk.resolve_conflict(conflict["id"], choice)
    assert {desk.edition_of(i)["date"] for i in p1} == {date}
    assert desk.conflicts() == [] and desk.conflicts(include_resolved=True)[0]["resolution"] == (
        choice if isinstance(choice, str) else "edited")
    again = merge_bundle(desk, built / "reviewed.zip")  # settled: merging again asks nothing
    assert again.changed_nothing() and not again.has_conflicts
    assert again.resolved_before == ([] if choice == "theirs" else [p1[0]])


def test_a_bad_date_in_an_edited_resolution_changes_nothing(built, desk):
    p1, _p2, _p3 = _by_page(desk)
    desk.set_edition(p1, {"date": "2024-11-04"})
    merge_bundle(desk, built / "reviewed.zip")
    conflict = next(c for c in desk.conflicts() if c["edition"])
    with pytest.raises(ValueError):
        desk.resolve_conflict(conflict["id"], {"date": "2024-02-30"})
    assert desk.edition_of(conflict["article_id"])["date"] == "2024-11-04"
    assert any(c["id"] == conflict["id"] for c in desk.conflicts())  # still open


def _rewrite_manifest(src, dst, change):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "manifest.json":
                manifest = json.loads(data)
                for entry in manifest["articles"]:
                    change(entry)
                data = json.dumps(manifest).encode("ascii")  # an escaped lone surrogate stays writable
            zout.writestr(info, data)


def test_a_bundle_from_before_editions_were_merged_leaves_them_alone(built, desk, tmp_path):
    old = tmp_path / "old.zip"
    _rewrite_manifest(built / "reviewed.zip", old, lambda e: e.pop("base_edition", None))
    p1, _p2, _p3 = _by_page(desk)
    report = merge_bundle(desk, old)
    assert report.changed_nothing() and {_fields(desk, i)[1] for i in p1} == {"2024-11-02"}


@pytest.mark.parametrize("bad", [{"date": "2024-13-45"}, {"own_date": "1979年10月3日"}, {"date": 20241102},
                                 {"paper": "x" * 100_000}, {"date": "2024-11-02\ud800"}, "青岛日报"])
def test_a_hostile_base_edition_refuses_the_bundle_whole(built, desk, tmp_path, bad):
    evil = tmp_path / "evil.zip"

    def poison(entry):
        entry["base_edition"] = bad if not isinstance(bad, dict) else {**entry["base_edition"], **bad}
    _rewrite_manifest(built / "reviewed.zip", evil, poison)
    before = [desk.edition_of(i) for i in desk.list_ids(sort="id")]
    with pytest.raises(BundleError, match="refused"):
        merge_bundle(desk, evil)
    assert [desk.edition_of(i) for i in desk.list_ids(sort="id")] == before


def test_three_way_rules_and_the_conflict_text():
    base = {"paper": "青岛日报", "date": "2024-11-02", "page": None, "notes": ""}
    take, clash = three_way(base, {**base, "page": "3", "date": "2024-11-03", "notes": None},
                            {**base, "date": "2024-11-04", "section": ""})
    assert take == {"page": "3"}
    assert clash == {"date": {"base": "2024-11-02", "mine": "2024-11-04", "theirs": "2024-11-03"}}
    assert three_way(None, base, base) == ({}, {})
    assert edition_text(clash, "theirs") == "date: 2024-11-03"
    assert edition_from_text(clash, "date: 2024-11-05\n") == {"date": "2024-11-05"}
    for bad in ("paper: 人民日报", "", "date 2024"):
        with pytest.raises(ValueError):
            edition_from_text(clash, bad)
