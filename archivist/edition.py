"""Edition metadata of a page: paper, edition date, page (版次), section (版名), edition.

Inferred on import from what describes the page, never from what is printed in its
articles: the import dialog's "paper" field, the page's own furniture (masthead and folio
lines, as the splitter set them apart), the file name, its folders, a PDF's metadata.
Every value comes with its reason; a value nothing gives stays None (shown as missing).
"""
from __future__ import annotations

import datetime
import re
from pathlib import PurePath

FIELDS = ("paper", "date", "page", "section", "edition")
EDITABLE = (*FIELDS, "notes")
GUESSED = "guessed, unconfirmed"
BY_HAND = "set by hand"

_HAN = "\u3400-\u9fff"
_PAPER_WORDS = "日报|晚报|早报|晨报|时报|商报|周报|都市报|日報|晚報|時報|晶報|晶报|报|報"
# Short names used in file names of archives and crawls.
PAPER_CODES = {
    "rmrb": "人民日报", "qdrb": "青岛日报", "gmrb": "光明日报", "jjrb": "经济日报", "jfjb": "解放军报",
    "bjrb": "北京日报", "jfrb": "解放日报", "nfrb": "南方日报", "qingdao-daily": "青岛日报",
    "qingdaodaily": "青岛日报", "peoples-daily": "人民日报", "jingbao": "晶報",
}
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}

_DATE_ISO = re.compile(r"(?<!\d)((?:18|19|20)\d\d)[-_./]?(0[1-9]|1[0-2])[-_./]?(0[1-9]|[12]\d|3[01])(?!\d)")
_DATE_HAN = re.compile(r"((?:18|19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATE_MINGUO = re.compile(r"民[國国]\s*([一二三四五六七八九十〇零\d]{1,4})\s*年\s*([一二三四五六七八九十\d]{1,3})\s*月"
                          r"\s*([一二三四五六七八九十\d]{1,3})\s*日")
_PAGE_HAN = re.compile(r"第\s*([一二三四五六七八九十百〇零两\d]{1,4})\s*版")
_PAGE_LETTER = re.compile(r"(?<![A-Za-z])([A-H])\s*0?(\d{1,2})(?:版)?(?![\dA-Za-z])")
# At most three digits: page-0001 is a scanner's sequence number, not a printed page.
_PAGE_P = re.compile(r"(?<![A-Za-z])(?:p|page|pg)[-_]?(\d{1,3})(?:-(\d{1,3}))?(?!\d)", re.IGNORECASE)
_PAGE_AFTER_DATE = re.compile(r"^[-_]0*(\d{1,2})(?=[-_.]|$)")
_PAPER_NAME = re.compile(rf"[{_HAN}]{{1,8}}?(?:{_PAPER_WORDS})")
_MASTHEAD = re.compile(rf"^([{_HAN}A-Za-z·]{{1,10}}(?:{_PAPER_WORDS}))(?:[ \t\u3000]+([{_HAN}]{{1,8}}))?$")
_FOLIO_SECTION = re.compile(rf"^[ \t\u3000·|｜/]*([{_HAN}]{{2,8}})(?:[ \t\u3000]|$)")
_SECTION_LABEL = re.compile(rf"(?:版名|栏目)\s*[:：]\s*([{_HAN}A-Za-z]{{1,12}})")
_EDITION_WORD = re.compile(r"(早版|晚版|午版|特刊|号外|[A-H]叠)")
_WEEKDAY = re.compile(r"(?:星期|礼拜|週|周)[一二三四五六日天]")
_WEB_META_DATE = re.compile(r"^(?:(?:发布时间|发布日期|日期|时间)\s*[:：]\s*)?(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\s|$)")
_CREDIT = re.compile(r"记者|通讯员|实习生|摄|撰稿")


def _date(y, m, d) -> str | None:
    try:
        return datetime.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def _cn_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if "百" in text:
        return None
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    if all(c in _CN_DIGITS for c in text):
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    return None


def _set(out: dict, field: str, value, reason: str) -> None:
    """First source to give a value wins: callers go from the most to the least trusted."""
    if value and out.get(field) is None:
        out[field] = value
        out["reasons"][field] = reason


def _from_name(out: dict, name: str, where: str) -> None:
    """Date, page, edition and paper from one file or folder name."""
    iso = _DATE_ISO.search(name)
    m = iso or _DATE_HAN.search(name)
    if m:
        date = _date(*m.groups())
        if date:
            _set(out, "date", date, f"{where} '{m.group(0)}'")
            after = _PAGE_AFTER_DATE.match(name[m.end():])
            if after and iso is not None:  # rmrb crawl names: 20200101-01-02 = date-page-article
                _set(out, "page", str(int(after.group(1))), f"{where} '{m.group(0)}{after.group(0)}'")
    stem = _DATE_ISO.sub(" ", name)  # "20200103" must not read as page "A2…"
    if (p := _PAGE_HAN.search(stem)) and (n := _cn_number(p.group(1))):
        _set(out, "page", str(n), f"{where} '{p.group(0)}'")
    if p := _PAGE_P.search(stem):
        page = str(int(p.group(1))) + (f"-{int(p.group(2))}" if p.group(2) else "")
        _set(out, "page", page, f"{where} '{p.group(0)}'")
    if p := _PAGE_LETTER.search(stem):
        _set(out, "edition", p.group(1), f"{where} '{p.group(0)}'")
        _set(out, "page", str(int(p.group(2))), f"{where} '{p.group(0)}'")
    lowered = name.lower()
    for code, paper in sorted(PAPER_CODES.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"(?<![a-z]){re.escape(code)}(?![a-z])", lowered):
            _set(out, "paper", paper, f"{where} '{code}'")
    if p := _PAPER_NAME.search(name):
        _set(out, "paper", p.group(0), f"{where} '{p.group(0)}'")


def _from_furniture(out: dict, lines) -> None:
    """Masthead and folio lines: 青岛日报 / 2024年11月2日 星期六 / 第3版 / 要闻."""
    for raw in lines:
        line = str(raw).strip()
        if not line or len(line) > 60 or _CREDIT.search(line):
            continue  # a byline's "青岛日报/观海新闻记者" names the paper of a person, not the page
        quoted = f"'{line}'"
        if m := _MASTHEAD.match(line):
            _set(out, "paper", m.group(1), f"from masthead line {quoted}")
            if m.group(2):
                _set(out, "section", m.group(2), f"from masthead line {quoted}")
        if m := _DATE_HAN.search(line):
            if len(line) <= 30 or _WEEKDAY.search(line):
                _set(out, "date", _date(*m.groups()), f"from folio line {quoted}")
        elif (m := _DATE_MINGUO.search(line)) and len(line) <= 30:
            y, mo, d = (_cn_number(g) for g in m.groups())
            if y and mo and d:  # Republic of China era: 民國元年 = 1912
                _set(out, "date", _date(1911 + y, mo, d), f"from folio line {quoted}")
        elif m := _WEB_META_DATE.match(line):
            _set(out, "date", _date(*m.groups()), f"from the web page's date line {quoted}")
        if (m := _PAGE_HAN.search(line)) and (n := _cn_number(m.group(1))):
            _set(out, "page", str(n), f"from folio line {quoted}")
            rest = _FOLIO_SECTION.match(line[m.end():])
            if rest and not _WEEKDAY.fullmatch(rest.group(1)) and not re.search("[年月日]", rest.group(1)):
                _set(out, "section", rest.group(1), f"from folio line {quoted}")
        elif m := re.match(r"^([A-H])\s*0?(\d{1,2})(?:版)?(?=[ \t\u3000]|$)", line):
            _set(out, "edition", m.group(1), f"from folio line {quoted}")
            _set(out, "page", str(int(m.group(2))), f"from folio line {quoted}")
            rest = _FOLIO_SECTION.match(line[m.end():])
            if rest:
                _set(out, "section", rest.group(1), f"from folio line {quoted}")
        if m := _SECTION_LABEL.search(line):
            _set(out, "section", m.group(1), f"from folio line {quoted}")
        if (m := _EDITION_WORD.search(line)) and len(line) <= 30:
            _set(out, "edition", m.group(1), f"from folio line {quoted}")


def infer(path, furniture=(), pdf_meta: dict | None = None, paper: str | None = None,
          page_facts: dict | None = None) -> dict:
    """{"paper", "date", "page", "section", "edition": value or None, "reasons": {field: why}}.
    `path`: the file as imported (its name and up to three folders above it are read);
    `furniture`: the page's furniture lines from the splitter; `paper`: the import
    dialog's field; `page_facts`: {field: (value, reason)} known of this page of a
    multi-page file (its PDF page label or index, its file's other pages' masthead),
    weighed after its own furniture and before the file name. Article text is never an
    argument, so it can never set a value."""
    out: dict = dict.fromkeys(FIELDS) | {"reasons": {}}
    if paper and paper.strip():
        _set(out, "paper", paper.strip(), "from the import's paper field")
    _from_furniture(out, furniture or ())
    for field, (value, reason) in (page_facts or {}).items():
        _set(out, field, value, reason)
    p = PurePath(str(path))
    _from_name(out, p.stem, "from file name")
    for folder in list(p.parents)[:3]:
        if folder.name:
            _from_name(out, folder.name, "from folder")
    for key in ("Title", "Subject", "Keywords"):
        value = str((pdf_meta or {}).get(key) or "").strip()
        if value:
            _from_name(out, value[:200], f"from PDF metadata {key}")
    return out


def check_date(text: str | None) -> str | None:
    """A date as the user typed it (2024-11-02, 2024/11/2, 20241102, 2024年11月2日) →
    YYYY-MM-DD; "" or None → None (cleared). ValueError for anything else."""
    if text is None or not str(text).strip():
        return None
    text = str(text).strip()
    m = re.fullmatch(r"(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?", text)
    if m and (date := _date(*m.groups())):
        return date
    raise ValueError(f"not a date: {text!r} (use YYYY-MM-DD)")
