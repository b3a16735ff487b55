"""A text page's text is kept once: a page whose decoded text is exactly its file's bytes
decoded with its encoding keeps sources.text empty and is read from files/ (the raw file,
never changed, is the user's evidence and stays). Scans, PDFs, Word and HTML pages, and
text whose decoding changed it (newlines, control characters), keep their text in the row.

sources.text '' therefore means: the text is the stored file's, decoded; with no stored
file (a review library's record of a page) the page has no text, as before.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from archivist.store.errors import LibraryError


def text_to_store(source) -> str:
    """What sources.text holds for this source: '' when its file's bytes give its text."""
    if getattr(source, "kind", "text") != "text" or not source.text:
        return source.text
    try:
        same = source.data.decode(source.encoding) == source.text
    except (LookupError, UnicodeDecodeError):
        same = False
    return "" if same else source.text


def page_text(folder: Path, text: str, stored_path: str, encoding: str, sha256: str) -> str:
    """A source row's page text (text, stored_path, encoding, sha256 as stored)."""
    if text:
        return text
    path = folder / stored_path
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return ""  # no file: a review library's record carries no text
    except OSError as exc:
        raise LibraryError(f"{path}: cannot read the page's file ({exc.strerror or exc})") from None
    if hashlib.sha256(data).hexdigest() != sha256:
        raise LibraryError(f"{path}: the page's file was changed or damaged (its SHA-256 differs)")
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError) as exc:
        raise LibraryError(f"{path}: cannot decode the page's file as {encoding} ({exc})") from None
