"""A library named by a relative path, or one with odd characters, opens like any other."""
import os

from archivist.cli import main


def test_relative_library_path_from_the_cli(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "page.txt"
    page.write_text("## 栈桥海滨步行道焕新开放\n\n本报讯 经过半年提升改造的栈桥海滨步行道正式开放。\n", encoding="utf-8")
    assert main(["import", "--library", "rel lib#1?", str(page)]) == 0
    assert os.path.exists(tmp_path / "rel lib#1?" / "library.sqlite")
    capsys.readouterr()
    assert main(["search", "--library", "rel lib#1?", "棧橋"]) == 0
    assert "栈桥海滨步行道焕新开放" in capsys.readouterr().out
