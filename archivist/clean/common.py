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


@lru_cache(maxsize=8192)
def key(text: str) -> str:
    """What two copies of a text share however they were typed: NFKC, no white space, lower case."""
    return _WS.sub("", unicodedata.normalize("NFKC", text)).lower()


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
