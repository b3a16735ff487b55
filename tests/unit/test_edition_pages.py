"""A multi-page PDF or TIFF gets one page record per page (issue 16): each page's own
folio, else its PDF page label, else its place in the file, each with its reason; each
article belongs to the page it begins on. Files built here (tests/unit/edition_files.py)."""
import pytest

from archivist.store.library import Library
from tests.unit.edition_files import text_pdf, tiff

MASTHEAD = [("青岛日报", 22), ("2024年11月2日 星期六", 11)]
FIRST = [("青岛修订重污染天气应急预案", 22),
         ("本报讯 记者 刘萍 近日，青岛市修订了重污染天气应急预案，明确了预警分级和响应措施。", 11),
         ("预案规定，提前48小时以上发布预警信息，各区市应当按照要求落实减排措施。", 11)]
SECOND = [("精品文艺进社区活动启动", 22),
          ("本报讯 记者 王雷 1979年10月3日，青岛市与下关市正式签订友好城市协议书，这一天被写进了历史。", 11),
          ("昨天，精品文艺进社区活动在市北区启动，二十余个节目走进社区，居民在家门口看演出。", 11)]
THIRD = [("崂山茶园迎来秋茶采摘季", 22),
         ("本报讯 记者 张伟 连日来，崂山区各茶园的秋茶陆续进入采摘期，茶农们忙着采茶、炒茶，茶香四溢。", 11),
         ("今年秋茶品质较好，预计产量比去年同期增长一成左右，价格保持稳定。", 11)]


def _import(tmp_path, name, data):
    path = tmp_path / "in" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    lib = Library.open(tmp_path / "lib", create=True)
    report = lib.import_paths([path])
    assert report.ok, report.failed
    return lib


def _pages(lib):
    """(headline, page record) of every article, in page order."""
    out = []
    for article_id in lib.list_ids(sort="id"):
        record = lib.edition_of(article_id)
        out.append((lib.rows([article_id])[0]["headline"], record))
    return out


def _records(lib):
    return lib._conn.execute("SELECT seq, paper, date, page, section, edition FROM page_records ORDER BY seq").fetchall()


def test_each_pdf_page_has_its_own_record_from_its_folio(tmp_path):
    pdf = text_pdf([MASTHEAD + [("第3版 要闻", 11)] + FIRST, MASTHEAD + [("第4版 城事", 11)] + SECOND])
    with _import(tmp_path, "scan-0001.pdf", pdf) as lib:
        assert _records(lib) == [(0, "青岛日报", "2024-11-02", "3", "要闻", None),
                                 (1, "青岛日报", "2024-11-02", "4", "城事", None)]
        (h1, r1), (h2, r2) = _pages(lib)
        assert (h1, r1["page"], h2, r2["page"]) == ("青岛修订重污染天气应急预案", "3", "精品文艺进社区活动启动", "4")
        assert r1["page_id"] != r2["page_id"]
        assert r2["reasons"] == {"paper": "from masthead line '青岛日报'", "page": "from folio line '第4版 城事'",
                                 "date": "from folio line '2024年11月2日 星期六'",
                                 "section": "from folio line '第4版 城事'"}
        # The body of page 4 says 1979年10月3日: never the edition's date.
        assert {r["date"] for r in lib.rows(lib.list_ids())} == {"2024-11-02"}
        # Setting page 4's section changes that page only.
        lib.set_edition([lib.list_ids(sort="id")[1]], {"section": "文化"})
        assert [r[4] for r in _records(lib)] == ["要闻", "文化"]


def test_pdf_page_labels_number_the_pages_where_no_folio_does(tmp_path):
    pdf = text_pdf([[("第5版 要闻", 11)] + FIRST, SECOND, THIRD], labels="0 << /S /D /P (A) /St 5 >>")
    with _import(tmp_path, "青岛日报_20241102.pdf", pdf) as lib:
        assert _records(lib) == [(0, "青岛日报", "2024-11-02", "5", "要闻", "A"),
                                 (1, "青岛日报", "2024-11-02", "6", None, "A"),
                                 (2, "青岛日报", "2024-11-02", "7", None, "A")]
        reasons = [r["reasons"] for _h, r in _pages(lib)]
        assert reasons[0]["page"] == "from folio line '第5版 要闻'"
        assert reasons[0]["edition"] == "from PDF page label 'A5'"
        assert reasons[2]["page"] == "from PDF page label 'A7'"
        assert reasons[2]["date"] == "from file name '20241102'"


def test_unlabelled_pdf_pages_are_numbered_by_their_place_and_share_the_masthead(tmp_path):
    with _import(tmp_path, "page-0001.pdf", text_pdf([MASTHEAD + FIRST, SECOND, THIRD])) as lib:
        assert _records(lib) == [(0, "青岛日报", "2024-11-02", "1", None, None),
                                 (1, "青岛日报", "2024-11-02", "2", None, None),
                                 (2, "青岛日报", "2024-11-02", "3", None, None)]
        pages = _pages(lib)
        assert [h for h, _r in pages] == ["青岛修订重污染天气应急预案", "精品文艺进社区活动启动", "崂山茶园迎来秋茶采摘季"]
        assert [r["reasons"]["page"] for _h, r in pages] == [f"from PDF page {n} of 3" for n in (1, 2, 3)]
        assert pages[1][1]["reasons"]["paper"] == "from page 1's masthead line '青岛日报'"
        assert pages[2][1]["reasons"]["date"] == "from page 1's folio line '2024年11月2日 星期六'"


def test_one_page_pdf_keeps_one_record(tmp_path):
    with _import(tmp_path, "one.pdf", text_pdf([MASTHEAD + FIRST])) as lib:
        assert _records(lib) == [(0, "青岛日报", "2024-11-02", None, None, None)]


def _big(lines):
    return [(text, 40 if size == 22 else 20) for text, size in lines]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_each_tiff_page_has_its_own_record(tmp_path):
    pages = [_big([("青岛日报", 22), ("2024年11月2日 星期六", 11)] + FIRST[:2]), _big(SECOND[:2])]
    with _import(tmp_path, "scan.tif", tiff(pages, width=1900)) as lib:
        records = _records(lib)
        assert records == [(0, "青岛日报", "2024-11-02", "1", None, None), (1, "青岛日报", "2024-11-02", "2", None, None)]
        found = _pages(lib)
        assert [r["page"] for _h, r in found] == ["1", "2"]
        assert found[1][1]["reasons"]["page"] == "from TIFF page 2 of 2"


def test_an_article_split_off_in_the_split_editor_stays_on_its_page(tmp_path):
    pdf = text_pdf([MASTHEAD + [("第3版 要闻", 11)] + FIRST, [("第4版 城事", 11)] + SECOND])
    with _import(tmp_path, "p.pdf", pdf) as lib:
        first, second = lib.list_ids(sort="id")
        source_id = lib.rows([first])[0]["source_id"]
        split_off = {"headline": "新标题", "blocks": [{"kind": "paragraph", "text": "从第二篇分出来的一段正文。"}]}
        ids = lib.replace_source_articles(source_id, [lib.get_article(first), lib.get_article(second), split_off])
        assert lib.edition_of(ids[2])["page_id"] == lib.edition_of(second)["page_id"]
        assert lib.edition_of(ids[2])["page"] == "4" and lib.rows([ids[2]])[0]["date"] == "2024-11-02"


def test_a_body_naming_the_paper_does_not_take_the_next_pages_masthead():
    from archivist.edition_pages import furniture_pages  # noqa: PLC0415

    text = "青岛日报\n\n第3版 要闻\n\n# 标题\n\n本报讯 青岛日报记者 刘萍报道。\n\n青岛日报\n\n第4版 城事\n"
    layout = [{"page": 1, "para": i} for i in range(4)] + [{"page": 2, "para": i} for i in (4, 5)]
    assert furniture_pages(["青岛日报", "第3版 要闻", "青岛日报", "第4版 城事"], text, layout) == [1, 1, 2, 2]
