"""`make run` on a machine without the X11 libraries Qt's xcb plugin needs: the exact
apt-get line, not Qt's abort. No Qt is loaded here (archivist.gui.syslibs is Qt-free)."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

from archivist import launch
from archivist.gui import syslibs

ROOT = Path(__file__).resolve().parents[2]
LDD_OUTPUT = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-util.so.1 => /lib/x86_64-linux-gnu/libxcb-util.so.1 (0x00007f8f)
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
\tlibfoo2.so.1 => not found
"""


@pytest.fixture
def fake_ldd(monkeypatch):
    monkeypatch.setattr(syslibs.shutil, "which", lambda name: "/usr/bin/ldd")
    monkeypatch.setattr(syslibs.subprocess, "run", lambda *a, **k: subprocess.CompletedProcess(a, 0, LDD_OUTPUT, ""))
    monkeypatch.setattr(syslibs, "xcb_plugin", lambda: Path("/x/libqxcb.so"))
    monkeypatch.setattr(syslibs.sys, "platform", "linux")


def test_missing_libraries_are_read_from_ldd_once_each(fake_ldd):
    assert syslibs.missing_libraries(Path("/x/libqxcb.so")) == [
        "libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libfoo2.so.1"]


def test_debian_package_names():
    assert syslibs.package_for("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert syslibs.package_for("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert syslibs.package_for("libX11-xcb.so.1") == "libx11-xcb1"
    # not in the table: Debian's rule
    assert syslibs.package_for("libxcb-foo.so.2") == "libxcb-foo2"
    assert syslibs.package_for("libfoo2.so.1") == "libfoo2-1"


@pytest.mark.parametrize("env, xcb", [
    ({}, True),
    ({"QT_QPA_PLATFORM": "xcb"}, True),
    ({"QT_QPA_PLATFORM": "offscreen"}, False),
    ({"QT_QPA_PLATFORM": "wayland;xcb"}, False),
    ({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, False),
    ({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "x11"}, True),
])
def test_only_the_xcb_platform_is_checked(env, xcb):
    assert syslibs.platform_is_xcb(env) is xcb


def test_the_message_is_the_exact_apt_get_line(fake_ldd):
    message = syslibs.problem({"QT_QPA_PLATFORM": "xcb"})
    line = next(ln.strip() for ln in message.splitlines() if "apt-get install" in ln)
    assert re.fullmatch(r"(sudo )?apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libfoo2-1", line)
    assert syslibs.problem({"QT_QPA_PLATFORM": "offscreen"}) is None


def test_launch_prints_it_instead_of_starting_qt(fake_ldd, monkeypatch, capsys):
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    assert launch.launch_gui(object()) == 1
    assert "apt-get install libxcb-cursor0" in capsys.readouterr().err


def test_the_real_check_runs_without_qt():
    """On this machine, whatever it has installed: the check answers, and loads no Qt."""
    code = ("import sys; from archivist.gui import syslibs; "
            "print(syslibs.problem({'QT_QPA_PLATFORM': 'xcb'}) is None, syslibs.xcb_plugin() is not None); "
            "assert 'PySide6' not in sys.modules")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.split()[1] == "True"  # the wheel's xcb plugin is found


def test_readme_lists_the_packages():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_section = readme.split("\n## ")[0]
    line = next(ln for ln in first_section.splitlines() if "apt-get install libxcb" in ln)
    assert set(syslibs.README_PACKAGES) <= set(line.split())
