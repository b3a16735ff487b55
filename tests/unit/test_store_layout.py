"""A scan's line boxes are kept beside its bytes, for the GUI's region view."""
from pathlib import Path

from archivist.scan import regions_for_article
from archivist.store import Library

DATA = Path(__file__).resolve().parents[1] / "data" / "scan"


def test_layout_kept_for_pdf_and_empty_for_text(tmp_path):
    with Library.open(tmp_path / "lib", create=True) as lib:
        report = lib.import_paths([DATA / "text.pdf", DATA / "sample.txt"])
        assert report.ok, report.failed
        by_kind = {lib.source(lib.get_article(i)["source_id"])["kind"]: lib.get_article(i) for i in report.article_ids}
        pdf = by_kind["pdf-text"]
        layout = lib.source_layout(pdf["source_id"])
        assert layout and {"page", "bbox", "size", "text"} <= set(layout[0])
        regions = regions_for_article(pdf, layout)
        assert regions["headline"] and all(regions["blocks"])
        text_source = next(a for k, a in by_kind.items() if k != "pdf-text")["source_id"]
        assert lib.source_layout(text_source) == []
        # Re-opening reads the same layout back.
    with Library.open(tmp_path / "lib", readonly=True) as again:
        assert again.source_layout(pdf["source_id"]) == layout
