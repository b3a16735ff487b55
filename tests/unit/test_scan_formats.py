"""Word and HTML pages, and bad input: each bad file gives one clear error line and the
rest of the batch is read as if it were not there."""
import struct
import zlib
from pathlib import Path

import pytest

from archivist.errors import InputError
from archivist.ingest import read_page, supported_suffixes
from archivist.scan import SUFFIXES
from archivist.scan.batch import read_many

DATA = Path(__file__).resolve().parents[1] / "data" / "scan"
SAMPLE_PARAS = [p for p in (DATA / "sample.txt").read_text(encoding="utf-8").split("\n\n") if p.strip()]


def test_scan_suffixes_are_offered_by_ingest():
    assert {".png", ".jpg", ".tif", ".tiff", ".pdf", ".docx", ".html", ".htm"} <= SUFFIXES <= supported_suffixes()


@pytest.mark.parametrize("name, kind", [("sample.docx", "docx"), ("sample.html", "html")])
def test_word_and_html_give_the_sample_text_with_heading_hints(name, kind):
    source = read_page(DATA / name)
    assert source.kind == source.encoding == kind
    assert [p.strip() for p in source.text.split("\n\n")] == [p.strip() for p in SAMPLE_PARAS]
    assert "脚本里的字" not in source.text and "color" not in source.text


def test_html_headings_levels_figcaptions_and_entities(tmp_path):
    page = tmp_path / "p.htm"
    page.write_bytes("""<html><head><meta charset="gbk"><title>标题栏</title></head><body>
      <h2>小标题 &amp; 更多</h2><p>第一行
      第二行</p><figure><img src=x><figcaption>■ 图片说明 王雷 摄</figcaption></figure>
      <ul><li>要点一</li><li>要点二</li></ul><style>.x{}</style></body></html>""".encode("gbk"))
    text = read_page(page).text
    assert text.split("\n\n") == ["## 小标题 & 更多", "第一行第二行", "■ 图片说明 王雷 摄", "要点一", "要点二"]


def tiny_png(width, height):
    """A PNG whose header claims width × height (the pixel data is never reached)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 16)) + chunk(b"IEND", b"")


def encrypted_pdf():
    """A PDF with a standard security handler whose password is not the empty one."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
            b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -44 >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += (b"trailer\n<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef>"
            b" <0123456789abcdef0123456789abcdef>] >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return bytes(out)


@pytest.fixture
def bad_files(tmp_path):
    good = (DATA / "page1.png").read_bytes()
    files = {
        "corrupt.png": good[: len(good) // 3],  # truncated mid-data
        "garbage.jpg": b"\xff\xd8\xff\xe0 this is not really a jpeg",
        "encrypted.pdf": encrypted_pdf(),
        "empty.tif": b"",
        "huge.png": tiny_png(20000, 20000),
        "broken.pdf": b"%PDF-1.4\n garbage",
        "broken.docx": b"PK\x03\x04 not a zip",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return tmp_path


@pytest.mark.parametrize("name, reason", [
    ("corrupt.png", "image data is damaged"),
    ("garbage.jpg", "not a readable image"),
    ("encrypted.pdf", "encrypted"),
    ("empty.tif", "the file is empty"),
    ("huge.png", "over the limit of 100 megapixels"),
    ("broken.pdf", "not a readable PDF"),
    ("broken.docx", "not a Word .docx file"),
])
def test_bad_input_is_one_clear_line(bad_files, name, reason):
    with pytest.raises(InputError) as err:
        read_page(bad_files / name)
    message = str(err.value)
    assert message.startswith(f"{bad_files / name}: ") and reason in message and "\n" not in message


def test_a_bad_file_leaves_the_rest_of_the_batch_unaffected(bad_files):
    names = ["corrupt.png", "sample.html", "encrypted.pdf", "empty.tif", "text.pdf", "huge.png", "sample.docx"]
    paths = [bad_files / n if (bad_files / n).exists() else DATA / n for n in names]
    results = read_many(paths)
    assert [r.path for r in results] == paths
    assert [r.ok for r in results] == [False, True, False, False, True, False, True]
    assert results[1].source.text == read_page(DATA / "sample.html").text
    assert results[4].source.kind == "pdf-text"
    assert all(r.error and r.error.startswith(str(r.path)) for r in results if not r.ok)
    assert "encrypted" in results[2].error
