"""Bundle export (issue 6): contents, determinism, selection, escaping in index.html,
progress and cancel, sources, and the plain exports (Markdown, JSON Lines, CSV)."""
from __future__ import annotations

import csv
import hashlib
import json
import shutil
import zipfile

import pytest

from archivist.bundle import (SCHEMA, export_bundle, export_csv, export_jsonl, export_markdown, read_bundle,
                              select_ids)
from archivist.errors import ArchivistError, Cancelled
from archivist.store import Library, NotFound
from archivist.store.review import article_sha256
from tests.unit.store_pages import SAMPLES

STAMP = "2025-01-01T00:00:00+00:00"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("desk") / "lib"
    with Library.open(folder, create=True) as lib:
        assert lib.import_paths([SAMPLES]).ok
    return folder


@pytest.fixture
def lib(built, tmp_path):
    folder = tmp_path / "lib"
    shutil.copytree(built, folder)
    with Library.open(folder) as library:
        yield library


def entries(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def test_bundle_holds_manifest_articles_markdown_and_index(lib, tmp_path):
    ids = select_ids(lib, everything=True)
    lib.tag(ids[:2], "地区/青岛")
    report = export_bundle(lib, ids, tmp_path / "out.zip")
    assert report.articles == len(ids) == 9 and report.kind == "export"
    files = entries(tmp_path / "out.zip")
    manifest = json.loads(files["manifest.json"])
    assert manifest["schema"] == SCHEMA and manifest["library_id"] == lib.library_id == manifest["base_library_id"]
    assert [e["id"] for e in manifest["articles"]] == ids
    for e in manifest["articles"]:
        current = lib.get_article(e["id"])
        assert e["revision_id"] == current["revision_id"] == e["base_revision_id"]
        assert e["content_sha256"] == article_sha256(current) == e["base_content_sha256"]
        assert e["tags"] == current["tags"]
        for name, digest in e["files"].items():
            assert hashlib.sha256(files[name]).hexdigest() == digest
        record = json.loads(files[f"articles/{e['id']}.json"])
        assert record["article"]["fixes"] == current["fixes"] and record["article"]["blocks"] == current["blocks"]
        markdown = files[f"articles/{e['id']}.md"].decode("utf-8")
        assert f"# {current['headline']}" in markdown and current["blocks"][-1]["text"] in markdown
    assert hashlib.sha256(files["index.html"]).hexdigest() == manifest["files"]["index.html"]
    assert set(files) == {"manifest.json", "index.html"} | {n for e in manifest["articles"] for n in e["files"]}
    with zipfile.ZipFile(tmp_path / "out.zip") as zf:
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert {i.external_attr >> 16 for i in zf.infolist()} == {0o100644}
    assert read_bundle(tmp_path / "out.zip").articles.keys() == set(ids)


def test_same_state_same_bytes_apart_from_export_time(lib, tmp_path):
    ids = select_ids(lib, everything=True)
    export_bundle(lib, ids, tmp_path / "a.zip", exported_at=STAMP)
    export_bundle(lib, ids, tmp_path / "b.zip", exported_at=STAMP)
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()
    export_bundle(lib, ids, tmp_path / "c.zip")
    a, c = entries(tmp_path / "a.zip"), entries(tmp_path / "c.zip")
    assert [n for n in a if a[n] != c[n]] == ["manifest.json"]
    ma, mc = json.loads(a["manifest.json"]), json.loads(c["manifest.json"])
    assert ma["exported_at"] == STAMP and {**mc, "exported_at": STAMP} == ma


def test_select_by_query_tag_ids(lib):
    everything = select_ids(lib, everything=True)
    lib.tag(everything[3], "人物/张三")
    assert select_ids(lib, tags=["人物"]) == [everything[3]]
    hits = select_ids(lib, query="重污染天气")
    assert hits and all("重污染天气" in json.dumps(lib.get_article(i), ensure_ascii=False) for i in hits)
    assert select_ids(lib, ids=[5, 2, 5]) == [2, 5]
    with pytest.raises(NotFound):
        select_ids(lib, ids=[999])
    with pytest.raises(ArchivistError, match="choose what to export"):
        select_ids(lib)
    lib.trash([everything[0]])
    assert everything[0] not in select_ids(lib, everything=True)


def test_script_in_article_text_shows_as_text(lib, tmp_path):
    article = lib.get_article(1)
    evil = "<script>alert('x')</script>"
    article["headline"] = f"标题{evil}"
    article["blocks"][0]["text"] = f"正文 {evil} & <img src=x onerror=alert(1)>"
    article["captions"] = ["</section><script>alert(2)</script>"]
    lib.save_article(1, article)
    export_bundle(lib, [1, 2], tmp_path / "out.zip")
    page = entries(tmp_path / "out.zip")["index.html"].decode("utf-8")
    assert page.count("<script") == 1  # the reader's own filter script, nothing from the text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "<img" not in page
    assert "&lt;/section&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in page
    assert "http://" not in page and "https://" not in page  # self-contained: nothing fetched


def test_progress_and_cancel_leave_nothing(lib, tmp_path):
    seen = []
    export_bundle(lib, select_ids(lib, everything=True), tmp_path / "ok.zip", progress=lambda *a: seen.append(a))
    assert seen[0][:2] == (0, 9) and seen[-1] == (9, 9, "done")
    calls = iter(range(100))
    with pytest.raises(Cancelled):
        export_bundle(lib, select_ids(lib, everything=True), tmp_path / "no.zip", cancel=lambda: next(calls) >= 3)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lib", "ok.zip"]


def test_sources_travel_with_their_checksums(lib, tmp_path):
    export_bundle(lib, [1, 3], tmp_path / "out.zip", with_sources=True)
    bundle = read_bundle(tmp_path / "out.zip")
    shas = {lib.source(lib.get_article(i)["source_id"])["sha256"] for i in (1, 3)}
    assert set(bundle.sources) == shas
    assert all(hashlib.sha256(data).hexdigest() == sha for sha, data in bundle.sources.items())


def test_plain_exports(lib, tmp_path):
    ids = select_ids(lib, everything=True)
    lib.tag([ids[0]], "专题/国际化")
    assert export_jsonl(lib, ids, tmp_path / "out.jsonl") == 9
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == ids and records[0]["tags"] == ["专题/国际化"]
    assert records[0]["article"]["headline"] == lib.get_article(ids[0])["headline"]

    assert export_csv(lib, ids, tmp_path / "out.csv") == 9
    with open(tmp_path / "out.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [int(r["id"]) for r in rows] == ids
    assert rows[0]["tags"] == "专题/国际化" and rows[0]["headline"] == lib.get_article(ids[0])["headline"]

    assert export_markdown(lib, ids, tmp_path / "md") == 9
    names = sorted(p.name for p in (tmp_path / "md").iterdir())
    assert names == sorted([f"{i}.md" for i in ids] + ["index.md"])
    assert lib.get_article(ids[1])["headline"] in (tmp_path / "md" / f"{ids[1]}.md").read_text(encoding="utf-8")
    with pytest.raises(ArchivistError, match="already exists"):
        export_markdown(lib, ids, tmp_path / "md")
    export_jsonl(lib, ids, tmp_path / "again.jsonl")
    assert (tmp_path / "again.jsonl").read_bytes() == (tmp_path / "out.jsonl").read_bytes()
