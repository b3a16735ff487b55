"""Keyword extraction with jieba (TF-IDF), imported only when a suggestion is asked for."""
from __future__ import annotations

import logging
import re
import warnings
from functools import lru_cache

_HAN = re.compile(r"[\u3400-\u9fff]")


@lru_cache(maxsize=1)
def _extractor():
    with warnings.catch_warnings():
        # jieba 0.42 reads its IDF file without closing it; that warning is jieba's.
        warnings.simplefilter("ignore", ResourceWarning)
        import jieba  # noqa: PLC0415
        import jieba.analyse  # noqa: PLC0415

    jieba.setLogLevel(logging.WARNING)  # jieba prints its dictionary load to stderr otherwise
    return jieba.analyse


def keywords(text: str, k: int = 8) -> list[str]:
    """Up to k keywords, best first; only words with a Han character of two or more
    characters (one-character words and numbers make poor tags)."""
    words = _extractor().extract_tags(text, topK=k * 3)
    return [w for w in words if len(w) >= 2 and _HAN.search(w)][:k]
