"""Which words mark page furniture: character pairs fitted on the labelled corpus.

Rate boxes, subscription terms, copyright notices, postal registration lines and editors'
lines use words of their own (定報價格, 廣吿刊例, 版權所有, 掛號, 责编, 版式设计) that recur
issue after issue and seldom occur in articles. A line's count of such pairs is evidence
for the line model (features.own), never a decision.

Fitted by tools/train_lines.py (`make train`) from the composed corpus, on the Simplified
fold of each line (archivist.text.script): a pair enters when it occurs in furniture lines
of at least MIN_PAGES different source pages (it recurs: that is what furniture does) and
is at least ODDS times likelier in a furniture line than in an article line.
"""
from __future__ import annotations

import functools
import math
import re
from collections import Counter
from pathlib import Path

from archivist.split.patterns import HAN

PATH = Path(__file__).with_name("models") / "furniture_pairs.txt"
MIN_PAGES = 3
ODDS = 8.0
_HAN_RUN = re.compile(f"[{HAN}]{{2,}}")
_FURNITURE_LABELS = ("furniture", "placeholder", "credit")


def pairs_of(text: str) -> set[str]:
    """The pairs of Han characters in a (Simplified) line's first 80 characters."""
    out: set[str] = set()
    for run in _HAN_RUN.findall(text[:80]):
        out.update(run[i:i + 2] for i in range(len(run) - 1))
    return out


_active: Path | None = None


def use(path: Path | None) -> None:
    """Read the pairs from this file from now on (a fit that leaves a source out); None:
    the shipped one."""
    global _active
    _active = path
    furniture_pairs.cache_clear()
    _finder.cache_clear()


@functools.cache
def furniture_pairs() -> frozenset[str]:
    path = _active or PATH
    if not path.exists():
        return frozenset()
    return frozenset(x for x in path.read_text(encoding="utf-8").split("\n") if x and not x.startswith("#"))


@functools.cache
def _finder() -> re.Pattern | None:
    # Every two characters that start with a pair's first character, overlapping, found in
    # one C-level scan; the set intersection keeps the pairs (7× faster than an
    # alternation of the pairs, on the line path's every line).
    firsts = sorted({p[0] for p in furniture_pairs()})
    return re.compile("(?=([" + "".join(map(re.escape, firsts)) + "].))") if firsts else None


def hits(text: str) -> int:
    """How many distinct furniture pairs a Simplified line's first 80 characters hold."""
    finder = _finder()
    return len(furniture_pairs().intersection(finder.findall(text[:80]))) if finder else 0


def fit(lines) -> list[str]:
    """The furniture pairs from (source page, Simplified text, label) lines; each distinct
    line is counted once per source page, whatever number of dump styles rendered it."""
    seen: set[tuple[str, str]] = set()
    in_furniture: Counter = Counter()
    in_articles: Counter = Counter()
    pages_of: dict[str, set[str]] = {}
    n_furniture = n_articles = 0
    for page, text, label in lines:
        if (page, text) in seen:
            continue
        seen.add((page, text))
        grams = pairs_of(text)
        if label.lstrip("^") in _FURNITURE_LABELS:
            n_furniture += 1
            in_furniture.update(grams)
            for g in grams:
                pages_of.setdefault(g, set()).add(page)
        else:
            n_articles += 1
            in_articles.update(grams)
    keep = []
    for g, n in in_furniture.items():
        odds = ((n + 0.5) / max(n_furniture, 1)) / ((in_articles[g] + 0.5) / max(n_articles, 1))
        if len(pages_of[g]) >= MIN_PAGES and math.log(odds) >= math.log(ODDS):
            keep.append(g)
    return sorted(keep)


def write(keep: list[str], path: Path = PATH) -> None:
    head = f"# furniture pairs: in >= {MIN_PAGES} source pages' furniture, >= {ODDS:g}x likelier than in articles\n"
    path.write_text(head + "\n".join(keep) + "\n", encoding="utf-8")
    furniture_pairs.cache_clear()
    _finder.cache_clear()
