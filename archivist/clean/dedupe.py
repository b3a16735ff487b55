"""Repeated text in an article body: exact and near copies, paragraphs contained in
others, and sentences printed twice. The first copy stays; nothing unique is removed."""
from __future__ import annotations

import heapq
import re
import unicodedata
from collections import defaultdict

from rapidfuzz import fuzz

from archivist.clean.artifacts import WORDS
from archivist.clean.common import key, loses_nothing, sentences
from archivist.clean.edits import record_removes, replace_spans
from archivist.model import Article, Fix

MIN_CONTAINED = 10  # shorter paragraphs ("是的。") repeat legitimately
MIN_SENTENCE = 12
MAX_PULL_QUOTE = 80
CONTAINED_WINDOW = 40
NEAR_CANDIDATES = 24
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
    return record_removes(a, "dedupe.exact", [(i, f"same as the paragraph “{_preview(t)}”")
                                              for i, t in reversed(doomed)])


def contained(a: Article) -> list[Fix]:
    """dedupe.contained: a paragraph whose whole text stands inside a longer one nearby
    (pull-quotes sit next to their source; the window keeps long pages linear)."""
    idx = _paragraphs(a)
    keys = [key(a.blocks[i].text) for i in idx]
    doomed: dict[int, int] = {}
    for n, k in enumerate(keys):
        if len(k) < MIN_CONTAINED:
            continue
        lo, hi = max(0, n - CONTAINED_WINDOW), min(len(keys), n + CONTAINED_WINDOW + 1)
        for m in range(lo, hi):
            if m == n or m in doomed or len(keys[m]) <= len(k) or k not in keys[m]:
                continue
            # A later paragraph glued from this one is dedupe.sentence's to trim;
            # here go pull-quotes (short) and later copies.
            if m < n or len(k) <= MAX_PULL_QUOTE:
                doomed[n] = m
                break
    return record_removes(a, "dedupe.contained", [
        (idx[n], f"contained in “{_preview(a.blocks[idx[doomed[n]]].text)}”") for n in sorted(doomed, reverse=True)])


_CLAUSE = re.compile(r"[，,。、；;：:！!？?“”\"（）()]+")


def _sketch(k: str) -> list[int]:
    """A few features two near copies most likely share: the smallest hashes of the
    clauses (a few changed characters spoil one or two), and the two ends."""
    clauses = {c for c in _CLAUSE.split(k) if len(c) >= 4}
    return heapq.nsmallest(4, map(hash, clauses)) + [hash(("<", k[:8])), hash((">", k[-8:]))]


_FIGURE = re.compile(r"\d+(?:[.,:]\d+)*%?|[A-Za-z]+")


def _figures(text: str) -> list[str]:
    """Digits and Latin tokens: content a Han-only comparison cannot see (8.2% vs 9.1%).
    The English artefact words (artifact.*) are left out: a copy with "etc" for 等 is
    still a copy."""
    found = _FIGURE.findall(unicodedata.normalize("NFKC", text))
    return sorted(t.lower() for t in found if t.lower() not in WORDS)


def _quality(text: str) -> tuple[int, int]:
    # Fewer half-width marks and English artefacts between Han is better; then longer.
    return (-len(_ARTIFACT_HINT.findall(text)), len(text))


def near(a: Article) -> list[Fix]:
    """dedupe.near: two paragraphs that differ in a few characters; keep the better one."""
    idx = [i for i in _paragraphs(a) if 20 <= len(a.blocks[i].text) <= NEAR_MAX_LEN]
    keys = {i: key(a.blocks[i].text) for i in idx}
    buckets: dict[int, list[int]] = defaultdict(list)
    doomed: dict[int, int] = {}
    seen_figures: dict[int, list[str]] = {}

    def figures(j: int) -> list[str]:  # once per paragraph, not once per candidate pair
        if j not in seen_figures:
            seen_figures[j] = _figures(a.blocks[j].text)
        return seen_figures[j]

    for i in idx:
        k = keys[i]
        sketch = _sketch(k)
        cands = {c for h in sketch for c in buckets[h][-NEAR_CANDIDATES:]}
        for c in sorted(cands):
            if c in doomed or not 0.85 <= len(k) / len(keys[c]) <= 1.18:
                continue
            if fuzz.ratio(k, keys[c]) >= NEAR_RATIO and k != keys[c] and figures(i) == figures(c):
                keep, drop = sorted((c, i), key=lambda x: _quality(a.blocks[x].text), reverse=True)
                if loses_nothing(a.blocks[drop].text, [a.blocks[keep].text]):
                    doomed[drop] = keep
                    break
        for h in sketch:
            buckets[h].append(i)
    return record_removes(a, "dedupe.near", [
        (i, f"nearly the same as “{_preview(a.blocks[doomed[i]].text)}”") for i in sorted(doomed, reverse=True)])


def repeated_sentences(a: Article) -> list[Fix]:
    """dedupe.compound / dedupe.sentence: a later paragraph built from sentences that
    already stand in other paragraphs (or earlier in itself) loses those sentences; made
    of nothing else, it goes whole. Later copies go first, so the earliest one stays."""
    fixes: list[Fix] = []
    idx = _paragraphs(a)
    spans: dict[int, list[tuple[int, int]]] = {}
    keys: dict[int, list[str]] = {}
    alive: dict[str, int] = defaultdict(int)  # sentence key -> copies still in the text
    for i in idx:
        text = a.blocks[i].text
        spans[i] = sentences(text)
        keys[i] = [key(text[s:e]) for s, e in spans[i]]
        for k in keys[i]:
            if len(k) >= MIN_SENTENCE:
                alive[k] += 1
    removed_blocks: list[int] = []
    for i in reversed(idx):
        dup = []
        for (s, e), k in zip(reversed(spans[i]), reversed(keys[i])):
            if len(k) >= MIN_SENTENCE and alive[k] > 1:
                alive[k] -= 1
                dup.append((s, e))
        if not dup:
            continue
        if len(dup) == len(spans[i]) >= 2:
            removed_blocks.append(i)  # every sentence stands elsewhere, word for word
            continue
        fixes += replace_spans(a, "dedupe.sentence", "blocks", i,
                               [(s, e, "", "sentence also in another paragraph") for s, e in dup])
    return fixes + record_removes(a, "dedupe.compound", [
        (i, "every sentence of it stands in other paragraphs") for i in sorted(removed_blocks, reverse=True)])
