"""Crafted bundles are refused whole, with one clear line, and the library is unchanged
(issue 6, Safety). Each case starts from a valid bundle and breaks one thing."""
from __future__ import annotations

import hashlib
import json
import shutil
import warnings
import zipfile

import pytest

from archivist.bundle import Limits, export_bundle, merge_bundle, open_review, read_bundle
from archivist.cli import main as cli_main
from archivist.errors import BundleError
from archivist.store import Library
from tests.unit.store_pages import SAMPLES


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("safety")
    with Library.open(root / "lib", create=True) as lib:
        assert lib.import_paths([SAMPLES]).ok
        lib.tag([1, 2], "地区/青岛")
        export_bundle(lib, [1, 2, 3], root / "good.zip", with_sources=True)
    return root


@pytest.fixture
def lib(built, tmp_path):
    shutil.copytree(built / "lib", tmp_path / "lib")
    with Library.open(tmp_path / "lib") as library:
        yield library


def snapshot(lib: Library) -> tuple:
    conn = lib._conn
    return (conn.execute("SELECT id, article_id, article FROM revisions ORDER BY id").fetchall(),
            conn.execute("SELECT * FROM article_tags ORDER BY 1, 2").fetchall(),
            conn.execute("SELECT id, status, current_revision_id FROM articles ORDER BY id").fetchall(),
            conn.execute("SELECT count(*) FROM merge_conflicts").fetchone())


def good_entries(built) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(built / "good.zip") as zf:
        return [(i, zf.read(i)) for i in zf.infolist()]


def write_zip(path, items, compression=zipfile.ZIP_DEFLATED) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns on duplicate names; that is the point here
        with zipfile.ZipFile(path, "w", compression=compression) as zf:
            for info, data in items:
                if not isinstance(info, zipfile.ZipInfo):
                    info = zipfile.ZipInfo(info)
                    info.compress_type = compression
                zf.writestr(info, data)


def rewrite_manifest(items, change) -> list:
    out = []
    for info, data in items:
        if info.filename == "manifest.json":
            manifest = json.loads(data)
            change(manifest)
            data = json.dumps(manifest).encode()
        out.append((info, data))
    return out


def replace_entry(items, name, data, fix_manifest=True) -> list:
    items = [(i, data if i.filename == name else d) for i, d in items]
    if not fix_manifest:
        return items

    def change(manifest):
        for e in manifest["articles"]:
            if name in e["files"]:
                e["files"][name] = hashlib.sha256(data).hexdigest()
    return rewrite_manifest(items, change)


def symlink_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = 0o120777 << 16
    return info


def _bomb(items):
    return items + [("sources/" + "0" * 64 + ".txt", b"\0" * 5_000_000)]  # ~1000:1


CASES = {
    "dotdot": (lambda items: items + [("../evil.txt", b"x")], "leaving the bundle"),
    "dotdot-inside": (lambda items: items + [("articles/../../evil.txt", b"x")], "leaving the bundle"),
    "absolute": (lambda items: items + [("/etc/evil", b"x")], "absolute"),
    "drive": (lambda items: items + [("C:/evil.txt", b"x")], "absolute"),
    "backslash": (lambda items: items + [("..\\evil.txt", b"x")], "backslash"),
    "symlink": (lambda items: items + [(symlink_info("articles/9.md"), b"/etc/passwd")], "symlink"),
    "bomb": (_bomb, "zip bomb"),
    "duplicate": (lambda items: items + [items[0]], "duplicate entry"),
    "duplicate-case": (lambda items: items + [(items[0][0].filename.upper(), items[0][1])], "duplicate entry"),
    "newer-schema": (lambda items: rewrite_manifest(items, lambda m: m.update(schema="archivist.bundle/2")),
                     "unknown or newer bundle schema"),
    "no-schema": (lambda items: rewrite_manifest(items, lambda m: m.pop("schema")), "unknown or newer"),
    "checksum": (lambda items: replace_entry(items, "articles/1.md", b"# changed\n", fix_manifest=False),
                 "checksum mismatch for articles/1.md"),
    "content-vs-manifest": (lambda items: replace_entry(
        items, "articles/2.json", next(d for i, d in items if i.filename == "articles/2.json").replace(
            "青岛".encode(), "北京".encode())), "content is not the revision"),
    "malformed-json": (lambda items: replace_entry(items, "articles/1.json", b'{"id": 1, '), "malformed JSON"),
    "malformed-manifest": (lambda items: [(i, b"[1, 2" if i.filename == "manifest.json" else d)
                                          for i, d in items], "malformed JSON in manifest.json"),
    "duplicate-json-key": (lambda items: [(i, d.replace(b"{", b'{"schema": "x", ', 1)
                                           if i.filename == "manifest.json" else d) for i, d in items],
                           "duplicate key"),
    "bad-shape": (lambda items: replace_entry(items, "articles/3.json", json.dumps(
        {"id": 3, "article": {"blocks": "not a list"}}).encode()), "blocks"),
    "unlisted": (lambda items: items + [("notes.txt", b"hello")], "not listed in the manifest"),
    "missing": (lambda items: [(i, d) for i, d in items if i.filename != "articles/2.md"], "missing"),
    "no-manifest": (lambda items: [(i, d) for i, d in items if i.filename != "manifest.json"], "no manifest"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_crafted_bundle_refused_whole_library_unchanged(case, built, lib, tmp_path, capsys):
    craft, message = CASES[case]
    bad = tmp_path / f"{case}.zip"
    write_zip(bad, craft(good_entries(built)))
    before = snapshot(lib)
    with pytest.raises(BundleError, match=message) as caught:
        merge_bundle(lib, bad)
    assert "\n" not in str(caught.value) and "nothing changed" in str(caught.value)
    assert snapshot(lib) == before
    with pytest.raises(BundleError):
        open_review(bad, tmp_path / "review")
    assert not (tmp_path / "review").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["lib", bad.name])
    lib.close()
    assert cli_main(["merge", "--library", str(tmp_path / "lib"), str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message.split()[0] in err


def test_limits_are_configurable(built, lib):
    with pytest.raises(BundleError, match="uncompressed"):
        read_bundle(built / "good.zip", Limits(max_total_bytes=10_000))
    with pytest.raises(BundleError, match="limit"):
        read_bundle(built / "good.zip", Limits(max_entry_bytes=1000))
    with pytest.raises(BundleError, match="entries"):
        read_bundle(built / "good.zip", Limits(max_entries=3))
    assert read_bundle(built / "good.zip").articles.keys() == {1, 2, 3}


def test_not_a_zip_and_missing_file(lib, tmp_path):
    (tmp_path / "x.zip").write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(BundleError, match="not a zip"):
        merge_bundle(lib, tmp_path / "x.zip")
    with pytest.raises(BundleError, match="no such file"):
        merge_bundle(lib, tmp_path / "none.zip")


def test_bundle_from_another_library_refused(built, tmp_path):
    with Library.open(tmp_path / "other", create=True) as other:
        with pytest.raises(BundleError, match="made from library"):
            merge_bundle(other, built / "good.zip")
        assert other.count() == 0
