"""The `archivist.bundle/1` format (DESIGN §6): names, limits, and a zip writer whose
output depends on the content only (same library state → same bytes).

    manifest.json           schema, kind, library ids, exported_at, per article: id,
                            revision ids, content hashes, tags, status, sha256 of its files
    articles/<id>.json      {"id", "revision_id", "source", "tags", …, "article": split/1 + fixes}
    articles/<id>.md        readable Markdown
    index.html              self-contained offline reader
    sources/<sha256><ext>   optional originals
"""
from __future__ import annotations

import hashlib
import json
import re
import zipfile
from dataclasses import dataclass

SCHEMA = "archivist.bundle/1"
KINDS = ("export", "review")
MANIFEST = "manifest.json"
INDEX = "index.html"
ARTICLE_NAME = re.compile(r"^articles/([1-9][0-9]{0,17})\.(json|md)$")
SOURCE_NAME = re.compile(r"^sources/([0-9a-f]{64})(\.[A-Za-z0-9]{1,8})?$")

# Zip entries get a fixed time and mode so the bytes depend on the content only; the
# export time lives in the manifest.
FIXED_DATE = (1980, 1, 1, 0, 0, 0)
FILE_MODE = 0o100644
COMPRESS_LEVEL = 6


@dataclass(frozen=True)
class Limits:
    """What a bundle may be before it is refused (zip bombs, runaway files)."""

    max_total_bytes: int = 1 << 30        # all entries, uncompressed
    max_entry_bytes: int = 256 << 20      # one entry, uncompressed
    max_entries: int = 500_000
    max_ratio: float = 100.0              # uncompressed / compressed, per entry and overall
    ratio_floor: int = 4096               # tiny entries cannot be bombs; their ratio is noise


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def json_bytes(value, indent: int | None = None) -> bytes:
    """Stable JSON: sorted keys, UTF-8 (Chinese stays readable). Compact unless asked:
    with an indent json falls back to its pure-Python encoder, 5× slower."""
    separators = (",", ": ") if indent is not None else (",", ":")
    return (json.dumps(value, ensure_ascii=False, sort_keys=True, indent=indent, separators=separators)
            + "\n").encode("utf-8")


def article_names(article_id: int) -> tuple[str, str]:
    return f"articles/{int(article_id)}.json", f"articles/{int(article_id)}.md"


class DeterministicZip:
    """zipfile.ZipFile in write mode with fixed dates, modes and compression; records the
    sha256 of everything written (for the manifest)."""

    def __init__(self, path):
        self._zip = zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL)
        self.hashes: dict[str, str] = {}

    def write(self, name: str, data: bytes) -> str:
        info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.create_system = 3  # unix, so the mode below means the same everywhere
        info.external_attr = FILE_MODE << 16
        self._zip.writestr(info, data, compresslevel=COMPRESS_LEVEL)
        digest = sha256(data)
        self.hashes[name] = digest
        return digest

    def close(self) -> None:
        self._zip.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
