"""`archivist stats --tables`: the library's tables as sqlite-utils reads the schema."""
import json
import sqlite3

import pytest

from archivist.cli import main as cli_main
from archivist.store import Library
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("introspect") / "library"
    with Library.open(folder, create=True) as lib:
        assert lib.import_paths([SAMPLES]).ok
        lib.trash([1])
    return folder


def test_tables_rows_columns_indexes(folder):
    with Library.open(folder) as lib:
        tables = {t["name"]: t for t in lib.tables()}
        counts = {name: lib._conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
                  for name, t in tables.items() if t["kind"] == "table"}
        stats = lib.stats()
        recursive = lib._conn.execute("PRAGMA recursive_triggers").fetchone()[0]
    assert {"articles", "sources", "revisions", "fixes", "tags", "meta"} <= set(tables)
    assert {name for name, t in tables.items() if t["kind"] == "fts"} == {"article_fts", "article_bigram", "article_head"}
    assert not any(name.endswith(("_data", "_idx", "_config", "_docsize")) for name in tables)  # shadow tables
    assert {name: t["rows"] for name, t in tables.items() if t["kind"] == "table"} == counts
    assert tables["articles"]["rows"] == stats["articles"] + stats["trashed"]
    assert "current_revision_id" in tables["articles"]["columns"]
    assert "articles_trash" in tables["articles"]["indexes"]
    assert not any(i.startswith("sqlite_autoindex_") for t in tables.values() for i in t["indexes"])
    assert recursive == 0  # the wrapper changed nothing on the library's connection


def test_stats_tables_on_the_command_line(folder, capsys):
    assert cli_main(["stats", "--library", str(folder), "--tables"]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line.split()[1:] for line in out.split("\ntable ")[1].splitlines()[1:]}
    with sqlite3.connect(folder / "library.sqlite") as conn:
        fixes = conn.execute("SELECT count(*) FROM fixes").fetchone()[0]
    assert rows["fixes"][0] == str(fixes) and rows["article_fts"][-1] == "(full-text)"
    assert cli_main(["stats", "--library", str(folder), "--tables", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["tables"]
    assert [t["name"] for t in listed][:3] == list(rows)[:3]
    assert cli_main(["stats", "--library", str(folder)]) == 0
    assert "\ntable " not in capsys.readouterr().out  # only when asked
