"""Every field of a bundle checked for type and range before merge or open trusts it.

The reader checks the zip and the JSON shapes; this checks what the library will do with
the values: ids SQLite can hold, text it can encode (no lone surrogates such as an
escaped \\ud800), sizes that cannot make a merge take minutes and gigabytes (a
10-million-character headline, a million-item deck), tag names that are names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from archivist.edition import check_date
from archivist.store.tags import clean_tag

MAX_ID = 2**63 - 1
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_SURROGATE = re.compile("[\ud800-\udfff]")
STATUSES = ("new", "reviewed")
_TITLE_FIELDS = ("kicker", "headline", "subtitle", "dateline")
_LIST_FIELDS = ("deck", "byline", "captions", "credit")


@dataclass(frozen=True)
class FieldLimits:
    title_chars: int = 2_000          # kicker, headline, subtitle, dateline, one tag
    item_chars: int = 20_000          # one deck line, byline, caption
    list_items: int = 1_000           # deck, byline, captions, credit, tags
    blocks: int = 20_000
    text_chars: int = 5_000_000       # all of an article's text together
    fixes: int = 100_000
    position: int = 1_000_000         # an article's place on its page; fix offsets


class FieldError(ValueError):
    """Why a value is refused; the reader turns it into the bundle's one line."""


def _need(cond: bool, why: str) -> None:
    if not cond:
        raise FieldError(why)


def _text(value, what: str, limit: int) -> int:
    _need(isinstance(value, str), f"{what} is not text")
    _need(len(value) <= limit, f"{what} is {len(value):,} characters (limit {limit:,})")
    _need(_SURROGATE.search(value) is None, f"{what} holds a lone surrogate (not Unicode text)")
    return len(value)


def check_id(value, what: str) -> None:
    _need(type(value) is int and 1 <= value <= MAX_ID, f"{what} is not an id (1 to 2^63-1): {str(value)[:40]!r}")


def check_tags(tags, what: str, limits: FieldLimits) -> None:
    _need(isinstance(tags, list) and len(tags) <= limits.list_items, f"{what}: too many tags or not a list")
    for tag in tags:
        _text(tag, f"{what}: a tag", limits.title_chars)
        try:
            clean_tag(tag)
        except ValueError:
            raise FieldError(f"{what}: an empty tag name {tag!r}") from None


def check_article(article: dict, what: str, limits: FieldLimits) -> None:
    """Sizes and values of a split/1 article whose shape the reader has checked."""
    total = 0
    for key in _TITLE_FIELDS:
        if article.get(key) is not None:
            total += _text(article[key], f"{what}: {key}", limits.title_chars)
    for key in _LIST_FIELDS:
        items = article.get(key) or []
        _need(len(items) <= limits.list_items, f"{what}: {key} has {len(items):,} items (limit {limits.list_items:,})")
        total += sum(_text(v, f"{what}: {key}", limits.item_chars) for v in items)
    blocks = article.get("blocks") or []
    _need(len(blocks) <= limits.blocks, f"{what}: {len(blocks):,} blocks (limit {limits.blocks:,})")
    total += sum(_text(b["text"], f"{what}: a block", limits.text_chars) for b in blocks)
    fixes = article.get("fixes") or []
    _need(len(fixes) <= limits.fixes, f"{what}: {len(fixes):,} fixes (limit {limits.fixes:,})")
    for f in fixes:
        for key in ("rule", "action", "before", "after", "reason", "field", "kind"):
            if f.get(key) is not None:
                total += _text(f[key], f"{what}: a fix's {key}", limits.text_chars)
        for key in ("block", "start"):
            _need(f.get(key) is None or 0 <= f[key] <= limits.position, f"{what}: a fix's {key} is out of range")
    _need(total <= limits.text_chars, f"{what}: {total:,} characters of text (limit {limits.text_chars:,})")


def check_edition(edition, what: str, limits: FieldLimits) -> None:
    """An article's edition (paper, date, page, …, reasons): text fields, real dates."""
    _need(edition is None or isinstance(edition, dict), f"{what} is not an object")
    for key, value in (edition or {}).items():
        _need(isinstance(key, str) and len(key) <= 40, f"{what}: a field name")
        if key == "reasons":
            _need(isinstance(value, dict) and all(isinstance(v, str) and len(v) <= 400 for v in value.values()),
                  f"{what}: reasons")
        elif value is not None:
            _text(value, f"{what}: {key}", limits.title_chars)
            if key in ("date", "own_date"):  # merged into the library: a real date or nothing
                try:
                    _need(check_date(value) == value, f"{what}: {key} is not YYYY-MM-DD")
                except ValueError:
                    raise FieldError(f"{what}: {key} is not a date") from None


def check_entry(e: dict, limits: FieldLimits) -> None:
    what = f"manifest.json: article #{e['id']}"
    check_edition(e.get("base_edition"), f"{what}: base_edition", limits)
    check_id(e["id"], what)
    for key in ("revision_id", "base_revision_id"):
        check_id(e[key], f"{what}: {key}")
    check_tags(e["tags"], what, limits)
    check_tags(e["base_tags"], f"{what}: base_tags", limits)
    for key in ("status", "base_status"):
        _need(e.get(key) is None or e[key] in STATUSES, f"{what}: {key} is not one of {STATUSES}")
    for key, value in e.items():  # every other text field: encodable, short, hashes are hashes
        if isinstance(value, str):
            _text(value, f"{what}: {key}", limits.title_chars)
            if key.endswith("sha256"):
                _need(_SHA256.match(value) is not None, f"{what}: {key} is not a sha256")


def check_record(record: dict, name: str, limits: FieldLimits) -> None:
    check_article(record["article"], name, limits)
    check_tags(record["tags"], name, limits)
    source = record["source"]
    check_id(source["id"], f"{name}: source id")
    _need(_SHA256.match(source["sha256"]) is not None, f"{name}: the source's sha256 is not one")
    _text(source["filename"], f"{name}: the source's file name", limits.title_chars)
    for key in ("date",):
        if record.get(key) is not None:
            _text(record[key], f"{name}: {key}", 40)
        if source.get(key) is not None:
            _text(source[key], f"{name}: source {key}", 40)
    check_edition(record.get("edition"), f"{name}: edition", limits)
    position = record.get("position")
    _need(position is None or (type(position) is int and 0 <= position <= limits.position),
          f"{name}: position out of range")
    _need(record.get("status") is None or record["status"] in STATUSES, f"{name}: unknown status")
    _need(record.get("trashed") is None or isinstance(record["trashed"], bool), f"{name}: trashed is not true/false")
