"""`archivist train` (refit the line model on the library's corrections, or --reset to the
shipped one) and `archivist resplit` (re-split unedited pages with the library's model)."""
from __future__ import annotations

import argparse
import sys

from archivist.commands.library import _library_arg, _open, _progress, article_id, count
from archivist.errors import ArchivistError


def register(sub) -> None:
    p = sub.add_parser("train", help="refit the line model on the shipped sample plus this library's corrections")
    _library_arg(p)
    p.add_argument("--paper", help="learn only from the corrected pages of this paper")
    p.add_argument("--reset", action="store_true", help="split with the shipped model again (the library's stays on disk)")
    p.add_argument("--iterations", type=_iterations, default=None, help="fitting iterations (default 100)")
    p.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    p.set_defaults(func=run_train)

    p = sub.add_parser("resplit", help="re-split pages no one has edited with the library's line model")
    _library_arg(p)
    p.add_argument("pages", nargs="*", type=article_id, metavar="PAGE_ID", help="source page ids (archivist show --json: source_id)")
    p.add_argument("--paper", help="every page of this paper")
    p.add_argument("--all", action="store_true", help="every page of the library")
    p.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    p.set_defaults(func=run_resplit)


def _iterations(text: str) -> int:
    value = count(text)
    if not 1 <= value <= 10_000:
        raise argparse.ArgumentTypeError(f"{text}: give 1 to 10,000")
    return value


def run_train(args) -> int:
    from archivist.split import refit  # noqa: PLC0415

    with _open(args, writes=True) as lib:
        if args.reset:
            lib.set_split_model(None)
            print("this library splits with the shipped line model again")
            return 0
        done = lib.correction_count()
        print(f"learning from {done['pages']} corrected page(s), {done['lines']} labelled lines", file=sys.stderr)
        path = refit.refit(lib, paper=args.paper, progress=None if args.quiet else _every_tenth(),
                           iterations=args.iterations or refit.ITERATIONS)
        papers = ", ".join(p or "(pages without a paper)" for p in lib.split_model()["papers"])
        print(f"{path} ({path.stat().st_size // 1024} KB): this library now splits pages of {papers} with it")
    return 0


def _every_tenth():
    seen = set()

    def progress(done: int, total: int, message: str) -> None:
        step = done * 10 // max(total, 1)
        if step not in seen:
            seen.add(step)
            _progress(done, total, message)
    return progress


def run_resplit(args) -> int:
    from archivist.store.corrections import describe_splitter  # noqa: PLC0415
    from archivist.store.resplit import pages_of, run_resplit as resplit  # noqa: PLC0415

    if not (args.pages or args.paper or args.all):
        raise ArchivistError("name the pages: PAGE_ID…, --paper NAME or --all")
    with _open(args, writes=True) as lib:
        ids = list(args.pages) + (pages_of(lib, args.paper) if args.paper else []) + (pages_of(lib) if args.all else [])
        report = resplit(lib, ids, progress=None if args.quiet else _progress)
        for page in report.done:
            print(f"re-split page {page['source_id']} with {describe_splitter(page['now'])}")
        for page in report.left_alone:
            marks = ", ".join(f"#{i}" for i in page["articles"])
            print(f"left alone (edited by hand: {marks}): page {page['source_id']} {page['filename']}")
    return 0
