"""Refit time of the line model on the shipped base sample plus N corrected pages (issue 15;
goal: under 60 s on 2 cores for 50 pages), the model file's size, and how the library's
model splits pages of the corrected paper it was not fitted on, against the shipped model.

    python bench/refit_bench.py              # 50 corrected pages (needs ../shared/corpus)
    python bench/refit_bench.py --pages 10 --iterations 100

The pages are the house style of tests/unit/house_style.py (People's Daily articles of days
the shipped model was not fitted on, headlines in 【】, no blank lines, bylines printed last),
corrected through the editors' operations. The baseline in the same run: a fit on the base
sample alone, so the ratio says what the corrections cost on this machine today.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from archivist.split import labeller, refit, split_text  # noqa: E402
from archivist.store import Library  # noqa: E402
from archivist.store.resplit import run_resplit  # noqa: E402
from tests.unit.house_style import corpus_pages, correct_page, matched  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=50, help="corrected pages (default 50)")
    ap.add_argument("--held", type=int, default=10, help="pages of the paper kept out to score (default 10)")
    ap.add_argument("--iterations", type=int, default=refit.ITERATIONS)
    args = ap.parse_args()
    pages = corpus_pages(args.pages + args.held)
    train, held = pages[:args.pages], pages[args.pages:]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        lib = Library.open(tmp / "lib", create=True)
        files = []
        for n, (text, _truth) in enumerate(train):
            files.append(tmp / f"page-{n:03d}.txt")
            files[-1].write_text(text, encoding="utf-8")
        lib.import_paths(files, paper="晨报")
        ids = {s["filename"]: s["id"] for s in lib.source_list()}
        t = time.perf_counter()
        run_resplit(lib, list(ids.values()))
        for f, (_text, truth) in zip(files, train):
            correct_page(lib, ids[f.name], truth)
        t_correct = time.perf_counter() - t
        base = refit.base_pages()

        t = time.perf_counter()
        refit.fit_in_child(base, [1] * len(base), tmp / "base.crfsuite", args.iterations)
        t_base = time.perf_counter() - t
        t = time.perf_counter()
        path = refit.refit(lib, iterations=args.iterations)
        t_refit = time.perf_counter() - t
        info = lib.split_model()
        size = path.stat().st_size
        lib.close()

        scores = {}
        for name, model in (("shipped", None), ("library", path)):
            labeller.use_model(model)
            hit = total = whole = 0
            for text, truth in held:
                arts = [a.to_dict() for a in split_text(text, splitter="lines").articles]
                m = matched(arts, truth)
                hit, total, whole = hit + m, total + len(truth), whole + (m == len(truth) == len(arts))
            scores[name] = (hit, total, whole)
        labeller.use_model(None)

    print(f"corrected pages: {args.pages} ({sum(len(t) for _x, t in train)} articles), each ×{info['weight']};"
          f" base sample {len(base)} pages; {args.iterations} iterations")
    print(f"corrections through the editors' operations: {t_correct:.1f} s")
    print(f"fit on the base sample alone (baseline): {t_base:.1f} s")
    print(f"refit, base + {args.pages} corrected pages: {t_refit:.1f} s ({t_refit / t_base:.2f}× the baseline;"
          f" goal < 60 s)")
    print(f"model file: {size / 1024:.0f} KB (shipped: {labeller.MODEL_PATH.stat().st_size / 1024:.0f} KB)")
    for name, (hit, total, whole) in scores.items():
        print(f"{len(held)} held-out pages of the paper, {name} model: {hit}/{total} articles right,"
              f" {whole} pages wholly right")


if __name__ == "__main__":
    main()
