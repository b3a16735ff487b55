"""Traditional → Simplified by character, for evidence that is written in one script.

The line patterns (split.patterns) and the search index are written for Simplified text;
a Traditional page (a 1930s tabloid, a Hong Kong or Taiwan paper) is read through this
fold so 攝/摄, 記者/记者 and 報/报 are the same evidence. Characters only, from OpenCC's
table (its first candidate): no phrase conversion, and the text shown is never changed.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def t2s_chars() -> dict[str, str]:
    """OpenCC's Traditional→Simplified character table (first candidate), read directly:
    building opencc.OpenCC('t2s') also loads the phrase tables, which we do not use."""
    import opencc  # noqa: PLC0415 - only for its data folder

    table: dict[str, str] = {}
    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        first = values.split(" ")[0] if values else ""
        if len(key) == 1 and len(first) == 1:
            table[key] = first
    return table


@lru_cache(maxsize=1)
def _translation() -> dict[int, str]:
    return str.maketrans(t2s_chars())


@lru_cache(maxsize=1)
def _traditional() -> frozenset[str]:
    return frozenset(k for k, v in t2s_chars().items() if k != v)


def has_traditional(text: str) -> bool:
    """Whether the fold changes the text: a set test in C, most pages being Simplified."""
    return not _traditional().isdisjoint(text)


def to_simplified(text: str) -> str:
    """The text with each Traditional character replaced by its Simplified one."""
    return text.translate(_translation()) if has_traditional(text) else text
