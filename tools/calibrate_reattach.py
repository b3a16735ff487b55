"""Calibrate when a section goes back to an earlier article (group._best_owner).

A section printed after another article (a jump, a layout read out of order) belongs to
the article it resembles. The rule: hand it to an earlier article when that one's
similarity beats the current article's by   best > FACTOR * mine + MARGIN.

Measured on ../shared/corpus/rmrb-2020-train (days after the line model's 24 training
days; any corpus day would do, the dev sets are never read): each article's later half
is a probe section.
- same-article case: the probe follows its own article; moving it anywhere is a false move.
- displaced case: the probe follows another article of its page; moving it back to its
  own article is a true move.
Prints the ROC over FACTOR (MARGIN fixed) and the point chosen: the highest true-move
rate with at most 1% false moves.

    python tools/calibrate_reattach.py
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from archivist.split.group import REATTACH_FACTOR, REATTACH_MARGIN  # noqa: E402
from archivist.split.similarity import Profile  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "rmrb-2020-train"
FIRST_DAY = 24  # the line model trains on the first 24 days
MAX_FALSE = 0.01


def _profile(texts: list[str]) -> Profile:
    p = Profile()
    p.add(texts)
    return p


def cases():
    """(mine, best_other) for same-article probes, (mine, own) for displaced probes."""
    same, displaced = [], []
    days = sorted(p for p in CORPUS.iterdir() if p.is_dir())[FIRST_DAY:]
    for day in days:
        pages: dict[str, list[list[str]]] = {}
        for f in sorted(day.glob("*.txt")):
            lines = [x.strip() for x in f.read_text(encoding="utf-8-sig").split("\n")]
            pages.setdefault(f.name[:11], []).append(lines)
        for arts in pages.values():
            if len(arts) < 2:
                continue
            heads, probes = [], []
            for lines in arts:
                paras = [x for x in lines[3:] if x]
                cut = max(1, len(paras) // 2)
                heads.append(_profile([x for x in lines[:3] if x] + paras[:cut]))
                probes.append(_profile(paras[cut:]) if paras[cut:] else None)
            for i, probe in enumerate(probes):
                if probe is None or probe.chars < 80:
                    continue
                own = probe.cosine(heads[i])
                others = [probe.cosine(h) for j, h in enumerate(heads) if j != i]
                same.append((own, max(others)))
                displaced += [(o, own) for o in others]  # read after article j, belongs to i
    return same, displaced


def moves(pairs, factor: float, margin: float) -> float:
    return sum(best > factor * mine + margin for mine, best in pairs) / max(len(pairs), 1)


def main() -> None:
    same, displaced = cases()
    print(f"{len(same)} same-article probes, {len(displaced)} displaced probes (margin {REATTACH_MARGIN})")
    print("factor  false-move  true-move")
    chosen = None
    for k in [1.0 + 0.05 * i for i in range(41)]:
        fp, tp = moves(same, k, REATTACH_MARGIN), moves(displaced, k, REATTACH_MARGIN)
        print(f"{k:6.2f}  {fp:10.4f}  {tp:9.4f}")
        if chosen is None and fp <= MAX_FALSE:
            chosen = (k, fp, tp)
    if chosen:
        k, fp, tp = chosen
        print(f"chosen: factor {k:.2f} (false moves {fp:.4f}, true moves {tp:.4f}); "
              f"in use: {REATTACH_FACTOR} ({moves(same, REATTACH_FACTOR, REATTACH_MARGIN):.4f}, "
              f"{moves(displaced, REATTACH_FACTOR, REATTACH_MARGIN):.4f})")


if __name__ == "__main__":
    main()
