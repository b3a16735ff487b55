"""Make the scan fixtures from sample.txt (run once; the outputs are committed).

    apt-get install -y fonts-noto-cjk          # only needed here, never at test time
    .venv/bin/python tests/data/scan/make_fixtures.py

Writes beside this file:
  page1.png        article 1 set in two columns under a headline spanning both
  page2.png        articles 2 and 3 in three columns, the second headline mid-page
  page2-noisy.jpg  page2 as a poor scan: grey paper, speckle, blur, rotated 0.8°
  pages.tif        page1 and page2 as one two-page bilevel TIFF
  scan.pdf         both pages as images only (no text layer)
  text.pdf         both pages as real text (a text layer, nothing to OCR)
  sample.docx      sample.txt as Word: headings styled "Heading 1"
  sample.html      sample.txt as HTML with a script and a style that must be dropped
  truth.json       per image: the text as typeset, paragraph by paragraph, in reading order
Deterministic: the noise uses a fixed seed.
"""
from __future__ import annotations

import json
import random
from html import escape
from pathlib import Path

from docx import Document
from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
FONT_BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
SC = 2  # index of "Noto Sans CJK SC" inside the collection
BODY, HEAD = 22, 40
LEADING = 1.45  # line pitch as a multiple of the font size
DPI = 150


def articles() -> list[dict]:
    out = []
    for chunk in HERE.joinpath("sample.txt").read_text(encoding="utf-8").split("# ")[1:]:
        paras = [p.strip() for p in chunk.split("\n\n") if p.strip()]
        out.append({"headline": paras[0], "byline": paras[1], "paras": paras[2:]})
    return out


def font(size, bold=False):
    return ImageFont.truetype(FONT_BOLD if bold else FONT, size, index=SC)


NO_LINE_START = set("，。、；：？！”’）》」』】")


def wrap(text, width, first_indent, f):
    """Break a paragraph into lines of at most `width` px; closing punctuation never starts
    a line (it hangs into the margin instead, as newspapers set it)."""
    lines, line, x = [], "", first_indent
    for ch in text:
        w = f.getlength(ch)
        if x + w > width and line and ch not in NO_LINE_START:
            lines.append(line)
            line, x = "", 0
        line += ch
        x += w
    if line:
        lines.append(line)
    return lines


def set_columns(paras, cols, top, left, col_w, gutter):
    """Typeset paragraphs into balanced columns; a paragraph may run on into the next column."""
    f = font(BODY)
    pitch = int(BODY * LEADING)
    lines = []  # (indent px, text)
    for p in paras:
        for i, ln in enumerate(wrap(p, col_w, 2 * BODY, f)):
            lines.append((2 * BODY if i == 0 else 0, ln))
    per_col = -(-len(lines) // cols)
    drawn = []
    for n, (indent, text) in enumerate(lines):
        c, r = divmod(n, per_col)
        drawn.append({"x": left + c * (col_w + gutter) + indent, "y": top + r * pitch,
                      "size": BODY, "text": text})
    return drawn, top + per_col * pitch


def layout_page(arts, width, cols, margin=40, gutter=34):
    col_w = (width - 2 * margin - (cols - 1) * gutter) // cols
    y, drawn = margin, []
    for a in arts:
        hf = font(HEAD, bold=True)
        hw = hf.getlength(a["headline"])
        drawn.append({"x": int((width - hw) / 2), "y": y, "size": HEAD, "text": a["headline"], "bold": True})
        y += int(HEAD * 1.6)
        drawn.append({"x": margin, "y": y, "size": BODY, "text": a["byline"]})
        y += int(BODY * LEADING * 1.3)
        body, y = set_columns(a["paras"], cols, y, margin, col_w, gutter)
        drawn += body
        y += int(BODY * 1.5)
    return drawn, y + margin


def render(drawn, width, height):
    img = Image.new("L", (width, height), 255)
    d = ImageDraw.Draw(img)
    for item in drawn:
        d.text((item["x"], item["y"]), item["text"], font=font(item["size"], item.get("bold", False)), fill=0)
    return img


def scanned(img):
    rnd = random.Random(7)
    out = img.point(lambda v: int(45 + v * (236 - 45) / 255))  # grey paper, worn ink
    px = out.load()
    for _ in range(img.size[0] * img.size[1] // 60):
        x, y = rnd.randrange(img.size[0]), rnd.randrange(img.size[1])
        px[x, y] = rnd.choice((90, 160, 200, 255))
    out = out.filter(ImageFilter.GaussianBlur(0.6))
    return out.rotate(0.8, resample=Image.BICUBIC, expand=False, fillcolor=236)


def pdf_text_page(drawn, width, height):
    """Content stream drawing each line as text in a CJK font PDF readers know without embedding."""
    k = 72 / DPI
    ops = ["BT"]
    for item in drawn:
        size = item["size"] * k
        x = item["x"] * k
        y = (height - item["y"] - item["size"] * 1.1) * k  # baseline, from the bottom
        hexs = "".join(f"{ord(c):04X}" for c in item["text"])
        ops.append(f"/F1 {size:.2f} Tf 1 0 0 1 {x:.2f} {y:.2f} Tm <{hexs}> Tj")
    ops.append("ET")
    return "\n".join(ops).encode("ascii"), (width * k, height * k)


def write_text_pdf(pages, path):
    """A small hand-written PDF: Type0 font STSong-Light (UniGB-UCS2-H) with a ToUnicode map."""
    objs = []

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
    f1 = add(b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
             b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid, tu))
    pages_id = len(objs) + 1 + 2 * len(pages)
    kids = []
    for stream, (w, h) in pages:
        c = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, w, h, c, f1)))
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>"
               % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))) == pages_id
    root = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, root, xref)
    path.write_bytes(bytes(out))


def write_docx(arts, path):
    doc = Document()
    for a in arts:
        doc.add_heading(a["headline"], level=1)
        doc.add_paragraph(a["byline"])
        for p in a["paras"]:
            doc.add_paragraph(p)
    doc.save(path)


def write_html(arts, path):
    parts = ["<!doctype html><html><head><meta charset='utf-8'><title>样张</title>",
             "<style>p { color: red }</style><script>var 不要 = '脚本里的字';</script></head><body>"]
    for a in arts:
        parts.append(f"<article><h1>{escape(a['headline'])}</h1><p class='by'>{escape(a['byline'])}</p>")
        parts += [f"<p>{escape(p)}</p>" for p in a["paras"]]
        parts.append("</article>")
    parts.append("</body></html>")
    path.write_text("\n".join(parts), encoding="utf-8")


def main():
    arts = articles()
    specs = [("page1", arts[:1], 900, 2), ("page2", arts[1:], 1000, 3)]
    truth, images, text_pages = {}, [], []
    for name, page_arts, width, cols in specs:
        drawn, height = layout_page(page_arts, width, cols)
        img = render(drawn, width, height)
        img.save(HERE / f"{name}.png", optimize=True, dpi=(DPI, DPI))
        images.append(img)
        text_pages.append(pdf_text_page(drawn, width, height))
        truth[f"{name}.png"] = [[a["headline"], a["byline"], *a["paras"]] for a in page_arts]
    scanned(images[1]).save(HERE / "page2-noisy.jpg", quality=70, dpi=(DPI, DPI))
    truth["page2-noisy.jpg"] = truth["page2.png"]
    # 1-bit like a fax-style archive scan; uncompressed because this Pillow's libtiff
    # encoders fail, and 1 bit per pixel keeps it small anyway.
    bilevel = [im.point(lambda v: 255 if v > 140 else 0).convert("1") for im in images]
    bilevel[0].save(HERE / "pages.tif", save_all=True, append_images=bilevel[1:], dpi=(DPI, DPI))
    images[0].save(HERE / "scan.pdf", save_all=True, append_images=images[1:], resolution=DPI)
    write_text_pdf(text_pages, HERE / "text.pdf")
    write_docx(arts, HERE / "sample.docx")
    write_html(arts, HERE / "sample.html")
    (HERE / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
