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
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.chars = 0
        self.pairs = 0
        self._norm: float | None = None

    def add(self, texts: Iterable[str]) -> None:
        for text in texts:
            self.chars += len(text)
            if self.pairs > PROFILE_PAIRS:
                continue  # enough to know what it is about
            # The head of a text tells its topic; reading all of a huge one costs linear time for nothing.
            han = _NOT_HAN.sub("", text[:SAMPLE_CHARS])  # pairs across a gap add little noise
            self.counts.update(map(add, han, han[1:]))
            self.pairs += max(0, len(han) - 1)
        self._norm = None

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
