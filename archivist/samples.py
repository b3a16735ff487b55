"""The real sample pages bundled in resources/samples (from ../shared/samples): offered to a
new user, and the raw material of the benchmarks' and tests' generated pages."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"


def sample_paths() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))


@lru_cache(maxsize=1)
def sample_sentences() -> tuple[str, ...]:
    """Whole sentences of the sample pages (at least six Han characters in a row)."""
    out = []
    for path in sample_paths():
        for s in re.split(r"(?<=[。！？])", path.read_text(encoding="utf-8")):
            s = s.strip()
            if len(s) >= 12 and re.search(r"[\u4e00-\u9fff]{6}", s) and "\n" not in s:
                out.append(s)
    return tuple(out)
