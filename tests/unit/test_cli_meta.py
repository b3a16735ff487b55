"""`archivist meta show` / `archivist meta set`, and `archivist import --paper`."""
import json
import shutil

import pytest

from archivist.cli import EXIT_BAD_INPUT, main
from archivist.store import Library
from tests.conftest import SAMPLES


@pytest.fixture
def library(tmp_path):
    pages = tmp_path / "in"
    pages.mkdir()
    for i, sample in enumerate(sorted(SAMPLES.glob("*.txt")), 1):
        shutil.copy(sample, pages / f"page-{i:04d}.txt")
    folder = tmp_path / "lib"
    assert main(["import", "--quiet", "--library", str(folder), str(pages)]) == 0
    return folder


def _show(folder, capsys, *ids):
    capsys.readouterr()
    assert main(["meta", "show", "--json", "--library", str(folder), *map(str, ids)]) == 0
    return json.loads(capsys.readouterr().out)


def test_show_marks_missing_values_and_gives_reasons(library, capsys):
    assert main(["meta", "show", "--library", str(library), "1", "2"]) == 0
    out = capsys.readouterr().out
    assert "date     (missing)" in out and "1979" not in out
    assert "paper    青岛日报  (from masthead line '青岛日报 聚焦')" in out


def test_set_paper_and_date_on_many_articles(library, capsys):
    with Library.open(library) as lib:
        ids = lib.list_ids(sort="id")
    assert main(["meta", "set", "--library", str(library), "--paper", "青岛日报", "--date", "2024-11-02",
                 "--page", "3", *map(str, ids)]) == 0
    assert "on 3 page(s) of 9 article(s)" in capsys.readouterr().out
    records = _show(library, capsys, *ids)
    assert {(r["paper"], r["date"], r["page"]) for r in records} == {("青岛日报", "2024-11-02", "3")}
    assert records[0]["reasons"]["date"] == "set by hand"
    assert main(["meta", "set", "--library", str(library), "--own-date", "2025-01-05", str(ids[0])]) == 0
    assert main(["meta", "set", "--library", str(library), "--clear", "page", str(ids[1])]) == 0
    first, second = _show(library, capsys, ids[0], ids[1])
    assert (first["own_date"], first["effective_date"], first["date"]) == ("2025-01-05", "2025-01-05", "2024-11-02")
    assert second["page"] is None and "page" not in second["reasons"]


@pytest.mark.parametrize("argv", [["--date", "2024-02-30"], ["--date", "1e9"], ["--own-date", "x"], [],
                                  ["--paper", "x", "999999"]])
def test_bad_input_changes_nothing(library, capsys, argv):
    before = _show(library, capsys, 1, 2, 3)
    assert main(["meta", "set", "--library", str(library), *argv, "1", "2"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.startswith("archivist: ") and err.count("\n") == 1
    assert _show(library, capsys, 1, 2, 3) == before


def test_import_paper_field(tmp_path, capsys):
    page = tmp_path / "rmrb-20200103-p04.txt"
    page.write_bytes(next(SAMPLES.glob("qingdao-daily-2024-11-02.txt")).read_bytes())
    folder = tmp_path / "lib"
    assert main(["import", "--quiet", "--paper", "半岛都市报", "--library", str(folder), str(page)]) == 0
    (record,) = _show(folder, capsys, 1)
    assert (record["paper"], record["date"], record["page"]) == ("半岛都市报", "2020-01-03", "4")
    assert record["reasons"]["paper"] == "from the import's paper field"


def test_search_filters_by_edition(library, capsys):
    assert main(["meta", "set", "--library", str(library), "--paper", "人民日报", "--date", "2020-01-03", "1"]) == 0
    capsys.readouterr()

    def hits(*argv):
        assert main(["search", "--json", "--library", str(library), *argv, "青岛"]) == 0
        return {h["id"] for h in json.loads(capsys.readouterr().out)["hits"]}

    everything = hits()
    assert hits("--paper", "人民日报") == {1} and 1 in everything and len(everything) > 1
    assert hits("--paper", "人民日报", "--from", "2020-01-04") == set()
    assert hits("--from", "2020-01-01", "--to", "2020-12-31") == {1}
    assert 1 not in hits("--paper", "")
    assert main(["search", "--library", str(library), "--from", "2020-02-30", "青岛"]) == EXIT_BAD_INPUT
