"""Going on with an import that stopped (a crash, a quit, a cancel): files already in.

Importing a back catalogue takes hours. Whatever stopped it, every committed file is in
the library whole (groupcommit), so importing the same folder again is the resume: the
files whose bytes are already in are found first, by their SHA-256 against
sources.sha256, and skipped without being read again, split or sent to a worker; the
import then says how many are in and how many are left before it goes on.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

MIN_FILES = 2   # one file is simply imported (or found in) as before


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()   # hashlib.file_digest is 3.11+; this runs on 3.10
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def already_in(conn, files: list[Path], max_bytes: int,
               cancel: Callable[[], bool] | None = None) -> dict[Path, str]:
    """{path: sha256} of the files whose bytes the library already holds. Files that
    cannot be read, or are over `max_bytes` (refused later, with the reason), are left
    to the import. Nothing is hashed for an empty library."""
    if len(files) < MIN_FILES or conn.execute("SELECT 1 FROM sources LIMIT 1").fetchone() is None:
        return {}
    found: dict[Path, str] = {}
    for path in files:
        if cancel is not None and cancel():
            break
        try:
            if path.stat().st_size > max_bytes:
                continue
            sha = file_sha256(path)
        except OSError:
            continue
        if conn.execute("SELECT 1 FROM sources WHERE sha256 = ?", (sha,)).fetchone() is not None:
            found[path] = sha
    return found


def resume_message(known: int, total: int) -> str:
    return (f"going on: {known:,} of {total:,} files are already in the library, "
            f"{total - known:,} left to import")
