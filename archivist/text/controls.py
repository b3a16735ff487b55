"""C0/C1 control characters: taken out of page text, made visible in names and on the
terminal. An ESC or BEL from a file, a file name or a merged bundle would otherwise be
obeyed by the user's terminal (colours, window title, clearing the screen)."""
from __future__ import annotations

import re

from archivist.errors import InputError

# Tab and newline are text; everything else below U+0020, DEL and U+0080–U+009F is not.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NAME_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")  # a name has no lines or tabs either
MAX_CONTROL_SHARE = 0.01  # more than this (and more than 3) is a wrongly decoded file


def _visible(m: re.Match) -> str:
    return f"\\u{ord(m.group()):04x}"


def escape_controls(text: str) -> str:
    """Each control character (tab and newline kept) as the six characters `\\u001b`:
    readable, and the same character again inside a JSON string."""
    return _CONTROLS.sub(_visible, text)


def escape_name(name: str) -> str:
    """A file name on one line: newline and tab escaped too."""
    return _NAME_CONTROLS.sub(_visible, name)


def strip_controls(text: str) -> str:
    """Page text without control characters; too many of them means it is not text."""
    found = len(_CONTROLS.findall(text))
    if found > max(3, len(text) * MAX_CONTROL_SHARE):
        raise InputError(f"{found} control characters: wrong encoding or not text")
    return _CONTROLS.sub("", text) if found else text
