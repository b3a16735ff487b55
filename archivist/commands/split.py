"""`archivist split [--json] FILE`: split and clean one page, print the result."""
from __future__ import annotations

import json
import sys

from archivist.ingest import read_page
from archivist.split.pipeline import SPLITTERS, split_source
from archivist.split.render import render_text
from archivist.text.decode import DEFAULT_MAX_BYTES


def register(sub) -> None:
    p = sub.add_parser("split", help="split one page into articles and clean them; print the result")
    p.add_argument("file", help="a page: .txt or .md (UTF-8/16, GB18030, Big5), or any format import reads "
                                "(page image, PDF, Word, HTML)")
    p.add_argument("--json", action="store_true", help="print archivist.split/1 JSON")
    p.add_argument("--max-mb", type=float, default=DEFAULT_MAX_BYTES / 1024 / 1024,
                   help="refuse files larger than this (default 50)")
    p.add_argument("--splitter", choices=SPLITTERS, default=None,
                   help="lines: the fitted line model (default for text); rules: the pattern splitter "
                        "(default for page images and PDFs)")
    p.add_argument("--model", metavar="FILE", default=None,
                   help="with --splitter lines: this model file (a library's own, from `archivist train`) "
                        "instead of the shipped one")
    p.set_defaults(func=run)


def _progress(done: int, total: int, message: str) -> None:
    # A scan takes a minute: say what is happening, on stderr (stdout is the result).
    if sys.stderr.isatty():
        sys.stderr.write(f"\r{message[:70]:<70}")
        sys.stderr.flush()


def run(args) -> int:
    # The same reader as `import`, so what split shows is what import makes of the file.
    source = read_page(args.file, max_bytes=int(args.max_mb * 1024 * 1024), progress=_progress)
    if sys.stderr.isatty():
        sys.stderr.write("\r" + " " * 70 + "\r")
    if args.model:
        from pathlib import Path  # noqa: PLC0415

        from archivist.errors import ArchivistError  # noqa: PLC0415
        from archivist.split import labeller  # noqa: PLC0415

        if not Path(args.model).is_file():
            raise ArchivistError(f"{args.model}: no such model file")
        labeller.use_model(Path(args.model))
    doc = split_source(source, splitter=args.splitter)
    if args.json:
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_text(doc))
    return 0
