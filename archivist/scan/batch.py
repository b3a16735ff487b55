"""Reading a batch of files for an import: one file's bad input never stops the others.

Each result says what happened to one file, for the import summary. Cancelling stops
the whole batch (Cancelled propagates); the OCR engine stays loaded across files.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from archivist.errors import InputError
from archivist.text.decode import DEFAULT_MAX_BYTES, Source


@dataclass
class FileResult:
    path: Path
    source: Source | None = None
    error: str | None = None  # one line: "<path>: <reason>"

    @property
    def ok(self) -> bool:
        return self.source is not None


def read_many(paths: Iterable, max_bytes: int = DEFAULT_MAX_BYTES,
              progress: Callable[[int, int, str], None] | None = None,
              cancel: Callable[[], bool] | None = None) -> list[FileResult]:
    """Read every file through archivist.ingest.read_page. progress gets
    (file index, file count, "name: page message") so a GUI can show both levels."""
    from archivist.ingest import read_page  # noqa: PLC0415 (ingest imports this package lazily)

    paths = [Path(p) for p in paths]
    results = []
    for i, path in enumerate(paths):
        def page_progress(done, total, message, i=i, path=path):
            if progress:
                progress(i, len(paths), f"{path.name}: {message}")

        try:
            results.append(FileResult(path, read_page(path, max_bytes=max_bytes, progress=page_progress,
                                                      cancel=cancel)))
        except InputError as exc:
            results.append(FileResult(path, error=str(exc).splitlines()[0]))
        if progress:
            progress(i + 1, len(paths), f"{path.name}: {'read' if results[-1].ok else 'failed'}")
    return results
