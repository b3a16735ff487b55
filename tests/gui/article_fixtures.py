"""Fixtures of the article panel tests, on conftest's copy of the sample library."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from archivist.store import Library


@pytest.fixture
def lib(sample_library):
    with Library.open(sample_library) as opened:
        yield opened


@pytest.fixture
def undo_stack(qtbot):
    return QUndoStack()


def write_through(lib):
    """run_write as the tests give it: the change runs at once on the writable library."""
    return lambda fn, description: fn(lib)
