"""punct.width: half-width punctuation in Chinese text becomes full-width. Numbers
(43.2%, 1,000, 10:30), URLs and English sentences keep theirs: a mark is converted only
when a Han character (or Chinese punctuation) stands beside it."""
from __future__ import annotations

import re

from archivist.clean.edits import get_text, replace_spans
from archivist.split.model import Article, Fix

FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’《》「」『』、—…·]")
_MARKS = re.compile(r"[,:;?!]")
_PARENS = re.compile(r"\(([^()\n]{0,200})\)")


def _cjk(ch: str) -> bool:
    return bool(ch) and bool(_CJK.match(ch))


def fix_punctuation(a: Article, field: str, idx: int | None) -> list[Fix]:
    text = get_text(a, field, idx)
    if not _MARKS.search(text) and "(" not in text:
        return []
    edits = []
    for m in _MARKS.finditer(text):
        s = m.start()
        before, after = text[s - 1:s], text[s + 1:s + 2]
        if before.isdigit() and after.isdigit():
            continue  # 1,000  10:30
        if _cjk(before) or (_cjk(after) and not before.isalnum()) or (_cjk(after) and m.group() in ",;"):
            edits.append((s, s + 1, FULL[m.group()], "half-width mark in Chinese text"))
    for m in _PARENS.finditer(text):
        s, e = m.start(), m.end()
        inner = m.group(1)
        if _cjk(text[s - 1:s]) or _cjk(text[e:e + 1]) or any(_cjk(c) for c in inner):
            edits.append((s, s + 1, "（", "half-width parenthesis in Chinese text"))
            edits.append((e - 1, e, "）", "half-width parenthesis in Chinese text"))
    return replace_spans(a, "punct.width", field, idx, edits)
