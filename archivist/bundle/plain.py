"""Plain exports people ask for besides bundles: a Markdown folder, JSON Lines, and a
CSV of metadata. Same ordering and stable formatting as bundles, so the same library
state gives the same files; each is written to a temporary name and renamed at the end."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

from archivist.bundle import render
from archivist.bundle.export import Progress, article_record
from archivist.errors import ArchivistError, Cancelled
from archivist.store import Library
from archivist.store.health import remove_leftovers
from archivist.store.records import search_fields

FORMATS = ("bundle", "markdown", "jsonl", "csv")
CSV_COLUMNS = ("id", "revision_id", "date", "paper", "page", "section", "source", "position", "status", "tags", "kicker", "headline",
               "subtitle", "byline", "paragraphs", "characters", "fixes")


def _records(lib: Library, ids, progress: Progress | None, cancel):
    sources: dict[int, dict] = {}
    ids = sorted(int(i) for i in ids)
    for done, article_id in enumerate(ids):
        if cancel is not None and cancel():
            raise Cancelled("export cancelled; nothing was written")
        if progress is not None and done % 100 == 0:
            progress(done, len(ids), f"article #{article_id}")
        yield article_record(lib, article_id, sources)
    if progress is not None:
        progress(len(ids), len(ids), "done")


def _atomic_file(out: Path, write) -> None:
    remove_leftovers(out, ".part")
    tmp = out.with_name(f".{out.name}.{os.getpid()}.part")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            write(fh)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def export_jsonl(lib: Library, ids, out, progress: Progress | None = None, cancel=None) -> int:
    """One article record per line (the same record as a bundle's articles/<id>.json)."""
    count = 0

    def write(fh):
        nonlocal count
        for record in _records(lib, ids, progress, cancel):
            fh.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1

    _atomic_file(Path(out), write)
    return count


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """A text cell a spreadsheet would run as a formula (`=HYPERLINK(…)`) gets a leading
    apostrophe, as OWASP advises for CSV injection; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_row(record: dict) -> list:
    return [csv_cell(v) for v in _csv_values(record)]


def _csv_values(record: dict) -> list:
    a = record["article"]
    edition = record.get("edition") or {}
    return [record["id"], record["revision_id"], record.get("date") or "",
            *(edition.get(k) or "" for k in ("paper", "page", "section")), record["source"]["filename"],
            record.get("position"), record["status"], "; ".join(record["tags"]), a.get("kicker") or "",
            a.get("headline") or "", a.get("subtitle") or "", "、".join(a.get("byline") or []),
            len(a.get("blocks") or []), len("".join(search_fields(a))), len(a.get("fixes") or [])]


def export_csv(lib: Library, ids, out, progress: Progress | None = None, cancel=None) -> int:
    """Metadata only (no body text), one row per article; UTF-8 with a BOM so that
    spreadsheet programs read the Chinese correctly."""
    count = 0

    def write(fh):
        nonlocal count
        fh.write("\ufeff")
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(CSV_COLUMNS)
        for record in _records(lib, ids, progress, cancel):
            w.writerow(csv_row(record))
            count += 1

    _atomic_file(Path(out), write)
    return count


def export_markdown(lib: Library, ids, out, progress: Progress | None = None, cancel=None) -> int:
    """A folder of <id>.md files plus index.md listing them. OUT must not exist yet (or be
    empty): the folder is built beside it and renamed when complete."""
    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ArchivistError(f"{out} already exists and is not an empty folder")
    remove_leftovers(out, ".part")
    tmp = out.with_name(f".{out.name}.{os.getpid()}.part")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    index = io.StringIO()
    index.write("# Articles\n\n")
    count = 0
    try:
        for record in _records(lib, ids, progress, cancel):
            (tmp / f"{record['id']}.md").write_text(render.to_markdown(record), encoding="utf-8")
            headline = render.md_text(record["article"].get("headline") or "(untitled)")
            headline = headline.replace("\\", "\\\\").replace("]", "\\]")
            index.write(f"- [{headline}]({record['id']}.md) {render.md_text(record.get('date') or '')}\n")
            count += 1
        (tmp / "index.md").write_text(index.getvalue(), encoding="utf-8")
        if out.exists():
            out.rmdir()
        os.replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return count
