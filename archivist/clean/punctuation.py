"""punct.width: half-width punctuation in Chinese text becomes full-width. Numbers
(43.2%, 1,000, 10:30), URLs and English sentences keep theirs: a mark is converted only
when a Han character (or Chinese punctuation) stands beside it."""
from __future__ import annotations

import re

from archivist.clean.edits import get_text, replace_spans
from archivist.model import Article, Fix

FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_CJK = "\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’《》「」『』、—…·"
# After Chinese; or before Chinese unless glued to a Latin word or number (but a comma
# or semicolon after one still separates Chinese clauses). Digit-mark-digit never matches.
_MARK = re.compile(rf"(?<=[{_CJK}])[,:;?!]|(?<![A-Za-z0-9])[,:;?!](?=[{_CJK}])|[,;](?=[{_CJK}])")
_CJK_CHAR = re.compile(f"[{_CJK}]")
_PARENS = re.compile(r"\(([^()\n]{0,200})\)")
_ANY = re.compile(r"[,:;?!(]")


def fix_punctuation(a: Article, field: str, idx: int | None) -> list[Fix]:
    text = get_text(a, field, idx)
    if not _ANY.search(text):
        return []
    reason = "half-width mark in Chinese text"
    edits = [(m.start(), m.end(), FULL[m.group()], reason) for m in _MARK.finditer(text)]
    if "(" in text:
        for m in _PARENS.finditer(text):
            s, e = m.start(), m.end()
            if _CJK_CHAR.match(text[s - 1:s]) or _CJK_CHAR.match(text[e:e + 1]) or _CJK_CHAR.search(m.group(1)):
                edits.append((s, s + 1, "（", "half-width parenthesis in Chinese text"))
                edits.append((e - 1, e, "）", "half-width parenthesis in Chinese text"))
    return replace_spans(a, "punct.width", field, idx, edits)
