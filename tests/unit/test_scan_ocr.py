"""OCR of the rendered fixtures (tests/data/scan, made by make_fixtures.py): character
error rate against the typeset text, column order, multi-page TIFF, progress, cancel.

Each fixture is read once per session (OCR is the slow part of the suite)."""
import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from rapidfuzz.distance import Levenshtein

import archivist.scan as scan
from archivist.errors import Cancelled
from archivist.ingest import read_page
from archivist.scan import ocr

DATA = Path(__file__).resolve().parents[1] / "data" / "scan"
TRUTH = json.loads((DATA / "truth.json").read_text(encoding="utf-8"))


def norm(text: str) -> str:
    """Compare characters only: NFKC (full/half-width punctuation alike), no spaces or '#'."""
    return re.sub(r"[\s#]+", "", unicodedata.normalize("NFKC", text))


def cer(reference: str, hypothesis: str) -> float:
    ref, hyp = norm(reference), norm(hypothesis)
    return Levenshtein.distance(ref, hyp) / len(ref)


def typeset(name: str) -> list[str]:
    return [p for article in TRUTH[name] for p in article]


@pytest.fixture(scope="session")
def read_once():
    cache = {}

    def read(name):
        if name not in cache:
            events = []
            cache[name] = (read_page(DATA / name, progress=lambda *e: events.append(e)), events)
        return cache[name]

    return read


@pytest.mark.parametrize("name, limit", [("page1.png", 0.02), ("page2.png", 0.02), ("page2-noisy.jpg", 0.05)])
def test_character_error_rate_against_the_rendered_text(read_once, name, limit):
    source, _ = read_once(name)
    rate = cer("".join(typeset(name)), source.text)
    print(f"{name}: CER {rate:.4f}")
    assert source.kind == "ocr" and source.encoding == "ocr"
    assert rate <= limit


@pytest.mark.parametrize("name", ["page1.png", "page2.png", "page2-noisy.jpg"])
def test_columns_are_read_in_order_and_paragraphs_kept(read_once, name):
    source, _ = read_once(name)
    paras = [norm(p) for p in source.text.split("\n\n") if p.strip() and p.strip() != "---"]
    expected = [norm(p) for p in typeset(name)]
    # one OCR paragraph per typeset paragraph, in the same order (fuzzy: OCR may slip a character)
    assert len(paras) == len(expected)
    for got, want in zip(paras, expected):
        assert Levenshtein.normalized_distance(got, want) <= 0.1, (got, want)


def test_headlines_become_heading_hints_and_layout_keeps_boxes(read_once):
    source, _ = read_once("page2.png")
    headings = [p for p in source.text.split("\n\n") if p.startswith("#")]
    assert [norm(h) for h in headings] == ["春季农业生产有序推进", "城市公园新增健身步道"]
    assert all(p.startswith("# ") for p in headings)
    rec = source.layout[0]
    assert rec["page"] == 1 and rec["size"] == [1000, 728] and norm(rec["text"]) == "春季农业生产有序推进"
    x0, y0, x1, y1 = rec["bbox"]
    assert 250 < x0 < x1 < 750 and 30 < y0 < y1 < 110  # the headline, centred at the top
    json.dumps(source.layout)  # JSON-serialisable


def test_multi_page_tiff_reports_progress_per_page_and_loads_the_model_once(read_once):
    first = ocr.engine()
    source, events = read_once("pages.tif")
    assert ocr.engine() is first
    pages = [e[:2] for e in events if "recognised" in e[2] and "pieces" not in e[2]]
    assert pages == [(1, 2), (2, 2)] and events[0][:2] == (0, 2)
    assert [e[0] for e in events] == sorted(e[0] for e in events)  # never goes back
    # inside each page: detection, then recognition n/m pieces, so a long page never looks frozen
    inner = [e[2] for e in events if "pieces" in e[2]]
    assert any(m.startswith("page 1 of 2: finding") for m in [e[2] for e in events])
    assert any(re.match(r"page 2 of 2: recognised \d+ of \d+ pieces of text", m) for m in inner)
    assert {r["page"] for r in source.layout} == {1, 2}
    assert cer("".join(typeset("page1.png") + typeset("page2.png")), source.text) <= 0.03
    assert source.data == (DATA / "pages.tif").read_bytes()


def test_cancel_between_pages_raises_cancelled():
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 1  # let page 1 through, stop before page 2

    with pytest.raises(Cancelled):
        scan.read(DATA / "pages.tif", cancel=cancel)


def test_loading_the_engine_leaves_qt_environment_alone():
    """cv2 (from opencv-python) points Qt at its own Qt5 plugins on import; the GUI is Qt6."""
    code = ("import os; from archivist.scan import ocr; ocr.engine(); "
            "print(os.environ.get('QT_QPA_PLATFORM_PLUGIN_PATH'), os.environ.get('QT_QPA_FONTDIR'))")
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_QPA")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.split() == ["None", "None"]
