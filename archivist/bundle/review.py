"""Review sessions: a bundle opened on a laptop without the desk's library.

A review session is a real Library (so every view, edit, fix revert, tag and undo of the
app works unchanged) built from the bundle: the articles keep their desk ids, and each
remembers its base (desk library id, base revision id, content hash, tags, status) in
review_bases. Exporting from it (export_bundle) writes a *review* bundle carrying those
bases, which merge_bundle compares against the desk library.
"""
from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from archivist.bundle.reader import Bundle, read_bundle
from archivist.errors import BundleError
from archivist.store import Library, default_library_dir
from archivist.store.health import remove_leftovers
from archivist.store.library import DB_NAME


@dataclass
class ReviewSession:
    folder: Path
    created: bool        # False: the same bundle was opened before; its work is kept
    articles: int
    base_library_id: str


def default_reviews_dir() -> Path:
    return default_library_dir().parent / "reviews"


def review_folder_for(bundle: Bundle, parent: Path | None = None) -> Path:
    stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in bundle.path.stem)[:40] or "bundle"
    return (parent or default_reviews_dir()) / f"{stem}-{bundle.sha256[:12]}"


def open_review(bundle_path, folder=None, limits=None) -> ReviewSession:
    """Create (or reopen) the review library for a bundle. `folder`: where it lives
    (default: <user data>/reviews/<bundle name>-<hash>). The bundle is checked first; a
    refused bundle creates nothing."""
    bundle = read_bundle(bundle_path, limits)
    folder = Path(folder) if folder is not None else review_folder_for(bundle)
    if (folder / DB_NAME).exists():
        with Library.open(folder) as lib:
            info = lib.review_info()
            if info is None or info.get("bundle_sha256") != bundle.sha256:
                raise BundleError(f"{folder} already holds another library; choose another folder")
            return ReviewSession(folder, False, lib.count(), info["base_library_id"])
    if folder.exists() and any(folder.iterdir()):
        raise BundleError(f"{folder} is not empty; choose another folder for the review")
    # Built in a sibling folder and renamed when complete: never a half-made review.
    remove_leftovers(folder, ".building")
    tmp = folder.with_name(f".{folder.name}.{os.getpid()}.building")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        with Library.open(tmp, create=True) as lib:
            _fill(lib, bundle)
        if folder.exists():
            folder.rmdir()
        folder.parent.mkdir(parents=True, exist_ok=True)
        os.replace(tmp, folder)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return ReviewSession(folder, True, len(bundle.articles), bundle.base_library_id)


def _fill(lib: Library, bundle: Bundle) -> None:
    pages: dict[tuple, int] = {}  # (source id, page values): one page record for the articles of a page
    with lib.transaction():
        for article_id in sorted(bundle.articles):
            record, entry = bundle.articles[article_id], bundle.entries[article_id]
            src = record["source"]
            lib.add_source_record(src["id"], src["sha256"], src["filename"], src.get("date"),
                                  bundle.sources.get(src["sha256"]))
            lib.add_article_with_id(article_id, src["id"], int(record.get("position") or 0), record["article"],
                                    record.get("date"), record.get("status") or "new", record["tags"],
                                    note=f"from bundle; desk revision {entry['base_revision_id']}")
            edition = record.get("edition")
            if edition:
                page = {k: edition.get(k) for k in ("paper", "date", "page", "section", "edition", "notes")}
                key = (src["id"], json.dumps([page, edition.get("reasons") or {}], ensure_ascii=False, sort_keys=True))
                if key not in pages:
                    pages[key] = lib.add_page_record(src["id"], page, edition.get("reasons"))
                lib.place_on_page(article_id, pages[key], edition.get("own_date"))
            # A plain export's base edition is the one it carries; None: from before editions were merged.
            lib.set_review_base(article_id, bundle.base_library_id, entry["base_revision_id"],
                                entry["base_content_sha256"], entry["base_tags"], entry.get("base_status") or "new",
                                entry.get("base_edition"))
            if record.get("trashed"):
                lib.trash([article_id])
        lib.set_review_info({"base_library_id": bundle.base_library_id, "bundle_sha256": bundle.sha256,
                             "bundle_name": bundle.path.name, "bundle_library_id": bundle.manifest["library_id"]})
