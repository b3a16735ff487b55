"""Turn the bytes of an input file into text, detecting the encoding.

Order matters: BOMs are certain, strict UTF-8 is nearly certain (random GBK bytes are
seldom valid UTF-8), then the CJK legacy codecs are tried before asking
charset-normalizer, which guesses poorly on short Chinese text.
"""
from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from archivist.errors import InputError
from archivist.text.controls import strip_controls

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Source:
    """An input file as it came (bytes, never changed) and its decoded text."""

    path: str
    data: bytes
    text: str
    encoding: str
    sha256: str
    # For scans and other formats: how the text was obtained ("text", "ocr", "pdf-text",
    # "docx", "html") and, where known, where each line stood on the page image.
    kind: str = "text"
    layout: tuple = ()


def _han_share(text: str) -> float:
    if not text:
        return 0.0
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return han / len(text)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raises InputError for binary or undecodable data."""
    if not data:
        raise InputError("the file is empty")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), "utf-16" if name == "utf-16" else name
            except UnicodeDecodeError as exc:
                raise InputError(f"the file starts with a {name} mark but is not valid {name}") from exc
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise InputError("the file holds binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # Big5 and GB18030 overlap; prefer the reading with more common Han characters.
    candidates = []
    for name in ("gb18030", "big5"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        candidates.append((_common_han_score(text), name, text))
    if candidates:
        candidates.sort(key=lambda c: c[0], reverse=True)
        score, name, text = candidates[0]
        if score > 0.3:
            return text, name
    from charset_normalizer import from_bytes  # noqa: PLC0415 - only for text that is not UTF-8 or UTF-16

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        text = str(best)
        if _han_share(text) > 0 or best.encoding in {"ascii", "utf_8"}:
            return text, best.encoding.replace("_", "-")
    bad = utf8_error.start
    line = data.count(b"\n", 0, bad) + 1
    raise InputError(f"the file is not text in a known encoding (tried UTF-8, UTF-16, GB18030, Big5);"
                     f" as UTF-8, byte 0x{data[bad]:02x} at offset {bad:,} (line {line}) is invalid")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a byte order mark: NUL bytes in every other position, and the text
    decodes to letters, Han and ordinary punctuation."""
    if len(data) < 4 or len(data) % 2:
        return None
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if len(_UTF16_TEXT.findall(text)) >= 0.95 * len(text):  # random bytes: about a third
            return text, name
    return None


# What a page holds: white space, ASCII, Latin-1, general and CJK punctuation, Han,
# full-width forms.
_UTF16_TEXT = re.compile("[\t\n\r\x20-\x7e\xa0-\xff\u2000-\u206f\u3000-\u303f\u3400-\u4dbf"
                         "\u4e00-\u9fff\uff00-\uffef]")


# The 500 most frequent Han characters cover most newspaper text in either script;
# a wrong codec produces rare characters instead.
_COMMON = set(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里"
    "用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实"
    "日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政"
    "美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员"
    "解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件"
    "计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象"
    "完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改"
    "收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调"
    "深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企"
    "們這個來時為國說對會過後裡發從還進無與長問見區關點現種經開當實動學體給將機頭電產兩東麼樣應話數員聽"
)


def _common_han_score(text: str) -> float:
    han = [ch for ch in text if "\u3400" <= ch <= "\u9fff"]
    if not han:
        return 0.0
    return sum(1 for ch in han if ch in _COMMON) / len(han)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def mib(n: int) -> str:
    return f"{n / 2**20:.1f}".removesuffix(".0") + " MiB"


def read_file_bytes(p: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of an input file of any format, or an InputError with a one-line reason.
    Only regular files are read (a FIFO would block for ever, /dev/zero never end), and
    never more than max_bytes, whatever the size the file system reports."""
    try:
        info = os.stat(p)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(f"{p}: a loop of symbolic links") from None
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            raise InputError(f"{p}: no such file" + (" (a broken symbolic link)" if p.is_symlink() else "")) from None
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{p}: is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{p}: is {_kind(info.st_mode)}, not a file")
    if info.st_size > max_bytes:
        raise InputError(f"{p}: file is {mib(info.st_size)}, over the {mib(max_bytes)} limit")
    try:
        # O_NONBLOCK: should it have become a FIFO since the stat, opening does not hang.
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise InputError(f"{p}: is not a regular file")
            data = fh.read(max_bytes + 1)
    except MemoryError:
        raise InputError(f"{p}: not enough memory to read it") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(f"{p}: file is over the {mib(max_bytes)} limit")
    return data


def read_source(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read one text page. Every failure is an InputError with a one-line reason."""
    p = Path(path)
    data = read_file_bytes(p, max_bytes)
    try:
        text, encoding = decode_bytes(data)
    except InputError as exc:
        raise InputError(f"{p}: {exc}") from None
    try:
        text = strip_controls(normalise_newlines(text))
    except InputError as exc:
        raise InputError(f"{p}: {exc}") from None
    if not text.strip():
        raise InputError(f"{p}: the file holds only white space")
    return Source(str(p), data, text, encoding, hashlib.sha256(data).hexdigest())
