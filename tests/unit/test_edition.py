"""Edition metadata (issue 16): inferred from file names, folders, furniture lines and PDF
metadata, each with its reason; never from article text; kept and marked on migration."""
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from archivist import edition
from archivist.edition import infer
from archivist.split import split_source
from archivist.store import migrations
from archivist.store.filters import ArticleFilter
from archivist.store.importer import page_metadata
from archivist.store.library import Library
from archivist.text.decode import read_source
from tests.unit.old_schema import undo_edition_and_later

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "resources" / "samples").glob("*.txt"))
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.mark.parametrize(("path", "expected", "reason"), [
    ("2024-11-02/A03.txt", {"date": "2024-11-02", "page": "3", "edition": "A"}, {"date": "from folder '2024-11-02'",
                                                                                   "page": "from file name 'A03'"}),
    ("rmrb-20200103-p04.txt", {"paper": "人民日报", "date": "2020-01-03", "page": "4"},
     {"paper": "from file name 'rmrb'", "page": "from file name 'p04'"}),
    ("青岛日报_20241102_第3版.pdf", {"paper": "青岛日报", "date": "2024-11-02", "page": "3"},
     {"page": "from file name '第3版'", "date": "from file name '20241102'"}),
    ("rmrb-2020-train/20200101/20200101-02-05.txt", {"paper": "人民日报", "date": "2020-01-01", "page": "2"}, {}),
    ("jingbao-1920-04-03-p1-4.txt", {"paper": "晶報", "date": "1920-04-03", "page": "1-4"}, {}),
    ("archive/人民日报/1979年10月3日/第十二版.txt", {"paper": "人民日报", "date": "1979-10-03", "page": "12"},
     {"paper": "from folder '人民日报'", "date": "from folder '1979年10月3日'"}),
])
def test_file_name_and_folder_patterns(path, expected, reason):
    found = infer(path)
    assert {k: found[k] for k in expected} == expected
    for field in set(edition.FIELDS) - set(expected):
        assert found[field] is None and field not in found["reasons"]
    for field, why in reason.items():
        assert found["reasons"][field] == why


@pytest.mark.parametrize("name", ["page-0001.txt", "page-0600.txt", "scan_20241399.txt", "IMG_1234.jpg",
                                  "a" * 300 + ".txt", "p" * 5000 + "0" * 5000 + ".txt"])
def test_names_that_say_nothing_give_nothing(name):
    found = infer(name)
    assert found["date"] is None and found["page"] is None and found["reasons"] == {}


def test_masthead_and_folio_lines():
    found = infer("x.txt", ["青岛日报", "2024年11月2日 星期六", "第3版 要闻", "□青岛日报/观海新闻记者 刘 萍"])
    assert (found["paper"], found["date"], found["page"], found["section"]) == ("青岛日报", "2024-11-02", "3", "要闻")
    assert found["reasons"]["page"] == "from folio line '第3版 要闻'"
    assert found["reasons"]["date"] == "from folio line '2024年11月2日 星期六'"
    letter = infer("x.txt", ["A3 要闻", "主编 马晓月 美编 李 飞"])
    assert (letter["edition"], letter["page"], letter["section"]) == ("A", "3", "要闻")
    # The byline's paper is the reporter's employer, not a masthead.
    assert infer("x.txt", ["□青岛日报/观海新闻记者 刘 萍"])["paper"] is None


def test_furniture_beats_the_file_name_and_the_dialog_beats_both():
    found = infer("rmrb-20200103-p04.txt", ["青岛日报", "2024年11月2日 星期六"], paper="半岛都市报")
    assert (found["paper"], found["date"], found["page"]) == ("半岛都市报", "2024-11-02", "4")
    assert found["reasons"] == {"paper": "from the import's paper field",
                                "date": "from folio line '2024年11月2日 星期六'", "page": "from file name 'p04'"}


def test_furniture_of_the_seed_page_and_a_corpus_page():
    focus = next(p for p in SAMPLES if "focus" in p.name)
    found = infer("page-0002.txt", split_source(read_source(focus))["furniture"])
    assert (found["paper"], found["section"], found["date"]) == ("青岛日报", "聚焦", None)
    assert found["reasons"]["paper"] == "from masthead line '青岛日报 聚焦'"
    page = CORPUS / "ecpo-jingbao" / "jingbao-1920-04-03-p1-4.txt"
    if not page.exists():
        pytest.skip("../shared/corpus is not here")
    found = infer("page-0001.txt", split_source(read_source(page))["furniture"])
    # 第一版　民國九年四月三日: the Republic's ninth year is 1920.
    assert (found["paper"], found["date"], found["page"]) == ("晶報", "1920-04-03", "1")
    assert found["reasons"]["date"] == "from folio line '第一版\u3000民國九年四月三日'"


def _pdf_with_info(title: str, subject: str = "") -> bytes:
    """A one-page PDF (no text) whose document information names the edition; strings in
    UTF-16BE with a BOM, as PDF writers put Chinese there."""
    def text(s):
        return "<FEFF" + s.encode("utf-16-be").hex().upper() + ">"
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
               f"<< /Title {text(title)} /Subject {text(subject)} /CreationDate (D:20260101000000Z) >>"]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode("ascii")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_pdf_metadata_names_the_edition(tmp_path):
    data = _pdf_with_info("青岛日报 2024年11月2日 第3版", "要闻")
    meta = page_metadata(Path("scan.pdf"), data)
    assert meta["Title"] == "青岛日报 2024年11月2日 第3版"
    found = infer("scan.pdf", (), meta)
    assert (found["paper"], found["date"], found["page"]) == ("青岛日报", "2024-11-02", "3")
    assert found["reasons"]["date"] == "from PDF metadata Title '2024年11月2日'"
    # The creation date is when the file was made, not the edition: not used.
    assert infer("scan.pdf", (), page_metadata(Path("scan.pdf"), _pdf_with_info("扫描件")))["date"] is None
    assert page_metadata(Path("scan.pdf"), b"%PDF-1.4 garbage") == {}
    assert page_metadata(Path("page.txt"), data) == {}


def _seed_library(tmp_path, names, paper=None) -> Library:
    src = tmp_path / "in"
    src.mkdir()
    for sample, name in zip(SAMPLES, names):
        target = src / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(sample, target)
    lib = Library.open(tmp_path / "lib", create=True)
    report = lib.import_paths([src], paper=paper)
    assert report.ok and report.articles == 9
    return lib


def test_seed_pages_under_undated_names_have_no_date(tmp_path):
    """The daily page's body says 1979年10月3日; that date was taken for the edition's."""
    with _seed_library(tmp_path, ["page-0001.txt", "page-0002.txt", "page-0003.txt"]) as lib:
        ids = lib.list_ids()
        assert [r["date"] for r in lib.rows(ids)] == [None] * 9
        for i in ids:
            record = lib.edition_of(i)
            assert record["date"] is None and "date" not in record["reasons"]
        assert len(lib.list_ids(ArticleFilter(no_date=True))) == 9
        assert lib.list_ids(ArticleFilter(date_from="1979-01-01", date_to="1979-12-31")) == []


def test_a_dated_body_sentence_never_sets_the_edition_date(tmp_path):
    page = tmp_path / "in" / "page-0007.txt"
    page.parent.mkdir()
    page.write_text("青岛国际友城再扩大\n\n2020年1月3日星期五，青岛市与下关市正式签订《友好城市协议书》，"
                    "这一天被写进了城市的历史。\n\n1979年10月3日，青岛市与下关市正式签订协议。\n", encoding="utf-8")
    with Library.open(tmp_path / "lib", create=True) as lib:
        assert lib.import_paths([page]).ok
        (article_id,) = lib.list_ids()
        assert lib.edition_of(article_id)["date"] is None
        assert lib.source(lib.rows([article_id])[0]["source_id"])["date"] is None


def test_import_paper_field_and_reasons_are_stored(tmp_path):
    names = ["2024-12-24/A01.txt", "2022-03-01/第5版.txt", "rmrb-20241102-p03.txt"]
    with _seed_library(tmp_path, names, paper="青岛日报") as lib:
        rows = lib.rows(lib.list_ids(sort="id"))
        assert {r["paper"] for r in rows} == {"青岛日报"}
        by_name = {r["source"]: (r["date"], r["page"], r["edition"]) for r in rows}
        assert by_name == {"A01.txt": ("2024-12-24", "1", "A"), "第5版.txt": ("2022-03-01", "5", None),
                           "rmrb-20241102-p03.txt": ("2024-11-02", "3", None)}
        record = lib.edition_of(next(r["id"] for r in rows if r["source"] == "A01.txt"))
        assert record["reasons"] == {"paper": "from the import's paper field", "date": "from folder '2024-12-24'",
                                     "edition": "from file name 'A01'", "page": "from file name 'A01'"}


def test_set_edition_for_many_and_undo(tmp_path):
    with _seed_library(tmp_path, ["page-0001.txt", "page-0002.txt", "page-0003.txt"]) as lib:
        ids = lib.list_ids(sort="id")
        before = lib.rows(ids)
        snap = lib.set_edition(ids, {"paper": "青岛日报", "date": "2024/11/2", "section": "要闻"})
        after = lib.rows(ids)
        assert {(r["paper"], r["date"], r["section"]) for r in after} == {("青岛日报", "2024-11-02", "要闻")}
        assert lib.edition_of(ids[0])["reasons"]["date"] == edition.BY_HAND
        assert lib.list_ids(ArticleFilter(paper="青岛日报", date_from="2024-11-02", date_to="2024-11-02"),
                            sort="id") == ids
        # A reprint: the article's own date, over its page's.
        lib.set_edition([ids[0]], {"own_date": "2025-01-05"})
        assert [r["date"] for r in lib.rows(ids[:2])] == ["2025-01-05", "2024-11-02"]
        redo = lib.restore_editions(snap)
        assert [{k: r[k] for k in ("paper", "date", "section")} for r in lib.rows(ids)] == \
               [{k: r[k] for k in ("paper", "date", "section")} for r in before]
        assert lib.edition_of(ids[0])["own_date"] is None
        lib.restore_editions(redo)
        assert lib.rows(ids)[1]["date"] == "2024-11-02" and lib.rows(ids)[0]["date"] == "2025-01-05"


@pytest.mark.parametrize("bad", ["2024-13-01", "2024-02-30", "yesterday", "2024-11-02'; DROP TABLE articles;--",
                                 "99999999", "2024-11-02\n2025-01-01"])
def test_bad_dates_are_refused_and_change_nothing(tmp_path, bad):
    with _seed_library(tmp_path, ["a.txt", "b.txt", "c.txt"]) as lib:
        ids = lib.list_ids()
        before = lib.rows(ids)
        with pytest.raises(ValueError):
            lib.set_edition(ids, {"paper": "x", "date": bad})
        assert lib.rows(ids) == before
    with pytest.raises(ValueError):
        edition.check_date(bad)


def test_older_library_keeps_its_guessed_dates_marked(tmp_path):
    with _seed_library(tmp_path, ["page-0001.txt", "page-0002.txt", "page-0003.txt"]) as lib:
        ids = lib.list_ids(sort="id")
    conn = sqlite3.connect(tmp_path / "lib" / "library.sqlite")
    undo_edition_and_later(conn)
    conn.execute("UPDATE sources SET date = '1979-10-03' WHERE filename = 'page-0003.txt'")
    conn.execute("UPDATE articles SET date = (SELECT date FROM sources s WHERE s.id = articles.source_id)")
    conn.execute("PRAGMA user_version = 7")
    conn.commit()
    conn.close()
    with Library.open(tmp_path / "lib") as lib:
        assert lib.schema_version == migrations.latest_version()
        guessed = [lib.edition_of(i) for i in ids if lib.rows([i])[0]["source"] == "page-0003.txt"]
        assert guessed and all(g["date"] == "1979-10-03" and g["reasons"] == {"date": edition.GUESSED}
                               for g in guessed)
        others = [lib.edition_of(i) for i in ids if lib.rows([i])[0]["source"] != "page-0003.txt"]
        assert all(o["date"] is None and o["reasons"] == {} for o in others)
        assert json.loads(lib._conn.execute("SELECT reasons FROM page_records WHERE date IS NOT NULL")
                          .fetchone()[0]) == {"date": edition.GUESSED}


def test_exports_carry_the_edition(tmp_path):
    import csv  # noqa: PLC0415

    from archivist.bundle import export_bundle, export_csv, export_jsonl, read_bundle  # noqa: PLC0415

    with _seed_library(tmp_path, ["page-0001.txt", "page-0002.txt", "page-0003.txt"]) as lib:
        ids = lib.list_ids(sort="id")
        lib.set_edition(ids, {"paper": "青岛日报", "date": "2024-11-02", "page": "3", "section": "要闻"})
        export_jsonl(lib, ids, tmp_path / "out.jsonl")
        first = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()[0])
        assert first["edition"]["paper"] == "青岛日报" and first["edition"]["reasons"]["date"] == edition.BY_HAND
        export_csv(lib, ids, tmp_path / "out.csv")
        with open(tmp_path / "out.csv", encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert {(r["paper"], r["date"], r["page"], r["section"]) for r in rows} == {("青岛日报", "2024-11-02", "3", "要闻")}
        export_bundle(lib, ids, tmp_path / "b.zip")
    bundle = read_bundle(tmp_path / "b.zip")  # checked whole, the edition fields too
    assert {a["edition"]["section"] for a in bundle.articles.values()} == {"要闻"}
