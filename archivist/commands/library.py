"""Library commands: import, search, show, tag, untag, trash, restore, stats.

Every command takes --library DIR (default: the user data dir, see
archivist.store.default_library_dir). Only `import` creates a library.
"""
from __future__ import annotations

import argparse
import json
import sys

from archivist import edition
from archivist.cli import write_trusted
from archivist.errors import ArchivistError
from archivist.store import ArticleFilter, Library, default_library_dir, priority
from archivist.text.controls import escape_controls


def _library_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--library", metavar="DIR", default=None,
                   help=f"library folder (default: {default_library_dir()})")


def register(sub) -> None:
    p = sub.add_parser("import", help="import page files or folders into the library")
    _library_arg(p)
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, or folders imported recursively")
    p.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    p.add_argument("--paper", help="the paper these pages are from (e.g. 青岛日报), over what their names say")
    p.set_defaults(func=run_import)

    p = sub.add_parser("search", help="search the library (Traditional or Simplified, any length)")
    _library_arg(p)
    p.add_argument("query", nargs="+", help="words to find; all must occur (taken literally)")
    p.add_argument("--tag", action="append", default=[], help="only articles with this tag (or under it)")
    for field in ("paper", "page", "section"):
        p.add_argument(f"--{field}", help=f"only articles whose page has this {field} ('' = missing)")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="only articles dated on or after (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="only articles dated on or before (YYYY-MM-DD)")
    p.add_argument("--sort", choices=("relevance", "date"), default="relevance")
    p.add_argument("--limit", type=count, default=20)
    p.add_argument("--json", action="store_true", help="print hits as JSON")
    p.set_defaults(func=run_search)

    p = sub.add_parser("show", help="print one article")
    _library_arg(p)
    p.add_argument("id", type=article_id)
    p.add_argument("--json", action="store_true")
    p.add_argument("--revisions", action="store_true", help="list the article's revisions")
    p.set_defaults(func=run_show)

    for name, helptext in (("tag", "add tags (e.g. 地区/青岛) to an article"),
                           ("untag", "remove tags from an article")):
        p = sub.add_parser(name, help=helptext)
        _library_arg(p)
        p.add_argument("id", type=article_id)
        p.add_argument("tags", nargs="+", metavar="TAG")
        p.set_defaults(func=run_tag, untag=name == "untag")

    for name, helptext in (("trash", "move articles to the trash"), ("restore", "bring articles back from the trash")):
        p = sub.add_parser(name, help=helptext)
        _library_arg(p)
        p.add_argument("ids", nargs="+", type=article_id, metavar="ID")
        p.set_defaults(func=run_trash, restore=name == "restore")

    p = sub.add_parser("check", help="check the whole library file for damage; --recover copies what is readable")
    _library_arg(p)
    how = p.add_mutually_exclusive_group()
    how.add_argument("--recover", metavar="NEW_DIR", help="copy what can be read into a new library folder")
    how.add_argument("--restore-backup", metavar="NEW_DIR", help="make a new library folder from the latest backup")
    p.set_defaults(func=run_check)

    p = sub.add_parser("stats", help="counts and sizes of the library")
    _library_arg(p)
    p.add_argument("--json", action="store_true")
    p.add_argument("--tables", action="store_true",
                   help="also each table of the database: rows, columns, indexes, triggers")
    p.set_defaults(func=run_stats)


def _open(args, create: bool = False, writes: bool = False) -> Library:
    lib = Library.open(args.library, create=create, progress=_upgrade_progress)
    if lib.damage and not writes:  # a write says so itself, when it is refused
        print(f"archivist: warning: {lib.damage}", file=sys.stderr)
    return lib


SQLITE_MAX_INT = 2**63 - 1
SKIPPED_LISTED = 200


def article_id(text: str) -> int:
    """An id as SQLite can hold it: a positive 64-bit integer."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an id: {text!r}") from None
    if not 1 <= value <= SQLITE_MAX_INT:
        raise argparse.ArgumentTypeError(f"no such id: {text} (ids are 1 to {SQLITE_MAX_INT})")
    return value


def count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError(f"{text}: give 0 to 1,000,000")
    return value


def _upgrade_progress(done: int, total: int, message: str) -> None:
    """A library from an older archivist is re-indexed on open: say so, or the command
    seems to hang for minutes."""
    if done == 0:
        print("updating the library's search index (once, after an upgrade) …", file=sys.stderr, flush=True)
    print(f"  {message}", file=sys.stderr, flush=True)


def _progress(done: int, total: int, message: str) -> None:
    print(f"[{done}/{total}] {message}", file=sys.stderr, flush=True)


def run_import(args) -> int:
    priority.lower_this_process()   # an import of a back catalogue runs for hours beside the user's work
    with _open(args, create=True, writes=True) as lib:
        report = lib.import_paths(args.paths, progress=None if args.quiet else _progress, paper=args.paper)
    # A resumed import of a back catalogue skips thousands: name the first, count the rest.
    for path, reason in report.skipped[:SKIPPED_LISTED]:
        print(f"skipped: {path}: {reason}")
    if len(report.skipped) > SKIPPED_LISTED:
        print(f"skipped: … and {len(report.skipped) - SKIPPED_LISTED:,} more")
    for path, reason in report.failed:
        print(f"failed: {path}: {reason}")
    if report.not_imported:
        why = "the disk is full" if report.disk_full else "the library could not save"
        print(f"stopped: {why}; {len(report.not_imported)} file(s) not imported:")
        for path in report.not_imported:
            print(f"not imported: {path}")
    print(f"imported {len(report.imported)} file(s), {report.articles} article(s)"
          f" ({report.duplicates} near-duplicate); skipped {len(report.skipped)}; failed {len(report.failed)}"
          + (f"; not imported {len(report.not_imported)}" if report.not_imported else ""))
    return 0 if report.ok else 1


def _marked(text: str, spans, tty: bool) -> str:
    """Highlighted for a terminal; the text's own control characters escaped first, so
    only these highlight sequences reach it."""
    if not tty:
        return escape_controls(text)
    out, last = [], 0
    for s, e in spans:
        out += [escape_controls(text[last:s]), "\x1b[1;31m", escape_controls(text[s:e]), "\x1b[0m"]
        last = e
    return "".join(out) + escape_controls(text[last:])


def run_search(args) -> int:
    query = " ".join(args.query)
    try:
        dates = {k: edition.check_date(getattr(args, k)) for k in ("date_from", "date_to")}
    except ValueError as exc:
        raise ArchivistError(str(exc)) from None
    flt = ArticleFilter(tags=args.tag, paper=args.paper, page=args.page, section=args.section, **dates)
    with _open(args) as lib:
        total = lib.search_count(query, flt)
        hits = lib.search(query, flt, sort=args.sort, limit=args.limit)
    if args.json:
        json.dump({"query": query, "total": total,
                   "hits": [{"id": h.id, "score": h.score, "headline": h.headline, "date": h.date,
                             "snippet": h.snippet, "highlights": h.highlights} for h in hits]},
                  sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    tty = sys.stdout.isatty()
    for h in hits:
        date = escape_controls(h.date or "----------")
        write_trusted(f"#{h.id}  {date}  {_marked(h.headline or '(untitled)', h.headline_highlights, tty)}\n")
        write_trusted(f"    {_marked(h.snippet, h.highlights, tty)}\n")
    print(f"{total} article(s)" + (f", first {len(hits)} shown" if total > len(hits) else ""))
    return 0


def run_show(args) -> int:
    with _open(args) as lib:
        article = lib.get_article(args.id)
        revisions = lib.revisions(args.id) if args.revisions else None
    if args.json:
        out = dict(article)
        if revisions is not None:
            out["revisions"] = revisions
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    print(f"#{article['id']}  {article.get('date') or ''}  {article['source']}  [{article['status']}"
          f"{', trashed' if article['trashed'] else ''}]  revision {article['revision_id']}")
    if article["tags"]:
        print("tags: " + ", ".join(article["tags"]))
    if article.get("duplicate_of"):
        print(f"near-duplicate of #{article['duplicate_of']} (similarity {article['similarity']:.2f})")
    for key in ("kicker", "headline", "subtitle"):
        if article.get(key):
            print(article[key])
    for line in article.get("deck") or []:
        print(f"  ■ {line}")
    if article.get("byline"):
        print("  " + "、".join(article["byline"]))
    print()
    for block in article.get("blocks") or []:
        print(f"## {block['text']}" if block.get("kind") == "subhead" else block["text"])
    for caption in article.get("captions") or []:
        print(f"[图] {caption}")
    if article.get("fixes"):
        print(f"\n{len(article['fixes'])} automatic fix(es)")
    for rev in revisions or []:
        print(f"revision {rev['id']}  parent {rev['parent_id']}  {rev['created_at']}  {rev['author']}"
              f"{'  ' + rev['note'] if rev['note'] else ''}{'  (current)' if rev['current'] else ''}")
    return 0


def run_tag(args) -> int:
    with _open(args, writes=True) as lib:
        lib.get_article(args.id)  # a clear "no article #N" before anything changes
        (lib.untag if args.untag else lib.tag)([args.id], *args.tags)
        print(f"#{args.id}: " + (", ".join(lib.tags_of(args.id)) or "no tags"))
    return 0


def run_trash(args) -> int:
    with _open(args, writes=True) as lib:
        for article_id in args.ids:
            lib.get_article(article_id)
        (lib.restore if args.restore else lib.trash)(args.ids)
    print(f"{'restored' if args.restore else 'trashed'} {len(args.ids)} article(s)")
    return 0


def run_stats(args) -> int:
    with _open(args) as lib:
        stats = lib.stats()
        if args.tables:
            stats["tables"] = lib.tables()
    if args.json:
        json.dump(stats, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for key, value in stats.items():
        if key != "tables":
            print(f"{key:15} {value}")
    if args.tables:
        print(f"\n{'table':18} {'rows':>8} {'columns':>8} {'indexes':>8} {'triggers':>8}")
        for t in stats["tables"]:
            rows = "-" if t["rows"] is None else t["rows"]
            kind = "  (full-text)" if t["kind"] == "fts" else ""
            print(f"{t['name']:18} {rows:>8} {len(t['columns']):>8} {len(t['indexes']):>8} {len(t['triggers']):>8}{kind}")
    return 0


def run_check(args) -> int:
    """Exit 0: sound; 1: damaged (what SQLite found, the backups there are, how to recover)."""
    from archivist.store import health  # noqa: PLC0415

    with Library.open(args.library, readonly=True) as lib:
        found = lib.check(full=True)
        db_path, folder = lib.path, lib.folder
    if not found:
        print(f"{folder}: the library is sound (integrity_check: ok)")
        return 0
    print(f"{folder}: the library is damaged:")
    for line in found:
        print(f"  {line}")
    if args.recover:
        how = health.recover(db_path, args.recover)
        print(f"copied what could be read into {args.recover} ({how}); check it with"
              f" `archivist check --library {args.recover}`")
    elif args.restore_backup:
        used = health.restore_backup(db_path, args.restore_backup)
        print(f"restored {used.name} into {args.restore_backup}; what changed after it is not there")
    else:
        print(f"to copy what can be read into a new library: archivist check --library {folder} --recover NEW_DIR")
        print(f"or start again from the latest backup: archivist check --library {folder} --restore-backup NEW_DIR")
    for backup in health.latest_backups(db_path)[:3]:
        print(f"backup: {backup}")
    return 1
