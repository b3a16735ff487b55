"""Helpers shared by the cleaning rules: comparison keys, sentences, the no-loss guard."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from archivist.split.patterns import HAN

_WS = re.compile(r"\s+")
_NOT_HAN = re.compile(f"[^{HAN}]+")
_HAN_RUN6 = re.compile(f"[{HAN}]{{6,}}")
SENTENCE = re.compile(r"[^。！？!?]*(?:[。！？!?]+[”」』\"]?|$)")
TERMINAL = tuple("。！？!?…；;：:」』”\"）)】")


_COMPOSING = "\uffff"   # in a _KeyTable value: the text needs real NFKC


def _composes(ch: str) -> bool:
    """True for characters NFKC may combine with their neighbour (marks, conjoining jamo)."""
    return (unicodedata.category(ch)[0] == "M" or unicodedata.combining(ch) != 0
            or "\u1100" <= ch <= "\u11ff" or "\ua960" <= ch <= "\ua97f" or "\ud7b0" <= ch <= "\ud7ff")


class _KeyTable(dict):
    """str.translate table: a character → its NFKC form without white space, filled on
    first sight. Per character this equals NFKC of the whole text unless characters
    compose (a mark after a letter, Hangul jamo): those map to _COMPOSING, and key() then
    normalises the whole text. Twice as fast as NFKC on newspaper text."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        out = unicodedata.normalize("NFKC", ch)
        value = _COMPOSING if any(map(_composes, ch + out)) else "".join(c for c in out if not c.isspace())
        self[code] = value
        return value


_KEY_TABLE = _KeyTable()


@lru_cache(maxsize=8192)
def key(text: str) -> str:
    """What two copies of a text share however they were typed: NFKC, no white space, lower case."""
    fast = text.translate(_KEY_TABLE)
    if _COMPOSING in fast:
        return _WS.sub("", unicodedata.normalize("NFKC", text)).lower()
    return fast.lower()


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, the end punctuation (and a closing quote) included."""
    return [(m.start(), m.end()) for m in SENTENCE.finditer(text) if m.end() > m.start()]


def han_only(text: str) -> str:
    return _NOT_HAN.sub("", unicodedata.normalize("NFKC", text))


def loses_nothing(removed: str, kept: list[str]) -> bool:
    """True when every run of six or more Han characters of `removed` survives in `kept`."""
    runs = _HAN_RUN6.findall(unicodedata.normalize("NFKC", removed))
    if not runs:
        return True
    pool = "|".join(han_only(k) for k in kept)
    return all(r in pool for r in runs)


def is_han(ch: str) -> bool:
    return bool(ch) and ("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff")
