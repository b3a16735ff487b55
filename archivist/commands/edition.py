"""`archivist meta show IDS…` and `archivist meta set --paper … --date … IDS…`: the
edition metadata of articles' pages (paper, date, page, section, edition, notes) and an
article's own date, with why each value is what it is."""
from __future__ import annotations

import json
import sys

from archivist import edition
from archivist.commands.library import _library_arg, _open, article_id
from archivist.errors import ArchivistError
from archivist.text.controls import escape_controls

MISSING = "(missing)"


def register(sub) -> None:
    meta = sub.add_parser("meta", help="show or set edition metadata: paper, date, page, section")
    actions = meta.add_subparsers(dest="meta_command", metavar="ACTION", required=True)
    p = actions.add_parser("show", help="the page record of articles, with the reason for each value")
    _library_arg(p)
    p.add_argument("ids", nargs="+", type=article_id, metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_show)

    p = actions.add_parser("set", help="set fields of the pages of these articles (all of them, one transaction)")
    _library_arg(p)
    p.add_argument("ids", nargs="+", type=article_id, metavar="ID")
    for field in edition.EDITABLE:
        p.add_argument(f"--{field}", metavar=field.upper(),
                       help="YYYY-MM-DD" if field == "date" else None)
    p.add_argument("--own-date", dest="own_date", metavar="DATE",
                   help="the article's own date (a reprint), over its page's; '' clears it")
    p.add_argument("--clear", action="append", default=[], choices=(*edition.EDITABLE, "own_date"),
                   help="make a field empty (missing)")
    p.set_defaults(func=run_set)


def run_show(args) -> int:
    with _open(args) as lib:
        records = [lib.edition_of(i) for i in args.ids]
    if args.json:
        json.dump(records, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for record in records:
        print(f"#{record['article_id']}  page record {record['page_id']}")
        for field in edition.EDITABLE:
            value = record[field]
            why = record["reasons"].get(field)
            shown = escape_controls(str(value)) if value else MISSING
            print(f"  {field:8} {shown}" + (f"  ({escape_controls(why)})" if why and value else ""))
        if record["own_date"]:
            print(f"  own date {record['own_date']}  (the article's, over its page's)")
    return 0


def run_set(args) -> int:
    values = {f: getattr(args, f) for f in (*edition.EDITABLE, "own_date") if getattr(args, f) is not None}
    for field in args.clear:
        values[field] = None
    if not values:
        raise ArchivistError("nothing to set: give --paper, --date, --page, --section, --edition, --notes, "
                             "--own-date or --clear")
    with _open(args, writes=True) as lib:
        for i in args.ids:
            lib.edition_of(i)  # a clear "no article #N" before anything changes
        try:
            snap = lib.set_edition(args.ids, values)
        except ValueError as exc:
            raise ArchivistError(str(exc)) from None
    print(f"set {', '.join(sorted(values))} on {len(snap['pages'])} page(s) of {len(args.ids)} article(s)")
    return 0
