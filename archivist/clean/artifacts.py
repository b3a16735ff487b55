"""artifact.<word>: English words that stand for Chinese function words in converted
dumps ("档案管理 etc 50余个" → 等). Only between Chinese text: never in English
sentences, names or URLs, which have Latin letters on at least one side."""
from __future__ import annotations

import re

from archivist.clean.edits import get_text, replace_spans
from archivist.model import Article, Fix

WORDS = {"etc": "等", "and": "和", "or": "或", "with": "与", "vs": "对", "&": "和"}
_HAN = "\u3400-\u9fff"
_PATTERN = re.compile(
    rf"(?<=[{_HAN}、”」）])[ \t\u3000]*\b(etc|and|or|with|vs)\b\.?[ \t\u3000]*(?=[{_HAN}0-9“「（])"
    rf"|(?<=[{_HAN}])[ \t\u3000]*(&)[ \t\u3000]*(?=[{_HAN}])",
    re.IGNORECASE,
)


_LATIN = re.compile(r"[A-Za-z&]")


def fix_artifacts(a: Article, field: str, idx: int | None) -> list[Fix]:
    text = get_text(a, field, idx)
    if not _LATIN.search(text):
        return []
    fixes: list[Fix] = []
    by_word: dict[str, list] = {}
    for m in _PATTERN.finditer(text):
        word = (m.group(1) or m.group(2)).lower()
        by_word.setdefault(word, []).append(
            (m.start(), m.end(), WORDS[word], f"English '{word}' between Chinese words"))
    for word, edits in by_word.items():
        name = "amp" if word == "&" else word
        fixes += replace_spans(a, f"artifact.{name}", field, idx, edits)
    return fixes
