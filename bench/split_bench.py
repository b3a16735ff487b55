"""Split + clean throughput on ≥20 MB of page text built from the samples, beside
jieba.lcut on the same text in the same run; a single-line page of 5 and 50 MB to
show the work grows linearly; pathological pages (20k tiny paragraphs, 1 MB of markup
noise, unclosed emphasis, code fences); and the dev pages (../shared/eval/sets) joined
into one file against the same pages one by one (goal: ≥ 2 MB/s, within 1.5x).

    .venv/bin/python bench/split_bench.py [--mb 20]
"""
from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from archivist.split import split_text

SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"
DEV_SETS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "sets"


def build_pages(total_bytes: int, seed: int = 1) -> list[str]:
    """Pages made from the samples' lines: shuffled paragraphs with repeats, as real dumps."""
    rng = random.Random(seed)
    pages = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    out, size = [], 0
    while size < total_bytes:
        base = rng.choice(pages)
        paras = base.split("\n\n")
        head, rest = paras[:6], paras[6:]
        rng.shuffle(rest)
        rest += rng.sample(rest, k=min(3, len(rest)))  # repeated paragraphs
        page = "\n\n".join(head + rest)
        out.append(page)
        size += len(page.encode("utf-8"))
    return out


def mb(text_or_pages) -> float:
    if isinstance(text_or_pages, str):
        return len(text_or_pages.encode("utf-8")) / 1e6
    return sum(len(p.encode("utf-8")) for p in text_or_pages) / 1e6


def timed(fn, *args) -> float:
    t = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=20.0)
    args = ap.parse_args()
    pages = build_pages(int(args.mb * 1e6))
    size = mb(pages)

    t_split = timed(lambda: [split_text(p) for p in pages])
    from archivist.split import labeller  # noqa: PLC0415

    t_load = timed(lambda: labeller._load(labeller.model_path()))  # the line model, loaded on first use
    t_lines = timed(lambda: [split_text(p, splitter="lines") for p in pages])
    import jieba  # noqa: PLC0415

    jieba.setLogLevel(60)
    jieba.initialize()
    t_jieba = timed(lambda: [jieba.lcut(p) for p in pages])
    print(f"pages: {len(pages)}, {size:.1f} MB")
    print(f"split+clean : {t_split:6.2f} s  {size / t_split:5.2f} MB/s")
    print(f"line model  : {t_lines:6.2f} s  {size / t_lines:5.2f} MB/s  (model load {t_load:.3f} s)")
    print(f"jieba.lcut  : {t_jieba:6.2f} s  {size / t_jieba:5.2f} MB/s")
    print(f"ratio split/jieba throughput: {t_jieba / t_split:.2f}x (line model {t_jieba / t_lines:.2f}x)")

    line = "".join(p.replace("\n", "") for p in pages)
    times = {}
    for target in (5, 50):
        text = line
        while mb(text) < target:
            text += line
        text = text.encode("utf-8")[: target * 1_000_000].decode("utf-8", "ignore")
        times[target] = timed(split_text, text)
        print(f"single line {target:2d} MB: {times[target]:6.2f} s  {mb(text) / times[target]:5.2f} MB/s")
    print(f"50 MB / 5 MB time ratio: {times[50] / times[5]:.1f} (linear = 10)")
    pathological()
    joined_dev_pages()


def markup_noise(total_bytes: int, seed: int = 2) -> str:
    """Markdown punctuation in random runs and lines: what a broken export looks like."""
    rng = random.Random(seed)
    parts, size = [], 0
    while size < total_bytes:
        run = rng.choice("*_#`>-[]()!|~=") * rng.randint(1, 6)
        parts.append(run + rng.choice((" ", " ", "\n", "好", "\n\n")))
        size += len(parts[-1])
    return "".join(parts)


def pathological() -> None:
    cases = {
        "20k tiny paragraphs": "# 标题\n\n" + "\n\n".join(f"第{i}段。" for i in range(20_000)),
        "20k identical paragraphs": "# 标题\n\n" + "\n\n".join(["同一段文字再次出现。"] * 20_000),
        "1 MB of markup noise": markup_noise(1_000_000),
        "unclosed emphasis 160 KB": "# 标题\n\n" + "**好 " * 40_000,
        "80 KB of code fences": "```\n" * 20_000,
    }
    for name, text in cases.items():
        t = timed(split_text, text)
        print(f"{name:26}: {t:6.2f} s  {mb(text) / t:5.2f} MB/s")


def joined_dev_pages() -> None:
    files = sorted(DEV_SETS.glob("*/samples/*.txt"))
    if not files:
        print(f"dev pages: none under {DEV_SETS}")
        return
    pages = [f.read_text(encoding="utf-8") for f in files]
    size = mb(pages)
    t_each = timed(lambda: [split_text(p) for p in pages])
    t_joined = timed(split_text, "\n\n".join(pages))
    print(f"dev pages one by one ({len(pages)}, {size:.1f} MB): {t_each:6.2f} s  {size / t_each:5.2f} MB/s")
    print(f"dev pages joined into one file : {t_joined:6.2f} s  {size / t_joined:5.2f} MB/s"
          f"  ({t_joined / t_each:.2f}x the one-by-one time; goal ≤ 1.5x)")


if __name__ == "__main__":
    main()
