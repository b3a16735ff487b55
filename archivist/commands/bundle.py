"""Bundle commands: export, open (a review session), merge, conflicts, resolve.

    archivist export [--library DIR] (--query Q | --tag T | --ids 1,2 | --all)
                     [--format bundle|markdown|jsonl|csv] [--with-sources] OUT
    archivist open [--into DIR] [--no-gui] BUNDLE.zip
    archivist merge [--library DIR] [--json] BUNDLE.zip     exit 0; 1 if conflicts remain
    archivist conflicts [--library DIR] [--all] [--json]
    archivist resolve [--library DIR] CONFLICT_ID mine|theirs

A refused bundle prints one line and exits 2 with nothing changed.
"""
from __future__ import annotations

import argparse
import json
import sys

from archivist.commands.library import _library_arg, _progress, article_id
from archivist.errors import ArchivistError
from archivist.store import Library

EXIT_CONFLICTS = 1


def _ids(text: str) -> list[int]:
    try:
        return [article_id(x) for x in text.replace(" ", "").split(",") if x]
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(f"ids are numbers separated by commas, not {text!r}") from None


def register(sub) -> None:
    p = sub.add_parser("export", help="export articles: a review bundle (.zip), Markdown, JSON Lines or CSV")
    _library_arg(p)
    p.add_argument("--query", help="articles matching these search words")
    p.add_argument("--tag", action="append", default=[], help="articles with this tag (or under it); repeatable")
    p.add_argument("--ids", type=_ids, help="these article ids, e.g. 3,5,8")
    p.add_argument("--all", action="store_true", help="the whole library (trash excluded)")
    p.add_argument("--format", choices=("bundle", "markdown", "jsonl", "csv"), default="bundle")
    p.add_argument("--with-sources", action="store_true", help="bundle: include the original files")
    p.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    p.add_argument("out", metavar="OUT", help="the .zip / .jsonl / .csv file, or a new folder for markdown")
    p.set_defaults(func=run_export)

    p = sub.add_parser("open", help="open a bundle as a review session (a library of its own)")
    p.add_argument("bundle", metavar="BUNDLE.zip")
    p.add_argument("--into", metavar="DIR", help="where the review library lives (default: user data dir)")
    p.add_argument("--no-gui", action="store_true", help="only create the review library and print where it is")
    p.set_defaults(func=run_open)

    p = sub.add_parser("merge", help="merge a reviewed bundle back; conflicts are kept, never overwritten")
    _library_arg(p)
    p.add_argument("bundle", metavar="BUNDLE.zip")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=run_merge)

    p = sub.add_parser("conflicts", help="list merge conflicts waiting to be resolved")
    _library_arg(p)
    p.add_argument("--all", action="store_true", help="resolved ones too")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_conflicts)

    p = sub.add_parser("resolve", help="resolve a merge conflict: keep mine (the library's) or take theirs")
    _library_arg(p)
    p.add_argument("conflict", type=article_id, metavar="CONFLICT_ID")
    p.add_argument("choice", choices=("mine", "theirs"))
    p.set_defaults(func=run_resolve)


def run_export(args) -> int:
    from archivist import bundle  # noqa: PLC0415

    chosen = sum(x for x in (args.ids is not None, args.all, bool(args.query or args.tag)))
    if chosen != 1:
        raise ArchivistError("export: give --query/--tag, or --ids, or --all")
    progress = None if args.quiet else _progress
    with Library.open(args.library) as lib:
        ids = bundle.select_ids(lib, query=args.query, tags=args.tag, ids=args.ids, everything=args.all)
        if args.format == "bundle":
            report = bundle.export_bundle(lib, ids, args.out, with_sources=args.with_sources, progress=progress)
            print(f"wrote {report.path}: {report.kind} bundle, {report.articles} article(s), "
                  f"{report.sources} source file(s), {report.bytes:,} bytes")
            if report.skipped_new:
                print(f"left out {len(report.skipped_new)} article(s) made during the review (no desk revision)")
            return 0
        writer = {"markdown": bundle.export_markdown, "jsonl": bundle.export_jsonl, "csv": bundle.export_csv}
        count = writer[args.format](lib, ids, args.out, progress=progress)
    print(f"wrote {args.out}: {count} article(s) as {args.format}")
    return 0


def run_open(args) -> int:
    from archivist.bundle import open_review  # noqa: PLC0415

    session = open_review(args.bundle, args.into)
    state = "created" if session.created else "reopened (earlier work kept)"
    print(f"review library {state}: {session.folder} ({session.articles} article(s))")
    print(f"when done: archivist export --library {session.folder} --all REVIEWED.zip,"
          " then on the desk: archivist merge REVIEWED.zip")
    if args.no_gui:
        return 0
    from archivist.launch import launch_gui  # noqa: PLC0415

    return launch_gui(argparse.Namespace(command=None, library=str(session.folder), review=True))


def run_merge(args) -> int:
    from archivist.bundle import merge_bundle  # noqa: PLC0415

    with Library.open(args.library) as lib:
        report = merge_bundle(lib, args.bundle)
    if args.json:
        json.dump(report.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print("\n".join(report.lines()))
    return EXIT_CONFLICTS if report.has_conflicts else 0


def run_conflicts(args) -> int:
    with Library.open(args.library, readonly=True) as lib:
        found = lib.conflicts(include_resolved=args.all)
    if args.json:
        json.dump(found, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for c in found:
        state = f"resolved: {c['resolution']}" if c["resolved_at"] else "open"
        print(f"conflict {c['id']}  article #{c['article_id']}  {c['headline'] or '(untitled)'}  [{state}]"
              f"  base r{c['base_revision_id']}, library r{c['current_revision_id']}")
        for field, v in (c.get("edition") or {}).items():  # a conflict over the edition: its fields
            print(f"    {field}: base {v['base'] or '(missing)'}, library {v['mine'] or '(missing)'},"
                  f" review {v['theirs'] or '(missing)'}")
    print(f"{sum(1 for c in found if not c['resolved_at'])} open conflict(s)")
    return 0


def run_resolve(args) -> int:
    with Library.open(args.library) as lib:
        revision_id = lib.resolve_conflict(args.conflict, args.choice)
    print(f"conflict {args.conflict} resolved ({args.choice}); current revision {revision_id}")
    return 0
