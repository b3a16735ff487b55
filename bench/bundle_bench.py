"""Review bundle benchmark (issue 6). Prints figures and ratios measured in one run.

    .venv/bin/python bench/bundle_bench.py --articles 10000

1. Builds a library of generated articles (sentences of the bundled sample pages) with
   Library.import_document.
2. Exports all of it as a bundle, and as the baseline writes the very same entries
   (read back from that bundle into memory) with zipfile alone, same compression level.
   Goal: export ≤ 2× the baseline.
3. Opens the bundle as a review session, edits 10% of the articles and tags 10%, exports
   the review; meanwhile 1% are edited on the desk too (conflicts). Then times the merge
   of the whole review bundle, and the second, idempotent merge.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from archivist.bundle import export_bundle, merge_bundle, open_review, read_bundle, select_ids  # noqa: E402
from archivist.bundle.format import COMPRESS_LEVEL  # noqa: E402
from archivist.samples import sample_sentences  # noqa: E402
from archivist.store import Library  # noqa: E402
from archivist.text.decode import Source  # noqa: E402



def sentences() -> list[str]:
    return list(sample_sentences())


def make_article(rng: random.Random, pool: list[str]) -> dict:
    headline = re.sub(r"[，。！？、：；“”《》（）\s]", "", rng.choice(pool))[: rng.randint(8, 18)]
    blocks = [{"kind": "paragraph", "text": "".join(rng.choice(pool) for _ in range(rng.randint(2, 4)))}
              for _ in range(rng.randint(3, 7))]
    fixes = [{"rule": "punctuation.halfwidth", "action": "replace", "before": ",", "after": "，", "block": 0,
              "start": 3, "reason": "half-width comma in Chinese text"}]
    return {"headline": headline, "byline": ["刘萍"], "blocks": blocks, "fixes": fixes}


def build(folder: Path, n: int, per_page: int = 10, seed: int = 7) -> float:
    rng, pool = random.Random(seed), sentences()
    t = time.perf_counter()
    with Library.open(folder, create=True) as lib:
        for i in range((n + per_page - 1) // per_page):
            articles = [make_article(rng, pool) for _ in range(min(per_page, n - i * per_page))]
            text = "\n\n".join(a["headline"] + "\n\n" + "\n\n".join(b["text"] for b in a["blocks"]) for a in articles)
            data = text.encode("utf-8")
            source = Source(f"gen-2024-{1 + i % 12:02d}-{1 + i % 28:02d}-{i:06d}.txt", data, text, "utf-8",
                            hashlib.sha256(data).hexdigest())
            lib.import_document(source, {"schema": "archivist.split/1", "furniture": [], "articles": articles})
    return time.perf_counter() - t


def zipfile_alone(bundle: Path, out: Path) -> float:
    with zipfile.ZipFile(bundle) as zf:
        entries = [(i.filename, zf.read(i)) for i in zf.infolist()]
    t = time.perf_counter()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL) as zf:
        for name, data in entries:
            zf.writestr(name, data)
    return time.perf_counter() - t


def timed(func, *args, **kwargs):
    t = time.perf_counter()
    result = func(*args, **kwargs)
    return result, time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bundle-bench-"))
    n = args.articles
    print(f"building a library of {n:,} articles …", file=sys.stderr, flush=True)
    build_s = build(tmp / "desk", n)
    rng = random.Random(1)
    with Library.open(tmp / "desk") as desk:
        ids = select_ids(desk, everything=True)
        report, export_s = timed(export_bundle, desk, ids, tmp / "export.zip")
    baseline_s = zipfile_alone(tmp / "export.zip", tmp / "baseline.zip")
    _, verify_s = timed(read_bundle, tmp / "export.zip")
    session, open_s = timed(open_review, tmp / "export.zip", tmp / "review")
    edited = sorted(rng.sample(ids, n // 10))
    with Library.open(session.folder) as review:
        for i in edited:
            a = review.get_article(i)
            a["blocks"][0]["text"] = "（审读）" + a["blocks"][0]["text"]
            review.save_article(i, a)
        review.tag(sorted(rng.sample(ids, n // 10)), "审读/已看")
        _, review_export_s = timed(export_bundle, review, ids, tmp / "reviewed.zip")
    with Library.open(tmp / "desk") as desk:
        for i in edited[: max(1, n // 100)]:
            a = desk.get_article(i)
            a["headline"] = (a["headline"] or "") + "（桌面）"
            desk.save_article(i, a)
        merged, merge_s = timed(merge_bundle, desk, tmp / "reviewed.zip")
        again, merge2_s = timed(merge_bundle, desk, tmp / "reviewed.zip")
    size = report.bytes
    print(f"library: {n:,} articles built in {build_s:.1f} s")
    print(f"export bundle: {export_s:.2f} s, {size / 1e6:.1f} MB, {n / export_s:,.0f} articles/s")
    print(f"zipfile alone, same bytes: {baseline_s:.2f} s  → export / zipfile = {export_s / baseline_s:.2f}× (goal ≤ 2×)")
    print(f"read + verify bundle: {verify_s:.2f} s; open as review session: {open_s:.2f} s;"
          f" export review: {review_export_s:.2f} s")
    print(f"merge {n:,} articles: {merge_s:.2f} s (updated {len(merged.updated):,}, conflicts "
          f"{len(merged.conflicts):,}, tags {len(merged.tags_changed):,}); second merge: {merge2_s:.2f} s, "
          f"changed nothing: {again.changed_nothing()}")
    if not args.keep:
        import shutil  # noqa: PLC0415

        shutil.rmtree(tmp, ignore_errors=True)
    else:
        print(f"kept {tmp}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
