"""Long work at background priority: an import of a back catalogue runs for hours.

The split workers, the CLI import and the GUI's job thread (imports, re-splits) run below
the user's programs: they then take the cores only when nothing else wants them, and the
window and whatever else the archivist works in keep their share. Nice 10 is the usual
level for batch work; Windows' nearest is "below normal". Best effort: where the system
refuses, the work runs as before. Edits in the window run on the GUI thread, unchanged.
"""
from __future__ import annotations

import os
import sys
import threading

NICENESS = 10   # the level long work runs at (not an increment: lowering twice changes nothing)
_BELOW_NORMAL_PRIORITY_CLASS = 0x4000   # Windows, for a process
_THREAD_PRIORITY_BELOW_NORMAL = -1      # Windows, for a thread


def _kernel32():
    import ctypes  # noqa: PLC0415 - Windows only

    return ctypes.windll.kernel32


def lower_this_process() -> None:
    if NICENESS <= 0:
        return
    try:
        if sys.platform == "win32":
            k32 = _kernel32()
            k32.SetPriorityClass(k32.GetCurrentProcess(), _BELOW_NORMAL_PRIORITY_CLASS)
        else:
            current = os.getpriority(os.PRIO_PROCESS, 0)
            if current < NICENESS:
                os.nice(NICENESS - current)
    except (AttributeError, OSError):
        pass


def lower_this_thread() -> None:
    """Lower the calling thread only (the GUI thread of the same process stays as it is)."""
    tid = threading.get_native_id()
    if NICENESS <= 0:
        return
    try:
        if sys.platform == "win32":
            k32 = _kernel32()
            k32.SetThreadPriority(k32.GetCurrentThread(), _THREAD_PRIORITY_BELOW_NORMAL)
        elif sys.platform.startswith("linux"):
            # Linux keeps a nice value per thread, addressed by its thread id.
            os.setpriority(os.PRIO_PROCESS, tid, max(NICENESS, os.getpriority(os.PRIO_PROCESS, tid)))
        # macOS has no per-thread nice: the job thread runs at normal priority there.
    except (AttributeError, OSError):
        pass
