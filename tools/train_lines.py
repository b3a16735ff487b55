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

from archivist.split import lexicon  # noqa: E402
from archivist.split import patterns as pt  # noqa: E402
from archivist.split.labeller import MODEL_PATH  # noqa: E402
from archivist.split.lines import join_continuations, parse_units  # noqa: E402
from archivist.split.refit import fit, labelled, write_base_sample  # noqa: E402
from archivist.split.sequence import group_labelled  # noqa: E402
from archivist.text.script import to_simplified  # noqa: E402
import line_corpus  # noqa: E402


def sequences(pages):
    """(name, text, units, features, labels) of each page with text: the fit's own reading."""
    for name, text, labels in pages:
        page = labelled(text, labels)
        if page is not None:
            yield name, text, *page


def score(pages, path: Path) -> tuple[float, Counter, float, float]:
    """Line accuracy, the per-label confusion, article F1 and headline accuracy, tagging
    each page once. Articles are matched as score.py matches them: a true article is
    found when exactly one predicted article holds all its anchors (its first, middle
    and last text lines) and that one holds no other true article's anchors."""
    import pycrfsuite  # noqa: PLC0415

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    right = total = hit = n_pred = n_true = heads = n_heads = 0
    confusion: Counter = Counter()
    for _name, text, units, xs, ys in sequences(pages):
        predicted = tagger.tag(xs)
        for y, p in zip(ys, predicted):
            right += y == p
            total += 1
            confusion[(y, p)] += 1
        want = _articles(units, ys)  # folding continuations changes the units: parse anew
        got = _articles(parse_units(text, starts_unit=pt.dateline_of, join=False), predicted)
        found, headed, titled = _match(want, got)
        hit += found
        heads += headed
        n_heads += titled
        n_pred += len(got)
        n_true += len(want)
    p, r = hit / max(n_pred, 1), hit / max(n_true, 1)
    return right / max(total, 1), confusion, 2 * p * r / max(p + r, 1e-9), heads / max(n_heads, 1)


def _match(want, got) -> tuple[int, int, int]:
    """(true articles found, of those with a headline the ones whose headline is right,
    true articles with a headline)."""
    anchors = []
    for body, lines, _head in want:
        pick = sorted(body or lines)
        anchors.append({pick[0], pick[len(pick) // 2], pick[-1]} if pick else set())
    found = headed = titled = 0
    for k, (_body, _lines, head) in enumerate(want):
        titled += bool(head)
        cands = [g for g in got if anchors[k] and anchors[k] <= g[1]]
        if len(cands) != 1 or any(o != k and a & cands[0][1] for o, a in enumerate(anchors)):
            continue
        found += 1
        headed += bool(head) and head == cands[0][2]
    return found, headed, titled


def _articles(units, labels) -> list[tuple[frozenset[int], frozenset[int], frozenset[int]]]:
    """The articles a label sequence makes (the product's own path: continuations folded,
    then grouped), each as the line numbers of its text, of all its lines, of its headline."""
    def numbers(us) -> frozenset[int]:
        return frozenset(n for u in us for n in range(u.line, u.line + u.raw.count("\n") + 1))

    for u, lab in zip(units, labels):
        u.label, u.kind, u.role = lab, "", ""
    _furniture, drafts = group_labelled(join_continuations(units))
    out = []
    for d in drafts:
        every = numbers(d.units())
        titles = numbers(d.heads) | numbers(d.deck) | numbers(d.bylines)
        if every:
            out.append((every - titles, every, numbers(u for u in d.heads if u.role == "headline")))
    return out


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


def lexicon_lines(pages):
    """(source page, Simplified line, label) of every line of the pages as the corpus
    gives them (the crawler style): the other styles' furniture is made up from templates
    with random names, which would teach names. A continuation line carries the label of
    the line it continues."""
    for name, text, labels in pages:
        src, style, page = name.split("/", 2)
        if style != "crawler":
            continue
        label = "body"
        for line, lab in zip(text.split("\n"), labels):
            if lab == "blank":
                continue
            label = label if lab == "cont" else lab
            t = to_simplified(line.strip(" \u3000"))
            if t.strip("# *"):
                yield f"{src}/{page}", t.strip("# *"), label


def fit_all(pages, model: Path, lexicon_path: Path, iterations: int) -> None:
    """The furniture pairs first (the line features read them), then the line model."""
    lexicon.write(lexicon.fit(lexicon_lines(pages)), lexicon_path)
    lexicon.use(lexicon_path)
    fit(pages, model, iterations)


SOURCES = ("seed", "rmrb", "jingbao") + line_corpus.STYLES[1:]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--leave-out", help="source to hold out: seed, rmrb, jingbao, a style name, or all (one fit per source)")
    ap.add_argument("--iterations", type=int, default=100)
    ap.add_argument("--rmrb-days", type=int, default=24)
    ap.add_argument("--confusion", action="store_true", help="with --leave-out: print the per-label confusion matrix")
    args = ap.parse_args()
    pages = line_corpus.pages(rmrb_days=args.rmrb_days)
    if args.leave_out:
        names = SOURCES if args.leave_out == "all" else [args.leave_out]
        rows = []
        for name in names:
            held, rest = [], []
            for p in pages:  # names are source/style/page
                (held if name in p[0].split("/")[:2] else rest).append(p)
            with tempfile.TemporaryDirectory() as tmp:  # the shipped model stays as it is
                path = Path(tmp) / "held.crfsuite"
                fit_all(rest, path, Path(tmp) / "held-pairs.txt", args.iterations)
                acc, confusion, f1, head = score(held, path)
                lexicon.use(None)
            rows.append((name, len(held), acc, f1, head))
            print(f"left out {name}: {len(held)} pages, line accuracy {acc:.3f}, article F1 {f1:.3f}, "
                  f"headline {head:.3f}", flush=True)
            if args.confusion:
                print(confusion_table(confusion), flush=True)
        if len(rows) > 1:
            print("\n| left out | pages | line accuracy | article F1 | headline |\n|---|---|---|---|---|")
            for name, n, acc, f1, head in rows:
                print(f"| {name} | {n} | {acc:.3f} | {f1:.3f} | {head:.3f} |")
        return
    fit_all(pages, MODEL_PATH, lexicon.PATH, args.iterations)
    print(f"{lexicon.PATH}: {len(lexicon.furniture_pairs())} pairs")
    print(f"{MODEL_PATH}: {len(pages)} pages, {MODEL_PATH.stat().st_size // 1024} KB")
    # What a library's refit starts from (archivist.split.refit): the user has no corpus.
    kept = write_base_sample(pages)
    print(f"base sample for refits: {kept} pages")


if __name__ == "__main__":
    main()
