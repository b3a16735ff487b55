"""Multi-page files built in the test, as an archive's scanner or PDF export makes them:
a PDF with a text layer (a CJK font PDF readers know without embedding, so no font and
no OCR is needed) and an optional /PageLabels tree, and a multi-page TIFF of rendered
text (the bundled font), for the page records of each page."""
from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

from archivist.fonts import CJK_FONT

BODY, HEAD = 11, 22


def _text_page(lines: list[tuple[str, int]], width: float = 420, height: float = 600) -> bytes:
    ops, y = ["BT"], height - 40
    for text, size in lines:
        hexs = "".join(f"{ord(c):04X}" for c in text)
        ops.append(f"/F1 {size} Tf 1 0 0 1 40 {y:.1f} Tm <{hexs}> Tj")
        y -= size * 1.6
    ops.append("ET")
    return "\n".join(ops).encode("ascii")


def text_pdf(pages: list[list[tuple[str, int]]], labels: str | None = None, info: str | None = None) -> bytes:
    """`pages`: each a list of (line, font size) set top-down; `labels`: the /PageLabels
    number tree's body (e.g. "0 << /S /D /P (A) >>"); `info`: the document's Title."""
    objs: list[bytes] = []

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    tounicode = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /UCS def "
                 b"1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange "
                 b"<0000> <FFFF> <0000> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end")
    tu = add(b"<< /Length %d >>\nstream\n" % len(tounicode) + tounicode + b"\nendstream")
    desc = add(b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
               b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>")
    cid = add(b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo "
              b"<< /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor %d 0 R /DW 1000 "
              b"/W [1 95 500] >>" % desc)
    font = add(b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
               b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid, tu))
    pages_id = len(objs) + 1 + 2 * len(pages)
    kids = []
    for lines in pages:
        stream = _text_page(lines)
        c = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 420 600] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, c, font)))
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>"
               % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))) == pages_id
    extra = b" /PageLabels << /Nums [%s] >>" % labels.encode("ascii") if labels else b""
    root = add(b"<< /Type /Catalog /Pages %d 0 R%s >>" % (pages_id, extra))
    trailer_info = b""
    if info:
        title = b"<FEFF" + info.encode("utf-16-be").hex().upper().encode("ascii") + b">"
        trailer_info = b" /Info %d 0 R" % add(b"<< /Title %s >>" % title)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, root, trailer_info, xref)
    return bytes(out)


def tiff(pages: list[list[tuple[str, int]]], width: int = 900, height: int = 700) -> bytes:
    """A multi-page TIFF, each page its lines rendered black on white at the given pixel sizes."""
    images = []
    for lines in pages:
        im = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(im)
        y = 40
        for text, size in lines:
            draw.text((40, y), text, font=ImageFont.truetype(str(CJK_FONT), size), fill=0)
            y += int(size * 1.8)
        images.append(im)
    out = io.BytesIO()
    images[0].save(out, format="TIFF", save_all=True, append_images=images[1:], dpi=(150, 150))
    return out.getvalue()
