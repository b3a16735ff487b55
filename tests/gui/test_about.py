"""The About box shows the version from pyproject, the same as `archivist --version`."""
import re

from archivist.gui.actions import about_text
from tests.conftest import ROOT


def test_about_shows_the_pyproject_version(qapp):
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    version = re.search(r'^version = "([^"]+)"', pyproject, re.M).group(1)
    assert about_text().startswith(f"archivist {version}\n")
