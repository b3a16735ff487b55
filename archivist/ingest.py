"""One door for every input format: a path in, a Source (bytes kept, text decoded) out.

Text pages are read here; scans, PDFs, Word and HTML go to archivist.scan, imported only
when such a file comes (OCR models are heavy).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from archivist.errors import InputError
from archivist.text.controls import strip_controls
from archivist.text.decode import DEFAULT_MAX_BYTES, TEXT_SUFFIXES, Source, read_source

Progress = Callable[[int, int, str], None]


def supported_suffixes() -> set[str]:
    try:
        from archivist.scan import SUFFIXES  # noqa: PLC0415
    except ImportError:
        return set(TEXT_SUFFIXES)
    return set(TEXT_SUFFIXES) | set(SUFFIXES)


def read_page(path, max_bytes: int = DEFAULT_MAX_BYTES, progress: Progress | None = None,
              cancel: Callable[[], bool] | None = None) -> Source:
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in TEXT_SUFFIXES or suffix == "":
        return read_source(p, max_bytes=max_bytes)
    try:
        from archivist import scan  # noqa: PLC0415
    except ImportError:
        scan = None
    if scan is None or suffix not in scan.SUFFIXES:
        raise InputError(f"{p}: unsupported file type {suffix!r}")
    source = scan.read(p, max_bytes=max_bytes, progress=progress, cancel=cancel)
    try:
        text = strip_controls(source.text)  # Word and HTML text may carry them too
    except InputError as exc:
        raise InputError(f"{p}: {exc}") from None
    return source if text == source.text else dataclasses.replace(source, text=text)
