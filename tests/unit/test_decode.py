"""Reading input: encodings detected and reported, newlines normalised, bad input refused."""
import pytest

from archivist.errors import InputError
from archivist.text.decode import read_source

TEXT = "青岛国际“朋友圈”增至50国89城\r\n\r\n本报11月1日讯 近日，市政府办公厅印发了修订后的预案。\r\n"


@pytest.mark.parametrize(
    "encoding, data, reported",
    [
        ("utf-8", TEXT.encode("utf-8"), "utf-8"),
        ("utf-8-sig", TEXT.encode("utf-8-sig"), "utf-8-sig"),
        ("utf-16", TEXT.encode("utf-16"), "utf-16"),
        ("gb18030", TEXT.encode("gb18030"), "gb18030"),
        ("big5", "青島國際朋友圈增至五十國八十九城\n\n本報訊 近日，市政府辦公廳印發了修訂後的預案。\n".encode("big5"), "big5"),
    ],
)
def test_encodings_are_detected_and_reported(tmp_path, encoding, data, reported):
    f = tmp_path / "page.txt"
    f.write_bytes(data)
    src = read_source(f)
    assert src.encoding == reported
    assert "\r" not in src.text
    assert "本报" in src.text or "本報" in src.text
    assert src.data == data  # the original bytes are kept untouched


def test_lone_carriage_returns_become_newlines(tmp_path):
    f = tmp_path / "mac.txt"
    f.write_bytes("第一段。\r\r第二段。".encode())
    assert read_source(f).text == "第一段。\n\n第二段。"


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: _write(d / "empty.txt", b""), "empty"),
        (lambda d: _write(d / "blank.txt", b"  \n\n "), "white space"),
        (lambda d: _write(d / "bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00"), "binary"),
        (lambda d: _write(d / "junk.txt", bytes(range(128, 256)) * 3), "not text"),
    ],
)
def test_bad_input_is_one_clear_error(tmp_path, make, message):
    with pytest.raises(InputError, match=message) as info:
        read_source(make(tmp_path))
    assert "\n" not in str(info.value)


def test_size_limit_is_configurable(tmp_path):
    f = _write(tmp_path / "big.txt", "青岛".encode() * 1000)
    with pytest.raises(InputError, match="over the"):
        read_source(f, max_bytes=1000)
    assert read_source(f, max_bytes=10_000).text.startswith("青岛")


def _write(path, data: bytes):
    path.write_bytes(data)
    return path
