"""The edition in the three-way merge (issue 16): paper, date, page, section, edition,
notes and the article's own date are part of the article, merged field by field like its
text. Base = the edition the desk exported (the manifest entry's base_edition), theirs =
the bundle's, mine = the library's now:

  theirs == base, or theirs == mine   → nothing
  mine == base                        → take theirs
  otherwise                           → a conflict over that field, kept with the three
                                        values until someone resolves it
A bundle without a base_edition (made before editions were merged) leaves editions alone.
"""
from __future__ import annotations

import hashlib
import json

from archivist.edition import check_date

MERGED = ("paper", "date", "page", "section", "edition", "notes", "own_date")


def values(edition: dict | None) -> dict | None:
    """The merged fields of an edition record, "" and None alike (missing); None for none."""
    if not isinstance(edition, dict):
        return None
    return {f: (edition.get(f) or ("" if f == "notes" else None)) for f in MERGED}


def three_way(base: dict | None, theirs: dict | None, mine: dict | None) -> tuple[dict, dict]:
    """(fields to take from theirs, {field: {"base", "mine", "theirs"}} both changed)."""
    base, theirs, mine = values(base), values(theirs), values(mine)
    if base is None or theirs is None or mine is None:
        return {}, {}
    take, clash = {}, {}
    for f in MERGED:
        b, t, m = base[f], theirs[f], mine[f]
        if t == b or t == m:
            continue
        if m == b:
            take[f] = t
        else:
            clash[f] = {"base": b, "mine": m, "theirs": t}
    return take, clash


def conflict_sha256(clash: dict) -> str:
    """What keys an edition conflict (as theirs_sha256 keys a text one): the values the
    review wants, so merging the same bundle again finds the conflict it made before."""
    theirs = {f: v["theirs"] for f, v in sorted(clash.items())}
    text = json.dumps({"edition": theirs}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


LABELS = {"paper": "paper", "date": "date", "page": "page", "section": "section", "edition": "edition",
          "notes": "notes", "own_date": "own date"}


def edition_text(clash: dict, side: str) -> str:
    """One side ("mine" or "theirs") of an edition conflict as "field: value" lines, the
    shape edition_from_text reads back (what the conflicts dialog shows and edits)."""
    return "\n".join(f"{LABELS[f]}: {clash[f][side] or ''}" for f in MERGED if f in clash)


def edition_from_text(clash: dict, text: str) -> dict:
    """Edited "field: value" lines → {field: value or None} for the conflict's fields; a
    line for another field, none for one of them, or a date that is none, is a ValueError."""
    by_label = {v: k for k, v in LABELS.items()}
    out: dict = {}
    for line in text.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            continue
        label, sep, value = line.partition(":")
        field = by_label.get(label.strip())
        if not sep or field not in clash:
            raise ValueError(f"not one of this conflict's fields: {line.strip()[:40]!r}")
        out[field] = check_date(value) if field in ("date", "own_date") else (value.strip() or None)
    if set(out) != set(clash):
        raise ValueError(f"give a line for each of: {', '.join(LABELS[f] for f in clash)}")
    return out
