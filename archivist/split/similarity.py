"""Cheap topical similarity between pieces of one page: cosine over Han bigram counts."""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")


class Profile:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.chars = 0
        self._norm: float | None = None

    def add(self, texts: Iterable[str]) -> None:
        for text in texts:
            self.chars += len(text)
            for run in _HAN_RUN.findall(text):
                self.counts.update(run[k:k + 2] for k in range(len(run) - 1))
        self._norm = None

    @property
    def norm(self) -> float:
        if self._norm is None:
            self._norm = math.sqrt(sum(v * v for v in self.counts.values()))
        return self._norm

    def cosine(self, other: Profile) -> float:
        if not self.norm or not other.norm:
            return 0.0
        small, big = sorted((self.counts, other.counts), key=len)
        dot = sum(v * big.get(k, 0) for k, v in small.items())
        return dot / (self.norm * other.norm)
