"""Hostile text in, safe text out: no live HTML in Markdown exports, no formula cells in
CSV, no terminal escape sequence reaching the terminal. The attacks are built here."""
from __future__ import annotations

import csv
import html
import json
import zipfile

import pytest

from archivist.bundle import export_bundle, export_csv, export_markdown, read_bundle, select_ids
from archivist.cli import main
from archivist.store import Library
from archivist.text.controls import escape_controls, strip_controls

ESC_TITLE = "\x1b]0;pwned\x07\x1b[2J"
SCRIPT_PAGE = (f"# 标题<script>alert(1)</script>{ESC_TITLE}\n\n"
               "本报讯 正文<img src=x onerror=alert(1)>，还有<svg onload=alert(2)>以及\x1b[31m红字"
               "和&lt;实体&gt;。这里有足够的中文文字内容构成一篇文章。\n\n"
               + "第二段讲述城市建设的新进展，市民生活更加便利。" * 30 + "\n")  # controls under 1 %
EVIL_NAME = "name--><img src=x onerror=alert(3)>\x1b[31m.txt"
FORMULA_PAGE = '# =HYPERLINK("http://e.vil","点击")\n\n本报讯 这是一篇用来测试表格公式注入的文章，内容足够长。\n'
CELL_PAGES = {f"cell{n}.txt": f"# {lead}这一篇的标题\n\n本报讯 第{n}篇文章的正文，内容足够长足够长。\n"
              for n, lead in enumerate(("+", "-", "@"))}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    pages = tmp_path_factory.mktemp("pages")
    (pages / EVIL_NAME).write_text(SCRIPT_PAGE, encoding="utf-8")
    (pages / "formula.txt").write_text(FORMULA_PAGE, encoding="utf-8")
    for name, text in CELL_PAGES.items():
        (pages / name).write_text(text, encoding="utf-8")
    folder = tmp_path_factory.mktemp("lib") / "library"
    with Library.open(folder, create=True) as lib:
        report = lib.import_paths([pages])
        assert report.ok and len(report.imported) == 5, report
    return folder


def _rendered(markdown_text: str) -> str:
    """The HTML a common renderer makes of it, raw HTML allowed (as many are set up)."""
    markdown_it = pytest.importorskip("markdown_it")
    return markdown_it.MarkdownIt("commonmark", {"html": True}).render(markdown_text)


def _assert_inert(markdown_text: str) -> None:
    out = _rendered(markdown_text)
    for tag in ("<script", "<img", "<svg"):
        assert tag not in out.lower(), (tag, out)
    assert "<!--" not in out or "-->" not in out.split("<!--", 1)[1].split("·")[0]


def test_markdown_export_shows_tags_as_text_never_as_html(hostile, tmp_path):
    with Library.open(hostile, readonly=True) as lib:
        assert export_markdown(lib, select_ids(lib, everything=True), tmp_path / "md") == 5
    pages = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "md").iterdir()}
    evil = next(text for text in pages.values() if "onerror=alert(1)" in text)
    _assert_inert(evil)
    _assert_inert(pages["index.md"])
    # The file name cannot close the meta comment and leave the <img> outside it.
    comment = evil.split("<!--", 1)[1].split("-->", 1)[0]
    assert "onerror=alert(3)" in comment
    # What the reader sees is the text as it was typed.
    shown = html.unescape(_rendered(evil))
    assert "<script>alert(1)</script>" in shown and "&lt" in shown


def test_bundle_markdown_is_escaped_too(hostile, tmp_path):
    with Library.open(hostile, readonly=True) as lib:
        export_bundle(lib, select_ids(lib, everything=True), tmp_path / "b.zip")
    read_bundle(tmp_path / "b.zip")  # a valid bundle
    with zipfile.ZipFile(tmp_path / "b.zip") as zf:
        docs = [zf.read(n).decode("utf-8") for n in zf.namelist() if n.endswith(".md")]
    assert len(docs) == 5
    for doc in docs:
        _assert_inert(doc)


def test_csv_cells_never_start_a_formula(hostile, tmp_path):
    with Library.open(hostile, readonly=True) as lib:
        export_csv(lib, select_ids(lib, everything=True), tmp_path / "out.csv")
    rows = list(csv.DictReader((tmp_path / "out.csv").read_text(encoding="utf-8-sig").splitlines()))
    headlines = sorted(r["headline"] for r in rows)
    assert any(h.startswith("'=HYPERLINK") for h in headlines)
    for row in rows:
        for column, cell in row.items():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (column, cell)
    assert sum(h.startswith(("'+", "'-", "'@")) for h in headlines) == 3
    assert rows[0]["id"].isdigit()  # numbers are left alone


def test_control_characters_are_taken_out_of_page_text(hostile):
    with Library.open(hostile, readonly=True) as lib:
        for article_id in select_ids(lib, everything=True):
            a = lib.get_article(article_id)
            text = json.dumps(a, ensure_ascii=False)
            assert "\x1b" not in text and "\x07" not in text
            assert "\x1b" not in a["source"] and "\n" not in a["source"]


def test_too_many_control_characters_is_not_text():
    with pytest.raises(Exception, match="control characters"):
        strip_controls("正文" + "\x1b" * 50)
    assert strip_controls("正\x1b[31m文\t\n") == "正[31m文\t\n"


@pytest.mark.parametrize("argv", [["show", "{id}"], ["search", "标题"], ["search", "--json", "标题"],
                                  ["stats"], ["show", "--json", "{id}"]])
def test_no_command_prints_a_raw_control_character(hostile, capsys, argv, monkeypatch):
    with Library.open(hostile, readonly=True) as lib:
        article_id = next(i for i in select_ids(lib, everything=True)
                          if "script" in (lib.get_article(i)["headline"] or ""))
    args = [a.format(id=article_id) for a in argv] + ["--library", str(hostile)]
    assert main(args) == 0
    out, err = capsys.readouterr()
    for stream in (out, err):
        assert not any(ch in stream for ch in "\x1b\x07\x9b\x9d\r"), repr(stream[:300])
    if "--json" in argv:
        json.loads(out)  # escaped controls are still valid JSON


def test_hostile_query_and_paths_are_escaped_on_the_terminal(hostile, capsys, tmp_path):
    assert main(["search", "--json", "--library", str(hostile), "\x9b31m标题\x1b[2J"]) == 0
    out, err = capsys.readouterr()
    assert "\x9b" not in out and "\x1b" not in out
    assert json.loads(out)["query"] == "\x9b31m标题\x1b[2J"  # the same characters, written visibly
    bad = tmp_path / "no\x1b]0;title\x07pe"
    assert main(["show", "1", "--library", str(bad)]) == 2
    out, err = capsys.readouterr()
    assert err.startswith("archivist: ") and "\x1b" not in err and "\x07" not in err
    assert "\\u001b" in err


def test_import_messages_escape_file_names(tmp_path, capsys):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "bad\x1b[2J\nname.txt").write_bytes(b"\x00\x01binary")
    assert main(["import", "--library", str(tmp_path / "lib"), str(pages)]) == 1
    out, err = capsys.readouterr()
    failed = [line for line in out.splitlines() if line.startswith("failed:")]
    assert len(failed) == 1 and "binary" in failed[0]  # the reason stays on the name's line
    assert "\x1b" not in out + err


def test_escape_controls_keeps_tab_and_newline():
    assert escape_controls("a\tb\nc\x1bd\x7f\x85") == "a\tb\nc\\u001bd\\u007f\\u0085"
