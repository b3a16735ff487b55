"""Export articles as an `archivist.bundle/1` zip (see format.py).

The same library state gives the same bytes apart from manifest.json's exported_at:
articles go in id order, entries have fixed dates/modes/compression, JSON has sorted
keys. The zip is written to a temporary file next to OUT and renamed at the end, so a
cancelled or failed export leaves nothing half-written.

From a review library (made by open_review) the bundle is a *review* bundle: each
article entry records the base revision it started from (and its hash, tags, status) and
its state now, which is what merge_bundle compares.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from archivist.bundle import edition_merge, render
from archivist.bundle.format import INDEX, MANIFEST, SCHEMA, DeterministicZip, article_names, json_bytes
from archivist.errors import ArchivistError, Cancelled
from archivist.store import ArticleFilter, Library
from archivist.store.health import remove_leftovers
from archivist.store.review import article_sha256

Progress = Callable[[int, int, str], None]

# get_article's meta keys that do not belong in a bundle record (per library, or volatile).
_DROPPED_META = {"id", "source_id", "position", "source", "date", "status", "trashed", "revision_id", "tags",
                 "duplicate_of", "similarity"}


@dataclass
class ExportReport:
    path: Path
    kind: str
    articles: int
    sources: int
    bytes: int
    skipped_new: list[int]


def select_ids(lib: Library, query: str | None = None, tags=(), ids=None, everything: bool = False) -> list[int]:
    """Article ids by search words, tags (all must hold), explicit ids, or the whole
    library (trash excluded), in id order."""
    if ids is not None:
        wanted = sorted({int(i) for i in ids})
        for article_id in wanted:
            lib.get_article(article_id)  # NotFound, one clear line
        return wanted
    if query is None and not tags and not everything:
        raise ArchivistError("choose what to export: a query, a tag, ids, or everything")
    return sorted(lib.list_ids(ArticleFilter(query=query, tags=list(tags)), sort="id"))


def article_record(lib: Library, article_id: int, sources: dict[int, dict]) -> dict:
    """What articles/<id>.json holds: the split/1 article (with fixes) under "article",
    its ids, source, date, status and tags beside it."""
    got = lib.get_article(article_id)
    source_id = got["source_id"]
    if source_id not in sources:
        src = lib.source(source_id)
        sources[source_id] = {"id": source_id, "filename": src["filename"], "sha256": src["sha256"],
                              "date": src["date"], "file": src["file"]}
    src = sources[source_id]
    article = {k: v for k, v in got.items() if k not in _DROPPED_META}
    return {"id": got["id"], "revision_id": got["revision_id"], "position": got["position"], "date": got["date"],
            "status": got["status"], "trashed": got["trashed"], "tags": sorted(got["tags"]),
            "source": {k: src[k] for k in ("id", "filename", "sha256", "date")}, "article": article,
            "edition": _edition(lib, article_id)}


def _edition(lib: Library, article_id: int) -> dict:
    """The article's page record (paper, date, page, section, edition, notes, reasons) and
    its own date: what the archive catalogues it by."""
    got = lib.edition_of(article_id)
    return {k: got[k] for k in ("paper", "date", "page", "section", "edition", "notes", "own_date", "reasons")}


def _entry(record: dict, base: dict | None, files: dict[str, str]) -> dict:
    content = article_sha256(record["article"])
    entry = {"id": record["id"], "revision_id": record["revision_id"], "content_sha256": content,
             "tags": record["tags"], "status": record["status"], "files": files}
    if base is None:  # a plain export: the base is the state exported
        entry.update(base_revision_id=record["revision_id"], base_content_sha256=content,
                     base_tags=record["tags"], base_status=record["status"],
                     base_edition=edition_merge.values(record["edition"]))
    else:
        entry.update(base_revision_id=base["base_revision_id"], base_content_sha256=base["base_sha256"],
                     base_tags=sorted(base["base_tags"]), base_status=base["base_status"])
        if base.get("base_edition") is not None:  # None: reviewed from an older bundle
            entry["base_edition"] = edition_merge.values(base["base_edition"])
    return entry


def export_bundle(lib: Library, ids, out, with_sources: bool = False, progress: Progress | None = None,
                  cancel: Callable[[], bool] | None = None, exported_at: str | None = None) -> ExportReport:
    out = Path(out)
    review = lib.review_info()
    bases = lib.review_bases() if review else {}
    ids = sorted(int(i) for i in ids)
    skipped_new = [i for i in ids if review and i not in bases]  # made in the review: no base to merge onto
    ids = [i for i in ids if not review or i in bases]
    remove_leftovers(out, ".part")
    tmp = out.with_name(f".{out.name}.{os.getpid()}.part")
    sources: dict[int, dict] = {}
    records: list[dict] = []
    entries: list[dict] = []
    total = len(ids)
    try:
        with DeterministicZip(tmp) as zf:
            for done, article_id in enumerate(ids):
                if cancel is not None and cancel():
                    raise Cancelled("export cancelled; nothing was written")
                if progress is not None and done % 100 == 0:
                    progress(done, total, f"article #{article_id}")
                record = article_record(lib, article_id, sources)
                json_name, md_name = article_names(article_id)
                files = {json_name: zf.write(json_name, json_bytes(record)),
                         md_name: zf.write(md_name, render.to_markdown(record).encode("utf-8"))}
                entries.append(_entry(record, bases.get(article_id), files))
                records.append(record)
            top_files = {}
            if with_sources:
                for src in sorted(sources.values(), key=lambda s: s["sha256"]):
                    path = Path(src["file"])
                    if path.is_file():
                        name = f"sources/{src['sha256']}{_suffix(src['filename'])}"
                        top_files[name] = zf.write(name, path.read_bytes())
            title = f"archivist — {len(records)} article(s)"
            top_files[INDEX] = zf.write(INDEX, render.index_html(records, title).encode("utf-8"))
            manifest = {
                "schema": SCHEMA, "kind": "review" if review else "export",
                "library_id": lib.library_id,
                "base_library_id": review["base_library_id"] if review else lib.library_id,
                "exported_at": exported_at or datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "articles": entries, "files": top_files,
            }
            zf.write(MANIFEST, json_bytes(manifest, indent=1))
        if progress is not None:
            progress(total, total, "done")
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return ExportReport(out, manifest["kind"], len(records), len(top_files) - 1, out.stat().st_size, skipped_new)


def _suffix(filename: str) -> str:
    suffix = Path(filename).suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else ""
