"""Fit the line model (archivist/split/models/lines.crfsuite) on the composed corpus.

    python tools/train_lines.py                 # fit on every source, write the model
    python tools/train_lines.py --leave-out rmrb # fit without one source, score it

Deterministic: the same corpus and options give the same model file.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from archivist.split import patterns as pt  # noqa: E402
from archivist.split.features import page_features  # noqa: E402
from archivist.split.labeller import MODEL_PATH  # noqa: E402
from archivist.split.lines import parse_units  # noqa: E402
import line_corpus  # noqa: E402


def sequences(pages):
    for name, text, labels in pages:
        units = parse_units(text, starts_unit=pt.dateline_of, join=False)
        ys = []
        for u in units:
            lab = labels[u.line] if u.line < len(labels) else "body"
            ys.append("body" if lab == "blank" else "body" if lab == "cont" and u.blank_before else lab)
        if units:
            yield name, page_features(units), ys


def fit(pages, path: Path, iterations: int = 100) -> None:
    import pycrfsuite  # noqa: PLC0415

    trainer = pycrfsuite.Trainer(verbose=False)
    for _name, xs, ys in sequences(pages):
        trainer.append(xs, ys)
    trainer.set_params({"c1": 0.05, "c2": 0.01, "max_iterations": iterations,
                        "feature.possible_transitions": True})
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))


def score(pages, path: Path) -> tuple[float, Counter]:
    import pycrfsuite  # noqa: PLC0415

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    right = total = 0
    confusion: Counter = Counter()
    for _name, xs, ys in sequences(pages):
        for y, p in zip(ys, tagger.tag(xs)):
            right += y == p
            total += 1
            confusion[(y, p)] += 1
    return right / max(total, 1), confusion


def confusion_table(confusion: Counter) -> str:
    """Rows: true label; columns: predicted label ("^" folded in: begin marks are counted apart)."""
    labels = sorted({y.lstrip("^") for y, _ in confusion} | {p.lstrip("^") for _, p in confusion})
    grid = Counter()
    for (y, p), n in confusion.items():
        grid[(y.lstrip("^"), p.lstrip("^"))] += n
    width = max(len(x) for x in labels) + 1
    head = "true\\pred".ljust(width) + "".join(x[:6].rjust(7) for x in labels)
    rows = [head] + [y.ljust(width) + "".join(str(grid[(y, p)]).rjust(7) for p in labels) for y in labels]
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--leave-out", help="source to hold out: seed, rmrb, jingbao, or a style name")
    ap.add_argument("--iterations", type=int, default=100)
    ap.add_argument("--rmrb-days", type=int, default=24)
    ap.add_argument("--confusion", action="store_true", help="with --leave-out: print the per-label confusion matrix")
    args = ap.parse_args()
    pages = line_corpus.pages(rmrb_days=args.rmrb_days)
    if args.leave_out:
        held, rest = [], []
        for p in pages:  # names are source/style/page
            (held if args.leave_out in p[0].split("/")[:2] else rest).append(p)
        with tempfile.TemporaryDirectory() as tmp:  # the shipped model stays as it is
            path = Path(tmp) / "held.crfsuite"
            fit(rest, path, args.iterations)
            acc, confusion = score(held, path)
        print(f"left out {args.leave_out}: {len(held)} pages, line accuracy {acc:.3f}")
        if args.confusion:
            print(confusion_table(confusion))
        return
    fit(pages, MODEL_PATH, args.iterations)
    print(f"{MODEL_PATH}: {len(pages)} pages, {MODEL_PATH.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
