"""rejoin.paragraph: a paragraph broken mid-sentence (by a column break, a caption or a
pull-quote dropped between its halves) is joined again; dedupe.overlap drops the span a
break printed twice."""
from __future__ import annotations

from archivist.clean.common import TERMINAL, is_han
from archivist.clean.edits import record_join, replace_spans
from archivist.split.patterns import dateline_of
from archivist.model import Article, Fix

MIN_OVERLAP = 4
MAX_OVERLAP = 80


def _broken(text: str) -> bool:
    t = text.rstrip()
    return bool(t) and not t.endswith(TERMINAL) and not t.endswith("——")


def _overlap(first: str, second: str) -> int:
    limit = min(MAX_OVERLAP, len(first), len(second) - 1)
    for k in range(limit, MIN_OVERLAP - 1, -1):
        if first.endswith(second[:k]) and any(is_han(c) for c in second[:k]):
            return k
    return 0


def rejoin(a: Article) -> list[Fix]:
    fixes: list[Fix] = []
    i = 0
    while i < len(a.blocks) - 1:
        first, second = a.blocks[i], a.blocks[i + 1]
        if (first.kind == second.kind == "paragraph" and _broken(first.text)
                and not dateline_of(second.text)):
            k = _overlap(first.text, second.text)
            if k:
                fixes += replace_spans(a, "dedupe.overlap", "blocks", i + 1,
                                       [(0, k, "", "repeated at a column break")])
            fixes.append(record_join(a, "rejoin.paragraph", i, "paragraph broken mid-sentence"))
            continue
        i += 1
    return fixes
