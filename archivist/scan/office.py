"""Word (.docx) and HTML pages → text with markdown heading hints for the splitter.

Structure comes from the markup, not from geometry: Word heading styles and HTML
<h1>–<h6> become `#`…; paragraphs, list items, table cells and figure captions become
paragraphs; scripts, styles and other non-content is dropped.
"""
from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from io import BytesIO

from archivist.errors import InputError
from archivist.text.decode import decode_bytes

# Uncompressed size a .docx may claim before it is refused as a zip bomb.
MAX_DOCX_UNPACKED = 300 * 1024 * 1024
_CJK = r"\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
# A line break in HTML source between two Chinese characters is layout, not a space;
# a plain space is kept ("记者 刘萍", "本报讯 近日": the splitter reads those).
_BREAK_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])[ \t]*\n\s*(?=[{_CJK}])")


def tidy(text: str) -> str:
    """Drop source line breaks between Chinese characters; collapse other white space."""
    text = _BREAK_BETWEEN_CJK.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def _heading_level(style_name: str) -> int:
    name = (style_name or "").strip().lower()
    if name == "title":
        return 1
    m = re.match(r"(heading|标题)\s*(\d)", name)
    return min(int(m.group(2)), 6) if m else 0


def docx_text(data: bytes) -> str:
    try:
        with zipfile.ZipFile(BytesIO(data)) as zf:
            if sum(i.file_size for i in zf.infolist()) > MAX_DOCX_UNPACKED:
                raise InputError("the Word file unpacks to an implausible size (a zip bomb?)")
    except zipfile.BadZipFile:
        raise InputError("not a Word .docx file (not a zip package; old .doc files are not supported)") from None
    from docx import Document  # noqa: PLC0415
    from docx.table import Table  # noqa: PLC0415
    from docx.text.paragraph import Paragraph  # noqa: PLC0415

    try:
        doc = Document(BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises KeyError, ValueError, PackageNotFoundError …
        raise InputError(f"not a readable Word .docx file ({type(exc).__name__}: {exc})") from None
    paras: list[str] = []

    def add(p: Paragraph) -> None:
        text = tidy(p.text)
        if text:
            level = _heading_level(p.style.name if p.style is not None else "")
            paras.append("#" * level + " " + text if level else text)

    for child in doc.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            add(Paragraph(child, doc))
        elif tag == "tbl":
            for row in Table(child, doc).rows:
                for cell in row.cells:
                    for p in cell.paragraphs:
                        add(p)
    return "\n\n".join(paras)


class _HtmlText(HTMLParser):
    BLOCKS = {"p", "div", "section", "article", "header", "footer", "main", "aside", "li", "ul", "ol",
              "table", "tr", "td", "th", "blockquote", "pre", "figure", "figcaption", "dd", "dt",
              "body", "br", "hr", "caption", "address", "nav"}
    # not "head": an unclosed <head> would hide the whole page
    SKIP = {"script", "style", "noscript", "template", "title", "svg", "iframe", "object"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paras: list[str] = []
        self.buf: list[str] = []
        self.level = 0
        self.skipping = 0

    def flush(self) -> None:
        text = tidy("".join(self.buf))
        if text:
            self.paras.append("#" * self.level + " " + text if self.level else text)
        self.buf = []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif re.fullmatch(r"h[1-6]", tag):
            self.flush()
            self.level = int(tag[1])
        elif tag in self.BLOCKS:
            self.flush()

    def handle_startendtag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.flush()

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif re.fullmatch(r"h[1-6]", tag):
            self.flush()
            self.level = 0
        elif tag in self.BLOCKS:
            self.flush()

    def handle_data(self, data):
        if not self.skipping:
            self.buf.append(data)


def _html_decode(data: bytes) -> str:
    head = data[:4096].decode("ascii", "ignore")
    m = re.search(r"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", head, re.I)
    if m and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode(m.group(1))
        except (LookupError, UnicodeDecodeError):
            pass
    text, _enc = decode_bytes(data)
    return text


def html_text(data: bytes) -> str:
    parser = _HtmlText()
    parser.feed(_html_decode(data))
    parser.close()
    parser.flush()
    return "\n\n".join(parser.paras)
