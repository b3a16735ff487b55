"""The splitter learns a paper from the archivist's corrections (issue 15): refit on the
shipped base sample plus the library's corrected pages, the library's own model used for
the papers it learned from, re-split of pages nobody edited, and the CLI for both."""
from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

from archivist import cli
from archivist.errors import ArchivistError
from archivist.split import edit_ops, labeller, refit, split_text
from archivist.split.corrections import BLANK
from archivist.store import Library
from archivist.store.resplit import run_resplit, undo_resplit
from tests.conftest import ROOT, SAMPLES
from tests.unit.house_style import corpus_pages, correct_page, matched, strip_brackets

PAPER = "晨报"  # the house style's paper (made up: headlines in 【】, the byline under them, no blank lines)
FAST = {"iterations": 40, "base_limit": 200}  # the test's refit: ~8 s; the app's is ~25 s


def _library_of(tmp_path, pages, paper=PAPER) -> tuple[Library, list[int]]:
    lib = Library.open(tmp_path / "lib", create=True)
    files = []
    for n, (text, _truth) in enumerate(pages):
        files.append(tmp_path / f"page-{n}.txt")
        files[-1].write_text(text, encoding="utf-8")
    report = lib.import_paths(files, paper=paper)
    assert report.ok and len(report.imported) == len(pages)
    by_name = {s["filename"]: s["id"] for s in lib.source_list()}
    return lib, [by_name[f.name] for f in files]


def _articles(lib, source_id) -> list[dict]:
    return [lib.get_article(i) for i in lib.source_articles(source_id)]


def test_two_corrected_pages_teach_the_paper_and_a_third_page_splits_right(tmp_path, monkeypatch):
    pages = corpus_pages(3)
    lib, (one, two, three) = _library_of(tmp_path, pages)
    # The pages as the shipped line model splits them (as import did: it is the default).
    first = run_resplit(lib, [one, two, three])
    assert len(first.done) == 3 and not first.left_alone
    shipped = labeller.model_version(labeller.MODEL_PATH)
    assert {p["now"] for p in first.done} == {shipped}
    truth = pages[2][1]
    before = _articles(lib, three)
    assert matched(before, truth) < len(truth)  # the shipped model gets this paper wrong

    correct_page(lib, one, pages[0][1])
    correct_page(lib, two, pages[1][1])
    assert lib.correction_count()["pages"] == 2
    path = refit.refit(lib, **FAST)
    assert path.parent == lib.folder / "models" and path.name.startswith("lines-")
    assert lib.split_model()["papers"] == [PAPER] and lib.split_model_path(PAPER) == path
    assert labeller.MODEL_PATH.read_bytes() != path.read_bytes()

    report = run_resplit(lib, [one, two, three])
    assert [p["source_id"] for p in report.left_alone] == [one, two]  # edited by hand: left alone
    assert [p["source_id"] for p in report.done] == [three]
    after = _articles(lib, three)
    assert matched(after, truth) == len(truth) == len(after), "|".join(str(a["headline"]) for a in after)
    assert [strip_brackets(a["headline"]) for a in after] == [t["headline"] for t in truth]
    assert lib.page_split(three)["splitter"] == labeller.model_version(path) != shipped
    assert "/library-" in lib.page_split(three)["splitter"]
    # Each re-split is a new revision, and undone the page is as it was.
    notes = [r["note"] for a in after for r in lib.revisions(a["id"])]
    assert any(n.startswith("re-split with this library's line model") for n in notes)
    undo_resplit(lib, report)
    assert [a["headline"] for a in _articles(lib, three)] == [a["headline"] for a in before]
    assert lib.page_split(three)["splitter"] == shipped

    # Pages of other papers (the dev sets, the seed pages) keep the shipped model.
    assert lib.split_model_path(None) is None and lib.split_model_path("人民日报") is None

    # Imported as pages of the paper, with the line splitter, a page gets the library's model.
    import archivist.split as split_package  # noqa: PLC0415

    real = split_package.split_source
    monkeypatch.setattr(split_package, "split_source", lambda source, splitter="rules": real(source, "lines"))
    again = tmp_path / "page-again.txt"
    again.write_text(pages[2][0] + "\n", encoding="utf-8")  # other bytes, the same page
    lib.import_paths([again], paper=PAPER)
    new = next(s["id"] for s in lib.source_list() if s["filename"] == again.name)
    assert lib.page_split(new)["splitter"] == labeller.model_version(path)
    assert matched(_articles(lib, new), truth) == len(truth)
    assert labeller.model_path() == labeller.MODEL_PATH  # and the import leaves the shipped one in use
    lib.close()


def test_the_library_model_alone_still_splits_the_seed_pages_right(tmp_path):
    """Even used on pages of other papers, the library's model keeps the seed pages' articles
    (their headlines as the shipped model gives them)."""
    pages = corpus_pages(2)
    lib, (one, two) = _library_of(tmp_path, pages)
    run_resplit(lib, [one, two])
    correct_page(lib, one, pages[0][1])
    correct_page(lib, two, pages[1][1])
    path = refit.refit(lib, **FAST)
    for sample in sorted(SAMPLES.glob("*.txt")):
        text = sample.read_text(encoding="utf-8-sig")
        labeller.use_model(None)
        want = [a.headline for a in split_text(text, splitter="lines").articles]
        labeller.use_model(path)
        try:
            got = [a.headline for a in split_text(text, splitter="lines").articles]
        finally:
            labeller.use_model(None)
        assert got == want, sample.name
    lib.close()


# ---- refit, without the corpus -------------------------------------------------------------
def _corrected_sample_library(tmp_path) -> Library:
    lib = Library.open(tmp_path / "lib", create=True)
    lib.import_paths([SAMPLES / "qingdao-daily-2024-11-02.txt"], paper="青岛日报")  # seven articles
    source_id = lib.source_list()[0]["id"]
    arts = _articles(lib, source_id)
    lib.replace_source_articles(source_id, [edit_ops.merge_articles(arts[0], arts[1])] + arts[2:])
    assert lib.correction_count()["pages"] == 1
    return lib


def test_a_cancelled_refit_leaves_the_model_in_use_and_no_file(tmp_path):
    lib = _corrected_sample_library(tmp_path)
    heard = []

    def progress(done, total, message):
        heard.append((done, total, message))

    with pytest.raises(refit.RefitCancelled):
        refit.refit(lib, progress=progress, cancel=lambda: bool(heard), iterations=50, base_limit=20)
    assert heard and lib.split_model() is None
    assert [p.name for p in (lib.folder / "models").iterdir()] == []
    path = refit.refit(lib, progress=progress, iterations=5, base_limit=5)
    assert heard[-1][0] == heard[-1][1] and "iteration 5 of 5" in heard[-1][2]
    assert lib.split_model()["file"] == path.name and lib.split_model()["papers"] == ["青岛日报"]
    lib.set_split_model(None)  # reset to the shipped model: the file stays, unused
    assert lib.split_model() is None and path.exists() and lib.split_model_path("青岛日报") is None
    lib.close()


@pytest.mark.parametrize("name", ["../../library.sqlite", "/etc/passwd", "lines-x.crfsuite", "", None,
                                  "lines-2026-12-02-abcd1234.crfsuite/../../x"])
def test_a_model_named_outside_the_models_folder_is_never_loaded(tmp_path, name):
    lib = Library.open(tmp_path / "lib", create=True)
    (lib.folder / "models").mkdir()
    lib.set_split_model("placeholder", {"papers": [""]})
    with lib.transaction():  # a crafted or damaged library's meta row
        lib._conn.execute("UPDATE meta SET value = ? WHERE key = 'split_model'",
                          (json.dumps({"file": name, "papers": [""]}),))
    assert lib.split_model() is None and lib.split_model_path("") is None
    lib.close()


def test_a_refit_without_corrections_says_what_to_do(tmp_path):
    lib = Library.open(tmp_path / "lib", create=True)
    with pytest.raises(ArchivistError, match="correct a page in the split editor"):
        refit.refit(lib)
    lib.close()


def test_a_model_file_that_went_missing_falls_back_to_the_shipped_one(tmp_path):
    lib = _corrected_sample_library(tmp_path)
    path = refit.refit(lib, iterations=3, base_limit=3)
    path.unlink()
    assert lib.split_model() is None and lib.split_model_path("青岛日报") is None
    lib.close()


def test_a_fit_that_fails_in_its_process_is_one_error_and_leaves_nothing(tmp_path):
    target = tmp_path / "m.crfsuite"
    with pytest.raises(ArchivistError, match="refit failed"):
        refit.fit_in_child([("x", None, [])], [1], target, 3)  # no text: the child fails
    assert not target.exists()


def test_the_base_sample_is_deterministic_and_spread_over_sources(tmp_path):
    base = refit.base_pages()
    sources = {name.split("/")[0] for name, _t, _l in base}
    assert sources == {"seed", "rmrb", "jingbao"} and len(base) == sum(refit.BASE_QUOTAS.values())
    assert {name.split("/")[0] for name, _t, _l in refit.base_pages(9)} == sources
    pages = [(f"{s}/plain/{n}", f"标题{n}\n正文。", ["^headline", "body"]) for s in ("a", "b") for n in range(5)]
    one, two = tmp_path / "1.gz", tmp_path / "2.gz"
    assert refit.write_base_sample(pages, one, {"a": 2, "b": 9}) == 7
    refit.write_base_sample(list(reversed(pages)), two, {"a": 2, "b": 9})
    assert one.read_bytes() == two.read_bytes()
    rows = [json.loads(x) for x in gzip.decompress(one.read_bytes()).decode().splitlines()]
    assert sum(r["name"].startswith("a/") for r in rows) == 2


def test_weights_let_a_few_pages_count_and_many_not_swamp_the_base():
    assert refit.weight(0, 266) == 0
    assert refit.weight(2, 266) == refit.CORRECTION_WEIGHT
    assert refit.weight(50, 266) == 5 and refit.weight(1000, 266) == 1


def test_model_versions_name_the_shipped_and_a_librarys_model(tmp_path):
    own = tmp_path / "lines-2026-12-02-abcd1234.crfsuite"
    own.write_bytes(labeller.MODEL_PATH.read_bytes())
    assert labeller.model_version(own).startswith("lines-crf/library-2026-12-02/")
    assert labeller.model_version(labeller.MODEL_PATH) == labeller.model_version()
    assert "/library-" not in labeller.model_version()


def test_train_lines_still_uses_the_same_fit():
    sys.path.insert(0, str(ROOT / "tools"))
    import train_lines  # noqa: PLC0415

    assert train_lines.fit is refit.fit and train_lines.labelled is refit.labelled


# ---- the commands ----------------------------------------------------------------------------
def test_train_and_resplit_commands(tmp_path, capsys):
    lib = _corrected_sample_library(tmp_path)
    other = tmp_path / "other.txt"
    other.write_text((SAMPLES / "qingdao-daily-2022-focus.txt").read_text(encoding="utf-8-sig"), encoding="utf-8")
    lib.import_paths([other], paper="青岛日报")
    folder = lib.folder
    lib.close()
    assert cli.main(["train", "--library", str(folder), "--iterations", "3", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "splits pages of 青岛日报 with it" in out
    assert cli.main(["resplit", "--library", str(folder), "--paper", "青岛日报", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "left alone (edited by hand" in out and "re-split page" in out and "this library's line model" in out
    assert cli.main(["train", "--library", str(folder), "--reset"]) == 0
    with Library.open(folder) as again:
        assert again.split_model() is None
    assert cli.main(["resplit", "--library", str(folder)]) == 2
    assert "name the pages" in capsys.readouterr().err
    assert cli.main(["resplit", "--library", str(folder), "99999"]) == 2
    assert cli.main(["resplit", "--library", str(folder), "--paper", "没有的报"]) == 2
    for bad in ("0", "-3", "x", "99999999"):
        with pytest.raises(SystemExit):
            cli.main(["train", "--library", str(folder), "--iterations", bad])
    assert cli.main(["split", "--splitter", "lines", "--model", str(tmp_path / "none.crfsuite"),
                     str(other)]) == 2


def test_the_corrected_pages_hold_one_label_per_line(tmp_path):
    lib = _corrected_sample_library(tmp_path)
    page = lib.corrected_pages()[0]
    raw = page["text"].split("\n")
    assert len(page["labels"]) == len(raw)
    assert all((lab == BLANK) == (not line.strip(" \t\u3000\ufeff")) for lab, line in zip(page["labels"], raw)
               if not line.strip().startswith("---"))
    assert Path(lib.folder).is_dir()
    lib.close()
