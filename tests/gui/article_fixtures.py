"""A library of the bundled sample pages for the article panel tests: imported once per
session, copied for each test (a copy takes milliseconds, an import most of a second)."""
from __future__ import annotations

import shutil

import pytest
from PySide6.QtGui import QUndoStack

from archivist.store import Library
from tests.conftest import SAMPLES


@pytest.fixture(scope="session")
def library_template(tmp_path_factory):
    folder = tmp_path_factory.mktemp("template") / "library"
    with Library.open(folder, create=True) as lib:
        report = lib.import_paths(sorted(SAMPLES.glob("*.txt")))
        assert report.ok and report.articles
    return folder


@pytest.fixture
def lib(library_template, tmp_path):
    folder = tmp_path / "library"
    shutil.copytree(library_template, folder)
    with Library.open(folder) as opened:
        yield opened


@pytest.fixture
def undo_stack(qtbot):
    return QUndoStack()


def write_through(lib):
    return lambda fn, description: fn(lib)
