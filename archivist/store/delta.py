"""Line deltas between two revisions of an article (the older one stored as a delta
against the newer, db/0007): the JSON one value a line, so a changed paragraph costs
its own line, not the article."""
from __future__ import annotations

import json
from difflib import SequenceMatcher


def _lines(article: dict) -> list[str]:
    return json.dumps(article, ensure_ascii=False, indent=0).split("\n")


def make(newer: dict, older: dict) -> str:
    """A delta that rebuilds `older` from `newer`: [start, end] copies newer's lines, a
    string is a line of its own."""
    new, old = _lines(newer), _lines(older)
    ops: list = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, new, old, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append([i1, i2])
        elif tag in ("replace", "insert"):
            ops.extend(old[j1:j2])
    return json.dumps(ops, ensure_ascii=False, separators=(",", ":"))


def apply(newer: dict, delta: str) -> dict:
    new = _lines(newer)
    out: list[str] = []
    for op in json.loads(delta):
        if isinstance(op, str):
            out.append(op)
        else:
            out.extend(new[op[0]:op[1]])
    return json.loads("\n".join(out))
