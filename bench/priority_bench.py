"""The user's share of the machine during a long import (issue 18).

    .venv/bin/python bench/priority_bench.py [--pages 600] [--rounds 2]

An import's split workers take every core. This measures what is left for the user: a
foreground (standing in for whatever else the archivist works in: CPU loops at normal
priority, one per core by default) counts its work per second alone,
then while an import runs as `archivist import` does, at nice 0 and at the shipped
priority.NICENESS (split workers included). It prints the foreground's throughput as a share of its throughput
alone and the import's time against the nice-0 import, measured in the same run.
"""
from __future__ import annotations

import argparse
import multiprocessing
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import search_bench  # noqa: E402

from archivist.store import priority  # noqa: E402

CHILD = r"""
import sys
from archivist.store import Library, priority
priority.NICENESS = int(sys.argv[3])
priority.lower_this_process()   # as `archivist import` does (its workers then are at that level too)
with Library.open(sys.argv[1], create=True) as lib:
    lib.import_workers = 2
    assert lib.import_paths([sys.argv[2]]).ok
"""


def spin(seconds: float, out) -> None:
    """Count loop rounds for `seconds` (the foreground user's work)."""
    end, n = time.perf_counter() + seconds, 0
    while time.perf_counter() < end:
        n += sum(range(200))
        n -= sum(range(200)) - 1
    out.put(n / seconds)


def foreground_while(cmd: list[str] | None, seconds: float, procs: int) -> tuple[float, float]:
    """(foreground rounds per second, seconds the command took) with `cmd` running beside."""
    out = multiprocessing.Queue()
    t = time.perf_counter()
    child = subprocess.Popen(cmd, cwd=ROOT) if cmd else None
    fg = [multiprocessing.Process(target=spin, args=(seconds, out)) for _ in range(procs)]
    for p in fg:
        p.start()
    rate = sum(out.get() for _ in fg)
    for p in fg:
        p.join()
    took = 0.0
    if child is not None:
        child.wait()
        took = time.perf_counter() - t
    return rate, took


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=600)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--fg-procs", type=int, default=2, help="the user's busy processes (one per core: the worst case)")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="archivist-priority-"))
    try:
        rng, pool = random.Random(3), search_bench.sentences()
        vocab = search_bench.Vocabulary(rng)
        src = work / "pages"
        src.mkdir()
        for i in range(args.pages):
            articles = [search_bench.make_article(rng, pool, vocab) for _ in range(rng.randint(2, 6))]
            (src / f"page-{i:05d}.txt").write_text(search_bench.page_text(articles), encoding="utf-8")
        results: dict[int, list[tuple[float, float]]] = {0: [], priority.NICENESS: []}
        alone = []
        for r in range(args.rounds):
            alone.append(foreground_while(None, 5.0, args.fg_procs)[0])
            for nice in results:
                lib = work / f"lib-{nice}-{r}"
                cmd = [sys.executable, "-c", CHILD, str(lib), str(src), str(nice)]
                # The foreground runs through the import's busy middle (its start-up is ~2 s).
                results[nice].append(foreground_while(cmd, 8.0, args.fg_procs))
                shutil.rmtree(lib)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    base = max(alone)
    took0 = min(t for _r, t in results[0])
    print(f"foreground alone              {base:,.0f} rounds/s (best of {args.rounds})")
    for nice, runs in results.items():
        rate = max(r for r, _t in runs)
        took = min(t for _r, t in runs)
        print(f"import at nice {nice:<2}             foreground keeps {rate / base:.0%};"
              f" import takes {took:.1f} s = {took / took0:.2f}× the nice-0 import")
    return 0


if __name__ == "__main__":
    sys.exit(main())
