"""`archivist split`: readable and JSON output, exit 2 with one line for bad input."""
import json
import subprocess
import sys

import pytest

from archivist.cli import main
from tests.conftest import SAMPLES

PAGE = SAMPLES / "qingdao-daily-2024-11-02.txt"


def test_json_output_follows_the_split_schema(capsys):
    assert main(["split", "--json", str(PAGE)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["schema"] == "archivist.split/1"
    assert doc["source"]["encoding"] == "utf-8" and len(doc["source"]["sha256"]) == 64
    assert len(doc["articles"]) == 7
    first = doc["articles"][0]
    assert set(first) >= {"kicker", "headline", "subtitle", "deck", "byline", "dateline", "blocks", "captions", "fixes"}
    fix = first["fixes"][0]
    assert set(fix) >= {"rule", "action", "before", "after", "block", "start", "reason"}


def test_readable_output_names_the_elements(capsys):
    assert main(["split", str(PAGE)]) == 0
    out = capsys.readouterr().out
    assert "主题  青岛国际“朋友圈”增至50国89城" in out
    assert "电头  本报11月1日讯" in out
    assert "署名  刘萍" in out
    assert "fixes:" in out


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02binary"])
def test_bad_file_exits_2_with_one_line(tmp_path, capsys, content):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    assert main(["split", str(f)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("archivist: ")


def test_missing_file_from_a_real_process_has_no_traceback(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "archivist", "split", str(tmp_path / "nope.txt")],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "no such file" in proc.stderr


def test_size_limit_option(tmp_path, capsys):
    f = tmp_path / "page.txt"
    f.write_text("青岛日报。" * 400_000, encoding="utf-8")
    assert main(["split", "--max-mb", "1", str(f)]) == 2
    assert "limit" in capsys.readouterr().err


def test_split_reads_a_page_image_as_import_does(capsys):
    """`archivist split --json page.png` runs the scan reader first (OCR, layout), then splits."""
    from pathlib import Path

    image = Path(__file__).resolve().parents[1] / "data" / "scan" / "page2.png"
    assert main(["split", "--json", str(image)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["source"]["encoding"] == "ocr"
    assert [a["headline"] for a in doc["articles"]] == ["春季农业生产有序推进", "城市公园新增健身步道"]
