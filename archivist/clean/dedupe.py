"""Repeated text in an article body: exact and near copies, paragraphs contained in
others, and sentences printed twice. The first copy stays; nothing unique is removed."""
from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import fuzz

from archivist.clean.common import key, loses_nothing, sentences
from archivist.clean.edits import record_remove, replace_spans
from archivist.split.model import Article, Fix

MIN_CONTAINED = 10  # shorter paragraphs ("是的。") repeat legitimately
MIN_SENTENCE = 12
MAX_PULL_QUOTE = 80
NEAR_RATIO = 90
NEAR_MAX_LEN = 5000
_ARTIFACT_HINT = re.compile(r"[\u4e00-\u9fff]\s*(?:[A-Za-z]+|[,:;?!()])\s*[\u4e00-\u9fff]?")


def _paragraphs(a: Article) -> list[int]:
    return [i for i, b in enumerate(a.blocks) if b.kind == "paragraph"]


def _preview(text: str) -> str:
    return text[:14] + ("…" if len(text) > 14 else "")


def exact(a: Article) -> list[Fix]:
    """dedupe.exact: a paragraph identical to an earlier one."""
    seen: dict[str, int] = {}
    doomed: list[tuple[int, str]] = []
    for i in _paragraphs(a):
        k = key(a.blocks[i].text)
        if k in seen:
            doomed.append((i, a.blocks[seen[k]].text))
        else:
            seen[k] = i
    return [record_remove(a, "dedupe.exact", i, f"same as the paragraph “{_preview(t)}”")
            for i, t in reversed(doomed)]


def contained(a: Article) -> list[Fix]:
    """dedupe.contained: a paragraph whose whole text stands inside a longer one (pull-quotes)."""
    fixes: list[Fix] = []
    while True:
        idx = _paragraphs(a)
        keys = [key(a.blocks[i].text) for i in idx]
        pool = "\x00".join(keys)
        hit = None
        for n in range(len(idx) - 1, -1, -1):
            k = keys[n]
            if len(k) >= MIN_CONTAINED and pool.count(k) > 1:
                host = next(m for m in range(len(idx)) if m != n and k in keys[m])
                # A later paragraph glued from this one is dedupe.sentence's to trim;
                # here go pull-quotes (short) and later copies.
                if len(keys[host]) > len(k) and (host < n or len(k) <= MAX_PULL_QUOTE):
                    hit = (idx[n], a.blocks[idx[host]].text)
                    break
        if hit is None:
            return fixes
        fixes.append(record_remove(a, "dedupe.contained", hit[0], f"contained in “{_preview(hit[1])}”"))


def _quality(text: str) -> tuple[int, int]:
    # Fewer half-width marks and English artefacts between Han is better; then longer.
    return (-len(_ARTIFACT_HINT.findall(text)), len(text))


def near(a: Article) -> list[Fix]:
    """dedupe.near: two paragraphs that differ in a few characters; keep the better one."""
    idx = [i for i in _paragraphs(a) if 20 <= len(a.blocks[i].text) <= NEAR_MAX_LEN]
    keys = {i: key(a.blocks[i].text) for i in idx}
    buckets: dict[int, list[int]] = defaultdict(list)
    doomed: dict[int, int] = {}
    for i in idx:
        k = keys[i]
        sketch = sorted({hash(k[j:j + 5]) for j in range(len(k) - 4)})[:4]
        cands = {c for h in sketch for c in buckets[h]}
        for c in sorted(cands):
            if c in doomed or not 0.85 <= len(k) / len(keys[c]) <= 1.18:
                continue
            if fuzz.ratio(k, keys[c]) >= NEAR_RATIO and k != keys[c]:
                keep, drop = sorted((c, i), key=lambda x: _quality(a.blocks[x].text), reverse=True)
                if loses_nothing(a.blocks[drop].text, [a.blocks[keep].text]):
                    doomed[drop] = keep
                    break
        for h in sketch:
            buckets[h].append(i)
    return [record_remove(a, "dedupe.near", i, f"nearly the same as “{_preview(a.blocks[doomed[i]].text)}”")
            for i in sorted(doomed, reverse=True)]


def repeated_sentences(a: Article) -> list[Fix]:
    """dedupe.compound / dedupe.sentence: a later paragraph built from sentences that
    already stand in other paragraphs loses those sentences (all of them: the paragraph)."""
    fixes: list[Fix] = []
    idx = _paragraphs(a)
    keys = {i: key(a.blocks[i].text) for i in idx}
    pool = "\x00".join(keys.values())
    for i in reversed(idx):
        text = a.blocks[i].text
        spans = sentences(text)
        if len(spans) < 2:
            continue
        mine = keys[i]
        dup = []
        for s, e in spans:
            k = key(text[s:e])
            if len(k) >= MIN_SENTENCE and pool.count(k) > mine.count(k):
                dup.append((s, e))
        if not dup:
            continue
        if len(dup) == len(spans) and sum(e - s for s, e in dup) >= len(text.strip()):
            others = [a.blocks[j].text for j in idx if j != i]
            if loses_nothing(text, others):
                fixes.append(record_remove(a, "dedupe.compound", i,
                                           "every sentence of it stands in other paragraphs"))
                keys.pop(i)
                idx = [j for j in idx if j != i]
                idx = [j - 1 if j > i else j for j in idx]
                keys = {(j - 1 if j > i else j): k for j, k in keys.items()}
                pool = "\x00".join(keys.values())
                continue
        made = replace_spans(a, "dedupe.sentence", "blocks", i,
                             [(s, e, "", "sentence also in another paragraph") for s, e in dup])
        if made:
            fixes += made
            keys[i] = key(a.blocks[i].text)
            pool = "\x00".join(keys.values())
    return fixes
