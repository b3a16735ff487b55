"""`archivist show 9 | head -1`: a reader that stops early is not a crash. The command
exits quietly, as Unix tools do, with no traceback on stderr."""
import os
import subprocess
import sys

import pytest

from archivist.cli import EXIT_BROKEN_PIPE
from archivist.store import Library
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pipe") / "library"
    with Library.open(folder, create=True) as lib:
        assert lib.import_paths(sorted(SAMPLES.glob("*.txt"))).articles >= 9
    return folder


def run_into_closed_pipe(*args):
    """The command with its stdout a pipe whose reading end is already closed."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run([sys.executable, "-m", "archivist", *args], stdout=write_end,
                              stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write_end)
    return proc


@pytest.mark.parametrize("args", [["show", "9"], ["search", "青岛"], ["stats"]])
def test_a_closed_pipe_ends_the_command_quietly(library, args):
    proc = run_into_closed_pipe(*args, "--library", str(library))
    assert proc.stderr == ""
    assert proc.returncode == EXIT_BROKEN_PIPE


def test_a_pipe_read_to_the_end_is_unchanged(library):
    proc = subprocess.run([sys.executable, "-m", "archivist", "show", "9", "--library", str(library)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stdout.startswith("#9 ") and proc.stderr == ""
