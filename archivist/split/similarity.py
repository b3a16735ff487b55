"""Cheap topical similarity between pieces of one page: cosine over Han bigram counts."""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from operator import add

_NOT_HAN = re.compile(r"[^\u3400-\u9fff]+")
SAMPLE_CHARS = 600
PROFILE_PAIRS = 2000


class Profile:
    """Han bigram counts of some texts, counted only when first compared: most articles
    on a page are never compared with anything."""

    def __init__(self) -> None:
        self._counts: Counter[str] = Counter()
        self._pending: list[str] = []
        self.chars = 0
        self.pairs = 0
        self._norm: float | None = None

    def add(self, texts: Iterable[str]) -> None:
        for text in texts:
            self.chars += len(text)
            self._pending.append(text[:SAMPLE_CHARS])
        self._norm = None

    @property
    def counts(self) -> Counter[str]:
        for text in self._pending:
            if self.pairs > PROFILE_PAIRS:
                break  # enough to know what it is about
            han = _NOT_HAN.sub("", text)  # pairs across a gap add little noise
            self._counts.update(map(add, han, han[1:]))
            self.pairs += max(0, len(han) - 1)
        self._pending.clear()
        return self._counts

    @property
    def norm(self) -> float:
        if self._norm is None:
            self._norm = math.hypot(*self.counts.values()) if self.counts else 0.0
        return self._norm

    def cosine(self, other: Profile) -> float:
        if not self.norm or not other.norm:
            return 0.0
        small, big = sorted((self.counts, other.counts), key=len)
        dot = sum(small[k] * big[k] for k in small.keys() & big.keys())
        return dot / (self.norm * other.norm)
