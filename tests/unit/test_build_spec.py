"""build.spec ships every family of data the app reads at run time (PyInstaller itself
runs in `make dist`, never in the test suite)."""
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = (ROOT / "build.spec").read_text(encoding="utf-8")


def test_library_data_and_version_metadata_are_collected():
    for package in ("jieba", "opencc", "pypinyin", "rapidocr_onnxruntime"):
        assert f'collect_data_files("{package}")' in SPEC, package
    assert 'copy_metadata("archivist")' in SPEC          # --version and the About box
    assert 'collect_submodules("archivist")' in SPEC     # commands imported by name


def test_every_resource_folder_and_the_migrations_ship():
    folders = sorted(p.name for p in (ROOT / "resources").iterdir() if p.is_dir())
    assert folders, "resources/ is empty?"
    for name in folders:
        assert f'"resources/{name}")' in SPEC, f"resources/{name} is not in build.spec"
    assert re.search(r'ROOT / "db" / "\*\.sql"\), "db"\)', SPEC)


def test_opencv_qt5_plugins_are_dropped():
    assert 'startswith("cv2/qt/")' in SPEC
    assert "a.binaries = [e for e in a.binaries if _not_cv2_qt(e)]" in SPEC


def test_the_dist_extra_brings_pyinstaller():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert any(req.lower().startswith("pyinstaller") for req in project["optional-dependencies"]["dist"])
