"""Before Qt starts on X11: are the system libraries its xcb platform plugin links to there?

The PySide6 wheel carries Qt itself but not the X11/xcb libraries of the system. When
one is missing (libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1 on a fresh Debian or
Ubuntu), Qt aborts with "could not load the Qt platform plugin xcb" and a hint about
QT_DEBUG_PLUGINS. Instead, the app asks the dynamic loader (ldd) which of the plugin's
libraries it cannot find and prints the apt-get line that installs them.

Imports no Qt: it runs before PySide6 is loaded. Nothing is checked off Linux, for the
offscreen, minimal, Wayland or VNC platforms, or where the plugin or ldd is not found.
"""
from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# Debian/Ubuntu packages of the libraries Qt's xcb plugin and QtGui load (sonames as ldd
# prints them). Any other soname gets Debian's naming rule (see package_for).
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
}
# What README's first section tells a new user to install (the plugin's usual gaps).
README_PACKAGES = ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0", "libxcb-render-util0",
                   "libxcb-randr0", "libxcb-shape0", "libxcb-xkb1", "libxkbcommon-x11-0", "libegl1", "libgl1",
                   "libfontconfig1", "libdbus-1-3")
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$", re.MULTILINE)


def package_for(soname: str) -> str:
    """Debian's name for the package of a library: libfoo-bar.so.3 → libfoo-bar3, and a
    dash before the number when the name ends in a digit (libfoo2.so.1 → libfoo2-1)."""
    if soname in PACKAGES:
        return PACKAGES[soname]
    name, _, version = soname.partition(".so")
    version = version.lstrip(".").split(".")[0]
    name = name.lower()
    return f"{name}-{version}" if name[-1:].isdigit() and version else f"{name}{version}"


def platform_is_xcb(environ=os.environ) -> bool:
    """Whether Qt is going to load its xcb plugin (X11) in this environment."""
    chosen = environ.get("QT_QPA_PLATFORM", "").strip().lower()
    if chosen:
        first = chosen.split(";")[0].split(":")[0]  # "wayland;xcb", "xcb:option"
        return first == "xcb"
    # Qt 6 picks Wayland in a Wayland session, X11 otherwise.
    return not (environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE", "").lower() == "wayland")


def xcb_plugin() -> Path | None:
    """PySide6's libqxcb.so, found without importing PySide6 (which may itself fail)."""
    roots = []
    if getattr(sys, "frozen", False):
        roots.append(Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "PySide6")
    try:
        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        spec = None
    if spec is not None:
        roots += [Path(p) for p in spec.submodule_search_locations or ()]
    for root in roots:
        plugin = root / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def missing_libraries(plugin: Path) -> list[str]:
    """The sonames the dynamic loader cannot find for the plugin, directly or through the
    Qt libraries it links; [] where ldd is not there to ask."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return []
    try:
        out = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return list(dict.fromkeys(_NOT_FOUND.findall(out)))


def install_line(sonames: list[str]) -> str:
    packages = " ".join(dict.fromkeys(package_for(s) for s in sonames))
    sudo = "" if hasattr(os, "geteuid") and os.geteuid() == 0 else "sudo "
    return f"{sudo}apt-get install {packages}"


def problem(environ=os.environ) -> str | None:
    """What to tell the user before Qt would abort, or None when nothing is missing."""
    if not sys.platform.startswith("linux") or not platform_is_xcb(environ):
        return None
    plugin = xcb_plugin()
    if plugin is None:
        return None
    missing = missing_libraries(plugin)
    if not missing:
        return None
    return ("archivist: the desktop app cannot start: Qt's X11 (xcb) platform plugin needs system "
            f"libraries that are not installed ({', '.join(missing)}). On Debian or Ubuntu:\n\n"
            f"    {install_line(missing)}\n")
