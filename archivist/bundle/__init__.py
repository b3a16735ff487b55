"""Review bundles (`archivist.bundle/1`, DESIGN §6) and plain exports (Qt-free).

    from archivist.bundle import export_bundle, open_review, merge_bundle, read_bundle
    export_bundle(lib, select_ids(lib, tags=["地区/青岛"]), "out.zip", progress=cb, cancel=stop)
    session = open_review("out.zip")            # a review Library folder on the laptop
    export_bundle(Library.open(session.folder), ids, "reviewed.zip")   # a review bundle
    report = merge_bundle(desk_lib, "reviewed.zip")   # conflicts → desk_lib.conflicts()
"""
from archivist.bundle.export import ExportReport, export_bundle, select_ids
from archivist.bundle.format import SCHEMA, Limits
from archivist.bundle.merge import MergeReport, merge_bundle
from archivist.bundle.plain import FORMATS, export_csv, export_jsonl, export_markdown
from archivist.bundle.reader import Bundle, read_bundle
from archivist.bundle.review import ReviewSession, default_reviews_dir, open_review

__all__ = ["FORMATS", "SCHEMA", "Bundle", "ExportReport", "Limits", "MergeReport", "ReviewSession",
           "default_reviews_dir", "export_bundle", "export_csv", "export_jsonl", "export_markdown", "merge_bundle",
           "open_review", "read_bundle", "select_ids"]
