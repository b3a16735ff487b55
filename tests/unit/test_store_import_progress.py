"""Import progress names the file (n of m) and, for a multi-page scan or PDF, each page."""
from archivist.store import Library
from tests.conftest import ROOT, SAMPLES

PDF = ROOT / "tests" / "data" / "scan" / "text.pdf"


def test_progress_reports_files_and_the_pages_of_a_pdf(tmp_path):
    seen = []
    with Library.open(tmp_path / "lib", create=True) as lib:
        report = lib.import_paths([PDF, SAMPLES / "bandao-web-2024-12-24.txt"],
                                  progress=lambda done, total, msg: seen.append((done, total, msg)))
    assert not report.failed and len(report.imported) == 2
    assert (0, 2, "text.pdf") in seen and (1, 2, "bandao-web-2024-12-24.txt") in seen
    pages = [m for d, t, m in seen if m.startswith("text.pdf: page")]
    assert pages and all(d == 0 and t == 2 for d, t, m in seen if m.startswith("text.pdf:"))
    assert "page 2 of 2" in pages[-1]
    assert seen[-1] == (2, 2, "done")
