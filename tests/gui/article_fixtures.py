"""Helpers of the article panel tests (their fixtures, lib and undo_stack, are in conftest)."""
from __future__ import annotations


def write_through(lib):
    """run_write as the tests give it: the change runs at once on the writable library."""
    return lambda fn, description: fn(lib)
