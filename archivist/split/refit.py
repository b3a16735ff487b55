"""Refit the line model on the shipped base sample plus a library's corrections.

The user's machine has no ../shared/corpus, so `make train` writes a compact sample of the
training pages (raw text + one label per line, gzip JSON lines) beside the shipped model;
a refit re-featurises it and the corrected pages with the current features.py, each
corrected page repeated so that two pages of one paper count against hundreds. The fit runs
in a child process: crfsuite holds the interpreter while it trains and can be stopped only
between iterations by a message callback whose exceptions it swallows, so cancelling kills
the child. The library's model goes to <library>/models/lines-<date>-<hash>.crfsuite; the
shipped model is never written.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import multiprocessing
import os
import random
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from archivist.errors import ArchivistError
from archivist.split import patterns as pt
from archivist.split.labeller import MODEL_PATH

BASE_SAMPLE = MODEL_PATH.with_name("base_pages.jsonl.gz")
# Pages of the training corpus kept for refits, per source: the 晶報 folds are long and
# unlike the rest, so they keep a larger share than their number would give them.
BASE_QUOTAS = {"seed": 66, "jingbao": 50, "rmrb": 150}
CORRECTION_WEIGHT = 20     # copies of a corrected page, at most …
CORRECTION_SHARE = 1.0     # … and all of them together at most this share of the base pages
ITERATIONS = 100
PARAMS = {"c1": 0.05, "c2": 0.1, "feature.possible_transitions": True}
Progress = Callable[[int, int, str], None]


class RefitCancelled(ArchivistError):
    pass


def truth(units, labels) -> list[str]:
    """Each unit's label from its first line's; a "cont" after a blank line begins text."""
    out = []
    for u in units:
        lab = labels[u.line] if u.line < len(labels) else "body"
        out.append("body" if lab == "blank" or (lab == "cont" and u.blank_before) else lab)
    return out


def labelled(text: str, labels: list[str]):
    """(units, features, labels) of one labelled page, or None when it has no text."""
    from archivist.split.features import page_features  # noqa: PLC0415
    from archivist.split.lines import parse_units  # noqa: PLC0415

    units = parse_units(text, starts_unit=pt.dateline_of, join=False)
    return (units, page_features(units), truth(units, labels)) if units else None


def fit(pages, path: Path, iterations: int = ITERATIONS, weights=None, on_event=None) -> None:
    """Fit on (name, text, labels) pages (each appended weights[i] times) and write `path`.
    on_event(kind, done, total) hears of pages read and iterations run."""
    import pycrfsuite  # noqa: PLC0415

    class Trainer(pycrfsuite.Trainer):
        def on_iteration(self, log, info):
            if on_event is not None:
                on_event("iteration", int(info.get("num", 0)), iterations)

        def on_start(self, log): pass
        def on_featgen_progress(self, log, percent): pass
        def on_featgen_end(self, log): pass
        def on_prepared(self, log): pass
        def on_prepare_error(self, log): pass
        def on_optimization_end(self, log): pass
        def on_end(self, log): pass

    trainer = Trainer(verbose=on_event is not None)
    pages = list(pages)
    for n, (_name, text, labels) in enumerate(pages):
        page = labelled(text, labels)
        if page is not None:
            for _ in range(weights[n] if weights else 1):
                trainer.append(*page[1:])
        if on_event is not None:
            on_event("page", n + 1, len(pages))
    trainer.set_params({**PARAMS, "max_iterations": iterations})
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))


# ---- the shipped base sample ------------------------------------------------------------
def write_base_sample(pages, path: Path = BASE_SAMPLE, quotas: dict | None = None, seed: int = 20261202) -> int:
    """A deterministic sample of the training pages: per source (the name's first part)
    at most its quota, every style in it; the hand-checked seed pages all kept."""
    quotas = BASE_QUOTAS if quotas is None else quotas
    by_source: dict[str, list] = {}
    for p in sorted(pages, key=lambda p: p[0]):
        by_source.setdefault(p[0].split("/")[0], []).append(p)
    rng = random.Random(seed)
    chosen = []
    for source, group in sorted(by_source.items()):
        n = min(quotas.get(source, 0), len(group))
        chosen += [group[i] for i in sorted(rng.sample(range(len(group)), n))]
    lines = [json.dumps({"name": name, "text": text, "labels": list(labels)}, ensure_ascii=False, sort_keys=True)
             for name, text, labels in chosen]
    # mtime=0: the same pages give the same bytes.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
        out.write(("\n".join(lines) + "\n").encode("utf-8"))
    return len(chosen)


def base_pages(limit: int | None = None, path: Path = BASE_SAMPLE) -> list[tuple[str, str, list[str]]]:
    if not path.exists():
        raise ArchivistError(f"{path}: the base sample for refitting is missing from this installation")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    if limit is not None and 0 < limit < len(rows):  # spread over every source, not the first one's
        rows = [rows[i * len(rows) // limit] for i in range(limit)]
    return [(r["name"], r["text"], r["labels"]) for r in rows]


def weight(corrected: int, base: int) -> int:
    """Copies of each corrected page: CORRECTION_WEIGHT, fewer once the corrections together
    would outweigh the base sample."""
    if not corrected:
        return 0
    return max(1, min(CORRECTION_WEIGHT, int(base * CORRECTION_SHARE) // corrected))


# ---- the fit in a child process -----------------------------------------------------------
def _child(conn, pages, weights, path: str, iterations: int) -> None:
    try:
        fit(pages, Path(path), iterations, weights, on_event=lambda *e: conn.send(e))
        conn.send(("done", 0, 0))
    except BaseException as exc:  # noqa: BLE001 - told to the parent, which says it once
        conn.send(("error", 0, 0, f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def fit_in_child(pages, weights, path: Path, iterations: int = ITERATIONS, progress: Progress | None = None,
                 cancel: Callable[[], bool] | None = None) -> None:
    """fit() in a spawned process (safe from a GUI thread); cancel() is asked ten times a
    second and kills it. Nothing is left at `path` unless the fit completed."""
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, pages, weights, str(path), iterations), daemon=True)
    proc.start()
    child.close()
    outcome = None
    try:
        while outcome is None:
            if cancel is not None and cancel():
                raise RefitCancelled("cancelled; the model in use is unchanged")
            if not parent.poll(0.1):
                if not proc.is_alive() and not parent.poll(0):
                    outcome = ("error", 0, 0, f"the fitting process ended (exit code {proc.exitcode})")
                continue
            try:
                event = parent.recv()
            except EOFError:
                continue
            kind, done, total = event[:3]
            if kind == "page" and progress is not None:
                progress(done, total + iterations, f"reading labelled page {done} of {total}")
            elif kind == "iteration" and progress is not None:
                pages_total = len(pages)
                progress(pages_total + done, pages_total + iterations, f"fitting: iteration {done} of {iterations}")
            elif kind in ("done", "error"):
                outcome = event
        if outcome[0] == "error":
            raise ArchivistError(f"refit failed: {outcome[3]}")
        proc.join(10)
    finally:
        if proc.is_alive():
            proc.kill()
            proc.join()
        parent.close()
        if outcome is None or outcome[0] != "done":
            Path(path).unlink(missing_ok=True)


def refit(library, paper: str | None = None, progress: Progress | None = None,
          cancel: Callable[[], bool] | None = None, iterations: int = ITERATIONS,
          base_limit: int | None = None, base_path: Path = BASE_SAMPLE) -> Path:
    """Fit a model for `library` on the base sample and its corrected pages (of `paper` only,
    when given), make it the library's model and return its path. Cancelled or failed: the
    model in use stays as it was."""
    corrected = library.corrected_pages(paper)
    if not corrected:
        raise ArchivistError("no corrected pages" + (f" of {paper}" if paper else "")
                             + " to learn from: correct a page in the split editor first")
    base = base_pages(base_limit, base_path)
    copies = weight(len(corrected), len(base))
    pages = base + [(f"library/{p['source_id']}", p["text"], p["labels"]) for p in corrected]
    weights = [1] * len(base) + [copies] * len(corrected)
    folder = library.folder / "models"
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".fit-{os.getpid()}.crfsuite.part"
    fit_in_child(pages, weights, tmp, iterations, progress, cancel)
    digest = hashlib.sha256(tmp.read_bytes()).hexdigest()[:8]
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    final = folder / f"lines-{stamp}-{digest}.crfsuite"
    os.replace(tmp, final)
    papers = sorted({p["paper"] or "" for p in corrected})
    library.set_split_model(final.name, {"papers": papers, "pages": len(corrected), "weight": copies,
                                         "base_pages": len(base), "iterations": iterations})
    return final
