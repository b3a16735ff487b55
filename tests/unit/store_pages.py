"""Generated newspaper pages for the library tests, built from the bundled sample pages'
sentences (deterministic for a given seed). Not a test module."""
from __future__ import annotations

import random
import re
from pathlib import Path

import opencc

from archivist.samples import SAMPLES, sample_sentences  # noqa: F401 - SAMPLES for the tests

LATIN = ["5G网络", "GDP增长5.2%", "App", "AI大模型", "2024年", "WiFi", "NBA", "iPhone 16", "COVID-19", "A股"]


def sentences() -> list[str]:
    return list(sample_sentences())


def to_traditional(text: str) -> str:
    return opencc.OpenCC("s2t").convert(text)


def page(rng: random.Random, articles: int = 2, traditional: bool = False) -> str:
    pool = sentences()
    parts = []
    for _ in range(articles):
        head = re.sub(r"[，。！？、：；“”《》（）\s]", "", rng.choice(pool))[: rng.randint(8, 18)]
        parts.append(head)
        for _ in range(rng.randint(2, 5)):
            para = "".join(rng.choice(pool) for _ in range(rng.randint(2, 4)))
            if rng.random() < 0.3:
                para = para[:-1] + f"，{rng.choice(LATIN)}。"
            parts.append(para)
    text = "\n\n".join(parts) + "\n"
    return to_traditional(text) if traditional else text


def write_pages(folder: Path, count: int, seed: int = 1, traditional_every: int = 5) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"page-2024-{1 + i % 12:02d}-{1 + i % 28:02d}-{i:04d}.txt"
        path.write_text(page(rng, rng.randint(1, 3), traditional=traditional_every and i % traditional_every == 1),
                        encoding="utf-8")
        paths.append(path)
    return paths
