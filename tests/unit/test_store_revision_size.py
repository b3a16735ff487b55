"""An edit costs about what it changed (issue 17 item 8): the older revision is kept as
a line delta against the newer one, and fix rows only for current revisions."""
from __future__ import annotations

import json

import pytest

from archivist.store import Library
from tests.unit.store_pages import SAMPLES


@pytest.fixture
def lib(tmp_path):
    with Library.open(tmp_path / "lib", create=True) as library:
        assert library.import_paths([SAMPLES]).ok
        yield library


def stored_bytes(lib) -> tuple[int, int]:
    conn = lib._conn
    return (conn.execute("SELECT sum(length(CAST(article AS BLOB))) FROM revisions").fetchone()[0],
            conn.execute("SELECT count(*) FROM fixes").fetchone()[0])


def test_an_edit_costs_about_the_paragraph_it_changed(lib):
    article_id = max(lib.list_ids(), key=lambda i: len(json.dumps(lib.get_article(i), ensure_ascii=False)))
    start = lib.get_article(article_id)
    whole = len(json.dumps({k: start[k] for k in ("headline", "blocks", "fixes")}, ensure_ascii=False).encode())
    paragraph = len(start["blocks"][0]["text"].encode())
    bytes0, fix_rows0 = stored_bytes(lib)
    saved = []
    for _ in range(10):
        a = lib.get_article(article_id)
        a["blocks"][0]["text"] += "改"
        lib.save_article(article_id, a)
        saved.append([b["text"] for b in lib.get_article(article_id)["blocks"]])
    bytes1, fix_rows1 = stored_bytes(lib)
    per_edit = (bytes1 - bytes0) / 10
    assert per_edit < paragraph + 400 < whole / 2, (per_edit, paragraph, whole)
    assert fix_rows1 == fix_rows0  # the fixes are not copied into a row per revision
    # Every revision still reads back exactly as it was saved, and its fixes with it.
    revisions = lib.revisions(article_id)
    assert [[b["text"] for b in lib.get_revision(r["id"])["article"]["blocks"]] for r in revisions[1:]] == saved
    first = lib.get_revision(revisions[0]["id"])["article"]
    assert [b["text"] for b in first["blocks"]] == [b["text"] for b in start["blocks"]]
    assert [f["rule"] for f in lib.fixes(revisions[0]["id"])] == [f["rule"] for f in start["fixes"]]
