"""Read a bundle safely: every entry is checked before anything in it is trusted, the
members are read into memory with size caps (never extracted to disk), and any problem
rejects the whole bundle with one BundleError line.

Checks, in order: the file is a zip; entry count; names (absolute, drive letters,
backslashes, `..`, empty or `.` parts, control characters, duplicates — also by case,
for case-insensitive disks); symlinks and other non-regular entries; encryption and
compression methods; declared sizes against the limits and the compression ratio; the
manifest's JSON and schema; that the entries are exactly the files the manifest lists,
each with its sha256; every article's JSON and shape.
"""
from __future__ import annotations

import json
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from archivist.bundle import fields
from archivist.bundle.format import (ARTICLE_NAME, INDEX, KINDS, MANIFEST, SCHEMA, SOURCE_NAME, Limits,
                                     article_names, sha256)
from archivist.errors import BundleError
from archivist.store.review import article_sha256

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_DRIVE = re.compile(r"^[A-Za-z]:")
_STRING_FIELDS = ("kicker", "headline", "subtitle", "dateline")
_LIST_FIELDS = ("deck", "byline", "captions", "credit")


@dataclass
class Bundle:
    """A checked bundle, in memory. `articles`: id → the articles/<id>.json record;
    `entries`: id → its manifest entry; `sources`: sha256 → original bytes."""

    path: Path
    sha256: str
    manifest: dict
    articles: dict[int, dict] = field(default_factory=dict)
    entries: dict[int, dict] = field(default_factory=dict)
    sources: dict[str, bytes] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return self.manifest["kind"]

    @property
    def base_library_id(self) -> str:
        return self.manifest["base_library_id"]


def _reject(path: Path, why: str) -> BundleError:
    return BundleError(f"{path.name}: bundle refused, nothing changed: {why}")


def check_name(name: str) -> str | None:
    """Why an entry name is unsafe, or None."""
    if not name:
        return "an entry without a name"
    if _CONTROL.search(name):
        return f"entry name with control characters {name!r}"
    if "\\" in name:
        return f"entry name with a backslash {name!r}"
    if name.startswith("/") or _DRIVE.match(name):
        return f"absolute entry path {name!r}"
    parts = name.split("/")
    if ".." in parts:
        return f"entry path leaving the bundle {name!r}"
    if any(p in ("", ".") for p in parts):
        return f"entry path with empty or '.' parts {name!r}"
    return None


def _check_entries(path: Path, infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(infos) > limits.max_entries:
        raise _reject(path, f"{len(infos):,} entries (limit {limits.max_entries:,})")
    seen: set[str] = set()
    total = packed = 0
    for info in infos:
        name = info.filename
        why = check_name(name)
        if why:
            raise _reject(path, why)
        if name.casefold() in seen:
            raise _reject(path, f"duplicate entry {name!r}")
        seen.add(name.casefold())
        mode = info.external_attr >> 16
        # No file-type bits (Windows tools, zipfile.writestr) means a plain file.
        if info.is_dir() or stat.S_IFMT(mode) not in (0, stat.S_IFREG):
            kind = "symlink" if stat.S_ISLNK(mode) else "directory or special file"
            raise _reject(path, f"{kind} entry {name!r}")
        if info.flag_bits & 0x1:
            raise _reject(path, f"encrypted entry {name!r}")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _reject(path, f"unsupported compression in {name!r}")
        if info.file_size > limits.max_entry_bytes:
            raise _reject(path, f"{name!r} is {info.file_size:,} bytes (limit {limits.max_entry_bytes:,})")
        if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise _reject(path, f"{name!r} compressed more than {limits.max_ratio:.0f}:1 (zip bomb?)")
        total += info.file_size
        packed += info.compress_size
    if total > limits.max_total_bytes:
        raise _reject(path, f"{total:,} bytes uncompressed (limit {limits.max_total_bytes:,})")
    if total > limits.ratio_floor and total > limits.max_ratio * max(packed, 1):
        raise _reject(path, f"compressed more than {limits.max_ratio:.0f}:1 overall (zip bomb?)")


def _read(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> bytes:
    # ZipExtFile never returns more than the declared size and checks the CRC at the end.
    try:
        with zf.open(info) as fh:
            data = fh.read(info.file_size + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
        raise _reject(path, f"damaged entry {info.filename!r} ({exc})") from None
    if len(data) != info.file_size:
        raise _reject(path, f"entry {info.filename!r} is not the size it declares")
    return data


def _no_duplicate_keys(pairs):
    out = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r}")
        out[key] = value
    return out


def _json(data: bytes, name: str, path: Path):
    try:
        return json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicate_keys)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _reject(path, f"malformed JSON in {name} ({str(exc).splitlines()[0][:120]})") from None


def _need(cond: bool, path: Path, why: str) -> None:
    if not cond:
        raise _reject(path, why)


def _is_str_list(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def check_article_shape(article, where: str, path: Path) -> None:
    """The split/1 article fields have the types the library stores."""
    _need(isinstance(article, dict), path, f"{where}: the article is not a JSON object")
    for key in _STRING_FIELDS:
        _need(article.get(key) is None or isinstance(article[key], str), path, f"{where}: {key} is not text")
    for key in _LIST_FIELDS:
        _need(article.get(key) is None or _is_str_list(article[key]), path, f"{where}: {key} is not a list of text")
    blocks = article.get("blocks") or []
    _need(isinstance(blocks, list) and all(
        isinstance(b, dict) and isinstance(b.get("text"), str) and b.get("kind", "paragraph") in ("paragraph", "subhead")
        for b in blocks), path, f"{where}: blocks are not paragraphs/subheads with text")
    fixes = article.get("fixes") or []
    _need(isinstance(fixes, list) and all(_is_fix(f) for f in fixes), path, f"{where}: malformed fixes")


def _is_fix(fix) -> bool:
    return (isinstance(fix, dict) and all(isinstance(fix.get(k), str) for k in ("rule", "action", "before", "after"))
            and all(fix.get(k) is None or type(fix[k]) is int for k in ("block", "start")))


def _fields_ok(path: Path, check, *args) -> None:
    try:
        check(*args)
    except fields.FieldError as exc:
        raise _reject(path, str(exc)) from None


def _check_manifest(manifest, path: Path, limits: fields.FieldLimits) -> dict[int, dict]:
    _need(isinstance(manifest, dict), path, "manifest.json is not a JSON object")
    schema = manifest.get("schema")
    _need(schema == SCHEMA, path, f"unknown or newer bundle schema {schema!r} (this archivist reads {SCHEMA})")
    _need(manifest.get("kind") in KINDS, path, f"unknown bundle kind {manifest.get('kind')!r}")
    for key in ("library_id", "base_library_id"):
        _need(isinstance(manifest.get(key), str) and manifest[key], path, f"manifest.json: no {key}")
    _need(isinstance(manifest.get("files"), dict), path, "manifest.json: no files table")
    entries = manifest.get("articles")
    _need(isinstance(entries, list), path, "manifest.json: no article list")
    out: dict[int, dict] = {}
    for e in entries:
        _need(isinstance(e, dict) and type(e.get("id")) is int and e["id"] > 0, path, "manifest.json: bad article id")
        _need(e["id"] not in out, path, f"manifest.json: article #{e['id']} listed twice")
        for key in ("revision_id", "base_revision_id"):
            _need(type(e.get(key)) is int, path, f"manifest.json: article #{e['id']}: no {key}")
        for key in ("content_sha256", "base_content_sha256"):
            _need(isinstance(e.get(key), str), path, f"manifest.json: article #{e['id']}: no {key}")
        for key in ("tags", "base_tags"):
            _need(_is_str_list(e.get(key)), path, f"manifest.json: article #{e['id']}: {key} is not a list of text")
        _need(isinstance(e.get("files"), dict), path, f"manifest.json: article #{e['id']}: no files")
        _fields_ok(path, fields.check_entry, e, limits)
        out[e["id"]] = e
    return out


def read_bundle(path, limits: Limits | None = None) -> Bundle:
    """Open and check a bundle completely; raises BundleError (one line) if anything is off."""
    path = Path(path)
    limits = limits or Limits()
    field_limits = fields.FieldLimits()
    try:
        zf = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise BundleError(f"{path}: no such file") from None
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _reject(path, f"not a zip file ({exc})") from None
    with zf:
        infos = zf.infolist()
        _check_entries(path, infos, limits)
        by_name = {i.filename: i for i in infos}
        _need(MANIFEST in by_name, path, "no manifest.json")
        manifest = _json(_read(zf, by_name[MANIFEST], path), MANIFEST, path)
        entries = _check_manifest(manifest, path, field_limits)
        expected: dict[str, str] = {}
        for name, digest in manifest["files"].items():
            _need(isinstance(digest, str) and (name == INDEX or SOURCE_NAME.match(name) is not None), path,
                  f"manifest.json lists an unexpected file {name!r}")
            expected[name] = digest
        for article_id, e in entries.items():
            names = article_names(article_id)
            _need(set(e["files"]) == set(names), path, f"manifest.json: article #{article_id}: wrong file list")
            expected.update(e["files"])
        present = set(by_name) - {MANIFEST}
        extra, missing = sorted(present - set(expected)), sorted(set(expected) - present)
        _need(not extra, path, f"entry not listed in the manifest: {extra[:1]}")
        _need(not missing, path, f"file listed in the manifest is missing: {missing[:1]}")
        bundle = Bundle(path, "", manifest, entries=entries)
        for name in sorted(expected, key=lambda n: (n.startswith("articles/"), n)):
            data = _read(zf, by_name[name], path)
            _need(sha256(data) == expected[name], path, f"checksum mismatch for {name}")
            if name.startswith("sources/"):
                _need(SOURCE_NAME.match(name).group(1) == sha256(data), path, f"{name} is not the file it names")
                bundle.sources[sha256(data)] = data
            elif name.endswith(".json"):
                bundle.articles[int(ARTICLE_NAME.match(name).group(1))] = _check_record(
                    _json(data, name, path), name, entries, path, field_limits)
    bundle.sha256 = _file_sha256(path)
    return bundle


def _check_record(record, name: str, entries: dict[int, dict], path: Path, limits: fields.FieldLimits) -> dict:
    article_id = int(ARTICLE_NAME.match(name).group(1))
    _need(isinstance(record, dict) and record.get("id") == article_id, path, f"{name}: wrong or missing id")
    check_article_shape(record.get("article"), name, path)
    _need(_is_str_list(record.get("tags")), path, f"{name}: tags are not a list of text")
    source = record.get("source")
    _need(isinstance(source, dict) and type(source.get("id")) is int and isinstance(source.get("sha256"), str)
          and isinstance(source.get("filename"), str), path, f"{name}: no source record")
    _fields_ok(path, fields.check_record, record, name, limits)
    _need(article_sha256(record["article"]) == entries[article_id]["content_sha256"], path,
          f"checksum mismatch: {name} content is not the revision the manifest names")
    return record


def _file_sha256(path: Path) -> str:
    import hashlib  # noqa: PLC0415

    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
