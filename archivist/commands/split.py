"""`archivist split [--json] FILE`: split and clean one page, print the result."""
from __future__ import annotations

import json
import sys

from archivist.split.pipeline import DEFAULT_SPLITTER, SPLITTERS, split_source
from archivist.split.render import render_text
from archivist.text.decode import DEFAULT_MAX_BYTES, read_source


def register(sub) -> None:
    p = sub.add_parser("split", help="split one page into articles and clean them; print the result")
    p.add_argument("file", help="a page as .txt or .md (UTF-8/16, GB18030, Big5)")
    p.add_argument("--json", action="store_true", help="print archivist.split/1 JSON")
    p.add_argument("--max-mb", type=float, default=DEFAULT_MAX_BYTES / 1024 / 1024,
                   help="refuse files larger than this (default 50)")
    p.add_argument("--splitter", choices=SPLITTERS, default=DEFAULT_SPLITTER,
                   help="rules: the pattern splitter (default); lines: the fitted line model (experimental)")
    p.set_defaults(func=run)


def run(args) -> int:
    source = read_source(args.file, max_bytes=int(args.max_mb * 1024 * 1024))
    doc = split_source(source, splitter=args.splitter)
    if args.json:
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_text(doc))
    return 0
