"""The cleaning pipeline: a list of named steps, each returning the fixes it made.

Whole-paragraph steps run first (dedupe, then rejoin), character steps after them, so
that no character fix ever sits in a paragraph a later step removes.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from archivist.clean import dedupe
from archivist.clean.artifacts import fix_artifacts
from archivist.clean.names import fix_spaced_names
from archivist.clean.punctuation import fix_punctuation
from archivist.clean.rejoin import rejoin
from archivist.model import Article, Fix

ArticleStep = Callable[[Article], list[Fix]]
TextStep = Callable[[Article, str, "int | None"], list[Fix]]

ARTICLE_STEPS: list[tuple[str, ArticleStep]] = [
    ("dedupe.exact", dedupe.exact),
    ("dedupe.contained", dedupe.contained),
    ("dedupe.near", dedupe.near),
    ("dedupe.sentence", dedupe.repeated_sentences),
    ("rejoin.paragraph", rejoin),
]
TEXT_STEPS: list[tuple[str, TextStep]] = [
    ("artifact", fix_artifacts),
    ("names.spaced", fix_spaced_names),
    ("punct.width", fix_punctuation),
]

# Every rule name a fix can carry, for the README and the GUI's legend.
RULES = {
    "dedupe.exact": "a paragraph identical to an earlier one is removed",
    "dedupe.contained": "a paragraph whose text stands inside a longer one (a pull-quote) is removed",
    "dedupe.near": "of two paragraphs differing in a few characters, the worse is removed",
    "dedupe.compound": "a paragraph made only of sentences found in other paragraphs is removed",
    "dedupe.sentence": "a sentence repeated from another paragraph is removed from the later one",
    "dedupe.overlap": "text repeated at a column or page break is removed",
    "rejoin.paragraph": "a paragraph broken mid-sentence is joined to its continuation",
    "artifact.etc": "English 'etc' between Chinese words → 等",
    "artifact.and": "English 'and' between Chinese words → 和",
    "artifact.or": "English 'or' between Chinese words → 或",
    "artifact.with": "English 'with' between Chinese words → 与",
    "artifact.vs": "English 'vs' between Chinese words → 对",
    "artifact.amp": "'&' between Chinese words → 和",
    "names.spaced": "a space inside a two-character name is removed (刘 萍 → 刘萍)",
    "punct.width": "half-width , : ; ? ! ( ) in Chinese text → full-width",
}


def _text_slots(a: Article):
    for field in ("kicker", "headline", "subtitle"):
        if getattr(a, field):
            yield field, None
    for field in ("deck", "captions"):
        for i in range(len(getattr(a, field))):
            yield field, i
    for i in range(len(a.blocks)):
        yield "blocks", i


def clean_article(a: Article) -> Article:
    for _, step in ARTICLE_STEPS:
        step(a)
    # A character step sees only the fixes of the text it works on (all it may shift):
    # a pass over the whole list for every text made 20,000 punctuated paragraphs quadratic.
    # New fixes join the article's list in the same order as before.
    everything = a.fixes
    own: dict[tuple[str, int | None], list[Fix]] = defaultdict(list)
    for f in everything:
        if f.action != "remove":
            own[(f.field, f.block)].append(f)
    try:
        for field, idx in list(_text_slots(a)):
            a.fixes = list(own.get((field, idx), ()))
            before = len(a.fixes)
            for _, step in TEXT_STEPS:
                step(a, field, idx)
            everything.extend(a.fixes[before:])
    finally:
        a.fixes = everything
    return a
