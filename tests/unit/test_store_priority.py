"""Long work runs below the user's programs (issue 18): the split workers, the CLI import
and the GUI's job thread; the thread or process that asks is the only one lowered."""
from __future__ import annotations

import os
import sys
import threading

import pytest

from archivist.cli import main
from archivist.store import priority
from tests.unit.store_pages import write_pages

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice is Linux's")


@linux_only
def test_a_thread_lowers_itself_and_no_other():
    mine = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    seen = []

    def work():
        priority.lower_this_thread()
        priority.lower_this_thread()   # a pool thread runs job after job: the level, not +10 each time
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert seen == [max(mine, priority.NICENESS)]
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == mine


def test_the_cli_import_lowers_its_process(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(priority, "lower_this_process", lambda: calls.append(1))
    write_pages(tmp_path / "pages", 2, seed=41)
    assert main(["import", "--quiet", "--library", str(tmp_path / "lib"), str(tmp_path / "pages")]) == 0
    assert calls == [1]
