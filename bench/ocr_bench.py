"""Per-page time of the whole scan path (image → articles) beside raw RapidOCR on the same
images, in the same run. Goal: whole path ≤ 1.3 × raw OCR.

    .venv/bin/python bench/ocr_bench.py [--rounds 3] [--no-warm-up] [IMAGE …]

Defaults to the page images in tests/data/scan; give real scans too
(../shared/corpus/scans/*.jpg: a fold takes minutes a round). Both sides use the one shared
engine (loaded and warmed up before timing); raw OCR is RapidOCR's own call (detection,
angle classifier, recognition of boxes turned on their side); the whole path adds reading
the file, cutting vertical columns into upright glyph strips, finding rules and zones,
ordering, building the page text, splitting and cleaning. ARCHIVIST_OCR_CACHE is unset
here: nothing is read from a cache.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.pop("ARCHIVIST_OCR_CACHE", None)
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from archivist.ingest import read_page  # noqa: E402
from archivist.scan import ocr  # noqa: E402
from archivist.split import split_text, to_json  # noqa: E402

DEFAULT = ["page1.png", "page2.png", "page2-noisy.jpg"]


def raw_ocr(path: Path) -> int:
    with Image.open(path) as im:
        result, _ = ocr.engine()(im.convert("RGB"))
    return len(result or ())


def whole_path(path: Path) -> int:
    source = read_page(path)
    return len(to_json(split_text(source.text), source)["articles"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("images", nargs="*", type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--no-warm-up", action="store_true", help="skip the untimed first run (big scans)")
    args = ap.parse_args()
    images = args.images or [ROOT / "tests" / "data" / "scan" / n for n in DEFAULT]
    t0 = time.perf_counter()
    ocr.engine()
    print(f"engine load: {time.perf_counter() - t0:.2f} s (once per process)")
    for p in [] if args.no_warm_up else images:  # warm up both paths (onnxruntime allocates on first run)
        raw_ocr(p)
        whole_path(p)
    raw_times: dict[Path, list[float]] = {p: [] for p in images}
    path_times: dict[Path, list[float]] = {p: [] for p in images}
    for _ in range(args.rounds):  # interleaved, so load on the machine hits both alike
        for p in images:
            t = time.perf_counter()
            raw_ocr(p)
            raw_times[p].append(time.perf_counter() - t)
            t = time.perf_counter()
            whole_path(p)
            path_times[p].append(time.perf_counter() - t)
    print(f"{'image':<20} {'raw OCR s':>10} {'whole path s':>13} {'ratio':>6}")
    ratios = []
    for p in images:
        raw, whole = statistics.median(raw_times[p]), statistics.median(path_times[p])
        ratios.append(whole / raw)
        print(f"{p.name:<20} {raw:>10.3f} {whole:>13.3f} {whole / raw:>6.2f}")
    total = sum(statistics.median(v) for v in path_times.values()) / sum(statistics.median(v) for v in raw_times.values())
    print(f"whole path / raw OCR: {total:.2f}× overall (goal ≤ 1.30×), per page median {statistics.median(ratios):.2f}×")


if __name__ == "__main__":
    main()
