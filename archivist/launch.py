"""Start the desktop app. Kept apart from cli.py so the CLI never imports Qt."""
from __future__ import annotations

import sys

from archivist.gui import syslibs  # Qt-free: asked before Qt is loaded


def launch_gui(args) -> int:
    message = syslibs.problem()
    if message:  # instead of Qt's abort ("could not load the Qt platform plugin xcb")
        print(message, file=sys.stderr)
        return 1
    try:
        from archivist.gui.app import run  # noqa: PLC0415 - Qt only when the GUI is asked for
    except ImportError:
        print("archivist: the desktop app is not built yet; see `archivist --help`", file=sys.stderr)
        return 0
    if getattr(args, "smoke_test", False):
        from archivist.gui.smoke import run_smoke_test  # noqa: PLC0415

        return run_smoke_test(args)
    return run(args)
